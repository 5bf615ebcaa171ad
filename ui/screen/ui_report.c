/* ui_report.c: the outcomes report screen — shows struct report, computes
 * nothing (the filters go through report_filter_set, the numbers through
 * app_report_build_*: built in slices between keys, with a progress line,
 * so the screen shows at once and Esc stops it). */
#include "ui_report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "patient.h"
#include "plan.h"
#include "product.h"
#include "report.h"
#include "uc_report.h"
#include "ui_dialog.h"
#include "ui_draw.h"
#include "ui_kmplot.h"
#include "ui_lines.h"
#include "ui_prompt.h"
#include "ui_term.h"
#include "util.h"

#define RP_TOP 2       /* fixed rows above the lines: the title and the filter */
#define RP_PLOT_ROWS 8 /* rows of a survival curve */
#define RP_PICK_MAX 32 /* "any" and the etiologies, routes or product types */
#define RP_NUM 24      /* one number */
#define RP_CELL 96     /* one formatted table cell */
#define RP_LINE 512    /* one table row */
#define RP_ITEM 80     /* one pick-list item */
#define RP_SLICE 200   /* patients walked between two looks at the keyboard */

enum rp_pick { PICK_ETIOLOGY, PICK_ROUTE, PICK_PRODUCT };

struct rp_screen {
	struct ui_screen base;
	struct report *r;
	bool loaded;
	char refusal[ERR_MSG_MAX];
	struct report_filter f;
	int measure; /* index into r->measures */
	struct ui_lines lines;
	int at_change, at_safety, at_survival; /* anchors of the sections */
	bool ascii;
	int cols; /* the width the lines were built for */
	enum rp_pick picking;
	struct report_build *build;    /* while the report is being built */
	int walked, total;	       /* its progress */
	bool stale;		       /* stopped under another screen: start again on top */
	bool shown;		       /* the progress line was drawn since the build began */
	bool announce;		       /* a filter changed: say how many patients when built */
	char keep[REPORT_KEY_MAX + 1]; /* the measure shown before the filter changed */
};

static int (*slice_hook)(void);

void ui_report_slice_hook(int (*slice)(void))
{
	slice_hook = slice;
}

static const enum ui_action rp_hints[] = {
    ACT_HELP,	      ACT_REPORT_MEASURE_NEXT, ACT_REPORT_DATES, ACT_REPORT_ETIOLOGY,
    ACT_REPORT_ROUTE, ACT_REPORT_PRODUCT,      ACT_BACK,	 ACT_NONE};

/* Braille and ± need a UTF-8 locale and a terminal that has them. */
static bool want_ascii(void)
{
	const char *term = termname();
	if (!ui_term_utf8())
		return true;
	return term && (strncmp(term, "vt1", 3) == 0 || strncmp(term, "linux", 5) == 0);
}

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
static const char *mean_sd(struct rp_screen *s, char *buf, const struct stats_desc *d, int decimals,
			   bool sign)
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
static void change_row(struct rp_screen *s, const struct report_measure *m,
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
	ui_lines_add(&s->lines, c->value.n ? ROLE_NORMAL : ROLE_DIM, "%s", line);
}

/* Who has no value at the week, by reason: "missed 1, dead 1". */
static void missing_row(struct rp_screen *s, const struct report_cell *c, int week)
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
	ui_lines_add(&s->lines, any ? ROLE_NORMAL : ROLE_DIM, "%s%s", line, any ? "" : "none");
}

static void change_lines(struct rp_screen *s)
{
	const struct report *r = s->r;
	char keys[64], line[RP_LINE] = "";
	s->at_change = 0;
	if (r->nmeasures == 0) {
		ui_lines_add(&s->lines, ROLE_TITLE, "Change from baseline");
		ui_lines_add(&s->lines, ROLE_DIM, "  no measure: no treated patient");
		return;
	}
	const struct report_measure *m = &r->measures[s->measure];
	ui_key_format("{=REPORT_MEASURE_NEXT}/{=REPORT_MEASURE_PREV}", SC_REPORT, keys,
		      sizeof keys);
	ui_lines_add(&s->lines, ROLE_TITLE, "Change from baseline: %s%s%s  (measure %d of %d, %s)",
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
	ui_lines_add(&s->lines, ROLE_DIM, "%s", line);
	for (int w = 0; w < r->nweeks; w++)
		change_row(s, m, report_cell_c(r, s->measure, w), r->weeks[w]);
	if (r->nweeks == 0)
		ui_lines_add(&s->lines, ROLE_DIM, "  no visit week scheduled");
	ui_lines_add(
	    &s->lines, ROLE_DIM,
	    "n/pairs: values/with a baseline. p t: paired t-test, p W: Wilcoxon signed-rank");
	ui_lines_add(&s->lines, ROLE_TITLE, "Missing at each week, and why");
	for (int w = 0; w < r->nweeks; w++)
		missing_row(s, report_cell_c(r, s->measure, w), r->weeks[w]);
}

static void term_row(struct rp_screen *s, const struct report_term *t, const char *label,
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
	ui_lines_add(&s->lines, role, "%s", line);
}

static void safety_lines(struct rp_screen *s)
{
	const struct report_safety *sf = &s->r->safety;
	char a[RP_CELL], b[RP_CELL];
	ui_lines_add(&s->lines, ROLE_DIM, "%s", "");
	s->at_safety = ui_lines_add(
	    &s->lines, ROLE_TITLE, "Safety: %d treated patient%s, %d infusion%s given", sf->treated,
	    sf->treated == 1 ? "" : "s", sf->infusions, sf->infusions == 1 ? "" : "s");
	ui_lines_add(&s->lines, ROLE_NORMAL,
		     "Any adverse event: %d patient%s, %d event%s; per patient %s, per infusion %s",
		     sf->any.patients, sf->any.patients == 1 ? "" : "s", sf->any.events,
		     sf->any.events == 1 ? "" : "s", num(a, sf->per_patient, 2, false),
		     num(b, sf->per_infusion, 2, false));
	ui_lines_add(&s->lines, ROLE_DIM, "%-24s %3s %5s %14s %9s %8s %8s", "CTCAE term", "Pts",
		     "Evts", "worst grade 1-5", "Related", "Serious", "Discont.");
	ui_lines_add(&s->lines, ROLE_DIM, "%-24s %3s %5s %14s %9s %8s %8s", "", "", "", "",
		     "ev/pts", "ev/pts", "ev/pts");
	term_row(s, &sf->any, "Any adverse event", ROLE_TITLE);
	for (int i = 0; i < sf->nterms; i++)
		term_row(s, &sf->terms[i], sf->terms[i].term,
			 sf->terms[i].worst[3] + sf->terms[i].worst[4] + sf->terms[i].worst[5]
			     ? ROLE_WARN
			     : ROLE_NORMAL);
	if (sf->nterms == 0)
		ui_lines_add(&s->lines, ROLE_DIM, "  no adverse event recorded");
}

static const char *days_text(char *buf, bool reached, double days)
{
	if (!reached)
		snprintf(buf, RP_CELL, "not reached");
	else
		snprintf(buf, RP_CELL, "%.0f days", days);
	return buf;
}

static void curve_lines(struct rp_screen *s, enum report_km k, double tmax)
{
	const struct report_curve *c = &s->r->km[k];
	char med[RP_CELL], lo[RP_CELL], hi[RP_CELL], line[RP_LINE];
	ui_lines_add(&s->lines, ROLE_TITLE, "%s: %d patient%s, %d event%s", report_km_label(k),
		     c->n, c->n == 1 ? "" : "s", c->events, c->events == 1 ? "" : "s");
	ui_lines_add(&s->lines, ROLE_NORMAL, "  median %s (95%% CI %s to %s)",
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
	ui_lines_add(&s->lines, ROLE_DIM, "%s", line);
	ui_lines_add(&s->lines, ROLE_NORMAL, "%s", risk);
	ui_lines_add(&s->lines, ROLE_NORMAL, "%s", surv);
	if (c->nsteps == 0 || tmax <= 0) {
		ui_lines_add(&s->lines, ROLE_DIM, "  no patient followed yet");
		return;
	}
	ui_kmplot(&s->lines, c, tmax, s->cols - UI_KMPLOT_LABEL - 2, RP_PLOT_ROWS, s->ascii);
}

static void survival_lines(struct rp_screen *s)
{
	double last = 0;
	for (int k = 0; k < RKM_COUNT; k++)
		for (int i = 0; i < s->r->km[k].nsteps; i++)
			if (s->r->km[k].steps[i].time > last)
				last = s->r->km[k].steps[i].time;
	ui_lines_add(&s->lines, ROLE_DIM, "%s", "");
	s->at_survival =
	    ui_lines_add(&s->lines, ROLE_TITLE,
			 "Survival from the first infusion (Kaplan-Meier; time in months)");
	for (int k = 0; k < RKM_COUNT; k++)
		curve_lines(s, (enum report_km)k, last > 0 ? ui_kmplot_span(last) : 0);
}

static void build(struct rp_screen *s)
{
	ui_lines_clear(&s->lines);
	if (!s->loaded)
		return;
	change_lines(s);
	safety_lines(s);
	survival_lines(s);
}

/* --- loading and the filters --- */

/* The filter line, in words when it fits cols, else in short. */
static void filter_text(const struct report_filter *f, int cols, char *buf, size_t n)
{
	char a[16], b[16];
	const char *from = f->from == DAY_NONE ? "any" : date_format(f->from, a);
	const char *to = f->to == DAY_NONE ? "any" : date_format(f->to, b);
	const char *et = f->etiology[0] ? f->etiology : "any";
	const char *route = f->by_route ? plan_route_str(f->route) : "any";
	const char *product = f->by_product ? product_type_str(f->product) : "any";
	snprintf(buf, n, "Filter: first infusion from %s to %s; etiology %s; route %s; product %s",
		 from, to, et, route, product);
	if (ui_text_width(buf) > cols)
		snprintf(buf, n, "Filter: %s to %s; etiology %s; route %s; product %s", from, to,
			 et, route, product);
}

static void refuse(struct rp_screen *s, struct ui *ui, const struct err *e, enum status st)
{
	snprintf(s->refusal, sizeof s->refusal, "cannot build the report: %s", err_why(e, st));
	ui_msg(ui, ROLE_CRITICAL, "%s", s->refusal);
	ui_lines_clear(&s->lines);
}

static void stop(struct rp_screen *s)
{
	app_report_build_cancel(s->build);
	s->build = NULL;
}

/* Start building the report for the filter (again), keeping the measure
 * shown; the slices run from rp_idle, between keys. */
static void start(struct rp_screen *s, struct ui *ui)
{
	struct err e = {""};
	if (s->loaded && s->r->nmeasures > 0)
		strlcpy_(s->keep, s->r->measures[s->measure].key, sizeof s->keep);
	stop(s);
	report_free(s->r);
	s->loaded = s->stale = s->shown = false;
	s->refusal[0] = '\0';
	s->walked = s->total = 0;
	ui_lines_clear(&s->lines);
	enum status st = app_report_build_begin(ui->app, &s->f, s->r, &s->build, &e);
	if (st != ST_OK)
		refuse(s, ui, &e, st);
	else
		app_report_build_progress(s->build, &s->walked, &s->total);
}

/* The last slice was walked: finish (the access row is written here) and
 * lay the report out. */
static void built(struct rp_screen *s, struct ui *ui)
{
	struct err e = {""};
	enum status st = app_report_build_end(s->build, &e);
	s->build = NULL;
	if (st != ST_OK) {
		refuse(s, ui, &e, st);
		return;
	}
	s->loaded = true;
	s->cols = ui->cols;
	s->measure = 0;
	for (int m = 0; m < s->r->nmeasures; m++)
		if (strcmp(s->r->measures[m].key, s->keep) == 0)
			s->measure = m;
	build(s);
	if (s->announce)
		ui_msg(ui, ROLE_OK, "report of %d treated patient%s", s->r->npatients,
		       s->r->npatients == 1 ? "" : "s");
	s->announce = false;
}

/* A filter changed: build again and say for how many patients. */
static void rebuild(struct rp_screen *s, struct ui *ui)
{
	start(s, ui);
	s->announce = true;
}

/* values: the first infusion from, to (each empty: any). */
static enum status dates_save(struct ui *ui, void *arg, const char *const *values, struct err *e)
{
	struct rp_screen *s = arg;
	struct report_filter g = s->f;
	static const char *const flags[] = {"--from", "--to"};
	g.from = g.to = DAY_NONE;
	for (int i = 0; i < 2; i++) {
		enum status st =
		    values[i][0] ? report_filter_set(&g, flags[i], values[i], app_today(ui->app), e)
				 : ST_OK;
		if (st != ST_OK)
			return st;
	}
	s->f = g;
	rebuild(s, ui);
	return ST_OK;
}

static void ask_dates(struct rp_screen *s, struct ui *ui)
{
	char from[16] = "", to[16] = "";
	if (s->f.from != DAY_NONE)
		date_format(s->f.from, from);
	if (s->f.to != DAY_NONE)
		date_format(s->f.to, to);
	struct ui_prompt_field f[] = {
	    {"First infusion from", "YYYY-MM-DD; empty: any", UF_TEXT, 12, 10, from},
	    {"First infusion to", "YYYY-MM-DD; empty: any", UF_TEXT, 12, 10, to},
	};
	ui_prompt(ui, "Report dates",
		  "Only patients whose first infusion falls on or between these days.", f, 2,
		  dates_save, s);
}

/* The code of pick-list item i of the list being picked (item 0: any). */
static const char *pick_code(enum rp_pick p, int i)
{
	size_t n = 0;
	if (p == PICK_ETIOLOGY)
		return etiology_list(&n)[i - 1].code;
	if (p == PICK_ROUTE)
		return plan_route_str((enum plan_route)(i - 1));
	return product_type_str((enum product_type)(i - 1));
}

static int picked(struct ui *ui, void *arg, int index)
{
	static const char *const flags[] = {"--etiology", "--route", "--product"};
	struct rp_screen *s = arg;
	struct report_filter g = s->f;
	struct err e = {""};
	enum status st = ST_OK;
	if (index == 0 && s->picking == PICK_ETIOLOGY)
		g.etiology[0] = '\0';
	else if (index == 0)
		*(s->picking == PICK_ROUTE ? &g.by_route : &g.by_product) = false;
	else
		st = report_filter_set(&g, flags[s->picking], pick_code(s->picking, index),
				       app_today(ui->app), &e);
	if (st != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "%s", err_why(&e, st));
		return UI_DONE;
	}
	s->f = g;
	rebuild(s, ui);
	return UI_DONE;
}

static void ask_pick(struct rp_screen *s, struct ui *ui, enum rp_pick p)
{
	char text[RP_PICK_MAX][RP_ITEM];
	const char *items[RP_PICK_MAX];
	size_t n = 0;
	int count = 1, current = 0;
	const struct etiology *et = etiology_list(&n);
	if (p == PICK_ROUTE)
		n = ROUTE_COUNT;
	else if (p == PICK_PRODUCT)
		n = PTYPE_COUNT;
	snprintf(text[0], RP_ITEM, "any");
	for (size_t i = 0; i < n && count < RP_PICK_MAX; i++, count++) {
		if (p == PICK_ETIOLOGY)
			snprintf(text[count], RP_ITEM, "%s %s", et[i].code, et[i].name);
		else if (p == PICK_ROUTE)
			snprintf(text[count], RP_ITEM, "%s", plan_route_label((enum plan_route)i));
		else
			snprintf(text[count], RP_ITEM, "%s",
				 product_type_label((enum product_type)i));
		if ((p == PICK_ETIOLOGY && strcmp(s->f.etiology, et[i].code) == 0) ||
		    (p == PICK_ROUTE && s->f.by_route && (size_t)s->f.route == i) ||
		    (p == PICK_PRODUCT && s->f.by_product && (size_t)s->f.product == i))
			current = count;
	}
	for (int i = 0; i < count; i++)
		items[i] = text[i];
	s->picking = p;
	static const char *const titles[] = {"Etiology", "Route", "Product type"};
	ui_pick(ui, titles[p], items, count, current, picked, s);
}

/* --- the build, between keys --- */

/* v with a comma between thousands: "12,345". */
static const char *grouped(char *buf, int v)
{
	char digits[RP_NUM];
	int n = snprintf(digits, sizeof digits, "%d", v), o = 0;
	for (int i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
	return buf;
}

static void progress_draw(struct rp_screen *s, struct ui *ui)
{
	char a[RP_NUM], b[RP_NUM], keys[32];
	s->shown = true;
	ui_key_names(ACT_BACK, SC_REPORT, " or ", keys, sizeof keys);
	ui_putf(ui->body, 0, 0, ui->cols, ROLE_TITLE, "Outcomes report: building");
	ui_putf(ui->body, RP_TOP, 0, ui->cols, ROLE_NORMAL,
		"Building the report: %s of %s treated patient%s; %s stops", grouped(a, s->walked),
		grouped(b, s->total), s->total == 1 ? "" : "s", keys);
}

/* One slice of the build while the screen is on top; under another screen
 * (a dialog, the help, the lock) the build stops, releasing its snapshot,
 * and starts again once this screen is back on top. */
static bool rp_idle(struct ui_screen *sc, struct ui *ui, bool top)
{
	struct rp_screen *s = (struct rp_screen *)sc;
	if (!top) {
		s->stale = s->stale || s->build != NULL;
		stop(s);
		return false;
	}
	if (s->stale)
		start(s, ui);
	if (!s->build)
		return false;
	if (!s->shown)
		return true; /* the progress line goes out first */
	int slice = slice_hook ? slice_hook() : -1;
	if (slice == 0)
		return false; /* a test build holding the build: look again next tick */
	if (slice < 0)
		slice = RP_SLICE;
	struct err e = {""};
	bool done = false;
	enum status st = app_report_build_step(s->build, slice, &done, &e);
	if (st != ST_OK) {
		stop(s);
		refuse(s, ui, &e, st);
		return false;
	}
	app_report_build_progress(s->build, &s->walked, &s->total);
	if (done)
		built(s, ui);
	return s->build != NULL;
}

/* --- the screen --- */

static void rp_draw(struct ui_screen *sc, struct ui *ui)
{
	struct rp_screen *s = (struct rp_screen *)sc;
	char d[16], f[256];
	if (s->loaded && s->cols != ui->cols) {
		s->cols = ui->cols;
		build(s);
	}
	filter_text(&s->f, ui->cols, f, sizeof f);
	ui_put(ui->body, 1, 0, ui->cols, ROLE_HINT, f);
	if (s->build || s->stale) {
		progress_draw(s, ui);
		return;
	}
	ui_putf(ui->body, 0, 0, ui->cols, ROLE_TITLE,
		"Outcomes report as of %s: %d treated patient%s",
		date_format(app_today(ui->app), d), s->loaded ? s->r->npatients : 0,
		s->loaded && s->r->npatients == 1 ? "" : "s");
	if (s->refusal[0]) {
		ui_wrap(ui->body, RP_TOP, 0, ui->cols, 3, ROLE_CRITICAL, s->refusal);
		return;
	}
	ui_lines_draw(&s->lines, ui->body, RP_TOP, ui->rows - RP_TOP);
}

static void next_measure(struct rp_screen *s, int by)
{
	int n = s->loaded ? s->r->nmeasures : 0;
	if (n == 0)
		return;
	s->measure = (s->measure + by + n) % n;
	int top = s->lines.top;
	build(s);
	s->lines.top = top;
}

static int rp_key(struct ui_screen *sc, struct ui *ui, int key)
{
	struct rp_screen *s = (struct rp_screen *)sc;
	int h = ui->rows - RP_TOP;
	if (ui_key_is(key, ACT_REPORT_MEASURE_NEXT) || ui_key_is(key, ACT_REPORT_MEASURE_PREV))
		next_measure(s, ui_key_is(key, ACT_REPORT_MEASURE_NEXT) ? 1 : -1);
	else if (ui_key_is(key, ACT_REPORT_DATES))
		ask_dates(s, ui);
	else if (ui_key_is(key, ACT_REPORT_ETIOLOGY))
		ask_pick(s, ui, PICK_ETIOLOGY);
	else if (ui_key_is(key, ACT_REPORT_ROUTE))
		ask_pick(s, ui, PICK_ROUTE);
	else if (ui_key_is(key, ACT_REPORT_PRODUCT))
		ask_pick(s, ui, PICK_PRODUCT);
	else if (ui_key_is(key, ACT_REPORT_CLEAR)) {
		report_filter_init(&s->f);
		rebuild(s, ui);
	} else if (ui_key_is(key, ACT_REPORT_CHANGE))
		ui_lines_jump(&s->lines, s->at_change, h);
	else if (ui_key_is(key, ACT_REPORT_SAFETY))
		ui_lines_jump(&s->lines, s->at_safety, h);
	else if (ui_key_is(key, ACT_REPORT_SURVIVAL))
		ui_lines_jump(&s->lines, s->at_survival, h);
	else if (!ui_lines_key(&s->lines, key, h))
		return UI_PASS;
	return UI_DONE;
}

static void rp_done(struct ui_screen *sc)
{
	struct rp_screen *s = (struct rp_screen *)sc;
	stop(s);
	report_free(s->r);
	free(s->r);
	ui_lines_done(&s->lines);
	free(s);
}

static const struct ui_screen_ops rp_ops = {
    "Outcomes report",
    rp_draw,
    rp_key,
    NULL,
    rp_done,
    rp_hints,
    "The clinic's outcomes, from every treated patient (one infusion or more) that passes "
    "the filter line: {REPORT_DATES} sets the days of the first infusion, {REPORT_ETIOLOGY} "
    "the etiology, {REPORT_ROUTE} the route and {REPORT_PRODUCT} the product type given; "
    "{REPORT_CLEAR} clears them. Change from baseline, one measure at a time "
    "({REPORT_MEASURE_NEXT} and {REPORT_MEASURE_PREV} change it), a row per visit week: the "
    "patients with a value (n) and with a baseline too (pairs), mean and SD of the value and "
    "of the change, the change's median and quartiles, the paired t-test's and the Wilcoxon "
    "signed-rank test's p; below it, who has no value at each week and why. {REPORT_SAFETY} "
    "jumps to the safety table (adverse events by CTCAE term, patients by worst grade, "
    "related, serious and leading to discontinuation, per patient and per infusion), "
    "{REPORT_SURVIVAL} to the Kaplan-Meier curves of overall and transplant-free survival "
    "with the numbers at risk and the median's 95 % interval, {REPORT_CHANGE} back. "
    "The report is built patient by patient under a progress line, the keys live meanwhile: "
    "{BACK} stops it, a filter change starts it again. "
    "hepadesk report outcomes gives the same numbers.",
    .scope = SC_REPORT | SC_LIST,
    .idle = rp_idle,
};

struct ui_screen *ui_report_new(struct ui *ui)
{
	struct rp_screen *s = xcalloc(1, sizeof *s);
	s->base.ops = &rp_ops;
	s->r = xcalloc(1, sizeof *s->r);
	s->ascii = want_ascii();
	report_filter_init(&s->f);
	report_init(s->r, app_today(ui->app), &s->f);
	ui_lines_init(&s->lines);
	start(s, ui);
	return &s->base;
}
