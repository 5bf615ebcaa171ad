/* uc_checklist.c: a patient's checklist as of a day — the inputs loaded from
 * storage, then evaluated by the model. */
#include "uc_checklist.h"

#include <stdlib.h>
#include <string.h>

#include "store_eval.h"
#include "store_med.h"
#include "uc_scores.h"
#include "util.h"

/* The medication list, the newest CHECKLIST_MEDS_MAX by start. */
static enum status load_meds(struct store *st, int64_t patient_id, struct checklist_input *in,
			     struct err *e)
{
	enum { ALL = 400 };
	struct med *all = xcalloc(ALL, sizeof *all);
	int n = 0;
	enum status s = store_med_list(st, patient_id, all, ALL, &n, e);
	int from = n > CHECKLIST_MEDS_MAX ? n - CHECKLIST_MEDS_MAX : 0;
	if (s == ST_OK) {
		in->nmeds = n - from;
		memcpy(in->meds, all + from, (size_t)in->nmeds * sizeof *all);
	}
	free(all);
	return s;
}

enum status uc_checklist_input(struct store *st, const struct config *cfg, int64_t patient_id,
			       day_t on, struct checklist_input *in, struct err *e)
{
	memset(in, 0, sizeof *in);
	in->on = on;
	enum status s = store_patient_get(st, patient_id, &in->patient, e);
	if (s == ST_OK)
		s = store_lab_latest(st, patient_id, on, &in->labs, e);
	if (s == ST_OK)
		s = store_imaging_list(st, patient_id, in->imaging, CHECKLIST_IMAGING_MAX,
				       &in->nimaging, e);
	if (s == ST_OK)
		s = store_answer_latest(st, patient_id, on, in->answers, PROTOCOL_ITEMS_MAX,
					&in->nanswers, e);
	if (s == ST_OK)
		s = load_meds(st, patient_id, in, e);
	if (s != ST_OK)
		return s;
	/* Imaging after `on` did not exist on that day. */
	int k = 0;
	for (int i = 0; i < in->nimaging; i++)
		if (in->imaging[i].date <= on)
			in->imaging[k++] = in->imaging[i];
	in->nimaging = k;
	return uc_scores_load(st, cfg, &in->patient, &in->labs, on, &in->basis, e);
}

enum status uc_checklist_load(struct store *st, const struct config *cfg, const struct protocol *p,
			      int64_t patient_id, day_t on, struct checklist_result *out,
			      struct err *e)
{
	struct checklist_input *in = xmalloc(sizeof *in);
	enum status s = uc_checklist_input(st, cfg, patient_id, on, in, e);
	if (s == ST_OK)
		checklist_evaluate(p, in, out);
	free(in);
	return s;
}

/* The evaluator storage calls inside a signing transaction. */
struct eval_ctx {
	const struct config *cfg;
	const struct protocol *p;
};

static enum status evaluate(void *ctx, struct store *st, int64_t patient_id, day_t on,
			    struct checklist_result *out, struct err *e)
{
	const struct eval_ctx *c = ctx;
	return uc_checklist_load(st, c->cfg, c->p, patient_id, on, out, e);
}

enum status uc_eval_sign(struct store *st, const struct config *cfg, const struct protocol *p,
			 const char *protocol_text, int64_t patient_id, day_t on,
			 struct evaluation *out, struct err *e)
{
	struct eval_ctx c = {cfg, p};
	struct store_evaluator ev = {evaluate, &c};
	return store_eval_sign(st, &ev, p, protocol_text, patient_id, on, out, e);
}

enum status uc_eval_amend(struct store *st, const struct config *cfg, const struct protocol *p,
			  const char *protocol_text, int64_t patient_id, day_t on,
			  const char *reason, struct evaluation *out, struct err *e)
{
	struct eval_ctx c = {cfg, p};
	struct store_evaluator ev = {evaluate, &c};
	return store_eval_amend(st, &ev, p, protocol_text, patient_id, on, reason, out, e);
}

enum status uc_demo_sign(struct store *st, const struct config *cfg, const struct protocol *p,
			 const char *protocol_text, int64_t patient_id, day_t on, struct err *e)
{
	struct eval_ctx c = {cfg, p};
	struct store_evaluator ev = {evaluate, &c};
	return store_demo_sign(st, &ev, p, protocol_text, patient_id, on, e);
}
