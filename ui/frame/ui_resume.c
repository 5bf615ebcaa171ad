/* ui_resume.c: the registry of draft kinds and the resume menu at start. */
#include "ui_resume.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "store.h"
#include "uc_draft.h"
#include "ui_dialog.h"

#define RESUME_OFFER_MAX 9

void ui_resume_register(struct ui *ui, enum draft_kind k, ui_resume_fn fn)
{
	if (k > DRAFT_KIND_NONE && k < DRAFT_KIND_COUNT)
		ui->resume[k] = fn;
}

void ui_resume_describe(const struct draft_info *d, char *buf, size_t n)
{
	char when[20];
	snprintf(buf, n, "%s%s%s%s%s  (%s)", draft_title(d), d->patient_id ? " of " : "", d->name,
		 d->patient_id ? " MRN " : "", d->mrn, date_format_time(d->updated, when));
}

void ui_resume(struct ui *ui, const struct draft_info *d)
{
	enum draft_kind k = draft_kind_of(d->form, NULL);
	if (k == DRAFT_KIND_NONE || !ui->resume[k])
		ui_msg(ui, ROLE_WARN, "draft %s: no form of this program resumes it", d->form);
	else
		ui->resume[k](ui, d);
}

/* The drafts offered at start (one offer per session). */
static struct draft_info offered[RESUME_OFFER_MAX];
static int noffered;

static void collect(const struct draft_info *d, void *arg)
{
	(void)arg;
	if (noffered < RESUME_OFFER_MAX)
		offered[noffered++] = *d;
}

static int resume_chosen(struct ui *ui, void *arg, int index)
{
	(void)arg;
	ui_resume(ui, &offered[index]);
	return UI_DONE;
}

void ui_resume_offer(struct ui *ui)
{
	struct err e = {""};
	char text[RESUME_OFFER_MAX][2048];
	const char *items[RESUME_OFFER_MAX];
	int moved = 0;
	noffered = 0;
	/* Drafts an earlier session could only keep in files come in first. */
	if (uc_draft_import(ui->app, &moved, &e) != ST_OK)
		ui_msg(ui, ROLE_WARN, "drafts kept in files stay there: %s", e.msg);
	if (store_draft_each(ui->app->st, collect, NULL, &e) != ST_OK || noffered == 0)
		return;
	for (int i = 0; i < noffered; i++) {
		ui_resume_describe(&offered[i], text[i], sizeof text[i]);
		items[i] = text[i];
	}
	ui_pick(ui, "Unsaved input from an earlier session: Enter resumes, Esc later", items,
		noffered, 0, resume_chosen, NULL);
	ui_msg(ui, ROLE_WARN, "you have unsaved input from an earlier session (Esc: decide later)");
}
