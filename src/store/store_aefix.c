/* store_aefix.c: an adverse event's details corrected with a reason, in one
 * transaction, the version checked; the audit trigger keeps both versions. */
#include "store_aefix.h"

#include <string.h>

#include "infusion.h"
#include "store_dates.h"
#include "store_followup.h"
#include "store_int.h"
#include "util.h"

/* The kinds of report the event has already, as bits (1u << kind). */
static enum status report_kinds(struct store *st, int64_t ae_id, unsigned *kinds, struct err *e)
{
	static const char sql[] = "SELECT kind FROM sae_reports WHERE ae_id = ?";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	*kinds = 0;
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, ae_id);
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW)
		for (int k = 0; k < SAE_KIND_COUNT; k++)
			if (strcmp((const char *)sqlite3_column_text(q, 0),
				   sae_kind_str((enum sae_kind)k)) == 0)
				*kinds |= 1u << k;
	return store_rows_end(st, q, rc, "reading the event's reports", e);
}

static enum status update(struct store *st, struct ae *a, int64_t read_version, const char *reason,
			  struct err *e)
{
	static const char sql[] =
	    "UPDATE adverse_events SET term = ?1, term_listed = ?2, grade = ?3, onset_at = ?4, "
	    "onset = ?5, infusion_id = ?6, days_since_infusion = ?7, serious = ?8, "
	    "relation = ?9, criteria = ?10, expected = ?11, correction_reason = ?12, "
	    "version = version + 1 WHERE id = ?13 AND version = ?14 RETURNING version";
	char crit[160];
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, a->term, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(q, 2, a->term_listed);
	sqlite3_bind_int(q, 3, a->grade);
	sqlite3_bind_int64(q, 4, a->onset_at);
	store_bind_day(q, 5, a->onset);
	if (a->infusion_id) {
		sqlite3_bind_int64(q, 6, a->infusion_id);
		sqlite3_bind_int(q, 7, a->days_since_infusion);
	}
	sqlite3_bind_int(q, 8, a->serious);
	sqlite3_bind_text(q, 9, ae_relation_str(a->relation), -1, SQLITE_STATIC);
	ae_criteria_format(a->criteria | ae_criteria_implied(a), crit, sizeof crit);
	sqlite3_bind_text(q, 10, crit, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(q, 11, a->expected);
	sqlite3_bind_text(q, 12, reason, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 13, a->id);
	sqlite3_bind_int64(q, 14, read_version);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		a->version = sqlite3_column_int64(q, 0);
		rc = sqlite3_step(q);
	}
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? ST_OK : store_fail(st, e, "correcting the adverse event");
}

static enum status fix_tx(struct store *st, struct ae *a, const char *reason,
			  const struct sae_due *due, int n, struct err *e)
{
	struct ae cur;
	struct infusion f;
	bool found = false;
	unsigned kinds = 0;
	enum status s = store_ae_get(st, a->patient_id, a->id, &cur, e);
	if (s != ST_OK)
		return s;
	if (cur.voided)
		return err_set(e, ST_INVALID,
			       "adverse event %lld was voided (%s); it is not corrected",
			       (long long)a->id, cur.void_reason);
	if (a->version && cur.version != a->version)
		return err_set(e, ST_CONFLICT,
			       "adverse event %lld was changed by someone else since it was read "
			       "(version %lld, now %lld); nothing was saved: read it again",
			       (long long)a->id, (long long)a->version, (long long)cur.version);
	if ((s = report_kinds(st, a->id, &kinds, e)) != ST_OK)
		return s;
	if (kinds && !a->serious)
		return err_set(
		    e, ST_INVALID,
		    "serious: adverse event %lld has serious-event reports on its clock; "
		    "it stays serious (a downgrade is a follow-up report to the sponsor)",
		    (long long)a->id);
	if (a->serious && n == 0)
		return err_set(e, ST_INVALID,
			       "serious: a serious adverse event is recorded with its reporting "
			       "deadline");
	s = store_infusion_before(st, a->patient_id, a->onset_at, &f, &found, e);
	a->infusion_id = found ? f.id : 0;
	a->days_since_infusion = found ? ae_days_since(f.date, a->onset) : -1;
	if (found && a->days_since_infusion < 0)
		a->days_since_infusion = 0;
	if (s == ST_OK)
		s = update(st, a, cur.version, reason, e);
	for (int i = 0; s == ST_OK && i < n; i++)
		if (!(kinds & (1u << due[i].kind)))
			s = store_sae_insert_due(st, a, &due[i], e);
	return s;
}

enum status store_ae_fix(struct store *st, struct ae *a, const char *reason, bool confirmed,
			 const struct sae_due *due, int n, struct err *e)
{
	enum status s = store_may(st, PERM_RECORD, e);
	if (s == ST_OK)
		s = fix_check_reason(FIX_CORRECT, "adverse event", reason, e);
	if (s == ST_OK && (s = ae_validate(a, date_from_time(st->now, 0) + 1, e)) == ST_CONFIRM &&
	    confirmed)
		s = ST_OK;
	if (s == ST_OK && a->onset_at > st->now)
		s = err_set(e, ST_INVALID, "onset: the time is in the future");
	if (s == ST_OK)
		s = store_date_plausible(st, a->patient_id, "onset", date_from_time(a->onset_at, 0),
					 DATE_RECORD, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	return store_finish(st, fix_tx(st, a, reason, due, n, e), e);
}

static enum status void_tx(struct store *st, int64_t patient_id, int64_t id, int64_t version,
			   const char *reason, struct ae *out, struct err *e)
{
	static const char sql[] =
	    "UPDATE adverse_events SET voided_at = ?1, voided_by = ?2, void_reason = ?3, "
	    "version = version + 1 WHERE id = ?4 AND voided_at IS NULL";
	enum status s = store_ae_get(st, patient_id, id, out, e);
	if (s != ST_OK)
		return s;
	if (out->voided)
		return err_set(e, ST_DUPLICATE, "adverse event %lld is voided already",
			       (long long)id);
	if (version && out->version != version)
		return err_set(e, ST_CONFLICT,
			       "adverse event %lld was changed by someone else since it was read "
			       "(version %lld, now %lld); nothing was saved: read it again",
			       (long long)id, (long long)version, (long long)out->version);
	if (out->grade >= 5)
		return err_set(e, ST_INVALID,
			       "adverse event %lld is fatal and recorded the patient's death; "
			       "correct its grade first (ae correct), then void it",
			       (long long)id);
	s = store_void_mark(st, sql, id, reason, "voiding the adverse event", e);
	return s == ST_OK ? store_ae_get(st, patient_id, id, out, e) : s;
}

enum status store_ae_void(struct store *st, int64_t patient_id, int64_t id, int64_t version,
			  const char *reason, struct ae *out, struct err *e)
{
	enum status s = store_may(st, PERM_RECORD, e);
	if (s == ST_OK)
		s = fix_check_reason(FIX_VOID, "adverse event", reason, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	return store_finish(st, void_tx(st, patient_id, id, version, reason, out, e), e);
}
