/* ui_infusion.c: the infusion form — a field table over struct infusion and
 * its save, on the form engine (ui_formdef). */
#include "ui_infusion.h"

#include <math.h>
#include <sodium.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dashboard.h"
#include "infusion.h"
#include "plan.h"
#include "store.h"
#include "store_eval.h"
#include "store_followup.h"
#include "uc_infusion.h"
#include "uc_sign.h"
#include "ui_formdef.h"
#include "ui_password.h"
#include "util.h"
#include "visit.h"

enum {
	IF_ITEM,
	IF_AT,
	IF_ROUTE,
	IF_CELLS,
	IF_LOT,
	IF_EXPIRES,
	IF_BY,
	IF_TEMP_BEFORE,
	IF_PULSE_BEFORE,
	IF_BP_BEFORE,
	IF_SPO2_BEFORE,
	IF_TEMP_AFTER,
	IF_PULSE_AFTER,
	IF_BP_AFTER,
	IF_SPO2_AFTER,
	IF_REACTION,
	IF_NOTE,
	IF_OVERRIDE,
	IF_N
};

#define IF_ITEMS_MAX 24
#define IF_ITEM_TEXT 64

/* The open scheduled infusions, then "not scheduled". */
struct ictx {
	int64_t id[IF_ITEMS_MAX];
	char text[IF_ITEMS_MAX + 1][IF_ITEM_TEXT];
	const char *items[IF_ITEMS_MAX + 1];
	int n;
};

static const char *route_label(int i)
{
	return plan_route_str((enum plan_route)i);
}

static enum status check_item(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			      struct err *e)
{
	struct ictx *c = ff->ctx;
	struct infusion *inf = ff->rec;
	int i = ui_fform_choice(ff, IF_ITEM);
	inf->schedule_id = i >= 0 && i < c->n ? c->id[i] : 0;
	return ST_OK;
}

/* The lot's expiry: a date, in the future as a rule. */
static enum status check_expires(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
				 struct err *e)
{
	struct infusion *inf = ff->rec;
	return date_parse_field("lot expires", t, ff->today, true, &inf->lot_expiry, e);
}

/* "none" is no reaction, as an empty field is. */
static enum status check_reaction(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
				  struct err *e)
{
	struct infusion *inf = ff->rec;
	const char *v = strcmp(t, "none") == 0 ? "" : t;
	enum status s = infusion_check_reaction(v, e);
	if (s == ST_OK)
		strlcpy_(inf->reaction, v, sizeof inf->reaction);
	return s;
}

/* Blood pressure before or after, as SYSTOLIC/DIASTOLIC mmHg (the
 * command line's --bp-before): the visit's validator, whose limits come
 * from the vitals table; empty: not taken. */
static enum status check_bp(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			    struct err *e)
{
	struct infusion *inf = ff->rec;
	struct infusion_obs *o = fd == &ff->def->fields[IF_BP_AFTER] ? &inf->after : &inf->before;
	int sbp, dbp;
	o->v[IOBS_SYSTOLIC] = o->v[IOBS_DIASTOLIC] = NAN;
	if (!*t)
		return ST_OK;
	enum status s = visit_check_bp(t, &sbp, &dbp, e);
	if (s == ST_OK) {
		o->v[IOBS_SYSTOLIC] = sbp;
		o->v[IOBS_DIASTOLIC] = dbp;
	}
	return s;
}

#define IN(m) offsetof(struct infusion, m)
/* An observation of the vitals table (unit, range and validator from
 * vital.h), optional: empty is not taken. */
#define OBS(lbl, set, id, vid)                                                                 \
	{                                                                                      \
		.label = lbl, .vital = UI_VITAL(vid), .kind = FK_NUMBER, .width = 6, .max = 8, \
		.optional = true,                                                              \
		.off = offsetof(struct infusion, set) + offsetof(struct infusion_obs, v) +     \
		       (id) * sizeof(double)                                                   \
	}
#define OBS_BP(lbl)                                                                            \
	{                                                                                      \
		.label = lbl, .kind = FK_TEXT, .unit = "mmHg", .hint = "SYS/DIA, e.g. 120/80", \
		.width = 8, .max = 7, .optional = true, .check = check_bp                      \
	}
static const struct ui_fielddef if_fields[IF_N] = {
    {.label = "Scheduled",
     .kind = FK_CHOICE,
     .hint = "{=CHOOSE}: list",
     .width = 36,
     .check = check_item},
    {.label = "Given at",
     .name = "given at",
     .kind = FK_TIME,
     .hint = "YYYY-MM-DD HH:MM",
     .width = 17,
     .max = 16,
     .off = IN(given_at),
     .off_day = IN(date)},
    {.label = "Route",
     .kind = FK_CHOICE,
     .width = 36,
     .off = IN(route),
     .choice_label = route_label,
     .nchoices = ROUTE_INTRAHEPATIC + 1,
     .first = ROUTE_IV},
    {.label = "Cells given",
     .kind = FK_NUMBER,
     .unit = "cells",
     .hint = "total, e.g. 6e7",
     .width = 12,
     .max = 16,
     .off = IN(cells),
     .number = infusion_check_cells},
    {.label = "Product lot",
     .kind = FK_TEXT,
     .width = 24,
     .max = INFUSION_LOT_MAX,
     .off = IN(lot),
     .size = sizeof(((struct infusion *)0)->lot),
     .text = infusion_check_lot},
    {.label = "Lot expires",
     .kind = FK_TEXT,
     .hint = "YYYY-MM-DD",
     .width = 12,
     .max = 10,
     .check = check_expires},
    {.label = "Given by",
     .kind = FK_TEXT,
     .width = 30,
     .max = INFUSION_BY_MAX,
     .off = IN(given_by),
     .size = sizeof(((struct infusion *)0)->given_by),
     .text = infusion_check_given_by},
    OBS("Temp before", before, IOBS_TEMP, VITAL_TEMPERATURE),
    OBS("Pulse before", before, IOBS_PULSE, VITAL_PULSE),
    OBS_BP("BP before"),
    OBS("SpO2 before", before, IOBS_SPO2, VITAL_SPO2),
    OBS("Temp after", after, IOBS_TEMP, VITAL_TEMPERATURE),
    OBS("Pulse after", after, IOBS_PULSE, VITAL_PULSE),
    OBS_BP("BP after"),
    OBS("SpO2 after", after, IOBS_SPO2, VITAL_SPO2),
    {.label = "Reaction (24 h)",
     .kind = FK_TEXT,
     .hint = "empty: none",
     .width = 40,
     .max = INFUSION_REACTION_MAX,
     .check = check_reaction},
    {.label = "Note",
     .kind = FK_MEMO,
     .width = 50,
     .rows = 2,
     .optional = true,
     .off = IN(note),
     .size = sizeof(((struct infusion *)0)->note),
     .text = visit_check_note},
    {.label = "Override reason",
     .kind = FK_TEXT,
     .hint = "physicians, if asked",
     .width = 30,
     .max = INFUSION_REASON_MAX,
     .optional = true,
     .off = IN(override_reason),
     .size = sizeof(((struct infusion *)0)->override_reason),
     .text = infusion_check_override_reason},
};
#undef OBS_BP
#undef OBS
#undef IN

static void recorded_msg(struct ui *ui, struct ui_fform *ff, const struct infusion *inf)
{
	char t[20];
	ui_msg(ui, ROLE_OK, "recorded the infusion at %s: %.3g cells, lot %s%s%s%s%s",
	       visit_format_time(inf->given_at, ff->tz, t), inf->cells, inf->lot,
	       *inf->override_by ? "; check overridden by " : "", inf->override_by,
	       *inf->override_by ? ": " : "", inf->override_reason);
}

/* The physician's password, typed for the override's signature: the
 * infusion and the signature are stored in one transaction (uc_sign.h). */
static int override_signed(struct ui *ui, void *arg, char *password)
{
	struct ui_fform *ff = arg;
	struct infusion *inf = ff->rec;
	struct err e = {""};
	struct protocol *p = xcalloc(1, sizeof *p);
	struct infusion *f = xmalloc(sizeof *f);
	*f = *inf;
	enum status s = store_protocol_active(ui->app->st, p, NULL, &e);
	if (s == ST_OK)
		s = uc_sign_override(ui->app->st, &ui->app->cfg, p, f, ff->today, password, NULL,
				     &e);
	else
		sodium_memzero(password, strlen(password));
	if (s == ST_OK) {
		*inf = *f;
		ui_fform_finish(ff, ui);
		recorded_msg(ui, ff, inf);
	} else {
		ff->confirmed = false;
		ui_msg(ui, ROLE_CRITICAL, "not saved: %s", err_why(&e, s));
	}
	free(f);
	free(p);
	return UI_DONE;
}

/* Through the same use case as `infusion add`: a refused item is not saved;
 * one that needs confirmation is asked y/n first and then saved only with a
 * physician's override reason and signature (the password), which the
 * storage keeps and audits with the record. */
static enum status if_save(struct ui_fform *ff, struct ui *ui, bool confirmed, struct err *e)
{
	struct infusion *inf = ff->rec;
	enum status s = infusion_validate(inf, ff->today, e);
	if (s == ST_CONFIRM)
		s = ST_OK; /* each warning was confirmed as its field was left */
	struct protocol *p = xcalloc(1, sizeof *p);
	struct infusion *f = xmalloc(sizeof *f);
	*f = *inf;
	/* A reason counts only once the nurse has seen the question. */
	if (!confirmed)
		f->override_reason[0] = '\0';
	if (s == ST_OK)
		s = store_protocol_active(ui->app->st, p, NULL, e);
	if (s == ST_OK && confirmed && f->override_reason[0]) {
		/* The override is a physician's signature: what it means, then
		 * the password; the dialog stores the infusion (override_signed). */
		struct icheck_result *r = xcalloc(1, sizeof *r);
		char meaning[256] = "", what[96];
		struct err ce = {""};
		if (uc_infusion_check(ui->app->st, p, f->patient_id, f, ff->today, r, &ce) == ST_OK)
			uc_sign_override_meaning(r, meaning, sizeof meaning);
		if (!meaning[0])
			strlcpy_(meaning, "I override the pre-infusion check", sizeof meaning);
		free(r);
		snprintf(what, sizeof what, "the infusion of lot %s", f->lot);
		ui_password(ui, what, meaning, override_signed, ff);
		ff->pending = true;
		free(f);
		free(p);
		return ST_OK;
	}
	if (s == ST_OK)
		s = uc_infusion_add(ui->app->st, p, f, ff->today, NULL, e);
	if (s == ST_CONFIRM && confirmed) {
		ff->confirmed = false; /* asked again when saved with a reason */
		char why[ERR_MSG_MAX];
		strlcpy_(why, e->msg, sizeof why);
		s = err_set(e, ST_INVALID, "override reason: required to confirm (%s)", why);
	}
	if (s == ST_OK) {
		*inf = *f;
		recorded_msg(ui, ff, inf);
	}
	free(f);
	free(p);
	return s;
}

static const enum ui_action if_hints[] = {ACT_HELP, ACT_NEXT, ACT_CHOOSE,
					  ACT_SAVE, ACT_BACK, ACT_NONE};

static const struct ui_formdef if_def = {
    .kind = DRAFT_INFUSION,
    .title = "Infusion",
    .noun = "infusion",
    .heading = "Infusion given (UC-MSC)",
    .help = "Record an infusion as given: the scheduled infusion it closes (or none), when "
	    "(YYYY-MM-DD HH:MM), route, total cells (1e6-1e10; \"1e8\" is accepted, unusual "
	    "doses ask first), product lot, who gave it, and any reaction within 24 hours "
	    "(empty or 'none' for none). The lot's expiry date is required. Temperature, pulse, "
	    "blood pressure (SYS/DIA) and SpO2 before and after are optional, in the units "
	    "and ranges of the vitals table. Saving runs the pre-infusion check again with "
	    "these values: a refused item names what is missing; an item that needs "
	    "confirmation is asked first and needs a physician's override reason. {SAVE} "
	    "saves.",
    .hints = if_hints,
    .fields = if_fields,
    .n = IF_N,
    .rec_size = sizeof(struct infusion),
    .version_off = offsetof(struct infusion, version),
    .note_max = INFUSION_NOTE_MAX,
    .save = if_save,
};

static enum status load_items(struct ictx *c, struct ui *ui, int64_t patient_id, struct err *e)
{
	struct dash_cal *cal = xcalloc(DASH_SCHED_MAX, sizeof *cal);
	char d[16];
	int n = 0;
	enum status s = store_dash_calendar(ui->app->st, patient_id, cal, DASH_SCHED_MAX, &n, e);
	for (int i = 0; s == ST_OK && i < n && c->n < IF_ITEMS_MAX; i++) {
		const struct schedule_item *it = &cal[i].item;
		if (it->kind != SCHED_INFUSION || it->state != SCHED_OPEN)
			continue;
		c->id[c->n] = it->id;
		snprintf(c->text[c->n], IF_ITEM_TEXT, "%s due %s", it->label,
			 date_format(it->due, d));
		c->items[c->n] = c->text[c->n];
		c->n++;
	}
	strlcpy_(c->text[c->n], "not scheduled", IF_ITEM_TEXT);
	c->items[c->n] = c->text[c->n];
	free(cal);
	return s;
}

static struct ui_screen *open_form(struct ui *ui, int64_t patient_id, bool resume)
{
	struct err e = {""};
	struct ui_fform *ff = ui_fform_new(&if_def, ui, patient_id, 0, sizeof(struct ictx));
	struct infusion *inf = ff->rec;
	enum status s = load_items(ff->ctx, ui, patient_id, &e);
	if (s != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "cannot open the infusion form: %s", err_why(&e, s));
		ui_fform_free(ff);
		return NULL;
	}
	char t[20];
	infusion_init(inf);
	inf->patient_id = patient_id;
	ui_fform_set(ff, IF_AT, visit_format_time(ff->clock(), ff->tz, t));
	const struct user *me = store_actor(ui->app->st);
	if (me)
		ui_fform_set(ff, IF_BY, me->display[0] ? me->display : me->login);
	ui_fform_choices(ff, IF_ITEM, ((struct ictx *)ff->ctx)->items,
			 ((struct ictx *)ff->ctx)->n + 1);
	ui_fform_choose(ff, IF_ITEM, 0);
	return ui_fform_ready(ff, ui, resume);
}

struct ui_screen *ui_infusion_new(struct ui *ui, int64_t patient_id)
{
	return open_form(ui, patient_id, false);
}

struct ui_screen *ui_infusion_resume(struct ui *ui, int64_t patient_id)
{
	return open_form(ui, patient_id, true);
}
