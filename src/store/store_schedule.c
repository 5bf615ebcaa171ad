/* store_schedule.c: schedule rows — inserted with their plan, listed per
 * patient, rescheduled with a reason, closed when a visit is recorded. */
#include "store_dates.h"
#include "store_int.h"

#include <string.h>

#include "text.h"
#include "util.h"

#define SCHED_COLS                                                      \
	"id, patient_id, plan_id, kind, label, target_date, due_date, " \
	"window_before, window_after, reschedule_reason, state, version"

static enum sched_state parse_state(const char *s)
{
	for (int i = 0; i < 4; i++)
		if (s && strcmp(s, sched_state_str((enum sched_state)i)) == 0)
			return (enum sched_state)i;
	return SCHED_OPEN;
}

void store_schedule_read(sqlite3_stmt *s, int col, struct schedule_item *it)
{
	memset(it, 0, sizeof *it);
	it->id = sqlite3_column_int64(s, col + 0);
	it->patient_id = sqlite3_column_int64(s, col + 1);
	it->plan_id = sqlite3_column_int64(s, col + 2);
	const char *k = (const char *)sqlite3_column_text(s, col + 3);
	it->kind = k && strcmp(k, "infusion") == 0 ? SCHED_INFUSION : SCHED_VISIT;
	store_col_text(s, col + 4, it->label, sizeof it->label);
	it->target = store_col_day(s, col + 5);
	it->due = store_col_day(s, col + 6);
	it->window_before = sqlite3_column_int(s, col + 7);
	it->window_after = sqlite3_column_int(s, col + 8);
	store_col_text(s, col + 9, it->reason, sizeof it->reason);
	it->state = parse_state((const char *)sqlite3_column_text(s, col + 10));
	it->version = sqlite3_column_int64(s, col + 11);
}

enum status store_schedule_insert(struct store *st, struct schedule_item *it, struct err *e)
{
	static const char sql[] =
	    "INSERT INTO schedule (patient_id, plan_id, kind, label, target_date, due_date, "
	    "window_before, window_after, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, it->patient_id);
	sqlite3_bind_int64(q, 2, it->plan_id);
	sqlite3_bind_text(q, 3, sched_kind_str(it->kind), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, it->label, -1, SQLITE_TRANSIENT);
	store_bind_day(q, 5, it->target);
	store_bind_day(q, 6, it->target);
	sqlite3_bind_int(q, 7, it->window_before);
	sqlite3_bind_int(q, 8, it->window_after);
	sqlite3_bind_int64(q, 9, st->now);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "saving the schedule");
	it->id = sqlite3_last_insert_rowid(st->db);
	it->due = it->target;
	it->state = SCHED_OPEN;
	it->version = 1;
	return ST_OK;
}

enum status store_schedule_set_state(struct store *st, int64_t id, enum sched_state s,
				     struct err *e)
{
	static const char sql[] =
	    "UPDATE schedule SET state = ?, version = version + 1 WHERE id = ?";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, sched_state_str(s), -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, id);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "updating the schedule");
	if (sqlite3_changes(st->db) == 0)
		return err_set(e, ST_NOT_FOUND, "no scheduled item %lld", (long long)id);
	return ST_OK;
}

static void schedule_row(sqlite3_stmt *q, void *row)
{
	store_schedule_read(q, 0, row);
}

enum status store_schedule_list(struct store *st, int64_t patient_id, struct schedule_item *out,
				int max, int *n, struct err *e)
{
	static const char sql[] = "SELECT " SCHED_COLS " FROM schedule WHERE patient_id = ? "
				  "AND state <> 'cancelled' ORDER BY due_date, id LIMIT ?";
	return store_patient_rows(st, sql, patient_id, out, sizeof *out, max, n, schedule_row,
				  "reading the schedule", e);
}

/* The patient a schedule row belongs to. */
static enum status schedule_patient(struct store *st, int64_t id, int64_t *pid, struct err *e)
{
	static const char sql[] = "SELECT patient_id FROM schedule WHERE id = ?";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, id);
	int rc = sqlite3_step(q);
	*pid = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, e, "reading the schedule");
	return ST_OK;
}

enum status store_schedule_reschedule(struct store *st, int64_t id, int64_t version, day_t due,
				      const char *reason, struct err *e)
{
	static const char sql[] = "UPDATE schedule SET due_date = ?1, reschedule_reason = ?2, "
				  "version = version + 1 WHERE id = ?3 AND version = ?4 "
				  "AND state = 'open'";
	int64_t pid = 0;
	enum status s = store_may(st, PERM_RECORD, e);
	if (s != ST_OK)
		return s;
	if (!reason || !*reason || strlen(reason) > SCHEDULE_REASON_MAX)
		return err_set(e, ST_INVALID, "reason: say why the visit moves (1-%d characters)",
			       SCHEDULE_REASON_MAX);
	if (!text_is_clean(reason, false))
		return err_set(e, ST_INVALID,
			       "reason: control, escape, bidi and invisible format characters are "
			       "not accepted");
	if ((s = schedule_patient(st, id, &pid, e)) != ST_OK ||
	    (s = store_date_plausible(st, pid, "date", due, DATE_SCHEDULE, e)) != ST_OK)
		return s;
	if ((s = store_begin(st, e)) != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (q) {
		store_bind_day(q, 1, due);
		sqlite3_bind_text(q, 2, reason, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(q, 3, id);
		sqlite3_bind_int64(q, 4, version);
	}
	if (!q || sqlite3_step(q) != SQLITE_DONE) {
		s = q ? store_fail(st, e, "rescheduling") : ST_IO;
		store_rollback(st);
		return s;
	}
	if (sqlite3_changes(st->db) == 0) {
		store_rollback(st);
		return err_set(e, ST_CONFLICT,
			       "the visit was changed or closed by someone else; reload it");
	}
	return store_commit(st, e);
}
