/* test_audit.c: the audit trail against real SQLite files — every write
 * audited, the chain verified, tampering detected with its seq, listing by
 * patient, user, time and limit along the indexes, the reading logged. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tmpdb.h"
#include <sqlite3.h>

#include "store.h"

#define NOW 1763942400 /* 2025-11-24 00:00 UTC */

struct fx {
	char dir[TMPDB_DIR_MAX];
	char path[TMPDB_PATH_MAX];
	struct store *st;
	int64_t pid[2];
};

static void add_patient(struct fx *f, int i, const char *mrn)
{
	struct err e;
	struct patient p = {0};
	strcpy(p.mrn, mrn);
	strcpy(p.name, i ? "AUDIT, Bea" : "AUDIT, Ann"); /* two people */
	date_parse("1970-01-02", &p.dob);
	p.sex = 'F';
	p.weight_kg = NAN;
	p.weight_date = DAY_NONE;
	assert_int_equal(store_patient_add(f->st, &p, &e), ST_OK);
	f->pid[i] = p.id;
}

/* alice: users#1, patient 1, patient 2; bob (nurse): a view of patient 2. */
static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct err e;
	tmpdb_open(f->dir, f->path, "audit", "clinic.db", &f->st);
	testclock_now = NOW;
	assert_int_equal(store_set_actor(f->st, "alice", &e), ST_OK);
	add_patient(f, 0, "P1");
	testclock_now = NOW + 100;
	add_patient(f, 1, "P2");
	struct user bob = {0, "bob", "Bob", ROLE_BIT(ROLE_NURSE), false};
	assert_int_equal(store_user_add(f->st, &bob, &e), ST_OK);
	assert_int_equal(store_set_actor(f->st, "bob", &e), ST_OK);
	testclock_now = NOW + 200;
	assert_int_equal(store_patient_viewed(f->st, f->pid[1], "show", &e), ST_OK);
	assert_int_equal(store_set_actor(f->st, "alice", &e), ST_OK);
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

/* Tamper as the sqlite3 shell would: a plain connection, no hepadesk. */
static void tamper(const char *path, const char *q)
{
	sqlite3 *db;
	char *msg = NULL;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	int rc = sqlite3_exec(db, q, NULL, NULL, &msg);
	if (rc != SQLITE_OK)
		fail_msg("%s: %s", q, msg);
	sqlite3_close(db);
}

static bool mentions(const struct audit_verify *v, const char *needle)
{
	for (int i = 0; i < v->nproblems && i < AUDIT_VERIFY_KEEP; i++)
		if (strstr(v->problems[i].what, needle))
			return true;
	return false;
}

static void test_intact(void **state)
{
	struct fx *f = *state;
	struct audit_verify v;
	struct err e;
	assert_int_equal(store_audit_verify(f->st, &v, &e), ST_OK);
	assert_int_equal(v.nproblems, 0);
	assert_int_equal(v.rows, 5); /* users#1, patients x2, users#2, view */
	assert_int_equal(v.last_seq, 5);
}

static void test_edit_detected(void **state)
{
	struct fx *f = *state;
	struct audit_verify v;
	struct err e;
	tamper(f->path,
	       "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'eve' WHERE seq = 2");
	assert_int_equal(store_audit_verify(f->st, &v, &e), ST_OK);
	assert_int_equal(v.nproblems, 2);
	assert_int_equal(v.problems[0].seq, 2);
	assert_true(mentions(&v, "seq 2: its contents do not match"));
	assert_true(mentions(&v, "audit trigger audit_no_update is missing"));
}

static void test_middle_delete_detected(void **state)
{
	struct fx *f = *state;
	struct audit_verify v;
	struct err e;
	tamper(f->path, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = 3");
	assert_int_equal(store_audit_verify(f->st, &v, &e), ST_OK);
	assert_int_equal(v.nproblems, 2);
	assert_true(mentions(&v, "seq 3 is missing"));
	assert_true(mentions(&v, "audit trigger audit_no_delete is missing"));
}

static void test_tail_delete_detected(void **state)
{
	struct fx *f = *state;
	struct audit_verify v;
	struct err e;
	tamper(f->path, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq >= 4");
	assert_int_equal(store_audit_verify(f->st, &v, &e), ST_OK);
	assert_int_equal(v.nproblems, 3);
	assert_true(mentions(&v, "the head names seq 5 but the trail ends at seq 3"));
	assert_true(mentions(&v, "saw the trail reach seq 5, but it ends at seq 3"));
	assert_true(mentions(&v, "audit trigger audit_no_delete is missing"));
}

static void test_forged_detected(void **state)
{
	struct fx *f = *state;
	struct audit_verify v;
	struct err e;
	tamper(f->path, "INSERT INTO audit (ts, actor, action, tbl, prev, hash) "
			"SELECT 1, 'eve', 'view', 'patients', hash, 'ab' FROM audit_head");
	assert_int_equal(store_audit_verify(f->st, &v, &e), ST_OK);
	/* The forged head is never witnessed: no witness has been written. */
	assert_int_equal(v.nproblems, 2);
	assert_true(mentions(&v, "seq 6: its contents do not match"));
	assert_true(mentions(&v, ".witness is missing"));
	/* A row slipped in before the first one moves the head backwards,
	 * which the database refuses... */
	assert_int_not_equal(tmpdb_exec(f->path, "INSERT INTO audit (seq, ts, actor, action, tbl, "
						 "prev, hash) VALUES (0, 1, 'eve', 'view', "
						 "'patients', '', 'cd')"),
			     SQLITE_OK);
	/* ...and when the head's guard is dropped too, it breaks the start of
	 * the chain. */
	tamper(f->path, "DROP TRIGGER audit_head_follows; "
			"INSERT INTO audit (seq, ts, actor, action, tbl, prev, hash) "
			"VALUES (0, 1, 'eve', 'view', 'patients', '', 'cd')");
	assert_int_equal(store_audit_verify(f->st, &v, &e), ST_OK);
	assert_true(mentions(&v, "seq 0: its contents"));
	assert_true(mentions(&v, "seq 1: its prev is not the hash of seq 0"));
}

static void test_verify_needs_audit_permission(void **state)
{
	struct fx *f = *state;
	struct audit_verify v;
	struct err e;
	assert_int_equal(store_set_actor(f->st, "bob", &e), ST_OK);
	assert_int_equal(store_audit_verify(f->st, &v, &e), ST_DENIED);
	assert_non_null(strstr(e.msg, "admin"));
}

struct seen {
	int n;
	int64_t seq[16];
	char actor[16][33];
};

static void collect(const struct audit_row *r, void *arg)
{
	struct seen *s = arg;
	if (s->n < 16) {
		s->seq[s->n] = r->seq;
		strcpy(s->actor[s->n], r->actor);
	}
	s->n++;
}

static void test_listing_filters(void **state)
{
	struct fx *f = *state;
	struct err e;
	struct seen s = {0};
	struct audit_filter all = {0};
	assert_int_equal(store_audit_each(f->st, &all, collect, &s, &e), ST_OK);
	assert_int_equal(s.n, 5); /* not the row logging this reading */
	assert_int_equal(s.seq[0], 5);
	assert_int_equal(s.seq[4], 1);

	struct audit_filter pat = {.patient_id = f->pid[1]};
	memset(&s, 0, sizeof s);
	assert_int_equal(store_audit_each(f->st, &pat, collect, &s, &e), ST_OK);
	assert_int_equal(s.n, 2); /* created, viewed by bob */
	assert_string_equal(s.actor[0], "bob");

	struct audit_filter who = {.actor = "bob"};
	memset(&s, 0, sizeof s);
	assert_int_equal(store_audit_each(f->st, &who, collect, &s, &e), ST_OK);
	assert_int_equal(s.n, 1);

	struct audit_filter since = {.since = NOW + 100, .limit = 2};
	memset(&s, 0, sizeof s);
	assert_int_equal(store_audit_each(f->st, &since, collect, &s, &e), ST_OK);
	assert_int_equal(s.n, 2);
	assert_true(s.seq[0] > s.seq[1]);
}

static void test_reading_is_logged(void **state)
{
	struct fx *f = *state;
	struct err e;
	struct seen s = {0};
	struct audit_filter exp = {.patient_id = f->pid[0], .export = true};
	assert_int_equal(store_audit_each(f->st, &exp, collect, &s, &e), ST_OK);
	struct audit_filter mine = {.actor = "alice", .limit = 1};
	memset(&s, 0, sizeof s);
	assert_int_equal(store_audit_each(f->st, &mine, collect, &s, &e), ST_OK);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.seq[0], 6); /* the export just logged */
	struct audit_verify v;
	assert_int_equal(store_audit_verify(f->st, &v, &e), ST_OK);
	assert_int_equal(v.nproblems, 0);
	assert_int_equal(store_set_actor(f->st, "bob", &e), ST_OK);
	assert_int_equal(store_audit_each(f->st, &mine, collect, &s, &e), ST_DENIED);
}

static void test_integrity(void **state)
{
	struct fx *f = *state;
	struct err e;
	int bad = -1;
	assert_int_equal(store_integrity_check(f->st, NULL, NULL, &bad, &e), ST_OK);
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_intact, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_edit_detected, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_middle_delete_detected, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_tail_delete_detected, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_forged_detected, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_verify_needs_audit_permission, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_listing_filters, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_reading_is_logged, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_integrity, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
