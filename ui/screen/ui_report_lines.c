/* ui_report_lines.c: the outcomes report laid out as lines for the report
 * screen (ui_report_lines.h) — numbers as text, padded by display width;
 * nothing computed. */
#include "ui_report_lines.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_keymap.h"
#include "ui_kmplot.h"
#include "util.h"

#define RP_PLOT_ROWS 8 /* rows of a survival curve */
#define RP_NUM 24      /* one number */
#define RP_CELL 96     /* one formatted table cell */
#define RP_LINE 512    /* one table row */

/* --- cells: numbers as text, padded by display width --- */

/* Display columns of s (ASCII and the few UTF-8 symbols used here). */
static int cols_of(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Append s to line right-aligned in width columns (left-aligned when left). */
static void put_cell(char *line, size_t n, const char *s, int width, bool left)
{
	size_t len = strlen(line);
	int pad = width - cols_of(s);
	if (pad < 0)
		pad = 0;
	snprintf(line + len, n - len, "%*s%s%*s", left ? 0 : pad, "", s, left ? pad : 0, "");
}

static const char *num(char *buf, double v, int decimals, bool sign)
{
	if (isnan(v))
		snprintf(buf, RP_NUM, "--");
	else
		snprintf(buf, RP_NUM, sign ? "%+.*f" : "%.*f", decimals, v);
	return buf;
}

/* "3.12±0.30" (the SD left out below two values), "--" when none. */
static const char *mean_sd(struct ui_report_view *s, char *buf, const struct stats_desc *d,
			   int decimals, bool sign)
{
	char m[RP_NUM], sd[RP_NUM];
	if (d->n == 0) {
		strlcpy_(buf, "--", RP_CELL);
		return buf;
	}
	num(m, d->mean, decimals, sign);
	if (isnan(d->sd)) {
		strlcpy_(buf, m, RP_CELL);
		return buf;
	}
	snprintf(buf, RP_CELL, "%s%s%s", m, s->ascii ? "+-" : "\u00b1",
		 num(sd, d->sd, decimals, false));
	return buf;
}

/* "+0.20 [+0.10, +0.30]": the median and the quartiles. */
static const char *median_iqr(char *buf, const struct stats_desc *d, int decimals)
{
	char m[RP_NUM], a[RP_NUM], b[RP_NUM];
	if (d->n == 0) {
		strlcpy_(buf, "--", RP_CELL);
		return buf;
	}
	snprintf(buf, RP_CELL, "%s [%s, %s]", num(m, d->median, decimals, true),
		 num(a, d->q1, decimals, true), num(b, d->q3, decimals, true));
	return buf;
}

static const char *pval(char *buf, double p)
{
	if (isnan(p))
		snprintf(buf, RP_CELL, "--");
	else if (p < 0.0001)
		snprintf(buf, RP_CELL, "<0.0001");
	else
		snprintf(buf, RP_CELL, "%.4f", p);
	return buf;
}

/* --- the sections --- */

/* The change table's columns (79 columns in all). */
enum { CC_WEEK, CC_N, CC_VALUE, CC_CHANGE, CC_MEDIAN, CC_PT, CC_PW, CC_COUNT };
static const int cc_width[CC_COUNT] = {4, 8, 13, 14, 24, 8, 8};

/* Means, SDs, medians and quartiles with one decimal more than the
 * measure's values, as the text report gives them. */
static void change_row(struct ui_report_view *s, const struct report_measure *m,
		       const struct report_cell *c, int week)
{
	char line[RP_LINE] = "", a[CC_COUNT][RP_CELL];
	int dec = m->decimals + 1;
	snprintf(a[CC_WEEK], RP_CELL, "W%d", week);
	snprintf(a[CC_N], RP_CELL, "%d/%d", c->value.n, c->change.n);
	mean_sd(s, a[CC_VALUE], &c->value, dec, false);
	mean_sd(s, a[CC_CHANGE], &c->change, dec, true);
	median_iqr(a[CC_MEDIAN], &c->change, dec);
	pval(a[CC_PT], c->test.p_t);
	pval(a[CC_PW], c->test.p_w);
	for (int k = 0; k < CC_COUNT; k++)
		put_cell(line, sizeof line, a[k], cc_width[k], k == CC_WEEK);
	ui_lines_add(s->lines, c->value.n ? ROLE_NORMAL : ROLE_DIM, "%s", line);
}

/* Who has no value at the week, by reason: "missed 1, dead 1". */
static void missing_row(struct ui_report_view *s, const struct report_cell *c, int week)
{
	char line[RP_LINE];
	snprintf(line, sizeof line, "W%-4d", week);
	bool any = false;
	for (int k = 0; k <= RMISS_COUNT; k++) {
		int count = k < RMISS_COUNT ? c->missing[k] : c->no_baseline;
		if (!count)
			continue;
		size_t len = strlen(line);
		snprintf(line + len, sizeof line - len, "%s%s %d", any ? ", " : "",
			 k < RMISS_COUNT ? report_missing_label((enum report_missing)k)
					 : "no baseline",
			 count);
		any = true;
	}
	ui_lines_add(s->lines, any ? ROLE_NORMAL : ROLE_DIM, "%s%s", line, any ? "" : "none");
}

static void change_lines(struct ui_report_view *s)
{
	const struct report *r = s->r;
	char keys[64], line[RP_LINE] = "";
	s->at_change = 0;
	if (r->nmeasures == 0) {
		ui_lines_add(s->lines, ROLE_TITLE, "Change from baseline");
		ui_lines_add(s->lines, ROLE_DIM, "  no measure: no treated patient");
		return;
	}
	const struct report_measure *m = &r->measures[s->measure];
	ui_key_format("{=REPORT_MEASURE_NEXT}/{=REPORT_MEASURE_PREV}", SC_REPORT, keys,
		      sizeof keys);
	ui_lines_add(s->lines, ROLE_TITLE, "Change from baseline: %s%s%s  (measure %d of %d, %s)",
		     m->label, m->unit[0] ? ", " : "", m->unit, s->measure + 1, r->nmeasures, keys);
	const char *head[CC_COUNT] = {"Week",
				      "n/pairs",
				      s->ascii ? "Mean+-SD" : "Mean\u00b1SD",
				      s->ascii ? "Change+-SD" : "Change\u00b1SD",
				      "Change median [IQR]",
				      "p t",
				      "p W"};
	for (int k = 0; k < CC_COUNT; k++)
		put_cell(line, sizeof line, head[k], cc_width[k], k == CC_WEEK);
	ui_lines_add(s->lines, ROLE_DIM, "%s", line);
	for (int w = 0; w < r->nweeks; w++)
		change_row(s, m, report_cell_c(r, s->measure, w), r->weeks[w]);
	if (r->nweeks == 0)
		ui_lines_add(s->lines, ROLE_DIM, "  no visit week scheduled");
	ui_lines_add(
	    s->lines, ROLE_DIM,
	    "n/pairs: values/with a baseline. p t: paired t-test, p W: Wilcoxon signed-rank");
	ui_lines_add(s->lines, ROLE_TITLE, "Missing at each week, and why");
	for (int w = 0; w < r->nweeks; w++)
		missing_row(s, report_cell_c(r, s->measure, w), r->weeks[w]);
}

static void term_row(struct ui_report_view *s, const struct report_term *t, const char *label,
		     enum ui_role role)
{
	char line[RP_LINE] = "", a[RP_CELL];
	snprintf(a, sizeof a, "%s", label);
	if (cols_of(a) > 23) { /* cut at a character, marked */
		size_t cut = 22;
		while (cut > 0 && ((unsigned char)a[cut] & 0xC0) == 0x80)
			cut--;
		strlcpy_(a + cut, ">", sizeof a - cut);
	}
	put_cell(line, sizeof line, a, 24, true);
	snprintf(a, sizeof a, "%d", t->patients);
	put_cell(line, sizeof line, a, 4, false);
	snprintf(a, sizeof a, "%d", t->events);
	put_cell(line, sizeof line, a, 6, false);
	for (int g = 1; g <= 5; g++) {
		snprintf(a, sizeof a, "%d", t->worst[g]);
		put_cell(line, sizeof line, a, 3, false);
	}
	snprintf(a, sizeof a, "%d/%d", t->related_events, t->related_patients);
	put_cell(line, sizeof line, a, 9, false);
	snprintf(a, sizeof a, "%d/%d", t->serious_events, t->serious_patients);
	put_cell(line, sizeof line, a, 9, false);
	snprintf(a, sizeof a, "%d/%d", t->discont_events, t->discont_patients);
	put_cell(line, sizeof line, a, 9, false);
	ui_lines_add(s->lines, role, "%s", line);
}

static void safety_lines(struct ui_report_view *s)
{
	const struct report_safety *sf = &s->r->safety;
	char a[RP_CELL], b[RP_CELL];
	ui_lines_add(s->lines, ROLE_DIM, "%s", "");
	s->at_safety = ui_lines_add(
	    s->lines, ROLE_TITLE, "Safety: %d treated patient%s, %d infusion%s given", sf->treated,
	    sf->treated == 1 ? "" : "s", sf->infusions, sf->infusions == 1 ? "" : "s");
	ui_lines_add(s->lines, ROLE_NORMAL,
		     "Any adverse event: %d patient%s, %d event%s; per patient %s, per infusion %s",
		     sf->any.patients, sf->any.patients == 1 ? "" : "s", sf->any.events,
		     sf->any.events == 1 ? "" : "s", num(a, sf->per_patient, 2, false),
		     num(b, sf->per_infusion, 2, false));
	ui_lines_add(s->lines, ROLE_DIM, "%-24s %3s %5s %14s %9s %8s %8s", "CTCAE term", "Pts",
		     "Evts", "worst grade 1-5", "Related", "Serious", "Discont.");
	ui_lines_add(s->lines, ROLE_DIM, "%-24s %3s %5s %14s %9s %8s %8s", "", "", "", "", "ev/pts",
		     "ev/pts", "ev/pts");
	term_row(s, &sf->any, "Any adverse event", ROLE_TITLE);
	for (int i = 0; i < sf->nterms; i++)
		term_row(s, &sf->terms[i], sf->terms[i].term,
			 sf->terms[i].worst[3] + sf->terms[i].worst[4] + sf->terms[i].worst[5]
			     ? ROLE_WARN
			     : ROLE_NORMAL);
	if (sf->nterms == 0)
		ui_lines_add(s->lines, ROLE_DIM, "  no adverse event recorded");
}

/* The paired biopsies: a row per measure (report.h, struct report_histo). */
static void histology_lines(struct ui_report_view *s)
{
	char line[RP_LINE] = "", a[RP_CELL];
	ui_lines_add(s->lines, ROLE_DIM, "%s", "");
	ui_lines_add(s->lines, ROLE_TITLE,
		     "Histology: paired biopsies (before the first infusion, the newest after)");
	const char *head[] = {"Measure",      "Pairs",
			      "Impr/=/Worse", s->ascii ? "Change+-SD" : "Change\u00b1SD",
			      "p t",	      "p W"};
	static const int width[] = {24, 6, 13, 14, 8, 8};
	for (size_t k = 0; k < ARRAY_SIZE(head); k++)
		put_cell(line, sizeof line, head[k], width[k], k == 0);
	ui_lines_add(s->lines, ROLE_DIM, "%s", line);
	for (int m = 0; m < HISTO_COUNT; m++) {
		const struct report_histo *h = &s->r->histo[m];
		const struct histo_measure_info *mi = histo_measure((enum histo_measure)m);
		line[0] = '\0';
		/* ASCII labels of at most 23 columns ("Collagen prop. area, %"). */
		snprintf(a, sizeof a, "%.*s%s%s", *mi->unit ? 19 : 23, mi->label,
			 *mi->unit ? ", " : "", mi->unit);
		put_cell(line, sizeof line, a, width[0], true);
		snprintf(a, sizeof a, "%d", h->cell.nvalues);
		put_cell(line, sizeof line, a, width[1], false);
		snprintf(a, sizeof a, "%d/%d/%d", h->improved, h->unchanged, h->worse);
		put_cell(line, sizeof line, a, width[2], false);
		put_cell(line, sizeof line, mean_sd(s, a, &h->cell.change, mi->decimals + 1, true),
			 width[3], false);
		put_cell(line, sizeof line, pval(a, h->cell.test.p_t), width[4], false);
		put_cell(line, sizeof line, pval(a, h->cell.test.p_w), width[5], false);
		ui_lines_add(s->lines, h->cell.nvalues ? ROLE_NORMAL : ROLE_DIM, "%s", line);
	}
	ui_lines_add(s->lines, ROLE_DIM,
		     "Pairs: both biopsies report it. Impr/=/Worse by the measure's better side");
}

static const char *days_text(char *buf, bool reached, double days)
{
	if (!reached)
		snprintf(buf, RP_CELL, "not reached");
	else
		snprintf(buf, RP_CELL, "%.0f days", days);
	return buf;
}

static void curve_lines(struct ui_report_view *s, enum report_km k, double tmax)
{
	const struct report_curve *c = &s->r->km[k];
	char med[RP_CELL], lo[RP_CELL], hi[RP_CELL], line[RP_LINE];
	ui_lines_add(s->lines, ROLE_TITLE, "%s: %d patient%s, %d event%s", report_km_label(k), c->n,
		     c->n == 1 ? "" : "s", c->events, c->events == 1 ? "" : "s");
	ui_lines_add(s->lines, ROLE_NORMAL, "  median %s (95%% CI %s to %s)",
		     days_text(med, c->median.reached, c->median.median),
		     days_text(lo, c->median.lower_reached, c->median.lower),
		     days_text(hi, c->median.upper_reached, c->median.upper));
	char risk[RP_LINE], surv[RP_LINE];
	size_t a = (size_t)snprintf(line, sizeof line, "  %-12s", "month");
	size_t b = (size_t)snprintf(risk, sizeof risk, "  %-12s", "at risk");
	size_t d = (size_t)snprintf(surv, sizeof surv, "  %-12s", "survival");
	for (int i = 0; i < REPORT_KM_TIMES; i++) {
		a += (size_t)snprintf(line + a, sizeof line - a, "%8d", report_km_months[i]);
		b += (size_t)snprintf(risk + b, sizeof risk - b, "%8d", c->at_risk[i]);
		d += (size_t)snprintf(surv + d, sizeof surv - d, "%8s",
				      num(med, c->surv_at[i], 2, false));
	}
	ui_lines_add(s->lines, ROLE_DIM, "%s", line);
	ui_lines_add(s->lines, ROLE_NORMAL, "%s", risk);
	ui_lines_add(s->lines, ROLE_NORMAL, "%s", surv);
	if (c->nsteps == 0 || tmax <= 0) {
		ui_lines_add(s->lines, ROLE_DIM, "  no patient followed yet");
		return;
	}
	ui_kmplot(s->lines, c, tmax, s->cols - UI_KMPLOT_LABEL - 2, RP_PLOT_ROWS, s->ascii);
}

static void survival_lines(struct ui_report_view *s)
{
	double last = 0;
	for (int k = 0; k < RKM_COUNT; k++)
		for (int i = 0; i < s->r->km[k].nsteps; i++)
			if (s->r->km[k].steps[i].time > last)
				last = s->r->km[k].steps[i].time;
	ui_lines_add(s->lines, ROLE_DIM, "%s", "");
	s->at_survival =
	    ui_lines_add(s->lines, ROLE_TITLE,
			 "Survival from the first infusion (Kaplan-Meier; time in months)");
	for (int k = 0; k < RKM_COUNT; k++)
		curve_lines(s, (enum report_km)k, last > 0 ? ui_kmplot_span(last) : 0);
}

void ui_report_lines(struct ui_report_view *s)
{
	ui_lines_clear(s->lines);
	change_lines(s);
	safety_lines(s);
	histology_lines(s);
	survival_lines(s);
}
