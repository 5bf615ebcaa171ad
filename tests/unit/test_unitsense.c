/* test_unitsense.c: unit sense across history (unitsense.h) — the other
 * unit system, two results on one day, a jump within the window — and what
 * it leaves alone. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "unitsense.h"

static const struct unitsense_opts opts = {5.0, 30, 1.5};

static struct lab_result res(enum analyte_id a, enum unit_system u, double v, const char *date)
{
	struct lab_result r;
	struct err e;
	memset(&r, 0, sizeof r);
	char text[32];
	snprintf(text, sizeof text, "%g", v);
	assert_int_not_equal(lab_entry(a, u, text, true, &r, &e), ST_INVALID);
	assert_true(date_parse(date, &r.date));
	return r;
}

static void assert_has(const char *hay, const char *needle)
{
	if (!strstr(hay, needle))
		fail_msg("'%s' not in '%s'", needle, hay);
}

/* 5.2 typed into the SI form right after 171 µmol/L (issue 11). */
static void other_unit_system(void **state)
{
	(void)state;
	struct lab_result prev = res(ANALYTE_BILIRUBIN, UNITS_SI, 171, "2026-02-20");
	struct lab_result r = res(ANALYTE_BILIRUBIN, UNITS_SI, 5.2, "2026-02-27");
	struct err e = {""};
	assert_int_equal(unitsense_check(&r, &prev, &opts, &e), ST_CONFIRM);
	assert_string_equal(e.msg, "bilirubin 5.2 µmol/L looks like mg/dL given the previous "
				   "result 171 µmol/L (10.0 mg/dL) on 2026-02-20; enter it in "
				   "mg/dL, or confirm 5.2 µmol/L");
	/* The same value in mg/dL is what it looked like: accepted. */
	r = res(ANALYTE_BILIRUBIN, UNITS_US, 5.2, "2026-02-27");
	assert_int_equal(unitsense_check(&r, &prev, &opts, &e), ST_OK);
	/* And the other way: 171 typed into the conventional form after 10 mg/dL. */
	prev = res(ANALYTE_BILIRUBIN, UNITS_US, 10, "2026-02-20");
	r = res(ANALYTE_BILIRUBIN, UNITS_US, 60, "2026-02-27");
	assert_int_equal(unitsense_check(&r, &prev, &opts, &e), ST_CONFIRM);
	assert_has(e.msg, "bilirubin 60 mg/dL looks like µmol/L given the previous result 10.0 "
			  "mg/dL (171 µmol/L) on 2026-02-20");
	/* Albumin 29 in the g/dL form is beyond the hard limit already (analyte_check). */
}

static void same_day(void **state)
{
	(void)state;
	struct lab_result prev = res(ANALYTE_BILIRUBIN, UNITS_US, 2.3, "2026-03-01");
	struct lab_result r = res(ANALYTE_BILIRUBIN, UNITS_US, 23, "2026-03-01");
	struct err e = {""};
	assert_int_equal(unitsense_check(&r, &prev, &opts, &e), ST_CONFIRM);
	assert_string_equal(e.msg, "bilirubin 23 mg/dL differs from 2.3 mg/dL on 2026-03-01 the "
				   "same day by more than 1.5 times; confirm both are right");
	r = res(ANALYTE_BILIRUBIN, UNITS_US, 3.4, "2026-03-01"); /* 1.48 times */
	assert_int_equal(unitsense_check(&r, &prev, &opts, &e), ST_OK);
	r = res(ANALYTE_BILIRUBIN, UNITS_US, 1.5, "2026-03-01"); /* 1.53 times lower */
	assert_int_equal(unitsense_check(&r, &prev, &opts, &e), ST_CONFIRM);
	/* An analyte with one unit asks too (ALT 40 then 400). */
	prev = res(ANALYTE_ALT, UNITS_US, 40, "2026-03-01");
	r = res(ANALYTE_ALT, UNITS_US, 400, "2026-03-01");
	assert_int_equal(unitsense_check(&r, &prev, &opts, &e), ST_CONFIRM);
}

static void jump_within_window(void **state)
{
	(void)state;
	struct lab_result prev = res(ANALYTE_CREATININE, UNITS_US, 0.9, "2026-02-10");
	struct lab_result r = res(ANALYTE_CREATININE, UNITS_US, 9.0, "2026-02-25");
	struct err e = {""};
	assert_int_equal(unitsense_check(&r, &prev, &opts, &e), ST_CONFIRM);
	assert_string_equal(e.msg, "creatinine 9 mg/dL changed more than 5-fold from the previous "
				   "result 0.90 mg/dL on 2026-02-10, 15 days before; confirm the "
				   "value");
	/* Beyond jump_days the change is history, not a slip. */
	r.date = prev.date + 31;
	assert_int_equal(unitsense_check(&r, &prev, &opts, &e), ST_OK);
	r.date = prev.date + 30;
	assert_int_equal(unitsense_check(&r, &prev, &opts, &e), ST_CONFIRM);
	/* Within the factor: accepted. */
	r = res(ANALYTE_CREATININE, UNITS_US, 4.4, "2026-02-25");
	assert_int_equal(unitsense_check(&r, &prev, &opts, &e), ST_OK);
	/* A clinic's larger factor. */
	struct unitsense_opts wide = {20.0, 30, 1.5};
	r = res(ANALYTE_CREATININE, UNITS_US, 9.0, "2026-02-25");
	assert_int_equal(unitsense_check(&r, &prev, &wide, &e), ST_OK);
}

static void left_alone(void **state)
{
	(void)state;
	struct err e = {""};
	struct lab_result r = res(ANALYTE_BILIRUBIN, UNITS_US, 23, "2026-03-01");
	/* Nothing to compare with. */
	assert_int_equal(unitsense_check(&r, NULL, &opts, &e), ST_OK);
	/* Another analyte. */
	struct lab_result other = res(ANALYTE_INR, UNITS_US, 1.2, "2026-03-01");
	assert_int_equal(unitsense_check(&r, &other, &opts, &e), ST_OK);
	/* HBV DNA moves by logs. */
	struct lab_result d0 = res(ANALYTE_HBV_DNA, UNITS_US, 20, "2026-03-01");
	struct lab_result d1 = res(ANALYTE_HBV_DNA, UNITS_US, 2e6, "2026-03-01");
	assert_int_equal(unitsense_check(&d1, &d0, &opts, &e), ST_OK);
	/* A zero (ALT 0) has no ratio. */
	struct lab_result z0 = res(ANALYTE_ALT, UNITS_US, 0, "2026-03-01");
	struct lab_result z1 = res(ANALYTE_ALT, UNITS_US, 40, "2026-03-01");
	assert_int_equal(unitsense_check(&z1, &z0, &opts, &e), ST_OK);
	/* A previous result dated after the new one is not "previous". */
	struct lab_result later = res(ANALYTE_BILIRUBIN, UNITS_US, 2.3, "2026-03-02");
	assert_int_equal(unitsense_check(&r, &later, &opts, &e), ST_OK);
}

/* HBV DNA in log10 IU/mL, and a bare IU/mL value under 10 (lab.h). */
static void hbv_dna_log10(void **state)
{
	(void)state;
	struct lab_result r;
	struct err e = {""};
	memset(&r, 0, sizeof r);
	assert_int_equal(lab_entry(ANALYTE_HBV_DNA, UNITS_US, "5.3", false, &r, &e), ST_CONFIRM);
	assert_has(e.msg, "hbv_dna 5.3 IU/mL is under 10: was it 5.3 log10 IU/mL (about 199526");
	assert_int_equal(lab_entry(ANALYTE_HBV_DNA, UNITS_US, "5.3", true, &r, &e), ST_OK);
	assert_true(r.confirmed);
	assert_string_equal(r.unit, "IU/mL");
	assert_int_equal(lab_entry(ANALYTE_HBV_DNA, UNITS_US, "0", false, &r, &e), ST_OK);
	assert_int_equal(lab_entry(ANALYTE_HBV_DNA, UNITS_US, "10", false, &r, &e), ST_OK);
	assert_false(r.confirmed);
	assert_int_equal(lab_entry_log10(ANALYTE_HBV_DNA, "5.3", false, &r, &e), ST_OK);
	assert_true(lab_is_log10(&r));
	assert_true(fabs(r.canonical - 199526.23) < 0.01);
	assert_true(r.value == 5.3);
	char buf[40];
	lab_entered_text(&r, buf, sizeof buf);
	assert_string_equal(buf, "5.30 log10 IU/mL");
	assert_int_equal(lab_entry_log10(ANALYTE_HBV_DNA, "10.5", false, &r, &e), ST_INVALID);
	assert_has(e.msg, "accepted 0-10 log10 IU/mL");
	assert_int_equal(lab_entry_log10(ANALYTE_HBV_DNA, "-1", false, &r, &e), ST_INVALID);
	assert_int_equal(lab_entry_log10(ANALYTE_BILIRUBIN, "1", false, &r, &e), ST_INVALID);
	assert_has(e.msg, "HBV DNA only");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(other_unit_system),  cmocka_unit_test(same_day),
	    cmocka_unit_test(jump_within_window), cmocka_unit_test(left_alone),
	    cmocka_unit_test(hbv_dna_log10),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
