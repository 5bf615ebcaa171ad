/* store_infix.c: infusions listed, read and corrected with a reason in one
 * transaction after the correction's check, the version checked; the audit
 * trigger keeps both versions of the row. */
#include "store_infix.h"

#include <stdlib.h>
#include <string.h>

#include "ae.h"
#include "store_eval.h"
#include "store_followup.h"
#include "store_int.h"
#include "text.h"
#include "util.h"

#define ROW_COLS INFUSION_COLS ", coalesce(correction_reason, '')"
#define ROW_REASON_COL (INFUSION_OBS_COL0 + 2 * IOBS_COUNT)
#define RELINK_MAX 1000

static void read_row(sqlite3_stmt *q, void *row)
{
	struct infusion_row *x = row;
	memset(x, 0, sizeof *x);
	store_infusion_read(q, &x->f);
	store_col_text(q, ROW_REASON_COL, x->correction, sizeof x->correction);
}

static enum status get_row(struct store *st, int64_t patient_id, int64_t id,
			   struct infusion_row *out, struct err *e)
{
	static const char sql[] =
	    "SELECT " ROW_COLS " FROM infusions WHERE id = ?1 AND patient_id = ?2";
	memset(out, 0, sizeof *out); /* not found: an empty record, never garbage */
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, id);
	sqlite3_bind_int64(q, 2, patient_id);
	int rc = sqlite3_step(q);
	bool found = rc == SQLITE_ROW;
	if (found)
		read_row(q, out);
	enum status s = store_rows_end(st, q, found ? SQLITE_DONE : rc, "reading an infusion", e);
	if (s == ST_OK && !found)
		s = err_set(e, ST_NOT_FOUND, "no infusion %lld for this patient", (long long)id);
	return s;
}

enum status store_infusion_get(struct store *st, int64_t patient_id, int64_t id,
			       struct infusion_row *out, struct err *e)
{
	enum status s = store_may(st, PERM_READ, e);
	return s == ST_OK ? get_row(st, patient_id, id, out, e) : s;
}

enum status store_infusion_rows(struct store *st, int64_t patient_id, struct infusion_row *out,
				int max, int *n, struct err *e)
{
	static const char sql[] = "SELECT " ROW_COLS " FROM infusions WHERE patient_id = ? "
				  "ORDER BY given_at DESC, id DESC LIMIT ?";
	return store_patient_rows(st, sql, patient_id, out, sizeof *out, max, n, read_row,
				  "reading infusions", e);
}

enum status store_infusion_prior(struct store *st, int64_t patient_id, int64_t t, int64_t except,
				 struct infusion *out, bool *found, struct err *e)
{
	static const char sql[] = "SELECT " INFUSION_COLS " FROM infusions WHERE patient_id = ?1 "
				  "AND given_at <= ?2 AND id <> ?3 ORDER BY given_at DESC, id DESC "
				  "LIMIT 1";
	enum status s = store_may(st, PERM_READ, e);
	*found = false;
	sqlite3_stmt *q = s == ST_OK ? store_stmt(st, sql, e) : NULL;
	if (!q)
		return s == ST_OK ? ST_IO : s;
	sqlite3_bind_int64(q, 1, patient_id);
	sqlite3_bind_int64(q, 2, t);
	sqlite3_bind_int64(q, 3, except);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		store_infusion_read(q, out);
		*found = true;
		rc = SQLITE_DONE;
	}
	return store_rows_end(st, q, rc, "reading infusions", e);
}

enum status store_infusion_plan(struct store *st, int64_t patient_id, int64_t schedule_id,
				struct plan *out, bool *found, struct err *e)
{
	enum status s = ST_OK;
	int64_t plan_id = 0;
	*found = false;
	if (schedule_id) {
		static const char sql[] = "SELECT plan_id FROM schedule WHERE id = ?1 AND "
					  "patient_id = ?2";
		sqlite3_stmt *q = store_stmt(st, sql, e);
		if (!q)
			return ST_IO;
		sqlite3_bind_int64(q, 1, schedule_id);
		sqlite3_bind_int64(q, 2, patient_id);
		int rc = sqlite3_step(q);
		if (rc == SQLITE_ROW) {
			plan_id = sqlite3_column_int64(q, 0);
			rc = SQLITE_DONE;
		}
		if ((s = store_rows_end(st, q, rc, "reading the schedule", e)) != ST_OK)
			return s;
	}
	s = plan_id ? store_plan_get(st, plan_id, out, e)
		    : store_plan_current(st, patient_id, out, e);
	*found = s == ST_OK;
	if (s == ST_NOT_FOUND) {
		err_clear(e);
		s = ST_OK;
	}
	return s;
}

/* Every event is linked again to the last infusion given at or before its
 * onset: a corrected time can change which one that is. */
static enum status relink_aes(struct store *st, int64_t patient_id, struct err *e)
{
	static const char sql[] = "UPDATE adverse_events SET infusion_id = ?1, "
				  "days_since_infusion = ?2, version = version + 1 WHERE id = ?3";
	struct ae *aes = xcalloc(RELINK_MAX, sizeof *aes);
	int n = 0;
	enum status s = store_ae_rows(st, patient_id, aes, RELINK_MAX, &n, e);
	for (int i = 0; s == ST_OK && i < n; i++) {
		struct infusion f;
		bool found = false;
		const struct ae *a = &aes[i];
		s = store_infusion_before(st, patient_id, a->onset_at, &f, &found, e);
		int64_t fid = found ? f.id : 0;
		int days = found ? ae_days_since(f.date, a->onset) : -1;
		if (found && days < 0)
			days = 0;
		if (s != ST_OK || (fid == a->infusion_id && days == a->days_since_infusion))
			continue;
		sqlite3_stmt *q = store_stmt(st, sql, e);
		if (!q) {
			s = ST_IO;
			break;
		}
		if (fid) {
			sqlite3_bind_int64(q, 1, fid);
			sqlite3_bind_int(q, 2, days);
		} else {
			sqlite3_bind_null(q, 1);
			sqlite3_bind_null(q, 2);
		}
		sqlite3_bind_int64(q, 3, a->id);
		if (sqlite3_step(q) != SQLITE_DONE)
			s = store_fail(st, e, "linking adverse events to the corrected infusion");
		sqlite3_reset(q);
	}
	free(aes);
	return s;
}

static enum status update(struct store *st, struct infusion *f, int64_t read_version,
			  const char *reason, struct err *e)
{
	static const char sql[] =
	    "UPDATE infusions SET given_at = ?1, date = ?2, route = ?3, cells = ?4, lot = ?5, "
	    "given_by = ?6, reaction = ?7, note = ?8, lot_expiry = ?9, override_reason = ?10, "
	    "override_by = ?11, correction_reason = ?12, temp_before = ?13, pulse_before = ?14, "
	    "systolic_before = ?15, diastolic_before = ?16, spo2_before = ?17, temp_after = ?18, "
	    "pulse_after = ?19, systolic_after = ?20, diastolic_after = ?21, spo2_after = ?22, "
	    "version = version + 1 WHERE id = ?23 AND version = ?24 RETURNING version";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, f->given_at);
	store_bind_day(q, 2, f->date);
	sqlite3_bind_text(q, 3, plan_route_str(f->route), -1, SQLITE_STATIC);
	sqlite3_bind_double(q, 4, f->cells);
	sqlite3_bind_text(q, 5, f->lot, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 6, f->given_by, -1, SQLITE_TRANSIENT);
	store_bind_text(q, 7, f->reaction);
	sqlite3_bind_text(q, 8, f->note, -1, SQLITE_TRANSIENT);
	store_bind_day(q, 9, f->lot_expiry);
	store_bind_text(q, 10, f->override_reason);
	store_bind_text(q, 11, f->override_by);
	sqlite3_bind_text(q, 12, reason, -1, SQLITE_TRANSIENT);
	for (int i = 0; i < IOBS_COUNT; i++) {
		store_bind_real(q, 13 + i, f->before.v[i]);
		store_bind_real(q, 13 + IOBS_COUNT + i, f->after.v[i]);
	}
	sqlite3_bind_int64(q, 23, f->id);
	sqlite3_bind_int64(q, 24, read_version);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		f->version = sqlite3_column_int64(q, 0);
		rc = sqlite3_step(q);
	}
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? ST_OK : store_fail(st, e, "correcting the infusion");
}

/* The correction's check: refused, or needing a physician's confirmation
 * (the correction's reason becomes the override), or passing (the stored
 * override, if any, stands). */
static enum status verdict(struct store *st, struct infusion *f, const struct infusion *cur,
			   const char *reason, bool confirmed, const struct icheck_result *r,
			   struct err *e)
{
	const struct icheck_line *l = infusion_check_first(r, ICHK_REFUSE);
	if (l)
		return err_set(e, ST_INVALID, "infusion check: %s: %s", icheck_item_str(l->item),
			       l->reason);
	l = infusion_check_first(r, ICHK_CONFIRM);
	strlcpy_(f->override_reason, cur->override_reason, sizeof f->override_reason);
	strlcpy_(f->override_by, cur->override_by, sizeof f->override_by);
	if (!l)
		return ST_OK;
	if (!confirmed)
		return err_set(e, ST_CONFIRM,
			       "infusion check: %s: %s; a physician may confirm the correction",
			       icheck_item_str(l->item), l->reason);
	enum status s = store_may(st, PERM_CONFIRM_OVERRIDE, e);
	if (s != ST_OK)
		return s;
	strlcpy_(f->override_reason, reason, sizeof f->override_reason);
	strlcpy_(f->override_by, st->actor.login, sizeof f->override_by);
	return ST_OK;
}

static enum status fix_tx(struct store *st, struct infusion *f, const char *reason, bool confirmed,
			  const struct store_infusion_checker *chk, struct icheck_result *r,
			  struct err *e)
{
	struct infusion_row cur;
	enum status s = get_row(st, f->patient_id, f->id, &cur, e);
	if (s != ST_OK)
		return s;
	if (f->version && cur.f.version != f->version)
		return err_set(e, ST_CONFLICT,
			       "infusion %lld was changed by someone else since it was read "
			       "(version %lld, now %lld); nothing was saved: read it again",
			       (long long)f->id, (long long)f->version, (long long)cur.f.version);
	f->schedule_id = cur.f.schedule_id;
	if ((s = chk->fn(chk->ctx, st, f, r, e)) == ST_OK)
		s = verdict(st, f, &cur.f, reason, confirmed, r, e);
	if (s == ST_OK)
		s = update(st, f, cur.f.version, reason, e);
	if (s == ST_OK && (f->given_at != cur.f.given_at || f->date != cur.f.date))
		s = relink_aes(st, f->patient_id, e);
	return s;
}

enum status store_infusion_fix(struct store *st, struct infusion *f, const char *reason,
			       bool confirmed, const struct store_infusion_checker *chk,
			       struct icheck_result *res, struct err *e)
{
	struct icheck_result own;
	struct icheck_result *r = res ? res : &own;
	memset(r, 0, sizeof *r);
	enum status s = store_may(st, PERM_RECORD, e);
	if (s == ST_OK)
		s = fix_check_reason(FIX_CORRECT, "infusion", reason, e);
	if (s == ST_OK)
		s = store_infusion_checks(st, f, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	return store_finish(st, fix_tx(st, f, reason, confirmed, chk, r, e), e);
}
