/* test_visit.c: unit tests for follow-up visits — field checks at their
 * limits, the whole-record check, the visit calendar at the window edges
 * with the date passed in, missed visits, the next visit, local times. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "visit.h"

static day_t day(const char *s)
{
	day_t d = DAY_NONE;
	assert_true(date_parse(s, &d));
	return d;
}

/* W4 due 2026-03-01, window -3/+7 days: 2026-02-26 .. 2026-03-08. */
static struct schedule_item w4(void)
{
	struct schedule_item it = {0};
	it.id = 7;
	it.kind = SCHED_VISIT;
	strcpy(it.label, "W4");
	it.target = it.due = day("2026-03-01");
	it.window_before = 3;
	it.window_after = 7;
	it.state = SCHED_OPEN;
	return it;
}

static void test_window_edges(void **state)
{
	struct schedule_item it = w4();
	assert_int_equal(visit_window_start(&it), day("2026-02-26"));
	assert_int_equal(visit_window_end(&it), day("2026-03-08"));
	assert_int_equal(visit_mark(&it, day("2026-02-25")), VMARK_UPCOMING);
	assert_int_equal(visit_mark(&it, day("2026-02-26")), VMARK_DUE);
	assert_int_equal(visit_mark(&it, day("2026-03-01")), VMARK_DUE);
	assert_int_equal(visit_mark(&it, day("2026-03-08")), VMARK_DUE);
	assert_int_equal(visit_mark(&it, day("2026-03-09")), VMARK_OVERDUE);
	assert_int_equal(visit_days_overdue(&it, day("2026-03-08")), 0);
	assert_int_equal(visit_days_overdue(&it, day("2026-03-09")), 1);
	assert_int_equal(visit_days_overdue(&it, day("2026-04-08")), 31);
	assert_int_equal(visit_timing_of(&it, day("2026-02-25")), VT_EARLY);
	assert_int_equal(visit_timing_of(&it, day("2026-02-26")), VT_IN_WINDOW);
	assert_int_equal(visit_timing_of(&it, day("2026-03-08")), VT_IN_WINDOW);
	assert_int_equal(visit_timing_of(&it, day("2026-03-09")), VT_LATE);
}

/* The timing table: every value has a code and a label, the codes are the
 * stored words of today ("" for unscheduled), parse(code) round-trips. */
static void test_timing_table(void **state)
{
	static const char *const codes[VT_COUNT] = {"", "early", "in_window", "late"};
	for (int i = 0; i < VT_COUNT; i++) {
		enum visit_timing t = (enum visit_timing)i, back = VT_COUNT;
		assert_string_equal(visit_timing_str(t), codes[i]);
		assert_true(*visit_timing_label(t));
		assert_true(visit_timing_parse(visit_timing_str(t), &back));
		assert_int_equal(back, t);
	}
	assert_string_equal(visit_timing_label(VT_IN_WINDOW), "in window");
	assert_string_equal(visit_timing_label(VT_NONE), "unscheduled");
	assert_string_equal(visit_timing_detail(VT_EARLY), "before its window");
	assert_string_equal(visit_timing_detail(VT_IN_WINDOW), "");
	assert_string_equal(visit_timing_str(VT_COUNT), "");
	assert_string_equal(visit_timing_label(VT_COUNT), "");
	enum visit_timing untouched = VT_LATE;
	assert_false(visit_timing_parse("in window", &untouched));
	assert_false(visit_timing_parse(NULL, &untouched));
	assert_int_equal(untouched, VT_LATE);
}

static void test_zero_window(void **state)
{
	struct schedule_item it = w4();
	it.window_before = it.window_after = 0;
	assert_int_equal(visit_mark(&it, day("2026-02-28")), VMARK_UPCOMING);
	assert_int_equal(visit_mark(&it, day("2026-03-01")), VMARK_DUE);
	assert_int_equal(visit_mark(&it, day("2026-03-02")), VMARK_OVERDUE);
	assert_int_equal(visit_days_overdue(&it, day("2026-03-02")), 1);
}

static void test_closed_items_keep_their_mark(void **state)
{
	struct schedule_item it = w4();
	it.state = SCHED_DONE;
	assert_int_equal(visit_mark(&it, day("2027-01-01")), VMARK_DONE);
	assert_int_equal(visit_days_overdue(&it, day("2027-01-01")), 0);
	it.state = SCHED_MISSED;
	assert_int_equal(visit_mark(&it, day("2027-01-01")), VMARK_MISSED);
	assert_int_equal(visit_days_overdue(&it, day("2027-01-01")), 0);
	it.state = SCHED_CANCELLED;
	assert_int_equal(visit_mark(&it, day("2026-03-01")), VMARK_CANCELLED);
	assert_string_equal(visit_mark_str(VMARK_OVERDUE), "overdue");
	assert_string_equal(visit_mark_glyph(VMARK_MISSED), "x");
}

static void test_next_visit(void **state)
{
	struct schedule_item it[4] = {w4(), w4(), w4(), w4()};
	it[0].due = day("2026-01-01"); /* overdue on 2026-03-01: not next */
	it[1].due = day("2026-03-01");
	it[1].state = SCHED_DONE;
	it[2].due = day("2026-04-01");
	it[3].due = day("2026-03-20");
	assert_int_equal(visit_next(it, 4, day("2026-03-01")), 3);
	/* Due today counts as next until its window closes. */
	assert_int_equal(visit_next(it, 4, day("2026-01-08")), 0);
	assert_int_equal(visit_next(it, 4, day("2026-01-09")), 3);
	it[3].state = SCHED_MISSED;
	assert_int_equal(visit_next(it, 4, day("2026-03-01")), 2);
	assert_int_equal(visit_next(it, 4, day("2026-05-01")), -1);
	assert_int_equal(visit_next(it, 0, day("2026-05-01")), -1);
}

static void test_temperature(void **state)
{
	struct err e;
	double t = 0;
	assert_int_equal(visit_check_temperature("37.2", &t, &e), ST_OK);
	assert_true(fabs(t - 37.2) < 1e-9);
	assert_int_equal(visit_check_temperature("30", &t, &e), ST_CONFIRM);
	assert_int_equal(visit_check_temperature("45", &t, &e), ST_CONFIRM);
	assert_int_equal(visit_check_temperature("41.0", &t, &e), ST_OK);
	assert_int_equal(visit_check_temperature("41.1", &t, &e), ST_CONFIRM);
	assert_non_null(strstr(e.msg, "above 41"));
	t = 0;
	assert_int_equal(visit_check_temperature("29.9", &t, &e), ST_INVALID);
	assert_true(t == 0);
	assert_non_null(strstr(e.msg, "temperature: 29.9 °C is outside 30-45 °C"));
	assert_int_equal(visit_check_temperature("101.3", &t, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "looks like °F (38.5 °C)"));
	assert_int_equal(visit_check_temperature("warm", &t, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "'warm' is not a number"));
}

static void test_blood_pressure(void **state)
{
	struct err e;
	int s = 0, d = 0;
	assert_int_equal(visit_check_bp("120/80", &s, &d, &e), ST_OK);
	assert_int_equal(s, 120);
	assert_int_equal(d, 80);
	assert_int_equal(visit_check_bp("50/20", &s, &d, &e), ST_CONFIRM);
	assert_string_equal(e.msg, "blood pressure: systolic 50 mmHg is below 70 mmHg (usual "
				   "70-220 mmHg) — confirm");
	assert_int_equal(visit_check_bp("180/135", &s, &d, &e), ST_CONFIRM);
	assert_string_equal(e.msg, "blood pressure: diastolic 135 mmHg is above 130 mmHg (usual "
				   "40-130 mmHg) — confirm");
	/* A refusal of either value comes before a warning of the other. */
	assert_int_equal(visit_check_bp("230/165", &s, &d, &e), ST_INVALID);
	assert_string_equal(e.msg, "blood pressure: diastolic 165 mmHg is outside 20-160 mmHg");
	assert_int_equal(visit_check_bp("150/155", &s, &d, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "must be below systolic"));
	assert_int_equal(visit_check_bp("261/80", &s, &d, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "systolic 261 mmHg is outside 50-260 mmHg"));
	assert_int_equal(visit_check_bp("120/161", &s, &d, &e), ST_INVALID);
	assert_int_equal(visit_check_bp("80/80", &s, &d, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "must be below systolic"));
	assert_int_equal(visit_check_bp("120", &s, &d, &e), ST_INVALID);
	assert_int_equal(visit_check_bp("120/80/60", &s, &d, &e), ST_INVALID);
	assert_int_equal(visit_check_bp("/80", &s, &d, &e), ST_INVALID);
}

static void test_grades(void **state)
{
	struct err e;
	int g = -5;
	assert_int_equal(visit_check_severity("fatigue", "moderate", &g, &e), ST_OK);
	assert_int_equal(g, SEV_MODERATE);
	assert_int_equal(visit_check_severity("fatigue", "Moderate", &g, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "fatigue: 'Moderate' is not a severity"));
	assert_int_equal(visit_check_ascites("3", &g, &e), ST_OK);
	assert_int_equal(g, 3);
	assert_int_equal(visit_check_ascites("4", &g, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "International Club of Ascites grade; accepted 0-3"));
	assert_int_equal(visit_check_he("4", &g, &e), ST_OK);
	assert_int_equal(visit_check_he("5", &g, &e), ST_INVALID);
	assert_int_equal(visit_check_he("-1", &g, &e), ST_INVALID);
	assert_non_null(strstr(visit_ascites_text(1), "ultrasound"));
	assert_non_null(strstr(visit_he_text(2), "disorientation to time"));
	assert_string_equal(visit_he_text(5), "");
	double ml;
	assert_int_equal(visit_check_paracentesis("5000", &ml, &e), ST_OK);
	assert_int_equal(visit_check_paracentesis("12001", &ml, &e), ST_CONFIRM);
	assert_int_equal(visit_check_paracentesis("20001", &ml, &e), ST_INVALID);
}

static void test_validate(void **state)
{
	struct err e;
	struct visit v;
	day_t today = day("2026-03-01");
	visit_init(&v);
	assert_int_equal(visit_validate(&v, today, &e), ST_INVALID); /* no date */
	v.date = today + 1;
	assert_int_equal(visit_validate(&v, today, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "after today"));
	v.date = today;
	assert_int_equal(visit_validate(&v, today, &e), ST_OK);
	v.paracentesis_ml = 3000;
	assert_int_equal(visit_validate(&v, today, &e), ST_INVALID);
	v.ascites = 2;
	assert_int_equal(visit_validate(&v, today, &e), ST_OK);
	v.iqr_kpa = 3;
	assert_int_equal(visit_validate(&v, today, &e), ST_INVALID);
	v.stiffness_kpa = 20;
	assert_int_equal(visit_validate(&v, today, &e), ST_OK);
	v.symptom[SYM_OEDEMA] = 4;
	assert_int_equal(visit_validate(&v, today, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "oedema"));
}

/* Bug: a stored visit's paracentesis volume was never checked against its
 * limits, so an import or a direct write of 50000 mL passed visit_validate. */
static void test_validate_uses_vital_limits(void **state)
{
	struct err e;
	struct visit v;
	day_t today = day("2026-03-01");
	visit_init(&v);
	v.date = today;
	v.ascites = 3;
	v.paracentesis_ml = 50000;
	assert_int_equal(visit_validate(&v, today, &e), ST_INVALID);
	assert_string_equal(e.msg, "paracentesis: 50000 mL is outside 0-20000 mL");
	v.paracentesis_ml = 15000; /* above the warning: confirmed at entry */
	assert_int_equal(visit_validate(&v, today, &e), ST_OK);
	v.weight_kg = 251;
	assert_int_equal(visit_validate(&v, today, &e), ST_INVALID);
	assert_string_equal(e.msg, "weight: 251 kg is outside 20-250 kg");
	v.weight_kg = 160;
	v.sbp = 120;
	v.dbp = 165;
	assert_int_equal(visit_validate(&v, today, &e), ST_INVALID);
	assert_string_equal(e.msg, "blood pressure: diastolic 165 mmHg is outside 20-160 mmHg");
	v.dbp = 125;
	v.sbp = 120;
	assert_int_equal(visit_validate(&v, today, &e), ST_INVALID);
	assert_string_equal(e.msg,
			    "blood pressure: diastolic 125 mmHg must be below systolic 120 mmHg");
	v.sbp = 230; /* above the warning, answered at entry */
	assert_int_equal(visit_validate(&v, today, &e), ST_OK);
	v.he = 5;
	assert_int_equal(visit_validate(&v, today, &e), ST_INVALID);
	assert_string_equal(e.msg, "encephalopathy: grade 5 is outside 0-4");
	v.he = VISIT_UNGRADED;
	v.stiffness_kpa = 80;
	assert_int_equal(visit_validate(&v, today, &e), ST_INVALID);
	assert_string_equal(e.msg, "liver stiffness: 80 kPa is outside 1.5-75 kPa");
}

static void test_missed(void **state)
{
	struct err e;
	struct visit v;
	visit_init(&v);
	v.state = VISIT_MISSED;
	v.date = day("2026-03-10");
	assert_int_equal(visit_validate(&v, v.date, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "only a scheduled visit"));
	v.schedule_id = 7;
	assert_int_equal(visit_validate(&v, v.date, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "reason"));
	strcpy(v.reason, "in hospital elsewhere");
	assert_int_equal(visit_validate(&v, v.date, &e), ST_OK);
	strcpy(v.reason, "line\nbreak");
	assert_int_equal(visit_validate(&v, v.date, &e), ST_INVALID);
}

static void test_times(void **state)
{
	struct err e;
	int64_t t = 0, now = (int64_t)day("2026-03-01") * 86400 + 12 * 3600;
	day_t d = DAY_NONE;
	char buf[20];
	assert_int_equal(visit_parse_time("given at", "2026-03-01 09:30", 0, now, &t, &d, &e),
			 ST_OK);
	assert_int_equal(t, (int64_t)day("2026-03-01") * 86400 + 9 * 3600 + 30 * 60);
	assert_int_equal(d, day("2026-03-01"));
	/* At UTC+8, 07:00 local is 23:00 UTC the day before; the day is local. */
	assert_int_equal(
	    visit_parse_time("given at", "2026-03-01T07:00", 8 * 3600, now, &t, &d, &e), ST_OK);
	assert_int_equal(d, day("2026-03-01"));
	assert_string_equal(visit_format_time(t, 8 * 3600, buf), "2026-03-01 07:00");
	assert_int_equal(visit_parse_time("given at", "2026-03-01 12:01", 0, now, &t, &d, &e),
			 ST_INVALID);
	assert_non_null(strstr(e.msg, "in the future"));
	assert_int_equal(visit_parse_time("onset", "2026-03-01 24:00", 0, now, &t, &d, &e),
			 ST_INVALID);
	assert_int_equal(visit_parse_time("onset", "2026-02-30 10:00", 0, now, &t, &d, &e),
			 ST_INVALID);
	assert_int_equal(visit_parse_time("onset", "2026-03-01  9:00", 0, now, &t, &d, &e),
			 ST_INVALID);
	assert_int_equal(visit_parse_time("onset", "2026-03-01", 0, now, &t, &d, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "onset: '2026-03-01' is not YYYY-MM-DD HH:MM"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_window_edges),
	    cmocka_unit_test(test_timing_table),
	    cmocka_unit_test(test_zero_window),
	    cmocka_unit_test(test_closed_items_keep_their_mark),
	    cmocka_unit_test(test_next_visit),
	    cmocka_unit_test(test_temperature),
	    cmocka_unit_test(test_blood_pressure),
	    cmocka_unit_test(test_grades),
	    cmocka_unit_test(test_validate),
	    cmocka_unit_test(test_validate_uses_vital_limits),
	    cmocka_unit_test(test_missed),
	    cmocka_unit_test(test_times),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
