/* store_imgfix.c: imaging notes corrected or voided with a reason, one
 * transaction each, the version checked; the audit trigger keeps both
 * versions of the row. */
#include "store_imgfix.h"

#include <string.h>

#include "store_dates.h"
#include "store_int.h"
#include "store_longterm.h"
#include "util.h"

#define ROW_COLS                                                               \
	STORE_IMAGING_COLS ", voided_at IS NOT NULL, void_reason, voided_by, " \
			   "correction_reason"

static void read_row(sqlite3_stmt *q, void *row)
{
	struct imaging_entry_row *x = row;
	memset(x, 0, sizeof *x);
	store_imaging_read(q, &x->n);
	x->voided = sqlite3_column_int(q, 14) != 0;
	store_col_text(q, 15, x->void_reason, sizeof x->void_reason);
	store_col_text(q, 16, x->voided_by, sizeof x->voided_by);
	store_col_text(q, 17, x->correction, sizeof x->correction);
}

static enum status get_row(struct store *st, int64_t patient_id, int64_t id,
			   struct imaging_entry_row *out, struct err *e)
{
	memset(out, 0, sizeof *out); /* not found: an empty record, never garbage */
	static const char sql[] =
	    "SELECT " ROW_COLS " FROM imaging WHERE id = ?1 AND patient_id = ?2";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, id);
	sqlite3_bind_int64(q, 2, patient_id);
	int rc = sqlite3_step(q);
	bool found = rc == SQLITE_ROW;
	if (found)
		read_row(q, out);
	enum status s =
	    store_rows_end(st, q, found ? SQLITE_DONE : rc, "reading an imaging note", e);
	if (s == ST_OK && !found)
		s = err_set(e, ST_NOT_FOUND, "no imaging note %lld for this patient",
			    (long long)id);
	return s;
}

enum status store_imaging_get(struct store *st, int64_t patient_id, int64_t id,
			      struct imaging_entry_row *out, struct err *e)
{
	enum status s = store_may(st, PERM_READ, e);
	return s == ST_OK ? get_row(st, patient_id, id, out, e) : s;
}

static enum status fix_tx(struct store *st, struct imaging_note *n, const char *reason,
			  struct err *e)
{
	static const char sql[] =
	    "UPDATE imaging SET date = ?1, modality = ?2, note = ?3, stiffness_kpa = ?4, "
	    "iqr_kpa = ?5, fibrosis_stage = ?6, hcc = ?7, thrombosis = ?8, ascites = ?9, "
	    "lirads = ?10, lesion_mm = ?11, correction_reason = ?12, version = version + 1 "
	    "WHERE id = ?13 AND version = ?14 AND voided_at IS NULL RETURNING version";
	struct imaging_entry_row cur;
	enum status s = get_row(st, n->patient_id, n->id, &cur, e);
	if (s != ST_OK)
		return s;
	if (cur.voided)
		return err_set(e, ST_INVALID,
			       "imaging note %lld was voided (%s); it is not corrected",
			       (long long)n->id, cur.void_reason);
	if (n->version && cur.n.version != n->version)
		return err_set(e, ST_CONFLICT,
			       "imaging note %lld was changed by someone else since it was read "
			       "(version %lld, now %lld); nothing was saved: read it again",
			       (long long)n->id, (long long)n->version, (long long)cur.n.version);
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	store_bind_day(q, 1, n->date);
	sqlite3_bind_text(q, 2, modality_str(n->modality), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, n->note, -1, SQLITE_TRANSIENT);
	store_bind_real(q, 4, n->stiffness_kpa);
	store_bind_real(q, 5, n->iqr_kpa);
	if (n->fibrosis_stage >= 0)
		sqlite3_bind_int(q, 6, n->fibrosis_stage);
	store_bind_finding(q, 7, n->hcc);
	store_bind_finding(q, 8, n->thrombosis);
	store_bind_finding(q, 9, n->ascites);
	if (n->lirads != LIRADS_NONE)
		sqlite3_bind_text(q, 10, lirads_str(n->lirads), -1, SQLITE_STATIC);
	store_bind_real(q, 11, n->lesion_mm);
	sqlite3_bind_text(q, 12, reason, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 13, n->id);
	sqlite3_bind_int64(q, 14, cur.n.version);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		n->version = sqlite3_column_int64(q, 0);
		rc = sqlite3_step(q);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return store_fail(st, e, "correcting an imaging note");
	/* A finding now assessed closes the surveillance due, as a new note. */
	return cur.n.hcc == FIND_NA ? store_lt_imaging(st, n, e) : ST_OK;
}

enum status store_imaging_fix(struct store *st, struct imaging_note *n, const char *reason,
			      struct err *e)
{
	enum status s = store_may(st, PERM_RECORD, e);
	if (s == ST_OK)
		s = fix_check_reason(FIX_CORRECT, "imaging note", reason, e);
	if (s == ST_OK)
		s = imaging_validate(n, date_from_time(st->now, 0) + 1, e);
	if (s == ST_OK)
		s = store_date_plausible(st, n->patient_id, "date", n->date, DATE_RECORD, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	return store_finish(st, fix_tx(st, n, reason, e), e);
}

static enum status void_tx(struct store *st, int64_t patient_id, int64_t id, const char *reason,
			   struct err *e)
{
	static const char sql[] =
	    "UPDATE imaging SET voided_at = ?1, voided_by = ?2, void_reason = ?3, "
	    "version = version + 1 WHERE id = ?4 AND voided_at IS NULL";
	static const char reopen[] =
	    "UPDATE longterm_schedule SET state = 'open', done_ref = NULL, version = version + 1 "
	    "WHERE patient_id = ?1 AND kind = 'hcc' AND state = 'done' AND done_ref = ?2";
	struct imaging_entry_row cur;
	enum status s = get_row(st, patient_id, id, &cur, e);
	if (s == ST_OK && cur.voided)
		s = err_set(e, ST_DUPLICATE, "imaging note %lld is voided already", (long long)id);
	if (s == ST_OK)
		s = store_void_mark(st, sql, id, reason, "voiding an imaging note", e);
	if (s != ST_OK)
		return s;
	/* The surveillance it stood for is not done. */
	sqlite3_stmt *q = store_stmt(st, reopen, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, patient_id);
	sqlite3_bind_int64(q, 2, id);
	return sqlite3_step(q) == SQLITE_DONE ? ST_OK
					      : store_fail(st, e, "reopening HCC surveillance");
}

enum status store_imaging_void(struct store *st, int64_t patient_id, int64_t id, const char *reason,
			       struct err *e)
{
	enum status s = store_may(st, PERM_RECORD, e);
	if (s == ST_OK)
		s = fix_check_reason(FIX_VOID, "imaging note", reason, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	return store_finish(st, void_tx(st, patient_id, id, reason, e), e);
}

enum status store_imaging_rows(struct store *st, int64_t patient_id, struct imaging_entry_row *out,
			       int max, int *n, struct err *e)
{
	static const char sql[] = "SELECT " ROW_COLS " FROM imaging WHERE patient_id = ? "
				  "ORDER BY date DESC, id DESC LIMIT ?";
	return store_patient_rows(st, sql, patient_id, out, sizeof *out, max, n, read_row,
				  "reading imaging notes", e);
}
