/* uc_lab.c: lab entry with unit sense across the patient's history. */
#include "uc_lab.h"

#include <stdlib.h>

#include "store_fix.h"
#include "unitsense.h"
#include "util.h"

/* Unit sense for one row; the previous result is the latest stored on or
 * before its day, or an earlier row of the same analyte in this entry. */
static enum status sense_one(struct store *st, const struct unitsense_opts *o,
			     const struct lab_result *rows, int i, struct lab_latest *latest,
			     struct err *e)
{
	const struct lab_result *r = &rows[i];
	const struct lab_result *prev = NULL;
	for (int k = 0; k < i; k++)
		if (rows[k].analyte == r->analyte && rows[k].date <= r->date &&
		    (!prev || rows[k].date >= prev->date))
			prev = &rows[k];
	if (!prev) {
		enum status s = store_lab_latest(st, r->patient_id, r->date, latest, e);
		if (s != ST_OK)
			return s;
		if (latest->have[r->analyte])
			prev = &latest->r[r->analyte];
	}
	return unitsense_check(r, prev, o, e);
}

enum status uc_lab_sense(struct store *st, const struct config *cfg, const struct lab_result *rows,
			 int n, struct err *e)
{
	struct unitsense_opts o;
	struct lab_latest *latest = xmalloc(sizeof *latest);
	enum status s = ST_OK;
	unitsense_opts_of(cfg, &o);
	for (int i = 0; i < n && s == ST_OK; i++)
		s = sense_one(st, &o, rows, i, latest, e);
	free(latest);
	return s;
}

enum status uc_lab_add(struct store *st, const struct config *cfg, struct lab_result *rows, int n,
		       bool confirmed, struct err *e)
{
	struct unitsense_opts o;
	struct lab_latest *latest = xmalloc(sizeof *latest);
	enum status s = ST_OK;
	unitsense_opts_of(cfg, &o);
	for (int i = 0; i < n && s == ST_OK; i++) {
		s = sense_one(st, &o, rows, i, latest, e);
		if (s == ST_CONFIRM && confirmed) {
			rows[i].confirmed = true;
			s = ST_OK;
		}
	}
	free(latest);
	return s == ST_OK ? store_lab_add(st, rows, n, e) : s;
}

enum status uc_lab_correct(struct store *st, const struct config *cfg, struct lab_result *r,
			   const char *reason, bool confirmed, struct err *e)
{
	struct unitsense_opts o;
	struct lab_result prev;
	bool found = false;
	unitsense_opts_of(cfg, &o);
	enum status s = store_lab_previous(st, r, &prev, &found, e);
	if (s == ST_OK)
		s = unitsense_check(r, found ? &prev : NULL, &o, e);
	if (s == ST_CONFIRM && confirmed) {
		r->confirmed = true;
		s = ST_OK;
	}
	return s == ST_OK ? store_lab_fix(st, r, reason, e) : s;
}
