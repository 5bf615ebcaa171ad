/* ui_lines.c: the scrollable line list of the read views. */
#include "ui_lines.h"

#include <stdlib.h>

#include "ui_draw.h"
#include "ui_keymap.h"
#include "util.h"

void ui_lines_init(struct ui_lines *ls)
{
	ls->l = NULL;
	ls->n = ls->cap = ls->top = 0;
}

void ui_lines_clear(struct ui_lines *ls)
{
	for (int i = 0; i < ls->n; i++)
		free(ls->l[i].text);
	ls->n = 0;
}

void ui_lines_done(struct ui_lines *ls)
{
	ui_lines_clear(ls);
	free(ls->l);
	ui_lines_init(ls);
}

int ui_lines_add(struct ui_lines *ls, enum ui_role r, const char *fmt, ...)
{
	struct strbuf sb;
	va_list ap;
	if (ls->n == ls->cap) {
		ls->cap = ls->cap ? ls->cap * 2 : 32;
		ls->l = xrealloc(ls->l, (size_t)ls->cap * sizeof *ls->l);
	}
	sb_init(&sb);
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	ls->l[ls->n].role = r;
	ls->l[ls->n].text = sb_take(&sb);
	return ls->n++;
}

static void clamp_top(struct ui_lines *ls, int h)
{
	if (ls->top > ls->n - h)
		ls->top = ls->n - h;
	if (ls->top < 0)
		ls->top = 0;
}

void ui_lines_draw(struct ui_lines *ls, WINDOW *w, int y, int h)
{
	int cols = getmaxx(w);
	clamp_top(ls, h);
	/* With more below, the marker has the last row to itself: it never
	 * covers a line's end. */
	bool more = ls->top + h < ls->n;
	int rows = more ? h - 1 : h;
	for (int i = 0; i < rows && ls->top + i < ls->n; i++) {
		const struct ui_line *l = &ls->l[ls->top + i];
		ui_put(w, y + i, 0, cols, l->role, l->text);
	}
	if (more)
		ui_putf(w, y + h - 1, 0, cols, ROLE_DIM, "  more below: %s (%d lines)", "Down",
			ls->n - ls->top - rows);
}

bool ui_lines_key(struct ui_lines *ls, int key, int h)
{
	if (ui_key_is(key, ACT_DOWN))
		ls->top++;
	else if (ui_key_is(key, ACT_UP))
		ls->top--;
	else if (ui_key_is(key, ACT_PGDN))
		ls->top += h - 1;
	else if (ui_key_is(key, ACT_PGUP))
		ls->top -= h - 1;
	else if (ui_key_is(key, ACT_FIRST))
		ls->top = 0;
	else if (ui_key_is(key, ACT_LAST))
		ls->top = ls->n;
	else
		return false;
	clamp_top(ls, h);
	return true;
}

void ui_lines_jump(struct ui_lines *ls, int anchor, int h)
{
	ls->top = anchor;
	clamp_top(ls, h);
}
