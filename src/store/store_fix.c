/* store_fix.c: lab results corrected or voided with a reason, one
 * transaction each, the version checked; the audit trigger keeps both
 * versions of the row. */
#include "store_fix.h"

#include <string.h>

#include "store_dates.h"
#include "store_int.h"
#include "util.h"

#define ROW_COLS STORE_LAB_COLS ", voided_at IS NOT NULL, void_reason, voided_by, correction_reason"

static void read_row(sqlite3_stmt *q, void *row)
{
	struct lab_entry_row *x = row;
	memset(x, 0, sizeof *x);
	store_lab_read(q, &x->r);
	x->voided = sqlite3_column_int(q, 12) != 0;
	store_col_text(q, 13, x->void_reason, sizeof x->void_reason);
	store_col_text(q, 14, x->voided_by, sizeof x->voided_by);
	store_col_text(q, 15, x->correction, sizeof x->correction);
}

static enum status get_row(struct store *st, int64_t patient_id, int64_t id,
			   struct lab_entry_row *out, struct err *e)
{
	memset(out, 0, sizeof *out); /* not found: an empty record, never garbage */
	static const char sql[] = "SELECT " ROW_COLS " FROM labs WHERE id = ?1 AND patient_id = ?2";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, id);
	sqlite3_bind_int64(q, 2, patient_id);
	int rc = sqlite3_step(q);
	bool found = rc == SQLITE_ROW;
	if (found)
		read_row(q, out);
	enum status s = store_rows_end(st, q, found ? SQLITE_DONE : rc, "reading a lab result", e);
	if (s == ST_OK && !found)
		s = err_set(e, ST_NOT_FOUND, "no lab result %lld for this patient", (long long)id);
	return s;
}

enum status store_lab_get(struct store *st, int64_t patient_id, int64_t id,
			  struct lab_entry_row *out, struct err *e)
{
	enum status s = store_may(st, PERM_READ, e);
	return s == ST_OK ? get_row(st, patient_id, id, out, e) : s;
}

enum status store_lab_previous(struct store *st, const struct lab_result *r, struct lab_result *out,
			       bool *found, struct err *e)
{
	static const char sql[] = "SELECT " STORE_LAB_COLS " FROM labs WHERE patient_id = ?1 AND "
				  "analyte = ?2 AND date <= ?3 AND id <> ?4 AND voided_at IS NULL "
				  "ORDER BY date DESC, id DESC LIMIT 1";
	const struct analyte *a = analyte_get(r->analyte);
	enum status s = store_may(st, PERM_READ, e);
	*found = false;
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = a ? store_stmt(st, sql, e) : NULL;
	if (!q)
		return a ? ST_IO : err_set(e, ST_INVALID, "unknown analyte");
	sqlite3_bind_int64(q, 1, r->patient_id);
	sqlite3_bind_text(q, 2, a->key, -1, SQLITE_STATIC);
	store_bind_day(q, 3, r->date);
	sqlite3_bind_int64(q, 4, r->id);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		store_lab_read(q, out);
		*found = true;
		rc = SQLITE_DONE;
	}
	return store_rows_end(st, q, rc, "reading lab results", e);
}

/* Inside the transaction: the row as stored, at the version the caller read,
 * not voided. */
static enum status current(struct store *st, const struct lab_result *r, const char *verb,
			   struct lab_entry_row *cur, struct err *e)
{
	enum status s = get_row(st, r->patient_id, r->id, cur, e);
	if (s != ST_OK)
		return s;
	if (cur->voided)
		return err_set(e, ST_INVALID, "lab result %lld was voided (%s); it is not %s",
			       (long long)r->id, cur->void_reason, verb);
	if (r->version && cur->r.version != r->version)
		return err_set(e, ST_CONFLICT,
			       "lab result %lld was changed by someone else since it was read "
			       "(version %lld, now %lld); nothing was saved: read it again",
			       (long long)r->id, (long long)r->version, (long long)cur->r.version);
	return ST_OK;
}

static enum status fix_tx(struct store *st, struct lab_result *r, const char *reason, struct err *e)
{
	static const char sql[] =
	    "UPDATE labs SET value = ?1, unit = ?2, canonical = ?3, flag = ?4, confirmed = ?5, "
	    "date = ?6, correction_reason = ?7, version = version + 1 WHERE id = ?8 AND "
	    "version = ?9 RETURNING version";
	struct lab_entry_row cur;
	enum status s = current(st, r, "corrected", &cur, e);
	if (s != ST_OK)
		return s;
	if (cur.r.analyte != r->analyte)
		return err_set(e, ST_INVALID,
			       "lab result %lld is %s; a correction keeps the analyte",
			       (long long)r->id, analyte_get(cur.r.analyte)->key);
	if (cur.r.visit_id && cur.r.date != r->date)
		return err_set(e, ST_INVALID,
			       "lab result %lld belongs to a visit and has its day; correct the "
			       "visit's date instead (visit correct)",
			       (long long)r->id);
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_double(q, 1, r->value);
	sqlite3_bind_text(q, 2, r->unit, -1, SQLITE_TRANSIENT);
	sqlite3_bind_double(q, 3, r->canonical);
	sqlite3_bind_text(q, 4, store_lab_flag_text[r->flag], -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 5, r->confirmed);
	store_bind_day(q, 6, r->date);
	sqlite3_bind_text(q, 7, reason, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 8, r->id);
	sqlite3_bind_int64(q, 9, cur.r.version);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		r->version = sqlite3_column_int64(q, 0);
		rc = sqlite3_step(q);
	}
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? ST_OK : store_fail(st, e, "correcting a lab result");
}

enum status store_lab_fix(struct store *st, struct lab_result *r, const char *reason, struct err *e)
{
	enum status s = store_may(st, PERM_RECORD, e);
	if (s == ST_OK)
		s = fix_check_reason(FIX_CORRECT, "lab result", reason, e);
	if (s == ST_OK)
		s = store_lab_check(st, r, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	return store_finish(st, fix_tx(st, r, reason, e), e);
}

static enum status void_tx(struct store *st, int64_t patient_id, int64_t id, const char *reason,
			   struct err *e)
{
	static const char sql[] =
	    "UPDATE labs SET voided_at = ?1, voided_by = ?2, void_reason = ?3, "
	    "version = version + 1 WHERE id = ?4 AND voided_at IS NULL";
	struct lab_entry_row cur;
	enum status s = get_row(st, patient_id, id, &cur, e);
	if (s == ST_OK && cur.voided)
		s = err_set(e, ST_DUPLICATE, "lab result %lld is voided already", (long long)id);
	return s != ST_OK ? s : store_void_mark(st, sql, id, reason, "voiding a lab result", e);
}

enum status store_lab_void(struct store *st, int64_t patient_id, int64_t id, const char *reason,
			   struct err *e)
{
	enum status s = store_may(st, PERM_RECORD, e);
	if (s == ST_OK)
		s = fix_check_reason(FIX_VOID, "lab result", reason, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	return store_finish(st, void_tx(st, patient_id, id, reason, e), e);
}

enum status store_lab_rows(struct store *st, int64_t patient_id, struct lab_entry_row *out, int max,
			   int *n, struct err *e)
{
	static const char sql[] = "SELECT " ROW_COLS " FROM labs WHERE patient_id = ? "
				  "ORDER BY date DESC, id DESC LIMIT ?";
	return store_patient_rows(st, sql, patient_id, out, sizeof *out, max, n, read_row,
				  "reading lab results", e);
}
