/* ui_ae.c: the adverse-event form. */
#include "ui_ae.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

#include "ae.h"
#include "store.h"
#include "store_followup.h"
#include "ui_dialog.h"
#include "ui_draw.h"
#include "ui_fdraft.h"
#include "ui_form.h"
#include "util.h"
#include "visit.h"

enum {
	AF_TERM,
	AF_TEMP,
	AF_GRADE,
	AF_ONSET,
	AF_SERIOUS,
	AF_RELATION,
	AF_ACTION,
	AF_OUTCOME,
	AF_RESOLVED,
	AF_NOTE,
	AF_N
};

#define AF_GRADE_TEXT 120

static const char *const yesno[] = {"no", "yes"};

struct aform {
	struct ui_screen base;
	struct ui_form form;
	struct ui_form_field f[AF_N];
	struct ui_fdraft draft;
	struct ae a;
	day_t today;
	int tz; /* the clinic's offset, seconds east of UTC */
	int64_t (*clock)(void);
	bool confirmed; /* the whole-record warning was accepted */
	char grade_text[5][AF_GRADE_TEXT];
	const char *grades[5], *relations[AE_REL_COUNT], *actions[AE_ACT_COUNT],
	    *outcomes[AE_OUT_COUNT];
};

static const enum ui_action af_hints[] = {ACT_HELP, ACT_NEXT, ACT_TERMS, ACT_CHOOSE,
					  ACT_SAVE, ACT_BACK, ACT_NONE};

/* The fever grade the temperature suggests for the term Fever, else -1. */
static int suggested(const struct aform *af)
{
	if (isnan(af->a.temp_c) || strcasecmp(ui_form_text(&af->form, AF_TERM), "Fever") != 0)
		return -1;
	return ae_fever_grade(af->a.temp_c, -1);
}

static enum status check_temp(struct aform *af, const char *t, struct ui_form_field *g,
			      struct err *e)
{
	af->a.temp_c = NAN;
	if (!*t)
		return ST_OK;
	enum status s = visit_check_temperature(t, &af->a.temp_c, e);
	int sg = s == ST_OK ? suggested(af) : -1;
	if (sg > 0 && g->choice < 0)
		g->choice = g->saved_choice = sg - 1; /* the grade the table gives */
	return s;
}

static enum status check_grade(struct aform *af, bool confirmed, struct err *e)
{
	int c = af->f[AF_GRADE].choice, sg = suggested(af);
	if (c < 0)
		return err_set(e, ST_INVALID, "grade: choose 1-5 (Space lists the definitions)");
	af->a.grade = c + 1;
	if (sg > 0 && af->a.grade != sg && !confirmed)
		return err_set(e, ST_CONFIRM, "grade: %.1f °C is CTCAE fever grade %d, not %d",
			       af->a.temp_c, sg, af->a.grade);
	return ST_OK;
}

static enum status check_choice(struct aform *af, int i, struct err *e)
{
	int c = af->f[i].choice;
	if (i == AF_RELATION && c < 0)
		return err_set(e, ST_INVALID,
			       "relation: choose unrelated, unlikely, possible, "
			       "probable or definite");
	if (i == AF_SERIOUS)
		af->a.serious = c == 1;
	else if (i == AF_RELATION)
		af->a.relation = (enum ae_relation)(c < 0 ? 0 : c);
	else if (i == AF_ACTION)
		af->a.action = (enum ae_action)(c < 0 ? 0 : c);
	else
		af->a.outcome = (enum ae_outcome)(c < 0 ? AE_OUT_UNKNOWN : c);
	return ST_OK;
}

static enum status af_check(void *owner, int i, bool confirmed, struct err *e)
{
	struct aform *af = owner;
	const char *t = ui_form_text(&af->form, i);
	enum status s = ST_OK;
	switch (i) {
	case AF_TERM:
		return ae_check_term(t, af->a.term, sizeof af->a.term, &af->a.term_listed, e);
	case AF_TEMP:
		s = check_temp(af, t, &af->f[AF_GRADE], e);
		break;
	case AF_GRADE:
		return check_grade(af, confirmed, e);
	case AF_ONSET:
		return visit_parse_time("onset", t, af->tz, af->clock(), &af->a.onset_at,
					&af->a.onset, e);
	case AF_RESOLVED:
		af->a.resolved = DAY_NONE;
		return *t ? date_parse_field("resolved", t, af->today, false, &af->a.resolved, e)
			  : ST_OK;
	case AF_NOTE:
		s = visit_check_note(t, e);
		if (s == ST_OK)
			strlcpy_(af->a.note, t, sizeof af->a.note);
		return s;
	default:
		return check_choice(af, i, e);
	}
	return s == ST_CONFIRM && confirmed ? ST_OK : s;
}

static void af_draw(struct ui_screen *s, struct ui *ui)
{
	struct aform *af = (struct aform *)s;
	int g = af->f[AF_GRADE].choice;
	ui_put(ui->body, 0, 0, ui->cols, ROLE_TITLE, "Adverse event (CTCAE v" AE_CTCAE_VERSION ")");
	ui_form_draw(&af->form, ui, 2);
	ui_put(ui->body, 2 + AF_N + 2, 0, ui->cols, ROLE_DIM,
	       g >= 0 ? "Grade definition:" : "Grade: Space lists the five definitions");
	if (g >= 0)
		ui_wrap(ui->body, 2 + AF_N + 3, 2, ui->cols - 4, 2, ROLE_NORMAL,
			ae_grade_text(g + 1));
	ui_fdraft_offer(&af->draft, ui);
}

static int af_save(struct aform *af, struct ui *ui);

static int record_answer(struct ui *ui, void *arg, bool yes)
{
	struct aform *af = arg;
	af->confirmed = yes;
	return yes ? af_save(af, ui) : UI_DONE;
}

static int af_save(struct aform *af, struct ui *ui)
{
	struct err e = {""};
	char d[16];
	if (!ui_form_valid(&af->form, ui))
		return UI_DONE;
	enum status s = ae_validate(&af->a, af->today, &e);
	if (s == ST_CONFIRM && !af->confirmed) {
		char q[ERR_MSG_MAX + 40];
		snprintf(q, sizeof q, "%s. Record it as it is?", e.msg);
		ui_confirm(ui, q, record_answer, af);
		return UI_DONE;
	}
	if (s == ST_OK || s == ST_CONFIRM) {
		s = store_ae_add(ui->app->st, &af->a, &e);
	}
	if (s != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "not saved: %s", err_why(&e, s));
		return UI_DONE;
	}
	ui_fdraft_drop(&af->draft, ui);
	af->base.dirty = false;
	ui_msg(ui, ROLE_OK, "recorded %s grade %d, onset %s%s", af->a.term, af->a.grade,
	       date_format(af->a.onset, d), af->a.serious ? "; SERIOUS" : "");
	ui_pop(ui); /* the form (a confirmation asked first is off the stack already) */
	return UI_DONE;
}

static int pick_term(struct ui *ui, void *arg, int index)
{
	struct aform *af = arg;
	size_t n;
	const char *const *terms = ae_terms(&n);
	if (index >= 0 && (size_t)index < n) {
		ui_field_set(&af->f[AF_TERM].edit, terms[index]);
		af->f[AF_TERM].state = UFS_UNCHECKED;
		af->form.dirty = af->base.dirty = true;
		ui_fdraft_changed(&af->draft, ui);
	}
	return UI_DONE;
}

static int af_key(struct ui_screen *s, struct ui *ui, int key)
{
	struct aform *af = (struct aform *)s;
	size_t n;
	if (ui_key_is(key, ACT_SAVE))
		return af_save(af, ui);
	if (ui_key_is(key, ACT_TERMS)) {
		const char *const *terms = ae_terms(&n);
		af->form.focus = AF_TERM;
		ui_pick(ui, "CTCAE term", terms, (int)n, 0, pick_term, af);
		return UI_DONE;
	}
	int r = ui_form_key(&af->form, ui, key);
	af->base.dirty = af->form.dirty;
	ui_fdraft_changed(&af->draft, ui);
	return r;
}

static void af_done(struct ui_screen *s)
{
	struct aform *af = (struct aform *)s;
	ui_fdraft_done(&af->draft);
	ui_form_done(&af->form);
	free(af);
}

static const struct ui_screen_ops af_ops = {
    "Adverse event",
    af_draw,
    af_key,
    NULL,
    af_done,
    af_hints,
    "Record an adverse event. Type the term or press F9 (Ctrl-T) to pick it from the CTCAE "
    "list; other text is kept as free text. For Fever, the temperature suggests the grade "
    "(38.0-39.0 grade 1, up to 40.0 grade 2, above 40.0 grade 3, 4 when it lasts > 24 h). "
    "The grade's definition is shown while you choose it. Onset is YYYY-MM-DD HH:MM; a "
    "resolution date only when the outcome is resolved or with sequelae. F2 saves.",
};

static void af_lists(struct aform *af)
{
	for (int g = 0; g < 5; g++) {
		snprintf(af->grade_text[g], AF_GRADE_TEXT, "%d: %s", g + 1, ae_grade_text(g + 1));
		af->grades[g] = af->grade_text[g];
	}
	for (int i = 0; i < AE_REL_COUNT; i++)
		af->relations[i] = ae_relation_str((enum ae_relation)i);
	for (int i = 0; i < AE_ACT_COUNT; i++)
		af->actions[i] = ae_action_label((enum ae_action)i);
	for (int i = 0; i < AE_OUT_COUNT; i++)
		af->outcomes[i] = ae_outcome_label((enum ae_outcome)i);
}

static void af_fields(struct aform *af)
{
	struct ui_form_field *f = af->f;
	ui_form_field_set(&f[AF_TERM], "Term", "F9/^T: CTCAE list", UF_TEXT, 34, AE_TERM_MAX);
	ui_form_field_set(&f[AF_TEMP], "Temperature (C)", "fever: suggests the grade", UF_TEXT, 8,
			  8);
	ui_form_field_set(&f[AF_GRADE], "Grade", NULL, UF_CHOICE, 40, 0);
	ui_form_field_choices(&f[AF_GRADE], af->grades, 5, "choose 1-5");
	ui_form_field_set(&f[AF_ONSET], "Onset", "YYYY-MM-DD HH:MM", UF_TEXT, 17, 16);
	ui_form_field_set(&f[AF_SERIOUS], "Serious", NULL, UF_CHOICE, 8, 0);
	ui_form_field_choices(&f[AF_SERIOUS], yesno, 2, NULL);
	f[AF_SERIOUS].choice = f[AF_SERIOUS].saved_choice = 0;
	ui_form_field_set(&f[AF_RELATION], "Relation", "to the treatment", UF_CHOICE, 14, 0);
	ui_form_field_choices(&f[AF_RELATION], af->relations, AE_REL_COUNT, "choose");
	ui_form_field_set(&f[AF_ACTION], "Action", NULL, UF_CHOICE, 34, 0);
	ui_form_field_choices(&f[AF_ACTION], af->actions, AE_ACT_COUNT, NULL);
	f[AF_ACTION].choice = f[AF_ACTION].saved_choice = AE_ACT_NONE;
	ui_form_field_set(&f[AF_OUTCOME], "Outcome", NULL, UF_CHOICE, 34, 0);
	ui_form_field_choices(&f[AF_OUTCOME], af->outcomes, AE_OUT_COUNT, NULL);
	f[AF_OUTCOME].choice = f[AF_OUTCOME].saved_choice = AE_OUT_UNKNOWN;
	ui_form_field_set(&f[AF_RESOLVED], "Resolved on", "YYYY-MM-DD; when resolved", UF_TEXT, 12,
			  10);
	ui_form_field_set(&f[AF_NOTE], "Note", NULL, UF_MEMO, 50, 0);
	f[AF_NOTE].memo_rows = 1;
}

struct ui_screen *ui_ae_new(struct ui *ui, int64_t patient_id)
{
	char t[20];
	struct aform *af = xcalloc(1, sizeof *af);
	af->base.ops = &af_ops;
	af->base.patient = patient_id;
	af->today = app_today(ui->app);
	af->tz = ui->app->cfg.tz_offset_minutes * 60;
	af->clock = ui->app->clock;
	ae_init(&af->a);
	af->a.patient_id = patient_id;
	af_lists(af);
	af_fields(af);
	ui_form_init(&af->form, af->f, AF_N, af_check, af, AE_NOTE_MAX);
	ui_field_set(&af->f[AF_ONSET].edit, visit_format_time(af->clock(), af->tz, t));
	ui_fdraft_init(&af->draft, "ae", patient_id, &af->form);
	return &af->base;
}
