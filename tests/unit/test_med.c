/* test_med.c: concomitant medications — the shipped list's ATC lookup (by
 * name, other name, code, letter case ignored; a free name), dose limits
 * per unit, the entry's checks, what is taken on a day, and the checklist
 * reading the list (an antiviral for the viral item, an immunosuppressant
 * for a question item with `medications =`). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "checklist.h"
#include "med.h"
#include "store_med.h"
#include "tmpdb.h"

static day_t day(const char *s)
{
	day_t d = DAY_NONE;
	assert_true(date_parse(s, &d));
	return d;
}

static void test_lookup(void **state)
{
	static const struct {
		const char *typed, *name, *atc;
		enum med_class cls;
	} cases[] = {
	    {"entecavir", "entecavir", "J05AF10", MEDC_ANTIVIRAL},
	    {"Baraclude", "entecavir", "J05AF10", MEDC_ANTIVIRAL},
	    {"tdf", "tenofovir disoproxil", "J05AF07", MEDC_ANTIVIRAL},
	    {"Spironolactone", "spironolactone", "C03DA01", MEDC_DIURETIC},
	    {"lasix", "furosemide", "C03CA01", MEDC_DIURETIC},
	    {"c07ag02", "carvedilol", "C07AG02", MEDC_NSBB},
	    {"nadolol", "nadolol", "C07AA12", MEDC_NSBB},
	    {"LACTULOSE", "lactulose", "A06AD11", MEDC_ENCEPHALOPATHY},
	    {"albumin", "human albumin", "B05AA01", MEDC_ALBUMIN},
	    {"ceftriaxone", "ceftriaxone", "J01DD04", MEDC_ANTIBIOTIC},
	    {"MMF", "mycophenolate", "L04AA06", MEDC_IMMUNOSUPPRESSANT},
	    {"prednisolone", "prednisolone", "H02AB06", MEDC_IMMUNOSUPPRESSANT},
	    {"NAC", "N-acetylcysteine", "V03AB23", MEDC_SUPPLEMENT},
	    {"tocopherol", "vitamin E", "A11HA03", MEDC_SUPPLEMENT},
	    {"milk thistle", "silymarin", "A05BA03", MEDC_SUPPLEMENT},
	    {"BCAA", "branched-chain amino acids", "V06DD", MEDC_SUPPLEMENT},
	    {"cholecalciferol", "vitamin D", "A11CC05", MEDC_SUPPLEMENT},
	};
	struct err e = {""};
	struct med m;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		med_init(&m);
		assert_int_equal(med_set_name(&m, cases[i].typed, &e), ST_OK);
		assert_string_equal(m.name, cases[i].name);
		assert_string_equal(m.atc, cases[i].atc);
		assert_int_equal(m.cls, cases[i].cls);
	}
	/* A part of a name is not a match; a free name keeps its spelling. */
	assert_null(med_lookup("tenofovir dis"));
	assert_null(med_lookup("zin"));
	med_init(&m);
	assert_int_equal(med_set_name(&m, "Liv-52", &e), ST_OK);
	assert_string_equal(m.atc, "");
	assert_int_equal(m.cls, MEDC_OTHER);
	assert_int_equal(med_set_name(&m, "", &e), ST_INVALID);
	assert_int_equal(med_set_name(&m, "bad\x1b[31m", &e), ST_INVALID);
	/* Every listed code is a 7-character substance code but BCAA's group. */
	int n;
	const struct med_listed *l = med_list(&n);
	for (int i = 0; i < n; i++)
		assert_int_equal(strlen(l[i].atc), strcmp(l[i].atc, "V06DD") == 0 ? 5 : 7);
}

static void test_dose_and_dates(void **state)
{
	struct err e = {""};
	struct med m;
	day_t today = day("2026-03-02");
	assert_int_equal(med_check_dose(0, MEDU_MG, true, &e), ST_INVALID);
	assert_string_equal(e.msg, "dose: 0 mg is outside 0-20000 mg (above 0)");
	assert_int_equal(med_check_dose(201, MEDU_G, true, &e), ST_INVALID);
	assert_int_equal(med_check_dose(150, MEDU_G, false, &e), ST_CONFIRM);
	assert_int_equal(med_check_dose(150, MEDU_G, true, &e), ST_OK);
	assert_int_equal(med_check_dose(50000, MEDU_IU, false, &e), ST_OK);
	med_init(&m);
	assert_int_equal(med_set_name(&m, "rifaximin", &e), ST_OK);
	assert_int_equal(med_validate(&m, today, false, &e), ST_INVALID);
	assert_string_equal(e.msg, "start: required (YYYY-MM-DD)");
	m.start = day("2026-02-01");
	m.stop = day("2026-01-31");
	assert_int_equal(med_validate(&m, today, false, &e), ST_INVALID);
	assert_string_equal(e.msg, "stop: 2026-01-31 is before the start 2026-02-01");
	m.stop = day("2026-02-10");
	assert_int_equal(med_validate(&m, today, false, &e), ST_OK);
	assert_true(med_taken_on(&m, day("2026-02-10")));
	assert_false(med_taken_on(&m, day("2026-02-11")));
	assert_false(med_taken_on(&m, day("2026-01-31")));
	m.voided = true;
	assert_false(med_taken_on(&m, day("2026-02-05")));
}

static void test_of_class(void **state)
{
	struct med list[2];
	struct err e = {""};
	med_init(&list[0]);
	assert_int_equal(med_set_name(&list[0], "tacrolimus", &e), ST_OK);
	list[0].start = day("2026-01-01");
	list[0].stop = day("2026-02-02");
	med_init(&list[1]);
	assert_int_equal(med_set_name(&list[1], "entecavir", &e), ST_OK);
	list[1].start = day("2026-03-03"); /* starts after the day asked */
	day_t on = day("2026-03-02");
	assert_non_null(med_of_class(list, 2, MEDC_IMMUNOSUPPRESSANT, on, 28));
	assert_null(med_of_class(list, 2, MEDC_IMMUNOSUPPRESSANT, on, 27));
	assert_null(med_of_class(list, 2, MEDC_ANTIVIRAL, on, 0));
	assert_non_null(med_of_class(list, 2, MEDC_ANTIVIRAL, on + 1, 0));
}

/* The checklist's viral and question items read the list. */
static void test_checklist_reads_list(void **state)
{
	struct protocol *p = calloc(1, sizeof *p);
	struct checklist_input *in = calloc(1, sizeof *in);
	struct checklist_result *r = calloc(1, sizeof *r);
	struct err e = {""};
	p->nitems = 2;
	snprintf(p->items[0].id, sizeof p->items[0].id, "hbv");
	p->items[0].kind = PITEM_VIRAL;
	p->items[0].max = 1000;
	p->items[0].or_antiviral = true;
	p->items[0].window_days = 90;
	p->items[0].required = true;
	p->items[0].med_class = MEDC_COUNT;
	snprintf(p->items[1].id, sizeof p->items[1].id, "immuno");
	p->items[1].kind = PITEM_QUESTION;
	p->items[1].yes_fails = true;
	p->items[1].excludes = true;
	p->items[1].window_days = 7;
	p->items[1].med_class = MEDC_IMMUNOSUPPRESSANT;
	p->items[1].med_days = 28;
	in->on = day("2026-03-02");
	snprintf(in->patient.etiology, sizeof in->patient.etiology, "B18.1");
	checklist_evaluate(p, in, r);
	assert_int_equal(r->lines[0].state, ITEM_MISSING);
	assert_int_equal(r->lines[1].state, ITEM_MISSING); /* not answered, nothing listed */
	med_init(&in->meds[0]);
	assert_int_equal(med_set_name(&in->meds[0], "entecavir", &e), ST_OK);
	in->meds[0].start = day("2025-10-01");
	med_init(&in->meds[1]);
	assert_int_equal(med_set_name(&in->meds[1], "azathioprine", &e), ST_OK);
	in->meds[1].start = day("2025-10-01");
	in->meds[1].stop = day("2026-02-20");
	in->nmeds = 2;
	checklist_evaluate(p, in, r);
	assert_int_equal(r->lines[0].state, ITEM_MET);
	assert_string_equal(r->lines[0].reason,
			    "on antiviral therapy (medication list: entecavir since 2025-10-01)");
	assert_int_equal(r->lines[1].state, ITEM_NOT_MET);
	assert_string_equal(r->lines[1].reason,
			    "yes, from the medication list (immunosuppressant within 28 days)");
	assert_int_equal(r->status, EVAL_EXCLUDED);
	/* Without `medications =` the question ignores the list. */
	p->items[1].med_class = MEDC_COUNT;
	checklist_evaluate(p, in, r);
	assert_int_equal(r->lines[1].state, ITEM_MISSING);
	free(p);
	free(in);
	free(r);
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
	tmpdb_open(f->dir, f->path, "med", "clinic.db", &f->st);
	testclock_now = date_to_time(day("2026-03-02")) + 10 * 3600;
	assert_int_equal(store_set_actor(f->st, "alice", &e), ST_OK);
	strcpy(p.mrn, "M-1");
	strcpy(p.name, "MEDS, Max");
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

/* An entry stored and read back with its code, a stop with its reason, a
 * stale version refused, a void kept. */
static void test_store(void **state)
{
	struct fx *f = *state;
	struct err e = {""};
	struct med m, r, list[4];
	int n = 0;
	med_init(&m);
	m.patient_id = f->pid;
	assert_int_equal(med_set_name(&m, "vemlidy", &e), ST_OK);
	m.dose = 25;
	m.start = day("2026-01-10");
	assert_int_equal(store_med_add(f->st, &m, &e), ST_OK);
	assert_int_equal(store_med_get(f->st, f->pid, m.id, &r, &e), ST_OK);
	assert_string_equal(r.name, "tenofovir alafenamide");
	assert_string_equal(r.atc, "J05AF13");
	assert_int_equal(r.cls, MEDC_ANTIVIRAL);
	assert_true(r.dose == 25 && r.unit == MEDU_MG && r.stop == DAY_NONE);
	m.dose = 0;
	assert_int_equal(store_med_add(f->st, &m, &e), ST_INVALID);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM medications"), 1);
	r.stop = day("2026-03-01");
	assert_int_equal(store_med_update(f->st, &r, "switched to entecavir", false, &e), ST_OK);
	assert_int_equal(r.version, 2);
	r.version = 1;
	r.dose = 20;
	assert_int_equal(store_med_update(f->st, &r, "typo", true, &e), ST_CONFLICT);
	r.version = 2;
	assert_int_equal(store_med_update(f->st, &r, NULL, true, &e), ST_INVALID);
	assert_int_equal(store_med_void(f->st, &r, "wrong patient", &e), ST_OK);
	assert_int_equal(store_med_list(f->st, f->pid, list, 4, &n, &e), ST_OK);
	assert_int_equal(n, 1);
	assert_true(list[0].voided);
	assert_int_equal(list[0].stop, day("2026-03-01"));
	assert_true(list[0].dose == 25);
	assert_int_equal(
	    tmpdb_int(f->path,
		      "SELECT count(*) FROM audit WHERE tbl = 'medications' AND actor = 'alice'"),
	    3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lookup),
	    cmocka_unit_test(test_dose_and_dates),
	    cmocka_unit_test(test_of_class),
	    cmocka_unit_test(test_checklist_reads_list),
	    cmocka_unit_test_setup_teardown(test_store, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
