/* test_export_defs.c: unit tests of export_measure_def (export.h), the
 * walker's description of what each source can give, on which the ODM
 * metadata is built: every analyte in its canonical unit with its LOINC
 * code, the scores, the findings in the walker's order, keys unique within a
 * source, LI-RADS the one coded measure, nothing past the end. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "analyte.h"
#include "export.h"

static size_t count(enum export_source src)
{
	struct export_measure_def d;
	size_t n = 0;
	while (export_measure_def(src, n, &d))
		n++;
	return n;
}

static void test_labs_are_the_analytes_canonical(void **state)
{
	struct export_measure_def d;
	assert_int_equal(count(EXPORT_SRC_LAB), ANALYTE_COUNT);
	assert_true(export_measure_def(EXPORT_SRC_LAB, ANALYTE_ALBUMIN, &d));
	assert_string_equal(d.key, "albumin");
	assert_string_equal(d.unit, "g/dL");
	assert_string_equal(d.ucum, "g/dL");
	assert_string_equal(d.loinc, "1751-7");
	assert_int_equal(d.decimals, 1);
	assert_false(d.coded);
	/* Spellings that are not UCUM get the UCUM code; INR its own. */
	assert_true(export_measure_def(EXPORT_SRC_LAB, ANALYTE_PLATELETS, &d));
	assert_string_equal(d.unit, "10^9/L");
	assert_string_equal(d.ucum, "10*9/L");
	assert_true(export_measure_def(EXPORT_SRC_LAB, ANALYTE_INR, &d));
	assert_string_equal(d.unit, "");
	assert_string_equal(d.ucum, "{INR}");
	assert_false(export_measure_def(EXPORT_SRC_LAB, ANALYTE_COUNT, &d));
}

static void test_scores(void **state)
{
	static const char *const keys[] = {"meld", "meld_na", "meld3", "child_pugh",
					   "albi", "fib4",    "apri"};
	struct export_measure_def d;
	assert_int_equal(count(EXPORT_SRC_SCORE), 7);
	for (size_t i = 0; i < 7; i++) {
		assert_true(export_measure_def(EXPORT_SRC_SCORE, i, &d));
		assert_string_equal(d.key, keys[i]);
		assert_null(d.loinc);
	}
	assert_true(export_measure_def(EXPORT_SRC_SCORE, 4, &d));
	assert_string_equal(d.ucum, "{score}");
	assert_int_equal(d.decimals, 2);
}

static void test_findings(void **state)
{
	struct export_measure_def d;
	assert_int_equal(count(EXPORT_SRC_IMAGING), 8);
	assert_int_equal(count(EXPORT_SRC_EXAM), 4);
	assert_int_equal(count(EXPORT_SRC_HISTOLOGY), 6);
	assert_int_equal(count(EXPORT_SRC_VISIT), 8);
	assert_true(export_measure_def(EXPORT_SRC_IMAGING, 0, &d));
	assert_string_equal(d.key, "stiffness_kpa");
	assert_string_equal(d.ucum, "kPa");
	assert_true(export_measure_def(EXPORT_SRC_IMAGING, 7, &d));
	assert_string_equal(d.key, "lirads");
	assert_true(d.coded);
	assert_true(export_measure_def(EXPORT_SRC_VISIT, 0, &d));
	assert_string_equal(d.key, "temp_c");
	assert_string_equal(d.unit, "°C");
	assert_string_equal(d.ucum, "Cel");
	assert_string_equal(d.loinc, "8310-5");
	assert_false(export_measure_def(EXPORT_SRC_COUNT, 0, &d));
}

/* ODM makes an item OID of the key within its form: no two alike. */
static void test_keys_unique_and_complete(void **state)
{
	for (int s = 0; s < EXPORT_SRC_COUNT; s++) {
		size_t n = count((enum export_source)s);
		assert_true(n > 0);
		for (size_t i = 0; i < n; i++) {
			struct export_measure_def a, b;
			assert_true(export_measure_def((enum export_source)s, i, &a));
			assert_non_null(a.key);
			assert_non_null(a.label);
			assert_non_null(a.unit);
			assert_non_null(a.ucum);
			assert_true(a.coded || a.decimals >= 0);
			for (size_t k = i + 1; k < n; k++) {
				assert_true(export_measure_def((enum export_source)s, k, &b));
				assert_string_not_equal(a.key, b.key);
			}
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_labs_are_the_analytes_canonical),
	    cmocka_unit_test(test_scores),
	    cmocka_unit_test(test_findings),
	    cmocka_unit_test(test_keys_unique_and_complete),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
