/* ui_visit_labs.c: a follow-up visit's labs, entered with the intake's lab
 * rows (ui_eval_labs) and stored with the visit. */
#include "ui_visit_labs.h"

#include <stdio.h>
#include <stdlib.h>

#include "ui_draw.h"
#include "ui_eval_labs.h"
#include "util.h"

struct vlabs {
	struct ui_screen base;
	struct ui_eval_labs labs;
	char title[96];
};

static const enum ui_action vl_hints[] = {ACT_HELP, ACT_NEXT, ACT_UNITS, ACT_SAVE, ACT_BACK,
					  ACT_NONE};

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
	if (v->labs.saved > 0)
		return r | UI_POP;
	return r;
}

static void vl_done(struct ui_screen *s)
{
	free(s);
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
    "unusual ones ask y/n). F2 stores them with the visit; Esc leaves without labs.",
    NULL,
};

struct ui_screen *ui_visit_labs_new(struct ui *ui, int64_t patient_id, int64_t visit_id,
				    day_t day, const char *label)
{
	struct vlabs *v = xcalloc(1, sizeof *v);
	char d[16];
	v->base.ops = &vl_ops;
	v->base.patient = patient_id;
	ui_eval_labs_init(&v->labs, ui, patient_id);
	v->labs.visit_id = visit_id;
	ui_field_set(&v->labs.date, date_format(day, d));
	v->labs.focus = 1;
	snprintf(v->title, sizeof v->title, "Labs of the %s visit on %s (Esc if none were taken)",
		 label && *label ? label : "unscheduled", d);
	return &v->base;
}
