/* cli_report.c: `report outcomes` — the cohort outcomes report (report.h)
 * as text (with the survival curves drawn), JSON or long-format CSV, and
 * with --detail the patients and values behind every number. */
#include "cli_int.h"

#include <langinfo.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "json.h"
#include "report.h"
#include "uc_report.h"

#define HISTO_PAIRING                                                                       \
	"paired biopsies: the first on or before the first infusion, the newest after it, " \
	"both reporting the measure"
#define KM_METHOD "Brookmeyer-Crowley, log-log transformed Greenwood variance"
#define DISCONT_RULE                                                                        \
	"derived: no infusion given after the onset day, and the event's action was "       \
	"infusion_stopped or the patient was withdrawn on or after the onset (the adverse " \
	"event record holds no discontinuation field)"
#define PLOT_W 60
#define PLOT_H 8

enum { O_FROM, O_TO, O_ETIOLOGY, O_ROUTE, O_PRODUCT, O_JSON, O_CSV, O_DETAIL, O_ASCII, O_N };

/* Braille only when the locale's character set is UTF-8: the one in
 * effect when a program set it (the screens), else the one the environment
 * names (LC_ALL, LC_CTYPE, LANG: the first set), as setlocale would. */
static bool want_ascii(const struct cli_opt *o)
{
	if (o[O_ASCII].set)
		return true;
	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return false;
	const char *names[] = {"LC_ALL", "LC_CTYPE", "LANG"}, *v = NULL;
	for (size_t i = 0; i < ARRAY_SIZE(names) && !(v && *v); i++)
		v = getenv(names[i]);
	char low[64] = "";
	for (size_t i = 0; v && v[i] && i + 1 < sizeof low; i++)
		low[i] = (char)((v[i] >= 'A' && v[i] <= 'Z') ? v[i] - 'A' + 'a' : v[i]);
	return !(strstr(low, "utf-8") || strstr(low, "utf8"));
}

/* --- text --- */

static void fmt(char *b, size_t n, double v, int dec)
{
	if (isnan(v))
		snprintf(b, n, "--");
	else
		snprintf(b, n, "%.*f", dec, v);
}

static void fmt_p(char *b, size_t n, double p)
{
	if (isnan(p))
		snprintf(b, n, "--");
	else if (p < 0.0001)
		snprintf(b, n, "<0.0001");
	else
		snprintf(b, n, "%.4f", p);
}

static void desc_text(struct cli *c, const char *what, const struct stats_desc *d, int dec)
{
	char m[32], sd[32], md[32], q1[32], q3[32];
	fmt(m, sizeof m, d->mean, dec);
	fmt(sd, sizeof sd, d->sd, dec);
	fmt(md, sizeof md, d->median, dec);
	fmt(q1, sizeof q1, d->q1, dec);
	fmt(q3, sizeof q3, d->q3, dec);
	cli_putf(c, "    %-9s n %-4d mean %s ± %s  median %s (IQR %s to %s)\n", what, d->n, m, sd,
		 md, q1, q3);
}

static void missing_text(struct cli *c, const struct report_cell *cell)
{
	int total = 0;
	for (int k = 0; k < RMISS_COUNT; k++)
		total += cell->missing[k];
	cli_putf(c, "    missing   %d", total);
	const char *sep = " (";
	for (int k = 0; k < RMISS_COUNT; k++)
		if (cell->missing[k]) {
			cli_putf(c, "%s%s %d", sep, report_missing_label((enum report_missing)k),
				 cell->missing[k]);
			sep = ", ";
		}
	cli_put(c, *sep == ',' ? ")\n" : "\n");
}

/* Each value of a cell with its patient, baseline and change. */
static void values_text(struct cli *c, const struct report *r, const struct report_cell *cell,
			int dec)
{
	char b[32], v[32], ch[32], bd[16], vd[16];
	for (int i = 0; i < cell->nvalues; i++) {
		const struct report_value *x = &cell->values[i];
		fmt(b, sizeof b, x->have_baseline ? x->baseline : NAN, dec);
		fmt(v, sizeof v, x->value, dec);
		fmt(ch, sizeof ch, x->have_baseline ? x->value - x->baseline : NAN, dec);
		cli_putf(c, "      %-12s baseline %s (%s)  value %s (%s)  change %s\n",
			 r->patients[x->patient].mrn, b, date_format(x->base_day, bd), v,
			 date_format(x->day, vd), ch);
	}
}

static void cell_detail_text(struct cli *c, const struct report *r, int m, int w)
{
	values_text(c, r, report_cell_c(r, m, w), r->measures[m].decimals + 1);
	for (int p = 0; p < r->npatients; p++) {
		int why = report_miss_of(r, m, w, p);
		if (why >= 0)
			cli_putf(c, "      %-12s missing: %s\n", r->patients[p].mrn,
				 report_missing_label((enum report_missing)why));
	}
}

/* A cell's statistics: baseline, value and change, and the paired tests. */
static void stats_text(struct cli *c, const struct report_cell *cell, int dec)
{
	char t[32], pt[32], pw[32];
	desc_text(c, "baseline", &cell->baseline, dec);
	desc_text(c, "value", &cell->value, dec);
	desc_text(c, "change", &cell->change, dec);
	fmt(t, sizeof t, cell->test.t, 3);
	fmt_p(pt, sizeof pt, cell->test.p_t);
	fmt_p(pw, sizeof pw, cell->test.p_w);
	const char *meth = stats_wsr_method_str(cell->test.method);
	cli_putf(c, "    tests     paired t %s (df %d) p %s; Wilcoxon p %s (%s, %d non-zero)\n", t,
		 cell->test.df, pt, pw, meth ? meth : "none", cell->test.n_nonzero);
	if (cell->no_baseline)
		cli_putf(c, "    no baseline %d (value only)\n", cell->no_baseline);
}

static void change_text(struct cli *c, const struct report *r, bool detail)
{
	cli_put(c, "\nCHANGE FROM BASELINE (baseline: the dashboard's; paired tests two-sided)\n");
	for (int m = 0; m < r->nmeasures; m++) {
		const struct report_measure *ms = &r->measures[m];
		for (int w = 0; w < r->nweeks; w++) {
			const struct report_cell *cell = report_cell_c(r, m, w);
			int dec = ms->decimals + 1;
			cli_putf(c, "%s (%s) week %d%s\n", ms->label,
				 *ms->unit ? ms->unit : "ratio", r->weeks[w],
				 cell->value.n ? "" : ": no values");
			if (!cell->value.n) {
				missing_text(c, cell);
				if (detail)
					cell_detail_text(c, r, m, w);
				continue;
			}
			stats_text(c, cell, dec);
			missing_text(c, cell);
			if (detail)
				cell_detail_text(c, r, m, w);
		}
	}
}

static void term_text(struct cli *c, const struct report_term *t)
{
	cli_putf(c, "  %-28.28s %4d %6d  %3d %3d %3d %3d %3d  %3d/%-3d %3d/%-3d %3d/%-3d\n",
		 t->term, t->patients, t->events, t->worst[1], t->worst[2], t->worst[3],
		 t->worst[4], t->worst[5], t->related_patients, t->related_events,
		 t->serious_patients, t->serious_events, t->discont_patients, t->discont_events);
}

static void safety_text(struct cli *c, const struct report *r, bool detail)
{
	const struct report_safety *s = &r->safety;
	char pp[32], pi[32];
	fmt(pp, sizeof pp, s->per_patient * 100, 1);
	fmt(pi, sizeof pi, s->per_infusion, 3);
	cli_put(c, "\nSAFETY (treatment-emergent: onset on or after the first infusion)\n");
	cli_putf(c,
		 "  %d patients treated, %d infusions; patients with an event %d (%s %%); "
		 "events %d (%s per infusion)\n",
		 s->treated, s->infusions, s->any.patients, pp, s->any.events, pi);
	cli_put(c, "  discontinuation " DISCONT_RULE "\n");
	cli_putf(c, "  %-28s %4s %6s  %3s %3s %3s %3s %3s  %-7s %-7s %-7s\n", "CTCAE term", "pts",
		 "events", "G1", "G2", "G3", "G4", "G5", "related", "serious", "discont");
	cli_put(c, "  (patients counted once, at their worst grade; pts/events)\n");
	term_text(c, &s->any);
	for (int i = 0; i < s->nterms; i++)
		term_text(c, &s->terms[i]);
	if (!detail)
		return;
	char d[16];
	for (int i = 0; i < s->naes; i++) {
		const struct report_ae *a = &s->aes[i];
		cli_putf(c, "    %-12s %s  %s grade %d%s%s%s\n", r->patients[a->patient].mrn,
			 date_format(a->onset, d), a->term, a->grade, a->related ? " related" : "",
			 a->serious ? " serious" : "", a->discontinued ? " discontinued" : "");
	}
}

/* A biopsy measure's unit as shown: "stage" for a stage or grade. */
static const char *histo_unit(enum histo_measure m)
{
	return *histo_measure(m)->unit ? histo_measure(m)->unit
	       : m == HISTO_GRADE      ? "grade"
				       : "stage";
}

static void histology_text(struct cli *c, const struct report *r, bool detail)
{
	cli_put(c, "\nHISTOLOGY (" HISTO_PAIRING "; paired tests two-sided)\n");
	for (int m = 0; m < HISTO_COUNT; m++) {
		const struct report_histo *h = &r->histo[m];
		const struct histo_measure_info *mi = histo_measure((enum histo_measure)m);
		cli_putf(c, "%s (%s)%s\n", mi->label, histo_unit((enum histo_measure)m),
			 h->cell.nvalues ? "" : ": no pairs");
		cli_putf(c,
			 "    pairs     %d: improved %d, unchanged %d, worse %d; baseline biopsy "
			 "only %d, none %d\n",
			 h->cell.nvalues, h->improved, h->unchanged, h->worse, h->baseline_only,
			 h->none);
		if (!h->cell.nvalues)
			continue;
		stats_text(c, &h->cell, mi->decimals + 1);
		if (detail)
			values_text(c, r, &h->cell, mi->decimals);
	}
}

static void median_text(struct cli *c, const struct km_median *m)
{
	char v[32], lo[32], hi[32];
	snprintf(v, sizeof v, m->reached ? "%.0f days" : "not reached", m->median);
	snprintf(lo, sizeof lo, m->lower_reached ? "%.0f" : "not reached", m->lower);
	snprintf(hi, sizeof hi, m->upper_reached ? "%.0f" : "not reached", m->upper);
	cli_putf(c, "  median %s (95 %% CI %s to %s; " KM_METHOD ")\n", v, lo, hi);
}

static void curve_text(struct cli *c, const struct report *r, enum report_km k, bool ascii,
		       bool detail)
{
	const struct report_curve *cv = &r->km[k];
	cli_putf(c, "\n%s (from the first infusion; %s; censored at the last known alive day)\n",
		 report_km_label(k), k == RKM_OS ? "event: death" : "event: death or transplant");
	cli_putf(c, "  %d patients, %d events\n", cv->n, cv->events);
	median_text(c, &cv->median);
	cli_put(c, "  months    ");
	for (int i = 0; i < REPORT_KM_TIMES; i++)
		cli_putf(c, "%8d", report_km_months[i]);
	cli_put(c, "\n  at risk   ");
	for (int i = 0; i < REPORT_KM_TIMES; i++)
		cli_putf(c, "%8d", cv->at_risk[i]);
	cli_put(c, "\n  survival  ");
	for (int i = 0; i < REPORT_KM_TIMES; i++) {
		char v[16];
		fmt(v, sizeof v, cv->surv_at[i], 3);
		cli_putf(c, "%8s", v);
	}
	cli_put(c, "\n");
	double tmax = 1;
	for (int i = 0; i < cv->nsteps; i++)
		tmax = cv->steps[i].time > tmax ? cv->steps[i].time : tmax;
	char *plot = xcalloc(PLOT_H * (PLOT_W * 3 + 2) + 1, 1);
	report_km_plot(cv, tmax, PLOT_W, PLOT_H, ascii, plot, PLOT_H * (PLOT_W * 3 + 2) + 1);
	const char *line = plot;
	for (int y = 0; y < PLOT_H && *line; y++) {
		const char *nl = strchr(line, '\n');
		cli_putf(c, "  %4s %s %.*s\n",
			 y == 0		   ? "1.0"
			 : y == PLOT_H - 1 ? "0.0"
					   : "",
			 ascii ? "|" : "│", (int)(nl - line), line);
		line = nl + 1;
	}
	free(plot);
	cli_putf(c, "       0%*s%.0f days\n", PLOT_W - 4, "", tmax);
	cli_put(c, "  steps: day at-risk events censored survival (95% CI)\n");
	for (int i = 0; i < cv->nsteps; i++) {
		const struct km_step *s = &cv->steps[i];
		char lo[16], hi[16];
		fmt(lo, sizeof lo, s->lower, 3);
		fmt(hi, sizeof hi, s->upper, 3);
		cli_putf(c, "    %6.0f %4d %3d %3d  %.4f (%s to %s)\n", s->time, s->at_risk,
			 s->events, s->censored, s->surv, lo, hi);
	}
	for (int i = 0; detail && i < cv->n; i++)
		cli_putf(c, "    %-12s day %.0f %s\n", r->patients[cv->patient[i]].mrn,
			 cv->subjects[i].time, cv->subjects[i].event ? "event" : "censored");
}

static void filters_text(struct cli *c, const struct report *r)
{
	const struct report_filter *f = &r->filter;
	char a[16], b[16];
	cli_putf(c, "filters: first infusion %s to %s; etiology %s; route %s; product %s\n",
		 f->from != DAY_NONE ? date_format(f->from, a) : "any",
		 f->to != DAY_NONE ? date_format(f->to, b) : "any",
		 *f->etiology ? f->etiology : "any", f->by_route ? plan_route_str(f->route) : "any",
		 f->by_product ? product_type_str(f->product) : "any");
}

static void report_text(struct cli *c, const struct report *r, bool detail, bool ascii)
{
	char d[16];
	cli_putf(c, "COHORT OUTCOMES as of %s\n", date_format(r->today, d));
	filters_text(c, r);
	cli_putf(c, "treated patients: %d\n", r->npatients);
	if (detail) {
		for (int p = 0; p < r->npatients; p++)
			cli_putf(c, "  %-12s first infusion %s, %d infusion%s\n",
				 r->patients[p].mrn, date_format(r->patients[p].first_infusion, d),
				 r->patients[p].infusions,
				 r->patients[p].infusions == 1 ? "" : "s");
	}
	change_text(c, r, detail);
	safety_text(c, r, detail);
	histology_text(c, r, detail);
	for (int k = 0; k < RKM_COUNT; k++)
		curve_text(c, r, (enum report_km)k, ascii, detail);
}

/* --- JSON --- */

static void date_json(struct json *j, const char *key, day_t d)
{
	char b[16];
	json_string(j, key, d != DAY_NONE ? date_format(d, b) : NULL);
}

static void desc_json(struct json *j, const char *key, const struct stats_desc *d, int dec)
{
	json_obj_begin(j, key);
	json_int(j, "n", d->n);
	json_num(j, "mean", d->mean, dec);
	json_num(j, "sd", d->sd, dec);
	json_num(j, "median", d->median, dec);
	json_num(j, "q1", d->q1, dec);
	json_num(j, "q3", d->q3, dec);
	json_num(j, "min", d->min, dec);
	json_num(j, "max", d->max, dec);
	json_obj_end(j);
}

/* A cell's statistics (the keys of a change cell from "n" to "wilcoxon"). */
static void stats_json(struct json *j, const struct report_cell *cell, int dec)
{
	json_int(j, "n", cell->value.n);
	json_int(j, "n_pairs", cell->change.n);
	json_int(j, "no_baseline", cell->no_baseline);
	desc_json(j, "baseline", &cell->baseline, dec);
	desc_json(j, "value", &cell->value, dec);
	desc_json(j, "change", &cell->change, dec);
	json_obj_begin(j, "t_test");
	json_num(j, "t", cell->test.t, 6);
	json_int(j, "df", cell->test.df);
	json_num(j, "p", cell->test.p_t, 8);
	json_obj_end(j);
	json_obj_begin(j, "wilcoxon");
	json_int(j, "n_nonzero", cell->test.n_nonzero);
	json_num(j, "w_plus", cell->test.w_plus, 1);
	json_num(j, "z", cell->test.z, 6);
	json_num(j, "p", cell->test.p_w, 8);
	json_bool(j, "ties", cell->test.ties);
	json_string(j, "method", stats_wsr_method_str(cell->test.method));
	json_obj_end(j);
}

/* Each value of a cell with its patient, baseline and change ("values"). */
static void values_json(struct json *j, const struct report *r, const struct report_cell *cell,
			int dec)
{
	json_arr_begin(j, "values");
	for (int i = 0; i < cell->nvalues; i++) {
		const struct report_value *x = &cell->values[i];
		json_obj_begin(j, NULL);
		json_string(j, "mrn", r->patients[x->patient].mrn);
		json_num(j, "baseline", x->have_baseline ? x->baseline : NAN, dec);
		date_json(j, "baseline_date", x->base_day);
		json_num(j, "value", x->value, dec);
		date_json(j, "date", x->day);
		json_num(j, "change", x->have_baseline ? x->value - x->baseline : NAN, dec);
		json_obj_end(j);
	}
	json_arr_end(j);
}

static void cell_json(struct json *j, const struct report *r, int m, int w, bool detail)
{
	const struct report_cell *cell = report_cell_c(r, m, w);
	const struct report_measure *ms = &r->measures[m];
	int dec = ms->decimals + 3;
	json_obj_begin(j, NULL);
	json_string(j, "measure", ms->key);
	json_string(j, "label", ms->label);
	json_string(j, "unit", ms->unit);
	json_int(j, "week", r->weeks[w]);
	stats_json(j, cell, dec);
	json_obj_begin(j, "missing");
	int total = 0;
	for (int k = 0; k < RMISS_COUNT; k++) {
		json_int(j, report_missing_str((enum report_missing)k), cell->missing[k]);
		total += cell->missing[k];
	}
	json_int(j, "total", total);
	json_obj_end(j);
	if (detail) {
		values_json(j, r, cell, dec);
		json_arr_begin(j, "missing_patients");
		for (int p = 0; p < r->npatients; p++) {
			int why = report_miss_of(r, m, w, p);
			if (why < 0)
				continue;
			json_obj_begin(j, NULL);
			json_string(j, "mrn", r->patients[p].mrn);
			json_string(j, "reason", report_missing_str((enum report_missing)why));
			json_obj_end(j);
		}
		json_arr_end(j);
	}
	json_obj_end(j);
}

static void histology_json(struct json *j, const struct report *r, bool detail)
{
	json_obj_begin(j, "histology");
	json_string(j, "pairing", HISTO_PAIRING);
	json_arr_begin(j, "measures");
	for (int m = 0; m < HISTO_COUNT; m++) {
		const struct report_histo *h = &r->histo[m];
		const struct histo_measure_info *mi = histo_measure((enum histo_measure)m);
		int dec = mi->decimals + 3;
		json_obj_begin(j, NULL);
		json_string(j, "measure", mi->key);
		json_string(j, "label", mi->label);
		json_string(j, "unit", histo_unit((enum histo_measure)m));
		stats_json(j, &h->cell, dec);
		json_int(j, "improved", h->improved);
		json_int(j, "unchanged", h->unchanged);
		json_int(j, "worse", h->worse);
		json_int(j, "baseline_only", h->baseline_only);
		json_int(j, "none", h->none);
		if (detail)
			values_json(j, r, &h->cell, dec);
		json_obj_end(j);
	}
	json_arr_end(j);
	json_obj_end(j);
}

static void term_json(struct json *j, const char *key, const struct report_term *t)
{
	json_obj_begin(j, key);
	json_string(j, "term", t->term);
	json_int(j, "patients", t->patients);
	json_int(j, "events", t->events);
	json_arr_begin(j, "worst_grade_patients");
	for (int g = 1; g <= 5; g++)
		json_int(j, NULL, t->worst[g]);
	json_arr_end(j);
	json_int(j, "related_patients", t->related_patients);
	json_int(j, "related_events", t->related_events);
	json_int(j, "serious_patients", t->serious_patients);
	json_int(j, "serious_events", t->serious_events);
	json_int(j, "discontinued_patients", t->discont_patients);
	json_int(j, "discontinued_events", t->discont_events);
	json_obj_end(j);
}

static void safety_json(struct json *j, const struct report *r, bool detail)
{
	const struct report_safety *s = &r->safety;
	json_obj_begin(j, "safety");
	json_int(j, "treated", s->treated);
	json_int(j, "infusions", s->infusions);
	json_num(j, "incidence_per_patient", s->per_patient, 4);
	json_num(j, "events_per_infusion", s->per_infusion, 4);
	json_string(j, "discontinuation_rule", DISCONT_RULE);
	term_json(j, "any", &s->any);
	json_arr_begin(j, "terms");
	for (int i = 0; i < s->nterms; i++)
		term_json(j, NULL, &s->terms[i]);
	json_arr_end(j);
	if (detail) {
		json_arr_begin(j, "events");
		for (int i = 0; i < s->naes; i++) {
			const struct report_ae *a = &s->aes[i];
			json_obj_begin(j, NULL);
			json_string(j, "mrn", r->patients[a->patient].mrn);
			json_int(j, "id", a->id);
			json_string(j, "term", a->term);
			json_int(j, "grade", a->grade);
			date_json(j, "onset", a->onset);
			json_bool(j, "related", a->related);
			json_bool(j, "serious", a->serious);
			json_bool(j, "discontinued", a->discontinued);
			json_obj_end(j);
		}
		json_arr_end(j);
	}
	json_obj_end(j);
}

static void limit_json(struct json *j, const char *key, bool reached, double v)
{
	if (reached)
		json_num(j, key, v, 0);
	else
		json_null(j, key);
}

static void curve_json(struct json *j, const struct report *r, enum report_km k, bool detail)
{
	const struct report_curve *cv = &r->km[k];
	json_obj_begin(j, NULL);
	json_string(j, "endpoint", report_km_str(k));
	json_string(j, "label", report_km_label(k));
	json_int(j, "n", cv->n);
	json_int(j, "events", cv->events);
	json_obj_begin(j, "median_days");
	limit_json(j, "estimate", cv->median.reached, cv->median.median);
	limit_json(j, "lower", cv->median.lower_reached, cv->median.lower);
	limit_json(j, "upper", cv->median.upper_reached, cv->median.upper);
	json_string(j, "method", KM_METHOD);
	json_obj_end(j);
	json_arr_begin(j, "at_risk");
	for (int i = 0; i < REPORT_KM_TIMES; i++) {
		json_obj_begin(j, NULL);
		json_int(j, "months", report_km_months[i]);
		json_int(j, "day", (int64_t)ceil(report_km_months[i] * REPORT_DAYS_PER_MONTH));
		json_int(j, "n", cv->at_risk[i]);
		json_num(j, "survival", cv->surv_at[i], 6);
		json_obj_end(j);
	}
	json_arr_end(j);
	json_arr_begin(j, "steps");
	for (int i = 0; i < cv->nsteps; i++) {
		const struct km_step *s = &cv->steps[i];
		json_obj_begin(j, NULL);
		json_num(j, "day", s->time, 0);
		json_int(j, "at_risk", s->at_risk);
		json_int(j, "events", s->events);
		json_int(j, "censored", s->censored);
		json_num(j, "survival", s->surv, 6);
		json_num(j, "se", s->se, 6);
		json_num(j, "lower", s->lower, 6);
		json_num(j, "upper", s->upper, 6);
		json_obj_end(j);
	}
	json_arr_end(j);
	if (detail) {
		json_arr_begin(j, "subjects");
		for (int i = 0; i < cv->n; i++) {
			json_obj_begin(j, NULL);
			json_string(j, "mrn", r->patients[cv->patient[i]].mrn);
			json_num(j, "day", cv->subjects[i].time, 0);
			json_bool(j, "event", cv->subjects[i].event);
			json_obj_end(j);
		}
		json_arr_end(j);
	}
	json_obj_end(j);
}

static void report_json(struct cli *c, const struct report *r, bool detail)
{
	const struct report_filter *f = &r->filter;
	struct json j;
	json_init(&j, false);
	json_obj_begin(&j, NULL);
	date_json(&j, "as_of", r->today);
	json_obj_begin(&j, "filters");
	date_json(&j, "from", f->from);
	date_json(&j, "to", f->to);
	json_string(&j, "etiology", *f->etiology ? f->etiology : NULL);
	json_string(&j, "route", f->by_route ? plan_route_str(f->route) : NULL);
	json_string(&j, "product", f->by_product ? product_type_str(f->product) : NULL);
	json_obj_end(&j);
	json_int(&j, "treated", r->npatients);
	json_arr_begin(&j, "weeks");
	for (int w = 0; w < r->nweeks; w++)
		json_int(&j, NULL, r->weeks[w]);
	json_arr_end(&j);
	if (detail) {
		json_arr_begin(&j, "patients");
		for (int p = 0; p < r->npatients; p++) {
			json_obj_begin(&j, NULL);
			json_string(&j, "mrn", r->patients[p].mrn);
			date_json(&j, "first_infusion", r->patients[p].first_infusion);
			json_int(&j, "infusions", r->patients[p].infusions);
			json_obj_end(&j);
		}
		json_arr_end(&j);
	}
	json_arr_begin(&j, "change");
	for (int m = 0; m < r->nmeasures; m++)
		for (int w = 0; w < r->nweeks; w++)
			cell_json(&j, r, m, w, detail);
	json_arr_end(&j);
	safety_json(&j, r, detail);
	histology_json(&j, r, detail);
	json_arr_begin(&j, "survival");
	for (int k = 0; k < RKM_COUNT; k++)
		curve_json(&j, r, (enum report_km)k, detail);
	json_arr_end(&j);
	json_obj_end(&j);
	cli_putf(c, "%s\n", json_str(&j));
	json_done(&j);
}

/* --- CSV: long format, one number a row --- */

#define CSV_HEADER "section,item,unit,at,mrn,statistic,value\n"

static void csv_row(struct strbuf *sb, const char *section, const char *item, const char *unit,
		    double at, const char *mrn, const char *stat, double v)
{
	cli_csv_cell(sb, section);
	sb_addc(sb, ',');
	cli_csv_cell(sb, item);
	sb_addc(sb, ',');
	cli_csv_cell(sb, unit ? unit : "");
	sb_addc(sb, ',');
	if (!isnan(at))
		sb_addf(sb, "%.0f", at);
	sb_addc(sb, ',');
	cli_csv_cell(sb, mrn ? mrn : "");
	sb_addc(sb, ',');
	cli_csv_cell(sb, stat);
	sb_addc(sb, ',');
	if (!isnan(v))
		sb_addf(sb, "%.10g", v);
	sb_addc(sb, '\n');
}

static void desc_csv(struct strbuf *sb, const char *section, const char *key, const char *unit,
		     double week, const char *what, const struct stats_desc *d)
{
	static const char *const names[] = {"n", "mean", "sd", "median", "q1", "q3"};
	double v[] = {d->n, d->mean, d->sd, d->median, d->q1, d->q3};
	char stat[48];
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		snprintf(stat, sizeof stat, "%s_%s", what, names[i]);
		csv_row(sb, section, key, unit, week, NULL, stat, v[i]);
	}
}

/* A cell's statistics, and with detail its values by patient. */
static void stats_csv(struct strbuf *sb, const struct report *r, const char *section,
		      const char *key, const char *unit, double at, const struct report_cell *cell,
		      bool detail)
{
	desc_csv(sb, section, key, unit, at, "baseline", &cell->baseline);
	desc_csv(sb, section, key, unit, at, "value", &cell->value);
	desc_csv(sb, section, key, unit, at, "change", &cell->change);
	csv_row(sb, section, key, unit, at, NULL, "t", cell->test.t);
	csv_row(sb, section, key, unit, at, NULL, "t_p", cell->test.p_t);
	csv_row(sb, section, key, unit, at, NULL, "wilcoxon_w_plus", cell->test.w_plus);
	csv_row(sb, section, key, unit, at, NULL, "wilcoxon_p", cell->test.p_w);
	for (int i = 0; detail && i < cell->nvalues; i++) {
		const struct report_value *x = &cell->values[i];
		const char *mrn = r->patients[x->patient].mrn;
		csv_row(sb, section, key, unit, at, mrn, "baseline",
			x->have_baseline ? x->baseline : NAN);
		csv_row(sb, section, key, unit, at, mrn, "value", x->value);
	}
}

static void cell_csv(struct strbuf *sb, const struct report *r, int m, int w, bool detail)
{
	const struct report_cell *cell = report_cell_c(r, m, w);
	const struct report_measure *ms = &r->measures[m];
	int wk = r->weeks[w];
	stats_csv(sb, r, "change", ms->key, ms->unit, wk, cell, false);
	char stat[48];
	for (int k = 0; k < RMISS_COUNT; k++) {
		snprintf(stat, sizeof stat, "missing_%s",
			 report_missing_str((enum report_missing)k));
		csv_row(sb, "change", ms->key, ms->unit, wk, NULL, stat, cell->missing[k]);
	}
	for (int i = 0; detail && i < cell->nvalues; i++) {
		const struct report_value *x = &cell->values[i];
		const char *mrn = r->patients[x->patient].mrn;
		csv_row(sb, "change", ms->key, ms->unit, wk, mrn, "baseline",
			x->have_baseline ? x->baseline : NAN);
		csv_row(sb, "change", ms->key, ms->unit, wk, mrn, "value", x->value);
	}
}

static void histology_csv(struct strbuf *sb, const struct report *r, bool detail)
{
	for (int m = 0; m < HISTO_COUNT; m++) {
		const struct report_histo *h = &r->histo[m];
		const char *key = histo_measure((enum histo_measure)m)->key;
		const char *unit = histo_unit((enum histo_measure)m);
		stats_csv(sb, r, "histology", key, unit, NAN, &h->cell, detail);
		static const char *const names[] = {"improved", "unchanged", "worse",
						    "baseline_only", "none"};
		double v[] = {h->improved, h->unchanged, h->worse, h->baseline_only, h->none};
		for (size_t i = 0; i < ARRAY_SIZE(names); i++)
			csv_row(sb, "histology", key, unit, NAN, NULL, names[i], v[i]);
	}
}

static void term_csv(struct strbuf *sb, const struct report_term *t)
{
	static const char *const names[] = {
	    "patients",		  "events",	      "worst_grade_1",	"worst_grade_2",
	    "worst_grade_3",	  "worst_grade_4",    "worst_grade_5",	"related_patients",
	    "related_events",	  "serious_patients", "serious_events", "discontinued_patients",
	    "discontinued_events"};
	double v[] = {t->patients,	   t->events,		t->worst[1],
		      t->worst[2],	   t->worst[3],		t->worst[4],
		      t->worst[5],	   t->related_patients, t->related_events,
		      t->serious_patients, t->serious_events,	t->discont_patients,
		      t->discont_events};
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		csv_row(sb, "safety", t->term, NULL, NAN, NULL, names[i], v[i]);
}

static void report_csv(struct cli *c, const struct report *r, bool detail)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_add(&sb, CSV_HEADER);
	csv_row(&sb, "cohort", "treated", "patients", NAN, NULL, "n", r->npatients);
	for (int m = 0; m < r->nmeasures; m++)
		for (int w = 0; w < r->nweeks; w++)
			cell_csv(&sb, r, m, w, detail);
	const struct report_safety *s = &r->safety;
	csv_row(&sb, "safety", "denominators", NULL, NAN, NULL, "treated", s->treated);
	csv_row(&sb, "safety", "denominators", NULL, NAN, NULL, "infusions", s->infusions);
	csv_row(&sb, "safety", "incidence", NULL, NAN, NULL, "per_patient", s->per_patient);
	csv_row(&sb, "safety", "incidence", NULL, NAN, NULL, "per_infusion", s->per_infusion);
	term_csv(&sb, &s->any);
	for (int i = 0; i < s->nterms; i++)
		term_csv(&sb, &s->terms[i]);
	histology_csv(&sb, r, detail);
	for (int k = 0; k < RKM_COUNT; k++) {
		const struct report_curve *cv = &r->km[k];
		const char *key = report_km_str((enum report_km)k);
		csv_row(&sb, "survival", key, "days", NAN, NULL, "median",
			cv->median.reached ? cv->median.median : NAN);
		csv_row(&sb, "survival", key, "days", NAN, NULL, "median_lower",
			cv->median.lower_reached ? cv->median.lower : NAN);
		csv_row(&sb, "survival", key, "days", NAN, NULL, "median_upper",
			cv->median.upper_reached ? cv->median.upper : NAN);
		for (int i = 0; i < REPORT_KM_TIMES; i++)
			csv_row(&sb, "survival", key, "months", report_km_months[i], NULL,
				"at_risk", cv->at_risk[i]);
		for (int i = 0; i < cv->nsteps; i++) {
			csv_row(&sb, "survival", key, "days", cv->steps[i].time, NULL, "at_risk",
				cv->steps[i].at_risk);
			csv_row(&sb, "survival", key, "days", cv->steps[i].time, NULL, "survival",
				cv->steps[i].surv);
		}
		for (int i = 0; detail && i < cv->n; i++)
			csv_row(&sb, "survival", key, "days", cv->subjects[i].time,
				r->patients[cv->patient[i]].mrn,
				cv->subjects[i].event ? "event" : "censored", 1);
	}
	fputs(sb_str(&sb), c->out);
	sb_done(&sb);
}

/* --- the command --- */

int cli_report_outcomes(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[O_N] = {
	    {"from", OPT_VALUE},  {"to", OPT_VALUE},	  {"etiology", OPT_VALUE},
	    {"route", OPT_VALUE}, {"product", OPT_VALUE}, {"json", OPT_FLAG},
	    {"csv", OPT_FLAG},	  {"detail", OPT_FLAG},	  {"ascii", OPT_FLAG}};
	struct err e = {""};
	int rc = cli_parse(c, argc, argv, o, O_N, NULL, 0, 0);
	if (rc)
		return rc;
	if (o[O_JSON].set && o[O_CSV].set)
		return cli_usage(c, "--json and --csv: choose one");
	struct report_filter f;
	report_filter_init(&f);
	char flag[16];
	for (int i = O_FROM; i <= O_PRODUCT; i++) {
		if (!o[i].set)
			continue;
		snprintf(flag, sizeof flag, "--%s", o[i].name);
		enum status s = report_filter_set(&f, flag, o[i].value, app_today(c->app), &e);
		if (s != ST_OK)
			return cli_fail(c, s, &e);
	}
	struct report *r = xcalloc(1, sizeof *r);
	enum status s = app_report_outcomes(c->app, &f, r, &e);
	if (s == ST_OK) {
		if (o[O_JSON].set)
			report_json(c, r, o[O_DETAIL].set);
		else if (o[O_CSV].set)
			report_csv(c, r, o[O_DETAIL].set);
		else
			report_text(c, r, o[O_DETAIL].set, want_ascii(o));
	}
	int n = r->npatients;
	report_free(r);
	free(r);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	if (n == 0) /* the empty report is printed; no match exits 1 */
		fprintf(c->err, "hepadesk %s: no treated patient matches the filters\n", c->name);
	return n == 0 ? 1 : 0;
}
