/* test_infusion_fix.c: the check of an infusion's correction
 * (infusion_check_correction) — only the items a changed field bears on are
 * judged again (cells: dose; route: route, dose, intrahepatic; time:
 * interval, dose, lot), the others stand as recorded; the scheduled item
 * the infusion closed counts as its own, not as "already done". */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "infusion_check.h"

static day_t day(const char *s)
{
	day_t d = DAY_NONE;
	assert_true(date_parse(s, &d));
	return d;
}

static void assert_has(const char *hay, const char *needle)
{
	if (!strstr(hay, needle))
		fail_msg("'%s' not in '%s'", needle, hay);
}

static struct protocol proto;

/* An IV infusion of 3.2e7 cells on 2026-03-02 under a plan of 0.5e6/kg x
 * 60 kg every 28 days (window 2), closing "Infusion 2" (id 7), the last
 * infusion 28 days before; the patient's status, evaluation and consent
 * are not loaded at all (they would refuse a new infusion). */
static void setup_input(struct icheck_input *in, struct infusion *was)
{
	memset(in, 0, sizeof *in);
	proto.safety[SAFE_DOSE_TOLERANCE] = 10;
	proto.weight_window_days = 14;
	proto.infusion_window_days = 2;
	in->today = day("2026-03-02");
	in->have_plan = true;
	in->plan.route = ROUTE_IV;
	in->plan.cells_per_kg = 0.5e6;
	in->plan.interval_days = 28;
	in->plan.id = 3;
	in->weight_kg = 60;
	in->weight_date = day("2026-02-28");
	in->have_last = true;
	infusion_init(&in->last);
	in->last.date = day("2026-02-02");
	in->have_item = true;
	in->item.id = 7;
	in->item.plan_id = 3;
	in->item.kind = SCHED_INFUSION;
	strcpy(in->item.label, "Infusion 2");
	in->item.due = day("2026-03-02");
	in->item.window_before = 2;
	in->item.window_after = 2;
	in->item.state = SCHED_DONE; /* closed by this very infusion */
	infusion_init(was);
	was->id = 11;
	was->schedule_id = 7;
	was->route = ROUTE_IV;
	was->cells = 3.2e7;
	was->date = day("2026-03-02");
	was->given_at = date_to_time(was->date) + 9 * 3600;
	strcpy(was->lot, "UC-1");
	in->have_infusion = true;
	in->f = *was;
}

static void test_cells(void **state)
{
	struct icheck_input *in = malloc(sizeof *in);
	struct icheck_result r;
	struct infusion was;
	setup_input(in, &was);
	in->f.cells = 3.0e7;
	infusion_check_correction(&proto, in, &was, &r);
	assert_int_equal(r.state, ICHK_PASS);
	assert_string_equal(r.summary, "PASSES");
	assert_has(r.lines[ICHECK_STATUS].data, "not changed by the correction");
	assert_has(r.lines[ICHECK_DOSE].data, "3.0 x 10^7 cells given");
	in->f.cells = 5e7;
	infusion_check_correction(&proto, in, &was, &r);
	assert_int_equal(r.state, ICHK_REFUSE);
	assert_string_equal(r.summary, "REFUSED: dose");
	assert_has(r.lines[ICHECK_DOSE].reason, "67 % over the planned");
	/* The same input as a new infusion is refused on status, evaluation and
	 * consent too: the correction does not judge the patient again. */
	infusion_check_run(&proto, in, &r);
	assert_has(r.summary, "status");
	free(in);
}

static void test_route(void **state)
{
	struct icheck_input *in = malloc(sizeof *in);
	struct icheck_result r;
	struct infusion was;
	setup_input(in, &was);
	in->f.route = ROUTE_INTRAHEPATIC;
	infusion_check_correction(&proto, in, &was, &r);
	assert_int_equal(r.lines[ICHECK_ROUTE].state, ICHK_REFUSE);
	assert_has(r.lines[ICHECK_ROUTE].reason, "does not match the plan's iv");
	free(in);
}

static void test_time(void **state)
{
	struct icheck_input *in = malloc(sizeof *in);
	struct icheck_result r;
	struct infusion was;
	setup_input(in, &was);
	/* The same day, another hour: its own item is not "already done". */
	in->f.given_at = was.given_at + 3600;
	infusion_check_correction(&proto, in, &was, &r);
	assert_int_equal(r.lines[ICHECK_INTERVAL].state, ICHK_PASS);
	assert_has(r.lines[ICHECK_INTERVAL].data, "Infusion 2 due 2026-03-02");
	/* Ten days earlier: 18 days after the last infusion, before the window. */
	in->f.date = day("2026-02-20");
	in->f.given_at = date_to_time(in->f.date) + 9 * 3600;
	infusion_check_correction(&proto, in, &was, &r);
	assert_int_equal(r.lines[ICHECK_INTERVAL].state, ICHK_REFUSE);
	assert_has(r.lines[ICHECK_INTERVAL].reason,
		   "18 days after the last infusion; the plan needs at least 26");
	/* The lot was not changed but the day was: the lot is judged again
	 * (not on file here: refused). */
	assert_int_equal(r.lines[ICHECK_LOT].state, ICHK_REFUSE);
	free(in);
}

static void test_untouched(void **state)
{
	struct icheck_input *in = malloc(sizeof *in);
	struct icheck_result r;
	struct infusion was;
	setup_input(in, &was);
	strcpy(in->f.reaction, "chills");
	infusion_check_correction(&proto, in, &was, &r);
	assert_int_equal(r.state, ICHK_PASS);
	for (int i = 0; i < ICHECK_COUNT; i++)
		assert_string_equal(r.lines[i].data, "as recorded; not changed by the correction");
	free(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_cells),
	    cmocka_unit_test(test_route),
	    cmocka_unit_test(test_time),
	    cmocka_unit_test(test_untouched),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
