/* store_ae.c: the adverse-event log — events linked to the last infusion
 * before their onset, their outcome recorded later, the patient's list and
 * the clinic's recent serious events. */
#include "store_dates.h"
#include "store_int.h"

#include <stdio.h>
#include <string.h>

#include "pstate.h"
#include "store_followup.h"
#include "util.h"

#define AE_COLS                                                                                 \
	"id, patient_id, term, term_listed, grade, onset_at, onset, coalesce(infusion_id, 0), " \
	"coalesce(days_since_infusion, -1), serious, relation, action, outcome, resolved, "     \
	"temp_c, "                                                                              \
	"note, version, coalesce(reviewed_by, ''), coalesce(reviewed_at, 0), criteria, "        \
	"coalesce(expected, 0), coalesce(aware_at, 0), voided_at IS NOT NULL, "                 \
	"coalesce(void_reason, '')"

/* The store's day: one day of slack, as for labs. */
static day_t store_day(const struct store *st)
{
	return date_from_time(st->now, 0) + 1;
}

/* End a write transaction: commit on success, else roll back. */
static enum status insert_ae(struct store *st, struct ae *a, struct err *e)
{
	static const char sql[] =
	    "INSERT INTO adverse_events (patient_id, term, term_listed, grade, ctcae_version, "
	    "onset_at, onset, infusion_id, days_since_infusion, serious, relation, action, "
	    "outcome, resolved, temp_c, note, created, criteria, expected, aware_at) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	char crit[160];
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, a->patient_id);
	sqlite3_bind_text(q, 2, a->term, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(q, 3, a->term_listed);
	sqlite3_bind_int(q, 4, a->grade);
	sqlite3_bind_text(q, 5, AE_CTCAE_VERSION, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 6, a->onset_at);
	store_bind_day(q, 7, a->onset);
	if (a->infusion_id) {
		sqlite3_bind_int64(q, 8, a->infusion_id);
		sqlite3_bind_int(q, 9, a->days_since_infusion);
	}
	sqlite3_bind_int(q, 10, a->serious);
	sqlite3_bind_text(q, 11, ae_relation_str(a->relation), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 12, ae_action_str(a->action), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 13, ae_outcome_str(a->outcome), -1, SQLITE_STATIC);
	store_bind_day(q, 14, a->resolved);
	store_bind_real(q, 15, a->temp_c);
	sqlite3_bind_text(q, 16, a->note, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 17, st->now);
	ae_criteria_format(a->criteria | ae_criteria_implied(a), crit, sizeof crit);
	sqlite3_bind_text(q, 18, crit, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(q, 19, a->expected);
	sqlite3_bind_int64(q, 20, a->aware_at);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "saving the adverse event");
	a->id = sqlite3_last_insert_rowid(st->db);
	a->version = 1;
	return ST_OK;
}

enum status store_ae_checks(struct store *st, struct ae *a, struct err *e)
{
	if (!a->aware_at) /* aware when it is recorded (or at onset), unless told */
		a->aware_at = a->onset_at > st->now ? a->onset_at : st->now;
	enum status s = store_may(st, PERM_RECORD, e);
	if (s == ST_OK && (s = ae_validate(a, store_day(st), e)) == ST_CONFIRM)
		s = ST_OK; /* the caller asked; the grade-4 question is the form's */
	if (s == ST_OK && a->onset_at > st->now)
		s = err_set(e, ST_INVALID, "onset: the time is in the future");
	if (s == ST_OK && a->aware_at > st->now)
		s = err_set(e, ST_INVALID, "aware: the time is in the future");
	if (s == ST_OK)
		s = store_date_plausible(st, a->patient_id, "onset", date_from_time(a->onset_at, 0),
					 DATE_RECORD, e);
	return s;
}

/* A grade 5 event records the death (its day, the term as the cause) and
 * closes the schedule, unless a death is recorded already. */
static enum status record_death(struct store *st, const struct ae *a, struct err *e)
{
	struct pstatus ps;
	enum status s = store_status_read(st, a->patient_id, &ps, e);
	if (s != ST_OK || (ps.id && ps.state == PSTATE_DECEASED))
		return s;
	memset(&ps, 0, sizeof ps);
	ps.patient_id = a->patient_id;
	ps.state = PSTATE_DECEASED;
	ps.date = a->onset;
	snprintf(ps.reason, sizeof ps.reason, "%s (adverse event %lld, grade 5)", a->term,
		 (long long)a->id);
	return store_status_insert(st, &ps, e);
}

/* Link the event to the last infusion given at or before its onset. */
enum status store_ae_write(struct store *st, struct ae *a, struct err *e)
{
	struct infusion f;
	bool found;
	enum status s = store_infusion_before(st, a->patient_id, a->onset_at, &f, &found, e);
	a->infusion_id = found ? f.id : 0;
	a->days_since_infusion = found ? ae_days_since(f.date, a->onset) : -1;
	if (found && a->days_since_infusion < 0)
		a->days_since_infusion = 0; /* same instant across a day boundary offset */
	if (s == ST_OK)
		s = insert_ae(st, a, e);
	return s == ST_OK && a->grade >= 5 ? record_death(st, a, e) : s;
}

enum status store_demo_ae(struct store *st, struct ae *a, struct err *e)
{
	enum status s = store_ae_checks(st, a, e);
	return s == ST_OK ? store_ae_write(st, a, e) : s;
}

static void read_ae(sqlite3_stmt *q, int c, struct ae *a)
{
	ae_init(a);
	a->id = sqlite3_column_int64(q, c + 0);
	a->patient_id = sqlite3_column_int64(q, c + 1);
	store_col_text(q, c + 2, a->term, sizeof a->term);
	a->term_listed = sqlite3_column_int(q, c + 3) != 0;
	a->grade = sqlite3_column_int(q, c + 4);
	a->onset_at = sqlite3_column_int64(q, c + 5);
	a->onset = store_col_day(q, c + 6);
	a->infusion_id = sqlite3_column_int64(q, c + 7);
	a->days_since_infusion = sqlite3_column_int(q, c + 8);
	a->serious = sqlite3_column_int(q, c + 9) != 0;
	ae_relation_parse((const char *)sqlite3_column_text(q, c + 10), &a->relation);
	ae_action_parse((const char *)sqlite3_column_text(q, c + 11), &a->action);
	ae_outcome_parse((const char *)sqlite3_column_text(q, c + 12), &a->outcome);
	a->resolved = store_col_day(q, c + 13);
	a->temp_c = store_col_real(q, c + 14);
	store_col_text(q, c + 15, a->note, sizeof a->note);
	a->version = sqlite3_column_int64(q, c + 16);
	store_col_text(q, c + 17, a->reviewed_by, sizeof a->reviewed_by);
	a->reviewed_at = sqlite3_column_int64(q, c + 18);
	struct err ignored;
	if (ae_criteria_parse((const char *)sqlite3_column_text(q, c + 19), &a->criteria,
			      &ignored) != ST_OK)
		a->criteria = 0;
	a->expected = sqlite3_column_int(q, c + 20) != 0;
	a->aware_at = sqlite3_column_int64(q, c + 21);
	a->voided = sqlite3_column_int(q, c + 22) != 0;
	store_col_text(q, c + 23, a->void_reason, sizeof a->void_reason);
}

static void ae_row(sqlite3_stmt *q, void *row)
{
	read_ae(q, 0, row);
}

enum status store_ae_list(struct store *st, int64_t patient_id, struct ae *out, int max, int *n,
			  struct err *e)
{
	/* No LIMIT (store_patient_rows stops at max): with one SQLite keeps
	 * the rows in a temporary b-tree rather than its sorter. */
	static const char sql[] = "SELECT " AE_COLS " FROM adverse_events WHERE patient_id = ? "
				  "AND voided_at IS NULL "
				  "ORDER BY onset DESC, onset_at DESC, id DESC";
	return store_patient_rows(st, sql, patient_id, out, sizeof *out, max, n, ae_row,
				  "reading adverse events", e);
}

enum status store_ae_rows(struct store *st, int64_t patient_id, struct ae *out, int max, int *n,
			  struct err *e)
{
	static const char sql[] = "SELECT " AE_COLS " FROM adverse_events WHERE patient_id = ? "
				  "ORDER BY onset DESC, onset_at DESC, id DESC LIMIT ?";
	return store_patient_rows(st, sql, patient_id, out, sizeof *out, max, n, ae_row,
				  "reading adverse events", e);
}

enum status store_ae_notable(struct store *st, day_t since, int limit, struct clinic_ae *out,
			     int *n, int64_t *count, struct err *e)
{
#define NOTABLE " WHERE (a.grade >= 3 OR a.serious = 1) AND a.voided_at IS NULL AND a.onset >= ?1"
	static const char sql[] =
	    "SELECT a.id, a.patient_id, a.term, a.term_listed, a.grade, "
	    "a.onset_at, a.onset, coalesce(a.infusion_id, 0), "
	    "coalesce(a.days_since_infusion, -1), a.serious, a.relation, "
	    "a.action, a.outcome, a.resolved, a.temp_c, a.note, a.version, "
	    "coalesce(a.reviewed_by, ''), coalesce(a.reviewed_at, 0), a.criteria, "
	    "coalesce(a.expected, 0), coalesce(a.aware_at, 0), a.voided_at IS NOT NULL, "
	    "coalesce(a.void_reason, ''), p.mrn, p.name FROM adverse_events a "
	    "JOIN patients p ON p.id = a.patient_id" NOTABLE " "
	    "ORDER BY a.onset DESC, a.onset_at DESC, a.id DESC LIMIT ?2";
	static const char count_sql[] = "SELECT count(*) FROM adverse_events a" NOTABLE;
#undef NOTABLE
	*n = 0;
	*count = 0;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	store_bind_day(q, 1, since);
	sqlite3_bind_int(q, 2, limit);
	int rc = SQLITE_DONE;
	while (*n < limit && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct clinic_ae *c = &out[(*n)++];
		read_ae(q, 0, &c->ae);
		c->patient_id = c->ae.patient_id;
		store_col_text(q, 24, c->mrn, sizeof c->mrn);
		store_col_text(q, 25, c->name, sizeof c->name);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, e, "reading adverse events");
	if (!(q = store_stmt(st, count_sql, e)))
		return ST_IO;
	store_bind_day(q, 1, since);
	rc = sqlite3_step(q);
	*count = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_reset(q);
	return rc == SQLITE_ROW ? ST_OK : store_fail(st, e, "counting adverse events");
}

static enum status ae_get(struct store *st, int64_t patient_id, int64_t id, struct ae *a,
			  struct err *e);

enum status store_ae_get(struct store *st, int64_t patient_id, int64_t id, struct ae *a,
			 struct err *e)
{
	enum status s = store_may(st, PERM_READ, e);
	return s == ST_OK ? ae_get(st, patient_id, id, a, e) : s;
}

static enum status ae_get(struct store *st, int64_t patient_id, int64_t id, struct ae *a,
			  struct err *e)
{
	static const char sql[] = "SELECT " AE_COLS " FROM adverse_events WHERE id = ? AND "
				  "patient_id = ?";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, id);
	sqlite3_bind_int64(q, 2, patient_id);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		read_ae(q, 0, a);
	sqlite3_reset(q);
	if (rc == SQLITE_DONE)
		return err_set(e, ST_NOT_FOUND, "no adverse event %lld for this patient",
			       (long long)id);
	return rc == SQLITE_ROW ? ST_OK : store_fail(st, e, "reading an adverse event");
}

enum status store_ae_outcome(struct store *st, int64_t patient_id, int64_t id, int64_t version,
			     enum ae_outcome outcome, day_t resolved, struct ae *a, struct err *e)
{
	static const char sql[] = "UPDATE adverse_events SET outcome = ?1, resolved = ?2, "
				  "version = version + 1 WHERE id = ?3 AND version = ?4";
	enum status s = store_may(st, PERM_RECORD, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	if ((s = ae_get(st, patient_id, id, a, e)) == ST_OK && a->version != version)
		s = err_set(e, ST_CONFLICT,
			    "adverse event %lld was changed by someone else "
			    "(version %lld, you read %lld); nothing was saved",
			    (long long)id, (long long)a->version, (long long)version);
	if (s == ST_OK && a->voided)
		s = err_set(e, ST_INVALID, "adverse event %lld was voided (%s); it has no outcome",
			    (long long)id, a->void_reason);
	a->outcome = outcome;
	a->resolved = resolved;
	if (s == ST_OK && (s = ae_validate(a, store_day(st), e)) == ST_CONFIRM)
		s = ST_OK; /* the grade-4 question was answered when it was recorded */
	sqlite3_stmt *q = s == ST_OK ? store_stmt(st, sql, e) : NULL;
	if (q) {
		sqlite3_bind_text(q, 1, ae_outcome_str(outcome), -1, SQLITE_STATIC);
		store_bind_day(q, 2, resolved);
		sqlite3_bind_int64(q, 3, id);
		sqlite3_bind_int64(q, 4, version);
		s = sqlite3_step(q) == SQLITE_DONE ? ST_OK
						   : store_fail(st, e, "updating the event");
		a->version = version + 1;
	} else if (s == ST_OK) {
		s = ST_IO;
	}
	return store_finish(st, s, e);
}
