/* store_user.c: the users table and the acting user. */
#include "store_int.h"

#include <string.h>

#include "util.h"

static void read_user(sqlite3_stmt *s, struct user *u)
{
	u->id = sqlite3_column_int64(s, 0);
	store_col_text(s, 1, u->login, sizeof u->login);
	store_col_text(s, 2, u->display, sizeof u->display);
	char roles[ROLES_TEXT_MAX];
	store_col_text(s, 3, roles, sizeof roles);
	if (!roles_parse(roles, &u->roles))
		u->roles = ROLE_BIT(ROLE_VIEWER);
	u->disabled = sqlite3_column_int(s, 4) != 0;
}

static enum status user_get(struct store *st, const char *login, struct user *u, struct err *e)
{
	static const char sql[] =
	    "SELECT id, login, display, CASE roles WHEN '' THEN role ELSE roles END, disabled "
	    "FROM users WHERE login = ?";
	sqlite3_stmt *s = store_stmt(st, sql, e);
	memset(u, 0, sizeof *u);
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

/* The users.role column keeps one role (the highest held) for readers of
 * older schemas; users.roles is the set. */
static enum role primary_role(unsigned roles)
{
	for (int r = ROLE_COUNT - 1; r > 0; r--)
		if (roles & ROLE_BIT(r))
			return (enum role)r;
	return ROLE_VIEWER;
}

static enum status insert_user(struct store *st, const struct user *u, struct err *e)
{
	static const char sql[] = "INSERT INTO users (login, display, role, disabled, created, "
				  "updated, roles) VALUES (?, ?, ?, 0, ?, ?, ?)";
	char roles[ROLES_TEXT_MAX];
	sqlite3_stmt *s = store_stmt(st, sql, e);
	if (!s)
		return ST_IO;
	sqlite3_bind_text(s, 1, u->login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, u->display, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, role_str(primary_role(u->roles)), -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, st->now);
	sqlite3_bind_int64(s, 5, st->now);
	sqlite3_bind_text(s, 6, roles_str(u->roles, roles, sizeof roles), -1, SQLITE_TRANSIENT);
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

/* A database with no users makes its creator the first admin, and a
 * physician: the one who sets up a clinic's database runs it first; an
 * admin who is not a clinician revokes the physician role (user revoke). */
static enum status bootstrap(struct store *st, const char *login, struct err *e)
{
	struct user u = {0};
	strlcpy_(u.login, login, sizeof u.login);
	strlcpy_(u.display, login, sizeof u.display);
	u.roles = ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_PHYSICIAN);
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
	st->reauth_ok = false; /* a password accepted is the actor's own */
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

static enum status user_by_login(struct store *st, const char *login, struct user *u, struct err *e)
{
	enum status s = user_get(st, login, u, e);
	return s == ST_NOT_FOUND ? err_set(e, ST_NOT_FOUND, "no user %s", login) : s;
}

/* Refuse a change that leaves no enabled administrator. */
static enum status keep_an_admin(struct store *st, const struct user *before,
				 const struct user *after, struct err *e)
{
	static const char sql[] = "SELECT count(*) FROM users WHERE disabled = 0 AND login <> ?1 "
				  "AND (',' || CASE roles WHEN '' THEN role ELSE roles END || ',') "
				  "LIKE '%,admin,%'";
	bool was = (before->roles & ROLE_BIT(ROLE_ADMIN)) && !before->disabled;
	bool is = (after->roles & ROLE_BIT(ROLE_ADMIN)) && !after->disabled;
	if (!was || is)
		return ST_OK;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, before->login, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(q);
	int64_t others = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
	sqlite3_reset(q);
	if (others < 0)
		return store_fail(st, e, "reading users");
	if (others == 0)
		return err_set(e, ST_INVALID,
			       "%s is the last administrator; make another user admin first, "
			       "or no one could manage users and the protocol",
			       before->login);
	return ST_OK;
}

static enum status write_user(struct store *st, const struct user *u, struct err *e)
{
	static const char sql[] = "UPDATE users SET role = ?1, roles = ?2, disabled = ?3, "
				  "updated = ?4, version = version + 1 WHERE id = ?5";
	char roles[ROLES_TEXT_MAX];
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, role_str(primary_role(u->roles)), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, roles_str(u->roles, roles, sizeof roles), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(q, 3, u->disabled);
	sqlite3_bind_int64(q, 4, st->now);
	sqlite3_bind_int64(q, 5, u->id);
	return sqlite3_step(q) == SQLITE_DONE ? ST_OK : store_fail(st, e, "changing a user");
}

/* Change a user's roles (set, add, remove) or disable them, in one
 * transaction that keeps an enabled administrator. */
enum user_change { UC_SET, UC_GRANT, UC_REVOKE, UC_DISABLE };

static enum status change_tx(struct store *st, const char *login, enum user_change how,
			     unsigned roles, struct err *e)
{
	struct user before, after;
	enum status s = user_by_login(st, login, &before, e);
	if (s != ST_OK)
		return s;
	after = before;
	if (how == UC_SET)
		after.roles = roles;
	else if (how == UC_GRANT)
		after.roles |= roles;
	else if (how == UC_REVOKE)
		after.roles &= ~roles;
	else
		after.disabled = true;
	if (!after.roles)
		return err_set(e, ST_INVALID,
			       "%s would hold no role; disable the user instead (user disable)",
			       login);
	if ((s = keep_an_admin(st, &before, &after, e)) != ST_OK)
		return s;
	return write_user(st, &after, e);
}

static enum status user_change(struct store *st, const char *login, enum user_change how,
			       unsigned roles, struct err *e)
{
	enum status s = store_may(st, PERM_MANAGE_USERS, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	s = change_tx(st, login, how, roles, e);
	if (s != ST_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, e);
}

enum status store_user_set_role(struct store *st, const char *login, enum role r, struct err *e)
{
	return user_change(st, login, UC_SET, ROLE_BIT(r), e);
}

enum status store_user_grant(struct store *st, const char *login, enum role r, struct err *e)
{
	return user_change(st, login, UC_GRANT, ROLE_BIT(r), e);
}

enum status store_user_revoke(struct store *st, const char *login, enum role r, struct err *e)
{
	return user_change(st, login, UC_REVOKE, ROLE_BIT(r), e);
}

enum status store_user_disable(struct store *st, const char *login, struct err *e)
{
	if (st->have_actor && strcmp(login, st->actor.login) == 0)
		return err_set(e, ST_INVALID, "you cannot disable your own login");
	return user_change(st, login, UC_DISABLE, 0, e);
}

enum status store_user_each(struct store *st, void (*fn)(const struct user *, void *), void *arg,
			    struct err *e)
{
	static const char sql[] =
	    "SELECT id, login, display, CASE roles WHEN '' THEN role ELSE roles END, disabled "
	    "FROM users ORDER BY login";
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
