/* store_draft.c: drafts — a form's input kept per user while it is typed. */
#include "store_int.h"

#include <string.h>

#include "util.h"

static enum status check_form(struct store *st, const char *form, struct err *e)
{
	store_tick(st);
	if (!st->have_actor)
		return err_set(e, ST_DENIED, "not authorised — ask the administrator");
	size_t n = form ? strlen(form) : 0;
	if (n == 0 || n > DRAFT_FORM_MAX)
		return err_set(e, ST_INVALID, "draft form name: 1-%d characters", DRAFT_FORM_MAX);
	for (const char *p = form; *p; p++) {
		bool ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' ||
			  *p == '.' || *p == '-';
		if (!ok)
			return err_set(e, ST_INVALID,
				       "draft form name: only a-z, 0-9, '_', '.' and '-'");
	}
	return ST_OK;
}

enum status store_draft_save(struct store *st, const char *form, int64_t patient_id,
			     const char *content, struct err *e)
{
	static const char sql[] =
	    "INSERT INTO drafts (user, form, patient_id, content, updated) "
	    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (user, form, patient_id) "
	    "DO UPDATE SET content = excluded.content, updated = excluded.updated";
	enum status s = check_form(st, form, e);
	if (s != ST_OK)
		return s;
	size_t len = content ? strlen(content) : 0;
	if (len > DRAFT_CONTENT_MAX)
		return err_set(e, ST_INVALID, "draft of %zu bytes: at most %d", len,
			       DRAFT_CONTENT_MAX);
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	/* One statement: its own transaction, or part of the caller's. */
	if (sqlite3_get_autocommit(st->db))
		store_release(st);
	sqlite3_bind_text(q, 1, st->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 2, form, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 3, patient_id);
	sqlite3_bind_text(q, 4, content ? content : "", (int)len, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 5, st->now);
	s = sqlite3_step(q) == SQLITE_DONE ? ST_OK : store_fail(st, e, "keeping a draft");
	sqlite3_reset(q);
	return s;
}

enum status store_draft_load(struct store *st, const char *form, int64_t patient_id,
			     char **content_out, int64_t *updated, struct err *e)
{
	static const char sql[] = "SELECT content, updated FROM drafts "
				  "WHERE user = ?1 AND form = ?2 AND patient_id = ?3";
	*content_out = NULL;
	enum status s = check_form(st, form, e);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, st->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 2, form, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 3, patient_id);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(q, 0);
		*content_out = xstrdup(t ? t : "");
		if (updated)
			*updated = sqlite3_column_int64(q, 1);
		s = ST_OK;
	} else if (rc == SQLITE_DONE) {
		s = err_set(e, ST_NOT_FOUND, "no draft of %s", form);
	} else {
		s = store_fail(st, e, "reading a draft");
	}
	sqlite3_reset(q);
	return s;
}

enum status store_draft_delete(struct store *st, const char *form, int64_t patient_id,
			       struct err *e)
{
	static const char sql[] =
	    "DELETE FROM drafts WHERE user = ?1 AND form = ?2 AND patient_id = ?3";
	enum status s = check_form(st, form, e);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, st->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 2, form, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 3, patient_id);
	s = sqlite3_step(q) == SQLITE_DONE ? ST_OK : store_fail(st, e, "dropping a draft");
	sqlite3_reset(q);
	return s;
}

enum status store_draft_each(struct store *st, void (*fn)(const struct draft_info *, void *),
			     void *arg, struct err *e)
{
	static const char sql[] =
	    "SELECT d.form, d.patient_id, p.mrn, p.name, d.updated, length(CAST(d.content AS "
	    "BLOB)) FROM drafts d LEFT JOIN patients p ON p.id = d.patient_id "
	    "WHERE d.user = ?1 ORDER BY d.updated DESC, d.id DESC";
	if (!st->have_actor)
		return err_set(e, ST_DENIED, "not authorised — ask the administrator");
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, st->actor.login, -1, SQLITE_TRANSIENT);
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct draft_info d;
		memset(&d, 0, sizeof d);
		store_col_text(q, 0, d.form, sizeof d.form);
		d.patient_id = sqlite3_column_int64(q, 1);
		store_col_text(q, 2, d.mrn, sizeof d.mrn);
		store_col_text(q, 3, d.name, sizeof d.name);
		d.updated = sqlite3_column_int64(q, 4);
		d.size = sqlite3_column_int64(q, 5);
		fn(&d, arg);
	}
	enum status s = rc == SQLITE_DONE ? ST_OK : store_fail(st, e, "reading drafts");
	sqlite3_reset(q);
	return s;
}
