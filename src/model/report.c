/* report.c: the cohort outcomes report (report.h) — each treated patient's
 * values and reasons for missing ones at every visit week, adverse events
 * and survival times, gathered one patient at a time, then the statistics
 * (stats.h). */
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define WEEK_DONE RMISS_COUNT

static const char *const miss_str[] = {
#define RMISS_STR_(id, code, label) code,
    REPORT_MISSING_INFO(RMISS_STR_)
#undef RMISS_STR_
};
static const char *const miss_label[] = {
#define RMISS_LABEL_(id, code, label) label,
    REPORT_MISSING_INFO(RMISS_LABEL_)
#undef RMISS_LABEL_
};
static const char *const km_str[] = {
#define RKM_STR_(id, code, label) code,
    REPORT_KM_INFO(RKM_STR_)
#undef RKM_STR_
};
static const char *const km_label[] = {
#define RKM_LABEL_(id, code, label) label,
    REPORT_KM_INFO(RKM_LABEL_)
#undef RKM_LABEL_
};

const enum dash_measure report_dash_measures[REPORT_DASH_MEASURES] = {
    DASH_ALBUMIN, DASH_BILIRUBIN, DASH_ALT,	DASH_AST,   DASH_INR,	     DASH_PT,
    DASH_SODIUM,  DASH_MELD,	  DASH_MELD_NA, DASH_MELD3, DASH_CHILD_PUGH, DASH_STIFFNESS};
const int report_km_months[REPORT_KM_TIMES] = {6, 12, 24, 36};

const char *report_missing_str(enum report_missing m)
{
	return m >= 0 && m < RMISS_COUNT ? miss_str[m] : "";
}

const char *report_missing_label(enum report_missing m)
{
	return m >= 0 && m < RMISS_COUNT ? miss_label[m] : "";
}

const char *report_km_str(enum report_km k)
{
	return k >= 0 && k < RKM_COUNT ? km_str[k] : "";
}

const char *report_km_label(enum report_km k)
{
	return k >= 0 && k < RKM_COUNT ? km_label[k] : "";
}

/* --- filters --- */

void report_filter_init(struct report_filter *f)
{
	memset(f, 0, sizeof *f);
	f->from = f->to = DAY_NONE;
}

static enum status set_etiology(struct report_filter *f, const char *value, struct err *e)
{
	const struct etiology *et = etiology_find(value);
	if (et) {
		snprintf(f->etiology, sizeof f->etiology, "%s", et->code);
		return ST_OK;
	}
	char codes[200] = "";
	size_t n = 0, len = 0;
	const struct etiology *all = etiology_list(&n);
	for (size_t i = 0; i < n && len < sizeof codes; i++)
		len += (size_t)snprintf(codes + len, sizeof codes - len, "%s%s", i ? ", " : "",
					all[i].code);
	return err_set(e, ST_INVALID, "--etiology: '%s' is not an etiology code; accepted: %s",
		       value, codes);
}

enum status report_filter_set(struct report_filter *f, const char *flag, const char *value,
			      day_t today, struct err *e)
{
	char choices[200];
	if (strcmp(flag, "--from") == 0 || strcmp(flag, "--to") == 0) {
		day_t d;
		if (!date_parse(value, &d))
			return err_set(e, ST_INVALID,
				       "%s: '%s' is not a date; accepted: YYYY-MM-DD (the first "
				       "infusion's day)",
				       flag, value);
		if (flag[2] == 'f')
			f->from = d;
		else
			f->to = d;
		if (f->from != DAY_NONE && f->to != DAY_NONE && f->from > f->to)
			return err_set(e, ST_INVALID,
				       "%s: '%s' leaves no day between --from and --to; accepted: "
				       "--from on or before --to",
				       flag, value);
		return ST_OK;
	}
	if (strcmp(flag, "--etiology") == 0)
		return set_etiology(f, value, e);
	if (strcmp(flag, "--route") == 0) {
		if (!plan_route_parse(value, &f->route))
			return err_set(e, ST_INVALID, "--route: '%s' is not a route; accepted: %s",
				       value, plan_route_choices(choices, sizeof choices));
		f->by_route = true;
		return ST_OK;
	}
	if (strcmp(flag, "--product") == 0) {
		if (!product_type_parse(value, &f->product))
			return err_set(e, ST_INVALID,
				       "--product: '%s' is not a product type; accepted: %s", value,
				       product_type_choices(choices, sizeof choices));
		f->by_product = true;
		return ST_OK;
	}
	return err_set(e, ST_INVALID, "unknown filter %s", flag);
}

bool report_filter_match(const struct report_filter *f, const struct report_patient_in *pin)
{
	if (pin->ninfusions < 1)
		return false;
	day_t first = pin->infusions[0].date;
	if ((f->from != DAY_NONE && first < f->from) || (f->to != DAY_NONE && first > f->to))
		return false;
	if (*f->etiology && strcmp(f->etiology, pin->p->etiology) != 0)
		return false;
	bool route = !f->by_route, product = !f->by_product;
	for (int i = 0; i < pin->ninfusions; i++) {
		const struct report_infusion *x = &pin->infusions[i];
		route = route || x->route == f->route;
		product = product || (x->have_type && x->type == f->product);
	}
	return route && product;
}

/* --- the report --- */

void report_init(struct report *r, day_t today, const struct report_filter *f)
{
	memset(r, 0, sizeof *r);
	r->today = today;
	r->filter = *f;
	for (int i = 0; i < REPORT_DASH_MEASURES; i++) {
		struct report_measure *m = &r->measures[r->nmeasures++];
		const struct dash_measure_info *mi = dash_measure(report_dash_measures[i]);
		snprintf(m->key, sizeof m->key, "%s", mi->key);
		snprintf(m->label, sizeof m->label, "%s", mi->label);
		m->unit = mi->unit;
		m->decimals = mi->decimals;
		m->dash = report_dash_measures[i];
	}
	r->safety.per_patient = r->safety.per_infusion = NAN;
}

struct report_cell *report_cell(struct report *r, int m, int w)
{
	return &r->cells[m * REPORT_WEEKS_MAX + w];
}

const struct report_cell *report_cell_c(const struct report *r, int m, int w)
{
	return &r->cells[m * REPORT_WEEKS_MAX + w];
}

const struct report_value *report_value_of(const struct report *r, int m, int w, int p)
{
	const struct report_cell *c = report_cell_c(r, m, w);
	int lo = 0, hi = c->nvalues - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (c->values[mid].patient == p)
			return &c->values[mid];
		if (c->values[mid].patient < p)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

int report_miss_of(const struct report *r, int m, int w, int p)
{
	if (report_value_of(r, m, w, p))
		return -1;
	int s = r->week_state[(size_t)p * REPORT_WEEKS_MAX + w];
	return s == WEEK_DONE ? RMISS_NOT_RECORDED : s;
}

/* The index of week wk, inserted in order when new (cells and every
 * patient's states shifted along); -1 when full. */
static int week_index(struct report *r, int wk)
{
	int i = 0;
	while (i < r->nweeks && r->weeks[i] < wk)
		i++;
	if (i < r->nweeks && r->weeks[i] == wk)
		return i;
	if (r->nweeks == REPORT_WEEKS_MAX)
		return -1;
	int tail = r->nweeks - i;
	memmove(&r->weeks[i + 1], &r->weeks[i], (size_t)tail * sizeof r->weeks[0]);
	r->weeks[i] = wk;
	for (int m = 0; m < REPORT_MEASURES_MAX; m++) {
		struct report_cell *c = report_cell(r, m, i);
		memmove(c + 1, c, (size_t)tail * sizeof *c);
		memset(c, 0, sizeof *c);
	}
	for (int p = 0; p < r->npatients; p++) {
		unsigned char *s = &r->week_state[(size_t)p * REPORT_WEEKS_MAX];
		memmove(s + i + 1, s + i, (size_t)tail);
		s[i] = RMISS_NOT_SCHEDULED;
	}
	r->nweeks++;
	return i;
}

static int qol_measure(struct report *r, const struct report_qol *q)
{
	for (int m = REPORT_DASH_MEASURES; m < r->nmeasures; m++)
		if (strcmp(r->measures[m].code, q->code) == 0 &&
		    strcmp(r->measures[m].domain, q->domain) == 0)
			return m;
	if (r->nmeasures == REPORT_MEASURES_MAX)
		return -1;
	struct report_measure *m = &r->measures[r->nmeasures];
	memset(m, 0, sizeof *m);
	snprintf(m->key, sizeof m->key, "qol:%s:%s", q->code, q->domain);
	snprintf(m->label, sizeof m->label, "%s %s", q->code, q->domain);
	snprintf(m->code, sizeof m->code, "%s", q->code);
	snprintf(m->domain, sizeof m->domain, "%s", q->domain);
	m->unit = "points";
	m->decimals = 1;
	m->qol = true;
	return r->nmeasures++;
}

static void push_value(struct report_cell *c, const struct report_value *v)
{
	if (c->nvalues == c->capvalues) {
		c->capvalues = c->capvalues ? 2 * c->capvalues : 16;
		c->values = xrealloc(c->values, (size_t)c->capvalues * sizeof *c->values);
	}
	c->values[c->nvalues++] = *v;
}

/* The patient's state at one visit (report_missing, first that applies, or
 * WEEK_DONE). */
static int visit_state(const struct report_visit *v, day_t death, day_t left, day_t today)
{
	if (v->state == SCHED_DONE && v->done_on != DAY_NONE)
		return WEEK_DONE;
	if (v->state == SCHED_MISSED)
		return RMISS_MISSED;
	day_t close = v->due + v->window_after;
	if (death != DAY_NONE && death <= close)
		return RMISS_DEAD;
	if (left != DAY_NONE && left <= close)
		return RMISS_WITHDRAWN;
	if (v->state == SCHED_CANCELLED)
		return RMISS_NOT_SCHEDULED;
	return today <= close ? RMISS_NOT_YET_DUE : RMISS_MISSED;
}

/* The day the patient left the protocol alive (withdrawn, lost,
 * transplanted), or DAY_NONE. */
static day_t left_day(const struct report_patient_in *pin)
{
	for (int i = 0; i < pin->nstatuses; i++) {
		enum pstate s = pin->statuses[i].state;
		if (s == PSTATE_WITHDRAWN || s == PSTATE_LOST || s == PSTATE_TRANSPLANTED)
			return pin->statuses[i].date;
	}
	return DAY_NONE;
}

static day_t death_day(const struct report_patient_in *pin)
{
	const struct lt_tte *d = &pin->history->tte[LT_EV_DEATH];
	return d->event ? d->date : DAY_NONE;
}

/* The series of a lab or stiffness measure. */
static const struct dash_point *series(const struct dash_input *in, enum dash_measure m, int *n)
{
	const struct dash_measure_info *mi = dash_measure(m);
	if (mi->source == DSRC_STIFFNESS) {
		*n = in->nstiffness;
		return in->stiffness;
	}
	*n = in->nlab[mi->id];
	return in->lab[mi->id];
}

/* A dashboard measure's value at a visit done on day: the newest value
 * dated from lo (the window's first day, or the visit day if earlier) to
 * the visit day; a score is dash_score_on that day, counted when its newest
 * input is dated from lo. */
/* Whether series pts has a point dated lo..day. */
static bool dated_in(const struct dash_point *pts, int n, day_t lo, day_t day)
{
	int i = dash_at_or_before(pts, n, day);
	return i >= 0 && pts[i].date >= lo;
}

/* Whether any input a score may use is dated lo..day: without one, no score
 * there can have its newest input in the window, and computing it is
 * skipped. */
static bool any_input_in(const struct dash_input *in, day_t lo, day_t day)
{
	for (int a = 0; a < ANALYTE_COUNT; a++)
		if (dated_in(in->lab[a], in->nlab[a], lo, day))
			return true;
	return dated_in(in->ascites, in->nascites, lo, day) || dated_in(in->he, in->nhe, lo, day) ||
	       dated_in(in->dialysis, in->ndialysis, lo, day) ||
	       dated_in(in->weight, in->nweight, lo, day) ||
	       dated_in(in->stiffness, in->nstiffness, lo, day);
}

static bool dash_value_at(const struct dash_input *in, enum dash_measure m, day_t lo, day_t day,
			  struct dash_point *out)
{
	if (dash_measure(m)->source == DSRC_SCORE)
		return any_input_in(in, lo, day) && dash_score_on(in, m, day, false, out) &&
		       out->date >= lo;
	int n = 0;
	const struct dash_point *pts = series(in, m, &n);
	int i = dash_at_or_before(pts, n, day);
	if (i < 0 || pts[i].date < lo)
		return false;
	*out = pts[i];
	return true;
}

/* The dashboard's baseline of each reported measure — what dash_build puts
 * in its rows (the rule's day and entry time; a score recomputed there from
 * what the rule lets count) without its trend series, which the report
 * does not need and which cost a score per recorded day. */
static void baselines(const struct dash_input *full, struct dash_row *rows)
{
	struct dash_baseline base;
	struct dash_input bin = *full;
	dash_baseline_rule(full->as_of, full->signed_at, full->first_infusion, &base);
	bin.as_of = base.day;
	bin.signed_at = base.seen_by;
	for (int k = 0; k < REPORT_DASH_MEASURES; k++) {
		enum dash_measure m = report_dash_measures[k];
		struct dash_row *row = &rows[m];
		memset(row, 0, sizeof *row);
		row->m = m;
		if (dash_measure(m)->source == DSRC_SCORE) {
			row->have_baseline =
			    bin.as_of != DAY_NONE &&
			    dash_score_on(&bin, m, bin.as_of, true, &row->baseline);
			continue;
		}
		int n = 0;
		const struct dash_point *pts = series(&bin, m, &n);
		int b = dash_baseline_index(pts, n, bin.as_of, bin.signed_at);
		if (b >= 0) {
			row->have_baseline = true;
			row->baseline = pts[b];
		}
	}
}

static void add_dash_values(struct report *r, const struct report_patient_in *pin,
			    const struct dash_row *rows, const struct report_visit *v, int w)
{
	day_t lo = v->due - v->window_before;
	if (v->done_on < lo)
		lo = v->done_on;
	for (int m = 0; m < REPORT_DASH_MEASURES; m++) {
		struct dash_point pt;
		if (!dash_value_at(pin->in, report_dash_measures[m], lo, v->done_on, &pt))
			continue;
		const struct dash_row *row = &rows[report_dash_measures[m]];
		struct report_value val = {
		    .patient = r->npatients - 1,
		    .have_baseline = row->have_baseline,
		    .baseline = row->have_baseline ? row->baseline.value : NAN,
		    .base_day = row->have_baseline ? row->baseline.date : DAY_NONE,
		    .value = pt.value,
		    .day = pt.date};
		push_value(report_cell(r, m, w), &val);
	}
}

/* Questionnaire domains: the baseline is the newest score on or before the
 * baseline day (dash_baseline_rule); a week's value the newest from lo to
 * the visit day. */
static enum status add_qol_values(struct report *r, const struct report_patient_in *pin,
				  const struct report_visit *vis, const int *widx, int nvis,
				  day_t base_day, struct err *e)
{
	for (int i = 0; i < pin->nqol; i++) {
		const struct report_qol *q = &pin->qol[i];
		int m = qol_measure(r, q);
		if (m < 0)
			return err_set(e, ST_INVALID, "more than %d measures: questionnaire %s %s",
				       REPORT_MEASURES_MAX, q->code, q->domain);
		const struct report_qol *base = NULL;
		for (int j = 0; j < pin->nqol; j++) {
			const struct report_qol *b = &pin->qol[j];
			/* Dates first: most answers are after the baseline day, and
			 * the names compared for every pair were 3 % of the report. */
			if (base_day != DAY_NONE && b->date <= base_day &&
			    (!base || b->date >= base->date) && strcmp(b->code, q->code) == 0 &&
			    strcmp(b->domain, q->domain) == 0)
				base = b;
		}
		for (int k = 0; k < nvis; k++) {
			const struct report_visit *v = &vis[k];
			if (widx[k] < 0 || v->state != SCHED_DONE || v->done_on == DAY_NONE)
				continue;
			day_t lo = v->due - v->window_before;
			if (v->done_on < lo)
				lo = v->done_on;
			if (q->date < lo || q->date > v->done_on)
				continue;
			struct report_cell *c = report_cell(r, m, widx[k]);
			struct report_value *last = c->nvalues ? &c->values[c->nvalues - 1] : NULL;
			/* The newest of the window: replace an older one of this patient. */
			if (last && last->patient == r->npatients - 1) {
				if (q->date >= last->day) {
					last->value = q->score;
					last->day = q->date;
				}
				continue;
			}
			struct report_value val = {.patient = r->npatients - 1,
						   .have_baseline = base != NULL,
						   .baseline = base ? base->score : NAN,
						   .base_day = base ? base->date : DAY_NONE,
						   .value = q->score,
						   .day = q->date};
			push_value(c, &val);
		}
	}
	return ST_OK;
}

/* The patient's biopsies paired baseline to follow-up (histology_summary). */
static void add_histology(struct report *r, const struct report_patient_in *pin)
{
	struct histo_summary hs;
	histology_summary(pin->histology, pin->nhistology, pin->infusions[0].date, &hs);
	for (int m = 0; m < HISTO_COUNT; m++) {
		struct report_histo *h = &r->histo[m];
		const struct histo_change *c = &hs.c[m];
		if (!c->have) {
			if (hs.baseline >= 0 && !isnan(pin->histology[hs.baseline].v[m]))
				h->baseline_only++;
			else
				h->none++;
			continue;
		}
		struct report_value val = {.patient = r->npatients - 1,
					   .have_baseline = true,
					   .baseline = c->base,
					   .base_day = pin->histology[hs.baseline].date,
					   .value = c->latest,
					   .day = pin->histology[hs.latest].date};
		push_value(&h->cell, &val);
		if (c->direction > 0)
			h->improved++;
		else if (c->direction < 0)
			h->worse++;
		else
			h->unchanged++;
	}
}

static bool ae_discontinued(const struct report_patient_in *pin, const struct ae *a)
{
	for (int i = 0; i < pin->ninfusions; i++)
		if (pin->infusions[i].date > a->onset)
			return false;
	if (a->action == AE_ACT_INFUSION_STOPPED)
		return true;
	for (int i = 0; i < pin->nstatuses; i++)
		if (pin->statuses[i].state == PSTATE_WITHDRAWN && pin->statuses[i].date >= a->onset)
			return true;
	return false;
}

static void add_aes(struct report *r, const struct report_patient_in *pin)
{
	struct report_safety *s = &r->safety;
	day_t first = pin->infusions[0].date;
	for (int i = 0; i < pin->naes; i++) {
		const struct ae *a = &pin->aes[i];
		if (a->onset < first)
			continue; /* before treatment: not treatment-emergent */
		if (s->naes == s->capaes) {
			s->capaes = s->capaes ? 2 * s->capaes : 64;
			s->aes = xrealloc(s->aes, (size_t)s->capaes * sizeof *s->aes);
		}
		struct report_ae *x = &s->aes[s->naes++];
		memset(x, 0, sizeof *x);
		x->patient = r->npatients - 1;
		x->id = a->id;
		snprintf(x->term, sizeof x->term, "%s", a->term);
		x->grade = a->grade;
		x->related = ae_is_related(a->relation);
		x->serious = a->serious;
		x->discontinued = ae_discontinued(pin, a);
		x->onset = a->onset;
	}
	s->infusions += pin->ninfusions;
	s->treated++;
}

static void push_subject(struct report_curve *c, int patient, double t, bool event)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 64;
		c->subjects = xrealloc(c->subjects, (size_t)c->cap * sizeof *c->subjects);
		c->patient = xrealloc(c->patient, (size_t)c->cap * sizeof *c->patient);
	}
	c->subjects[c->n] = (struct km_subject){t, event};
	c->patient[c->n++] = patient;
}

/* Overall: death, else censored at the last known alive day (lt_history).
 * Transplant-free: the first of death and transplant. A patient with
 * nothing known after the first infusion is censored at day 0. */
static void add_survival(struct report *r, const struct report_patient_in *pin)
{
	const struct lt_tte *d = &pin->history->tte[LT_EV_DEATH];
	const struct lt_tte *t = &pin->history->tte[LT_EV_TRANSPLANT];
	int p = r->npatients - 1;
	double dd = d->days > 0 ? d->days : 0, td = t->days > 0 ? t->days : 0;
	push_subject(&r->km[RKM_OS], p, dd, d->event);
	if (d->event && t->event)
		push_subject(&r->km[RKM_TFS], p, dd < td ? dd : td, true);
	else if (t->event)
		push_subject(&r->km[RKM_TFS], p, td, true);
	else
		push_subject(&r->km[RKM_TFS], p, dd, d->event);
}

static int visit_week(const struct report_visit *v)
{
	return v->week;
}

enum status report_add_patient(struct report *r, const struct report_patient_in *pin, struct err *e)
{
	if (r->npatients == r->cappatients) {
		r->cappatients = r->cappatients ? 2 * r->cappatients : 64;
		r->patients = xrealloc(r->patients, (size_t)r->cappatients * sizeof *r->patients);
		r->week_state = xrealloc(r->week_state, (size_t)r->cappatients * REPORT_WEEKS_MAX);
	}
	int p = r->npatients++;
	struct report_patient *rp = &r->patients[p];
	memset(rp, 0, sizeof *rp);
	rp->id = pin->p->id;
	snprintf(rp->mrn, sizeof rp->mrn, "%s", pin->p->mrn);
	rp->first_infusion = pin->infusions[0].date;
	rp->infusions = pin->ninfusions;
	memset(&r->week_state[(size_t)p * REPORT_WEEKS_MAX], RMISS_NOT_SCHEDULED, REPORT_WEEKS_MAX);

	int *widx = xcalloc(pin->nvisits > 0 ? (size_t)pin->nvisits : 1, sizeof *widx);
	day_t death = death_day(pin), left = left_day(pin);
	for (int k = 0; k < pin->nvisits; k++) {
		widx[k] = week_index(r, visit_week(&pin->visits[k]));
		if (widx[k] < 0) {
			free(widx);
			return err_set(e, ST_INVALID, "more than %d visit weeks: week %d",
				       REPORT_WEEKS_MAX, pin->visits[k].week);
		}
	}
	struct dash_row *rows = xcalloc(DASH_COUNT, sizeof *rows);
	baselines(pin->in, rows);
	for (int k = 0; k < pin->nvisits; k++) {
		const struct report_visit *v = &pin->visits[k];
		int st = visit_state(v, death, left, r->today);
		unsigned char *slot = &r->week_state[(size_t)p * REPORT_WEEKS_MAX + widx[k]];
		/* One visit a week counts; a done one wins over a cancelled one
		 * of an older plan. */
		if (*slot == WEEK_DONE)
			continue;
		*slot = (unsigned char)st;
		if (st == WEEK_DONE)
			add_dash_values(r, pin, rows, v, widx[k]);
	}
	free(rows);
	struct dash_baseline base;
	dash_baseline_rule(pin->in->as_of, pin->in->signed_at, pin->in->first_infusion, &base);
	enum status s = add_qol_values(r, pin, pin->visits, widx, pin->nvisits, base.day, e);
	free(widx);
	if (s != ST_OK)
		return s;
	add_aes(r, pin);
	add_histology(r, pin);
	add_survival(r, pin);
	return ST_OK;
}

/* --- the statistics --- */

/* A cell's statistics from its values, with a, b and c as scratch of at
 * least nvalues each. */
static void cell_stats(struct report_cell *cell, double *a, double *b, double *c)
{
	int nv = 0, np = 0;
	for (int i = 0; i < cell->nvalues; i++) {
		const struct report_value *v = &cell->values[i];
		a[nv++] = v->value;
		if (v->have_baseline) {
			b[np] = v->baseline;
			c[np++] = v->value - v->baseline;
		}
	}
	cell->no_baseline = nv - np;
	stats_paired_test(c, np, &cell->test);
	stats_describe(a, nv, &cell->value);
	stats_describe(b, np, &cell->baseline);
	stats_describe(c, np, &cell->change);
}

static void finish_cell(struct report *r, int m, int w, double *a, double *b, double *c)
{
	struct report_cell *cell = report_cell(r, m, w);
	cell_stats(cell, a, b, c);
	/* The values are by patient, ascending: walk both together. */
	memset(cell->missing, 0, sizeof cell->missing);
	for (int p = 0, i = 0; p < r->npatients; p++) {
		if (i < cell->nvalues && cell->values[i].patient == p) {
			i++;
			continue;
		}
		int st = r->week_state[(size_t)p * REPORT_WEEKS_MAX + w];
		cell->missing[st == WEEK_DONE ? RMISS_NOT_RECORDED : st]++;
	}
}

static int cmp_ae(const void *x, const void *y)
{
	const struct report_ae *a = x, *b = y;
	int t = strcmp(a->term, b->term);
	if (t)
		return t;
	if (a->patient != b->patient)
		return a->patient < b->patient ? -1 : 1;
	return (a->onset > b->onset) - (a->onset < b->onset);
}

static int cmp_term(const void *x, const void *y)
{
	const struct report_term *a = x, *b = y;
	if (a->patients != b->patients)
		return a->patients > b->patients ? -1 : 1;
	return strcmp(a->term, b->term);
}

/* Count events into t, and each patient once (its worst grade) — aes
 * sorted so one patient's events of t are together. */
static void count_term(struct report_term *t, const struct report_ae *a, int n)
{
	for (int i = 0; i < n;) {
		int j = i, worst = 0;
		bool rel = false, ser = false, dis = false;
		for (; j < n && a[j].patient == a[i].patient; j++) {
			t->events++;
			worst = a[j].grade > worst ? a[j].grade : worst;
			t->related_events += a[j].related;
			t->serious_events += a[j].serious;
			t->discont_events += a[j].discontinued;
			rel = rel || a[j].related;
			ser = ser || a[j].serious;
			dis = dis || a[j].discontinued;
		}
		t->patients++;
		if (worst >= 1 && worst <= 5)
			t->worst[worst]++;
		t->related_patients += rel;
		t->serious_patients += ser;
		t->discont_patients += dis;
		i = j;
	}
}

static int cmp_ae_patient(const void *x, const void *y)
{
	const struct report_ae *a = x, *b = y;
	if (a->patient != b->patient)
		return a->patient < b->patient ? -1 : 1;
	return (a->onset > b->onset) - (a->onset < b->onset);
}

/* qsort that takes an empty array as it is (C: base must not be NULL, even
 * for no elements; a report with no event has no array). */
static void sort_some(void *base, int n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 0)
		qsort(base, (size_t)n, size, cmp);
}

static void finish_safety(struct report_safety *s)
{
	sort_some(s->aes, s->naes, sizeof *s->aes, cmp_ae_patient);
	memset(&s->any, 0, sizeof s->any);
	snprintf(s->any.term, sizeof s->any.term, "any adverse event");
	count_term(&s->any, s->aes, s->naes);
	sort_some(s->aes, s->naes, sizeof *s->aes, cmp_ae);
	free(s->terms);
	s->terms = xcalloc(s->naes > 0 ? (size_t)s->naes : 1, sizeof *s->terms);
	s->nterms = 0;
	for (int i = 0; i < s->naes;) {
		int j = i;
		while (j < s->naes && strcmp(s->aes[j].term, s->aes[i].term) == 0)
			j++;
		struct report_term *t = &s->terms[s->nterms++];
		snprintf(t->term, sizeof t->term, "%s", s->aes[i].term);
		count_term(t, s->aes + i, j - i);
		i = j;
	}
	sort_some(s->terms, s->nterms, sizeof *s->terms, cmp_term);
	sort_some(s->aes, s->naes, sizeof *s->aes, cmp_ae_patient);
	s->per_patient = s->treated ? (double)s->any.patients / s->treated : NAN;
	s->per_infusion = s->infusions ? (double)s->any.events / s->infusions : NAN;
}

static void finish_curve(struct report_curve *c)
{
	/* km_estimate sorts the subjects: keep the patient beside each. */
	struct km_subject *sorted = xcalloc(c->n > 0 ? (size_t)c->n : 1, sizeof *sorted);
	if (c->n > 0)
		memcpy(sorted, c->subjects, (size_t)c->n * sizeof *sorted);
	free(c->steps);
	c->steps = xcalloc(c->n > 0 ? (size_t)c->n : 1, sizeof *c->steps);
	km_estimate(sorted, c->n, c->steps, &c->nsteps, &c->median);
	free(sorted);
	c->events = 0;
	for (int i = 0; i < c->n; i++)
		c->events += c->subjects[i].event;
	for (int k = 0; k < REPORT_KM_TIMES; k++) {
		double t = ceil(report_km_months[k] * REPORT_DAYS_PER_MONTH);
		c->at_risk[k] = km_at_risk(c->subjects, c->n, t);
		/* Beyond the last follow-up the curve is not known. */
		bool known = c->nsteps && t <= c->steps[c->nsteps - 1].time;
		c->surv_at[k] = known ? km_surv_at(c->steps, c->nsteps, t) : NAN;
	}
}

void report_finish(struct report *r)
{
	int cap = 1;
	for (int m = 0; m < r->nmeasures; m++)
		for (int w = 0; w < r->nweeks; w++)
			cap = report_cell(r, m, w)->nvalues > cap ? report_cell(r, m, w)->nvalues
								  : cap;
	for (int m = 0; m < HISTO_COUNT; m++)
		cap = r->histo[m].cell.nvalues > cap ? r->histo[m].cell.nvalues : cap;
	double *a = xcalloc((size_t)cap, sizeof *a), *b = xcalloc((size_t)cap, sizeof *b);
	double *c = xcalloc((size_t)cap, sizeof *c);
	for (int m = 0; m < r->nmeasures; m++)
		for (int w = 0; w < r->nweeks; w++)
			finish_cell(r, m, w, a, b, c);
	for (int m = 0; m < HISTO_COUNT; m++)
		cell_stats(&r->histo[m].cell, a, b, c);
	free(a);
	free(b);
	free(c);
	finish_safety(&r->safety);
	for (int k = 0; k < RKM_COUNT; k++)
		finish_curve(&r->km[k]);
	r->finished = true;
}

void report_free(struct report *r)
{
	for (int m = 0; m < REPORT_MEASURES_MAX; m++)
		for (int w = 0; w < REPORT_WEEKS_MAX; w++)
			free(report_cell(r, m, w)->values);
	free(r->patients);
	free(r->week_state);
	free(r->safety.aes);
	free(r->safety.terms);
	for (int m = 0; m < HISTO_COUNT; m++)
		free(r->histo[m].cell.values);
	for (int k = 0; k < RKM_COUNT; k++) {
		free(r->km[k].subjects);
		free(r->km[k].patient);
		free(r->km[k].steps);
	}
	memset(r, 0, sizeof *r);
}

/* --- the curve in the terminal --- */

/* Braille dot bits by (column 0-1, row 0-3) within a cell. */
static const unsigned char braille_bit[2][4] = {{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}};

/* Dot row (0 top .. rows-1 bottom) of survival v. */
static int dot_row(double v, int rows)
{
	int y = (int)lround((1 - v) * (rows - 1));
	return y < 0 ? 0 : y >= rows ? rows - 1 : y;
}

int report_km_plot(const struct report_curve *c, double tmax, int width, int height, bool ascii,
		   char *buf, size_t n)
{
	if (n)
		*buf = '\0';
	if (width < 1 || height < 1 || tmax <= 0 || n == 0)
		return 0;
	int dx = ascii ? 1 : 2, dy = ascii ? 1 : 4;
	int cols = width * dx, rows = height * dy;
	unsigned char *grid = xcalloc((size_t)cols * (size_t)rows, 1);
	int prev = -1;
	for (int x = 0; x < cols; x++) {
		double t = tmax * x / (cols > 1 ? cols - 1 : 1);
		int y = dot_row(km_surv_at(c->steps, c->nsteps, t), rows);
		int from = prev < 0 ? y : prev;
		for (int k = from < y ? from : y; k <= (from > y ? from : y); k++)
			grid[(size_t)k * cols + x] = k == y ? 1 : 2; /* 2: the drop */
		prev = y;
	}
	size_t len = 0;
	int lines = 0;
	for (int cy = 0; cy < height; cy++) {
		char line[1024];
		size_t l = 0;
		for (int cx = 0; cx < width && l + 4 < sizeof line; cx++) {
			if (ascii) {
				unsigned char g = grid[(size_t)cy * cols + cx];
				line[l++] = g == 1 ? '*' : g == 2 ? '|' : ' ';
				continue;
			}
			unsigned bits = 0;
			for (int i = 0; i < 2; i++)
				for (int j = 0; j < 4; j++)
					if (grid[(size_t)(cy * 4 + j) * cols + cx * 2 + i])
						bits |= braille_bit[i][j];
			unsigned cp = 0x2800 + bits;
			line[l++] = (char)(0xE0 | (cp >> 12));
			line[l++] = (char)(0x80 | ((cp >> 6) & 0x3F));
			line[l++] = (char)(0x80 | (cp & 0x3F));
		}
		line[l++] = '\n';
		if (len + l + 1 > n)
			break;
		memcpy(buf + len, line, l);
		len += l;
		buf[len] = '\0';
		lines++;
	}
	free(grid);
	return lines;
}
