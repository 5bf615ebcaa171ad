/* test_report_build.c: the outcomes report built in slices
 * (app_report_build_*) is app_report_outcomes' report, whatever the slice;
 * a cancelled build logs nothing and leaves no transaction open. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tmpdb.h"
#include <math.h>
#include <sqlite3.h>

#include "../../src/store/store_int.h"
#include "app.h"
#include "demo.h"
#include "uc_report.h"

struct fx {
	char dir[TMPDB_DIR_MAX];
	char path[TMPDB_PATH_MAX];
	struct store *st;
	struct app app;
	struct report *whole; /* app_report_outcomes' report */
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct err e;
	tmpdb_open(f->dir, f->path, "rbuild", "clinic.db", &f->st);
	assert_int_equal(store_set_actor(f->st, "alice", &e), ST_OK);
	/* A few dozen treated patients (30 in follow-up beside 100 others). */
	struct demo_opts o = {100, 11, date_from_time(testclock_now, 0), 30};
	assert_int_equal(demo_generate(f->st, &o, &e), ST_OK);
	f->app.st = f->st;
	f->app.clock = testclock;
	config_defaults(&f->app.cfg);
	struct report_filter flt;
	report_filter_init(&flt);
	f->whole = calloc(1, sizeof *f->whole);
	assert_int_equal(app_report_outcomes(&f->app, &flt, f->whole, &e), ST_OK);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	report_free(f->whole);
	free(f->whole);
	tmpdb_remove(f->dir, f->st);
	free(f);
	return 0;
}

/* Rows of table "report" in the access trail (its own file, PATH.access). */
static int report_rows(const struct fx *f)
{
	char path[TMPDB_PATH_MAX + 16];
	snprintf(path, sizeof path, "%s.access", f->path);
	sqlite3 *db = NULL;
	sqlite3_stmt *q = NULL;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(
	    sqlite3_prepare_v2(db, "SELECT count(*) FROM audit WHERE tbl = 'report'", -1, &q, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	int n = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	sqlite3_close(db);
	return n;
}

/* --- the comparison: every number the report shows --- */

static void same_d(double a, double b)
{
	if (isnan(a) || isnan(b))
		assert_true(isnan(a) && isnan(b));
	else
		assert_true(a == b);
}

static void same_desc(const struct stats_desc *a, const struct stats_desc *b)
{
	assert_int_equal(a->n, b->n);
	const double x[] = {a->mean, a->sd, a->median, a->q1, a->q3, a->min, a->max};
	const double y[] = {b->mean, b->sd, b->median, b->q1, b->q3, b->min, b->max};
	for (size_t i = 0; i < sizeof x / sizeof x[0]; i++)
		same_d(x[i], y[i]);
}

static void same_cell(const struct report_cell *a, const struct report_cell *b)
{
	assert_int_equal(a->nvalues, b->nvalues);
	assert_memory_equal(a->missing, b->missing, sizeof a->missing);
	assert_int_equal(a->no_baseline, b->no_baseline);
	same_desc(&a->baseline, &b->baseline);
	same_desc(&a->value, &b->value);
	same_desc(&a->change, &b->change);
	assert_int_equal(a->test.n, b->test.n);
	assert_int_equal(a->test.df, b->test.df);
	assert_int_equal(a->test.n_nonzero, b->test.n_nonzero);
	assert_int_equal(a->test.method, b->test.method);
	same_d(a->test.t, b->test.t);
	same_d(a->test.p_t, b->test.p_t);
	same_d(a->test.w_plus, b->test.w_plus);
	same_d(a->test.p_w, b->test.p_w);
	for (int i = 0; i < a->nvalues; i++) {
		const struct report_value *u = &a->values[i], *v = &b->values[i];
		assert_int_equal(u->patient, v->patient);
		assert_int_equal(u->have_baseline, v->have_baseline);
		same_d(u->baseline, v->baseline);
		same_d(u->value, v->value);
		assert_int_equal(u->day, v->day);
	}
}

static void same_term(const struct report_term *a, const struct report_term *b)
{
	assert_string_equal(a->term, b->term);
	assert_int_equal(a->patients, b->patients);
	assert_int_equal(a->events, b->events);
	assert_memory_equal(a->worst, b->worst, sizeof a->worst);
	assert_int_equal(a->related_events, b->related_events);
	assert_int_equal(a->serious_patients, b->serious_patients);
	assert_int_equal(a->discont_events, b->discont_events);
}

static void same_curve(const struct report_curve *a, const struct report_curve *b)
{
	assert_int_equal(a->n, b->n);
	assert_int_equal(a->events, b->events);
	assert_int_equal(a->nsteps, b->nsteps);
	for (int i = 0; i < a->nsteps; i++) {
		const struct km_step *u = &a->steps[i], *v = &b->steps[i];
		same_d(u->time, v->time);
		assert_int_equal(u->at_risk, v->at_risk);
		assert_int_equal(u->events, v->events);
		assert_int_equal(u->censored, v->censored);
		same_d(u->surv, v->surv);
		same_d(u->lower, v->lower);
		same_d(u->upper, v->upper);
	}
	assert_int_equal(a->median.reached, b->median.reached);
	same_d(a->median.median, b->median.median);
	assert_memory_equal(a->at_risk, b->at_risk, sizeof a->at_risk);
	for (int i = 0; i < REPORT_KM_TIMES; i++)
		same_d(a->surv_at[i], b->surv_at[i]);
}

static void same_report(const struct report *a, const struct report *b)
{
	assert_int_equal(a->npatients, b->npatients);
	for (int p = 0; p < a->npatients; p++) {
		assert_int_equal(a->patients[p].id, b->patients[p].id);
		assert_string_equal(a->patients[p].mrn, b->patients[p].mrn);
		assert_int_equal(a->patients[p].first_infusion, b->patients[p].first_infusion);
		assert_int_equal(a->patients[p].infusions, b->patients[p].infusions);
	}
	assert_int_equal(a->nweeks, b->nweeks);
	assert_memory_equal(a->weeks, b->weeks, sizeof a->weeks);
	assert_int_equal(a->nmeasures, b->nmeasures);
	for (int m = 0; m < a->nmeasures; m++) {
		assert_string_equal(a->measures[m].key, b->measures[m].key);
		for (int w = 0; w < a->nweeks; w++)
			same_cell(report_cell_c(a, m, w), report_cell_c(b, m, w));
	}
	const struct report_safety *x = &a->safety, *y = &b->safety;
	assert_int_equal(x->naes, y->naes);
	assert_int_equal(x->nterms, y->nterms);
	assert_int_equal(x->treated, y->treated);
	assert_int_equal(x->infusions, y->infusions);
	same_d(x->per_patient, y->per_patient);
	same_d(x->per_infusion, y->per_infusion);
	same_term(&x->any, &y->any);
	for (int i = 0; i < x->nterms; i++)
		same_term(&x->terms[i], &y->terms[i]);
	for (int k = 0; k < RKM_COUNT; k++)
		same_curve(&a->km[k], &b->km[k]);
	assert_true(a->finished && b->finished);
}

/* --- the tests --- */

/* The demo has something in every section, or the comparison says little. */
static void demo_fills_the_report(void **state)
{
	struct fx *f = *state;
	assert_true(f->whole->npatients >= 24);
	assert_true(f->whole->nweeks > 0);
	assert_true(f->whole->safety.naes > 0);
	assert_true(f->whole->km[RKM_OS].nsteps > 0);
	assert_true(report_cell_c(f->whole, 0, 0)->value.n > 0);
	assert_int_equal(report_rows(f), 1);
}

/* Slices of 1, 7 and all (0) give the same report, and each logs one row. */
static void slices_give_the_same_report(void **state)
{
	struct fx *f = *state;
	static const int slices[] = {1, 7, 0};
	for (size_t k = 0; k < sizeof slices / sizeof slices[0]; k++) {
		struct err e = {""};
		struct report_filter flt;
		report_filter_init(&flt);
		struct report *r = calloc(1, sizeof *r);
		struct report_build *b = NULL;
		assert_int_equal(app_report_build_begin(&f->app, &flt, r, &b, &e), ST_OK);
		int walked = -1, total = -1, steps = 0;
		app_report_build_progress(b, &walked, &total);
		assert_int_equal(walked, 0);
		assert_int_equal(total, f->whole->npatients); /* no filter: every one */
		bool done = false;
		while (!done) {
			assert_int_equal(app_report_build_step(b, slices[k], &done, &e), ST_OK);
			app_report_build_progress(b, &walked, &total);
			assert_true(walked <= total);
			if (slices[k] > 0 && !done)
				assert_int_equal(walked, (steps + 1) * slices[k]);
			steps++;
		}
		assert_int_equal(walked, total);
		if (slices[k] == 1) /* one step per patient and one that finds the end */
			assert_int_equal(steps, total + 1);
		assert_int_equal(app_report_build_end(b, &e), ST_OK);
		same_report(r, f->whole);
		assert_int_equal(report_rows(f), (int)k + 2);
		report_free(r);
		free(r);
	}
}

/* A date filter: the count is the patients first infused in the range,
 * and the sliced report is app_report_outcomes' with that filter. */
static void filtered_count_and_report(void **state)
{
	struct fx *f = *state;
	struct err e = {""};
	struct report_filter flt;
	report_filter_init(&flt);
	int mid = f->whole->npatients / 2;
	flt.from = f->whole->patients[mid].first_infusion;
	int expect = 0;
	for (int p = 0; p < f->whole->npatients; p++)
		expect += f->whole->patients[p].first_infusion >= flt.from;
	struct report *whole = calloc(1, sizeof *whole), *r = calloc(1, sizeof *r);
	assert_int_equal(app_report_outcomes(&f->app, &flt, whole, &e), ST_OK);
	assert_int_equal(whole->npatients, expect);
	assert_true(expect > 0 && expect < f->whole->npatients);
	struct report_build *b = NULL;
	assert_int_equal(app_report_build_begin(&f->app, &flt, r, &b, &e), ST_OK);
	int walked = -1, total = -1;
	app_report_build_progress(b, &walked, &total);
	assert_int_equal(total, expect);
	bool done = false;
	while (!done)
		assert_int_equal(app_report_build_step(b, 3, &done, &e), ST_OK);
	assert_int_equal(app_report_build_end(b, &e), ST_OK);
	same_report(r, whole);
	report_free(whole);
	report_free(r);
	free(whole);
	free(r);
}

/* Cancelled half way: no access row, no transaction left open (a write
 * succeeds), and a new build afterwards is whole again. */
static void cancel_logs_nothing_and_releases(void **state)
{
	struct fx *f = *state;
	struct err e = {""};
	struct report_filter flt;
	report_filter_init(&flt);
	struct report *r = calloc(1, sizeof *r);
	struct report_build *b = NULL;
	assert_int_equal(app_report_build_begin(&f->app, &flt, r, &b, &e), ST_OK);
	bool done = false;
	assert_int_equal(app_report_build_step(b, 5, &done, &e), ST_OK);
	assert_false(done);
	assert_int_equal(sqlite3_get_autocommit(f->st->db), 0); /* the snapshot is open */
	app_report_build_cancel(b);
	assert_int_equal(sqlite3_get_autocommit(f->st->db), 1);
	assert_int_equal(report_rows(f), 1);
	struct user dave = {0, "dave", "Dave", ROLE_BIT(ROLE_NURSE), false};
	assert_int_equal(store_user_add(f->st, &dave, &e), ST_OK);
	report_free(r);
	memset(r, 0, sizeof *r);
	assert_int_equal(app_report_outcomes(&f->app, &flt, r, &e), ST_OK);
	same_report(r, f->whole);
	assert_int_equal(report_rows(f), 2);
	app_report_build_cancel(NULL);
	report_free(r);
	free(r);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
	    T(demo_fills_the_report),
	    T(slices_give_the_same_report),
	    T(filtered_count_and_report),
	    T(cancel_logs_nothing_and_releases),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
