/* uc_overview.c: one patient's overview as of a day — latest labs and
 * imaging loaded from storage, scores computed by the model. */
#include "uc_overview.h"

#include <string.h>

#include "store.h"
#include "uc_scores.h"

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
	/* Stored values are within the hard limits, so a refusal by the score
	 * model means an out-of-domain setting; the basis then shows the scores
	 * as not computable. */
	return uc_scores_load(st, cfg, &out->p, &out->labs, today, &out->basis, e);
}
