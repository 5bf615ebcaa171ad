/* ui_draft.c: drafts of form input — keep, load, drop, encode, and the
 * offer to resume at start. */
#include "ui_draft.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "store.h"
#include "ui_ae.h"
#include "ui_dialog.h"
#include "ui_eval.h"
#include "ui_infusion.h"
#include "ui_overview.h"
#include "ui_patient_form.h"
#include "ui_visit.h"
#include "ui_visit_labs.h"

#define DRAFT_OFFER_MAX 9

void ui_draft_init(struct ui_draft *d, const char *form, int64_t patient_id)
{
	strlcpy_(d->form, form, sizeof d->form);
	d->patient_id = patient_id;
	d->last = NULL;
}

void ui_draft_done(struct ui_draft *d)
{
	free(d->last);
	d->last = NULL;
}

void ui_draft_keep(struct ui_draft *d, struct ui *ui, const char *content)
{
	struct err e = {""};
	if (d->last && strcmp(d->last, content) == 0)
		return;
	enum status s = store_draft_save(ui->app->st, d->form, d->patient_id, content, &e);
	if (s != ST_OK) {
		ui_msg(ui, ROLE_WARN, "draft not kept (%s): save the form to keep your input",
		       err_why(&e, s));
		return;
	}
	free(d->last);
	d->last = xstrdup(content);
}

char *ui_draft_load(struct ui_draft *d, struct ui *ui)
{
	struct err e = {""};
	char *content = NULL, when[20];
	int64_t updated = 0;
	enum status s =
	    store_draft_load(ui->app->st, d->form, d->patient_id, &content, &updated, &e);
	if (s != ST_OK) {
		if (s != ST_NOT_FOUND)
			ui_msg(ui, ROLE_WARN, "earlier input could not be read: %s",
			       err_why(&e, s));
		return NULL;
	}
	free(d->last);
	d->last = xstrdup(content);
	ui_msg(ui, ROLE_OK, "restored unsaved input from %s (UTC)",
	       date_format_time(updated, when));
	return content;
}

void ui_draft_drop(struct ui_draft *d, struct ui *ui)
{
	struct err e = {""};
	free(d->last);
	d->last = NULL;
	if (store_draft_delete(ui->app->st, d->form, d->patient_id, &e) != ST_OK)
		ui_msg(ui, ROLE_WARN, "an old draft stays: %s", e.msg);
}

/* The drafts offered at start (one offer per session). */
static struct draft_info offered[DRAFT_OFFER_MAX];
static int noffered;

static void collect(const struct draft_info *d, void *arg)
{
	(void)arg;
	if (noffered < DRAFT_OFFER_MAX)
		offered[noffered++] = *d;
}

/* The patient of a draft, opened under the form that resumes it; false
 * (with the reason) when it cannot be. */
static bool open_patient(struct ui *ui, const struct draft_info *d)
{
	struct patient p;
	struct err e = {""};
	if (store_patient_get(ui->app->st, d->patient_id, &p, &e) != ST_OK) {
		ui_msg(ui, ROLE_WARN, "the patient of that draft cannot be opened: %s", e.msg);
		return false;
	}
	struct ui_screen *ov = ui_overview_new(ui, p.id);
	if (ov)
		ui_push(ui, ov);
	return ov != NULL;
}

/* The form over the patient's overview, under the same banner. */
static void push(struct ui *ui, struct ui_screen *form)
{
	if (!form)
		return;
	if (ui_top(ui))
		strlcpy_(form->banner, ui_top(ui)->banner, sizeof form->banner);
	ui_push(ui, form);
}

static void resume_patient(struct ui *ui, const struct draft_info *d)
{
	if (d->patient_id == 0)
		push(ui, ui_patient_form_resume(ui));
	else if (open_patient(ui, d))
		push(ui, ui_patient_form_edit_resume(ui, d->patient_id));
}

static void resume_eval(struct ui *ui, const struct draft_info *d)
{
	struct patient p;
	struct err e = {""};
	if (open_patient(ui, d) && store_patient_get(ui->app->st, d->patient_id, &p, &e) == ST_OK)
		push(ui, ui_eval_new(ui, &p));
}

static void resume_visit(struct ui *ui, const struct draft_info *d)
{
	if (open_patient(ui, d))
		push(ui, ui_visit_resume(ui, d->patient_id));
}

static void resume_visit_labs(struct ui *ui, const struct draft_info *d)
{
	if (open_patient(ui, d))
		push(ui, ui_visit_labs_resume(ui, d->patient_id));
}

static void resume_visit_correct(struct ui *ui, const struct draft_info *d)
{
	int64_t visit_id = 0;
	draft_kind_of(d->form, &visit_id);
	if (open_patient(ui, d))
		push(ui, ui_visit_correct_resume(ui, d->patient_id, visit_id));
}

static void resume_ae(struct ui *ui, const struct draft_info *d)
{
	if (open_patient(ui, d))
		push(ui, ui_ae_resume(ui, d->patient_id));
}

static void resume_infusion(struct ui *ui, const struct draft_info *d)
{
	if (open_patient(ui, d))
		push(ui, ui_infusion_resume(ui, d->patient_id));
}

/* Which screen resumes each kind of draft (the kinds: draft.h). */
static void (*const resumers[DRAFT_KIND_COUNT])(struct ui *, const struct draft_info *) = {
    [DRAFT_PATIENT] = resume_patient,
    [DRAFT_EVAL_LABS] = resume_eval,
    [DRAFT_EVAL_IMAGING] = resume_eval,
    [DRAFT_VISIT] = resume_visit,
    [DRAFT_VISIT_LABS] = resume_visit_labs,
    [DRAFT_VISIT_CORRECT] = resume_visit_correct,
    [DRAFT_AE] = resume_ae,
    [DRAFT_INFUSION] = resume_infusion,
};

const struct ui_draft_kind *ui_draft_kinds(size_t *n)
{
	static struct ui_draft_kind rows[DRAFT_KIND_COUNT];
	for (int k = 0; k < DRAFT_KIND_COUNT; k++)
		rows[k] =
		    (struct ui_draft_kind){draft_kind_form((enum draft_kind)k),
					   draft_kind_title((enum draft_kind)k, 1), resumers[k]};
	*n = DRAFT_KIND_COUNT;
	return rows;
}

static int resume(struct ui *ui, void *arg, int index)
{
	const struct draft_info *d = &offered[index];
	enum draft_kind k = draft_kind_of(d->form, NULL);
	(void)arg;
	if (k == DRAFT_KIND_NONE) {
		ui_msg(ui, ROLE_WARN, "this version cannot open a draft of form %s", d->form);
		return UI_DONE;
	}
	size_t n;
	ui_draft_kinds(&n)[k].resume(ui, d);
	return UI_DONE;
}

static void describe(const struct draft_info *d, char *buf, size_t n)
{
	char when[20];
	snprintf(buf, n, "%s%s%s%s%s  (%s)", draft_title(d), d->patient_id ? " of " : "", d->name,
		 d->patient_id ? " MRN " : "", d->mrn, date_format_time(d->updated, when));
}

void ui_draft_offer(struct ui *ui)
{
	struct err e = {""};
	char text[DRAFT_OFFER_MAX][2048];
	const char *items[DRAFT_OFFER_MAX];
	noffered = 0;
	if (store_draft_each(ui->app->st, collect, NULL, &e) != ST_OK || noffered == 0)
		return;
	for (int i = 0; i < noffered; i++) {
		describe(&offered[i], text[i], sizeof text[i]);
		items[i] = text[i];
	}
	ui_pick(ui, "Unsaved input from an earlier session: Enter resumes, Esc later", items,
		noffered, 0, resume, NULL);
	ui_msg(ui, ROLE_WARN, "you have unsaved input from an earlier session (Esc: decide later)");
}
