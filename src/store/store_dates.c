/* store_dates.c: the patient's birth and plan for date plausibility. */
#include "store_int.h"

#include "store_dates.h"

/* The patient's birth and the first day of the active plan (DAY_NONE when
 * there is none). */
static enum status limits(struct store *st, int64_t patient_id, day_t *birth, day_t *plan,
			  struct err *e)
{
	/* The plan's day: the earliest of the day it was made and the first day
	 * its schedule opens (a plan may be entered after its first infusion).
	 * The schedule is read by its patient (schedule_patient): joined only
	 * through the plan, SQLite scanned every patient's schedule on every
	 * write checked here. */
	static const char sql[] =
	    "SELECT p.dob, (SELECT min(d) FROM ("
	    "SELECT date(l.created, 'unixepoch') AS d FROM plans l "
	    "WHERE l.patient_id = p.id AND l.status = 'active' UNION ALL "
	    "SELECT date(s.target_date, '-' || s.window_before || ' days') FROM schedule s "
	    "JOIN plans l ON l.id = s.plan_id WHERE s.patient_id = p.id AND l.patient_id = p.id "
	    "AND l.status = 'active')) "
	    "FROM patients p WHERE p.id = ?";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, patient_id);
	int rc = sqlite3_step(q);
	*birth = *plan = DAY_NONE;
	if (rc == SQLITE_ROW) {
		*birth = store_col_day(q, 0);
		*plan = store_col_day(q, 1);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, e, "reading the patient");
	return ST_OK;
}

enum status store_date_plausible(struct store *st, int64_t patient_id, const char *field, day_t d,
				 enum date_kind kind, struct err *e)
{
	day_t birth, plan;
	enum status s = limits(st, patient_id, &birth, &plan, e);
	if (s != ST_OK || d == DAY_NONE)
		return s;
	/* One day of slack: the clinic's day may run ahead of UTC. */
	day_t today = date_from_time(st->now, 0) + 1;
	day_t hi = kind == DATE_SCHEDULE ? DAY_NONE : today;
	const char *hi_what = "today";
	if (kind != DATE_RECORD && plan != DAY_NONE && plan > birth)
		return date_check_range(field, d, plan, "the treatment plan opens", hi, hi_what, e);
	return date_check_range(field, d, birth, "the patient's birth", hi, hi_what, e);
}
