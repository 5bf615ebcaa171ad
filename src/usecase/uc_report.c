/* uc_report.c: the cohort outcomes report — every treated patient loaded
 * in one read snapshot, one at a time, into buffers reused for the next,
 * and handed to the model (report.c). */
#include "uc_report.h"

#include <stdlib.h>
#include <string.h>

#include "store_dash_findings.h"
#include "store_exam.h"
#include "store_followup.h"
#include "store_longterm.h"
#include "store_report.h"
#include "store_treat.h"
#include "util.h"

#define INFUSIONS_MAX 64
#define VISITS_MAX 96
#define STATUSES_MAX 32
#define CONTACTS_MAX 64
#define HCC_MAX 16
#define AES_MAX 256
#define QOL_MAX 600

/* One patient's buffers, reused patient after patient. */
struct load {
	struct report *r;
	const struct config *cfg;
	day_t today;
	struct patient p;
	struct report_infusion inf[INFUSIONS_MAX];
	struct report_visit visits[VISITS_MAX];
	struct pstatus statuses[STATUSES_MAX];
	struct lt_contact contacts[CONTACTS_MAX];
	struct ae aes[AES_MAX];
	struct report_qol qol[QOL_MAX];
	struct dash_point lab[ANALYTE_COUNT][DASH_SERIES_MAX];
	struct dash_point ascites[DASH_SERIES_MAX], he[DASH_SERIES_MAX];
	struct dash_point stiffness[DASH_SERIES_MAX], dialysis[DASH_SERIES_MAX];
	struct dash_point weight[DASH_SERIES_MAX];
	struct lt_history hist;
};

static enum status load_series(struct store *st, int64_t pid, struct load *l, struct dash_input *in,
			       struct err *e)
{
	int64_t eval_id = 0;
	enum status s = store_dash_evaluation(st, pid, &eval_id, &in->as_of, &in->signed_at, e);
	if (s == ST_OK)
		s = store_report_labs(st, pid, l->lab, in->nlab, e);
	for (int a = 0; a < ANALYTE_COUNT; a++)
		in->lab[a] = l->lab[a];
	in->ascites = l->ascites;
	in->he = l->he;
	in->stiffness = l->stiffness;
	in->dialysis = l->dialysis;
	in->weight = l->weight;
	if (s == ST_OK)
		s = store_dash_grades(st, pid, l->ascites, &in->nascites, l->he, &in->nhe,
				      DASH_SERIES_MAX, e);
	if (s == ST_OK)
		s = store_exam_dialysis_series(st, pid, l->dialysis, DASH_SERIES_MAX,
					       &in->ndialysis, e);
	if (s == ST_OK)
		s = store_dash_weight(st, pid, l->weight, DASH_SERIES_MAX, &in->nweight, e);
	if (s == ST_OK)
		s = store_dash_stiffness(st, pid, l->stiffness, DASH_SERIES_MAX, &in->nstiffness,
					 e);
	return s;
}

/* The survival facts (as uc_longterm_load): contacts not voided, the status
 * history, the newest visit, imaging that found HCC. */
static enum status load_history(struct store *st, int64_t pid, struct load *l,
				struct report_patient_in *pin, struct err *e)
{
	struct lt_facts f = {0};
	day_t hcc[HCC_MAX];
	int nc = 0, nhcc = 0, live = 0;
	enum status s = store_contact_list(st, pid, false, l->contacts, CONTACTS_MAX, &nc, e);
	if (s == ST_OK)
		s = store_lt_facts(st, pid, &f.origin, &f.last_visit, hcc, HCC_MAX, &nhcc, e);
	if (s != ST_OK)
		return s;
	for (int i = 0; i < nc; i++)
		if (!*l->contacts[i].void_reason)
			l->contacts[live++] = l->contacts[i];
	f.contacts = l->contacts;
	f.ncontacts = live;
	f.statuses = pin->statuses;
	f.nstatuses = pin->nstatuses;
	f.hcc_imaging = hcc;
	f.nhcc_imaging = nhcc;
	lt_history(&f, &l->hist);
	pin->history = &l->hist;
	return ST_OK;
}

static enum status one_patient(void *ctx, struct store *st, int64_t pid, struct err *e)
{
	struct load *l = ctx;
	struct report_patient_in pin = {.p = &l->p, .infusions = l->inf};
	enum status s = store_patient_get(st, pid, &l->p, e);
	if (s == ST_OK)
		s = store_report_infusions(st, pid, l->inf, INFUSIONS_MAX, &pin.ninfusions, e);
	if (s != ST_OK || !report_filter_match(&l->r->filter, &pin))
		return s;
	struct dash_input in = {
	    .p = &l->p, .cfg = l->cfg, .first_infusion = l->inf[0].date, .today = l->today};
	pin.in = &in;
	pin.visits = l->visits;
	pin.statuses = l->statuses;
	pin.aes = l->aes;
	pin.qol = l->qol;
	s = load_series(st, pid, l, &in, e);
	if (s == ST_OK)
		s = store_report_visits(st, pid, l->visits, VISITS_MAX, &pin.nvisits, e);
	if (s == ST_OK)
		s = store_status_history(st, pid, l->statuses, STATUSES_MAX, &pin.nstatuses, e);
	if (s == ST_OK)
		s = load_history(st, pid, l, &pin, e);
	if (s == ST_OK)
		s = store_ae_list(st, pid, l->aes, AES_MAX, &pin.naes, e);
	if (s == ST_OK)
		s = store_report_qol(st, pid, l->qol, QOL_MAX, &pin.nqol, e);
	if (s == ST_OK)
		s = report_add_patient(l->r, &pin, e);
	return s;
}

enum status app_report_outcomes(struct app *app, const struct report_filter *f, struct report *out,
				struct err *e)
{
	day_t today = app_today(app);
	report_init(out, today, f);
	struct load *l = xcalloc(1, sizeof *l);
	l->r = out;
	l->cfg = &app->cfg;
	l->today = today;
	enum status s = store_report_each(app->st, f->from, f->to, one_patient, l, e);
	free(l);
	if (s == ST_OK)
		report_finish(out);
	return s;
}
