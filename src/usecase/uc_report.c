/* uc_report.c: the cohort outcomes report — every treated patient loaded
 * in one read snapshot, one at a time, into buffers reused for the next,
 * and handed to the model (report.c); in one call or in slices (a screen
 * that stays responsive while it builds). */
#include "uc_report.h"

#include <pthread.h>
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

/* One patient's buffers, reused patient after patient: what the reads
 * fill (pin, in and the arrays they point into) and report_add_patient
 * takes. */
struct load {
	bool want[ANALYTE_COUNT]; /* the analytes the report's measures use */
	const struct report_filter *filter;
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
	struct report_patient_in pin;
	struct dash_input in;
	bool matched; /* the patient passes the filter (else nothing more is read) */
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

/* Read patient pid into l: the patient and infusions, and when it passes
 * the filter everything else the report uses. */
static enum status load_patient(struct load *l, struct store *st, int64_t pid, struct err *e)
{
	struct report_patient_in *pin = &l->pin;
	*pin = (struct report_patient_in){.p = &l->p, .infusions = l->inf};
	l->matched = false;
	enum status s = store_patient_get(st, pid, &l->p, e);
	if (s == ST_OK)
		s = store_report_infusions(st, pid, l->inf, INFUSIONS_MAX, &pin->ninfusions, e);
	if (s != ST_OK || !report_filter_match(l->filter, pin))
		return s;
	l->matched = true;
	l->in = (struct dash_input){
	    .p = &l->p, .cfg = l->cfg, .first_infusion = l->inf[0].date, .today = l->today};
	pin->in = &l->in;
	pin->visits = l->visits;
	pin->statuses = l->statuses;
	pin->aes = l->aes;
	pin->qol = l->qol;
	pin->histology = l->histology;
	s = load_series(st, pid, l, &l->in, e);
	if (s == ST_OK)
		s = store_report_visits(st, pid, l->visits, VISITS_MAX, &pin->nvisits, e);
	if (s == ST_OK)
		s = store_status_history(st, pid, l->statuses, STATUSES_MAX, &pin->nstatuses, e);
	if (s == ST_OK)
		s = load_history(st, pid, l, pin, e);
	if (s == ST_OK)
		s = store_ae_list(st, pid, l->aes, AES_MAX, &pin->naes, e);
	if (s == ST_OK)
		s = store_report_qol(st, pid, l->qol, QOL_MAX, &pin->nqol, e);
	if (s == ST_OK)
		s = store_histology_list(st, pid, l->histology, HISTOLOGY_MAX, &pin->nhistology, e);
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
	struct load *l[2]; /* one being read while the other is added */
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
	for (int i = 0; i < 2; i++) {
		struct load *l = b->l[i] = xcalloc(1, sizeof *b->l[i]);
		l->filter = &b->f;
		l->cfg = &app->cfg;
		l->today = today;
		want_analytes(l->want);
	}
	enum status s = store_report_open(app->st, f->from, f->to, &b->cur, e);
	if (s == ST_OK)
		s = store_report_count(b->cur, f->from, f->to, &b->total, e);
	*build = s == ST_OK ? b : NULL;
	if (s != ST_OK)
		app_report_build_cancel(b);
	return s;
}

/* --- a step: reading and adding overlapped ---
 *
 * Reading a patient (SQLite, about two thirds of the time) and adding it to
 * the report (the model) take turns on two buffers: a reader thread reads
 * patient k + 1 while this thread adds patient k. Only the reader uses the
 * store, only this thread the report; a buffer passes between them under
 * the mutex. The reader lives for one step and is joined before it
 * returns, so between steps the store is the caller's alone. */

struct handoff {
	enum status s;
	struct err e;
	bool full; /* read, not yet added */
	bool end;  /* no patient: the walk is done, the step's count reached, or s */
	bool done; /* the cursor has no patient left */
};

struct pipe {
	struct report_build *b;
	int max; /* patients this step; 0: all */
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct handoff h[2];
	bool stop; /* the adder failed: read no more */
};

static void *reader(void *arg)
{
	struct pipe *p = arg;
	for (int k = 0;; k++) {
		struct handoff *h = &p->h[k % 2];
		pthread_mutex_lock(&p->mu);
		while (h->full && !p->stop)
			pthread_cond_wait(&p->cv, &p->mu);
		bool stop = p->stop;
		pthread_mutex_unlock(&p->mu);
		if (stop)
			break;
		struct handoff r = {ST_OK, {""}, true, false, false};
		int64_t id = 0;
		if (p->max > 0 && k >= p->max)
			r.end = true;
		else if ((r.s = store_report_next(p->b->cur, &id, &r.done, &r.e)) == ST_OK &&
			 !r.done)
			r.s = load_patient(p->b->l[k % 2], p->b->app->st, id, &r.e);
		r.end = r.end || r.done || r.s != ST_OK;
		pthread_mutex_lock(&p->mu);
		*h = r;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
		if (r.end)
			break;
	}
	return NULL;
}

/* The same walk without the reader thread (when none can be started). */
static enum status step_alone(struct report_build *b, int max_patients, struct err *e)
{
	enum status s = ST_OK;
	for (int k = 0; s == ST_OK && !b->done && (max_patients <= 0 || k < max_patients); k++) {
		int64_t id = 0;
		s = store_report_next(b->cur, &id, &b->done, e);
		if (s == ST_OK && !b->done) {
			s = load_patient(b->l[0], b->app->st, id, e);
			if (s == ST_OK && b->l[0]->matched)
				s = report_add_patient(b->out, &b->l[0]->pin, e);
			b->walked++;
		}
	}
	return s;
}

enum status app_report_build_step(struct report_build *b, int max_patients, bool *done,
				  struct err *e)
{
	enum status s = ST_OK;
	struct pipe p = {.b = b, .max = max_patients > 0 ? max_patients : 0};
	pthread_t t;
	if (b->done) {
		*done = true;
		return ST_OK;
	}
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv, NULL);
	if (pthread_create(&t, NULL, reader, &p) != 0) {
		pthread_cond_destroy(&p.cv);
		pthread_mutex_destroy(&p.mu);
		s = step_alone(b, max_patients, e);
		*done = b->done;
		return s;
	}
	for (int k = 0;; k++) {
		struct handoff *h = &p.h[k % 2];
		pthread_mutex_lock(&p.mu);
		while (!h->full)
			pthread_cond_wait(&p.cv, &p.mu);
		pthread_mutex_unlock(&p.mu);
		bool end = h->end;
		if (h->s != ST_OK) {
			s = h->s;
			*e = h->e;
		} else if (h->done) {
			b->done = true;
		} else if (!end) {
			const struct load *l = b->l[k % 2];
			if (l->matched)
				s = report_add_patient(b->out, &l->pin, e);
			b->walked++;
		}
		pthread_mutex_lock(&p.mu);
		h->full = false;
		p.stop = p.stop || s != ST_OK;
		pthread_cond_broadcast(&p.cv);
		pthread_mutex_unlock(&p.mu);
		if (end || s != ST_OK)
			break;
	}
	pthread_join(t, NULL);
	pthread_cond_destroy(&p.cv);
	pthread_mutex_destroy(&p.mu);
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
	free(b->l[0]);
	free(b->l[1]);
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
