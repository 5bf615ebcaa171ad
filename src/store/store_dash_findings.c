/* store_dash_findings.c: the weight series of the patient dashboard, from
 * examinations, visits and the patient's current weight; one bounded,
 * indexed read. */
#include "store_int.h"

#include "store_dash_findings.h"

enum status store_dash_weight(struct store *st, int64_t patient_id, struct dash_point *out, int max,
			      int *n, struct err *e)
{
	/* Newest first; on one day an examination (p 1) counts over a visit
	 * (2) over the patient's record (3): the series is reversed, so the
	 * last of a day is the first read here. */
	static const char sql[] =
	    "SELECT date, w, created, k FROM (SELECT date, weight_kg AS w, created, 0 AS k, 1 AS "
	    "p, "
	    "id FROM exams WHERE patient_id = ?1 AND weight_kg IS NOT NULL "
	    "UNION ALL SELECT date, weight_kg, created, 1, 2, id FROM visits WHERE patient_id = ?1 "
	    "AND state = 'done' AND weight_kg IS NOT NULL "
	    "UNION ALL SELECT weight_date, weight_kg, updated, 0, 3, id FROM patients WHERE id = "
	    "?1 "
	    "AND weight_kg IS NOT NULL AND weight_date IS NOT NULL) "
	    "ORDER BY date DESC, p ASC, id DESC LIMIT ?2";
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
		out[*n] =
		    (struct dash_point){store_col_day(q, 0), sqlite3_column_double(q, 1),
					sqlite3_column_int64(q, 2), sqlite3_column_int(q, 3) != 0};
		if (out[*n].date != DAY_NONE)
			(*n)++;
	}
	if (*n == max)
		rc = SQLITE_DONE;
	s = store_rows_end(st, q, rc, "reading the weight series", e);
	for (int i = 0, j = *n - 1; i < j; i++, j--) {
		struct dash_point t = out[i];
		out[i] = out[j];
		out[j] = t;
	}
	return s;
}
