/* store_exam.c: examination findings, and the newest finding of each kind
 * from every record that holds one. */
#include "store_dates.h"
#include "store_int.h"

#include <math.h>
#include <string.h>

#include "store_exam.h"

static void bind_grade(sqlite3_stmt *q, int i, int g)
{
	if (g == EXAM_UNGRADED)
		sqlite3_bind_null(q, i);
	else
		sqlite3_bind_int(q, i, g);
}

static int col_grade(sqlite3_stmt *q, int i)
{
	return sqlite3_column_type(q, i) == SQLITE_NULL ? EXAM_UNGRADED : sqlite3_column_int(q, i);
}

/* The weight of an examination becomes the patient's weight unless a newer
 * one is recorded. */
static enum status weight_to_patient(struct store *st, const struct exam *x, struct err *e)
{
	static const char sql[] =
	    "UPDATE patients SET weight_kg = ?1, weight_date = ?2, version = version + 1, "
	    "updated = ?3 WHERE id = ?4 AND (weight_date IS NULL OR weight_date <= ?2)";
	if (isnan(x->weight_kg))
		return ST_OK;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	store_bind_real(q, 1, x->weight_kg);
	store_bind_day(q, 2, x->date);
	sqlite3_bind_int64(q, 3, st->now);
	sqlite3_bind_int64(q, 4, x->patient_id);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "saving the weight of an examination");
	return ST_OK;
}

static enum status insert(struct store *st, struct exam *x, struct err *e)
{
	static const char sql[] =
	    "INSERT INTO exams (patient_id, date, ascites_grade, he_grade, dialysis, weight_kg, "
	    "dry_weight_kg, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, x->patient_id);
	store_bind_day(q, 2, x->date);
	bind_grade(q, 3, x->ascites);
	bind_grade(q, 4, x->he);
	bind_grade(q, 5, x->dialysis);
	store_bind_real(q, 6, x->weight_kg);
	store_bind_real(q, 7, x->dry_weight_kg);
	sqlite3_bind_int64(q, 8, st->now);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "saving an examination");
	x->id = sqlite3_last_insert_rowid(st->db);
	x->version = 1;
	x->created = st->now;
	return ST_OK;
}

enum status store_exam_add(struct store *st, struct exam *x, struct err *e)
{
	enum status s = store_may(st, PERM_RECORD, e);
	/* One day of slack: the clinic's day may run ahead of UTC. */
	if (s == ST_OK)
		s = exam_validate(x, date_from_time(st->now, 0) + 1, true, e);
	if (s == ST_OK)
		s = store_date_plausible(st, x->patient_id, "date", x->date, DATE_RECORD, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	s = insert(st, x, e);
	if (s == ST_OK)
		s = weight_to_patient(st, x, e);
	if (s != ST_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, e);
}

static void exam_row(sqlite3_stmt *q, void *row)
{
	struct exam *x = row;
	exam_init(x);
	x->id = sqlite3_column_int64(q, 0);
	x->patient_id = sqlite3_column_int64(q, 1);
	x->date = store_col_day(q, 2);
	x->ascites = col_grade(q, 3);
	x->he = col_grade(q, 4);
	x->dialysis = col_grade(q, 5);
	x->weight_kg = store_col_real(q, 6);
	x->dry_weight_kg = store_col_real(q, 7);
	x->version = sqlite3_column_int64(q, 8);
	x->created = sqlite3_column_int64(q, 9);
}

enum status store_exam_list(struct store *st, int64_t patient_id, struct exam *out, int max, int *n,
			    struct err *e)
{
	static const char sql[] =
	    "SELECT id, patient_id, date, ascites_grade, he_grade, dialysis, weight_kg, "
	    "dry_weight_kg, version, created FROM exams WHERE patient_id = ?1 "
	    "ORDER BY date DESC, id DESC LIMIT ?2";
	return store_patient_rows(st, sql, patient_id, out, sizeof *out, max, n, exam_row,
				  "reading examinations", e);
}

/* The newest (date, value, source) row of a finding query bound with ?1 the
 * patient and ?2 the day; the source column k is enum finding_source, and the
 * query orders by date DESC, k ASC. */
static enum status pick(struct store *st, const char *sql, int64_t pid, day_t on,
			struct finding_pick *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	out->date = DAY_NONE;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, pid);
	store_bind_day(q, 2, on);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		out->date = store_col_day(q, 0);
		out->value = sqlite3_column_int(q, 1);
		out->source = (enum finding_source)sqlite3_column_int(q, 2);
		/* A grade below 0: seen, not graded (imaging that found ascites). */
		out->have = out->value >= 0;
		out->ungraded = out->value < 0;
		rc = SQLITE_DONE;
	}
	return store_rows_end(st, q, rc, "reading examination findings", e);
}

enum status store_exam_findings(struct store *st, int64_t patient_id, day_t on,
				struct exam_findings *out, struct err *e)
{
	/* Imaging grades nothing but "no ascites" (grade 0); imaging that found
	 * ascites is -1, seen but not graded, so that no older grade is taken
	 * for it. The checklist's encephalopathy answer is "no" for grade 0 or
	 * "yes" with its grade. */
	static const char asc[] =
	    "SELECT date, ascites_grade, 1 AS k, id FROM exams WHERE patient_id = ?1 AND date <= "
	    "?2 "
	    "AND ascites_grade IS NOT NULL UNION ALL "
	    "SELECT date, ascites_grade, 2, id FROM visits WHERE patient_id = ?1 AND date <= ?2 "
	    "AND state = 'done' AND ascites_grade IS NOT NULL UNION ALL "
	    "SELECT date, CASE ascites WHEN 0 THEN 0 ELSE -1 END, 3, id FROM imaging WHERE "
	    "patient_id = ?1 AND date <= ?2 AND ascites IN (0, 1) AND voided_at IS NULL "
	    "ORDER BY 1 DESC, 3 ASC, 4 DESC LIMIT 1";
	static const char he[] =
	    "SELECT date, he_grade, 1 AS k, id FROM exams WHERE patient_id = ?1 AND date <= ?2 "
	    "AND he_grade IS NOT NULL UNION ALL "
	    "SELECT date, he_grade, 2, id FROM visits WHERE patient_id = ?1 AND date <= ?2 "
	    "AND state = 'done' AND he_grade IS NOT NULL UNION ALL "
	    "SELECT answered_on, CASE answer WHEN 'no' THEN 0 ELSE CAST(value AS INTEGER) END, 4, "
	    "id "
	    "FROM answers WHERE patient_id = ?1 AND answered_on <= ?2 AND item = 'encephalopathy' "
	    "AND (answer = 'no' OR value IN ('1', '2', '3', '4')) "
	    "ORDER BY 1 DESC, 3 ASC, 4 DESC LIMIT 1";
	static const char dial[] =
	    "SELECT date, dialysis, 1 FROM exams WHERE patient_id = ?1 AND date <= ?2 "
	    "AND dialysis IS NOT NULL ORDER BY date DESC, id DESC LIMIT 1";
	enum status s = store_may(st, PERM_READ, e);
	if (s == ST_OK)
		s = pick(st, asc, patient_id, on, &out->ascites, e);
	if (s == ST_OK)
		s = pick(st, he, patient_id, on, &out->he, e);
	if (s == ST_OK)
		s = pick(st, dial, patient_id, on, &out->dialysis, e);
	return s;
}

enum status store_exam_dialysis_series(struct store *st, int64_t patient_id, struct dash_point *out,
				       int max, int *n, struct err *e)
{
	static const char sql[] =
	    "SELECT date, dialysis, created FROM exams WHERE patient_id = ?1 AND dialysis IS NOT "
	    "NULL ORDER BY date DESC, id DESC LIMIT ?2";
	enum status s = store_may(st, PERM_READ, e);
	*n = 0;
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, patient_id);
	sqlite3_bind_int(q, 2, max);
	int rc = SQLITE_DONE;
	while (*n < max && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		out[*n] = (struct dash_point){store_col_day(q, 0), sqlite3_column_int(q, 1),
					      sqlite3_column_int64(q, 2), false};
		(*n)++;
	}
	if (*n == max)
		rc = SQLITE_DONE;
	s = store_rows_end(st, q, rc, "reading the dialysis series", e);
	for (int i = 0, j = *n - 1; i < j; i++, j--) {
		struct dash_point t = out[i];
		out[i] = out[j];
		out[j] = t;
	}
	return s;
}
