/* store_access.c: the access trail — every view and export of patients, in
 * a database of its own beside the clinic's (PATH.access, attached as
 * schema "access"), keyed and chained like the audit trail and witnessed
 * in PATH.access.witness. A view then takes the access trail's write lock,
 * never the clinic's: opening a patient does not queue behind the writers
 * of clinical data, and each access row is still committed (synchronous
 * FULL) before anything is shown. The trail is attached only while it is
 * used (store_access_use/done): BEGIN IMMEDIATE, which every clinical
 * write runs, locks every attached database, so an attached trail would
 * put the views back behind the writers. */
#include "store_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "date.h"
#include "util.h"

/* The trail's own schema: the audit trail's tables and guards, and the
 * per-user list of patients opened last (derived from views). */
static const char access_schema[] =
    "CREATE TABLE IF NOT EXISTS access.audit ("
    " seq INTEGER PRIMARY KEY, ts INTEGER NOT NULL, actor TEXT NOT NULL,"
    " action TEXT NOT NULL CHECK (action IN ('view', 'export')),"
    " tbl TEXT NOT NULL, row_id INTEGER, patient_id INTEGER, before TEXT, after TEXT,"
    " prev TEXT NOT NULL, hash TEXT NOT NULL) STRICT;"
    "CREATE INDEX IF NOT EXISTS access.audit_patient ON audit (patient_id, seq);"
    "CREATE INDEX IF NOT EXISTS access.audit_actor ON audit (actor, seq);"
    "CREATE TABLE IF NOT EXISTS access.audit_head ("
    " id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL)"
    " STRICT;"
    "CREATE TRIGGER IF NOT EXISTS access.audit_no_update BEFORE UPDATE ON audit "
    "BEGIN SELECT RAISE(ABORT, 'access rows are append-only'); END;"
    "CREATE TRIGGER IF NOT EXISTS access.audit_no_delete BEFORE DELETE ON audit "
    "BEGIN SELECT RAISE(ABORT, 'access rows are append-only'); END;"
    "CREATE TRIGGER IF NOT EXISTS access.audit_head_track AFTER INSERT ON audit "
    "BEGIN INSERT INTO audit_head (id, seq, hash) VALUES (1, NEW.seq, NEW.hash)"
    " ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash; END;"
    "CREATE TRIGGER IF NOT EXISTS access.audit_head_follows BEFORE UPDATE ON audit_head "
    "WHEN NEW.seq IS NOT (SELECT max(seq) FROM audit)"
    " OR NEW.hash IS NOT (SELECT hash FROM audit WHERE seq = NEW.seq) "
    "BEGIN SELECT RAISE(ABORT, 'the access head follows the newest access row'); END;"
    "CREATE TRIGGER IF NOT EXISTS access.audit_head_kept BEFORE DELETE ON audit_head "
    "BEGIN SELECT RAISE(ABORT, 'the access head cannot be removed'); END;"
    "CREATE TABLE IF NOT EXISTS access.recent ("
    " user TEXT NOT NULL, patient_id INTEGER NOT NULL, opened INTEGER NOT NULL,"
    " PRIMARY KEY (user, patient_id)) STRICT, WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS access.recent_user ON recent (user, opened);";

static bool has_schema(struct store *st)
{
	sqlite3_stmt *q;
	bool yes = false;
	if (sqlite3_prepare_v2(st->db,
			       "SELECT 1 FROM access.sqlite_schema WHERE name = 'audit_head_kept'",
			       -1, &q, NULL) != SQLITE_OK)
		return false;
	yes = sqlite3_step(q) == SQLITE_ROW;
	sqlite3_finalize(q);
	return yes;
}

/* Switch the new trail to WAL and make its schema: the first open of a
 * database without one (init, or a database from before the trail). */
static enum status make_schema(struct store *st, struct err *e)
{
	enum status s = ST_OK;
	for (int waited = 0; waited <= st->busy_timeout_ms; waited += 10) {
		int rc = sqlite3_exec(st->db, "PRAGMA access.journal_mode = WAL", NULL, NULL, NULL);
		if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED) {
			s = rc == SQLITE_OK ? ST_OK : store_fail(st, e, "the access trail");
			break;
		}
		sqlite3_sleep(10);
	}
	if (s == ST_OK && !has_schema(st)) {
		if ((s = store_exec(st, "BEGIN IMMEDIATE", e)) != ST_OK)
			return s;
		s = store_exec(st, access_schema, e);
		if (s == ST_OK)
			s = store_exec(st, "COMMIT", e);
		else
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	}
	return s;
}

enum status store_access_attach(struct store *st, bool readonly, gid_t gid, struct err *e)
{
	char path[PATH_MAX + 16];
	struct stat sb;
	snprintf(path, sizeof path, "%s.access", st->path);
	bool exists = stat(path, &sb) == 0;
	if (!exists && readonly)
		return ST_OK; /* verify reports it when the witness saw it */
	if (exists && faccessat(AT_FDCWD, path, R_OK, AT_EACCESS) != 0)
		return err_set(e, errno == EACCES ? ST_DENIED : ST_IO,
			       "the access trail %s: %s (mode %03o; it needs the database's own "
			       "owner, group and mode)",
			       path, strerror(errno), (unsigned)(sb.st_mode & 0777));
	st->have_access = true;
	/* An existing trail is opened when first used: a command that views
	 * nothing never touches it. */
	if (exists)
		return ST_OK;
	/* ATTACH opens with the database's flags, which never create: a
	 * database from before the trail (or init) gets it made here, with the
	 * database's own mode and group. */
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "PRAGMA user_version = 1", NULL, NULL, NULL);
	sqlite3_close(db);
	enum status s = ST_OK;
	if (rc != SQLITE_OK)
		s = err_set(e, ST_IO, "cannot create the access trail %s: %s", path,
			    sqlite3_errstr(rc));
	else if (gid != (gid_t)-1 && chown(path, (uid_t)-1, gid) != 0)
		s = err_set(e, ST_IO, "cannot give %s to its group: %s", path, strerror(errno));
	else if (chmod(path, gid != (gid_t)-1 ? 0660 : 0600) != 0)
		s = err_set(e, ST_IO, "cannot set the mode of %s: %s", path, strerror(errno));
	if (s == ST_OK)
		s = store_access_use(st, e);
	store_access_done(st);
	if (s != ST_OK)
		st->have_access = false;
	return s;
}

enum status store_access_use(struct store *st, struct err *e)
{
	char path[PATH_MAX + 16];
	if (!st->have_access)
		return err_set(e, ST_IO, "the access trail %s.access is missing", st->path);
	if (st->access_attached)
		return ST_OK;
	snprintf(path, sizeof path, "%s.access", st->path);
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(st->db, "ATTACH ?1 AS access", -1, &q, NULL) != SQLITE_OK)
		return store_fail(st, e, "the access trail");
	sqlite3_bind_text(q, 1, path, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(q);
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE)
		return err_set(e, ST_IO, "cannot open the access trail %s: %s", path,
			       sqlite3_errmsg(st->db));
	st->access_attached = true;
	enum status s = ST_OK;
	/* Per connection: every access row is on disk before it returns. */
	if (!st->readonly)
		s = store_exec(st, "PRAGMA access.synchronous = FULL", e);
	if (s == ST_OK && !st->readonly && !has_schema(st))
		s = make_schema(st, e);
	/* The head as it was when this session first used the trail: what
	 * the witness compares with at the end. */
	if (s == ST_OK && !st->access_head_known && st->have_key) {
		store_access_head_read(st);
		st->access_head_known = true;
	}
	if (s != ST_OK)
		store_access_done(st);
	return s;
}

void store_access_done(struct store *st)
{
	/* Only between transactions; the cached statements that read the
	 * trail are reset (and prepared again when it is next attached). */
	if (!st || !st->access_attached || !sqlite3_get_autocommit(st->db))
		return;
	store_release(st);
	if (sqlite3_exec(st->db, "DETACH access", NULL, NULL, NULL) == SQLITE_OK)
		st->access_attached = false;
}

/* BEGIN (deferred: the first write takes the access trail's write lock,
 * never the clinic's), with the clock checked against the audit trail. */
static enum status access_begin(struct store *st, struct err *e)
{
	store_release(st);
	enum status s = store_exec(st, "BEGIN", e);
	if (s != ST_OK)
		return s;
	st->now = st->clock();
	s = store_clock_not_back(st, e);
	if (s != ST_OK)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return s;
}

/* After the row is in (the write lock held, so the trail is current): the
 * clock against the access row before it. */
static enum status access_clock(struct store *st, int64_t seq, struct err *e)
{
	sqlite3_stmt *q;
	enum status s = ST_OK;
	if (sqlite3_prepare_v2(st->db, "SELECT max(ts) FROM access.audit WHERE seq < ?1", -1, &q,
			       NULL) != SQLITE_OK)
		return store_fail(st, e, "reading the access trail");
	sqlite3_bind_int64(q, 1, seq);
	if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL &&
	    st->now < sqlite3_column_int64(q, 0) - STORE_CLOCK_SLACK_S) {
		char now[32], last[32];
		s = err_set(e, ST_INVALID,
			    "the clock reads %s UTC, earlier than the newest access row (%s "
			    "UTC): the system clock was set back; nothing was shown — have the "
			    "clock corrected",
			    date_format_time(st->now, now),
			    date_format_time(sqlite3_column_int64(q, 0), last));
	}
	sqlite3_finalize(q);
	return s;
}

static enum status insert_row(struct store *st, const char *action, const char *tbl, int64_t row_id,
			      int64_t patient_id, const char *after, struct err *e)
{
	static const char sql[] =
	    "INSERT INTO access.audit (ts, actor, action, tbl, row_id, patient_id, before, "
	    "after, prev, hash) "
	    "SELECT ts, actor, ?1, ?2, ?3, ?5, NULL, ?4, p, hd_hash(p, ts, actor, ?1, ?2, ?3, "
	    "?5, NULL, ?4) FROM (SELECT hd_now() AS ts, hd_actor() AS actor, "
	    "coalesce((SELECT hash FROM access.audit_head WHERE id = 1), '') AS p)";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, tbl, -1, SQLITE_STATIC);
	if (row_id)
		sqlite3_bind_int64(q, 3, row_id);
	store_bind_text(q, 4, after);
	if (patient_id)
		sqlite3_bind_int64(q, 5, patient_id);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "writing the access trail");
	return ST_OK;
}

static enum status note_recent(struct store *st, int64_t patient_id, int keep, struct err *e)
{
	static const char upsert[] =
	    "INSERT INTO access.recent (user, patient_id, opened) VALUES (?1, ?2, ?3) "
	    "ON CONFLICT (user, patient_id) DO UPDATE SET opened = excluded.opened";
	static const char prune[] =
	    "DELETE FROM access.recent WHERE user = ?1 AND patient_id NOT IN (SELECT "
	    "patient_id FROM access.recent WHERE user = ?1 ORDER BY opened DESC LIMIT ?2)";
	sqlite3_stmt *q = store_stmt(st, upsert, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, st->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 2, patient_id);
	sqlite3_bind_int64(q, 3, st->now);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "recording a view");
	sqlite3_stmt *r = store_stmt(st, prune, e);
	if (!r)
		return ST_IO;
	sqlite3_bind_text(r, 1, st->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(r, 2, keep);
	if (sqlite3_step(r) != SQLITE_DONE)
		return store_fail(st, e, "recording a view");
	return ST_OK;
}

enum status store_access_log(struct store *st, const char *action, const char *tbl, int64_t row_id,
			     int64_t patient_id, const char *after, int recent_keep, int64_t *seq,
			     struct err *e)
{
	enum status s = store_access_use(st, e);
	if (s == ST_OK)
		s = access_begin(st, e);
	if (s != ST_OK) {
		store_access_done(st);
		return s;
	}
	s = insert_row(st, action, tbl, row_id, patient_id, after, e);
	int64_t row = s == ST_OK ? sqlite3_last_insert_rowid(st->db) : 0;
	if (s == ST_OK)
		s = access_clock(st, row, e);
	if (s == ST_OK && seq)
		*seq = row;
	if (s == ST_OK && recent_keep > 0 && patient_id)
		s = note_recent(st, patient_id, recent_keep, e);
	if (s != ST_OK)
		store_rollback(st);
	else
		s = store_commit(st, e);
	store_access_done(st);
	return s;
}
