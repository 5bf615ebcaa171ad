/* ui_status.c: the patient's status and its history; a change recorded
 * with its date and reason, the final states confirmed first. */
#include "ui_status.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pstate.h"
#include "store.h"
#include "store_treat.h"
#include "ui_banner.h"
#include "ui_dialog.h"
#include "ui_lines.h"
#include "ui_prompt.h"
#include "util.h"

#define STS_HISTORY_MAX 64

struct st_screen {
	struct ui_screen base;
	struct patient pt;
	struct pstatus *h;
	int n;
	struct ui_lines lines;
	struct pstatus pending; /* the change being asked about */
	const char *choices[PSTATE_COUNT];
};

static const enum ui_action st_hints[] = {ACT_HELP, ACT_STATUS_SET, ACT_BACK, ACT_NONE};

static void build(struct st_screen *c)
{
	struct ui_lines *ls = &c->lines;
	char d[16];
	ui_lines_clear(ls);
	if (c->n == 0) {
		ui_lines_add(ls, ROLE_NORMAL, "Status: Screening (no status recorded)");
	} else {
		const struct pstatus *cur = &c->h[c->n - 1];
		ui_lines_add(ls, pstate_ends_treatment(cur->state) ? ROLE_CRITICAL : ROLE_OK,
			     "Status: %s since %s%s%s", pstate_label(cur->state),
			     date_format(cur->date, d), *cur->reason ? ": " : "", cur->reason);
		if (pstate_ends_treatment(cur->state))
			ui_lines_add(ls, ROLE_WARN,
				     "Treatment has ended: the schedule is closed and no infusion "
				     "is accepted.");
	}
	ui_lines_add(ls, ROLE_TITLE, "History, oldest first");
	ui_lines_add(ls, ROLE_DIM, "  %-10s  %-18s %-30s %s", "Date", "State", "Reason",
		     "Recorded by");
	if (c->n == 0)
		ui_lines_add(ls, ROLE_DIM, "  no change recorded");
	for (int i = 0; i < c->n; i++)
		ui_lines_add(ls, ROLE_NORMAL, "  %-10s  %-18s %-30s %s",
			     date_format(c->h[i].date, d), pstate_label(c->h[i].state),
			     c->h[i].reason, c->h[i].recorded_by);
}

static bool load(struct st_screen *c, struct ui *ui)
{
	struct err e = {""};
	enum status s =
	    store_status_history(ui->app->st, c->pt.id, c->h, STS_HISTORY_MAX, &c->n, &e);
	if (s != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "cannot read the status: %s", err_why(&e, s));
		return false;
	}
	build(c);
	return true;
}

static enum status record(struct st_screen *c, struct ui *ui, struct err *e)
{
	struct pstatus ps = c->pending;
	enum status s = store_status_set(ui->app->st, &ps, e);
	if (s != ST_OK)
		return s;
	if (pstate_ends_treatment(ps.state))
		ui_msg(ui, ROLE_OK,
		       "recorded %s as %s; the open schedule is closed and no further infusion "
		       "will be accepted",
		       c->pt.mrn, pstate_label(ps.state));
	else
		ui_msg(ui, ROLE_OK, "recorded %s as %s", c->pt.mrn, pstate_label(ps.state));
	load(c, ui);
	return ST_OK;
}

static int confirm_answer(struct ui *ui, void *arg, bool yes)
{
	struct st_screen *c = arg;
	struct err e = {""};
	if (!yes) {
		ui_msg(ui, ROLE_HINT, "status not changed");
		return UI_DONE;
	}
	enum status s = record(c, ui, &e);
	if (s != ST_OK)
		ui_msg(ui, ROLE_CRITICAL, "not recorded: %s", err_why(&e, s));
	return UI_DONE;
}

/* values: date, reason. The change is checked as storage will check it;
 * a state that ends treatment is asked y/n before it is stored. */
static enum status change_save(struct ui *ui, void *arg, const char *const *values, struct err *e)
{
	struct st_screen *c = arg;
	struct pstatus *ps = &c->pending, cur;
	day_t today = app_today(ui->app);
	char d[16], q[PSTATE_REASON_MAX + 240];
	enum status s = date_parse_field("date", values[0], today, false, &ps->date, e);
	if (s == ST_OK && strlen(values[1]) > PSTATE_REASON_MAX)
		s = err_set(e, ST_INVALID, "reason: at most %d characters", PSTATE_REASON_MAX);
	if (s == ST_OK) {
		strlcpy_(ps->reason, values[1], sizeof ps->reason);
		s = store_status_current(ui->app->st, c->pt.id, &cur, e);
	}
	if (s == ST_OK)
		s = pstate_check_change(cur.state, cur.id ? cur.date : DAY_NONE, ps, today, e);
	if (s != ST_OK || !pstate_ends_treatment(ps->state))
		return s == ST_OK ? record(c, ui, e) : s;
	snprintf(q, sizeof q,
		 "Record %s as %s on %s%s%s? The open schedule is closed and no further infusion "
		 "will be accepted.",
		 c->pt.mrn, pstate_label(ps->state), date_format(ps->date, d),
		 *ps->reason ? ": " : "", ps->reason);
	ui_confirm(ui, q, confirm_answer, c);
	return ST_OK;
}

static int pick_state(struct ui *ui, void *arg, int index)
{
	struct st_screen *c = arg;
	char today[16], title[80];
	enum pstate to = (enum pstate)index;
	bool need = to == PSTATE_DECEASED || to == PSTATE_WITHDRAWN;
	struct ui_prompt_field f[2] = {
	    {"Date", "YYYY-MM-DD, not after today", UF_TEXT, 12, 10,
	     date_format(app_today(ui->app), today), NULL, 0, true},
	    {to == PSTATE_DECEASED ? "Cause of death" : "Reason", need ? "required" : "optional",
	     UF_TEXT, 50, PSTATE_REASON_MAX, NULL, NULL, 0, need},
	};
	memset(&c->pending, 0, sizeof c->pending);
	c->pending.patient_id = c->pt.id;
	c->pending.state = to;
	snprintf(title, sizeof title, "Status of %s: %s", c->pt.mrn, pstate_label(to));
	ui_prompt(ui, title,
		  pstate_ends_treatment(to)
		      ? "This state ends treatment: the open schedule is closed with it and no "
			"further infusion is accepted. You are asked to confirm before it is "
			"recorded."
		      : NULL,
		  f, 2, change_save, c);
	return UI_DONE;
}

static void st_draw(struct ui_screen *s, struct ui *ui)
{
	struct st_screen *c = (struct st_screen *)s;
	ui_lines_draw(&c->lines, ui->body, 0, ui->rows);
}

static int st_key(struct ui_screen *s, struct ui *ui, int key)
{
	struct st_screen *c = (struct st_screen *)s;
	if (!ui_key_is(key, ACT_STATUS_SET))
		return ui_lines_key(&c->lines, key, ui->rows) ? UI_DONE : UI_PASS;
	if (!ui_may(ui, ACT_STATUS_SET))
		return UI_DONE;
	int cur = c->n ? (int)c->h[c->n - 1].state : PSTATE_SCREENING;
	ui_pick(ui, "New status", c->choices, PSTATE_COUNT, cur, pick_state, c);
	return UI_DONE;
}

static void st_done(struct ui_screen *s)
{
	struct st_screen *c = (struct st_screen *)s;
	ui_lines_done(&c->lines);
	free(c->h);
	free(c);
}

static const struct ui_screen_ops st_ops = {
    "Status",
    st_draw,
    st_key,
    NULL,
    st_done,
    st_hints,
    "The patient's status in the clinic's course (screening, evaluated, in treatment, in "
    "follow-up, completed, withdrawn, lost to follow-up, transplanted, deceased) and every "
    "change with its date, reason and who recorded it. {STATUS_SET} records a change: pick "
    "the state, give the date and the reason (the cause for a death, required with a "
    "withdrawal). Withdrawn, lost, transplanted and deceased end treatment: they are asked "
    "first, close the open schedule and stop further infusions.",
    NULL,
    .scope = SC_STATUS | SC_LIST,
};

struct ui_screen *ui_status_new(struct ui *ui, const struct patient *p)
{
	struct err e = {""};
	struct st_screen *c = xcalloc(1, sizeof *c);
	c->base.ops = &st_ops;
	c->base.patient = p->id;
	c->pt = *p;
	c->h = xcalloc(STS_HISTORY_MAX, sizeof *c->h);
	for (int i = 0; i < PSTATE_COUNT; i++)
		c->choices[i] = pstate_label((enum pstate)i);
	ui_banner_patient(p, app_today(ui->app), c->base.banner, sizeof c->base.banner);
	ui_lines_init(&c->lines);
	/* Every view is logged: a view that cannot be logged is not shown. */
	enum status s = store_patient_viewed(ui->app->st, p->id, "status", &e);
	if (s != ST_OK)
		ui_msg(ui, ROLE_CRITICAL,
		       "cannot open the status (the view could not be logged): %s", err_why(&e, s));
	if (s != ST_OK || !load(c, ui)) {
		st_done(&c->base);
		return NULL;
	}
	return &c->base;
}
