/* ui_plan.c: the treatment plan screen. */
#include "ui_plan.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "plan.h"
#include "signature.h"
#include "store.h"
#include "store_eval.h"
#include "store_sig.h"
#include "uc_sign.h"
#include "ui_banner.h"
#include "ui_draw.h"
#include "ui_form.h"
#include "ui_password.h"
#include "ui_prompt.h"
#include "util.h"

enum { PL_ROUTE, PL_CELLS, PL_INFUSIONS, PL_INTERVAL, PL_FIRST, PL_N };
#define PL_SCHED_MAX 200
#define PL_CAL_Y 11 /* first calendar row of the form */
#define PL_LIST_Y 4 /* first schedule row of an active plan */
#define PL_COL_W 39 /* a calendar column of the form */

static const char *const routes[] = {"IV (peripheral)", "intrahepatic (physician)"};

struct pl_screen {
	struct ui_screen base;
	struct ui *ui; /* for the form's checks (the program's one ui) */
	struct patient pt;
	struct protocol proto;
	struct err failure; /* nothing can be shown: why */
	bool have;	    /* an active plan is shown */
	struct plan plan;
	struct schedule_item *items; /* PL_SCHED_MAX: the calendar shown */
	int n, sel, top;
	struct ui_form form;
	struct ui_form_field f[PL_N];
	char hints[PL_N][96];
	struct plan_request rq;
	bool preview_ok;
	char preview_err[ERR_MSG_MAX];
	struct signature sig; /* the plan's signature */
	bool have_sig;
};

static const enum ui_action form_hints[] = {ACT_HELP, ACT_NEXT, ACT_SAVE, ACT_BACK, ACT_NONE};
/* For those who may not make a plan (nurses, admins): the proposal is shown,
 * nothing is offered to save. */
static const enum ui_action view_hints[] = {ACT_HELP, ACT_NEXT, ACT_BACK, ACT_NONE};
static const enum ui_action plan_hints[] = {ACT_HELP, ACT_RESCHEDULE, ACT_CANCEL_PLAN, ACT_BACK,
					    ACT_NONE};

/* The dose and calendar the form's values give, before anything is saved. */
static void preview(struct pl_screen *c, struct ui *ui)
{
	struct err e = {""};
	enum status s = plan_compute(&c->proto, &c->pt, &c->rq, app_today(ui->app), &c->plan,
				     c->items, &c->n, &e);
	c->preview_ok = s == ST_OK;
	if (s != ST_OK) {
		c->n = 0;
		snprintf(c->preview_err, sizeof c->preview_err, "%s", err_why(&e, s));
	}
}

static enum status check_route(struct pl_screen *c, struct ui *ui, struct err *e)
{
	int k = c->f[PL_ROUTE].choice;
	if (k < 0)
		return err_set(e, ST_INVALID, "route: required; Space shows the list");
	c->rq.route = k == 1 ? ROUTE_INTRAHEPATIC : ROUTE_IV;
	/* The route is the actor's to sign: the store says who may. */
	return k == 1 ? store_may(ui->app->st, PERM_SIGN_INTRAHEPATIC, e) : ST_OK;
}

static enum status check_number(struct pl_screen *c, int i, const char *t, struct err *e)
{
	long v;
	if (i == PL_CELLS) {
		if (!parse_double(t, &c->rq.cells_per_kg) || !(c->rq.cells_per_kg > 0))
			return err_set(e, ST_INVALID,
				       "cells/kg '%s': a number of cells per kg, e.g. 0.5e6", t);
		return ST_OK;
	}
	bool inf = i == PL_INFUSIONS;
	if (!parse_long(t, 1, inf ? 24 : 365, &v))
		return err_set(e, ST_INVALID, "%s '%s': a whole number, accepted %s",
			       inf ? "infusions" : "interval", t, inf ? "1-24" : "1-365 days");
	*(inf ? &c->rq.infusions : &c->rq.interval_days) = (int)v;
	return ST_OK;
}

/* Each field into the request, then the preview again. */
static enum status pl_check(void *owner, int i, bool confirmed, struct err *e)
{
	struct pl_screen *c = owner;
	const char *t = ui_form_text(&c->form, i);
	enum status s;
	if (i == PL_ROUTE)
		s = check_route(c, c->ui, e);
	else if (i == PL_FIRST)
		s = date_parse_field("first infusion date", t, app_today(c->ui->app), true,
				     &c->rq.first_date, e);
	else
		s = check_number(c, i, t, e);
	if (s == ST_OK)
		preview(c, c->ui);
	return s;
}

static void cal_entry(const struct schedule_item *it, char *buf, size_t n)
{
	char d[16];
	snprintf(buf, n, "%-11s %s  -%d/+%d", it->label, date_format(it->due, d), it->window_before,
		 it->window_after);
}

static void draw_form(struct pl_screen *c, struct ui *ui)
{
	char text[96], d[16], arith[PLAN_ARITH_MAX];
	int rows = ui->rows - PL_CAL_Y, cols = ui->cols / PL_COL_W;
	bool may = role_allows(ui_role(ui), PERM_PLAN);
	char say[64];
	ui_putf(ui->body, 0, 0, ui->cols, ROLE_TITLE, "%s   protocol %s %s",
		may ? "New treatment plan" : "No plan yet: a physician makes the plan",
		c->proto.name, c->proto.version);
	ui_form_draw(&c->form, ui, 2);
	if (!c->preview_ok) {
		ui_wrap(ui->body, 8, 0, ui->cols, 2, ROLE_WARN, c->preview_err);
		return;
	}
	plan_arithmetic(&c->plan, arith, sizeof arith);
	ui_putf(ui->body, 8, 0, ui->cols, ROLE_NORMAL, "Dose: %s", arith);
	ui_putf(ui->body, 9, 0, ui->cols, ROLE_NORMAL,
		"%d infusion%s %d days apart from %s (weight of %s)", c->plan.infusions,
		c->plan.infusions == 1 ? "" : "s", c->plan.interval_days,
		date_format(c->plan.first_date, d), date_format(c->plan.weight_date, text));
	ui_key_format(may ? "Calendar (not saved yet: {=SAVE} saves)"
			  : "Calendar the protocol proposes (a physician saves the plan)",
		      SC_FORM, say, sizeof say);
	ui_put(ui->body, 10, 0, ui->cols, ROLE_TITLE, say);
	for (int k = 0; k < c->n && k < rows * cols; k++) {
		cal_entry(&c->items[k], text, sizeof text);
		ui_put(ui->body, PL_CAL_Y + k % rows, (k / rows) * PL_COL_W, PL_COL_W - 1,
		       c->items[k].kind == SCHED_INFUSION ? ROLE_TITLE : ROLE_NORMAL, text);
	}
}

static void draw_row(struct pl_screen *c, struct ui *ui, int k, int y)
{
	const struct schedule_item *it = &c->items[k];
	char text[96], t[16];
	bool sel = k == c->sel;
	enum ui_role r = sel ? ROLE_SELECTED : it->state == SCHED_OPEN ? ROLE_NORMAL : ROLE_DIM;
	cal_entry(it, text, sizeof text);
	ui_put_pad(ui->body, y, 0, ui->cols, r, sel ? ">" : " ");
	/* Past its window an open item is overdue, as on every screen. */
	const char *state = sched_item_state(it, app_today(ui->app));
	if (strcmp(state, "overdue") == 0 && !sel)
		r = ROLE_WARN;
	ui_putf(ui->body, y, 2, 37, r, "%s %s", text, state);
	if (it->due != it->target)
		ui_putf(ui->body, y, 40, ui->cols - 40, r, "target %s: %s",
			date_format(it->target, t), it->reason);
}

static void draw_plan(struct pl_screen *c, struct ui *ui)
{
	char d[16], arith[PLAN_ARITH_MAX];
	int rows = ui->rows - PL_LIST_Y;
	char t[20];
	if (c->have_sig)
		ui_putf(ui->body, 0, 0, ui->cols, ROLE_TITLE,
			"Plan: %s route, signed by %s at %s: %s", plan_route_str(c->plan.route),
			c->sig.signer, date_format_time(c->sig.signed_at, t), c->sig.meaning);
	else
		ui_putf(ui->body, 0, 0, ui->cols, ROLE_TITLE, "Plan: %s route%s%s",
			plan_route_str(c->plan.route), c->plan.physician[0] ? ", signed by " : "",
			c->plan.physician);
	plan_arithmetic(&c->plan, arith, sizeof arith);
	ui_putf(ui->body, 1, 0, ui->cols, ROLE_NORMAL, "Dose: %s (weight of %s)", arith,
		date_format(c->plan.weight_date, d));
	ui_putf(ui->body, 2, 0, ui->cols, ROLE_NORMAL, "%d infusion%s %d days apart from %s",
		c->plan.infusions, c->plan.infusions == 1 ? "" : "s", c->plan.interval_days,
		date_format(c->plan.first_date, d));
	ui_putf(ui->body, 3, 0, ui->cols, ROLE_DIM, "  %-11s %-10s  %-6s %s", "Item", "Due",
		"Window", "State");
	ui_list_show(c->sel, &c->top, rows);
	for (int k = c->top; k < c->n && k < c->top + rows; k++)
		draw_row(c, ui, k, PL_LIST_Y + k - c->top);
}

static void pl_draw(struct ui_screen *s, struct ui *ui)
{
	struct pl_screen *c = (struct pl_screen *)s;
	if (c->failure.msg[0])
		ui_wrap(ui->body, 0, 0, ui->cols, 3, ROLE_CRITICAL, c->failure.msg);
	else if (c->have)
		draw_plan(c, ui);
	else
		draw_form(c, ui);
}

static const struct ui_screen_ops plan_ops, form_ops;

/* The active plan and its calendar from the store; false when there is none
 * (or it cannot be read: then failure says why). */
static bool load_plan(struct pl_screen *c, struct ui *ui)
{
	struct err e = {""};
	int n = 0;
	enum status s = store_plan_current(ui->app->st, c->pt.id, &c->plan, &e);
	if (s == ST_OK)
		s = store_schedule_list(ui->app->st, c->pt.id, c->items, PL_SCHED_MAX, &n, &e);
	c->have = s == ST_OK;
	c->have_sig = false;
	if (s == ST_OK)
		s = store_sig_get(ui->app->st, "plans", c->plan.id, &c->sig, &c->have_sig, &e);
	if (s != ST_OK && s != ST_NOT_FOUND)
		err_set(&c->failure, s, "cannot read the plan: %s", err_why(&e, s));
	if (s != ST_OK)
		return false;
	c->n = 0;
	for (int i = 0; i < n; i++)
		if (c->items[i].plan_id == c->plan.id)
			c->items[c->n++] = c->items[i];
	c->base.ops = &plan_ops;
	return true;
}

static int save_password(struct ui *ui, void *arg, char *password)
{
	struct pl_screen *c = arg;
	struct err e = {""};
	int n = 0;
	enum status s = uc_sign_plan(ui->app->st, &ui->app->cfg, &c->proto, &c->rq, c->pt.id,
				     app_today(ui->app), password, &c->plan, c->items, &n, &e);
	if (s == ST_OK)
		c->n = n;
	if (s != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "not saved: %s", err_why(&e, s));
		return UI_DONE;
	}
	c->base.dirty = false;
	load_plan(c, ui);
	ui_msg(ui, ROLE_OK, "plan saved for %s: %d infusions, %d calendar rows", c->pt.mrn,
	       c->plan.infusions, c->n);
	return UI_DONE;
}

/* Saving a plan signs it: what and its meaning shown, then the password. */
static int save(struct pl_screen *c, struct ui *ui)
{
	struct err e = {""};
	char what[160], meaning[SIG_MEANING_MAX + 1];
	const struct user *u = store_actor(ui->app->st);
	if (!ui_form_valid(&c->form, ui))
		return UI_DONE;
	if (store_may(ui->app->st, PERM_PLAN, &e) != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "not saved: %s", e.msg);
		return UI_DONE;
	}
	/* An intrahepatic route is signed by the actor, who must be a physician. */
	strlcpy_(c->rq.physician, c->rq.route == ROUTE_INTRAHEPATIC && u ? u->login : "",
		 sizeof c->rq.physician);
	snprintf(what, sizeof what, "the %s treatment plan of %s", plan_route_str(c->rq.route),
		 c->pt.mrn);
	sig_meaning_plan(meaning, sizeof meaning);
	ui_password(ui, what, meaning, save_password, c);
	return UI_DONE;
}

/* values: new date, reason. */
static enum status move_save(struct ui *ui, void *arg, const char *const *values, struct err *e)
{
	struct pl_screen *c = arg;
	struct schedule_item it = c->items[c->sel];
	char d[16], t[16];
	day_t due;
	enum status s = date_parse_field("date", values[0], app_today(ui->app), true, &due, e);
	if (s == ST_OK)
		s = store_schedule_reschedule(ui->app->st, it.id, it.version, due, values[1], e);
	if (s != ST_OK)
		return s;
	load_plan(c, ui);
	ui_msg(ui, ROLE_OK, "moved %s to %s (target %s kept)", it.label, date_format(due, d),
	       date_format(it.target, t));
	return ST_OK;
}

static void reschedule(struct pl_screen *c, struct ui *ui)
{
	char due[16], title[64];
	const struct schedule_item *it = &c->items[c->sel];
	if (c->n == 0 || it->state != SCHED_OPEN) {
		ui_msg(ui, ROLE_WARN, "only an open visit or infusion can be moved");
		return;
	}
	struct ui_prompt_field f[] = {
	    {"New date", "YYYY-MM-DD", UF_TEXT, 12, 10, date_format(it->due, due)},
	    {"Reason", "why it moves", UF_TEXT, 50, SCHEDULE_REASON_MAX, NULL, NULL, 0, true},
	};
	snprintf(title, sizeof title, "Reschedule %s", it->label);
	ui_prompt(ui, title, "The generated target date stays on record beside the new one.", f, 2,
		  move_save, c);
}

/* values: reason. The plan goes back to the form for a new one. */
static enum status cancel_save(struct ui *ui, void *arg, const char *const *values, struct err *e)
{
	struct pl_screen *c = arg;
	enum status s = store_plan_cancel(ui->app->st, c->plan.id, c->plan.version, values[0], e);
	if (s != ST_OK)
		return s;
	c->have = false;
	c->n = c->sel = c->top = 0;
	c->base.ops = &form_ops;
	preview(c, ui);
	char say[128];
	ui_key_format("plan cancelled with its open infusions and visits; {SAVE} makes a new one",
		      SC_FORM | SC_TEXT, say, sizeof say);
	ui_msg(ui, ROLE_OK, "%s", say);
	return ST_OK;
}

static void cancel_plan(struct pl_screen *c, struct ui *ui)
{
	struct ui_prompt_field f[] = {
	    {"Reason", "why the plan is cancelled", UF_TEXT, 50, 200, NULL, NULL, 0, true},
	};
	ui_prompt(ui, "Cancel the treatment plan",
		  "The plan and its open infusions and visits are cancelled; what was done stays "
		  "on record.",
		  f, 1, cancel_save, c);
}

static int plan_key(struct pl_screen *c, struct ui *ui, int key)
{
	int page = ui->rows - PL_LIST_Y;
	enum ui_action act = ui_key_is(key, ACT_RESCHEDULE)    ? ACT_RESCHEDULE
			     : ui_key_is(key, ACT_CANCEL_PLAN) ? ACT_CANCEL_PLAN
							       : ACT_NONE;
	if (act != ACT_NONE && !ui_may(ui, act))
		return UI_DONE;
	if (act == ACT_RESCHEDULE)
		reschedule(c, ui);
	else if (act == ACT_CANCEL_PLAN)
		cancel_plan(c, ui);
	else if (!ui_key_move(key, &c->sel, c->n, page))
		return UI_PASS;
	return UI_DONE;
}

static int pl_key(struct ui_screen *s, struct ui *ui, int key)
{
	struct pl_screen *c = (struct pl_screen *)s;
	if (c->failure.msg[0])
		return UI_PASS;
	if (c->have)
		return plan_key(c, ui, key);
	if (ui_key_is(key, ACT_SAVE)) {
		struct err e = {""};
		if (store_may(ui->app->st, PERM_PLAN, &e) != ST_OK) {
			ui_msg(ui, ROLE_CRITICAL, "%s", e.msg);
			return UI_DONE;
		}
		return save(c, ui);
	}
	int r = ui_form_key(&c->form, ui, key);
	c->base.dirty = c->form.dirty;
	return r;
}

static void pl_done(struct ui_screen *s)
{
	struct pl_screen *c = (struct pl_screen *)s;
	ui_form_done(&c->form);
	free(c->items);
	free(c);
}

static const enum ui_action *form_keys(const struct ui_screen *s, unsigned *scope)
{
	const struct pl_screen *c = (const struct pl_screen *)s;
	*scope = SC_FORM | SC_TEXT;
	return role_allows(ui_role(c->ui), PERM_PLAN) ? form_hints : view_hints;
}

static const struct ui_screen_ops form_ops = {
    "New plan",
    pl_draw,
    pl_key,
    NULL,
    pl_done,
    form_hints,
    "A new treatment plan: route (intrahepatic only for a physician, who signs it), cells "
    "per kg (the protocol's default, within its bounds), number of infusions, days between "
    "them and the first infusion date. As you leave each field the dose arithmetic "
    "(cells/kg x weight = cells per infusion) and the generated calendar (infusions and "
    "follow-up visits with their windows) are shown; a physician saves the plan with {SAVE} "
    "(it needs a signed READY evaluation); others see the plan the protocol proposes.",
    .scope = SC_FORM | SC_TEXT,
    .keys_now = form_keys,
};

static const struct ui_screen_ops plan_ops = {
    "Plan",
    pl_draw,
    pl_key,
    NULL,
    pl_done,
    plan_hints,
    "The active treatment plan: route, dose arithmetic, infusions, and the calendar of "
    "infusions and follow-up visits with their windows (-before/+after days) and state. "
    "{RESCHEDULE} moves the highlighted open row to a new date with a reason; the generated "
    "target stays shown beside it. A physician cancels the plan with {CANCEL_PLAN} and a "
    "reason.",
    .scope = SC_PLAN | SC_LIST,
};

static void fields(struct pl_screen *c, struct ui *ui)
{
	const struct protocol *p = &c->proto;
	char lo[32], hi[32], v[3][32];
	static const char *const labels[PL_N] = {"Route", "Cells per kg", "Infusions",
						 "Interval (days)", "First infusion"};
	static const int widths[PL_N] = {28, 10, 4, 4, 12};
	plan_format_cells(p->cells_per_kg_min, lo, sizeof lo);
	plan_format_cells(p->cells_per_kg_max, hi, sizeof hi);
	snprintf(c->hints[PL_ROUTE], 96, "Space: list");
	snprintf(c->hints[PL_CELLS], 96, "e.g. 0.5e6; %s-%s", lo, hi);
	snprintf(c->hints[PL_INFUSIONS], 96, "%d-%d", p->infusions_min, p->infusions_max);
	snprintf(c->hints[PL_INTERVAL], 96, "%d-%d", p->interval_days_min, p->interval_days_max);
	snprintf(c->hints[PL_FIRST], 96, "YYYY-MM-DD, not before today");
	for (int i = 0; i < PL_N; i++) {
		c->f[i] = (struct ui_form_field){.label = labels[i],
						 .hint = c->hints[i],
						 .kind = i ? UF_TEXT : UF_CHOICE,
						 .width = widths[i],
						 .choice = -1};
		if (i)
			ui_field_init(&c->f[i].edit, 16);
	}
	c->f[PL_ROUTE].choices = routes;
	c->f[PL_ROUTE].nchoices = 2;
	c->f[PL_ROUTE].choice = 0;
	ui_form_init(&c->form, c->f, PL_N, pl_check, c, 1);
	snprintf(v[0], sizeof v[0], "%ge6", p->cells_per_kg / 1e6);
	snprintf(v[1], sizeof v[1], "%d", p->infusions);
	snprintf(v[2], sizeof v[2], "%d", p->interval_days);
	for (int i = 0; i < 3; i++)
		ui_field_set(&c->f[PL_CELLS + i].edit, v[i]);
	ui_field_set(&c->f[PL_FIRST].edit, date_format(c->rq.first_date, lo));
}

static enum status open_plan(struct pl_screen *c, struct ui *ui, struct err *e)
{
	enum status s = store_patient_viewed(ui->app->st, c->pt.id, "plan", e);
	if (s == ST_OK)
		s = store_protocol_active(ui->app->st, &c->proto, NULL, e);
	return s;
}

struct ui_screen *ui_plan_new(struct ui *ui, const struct patient *p)
{
	struct err e = {""};
	struct pl_screen *c = xcalloc(1, sizeof *c);
	c->base.ops = &form_ops;
	c->base.patient = p->id;
	c->ui = ui;
	c->items = xcalloc(PL_SCHED_MAX, sizeof *c->items);
	ui_banner_patient(p, app_today(ui->app), c->base.banner, sizeof c->base.banner);
	/* The weight is read again: the plan doses on the latest one. */
	enum status s = store_patient_get(ui->app->st, p->id, &c->pt, &e);
	if (s == ST_OK)
		s = open_plan(c, ui, &e);
	if (s != ST_OK)
		err_set(&c->failure, s, "cannot open the plan: %s", err_why(&e, s));
	c->rq = (struct plan_request){ROUTE_IV, NAN, 0, 0, app_today(ui->app), ""};
	fields(c, ui);
	if (s == ST_OK && !load_plan(c, ui))
		preview(c, ui);
	return &c->base;
}
