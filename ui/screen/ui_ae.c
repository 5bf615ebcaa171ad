/* ui_ae.c: the adverse-event form — a field table over struct ae and its
 * save, on the form engine (ui_formdef); the CTCAE term list and the grade
 * definition are its own additions. */
#include "ui_ae.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

#include "ae.h"
#include "store.h"
#include "store_eval.h"
#include "store_followup.h"
#include "uc_ae.h"
#include "ui_dialog.h"
#include "ui_draw.h"
#include "ui_formdef.h"
#include "util.h"
#include "visit.h"

enum {
	AF_TERM,
	AF_TEMP,
	AF_GRADE,
	AF_ONSET,
	AF_SERIOUS,
	AF_CRITERIA,
	AF_RELATION,
	AF_ACTION,
	AF_OUTCOME,
	AF_RESOLVED,
	AF_NOTE,
	AF_N
};

#define AF_GRADE_TEXT 120

static const char *const yesno[] = {"no", "yes"};

/* The five grades with their CTCAE definitions, as the choice shows them. */
struct actx {
	char text[5][AF_GRADE_TEXT];
	const char *items[5];
};

static const char *relation_label(int i)
{
	return ae_relation_str((enum ae_relation)i);
}
static const char *action_label(int i)
{
	return ae_action_label((enum ae_action)i);
}
static const char *outcome_label(int i)
{
	return ae_outcome_label((enum ae_outcome)i);
}
static const char *yesno_label(int i)
{
	return yesno[i];
}

/* The fever grade the temperature suggests for the term Fever, else -1. */
static int suggested(const struct ui_fform *ff)
{
	const struct ae *a = ff->rec;
	if (isnan(a->temp_c) || strcasecmp(ui_fform_text(ff, AF_TERM), "Fever") != 0)
		return -1;
	return ae_fever_grade(a->temp_c, -1);
}

static enum status check_term(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			      struct err *e)
{
	struct ae *a = ff->rec;
	return ae_check_term(t, a->term, sizeof a->term, &a->term_listed, e);
}

static enum status check_temp(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			      struct err *e)
{
	struct ae *a = ff->rec;
	a->temp_c = NAN;
	if (!*t)
		return ST_OK;
	enum status s = visit_check_temperature(t, &a->temp_c, e);
	int sg = s == ST_OK ? suggested(ff) : -1;
	if (sg > 0 && ui_fform_choice(ff, AF_GRADE) < 0)
		ui_fform_choose(ff, AF_GRADE, sg - 1); /* the grade the table gives */
	return s;
}

static enum status check_grade(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			       struct err *e)
{
	struct ae *a = ff->rec;
	int c = ui_fform_choice(ff, AF_GRADE), sg = suggested(ff);
	if (c < 0)
		return err_set(e, ST_INVALID,
			       "grade: none chosen; choose 1-5 from the list of "
			       "definitions");
	a->grade = c + 1;
	if (sg > 0 && a->grade != sg)
		return err_set(e, ST_CONFIRM, "grade: %.1f °C is CTCAE fever grade %d, not %d",
			       a->temp_c, sg, a->grade);
	return ST_OK;
}

static enum status check_serious(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
				 struct err *e)
{
	((struct ae *)ff->rec)->serious = ui_fform_choice(ff, AF_SERIOUS) == 1;
	return ST_OK;
}

static enum status check_criteria(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
				  struct err *e)
{
	return ae_criteria_parse(t, &((struct ae *)ff->rec)->criteria, e);
}

#define AE_(m) offsetof(struct ae, m)
static const struct ui_fielddef af_fields[AF_N] = {
    {.label = "Term",
     .kind = FK_TEXT,
     .hint = "{TERMS}: CTCAE list",
     .width = 34,
     .max = AE_TERM_MAX,
     .check = check_term},
    {.label = "Temperature",
     .kind = FK_NUMBER,
     .unit = "°C",
     .hint = "fever: suggests the grade",
     .width = 8,
     .max = 8,
     .optional = true,
     .off = AE_(temp_c),
     .check = check_temp},
    {.label = "Grade",
     .kind = FK_CHOICE,
     .width = 40,
     .none = "choose 1-5",
     .first = -1,
     .check = check_grade},
    {.label = "Onset",
     .name = "onset",
     .kind = FK_TIME,
     .hint = "YYYY-MM-DD HH:MM",
     .width = 17,
     .max = 16,
     .off = AE_(onset_at),
     .off_day = AE_(onset)},
    {.label = "Serious",
     .kind = FK_CHOICE,
     .width = 8,
     .choice_label = yesno_label,
     .nchoices = 2,
     .check = check_serious},
    {.label = "ICH E2A",
     .kind = FK_TEXT,
     .hint = "death, life_threatening, hospitalisation, disability, congenital, important",
     .width = 34,
     .max = 120,
     .optional = true,
     .check = check_criteria},
    {.label = "Relation",
     .name = "relation",
     .kind = FK_CHOICE,
     .hint = "to the treatment",
     .width = 14,
     .off = AE_(relation),
     .choice_label = relation_label,
     .nchoices = AE_REL_COUNT,
     .none = "choose",
     .first = -1},
    {.label = "Action",
     .kind = FK_CHOICE,
     .width = 34,
     .off = AE_(action),
     .choice_label = action_label,
     .nchoices = AE_ACT_COUNT,
     .first = AE_ACT_NONE},
    {.label = "Outcome",
     .kind = FK_CHOICE,
     .width = 34,
     .off = AE_(outcome),
     .choice_label = outcome_label,
     .nchoices = AE_OUT_COUNT,
     .first = AE_OUT_UNKNOWN},
    {.label = "Resolved on",
     .name = "resolved",
     .kind = FK_DATE,
     .hint = "YYYY-MM-DD; when resolved",
     .width = 12,
     .max = 10,
     .optional = true,
     .off = AE_(resolved)},
    {.label = "Note",
     .kind = FK_MEMO,
     .width = 50,
     .rows = 1,
     .optional = true,
     .off = AE_(note),
     .size = sizeof(((struct ae *)0)->note),
     .text = visit_check_note},
};
#undef AE_

static void af_draw_more(struct ui_fform *ff, struct ui *ui)
{
	int g = ui_fform_choice(ff, AF_GRADE);
	char line[80];
	ui_key_format(g >= 0 ? "Grade definition:" : "Grade: {=CHOOSE} lists the five definitions",
		      SC_FORM, line, sizeof line);
	ui_put(ui->body, 2 + AF_N + 2, 0, ui->cols, ROLE_DIM, line);
	if (g >= 0)
		ui_wrap(ui->body, 2 + AF_N + 3, 2, ui->cols - 4, 2, ROLE_NORMAL,
			ae_grade_text(g + 1));
}

static int pick_term(struct ui *ui, void *arg, int index)
{
	struct ui_fform *ff = arg;
	size_t n;
	const char *const *terms = ae_terms(&n);
	if (index >= 0 && (size_t)index < n) {
		ui_fform_set(ff, AF_TERM, terms[index]);
		ui_fform_changed(ff, ui, AF_TERM);
	}
	return UI_DONE;
}

static int af_key(struct ui_fform *ff, struct ui *ui, int key)
{
	size_t n;
	if (!ui_key_is(key, ACT_TERMS))
		return UI_PASS;
	const char *const *terms = ae_terms(&n);
	ff->form.focus = AF_TERM;
	ui_pick(ui, "CTCAE term", terms, (int)n, 0, pick_term, ff);
	return UI_DONE;
}

/* Record the event under the active protocol: expectedness and, for a
 * serious one, its reporting clock. */
static enum status save_ae(struct ui *ui, struct ae *a, struct err *e)
{
	struct protocol *p = xcalloc(1, sizeof *p);
	enum status s = store_protocol_active(ui->app->st, p, NULL, e);
	if (s == ST_OK)
		s = uc_ae_add(ui->app->st, p, a, NULL, NULL, e);
	free(p);
	return s;
}

static enum status af_save(struct ui_fform *ff, struct ui *ui, bool confirmed, struct err *e)
{
	struct ae *a = ff->rec;
	char d[16];
	enum status s = ae_validate(a, ff->today, e);
	if (s == ST_CONFIRM && !confirmed)
		return s; /* asked: record it as it is? */
	if (s == ST_OK || s == ST_CONFIRM)
		s = save_ae(ui, a, e);
	if (s == ST_OK)
		ui_msg(ui, ROLE_OK, "recorded %s grade %d, onset %s%s", a->term, a->grade,
		       date_format(a->onset, d), a->serious ? "; SERIOUS" : "");
	return s;
}

static const enum ui_action af_hints[] = {ACT_HELP, ACT_NEXT, ACT_TERMS, ACT_CHOOSE,
					  ACT_SAVE, ACT_BACK, ACT_NONE};

static const struct ui_formdef af_def = {
    .kind = DRAFT_AE,
    .title = "Adverse event",
    .noun = "adverse event",
    .heading = "Adverse event (CTCAE v" AE_CTCAE_VERSION ")",
    .help = "Record an adverse event. Type the term or press {TERMS} to pick it from the "
	    "CTCAE list; other text is kept as free text. For Fever, the temperature suggests "
	    "the grade (38.0-39.0 grade 1, up to 40.0 grade 2, above 40.0 grade 3, 4 when it "
	    "lasts > 24 h). The grade's definition is shown while you choose it. Onset is "
	    "YYYY-MM-DD HH:MM; a resolution date only when the outcome is resolved or with "
	    "sequelae. {SAVE} saves.",
    .hints = af_hints,
    .fields = af_fields,
    .n = AF_N,
    .rec_size = sizeof(struct ae),
    .version_off = offsetof(struct ae, version),
    .note_max = AE_NOTE_MAX,
    .save = af_save,
    .draw_more = af_draw_more,
    .key = af_key,
};

static struct ui_screen *open_form(struct ui *ui, int64_t patient_id, bool resume)
{
	struct ui_fform *ff = ui_fform_new(&af_def, ui, patient_id, 0, sizeof(struct actx));
	struct actx *c = ff->ctx;
	struct ae *a = ff->rec;
	for (int g = 0; g < 5; g++) {
		snprintf(c->text[g], AF_GRADE_TEXT, "%d: %s", g + 1, ae_grade_text(g + 1));
		c->items[g] = c->text[g];
	}
	ui_fform_choices(ff, AF_GRADE, c->items, 5);
	char t[20];
	ae_init(a);
	a->patient_id = patient_id;
	ui_fform_set(ff, AF_ONSET, visit_format_time(ff->clock(), ff->tz, t));
	return ui_fform_ready(ff, ui, resume);
}

struct ui_screen *ui_ae_new(struct ui *ui, int64_t patient_id)
{
	return open_form(ui, patient_id, false);
}

struct ui_screen *ui_ae_resume(struct ui *ui, int64_t patient_id)
{
	return open_form(ui, patient_id, true);
}
