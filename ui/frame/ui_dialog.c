/* ui_dialog.c: the yes/no question, the pick list and the help overlay. */
#include "ui_dialog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui_draw.h"
#include "ui_field.h"
#include "util.h"

struct confirm {
	struct ui_screen base;
	char *question;
	ui_answer_fn fn;
	void *arg;
};

static const enum ui_action confirm_hints[] = {ACT_YES, ACT_NO, ACT_NONE};

static void confirm_draw(struct ui_screen *s, struct ui *ui)
{
	struct confirm *c = (struct confirm *)s;
	int w = ui->cols - 8 < 70 ? ui->cols - 8 : 70;
	/* Room for the question (a conflict shows two versions), at least
	 * three rows, at most what the body holds. */
	int rows = ui_text_width(c->question) / (w - 6) + 2;
	rows = rows < 3 ? 3 : rows > ui->rows - 5 ? ui->rows - 5 : rows;
	int h = rows + 4;
	int y = (ui->rows - h) / 2, x = (ui->cols - w) / 2;
	ui_box(ui->body, y, x, h, w, "Please confirm");
	ui_wrap(ui->body, y + 1, x + 2, w - 4, rows, ROLE_WARN, c->question);
	ui_put(ui->body, y + h - 2, x + 2, w - 4, ROLE_TITLE, "y = yes     n or Esc = no");
	ui_cursor(ui, y + h - 2, x + 2);
}

static int confirm_key(struct ui_screen *s, struct ui *ui, int key)
{
	struct confirm *c = (struct confirm *)s;
	bool yes = ui_key_is(key, ACT_YES);
	if (!yes && !ui_key_is(key, ACT_NO) && key != UI_CTRL('C') && key != 'q') {
		if (ui_key_is(key, ACT_HELP) || ui_key_is(key, ACT_REDRAW))
			return UI_PASS;
		/* Typed ahead of the question (the next field's value): kept
		 * for the screen below, not lost. */
		if (ui->nahead < UI_AHEAD_MAX && ui->depth >= 2) {
			ui->ahead_for = ui->stack[ui->depth - 2];
			ui->ahead[ui->nahead++] = key;
		}
		ui_msg(ui, ROLE_HINT,
		       "answer y (yes) or n (no) first; %d key%s typed after %s kept", ui->nahead,
		       ui->nahead == 1 ? "" : "s", ui->nahead == 1 ? "is" : "are");
		return UI_DONE;
	}
	ui_pop(ui);
	return c->fn(ui, c->arg, yes);
}

static void confirm_done(struct ui_screen *s)
{
	struct confirm *c = (struct confirm *)s;
	free(c->question);
	free(c);
}

static const struct ui_screen_ops confirm_ops = {
    "Confirm",
    confirm_draw,
    confirm_key,
    NULL,
    confirm_done,
    confirm_hints,
    "A question: {YES} answers yes; {NO} or {CANCEL} answer no.",
    NULL,
    .scope = SC_DIALOG};

void ui_confirm(struct ui *ui, const char *question, ui_answer_fn fn, void *arg)
{
	struct confirm *c = xcalloc(1, sizeof *c);
	c->base.ops = &confirm_ops;
	c->base.overlay = true;
	c->question = xstrdup(question);
	c->fn = fn;
	c->arg = arg;
	ui_push(ui, &c->base);
}

struct pick {
	struct ui_screen base;
	char title[64];
	char **items, **keys; /* the items, and each folded for the filter */
	int n;
	int *shown, nshown; /* the items the filter keeps, in order */
	int sel, top;	    /* in shown */
	char filter[48];    /* as typed */
	ui_pick_fn fn;
	void *arg;
};

static const enum ui_action pick_hints[] = {ACT_ENTER, ACT_PICK, ACT_BACK, ACT_NONE};

/* Keep the items whose folded text contains the folded filter (accents,
 * case and extra blanks do not matter); the selection stays on its item
 * when it is still shown. */
static void pick_filter(struct pick *p)
{
	int was = p->nshown > 0 ? p->shown[p->sel] : -1;
	char *f = text_fold_key(p->filter);
	p->nshown = 0;
	p->sel = 0;
	for (int i = 0; i < p->n; i++) {
		if (*f && !strstr(p->keys[i], f))
			continue;
		if (i == was)
			p->sel = p->nshown;
		p->shown[p->nshown++] = i;
	}
	free(f);
}

static void pick_geometry(const struct pick *p, const struct ui *ui, int *y, int *x, int *h, int *w)
{
	*h = p->n + 3 < ui->rows - 2 ? p->n + 3 : ui->rows - 2;
	*w = ui->cols - 10 < 72 ? ui->cols - 10 : 72;
	*y = (ui->rows - *h) / 2;
	*x = (ui->cols - *w) / 2;
}

static int pick_rows(const struct pick *p, const struct ui *ui)
{
	int y, x, h, w;
	pick_geometry(p, ui, &y, &x, &h, &w);
	return h - 3;
}

static void pick_draw(struct ui_screen *s, struct ui *ui)
{
	struct pick *p = (struct pick *)s;
	int y, x, h, w;
	pick_geometry(p, ui, &y, &x, &h, &w);
	int rows = h - 3;
	ui_list_show(p->sel, &p->top, rows);
	ui_box(ui->body, y, x, h, w, p->title);
	char line[300];
	if (p->filter[0])
		snprintf(line, sizeof line, " filter: %s  (%d of %d)", p->filter, p->nshown, p->n);
	else
		snprintf(line, sizeof line, " type to filter (%d)", p->n);
	ui_put_pad(ui->body, y + 1, x + 1, w - 2, ROLE_DIM, line);
	for (int i = 0; i < rows && p->top + i < p->nshown; i++) {
		int k = p->top + i;
		char num[12] = "";
		if (i < 9)
			snprintf(num, sizeof num, "%d", i + 1);
		snprintf(line, sizeof line, "%c%-2s %s", k == p->sel ? '>' : ' ', num,
			 p->items[p->shown[k]]);
		ui_put_pad(ui->body, y + 2 + i, x + 1, w - 2,
			   k == p->sel ? ROLE_SELECTED : ROLE_NORMAL, line);
	}
	if (p->nshown == 0)
		ui_put_pad(ui->body, y + 2, x + 1, w - 2, ROLE_WARN,
			   "  nothing matches the filter");
}

/* A character that extends the filter: letters and the punctuation of
 * names; a blank once something is typed (alone it chooses). Digits pick
 * a numbered row. */
static bool filter_char(const struct pick *p, int key)
{
	if (key == ' ' || key == 'q') /* alone: choose, close */
		return p->filter[0] != '\0';
	return ui_key_printable(key) && !(key >= '0' && key <= '9');
}

static int pick_key(struct ui_screen *s, struct ui *ui, int key)
{
	struct pick *p = (struct pick *)s;
	int chosen = -1, d = ui_key_digit(key);
	size_t len = strlen(p->filter);
	/* Letters filter (so j, k, g and G are letters here: the arrows move). */
	if (filter_char(p, key)) {
		char mb[8];
		size_t n = ui_field_encode(key, mb);
		if (n > 0 && len + n < sizeof p->filter) {
			memcpy(p->filter + len, mb, n);
			p->filter[len + n] = '\0';
			pick_filter(p);
		}
		return UI_DONE;
	}
	if (ui_key_move(key, &p->sel, p->nshown, pick_rows(p, ui)))
		return UI_DONE;
	if (ui_key_is(key, ACT_ENTER) || key == ' ') {
		chosen = p->nshown > 0 ? p->sel : -1;
	} else if (d && p->top + d - 1 < p->nshown) {
		chosen = p->top + d - 1;
	} else if (key == UI_FN(KEY_BACKSPACE) || key == 127 || key == UI_CTRL('H')) {
		if (len > 0) {
			p->filter[ui_field_prev(p->filter, len)] = '\0';
			pick_filter(p);
		}
		return UI_DONE;
	} else if (ui_key_is(key, ACT_BACK) || key == UI_CTRL('C')) {
		return UI_POP;
	} else {
		return UI_PASS;
	}
	if (chosen < 0)
		return UI_DONE;
	int item = p->shown[chosen];
	ui_pop(ui);
	return p->fn(ui, p->arg, item);
}

static void pick_done(struct ui_screen *s)
{
	struct pick *p = (struct pick *)s;
	for (int i = 0; i < p->n; i++) {
		free(p->items[i]);
		free(p->keys[i]);
	}
	free(p->items);
	free(p->keys);
	free(p->shown);
	free(p);
}

static const struct ui_screen_ops pick_ops = {
    "Choose",
    pick_draw,
    pick_key,
    NULL,
    pick_done,
    pick_hints,
    "A list to choose from: type letters to keep only the rows that contain them (accents "
    "and case do not matter; Backspace takes one back), {UP}, {DOWN}, {PGUP} and {PGDN} move, "
    "{ENTER} chooses, or the row number {PICK}; {BACK} closes without changing anything.",
    NULL,
    .scope = SC_DIALOG | SC_LIST};

void ui_pick(struct ui *ui, const char *title, const char *const *items, int n, int current,
	     ui_pick_fn fn, void *arg)
{
	struct pick *p = xcalloc(1, sizeof *p);
	p->base.ops = &pick_ops;
	p->base.overlay = true;
	strlcpy_(p->title, title, sizeof p->title);
	p->items = xcalloc((size_t)n, sizeof *p->items);
	p->keys = xcalloc((size_t)n, sizeof *p->keys);
	p->shown = xcalloc((size_t)n + 1, sizeof *p->shown);
	for (int i = 0; i < n; i++) {
		p->items[i] = xstrdup(items[i]);
		p->keys[i] = text_fold_key(items[i]);
	}
	p->n = n;
	pick_filter(p);
	p->sel = current >= 0 && current < n ? current : 0;
	p->fn = fn;
	p->arg = arg;
	ui_push(ui, &p->base);
}
