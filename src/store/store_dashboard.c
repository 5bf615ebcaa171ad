/* store_dashboard.c: the bounded, indexed reads behind the patient dashboard
 * (series, baseline evaluation, calendar) and the clinic dashboard (due,
 * overdue, awaiting evaluation or sign-off, serious events, counts). */
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

#include "store_followup.h"
#include "util.h"

#define ITEM_COLS_S                                                                   \
	"s.id, s.patient_id, s.plan_id, s.kind, s.label, s.target_date, s.due_date, " \
	"s.window_before, s.window_after, s.reschedule_reason, s.state, s.version"

/* How far a window reaches from its due day (schedule CHECK: 0-90). */
#define WINDOW_REACH 90

static void reverse(struct dash_point *p, int n)
{
	for (int i = 0, j = n - 1; i < j; i++, j--) {
		struct dash_point t = p[i];
		p[i] = p[j];
		p[j] = t;
	}
}

/* Run a prepared, bound series query (date, value; newest first) into out,
 * oldest first. */
static enum status read_series(struct store *st, sqlite3_stmt *q, struct dash_point *out, int max,
			       int *n, struct err *e)
{
	int rc = SQLITE_DONE;
	*n = 0;
	while (*n < max && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		out[*n].date = store_col_day(q, 0);
		out[*n].value = sqlite3_column_double(q, 1);
		out[*n].entered = sqlite3_column_int64(q, 2);
		out[*n].followup = sqlite3_column_int(q, 3) != 0;
		/* A fifth column is a stiffness's IQR. */
		out[*n].unreliable =
		    sqlite3_column_count(q) > 4 && sqlite3_column_type(q, 4) != SQLITE_NULL &&
		    stiffness_unreliable(out[*n].value, sqlite3_column_double(q, 4));
		if (out[*n].date != DAY_NONE)
			(*n)++;
	}
	sqlite3_reset(q);
	reverse(out, *n);
	if (*n < max && rc != SQLITE_DONE)
		return store_fail(st, e, "reading a series");
	return ST_OK;
}

/* A series statement with the patient bound to ?1 and max to ?2 when it has
 * a LIMIT ?2. The merged series (grades, stiffness) have none: a LIMIT on a
 * sorted union makes SQLite keep the rows in a temporary b-tree, costlier
 * than sorting them all in its sorter, and read_series stops at max. */
static sqlite3_stmt *series_stmt(struct store *st, const char *sql, int64_t pid, int max,
				 struct err *e)
{
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (q) {
		sqlite3_bind_int64(q, 1, pid);
		if (sqlite3_bind_parameter_count(q) >= 2)
			sqlite3_bind_int(q, 2, max);
	}
	return q;
}

enum status store_dash_labs(struct store *st, int64_t patient_id, enum analyte_id a,
			    struct dash_point *out, int max, int *n, struct err *e)
{
	static const char sql[] =
	    "SELECT date, canonical, created, visit_id IS NOT NULL FROM labs WHERE patient_id = ?1 "
	    "AND analyte = ?3 AND voided_at IS NULL ORDER BY date DESC, id DESC LIMIT ?2";
	const struct analyte *an = analyte_get(a);
	enum status s = store_may(st, PERM_READ, e);
	*n = 0;
	if (s != ST_OK || !an)
		return s != ST_OK ? s : err_set(e, ST_INVALID, "unknown analyte");
	sqlite3_stmt *q = series_stmt(st, sql, patient_id, max, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 3, an->key, -1, SQLITE_STATIC);
	return read_series(st, q, out, max, n, e);
}

enum status store_dash_stiffness(struct store *st, int64_t patient_id, struct dash_point *out,
				 int max, int *n, struct err *e)
{
	static const char sql[] =
	    "SELECT date, v, created, k, iqr FROM (SELECT date, stiffness_kpa AS v, created, 0 AS "
	    "k, "
	    "id, iqr_kpa AS iqr FROM imaging WHERE patient_id = ?1 AND stiffness_kpa IS NOT NULL "
	    "AND voided_at IS NULL "
	    "UNION ALL SELECT date, stiffness_kpa, created, 1, id, iqr_kpa FROM visits WHERE "
	    "patient_id = ?1 "
	    "AND stiffness_kpa IS NOT NULL) ORDER BY date DESC, k DESC, id DESC";
	enum status s = store_may(st, PERM_READ, e);
	*n = 0;
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = series_stmt(st, sql, patient_id, max, e);
	if (!q)
		return ST_IO;
	return read_series(st, q, out, max, n, e);
}

enum status store_dash_grades(struct store *st, int64_t patient_id, struct dash_point *ascites,
			      int *na, struct dash_point *he, int *nh, int max, struct err *e)
{
	static const char asc[] =
	    "SELECT date, g, created, k FROM (SELECT date, ascites_grade AS g, created, 1 AS k, "
	    "2 AS p, id FROM visits WHERE patient_id = ?1 AND state = 'done' AND ascites_grade IS "
	    "NOT NULL UNION ALL SELECT date, ascites_grade, created, 0, 1, id FROM exams WHERE "
	    "patient_id = ?1 AND ascites_grade IS NOT NULL "
	    "UNION ALL SELECT date, CASE ascites WHEN 0 THEN 0 ELSE -1 END, created, 0, 3, id FROM "
	    "imaging WHERE patient_id = ?1 AND (ascites = 0 OR ascites = 1)) ORDER BY date DESC, p "
	    "ASC, id "
	    "DESC";
	/* The checklist's encephalopathy answer: "no" is grade 0, "yes" carries
	 * the grade 1-4 in its value (as checklist.c reads it). On one day the
	 * source first in enum finding_source wins (p), as store_exam_findings
	 * chooses: the series is read newest first and the last of a day counts.
	 * Equalities joined by OR, not IN: a constant IN list is a temporary
	 * table per run. */
	static const char hes[] =
	    "SELECT date, g, created, k FROM (SELECT date, he_grade AS g, created, 1 AS k, 2 AS p, "
	    "id FROM visits WHERE patient_id = ?1 AND state = 'done' AND he_grade IS NOT NULL "
	    "UNION ALL SELECT date, he_grade, created, 0, 1, id FROM exams WHERE patient_id = ?1 "
	    "AND he_grade IS NOT NULL "
	    "UNION ALL SELECT answered_on, CASE answer WHEN 'no' THEN 0 ELSE CAST(value AS "
	    "INTEGER) END, created, 0, 4, id FROM answers WHERE patient_id = ?1 AND "
	    "item = 'encephalopathy' AND (answer = 'no' OR value = '1' OR value = '2' OR value = "
	    "'3' OR value = '4')) "
	    "ORDER BY date DESC, p ASC, id DESC";
	enum status s = store_may(st, PERM_READ, e);
	*na = *nh = 0;
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = series_stmt(st, asc, patient_id, max, e);
	if (!q)
		return ST_IO;
	read_series(st, q, ascites, max, na, e);
	if (!(q = series_stmt(st, hes, patient_id, max, e)))
		return ST_IO;
	return read_series(st, q, he, max, nh, e);
}

enum status store_dash_evaluation(struct store *st, int64_t patient_id, int64_t *id, day_t *as_of,
				  int64_t *signed_at, struct err *e)
{
	static const char sql[] =
	    "SELECT id, as_of, signed_at FROM evaluations WHERE "
	    "patient_id = ? AND signed_at IS NOT NULL AND superseded_by IS NULL "
	    "ORDER BY id DESC LIMIT 1";
	enum status s = store_may(st, PERM_READ, e);
	*id = 0;
	*as_of = DAY_NONE;
	*signed_at = 0;
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, patient_id);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(q, 0);
		*as_of = store_col_day(q, 1);
		*signed_at = sqlite3_column_int64(q, 2);
	}
	sqlite3_reset(q);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
						     : store_fail(st, e, "reading evaluations");
}

static enum status read_cal(struct store *st, const char *sql, int64_t pid, int max,
			    struct dash_cal *out, int *n, struct err *e)
{
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, pid);
	sqlite3_bind_int(q, 2, max);
	int rc = SQLITE_DONE;
	while (*n < max && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct dash_cal *c = &out[(*n)++];
		memset(c, 0, sizeof *c);
		store_schedule_read(q, 0, &c->item);
		c->closed_on = store_col_day(q, 12);
		store_col_text(q, 13, c->reason, sizeof c->reason);
	}
	sqlite3_reset(q);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
						     : store_fail(st, e, "reading the schedule");
}

static int cmp_cal(const void *a, const void *b)
{
	const struct dash_cal *x = a, *y = b;
	if (x->item.due != y->item.due)
		return x->item.due < y->item.due ? -1 : 1;
	return (x->item.id > y->item.id) - (x->item.id < y->item.id);
}

enum status store_dash_calendar(struct store *st, int64_t patient_id, struct dash_cal *out, int max,
				int *n, struct err *e)
{
/* "+s.state": the state must not pick schedule_open (every open row of the
 * clinic) over schedule_patient (this patient's rows, by due day). */
#define CAL_FROM                                                       \
	" FROM schedule s LEFT JOIN visits v ON v.schedule_id = s.id " \
	"LEFT JOIN infusions i ON i.schedule_id = s.id WHERE s.patient_id = ?1 "
	static const char open_sql[] = "SELECT " ITEM_COLS_S ", NULL, NULL" CAL_FROM
				       "AND +s.state = 'open' ORDER BY s.due_date, s.id LIMIT ?2";
	static const char closed_sql[] = "SELECT " ITEM_COLS_S ", coalesce(v.date, i.date), "
					 "v.missed_reason" CAL_FROM "AND +s.state IN ('done', "
					 "'missed') ORDER BY s.due_date DESC, s.id DESC LIMIT ?2";
#undef CAL_FROM
	enum status s = store_may(st, PERM_READ, e);
	int nopen = 0, nclosed = 0;
	if (s == ST_OK)
		s = read_cal(st, open_sql, patient_id, max / 2, out, &nopen, e);
	if (s == ST_OK)
		s = read_cal(st, closed_sql, patient_id, max - nopen, out + nopen, &nclosed, e);
	*n = s == ST_OK ? nopen + nclosed : 0;
	qsort(out, (size_t)*n, sizeof *out, cmp_cal);
	return s;
}

/* --- the clinic dashboard --- */

#define OPEN_IN_WINDOW                                                  \
	"s.state = 'open' AND s.due_date BETWEEN ?1 AND ?2 AND "        \
	"julianday(s.due_date) - s.window_before <= julianday(?3) AND " \
	"julianday(s.due_date) + s.window_after >= julianday(?3)"
#define OPEN_OVERDUE                                \
	"s.state = 'open' AND s.due_date < ?3 AND " \
	"julianday(s.due_date) + s.window_after < julianday(?3)"

/* Bind ?1/?2 (the due-day range a window can reach today from) and ?3
 * (today) as dates. */
static void bind_days(sqlite3_stmt *q, day_t today)
{
	store_bind_day(q, 1, today - WINDOW_REACH);
	store_bind_day(q, 2, today + WINDOW_REACH);
	store_bind_day(q, 3, today);
}

static enum status count_of(struct store *st, const char *sql, day_t today, int64_t arg,
			    int64_t *out, struct err *e)
{
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	bind_days(q, today); /* unused parameters are left out silently */
	if (sqlite3_bind_parameter_count(q) >= 4)
		sqlite3_bind_int64(q, 4, arg);
	int rc = sqlite3_step(q);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_reset(q);
	return rc == SQLITE_ROW ? ST_OK : store_fail(st, e, "counting");
}

static enum status visit_rows(struct store *st, const char *sql, day_t today, int limit,
			      struct clinic_visit *out, int *n, struct err *e)
{
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	bind_days(q, today);
	sqlite3_bind_int(q, 4, limit);
	int rc = SQLITE_DONE;
	*n = 0;
	while (*n < limit && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct clinic_visit *v = &out[(*n)++];
		memset(v, 0, sizeof *v);
		store_schedule_read(q, 0, &v->item);
		v->patient_id = v->item.patient_id;
		store_col_text(q, 12, v->mrn, sizeof v->mrn);
		store_col_text(q, 13, v->name, sizeof v->name);
	}
	sqlite3_reset(q);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
						     : store_fail(st, e, "reading the schedule");
}

static enum status eval_rows(struct store *st, const char *sql, int64_t arg, int limit,
			     struct clinic_eval *out, int *n, struct err *e)
{
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, arg);
	sqlite3_bind_int(q, 2, limit);
	int rc = SQLITE_DONE;
	*n = 0;
	while (*n < limit && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct clinic_eval *v = &out[(*n)++];
		memset(v, 0, sizeof *v);
		v->patient_id = sqlite3_column_int64(q, 0);
		store_col_text(q, 1, v->mrn, sizeof v->mrn);
		store_col_text(q, 2, v->name, sizeof v->name);
		v->evaluation_id = sqlite3_column_int64(q, 3);
		v->as_of = store_col_day(q, 4);
		store_col_text(q, 5, v->status, sizeof v->status);
	}
	sqlite3_reset(q);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
						     : store_fail(st, e, "reading evaluations");
}

static enum status clinic_visits(struct store *st, day_t today, int limit,
				 struct clinic_dashboard *out, struct err *e)
{
#define VISIT_FROM " FROM schedule s JOIN patients p ON p.id = s.patient_id WHERE "
	static const char due[] = "SELECT " ITEM_COLS_S ", p.mrn, p.name" VISIT_FROM OPEN_IN_WINDOW
				  " ORDER BY s.due_date, s.id LIMIT ?4";
	static const char overdue[] =
	    "SELECT " ITEM_COLS_S ", p.mrn, p.name" VISIT_FROM OPEN_OVERDUE
	    " ORDER BY s.due_date, s.id LIMIT ?4";
#undef VISIT_FROM
	static const char due_n[] = "SELECT count(*) FROM schedule s WHERE " OPEN_IN_WINDOW;
	static const char overdue_n[] = "SELECT count(*) FROM schedule s WHERE " OPEN_OVERDUE;
	static const char missed_n[] = "SELECT count(*) FROM visits WHERE state = 'missed' AND "
				       "date >= date(?3, '-30 days')";
	enum status s = visit_rows(st, due, today, limit, out->due, &out->ndue, e);
	if (s == ST_OK)
		s = visit_rows(st, overdue, today, limit, out->overdue, &out->noverdue, e);
	if (s == ST_OK)
		s = count_of(st, due_n, today, 0, &out->counts.due_today, e);
	if (s == ST_OK)
		s = count_of(st, overdue_n, today, 0, &out->counts.overdue, e);
	if (s == ST_OK)
		s = count_of(st, missed_n, today, 0, &out->counts.missed_30d, e);
	return s;
}

#define SIGNOFF_DAYS 90
#define SIGNOFF_DAYS_TEXT "90"

static enum status clinic_evaluations(struct store *st, day_t today, int limit,
				      struct clinic_dashboard *out, struct err *e)
{
/* A checklist begun (answers in the last SIGNOFF_DAYS days) but no current
 * signed evaluation: awaiting sign-off. Evaluations are stored only when
 * signed, so the answers are what shows the work in progress; the list is
 * kept by triggers as answers and signatures come (signoff_pending), so home
 * reads an index range instead of every answer of the window. */
#define NEWEST_WITHOUT                                                                             \
	" FROM (SELECT id, mrn, name FROM patients ORDER BY id DESC LIMIT ?1) p WHERE NOT EXISTS " \
	"(SELECT 1 FROM evaluations e WHERE e.patient_id = p.id)"
	/* The kept list (migration signoff-pending): one index range. */
	static const char signoff[] =
	    "SELECT p.id, p.mrn, p.name, 0, s.last_answer, 'checklist begun' FROM signoff_pending "
	    "s "
	    "JOIN patients p ON p.id = s.patient_id WHERE s.last_answer >= date(?1 * 86400, "
	    "'unixepoch') ORDER BY s.last_answer DESC, s.patient_id DESC LIMIT ?2";
	static const char signoff_n[] = "SELECT count(*) FROM signoff_pending WHERE last_answer >= "
					"date(?3, '-" SIGNOFF_DAYS_TEXT " days')";
	static const char awaiting[] =
	    "SELECT p.id, p.mrn, p.name, 0, NULL, ''" NEWEST_WITHOUT " ORDER BY p.id DESC LIMIT ?2";
	static const char awaiting_n[] = "SELECT count(*) FROM (SELECT id FROM patients ORDER BY "
					 "id DESC LIMIT ?4) p WHERE NOT EXISTS (SELECT 1 FROM "
					 "evaluations e WHERE e.patient_id = p.id)";
#undef NEWEST_WITHOUT
	enum status s = eval_rows(st, signoff, today - SIGNOFF_DAYS, limit, out->awaiting_signoff,
				  &out->nsignoff, e);
	if (s == ST_OK)
		s = eval_rows(st, awaiting, CLINIC_NEW_PATIENTS, limit, out->awaiting_evaluation,
			      &out->nawaiting, e);
	if (s == ST_OK)
		s = count_of(st, signoff_n, today, 1, &out->counts.awaiting_signoff, e);
	if (s == ST_OK)
		s = count_of(st, awaiting_n, today, CLINIC_NEW_PATIENTS,
			     &out->counts.awaiting_evaluation, e);
	return s;
}

enum status store_clinic_load(struct store *st, day_t today, int limit,
			      struct clinic_dashboard *out, struct err *e)
{
	enum status s = store_may(st, PERM_READ, e);
	if (s == ST_OK)
		s = clinic_visits(st, today, limit, out, e);
	if (s == ST_OK)
		s = clinic_evaluations(st, today, limit, out, e);
	if (s == ST_OK)
		s = store_ae_notable(st, today - CLINIC_AE_DAYS, limit, out->serious,
				     &out->nserious, &out->counts.serious_ae_30d, e);
	return s;
}
