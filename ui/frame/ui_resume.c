/* ui_resume.c: the registry of draft kinds and the resume menu at start. */
#include "ui_resume.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "store.h"
#include "ui_dialog.h"

#define RESUME_OFFER_MAX 9

bool ui_resume_register(struct ui *ui, const struct ui_draft_kind *k)
{
	if (ui->nkinds >= UI_DRAFT_KINDS_MAX)
		return false;
	for (int i = 0; i < ui->nkinds; i++)
		if (strcmp(ui->kinds[i]->form_prefix, k->form_prefix) == 0)
			return false;
	ui->kinds[ui->nkinds++] = k;
	return true;
}

static bool kind_matches(const struct ui_draft_kind *k, const char *form)
{
	size_t n = strlen(k->form_prefix);
	if (n > 0 && k->form_prefix[n - 1] == '.')
		return strncmp(form, k->form_prefix, n) == 0 && form[n] != '\0';
	return strcmp(form, k->form_prefix) == 0;
}

const struct ui_draft_kind *ui_resume_kind(const struct ui *ui, const char *form)
{
	for (int i = 0; i < ui->nkinds; i++)
		if (kind_matches(ui->kinds[i], form))
			return ui->kinds[i];
	return NULL;
}

void ui_resume_describe(const struct ui *ui, const struct draft_info *d, char *buf, size_t n)
{
	char when[20];
	const struct ui_draft_kind *k = ui_resume_kind(ui, d->form);
	const char *title = !k ? d->form : !d->patient_id && k->title_new ? k->title_new : k->title;
	snprintf(buf, n, "%s%s%s%s%s  (%s)", title, d->patient_id ? " of " : "", d->name,
		 d->patient_id ? " MRN " : "", d->mrn, date_format_time(d->updated, when));
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

static int resume(struct ui *ui, void *arg, int index)
{
	const struct draft_info *d = &offered[index];
	const struct ui_draft_kind *k = ui_resume_kind(ui, d->form);
	(void)arg;
	if (!k)
		ui_msg(ui, ROLE_WARN, "draft %s: no form of this program resumes it", d->form);
	else
		k->resume(ui, d);
	return UI_DONE;
}

void ui_resume_offer(struct ui *ui)
{
	struct err e = {""};
	char text[RESUME_OFFER_MAX][2048];
	const char *items[RESUME_OFFER_MAX];
	noffered = 0;
	if (store_draft_each(ui->app->st, collect, NULL, &e) != ST_OK || noffered == 0)
		return;
	for (int i = 0; i < noffered; i++) {
		ui_resume_describe(ui, &offered[i], text[i], sizeof text[i]);
		items[i] = text[i];
	}
	ui_pick(ui, "Unsaved input from an earlier session: Enter resumes, Esc later", items,
		noffered, 0, resume, NULL);
	ui_msg(ui, ROLE_WARN, "you have unsaved input from an earlier session (Esc: decide later)");
}
