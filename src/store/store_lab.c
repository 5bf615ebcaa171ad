/* store_lab.c: lab results — a panel stored in one transaction, the latest
 * value of each analyte, and one analyte's history. */
#include "store_dates.h"
#include "store_int.h"

#include <string.h>

#define LAB_COLS STORE_LAB_COLS

const char *const store_lab_flag_text[] = {"", "L", "H", "LL", "HH"};

static enum lab_flag parse_flag(const char *t)
{
	for (size_t i = 0; t && i < sizeof store_lab_flag_text / sizeof store_lab_flag_text[0]; i++)
		if (strcmp(t, store_lab_flag_text[i]) == 0)
			return (enum lab_flag)i;
	return FLAG_NONE;
}

void store_lab_read(sqlite3_stmt *s, struct lab_result *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, 0);
	r->patient_id = sqlite3_column_int64(s, 1);
	analyte_from_key((const char *)sqlite3_column_text(s, 2), &r->analyte);
	r->value = sqlite3_column_double(s, 3);
	store_col_text(s, 4, r->unit, sizeof r->unit);
	r->canonical = sqlite3_column_double(s, 5);
	r->date = store_col_day(s, 6);
	store_col_text(s, 7, r->source, sizeof r->source);
	r->flag = parse_flag((const char *)sqlite3_column_text(s, 8));
	r->confirmed = sqlite3_column_int(s, 9) != 0;
	r->visit_id = sqlite3_column_int64(s, 10);
	r->version = sqlite3_column_int64(s, 11);
}

/* Insert one row inside the caller's transaction. */
enum status store_lab_insert(struct store *st, struct lab_result *r, struct err *e)
{
	static const char sql[] =
	    "INSERT INTO labs (patient_id, analyte, value, unit, canonical, date, source, flag, "
	    "confirmed, visit_id, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	const struct analyte *a = analyte_get(r->analyte);
	if (!a)
		return err_set(e, ST_INVALID, "unknown analyte");
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, r->patient_id);
	sqlite3_bind_text(q, 2, a->key, -1, SQLITE_STATIC);
	sqlite3_bind_double(q, 3, r->value);
	sqlite3_bind_text(q, 4, r->unit, -1, SQLITE_TRANSIENT);
	sqlite3_bind_double(q, 5, r->canonical);
	store_bind_day(q, 6, r->date);
	sqlite3_bind_text(q, 7, r->source[0] ? r->source : "entry", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 8, store_lab_flag_text[r->flag], -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 9, r->confirmed);
	if (r->visit_id)
		sqlite3_bind_int64(q, 10, r->visit_id);
	sqlite3_bind_int64(q, 11, st->now);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "saving a lab result");
	r->id = sqlite3_last_insert_rowid(st->db);
	r->version = 1;
	return ST_OK;
}

/* Correct row id in place with r's value (inside the caller's transaction):
 * the version goes up and the reason is kept; the audit trigger keeps the
 * value before and after. */
enum status store_lab_correct(struct store *st, int64_t id, struct lab_result *r,
			      const char *reason, struct err *e)
{
	static const char sql[] =
	    "UPDATE labs SET value = ?, unit = ?, canonical = ?, flag = ?, confirmed = ?, "
	    "correction_reason = ?, version = version + 1 WHERE id = ? RETURNING version";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_double(q, 1, r->value);
	sqlite3_bind_text(q, 2, r->unit, -1, SQLITE_TRANSIENT);
	sqlite3_bind_double(q, 3, r->canonical);
	sqlite3_bind_text(q, 4, store_lab_flag_text[r->flag], -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 5, r->confirmed);
	sqlite3_bind_text(q, 6, reason, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 7, id);
	bool found = false;
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		found = true;
		r->id = id;
		r->version = sqlite3_column_int64(q, 0);
		rc = sqlite3_step(q);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return store_fail(st, e, "correcting a lab result");
	return found ? ST_OK
		     : err_set(e, ST_NOT_FOUND, "lab result %lld: not found", (long long)id);
}

/* Re-check what a caller built: hard limits and dates (warnings were
 * answered at entry). */
enum status store_lab_check(struct store *st, const struct lab_result *r, struct err *e)
{
	char d[16];
	double canonical;
	enum status s = analyte_check(r->analyte, UNITS_US, r->canonical, &canonical, NULL, e);
	if (s == ST_CONFIRM && !r->confirmed)
		return err_set(e, ST_CONFIRM, "%s — not confirmed", e ? e->msg : "");
	if (s != ST_OK && s != ST_CONFIRM)
		return s;
	if (r->date == DAY_NONE)
		return err_set(e, ST_INVALID, "collection date: required (YYYY-MM-DD)");
	/* One day of slack: the clinic's day may run ahead of UTC. */
	if (r->date > date_from_time(st->now, 0) + 1)
		return err_set(e, ST_INVALID, "collection date: %s is in the future",
			       date_format(r->date, d));
	return store_date_plausible(st, r->patient_id, "collection date", r->date, DATE_RECORD, e);
}

enum status store_lab_add(struct store *st, struct lab_result *rows, int n, struct err *e)
{
	enum status s = store_may(st, PERM_RECORD, e);
	for (int i = 0; s == ST_OK && i < n; i++)
		s = store_lab_check(st, &rows[i], e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	for (int i = 0; s == ST_OK && i < n; i++)
		s = store_lab_insert(st, &rows[i], e);
	if (s != ST_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, e);
}

enum status store_lab_latest(struct store *st, int64_t patient_id, day_t on, struct lab_latest *out,
			     struct err *e)
{
	static const char sql[] = "SELECT " LAB_COLS " FROM labs WHERE patient_id = ?1 AND "
				  "analyte = ?2 AND date <= ?3 AND voided_at IS NULL "
				  "ORDER BY date DESC, id DESC LIMIT 1";
	enum status s = store_may(st, PERM_READ, e);
	memset(out, 0, sizeof *out);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	for (int a = 0; a < ANALYTE_COUNT; a++) {
		sqlite3_reset(q);
		sqlite3_bind_int64(q, 1, patient_id);
		sqlite3_bind_text(q, 2, analyte_get((enum analyte_id)a)->key, -1, SQLITE_STATIC);
		store_bind_day(q, 3, on);
		int rc = sqlite3_step(q);
		if (rc == SQLITE_ROW) {
			store_lab_read(q, &out->r[a]);
			out->have[a] = true;
		} else if (rc != SQLITE_DONE) {
			return store_fail(st, e, "reading lab results");
		}
	}
	sqlite3_reset(q);
	return ST_OK;
}

enum status store_lab_history(struct store *st, int64_t patient_id, enum analyte_id a,
			      struct lab_result *out, int max, int *n, struct err *e)
{
	static const char sql[] = "SELECT " LAB_COLS " FROM labs WHERE patient_id = ?1 AND "
				  "analyte = ?2 AND voided_at IS NULL ORDER BY date, id LIMIT ?3";
	enum status s = store_may(st, PERM_READ, e);
	*n = 0;
	if (s != ST_OK)
		return s;
	const struct analyte *an = analyte_get(a);
	sqlite3_stmt *q = an ? store_stmt(st, sql, e) : NULL;
	if (!q)
		return an ? ST_IO : err_set(e, ST_INVALID, "unknown analyte");
	sqlite3_bind_int64(q, 1, patient_id);
	sqlite3_bind_text(q, 2, an->key, -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 3, max);
	int rc = SQLITE_DONE;
	while (*n < max && (rc = sqlite3_step(q)) == SQLITE_ROW)
		store_lab_read(q, &out[(*n)++]);
	return store_rows_end(st, q, rc, "reading lab results", e);
}
