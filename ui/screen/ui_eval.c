/* ui_eval.c: the intake evaluation — progress line and the four steps (the
 * Examination step lists the newest findings and opens the examination
 * form, ui_exam). */
#include "ui_eval.h"
#include "uc_overview.h"

#include <stdio.h>
#include <stdlib.h>

#include "exam.h"
#include "overview.h"
#include "store_exam.h"
#include "ui_banner.h"
#include "ui_draft.h"
#include "ui_draw.h"
#include "ui_eval_imaging.h"
#include "ui_eval_labs.h"
#include "ui_exam.h"
#include "ui_lines.h"
#include "ui_scores.h"
#include "util.h"

#define EVAL_STEPS(_)         \
	_(LABS, "Labs")       \
	_(IMAGING, "Imaging") \
	_(EXAM, "Exam")       \
	_(SCORES, "Scores")

enum eval_step {
#define EVAL_STEP_ENUM_(id, name) STEP_##id,
	EVAL_STEPS(EVAL_STEP_ENUM_)
#undef EVAL_STEP_ENUM_
	    STEP_COUNT
};

static const char *const step_names[] = {
#define EVAL_STEP_NAME_(id, name) name,
    EVAL_STEPS(EVAL_STEP_NAME_)
#undef EVAL_STEP_NAME_
};

#define EVAL_BODY_Y 2 /* steps draw below the progress line and a rule */

struct eval {
	struct ui_screen base;
	struct patient p;
	enum eval_step step;
	struct ui_eval_labs labs;
	struct ui_eval_imaging imaging;
	struct overview ov;
	struct ui_lines scores;
	struct ui_lines exam;
	bool exam_stale;     /* reload the findings when next drawn */
	bool exam_saved;     /* an examination was recorded from this step */
	int64_t exam_before; /* the newest examination when the form opened; -1 */
	struct ui_draft labs_draft, imaging_draft;
};

/* Each step acts on its own keys: units only on Labs (whose fields take
 * only numbers, so letters are commands), fields and save only on Labs and
 * Imaging (whose text fields type letters), scrolling on Scores. */
static const enum ui_action labs_hints[] = {ACT_HELP,	   ACT_NEXT,	  ACT_SAVE, ACT_UNITS,
					    ACT_STEP_NEXT, ACT_STEP_PREV, ACT_BACK, ACT_NONE};
static const enum ui_action imaging_hints[] = {ACT_HELP,      ACT_NEXT,	     ACT_CHOOSE, ACT_SAVE,
					       ACT_STEP_NEXT, ACT_STEP_PREV, ACT_BACK,	 ACT_NONE};
static const enum ui_action exam_hints[] = {ACT_HELP,	   ACT_ENTER, ACT_STEP_NEXT,
					    ACT_STEP_PREV, ACT_BACK,  ACT_NONE};
static const enum ui_action scores_hints[] = {ACT_HELP, ACT_STEP_PREV, ACT_BACK, ACT_NONE};

static const enum ui_action *eval_keys(const struct ui_screen *s, unsigned *scope)
{
	const struct eval *ev = (const struct eval *)s;
	if (ev->step == STEP_LABS) {
		*scope = SC_EVAL | SC_FORM | SC_LABS;
		return labs_hints;
	}
	if (ev->step == STEP_IMAGING) {
		*scope = SC_EVAL | SC_FORM | SC_TEXT;
		return imaging_hints;
	}
	*scope = SC_EVAL | SC_LIST;
	return ev->step == STEP_EXAM ? exam_hints : scores_hints;
}

/* One finding's line: the value in words, its day and the record it came
 * from, or that nothing on record assessed it. */
static void finding_line(struct ui_lines *l, const char *what, const struct finding_pick *f,
			 const char *value)
{
	char d[16];
	if (f->ungraded)
		ui_lines_add(l, ROLE_WARN, "  %-28s seen on %s %s, not graded", what,
			     finding_source_str(f->source), date_format(f->date, d));
	else if (!f->have)
		ui_lines_add(l, ROLE_DIM, "  %-28s not assessed", what);
	else
		ui_lines_add(l, ROLE_NORMAL, "  %-28s %s (%s %s)", what, value,
			     finding_source_str(f->source), date_format(f->date, d));
}

/* The id of the patient's newest examination, 0 when none. */
static int64_t newest_exam(struct eval *ev, struct ui *ui)
{
	struct exam x;
	struct err e = {""};
	int n = 0;
	return store_exam_list(ui->app->st, ev->p.id, &x, 1, &n, &e) == ST_OK && n == 1 ? x.id : 0;
}

static void load_exam(struct eval *ev, struct ui *ui)
{
	struct err e = {""};
	struct exam_findings f;
	char a[16], h[16], line[160];
	ui_lines_clear(&ev->exam);
	ev->exam_stale = false;
	/* An examination stored since the form was opened marks the step. */
	if (ev->exam_before >= 0 && newest_exam(ev, ui) != ev->exam_before)
		ev->exam_saved = true;
	ev->exam_before = -1;
	enum status s = store_exam_findings(ui->app->st, ev->p.id, app_today(ui->app), &f, &e);
	if (s != ST_OK) {
		ui_lines_add(&ev->exam, ROLE_CRITICAL, "cannot read the findings: %s",
			     err_why(&e, s));
		return;
	}
	snprintf(a, sizeof a, "ICA %d", f.ascites.value);
	snprintf(h, sizeof h, "grade %d", f.he.value);
	ui_lines_add(&ev->exam, ROLE_TITLE,
		     "Newest examination findings (Child-Pugh and MELD take these):");
	finding_line(&ev->exam, "Ascites", &f.ascites, a);
	finding_line(&ev->exam, "Encephalopathy (West Haven)", &f.he, h);
	finding_line(&ev->exam, "Dialysis in 7 days", &f.dialysis, f.dialysis.value ? "yes" : "no");
	ui_key_format("{=ENTER} records an examination (ascites, encephalopathy, dialysis, "
		      "weight).",
		      SC_EVAL | SC_LIST, line, sizeof line);
	ui_lines_add(&ev->exam, ROLE_NORMAL, "%s", "");
	ui_lines_add(&ev->exam, ROLE_NORMAL, "%s", line);
}

static void load_scores(struct eval *ev, struct ui *ui)
{
	struct err e = {""};
	char day[16];
	ui_lines_clear(&ev->scores);
	enum status s =
	    uc_overview_load(ui->app->st, ev->p.id, app_today(ui->app), &ui->app->cfg, &ev->ov, &e);
	if (s != ST_OK) {
		ui_lines_add(&ev->scores, ROLE_CRITICAL, "cannot compute the scores: %s",
			     err_why(&e, s));
		return;
	}
	ui_lines_add(&ev->scores, ROLE_TITLE,
		     "Scores as of %s, from the latest labs:", date_format(ev->ov.today, day));
	ui_scores_lines(&ev->scores, &ev->ov, true, ui->app->cfg.lab_window_days);
}

static void go(struct eval *ev, struct ui *ui, int step)
{
	if (step < 0 || step >= STEP_COUNT)
		return;
	ev->step = (enum eval_step)step;
	if (ev->step == STEP_SCORES)
		load_scores(ev, ui);
	if (ev->step == STEP_EXAM)
		ev->exam_stale = true;
}

static void draw_progress(struct eval *ev, struct ui *ui)
{
	int x = ui_put(ui->body, 0, 0, ui->cols, ROLE_TITLE, "Intake evaluation:  ");
	for (int i = 0; i < STEP_COUNT; i++) {
		char item[40];
		bool done = (i == STEP_LABS && ev->labs.saved) ||
			    (i == STEP_IMAGING && ev->imaging.saved) ||
			    (i == STEP_EXAM && ev->exam_saved);
		snprintf(item, sizeof item, i == (int)ev->step ? "[%s%s]" : "%s%s", step_names[i],
			 done ? " (saved)" : "");
		x += ui_put(ui->body, 0, x, ui->cols - x,
			    i == (int)ev->step ? ROLE_SELECTED : ROLE_NORMAL, item);
		if (i + 1 < STEP_COUNT)
			x += ui_put(ui->body, 0, x, ui->cols - x, ROLE_DIM, " > ");
	}
	ui_hline(ui->body, 1, 0, ui->cols);
}

static void eval_draw(struct ui_screen *s, struct ui *ui)
{
	struct eval *ev = (struct eval *)s;
	if (ev->step == STEP_EXAM && ev->exam_stale)
		load_exam(ev, ui); /* first: a new examination marks the progress line */
	draw_progress(ev, ui);
	if (ev->step == STEP_LABS)
		ui_eval_labs_draw(&ev->labs, ui, EVAL_BODY_Y);
	else if (ev->step == STEP_IMAGING)
		ui_eval_imaging_draw(&ev->imaging, ui, EVAL_BODY_Y);
	else if (ev->step == STEP_EXAM)
		ui_lines_draw(&ev->exam, ui->body, EVAL_BODY_Y, ui->rows - EVAL_BODY_Y);
	else
		ui_lines_draw(&ev->scores, ui->body, EVAL_BODY_Y, ui->rows - EVAL_BODY_Y);
}

static void keep_labs(struct eval *ev, struct ui *ui)
{
	struct strbuf sb;
	sb_init(&sb);
	ui_eval_labs_encode(&ev->labs, &sb);
	ui_draft_keep(&ev->labs_draft, ui, sb_str(&sb));
	sb_done(&sb);
}

static void keep_imaging(struct eval *ev, struct ui *ui)
{
	struct strbuf sb;
	sb_init(&sb);
	ui_form_encode(&ev->imaging.form, &sb);
	ui_draft_keep(&ev->imaging_draft, ui, sb_str(&sb));
	sb_done(&sb);
}

static void eval_draft(struct ui_screen *s, struct ui *ui, bool keep)
{
	struct eval *ev = (struct eval *)s;
	if (keep && ev->labs.dirty)
		keep_labs(ev, ui);
	if (keep && ev->imaging.form.dirty)
		keep_imaging(ev, ui);
	if (!keep) {
		ui_draft_drop(&ev->labs_draft, ui);
		ui_draft_drop(&ev->imaging_draft, ui);
	}
}

/* Keep a draft when a field was left; forget it once the step was saved. */
static void sync_drafts(struct eval *ev, struct ui *ui, int saved_labs, bool saved_img)
{
	if (ev->labs.saved != saved_labs)
		ui_draft_drop(&ev->labs_draft, ui);
	else if (ev->labs.settled)
		keep_labs(ev, ui);
	if (ev->imaging.saved != saved_img)
		ui_draft_drop(&ev->imaging_draft, ui);
	else if (ev->imaging.form.settled)
		keep_imaging(ev, ui);
	ev->labs.settled = ev->imaging.form.settled = false;
}

/* The Examination step: Enter opens the form over the evaluation; the
 * findings are read again when it closes. */
static int exam_key(struct eval *ev, struct ui *ui, int key)
{
	if (!ui_key_is(key, ACT_ENTER))
		return ui_lines_key(&ev->exam, key, ui->rows - EVAL_BODY_Y) ? UI_DONE : UI_PASS;
	struct ui_screen *form = ui_exam_new(ui, ev->p.id);
	if (!form)
		return UI_DONE;
	strlcpy_(form->banner, ev->base.banner, sizeof form->banner);
	ev->exam_before = newest_exam(ev, ui);
	ev->exam_stale = true;
	ui_push(ui, form);
	return UI_DONE;
}

static int step_key(struct eval *ev, struct ui *ui, int key)
{
	int saved_labs = ev->labs.saved;
	bool saved_img = ev->imaging.saved;
	int r;
	if (ev->step == STEP_LABS)
		r = ui_eval_labs_key(&ev->labs, ui, key);
	else if (ev->step == STEP_IMAGING)
		r = ui_eval_imaging_key(&ev->imaging, ui, key);
	else if (ev->step == STEP_EXAM)
		r = exam_key(ev, ui, key);
	else
		r = ui_lines_key(&ev->scores, key, ui->rows - EVAL_BODY_Y) ? UI_DONE : UI_PASS;
	/* A saved step moves on to the next one. */
	if (ev->labs.saved != saved_labs || ev->imaging.saved != saved_img)
		go(ev, ui, ev->step + 1);
	sync_drafts(ev, ui, saved_labs, saved_img);
	return r;
}

static int eval_key(struct ui_screen *s, struct ui *ui, int key)
{
	struct eval *ev = (struct eval *)s;
	int r = UI_DONE;
	if (ui_key_is(key, ACT_STEP_NEXT))
		go(ev, ui, ev->step + 1);
	else if (ui_key_is(key, ACT_STEP_PREV))
		go(ev, ui, (int)ev->step - 1);
	else
		r = step_key(ev, ui, key);
	ev->base.dirty = ev->labs.dirty || ev->imaging.form.dirty;
	return r;
}

static void eval_done(struct ui_screen *s)
{
	struct eval *ev = (struct eval *)s;
	ui_eval_imaging_done(&ev->imaging);
	ui_lines_done(&ev->scores);
	ui_lines_done(&ev->exam);
	ui_draft_done(&ev->labs_draft);
	ui_draft_done(&ev->imaging_draft);
	free(ev);
}

static const struct ui_screen_ops eval_ops = {
    "Evaluation",
    eval_draw,
    eval_key,
    NULL,
    eval_done,
    labs_hints,
    "Intake evaluation in four steps; {STEP_NEXT} and {STEP_PREV} move between them at "
    "any time and what you typed stays. Labs: type a value per analyte, {NEXT} or {ENTER} to "
    "the next; {UNITS} switches the row between conventional and SI units; impossible values "
    "are refused (message below), unusual ones ask y/n; {SAVE} stores all entered rows with "
    "the collection date at once. Imaging: date, modality, stiffness and IQR, fibrosis, "
    "findings and a note (in the note {ENTER} starts a new line, {NEXT} leaves it); {SAVE} "
    "stores it. Examination: the newest ascites, encephalopathy and dialysis findings with "
    "their day and record; {ENTER} opens the examination form. Scores: each score with the lab "
    "values and dates it used, what was clamped "
    "and why, or why it cannot be computed; {UP} and {DOWN} scroll.",
    eval_draft,
    .scope = SC_EVAL | SC_FORM | SC_LABS | SC_LIST,
    .keys_now = eval_keys,
};

/* Input kept from an earlier session comes back; the evaluation opens at
 * the imaging step when only that step has some. */
static void restore_drafts(struct eval *ev, struct ui *ui)
{
	ui_draft_init(&ev->labs_draft, draft_kind_form(DRAFT_EVAL_LABS), ev->p.id);
	ui_draft_init(&ev->imaging_draft, draft_kind_form(DRAFT_EVAL_IMAGING), ev->p.id);
	char *labs = ui_draft_load(&ev->labs_draft, ui);
	char *img = ui_draft_load(&ev->imaging_draft, ui);
	if (labs)
		ui_eval_labs_decode(&ev->labs, labs);
	if (img)
		ui_form_decode(&ev->imaging.form, img);
	if (img && !labs)
		ev->step = STEP_IMAGING;
	ev->base.dirty = labs || img;
	free(labs);
	free(img);
}

struct ui_screen *ui_eval_new(struct ui *ui, const struct patient *p)
{
	struct eval *ev = xcalloc(1, sizeof *ev);
	ev->base.ops = &eval_ops;
	ev->base.patient = p->id;
	ev->p = *p;
	ui_banner_patient(p, app_today(ui->app), ev->base.banner, sizeof ev->base.banner);
	ui_eval_labs_init(&ev->labs, ui, p->id);
	ui_eval_imaging_init(&ev->imaging, ui, p->id);
	ui_lines_init(&ev->scores);
	ui_lines_init(&ev->exam);
	ev->exam_before = -1;
	restore_drafts(ev, ui);
	return &ev->base;
}
