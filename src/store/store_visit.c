/* store_visit.c: follow-up records — visits with their labs, missed visits
 * and infusions — each written in one transaction that also closes the
 * scheduled item it answers. */
#include "store_dates.h"
#include "store_int.h"

#include <math.h>
#include <string.h>

#include "store_followup.h"
#include "util.h"

#define ITEM_COLS                                                       \
	"id, patient_id, plan_id, kind, label, target_date, due_date, " \
	"window_before, window_after, reschedule_reason, state, version"
#define VISIT_COLS                                                                                 \
	"v.id, v.patient_id, coalesce(v.schedule_id, 0), coalesce(s.label, ''), v.state, v.date, " \
	"v.timing, v.missed_reason, v.temp_c, v.weight_kg, v.sbp, v.dbp, v.fatigue, v.appetite, "  \
	"v.jaundice, v.pruritus, v.oedema, v.ascites_grade, v.paracentesis_ml, v.he_grade, "       \
	"v.stiffness_kpa, v.iqr_kpa, v.note, v.version, coalesce(v.correction_reason, '')"
/* The observations, before then after, in INFUSION_OBS_INFO order. */
/* The store's day: one day of slack, as for labs (the clinic may run ahead
 * of UTC). */
static day_t store_day(const struct store *st)
{
	return date_from_time(st->now, 0) + 1;
}

static void bind_grade(sqlite3_stmt *q, int i, int g)
{
	if (g < 0)
		sqlite3_bind_null(q, i);
	else
		sqlite3_bind_int(q, i, g);
}

static int col_grade(sqlite3_stmt *q, int i)
{
	return sqlite3_column_type(q, i) == SQLITE_NULL ? VISIT_UNGRADED : sqlite3_column_int(q, i);
}

enum status store_schedule_by_label(struct store *st, int64_t patient_id, const char *label,
				    struct schedule_item *out, struct err *e)
{
	static const char sql[] = "SELECT " ITEM_COLS " FROM schedule WHERE patient_id = ? AND "
				  "label = ? COLLATE NOCASE AND state <> 'cancelled' "
				  "ORDER BY plan_id DESC, id LIMIT 1";
	enum status s = store_may(st, PERM_READ, e);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, patient_id);
	sqlite3_bind_text(q, 2, label ? label : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		store_schedule_read(q, 0, out);
		sqlite3_reset(q);
		return ST_OK;
	}
	if (rc != SQLITE_DONE)
		return store_fail(st, e, "reading the schedule");
	return err_set(e, ST_NOT_FOUND, "no scheduled visit or infusion labelled '%.24s'",
		       label ? label : "");
}

/* A scheduled item by id. */
static enum status read_item(struct store *st, int64_t id, struct schedule_item *it, struct err *e)
{
	static const char sql[] = "SELECT " ITEM_COLS " FROM schedule WHERE id = ?";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	memset(it, 0, sizeof *it);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, id);
	int rc = sqlite3_step(q);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE
			   ? err_set(e, ST_NOT_FOUND, "no scheduled item %lld", (long long)id)
			   : store_fail(st, e, "reading the schedule");
	store_schedule_read(q, 0, it);
	sqlite3_reset(q);
	return ST_OK;
}

/* Inside the transaction: the item exists, is the patient's, of the kind
 * and open. */
static enum status open_item(struct store *st, int64_t id, int64_t patient_id, enum sched_kind kind,
			     struct schedule_item *it, struct err *e)
{
	enum status s = read_item(st, id, it, e);
	if (s != ST_OK)
		return s;
	if (it->patient_id != patient_id || it->kind != kind)
		return err_set(e, ST_INVALID, "%s is not one of this patient's scheduled %ss",
			       it->label, sched_kind_str(kind));
	if (it->state != SCHED_OPEN)
		return err_set(e, ST_CONFLICT, "%s is already %s; nothing was saved", it->label,
			       sched_state_str(it->state));
	return ST_OK;
}

/* Re-check a visit lab the caller built (as store_lab_add does). */
static enum status check_lab(const struct lab_result *r, day_t last, struct err *e)
{
	enum status s = analyte_check(r->analyte, UNITS_US, r->canonical, NULL, NULL, e);
	if (s == ST_CONFIRM && !r->confirmed)
		return err_set(e, ST_CONFIRM, "%s — not confirmed", e ? e->msg : "");
	if (s != ST_OK && s != ST_CONFIRM)
		return s;
	if (r->date == DAY_NONE || r->date > last)
		return err_set(e, ST_INVALID, "collection date: required and not in the future");
	return ST_OK;
}

static enum status insert_visit(struct store *st, struct visit *v, struct err *e)
{
	static const char sql[] =
	    "INSERT INTO visits (patient_id, schedule_id, state, date, timing, missed_reason, "
	    "temp_c, weight_kg, sbp, dbp, fatigue, appetite, jaundice, pruritus, oedema, "
	    "ascites_grade, paracentesis_ml, he_grade, stiffness_kpa, iqr_kpa, note, created) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, v->patient_id);
	if (v->schedule_id)
		sqlite3_bind_int64(q, 2, v->schedule_id);
	sqlite3_bind_text(q, 3, visit_state_str(v->state), -1, SQLITE_STATIC);
	store_bind_day(q, 4, v->date);
	store_bind_text(q, 5, v->schedule_id ? visit_timing_str(v->timing) : NULL);
	store_bind_text(q, 6, v->state == VISIT_MISSED ? v->reason : NULL);
	store_bind_real(q, 7, v->temp_c);
	store_bind_real(q, 8, v->weight_kg);
	bind_grade(q, 9, v->sbp ? v->sbp : -1);
	bind_grade(q, 10, v->dbp ? v->dbp : -1);
	for (int i = 0; i < SYM_COUNT; i++)
		bind_grade(q, 11 + i, v->symptom[i]);
	bind_grade(q, 16, v->ascites);
	store_bind_real(q, 17, v->paracentesis_ml);
	bind_grade(q, 18, v->he);
	store_bind_real(q, 19, v->stiffness_kpa);
	store_bind_real(q, 20, v->iqr_kpa);
	sqlite3_bind_text(q, 21, v->note, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 22, st->now);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "saving the visit");
	v->id = sqlite3_last_insert_rowid(st->db);
	v->version = 1;
	return ST_OK;
}

/* Close the visit's item (if any), then insert the visit; in a transaction. */
static enum status record_visit(struct store *st, struct visit *v, struct err *e)
{
	struct schedule_item it;
	enum status s = ST_OK;
	v->timing = VT_NONE;
	v->label[0] = '\0';
	if (v->schedule_id) {
		s = open_item(st, v->schedule_id, v->patient_id, SCHED_VISIT, &it, e);
		if (s == ST_OK) {
			v->timing = visit_timing_of(&it, v->date);
			strlcpy_(v->label, it.label, sizeof v->label);
			s = store_schedule_set_state(
			    st, it.id, v->state == VISIT_MISSED ? SCHED_MISSED : SCHED_DONE, e);
		}
	}
	return s == ST_OK ? insert_visit(st, v, e) : s;
}

/* End a write transaction: commit on success, else roll back. */
static enum status visit_checks(struct store *st, struct visit *v, struct lab_result *labs, int n,
				struct err *e)
{
	enum status s = store_may(st, PERM_RECORD, e);
	if (s == ST_OK)
		s = visit_validate(v, store_day(st), e);
	if (s == ST_OK)
		s = store_date_plausible(st, v->patient_id, "visit date", v->date, DATE_TREATMENT,
					 e);
	for (int i = 0; s == ST_OK && i < n; i++) {
		if (labs[i].date == DAY_NONE)
			labs[i].date = v->date;
		s = check_lab(&labs[i], store_day(st), e);
	}
	return s;
}

static enum status visit_write(struct store *st, struct visit *v, struct lab_result *labs, int n,
			       struct err *e)
{
	enum status s = record_visit(st, v, e);
	for (int i = 0; s == ST_OK && i < n; i++) {
		labs[i].patient_id = v->patient_id;
		labs[i].visit_id = v->id;
		s = store_lab_insert(st, &labs[i], e);
	}
	return s;
}

enum status store_visit_add(struct store *st, struct visit *v, struct lab_result *labs, int n,
			    struct err *e)
{
	if (v->state != VISIT_DONE)
		return err_set(e, ST_INVALID, "a missed visit is recorded with its reason");
	enum status s = visit_checks(st, v, labs, n, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	return store_finish(st, visit_write(st, v, labs, n, e), e);
}

enum status store_visit_missed(struct store *st, struct visit *v, struct err *e)
{
	v->state = VISIT_MISSED;
	enum status s = visit_checks(st, v, NULL, 0, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	return store_finish(st, visit_write(st, v, NULL, 0, e), e);
}

enum status store_demo_visit(struct store *st, struct visit *v, struct lab_result *labs, int n,
			     struct err *e)
{
	enum status s = visit_checks(st, v, labs, n, e);
	return s == ST_OK ? visit_write(st, v, labs, n, e) : s;
}

static void read_visit(sqlite3_stmt *q, struct visit *v)
{
	visit_init(v);
	v->id = sqlite3_column_int64(q, 0);
	v->patient_id = sqlite3_column_int64(q, 1);
	v->schedule_id = sqlite3_column_int64(q, 2);
	store_col_text(q, 3, v->label, sizeof v->label);
	const char *state = (const char *)sqlite3_column_text(q, 4);
	v->state = state && strcmp(state, "missed") == 0 ? VISIT_MISSED : VISIT_DONE;
	v->date = store_col_day(q, 5);
	const char *t = (const char *)sqlite3_column_text(q, 6);
	visit_timing_parse(t, &v->timing); /* NULL: unscheduled, as initialised */
	store_col_text(q, 7, v->reason, sizeof v->reason);
	v->temp_c = store_col_real(q, 8);
	v->weight_kg = store_col_real(q, 9);
	v->sbp = sqlite3_column_int(q, 10);
	v->dbp = sqlite3_column_int(q, 11);
	for (int i = 0; i < SYM_COUNT; i++)
		v->symptom[i] = col_grade(q, 12 + i);
	v->ascites = col_grade(q, 17);
	v->paracentesis_ml = store_col_real(q, 18);
	v->he = col_grade(q, 19);
	v->stiffness_kpa = store_col_real(q, 20);
	v->iqr_kpa = store_col_real(q, 21);
	store_col_text(q, 22, v->note, sizeof v->note);
	v->version = sqlite3_column_int64(q, 23);
	store_col_text(q, 24, v->correction, sizeof v->correction);
}

static void visit_row(sqlite3_stmt *q, void *row)
{
	read_visit(q, row);
}

enum status store_visit_list(struct store *st, int64_t patient_id, struct visit *out, int max,
			     int *n, struct err *e)
{
	static const char sql[] = "SELECT " VISIT_COLS " FROM visits v LEFT JOIN schedule s ON "
				  "s.id = v.schedule_id WHERE v.patient_id = ? "
				  "ORDER BY v.date DESC, v.id DESC LIMIT ?";
	return store_patient_rows(st, sql, patient_id, out, sizeof *out, max, n, visit_row,
				  "reading visits", e);
}

static enum status insert_infusion(struct store *st, struct infusion *f, const char *detail,
				   struct err *e)
{
	static const char sql[] =
	    "INSERT INTO infusions (patient_id, schedule_id, given_at, date, route, cells, lot, "
	    "given_by, reaction, note, created, lot_expiry, check_detail, override_reason, "
	    "override_by, " OBS_COLS ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, f->patient_id);
	if (f->schedule_id)
		sqlite3_bind_int64(q, 2, f->schedule_id);
	sqlite3_bind_int64(q, 3, f->given_at);
	store_bind_day(q, 4, f->date);
	sqlite3_bind_text(q, 5, plan_route_str(f->route), -1, SQLITE_STATIC);
	sqlite3_bind_double(q, 6, f->cells);
	sqlite3_bind_text(q, 7, f->lot, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 8, f->given_by, -1, SQLITE_TRANSIENT);
	store_bind_text(q, 9, f->reaction);
	sqlite3_bind_text(q, 10, f->note, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 11, st->now);
	store_bind_day(q, 12, f->lot_expiry);
	store_bind_text(q, 13, detail);
	store_bind_text(q, 14, f->override_reason);
	store_bind_text(q, 15, f->override_by);
	for (int i = 0; i < IOBS_COUNT; i++) {
		store_bind_real(q, 16 + i, f->before.v[i]);
		store_bind_real(q, 16 + IOBS_COUNT + i, f->after.v[i]);
	}
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "saving the infusion");
	f->id = sqlite3_last_insert_rowid(st->db);
	f->version = 1;
	return ST_OK;
}

enum status store_infusion_checks(struct store *st, struct infusion *f, struct err *e)
{
	enum status s = store_may(st, PERM_RECORD, e);
	if (s == ST_OK)
		s = infusion_validate(f, store_day(st), e);
	if (s == ST_OK && f->given_at > st->now)
		s = err_set(e, ST_INVALID, "given at: the time is in the future");
	if (s == ST_OK)
		s = store_date_plausible(st, f->patient_id, "given at",
					 date_from_time(f->given_at, 0), DATE_TREATMENT, e);
	return s;
}

/* A scheduled infusion is given by the route its plan was made (and, for
 * intrahepatic, signed) for. */
static enum status plan_route(struct store *st, const struct schedule_item *it,
			      const struct infusion *f, struct err *e)
{
	static const char sql[] = "SELECT route FROM plans WHERE id = ?";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, it->plan_id);
	char route[16] = "";
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		store_col_text(q, 0, route, sizeof route);
	sqlite3_reset(q);
	if (rc != SQLITE_ROW)
		return store_fail(st, e, "reading the plan");
	if (strcmp(route, plan_route_str(f->route)) != 0)
		return err_set(e, ST_INVALID, "route: %s, but the plan for %s is %s",
			       plan_route_str(f->route), it->label, route);
	return ST_OK;
}

enum status store_infusion_write(struct store *st, struct infusion *f, const char *detail,
				 struct err *e)
{
	struct schedule_item it;
	enum status s = ST_OK;
	if (f->schedule_id) {
		s = open_item(st, f->schedule_id, f->patient_id, SCHED_INFUSION, &it, e);
		if (s == ST_OK)
			s = plan_route(st, &it, f, e);
		if (s == ST_OK)
			s = store_schedule_set_state(st, it.id, SCHED_DONE, e);
	}
	return s == ST_OK ? insert_infusion(st, f, detail, e) : s;
}

enum status store_demo_infusion(struct store *st, struct infusion *f, struct err *e)
{
	enum status s = store_infusion_checks(st, f, e);
	return s == ST_OK ? store_infusion_write(st, f, NULL, e) : s;
}

/* One recorded visit of the patient (no permission check). */
static enum status stored_visit(struct store *st, int64_t patient_id, int64_t id, struct visit *out,
				struct err *e)
{
	static const char sql[] = "SELECT " VISIT_COLS " FROM visits v LEFT JOIN schedule s ON "
				  "s.id = v.schedule_id WHERE v.id = ?2 AND v.patient_id = ?1";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, patient_id);
	sqlite3_bind_int64(q, 2, id);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		read_visit(q, out);
	enum status s = store_rows_end(st, q, rc, "reading the visit", e);
	if (s == ST_OK && rc == SQLITE_DONE)
		return err_set(e, ST_NOT_FOUND, "no visit %lld for this patient", (long long)id);
	return s;
}

enum status store_visit_get(struct store *st, int64_t patient_id, int64_t id, struct visit *out,
			    struct err *e)
{
	enum status s = store_may(st, PERM_READ, e);
	return s == ST_OK ? stored_visit(st, patient_id, id, out, e) : s;
}

/* The corrected values over the stored row; its labs follow a new day. */
static enum status update_visit(struct store *st, const struct visit *v, day_t old_day,
				const char *reason, struct err *e)
{
	static const char sql[] =
	    "UPDATE visits SET date = ?, timing = ?, temp_c = ?, weight_kg = ?, sbp = ?, "
	    "dbp = ?, fatigue = ?, appetite = ?, jaundice = ?, pruritus = ?, oedema = ?, "
	    "ascites_grade = ?, paracentesis_ml = ?, he_grade = ?, stiffness_kpa = ?, "
	    "iqr_kpa = ?, note = ?, correction_reason = ?, version = version + 1 "
	    "WHERE id = ? AND version = ?";
	static const char labs[] = "UPDATE labs SET date = ?1, version = version + 1 "
				   "WHERE visit_id = ?2 AND date = ?3";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	store_bind_day(q, 1, v->date);
	store_bind_text(q, 2, v->schedule_id ? visit_timing_str(v->timing) : NULL);
	store_bind_real(q, 3, v->temp_c);
	store_bind_real(q, 4, v->weight_kg);
	bind_grade(q, 5, v->sbp ? v->sbp : -1);
	bind_grade(q, 6, v->dbp ? v->dbp : -1);
	for (int i = 0; i < SYM_COUNT; i++)
		bind_grade(q, 7 + i, v->symptom[i]);
	bind_grade(q, 12, v->ascites);
	store_bind_real(q, 13, v->paracentesis_ml);
	bind_grade(q, 14, v->he);
	store_bind_real(q, 15, v->stiffness_kpa);
	store_bind_real(q, 16, v->iqr_kpa);
	sqlite3_bind_text(q, 17, v->note, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 18, reason, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 19, v->id);
	sqlite3_bind_int64(q, 20, v->version);
	if (sqlite3_step(q) != SQLITE_DONE || sqlite3_changes(st->db) != 1)
		return store_fail(st, e, "correcting the visit");
	if (v->date == old_day)
		return ST_OK;
	if (!(q = store_stmt(st, labs, e)))
		return ST_IO;
	store_bind_day(q, 1, v->date);
	sqlite3_bind_int64(q, 2, v->id);
	store_bind_day(q, 3, old_day);
	return sqlite3_step(q) == SQLITE_DONE ? ST_OK
					      : store_fail(st, e, "moving the visit's labs");
}

/* Inside the transaction: the stored visit at the version the caller read,
 * a visit that was done; v takes its schedule link and timing. */
static enum status correct_visit(struct store *st, struct visit *v, const char *reason,
				 struct err *e)
{
	struct visit cur = {0};
	char d[16];
	enum status s = stored_visit(st, v->patient_id, v->id, &cur, e);
	if (s != ST_OK)
		return s;
	if (cur.version != v->version)
		return err_set(e, ST_CONFLICT,
			       "the visit of %s was changed by someone else since it was opened "
			       "(version %lld, now %lld); nothing was saved: open it again",
			       date_format(cur.date, d), (long long)v->version,
			       (long long)cur.version);
	if (cur.state != VISIT_DONE)
		return err_set(e, ST_INVALID,
			       "the visit of %s was recorded as missed; only a visit "
			       "that was done can be corrected",
			       date_format(cur.date, d));
	v->state = VISIT_DONE;
	v->schedule_id = cur.schedule_id;
	strlcpy_(v->label, cur.label, sizeof v->label);
	v->timing = VT_NONE;
	if ((s = visit_validate(v, store_day(st), e)) != ST_OK)
		return s;
	if (v->schedule_id) {
		struct schedule_item it;
		if ((s = read_item(st, v->schedule_id, &it, e)) != ST_OK)
			return s;
		v->timing = visit_timing_of(&it, v->date);
	}
	if ((s = update_visit(st, v, cur.date, reason, e)) != ST_OK)
		return s;
	v->version++;
	strlcpy_(v->correction, reason, sizeof v->correction);
	return ST_OK;
}

enum status store_visit_correct(struct store *st, struct visit *v, const char *reason,
				struct err *e)
{
	enum status s = store_may(st, PERM_RECORD, e);
	if (s == ST_OK)
		s = visit_check_correction(reason, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	return store_finish(st, correct_visit(st, v, reason, e), e);
}

void store_infusion_read(sqlite3_stmt *q, struct infusion *f)
{
	infusion_init(f);
	f->id = sqlite3_column_int64(q, 0);
	f->patient_id = sqlite3_column_int64(q, 1);
	f->schedule_id = sqlite3_column_int64(q, 2);
	f->given_at = sqlite3_column_int64(q, 3);
	f->date = store_col_day(q, 4);
	plan_route_parse((const char *)sqlite3_column_text(q, 5), &f->route);
	f->cells = sqlite3_column_double(q, 6);
	store_col_text(q, 7, f->lot, sizeof f->lot);
	store_col_text(q, 8, f->given_by, sizeof f->given_by);
	store_col_text(q, 9, f->reaction, sizeof f->reaction);
	store_col_text(q, 10, f->note, sizeof f->note);
	f->version = sqlite3_column_int64(q, 11);
	f->lot_expiry = store_col_day(q, 12);
	store_col_text(q, 13, f->override_reason, sizeof f->override_reason);
	for (int i = 0; i < IOBS_COUNT; i++) {
		f->before.v[i] = store_col_real(q, INFUSION_OBS_COL0 + i);
		f->after.v[i] = store_col_real(q, INFUSION_OBS_COL0 + IOBS_COUNT + i);
	}
	store_col_text(q, 14, f->override_by, sizeof f->override_by);
}

/* The first (or last at or before a time) infusion of a patient. */
static enum status one_infusion(struct store *st, const char *sql, int64_t patient_id,
				int64_t before, struct infusion *out, bool *found, struct err *e)
{
	sqlite3_stmt *q = store_stmt(st, sql, e);
	*found = false;
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, patient_id);
	sqlite3_bind_int64(q, 2, before);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		store_infusion_read(q, out);
		*found = true;
	}
	sqlite3_reset(q);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
						     : store_fail(st, e, "reading infusions");
}

enum status store_infusion_first(struct store *st, int64_t patient_id, struct infusion *out,
				 bool *found, struct err *e)
{
	static const char sql[] = "SELECT " INFUSION_COLS " FROM infusions WHERE patient_id = ?1 "
				  "AND given_at <= ?2 ORDER BY given_at, id LIMIT 1";
	enum status s = store_may(st, PERM_READ, e);
	*found = false;
	return s == ST_OK ? one_infusion(st, sql, patient_id, INT64_MAX, out, found, e) : s;
}

enum status store_infusion_before(struct store *st, int64_t patient_id, int64_t t,
				  struct infusion *out, bool *found, struct err *e)
{
	static const char sql[] = "SELECT " INFUSION_COLS " FROM infusions WHERE patient_id = ?1 "
				  "AND given_at <= ?2 ORDER BY given_at DESC, id DESC LIMIT 1";
	return one_infusion(st, sql, patient_id, t, out, found, e);
}
