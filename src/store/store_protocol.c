/* store_protocol.c: installing, activating and listing protocols. */
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

#include "store_protocol.h"
#include "util.h"

/* The kept row with this hash: its id, or 0. */
static enum status by_hash(struct store *st, const char *hash, int64_t *id, struct err *e)
{
	static const char sql[] = "SELECT id FROM protocols WHERE hash = ?";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, hash, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(q);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, e, "reading the protocols");
	return ST_OK;
}

/* Another text already kept under this name and version: refused. */
static enum status same_name_other_text(struct store *st, const struct protocol *p, struct err *e)
{
	static const char sql[] =
	    "SELECT count(*) FROM protocols WHERE name = ? AND version = ? AND hash <> ?";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, p->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 2, p->version, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 3, p->hash, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(q);
	int64_t n = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_reset(q);
	if (rc != SQLITE_ROW)
		return store_fail(st, e, "reading the protocols");
	if (n)
		return err_set(e, ST_DUPLICATE,
			       "protocol %s version %s is already installed with another text; "
			       "give the new text a new version",
			       p->name, p->version);
	return ST_OK;
}

static enum status install_row(struct store *st, const struct protocol *p, const char *text,
			       struct err *e)
{
	static const char ins[] =
	    "INSERT INTO protocols (hash, name, version, text, first_used, installed_by, "
	    "installed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5)";
	static const char upd[] =
	    "UPDATE protocols SET installed_by = ?2, installed_at = ?3 WHERE id = ?1 "
	    "AND installed_at IS NULL";
	int64_t id;
	enum status s = by_hash(st, p->hash, &id, e);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, id ? upd : ins, e);
	if (!q)
		return ST_IO;
	if (id) {
		sqlite3_bind_int64(q, 1, id);
		sqlite3_bind_int64(q, 2, store_actor(st)->id);
		sqlite3_bind_int64(q, 3, st->now);
	} else {
		sqlite3_bind_text(q, 1, p->hash, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(q, 2, p->name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(q, 3, p->version, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(q, 4, text, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(q, 5, st->now);
		sqlite3_bind_int64(q, 6, store_actor(st)->id);
	}
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "installing the protocol");
	return ST_OK;
}

enum status store_protocol_install(struct store *st, const char *display, const char *text,
				   struct protocol *out, struct err *e)
{
	enum status s = store_may(st, PERM_MANAGE_PROTOCOL, e);
	if (s == ST_OK)
		s = protocol_parse(display, text, out, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	s = same_name_other_text(st, out, e);
	if (s == ST_OK)
		s = install_row(st, out, text, e);
	if (s != ST_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, e);
}

enum status store_protocol_activate(struct store *st, const char *name, const char *version,
				    struct protocol *out, struct err *e)
{
	static const char find[] = "SELECT id, text FROM protocols WHERE name = ? AND version = ? "
				   "AND installed_at IS NOT NULL";
	static const char ins[] = "INSERT INTO protocol_activations (protocol_id, activated_by, "
				  "activated_at) VALUES (?, ?, ?)";
	enum status s = store_may(st, PERM_MANAGE_PROTOCOL, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, find, e);
	if (!q) {
		store_rollback(st);
		return ST_IO;
	}
	sqlite3_bind_text(q, 1, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 2, version, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(q);
	int64_t id = 0;
	char *text = NULL;
	if (rc == SQLITE_ROW) {
		id = sqlite3_column_int64(q, 0);
		text = xstrdup((const char *)sqlite3_column_text(q, 1));
	}
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		s = store_fail(st, e, "reading the protocols");
	else if (!id)
		s = err_set(e, ST_NOT_FOUND,
			    "no installed protocol %s version %s (see `hepadesk protocol list`)",
			    name, version);
	/* The stored text must still pass the checks of this program. */
	if (s == ST_OK)
		s = protocol_parse("installed protocol", text, out, e);
	free(text);
	if (s == ST_OK && !(q = store_stmt(st, ins, e)))
		s = ST_IO;
	if (s == ST_OK) {
		sqlite3_bind_int64(q, 1, id);
		sqlite3_bind_int64(q, 2, store_actor(st)->id);
		sqlite3_bind_int64(q, 3, st->now);
		if (sqlite3_step(q) != SQLITE_DONE)
			s = store_fail(st, e, "activating the protocol");
	}
	if (s != ST_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, e);
}

enum status store_protocol_list(struct store *st, struct protocol_row *out, int max, int *n,
				struct err *e)
{
	static const char sql[] =
	    "SELECT p.id, p.name, p.version, p.hash, coalesce(p.installed_at, 0), "
	    "coalesce(u.login, ''), p.id = (SELECT protocol_id FROM protocol_activations "
	    "ORDER BY activated_at DESC, id DESC LIMIT 1) "
	    "FROM protocols p LEFT JOIN users u ON u.id = p.installed_by "
	    "ORDER BY coalesce(p.installed_at, p.first_used) DESC, p.id DESC";
	enum status s = store_may(st, PERM_READ, e);
	*n = 0;
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	int rc = SQLITE_DONE;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW && *n < max) {
		struct protocol_row *r = &out[(*n)++];
		memset(r, 0, sizeof *r);
		r->id = sqlite3_column_int64(q, 0);
		store_col_text(q, 1, r->name, sizeof r->name);
		store_col_text(q, 2, r->version, sizeof r->version);
		store_col_text(q, 3, r->hash, sizeof r->hash);
		r->installed_at = sqlite3_column_int64(q, 4);
		store_col_text(q, 5, r->installed_by, sizeof r->installed_by);
		r->active = sqlite3_column_int(q, 6) != 0;
	}
	return store_rows_end(st, q, rc, "reading the protocols", e);
}
