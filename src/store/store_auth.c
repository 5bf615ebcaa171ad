/* store_auth.c: re-authentication attempts and the lockout after failures
 * in a row. */
#include "store_int.h"

#include <string.h>

#include "date.h"
#include "store_auth.h"

enum status store_auth_allowed(struct store *st, int max_failures, int lock_seconds, struct err *e)
{
	static const char sql[] =
	    "SELECT count(*), coalesce(max(at), 0), coalesce(sum(ok), 0) FROM "
	    "(SELECT ok, at FROM auth_attempts WHERE login = ?1 ORDER BY id DESC LIMIT ?2)";
	store_tick(st);
	if (!st->have_actor)
		return err_set(e, ST_DENIED, "not authorised — ask the administrator");
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, st->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(q, 2, max_failures);
	int rc = sqlite3_step(q);
	int n = rc == SQLITE_ROW ? sqlite3_column_int(q, 0) : 0;
	int64_t last = rc == SQLITE_ROW ? sqlite3_column_int64(q, 1) : 0;
	int oks = rc == SQLITE_ROW ? sqlite3_column_int(q, 2) : 0;
	sqlite3_reset(q);
	if (rc != SQLITE_ROW)
		return store_fail(st, e, "reading password attempts");
	if (n >= max_failures && oks == 0 && st->now < last + lock_seconds) {
		char t[20];
		return err_set(
		    e, ST_DENIED, "%d wrong passwords in a row for %s: refused until %s UTC",
		    max_failures, st->actor.login, date_format_time(last + lock_seconds, t));
	}
	return ST_OK;
}

/* Whether the actor's last recorded attempt failed (a streak to end). */
static enum status after_failure(struct store *st, bool *streak, struct err *e)
{
	static const char sql[] =
	    "SELECT ok FROM auth_attempts WHERE login = ? ORDER BY id DESC LIMIT 1";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, st->actor.login, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(q);
	*streak = rc == SQLITE_ROW && sqlite3_column_int(q, 0) == 0;
	sqlite3_reset(q);
	return rc == SQLITE_ROW || rc == SQLITE_DONE
		   ? ST_OK
		   : store_fail(st, e, "reading password attempts");
}

enum status store_auth_record(struct store *st, const char *purpose, bool ok, struct err *e)
{
	static const char sql[] =
	    "INSERT INTO auth_attempts (login, purpose, ok, at) VALUES (?, ?, ?, ?)";
	st->reauth_ok = false;
	if (!st->have_actor)
		return err_set(e, ST_DENIED, "not authorised — ask the administrator");
	enum status s = store_begin(st, e);
	if (s != ST_OK)
		return s;
	bool streak = false;
	if (ok && (s = after_failure(st, &streak, e)) != ST_OK) {
		store_rollback(st);
		return s;
	}
	if (ok && !streak) {
		/* Nothing to end: an accepted password alone writes nothing. */
		store_rollback(st);
		st->reauth_ok = strcmp(purpose, "signature") == 0;
		return ST_OK;
	}
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q) {
		store_rollback(st);
		return ST_IO;
	}
	sqlite3_bind_text(q, 1, st->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 2, purpose, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(q, 3, ok);
	sqlite3_bind_int64(q, 4, st->now);
	if (sqlite3_step(q) != SQLITE_DONE) {
		s = store_fail(st, e, "recording the password attempt");
		store_rollback(st);
		return s;
	}
	s = store_commit(st, e);
	st->reauth_ok = s == ST_OK && ok && strcmp(purpose, "signature") == 0;
	return s;
}

void store_auth_forget(struct store *st)
{
	if (st)
		st->reauth_ok = false;
}
