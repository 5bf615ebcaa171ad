/* uc_report.c: the cohort outcomes report — every treated patient loaded
 * in one read snapshot, one at a time, into buffers reused for the next,
 * and handed to the model (report.c); in one call or in slices (a screen
 * that stays responsive while it builds). */
#include "uc_report.h"

#include <stdlib.h>
#include <string.h>

#include "overview.h"
#include "store_exam.h"
#include "store_followup.h"
#include "store_histology.h"
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
#define HISTOLOGY_MAX 32

/* One patient's buffers, reused patient after patient. */
struct load {
	bool want[ANALYTE_COUNT]; /* the analytes the report's measures use */
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
	struct histology histology[HISTOLOGY_MAX];
	struct dash_point lab[ANALYTE_COUNT][DASH_SERIES_MAX];
	struct dash_point ascites[DASH_SERIES_MAX], he[DASH_SERIES_MAX];
	struct dash_point stiffness[DASH_SERIES_MAX], dialysis[DASH_SERIES_MAX];
	struct lt_history hist;
};

static enum status load_series(struct store *st, int64_t pid, struct load *l, struct dash_input *in,
			       struct err *e)
{
	int64_t eval_id = 0;
	enum status s = store_dash_evaluation(st, pid, &eval_id, &in->as_of, &in->signed_at, e);
	if (s == ST_OK)
		s = store_report_labs(st, pid, l->want, l->lab, in->nlab, e);
	for (int a = 0; a < ANALYTE_COUNT; a++)
		in->lab[a] = l->lab[a];
	in->ascites = l->ascites;
	in->he = l->he;
	in->stiffness = l->stiffness;
	in->dialysis = l->dialysis;
	/* No score uses weight and the report does not trend it: not read. */
	in->weight = NULL;
	in->nweight = 0;
	if (s == ST_OK)
		s = store_dash_grades(st, pid, l->ascites, &in->nascites, l->he, &in->nhe,
				      DASH_SERIES_MAX, e);
	if (s == ST_OK)
		s = store_exam_dialysis_series(st, pid, l->dialysis, DASH_SERIES_MAX,
					       &in->ndialysis, e);
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
	pin.histology = l->histology;
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
		s = store_histology_list(st, pid, l->histology, HISTOLOGY_MAX, &pin.nhistology, e);
	if (s == ST_OK)
		s = report_add_patient(l->r, &pin, e);
	return s;
}

/* A build in progress: the cursor keeps the read snapshot open between
 * steps. Under WAL that blocks no other session (readers and writers go
 * on; only the checkpoint cannot pass it), and a screen's build lasts
 * seconds; this session writes nothing until end or cancel. */
struct report_build {
	struct app *app;
	struct report_filter f;
	struct report *out;
	struct store_report_cursor *cur;
	struct load *l;
	int walked, total;
	bool done;
};

/* The lab measures, and every analyte a reported score may use. */
static void want_analytes(bool want[ANALYTE_COUNT])
{
	for (int k = 0; k < REPORT_DASH_MEASURES; k++) {
		const struct dash_measure_info *mi = dash_measure(report_dash_measures[k]);
		enum analyte_id used[ANALYTE_COUNT];
		if (mi->source == DSRC_LAB)
			want[mi->id] = true;
		int nu = mi->source == DSRC_SCORE
			     ? overview_score_analytes((enum score_id)mi->id, used)
			     : 0;
		for (int i = 0; i < nu; i++)
			want[used[i]] = true;
	}
}

enum status app_report_build_begin(struct app *app, const struct report_filter *f,
				   struct report *out, struct report_build **build, struct err *e)
{
	day_t today = app_today(app);
	report_init(out, today, f);
	struct report_build *b = xcalloc(1, sizeof *b);
	b->app = app;
	b->f = *f;
	b->out = out;
	b->l = xcalloc(1, sizeof *b->l);
	b->l->r = out;
	b->l->cfg = &app->cfg;
	b->l->today = today;
	want_analytes(b->l->want);
	enum status s = store_report_open(app->st, f->from, f->to, &b->cur, e);
	if (s == ST_OK)
		s = store_report_count(b->cur, f->from, f->to, &b->total, e);
	*build = s == ST_OK ? b : NULL;
	if (s != ST_OK)
		app_report_build_cancel(b);
	return s;
}

enum status app_report_build_step(struct report_build *b, int max_patients, bool *done,
				  struct err *e)
{
	enum status s = ST_OK;
	for (int k = 0; s == ST_OK && !b->done && (max_patients <= 0 || k < max_patients); k++) {
		int64_t id = 0;
		s = store_report_next(b->cur, &id, &b->done, e);
		if (s == ST_OK && !b->done) {
			s = one_patient(b->l, b->app->st, id, e);
			b->walked++;
		}
	}
	*done = b->done;
	return s;
}

void app_report_build_progress(const struct report_build *b, int *walked, int *total)
{
	*walked = b->walked;
	/* The count and the walk read one snapshot, so they agree; should
	 * they not, the line never shows more walked than in all. */
	*total = b->total > b->walked ? b->total : b->walked;
}

enum status app_report_build_end(struct report_build *b, struct err *e)
{
	bool done = b->done;
	enum status s = done ? ST_OK : app_report_build_step(b, 0, &done, e);
	store_report_close(b->cur);
	b->cur = NULL;
	if (s == ST_OK)
		s = store_report_logged(b->app->st, &b->f, b->out->npatients, e);
	if (s == ST_OK)
		report_finish(b->out);
	app_report_build_cancel(b);
	return s;
}

void app_report_build_cancel(struct report_build *b)
{
	if (!b)
		return;
	store_report_close(b->cur);
	free(b->l);
	free(b);
}

enum status app_report_outcomes(struct app *app, const struct report_filter *f, struct report *out,
				struct err *e)
{
	struct report_build *b = NULL;
	bool done = false;
	enum status s = app_report_build_begin(app, f, out, &b, e);
	if (s == ST_OK)
		s = app_report_build_step(b, 0, &done, e);
	if (s != ST_OK) {
		app_report_build_cancel(b);
		return s;
	}
	return app_report_build_end(b, e);
}
