/* store.c: opening the database (permissions, pragmas, migrations), the
 * statement cache, transactions with retry, and error mapping. */
#include "store_int.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <libgen.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assets.h"
#include "date.h"
#include "util.h"

#define MIGRATION_DIR "assets/sql/"

const char *asset_text(const char *path)
{
	for (const struct asset *a = assets; a->path; a++)
		if (strcmp(a->path, path) == 0)
			return a->text;
	return NULL;
}

int store_migration_number(const char *path)
{
	size_t n = strlen(MIGRATION_DIR);
	char *end;
	if (strncmp(path, MIGRATION_DIR, n) != 0)
		return 0;
	if (!isdigit((unsigned char)path[n]))
		return -1;
	long v = strtol(path + n, &end, 10);
	return v > 0 && v < 10000 && (*end == '-' || *end == '_') ? (int)v : -1;
}

/* The path of the one migration numbered want in list; NULL when there is
 * none, *twice set to a second one when there are two. */
static const char *migration_path(const struct asset *list, int want, const char **twice)
{
	const char *found = NULL;
	*twice = NULL;
	for (const struct asset *a = list; a->path; a++) {
		if (store_migration_number(a->path) != want)
			continue;
		if (found && !*twice)
			*twice = a->path;
		found = found ? found : a->path;
	}
	return found;
}

enum status store_migrations_check(const struct asset *list, int *top, struct err *e)
{
	int max = 0;
	const char *twice;
	*top = 0;
	for (const struct asset *a = list; a->path; a++) {
		int v = store_migration_number(a->path);
		if (v < 0)
			return err_set(e, ST_IO,
				       "migration %s: its name must start with its number "
				       "(" MIGRATION_DIR "NNN-what.sql)",
				       a->path);
		max = v > max ? v : max;
	}
	for (int want = 1; want <= max; want++) {
		const char *path = migration_path(list, want, &twice);
		if (!path)
			return err_set(e, ST_IO,
				       "migration %03d is missing (" MIGRATION_DIR
				       " goes up to %03d): this build cannot upgrade a database",
				       want, max);
		if (twice)
			return err_set(e, ST_IO, "migrations %s and %s have the same number %03d",
				       path, twice, want);
	}
	*top = max;
	return ST_OK;
}

int store_schema_version(void)
{
	int max = 0;
	for (const struct asset *a = assets; a->path; a++) {
		int v = store_migration_number(a->path);
		if (v > max)
			max = v;
	}
	return max;
}

enum status store_fail(struct store *st, struct err *e, const char *what)
{
	int rc = sqlite3_extended_errcode(st->db);
	const char *m = sqlite3_errmsg(st->db);
	int sys = sqlite3_system_errno(st->db);
	enum status s;

	/* A full disk often surfaces as an I/O error (growing the WAL index). */
	if ((rc & 0xff) == SQLITE_IOERR && (sys == ENOSPC || sys == EDQUOT))
		rc = SQLITE_FULL;
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		s = ST_BUSY;
		m = "the database is busy (another session is writing); nothing was saved, try "
		    "again";
		break;
	case SQLITE_FULL:
		s = ST_FULL;
		m = "the disk is full; nothing was saved";
		break;
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
		s = ST_READONLY;
		m = "the database cannot be written (read-only file or folder); nothing was saved";
		break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		s = ST_CORRUPT;
		m = "the database file is damaged; run `hepadesk check` and restore from backup";
		break;
	case SQLITE_CONSTRAINT:
		s = rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY
			? ST_DUPLICATE
			: ST_INVALID;
		break;
	default:
		s = ST_IO;
	}
	return err_set(e, s, "%s: %s", what, m);
}

/* The cached idle statement for sql, or NULL. A busy statement (stepped,
 * neither done nor reset) belongs to a caller still reading its rows:
 * resetting it would restart that caller's loop. */
static struct store_stmt *cache_find(struct store *st, const char *sql)
{
	for (int i = 0; i < st->ncache; i++)
		if (st->cache[i].sql == sql && !sqlite3_stmt_busy(st->cache[i].stmt))
			return &st->cache[i];
	return NULL;
}

/* A slot for a new statement: a free one, else the least recently used idle
 * one (finalised); NULL when every cached statement is in use. */
static struct store_stmt *cache_slot(struct store *st)
{
	struct store_stmt *victim = NULL;
	if (st->ncache < STORE_STMT_CACHE)
		return &st->cache[st->ncache++];
	for (int i = 0; i < st->ncache; i++) {
		struct store_stmt *c = &st->cache[i];
		if (!sqlite3_stmt_busy(c->stmt) && (!victim || c->used < victim->used))
			victim = c;
	}
	if (victim)
		sqlite3_finalize(victim->stmt);
	return victim;
}

sqlite3_stmt *store_stmt(struct store *st, const char *sql, struct err *e)
{
	struct store_stmt *c = cache_find(st, sql);
	if (c) {
		sqlite3_reset(c->stmt);
		sqlite3_clear_bindings(c->stmt);
		c->used = ++st->stmt_tick;
		return c->stmt;
	}
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
		store_fail(st, e, "preparing a query");
		return NULL;
	}
	/* The cache is sized for every statement in the program plus the
	 * few a re-entrant caller adds; a full one is a programming error,
	 * but stay correct. */
	if (!(c = cache_slot(st))) {
		sqlite3_finalize(s);
		err_set(e, ST_IO, "too many queries in progress at once (%d)", STORE_STMT_CACHE);
		return NULL;
	}
	c->sql = sql;
	c->stmt = s;
	c->used = ++st->stmt_tick;
	return s;
}

enum status store_rows_end(struct store *st, sqlite3_stmt *q, int rc, const char *what,
			   struct err *e)
{
	enum status s = rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : store_fail(st, e, what);
	sqlite3_reset(q);
	return s;
}

enum status store_patient_rows(struct store *st, const char *sql, int64_t patient_id, void *out,
			       size_t size, int max, int *n, store_row_reader *fill,
			       const char *what, struct err *e)
{
	enum status s = store_may(st, PERM_READ, e);
	*n = 0;
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, patient_id);
	if (sqlite3_bind_parameter_count(q) >= 2)
		sqlite3_bind_int(q, 2, max);
	int rc = SQLITE_DONE;
	while (*n < max && (rc = sqlite3_step(q)) == SQLITE_ROW)
		fill(q, (char *)out + (size_t)(*n)++ * size);
	return store_rows_end(st, q, rc, what, e);
}

enum status store_patient_row(struct store *st, const char *sql, int64_t patient_id, void *out,
			      store_row_reader *fill, const char *what, const char *missing,
			      struct err *e)
{
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, patient_id);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		fill(q, out);
	enum status s = store_rows_end(st, q, rc, what, e);
	if (s == ST_OK && rc == SQLITE_DONE)
		return err_set(e, ST_NOT_FOUND, "%s", missing);
	return s;
}

enum status store_exec(struct store *st, const char *sql, struct err *e)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, e, "database");
	return ST_OK;
}

void store_release(struct store *st)
{
	for (int i = 0; i < st->ncache; i++)
		sqlite3_reset(st->cache[i].stmt);
}

/* A write stamped earlier than the newest audit row by more than
 * STORE_CLOCK_SLACK_S is refused: the clock was set back (or faked), and
 * the trail would go backwards in time. */
enum status store_clock_not_back(struct store *st, struct err *e)
{
	static const char sql[] = "SELECT ts FROM main.audit ORDER BY seq DESC LIMIT 1";
	sqlite3_stmt *q;
	/* A database being created has no trail yet (the first migration). */
	if (!st->audit_on || sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK)
		return ST_OK;
	int rc = sqlite3_step(q);
	int64_t newest = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : INT64_MIN;
	sqlite3_finalize(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, e, "reading the newest audit row");
	if (rc == SQLITE_ROW && st->now < newest - STORE_CLOCK_SLACK_S) {
		char now[32], last[32];
		return err_set(e, ST_INVALID,
			       "the clock reads %s UTC, earlier than the newest audit row (%s "
			       "UTC): the system clock was set back; nothing was saved — have the "
			       "clock corrected",
			       date_format_time(st->now, now), date_format_time(newest, last));
	}
	return ST_OK;
}

enum status store_begin(struct store *st, struct err *e)
{
	/* A cached statement left on a row keeps an old read snapshot open; a
	 * write from it would fail for good (SQLITE_BUSY_SNAPSHOT) once another
	 * session has written. Release every read before taking the lock. */
	if (st->bulk)
		return ST_OK;
	store_release(st);
	/* The busy timeout waits inside BEGIN IMMEDIATE; a few more tries
	 * cover a writer that holds the lock longer than one timeout. */
	for (int attempt = 0; attempt < 4; attempt++) {
		int rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		if (rc == SQLITE_OK) {
			st->now = st->clock();
			enum status s = store_clock_not_back(st, e);
			if (s != ST_OK)
				sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			return s;
		}
		if ((rc & 0xff) != SQLITE_BUSY)
			break;
	}
	return store_fail(st, e, "starting a write");
}

enum status store_commit(struct store *st, struct err *e)
{
	if (st->bulk)
		return ST_OK;
	for (int attempt = 0; attempt < 4; attempt++) {
		int rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
		if (rc == SQLITE_OK) {
			return ST_OK;
		}
		if ((rc & 0xff) != SQLITE_BUSY)
			break;
	}
	enum status s = store_fail(st, e, "saving");
	store_rollback(st);
	return s;
}

void store_rollback(struct store *st)
{
	if (st->bulk)
		return;
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

void store_bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v && *v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

void store_bind_day(sqlite3_stmt *s, int i, day_t d)
{
	char buf[16];
	if (d == DAY_NONE)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, date_format(d, buf), -1, SQLITE_TRANSIENT);
}

void store_bind_real(sqlite3_stmt *s, int i, double v)
{
	if (isnan(v))
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_double(s, i, v);
}

day_t store_col_day(sqlite3_stmt *s, int i)
{
	day_t d;
	const char *t = (const char *)sqlite3_column_text(s, i);
	if (!t || !date_parse(t, &d))
		return DAY_NONE;
	return d;
}

double store_col_real(sqlite3_stmt *s, int i)
{
	if (sqlite3_column_type(s, i) == SQLITE_NULL)
		return NAN;
	return sqlite3_column_double(s, i);
}

void store_col_text(sqlite3_stmt *s, int i, char *dst, size_t n)
{
	const char *t = (const char *)sqlite3_column_text(s, i);
	strlcpy_(dst, t ? t : "", n);
}

int64_t store_now(const struct store *st)
{
	return st->now;
}

const struct user *store_actor(const struct store *st)
{
	return st->have_actor ? &st->actor : NULL;
}

void store_tick(struct store *st)
{
	if (sqlite3_get_autocommit(st->db))
		st->now = st->clock();
}

enum status store_may(struct store *st, enum perm p, struct err *e)
{
	store_tick(st);
	if (!st->have_actor)
		return err_set(e, ST_DENIED, "not authorised — ask the administrator");
	return user_may(&st->actor, p, e);
}

int64_t store_generation(struct store *st)
{
	static const char sql[] = "PRAGMA data_version";
	struct err e;
	int64_t other = 0;
	sqlite3_stmt *q = store_stmt(st, sql, &e);
	if (q && sqlite3_step(q) == SQLITE_ROW)
		other = sqlite3_column_int64(q, 0);
	if (q)
		sqlite3_reset(q);
	/* data_version counts other connections' commits, total_changes this
	 * one's rows: both only grow. */
	return (other << 32) + sqlite3_total_changes64(st->db);
}

enum status store_void_mark(struct store *st, const char *sql, int64_t id, const char *reason,
			    const char *what, struct err *e)
{
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, st->now);
	if (st->have_actor)
		sqlite3_bind_text(q, 2, st->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 3, reason, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 4, id);
	return sqlite3_step(q) == SQLITE_DONE ? ST_OK : store_fail(st, e, what);
}
