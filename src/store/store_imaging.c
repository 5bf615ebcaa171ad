/* store_imaging.c: imaging notes. */
#include "store_dates.h"
#include "store_int.h"
#include "store_longterm.h"

#include <string.h>

void store_bind_finding(sqlite3_stmt *s, int i, enum finding f)
{
	if (f == FIND_NA)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_int(s, i, f == FIND_YES);
}

static enum finding col_finding(sqlite3_stmt *s, int i)
{
	if (sqlite3_column_type(s, i) == SQLITE_NULL)
		return FIND_NA;
	return sqlite3_column_int(s, i) ? FIND_YES : FIND_NO;
}

enum status store_imaging_insert(struct store *st, struct imaging_note *n, struct err *e)
{
	static const char sql[] =
	    "INSERT INTO imaging (patient_id, date, modality, note, stiffness_kpa, iqr_kpa, "
	    "fibrosis_stage, hcc, thrombosis, ascites, created, lirads, lesion_mm) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, n->patient_id);
	store_bind_day(q, 2, n->date);
	sqlite3_bind_text(q, 3, modality_str(n->modality), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, n->note, -1, SQLITE_TRANSIENT);
	store_bind_real(q, 5, n->stiffness_kpa);
	store_bind_real(q, 6, n->iqr_kpa);
	if (n->fibrosis_stage >= 0)
		sqlite3_bind_int(q, 7, n->fibrosis_stage);
	store_bind_finding(q, 8, n->hcc);
	store_bind_finding(q, 9, n->thrombosis);
	store_bind_finding(q, 10, n->ascites);
	sqlite3_bind_int64(q, 11, st->now);
	if (n->lirads != LIRADS_NONE)
		sqlite3_bind_text(q, 12, lirads_str(n->lirads), -1, SQLITE_STATIC);
	store_bind_real(q, 13, n->lesion_mm);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "saving an imaging note");
	n->id = sqlite3_last_insert_rowid(st->db);
	n->version = 1;
	/* An ultrasound, CT or MRI that looked for HCC is surveillance done. */
	return store_lt_imaging(st, n, e);
}

enum status store_imaging_add(struct store *st, struct imaging_note *n, struct err *e)
{
	enum status s = store_may(st, PERM_RECORD, e);
	/* One day of slack: the clinic's day may run ahead of UTC. */
	if (s == ST_OK)
		s = imaging_validate(n, date_from_time(st->now, 0) + 1, e);
	if (s == ST_OK)
		s = store_date_plausible(st, n->patient_id, "date", n->date, DATE_RECORD, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	s = store_imaging_insert(st, n, e);
	if (s != ST_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, e);
}

void store_imaging_read(sqlite3_stmt *q, struct imaging_note *m)
{
	imaging_init(m);
	m->id = sqlite3_column_int64(q, 0);
	m->patient_id = sqlite3_column_int64(q, 1);
	m->date = store_col_day(q, 2);
	modality_parse((const char *)sqlite3_column_text(q, 3), &m->modality);
	store_col_text(q, 4, m->note, sizeof m->note);
	m->stiffness_kpa = store_col_real(q, 5);
	m->iqr_kpa = store_col_real(q, 6);
	m->fibrosis_stage =
	    sqlite3_column_type(q, 7) == SQLITE_NULL ? -1 : sqlite3_column_int(q, 7);
	m->hcc = col_finding(q, 8);
	m->thrombosis = col_finding(q, 9);
	m->ascites = col_finding(q, 10);
	m->version = sqlite3_column_int64(q, 11);
	lirads_parse((const char *)sqlite3_column_text(q, 12), &m->lirads);
	m->lesion_mm = store_col_real(q, 13);
}

static void imaging_row(sqlite3_stmt *q, void *row)
{
	store_imaging_read(q, row);
}

enum status store_imaging_list(struct store *st, int64_t patient_id, struct imaging_note *out,
			       int max, int *n, struct err *e)
{
	static const char sql[] =
	    "SELECT " STORE_IMAGING_COLS " FROM imaging WHERE patient_id = ? AND voided_at IS NULL "
	    "ORDER BY date DESC, id DESC LIMIT ?";
	return store_patient_rows(st, sql, patient_id, out, sizeof *out, max, n, imaging_row,
				  "reading imaging notes", e);
}
