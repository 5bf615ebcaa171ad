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
#include "app.h"
#include "assets.h"
#include "demo.h"
#include "store_export.h"
#include "store_longterm.h"
#include "store_report.h"
#include "uc_report.h"

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

static void read_login(sqlite3_stmt *q, void *row)
{
	snprintf(row, 32, "%s", (const char *)sqlite3_column_text(q, 0));
}

static int64_t pragma(struct store *st, const char *sql);
struct ran {
	char *sql[64];
	int n;
};
static void ran_add(void *ctx, const char *sql);

static enum status count_row(void *ctx, const void *row, struct err *e)
{
	(*(int *)ctx)++;
	return ST_OK;
}

/* An export of one patient reads that patient: "?1 IS NULL OR p.mrn = ?1"
 * walked every patient's MRN (a million at registry scale). */
static void export_one_reads_one_patient(void **state)
{
	struct fx *f = *state;
	struct err e;
	struct demo_opts o = {10, 7, date_from_time(testclock_now, 0), 20};
	assert_int_equal(demo_generate(f->st, &o, &e), ST_OK);
	day_t today = date_from_time(testclock_now, 0);
	int n = 0;
	struct ran ran = {{0}, 0};
	store_report_trace(f->st, ran_add, &ran);
	assert_int_equal(store_export_patients(f->st, "70000005", today, count_row, &n, &e), ST_OK);
	store_report_trace(f->st, NULL, NULL);
	assert_int_equal(n, 1);
	assert_int_equal(ran.n, 1);
	/* Its plan searches the patients by MRN; the old one scanned them. */
	char *x = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", ran.sql[0]);
	sqlite3_stmt *q = NULL;
	assert_int_equal(sqlite3_prepare_v2(f->st->db, x, -1, &q, NULL), SQLITE_OK);
	int scans = 0, rows = 0;
	while (sqlite3_step(q) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(q, 3);
		rows++;
		scans += strncmp(d, "SCAN", 4) == 0;
	}
	sqlite3_finalize(q);
	sqlite3_free(x);
	free(ran.sql[0]);
	assert_true(rows >= 2);
	assert_int_equal(scans, 0);
	n = 0;
	assert_int_equal(store_export_patients(f->st, "NOSUCH", today, count_row, &n, &e),
			 ST_NOT_FOUND);
	assert_int_equal(n, 0);
	assert_int_equal(store_export_patients(f->st, "", today, count_row, &n, &e), ST_OK);
	assert_true(n >= 30);
}

/* A status change closes the patient's long-term schedule, a plan closed
 * its plan's: "?1 = 0 OR patient_id = ?1" made each a scan of every
 * patient's items (a demo with 8,000 in follow-up spent a fifth of its
 * time there). Both now read the patient's items only. */
static void lt_close_reads_one_patient(void **state)
{
	struct fx *f = *state;
	struct err e;
	struct demo_opts o = {10, 7, date_from_time(testclock_now, 0), 20};
	assert_int_equal(demo_generate(f->st, &o, &e), ST_OK);
	sqlite3_stmt *q = NULL;
	assert_int_equal(
	    sqlite3_prepare_v2(f->st->db,
			       "SELECT patient_id, plan_id, (SELECT count(*) FROM "
			       "longterm_schedule WHERE state = 'open') FROM "
			       "longterm_schedule WHERE state = 'open' ORDER BY id LIMIT 1",
			       -1, &q, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	int64_t pid = sqlite3_column_int64(q, 0), plan = sqlite3_column_int64(q, 1),
		open = sqlite3_column_int64(q, 2);
	sqlite3_finalize(q);
	assert_true(pid > 0 && plan > 0 && open > 0);
	assert_int_equal(store_begin(f->st, &e), ST_OK);
	(void)fullscan_steps(f->st);
	assert_int_equal(store_lt_close(f->st, 0, plan, false, &e), ST_OK);
	assert_int_equal(fullscan_steps(f->st), 0);
	int64_t after_plan = pragma(f->st, "SELECT count(*) FROM longterm_schedule WHERE state = "
					   "'open'");
	assert_true(after_plan < open);
	assert_int_equal(store_lt_close(f->st, pid, 0, true, &e), ST_OK);
	assert_int_equal(fullscan_steps(f->st), 0);
	assert_int_equal(store_lt_close(f->st, 0, 0, false, &e), ST_INVALID);
	store_rollback(f->st);
}

static int64_t pragma(struct store *st, const char *sql)
{
	sqlite3_stmt *q = NULL;
	assert_int_equal(sqlite3_prepare_v2(st->db, sql, -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return v;
}

/* The demo's one transaction keeps its statement journals in memory: in a
 * temporary file they were two million 4 KiB writes for 2,000 patients in
 * follow-up (a third of the demo's time, and growing with it). SQLite
 * takes the setting when the transaction starts, so it must be made before
 * BEGIN; the session's settings come back at the end. */
static void demo_load_journals_in_memory(void **state)
{
	struct fx *f = *state;
	struct err e;
	int64_t first = -1;
	assert_int_equal(pragma(f->st, "PRAGMA temp_store"), 0);
	assert_int_equal(store_demo_begin(f->st, 1, 1, &first, &e), ST_OK);
	assert_int_equal(pragma(f->st, "PRAGMA temp_store"), 2);
	assert_int_equal(sqlite3_get_autocommit(f->st->db), 0);
	assert_int_equal(pragma(f->st, "PRAGMA cache_size"), -262144);
	assert_int_equal(store_demo_end(f->st, false, &e), ST_OK);
	assert_int_equal(pragma(f->st, "PRAGMA temp_store"), 0);
	assert_int_equal(pragma(f->st, "PRAGMA cache_size"), -512);
}

/* Every statement the cohort report ran, once each (struct ran above). */

static void ran_add(void *ctx, const char *sql)
{
	struct ran *r = ctx;
	for (int i = 0; i < r->n; i++)
		if (strcmp(r->sql[i], sql) == 0)
			return;
	if (r->n < 64)
		r->sql[r->n++] = strdup(sql);
}

/* Whether sql's program opens a temporary b-tree (OpenEphemeral): an IN
 * list, or an ORDER BY with a LIMIT that no index provides. -1 when the
 * statement cannot be explained here (the access trail's, on its own
 * attached database). */
static int ephemeral(sqlite3 *db, const char *sql)
{
	char *x = sqlite3_mprintf("EXPLAIN %s", sql);
	sqlite3_stmt *q = NULL;
	int found = -1;
	if (sqlite3_prepare_v2(db, x, -1, &q, NULL) == SQLITE_OK) {
		found = 0;
		while (sqlite3_step(q) == SQLITE_ROW)
			if (strcmp((const char *)sqlite3_column_text(q, 1), "OpenEphemeral") == 0)
				found = 1;
	}
	sqlite3_finalize(q);
	sqlite3_free(x);
	return found;
}

/* The cohort report reads each treated patient with about twenty
 * statements; five of them (an analyte list through json_each, a LIMIT on
 * a sorted union or on an order no index gives) opened a temporary b-tree
 * per patient, a quarter of the report's time. None does now. */
static void report_reads_open_no_temporary_btree(void **state)
{
	struct fx *f = *state;
	struct err e;
	struct demo_opts o = {10, 7, date_from_time(testclock_now, 0), 6};
	assert_int_equal(demo_generate(f->st, &o, &e), ST_OK);
	struct app app = {.st = f->st, .clock = testclock};
	config_defaults(&app.cfg);
	struct report_filter flt;
	report_filter_init(&flt);
	struct report *r = calloc(1, sizeof *r);
	struct ran ran = {{0}, 0};
	store_report_trace(f->st, ran_add, &ran);
	assert_int_equal(app_report_outcomes(&app, &flt, r, &e), ST_OK);
	store_report_trace(f->st, NULL, NULL);
	assert_true(r->npatients >= 6);
	report_free(r);
	free(r);
	int explained = 0;
	for (int i = 0; i < ran.n; i++) {
		int x = ephemeral(f->st->db, ran.sql[i]);
		if (x == 1)
			fail_msg("a temporary b-tree in: %s", ran.sql[i]);
		explained += x == 0;
		free(ran.sql[i]);
	}
	assert_true(explained >= 15);
}

/* A patient's list without a LIMIT (store_patient_rows binds ?2 only when
 * the statement has one) still stops at max, as one with LIMIT ?2 does. */
static void patient_rows_stop_at_max(void **state)
{
	struct fx *f = *state;
	struct err e;
	char got[3][32] = {{0}}, limited[3][32] = {{0}};
	int n = -1;
	static const char open[] = "SELECT login FROM users WHERE ?1 = 1 ORDER BY login DESC";
	static const char lim[] =
	    "SELECT login FROM users WHERE ?1 = 1 ORDER BY login DESC LIMIT ?2";
	assert_int_equal(store_patient_rows(f->st, open, 1, got, sizeof got[0], 2, &n, read_login,
					    "reading users", &e),
			 ST_OK);
	assert_int_equal(n, 2);
	assert_int_equal(store_patient_rows(f->st, lim, 1, limited, sizeof limited[0], 2, &n,
					    read_login, "reading users", &e),
			 ST_OK);
	assert_int_equal(n, 2);
	for (int i = 0; i < 2; i++)
		assert_string_equal(got[i], limited[i]);
	assert_string_equal(got[0], "carol");
	assert_string_equal(got[1], "bob");
	assert_string_equal(got[2], "");
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
	    T(reentrant_same_sql),
	    T(busy_statement_not_reset),
	    T(full_cache_keeps_busy_statement),
	    T(date_check_reads_one_patients_schedule),
	    T(report_reads_open_no_temporary_btree),
	    T(patient_rows_stop_at_max),
	    T(demo_load_journals_in_memory),
	    T(lt_close_reads_one_patient),
	    T(export_one_reads_one_patient),
	    cmocka_unit_test(all_busy_refused),
	    cmocka_unit_test(migrations_numbered_without_gaps),
	    cmocka_unit_test(embedded_migrations_pass),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
