/* store_histology.c: biopsy histology — added, corrected, voided, read and
 * listed per patient. */
#include "store_dates.h"
#include "store_int.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "store_histology.h"
#include "text.h"
#include "util.h"

#define HISTO_COLS                                                                          \
	"id, patient_id, date, site, metavir, ishak, grade, cpa, ki67, ck19, pathologist, " \
	"note, created_by, coalesce(reason, ''), voided, version"

static void read_histology(sqlite3_stmt *q, void *row)
{
	struct histology *h = row;
	histology_init(h);
	h->id = sqlite3_column_int64(q, 0);
	h->patient_id = sqlite3_column_int64(q, 1);
	h->date = store_col_day(q, 2);
	store_col_text(q, 3, h->site, sizeof h->site);
	for (int i = 0; i < HISTO_COUNT; i++)
		h->v[i] = store_col_real(q, 4 + i);
	store_col_text(q, 10, h->pathologist, sizeof h->pathologist);
	store_col_text(q, 11, h->note, sizeof h->note);
	store_col_text(q, 12, h->created_by, sizeof h->created_by);
	store_col_text(q, 13, h->reason, sizeof h->reason);
	h->voided = sqlite3_column_int(q, 14) != 0;
	h->version = sqlite3_column_int64(q, 15);
}

/* ?2 date .. ?11 note. Stages are whole numbers (the columns are INTEGER). */
static void bind_fields(sqlite3_stmt *q, const void *rec)
{
	const struct histology *h = rec;
	store_bind_day(q, 2, h->date);
	sqlite3_bind_text(q, 3, h->site, -1, SQLITE_TRANSIENT);
	for (int i = 0; i < HISTO_COUNT; i++) {
		if (isnan(h->v[i]))
			sqlite3_bind_null(q, 4 + i);
		else if (!*histo_measure((enum histo_measure)i)->unit)
			sqlite3_bind_int(q, 4 + i, (int)h->v[i]);
		else
			sqlite3_bind_double(q, 4 + i, h->v[i]);
	}
	sqlite3_bind_text(q, 10, h->pathologist, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 11, h->note, -1, SQLITE_TRANSIENT);
}

static enum status checks(struct store *st, const struct histology *h, struct err *e)
{
	enum status s = store_may(st, PERM_RECORD, e);
	/* One day of slack: the clinic's day may run ahead of UTC. */
	if (s == ST_OK &&
	    (s = histology_validate(h, date_from_time(st->now, 0) + 1, true, e)) == ST_CONFIRM)
		s = ST_OK;
	if (s == ST_OK)
		s = store_date_plausible(st, h->patient_id, "date", h->date, DATE_RECORD, e);
	return s;
}

enum status store_histology_add(struct store *st, struct histology *h, struct err *e)
{
	static const char sql[] =
	    "INSERT INTO histology (patient_id, date, site, metavir, ishak, grade, cpa, ki67, "
	    "ck19, pathologist, note, created, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
	    "?9, ?10, ?11, ?12, ?13)";
	enum status s = checks(st, h, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return store_finish(st, ST_IO, e);
	sqlite3_bind_int64(q, 1, h->patient_id);
	bind_fields(q, h);
	sqlite3_bind_int64(q, 12, st->now);
	sqlite3_bind_text(q, 13, st->actor.login, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_finish(st, store_fail(st, e, "saving a biopsy"), e);
	h->id = sqlite3_last_insert_rowid(st->db);
	h->version = 1;
	strlcpy_(h->created_by, st->actor.login, sizeof h->created_by);
	return store_finish(st, ST_OK, e);
}

#define H_(m) offsetof(struct histology, m)
static const struct store_rec biopsy = {
    .noun = "biopsy",
    .get_sql = "SELECT " HISTO_COLS " FROM histology WHERE id = ?2 AND patient_id = ?1",
    .void_sql = "UPDATE histology SET voided = 1, reason = ?2, version = version + 1 WHERE id = ?1",
    .fill = read_histology,
    .size = sizeof(struct histology),
    .id_off = H_(id),
    .patient_off = H_(patient_id),
    .version_off = H_(version),
    .voided_off = H_(voided),
    .reason_off = H_(reason),
    .reason_size = sizeof(((struct histology *)0)->reason),
};
#undef H_

enum status store_histology_get(struct store *st, int64_t patient_id, int64_t id,
				struct histology *out, struct err *e)
{
	enum status s = store_may(st, PERM_READ, e);
	return s == ST_OK ? store_rec_get(st, &biopsy, patient_id, id, out, e) : s;
}

enum status store_histology_list(struct store *st, int64_t patient_id, struct histology *out,
				 int max, int *n, struct err *e)
{
	static const char sql[] = "SELECT " HISTO_COLS " FROM histology WHERE patient_id = ?1 "
				  "ORDER BY date, id LIMIT ?2";
	return store_patient_rows(st, sql, patient_id, out, sizeof *out, max, n, read_histology,
				  "reading biopsies", e);
}

static enum status check_reason(const char *reason, struct err *e)
{
	if (!reason || !*reason || strlen(reason) > HISTO_REASON_MAX ||
	    !text_is_clean(reason, false))
		return err_set(e, ST_INVALID, "reason: 1-%d characters of one-line text",
			       HISTO_REASON_MAX);
	return ST_OK;
}

enum status store_histology_correct(struct store *st, struct histology *h, const char *reason,
				    struct err *e)
{
	static const char sql[] =
	    "UPDATE histology SET date = ?2, site = ?3, metavir = ?4, ishak = ?5, grade = ?6, "
	    "cpa = ?7, ki67 = ?8, ck19 = ?9, pathologist = ?10, note = ?11, reason = ?12, "
	    "version = version + 1 WHERE id = ?1";
	enum status s = checks(st, h, e);
	if (s == ST_OK)
		s = check_reason(reason, e);
	return s == ST_OK ? store_rec_update(st, &biopsy, sql, h, bind_fields, 12, reason,
					     "correcting a biopsy", e)
			  : s;
}

enum status store_histology_void(struct store *st, struct histology *h, const char *reason,
				 struct err *e)
{
	enum status s = store_may(st, PERM_RECORD, e);
	if (s == ST_OK)
		s = check_reason(reason, e);
	return s == ST_OK ? store_rec_void(st, &biopsy, h, reason, e) : s;
}
