/* ui_formdef.c: the form engine — a field table drawn, checked, kept as a
 * draft, resumed and saved; see ui_formdef.h. */
#include "ui_formdef.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "ui_dialog.h"
#include "ui_draw.h"
#include "ui_prompt.h"
#include "util.h"
#include "visit.h"

#define FF_QUESTION_MAX 900

static void *at(const struct ui_fform *ff, size_t off)
{
	return (char *)ff->rec + off;
}

static const char *field_name(const struct ui_fform *ff, int i)
{
	const struct ui_fielddef *fd = &ff->def->fields[i];
	return fd->name ? fd->name : ff->f[i].label;
}

/* "Relation: choose one of unrelated, unlikely, ..." into e. */
static enum status choose_one(const struct ui_fform *ff, int i, struct err *e)
{
	char list[ERR_MSG_MAX / 2] = "";
	const struct ui_form_field *f = &ff->f[i];
	for (int c = 0; c < f->nchoices && strlen(list) + 40 < sizeof list; c++)
		snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", c ? ", " : "",
			 f->choices[c]);
	return err_set(e, ST_INVALID, "%s: none chosen; choose one of %s (Space lists them)",
		       field_name(ff, i), list);
}

static enum status check_kind(struct ui_fform *ff, int i, const char *t, struct err *e)
{
	const struct ui_fielddef *fd = &ff->def->fields[i];
	bool empty = *t == '\0' && fd->optional;
	enum status s = ST_OK;
	switch (fd->kind) {
	case FK_NUMBER:
		*(double *)at(ff, fd->off) = NAN;
		if (empty)
			return ST_OK;
		if (fd->vital)
			return vital_parse((enum vital_id)(fd->vital - 1), t, false,
					   at(ff, fd->off), e);
		return fd->number(t, at(ff, fd->off), e);
	case FK_DATE:
		*(day_t *)at(ff, fd->off) = DAY_NONE;
		return empty ? ST_OK
			     : date_parse_field(field_name(ff, i), t, ff->today, false,
						at(ff, fd->off), e);
	case FK_TIME:
		return visit_parse_time(field_name(ff, i), t, ff->tz, ff->clock(), at(ff, fd->off),
					at(ff, fd->off_day), e);
	case FK_CHOICE:
		*(int *)at(ff, fd->off) = ff->f[i].choice;
		return ff->f[i].choice < 0 && !fd->optional ? choose_one(ff, i, e) : ST_OK;
	default:
		s = fd->text ? fd->text(t, e) : ST_OK;
		if (s != ST_INVALID)
			strlcpy_(at(ff, fd->off), t, fd->size);
		return s;
	}
}

/* ui_form's check: the field's own check or its kind's model validator. */
static enum status ff_check(void *owner, int i, bool confirmed, struct err *e)
{
	struct ui_fform *ff = owner;
	const struct ui_fielddef *fd = &ff->def->fields[i];
	const char *t = ui_form_text(&ff->form, i);
	enum status s = fd->check ? fd->check(ff, fd, t, e) : check_kind(ff, i, t, e);
	return s == ST_CONFIRM && confirmed ? ST_OK : s;
}

/* A draft of an existing record remembers the version it started from
 * (issue 13): resumed onto a record changed since, the save then meets the
 * version check and shows both versions instead of reverting the change. */
#define DRAFT_VERSION_KEY "@record version"

static int64_t *rec_version(const struct ui_fform *ff)
{
	return (int64_t *)at(ff, ff->def->version_off);
}

/* A form over a stored record (version 1 or later), not a new one. */
static bool versioned(const struct ui_fform *ff)
{
	return ff->def->version_off != 0 && ff->started_version > 0;
}

static void keep(struct ui_fform *ff, struct ui *ui)
{
	struct strbuf sb;
	sb_init(&sb);
	ui_form_encode(&ff->form, &sb);
	if (versioned(ff)) {
		char v[24];
		snprintf(v, sizeof v, "%lld", (long long)ff->started_version);
		draft_put(&sb, DRAFT_VERSION_KEY, v);
	}
	ui_draft_keep(&ff->draft, ui, sb_str(&sb));
	sb_done(&sb);
}

static void ff_draft(struct ui_screen *s, struct ui *ui, bool keep_it)
{
	struct ui_fform *ff = (struct ui_fform *)s;
	if (keep_it)
		keep(ff, ui);
	else
		ui_draft_drop(&ff->draft, ui);
}

/* Resume the draft; true when the record changed since the draft began
 * (the form then carries the draft's version, so saving conflicts). */
static bool load(struct ui_fform *ff, struct ui *ui)
{
	char *content = ui_draft_load(&ff->draft, ui);
	char v[24], *end;
	long long was = 0;
	bool changed = false;
	if (!content)
		return false;
	ui_form_decode(&ff->form, content);
	if (versioned(ff) && draft_get(content, DRAFT_VERSION_KEY, v, sizeof v)) {
		errno = 0;
		was = strtoll(v, &end, 10);
		if (errno || end == v || *end || was < 1)
			was = *rec_version(ff); /* unreadable: treat as unchanged */
	}
	if (versioned(ff) && was != 0 && was != *rec_version(ff)) {
		changed = true;
		ff->started_version = was;
		*rec_version(ff) = was;
	}
	free(content);
	ff->form.dirty = ff->base.dirty = true;
	return changed;
}

static void resumed_msg(struct ui *ui, bool changed)
{
	if (changed)
		ui_msg(ui, ROLE_WARN,
		       "the record was changed since this draft began: saving shows both versions "
		       "and lets you choose");
	else
		ui_msg(ui, ROLE_OK, "draft resumed: check the fields and save with F2");
}

static int resume_answer(struct ui *ui, void *arg, bool yes)
{
	struct ui_fform *ff = arg;
	if (!yes) {
		ui_draft_drop(&ff->draft, ui);
		return UI_DONE;
	}
	resumed_msg(ui, load(ff, ui));
	return UI_DONE;
}

/* Once, at the first draw: a draft kept from an earlier session? */
static void offer(struct ui_fform *ff, struct ui *ui)
{
	struct err e = {""};
	char *content = NULL;
	if (ff->offered)
		return;
	ff->offered = true;
	if (store_draft_load(ui->app->st, ff->draft.form, ff->draft.patient_id, &content, NULL,
			     &e) != ST_OK)
		return;
	free(content);
	ui_confirm(ui, "A draft of this form was kept from an earlier session. Resume it?",
		   resume_answer, ff);
}

static int rows_needed(const struct ui_fform *ff)
{
	int n = 0;
	for (int i = 0; i < ff->def->n; i++)
		n += ff->f[i].kind == UF_MEMO ? ff->f[i].memo_rows : 1;
	return n;
}

static void ff_draw(struct ui_screen *s, struct ui *ui)
{
	struct ui_fform *ff = (struct ui_fform *)s;
	ui_put(ui->body, 0, 0, ui->cols, ROLE_TITLE, ff->heading);
	ui_form_draw(&ff->form, ui, rows_needed(ff) + 2 <= ui->rows ? 2 : 1);
	if (ff->def->draw_more)
		ff->def->draw_more(ff, ui);
	offer(ff, ui);
}

static int save(struct ui_fform *ff, struct ui *ui);

void ui_fform_finish(struct ui_fform *ff, struct ui *ui)
{
	ui_draft_drop(&ff->draft, ui);
	ff->base.dirty = false;
	ui_remove(ui, &ff->base); /* freed after this key; a prompt above stays */
	if (ff->def->after)
		ff->def->after(ff, ui);
}

static int saved(struct ui_fform *ff, struct ui *ui)
{
	ui_fform_finish(ff, ui);
	return UI_DONE;
}

static int confirm_answer(struct ui *ui, void *arg, bool yes)
{
	struct ui_fform *ff = arg;
	ff->confirmed = yes;
	return yes ? save(ff, ui) : UI_DONE;
}

/* y keeps the nurse's version over the one stored meanwhile (theirs stays
 * in the audit trail); n takes theirs and closes the form. */
static int conflict_answer(struct ui *ui, void *arg, bool yes)
{
	struct ui_fform *ff = arg;
	if (yes)
		return save(ff, ui);
	ui_draft_drop(&ff->draft, ui);
	ff->base.dirty = false;
	ui_pop(ui);
	ui_msg(ui, ROLE_HINT, "kept the other version; your changes were not saved");
	return UI_DONE;
}

static int conflict(struct ui_fform *ff, struct ui *ui, struct err *e)
{
	char a[300], b[300], q[FF_QUESTION_MAX];
	if (!ff->def->describe) {
		ui_msg(ui, ROLE_CRITICAL, "not saved: %s", err_why(e, ST_CONFLICT));
		return UI_DONE;
	}
	ff->def->describe(ff, ff->theirs, a, sizeof a);
	ff->def->describe(ff, ff->rec, b, sizeof b);
	snprintf(q, sizeof q,
		 "Someone else saved this %s after you opened it. Theirs: %s. Yours: %s. "
		 "y keeps yours (theirs stays in the audit trail); n takes theirs.",
		 ff->def->noun, a, b);
	/* Saving again over the version now stored is what "keep yours" means. */
	memcpy(at(ff, ff->def->version_off), (char *)ff->theirs + ff->def->version_off,
	       sizeof(int64_t));
	ui_confirm(ui, q, conflict_answer, ff);
	return UI_DONE;
}

/* The reason asked for a warning (def->confirm_reason): saved with it, the
 * form and this prompt close, and what follows the form opens on top. */
static enum status reason_given(struct ui *ui, void *arg, const char *const *values, struct err *e)
{
	struct ui_fform *ff = arg;
	strlcpy_(ff->reason, values[0], sizeof ff->reason);
	enum status s = ff->def->save(ff, ui, true, e);
	if (s == ST_OK)
		ui_fform_finish(ff, ui); /* the prompt goes when this returns */
	return s;
}

static void ask_reason(struct ui_fform *ff, struct ui *ui, const char *why)
{
	static const struct ui_prompt_field f[] = {
	    {"Reason", "why, kept in the audit trail", UF_TEXT, 50, UI_FORM_REASON_MAX, NULL, NULL,
	     0, true},
	};
	ui_prompt(ui, "A reason is needed", why, f, 1, reason_given, ff);
}

static int save(struct ui_fform *ff, struct ui *ui)
{
	struct err e = {""};
	char q[ERR_MSG_MAX + 40];
	if (!ui_form_valid(&ff->form, ui))
		return UI_DONE;
	enum status s = ff->def->save(ff, ui, ff->confirmed, &e);
	if (s == ST_OK && ff->pending) { /* a dialog finishes it (ui_fform_finish) */
		ff->pending = false;
		return UI_DONE;
	}
	if (s == ST_OK)
		return saved(ff, ui);
	if (s == ST_CONFIRM && !ff->confirmed && ff->def->confirm_reason) {
		ask_reason(ff, ui, e.msg);
	} else if (s == ST_CONFIRM && !ff->confirmed) {
		snprintf(q, sizeof q, "%s. Record it as it is?", e.msg);
		ui_confirm(ui, q, confirm_answer, ff);
	} else if (s == ST_CONFLICT) {
		return conflict(ff, ui, &e);
	} else {
		ui_msg(ui, ROLE_CRITICAL, "not saved: %s", err_why(&e, s));
	}
	return UI_DONE;
}

static int ff_key(struct ui_screen *s, struct ui *ui, int key)
{
	struct ui_fform *ff = (struct ui_fform *)s;
	if (ui_key_is(key, ACT_SAVE))
		return save(ff, ui);
	int r = ff->def->key ? ff->def->key(ff, ui, key) : UI_PASS;
	if (r == UI_PASS)
		r = ui_form_key(&ff->form, ui, key);
	ff->base.dirty = ff->form.dirty;
	if (ff->form.dirty)
		keep(ff, ui); /* unchanged content is not written again */
	return r;
}

void ui_fform_free(struct ui_fform *ff)
{
	if (!ff)
		return;
	ui_draft_done(&ff->draft);
	ui_form_done(&ff->form);
	free(ff->items);
	free(ff->hints);
	free(ff->f);
	free(ff->rec);
	free(ff->theirs);
	free(ff->ctx);
	free((void *)ff->base.ops);
	free(ff);
}

static void ff_done(struct ui_screen *s)
{
	ui_fform_free((struct ui_fform *)s);
}

static int count_items(const struct ui_formdef *def)
{
	int n = 0;
	for (int i = 0; i < def->n; i++)
		n += def->fields[i].kind == FK_CHOICE ? def->fields[i].nchoices : 0;
	return n;
}

/* The accepted range of a vital as a field's hint ("30-45", "0-3"):
 * made once per vital from the table, valid for the program's life. */
static const char *vital_hint(enum vital_id id)
{
	static char hints[VITAL_COUNT][48];
	const struct vital *v = vital_get(id);
	if (!hints[id][0])
		snprintf(hints[id], sizeof hints[id], "%g-%g", v->hard_lo, v->hard_hi);
	return hints[id];
}

static void field_from_def(struct ui_fform *ff, int i, const char **items)
{
	const struct ui_fielddef *fd = &ff->def->fields[i];
	struct ui_form_field *f = &ff->f[i];
	static const enum ui_form_kind widget[] = {UF_TEXT, UF_TEXT,   UF_TEXT,
						   UF_TEXT, UF_CHOICE, UF_MEMO};
	const struct vital *v = fd->vital ? vital_get((enum vital_id)(fd->vital - 1)) : NULL;
	const char *hint = v && !fd->hint ? vital_hint(v->id) : fd->hint;
	if (hint && strchr(hint, '{')) {
		/* Key names come from the key table ("{=CHOOSE}: list"). */
		ui_key_format(hint, ~0u, ff->hints[i], sizeof ff->hints[i]);
		hint = ff->hints[i];
	}
	ui_form_field_set(f, fd->label, hint, widget[fd->kind], fd->width, fd->max);
	f->unit = v && v->unit[0] ? v->unit : fd->unit;
	f->memo_rows = fd->rows;
	if (fd->kind != FK_CHOICE)
		return;
	for (int c = 0; c < fd->nchoices; c++)
		items[c] = fd->choice_label(c);
	ui_form_field_choices(f, items, fd->nchoices, fd->none);
	f->choice = f->saved_choice = fd->first;
}

struct ui_fform *ui_fform_new(const struct ui_formdef *def, struct ui *ui, int64_t patient_id,
			      int64_t record_id, size_t ctx_size)
{
	struct ui_fform *ff = xcalloc(1, sizeof *ff);
	struct ui_screen_ops *ops = xcalloc(1, sizeof *ops);
	*ops = (struct ui_screen_ops){def->title, ff_draw,    ff_key,	 NULL,
				      ff_done,	  def->hints, def->help, ff_draft};
	ff->base.ops = ops;
	ff->base.patient = patient_id;
	ff->def = def;
	ff->f = xcalloc((size_t)def->n, sizeof *ff->f);
	ff->items = xcalloc((size_t)count_items(def) + 1, sizeof *ff->items);
	ff->hints = xcalloc((size_t)def->n, sizeof *ff->hints);
	ff->rec = xcalloc(1, def->rec_size);
	ff->theirs = xcalloc(1, def->rec_size);
	ff->ctx = ctx_size ? xcalloc(1, ctx_size) : NULL;
	strlcpy_(ff->heading, def->heading, sizeof ff->heading);
	ff->today = app_today(ui->app);
	ff->tz = ui->app->cfg.tz_offset_minutes * 60;
	ff->clock = ui->app->clock;
	ff->patient_id = patient_id;
	ff->record_id = record_id;
	for (int i = 0, k = 0; i < def->n; i++) {
		field_from_def(ff, i, ff->items + k);
		k += def->fields[i].kind == FK_CHOICE ? def->fields[i].nchoices : 0;
	}
	ui_form_init(&ff->form, ff->f, def->n, ff_check, ff, def->note_max);
	return ff;
}

void ui_fform_choices(struct ui_fform *ff, int i, const char *const *items, int n)
{
	ui_form_field_choices(&ff->f[i], items, n, ff->f[i].none);
	if (ff->f[i].choice >= n)
		ff->f[i].choice = ff->f[i].saved_choice = n - 1;
}

void ui_fform_set(struct ui_fform *ff, int i, const char *text)
{
	struct ui_form_field *f = &ff->f[i];
	long c;
	if (f->kind == UF_TEXT)
		ui_field_set(&f->edit, text);
	else if (f->kind == UF_MEMO)
		ui_editor_set(&f->memo, text);
	else if (parse_long(text, -1, f->nchoices - 1, &c))
		ui_fform_choose(ff, i, (int)c);
}

void ui_fform_choose(struct ui_fform *ff, int i, int choice)
{
	ff->f[i].choice = ff->f[i].saved_choice = choice < ff->f[i].nchoices ? choice : -1;
}

static void fill_field(struct ui_fform *ff, int i)
{
	const struct ui_fielddef *fd = &ff->def->fields[i];
	char buf[32] = "";
	double d;
	switch (fd->kind) {
	case FK_NUMBER:
		d = *(double *)at(ff, fd->off);
		if (!isnan(d))
			snprintf(buf, sizeof buf, "%g", d);
		break;
	case FK_DATE:
		date_format(*(day_t *)at(ff, fd->off), buf);
		break;
	case FK_TIME:
		visit_format_time(*(int64_t *)at(ff, fd->off), ff->tz, buf);
		break;
	case FK_CHOICE:
		ui_fform_choose(ff, i, *(int *)at(ff, fd->off));
		return;
	default:
		ui_fform_set(ff, i, at(ff, fd->off));
		return;
	}
	ui_fform_set(ff, i, buf);
}

void ui_fform_fill(struct ui_fform *ff)
{
	for (int i = 0; i < ff->def->n; i++)
		if (!ff->def->fields[i].check)
			fill_field(ff, i);
}

struct ui_screen *ui_fform_ready(struct ui_fform *ff, struct ui *ui, bool resume)
{
	char name[DRAFT_FORM_MAX + 1];
	ui_draft_init(&ff->draft, draft_form_name(ff->def->kind, ff->record_id, name),
		      ff->patient_id);
	ff->offered = resume;
	ff->started_version = ff->def->version_off ? *rec_version(ff) : 0;
	/* Resumed from the start-up list, which says it restored the input;
	 * a record changed since is said over it. */
	if (resume && load(ff, ui))
		resumed_msg(ui, true);
	return &ff->base;
}

const char *ui_fform_text(const struct ui_fform *ff, int i)
{
	return ui_form_text(&ff->form, i);
}

int ui_fform_choice(const struct ui_fform *ff, int i)
{
	return ff->f[i].choice;
}

void ui_fform_changed(struct ui_fform *ff, struct ui *ui, int i)
{
	ff->f[i].state = UFS_UNCHECKED;
	ff->form.dirty = ff->base.dirty = true;
	keep(ff, ui);
}
