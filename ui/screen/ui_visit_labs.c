/* ui_visit_labs.c: a follow-up visit's labs, entered with the intake's lab
 * rows (ui_eval_labs) and stored with the visit. */
#include "ui_visit_labs.h"

#include <stdio.h>
#include <stdlib.h>

#include "store.h"
#include "ui_draft.h"
#include "ui_draw.h"
#include "ui_eval_labs.h"
#include "util.h"

struct vlabs {
	struct ui_screen base;
	struct ui_eval_labs labs;
	struct ui_draft draft; /* the typed values, with the visit they belong to */
	char label[24];
	char title[96];
};

/* The draft names the visit too, so a later session can resume it. */
static void keep(struct vlabs *v, struct ui *ui)
{
	char id[24];
	struct strbuf sb;
	sb_init(&sb);
	snprintf(id, sizeof id, "%lld", (long long)v->labs.visit_id);
	draft_put(&sb, "visit", id);
	draft_put(&sb, "visit_label", v->label);
	ui_eval_labs_encode(&v->labs, &sb);
	ui_draft_keep(&v->draft, ui, sb_str(&sb));
	sb_done(&sb);
}

static void vl_draft(struct ui_screen *s, struct ui *ui, bool keep_it)
{
	struct vlabs *v = (struct vlabs *)s;
	if (keep_it)
		keep(v, ui);
	else
		ui_draft_drop(&v->draft, ui);
}

static const enum ui_action vl_hints[] = {ACT_HELP, ACT_NEXT, ACT_UNITS,
					  ACT_SAVE, ACT_BACK, ACT_NONE};

static void vl_draw(struct ui_screen *s, struct ui *ui)
{
	struct vlabs *v = (struct vlabs *)s;
	ui_put(ui->body, 0, 0, ui->cols, ROLE_TITLE, v->title);
	ui_eval_labs_draw(&v->labs, ui, 1);
}

static int vl_key(struct ui_screen *s, struct ui *ui, int key)
{
	struct vlabs *v = (struct vlabs *)s;
	int r = ui_eval_labs_key(&v->labs, ui, key);
	v->base.dirty = v->labs.dirty;
	/* Stored: the visit is complete, back to where it was recorded. */
	if (v->labs.saved > 0) {
		ui_draft_drop(&v->draft, ui);
		return r | UI_POP;
	}
	if (v->labs.settled) {
		v->labs.settled = false;
		keep(v, ui);
	}
	return r;
}

static void vl_done(struct ui_screen *s)
{
	struct vlabs *v = (struct vlabs *)s;
	ui_draft_done(&v->draft);
	free(v);
}

static const struct ui_screen_ops vl_ops = {
    "Visit labs",
    vl_draw,
    vl_key,
    NULL,
    vl_done,
    vl_hints,
    "The labs of the visit just recorded: the same rows as the intake labs (u switches a "
    "row between conventional and SI units; refused values name the accepted range, "
    "unusual ones ask y/n). {SAVE} stores them with the visit; {BACK} leaves without labs. What "
    "you type is kept as a draft until it is stored.",
    vl_draft,
};

struct ui_screen *ui_visit_labs_new(struct ui *ui, int64_t patient_id, int64_t visit_id, day_t day,
				    const char *label)
{
	struct vlabs *v = xcalloc(1, sizeof *v);
	char d[16];
	v->base.ops = &vl_ops;
	v->base.patient = patient_id;
	ui_eval_labs_init(&v->labs, ui, patient_id);
	v->labs.visit_id = visit_id;
	ui_field_set(&v->labs.date, date_format(day, d));
	strlcpy_(v->label, label && *label ? label : "unscheduled", sizeof v->label);
	snprintf(v->title, sizeof v->title, "Labs of the %s visit on %s (Esc if none were taken)",
		 v->label, d);
	ui_draft_init(&v->draft, draft_kind_form(DRAFT_VISIT_LABS), patient_id);
	return &v->base;
}

struct ui_screen *ui_visit_labs_resume(struct ui *ui, int64_t patient_id)
{
	struct ui_draft d;
	char id[24] = "", label[24] = "", day[16] = "";
	day_t when;
	long long visit_id = 0;
	ui_draft_init(&d, draft_kind_form(DRAFT_VISIT_LABS), patient_id);
	char *content = ui_draft_load(&d, ui);
	ui_draft_done(&d);
	if (!content)
		return NULL;
	/* Each key on its own: a draft without one still has the others. */
	char *end = NULL;
	if (draft_get(content, "visit", id, sizeof id))
		visit_id = strtoll(id, &end, 10);
	if (!end || end == id || *end || visit_id <= 0) {
		ui_msg(ui, ROLE_WARN,
		       "the visit labs draft does not name its visit (visit=%s): it is kept, "
		       "enter the labs with the visit",
		       id);
		free(content);
		return NULL;
	}
	if (!draft_get(content, "visit_label", label, sizeof label))
		label[0] = '\0';
	if (!draft_get(content, "date", day, sizeof day) || !date_parse(day, &when))
		when = app_today(ui->app);
	struct vlabs *v = (struct vlabs *)ui_visit_labs_new(ui, patient_id, visit_id, when, label);
	ui_eval_labs_decode(&v->labs, content);
	v->base.dirty = true;
	free(content);
	return &v->base;
}
