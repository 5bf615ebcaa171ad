/* ui_fdraft.c: a ui_form kept as a draft through ui_draft (the form's own
 * encoding), offered back when the form opens. */
#include "ui_fdraft.h"

#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "ui_dialog.h"
#include "util.h"

void ui_fdraft_init(struct ui_fdraft *d, const char *form, int64_t patient_id, struct ui_form *fm)
{
	memset(d, 0, sizeof *d);
	ui_draft_init(&d->draft, form, patient_id);
	d->fm = fm;
}

void ui_fdraft_done(struct ui_fdraft *d)
{
	ui_draft_done(&d->draft);
}

static int resume(struct ui *ui, void *arg, bool yes)
{
	struct ui_fdraft *d = arg;
	if (!yes) {
		ui_fdraft_drop(d, ui);
		return UI_DONE;
	}
	char *content = ui_draft_load(&d->draft, ui);
	if (!content)
		return UI_DONE;
	ui_form_decode(d->fm, content);
	free(content);
	d->fm->dirty = true;
	if (d->applied)
		d->applied(d->owner, ui);
	ui_msg(ui, ROLE_OK, "draft resumed: check the fields and save with F2");
	return UI_DONE;
}

void ui_fdraft_offer(struct ui_fdraft *d, struct ui *ui)
{
	struct err e = {""};
	char *content = NULL;
	if (d->offered)
		return;
	d->offered = true;
	if (store_draft_load(ui->app->st, d->draft.form, d->draft.patient_id, &content, NULL, &e) !=
	    ST_OK)
		return;
	free(content);
	ui_confirm(ui, "A draft of this form was kept from an earlier session. Resume it?", resume,
		   d);
}

void ui_fdraft_changed(struct ui_fdraft *d, struct ui *ui)
{
	if (!d->fm->dirty)
		return;
	struct strbuf sb;
	sb_init(&sb);
	ui_form_encode(d->fm, &sb);
	ui_draft_keep(&d->draft, ui, sb_str(&sb));
	sb_done(&sb);
}

void ui_fdraft_drop(struct ui_fdraft *d, struct ui *ui)
{
	ui_draft_drop(&d->draft, ui);
}
