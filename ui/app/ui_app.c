/* ui_app.c: ui_run — start the terminal, fill the framework's tables (the
 * global keys, the patient screen, the draft kinds and how each resumes),
 * run the screen stack from the home screen, and leave it as it was. The
 * one ui file that knows every screen. */
#include "ui_app.h"

#include <stdio.h>

#include "store.h"
#include "ui_ae.h"
#include "ui_clinic.h"
#include "ui_contact.h"
#include "ui_draft.h"
#include "ui_eval.h"
#include "ui_exam.h"
#include "ui_fixforms.h"
#include "ui_help.h"
#include "ui_histology.h"
#include "ui_infusion.h"
#include "ui_lookup.h"
#include "ui_loop.h"
#include "ui_med.h"
#include "ui_overview.h"
#include "ui_patient_form.h"
#include "ui_product.h"
#include "ui_qol.h"
#include "ui_report.h"
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
		ui_push(ui, ui_patient_form_resume(ui));
	else
		push_over_patient(ui, d->patient_id, ui_patient_form_edit_resume);
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
	push_over_patient(ui, d->patient_id, ui_visit_resume);
}

static void resume_ae(struct ui *ui, const struct draft_info *d)
{
	push_over_patient(ui, d->patient_id, ui_ae_resume);
}

static void resume_contact(struct ui *ui, const struct draft_info *d)
{
	push_over_patient(ui, d->patient_id, ui_contact_resume);
}

static void resume_qol(struct ui *ui, const struct draft_info *d)
{
	push_over_patient(ui, d->patient_id, ui_qol_resume);
}

static void resume_infusion(struct ui *ui, const struct draft_info *d)
{
	push_over_patient(ui, d->patient_id, ui_infusion_resume);
}

static void resume_exam(struct ui *ui, const struct draft_info *d)
{
	push_over_patient(ui, d->patient_id, ui_exam_resume);
}

static void resume_histology(struct ui *ui, const struct draft_info *d)
{
	push_over_patient(ui, d->patient_id, ui_histology_resume);
}

static void resume_med(struct ui *ui, const struct draft_info *d)
{
	push_over_patient(ui, d->patient_id, ui_med_resume);
}

/* A product lot is no patient's: its form alone. */
static void resume_product(struct ui *ui, const struct draft_info *d)
{
	struct ui_screen *form = ui_product_resume(ui, 0);
	if (form)
		ui_push(ui, form);
}

/* A per-record draft ("visit-correct.17"): the patient's screen, then the
 * form over that record on it. */
static void push_record_form(struct ui *ui, const struct draft_info *d,
			     struct ui_screen *(*open)(struct ui *, int64_t, int64_t))
{
	int64_t id = 0;
	struct ui_screen *form;
	draft_kind_of(d->form, &id);
	push_over_patient(ui, d->patient_id, NULL);
	if (ui_top(ui) && ui_top(ui)->patient == d->patient_id &&
	    (form = open(ui, d->patient_id, id))) {
		if (!form->banner[0])
			strlcpy_(form->banner, ui_top(ui)->banner, sizeof form->banner);
		ui_push(ui, form);
	}
}

static void resume_visit_correct(struct ui *ui, const struct draft_info *d)
{
	push_record_form(ui, d, ui_visit_correct_resume);
}

static void resume_contact_correct(struct ui *ui, const struct draft_info *d)
{
	push_record_form(ui, d, ui_contact_correct_resume);
}

static void resume_qol_correct(struct ui *ui, const struct draft_info *d)
{
	push_record_form(ui, d, ui_qol_correct_new);
}

/* A correction of a lab result, imaging note, infusion or adverse event:
 * over its patient, the record's form with the draft loaded. */
static void resume_fix(struct ui *ui, const struct draft_info *d)
{
	int64_t record = 0;
	struct ui_screen *form;
	enum draft_kind k = draft_kind_of(d->form, &record);
	push_over_patient(ui, d->patient_id, NULL);
	if (ui_top(ui) && ui_top(ui)->patient == d->patient_id &&
	    (form = ui_fix_form_new(ui, ui_fix_of_draft(k), d->patient_id, record, true))) {
		if (!form->banner[0])
			strlcpy_(form->banner, ui_top(ui)->banner, sizeof form->banner);
		ui_push(ui, form);
	}
}

/* Which screen resumes each kind of draft (the kinds: draft.h). */
static const ui_resume_fn resumers[DRAFT_KIND_COUNT] = {
    [DRAFT_PATIENT] = resume_patient,
    [DRAFT_EVAL_LABS] = resume_eval,
    [DRAFT_EVAL_IMAGING] = resume_eval,
    [DRAFT_VISIT] = resume_visit,
    [DRAFT_VISIT_LABS] = resume_visit_labs,
    [DRAFT_VISIT_CORRECT] = resume_visit_correct,
    [DRAFT_AE] = resume_ae,
    [DRAFT_INFUSION] = resume_infusion,
    [DRAFT_EXAM] = resume_exam,
    [DRAFT_CONTACT] = resume_contact,
    [DRAFT_QOL] = resume_qol,
    [DRAFT_HISTOLOGY] = resume_histology,
    [DRAFT_MED] = resume_med,
    [DRAFT_PRODUCT] = resume_product,
    [DRAFT_CONTACT_CORRECT] = resume_contact_correct,
    [DRAFT_QOL_CORRECT] = resume_qol_correct,
    [DRAFT_LAB_CORRECT] = resume_fix,
    [DRAFT_IMAGING_CORRECT] = resume_fix,
    [DRAFT_INFUSION_CORRECT] = resume_fix,
    [DRAFT_AE_CORRECT] = resume_fix,
};

/* The framework's tables: what the global keys open, the patient screen,
 * the draft kinds. */
static void register_tables(struct ui *ui)
{
	ui_global_key(ui, ACT_HELP, open_help);
	ui_global_key(ui, ACT_LOOKUP, open_lookup);
	ui_patient_opener(ui, ui_overview_new);
	for (int k = 0; k < DRAFT_KIND_COUNT; k++)
		ui_resume_register(ui, (enum draft_kind)k, resumers[k]);
}

void ui_run_report_slice(int (*slice)(void))
{
	ui_report_slice_hook(slice);
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
	if (!ui_term_utf8())
		ui_msg(&ui, ROLE_WARN,
		       "the locale has no UTF-8: names shown without accents (set LANG=C.UTF-8)");
	ui_resume_offer(&ui);
	ui_loop(&ui);
	ui_term_stop();
	return ui.exit_code;
}
