/* store_user.c: the users table and the acting user. */
#include "store_int.h"

#include <string.h>

#include "util.h"

static void read_user(sqlite3_stmt *s, struct user *u)
{
	u->id = sqlite3_column_int64(s, 0);
	store_col_text(s, 1, u->login, sizeof u->login);
	store_col_text(s, 2, u->display, sizeof u->display);
	char role[16];
	store_col_text(s, 3, role, sizeof role);
	if (!role_parse(role, &u->role))
		u->role = ROLE_VIEWER;
	u->disabled = sqlite3_column_int(s, 4) != 0;
}

static enum status user_get(struct store *st, const char *login, struct user *u, struct err *e)
{
	static const char sql[] =
	    "SELECT id, login, display, role, disabled FROM users WHERE login = ?";
	sqlite3_stmt *s = store_stmt(st, sql, e);
	if (!s)
		return ST_IO;
	sqlite3_bind_text(s, 1, login, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		read_user(s, u);
		sqlite3_reset(s);
		return ST_OK;
	}
	if (rc != SQLITE_DONE)
		return store_fail(st, e, "reading users");
	return ST_NOT_FOUND;
}

static enum status insert_user(struct store *st, const struct user *u, struct err *e)
{
	static const char sql[] = "INSERT INTO users (login, display, role, disabled, created, "
				  "updated) VALUES (?, ?, ?, 0, ?, ?)";
	sqlite3_stmt *s = store_stmt(st, sql, e);
	if (!s)
		return ST_IO;
	sqlite3_bind_text(s, 1, u->login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, u->display, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, role_str(u->role), -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, st->now);
	sqlite3_bind_int64(s, 5, st->now);
	if (sqlite3_step(s) != SQLITE_DONE) {
		if ((sqlite3_extended_errcode(st->db)) == SQLITE_CONSTRAINT_UNIQUE)
			return err_set(e, ST_DUPLICATE, "user %s already exists", u->login);
		return store_fail(st, e, "adding a user");
	}
	return ST_OK;
}

static bool trail_empty(struct store *st)
{
	struct err ignored;
	sqlite3_stmt *q = store_stmt(st, "SELECT NOT EXISTS (SELECT 1 FROM audit)", &ignored);
	bool empty = q && sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0) == 1;
	if (q)
		sqlite3_reset(q);
	return empty;
}

/* A database with no users makes its creator the first admin. */
static enum status bootstrap(struct store *st, const char *login, struct err *e)
{
	struct user u = {0};
	strlcpy_(u.login, login, sizeof u.login);
	strlcpy_(u.display, login, sizeof u.display);
	u.role = ROLE_ADMIN;
	st->actor = u;
	st->have_actor = true;
	enum status s = store_begin(st, e);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *c = store_stmt(st, "SELECT count(*) FROM users", e);
	if (!c || sqlite3_step(c) != SQLITE_ROW) {
		store_rollback(st);
		return store_fail(st, e, "reading users");
	}
	if (sqlite3_column_int64(c, 0) == 0)
		s = insert_user(st, &u, e);
	sqlite3_reset(c);
	if (s != ST_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, e);
}

enum status store_set_actor(struct store *st, const char *login, struct err *e)
{
	struct err ignored;
	enum status s;

	st->have_actor = false;
	if (!login || !*login)
		return err_set(e, ST_DENIED, "not authorised — ask the administrator");
	s = user_get(st, login, &st->actor, &ignored);
	/* Only a database that never recorded anything (as `hepadesk init`
	 * makes it) takes its first user as admin: a file whose users were
	 * emptied gives nobody anything. */
	if (s == ST_NOT_FOUND && (st->created || trail_empty(st))) {
		s = bootstrap(st, login, e);
		if (s != ST_OK) {
			st->have_actor = false;
			return s;
		}
		s = user_get(st, login, &st->actor, e);
	}
	if (s == ST_NOT_FOUND || (s == ST_OK && st->actor.disabled)) {
		st->have_actor = false;
		return err_set(e, ST_DENIED, "not authorised — ask the administrator");
	}
	if (s != ST_OK)
		return s;
	st->have_actor = true;
	return ST_OK;
}

enum status store_user_add(struct store *st, const struct user *u, struct err *e)
{
	enum status s = store_may(st, PERM_MANAGE_USERS, e);
	if (s == ST_OK)
		s = user_validate(u, e);
	if (s == ST_OK)
		s = store_begin(st, e);
	if (s != ST_OK)
		return s;
	s = insert_user(st, u, e);
	if (s != ST_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, e);
}

static enum status user_update(struct store *st, const char *sql, const char *login,
			       const char *value, struct err *e)
{
	enum status s = store_may(st, PERM_MANAGE_USERS, e);
	if (s == ST_OK)
		s = store_begin(st, e);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q) {
		store_rollback(st);
		return ST_IO;
	}
	sqlite3_bind_text(q, 1, value, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 2, st->now);
	sqlite3_bind_text(q, 3, login, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(q) != SQLITE_DONE) {
		s = store_fail(st, e, "changing a user");
		store_rollback(st);
		return s;
	}
	if (sqlite3_changes(st->db) == 0) {
		store_rollback(st);
		return err_set(e, ST_NOT_FOUND, "no user %s", login);
	}
	return store_commit(st, e);
}

enum status store_user_set_role(struct store *st, const char *login, enum role r, struct err *e)
{
	static const char sql[] = "UPDATE users SET role = ?1, updated = ?2, version = version + 1 "
				  "WHERE login = ?3";
	return user_update(st, sql, login, role_str(r), e);
}

enum status store_user_disable(struct store *st, const char *login, struct err *e)
{
	static const char sql[] = "UPDATE users SET disabled = CAST(?1 AS INTEGER), updated = ?2, "
				  "version = version + 1 WHERE login = ?3";
	if (st->have_actor && strcmp(login, st->actor.login) == 0)
		return err_set(e, ST_INVALID, "you cannot disable your own login");
	return user_update(st, sql, login, "1", e);
}

enum status store_user_each(struct store *st, void (*fn)(const struct user *, void *), void *arg,
			    struct err *e)
{
	static const char sql[] =
	    "SELECT id, login, display, role, disabled FROM users ORDER BY login";
	sqlite3_stmt *s = store_stmt(st, sql, e);
	if (!s)
		return ST_IO;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct user u;
		read_user(s, &u);
		fn(&u, arg);
	}
	return rc == SQLITE_DONE ? ST_OK : store_fail(st, e, "reading users");
}
