/* exam.c: examination findings — their checks, and picking the newest. */
#include "exam.h"

#include <math.h>
#include <string.h>

#include "vital.h"

void exam_init(struct exam *x)
{
	memset(x, 0, sizeof *x);
	x->date = DAY_NONE;
	x->ascites = x->he = x->dialysis = EXAM_UNGRADED;
	x->weight_kg = x->dry_weight_kg = NAN;
}

static enum status check_grade(enum vital_id id, int g, struct err *e)
{
	return g == EXAM_UNGRADED ? ST_OK : vital_check(id, g, true, e);
}

static enum status check_weight(enum vital_id id, double w, bool confirmed, struct err *e)
{
	return isnan(w) ? ST_OK : vital_check(id, w, confirmed, e);
}

enum status exam_validate(const struct exam *x, day_t today, bool confirmed, struct err *e)
{
	char d[16];
	if (x->date == DAY_NONE || x->date > today)
		return err_set(e, ST_INVALID,
			       "examination date: %s is not accepted; accepted up to "
			       "today, %s",
			       x->date == DAY_NONE ? "none" : date_format(x->date, d),
			       date_format(today, (char[16]){0}));
	if (x->ascites == EXAM_UNGRADED && x->he == EXAM_UNGRADED && x->dialysis == EXAM_UNGRADED &&
	    isnan(x->weight_kg) && isnan(x->dry_weight_kg))
		return err_set(e, ST_INVALID,
			       "examination: no finding given; record at least one of ascites, "
			       "encephalopathy, dialysis, weight");
	if (x->dialysis != EXAM_UNGRADED && x->dialysis != 0 && x->dialysis != 1)
		return err_set(e, ST_INVALID, "dialysis: %d is not accepted; accepted yes or no",
			       x->dialysis);
	enum status s = check_grade(VITAL_ASCITES, x->ascites, e);
	if (s == ST_OK)
		s = check_grade(VITAL_ENCEPHALOPATHY, x->he, e);
	if (s == ST_OK && !isnan(x->dry_weight_kg) && x->ascites != 3)
		return err_set(e, ST_INVALID,
			       "dry weight: %g kg given without tense ascites; accepted only with "
			       "ascites ICA grade 3",
			       x->dry_weight_kg);
	if (s == ST_OK && !isnan(x->dry_weight_kg) && !isnan(x->weight_kg) &&
	    x->dry_weight_kg > x->weight_kg)
		return err_set(e, ST_INVALID,
			       "dry weight: %g kg is above the weight %g kg; accepted at most the "
			       "weight",
			       x->dry_weight_kg, x->weight_kg);
	/* Hard limits before warnings, so an impossible value is never merely
	 * "confirmed". */
	if (s == ST_OK)
		s = check_weight(VITAL_WEIGHT, x->weight_kg, true, e);
	if (s == ST_OK)
		s = check_weight(VITAL_DRY_WEIGHT, x->dry_weight_kg, true, e);
	if (s == ST_OK)
		s = check_weight(VITAL_WEIGHT, x->weight_kg, confirmed, e);
	if (s == ST_OK)
		s = check_weight(VITAL_DRY_WEIGHT, x->dry_weight_kg, confirmed, e);
	return s;
}

const char *exam_dialysis_text(int i)
{
	static const char *const text[] = {"no", "yes (>= 2 sessions or 24 h CVVHD in 7 days)"};
	return i >= 0 && i < 2 ? text[i] : NULL;
}

enum status exam_parse_dialysis(const char *text, int *out, struct err *e)
{
	if (text && strcmp(text, "yes") == 0)
		*out = 1;
	else if (text && strcmp(text, "no") == 0)
		*out = 0;
	else
		return err_set(e, ST_INVALID,
			       "dialysis: '%.20s' is not accepted; accepted yes (at least 2 "
			       "sessions or 24 h of CVVHD in the 7 days before) or no",
			       text ? text : "");
	return ST_OK;
}

const char *finding_source_str(enum finding_source s)
{
	static const char *const names[] = {"", "examination", "visit", "imaging",
					    "checklist answer"};
	return (unsigned)s <= FSRC_ANSWER ? names[s] : "";
}

void finding_pick_newer(struct finding_pick *best, const struct finding_pick *cand)
{
	if (!cand->have)
		return;
	if (!best->have || cand->date > best->date ||
	    (cand->date == best->date && cand->source < best->source))
		*best = *cand;
}
