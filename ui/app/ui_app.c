/* ui_app.c: ui_run — start the terminal, fill the framework's tables (the
 * global keys, the patient screen, the draft kinds and how each resumes),
 * run the screen stack from the home screen, and leave it as it was. The
 * one ui file that knows every screen. */
#include "ui_app.h"

#include <stdio.h>

#include "store.h"
#include "ui_ae.h"
#include "ui_clinic.h"
#include "ui_draft.h"
#include "ui_eval.h"
#include "ui_help.h"
#include "ui_infusion.h"
#include "ui_lookup.h"
#include "ui_loop.h"
#include "ui_overview.h"
#include "ui_patient_form.h"
#include "ui_resume.h"
#include "ui_screen.h"
#include "ui_term.h"
#include "ui_visit.h"
#include "ui_visit_labs.h"
#include "util.h"

static int open_help(struct ui *ui, struct ui_screen *top, int key)
{
	(void)key;
	ui_push(ui, ui_help_new(ui, top));
	return UI_DONE;
}

static int open_lookup(struct ui *ui, struct ui_screen *top, int key)
{
	(void)top;
	(void)key;
	ui_push(ui, ui_lookup_new(ui, false));
	return UI_DONE;
}

/* The patient's screen, then form over it (its banner when it has none). */
static void push_over_patient(struct ui *ui, int64_t patient_id,
			      struct ui_screen *(*open)(struct ui *, int64_t))
{
	struct ui_screen *ov = ui_open_patient(ui, patient_id), *form;
	if (!ov)
		return;
	ui_push(ui, ov);
	if (!open || !(form = open(ui, patient_id)))
		return;
	if (!form->banner[0])
		strlcpy_(form->banner, ov->banner, sizeof form->banner);
	ui_push(ui, form);
}

static void resume_patient(struct ui *ui, const struct draft_info *d)
{
	if (d->patient_id == 0)
		ui_push(ui, ui_patient_form_new(ui));
	else
		push_over_patient(ui, d->patient_id, ui_patient_form_edit);
}

static struct ui_screen *open_eval(struct ui *ui, int64_t patient_id)
{
	struct patient p;
	struct err e = {""};
	if (store_patient_get(ui->app->st, patient_id, &p, &e) != ST_OK) {
		ui_msg(ui, ROLE_WARN, "the patient of that draft cannot be opened: %s", e.msg);
		return NULL;
	}
	return ui_eval_new(ui, &p);
}

static void resume_eval(struct ui *ui, const struct draft_info *d)
{
	push_over_patient(ui, d->patient_id, open_eval);
}

static void resume_visit_labs(struct ui *ui, const struct draft_info *d)
{
	push_over_patient(ui, d->patient_id, ui_visit_labs_resume);
}

static void resume_visit(struct ui *ui, const struct draft_info *d)
{
	push_over_patient(ui, d->patient_id, ui_visit_new);
}

static void resume_ae(struct ui *ui, const struct draft_info *d)
{
	push_over_patient(ui, d->patient_id, ui_ae_new);
}

static void resume_infusion(struct ui *ui, const struct draft_info *d)
{
	push_over_patient(ui, d->patient_id, ui_infusion_new);
}

static void resume_visit_correct(struct ui *ui, const struct draft_info *d)
{
	long long visit_id;
	struct ui_screen *form;
	push_over_patient(ui, d->patient_id, NULL);
	if (ui_top(ui) && ui_top(ui)->patient == d->patient_id &&
	    sscanf(d->form, UI_DRAFT_VISIT_CORRECT "%lld", &visit_id) == 1 &&
	    (form = ui_visit_correct_new(ui, d->patient_id, visit_id))) {
		if (!form->banner[0])
			strlcpy_(form->banner, ui_top(ui)->banner, sizeof form->banner);
		ui_push(ui, form);
	}
}

/* Every form that keeps a draft, as the resume menu names it. */
static const struct ui_draft_kind draft_kinds[] = {
    {UI_DRAFT_PATIENT, "Patient details", resume_patient, "New patient form"},
    {UI_DRAFT_LABS, "Labs", resume_eval},
    {UI_DRAFT_IMAGING, "Imaging note", resume_eval},
    {UI_DRAFT_VISIT_LABS, "Visit labs", resume_visit_labs},
    {UI_DRAFT_VISIT_CORRECT, "Correction of a visit", resume_visit_correct},
    {"visit", "Visit", resume_visit},
    {"ae", "Adverse event", resume_ae},
    {"infusion", "Infusion", resume_infusion},
};

/* The framework's tables: what the global keys open, the patient screen,
 * the draft kinds. */
static void register_tables(struct ui *ui)
{
	ui_global_key(ui, ACT_HELP, open_help);
	ui_global_key(ui, ACT_LOOKUP, open_lookup);
	ui_patient_opener(ui, ui_overview_new);
	for (size_t i = 0; i < ARRAY_SIZE(draft_kinds); i++)
		ui_resume_register(ui, &draft_kinds[i]);
}

int ui_run(struct app *app)
{
	struct ui ui = {0};
	char why[160];
	ui.app = app;
	if (!ui_term_start(why, sizeof why)) {
		fprintf(stderr, "hepadesk: %s\n", why);
		return 1;
	}
	register_tables(&ui);
	ui_push(&ui, ui_clinic_new(&ui));
	ui_resume_offer(&ui);
	ui_loop(&ui);
	ui_term_stop();
	return ui.exit_code;
}
