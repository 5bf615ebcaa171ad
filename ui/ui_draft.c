/* ui_draft.c: drafts of form input — keep, load, drop, encode, and the
 * offer to resume at start. */
#include "ui_draft.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "store.h"
#include "ui_dashboard.h"
#include "ui_dialog.h"
#include "ui_eval.h"
#include "ui_overview.h"
#include "ui_patient_form.h"
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

static int resume(struct ui *ui, void *arg, int index)
{
	const struct draft_info *d = &offered[index];
	struct patient p;
	struct err e = {""};
	(void)arg;
	if (strcmp(d->form, UI_DRAFT_PATIENT) == 0 && d->patient_id == 0) {
		ui_push(ui, ui_patient_form_new(ui));
		return UI_DONE;
	}
	if (store_patient_get(ui->app->st, d->patient_id, &p, &e) != ST_OK) {
		ui_msg(ui, ROLE_WARN, "the patient of that draft cannot be opened: %s", e.msg);
		return UI_DONE;
	}
	struct ui_screen *ov = ui_overview_new(ui, p.id), *form = NULL;
	if (!ov)
		return UI_DONE;
	ui_push(ui, ov);
	/* The form the draft was typed in, over the patient's overview. */
	if (strcmp(d->form, UI_DRAFT_PATIENT) == 0)
		form = ui_patient_form_edit(ui, p.id);
	else if (strcmp(d->form, UI_DRAFT_VISIT_LABS) == 0)
		form = ui_visit_labs_resume(ui, p.id);
	else if (!ui_dashboard_resume(ui, d->form, p.id))
		form = ui_eval_new(ui, &p);
	if (form)
		ui_push(ui, form);
	return UI_DONE;
}

static void describe(const struct draft_info *d, char *buf, size_t n)
{
	char when[20];
	const char *what =
	    strcmp(d->form, UI_DRAFT_PATIENT) == 0
		? (d->patient_id ? "Patient details" : "New patient form")
	    : strcmp(d->form, UI_DRAFT_VISIT_LABS) == 0 ? "Visit labs"
	    : strcmp(d->form, UI_DRAFT_LABS) == 0	? "Labs"
	    : strcmp(d->form, UI_DRAFT_IMAGING) == 0	? "Imaging note"
	    : strncmp(d->form, UI_DRAFT_VISIT_CORRECT, strlen(UI_DRAFT_VISIT_CORRECT)) == 0
		? "Correction of a visit"
		: d->form;
	snprintf(buf, n, "%s%s%s%s%s  (%s)", what, d->patient_id ? " of " : "", d->name,
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
