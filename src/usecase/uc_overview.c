/* uc_overview.c: one patient's overview as of a day — latest labs and
 * imaging loaded from storage, scores computed by the model. */
#include "uc_overview.h"

#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store_eval.h"
#include "store_followup.h"
#include "uc_scores.h"
#include "util.h"

#define OVERVIEW_AES 64

/* The plan, the schedule and the adverse events, for the phone call. */
static enum status load_care(struct store *st, int64_t patient_id, struct overview_care *c,
			     struct err *e)
{
	enum status s = store_plan_current(st, patient_id, &c->plan, e);
	c->have_plan = s == ST_OK;
	if (s == ST_NOT_FOUND)
		s = ST_OK;
	struct schedule_item *items = xcalloc(PLAN_SCHEDULE_MAX, sizeof *items);
	struct ae *aes = xcalloc(OVERVIEW_AES, sizeof *aes);
	int n = 0, naes = 0;
	if (s == ST_OK)
		s = store_schedule_list(st, patient_id, items, PLAN_SCHEDULE_MAX, &n, e);
	if (s == ST_OK)
		s = store_ae_list(st, patient_id, aes, OVERVIEW_AES, &naes, e);
	if (s == ST_OK)
		overview_care_fill(c, items, n, aes, naes);
	free(items);
	free(aes);
	return s;
}

enum status uc_overview_load(struct store *st, int64_t patient_id, day_t today,
			     const struct config *cfg, struct overview *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	out->today = today;
	enum status s = store_patient_get(st, patient_id, &out->p, e);
	if (s == ST_OK)
		s = store_lab_latest(st, patient_id, today, &out->labs, e);
	if (s == ST_OK)
		s = store_imaging_list(st, patient_id, out->imaging, OVERVIEW_IMAGING,
				       &out->nimaging, e);
	if (s != ST_OK)
		return s;
	out->age = patient_age(&out->p, today);
	if ((s = load_care(st, patient_id, &out->care, e)) != ST_OK)
		return s;
	/* Stored values are within the hard limits, so a refusal by the score
	 * model means an out-of-domain setting; the basis then shows the scores
	 * as not computable. */
	return uc_scores_load(st, cfg, &out->p, &out->labs, today, &out->basis, e);
}
