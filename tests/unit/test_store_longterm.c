/* test_store_longterm.c: long-term follow-up storage against real SQLite
 * files — a demo patient's plan (made 2026-01-05, first infusion
 * 2026-01-12) carries its survival contacts and HCC surveillance; a contact
 * is one transaction with the status it sets; a refused status writes
 * nothing; a void is kept, versioned and reopens its item. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "tmpdb.h"
#include <sqlite3.h>

#include "demo.h"
#include "store.h"
#include "store_eval.h"
#include "store_longterm.h"
#include "store_treat.h"
#include "uc_longterm.h"

struct fx {
	char dir[TMPDB_DIR_MAX];
	char path[TMPDB_PATH_MAX];
	struct store *st;
	struct patient p;
};

static day_t day(const char *s)
{
	day_t d = DAY_NONE;
	assert_true(date_parse(s, &d));
	return d;
}

static void on(const char *d)
{
	testclock_now = (int64_t)day(d) * 86400 + 12 * 3600;
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct err e;
	int64_t first;
	tmpdb_open(f->dir, f->path, "longterm", "clinic.db", &f->st);
	on("2026-01-05");
	assert_int_equal(store_set_actor(f->st, "alice", &e), ST_OK);
	assert_int_equal(store_demo_begin(f->st, 3, 1, &first, &e), ST_OK);
	assert_int_equal(demo_eval_patients(f->st, day("2026-01-05"), &e), ST_OK);
	assert_int_equal(store_demo_end(f->st, true, &e), ST_OK);
	assert_int_equal(store_patient_by_mrn(f->st, "90000001", &f->p, &e), ST_OK);
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

static void the_plan_carries_the_long_term_schedule(void **state)
{
	struct fx *f = *state;
	struct err e = {""};
	struct lt_item it[LT_ITEMS_MAX];
	int n = 0;
	assert_int_equal(store_lt_items(f->st, f->p.id, it, LT_ITEMS_MAX, &n, &e), ST_OK);
	assert_int_equal(n, 22);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM longterm_schedule WHERE "
					    "kind = 'contact' AND state = 'open'"),
			 10);
	/* The plan's first infusion is 2026-01-12: W72 2027-05-31, then +6 months. */
	assert_int_equal(tmpdb_int(f->path, "SELECT min(due_date) = '2027-11-30' FROM "
					    "longterm_schedule WHERE kind = 'contact'"),
			 1);
	assert_int_equal(tmpdb_int(f->path, "SELECT min(due_date) = '2026-07-12' FROM "
					    "longterm_schedule WHERE kind = 'hcc'"),
			 1);
}

static void a_refused_status_writes_nothing(void **state)
{
	struct fx *f = *state;
	struct err e = {""};
	struct lt_contact c;
	on("2027-12-08");
	long long audit = tmpdb_int(f->path, "SELECT count(*) FROM audit");
	lt_contact_init(&c);
	c.patient_id = f->p.id;
	c.date = day("2027-12-08");
	c.transplant = FIND_YES;
	c.transplant_date = day("2025-12-01"); /* before the status of 2026-01-05 */
	assert_int_equal(store_contact_add(f->st, &c, day("2027-12-08"), &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "status (from the contact)"));
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM contacts"), 0);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM longterm_schedule WHERE "
					    "state = 'done'"),
			 0);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM audit"), audit);
}

static void a_death_is_one_transaction_with_its_status(void **state)
{
	struct fx *f = *state;
	struct err e = {""};
	struct lt_contact c;
	struct pstatus ps;
	on("2027-12-08");
	long long seq = tmpdb_int(f->path, "SELECT max(seq) FROM audit");
	char q[200];
	lt_contact_init(&c);
	c.patient_id = f->p.id;
	c.date = day("2027-12-08");
	c.phone = true;
	c.dead = true;
	c.death_date = day("2027-11-20");
	strcpy(c.cause, "liver failure");
	assert_int_equal(store_contact_add(f->st, &c, day("2027-12-08"), &e), ST_OK);
	assert_string_equal(c.item_label, "Contact 1");
	assert_int_equal(store_status_current(f->st, f->p.id, &ps, &e), ST_OK);
	assert_int_equal(ps.state, PSTATE_DECEASED);
	assert_int_equal(ps.date, day("2027-11-20"));
	assert_string_equal(ps.reason, "liver failure");
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM longterm_schedule WHERE "
					    "patient_id = (SELECT patient_id FROM contacts) AND "
					    "state = 'open'"),
			 0);
	/* One write, one time: the contact, its item and the status. */
	snprintf(q, sizeof q,
		 "SELECT count(DISTINCT ts) * 100 + count(DISTINCT tbl) FROM audit "
		 "WHERE seq > %lld AND action <> 'view'",
		 seq);
	/* contacts, longterm_schedule, patient_status, plans, schedule */
	assert_int_equal(tmpdb_int(f->path, q), 105);

	/* The history reads the death once, with its day. */
	struct uc_longterm *lt = calloc(1, sizeof *lt);
	assert_int_equal(uc_longterm_load(f->st, f->p.id, lt, &e), ST_OK);
	assert_int_equal(lt->ncontacts, 1);
	assert_true(lt->history.tte[LT_EV_DEATH].event);
	assert_int_equal(lt->history.tte[LT_EV_DEATH].date, day("2027-11-20"));
	int deaths = 0;
	for (int i = 0; i < lt->history.nevents; i++)
		deaths += lt->history.events[i].kind == LT_EV_DEATH;
	assert_int_equal(deaths, 1);
	free(lt);
}

static void a_void_is_kept_and_reopens_its_item(void **state)
{
	struct fx *f = *state;
	struct err e = {""};
	struct lt_contact c, list[4];
	int n = 0;
	on("2027-12-08");
	lt_contact_init(&c);
	c.patient_id = f->p.id;
	c.date = day("2027-12-08");
	assert_int_equal(store_contact_add(f->st, &c, day("2027-12-08"), &e), ST_OK);
	assert_int_equal(store_contact_void(f->st, f->p.id, c.id, 7, "wrong patient", &e),
			 ST_CONFLICT);
	assert_int_equal(store_contact_void(f->st, f->p.id, c.id, 1, "", &e), ST_INVALID);
	assert_int_equal(store_contact_void(f->st, f->p.id + 1, c.id, 1, "x", &e), ST_NOT_FOUND);
	assert_int_equal(store_contact_void(f->st, f->p.id, c.id, 1, "wrong patient", &e), ST_OK);
	assert_int_equal(store_contact_void(f->st, f->p.id, c.id, 0, "again", &e), ST_DUPLICATE);
	assert_int_equal(store_contact_list(f->st, f->p.id, false, list, 4, &n, &e), ST_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_contact_list(f->st, f->p.id, true, list, 4, &n, &e), ST_OK);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].void_reason, "wrong patient");
	assert_int_equal(list[0].version, 2);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM longterm_schedule WHERE "
					    "label = 'Contact 1' AND state = 'open' AND "
					    "done_ref IS NULL AND patient_id = (SELECT patient_id "
					    "FROM contacts)"),
			 1);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
	    T(the_plan_carries_the_long_term_schedule),
	    T(a_refused_status_writes_nothing),
	    T(a_death_is_one_transaction_with_its_status),
	    T(a_void_is_kept_and_reopens_its_item),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
