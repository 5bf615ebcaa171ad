/* ui_dashboard.c: the patient dashboard screen and the follow-up keys. */
#include "ui_dashboard.h"
#include "uc_dashboard.h"

#include <langinfo.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dashboard.h"
#include "date.h"
#include "store.h"
#include "store_qol.h"
#include "uc_longterm.h"
#include "ui_ae.h"
#include "ui_banner.h"
#include "ui_contact.h"
#include "ui_draw.h"
#include "ui_exam.h"
#include "ui_fixes.h"
#include "ui_histology.h"
#include "ui_infusion.h"
#include "ui_infusion_check.h"
#include "ui_lines.h"
#include "ui_med.h"
#include "ui_product.h"
#include "ui_qol.h"
#include "ui_records.h"
#include "ui_visit.h"
#include "ui_visits.h"
#include "util.h"

#define DB_TREND_COLS 17
#define DB_GRID_LABEL 15 /* columns of the label in the grades grid */
#define DB_GRID_COL 6	 /* columns of one visit in it */

struct db_screen {
	struct ui_screen base;
	int64_t id;
	struct dashboard *db;
	struct ui_lines lines;
	bool ascii; /* trend lines in ASCII (not UTF-8, or vt100/linux) */
	bool stale;
	int cols;		 /* the width the lines were built for */
	struct uc_longterm *lt;	 /* survival contacts, status, events */
	struct qol_response *qr; /* questionnaires, oldest first */
	int nqr;
};

#define DB_QOL_MAX 32
#define DB_MED_BAR 30 /* columns of a medication's bar */

static const enum ui_action db_hints[] = {ACT_HELP,  ACT_VISIT,	 ACT_AE,   ACT_INFUSION,
					  ACT_FIXES, ACT_LOOKUP, ACT_BACK, ACT_NONE};

/* Block characters need a UTF-8 locale and a terminal that has them. */
static bool want_ascii(void)
{
	const char *term = termname();
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		return true;
	return term && (strncmp(term, "vt1", 3) == 0 || strncmp(term, "linux", 5) == 0);
}

static void fmt_value(char *buf, size_t n, enum dash_measure m, bool have, double v)
{
	const struct dash_measure_info *mi = dash_measure(m);
	if (!have)
		snprintf(buf, n, "--");
	else if (m == DASH_CHILD_PUGH)
		snprintf(buf, n, "%.0f %c", v, dash_child_pugh_class((int)lround(v)));
	else if (m == DASH_DIALYSIS)
		snprintf(buf, n, "%s", v != 0 ? "yes" : "no");
	else
		snprintf(buf, n, "%.*f", mi->decimals, v);
}

static const char *dir_word(enum dash_direction d)
{
	static const char *const words[] = {"", "improved +", "worse -", "same ="};
	return d >= DIR_NONE && d <= DIR_UNCHANGED ? words[d] : "";
}

static void measure_line(struct db_screen *s, const struct dash_row *r)
{
	const struct dash_measure_info *mi = dash_measure(r->m);
	char b[24], l[24], ch[24] = "", pct[16] = "", trend[DB_TREND_COLS * 4 + 1] = "", label[32];
	if ((r->m == DASH_PT || r->m == DASH_PTA || mi->source == DSRC_FINDING) &&
	    !r->have_latest && !r->have_baseline)
		return; /* PT, PTA and findings only where recorded */
	snprintf(label, sizeof label, "%s%s%s", mi->label, mi->unit[0] ? " " : "", mi->unit);
	fmt_value(b, sizeof b, r->m, r->have_baseline, r->baseline.value);
	fmt_value(l, sizeof l, r->m, r->have_latest, r->latest.value);
	if (!isnan(r->change))
		snprintf(ch, sizeof ch, "%+.*f", mi->decimals, r->change);
	if (!isnan(r->change_pct))
		snprintf(pct, sizeof pct, "%+.0f%%", r->change_pct);
	dash_sparkline(r->trend, r->ntrend, DB_TREND_COLS, s->ascii, trend, sizeof trend);
	/* An unreliable stiffness (imaging.h) is shown, and not called a change. */
	bool unrel = (r->have_baseline && r->baseline.unreliable) ||
		     (r->have_latest && r->latest.unreliable);
	enum ui_role role = r->dir == DIR_WORSE || unrel ? ROLE_WARN : ROLE_NORMAL;
	ui_lines_add(&s->lines, role, "%-17.17s %8s %8s %8s %6s  %-10s %s", label, b, l, ch, pct,
		     unrel ? "unreliable" : dir_word(r->dir), trend);
}

static void header_lines(struct db_screen *s)
{
	const struct dashboard *db = s->db;
	char d[16], a[16], z[16];
	if (db->have_infusion)
		ui_lines_add(&s->lines, ROLE_NORMAL, "First infusion %s: %d days ago",
			     date_format(db->first_infusion.date, d),
			     db->days_since_first_infusion);
	else
		ui_lines_add(&s->lines, ROLE_DIM, "No infusion recorded yet");
	if (db->next >= 0) {
		const struct schedule_item *it = &db->cal[db->next].item;
		ui_lines_add(&s->lines, ROLE_NORMAL, "Next: %s due %s (window %s to %s)", it->label,
			     date_format(it->due, d), date_format(visit_window_start(it), a),
			     date_format(visit_window_end(it), z));
	} else
		ui_lines_add(&s->lines, ROLE_DIM, "Next: nothing scheduled");
	if (db->baseline.from == DBASE_FIRST_INFUSION)
		ui_lines_add(&s->lines, ROLE_DIM,
			     "Baseline: last values on or before %s (first "
			     "infusion)",
			     date_format(db->baseline.day, d));
	else if (db->as_of != DAY_NONE)
		ui_lines_add(&s->lines, ROLE_DIM, "Baseline: the signed evaluation as of %s",
			     date_format(db->as_of, d));
	else
		ui_lines_add(&s->lines, ROLE_WARN, "Baseline: no signed evaluation yet");
}

static void measure_lines(struct db_screen *s)
{
	ui_lines_add(&s->lines, ROLE_TITLE, "%-17s %8s %8s %8s %6s  %-10s %s", "Measure",
		     "Baseline", "Latest", "Change", "%", "Direction", "Trend");
	for (int m = 0; m < DASH_COUNT; m++)
		measure_line(s, &s->db->rows[m]);
}

static const char *grade_cell(int g, bool severity)
{
	static const char *const sev[] = {"none", "mild", "mod", "sev"};
	static const char *const num[] = {"0", "1", "2", "3", "4"};
	if (g < 0)
		return ".";
	if (severity)
		return g < SEV_COUNT ? sev[g] : "?";
	return g <= 4 ? num[g] : "?";
}

/* One row of the grades grid: label then one cell per shown visit. */
static void grid_row(struct db_screen *s, const char *label, int first, int which)
{
	char line[256];
	int at = snprintf(line, sizeof line, "%-*s", DB_GRID_LABEL, label);
	for (int i = first; i < s->db->nvisits && at < (int)sizeof line - DB_GRID_COL - 1; i++) {
		const struct visit *v = &s->db->visits[i];
		if (v->state != VISIT_DONE)
			continue;
		int g = which < SYM_COUNT    ? v->symptom[which]
			: which == SYM_COUNT ? v->ascites
					     : v->he;
		at += snprintf(line + at, sizeof line - (size_t)at, "%-*s", DB_GRID_COL,
			       grade_cell(g, which < SYM_COUNT));
	}
	ui_lines_add(&s->lines, ROLE_NORMAL, "%s", line);
}

static void grade_lines(struct db_screen *s)
{
	const struct dashboard *db = s->db;
	int fit = (s->cols - DB_GRID_LABEL) / DB_GRID_COL, shown = 0, first = db->nvisits;
	char line[256], d[16];
	while (first > 0 && shown < fit)
		shown += db->visits[--first].state == VISIT_DONE;
	ui_lines_add(&s->lines, ROLE_TITLE, "Symptoms and grades over visits (%d shown)", shown);
	if (shown == 0) {
		ui_lines_add(&s->lines, ROLE_DIM, "  no visit recorded yet");
		return;
	}
	int at = snprintf(line, sizeof line, "%-*s", DB_GRID_LABEL, "");
	for (int i = first; i < db->nvisits; i++)
		if (db->visits[i].state == VISIT_DONE)
			at += snprintf(line + at, sizeof line - (size_t)at, "%-*.5s ",
				       DB_GRID_COL - 1,
				       db->visits[i].schedule_id ? db->visits[i].label : "unsch");
	ui_lines_add(&s->lines, ROLE_DIM, "%s", line);
	at = snprintf(line, sizeof line, "%-*s", DB_GRID_LABEL, "");
	for (int i = first; i < db->nvisits; i++)
		if (db->visits[i].state == VISIT_DONE)
			at += snprintf(line + at, sizeof line - (size_t)at, "%-*s", DB_GRID_COL,
				       date_format(db->visits[i].date, d) + 5);
	ui_lines_add(&s->lines, ROLE_DIM, "%s", line);
	for (int k = 0; k < SYM_COUNT; k++)
		grid_row(s, symptom_label((enum symptom)k), first, k);
	grid_row(s, "Ascites (ICA)", first, SYM_COUNT);
	grid_row(s, "HE (W. Haven)", first, SYM_COUNT + 1);
}

static void ae_lines(struct db_screen *s)
{
	const struct dashboard *db = s->db;
	char d[16], r[16];
	ui_lines_add(&s->lines, ROLE_TITLE, "Adverse events (%d)", db->nae);
	if (db->nae == 0)
		ui_lines_add(&s->lines, ROLE_DIM, "  none recorded (a records one)");
	for (int i = 0; i < db->nae; i++) {
		const struct ae *a = &db->aes[i];
		char since[32] = "";
		if (a->days_since_infusion >= 0)
			snprintf(since, sizeof since, " day %d after infusion",
				 a->days_since_infusion);
		ui_lines_add(&s->lines, a->grade >= 3 || a->serious ? ROLE_CRITICAL : ROLE_NORMAL,
			     "  %s grade %d%s %s: %s, %s%s%s%s", date_format(a->onset, d), a->grade,
			     a->serious ? " SERIOUS" : "", a->term, ae_relation_str(a->relation),
			     ae_outcome_str(a->outcome), a->resolved != DAY_NONE ? " " : "",
			     a->resolved != DAY_NONE ? date_format(a->resolved, r) : "", since);
	}
}

static void calendar_lines(struct db_screen *s)
{
	const struct dashboard *db = s->db;
	char d[16], c[16];
	ui_lines_add(&s->lines, ROLE_TITLE,
		     "Visit calendar (+ done  * due  ! overdue  x missed  . upcoming)");
	if (db->ncal == 0)
		ui_lines_add(&s->lines, ROLE_DIM, "  no plan: nothing scheduled");
	for (int i = 0; i < db->ncal; i++) {
		const struct dash_cal *k = &db->cal[i];
		char extra[VISIT_REASON_MAX + 40] = "";
		if (k->mark == VMARK_OVERDUE)
			snprintf(extra, sizeof extra, "%d days overdue", k->days_overdue);
		else if (k->closed_on != DAY_NONE)
			snprintf(extra, sizeof extra, "on %s%s%s%s%s", date_format(k->closed_on, c),
				 k->timing == VT_EARLY || k->timing == VT_LATE ? " " : "",
				 k->timing == VT_EARLY || k->timing == VT_LATE
				     ? visit_timing_label(k->timing)
				     : "",
				 k->reason[0] ? ": " : "", k->reason);
		enum visit_mark m = k->mark;
		bool off = k->timing == VT_EARLY || k->timing == VT_LATE;
		ui_lines_add(&s->lines,
			     m == VMARK_OVERDUE || m == VMARK_MISSED || off ? ROLE_WARN
			     : m == VMARK_DUE				    ? ROLE_TITLE
									    : ROLE_NORMAL,
			     "  %s %-11s due %s  %-9s %s", visit_mark_glyph(m), k->item.label,
			     date_format(k->item.due, d), visit_mark_str(m), extra);
	}
}

/* The long-term follow-up: status, what is due next, each endpoint's time. */
static void longterm_lines(struct db_screen *s)
{
	const struct uc_longterm *lt = s->lt;
	char a[16];
	int next = -1;
	for (int i = 0; i < lt->nitems && next < 0; i++)
		if (lt->items[i].state == SCHED_OPEN)
			next = i;
	ui_lines_add(&s->lines, ROLE_TITLE, "Long-term follow-up: %s%s%s (contacts %d)",
		     pstate_label(lt->status.state), lt->status.id ? " since " : "",
		     lt->status.id ? date_format(lt->status.date, a) : "", lt->ncontacts);
	if (next >= 0)
		ui_lines_add(&s->lines, ROLE_NORMAL, "  next %s due %s", lt->items[next].label,
			     date_format(lt->items[next].due, a));
	if (lt->history.origin == DAY_NONE)
		ui_lines_add(&s->lines, ROLE_DIM, "  time to event: none until the first infusion");
	for (int k = 0; k < LT_ENDPOINTS; k++) {
		const struct lt_tte *t = &lt->history.tte[k];
		if (t->date == DAY_NONE)
			continue;
		if (t->days < 0)
			ui_lines_add(&s->lines, ROLE_WARN, "  %-16s %-8s %s",
				     lt_event_label(t->endpoint), "event", date_format(t->date, a));
		else
			ui_lines_add(&s->lines, t->event ? ROLE_WARN : ROLE_NORMAL,
				     "  %-16s %-8s %s (day %d)", lt_event_label(t->endpoint),
				     t->event ? "event" : "censored", date_format(t->date, a),
				     t->days);
	}
}

/* Each questionnaire domain: the first score, the newest and the change. */
static void qol_lines(struct db_screen *s)
{
	if (s->nqr == 0)
		return;
	ui_lines_add(&s->lines, ROLE_TITLE, "%-24s %8s %8s %8s  %s", "Questionnaire domain",
		     "First", "Latest", "Change", "Scores");
	for (int i = 0; i < s->nqr; i++) {
		bool seen = false;
		for (int k = 0; k < i && !seen; k++)
			seen = strcmp(s->qr[k].code, s->qr[i].code) == 0;
		for (int d = 0; !seen && d < s->qr[i].scores.n; d++) {
			double first = NAN, last = NAN;
			int n = 0;
			for (int k = i; k < s->nqr; k++) {
				if (strcmp(s->qr[k].code, s->qr[i].code) != 0 ||
				    d >= s->qr[k].scores.n || isnan(s->qr[k].scores.s[d].score))
					continue;
				first = isnan(first) ? s->qr[k].scores.s[d].score : first;
				last = s->qr[k].scores.s[d].score;
				n++;
			}
			char label[64];
			snprintf(label, sizeof label, "%s %s", s->qr[i].code,
				 s->qr[i].scores.s[d].id);
			ui_lines_add(&s->lines, ROLE_NORMAL, "%-24.24s %8.2f %8.2f %+8.2f  %d",
				     label, first, last, last - first, n);
		}
	}
}

/* Biopsies, the baseline marked, and the change from it per measure. */
static void histology_lines(struct db_screen *s)
{
	const struct dashboard *db = s->db;
	const struct histo_summary *h = &db->histo;
	char d[16], a[24], b[24];
	ui_lines_add(&s->lines, ROLE_TITLE, "Biopsy histology (%d)", db->nbiopsies);
	if (db->nbiopsies == 0)
		ui_lines_add(&s->lines, ROLE_DIM, "  none recorded (b records one)");
	for (int i = 0; i < db->nbiopsies; i++) {
		const struct histology *x = &db->biopsies[i];
		char vals[160] = "";
		size_t len = 0;
		for (int m = 0; m < HISTO_COUNT && len < sizeof vals; m++)
			if (!isnan(x->v[m]))
				len += (size_t)snprintf(
				    vals + len, sizeof vals - len, "%s%s%s", len ? " " : "",
				    histo_measure((enum histo_measure)m)->short_label,
				    histology_format((enum histo_measure)m, x->v[m], a, sizeof a));
		ui_lines_add(&s->lines, x->voided ? ROLE_DIM : ROLE_NORMAL, "  %s %s%s%s",
			     date_format(x->date, d), vals, i == h->baseline ? "  [baseline]" : "",
			     x->voided ? "  [voided]" : "");
	}
	if (h->baseline < 0 || h->latest < 0)
		return;
	for (int m = 0; m < HISTO_COUNT; m++) {
		const struct histo_change *c = &h->c[m];
		if (!c->have)
			continue;
		const struct histo_measure_info *mi = histo_measure((enum histo_measure)m);
		histology_format((enum histo_measure)m, c->base, a, sizeof a);
		histology_format((enum histo_measure)m, c->latest, b, sizeof b);
		ui_lines_add(&s->lines, c->direction < 0 ? ROLE_WARN : ROLE_NORMAL,
			     "  %-27.27s %8s -> %-8s %s", mi->label, a, b,
			     c->direction > 0	? "improved"
			     : c->direction < 0 ? "worse"
						: "same");
	}
}

/* Medications over time: a bar per entry from the earliest start (or the
 * first infusion) to today. */
static void med_lines(struct db_screen *s)
{
	const struct dashboard *db = s->db;
	char a[16], b[16], bar[DB_MED_BAR + 1];
	day_t from = db->have_infusion ? db->first_infusion.date : db->today;
	for (int i = 0; i < db->nmeds; i++)
		if (db->meds[i].start < from)
			from = db->meds[i].start;
	int days = db->today - from + 1;
	ui_lines_add(&s->lines, ROLE_TITLE, "Medications (%d), %s to %s", db->nmeds,
		     date_format(from, a), date_format(db->today, b));
	if (db->nmeds == 0)
		ui_lines_add(&s->lines, ROLE_DIM, "  none recorded (m records one)");
	for (int i = 0; i < db->nmeds; i++) {
		const struct med *m = &db->meds[i];
		day_t end = m->stop == DAY_NONE ? db->today : m->stop;
		for (int k = 0; k < DB_MED_BAR; k++) {
			day_t lo = from + (day_t)((long)k * days / DB_MED_BAR);
			day_t hi = from + (day_t)((long)(k + 1) * days / DB_MED_BAR) - 1;
			bar[k] = m->start <= (hi < lo ? lo : hi) && end >= lo ? '=' : '.';
		}
		bar[DB_MED_BAR] = '\0';
		ui_lines_add(&s->lines, ROLE_NORMAL, "  %-22.22s %-7s |%s| %s", m->name,
			     *m->atc ? m->atc : "-", bar,
			     m->stop == DAY_NONE ? "taken" : date_format(m->stop, a));
	}
}

/* The lots given, each with its release state. */
static void lot_lines(struct db_screen *s)
{
	const struct dashboard *db = s->db;
	char d[16];
	ui_lines_add(&s->lines, ROLE_TITLE, "Product lots given (%d)", db->nlots);
	for (int i = 0; i < db->nlots; i++) {
		const struct product_use *u = &db->lots[i];
		bool ok = u->on_file && product_released(&u->p) && !u->p.voided;
		ui_lines_add(&s->lines, ok ? ROLE_NORMAL : ROLE_WARN, "  %s lot %-16s %s%s%s",
			     date_format(u->date, d), u->lot,
			     !u->on_file	       ? "not on file"
			     : product_released(&u->p) ? "released"
						       : "NOT released",
			     u->on_file ? ", " : "",
			     u->on_file ? product_type_label(u->p.type) : "");
	}
}

static void build(struct db_screen *s)
{
	ui_lines_clear(&s->lines);
	header_lines(s);
	measure_lines(s);
	grade_lines(s);
	ae_lines(s);
	calendar_lines(s);
	longterm_lines(s);
	qol_lines(s);
	histology_lines(s);
	med_lines(s);
	lot_lines(s);
}

static bool load(struct db_screen *s, struct ui *ui)
{
	struct err e = {""};
	enum status st =
	    uc_dashboard_load(ui->app->st, s->id, app_today(ui->app), &ui->app->cfg, s->db, &e);
	s->stale = false;
	if (st == ST_OK)
		st = uc_longterm_load(ui->app->st, s->id, s->lt, &e);
	if (st == ST_OK)
		st = store_qol_list(ui->app->st, s->id, NULL, s->qr, DB_QOL_MAX, &s->nqr, &e);
	if (st != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "cannot load the dashboard: %s", err_why(&e, st));
		return false;
	}
	ui_banner_patient(&s->db->p, app_today(ui->app), s->base.banner, sizeof s->base.banner);
	s->cols = ui->cols;
	build(s);
	return true;
}

static void db_draw(struct ui_screen *sc, struct ui *ui)
{
	struct db_screen *s = (struct db_screen *)sc;
	if (s->stale || s->cols != ui->cols)
		load(s, ui);
	ui_lines_draw(&s->lines, ui->body, 0, ui->rows);
}

static int db_key(struct ui_screen *sc, struct ui *ui, int key)
{
	struct db_screen *s = (struct db_screen *)sc;
	if (!ui_key_is(key, ACT_DASHBOARD) && ui_dashboard_key(ui, s->id, key)) {
		s->stale = true;
		return UI_DONE;
	}
	return ui_lines_key(&s->lines, key, ui->rows) ? UI_DONE : UI_PASS;
}

static void db_done(struct ui_screen *sc)
{
	struct db_screen *s = (struct db_screen *)sc;
	ui_lines_done(&s->lines);
	free(s->qr);
	free(s->lt);
	free(s->db);
	free(s);
}

static const struct ui_screen_ops db_ops = {
    "Dashboard",
    db_draw,
    db_key,
    NULL,
    db_done,
    db_hints,
    "Baseline (the last value on or before the first infusion; before any infusion, the "
    "signed evaluation's), latest value, change in units and per cent, the "
    "direction (improved +, worse -, same =) and a trend line of the newest values for each "
    "measure, sodium and the examination findings (ascites, encephalopathy, dialysis, "
    "weight) among them; a visit done outside its window says early or late; symptom grades "
    "(none, mild, mod, sev) and ascites/encephalopathy grades over the visits (. not "
    "assessed); adverse events; the visit calendar with its marks. Nurses and physicians "
    "record a visit with {VISIT}, an adverse event with {AE}, an infusion with {INFUSION}, "
    "examination findings with {EXAM}, and correct a recorded visit from {CORRECT}. Below: "
    "the long-term follow-up (status, the next survival contact or HCC surveillance, time to "
    "each endpoint or its censoring day; {CONTACT} records a contact) and each questionnaire "
    "domain, first, latest and change ({QOL} gives one).",
    .scope = SC_FOLLOWUP | SC_LIST,
};

struct ui_screen *ui_dashboard_new(struct ui *ui, int64_t patient_id)
{
	struct err e = {""};
	struct db_screen *s = xcalloc(1, sizeof *s);
	s->base.ops = &db_ops;
	s->base.patient = patient_id;
	s->id = patient_id;
	s->db = xcalloc(1, sizeof *s->db);
	s->lt = xcalloc(1, sizeof *s->lt);
	s->qr = xcalloc(DB_QOL_MAX, sizeof *s->qr);
	s->ascii = want_ascii();
	ui_lines_init(&s->lines);
	enum status st = store_patient_viewed(ui->app->st, patient_id, "dashboard", &e);
	if (st != ST_OK)
		ui_msg(ui, ROLE_CRITICAL,
		       "cannot open the dashboard (the view could not be logged): %s",
		       err_why(&e, st));
	if (st != ST_OK || !load(s, ui)) {
		db_done(&s->base);
		return NULL;
	}
	return &s->base;
}

bool ui_dashboard_key(struct ui *ui, int64_t patient_id, int key)
{
	struct ui_screen *next;
	static const enum ui_action records[] = {ACT_VISIT,   ACT_AE,	   ACT_INFUSION,
						 ACT_CORRECT, ACT_RECORDS, ACT_FIXES};
	for (size_t i = 0; i < ARRAY_SIZE(records); i++)
		if (ui_key_is(key, records[i]) && !ui_may(ui, records[i]))
			return true;
	if (ui_key_is(key, ACT_DASHBOARD))
		next = ui_dashboard_new(ui, patient_id);
	else if (ui_key_is(key, ACT_VISIT))
		next = ui_visit_new(ui, patient_id);
	else if (ui_key_is(key, ACT_AE))
		next = ui_ae_new(ui, patient_id);
	else if (ui_key_is(key, ACT_INFUSION))
		next = ui_infusion_check_new(ui, patient_id);
	else if (ui_key_is(key, ACT_CORRECT))
		next = ui_visits_new(ui, patient_id);
	else if (ui_key_is(key, ACT_FIXES))
		next = ui_fixes_new(ui, patient_id);
	else if (ui_key_is(key, ACT_EXAM))
		next = ui_exam_new(ui, patient_id);
	else if (ui_key_is(key, ACT_CONTACT))
		next = ui_contact_new(ui, patient_id);
	else if (ui_key_is(key, ACT_QOL))
		next = ui_qol_new(ui, patient_id);
	else if (ui_key_is(key, ACT_RECORDS))
		next = ui_records_new(ui, patient_id);
	else if (ui_key_is(key, ACT_HISTOLOGY))
		next = ui_histology_new(ui, patient_id);
	else if (ui_key_is(key, ACT_MED))
		next = ui_med_new(ui, patient_id);
	else if (ui_key_is(key, ACT_PRODUCT))
		next = ui_product_new(ui, patient_id);
	else
		return false;
	if (!next)
		return true;
	/* The form shows the banner of the patient screen it was opened from. */
	if (!next->banner[0] && ui_top(ui))
		strlcpy_(next->banner, ui_top(ui)->banner, sizeof next->banner);
	ui_push(ui, next);
	return true;
}
