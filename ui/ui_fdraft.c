/* ui_fdraft.c: form drafts — one line per field, kept while typed. */
#include "ui_fdraft.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "ui_dialog.h"
#include "util.h"

void ui_fdraft_init(struct ui_fdraft *d, const char *form, int64_t patient_id,
		    struct ui_form *fm)
{
	memset(d, 0, sizeof *d);
	strlcpy_(d->form, form, sizeof d->form);
	d->patient_id = patient_id;
	d->fm = fm;
}

void ui_fdraft_done(struct ui_fdraft *d)
{
	free(d->last);
	d->last = NULL;
}

/* "index value" per field, value escaped (\\ and \n); choices by index. */
static char *serialise(const struct ui_form *fm)
{
	struct strbuf sb;
	sb_init(&sb);
	for (int i = 0; i < fm->n; i++) {
		const struct ui_form_field *f = &fm->f[i];
		if (f->kind == UF_CHOICE) {
			sb_addf(&sb, "%d #%d\n", i, f->choice);
			continue;
		}
		sb_addf(&sb, "%d =", i);
		for (const char *p = ui_form_text(fm, i); *p; p++)
			if (*p == '\\' || *p == '\n')
				sb_add(&sb, *p == '\n' ? "\\n" : "\\\\");
			else
				sb_addc(&sb, *p);
		sb_addc(&sb, '\n');
	}
	return sb_take(&sb);
}

static void unescape(char *s)
{
	char *w = s;
	for (char *r = s; *r; r++) {
		if (*r == '\\' && r[1]) {
			r++;
			*w++ = *r == 'n' ? '\n' : *r;
		} else
			*w++ = *r;
	}
	*w = '\0';
}

static void apply_line(struct ui_form *fm, char *line)
{
	char *sp = strchr(line, ' ');
	int i = atoi(line);
	if (!sp || i < 0 || i >= fm->n)
		return;
	struct ui_form_field *f = &fm->f[i];
	if (sp[1] == '#' && f->kind == UF_CHOICE) {
		int c = atoi(sp + 2);
		f->choice = c >= -1 && c < f->nchoices ? c : -1;
		f->saved_choice = f->choice;
	} else if (sp[1] == '=') {
		unescape(sp + 2);
		if (f->kind == UF_TEXT)
			ui_field_set(&f->edit, sp + 2);
		else if (f->kind == UF_MEMO)
			ui_editor_set(&f->memo, sp + 2);
	}
	f->state = UFS_UNCHECKED;
}

static int resume(struct ui *ui, void *arg, bool yes)
{
	struct ui_fdraft *d = arg;
	struct err e = {""};
	char *content = NULL;
	if (!yes) {
		ui_fdraft_drop(d, ui);
		return UI_DONE;
	}
	if (store_draft_load(ui->app->st, d->form, d->patient_id, &content, NULL, &e) != ST_OK)
		return UI_DONE;
	for (char *line = strtok(content, "\n"); line; line = strtok(NULL, "\n"))
		apply_line(d->fm, line);
	free(d->last);
	d->last = serialise(d->fm);
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
	if (store_draft_load(ui->app->st, d->form, d->patient_id, &content, NULL, &e) != ST_OK)
		return;
	free(content);
	ui_confirm(ui, "A draft of this form was kept from an earlier session. Resume it?", resume,
		   d);
}

void ui_fdraft_changed(struct ui_fdraft *d, struct ui *ui)
{
	struct err e = {""};
	char *now = serialise(d->fm);
	if (d->last ? strcmp(now, d->last) == 0 : !d->fm->dirty) {
		free(now);
		return;
	}
	store_set_now(ui->app->st, ui->app->clock());
	enum status s = store_draft_save(ui->app->st, d->form, d->patient_id, now, &e);
	if (s != ST_OK) {
		ui_msg(ui, ROLE_WARN, "the draft could not be kept: %s",
		       e.msg[0] ? e.msg : status_str(s));
		free(now);
		return;
	}
	free(d->last);
	d->last = now;
}

void ui_fdraft_drop(struct ui_fdraft *d, struct ui *ui)
{
	struct err e = {""};
	store_draft_delete(ui->app->st, d->form, d->patient_id, &e);
	free(d->last);
	d->last = NULL;
}
