/* ui_clinic.c: the clinic dashboard, the home screen. */
#include "ui_clinic.h"
#include "uc_dashboard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dashboard.h"
#include "date.h"
#include "sae.h"
#include "store.h"
#include "store_hl7.h"
#include "store_longterm.h"
#include "store_sae.h"
#include "ui_audit.h"
#include "ui_draw.h"
#include "ui_lines.h"
#include "ui_overview.h"
#include "ui_patient_form.h"
#include "ui_queue.h"
#include "ui_report.h"
#include "util.h"

#define CLINIC_RECENT 10
#define CLINIC_SAE_MAX 20 /* open reports listed; the count gives the rest */
#define CLINIC_LT_MAX 10  /* survival contacts and HCC surveillance due, each */
#define CLINIC_ROWS_MAX (5 * CLINIC_LIST_MAX + CLINIC_RECENT + CLINIC_SAE_MAX + 2 * CLINIC_LT_MAX)
#define CLINIC_TOP 2 /* body rows above the list: the prompt line and a blank */

/* A row that opens a patient: its line and the patient. */
struct clinic_pick {
	int line;
	int64_t patient_id;
};

struct clinic_screen {
	struct ui_screen base;
	struct clinic_dashboard *cd;
	struct patient_hit recent[CLINIC_RECENT];
	int nrecent;
	struct sae_report sae[CLINIC_SAE_MAX];
	int nsae;
	int64_t now;
	int64_t queued; /* lab results waiting in the queue (-1: unknown) */
	/* Long-term follow-up due: survival contacts, then HCC surveillance. */
	struct lt_due_row lt[2][CLINIC_LT_MAX];
	int nlt[2];
	int64_t lt_total[2];
	struct ui_lines lines;
	struct clinic_pick pick[CLINIC_ROWS_MAX];
	int npick, sel;
	bool stale;
	int64_t generation; /* store_generation at the last load */
};

/* The report (ACT_REPORT) is named in the help: with it the hint line of a
 * nurse who administers would pass 80 columns. */
static const enum ui_action clinic_hints[] = {ACT_HELP,	 ACT_LOOKUP, ACT_ENTER, ACT_NEW,
					      ACT_QUEUE, ACT_AUDIT,  ACT_QUIT,	ACT_NONE};

static void add_pick(struct clinic_screen *c, int line, int64_t patient_id)
{
	if (c->npick < CLINIC_ROWS_MAX)
		c->pick[c->npick++] = (struct clinic_pick){line, patient_id};
}

static void visit_rows(struct clinic_screen *c, const char *title, const struct clinic_visit *v,
		       int n, int64_t total)
{
	char d[16];
	ui_lines_add(&c->lines, ROLE_TITLE, "%s (%lld)%s", title, (long long)total,
		     n < total ? ": the first are listed" : "");
	if (n == 0)
		ui_lines_add(&c->lines, ROLE_DIM, "    none");
	for (int i = 0; i < n; i++) {
		const struct clinic_visit *r = &v[i];
		char late[32];
		if (r->days_overdue > 0)
			snprintf(late, sizeof late, "! %d day%s overdue", r->days_overdue,
				 r->days_overdue == 1 ? "" : "s");
		else /* due today, or in its window (the same words as everywhere) */
			snprintf(late, sizeof late, "%s", sched_item_state(&r->item, c->cd->today));
		int l = ui_lines_add(&c->lines, r->days_overdue > 0 ? ROLE_WARN : ROLE_NORMAL,
				     "    %-10s %-11s due %s %-18s %s", r->mrn, r->item.label,
				     date_format(r->item.due, d), late, r->name);
		add_pick(c, l, r->patient_id);
	}
}

/* Survival contacts and HCC surveillance due or overdue, shown only when
 * there are any (they are due twice a year per patient at most). */
static void longterm_rows(struct clinic_screen *c)
{
	static const char *const titles[] = {"Survival contacts due", "HCC surveillance due"};
	char d[16];
	for (int k = 0; k < 2; k++) {
		if (c->lt_total[k] == 0)
			continue;
		ui_lines_add(&c->lines, ROLE_TITLE, "%s (%lld)%s", titles[k],
			     (long long)c->lt_total[k],
			     c->nlt[k] < c->lt_total[k] ? ": the first are listed" : "");
		for (int i = 0; i < c->nlt[k]; i++) {
			const struct lt_due_row *r = &c->lt[k][i];
			int late = (int)(c->cd->today - (r->item.due + r->item.window_days));
			int l = ui_lines_add(&c->lines, late > 0 ? ROLE_WARN : ROLE_NORMAL,
					     "    %-10s %-14s due %s %-9s %s", r->mrn,
					     r->item.label, date_format(r->item.due, d),
					     late > 0 ? "! overdue" : "", r->name);
			add_pick(c, l, r->item.patient_id);
		}
	}
}

static void eval_rows(struct clinic_screen *c, const char *title, const struct clinic_eval *v,
		      int n, int64_t total)
{
	char d[16];
	ui_lines_add(&c->lines, ROLE_TITLE, "%s (%lld)%s", title, (long long)total,
		     n < total ? ": the first are listed" : "");
	if (n == 0)
		ui_lines_add(&c->lines, ROLE_DIM, "    none");
	for (int i = 0; i < n; i++) {
		const struct clinic_eval *r = &v[i];
		int l = ui_lines_add(&c->lines, ROLE_NORMAL, "    %-10s %-10s %-10s %s", r->mrn,
				     r->status[0] ? r->status : "no eval",
				     r->as_of == DAY_NONE ? "" : date_format(r->as_of, d), r->name);
		add_pick(c, l, r->patient_id);
	}
}

static void ae_rows(struct clinic_screen *c)
{
	const struct clinic_dashboard *cd = c->cd;
	char d[16];
	ui_lines_add(&c->lines, ROLE_TITLE,
		     "Grade >= 3 or serious adverse events, last %d days (%lld)", CLINIC_AE_DAYS,
		     (long long)cd->counts.serious_ae_30d);
	if (cd->nserious == 0)
		ui_lines_add(&c->lines, ROLE_DIM, "    none");
	for (int i = 0; i < cd->nserious; i++) {
		const struct clinic_ae *r = &cd->serious[i];
		int l = ui_lines_add(&c->lines, ROLE_CRITICAL, "    %-10s %s G%d%s %s  %s", r->mrn,
				     date_format(r->ae.onset, d), r->ae.grade,
				     r->ae.serious ? " SERIOUS" : "", r->ae.term, r->name);
		add_pick(c, l, r->patient_id);
	}
}

/* The open serious adverse event reports, soonest due first, with the time
 * left by the clock (OVERDUE when it ran out). */
static void sae_rows(struct clinic_screen *c)
{
	ui_lines_add(&c->lines, ROLE_TITLE, "Serious adverse event reports open (%d%s)", c->nsae,
		     c->nsae == CLINIC_SAE_MAX ? " or more: hepadesk sae lists all" : "");
	if (c->nsae == 0)
		ui_lines_add(&c->lines, ROLE_DIM, "    none");
	for (int i = 0; i < c->nsae; i++) {
		const struct sae_report *r = &c->sae[i];
		char left[48];
		sae_time_left(r->due_at, c->now, left, sizeof left);
		int l =
		    ui_lines_add(&c->lines, r->due_at < c->now ? ROLE_CRITICAL : ROLE_WARN,
				 "    %-10s report %lld %s: %s G%d  %s", r->mrn, (long long)r->id,
				 r->kind == SAE_SUSAR ? "SUSAR" : "SAE", r->term, r->grade, left);
		add_pick(c, l, r->patient_id);
	}
}

static void recent_rows(struct clinic_screen *c)
{
	ui_lines_add(&c->lines, ROLE_TITLE, "Recent patients (%d)", c->nrecent);
	for (int i = 0; i < c->nrecent; i++) {
		int l = ui_lines_add(&c->lines, ROLE_NORMAL, "    %-10s %s", c->recent[i].mrn,
				     c->recent[i].name);
		add_pick(c, l, c->recent[i].id);
	}
}

static void build(struct clinic_screen *c)
{
	const struct clinic_counts *k = &c->cd->counts;
	char d[16];
	ui_lines_clear(&c->lines);
	c->npick = 0;
	char queue[32] = "";
	if (c->queued >= 0)
		snprintf(queue, sizeof queue, "  lab queue %lld", (long long)c->queued);
	ui_lines_add(&c->lines, ROLE_NORMAL,
		     "Today %s  due/in window %lld  overdue %lld  missed 30d %lld%s",
		     date_format(c->cd->today, d), (long long)k->due_today, (long long)k->overdue,
		     (long long)k->missed_30d, queue);
	ui_lines_add(
	    &c->lines, ROLE_NORMAL,
	    "Awaiting sign-off %lld  evaluation %lld (newest %d)  grade>=3/serious AEs %lld",
	    (long long)k->awaiting_signoff, (long long)k->awaiting_evaluation, CLINIC_NEW_PATIENTS,
	    (long long)k->serious_ae_30d);
	sae_rows(c);
	visit_rows(c, "Due today or in window", c->cd->due, c->cd->ndue, k->due_today);
	visit_rows(c, "Overdue", c->cd->overdue, c->cd->noverdue, k->overdue);
	longterm_rows(c);
	eval_rows(c, "Awaiting sign-off", c->cd->awaiting_signoff, c->cd->nsignoff,
		  k->awaiting_signoff);
	eval_rows(c, "Awaiting evaluation", c->cd->awaiting_evaluation, c->cd->nawaiting,
		  k->awaiting_evaluation);
	ae_rows(c);
	recent_rows(c);
	if (c->sel >= c->npick)
		c->sel = c->npick - 1;
	if (c->sel < 0)
		c->sel = 0;
}

static void load(struct clinic_screen *c, struct ui *ui)
{
	struct err e = {""};
	c->stale = false;
	enum status s = uc_clinic_load(ui->app->st, app_today(ui->app), CLINIC_LIST_MAX, c->cd, &e);
	if (s != ST_OK) {
		memset(c->cd, 0, sizeof *c->cd);
		c->cd->today = app_today(ui->app);
		ui_msg(ui, ROLE_CRITICAL, "clinic dashboard: %s", err_why(&e, s));
	}
	e.msg[0] = '\0';
	c->now = ui->app->clock();
	if ((s = store_sae_open(ui->app->st, c->sae, CLINIC_SAE_MAX, &c->nsae, &e)) != ST_OK) {
		c->nsae = 0;
		ui_msg(ui, ROLE_CRITICAL, "serious adverse event reports: %s", err_why(&e, s));
	}
	e.msg[0] = '\0';
	/* A count on the partial index of open items: cheap at any clinic size. */
	if (store_hl7_queue_count(ui->app->st, &c->queued, &e) != ST_OK)
		c->queued = -1;
	e.msg[0] = '\0';
	for (int k = LT_CONTACT; k <= LT_HCC; k++) {
		s = store_lt_due(ui->app->st, (enum lt_kind)k, app_today(ui->app), c->lt[k],
				 CLINIC_LT_MAX, &c->nlt[k], &c->lt_total[k], &e);
		if (s != ST_OK) {
			c->nlt[k] = 0;
			c->lt_total[k] = 0;
			ui_msg(ui, ROLE_CRITICAL, "long-term follow-up due: %s", err_why(&e, s));
		}
		e.msg[0] = '\0';
	}
	s = store_patient_recent(ui->app->st, c->recent, CLINIC_RECENT, &c->nrecent, &e);
	c->generation = store_generation(ui->app->st);
	if (s != ST_OK) {
		c->nrecent = 0;
		ui_msg(ui, ROLE_CRITICAL, "recent patients: %s", err_why(&e, s));
	}
	build(c);
}

/* Keep the highlighted row inside the window of h rows. */
static void follow_sel(struct clinic_screen *c, int h)
{
	if (c->npick == 0)
		return;
	int line = c->pick[c->sel].line;
	if (line < c->lines.top)
		c->lines.top = line > 2 ? line - 1 : 0;
	if (line >= c->lines.top + h)
		c->lines.top = line - h + 1;
}

static void clinic_draw(struct ui_screen *s, struct ui *ui)
{
	struct clinic_screen *c = (struct clinic_screen *)s;
	int h = ui->rows - CLINIC_TOP;
	/* Anything written since the last load, by this session on any path or
	 * by another: load again, so home never shows an old picture. */
	if (c->stale || store_generation(ui->app->st) != c->generation)
		load(c, ui);
	ui_put(ui->body, 0, 0, 14, ROLE_TITLE, "Find patient:");
	char say[128];
	/* Registration is offered only to those who may record (not to an
	 * administrator or a viewer). */
	ui_key_format(ui_key_offered(ACT_NEW, SC_HOME, ui_role(ui))
			  ? "press {=LOOKUP} for an MRN or name;  {=NEW} new patient;  {=ENTER} "
			    "opens a row"
			  : "press {=LOOKUP} for an MRN or name;  {=ENTER} opens a row",
		      SC_GLOBAL | SC_HOME | SC_LIST, say, sizeof say);
	ui_put(ui->body, 0, 14, ui->cols - 14, ROLE_DIM, say);
	follow_sel(c, h - 1); /* the last row may be the "more below" marker */
	ui_lines_draw(&c->lines, ui->body, CLINIC_TOP, h);
	if (c->npick == 0)
		return;
	int y = c->pick[c->sel].line - c->lines.top;
	if (y >= 0 && y < h - 1) { /* "> " marks the row without colour too */
		ui_put_pad(ui->body, CLINIC_TOP + y, 0, ui->cols, ROLE_SELECTED,
			   c->lines.l[c->pick[c->sel].line].text);
		ui_put(ui->body, CLINIC_TOP + y, 0, 2, ROLE_SELECTED, ">");
	}
}

static int open_row(struct clinic_screen *c, struct ui *ui)
{
	if (c->npick == 0) {
		ui_msg(ui, ROLE_HINT, "no patient listed: press / to find one");
		return UI_DONE;
	}
	struct ui_screen *ov = ui_overview_new(ui, c->pick[c->sel].patient_id);
	if (ov) {
		c->stale = true;
		ui_push(ui, ov);
	}
	return UI_DONE;
}

static int move_sel(struct clinic_screen *c, int key, int page)
{
	if (!ui_key_move(key, &c->sel, c->npick, page))
		return UI_PASS;
	if (c->sel == 0)
		c->lines.top = 0;
	return UI_DONE;
}

static int clinic_key(struct ui_screen *s, struct ui *ui, int key)
{
	struct clinic_screen *c = (struct clinic_screen *)s;
	if (ui_key_is(key, ACT_ENTER))
		return open_row(c, ui);
	if (ui_key_is(key, ACT_NEW) || ui_key_is(key, ACT_AUDIT) || ui_key_is(key, ACT_QUEUE) ||
	    ui_key_is(key, ACT_REPORT)) {
		enum ui_action a = ui_key_is(key, ACT_NEW)	? ACT_NEW
				   : ui_key_is(key, ACT_QUEUE)	? ACT_QUEUE
				   : ui_key_is(key, ACT_REPORT) ? ACT_REPORT
								: ACT_AUDIT;
		if (!ui_may(ui, a))
			return UI_DONE;
		c->stale = true;
		ui_push(ui, a == ACT_NEW      ? ui_patient_form_new(ui)
			    : a == ACT_QUEUE  ? ui_queue_new(ui)
			    : a == ACT_REPORT ? ui_report_new(ui)
					      : ui_audit_new(ui));
		return UI_DONE;
	}
	int r = move_sel(c, key, ui->rows - CLINIC_TOP - 1);
	if (r & UI_PASS)
		c->stale = true; /* the lookup or help may open a patient */
	return r;
}

static void clinic_done(struct ui_screen *s)
{
	struct clinic_screen *c = (struct clinic_screen *)s;
	ui_lines_done(&c->lines);
	free(c->cd);
	free(c);
}

static const struct ui_screen_ops clinic_ops = {
    "Home",
    clinic_draw,
    clinic_key,
    NULL,
    clinic_done,
    clinic_hints,
    "Recent patients are listed at the end, after today's clinic: the serious adverse event "
    "reports still to be made, each with the time left (OVERDUE when it ran out; hepadesk "
    "sae report records one), visits due today, overdue "
    "visits (! and the days overdue), patients awaiting a physician's sign-off or their "
    "evaluation, adverse events of grade 3 or more or serious in the last 30 days, and the "
    "count of each. {UP} and {DOWN} choose a row, {ENTER} opens that patient. {LOOKUP} finds any "
    "patient by MRN or name; nurses and physicians register a new patient with {NEW}; "
    "{QUEUE} opens the lab results from the laboratory that wait for a nurse (their count is "
    "'lab queue' on the first line); {REPORT} opens the clinic's outcomes report; administrators "
    "read the audit trail with {AUDIT}; "
    "{QUIT} quits.",
    .scope = SC_HOME | SC_LIST,
};

struct ui_screen *ui_clinic_new(struct ui *ui)
{
	struct clinic_screen *c = xcalloc(1, sizeof *c);
	c->base.ops = &clinic_ops;
	c->base.home = true;
	c->cd = xcalloc(1, sizeof *c->cd);
	ui_lines_init(&c->lines);
	c->stale = true;
	return &c->base;
}
