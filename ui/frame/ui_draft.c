/* ui_draft.c: drafts of form input — keep, load, drop. The offer to resume
 * at start is ui_resume.c, through the draft kinds the app registers. */
#include "ui_draft.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "store.h"
#include "uc_draft.h"

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
	bool in_file = false;
	enum status s = uc_draft_keep(ui->app, d->form, d->patient_id, content, &in_file, &e);
	if (s != ST_OK) {
		ui_msg(ui, ROLE_WARN, "draft not kept (%s): save the form to keep your input",
		       err_why(&e, s));
		return;
	}
	if (in_file)
		ui_msg(ui, ROLE_WARN,
		       "the database cannot take your draft: kept in a private file, your "
		       "next session offers it");
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
	if (uc_draft_drop(ui->app, d->form, d->patient_id, &e) != ST_OK)
		ui_msg(ui, ROLE_WARN, "an old draft stays: %s", e.msg);
}
