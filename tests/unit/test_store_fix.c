/* test_store_fix.c: lab results corrected and voided against a real SQLite
 * file — a voided row leaves the latest values, the history, the dashboard
 * series and unit sense's previous result; stale versions and voided rows
 * are refused; the reason is required. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tmpdb.h"

#include "fix.h"
#include "store.h"
#include "store_fix.h"
#include "store_followup.h"

#define NOW 1763942400 /* 2025-11-24 00:00 UTC */

struct fx {
	char dir[TMPDB_DIR_MAX];
	char path[TMPDB_PATH_MAX];
	struct store *st;
	int64_t patient;
	int64_t older, newer;
};

static void add_bili(struct fx *f, const char *value, const char *day, int64_t *id)
{
	struct err e;
	struct lab_result r = {0};
	assert_int_equal(lab_entry(ANALYTE_BILIRUBIN, UNITS_US, value, false, &r, &e), ST_OK);
	r.patient_id = f->patient;
	date_parse(day, &r.date);
	assert_int_equal(store_lab_add(f->st, &r, 1, &e), ST_OK);
	*id = r.id;
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct err e;
	struct patient p = {0};
	tmpdb_open(f->dir, f->path, "fix", "clinic.db", &f->st);
	testclock_now = NOW;
	assert_int_equal(store_set_actor(f->st, "alice", &e), ST_OK);
	strcpy(p.mrn, "F1");
	strcpy(p.name, "FIX, Fay");
	date_parse("1970-01-02", &p.dob);
	p.sex = 'F';
	p.weight_kg = NAN;
	p.weight_date = DAY_NONE;
	assert_int_equal(store_patient_add(f->st, &p, &e), ST_OK);
	f->patient = p.id;
	add_bili(f, "2.0", "2025-11-10", &f->older);
	add_bili(f, "5.0", "2025-11-20", &f->newer);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	tmpdb_remove(f->dir, f->st);
	free(f);
	return 0;
}

static void test_void_leaves_every_reader(void **state)
{
	struct fx *f = *state;
	struct err e;
	struct lab_latest l;
	struct lab_result hist[4], prev;
	struct dash_point pts[4];
	int n = 0;
	bool found = false;
	day_t on;
	date_parse("2025-11-24", &on);

	assert_int_equal(store_lab_latest(f->st, f->patient, on, &l, &e), ST_OK);
	assert_true(fabs((l.r[ANALYTE_BILIRUBIN].canonical) - 5.0) < 1e-9);
	assert_int_equal(store_lab_void(f->st, f->patient, f->newer, "wrong patient", &e), ST_OK);

	assert_int_equal(store_lab_latest(f->st, f->patient, on, &l, &e), ST_OK);
	assert_true(l.have[ANALYTE_BILIRUBIN]);
	assert_int_equal(l.r[ANALYTE_BILIRUBIN].id, f->older);
	assert_true(fabs((l.r[ANALYTE_BILIRUBIN].canonical) - 2.0) < 1e-9);
	assert_int_equal(store_lab_history(f->st, f->patient, ANALYTE_BILIRUBIN, hist, 4, &n, &e),
			 ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(hist[0].id, f->older);
	assert_int_equal(store_dash_labs(f->st, f->patient, ANALYTE_BILIRUBIN, pts, 4, &n, &e),
			 ST_OK);
	assert_int_equal(n, 1);
	assert_true(fabs((pts[0].value) - 2.0) < 1e-9);

	/* Unit sense of a correction of the older row sees no other result. */
	struct lab_result r = hist[0];
	assert_int_equal(store_lab_previous(f->st, &r, &prev, &found, &e), ST_OK);
	assert_false(found);

	/* The row stays, with who voided it and why; listed and marked. */
	struct lab_entry_row rows[4];
	assert_int_equal(store_lab_rows(f->st, f->patient, rows, 4, &n, &e), ST_OK);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].r.id, f->newer);
	assert_true(rows[0].voided);
	assert_string_equal(rows[0].void_reason, "wrong patient");
	assert_string_equal(rows[0].voided_by, "alice");
	assert_int_equal(rows[0].r.version, 2);
	assert_false(rows[1].voided);

	assert_int_equal(store_lab_void(f->st, f->patient, f->newer, "again", &e), ST_DUPLICATE);
	r = rows[0].r;
	assert_int_equal(store_lab_fix(f->st, &r, "typo", &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "was voided (wrong patient)"));
}

static void test_previous_skips_the_row_itself(void **state)
{
	struct fx *f = *state;
	struct err e;
	struct lab_entry_row cur;
	struct lab_result prev;
	bool found = false;
	assert_int_equal(store_lab_get(f->st, f->patient, f->newer, &cur, &e), ST_OK);
	assert_int_equal(store_lab_previous(f->st, &cur.r, &prev, &found, &e), ST_OK);
	assert_true(found);
	assert_int_equal(prev.id, f->older);
}

static void test_fix_version_and_reason(void **state)
{
	struct fx *f = *state;
	struct err e;
	struct lab_entry_row cur;
	assert_int_equal(store_lab_get(f->st, f->patient, f->newer, &cur, &e), ST_OK);
	struct lab_result r = cur.r;
	assert_int_equal(lab_entry(ANALYTE_BILIRUBIN, UNITS_US, "4.1", false, &r, &e), ST_OK);
	r.id = cur.r.id;
	r.patient_id = f->patient;
	r.date = cur.r.date;
	r.version = cur.r.version;
	assert_int_equal(store_lab_fix(f->st, &r, "", &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "correction reason"));
	assert_int_equal(store_lab_fix(f->st, &r, "typo", &e), ST_OK);
	assert_int_equal(r.version, 2);
	r.version = 1; /* as read before the correction */
	assert_int_equal(store_lab_fix(f->st, &r, "typo again", &e), ST_CONFLICT);
	assert_int_equal(tmpdb_int(f->path, "SELECT version FROM labs WHERE value = 4.1"), 2);
	assert_int_equal(store_lab_get(f->st, f->patient, 999, &cur, &e), ST_NOT_FOUND);
}

static void test_reason_text(void **state)
{
	(void)state;
	struct err e;
	char longer[FIX_REASON_MAX + 2];
	memset(longer, 'x', sizeof longer - 1);
	longer[sizeof longer - 1] = '\0';
	assert_int_equal(fix_check_reason(FIX_VOID, "lab result", "wrong patient", &e), ST_OK);
	assert_int_equal(fix_check_reason(FIX_VOID, "lab result", NULL, &e), ST_INVALID);
	assert_string_equal(e.msg, "void reason: say why the lab result is voided (1-200 "
				   "characters, one line)");
	assert_int_equal(fix_check_reason(FIX_CORRECT, "lab result", "a\nb", &e), ST_INVALID);
	assert_int_equal(fix_check_reason(FIX_CORRECT, "lab result", longer, &e), ST_INVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_void_leaves_every_reader, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_previous_skips_the_row_itself, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_fix_version_and_reason, setup, teardown),
	    cmocka_unit_test(test_reason_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
