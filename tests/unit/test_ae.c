/* test_ae.c: unit tests for adverse events — the CTCAE fever table at every
 * edge, grade texts, the term list, relation/action/outcome names, the
 * record check, days since the last infusion, infusion checks. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "ae.h"
#include "infusion.h"

static void test_fever_grades(void **state)
{
	assert_int_equal(ae_fever_grade(37.9, -1), 0);
	assert_int_equal(ae_fever_grade(38.0, -1), 1);
	assert_int_equal(ae_fever_grade(38.5, -1), 1);
	assert_int_equal(ae_fever_grade(39.0, -1), 1);
	assert_int_equal(ae_fever_grade(39.1, -1), 2);
	assert_int_equal(ae_fever_grade(40.0, -1), 2);
	assert_int_equal(ae_fever_grade(40.1, 2), 3);
	assert_int_equal(ae_fever_grade(40.1, 24), 3);
	assert_int_equal(ae_fever_grade(40.1, 24.5), 4);
	assert_int_equal(ae_fever_grade(41.5, 48), 4);
	assert_int_equal(ae_fever_grade(40.1, -1), 3); /* duration unknown */
	assert_int_equal(ae_fever_grade(NAN, -1), -1);
	/* 38.0 and 39.0 as arithmetic produces them, not only as parsed. */
	assert_int_equal(ae_fever_grade(37.0 + 1.0, -1), 1);
	assert_int_equal(ae_fever_grade(0.1 * 390, -1), 1);
	assert_int_equal(ae_fever_grade(0.1 * 400, -1), 2);
}

static void test_grade_texts(void **state)
{
	assert_non_null(strstr(ae_grade_text(1), "Mild"));
	assert_non_null(strstr(ae_grade_text(3), "hospitalization"));
	assert_non_null(strstr(ae_grade_text(4), "Life-threatening"));
	assert_string_equal(ae_grade_text(5), "Death related to AE.");
	assert_string_equal(ae_grade_text(0), "");
	assert_string_equal(ae_grade_text(6), "");
	struct err e;
	int g = 0;
	assert_int_equal(ae_check_grade("3", &g, &e), ST_OK);
	assert_int_equal(g, 3);
	assert_int_equal(ae_check_grade("6", &g, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "grade: '6' is not a CTCAE grade; accepted 1-5"));
	assert_int_equal(ae_check_grade("0", &g, &e), ST_INVALID);
}

static void test_terms(void **state)
{
	size_t n = 0;
	const char *const *t = ae_terms(&n);
	assert_true(n >= 40);
	assert_string_equal(t[0], "Fever");
	char out[AE_TERM_MAX + 1];
	bool listed = false;
	struct err e;
	assert_int_equal(ae_check_term("fever", out, sizeof out, &listed, &e), ST_OK);
	assert_true(listed);
	assert_string_equal(out, "Fever");
	assert_int_equal(ae_check_term("infusion RELATED reaction", out, sizeof out, &listed, &e),
			 ST_OK);
	assert_string_equal(out, "Infusion related reaction");
	assert_int_equal(ae_check_term("Itchy scalp", out, sizeof out, &listed, &e), ST_OK);
	assert_false(listed);
	assert_string_equal(out, "Itchy scalp");
	assert_int_equal(ae_check_term("", out, sizeof out, &listed, &e), ST_INVALID);
	assert_int_equal(ae_check_term("a\x1b[2Jb", out, sizeof out, &listed, &e), ST_INVALID);
}

static void test_names(void **state)
{
	enum ae_relation r;
	enum ae_action a;
	enum ae_outcome o;
	assert_true(ae_relation_parse("probable", &r));
	assert_int_equal(r, AE_REL_PROBABLE);
	assert_false(ae_relation_parse("maybe", &r));
	assert_true(ae_action_parse("infusion_stopped", &a));
	assert_string_equal(ae_action_str(a), "infusion_stopped");
	assert_true(ae_outcome_parse("not_resolved", &o));
	assert_string_equal(ae_outcome_label(o), "not recovered / not resolved");
	assert_false(ae_outcome_parse("dead", &o));
}

static struct ae event(day_t onset)
{
	struct ae a;
	ae_init(&a);
	strcpy(a.term, "Fever");
	a.grade = 1;
	a.onset = onset;
	return a;
}

static void test_validate(void **state)
{
	struct err e;
	day_t today = 20500;
	struct ae a = event(today);
	assert_int_equal(ae_validate(&a, today, &e), ST_OK);
	a.onset = today + 1;
	assert_int_equal(ae_validate(&a, today, &e), ST_INVALID);
	a = event(today - 5);
	a.outcome = AE_OUT_RESOLVED;
	assert_int_equal(ae_validate(&a, today, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "needs the resolution date"));
	a.resolved = today - 6;
	assert_int_equal(ae_validate(&a, today, &e), ST_INVALID);
	a.resolved = today - 5;
	assert_int_equal(ae_validate(&a, today, &e), ST_OK);
	a.outcome = AE_OUT_RESOLVING;
	assert_int_equal(ae_validate(&a, today, &e), ST_INVALID);
	a = event(today);
	a.grade = 5;
	assert_int_equal(ae_validate(&a, today, &e), ST_INVALID);
	a.outcome = AE_OUT_FATAL;
	assert_int_equal(ae_validate(&a, today, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "serious"));
	a.serious = true;
	assert_int_equal(ae_validate(&a, today, &e), ST_OK);
	a.grade = 3;
	assert_int_equal(ae_validate(&a, today, &e), ST_INVALID); /* fatal needs 5 */
	a = event(today);
	a.grade = 4;
	assert_int_equal(ae_validate(&a, today, &e), ST_CONFIRM);
	a.serious = true;
	assert_int_equal(ae_validate(&a, today, &e), ST_OK);
}

static void test_days_since(void **state)
{
	assert_int_equal(ae_days_since(100, 100), 0);
	assert_int_equal(ae_days_since(100, 103), 3);
	assert_int_equal(ae_days_since(104, 103), -1);
	assert_int_equal(ae_days_since(DAY_NONE, 103), -1);
}

static void test_infusion_checks(void **state)
{
	struct err e;
	double c = 0;
	assert_int_equal(infusion_check_cells("1e8", &c, &e), ST_OK);
	assert_true(c == 1e8);
	assert_int_equal(infusion_check_cells("5e6", &c, &e), ST_CONFIRM);
	assert_int_equal(infusion_check_cells("2e9", &c, &e), ST_CONFIRM);
	assert_int_equal(infusion_check_cells("1e11", &c, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "cells: '1e11' is outside 1e6-1e10 cells"));
	assert_int_equal(infusion_check_cells("lots", &c, &e), ST_INVALID);
	enum plan_route r;
	assert_true(plan_route_parse("intrahepatic", &r));
	assert_false(plan_route_parse("IV", &r));
	assert_int_equal(infusion_check_lot("", &e), ST_INVALID);
	assert_int_equal(infusion_check_lot("UC-2026-0412", &e), ST_OK);
	struct infusion f;
	infusion_init(&f);
	f.date = 100;
	f.cells = 7e7;
	strcpy(f.lot, "L1");
	strcpy(f.given_by, "nurse");
	assert_int_equal(infusion_validate(&f, 100, &e), ST_OK);
	assert_int_equal(infusion_validate(&f, 99, &e), ST_INVALID);
}

/* Observations before and after an infusion: limits, blood pressure pairs,
 * the text with units. */
static void test_infusion_obs(void **state)
{
	struct infusion f;
	struct err e;
	char out[160];
	infusion_init(&f);
	assert_true(isnan(f.before.v[IOBS_SPO2]) && isnan(f.after.v[IOBS_TEMP]));
	infusion_obs_format(&f.before, out, sizeof out);
	assert_string_equal(out, "none");
	assert_int_equal(infusion_check_obs(&f.before, "before", &e), ST_OK);
	f.before.v[IOBS_PULSE] = 251;
	assert_int_equal(infusion_check_obs(&f.before, "before", &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "before the infusion: "));
	assert_non_null(strstr(e.msg, "/min"));
	f.before.v[IOBS_PULSE] = 150; /* above the warning: the caller confirmed it */
	assert_int_equal(infusion_check_obs(&f.before, "before", &e), ST_OK);
	f.after.v[IOBS_SYSTOLIC] = 110;
	assert_int_equal(infusion_check_obs(&f.after, "after", &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "needs both values"));
	f.after.v[IOBS_DIASTOLIC] = 110;
	assert_int_equal(infusion_check_obs(&f.after, "after", &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "diastolic must be below"));
	f.after.v[IOBS_DIASTOLIC] = 70;
	f.after.v[IOBS_SPO2] = 100;
	f.after.v[IOBS_TEMP] = 37.25;
	assert_int_equal(infusion_check_obs(&f.after, "after", &e), ST_OK);
	infusion_obs_format(&f.after, out, sizeof out);
	assert_string_equal(out, "37.2 °C, BP 110/70 mmHg, SpO2 100 %");
	f.after.v[IOBS_SPO2] = 100.5;
	assert_int_equal(infusion_check_obs(&f.after, "after", &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "%"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fever_grades),    cmocka_unit_test(test_grade_texts),
	    cmocka_unit_test(test_terms),	    cmocka_unit_test(test_names),
	    cmocka_unit_test(test_validate),	    cmocka_unit_test(test_days_since),
	    cmocka_unit_test(test_infusion_checks), cmocka_unit_test(test_infusion_obs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
