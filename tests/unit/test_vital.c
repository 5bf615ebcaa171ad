/* test_vital.c: unit tests of the vitals table — limits pinned row by row,
 * every hard and warning edge, and messages naming field, value, range, unit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "vital.h"

#define assert_contains(hay, needle)                                                 \
	do {                                                                         \
		if (!strstr((hay), (needle)))                                        \
			fail_msg("\"%s\" does not contain \"%s\"", (hay), (needle)); \
	} while (0)

/* The limits as REFERENCE.md section 7 and the clinic chose them, written
 * out again so that a change to the table must change this test too. */
static const struct {
	enum vital_id id;
	const char *key, *field, *unit;
	double hard_lo, hard_hi, warn_lo, warn_hi;
} pinned[] = {
    {VITAL_TEMPERATURE, "temperature", "temperature", "°C", 30, 45, 35, 41},
    {VITAL_WEIGHT, "weight", "weight", "kg", 20, 250, 40, 150},
    {VITAL_DRY_WEIGHT, "dry-weight", "dry weight", "kg", 20, 250, 40, 150},
    {VITAL_SYSTOLIC, "systolic", "blood pressure", "mmHg", 50, 260, 70, 220},
    {VITAL_DIASTOLIC, "diastolic", "blood pressure", "mmHg", 20, 160, 40, 130},
    {VITAL_PULSE, "pulse", "pulse", "/min", 20, 250, 40, 140},
    {VITAL_SPO2, "spo2", "SpO2", "%", 50, 100, 90, 100},
    {VITAL_PARACENTESIS, "paracentesis", "paracentesis", "mL", 0, 20000, 0, 12000},
    {VITAL_STIFFNESS, "stiffness", "liver stiffness", "kPa", 1.5, 75, 1.5, 25},
    {VITAL_IQR, "iqr", "stiffness IQR", "kPa", 0, 75, 0, 75},
    {VITAL_LESION, "lesion-mm", "largest lesion", "mm", 1, 300, 1, 150},
    {VITAL_ASCITES, "ascites", "ascites", "", 0, 3, 0, 3},
    {VITAL_ENCEPHALOPATHY, "encephalopathy", "encephalopathy", "", 0, 4, 0, 4},
};

static void test_table_pinned(void **state)
{
	(void)state;
	assert_int_equal(sizeof pinned / sizeof pinned[0], VITAL_COUNT);
	for (size_t i = 0; i < VITAL_COUNT; i++) {
		const struct vital *r = vital_get(pinned[i].id);
		assert_non_null(r);
		assert_int_equal(r->id, pinned[i].id);
		assert_string_equal(r->key, pinned[i].key);
		assert_string_equal(r->field, pinned[i].field);
		assert_string_equal(r->unit, pinned[i].unit);
		assert_true(r->hard_lo == pinned[i].hard_lo && r->hard_hi == pinned[i].hard_hi);
		assert_true(r->warn_lo == pinned[i].warn_lo && r->warn_hi == pinned[i].warn_hi);
		assert_true(*r->label && *r->help);
		assert_true(r->hard_lo <= r->warn_lo && r->warn_lo < r->warn_hi &&
			    r->warn_hi <= r->hard_hi);
		enum vital_id back = VITAL_COUNT;
		assert_true(vital_from_key(r->key, &back));
		assert_int_equal(back, r->id);
	}
	assert_null(vital_get(VITAL_COUNT));
	enum vital_id untouched = VITAL_WEIGHT;
	assert_false(vital_from_key("Weight", &untouched));
	assert_false(vital_from_key(NULL, &untouched));
	assert_int_equal(untouched, VITAL_WEIGHT);
}

/* The smallest step a value of the row is entered in. */
static double step(const struct vital *r)
{
	return pow(10, -r->decimals);
}

/* Every row: each edge accepted, one step beyond refused or confirmed, and
 * the message names the field, the value, the range or limit, and the unit. */
static void test_every_edge(void **state)
{
	(void)state;
	for (int i = 0; i < VITAL_COUNT; i++) {
		const struct vital *r = vital_get((enum vital_id)i);
		double d = step(r);
		char range[64], v[32];
		struct err e = {""};
		vital_range_text(r->id, range, sizeof range);
		for (int hi = 0; hi < 2; hi++) {
			double edge = hi ? r->hard_hi : r->hard_lo;
			double out = hi ? edge + d : edge - d;
			assert_int_equal(vital_check(r->id, edge, true, &e), ST_OK);
			assert_int_equal(vital_check(r->id, out, true, &e), ST_INVALID);
			assert_int_equal(vital_check(r->id, out, false, &e), ST_INVALID);
			snprintf(v, sizeof v, "%g", out);
			assert_contains(e.msg, r->field);
			assert_contains(e.msg, v);
			assert_contains(e.msg, range);
			assert_contains(e.msg, r->unit);
			assert_contains(e.msg, "is outside");
		}
		for (int hi = 0; hi < 2; hi++) {
			double edge = hi ? r->warn_hi : r->warn_lo;
			double beyond = hi ? edge + d : edge - d;
			bool warns = hi ? r->warn_hi < r->hard_hi : r->warn_lo > r->hard_lo;
			assert_int_equal(vital_check(r->id, edge, false, &e), ST_OK);
			if (!warns)
				continue;
			assert_int_equal(vital_check(r->id, beyond, false, &e), ST_CONFIRM);
			snprintf(v, sizeof v, "%g", beyond);
			assert_contains(e.msg, r->field);
			assert_contains(e.msg, v);
			assert_contains(e.msg, hi ? "is above" : "is below");
			assert_contains(e.msg, r->unit);
			assert_contains(e.msg, "— confirm");
			/* confirmed: a warning already answered passes */
			assert_int_equal(vital_check(r->id, beyond, true, &e), ST_OK);
		}
		assert_int_equal(vital_check(r->id, NAN, true, &e), ST_INVALID);
		assert_contains(e.msg, "not a finite number");
		assert_int_equal(vital_check(r->id, INFINITY, true, &e), ST_INVALID);
	}
}

static void test_messages(void **state)
{
	(void)state;
	struct err e = {""};
	double v = 0;
	assert_int_equal(vital_check(VITAL_WEIGHT, 19.9, false, &e), ST_INVALID);
	assert_string_equal(e.msg, "weight: 19.9 kg is outside 20-250 kg");
	assert_int_equal(vital_check(VITAL_WEIGHT, 150.5, false, &e), ST_CONFIRM);
	assert_string_equal(e.msg, "weight: 150.5 kg is above 150 kg (usual 40-150 kg) — confirm");
	assert_int_equal(vital_check(VITAL_WEIGHT, 39, false, &e), ST_CONFIRM);
	assert_string_equal(e.msg, "weight: 39 kg is below 40 kg (usual 40-150 kg) — confirm");
	assert_int_equal(vital_check(VITAL_TEMPERATURE, 41.5, false, &e), ST_CONFIRM);
	assert_string_equal(e.msg,
			    "temperature: 41.5 °C is above 41 °C (usual 35-41 °C) — confirm");
	assert_int_equal(vital_check(VITAL_TEMPERATURE, 101.3, false, &e), ST_INVALID);
	assert_string_equal(e.msg, "temperature: 101.3 is outside 30-45 °C; looks like °F "
				   "(38.5 °C) — enter °C");
	assert_int_equal(vital_check(VITAL_TEMPERATURE, 120, false, &e), ST_INVALID);
	assert_string_equal(e.msg, "temperature: 120 °C is outside 30-45 °C");
	assert_int_equal(vital_check(VITAL_STIFFNESS, 25.1, false, &e), ST_CONFIRM);
	assert_string_equal(e.msg, "liver stiffness: 25.1 kPa is above 25 kPa (portal "
				   "hypertension range) — confirm");
	assert_int_equal(vital_check(VITAL_PARACENTESIS, 12001, false, &e), ST_CONFIRM);
	assert_string_equal(e.msg, "paracentesis: 12001 mL is above 12000 mL — confirm");
	assert_int_equal(vital_check(VITAL_SYSTOLIC, 261, false, &e), ST_INVALID);
	assert_string_equal(e.msg, "blood pressure: systolic 261 mmHg is outside 50-260 mmHg");
	assert_int_equal(vital_check(VITAL_DIASTOLIC, 35, false, &e), ST_CONFIRM);
	assert_string_equal(e.msg, "blood pressure: diastolic 35 mmHg is below 40 mmHg (usual "
				   "40-130 mmHg) — confirm");
	assert_int_equal(vital_check(VITAL_ASCITES, 4, true, &e), ST_INVALID);
	assert_string_equal(e.msg, "ascites: grade 4 is outside 0-3");
	assert_int_equal(vital_check(VITAL_COUNT, 1, true, &e), ST_INVALID);

	/* parse: numbers for measures, whole numbers for grades */
	assert_int_equal(vital_parse(VITAL_WEIGHT, "abc", false, &v, &e), ST_INVALID);
	assert_string_equal(e.msg, "weight: 'abc' is not a number; accepted 20-250 kg");
	assert_int_equal(vital_parse(VITAL_WEIGHT, "72.5", false, &v, &e), ST_OK);
	assert_true(v == 72.5);
	v = 0;
	assert_int_equal(vital_parse(VITAL_WEIGHT, "160", false, &v, &e), ST_CONFIRM);
	assert_true(v == 160);
	assert_int_equal(vital_parse(VITAL_WEIGHT, "160", true, &v, &e), ST_OK);
	v = 0;
	assert_int_equal(vital_parse(VITAL_WEIGHT, "251", true, &v, &e), ST_INVALID);
	assert_true(v == 0);
	assert_int_equal(vital_parse(VITAL_ASCITES, "4", false, &v, &e), ST_INVALID);
	assert_string_equal(
	    e.msg, "ascites: '4' is not a International Club of Ascites grade; accepted 0-3");
	assert_int_equal(vital_parse(VITAL_ENCEPHALOPATHY, "2.5", false, &v, &e), ST_INVALID);
	assert_string_equal(e.msg, "encephalopathy: '2.5' is not a West Haven grade; accepted 0-4");
	assert_int_equal(vital_parse(VITAL_ENCEPHALOPATHY, "4", false, &v, &e), ST_OK);
	assert_true(v == 4);
	assert_int_equal(vital_parse(VITAL_PARACENTESIS, "-1", false, &v, &e), ST_INVALID);
	assert_string_equal(e.msg, "paracentesis: -1 mL is outside 0-20000 mL");
	assert_int_equal(vital_parse(VITAL_TEMPERATURE, NULL, false, &v, &e), ST_INVALID);
	assert_string_equal(e.msg, "temperature: '' is not a number; accepted 30-45 °C");
}

static void test_range_text(void **state)
{
	(void)state;
	char b[32];
	assert_int_equal(vital_range_text(VITAL_STIFFNESS, b, sizeof b), 10);
	assert_string_equal(b, "1.5-75 kPa");
	vital_range_text(VITAL_ENCEPHALOPATHY, b, sizeof b);
	assert_string_equal(b, "0-4");
	vital_range_text(VITAL_TEMPERATURE, b, sizeof b);
	assert_string_equal(b, "30-45 °C");
	assert_int_equal(vital_range_text(VITAL_COUNT, b, sizeof b), -1);
	assert_int_equal(vital_range_text(VITAL_WEIGHT, NULL, 0), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_table_pinned),
	    cmocka_unit_test(test_every_edge),
	    cmocka_unit_test(test_messages),
	    cmocka_unit_test(test_range_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
