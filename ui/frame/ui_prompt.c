/* ui_prompt.c: a few values asked in a small form, saved by the caller. */
#include "ui_prompt.h"

#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "ui_draw.h"
#include "util.h"

struct prompt {
	struct ui_screen base;
	struct ui_form form;
	struct ui_form_field f[UI_PROMPT_MAX];
	bool required[UI_PROMPT_MAX];
	char *title, *intro;
	ui_prompt_fn fn;
	void *arg;
};

static const enum ui_action prompt_hints[] = {ACT_HELP, ACT_NEXT, ACT_SAVE, ACT_BACK, ACT_NONE};

/* The form only refuses empty required fields: what a value means is the
 * caller's model call, at save. */
static enum status prompt_check(void *owner, int i, bool confirmed, struct err *e)
{
	struct prompt *p = owner;
	if (p->required[i] && !*ui_form_text(&p->form, i))
		return err_set(e, ST_INVALID, "%s: required", p->f[i].label);
	return ST_OK;
}

static void prompt_draw(struct ui_screen *s, struct ui *ui)
{
	struct prompt *p = (struct prompt *)s;
	int y = 2;
	ui_put(ui->body, 0, 0, ui->cols, ROLE_TITLE, p->title);
	if (p->intro)
		y += ui_wrap(ui->body, 1, 0, ui->cols, 4, ROLE_DIM, p->intro) + 1;
	ui_form_draw(&p->form, ui, y);
}

static int prompt_save(struct prompt *p, struct ui *ui)
{
	const char *values[UI_PROMPT_MAX];
	struct err e = {""};
	if (!ui_form_valid(&p->form, ui))
		return UI_DONE;
	for (int i = 0; i < p->form.n; i++)
		values[i] = ui_form_text(&p->form, i);
	enum status s = p->fn(ui, p->arg, values, &e);
	if (s != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "not saved: %s", err_why(&e, s));
		return UI_DONE;
	}
	p->base.dirty = false;
	return UI_POP;
}

static int prompt_key(struct ui_screen *s, struct ui *ui, int key)
{
	struct prompt *p = (struct prompt *)s;
	if (ui_key_is(key, ACT_SAVE))
		return prompt_save(p, ui);
	int r = ui_form_key(&p->form, ui, key);
	p->base.dirty = p->form.dirty;
	return r;
}

static void prompt_done(struct ui_screen *s)
{
	struct prompt *p = (struct prompt *)s;
	ui_form_done(&p->form);
	free(p->title);
	free(p->intro);
	free(p);
}

static const struct ui_screen_ops prompt_ops = {
    "Enter values",
    prompt_draw,
    prompt_key,
    NULL,
    prompt_done,
    prompt_hints,
    "Fill in the fields ({NEXT} or {ENTER} moves on; in a choice {CHOOSE} change it) and "
    "press {SAVE}: the values are checked and stored, or the reason they are refused is "
    "shown on the message line. {BACK} leaves without storing.",
    .scope = SC_FORM | SC_TEXT,
};

static void prompt_field(struct prompt *p, int i, const struct ui_prompt_field *in,
			 size_t *memo_max)
{
	struct ui_form_field *f = &p->f[i];
	f->label = in->label;
	f->hint = in->hint;
	f->kind = in->kind;
	f->width = in->width;
	f->choice = -1;
	p->required[i] = in->required;
	if (in->kind == UF_TEXT)
		ui_field_init(&f->edit, in->max);
	if (in->kind == UF_CHOICE) {
		f->choices = in->choices;
		f->nchoices = in->nchoices;
	}
	if (in->kind == UF_MEMO) {
		f->memo_rows = 3;
		*memo_max = in->max > *memo_max ? in->max : *memo_max;
	}
}

void ui_prompt(struct ui *ui, const char *title, const char *intro, const struct ui_prompt_field *f,
	       int n, ui_prompt_fn fn, void *arg)
{
	struct prompt *p = xcalloc(1, sizeof *p);
	size_t memo_max = 0;
	p->base.ops = &prompt_ops;
	p->title = xstrdup(title);
	p->intro = intro ? xstrdup(intro) : NULL;
	p->fn = fn;
	p->arg = arg;
	n = n < UI_PROMPT_MAX ? n : UI_PROMPT_MAX;
	for (int i = 0; i < n; i++)
		prompt_field(p, i, &f[i], &memo_max);
	ui_form_init(&p->form, p->f, n, prompt_check, p, memo_max ? memo_max : 1);
	for (int i = 0; i < n; i++) {
		if (f[i].value && f[i].kind == UF_TEXT)
			ui_field_set(&p->f[i].edit, f[i].value);
		else if (f[i].value && f[i].kind == UF_MEMO)
			ui_editor_set(&p->f[i].memo, f[i].value);
		else if (f[i].value && f[i].kind == UF_CHOICE)
			for (int k = 0; k < f[i].nchoices; k++)
				if (strcmp(f[i].choices[k], f[i].value) == 0)
					p->f[i].choice = p->f[i].saved_choice = k;
	}
	ui_push(ui, &p->base);
}
