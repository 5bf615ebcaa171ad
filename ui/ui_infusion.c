/* ui_infusion.c: the infusion form. */
#include "ui_infusion.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dashboard.h"
#include "infusion.h"
#include "store.h"
#include "store_followup.h"
#include "ui_draw.h"
#include "ui_fdraft.h"
#include "ui_form.h"
#include "util.h"
#include "visit.h"

enum { IF_ITEM, IF_AT, IF_ROUTE, IF_CELLS, IF_LOT, IF_BY, IF_REACTION, IF_NOTE, IF_N };

#define IF_ITEMS_MAX 24
#define IF_ITEM_TEXT 64

/* In the order of the model's route enum: ROUTE_IV, ROUTE_INTRAHEPATIC. */
static const char *const routes[] = {"iv (peripheral)", "intrahepatic (ultrasound-guided)"};

struct iform {
	struct ui_screen base;
	struct ui_form form;
	struct ui_form_field f[IF_N];
	struct ui_fdraft draft;
	struct infusion inf;
	day_t today;
	int tz;
	int64_t (*clock)(void);
	int64_t item_id[IF_ITEMS_MAX];
	char item_text[IF_ITEMS_MAX + 1][IF_ITEM_TEXT];
	const char *items[IF_ITEMS_MAX + 1];
	int nitems;
};

static const enum ui_action if_hints[] = {ACT_HELP, ACT_NEXT, ACT_CHOOSE,
					  ACT_SAVE, ACT_BACK, ACT_NONE};

static enum status check_line(struct iform *fi, int i, const char *t, struct err *e)
{
	char *dst = i == IF_LOT ? fi->inf.lot : i == IF_BY ? fi->inf.given_by : fi->inf.reaction;
	size_t n = i == IF_LOT	? sizeof fi->inf.lot
		   : i == IF_BY ? sizeof fi->inf.given_by
				: sizeof fi->inf.reaction;
	const char *v = i == IF_REACTION && strcmp(t, "none") == 0 ? "" : t;
	enum status s = i == IF_LOT  ? infusion_check_lot(v, e)
			: i == IF_BY ? infusion_check_given_by(v, e)
				     : infusion_check_reaction(v, e);
	if (s == ST_OK)
		strlcpy_(dst, v, n);
	return s;
}

static enum status if_check(void *owner, int i, bool confirmed, struct err *e)
{
	struct iform *fi = owner;
	const char *t = ui_form_text(&fi->form, i);
	enum status s = ST_OK;
	int c = fi->f[i].choice;
	switch (i) {
	case IF_ITEM:
		fi->inf.schedule_id = c >= 0 && c < fi->nitems ? fi->item_id[c] : 0;
		return ST_OK;
	case IF_AT:
		return visit_parse_time("given at", t, fi->tz, fi->clock(), &fi->inf.given_at,
					&fi->inf.date, e);
	case IF_ROUTE:
		if (c < 0)
			return err_set(e, ST_INVALID, "route: choose iv or intrahepatic");
		fi->inf.route = c == 0 ? ROUTE_IV : ROUTE_INTRAHEPATIC;
		return ST_OK;
	case IF_CELLS:
		s = infusion_check_cells(t, &fi->inf.cells, e);
		break;
	case IF_NOTE:
		s = visit_check_note(t, e);
		if (s == ST_OK)
			strlcpy_(fi->inf.note, t, sizeof fi->inf.note);
		return s;
	default:
		return check_line(fi, i, t, e);
	}
	return s == ST_CONFIRM && confirmed ? ST_OK : s;
}

static void if_draw(struct ui_screen *s, struct ui *ui)
{
	struct iform *fi = (struct iform *)s;
	ui_put(ui->body, 0, 0, ui->cols, ROLE_TITLE, "Infusion given (UC-MSC)");
	ui_form_draw(&fi->form, ui, 2);
	ui_fdraft_offer(&fi->draft, ui);
}

static int if_save(struct iform *fi, struct ui *ui)
{
	struct err e = {""};
	char t[20];
	if (!ui_form_valid(&fi->form, ui))
		return UI_DONE;
	enum status s = infusion_validate(&fi->inf, fi->today, &e);
	if (s == ST_OK || s == ST_CONFIRM) {
		s = store_infusion_add(ui->app->st, &fi->inf, &e);
	}
	if (s != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "not saved: %s", err_why(&e, s));
		return UI_DONE;
	}
	ui_fdraft_drop(&fi->draft, ui);
	fi->base.dirty = false;
	ui_msg(ui, ROLE_OK, "recorded the infusion at %s: %.3g cells, lot %s",
	       visit_format_time(fi->inf.given_at, fi->tz, t), fi->inf.cells, fi->inf.lot);
	return UI_POP;
}

static int if_key(struct ui_screen *s, struct ui *ui, int key)
{
	struct iform *fi = (struct iform *)s;
	if (ui_key_is(key, ACT_SAVE))
		return if_save(fi, ui);
	int r = ui_form_key(&fi->form, ui, key);
	fi->base.dirty = fi->form.dirty;
	ui_fdraft_changed(&fi->draft, ui);
	return r;
}

static void if_done(struct ui_screen *s)
{
	struct iform *fi = (struct iform *)s;
	ui_fdraft_done(&fi->draft);
	ui_form_done(&fi->form);
	free(fi);
}

static const struct ui_screen_ops if_ops = {
    "Infusion",
    if_draw,
    if_key,
    NULL,
    if_done,
    if_hints,
    "Record an infusion as given: the scheduled infusion it closes (or none), when "
    "(YYYY-MM-DD HH:MM), route, total cells (1e6-1e10; \"1e8\" is accepted, unusual doses "
    "ask first), product lot, who gave it, and any reaction within 24 hours (empty or "
    "'none' for none). F2 saves.",
};

static void if_fields(struct iform *fi)
{
	struct ui_form_field *f = fi->f;
	ui_form_field_set(&f[IF_ITEM], "Scheduled", "Space: list", UF_CHOICE, 36, 0);
	f[IF_ITEM].choices = fi->items;
	f[IF_ITEM].nchoices = fi->nitems + 1;
	f[IF_ITEM].choice = f[IF_ITEM].saved_choice = 0;
	ui_form_field_set(&f[IF_AT], "Given at", "YYYY-MM-DD HH:MM", UF_TEXT, 17, 16);
	ui_form_field_set(&f[IF_ROUTE], "Route", NULL, UF_CHOICE, 36, 0);
	f[IF_ROUTE].choices = routes;
	f[IF_ROUTE].nchoices = 2;
	f[IF_ROUTE].choice = f[IF_ROUTE].saved_choice = 0;
	ui_form_field_set(&f[IF_CELLS], "Cells given", "total, e.g. 6e7", UF_TEXT, 12, 16);
	ui_form_field_set(&f[IF_LOT], "Product lot", NULL, UF_TEXT, 24, INFUSION_LOT_MAX);
	ui_form_field_set(&f[IF_BY], "Given by", NULL, UF_TEXT, 30, INFUSION_BY_MAX);
	ui_form_field_set(&f[IF_REACTION], "Reaction (24 h)", "empty: none", UF_TEXT, 40,
			  INFUSION_REACTION_MAX);
	ui_form_field_set(&f[IF_NOTE], "Note", NULL, UF_MEMO, 50, 0);
	f[IF_NOTE].memo_rows = 2;
}

/* The open scheduled infusions, then "not scheduled". */
static enum status load_items(struct iform *fi, struct ui *ui, int64_t patient_id, struct err *e)
{
	struct dash_cal *cal = xcalloc(DASH_SCHED_MAX, sizeof *cal);
	char d[16];
	int n = 0;
	enum status s = store_dash_calendar(ui->app->st, patient_id, cal, DASH_SCHED_MAX, &n, e);
	for (int i = 0; s == ST_OK && i < n && fi->nitems < IF_ITEMS_MAX; i++) {
		const struct schedule_item *it = &cal[i].item;
		if (it->kind != SCHED_INFUSION || it->state != SCHED_OPEN)
			continue;
		fi->item_id[fi->nitems] = it->id;
		snprintf(fi->item_text[fi->nitems], IF_ITEM_TEXT, "%s due %s", it->label,
			 date_format(it->due, d));
		fi->items[fi->nitems] = fi->item_text[fi->nitems];
		fi->nitems++;
	}
	strlcpy_(fi->item_text[fi->nitems], "not scheduled", IF_ITEM_TEXT);
	fi->items[fi->nitems] = fi->item_text[fi->nitems];
	free(cal);
	return s;
}

struct ui_screen *ui_infusion_new(struct ui *ui, int64_t patient_id)
{
	struct err e = {""};
	char t[20];
	struct iform *fi = xcalloc(1, sizeof *fi);
	fi->base.ops = &if_ops;
	fi->base.patient = patient_id;
	fi->today = app_today(ui->app);
	fi->tz = ui->app->cfg.tz_offset_minutes * 60;
	fi->clock = ui->app->clock;
	infusion_init(&fi->inf);
	fi->inf.patient_id = patient_id;
	enum status s = load_items(fi, ui, patient_id, &e);
	if (s != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "cannot open the infusion form: %s", err_why(&e, s));
		free(fi);
		return NULL;
	}
	if_fields(fi);
	ui_form_init(&fi->form, fi->f, IF_N, if_check, fi, INFUSION_NOTE_MAX);
	ui_field_set(&fi->f[IF_AT].edit, visit_format_time(fi->clock(), fi->tz, t));
	const struct user *me = store_actor(ui->app->st);
	if (me)
		ui_field_set(&fi->f[IF_BY].edit, me->display[0] ? me->display : me->login);
	ui_fdraft_init(&fi->draft, "infusion", patient_id, &fi->form);
	return &fi->base;
}
