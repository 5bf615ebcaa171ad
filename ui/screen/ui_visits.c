/* ui_visits.c: a patient's recorded visits, newest first, to pick one to
 * correct. The list is read again when the screen comes back on top, so a
 * correction just saved shows at once. */
#include "ui_visits.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "date.h"
#include "store.h"
#include "store_followup.h"
#include "ui_draw.h"
#include "ui_visit.h"
#include "util.h"
#include "visit.h"

#define VL_MAX 200 /* newest visits listed */
#define VL_LIST_Y 2

struct vl_screen {
	struct ui_screen base;
	struct visit *v;
	int n, sel, top;
	bool stale; /* re-read before the next draw */
};

static const enum ui_action vl_hints[] = {ACT_HELP, ACT_ENTER, ACT_BACK, ACT_NONE};

static enum status load(struct vl_screen *s, struct ui *ui, struct err *e)
{
	s->stale = false;
	enum status st = store_visit_list(ui->app->st, s->base.patient, s->v, VL_MAX, &s->n, e);
	if (s->sel >= s->n)
		s->sel = s->n > 0 ? s->n - 1 : 0;
	return st;
}

static void draw_row(struct vl_screen *s, struct ui *ui, int k, int y)
{
	static const char *const timing[] = {"", "early", "in window", "late"};
	const struct visit *v = &s->v[k];
	bool sel = k == s->sel;
	enum ui_role role = sel ? ROLE_SELECTED : ROLE_NORMAL;
	char d[16], temp[16] = "";
	if (!isnan(v->temp_c))
		snprintf(temp, sizeof temp, "%.1f C", v->temp_c);
	ui_put_pad(ui->body, y, 0, ui->cols, role, sel ? ">" : " ");
	ui_put(ui->body, y, 2, 10, role, date_format(v->date, d));
	ui_put(ui->body, y, 13, 12, role, v->schedule_id ? v->label : "unscheduled");
	ui_put(ui->body, y, 26, 10, role, v->state == VISIT_MISSED ? "missed" : timing[v->timing]);
	ui_put(ui->body, y, 37, 8, role, temp);
	ui_putf(ui->body, y, 46, 8, role, "v%lld", (long long)v->version);
	ui_put(ui->body, y, 54, ui->cols - 54, role,
	       v->state == VISIT_MISSED ? v->reason : v->correction);
}

static void vl_draw(struct ui_screen *sc, struct ui *ui)
{
	struct vl_screen *s = (struct vl_screen *)sc;
	struct err e = {""};
	enum status st = s->stale ? load(s, ui, &e) : ST_OK;
	if (st != ST_OK)
		ui_msg(ui, ROLE_CRITICAL, "cannot read the visits: %s", err_why(&e, st));
	int rows = ui->rows - VL_LIST_Y;
	char how[32];
	ui_putf(ui->body, 0, 0, ui->cols, ROLE_TITLE,
		"Recorded visits, newest first (%d): %s corrects the selected one", s->n,
		ui_key_names(ACT_ENTER, SC_LIST, " ", how, sizeof how));
	ui_putf(ui->body, 1, 0, ui->cols, ROLE_DIM, "  %-10s %-12s %-10s %-8s %-7s %s", "Date",
		"Visit", "Timing", "Temp", "Version", "Why corrected / why missed");
	if (s->n == 0) {
		ui_put(ui->body, VL_LIST_Y, 2, ui->cols - 2, ROLE_DIM, "no visits recorded yet");
		return;
	}
	ui_list_show(s->sel, &s->top, rows);
	for (int k = s->top; k < s->n && k < s->top + rows; k++)
		draw_row(s, ui, k, VL_LIST_Y + k - s->top);
}

static int vl_key(struct ui_screen *sc, struct ui *ui, int key)
{
	struct vl_screen *s = (struct vl_screen *)sc;
	if (ui_key_move(key, &s->sel, s->n, ui->rows - VL_LIST_Y))
		return UI_DONE;
	if (!ui_key_is(key, ACT_ENTER))
		return UI_PASS;
	if (s->n == 0) {
		ui_msg(ui, ROLE_WARN, "no visits recorded yet: v records one");
		return UI_DONE;
	}
	struct ui_screen *form = ui_visit_correct_new(ui, s->base.patient, s->v[s->sel].id);
	if (form) {
		strlcpy_(form->banner, s->base.banner, sizeof form->banner);
		ui_push(ui, form);
		s->stale = true;
	}
	return UI_DONE;
}

static void vl_done(struct ui_screen *sc)
{
	struct vl_screen *s = (struct vl_screen *)sc;
	free(s->v);
	free(s);
}

static const struct ui_screen_ops vl_ops = {
    "Visits",
    vl_draw,
    vl_key,
    NULL,
    vl_done,
    vl_hints,
    "The patient's recorded visits, newest first: day, scheduled visit, timing against its "
    "window (or missed), temperature, version, and why it was last corrected (or why it was "
    "missed). {ENTER} opens the selected visit to correct it; a missed visit is not "
    "corrected here.",
    .scope = SC_LIST,
};

struct ui_screen *ui_visits_new(struct ui *ui, int64_t patient_id)
{
	struct err e = {""};
	struct vl_screen *s = xcalloc(1, sizeof *s);
	s->base.ops = &vl_ops;
	s->base.patient = patient_id;
	s->v = xcalloc(VL_MAX, sizeof *s->v);
	/* Every view is logged: a view that cannot be logged is not shown. */
	enum status st = store_patient_viewed(ui->app->st, patient_id, "visits", &e);
	if (st == ST_OK)
		st = load(s, ui, &e);
	if (st != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "cannot show the visits: %s", err_why(&e, st));
		vl_done(&s->base);
		return NULL;
	}
	return &s->base;
}
