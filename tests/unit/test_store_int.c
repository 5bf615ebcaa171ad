/* test_store_int.c: the storage internals (src/store/store_int.h) against a
 * real SQLite file — the statement cache under re-entrant use and when full,
 * and the check of the embedded migrations' numbering. */
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

#include "../../src/store/store_dates.h"
#include "../../src/store/store_int.h"
#include "assets.h"
#include "demo.h"

static const char users_sql[] = "SELECT login FROM users ORDER BY login";

struct fx {
	char dir[TMPDB_DIR_MAX];
	char path[TMPDB_PATH_MAX];
	struct store *st;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct err e;
	tmpdb_open(f->dir, f->path, "stmt", "clinic.db", &f->st);
	assert_int_equal(store_set_actor(f->st, "alice", &e), ST_OK);
	struct user bob = {0, "bob", "Bob", ROLE_BIT(ROLE_NURSE), false};
	struct user carol = {0, "carol", "Carol", ROLE_BIT(ROLE_NURSE), false};
	assert_int_equal(store_user_add(f->st, &bob, &e), ST_OK);
	assert_int_equal(store_user_add(f->st, &carol, &e), ST_OK);
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

/* --- the statement cache --- */

struct walk {
	struct store *st;
	char outer[128]; /* logins the outer loop saw, in order */
	int outer_rows, inner_rows, inner_calls;
	enum status inner;
};

static void inner_user(const struct user *u, void *arg)
{
	struct walk *w = arg;
	w->inner_rows++;
}

/* For each user, list every user again from inside the loop (the same SQL,
 * re-entrantly). Bounded, so the old failure (the outer loop restarting
 * forever) ends. */
static void outer_user(const struct user *u, void *arg)
{
	struct walk *w = arg;
	struct err e;
	w->outer_rows++;
	strcat(w->outer, u->login);
	strcat(w->outer, " ");
	if (w->outer_rows > 10)
		return;
	w->inner_calls++;
	w->inner = store_user_each(w->st, inner_user, w, &e);
}

/* The same cached statement asked for while a caller is still stepping it:
 * the outer loop must go on from where it was, not restart (store_stmt reset
 * the busy statement, so the outer loop saw alice again and again). */
static void reentrant_same_sql(void **state)
{
	struct fx *f = *state;
	struct walk w = {.st = f->st};
	struct err e;
	assert_int_equal(store_user_each(f->st, outer_user, &w, &e), ST_OK);
	assert_string_equal(w.outer, "alice bob carol ");
	assert_int_equal(w.outer_rows, 3);
	assert_int_equal(w.inner_calls, 3);
	assert_int_equal(w.inner_rows, 9);
	assert_int_equal(w.inner, ST_OK);
}

/* The statement store_stmt gives a second caller while the first is on a
 * row is another one, and the first one's row and bindings stay. */
static void busy_statement_not_reset(void **state)
{
	struct fx *f = *state;
	struct err e;
	sqlite3_stmt *a = store_stmt(f->st, users_sql, &e);
	assert_non_null(a);
	assert_int_equal(sqlite3_step(a), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(a, 0), "alice");
	sqlite3_stmt *b = store_stmt(f->st, users_sql, &e);
	assert_non_null(b);
	assert_ptr_not_equal(a, b);
	assert_int_equal(sqlite3_step(b), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(b, 0), "alice");
	assert_int_equal(sqlite3_step(a), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(a, 0), "bob");
	sqlite3_reset(a);
	sqlite3_reset(b);
	/* Both idle now: the next caller gets a cached one, no third. */
	sqlite3_stmt *c = store_stmt(f->st, users_sql, &e);
	assert_true(c == a || c == b);
}

/* True while s is one of the connection's prepared statements. */
static bool alive(struct store *st, sqlite3_stmt *s)
{
	for (sqlite3_stmt *q = sqlite3_next_stmt(st->db, NULL); q; q = sqlite3_next_stmt(st->db, q))
		if (q == s)
			return true;
	return false;
}

static bool cached(const struct store *st, const char *sql)
{
	for (int i = 0; i < st->ncache; i++)
		if (st->cache[i].sql == sql)
			return true;
	return false;
}

/* A full cache makes room from idle statements only: a statement a caller
 * is stepping survives any number of new ones (the old cache finalised
 * slot 0 whether it was in use or not — a use after free). */
static void full_cache_keeps_busy_statement(void **state)
{
	struct fx *f = *state;
	struct err e;
	enum { N = 3 * STORE_STMT_CACHE };
	char(*sql)[32] = calloc(N, sizeof *sql);
	for (int i = 0; i < N; i++)
		snprintf(sql[i], sizeof sql[i], "SELECT %d", i);
	int k = 0;
	while (f->st->ncache < STORE_STMT_CACHE)
		assert_non_null(store_stmt(f->st, sql[k++], &e));
	sqlite3_stmt *a = store_stmt(f->st, users_sql, &e);
	assert_non_null(a);
	assert_int_equal(sqlite3_step(a), SQLITE_ROW);
	while (k < N) {
		sqlite3_stmt *q = store_stmt(f->st, sql[k], &e);
		assert_non_null(q);
		assert_int_equal(sqlite3_step(q), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(q, 0), k);
		sqlite3_reset(q);
		k++;
	}
	assert_true(alive(f->st, a));
	assert_int_equal(sqlite3_step(a), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(a, 0), "bob");
	sqlite3_reset(a);
	/* Least recently used goes first: the newest are cached, the oldest not. */
	assert_true(cached(f->st, sql[N - 1]));
	assert_true(cached(f->st, users_sql));
	assert_false(cached(f->st, sql[0]));
	free(sql);
}

/* Every cached statement busy: a new one is refused with a message, never
 * made by resetting or dropping one in use. A store of its own, whose cache
 * holds only these SELECTs. */
static void all_busy_refused(void **state)
{
	char dir[TMPDB_DIR_MAX], path[TMPDB_PATH_MAX], want[64];
	struct store *st;
	struct err e = {""};
	char(*sql)[32] = calloc(STORE_STMT_CACHE + 1, sizeof *sql);
	sqlite3_stmt *held[STORE_STMT_CACHE];
	tmpdb_open(dir, path, "stmtfull", "clinic.db", &st);
	assert_int_equal(st->ncache, 0);
	for (int i = 0; i <= STORE_STMT_CACHE; i++)
		snprintf(sql[i], sizeof sql[i], "SELECT %d", i);
	for (int i = 0; i < STORE_STMT_CACHE; i++) {
		held[i] = store_stmt(st, sql[i], &e);
		assert_non_null(held[i]);
		assert_int_equal(sqlite3_step(held[i]), SQLITE_ROW);
	}
	assert_null(store_stmt(st, sql[STORE_STMT_CACHE], &e));
	snprintf(want, sizeof want, "too many queries in progress at once (%d)", STORE_STMT_CACHE);
	assert_string_equal(e.msg, want);
	for (int i = 0; i < STORE_STMT_CACHE; i++) {
		assert_true(alive(st, held[i]));
		assert_int_equal(sqlite3_column_int(held[i], 0), i);
	}
	store_release(st);
	assert_non_null(store_stmt(st, sql[STORE_STMT_CACHE], &e));
	tmpdb_remove(dir, st);
	free(sql);
}

/* --- the migrations' numbering --- */

static enum status check(const struct asset *list, int *top, char *msg)
{
	struct err e = {""};
	enum status s = store_migrations_check(list, top, &e);
	strcpy(msg, e.msg);
	return s;
}

static void migrations_numbered_without_gaps(void **state)
{
	char msg[ERR_MSG_MAX];
	int top = -1;
	static const struct asset ok[] = {{"assets/hepadesk.ini", ""},
					  {"assets/sql/002-b.sql", ""},
					  {"assets/sql/001-a.sql", ""},
					  {"assets/sql/003_c.sql", ""},
					  {NULL, NULL}};
	assert_int_equal(check(ok, &top, msg), ST_OK);
	assert_int_equal(top, 3);

	static const struct asset gap[] = {{"assets/sql/001-a.sql", ""},
					   {"assets/sql/002-b.sql", ""},
					   {"assets/sql/004-d.sql", ""},
					   {NULL, NULL}};
	assert_int_equal(check(gap, &top, msg), ST_IO);
	assert_string_equal(msg, "migration 003 is missing (assets/sql/ goes up to 004): this "
				 "build cannot upgrade a database");
	assert_int_equal(top, 0);

	static const struct asset first[] = {{"assets/sql/002-b.sql", ""}, {NULL, NULL}};
	assert_int_equal(check(first, &top, msg), ST_IO);
	assert_non_null(strstr(msg, "migration 001 is missing"));

	static const struct asset twice[] = {{"assets/sql/001-a.sql", ""},
					     {"assets/sql/002-b.sql", ""},
					     {"assets/sql/002-c.sql", ""},
					     {NULL, NULL}};
	assert_int_equal(check(twice, &top, msg), ST_IO);
	assert_string_equal(msg, "migrations assets/sql/002-b.sql and assets/sql/002-c.sql have "
				 "the same number 002");

	static const struct asset unnumbered[] = {
	    {"assets/sql/001-a.sql", ""}, {"assets/sql/extra.sql", ""}, {NULL, NULL}};
	assert_int_equal(check(unnumbered, &top, msg), ST_IO);
	assert_string_equal(msg, "migration assets/sql/extra.sql: its name must start with its "
				 "number (assets/sql/NNN-what.sql)");

	static const struct asset none[] = {{NULL, NULL}};
	assert_int_equal(check(none, &top, msg), ST_OK);
	assert_int_equal(top, 0);
}

/* The migrations this build embeds pass, and the newest is the schema. */
static void embedded_migrations_pass(void **state)
{
	char msg[ERR_MSG_MAX];
	int top = -1;
	assert_int_equal(check(assets, &top, msg), ST_OK);
	assert_int_equal(top, store_schema_version());
	assert_true(top >= 9);
	assert_int_equal(store_migration_number("assets/sql/009-visit-correction.sql"), 9);
	assert_int_equal(store_migration_number("assets/protocols/ucmsc-default.ini"), 0);
	assert_int_equal(store_migration_number("assets/sql/9x.sql"), -1);
}

/* --- per-patient reads stay on indexes --- */

/* Steps of full table scans over every statement the store has prepared,
 * counters reset. */
static int64_t fullscan_steps(struct store *st)
{
	int64_t n = 0;
	for (sqlite3_stmt *q = sqlite3_next_stmt(st->db, NULL); q; q = sqlite3_next_stmt(st->db, q))
		n += sqlite3_stmt_status(q, SQLITE_STMTSTATUS_FULLSCAN_STEP, 1);
	return n;
}

/* The date check every recorded lab, visit, AE and biopsy goes through read
 * the patient's plan by scanning every patient's schedule: a demo built
 * with 2,000 patients in follow-up took 15 times as long as one with 500. */
static void date_check_reads_one_patients_schedule(void **state)
{
	struct fx *f = *state;
	struct err e;
	struct demo_opts o = {10, 7, date_from_time(testclock_now, 0), 20};
	assert_int_equal(demo_generate(f->st, &o, &e), ST_OK);
	struct patient p;
	assert_int_equal(store_patient_by_mrn(f->st, "70000005", &p, &e), ST_OK);
	(void)fullscan_steps(f->st);
	assert_int_equal(store_date_plausible(f->st, p.id, "date", o.today - 1, DATE_RECORD, &e),
			 ST_OK);
	assert_int_equal(fullscan_steps(f->st), 0);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
	    T(reentrant_same_sql),
	    T(busy_statement_not_reset),
	    T(full_cache_keeps_busy_statement),
	    T(date_check_reads_one_patients_schedule),
	    cmocka_unit_test(all_busy_refused),
	    cmocka_unit_test(migrations_numbered_without_gaps),
	    cmocka_unit_test(embedded_migrations_pass),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
