/* test_analyte.c: unit tests of the analyte table, units, validation, flags and formatting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "analyte.h"
#include "status.h"

#define assert_contains(hay, needle)                                                 \
	do {                                                                         \
		if (!strstr((hay), (needle)))                                        \
			fail_msg("\"%s\" does not contain \"%s\"", (hay), (needle)); \
	} while (0)

#define assert_not_contains(hay, needle)                                                  \
	do {                                                                              \
		if (strstr((hay), (needle)))                                              \
			fail_msg("\"%s\" unexpectedly contains \"%s\"", (hay), (needle)); \
	} while (0)

static bool loinc_shaped(const char *s)
{
	size_t n = strspn(s, "0123456789");
	return n >= 1 && n <= 7 && s[n] == '-' && s[n + 1] >= '0' && s[n + 1] <= '9' && !s[n + 2];
}

static void test_table_consistent(void **state)
{
	(void)state;
	for (int i = 0; i < ANALYTE_COUNT; i++) {
		const struct analyte *a = analyte_get((enum analyte_id)i);
		enum analyte_id back;
		assert_non_null(a);
		assert_int_equal(a->id, i);
		assert_true(a->key[0] && a->label[0] && a->short_label[0]);
		assert_true(strlen(a->short_label) <= 10);
		assert_true(analyte_from_key(a->key, &back));
		assert_int_equal(back, i);
		assert_true(loinc_shaped(a->loinc));
		assert_true(a->si_factor > 0);
		/* hard contains warn contains reference */
		assert_true(a->hard_lo >= 0);
		assert_true(a->hard_lo <= a->warn_lo);
		assert_true(a->warn_lo <= a->ref_lo);
		assert_true(a->ref_lo < a->ref_hi);
		assert_true(a->ref_hi <= a->warn_hi);
		assert_true(a->warn_hi <= a->hard_hi);
		for (int u = 0; u < UNIT_SYSTEM_COUNT; u++) {
			enum unit_system got;
			assert_non_null(a->unit[u]);
			assert_true(a->decimals[u] >= 0 && a->decimals[u] <= 3);
			assert_true(analyte_unit_parse((enum analyte_id)i, a->unit[u], &got));
			assert_string_equal(analyte_unit((enum analyte_id)i, got), a->unit[u]);
		}
		/* Same unit text in both systems means no conversion. */
		if (strcmp(a->unit[UNITS_US], a->unit[UNITS_SI]) == 0)
			assert_true(a->si_factor == 1.0);
	}
	assert_null(analyte_get(ANALYTE_COUNT));
	assert_null(analyte_get((enum analyte_id) - 1));
}

static void test_keys_and_loinc(void **state)
{
	static const struct {
		const char *key, *loinc, *unit_us, *unit_si;
	} want[ANALYTE_COUNT] = {
	    {"bilirubin", "1975-2", "mg/dL", "µmol/L"},
	    {"inr", "6301-6", "", ""},
	    {"pt", "5902-2", "s", "s"},
	    {"pta", "5894-1", "%", "%"},
	    {"creatinine", "2160-0", "mg/dL", "µmol/L"},
	    {"sodium", "2951-2", "mmol/L", "mmol/L"},
	    {"albumin", "1751-7", "g/dL", "g/L"},
	    {"alt", "1742-6", "U/L", "U/L"},
	    {"ast", "1920-8", "U/L", "U/L"},
	    {"alp", "6768-6", "U/L", "U/L"},
	    {"ggt", "2324-2", "U/L", "U/L"},
	    {"platelets", "777-3", "10^9/L", "10^9/L"},
	    {"afp", "1834-1", "ng/mL", "ng/mL"},
	    {"hbv_dna", "29615-2", "IU/mL", "IU/mL"},
	};
	enum analyte_id id;
	(void)state;

	for (int i = 0; i < ANALYTE_COUNT; i++) {
		const struct analyte *a = analyte_get((enum analyte_id)i);
		assert_string_equal(a->key, want[i].key);
		assert_string_equal(a->loinc, want[i].loinc);
		assert_string_equal(analyte_unit((enum analyte_id)i, UNITS_US), want[i].unit_us);
		assert_string_equal(analyte_unit((enum analyte_id)i, UNITS_SI), want[i].unit_si);
	}
	assert_false(analyte_from_key("Bilirubin", &id));
	assert_false(analyte_from_key("", &id));
	assert_false(analyte_from_key(NULL, &id));
	assert_true(analyte_from_key("hbv_dna", &id));
	assert_int_equal(id, ANALYTE_HBV_DNA);
}

static void test_conversions(void **state)
{
	(void)state;
	assert_true(fabs(analyte_from_canonical(ANALYTE_BILIRUBIN, UNITS_SI, 1.0) - 17.1) < 1e-12);
	assert_true(fabs(analyte_to_canonical(ANALYTE_BILIRUBIN, UNITS_SI, 17.1) - 1.0) < 1e-12);
	assert_true(fabs(analyte_from_canonical(ANALYTE_CREATININE, UNITS_SI, 1.0) - 88.4) < 1e-12);
	assert_true(fabs(analyte_to_canonical(ANALYTE_CREATININE, UNITS_SI, 170) - 1.923077) <
		    1e-6);
	assert_true(fabs(analyte_from_canonical(ANALYTE_ALBUMIN, UNITS_SI, 3.5) - 35.0) < 1e-12);
	assert_true(analyte_to_canonical(ANALYTE_ALBUMIN, UNITS_SI, 35.0) == 3.5);
	assert_true(analyte_to_canonical(ANALYTE_ALBUMIN, UNITS_SI, 28.0) == 2.8);
	assert_true(analyte_to_canonical(ANALYTE_SODIUM, UNITS_SI, 140) == 140);
	assert_true(analyte_to_canonical(ANALYTE_PLATELETS, UNITS_SI, 150) == 150);
	assert_true(analyte_to_canonical(ANALYTE_BILIRUBIN, UNITS_US, 2.5) == 2.5);
	for (int i = 0; i < ANALYTE_COUNT; i++) {
		double c = 1.37;
		double back =
		    analyte_to_canonical((enum analyte_id)i, UNITS_SI,
					 analyte_from_canonical((enum analyte_id)i, UNITS_SI, c));
		assert_true(fabs(back - c) < 1e-12);
	}
}

static void test_unit_parse(void **state)
{
	enum unit_system u = UNIT_SYSTEM_COUNT;
	(void)state;
	static const struct {
		enum analyte_id id;
		const char *text;
		bool ok;
		enum unit_system want;
	} cases[] = {
	    {ANALYTE_BILIRUBIN, "mg/dL", true, UNITS_US},
	    {ANALYTE_BILIRUBIN, "mg/dl", true, UNITS_US},
	    {ANALYTE_BILIRUBIN, " MG/DL ", true, UNITS_US},
	    {ANALYTE_BILIRUBIN, "umol/L", true, UNITS_SI},
	    {ANALYTE_BILIRUBIN, "µmol/L", true, UNITS_SI},
	    {ANALYTE_BILIRUBIN, "μmol/L", true, UNITS_SI}, /* Greek mu */
	    {ANALYTE_BILIRUBIN, "umol/l", true, UNITS_SI},
	    {ANALYTE_BILIRUBIN, "g/L", false, UNITS_US},
	    {ANALYTE_BILIRUBIN, "", false, UNITS_US},
	    {ANALYTE_BILIRUBIN, "mg/dL|umol/L", false, UNITS_US},
	    {ANALYTE_CREATININE, "µmol/L", true, UNITS_SI},
	    {ANALYTE_CREATININE, "mg/dL", true, UNITS_US},
	    {ANALYTE_ALBUMIN, "g/L", true, UNITS_SI},
	    {ANALYTE_ALBUMIN, "g/dL", true, UNITS_US},
	    {ANALYTE_ALBUMIN, "g/dl", true, UNITS_US},
	    {ANALYTE_ALBUMIN, "mg/dL", false, UNITS_US},
	    {ANALYTE_SODIUM, "mmol/L", true, UNITS_US},
	    {ANALYTE_SODIUM, "mEq/L", true, UNITS_US},
	    {ANALYTE_PLATELETS, "10^9/L", true, UNITS_US},
	    {ANALYTE_PLATELETS, "10^3/uL", true, UNITS_US},
	    {ANALYTE_PLATELETS, "10^3/µL", true, UNITS_US},
	    {ANALYTE_PLATELETS, "×10^9/L", true, UNITS_US},
	    {ANALYTE_PLATELETS, "10^4/uL", false, UNITS_US}, /* would need a factor 10 */
	    {ANALYTE_INR, "", true, UNITS_US},
	    {ANALYTE_INR, "ratio", true, UNITS_US},
	    {ANALYTE_INR, "s", false, UNITS_US},
	    {ANALYTE_PT, "s", true, UNITS_US},
	    {ANALYTE_PTA, "%", true, UNITS_US},
	    {ANALYTE_ALT, "U/L", true, UNITS_US},
	    {ANALYTE_ALT, "IU/L", true, UNITS_US},
	    {ANALYTE_AFP, "ng/mL", true, UNITS_US},
	    {ANALYTE_HBV_DNA, "IU/mL", true, UNITS_US},
	    {ANALYTE_HBV_DNA, "copies/mL", false, UNITS_US},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		u = UNIT_SYSTEM_COUNT;
		bool ok = analyte_unit_parse(cases[i].id, cases[i].text, &u);
		if (ok != cases[i].ok)
			fail_msg("unit '%s' for %s: got %d", cases[i].text,
				 analyte_get(cases[i].id)->key, ok);
		if (ok)
			assert_int_equal(u, cases[i].want);
	}
	assert_false(analyte_unit_parse(ANALYTE_BILIRUBIN, NULL, &u));
	assert_false(analyte_unit_parse(ANALYTE_COUNT, "mg/dL", &u));
}

static void test_refuses_non_numbers(void **state)
{
	static const char *bad[] = {"abc",  "",	     "   ",  "nan",   "NaN", "inf",
				    "-inf", "1e999", "0x10", "1.2.3", "1,2", "12abc"};
	struct err e;
	double c = -99;
	enum lab_flag f = FLAG_HIGH;
	(void)state;

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(
		    analyte_parse_value(ANALYTE_BILIRUBIN, UNITS_US, bad[i], &c, &f, &e),
		    ST_INVALID);
		assert_contains(e.msg, "bilirubin: '");
		assert_contains(e.msg, "is not a number");
		assert_contains(e.msg, "0-80 mg/dL");
	}
	assert_int_equal(analyte_parse_value(ANALYTE_BILIRUBIN, UNITS_US, "abc", &c, &f, &e),
			 ST_INVALID);
	assert_string_equal(e.msg, "bilirubin: 'abc' is not a number; enter a value in 0-80 mg/dL");
	assert_int_equal(analyte_parse_value(ANALYTE_BILIRUBIN, UNITS_US, NULL, &c, &f, &e),
			 ST_INVALID);
	/* Outputs untouched on refusal. */
	assert_true(c == -99);
	assert_int_equal(f, FLAG_HIGH);

	assert_int_equal(analyte_parse_value(ANALYTE_BILIRUBIN, UNITS_US, "-1", &c, &f, &e),
			 ST_INVALID);
	assert_string_equal(e.msg, "bilirubin -1 mg/dL is outside 0-80 mg/dL");
	assert_int_equal(analyte_parse_value(ANALYTE_BILIRUBIN, UNITS_US, " 1.5 ", &c, &f, &e),
			 ST_OK);
	assert_true(c == 1.5);
	assert_int_equal(f, FLAG_HIGH);
	assert_int_equal(analyte_parse_value(ANALYTE_BILIRUBIN, UNITS_SI, "17.1", &c, &f, &e),
			 ST_OK);
	assert_true(fabs(c - 1.0) < 1e-12);
	assert_int_equal(f, FLAG_NONE);
}

static void test_refuses_non_finite_and_negative(void **state)
{
	const double bad[] = {NAN, INFINITY, -INFINITY, -0.5, -1e-9};
	struct err e;
	(void)state;

	for (int i = 0; i < ANALYTE_COUNT; i++) {
		for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
			for (int u = 0; u < UNIT_SYSTEM_COUNT; u++) {
				assert_int_equal(analyte_check((enum analyte_id)i,
							       (enum unit_system)u, bad[k], NULL,
							       NULL, &e),
						 ST_INVALID);
				assert_contains(e.msg, analyte_get((enum analyte_id)i)->key);
			}
		}
	}
	assert_int_equal(analyte_check(ANALYTE_COUNT, UNITS_US, 1, NULL, NULL, &e), ST_INVALID);
	assert_int_equal(analyte_check(ANALYTE_INR, UNIT_SYSTEM_COUNT, 1, NULL, NULL, &e),
			 ST_INVALID);
	assert_int_equal(analyte_check(ANALYTE_INR, UNITS_US, 1, NULL, NULL, NULL), ST_OK);
}

/* Every refusal names the field, the value, the unit and the accepted range. */
static void test_refusal_messages_name_range(void **state)
{
	struct err e;
	char want[160];
	(void)state;

	for (int i = 0; i < ANALYTE_COUNT; i++) {
		const struct analyte *a = analyte_get((enum analyte_id)i);
		for (int u = 0; u < UNIT_SYSTEM_COUNT; u++) {
			double f = u == UNITS_SI ? a->si_factor : 1.0;
			double v = a->hard_hi * f * 3 + 1;
			const char *sep = a->unit[u][0] ? " " : "";
			assert_int_equal(analyte_check((enum analyte_id)i, (enum unit_system)u, v,
						       NULL, NULL, &e),
					 ST_INVALID);
			snprintf(want, sizeof want, "%s %g%s%s is outside %g-%g%s%s", a->key, v,
				 sep, a->unit[u], a->hard_lo * f, a->hard_hi * f, sep, a->unit[u]);
			assert_contains(e.msg, want);
			/* Exactly at the hard limits is accepted. */
			assert_int_not_equal(analyte_check((enum analyte_id)i, (enum unit_system)u,
							   a->hard_hi * f, NULL, NULL, &e),
					     ST_INVALID);
			assert_int_not_equal(analyte_check((enum analyte_id)i, (enum unit_system)u,
							   a->hard_lo * f, NULL, NULL, &e),
					     ST_INVALID);
		}
	}
}

static void test_unit_sniffing(void **state)
{
	struct err e;
	(void)state;

	assert_int_equal(analyte_check(ANALYTE_BILIRUBIN, UNITS_US, 85, NULL, NULL, &e),
			 ST_INVALID);
	assert_contains(e.msg, "looks like µmol/L");
	assert_contains(e.msg, "85 µmol/L = 4.97 mg/dL");
	assert_int_equal(analyte_check(ANALYTE_BILIRUBIN, UNITS_US, 95, NULL, NULL, &e),
			 ST_INVALID);
	assert_string_equal(e.msg, "bilirubin 95 mg/dL is outside 0-80 mg/dL; looks like µmol/L "
				   "(95 µmol/L = 5.56 mg/dL)");
	assert_int_equal(analyte_check(ANALYTE_CREATININE, UNITS_US, 88, NULL, NULL, &e),
			 ST_INVALID);
	assert_contains(e.msg, "creatinine 88 mg/dL is outside 0.1-25 mg/dL");
	assert_contains(e.msg, "looks like µmol/L");
	assert_int_equal(analyte_check(ANALYTE_ALBUMIN, UNITS_US, 35, NULL, NULL, &e), ST_INVALID);
	assert_string_equal(e.msg, "albumin 35 g/dL is outside 0.5-7 g/dL; looks like g/L "
				   "(35 g/L = 3.5 g/dL)");
	/* Reverse direction: a g/dL number typed into a g/L field. */
	assert_int_equal(analyte_check(ANALYTE_ALBUMIN, UNITS_SI, 3.5, NULL, NULL, &e), ST_INVALID);
	assert_string_equal(e.msg, "albumin 3.5 g/L is outside 5-70 g/L; looks like g/dL "
				   "(3.5 g/dL = 35 g/L)");
	/* Implausible in both systems: no guess. */
	assert_int_equal(analyte_check(ANALYTE_BILIRUBIN, UNITS_US, 2000, NULL, NULL, &e),
			 ST_INVALID);
	assert_not_contains(e.msg, "looks like");
	assert_int_equal(analyte_check(ANALYTE_BILIRUBIN, UNITS_SI, 1400, NULL, NULL, &e),
			 ST_INVALID);
	assert_string_equal(e.msg, "bilirubin 1400 µmol/L is outside 0-1368 µmol/L");
	/* Same unit in both systems: never "looks like". */
	assert_int_equal(analyte_check(ANALYTE_SODIUM, UNITS_US, 300, NULL, NULL, &e), ST_INVALID);
	assert_string_equal(e.msg, "sodium 300 mmol/L is outside 90-200 mmol/L");
}

static void test_warning_confirm(void **state)
{
	struct err e;
	double c = 0;
	enum lab_flag f = FLAG_NONE;
	(void)state;

	assert_int_equal(analyte_check(ANALYTE_INR, UNITS_US, 7.2, &c, &f, &e), ST_CONFIRM);
	assert_string_equal(e.msg, "inr 7.2 is above 6 — confirm it is correct");
	assert_true(c == 7.2);
	assert_int_equal(f, FLAG_CRIT_HIGH);
	assert_int_equal(analyte_check(ANALYTE_SODIUM, UNITS_US, 118, &c, &f, &e), ST_CONFIRM);
	assert_string_equal(e.msg, "sodium 118 mmol/L is below 120 mmol/L — confirm it is correct");
	assert_int_equal(f, FLAG_CRIT_LOW);
	assert_int_equal(analyte_check(ANALYTE_PTA, UNITS_US, 30, &c, &f, &e), ST_CONFIRM);
	assert_contains(e.msg, "pta 30 % is below 40 %");
	assert_int_equal(analyte_check(ANALYTE_PT, UNITS_US, 31, &c, &f, &e), ST_CONFIRM);
	assert_contains(e.msg, "pt 31 s is above 30 s");
	assert_int_equal(analyte_check(ANALYTE_ALT, UNITS_US, 1500, &c, &f, &e), ST_CONFIRM);
	assert_int_equal(analyte_check(ANALYTE_AFP, UNITS_US, 500, &c, &f, &e), ST_CONFIRM);
	assert_int_equal(analyte_check(ANALYTE_HBV_DNA, UNITS_US, 1e9, &c, &f, &e), ST_OK);
	assert_int_equal(f, FLAG_HIGH);
	/* In SI the limit is quoted in SI: 30 mg/dL = 513 µmol/L. */
	assert_int_equal(analyte_check(ANALYTE_BILIRUBIN, UNITS_SI, 600, &c, &f, &e), ST_CONFIRM);
	assert_contains(e.msg, "bilirubin 600 µmol/L is above 513 µmol/L");
	assert_true(fabs(c - 600 / 17.1) < 1e-9);
	/* A confirm whose number is unremarkable in the other unit says so... */
	assert_int_equal(analyte_check(ANALYTE_BILIRUBIN, UNITS_US, 40, &c, &f, &e), ST_CONFIRM);
	assert_string_equal(e.msg, "bilirubin 40 mg/dL is above 30 mg/dL — confirm it is correct; "
				   "or was it µmol/L (40 µmol/L = 2.34 mg/dL)");
	/* ...but not when it would be beyond a warning limit there too. */
	assert_int_equal(analyte_check(ANALYTE_CREATININE, UNITS_US, 20, &c, &f, &e), ST_CONFIRM);
	assert_string_equal(e.msg, "creatinine 20 mg/dL is above 10 mg/dL — confirm it is correct");
	assert_int_equal(analyte_check(ANALYTE_BILIRUBIN, UNITS_US, 0.05, &c, &f, &e), ST_CONFIRM);
	assert_contains(e.msg, "below 0.1 mg/dL");
	/* At the warning limit itself: no confirm. */
	assert_int_equal(analyte_check(ANALYTE_INR, UNITS_US, 6.0, &c, &f, &e), ST_OK);
	assert_string_equal(e.msg, "");
	assert_int_equal(analyte_check(ANALYTE_BILIRUBIN, UNITS_US, 30.0, &c, &f, &e), ST_OK);
}

static void test_flags(void **state)
{
	static const struct {
		enum analyte_id id;
		double v;
		enum lab_flag want;
	} cases[] = {
	    {ANALYTE_BILIRUBIN, 1.0, FLAG_NONE},   {ANALYTE_BILIRUBIN, 1.2, FLAG_NONE},
	    {ANALYTE_BILIRUBIN, 1.3, FLAG_HIGH},   {ANALYTE_BILIRUBIN, 31, FLAG_CRIT_HIGH},
	    {ANALYTE_SODIUM, 134, FLAG_LOW},	   {ANALYTE_SODIUM, 135, FLAG_NONE},
	    {ANALYTE_SODIUM, 146, FLAG_HIGH},	   {ANALYTE_SODIUM, 119, FLAG_CRIT_LOW},
	    {ANALYTE_SODIUM, 156, FLAG_CRIT_HIGH}, {ANALYTE_ALBUMIN, 3.0, FLAG_LOW},
	    {ANALYTE_ALBUMIN, 1.4, FLAG_CRIT_LOW}, {ANALYTE_INR, 1.5, FLAG_HIGH},
	    {ANALYTE_PLATELETS, 100, FLAG_LOW},	   {ANALYTE_PLATELETS, 15, FLAG_CRIT_LOW},
	    {ANALYTE_AFP, 0, FLAG_NONE},	   {ANALYTE_PTA, 50, FLAG_LOW},
	};
	(void)state;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(analyte_flag(cases[i].id, cases[i].v), cases[i].want);
	assert_int_equal(analyte_flag(ANALYTE_SODIUM, NAN), FLAG_NONE);
	assert_string_equal(lab_flag_mark(FLAG_NONE), "");
	assert_string_equal(lab_flag_mark(FLAG_LOW), "L");
	assert_string_equal(lab_flag_mark(FLAG_HIGH), "H");
	assert_string_equal(lab_flag_mark(FLAG_CRIT_LOW), "!!L");
	assert_string_equal(lab_flag_mark(FLAG_CRIT_HIGH), "!!H");
	assert_string_equal(lab_flag_mark((enum lab_flag)42), "");
}

static void test_format(void **state)
{
	char buf[32];
	(void)state;

	assert_int_equal(analyte_format(ANALYTE_BILIRUBIN, UNITS_US, 1.234, buf, sizeof buf), 3);
	assert_string_equal(buf, "1.2");
	analyte_format(ANALYTE_BILIRUBIN, UNITS_SI, 1.234, buf, sizeof buf);
	assert_string_equal(buf, "21");
	analyte_format(ANALYTE_CREATININE, UNITS_US, 1.0, buf, sizeof buf);
	assert_string_equal(buf, "1.00");
	analyte_format(ANALYTE_CREATININE, UNITS_SI, 1.0, buf, sizeof buf);
	assert_string_equal(buf, "88");
	analyte_format(ANALYTE_ALBUMIN, UNITS_US, 3.5, buf, sizeof buf);
	assert_string_equal(buf, "3.5");
	analyte_format(ANALYTE_ALBUMIN, UNITS_SI, 3.5, buf, sizeof buf);
	assert_string_equal(buf, "35");
	analyte_format(ANALYTE_INR, UNITS_US, 1.234, buf, sizeof buf);
	assert_string_equal(buf, "1.23");
	analyte_format(ANALYTE_SODIUM, UNITS_SI, 137, buf, sizeof buf);
	assert_string_equal(buf, "137");
	analyte_format(ANALYTE_PT, UNITS_US, 12.44, buf, sizeof buf);
	assert_string_equal(buf, "12.4");
	assert_int_equal(analyte_format(ANALYTE_COUNT, UNITS_US, 1, buf, sizeof buf), -1);
	assert_int_equal(analyte_format(ANALYTE_INR, UNITS_US, 1, NULL, 0), -1);
	/* Truncation is reported like snprintf. */
	assert_int_equal(analyte_format(ANALYTE_HBV_DNA, UNITS_US, 123456, buf, 4), 6);
	assert_string_equal(buf, "123");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_table_consistent),
	    cmocka_unit_test(test_keys_and_loinc),
	    cmocka_unit_test(test_conversions),
	    cmocka_unit_test(test_unit_parse),
	    cmocka_unit_test(test_refuses_non_numbers),
	    cmocka_unit_test(test_refuses_non_finite_and_negative),
	    cmocka_unit_test(test_refusal_messages_name_range),
	    cmocka_unit_test(test_unit_sniffing),
	    cmocka_unit_test(test_warning_confirm),
	    cmocka_unit_test(test_flags),
	    cmocka_unit_test(test_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
