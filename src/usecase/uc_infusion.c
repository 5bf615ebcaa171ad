/* uc_infusion.c: the pre-infusion check — plan, evaluation, consent, labs,
 * adverse events, status, the last infusion and the scheduled one loaded
 * from storage, then judged by the model; and recording an infusion through
 * it. */
#include "uc_infusion.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "store_eval.h"
#include "store_followup.h"
#include "store_ih.h"
#include "store_infix.h"
#include "store_product.h"
#include "store_treat.h"
#include "util.h"

/* A missing row is no failure here: the check reports it. */
static enum status optional(enum status s, bool *have, struct err *e)
{
	*have = s == ST_OK;
	if (s == ST_NOT_FOUND) {
		err_clear(e);
		return ST_OK;
	}
	return s;
}

static enum status load_consent(struct store *st, const struct protocol *p, int64_t patient_id,
				day_t day, struct icheck_input *in, struct err *e)
{
	struct checklist_answer *ans = xcalloc(PROTOCOL_ITEMS_MAX, sizeof *ans);
	int n = 0;
	enum status s = store_answer_latest(st, patient_id, day, ans, PROTOCOL_ITEMS_MAX, &n, e);
	for (int i = 0; s == ST_OK && i < n; i++) {
		const struct protocol_item *it = protocol_item(p, ans[i].item);
		if (it && it->kind == PITEM_CONSENT) {
			in->consent = ans[i];
			in->have_consent = true;
		}
	}
	free(ans);
	return s;
}

/* The scheduled infusion checked against: f's own, else the next open one. */
static enum status load_item(struct store *st, int64_t patient_id, const struct infusion *f,
			     struct icheck_input *in, struct err *e)
{
	struct schedule_item items[PLAN_SCHEDULE_MAX];
	int n = 0;
	enum status s = store_schedule_list(st, patient_id, items, PLAN_SCHEDULE_MAX, &n, e);
	for (int i = 0; s == ST_OK && i < n; i++) {
		const struct schedule_item *it = &items[i];
		bool mine = f && f->schedule_id
				? it->id == f->schedule_id
				: it->kind == SCHED_INFUSION && it->state == SCHED_OPEN;
		if (mine && in->have_plan && it->plan_id == in->plan.id) {
			in->item = *it;
			in->have_item = true;
			break;
		}
	}
	return s;
}

static enum status load_history(struct store *st, int64_t patient_id, day_t day, int64_t t,
				const struct protocol *p, struct icheck_input *in, struct err *e)
{
	enum status s = store_infusion_last(st, patient_id, t, &in->last, &in->have_last, e);
	if (s == ST_OK && in->have_plan)
		s = store_infusion_count(
		    st, patient_id, in->plan.first_date - p->infusion_window_days, &in->ngiven, e);
	if (s == ST_OK)
		s = store_ae_list(st, patient_id, in->aes, ICHECK_AE_MAX, &in->naes, e);
	if (s == ST_OK)
		s = store_lab_latest(st, patient_id, day, &in->labs, e);
	return s;
}

static enum status load_input(struct store *st, const struct protocol *p, int64_t patient_id,
			      const struct infusion *f, day_t today, struct icheck_input *in,
			      struct err *e)
{
	memset(in, 0, sizeof *in);
	in->today = today;
	in->have_infusion = f != NULL;
	if (f)
		in->f = *f;
	day_t day = f && f->date != DAY_NONE ? f->date : today;
	int64_t t = f ? f->given_at : date_to_time(today + 1);
	struct patient pt;
	enum status s = store_patient_get(st, patient_id, &pt, e);
	in->weight_kg = s == ST_OK ? pt.weight_kg : NAN;
	in->weight_date = s == ST_OK ? pt.weight_date : DAY_NONE;
	if (s == ST_OK)
		s = store_status_current(st, patient_id, &in->status, e);
	if (s == ST_OK)
		s = optional(store_plan_current(st, patient_id, &in->plan, e), &in->have_plan, e);
	if (s == ST_OK)
		s = optional(store_eval_current(st, patient_id, &in->ev, e), &in->have_eval, e);
	if (s == ST_OK)
		s = load_consent(st, p, patient_id, day, in, e);
	if (s == ST_OK)
		s = load_item(st, patient_id, f, in, e);
	if (s == ST_OK)
		s = load_history(st, patient_id, day, t, p, in, e);
	bool ih = (in->have_plan && in->plan.route == ROUTE_INTRAHEPATIC) ||
		  (f && f->route == ROUTE_INTRAHEPATIC);
	if (s == ST_OK && ih)
		s = store_ih_input(st, patient_id, day, &in->ih, e);
	if (s == ST_OK && f && *f->lot)
		s = optional(store_product_get(st, f->lot, &in->product, e), &in->have_product, e);
	return s;
}

enum status uc_infusion_check(struct store *st, const struct protocol *p, int64_t patient_id,
			      const struct infusion *f, day_t today, struct icheck_result *out,
			      struct err *e)
{
	struct icheck_input *in = xmalloc(sizeof *in);
	enum status s = load_input(st, p, patient_id, f, today, in, e);
	if (s == ST_OK)
		infusion_check_run(p, in, out);
	free(in);
	return s;
}

struct check_ctx {
	const struct protocol *p;
	day_t today;
};

static enum status check_in_tx(void *ctx, struct store *st, const struct infusion *f,
			       struct icheck_result *out, struct err *e)
{
	const struct check_ctx *c = ctx;
	return uc_infusion_check(st, c->p, f->patient_id, f, c->today, out, e);
}

enum status uc_infusion_add(struct store *st, const struct protocol *p, struct infusion *f,
			    day_t today, struct icheck_result *res, struct err *e)
{
	struct check_ctx c = {p, today};
	struct store_infusion_checker chk = {check_in_tx, &c};
	struct product lot;
	struct err ignored = {""};
	/* The lot's own spelling, and its expiry when none was typed; the
	 * check inside the write reads the lot again. */
	if (*f->lot && store_product_get(st, f->lot, &lot, &ignored) == ST_OK) {
		strlcpy_(f->lot, lot.lot, sizeof f->lot);
		if (f->lot_expiry == DAY_NONE)
			f->lot_expiry = lot.expiry;
	}
	return store_infusion_add(st, f, &chk, res, e);
}

/* The correction's check inside its transaction: the input as for a new
 * infusion, then the infusion's own plan and the infusion before it (not
 * itself), judged by infusion_check_correction against the stored row. */
static enum status fix_check_in_tx(void *ctx, struct store *st, const struct infusion *f,
				   struct icheck_result *out, struct err *e)
{
	const struct check_ctx *c = ctx;
	struct icheck_input *in = xmalloc(sizeof *in);
	struct infusion_row *was = xmalloc(sizeof *was);
	enum status s = store_infusion_get(st, f->patient_id, f->id, was, e);
	if (s == ST_OK)
		s = load_input(st, c->p, f->patient_id, f, c->today, in, e);
	if (s == ST_OK)
		s = store_infusion_plan(st, f->patient_id, was->f.schedule_id, &in->plan,
					&in->have_plan, e);
	if (s == ST_OK) {
		in->have_item = false;
		s = load_item(st, f->patient_id, f, in, e);
	}
	if (s == ST_OK)
		s = store_infusion_prior(st, f->patient_id, f->given_at, f->id, &in->last,
					 &in->have_last, e);
	if (s == ST_OK)
		infusion_check_correction(c->p, in, &was->f, out);
	free(was);
	free(in);
	return s;
}

enum status uc_infusion_correct(struct store *st, const struct protocol *p, struct infusion *f,
				const char *reason, bool confirmed, day_t today,
				struct icheck_result *res, struct err *e)
{
	struct check_ctx c = {p, today};
	struct store_infusion_checker chk = {fix_check_in_tx, &c};
	struct product lot;
	struct err ignored = {""};
	if (*f->lot && store_product_get(st, f->lot, &lot, &ignored) == ST_OK) {
		strlcpy_(f->lot, lot.lot, sizeof f->lot);
		if (f->lot_expiry == DAY_NONE)
			f->lot_expiry = lot.expiry;
	}
	return store_infusion_fix(st, f, reason, confirmed, &chk, res, e);
}
