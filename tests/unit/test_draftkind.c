/* test_draftkind.c: the one table of draft kinds — names, titles, per-record
 * names and their ids, unknown names. Pure: no database. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "draft.h"

static void test_every_kind_round_trips(void **state)
{
	char buf[DRAFT_FORM_MAX + 1];
	int64_t rec = -1;
	(void)state;
	for (int k = 0; k < DRAFT_KIND_COUNT; k++) {
		draft_form_name((enum draft_kind)k, 17, buf);
		assert_int_equal(draft_kind_of(buf, &rec), k);
		assert_true(draft_kind_title((enum draft_kind)k, 1)[0] != '\0');
	}
}

static void test_titles(void **state)
{
	struct draft_info d = {"ae", 3, "", "", 0, 0};
	(void)state;
	assert_string_equal(draft_title(&d), "Adverse event");
	strcpy(d.form, "infusion");
	assert_string_equal(draft_title(&d), "Infusion");
	strcpy(d.form, "visit-correct.42");
	assert_string_equal(draft_title(&d), "Correction of a visit");
	strcpy(d.form, "patient.new");
	assert_string_equal(draft_title(&d), "Patient details");
	d.patient_id = 0;
	assert_string_equal(draft_title(&d), "New patient form");
	strcpy(d.form, "lab.old");
	assert_string_equal(draft_title(&d), "lab.old");
}

static void test_per_record_ids(void **state)
{
	char buf[DRAFT_FORM_MAX + 1];
	int64_t rec = 0;
	(void)state;
	assert_string_equal(draft_form_name(DRAFT_VISIT_CORRECT, 42, buf), "visit-correct.42");
	assert_int_equal(draft_kind_of("visit-correct.42", &rec), DRAFT_VISIT_CORRECT);
	assert_int_equal(rec, 42);
	assert_string_equal(draft_form_name(DRAFT_AE, 42, buf), "ae");
	assert_int_equal(draft_kind_of("ae", &rec), DRAFT_AE);
	assert_int_equal(rec, 0);
}

static void test_unknown_and_malformed(void **state)
{
	int64_t rec = 5;
	(void)state;
	assert_int_equal(draft_kind_of("visit-correct.", &rec), DRAFT_KIND_NONE);
	assert_int_equal(rec, 0);
	assert_int_equal(draft_kind_of("visit-correct.0", NULL), DRAFT_KIND_NONE);
	assert_int_equal(draft_kind_of("visit-correct.4x", NULL), DRAFT_KIND_NONE);
	assert_int_equal(draft_kind_of("visit.labsx", NULL), DRAFT_KIND_NONE);
	assert_int_equal(draft_kind_of("", NULL), DRAFT_KIND_NONE);
	assert_string_equal(draft_kind_form(DRAFT_KIND_COUNT), "");
	assert_string_equal(draft_kind_title(DRAFT_KIND_NONE, 1), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_every_kind_round_trips),
	    cmocka_unit_test(test_titles),
	    cmocka_unit_test(test_per_record_ids),
	    cmocka_unit_test(test_unknown_and_malformed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
