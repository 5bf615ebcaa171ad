/* test_histology.c: biopsy histology — parsing each measure against its
 * limits (field, value, range, unit), the whole record's checks, METAVIR
 * and Ishak agreement, and the baseline biopsy and change for the
 * dashboard. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "histology.h"
#include "store_histology.h"
#include "tmpdb.h"

static day_t day(const char *s)
{
	day_t d = DAY_NONE;
	assert_true(date_parse(s, &d));
	return d;
}

static void test_parse(void **state)
{
	struct err e = {""};
	double v = NAN;
	assert_int_equal(histology_parse(HISTO_METAVIR, "F3", &v, &e), ST_OK);
	assert_true(v == 3);
	assert_int_equal(histology_parse(HISTO_METAVIR, "f2", &v, &e), ST_OK);
	assert_true(v == 2);
	assert_int_equal(histology_parse(HISTO_METAVIR, "4", &v, &e), ST_OK);
	assert_int_equal(histology_parse(HISTO_METAVIR, "F5", &v, &e), ST_INVALID);
	assert_string_equal(e.msg, "METAVIR fibrosis: F5 is outside F0-F4");
	assert_int_equal(histology_parse(HISTO_ISHAK, "7", &v, &e), ST_INVALID);
	assert_string_equal(e.msg, "Ishak fibrosis: 7 is outside 0-6");
	assert_int_equal(histology_parse(HISTO_GRADE, "A1.5", &v, &e), ST_INVALID);
	assert_string_equal(e.msg,
			    "Necro-inflammatory grade: 'A1.5' is not a stage; accepted A0-A3");
	assert_int_equal(histology_parse(HISTO_CPA, "100.1", &v, &e), ST_INVALID);
	assert_string_equal(e.msg, "Collagen proportionate area: 100.1 % is outside 0-100 %");
	assert_int_equal(histology_parse(HISTO_KI67, "abc", &v, &e), ST_INVALID);
	assert_string_equal(e.msg, "Ki-67: 'abc' is not a number; accepted 0-100 %");
	char b[32];
	assert_string_equal(histology_format(HISTO_GRADE, 2, b, sizeof b), "A2");
	assert_string_equal(histology_format(HISTO_CK19, 12.25, b, sizeof b), "12.2 %");
	assert_string_equal(histology_format(HISTO_ISHAK, NAN, b, sizeof b), "-");
}

static void biopsy(struct histology *h, const char *date, double f, double ishak, double cpa)
{
	histology_init(h);
	h->date = day(date);
	snprintf(h->site, sizeof h->site, "right lobe");
	snprintf(h->pathologist, sizeof h->pathologist, "Dr Lee");
	h->v[HISTO_METAVIR] = f;
	h->v[HISTO_ISHAK] = ishak;
	h->v[HISTO_CPA] = cpa;
}

static void test_validate(void **state)
{
	struct err e = {""};
	struct histology h;
	day_t today = day("2026-03-02");
	biopsy(&h, "2026-03-01", 4, 6, 20);
	assert_int_equal(histology_validate(&h, today, false, &e), ST_OK);
	h.date = day("2026-03-03");
	assert_int_equal(histology_validate(&h, today, true, &e), ST_INVALID);
	assert_string_equal(e.msg, "date: 2026-03-03 is after today");
	h.date = today;
	/* The stages agree by the usual correspondence; 5 belongs to F3 and F4. */
	static const int agree[5][2] = {{0, 0}, {1, 2}, {3, 3}, {4, 5}, {5, 6}};
	for (int f = 0; f <= 4; f++)
		for (int k = 0; k <= 6; k++) {
			h.v[HISTO_METAVIR] = f;
			h.v[HISTO_ISHAK] = k;
			bool ok = k >= agree[f][0] && k <= agree[f][1];
			assert_int_equal(histology_validate(&h, today, false, &e),
					 ok ? ST_OK : ST_CONFIRM);
			assert_int_equal(histology_validate(&h, today, true, &e), ST_OK);
		}
	h.v[HISTO_CPA] = 65;
	h.v[HISTO_ISHAK] = 6;
	assert_int_equal(histology_validate(&h, today, false, &e), ST_CONFIRM);
	assert_string_equal(
	    e.msg, "Collagen proportionate area: 65.0 % is unusual (usual 0-60 %) — confirm it");
	for (int i = 0; i < HISTO_COUNT; i++)
		h.v[i] = NAN;
	assert_int_equal(histology_validate(&h, today, true, &e), ST_INVALID);
	h.v[HISTO_CK19] = 3;
	h.site[0] = '\0';
	assert_int_equal(histology_validate(&h, today, true, &e), ST_INVALID);
	assert_string_equal(e.msg, "site: 1-80 characters of one-line text");
}

static void test_summary(void **state)
{
	struct histology b[4];
	struct histo_summary s;
	biopsy(&b[0], "2025-12-01", 4, 6, 30);
	biopsy(&b[1], "2026-01-10", 4, 6, 28); /* the baseline: first on or before */
	biopsy(&b[2], "2026-07-01", 3, 4, 20);
	biopsy(&b[3], "2027-01-05", 3, 5, NAN);
	histology_summary(b, 4, day("2026-01-10"), &s);
	/* The first biopsy on or before the first infusion is the baseline. */
	assert_int_equal(s.baseline, 0);
	assert_int_equal(s.latest, 3);
	assert_true(s.c[HISTO_METAVIR].have);
	assert_true(s.c[HISTO_METAVIR].change == -1);
	assert_int_equal(s.c[HISTO_METAVIR].direction, 1);
	assert_false(s.c[HISTO_CPA].have); /* the latest does not report it */
	b[3].voided = true;
	histology_summary(b, 4, day("2026-01-10"), &s);
	assert_int_equal(s.latest, 2);
	assert_true(fabs(s.c[HISTO_CPA].change - -10) < 1e-9);
	b[0].voided = true;
	histology_summary(b, 4, day("2026-01-10"), &s);
	assert_int_equal(s.baseline, 1);
	/* No biopsy on or before the first infusion: no baseline, no change. */
	histology_summary(b + 2, 2, day("2026-01-10"), &s);
	assert_int_equal(s.baseline, -1);
	assert_int_equal(s.latest, -1);
	/* Before any infusion the first biopsy is the baseline. */
	b[0].voided = false;
	histology_summary(b, 3, DAY_NONE, &s);
	assert_int_equal(s.baseline, 0);
	assert_int_equal(s.latest, 2);
	/* A second biopsy before the first infusion (b[1], on its day) is no
	 * follow-up: the dashboard and the cohort report paired it with b[0]. */
	histology_summary(b, 2, day("2026-01-10"), &s);
	assert_int_equal(s.baseline, 0);
	assert_int_equal(s.latest, -1);
	assert_false(s.c[HISTO_METAVIR].have);
}

struct fx {
	char dir[TMPDB_DIR_MAX], path[TMPDB_PATH_MAX];
	struct store *st;
	int64_t pid;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct err e;
	struct patient p = {0};
	tmpdb_open(f->dir, f->path, "histo", "clinic.db", &f->st);
	testclock_now = date_to_time(day("2026-03-02")) + 10 * 3600;
	assert_int_equal(store_set_actor(f->st, "alice", &e), ST_OK);
	strcpy(p.mrn, "H-1");
	strcpy(p.name, "HISTO, Hal");
	p.dob = day("1960-01-01");
	p.sex = 'M';
	p.weight_kg = NAN;
	p.weight_date = DAY_NONE;
	assert_int_equal(store_patient_add(f->st, &p, &e), ST_OK);
	f->pid = p.id;
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

/* A biopsy stored and read back, a refused one writes nothing, a
 * correction at a stale version is a conflict, a void keeps the row. */
static void test_store(void **state)
{
	struct fx *f = *state;
	struct err e = {""};
	struct histology h, r, list[4];
	int n = 0;
	biopsy(&h, "2026-02-01", 3, 4, 12.5);
	h.patient_id = f->pid;
	h.v[HISTO_KI67] = 4;
	assert_int_equal(store_histology_add(f->st, &h, &e), ST_OK);
	assert_int_equal(store_histology_get(f->st, f->pid, h.id, &r, &e), ST_OK);
	assert_int_equal(r.date, day("2026-02-01"));
	assert_true(r.v[HISTO_METAVIR] == 3 && r.v[HISTO_ISHAK] == 4);
	assert_true(fabs(r.v[HISTO_CPA] - 12.5) < 1e-9 && r.v[HISTO_KI67] == 4);
	assert_true(isnan(r.v[HISTO_CK19]) && isnan(r.v[HISTO_GRADE]));
	assert_string_equal(r.created_by, "alice");
	biopsy(&h, "2026-02-01", 3, 4, 101);
	h.patient_id = f->pid;
	assert_int_equal(store_histology_add(f->st, &h, &e), ST_INVALID);
	biopsy(&h, "1950-01-01", 3, 4, 10); /* before the patient's birth */
	h.patient_id = f->pid;
	assert_int_equal(store_histology_add(f->st, &h, &e), ST_INVALID);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM histology"), 1);
	r.v[HISTO_CK19] = 7;
	assert_int_equal(store_histology_correct(f->st, &r, "", &e), ST_INVALID);
	assert_int_equal(store_histology_correct(f->st, &r, "CK-19 read late", &e), ST_OK);
	assert_int_equal(r.version, 2);
	r.version = 1;
	assert_int_equal(store_histology_correct(f->st, &r, "again", &e), ST_CONFLICT);
	r.version = 2;
	assert_int_equal(store_histology_void(f->st, &r, "another patient's slide", &e), ST_OK);
	assert_int_equal(store_histology_correct(f->st, &r, "after the void", &e), ST_INVALID);
	assert_int_equal(store_histology_list(f->st, f->pid, list, 4, &n, &e), ST_OK);
	assert_int_equal(n, 1);
	assert_true(list[0].voided);
	assert_string_equal(list[0].reason, "another patient's slide");
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM audit WHERE tbl = 'histology'"),
			 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse),
	    cmocka_unit_test(test_validate),
	    cmocka_unit_test(test_summary),
	    cmocka_unit_test_setup_teardown(test_store, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
