/* uc_dashboard.c: the follow-up dashboard of one patient and the clinic's
 * home dashboard — series and records loaded from storage, then built by the
 * model (dashboard.c). */
#include "uc_dashboard.h"

#include <stdlib.h>
#include <string.h>

#include "store_dash_findings.h"
#include "store_exam.h"
#include "store_followup.h"
#include "store_histology.h"
#include "store_med.h"
#include "store_product.h"
#include "util.h"

/* Series buffers for one load. */
struct series {
	struct dash_point lab[ANALYTE_COUNT][DASH_SERIES_MAX];
	struct dash_point ascites[DASH_SERIES_MAX], he[DASH_SERIES_MAX];
	struct dash_point stiffness[DASH_SERIES_MAX], scratch[DASH_SERIES_MAX];
	struct dash_point dialysis[DASH_SERIES_MAX], weight[DASH_SERIES_MAX];
};

static enum status load_series(struct store *st, int64_t pid, struct series *s,
			       struct dash_input *in, struct err *e)
{
	enum status r = ST_OK;
	for (int a = 0; r == ST_OK && a < ANALYTE_COUNT; a++) {
		in->lab[a] = s->lab[a];
		r = store_dash_labs(st, pid, (enum analyte_id)a, s->lab[a], DASH_SERIES_MAX,
				    &in->nlab[a], e);
	}
	in->ascites = s->ascites;
	in->he = s->he;
	in->stiffness = s->stiffness;
	in->dialysis = s->dialysis;
	in->weight = s->weight;
	if (r == ST_OK)
		r = store_dash_grades(st, pid, s->ascites, &in->nascites, s->he, &in->nhe,
				      DASH_SERIES_MAX, e);
	if (r == ST_OK)
		r = store_exam_dialysis_series(st, pid, s->dialysis, DASH_SERIES_MAX,
					       &in->ndialysis, e);
	if (r == ST_OK)
		r = store_dash_weight(st, pid, s->weight, DASH_SERIES_MAX, &in->nweight, e);
	if (r == ST_OK)
		r = store_dash_stiffness(st, pid, s->stiffness, DASH_SERIES_MAX, &in->nstiffness,
					 e);
	return r;
}

static void reverse_visits(struct visit *v, int n)
{
	for (int i = 0, j = n - 1; i < j; i++, j--) {
		struct visit t = v[i];
		v[i] = v[j];
		v[j] = t;
	}
}

static enum status load_records(struct store *st, int64_t pid, struct dashboard *out, struct err *e)
{
	enum status s = store_dash_calendar(st, pid, out->cal, DASH_SCHED_MAX, &out->ncal, e);
	if (s == ST_OK)
		s = store_visit_list(st, pid, out->visits, DASH_VISITS_MAX, &out->nvisits, e);
	if (s == ST_OK)
		s = store_ae_list(st, pid, out->aes, DASH_AE_MAX, &out->nae, e);
	if (s != ST_OK)
		return s;
	reverse_visits(out->visits, out->nvisits);
	struct schedule_item items[DASH_SCHED_MAX];
	for (int i = 0; i < out->ncal; i++) {
		struct dash_cal *c = &out->cal[i];
		c->mark = visit_mark(&c->item, out->today);
		c->days_overdue = visit_days_overdue(&c->item, out->today);
		c->timing = dash_cal_timing(&c->item, c->mark, c->closed_on);
		items[i] = c->item;
	}
	out->next = visit_next(items, out->ncal, out->today);
	out->days_since_first_infusion =
	    out->have_infusion ? (int)(out->today - out->first_infusion.date) : 0;
	return ST_OK;
}

/* Biopsies: the change from the baseline one over every biopsy, and the
 * newest DASH_BIOPSY_MAX kept oldest first (the baseline always among them). */
static enum status load_histology(struct store *st, int64_t pid, struct dashboard *out,
				  struct err *e)
{
	struct histology *all = xcalloc(DASH_SERIES_MAX, sizeof *all);
	int n = 0;
	enum status s = store_histology_list(st, pid, all, DASH_SERIES_MAX, &n, e);
	if (s == ST_OK) {
		struct histo_summary *h = &out->histo;
		histology_summary(all, n, out->have_infusion ? out->first_infusion.date : DAY_NONE,
				  h);
		int from = n > DASH_BIOPSY_MAX ? n - DASH_BIOPSY_MAX : 0, k = 0;
		bool keep_base = h->baseline >= 0 && h->baseline < from;
		if (keep_base) {
			out->biopsies[k++] = all[h->baseline];
			from++;
		}
		for (int i = from; i < n; i++)
			out->biopsies[k++] = all[i];
		out->nbiopsies = k;
		if (keep_base)
			h->baseline = 0;
		else if (h->baseline >= 0)
			h->baseline -= from;
		if (h->latest >= 0)
			h->latest = k - 1 - (n - 1 - h->latest);
		if (h->latest >= 0 && h->latest <= h->baseline)
			h->latest = -1; /* cut off behind voided ones: the change stays */
	}
	free(all);
	return s;
}

/* Medications for the timeline: the newest DASH_MED_MAX by start, voided
 * ones left out. */
static enum status load_meds(struct store *st, int64_t pid, struct dashboard *out, struct err *e)
{
	struct med *all = xcalloc(DASH_SERIES_MAX, sizeof *all);
	int n = 0, k = 0;
	enum status s = store_med_list(st, pid, all, DASH_SERIES_MAX, &n, e);
	for (int i = 0; s == ST_OK && i < n; i++)
		if (!all[i].voided)
			all[k++] = all[i];
	int from = k > DASH_MED_MAX ? k - DASH_MED_MAX : 0;
	if (s == ST_OK) {
		out->nmeds = k - from;
		memcpy(out->meds, all + from, (size_t)out->nmeds * sizeof *all);
	}
	free(all);
	return s;
}

enum status uc_dashboard_load(struct store *st, int64_t patient_id, day_t today,
			      const struct config *cfg, struct dashboard *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	out->today = today;
	out->next = -1;
	enum status s = store_patient_get(st, patient_id, &out->p, e);
	if (s == ST_OK)
		s = store_dash_evaluation(st, patient_id, &out->evaluation_id, &out->as_of,
					  &out->signed_at, e);
	if (s == ST_OK)
		s = store_infusion_first(st, patient_id, &out->first_infusion, &out->have_infusion,
					 e);
	if (s != ST_OK)
		return s;
	day_t first = out->have_infusion ? out->first_infusion.date : DAY_NONE;
	dash_baseline_rule(out->as_of, out->signed_at, first, &out->baseline);
	struct series *ser = xcalloc(1, sizeof *ser);
	struct dash_input in = {.p = &out->p,
				.cfg = cfg,
				.as_of = out->as_of,
				.signed_at = out->signed_at,
				.first_infusion = first,
				.today = today};
	s = load_series(st, patient_id, ser, &in, e);
	if (s == ST_OK) {
		dash_build(&in, ser->scratch, out->rows);
		s = load_records(st, patient_id, out, e);
	}
	if (s == ST_OK)
		s = load_histology(st, patient_id, out, e);
	if (s == ST_OK)
		s = load_meds(st, patient_id, out, e);
	if (s == ST_OK)
		s = store_product_uses(st, patient_id, out->lots, DASH_LOTS_MAX, &out->nlots, e);
	free(ser);
	return s;
}

enum status uc_clinic_load(struct store *st, day_t today, int limit, struct clinic_dashboard *out,
			   struct err *e)
{
	memset(out, 0, sizeof *out);
	out->today = today;
	if (limit < 0 || limit > CLINIC_LIST_MAX)
		limit = CLINIC_LIST_MAX;
	enum status s = store_clinic_load(st, today, limit, out, e);
	for (int i = 0; s == ST_OK && i < out->noverdue; i++)
		out->overdue[i].days_overdue = visit_days_overdue(&out->overdue[i].item, today);
	return s;
}
