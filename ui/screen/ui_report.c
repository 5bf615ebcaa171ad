/* ui_report.c: the outcomes report screen — shows struct report, computes
 * nothing (the filters go through report_filter_set, the numbers through
 * app_report_build_*: built in slices between keys, with a progress line,
 * so the screen shows at once and Esc stops it). */
#include "ui_report.h"

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
#include "ui_lines.h"
#include "ui_prompt.h"
#include "ui_report_lines.h"
#include "ui_term.h"
#include "util.h"

#define RP_TOP 2       /* fixed rows above the lines: the title and the filter */
#define RP_PICK_MAX 32 /* "any" and the etiologies, routes or product types */
#define RP_NUM 24      /* one number */
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

static void build(struct rp_screen *s)
{
	ui_lines_clear(&s->lines);
	if (!s->loaded)
		return;
	struct ui_report_view v = {s->r, s->measure, s->ascii, s->cols, &s->lines, 0, 0, 0};
	ui_report_lines(&v);
	s->at_change = v.at_change;
	s->at_safety = v.at_safety;
	s->at_survival = v.at_survival;
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
    "related, serious and leading to discontinuation, per patient and per infusion) and "
    "the paired biopsies below it (each histology measure before the first infusion and "
    "the newest after: pairs, improved, unchanged or worse, the change and its tests), "
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
