/* store_rec.c: the write steps records kept per patient share — a row read
 * by id, the check that it is still at the version read and not voided, and
 * a correction or a void in one transaction (biopsies, medications). */
#include "store_int.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define AT(rec, off, type) ((type *)((char *)(rec) + (off)))

enum status store_finish(struct store *st, enum status s, struct err *e)
{
	if (s != ST_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, e);
}

enum status store_rec_get(struct store *st, const struct store_rec *k, int64_t patient_id,
			  int64_t id, void *out, struct err *e)
{
	sqlite3_stmt *q = store_stmt(st, k->get_sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, patient_id);
	sqlite3_bind_int64(q, 2, id);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		k->fill(q, out);
		sqlite3_reset(q);
		return ST_OK;
	}
	char what[64];
	snprintf(what, sizeof what, "reading a %s", k->noun);
	enum status s = store_rows_end(st, q, rc, what, e);
	return s != ST_OK ? s
			  : err_set(e, ST_NOT_FOUND, "%s %lld: not on file for this patient",
				    k->noun, (long long)id);
}

/* Inside the write: the row is still at rec's version and not voided. */
static enum status current(struct store *st, const struct store_rec *k, const void *rec,
			   struct err *e)
{
	void *now = xcalloc(1, k->size);
	int64_t id = *AT(rec, k->id_off, const int64_t);
	int64_t version = *AT(rec, k->version_off, const int64_t);
	enum status s = store_rec_get(st, k, *AT(rec, k->patient_off, const int64_t), id, now, e);
	if (s == ST_OK && *AT(now, k->version_off, int64_t) != version)
		s = err_set(e, ST_CONFLICT,
			    "%s %lld was changed by someone else (version %lld, you read %lld); "
			    "read it again",
			    k->noun, (long long)id, (long long)*AT(now, k->version_off, int64_t),
			    (long long)version);
	if (s == ST_OK && *AT(now, k->voided_off, bool))
		s = err_set(e, ST_INVALID, "%s %lld is voided: %s", k->noun, (long long)id,
			    AT(now, k->reason_off, char));
	free(now);
	return s;
}

/* The write of update and void: begin, current, run q, keep the result. */
static enum status rec_write(struct store *st, const struct store_rec *k, const char *sql,
			     void *rec, void (*bind)(sqlite3_stmt *q, const void *rec),
			     int reason_param, const char *reason, const char *what, struct err *e)
{
	enum status s = store_begin(st, e);
	if (s != ST_OK)
		return s;
	s = current(st, k, rec, e);
	sqlite3_stmt *q = s == ST_OK ? store_stmt(st, sql, e) : NULL;
	if (s == ST_OK && !q)
		s = ST_IO;
	if (s == ST_OK) {
		sqlite3_bind_int64(q, 1, *AT(rec, k->id_off, int64_t));
		if (bind)
			bind(q, rec);
		store_bind_text(q, reason_param, reason && *reason ? reason : NULL);
		if (sqlite3_step(q) != SQLITE_DONE)
			s = store_fail(st, e, what);
	}
	if (s == ST_OK) {
		(*AT(rec, k->version_off, int64_t))++;
		if (reason && *reason)
			strlcpy_(AT(rec, k->reason_off, char), reason, k->reason_size);
	}
	return store_finish(st, s, e);
}

enum status store_rec_update(struct store *st, const struct store_rec *k, const char *sql,
			     void *rec, void (*bind)(sqlite3_stmt *q, const void *rec),
			     int reason_param, const char *reason, const char *what, struct err *e)
{
	return rec_write(st, k, sql, rec, bind, reason_param, reason, what, e);
}

enum status store_rec_void(struct store *st, const struct store_rec *k, void *rec,
			   const char *reason, struct err *e)
{
	char what[64];
	snprintf(what, sizeof what, "voiding a %s", k->noun);
	enum status s = rec_write(st, k, k->void_sql, rec, NULL, 2, reason, what, e);
	if (s == ST_OK)
		*AT(rec, k->voided_off, bool) = true;
	return s;
}
