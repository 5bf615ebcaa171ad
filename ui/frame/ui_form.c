/* ui_form.c: labelled fields, focus moves and check-on-leave. */
#include "ui_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_dialog.h"
#include "ui_draft.h"
#include "ui_draw.h"
#include "util.h"

void ui_form_init(struct ui_form *fm, struct ui_form_field *f, int n, ui_form_check_fn check,
		  void *owner, size_t memo_max)
{
	memset(fm, 0, sizeof *fm);
	fm->f = f;
	fm->n = n;
	fm->check = check;
	fm->owner = owner;
	fm->asking = -1;
	for (int i = 0; i < n; i++) {
		int lw = ui_text_width(f[i].label);
		fm->label_w = lw > fm->label_w ? lw : fm->label_w;
		if (f[i].kind == UF_MEMO)
			ui_editor_init(&f[i].memo, memo_max);
		if (f[i].kind == UF_TEXT && f[i].edit.max == 0)
			ui_field_init(&f[i].edit, 0);
		if (f[i].kind == UF_CHOICE && f[i].nchoices == 0)
			f[i].choice = -1;
	}
}

void ui_form_done(struct ui_form *fm)
{
	for (int i = 0; i < fm->n; i++)
		if (fm->f[i].kind == UF_MEMO)
			ui_editor_done(&fm->f[i].memo);
}

const char *ui_form_text(const struct ui_form *fm, int i)
{
	const struct ui_form_field *f = &fm->f[i];
	switch (f->kind) {
	case UF_TEXT:
		return f->edit.buf;
	case UF_CHOICE:
		return f->choice >= 0 && f->choice < f->nchoices ? f->choices[f->choice] : "";
	case UF_MEMO:
		return f->memo.buf;
	}
	return "";
}

static void changed(struct ui_form *fm, int i)
{
	fm->f[i].state = UFS_UNCHECKED;
	fm->dirty = true;
}

static int check(struct ui_form *fm, struct ui *ui, int i, const char *prefix);

static int answer(struct ui *ui, void *arg, bool yes)
{
	struct ui_form *fm = arg;
	int i = fm->asking;
	fm->asking = -1;
	if (i < 0)
		return UI_DONE;
	if (yes) {
		fm->f[i].confirmed = true;
		strlcpy_(fm->f[i].confirmed_text, ui_form_text(fm, i),
			 sizeof fm->f[i].confirmed_text);
		check(fm, ui, i, "");
	} else {
		fm->focus = i;
		fm->f[i].state = UFS_BAD;
		ui_msg(ui, ROLE_WARN, "%s: not accepted — enter another value", fm->f[i].label);
	}
	return UI_DONE;
}

/* Run the owner's check on field i; ask when the model warns. A refusal
 * goes to the message line after prefix. */
static int check(struct ui_form *fm, struct ui *ui, int i, const char *prefix)
{
	struct ui_form_field *f = &fm->f[i];
	struct err e = {""};
	bool confirmed = f->confirmed && strcmp(f->confirmed_text, ui_form_text(fm, i)) == 0;
	enum status s = fm->check(fm->owner, i, confirmed, &e);
	if (s == ST_OK) {
		f->state = UFS_OK;
	} else if (s == ST_CONFIRM) {
		char q[ERR_MSG_MAX + 40];
		f->state = UFS_ASK;
		fm->asking = i;
		snprintf(q, sizeof q, "%s. Keep this value?", e.msg);
		ui_confirm(ui, q, answer, fm);
	} else {
		f->state = UFS_BAD;
		ui_msg(ui, ROLE_CRITICAL, "%s%s", prefix, err_why(&e, s));
	}
	return s;
}

static bool empty(const struct ui_form *fm, int i)
{
	return ui_form_text(fm, i)[0] == '\0';
}

/* Leave the focused field for field `to`, checking what was typed. */
static void focus_move(struct ui_form *fm, struct ui *ui, int to)
{
	int i = fm->focus;
	if (fm->f[i].state != UFS_OK && !(fm->f[i].state == UFS_UNCHECKED && empty(fm, i)))
		check(fm, ui, i, "");
	fm->focus = (to + fm->n) % fm->n;
	fm->settled = fm->dirty;
	struct ui_form_field *f = &fm->f[fm->focus];
	if (f->kind == UF_TEXT)
		ui_field_begin(&f->edit);
	else if (f->kind == UF_MEMO)
		ui_editor_begin(&f->memo);
	else
		f->saved_choice = f->choice;
}

static int choose(struct ui *ui, void *arg, int index)
{
	struct ui_form *fm = arg;
	fm->f[fm->focus].choice = index;
	changed(fm, fm->focus);
	fm->settled = true;
	check(fm, ui, fm->focus, "");
	return UI_DONE;
}

/* First choice after the current one starting with the letter typed. */
static void choice_letter(struct ui_form_field *f, int key)
{
	for (int k = 1; k <= f->nchoices; k++) {
		int c = (f->choice + k + f->nchoices) % f->nchoices;
		int first = (unsigned char)f->choices[c][0];
		if (key < 128 && (first == key || first == (key ^ 0x20))) {
			f->choice = c;
			return;
		}
	}
}

static int choice_key(struct ui_form *fm, struct ui *ui, int key)
{
	struct ui_form_field *f = &fm->f[fm->focus];
	int before = f->choice;
	if (key == ' ' || ui_key_is(key, ACT_ENTER)) {
		ui_pick(ui, f->label, f->choices, f->nchoices, f->choice, choose, fm);
		return UI_DONE;
	}
	if (key == UI_FN(KEY_LEFT))
		f->choice = f->choice <= 0 ? f->nchoices - 1 : f->choice - 1;
	else if (key == UI_FN(KEY_RIGHT))
		f->choice = (f->choice + 1) % f->nchoices;
	else if (key == UI_CTRL('C'))
		f->choice = f->saved_choice;
	else if (ui_key_printable(key) && key != '?' && key != '/' && key != 'q')
		choice_letter(f, key);
	else
		return UI_PASS;
	if (f->choice != before) {
		changed(fm, fm->focus);
		fm->settled = true;
	}
	return UI_DONE;
}

static int edit_key(struct ui_form *fm, struct ui *ui, int key)
{
	struct ui_form_field *f = &fm->f[fm->focus];
	bool ch = false, used;
	if (f->kind == UF_CHOICE)
		return choice_key(fm, ui, key);
	if (f->kind == UF_MEMO)
		used = ui_editor_key(&f->memo, key, &ch);
	else
		used = ui_field_key(&f->edit, key, &ch);
	if (ch)
		changed(fm, fm->focus);
	if (used && key == UI_CTRL('C'))
		ui_msg(ui, ROLE_HINT, "%s: edit cancelled", f->label);
	return used ? UI_DONE : UI_PASS;
}

int ui_form_key(struct ui_form *fm, struct ui *ui, int key)
{
	enum ui_form_kind kind = fm->f[fm->focus].kind;
	bool memo = kind == UF_MEMO;
	if (ui_key_is(key, ACT_NEXT) ||
	    (!memo && (key == UI_FN(KEY_DOWN) || (kind == UF_TEXT && ui_key_is(key, ACT_ENTER))))) {
		focus_move(fm, ui, fm->focus + 1);
		return UI_DONE;
	}
	if (ui_key_is(key, ACT_PREV) || (!memo && key == UI_FN(KEY_UP))) {
		focus_move(fm, ui, fm->focus - 1);
		return UI_DONE;
	}
	return edit_key(fm, ui, key);
}

bool ui_form_valid(struct ui_form *fm, struct ui *ui)
{
	for (int i = 0; i < fm->n; i++) {
		enum status s = check(fm, ui, i, "not saved: ");
		if (s != ST_OK) {
			fm->focus = i;
			return false;
		}
	}
	return true;
}

static const char *state_word(enum ui_form_state s)
{
	switch (s) {
	case UFS_BAD:
		return "! invalid";
	case UFS_ASK:
		return "? confirm";
	default:
		return "";
	}
}

static void draw_choice(struct ui_form *fm, struct ui *ui, int i, int y, int x, bool focus)
{
	struct ui_form_field *f = &fm->f[i];
	char shown[160];
	snprintf(shown, sizeof shown, "< %s >",
		 f->choice >= 0 ? ui_form_text(fm, i)
		 : f->none	? f->none
				: "choose");
	ui_put_pad(ui->body, y, x, f->width, focus ? ROLE_FOCUS : ROLE_FIELD, shown);
	if (focus)
		ui_cursor(ui, y, x + 2);
}

/* Draw field i at row y; returns the rows it took. */
static int draw_field(struct ui_form *fm, struct ui *ui, int i, int y)
{
	struct ui_form_field *f = &fm->f[i];
	bool focus = i == fm->focus;
	int x = 2 + fm->label_w + 2, cy, cx;
	ui_put(ui->body, y, 0, 2, ROLE_TITLE, focus ? ">" : " ");
	ui_put(ui->body, y, 2, fm->label_w, focus ? ROLE_TITLE : ROLE_NORMAL, f->label);
	int width = f->width < ui->cols - x - 12 ? f->width : ui->cols - x - 12;
	enum ui_role r = focus ? ROLE_FOCUS : ROLE_FIELD;
	if (f->kind == UF_MEMO) {
		ui_editor_draw(&f->memo, ui->body, y, x, f->memo_rows, width, r, &cy, &cx);
		if (focus)
			ui_cursor(ui, cy, cx);
	} else if (f->kind == UF_CHOICE) {
		draw_choice(fm, ui, i, y, x, focus);
	} else {
		cx = ui_field_draw(&f->edit, ui->body, y, x, width, r);
		if (focus)
			ui_cursor(ui, y, cx);
	}
	int after = x + width + 1;
	if (f->unit) {
		ui_put(ui->body, y, after, ui->cols - after, ROLE_NORMAL, f->unit);
		after += ui_text_width(f->unit) + 1;
	}
	const char *word = state_word(f->state);
	if (*word)
		ui_put(ui->body, y, after, ui->cols - after,
		       f->state == UFS_BAD ? ROLE_CRITICAL : ROLE_WARN, word);
	else if (f->hint)
		ui_put(ui->body, y, after, ui->cols - after, ROLE_DIM, f->hint);
	return f->kind == UF_MEMO ? f->memo_rows : 1;
}

void ui_form_draw(struct ui_form *fm, struct ui *ui, int y)
{
	for (int i = 0; i < fm->n && y < ui->rows; i++)
		y += draw_field(fm, ui, i, y);
}

void ui_form_encode(const struct ui_form *fm, struct strbuf *sb)
{
	for (int i = 0; i < fm->n; i++) {
		char num[16];
		const struct ui_form_field *f = &fm->f[i];
		snprintf(num, sizeof num, "%d", f->choice);
		draft_put(sb, f->label, f->kind == UF_CHOICE ? num : ui_form_text(fm, i));
	}
}

void ui_form_decode(struct ui_form *fm, const char *content)
{
	for (int i = 0; i < fm->n; i++) {
		struct ui_form_field *f = &fm->f[i];
		char *v = xmalloc(DRAFT_CONTENT_MAX);
		long c;
		if (draft_get(content, f->label, v, DRAFT_CONTENT_MAX)) {
			if (f->kind == UF_TEXT)
				ui_field_set(&f->edit, v);
			else if (f->kind == UF_MEMO)
				ui_editor_set(&f->memo, v);
			else if (parse_long(v, -1, f->nchoices - 1, &c))
				f->choice = (int)c;
			f->state = UFS_UNCHECKED;
			fm->dirty = true;
		}
		free(v);
	}
}

void ui_form_field_set(struct ui_form_field *f, const char *label, const char *hint,
		       enum ui_form_kind kind, int width, size_t max)
{
	f->label = label;
	f->hint = hint;
	f->kind = kind;
	f->width = width;
	f->choice = -1;
	if (kind == UF_TEXT)
		ui_field_init(&f->edit, max);
}

void ui_form_field_choices(struct ui_form_field *f, const char *const *items, int n,
			   const char *none)
{
	f->choices = items;
	f->nchoices = n;
	f->none = none;
}
