/* store_med.c: concomitant medications — added, stopped, corrected,
 * voided, read and listed per patient. */
#include "store_dates.h"
#include "store_int.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "store_med.h"
#include "text.h"
#include "util.h"

#define MED_COLS                                                                         \
	"id, patient_id, name, coalesce(atc, ''), class, dose, unit, route, frequency, " \
	"start, stop, indication, created_by, coalesce(reason, ''), voided, version"

static void read_med(sqlite3_stmt *q, void *row)
{
	struct med *m = row;
	char b[32];
	med_init(m);
	m->id = sqlite3_column_int64(q, 0);
	m->patient_id = sqlite3_column_int64(q, 1);
	store_col_text(q, 2, m->name, sizeof m->name);
	store_col_text(q, 3, m->atc, sizeof m->atc);
	store_col_text(q, 4, b, sizeof b);
	(void)med_class_parse(b, &m->cls);
	m->dose = store_col_real(q, 5);
	store_col_text(q, 6, b, sizeof b);
	(void)med_unit_parse(b, &m->unit);
	store_col_text(q, 7, b, sizeof b);
	(void)med_route_parse(b, &m->route);
	store_col_text(q, 8, b, sizeof b);
	(void)med_freq_parse(b, &m->freq);
	m->start = store_col_day(q, 9);
	m->stop = store_col_day(q, 10);
	store_col_text(q, 11, m->indication, sizeof m->indication);
	store_col_text(q, 12, m->created_by, sizeof m->created_by);
	store_col_text(q, 13, m->reason, sizeof m->reason);
	m->voided = sqlite3_column_int(q, 14) != 0;
	m->version = sqlite3_column_int64(q, 15);
}

/* ?2 name .. ?11 indication. */
static void bind_fields(sqlite3_stmt *q, const void *rec)
{
	const struct med *m = rec;
	sqlite3_bind_text(q, 2, m->name, -1, SQLITE_TRANSIENT);
	store_bind_text(q, 3, *m->atc ? m->atc : NULL);
	sqlite3_bind_text(q, 4, med_class_str(m->cls), -1, SQLITE_STATIC);
	store_bind_real(q, 5, m->dose);
	sqlite3_bind_text(q, 6, med_unit_str(m->unit), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 7, med_route_str(m->route), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 8, med_freq_str(m->freq), -1, SQLITE_STATIC);
	store_bind_day(q, 9, m->start);
	store_bind_day(q, 10, m->stop);
	sqlite3_bind_text(q, 11, m->indication, -1, SQLITE_TRANSIENT);
}

static enum status checks(struct store *st, const struct med *m, struct err *e)
{
	enum status s = store_may(st, PERM_RECORD, e);
	/* One day of slack: the clinic's day may run ahead of UTC. */
	if (s == ST_OK &&
	    (s = med_validate(m, date_from_time(st->now, 0) + 1, true, e)) == ST_CONFIRM)
		s = ST_OK;
	if (s == ST_OK)
		s = store_date_plausible(st, m->patient_id, "start", m->start, DATE_RECORD, e);
	return s;
}

enum status store_med_add(struct store *st, struct med *m, struct err *e)
{
	static const char sql[] =
	    "INSERT INTO medications (patient_id, name, atc, class, dose, unit, route, frequency, "
	    "start, stop, indication, created, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
	    "?9, ?10, ?11, ?12, ?13)";
	enum status s = checks(st, m, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return store_finish(st, ST_IO, e);
	sqlite3_bind_int64(q, 1, m->patient_id);
	bind_fields(q, m);
	sqlite3_bind_int64(q, 12, st->now);
	sqlite3_bind_text(q, 13, st->actor.login, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_finish(st, store_fail(st, e, "saving a medication"), e);
	m->id = sqlite3_last_insert_rowid(st->db);
	m->version = 1;
	strlcpy_(m->created_by, st->actor.login, sizeof m->created_by);
	return store_finish(st, ST_OK, e);
}

#define M_(m) offsetof(struct med, m)
static const struct store_rec medication = {
    .noun = "medication",
    .get_sql = "SELECT " MED_COLS " FROM medications WHERE id = ?2 AND patient_id = ?1",
    .void_sql =
	"UPDATE medications SET voided = 1, reason = ?2, version = version + 1 WHERE id = ?1",
    .fill = read_med,
    .size = sizeof(struct med),
    .id_off = M_(id),
    .patient_off = M_(patient_id),
    .version_off = M_(version),
    .voided_off = M_(voided),
    .reason_off = M_(reason),
    .reason_size = sizeof(((struct med *)0)->reason),
};
#undef M_

enum status store_med_get(struct store *st, int64_t patient_id, int64_t id, struct med *out,
			  struct err *e)
{
	enum status s = store_may(st, PERM_READ, e);
	return s == ST_OK ? store_rec_get(st, &medication, patient_id, id, out, e) : s;
}

enum status store_med_list(struct store *st, int64_t patient_id, struct med *out, int max, int *n,
			   struct err *e)
{
	static const char sql[] = "SELECT " MED_COLS " FROM medications WHERE patient_id = ?1 "
				  "ORDER BY start, id LIMIT ?2";
	return store_patient_rows(st, sql, patient_id, out, sizeof *out, max, n, read_med,
				  "reading medications", e);
}

static enum status check_reason(const char *reason, bool need, struct err *e)
{
	if ((need && (!reason || !*reason)) || (reason && strlen(reason) > MED_REASON_MAX) ||
	    (reason && !text_is_clean(reason, false)))
		return err_set(e, ST_INVALID, "reason: %s%d characters of one-line text",
			       need ? "1-" : "at most ", MED_REASON_MAX);
	return ST_OK;
}

enum status store_med_update(struct store *st, struct med *m, const char *reason, bool need_reason,
			     struct err *e)
{
	static const char sql[] =
	    "UPDATE medications SET name = ?2, atc = ?3, class = ?4, dose = ?5, unit = ?6, "
	    "route = ?7, frequency = ?8, start = ?9, stop = ?10, indication = ?11, "
	    "reason = coalesce(?12, reason), version = version + 1 WHERE id = ?1";
	enum status s = checks(st, m, e);
	if (s == ST_OK)
		s = check_reason(reason, need_reason, e);
	return s == ST_OK ? store_rec_update(st, &medication, sql, m, bind_fields, 12, reason,
					     "updating a medication", e)
			  : s;
}

enum status store_med_void(struct store *st, struct med *m, const char *reason, struct err *e)
{
	enum status s = store_may(st, PERM_RECORD, e);
	if (s == ST_OK)
		s = check_reason(reason, true, e);
	return s == ST_OK ? store_rec_void(st, &medication, m, reason, e) : s;
}
