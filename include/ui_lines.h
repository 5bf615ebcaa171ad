/* ui_lines.h: a scrollable list of text lines, each with a role — the read
 * views (overview, scores review) build one and draw a window of it. A
 * widget: it knows a curses window, never the screen stack. */
#ifndef HEPADESK_UI_LINES_H
#define HEPADESK_UI_LINES_H

#include <curses.h>
#include <stdbool.h>

#include "ui_color.h"

struct ui_line {
	enum ui_role role;
	char *text; /* heap, neutralised when drawn */
};

struct ui_lines {
	struct ui_line *l;
	int n, cap;
	int top; /* first line shown */
};

void ui_lines_init(struct ui_lines *ls);
/* Free the lines (top is kept, so a rebuilt view stays where it was). */
void ui_lines_clear(struct ui_lines *ls);
void ui_lines_done(struct ui_lines *ls);

/* Append a formatted line; returns its index (a section anchor). */
int ui_lines_add(struct ui_lines *ls, enum ui_role r, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Draw h lines from row y of window w, across its whole width. */
void ui_lines_draw(struct ui_lines *ls, WINDOW *w, int y, int h);

/* Scroll keys (Up/Down/PgUp/PgDn/Home/End and j/k/g/G) for a window of h
 * rows: true when key was one (the list moved), false for other keys. */
bool ui_lines_key(struct ui_lines *ls, int key, int h);

/* Scroll so line `anchor` is at the top. */
void ui_lines_jump(struct ui_lines *ls, int anchor, int h);

#endif
