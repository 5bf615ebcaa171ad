/* ui_editor.c: the multi-line note editor. */
#include "ui_editor.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui_draw.h"
#include "ui_field.h"
#include "ui_keymap.h"
#include "util.h"

void ui_editor_init(struct ui_editor *ed, size_t max)
{
	memset(ed, 0, sizeof *ed);
	ed->max = max;
	ed->buf = xcalloc(1, max + 1);
	ed->saved = xcalloc(1, max + 1);
}

void ui_editor_done(struct ui_editor *ed)
{
	free(ed->buf);
	free(ed->saved);
	memset(ed, 0, sizeof *ed);
}

void ui_editor_set(struct ui_editor *ed, const char *s)
{
	size_t n = ui_field_fit(s, ed->max);
	memcpy(ed->buf, s, n);
	ed->buf[n] = '\0';
	ed->len = ed->cur = n;
	ui_editor_begin(ed);
}

void ui_editor_begin(struct ui_editor *ed)
{
	memcpy(ed->saved, ed->buf, ed->len + 1);
}

static size_t line_start(const struct ui_editor *ed, size_t at)
{
	while (at > 0 && ed->buf[at - 1] != '\n')
		at--;
	return at;
}

static size_t line_end(const struct ui_editor *ed, size_t at)
{
	return at + strcspn(ed->buf + at, "\n");
}

static size_t step_back(const struct ui_editor *ed, size_t at)
{
	return ui_field_prev(ed->buf, at);
}

static size_t step_fwd(const struct ui_editor *ed, size_t at)
{
	return ui_field_next(ed->buf, ed->len, at);
}

/* Display column of byte offset at within its line. */
static int column(const struct ui_editor *ed, size_t at)
{
	size_t ls = line_start(ed, at);
	char *s = xstrndup(ed->buf + ls, at - ls);
	int c = text_width(s);
	free(s);
	return c;
}

/* Byte offset in the line starting at ls closest to display column col. */
static size_t at_column(const struct ui_editor *ed, size_t ls, int col)
{
	size_t at = ls, le = line_end(ed, ls);
	while (at < le && column(ed, step_fwd(ed, at)) <= col)
		at = step_fwd(ed, at);
	return at;
}

static void vertical(struct ui_editor *ed, int dir)
{
	int col = column(ed, ed->cur);
	size_t ls = line_start(ed, ed->cur);
	if (dir < 0 && ls > 0)
		ed->cur = at_column(ed, line_start(ed, ls - 1), col);
	else if (dir > 0 && line_end(ed, ed->cur) < ed->len)
		ed->cur = at_column(ed, line_end(ed, ed->cur) + 1, col);
}

static void insert(struct ui_editor *ed, const char *mb, size_t n)
{
	if (ed->len + n > ed->max)
		return;
	memmove(ed->buf + ed->cur + n, ed->buf + ed->cur, ed->len - ed->cur + 1);
	memcpy(ed->buf + ed->cur, mb, n);
	ed->len += n;
	ed->cur += n;
}

static void cut(struct ui_editor *ed, size_t from, size_t to)
{
	memmove(ed->buf + from, ed->buf + to, ed->len - to + 1);
	ed->len -= to - from;
	ed->cur = from;
}

static bool edit(struct ui_editor *ed, int key)
{
	if (ui_key_printable(key)) {
		char mb[MB_LEN_MAX];
		size_t n = ui_field_encode(key, mb);
		if (n)
			insert(ed, mb, n);
	} else if (key == '\r' || key == '\n' || key == UI_FN(KEY_ENTER)) {
		insert(ed, "\n", 1);
	} else if (key == UI_FN(KEY_BACKSPACE) || key == 127 || key == UI_CTRL('H')) {
		cut(ed, step_back(ed, ed->cur), ed->cur);
	} else if (key == UI_FN(KEY_DC)) {
		cut(ed, ed->cur, step_fwd(ed, ed->cur));
	} else if (key == UI_CTRL('C')) {
		ui_editor_set(ed, ed->saved);
	} else {
		return false;
	}
	return true;
}

bool ui_editor_key(struct ui_editor *ed, int key, bool *changed)
{
	*changed = false;
	if (key == UI_FN(KEY_LEFT))
		ed->cur = step_back(ed, ed->cur);
	else if (key == UI_FN(KEY_RIGHT))
		ed->cur = step_fwd(ed, ed->cur);
	else if (key == UI_FN(KEY_UP))
		vertical(ed, -1);
	else if (key == UI_FN(KEY_DOWN))
		vertical(ed, 1);
	else if (key == UI_FN(KEY_HOME) || key == UI_CTRL('A'))
		ed->cur = line_start(ed, ed->cur);
	else if (key == UI_FN(KEY_END) || key == UI_CTRL('E'))
		ed->cur = line_end(ed, ed->cur);
	else if (edit(ed, key))
		*changed = true;
	else
		return false;
	return true;
}

static int line_of(const struct ui_editor *ed, size_t at)
{
	int n = 0;
	for (size_t i = 0; i < at; i++)
		n += ed->buf[i] == '\n';
	return n;
}

void ui_editor_draw(struct ui_editor *ed, WINDOW *w, int y, int x, int h, int width, enum ui_role r,
		    int *cy, int *cx)
{
	int cl = line_of(ed, ed->cur), col = column(ed, ed->cur);
	if (cl < ed->top)
		ed->top = cl;
	if (cl >= ed->top + h)
		ed->top = cl - h + 1;
	int shift = col >= width ? col - width + 1 : 0;
	for (int i = 0; i < h; i++)
		ui_put_pad(w, y + i, x, width, r, "");
	size_t at = 0;
	for (int line = 0; at <= ed->len && line < ed->top + h; line++) {
		size_t le = line_end(ed, at);
		if (line >= ed->top) {
			size_t from = line == cl ? at_column(ed, at, shift) : at;
			char *text = xstrndup(ed->buf + from, le - from);
			ui_put_pad(w, y + line - ed->top, x, width, r, text);
			free(text);
		}
		at = le + 1;
	}
	*cy = y + cl - ed->top;
	*cx = x + col - shift;
}
