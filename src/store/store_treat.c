/* store_treat.c: the patient's status, infusions recorded through their
 * check, and a physician's review of an adverse event. */
#include "store_treat.h"

#include <stdio.h>
#include <string.h>

#include "store_followup.h"
#include "store_int.h"
#include "store_longterm.h"
#include "store_sig_int.h"
#include "text.h"
#include "util.h"

#define STATUS_COLS "id, patient_id, state, date, coalesce(reason, ''), recorded_by, created"

static void read_status(sqlite3_stmt *q, void *row)
{
	struct pstatus *ps = row;
	memset(ps, 0, sizeof *ps);
	ps->id = sqlite3_column_int64(q, 0);
	ps->patient_id = sqlite3_column_int64(q, 1);
	pstate_parse((const char *)sqlite3_column_text(q, 2), &ps->state);
	ps->date = store_col_day(q, 3);
	store_col_text(q, 4, ps->reason, sizeof ps->reason);
	store_col_text(q, 5, ps->recorded_by, sizeof ps->recorded_by);
	ps->created = sqlite3_column_int64(q, 6);
}

enum status store_status_read(struct store *st, int64_t patient_id, struct pstatus *ps,
			      struct err *e)
{
	static const char sql[] = "SELECT " STATUS_COLS " FROM patient_status WHERE patient_id = ? "
				  "ORDER BY id DESC LIMIT 1";
	enum status s = store_patient_row(st, sql, patient_id, ps, read_status,
					  "reading the patient's status", "", e);
	if (s == ST_NOT_FOUND) {
		memset(ps, 0, sizeof *ps);
		ps->patient_id = patient_id;
		ps->state = PSTATE_SCREENING;
		ps->date = DAY_NONE;
		err_clear(e);
		return ST_OK;
	}
	return s;
}

enum status store_status_current(struct store *st, int64_t patient_id, struct pstatus *out,
				 struct err *e)
{
	enum status s = store_may(st, PERM_READ, e);
	return s == ST_OK ? store_status_read(st, patient_id, out, e) : s;
}

enum status store_status_history(struct store *st, int64_t patient_id, struct pstatus *out, int max,
				 int *n, struct err *e)
{
	static const char sql[] = "SELECT " STATUS_COLS " FROM patient_status WHERE patient_id = ? "
				  "ORDER BY id LIMIT ?";
	return store_patient_rows(st, sql, patient_id, out, sizeof *out, max, n, read_status,
				  "reading the patient's status", e);
}

/* Close the active plan and its open items: "deceased 2026-03-01: cause". */
static enum status close_schedule(struct store *st, const struct pstatus *ps, struct err *e)
{
	static const char plan_sql[] =
	    "UPDATE plans SET status = 'cancelled', cancel_reason = ?1, version = version + 1 "
	    "WHERE patient_id = ?2 AND status = 'active'";
	static const char items_sql[] =
	    "UPDATE schedule SET state = 'cancelled', "
	    "version = version + 1 WHERE patient_id = ? AND state = 'open'";
	char d[16], reason[SCHEDULE_REASON_MAX + 1];
	snprintf(reason, sizeof reason, "%s %s%s%.160s", pstate_str(ps->state),
		 date_format(ps->date, d), *ps->reason ? ": " : "", ps->reason);
	sqlite3_stmt *q = store_stmt(st, plan_sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, reason, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 2, ps->patient_id);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "closing the plan");
	if (!(q = store_stmt(st, items_sql, e)))
		return ST_IO;
	sqlite3_bind_int64(q, 1, ps->patient_id);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "closing the schedule");
	/* A transplanted patient is still followed for survival. */
	return store_lt_close(st, ps->patient_id, 0, ps->state == PSTATE_TRANSPLANTED, e);
}

enum status store_status_insert(struct store *st, struct pstatus *ps, struct err *e)
{
	static const char sql[] = "INSERT INTO patient_status (patient_id, state, date, reason, "
				  "recorded_by, created) VALUES (?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	strlcpy_(ps->recorded_by, st->actor.login, sizeof ps->recorded_by);
	sqlite3_bind_int64(q, 1, ps->patient_id);
	sqlite3_bind_text(q, 2, pstate_str(ps->state), -1, SQLITE_STATIC);
	store_bind_day(q, 3, ps->date);
	store_bind_text(q, 4, *ps->reason ? ps->reason : NULL);
	sqlite3_bind_text(q, 5, ps->recorded_by, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 6, st->now);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "saving the patient's status");
	ps->id = sqlite3_last_insert_rowid(st->db);
	ps->created = st->now;
	if (ps->state == PSTATE_WITHDRAWN || ps->state == PSTATE_TRANSPLANTED ||
	    ps->state == PSTATE_DECEASED)
		return close_schedule(st, ps, e);
	return ST_OK;
}

static enum status status_tx(struct store *st, struct pstatus *ps, struct err *e)
{
	struct pstatus cur;
	enum status s = store_status_read(st, ps->patient_id, &cur, e);
	if (s == ST_OK)
		s = pstate_check_change(cur.state, cur.id ? cur.date : DAY_NONE, ps,
					date_from_time(st->now, 0) + 1, e);
	return s == ST_OK ? store_status_insert(st, ps, e) : s;
}

enum status store_status_set(struct store *st, struct pstatus *ps, struct err *e)
{
	enum status s = store_may(st, PERM_RECORD, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	return store_finish(st, status_tx(st, ps, e), e);
}

/* The check's verdict on f: refused, needs a physician's confirmation, or
 * passes. On a pass or a confirmed override f->override_by is set (or
 * cleared). */
static enum status verdict(struct store *st, struct infusion *f, const struct icheck_result *r,
			   struct err *e)
{
	const struct icheck_line *l = infusion_check_first(r, ICHK_REFUSE);
	if (l)
		return err_set(e, ST_INVALID, "infusion check: %s: %s", icheck_item_str(l->item),
			       l->reason);
	l = infusion_check_first(r, ICHK_CONFIRM);
	if (!l) {
		f->override_reason[0] = f->override_by[0] = '\0';
		return ST_OK;
	}
	if (!*f->override_reason)
		return err_set(e, ST_CONFIRM,
			       "infusion check: %s: %s; a physician may confirm it with a reason",
			       icheck_item_str(l->item), l->reason);
	if (strlen(f->override_reason) > INFUSION_REASON_MAX ||
	    !text_is_clean(f->override_reason, false))
		return err_set(e, ST_INVALID, "reason: 1-%d characters of one-line text",
			       INFUSION_REASON_MAX);
	enum status s = store_may(st, PERM_CONFIRM_OVERRIDE, e);
	if (s != ST_OK)
		return s;
	strlcpy_(f->override_by, st->actor.login, sizeof f->override_by);
	return ST_OK;
}

static enum status infusion_tx(struct store *st, struct infusion *f,
			       const struct store_infusion_checker *chk, struct icheck_result *r,
			       struct err *e)
{
	enum status s = chk->fn(chk->ctx, st, f, r, e);
	if (s == ST_OK)
		s = verdict(st, f, r, e);
	if (s != ST_OK)
		return s;
	struct json j;
	json_init(&j, false);
	json_obj_begin(&j, NULL);
	infusion_check_json(&j, r);
	json_obj_end(&j);
	s = store_infusion_write(st, f, json_str(&j), e);
	if (s == ST_OK && f->override_by[0])
		s = store_sig_override(st, f, json_str(&j), r, e);
	json_done(&j);
	return s;
}

enum status store_infusion_add(struct store *st, struct infusion *f,
			       const struct store_infusion_checker *chk, struct icheck_result *res,
			       struct err *e)
{
	struct icheck_result own;
	struct icheck_result *r = res ? res : &own;
	memset(r, 0, sizeof *r);
	enum status s = store_infusion_checks(st, f, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	return store_finish(st, infusion_tx(st, f, chk, r, e), e);
}

enum status store_infusion_last(struct store *st, int64_t patient_id, int64_t t,
				struct infusion *out, bool *found, struct err *e)
{
	enum status s = store_may(st, PERM_READ, e);
	*found = false;
	return s == ST_OK ? store_infusion_before(st, patient_id, t, out, found, e) : s;
}

enum status store_infusion_count(struct store *st, int64_t patient_id, day_t since, int *n,
				 struct err *e)
{
	static const char sql[] =
	    "SELECT count(*) FROM infusions WHERE patient_id = ? AND date >= ?";
	enum status s = store_may(st, PERM_READ, e);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, patient_id);
	store_bind_day(q, 2, since);
	int rc = sqlite3_step(q);
	*n = rc == SQLITE_ROW ? sqlite3_column_int(q, 0) : 0;
	sqlite3_reset(q);
	return rc == SQLITE_ROW ? ST_OK : store_fail(st, e, "counting infusions");
}

static enum status review_tx(struct store *st, int64_t patient_id, int64_t id, int64_t version,
			     struct ae *out, struct err *e)
{
	static const char sql[] = "UPDATE adverse_events SET reviewed_by = ?1, reviewed_at = ?2, "
				  "version = version + 1 WHERE id = ?3 AND patient_id = ?4 AND "
				  "version = ?5";
	enum status s = store_ae_get(st, patient_id, id, out, e);
	if (s != ST_OK)
		return s;
	if (out->voided)
		return err_set(e, ST_INVALID,
			       "adverse event %lld was voided (%s); it is not reviewed",
			       (long long)id, out->void_reason);
	if (out->reviewed_at)
		return err_set(e, ST_DUPLICATE, "adverse event %lld was reviewed by %s already",
			       (long long)id, out->reviewed_by);
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, st->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 2, st->now);
	sqlite3_bind_int64(q, 3, id);
	sqlite3_bind_int64(q, 4, patient_id);
	sqlite3_bind_int64(q, 5, version);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "saving the review");
	if (sqlite3_changes(st->db) == 0)
		return err_set(e, ST_CONFLICT,
			       "the adverse event was changed by someone else; "
			       "reload it");
	return store_ae_get(st, patient_id, id, out, e);
}

enum status store_ae_review(struct store *st, int64_t patient_id, int64_t id, int64_t version,
			    struct ae *out, struct err *e)
{
	enum status s = store_may(st, PERM_REVIEW_AE, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	return store_finish(st, review_tx(st, patient_id, id, version, out, e), e);
}
