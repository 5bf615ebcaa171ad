/* test_plan.c: dose arithmetic and schedule generation, without storage. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "assets.h"
#include "plan.h"

#define DEFAULT "assets/protocols/ucmsc-default.ini"

struct fx {
	struct protocol p;
	struct patient pt;
	struct plan_request rq;
	struct plan pl;
	struct schedule_item it[PLAN_SCHEDULE_MAX];
	int n;
	struct err e;
};

static day_t day(const char *s)
{
	day_t d;
	assert_true(date_parse(s, &d));
	return d;
}

static char *fmt(day_t d)
{
	static char b[4][16];
	static int k;
	return date_format(d, b[k++ % 4]);
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_int_equal(protocol_parse(DEFAULT, asset_text(DEFAULT), &f->p, &f->e), ST_OK);
	f->pt.id = 7;
	f->pt.weight_kg = 60;
	f->pt.weight_date = day("2026-01-02");
	f->rq.route = ROUTE_IV;
	f->rq.cells_per_kg = NAN;
	f->rq.first_date = day("2026-01-05");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	free(*state);
	return 0;
}

static enum status compute(struct fx *f, const char *today)
{
	return plan_compute(&f->p, &f->pt, &f->rq, day(today), &f->pl, f->it, &f->n, &f->e);
}

static void dose_arithmetic(void **state)
{
	struct fx *f = *state;
	char b[PLAN_ARITH_MAX];
	assert_int_equal(compute(f, "2026-01-05"), ST_OK);
	assert_true(f->pl.cells_per_kg == 0.5e6);
	assert_true(f->pl.cells_per_infusion == 3.0e7);
	plan_arithmetic(&f->pl, b, sizeof b);
	assert_string_equal(b, "0.5 x 10^6 cells/kg x 60.0 kg = 3.0 x 10^7 cells");
	f->pt.weight_kg = 73.4;
	f->rq.cells_per_kg = 0.8e6;
	assert_int_equal(compute(f, "2026-01-05"), ST_OK);
	assert_true(f->pl.cells_per_infusion == 58720000);
	plan_arithmetic(&f->pl, b, sizeof b);
	assert_string_equal(b, "0.8 x 10^6 cells/kg x 73.4 kg = 5.87 x 10^7 cells");
	plan_format_cells(9.996e7, b, sizeof b);
	assert_string_equal(b, "1.0 x 10^8");
	plan_format_cells(1.5e8, b, sizeof b);
	assert_string_equal(b, "1.5 x 10^8");
}

static void dose_outside_protocol_bounds_refused(void **state)
{
	struct fx *f = *state;
	f->rq.cells_per_kg = 0.5; /* "0.5" meant as 10^6 */
	assert_int_equal(compute(f, "2026-01-05"), ST_INVALID);
	assert_non_null(strstr(f->e.msg, "cells per kg"));
	assert_non_null(strstr(f->e.msg, "1.0 x 10^5 - 1.0 x 10^6 cells/kg"));
	f->rq.cells_per_kg = 2e6;
	assert_int_equal(compute(f, "2026-01-05"), ST_INVALID);
	f->rq.cells_per_kg = NAN;
	f->rq.infusions = 9;
	assert_int_equal(compute(f, "2026-01-05"), ST_INVALID);
	assert_string_equal(f->e.msg, "infusions: 9 is outside the protocol's 1-8");
	f->rq.infusions = 0;
	f->rq.interval_days = 3;
	assert_int_equal(compute(f, "2026-01-05"), ST_INVALID);
	assert_string_equal(f->e.msg, "interval: 3 days is outside the protocol's 7-56 days");
	f->rq.interval_days = 0;
	assert_int_equal(compute(f, "2026-01-06"), ST_INVALID);
	assert_non_null(strstr(f->e.msg, "first infusion date: 2026-01-05; accepted today"));
}

static void stale_weight_must_be_remeasured(void **state)
{
	struct fx *f = *state;
	f->rq.first_date = day("2026-01-20");
	assert_int_equal(compute(f, "2026-01-16"), ST_OK); /* 14 days */
	assert_int_equal(compute(f, "2026-01-17"), ST_INVALID);
	assert_string_equal(f->e.msg, "weight: 60.0 kg was measured on 2026-01-02, 15 days ago; "
				      "the protocol accepts at most 14 days: re-measure the weight "
				      "first");
	f->pt.weight_kg = NAN;
	assert_int_equal(compute(f, "2026-01-05"), ST_INVALID);
	assert_non_null(strstr(f->e.msg, "weight: not recorded"));
}

static void schedule_generation(void **state)
{
	struct fx *f = *state;
	static const char *const visits[][2] = {
	    {"W1", "2026-01-12"},  {"W2", "2026-01-19"},  {"W4", "2026-02-02"},
	    {"W8", "2026-03-02"},  {"W12", "2026-03-30"}, {"W24", "2026-06-22"},
	    {"W36", "2026-09-14"}, {"W48", "2026-12-07"}, {"W72", "2027-05-24"},
	};
	assert_int_equal(compute(f, "2026-01-05"), ST_OK);
	assert_int_equal(f->n, 3 + 9);
	assert_string_equal(f->it[0].label, "Infusion 1");
	assert_string_equal(fmt(f->it[0].target), "2026-01-05");
	assert_string_equal(fmt(f->it[1].target), "2026-02-02");
	assert_string_equal(fmt(f->it[2].target), "2026-03-02");
	assert_string_equal(f->it[2].label, "Infusion 3");
	for (int i = 0; i < 3; i++) {
		assert_int_equal(f->it[i].kind, SCHED_INFUSION);
		assert_int_equal(f->it[i].window_before, 2);
		assert_int_equal(f->it[i].patient_id, 7);
	}
	for (int i = 0; i < 9; i++) {
		const struct schedule_item *v = &f->it[3 + i];
		assert_string_equal(v->label, visits[i][0]);
		assert_string_equal(fmt(v->target), visits[i][1]);
		assert_true(v->due == v->target);
		assert_int_equal(v->kind, SCHED_VISIT);
		assert_int_equal(v->window_before, 3);
		assert_int_equal(v->window_after, 3);
	}
	f->rq.infusions = 4;
	f->rq.interval_days = 7;
	assert_int_equal(compute(f, "2026-01-05"), ST_OK);
	assert_int_equal(f->n, 4 + 9);
	assert_string_equal(fmt(f->it[3].target), "2026-01-26");
}

static void routes(void **state)
{
	enum plan_route r;
	assert_true(plan_route_parse("intrahepatic", &r) && r == ROUTE_INTRAHEPATIC);
	assert_true(plan_route_parse("iv", &r) && r == ROUTE_IV);
	assert_false(plan_route_parse("IV ", &r));
	assert_string_equal(plan_route_str(ROUTE_INTRAHEPATIC), "intrahepatic");
}

/* The route table: every route has a code and a label, the codes are the
 * stored and command-line words of today, and parse(code) round-trips. */
static void route_table(void **state)
{
	static const char *const codes[ROUTE_COUNT] = {"iv", "intrahepatic"};
	char b[PLAN_ROUTE_CHOICES_MAX];
	for (int i = 0; i < ROUTE_COUNT; i++) {
		enum plan_route r = (enum plan_route)i, back = ROUTE_COUNT;
		assert_string_equal(plan_route_str(r), codes[i]);
		assert_true(*plan_route_label(r));
		assert_true(plan_route_parse(plan_route_str(r), &back));
		assert_int_equal(back, r);
	}
	assert_string_equal(plan_route_label(ROUTE_IV), "IV (peripheral)");
	assert_string_equal(plan_route_str(ROUTE_COUNT), "");
	assert_string_equal(plan_route_label(ROUTE_COUNT), "");
	assert_string_equal(plan_route_choices(b, sizeof b), "iv or intrahepatic");
	assert_string_equal(plan_route_choices(b, 6), "iv or");
	enum plan_route untouched = ROUTE_IV;
	assert_false(plan_route_parse("", &untouched));
	assert_false(plan_route_parse(NULL, &untouched));
	assert_int_equal(untouched, ROUTE_IV);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
	    T(dose_arithmetic),
	    T(dose_outside_protocol_bounds_refused),
	    T(stale_weight_must_be_remeasured),
	    T(schedule_generation),
	    T(routes),
	    T(route_table),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
