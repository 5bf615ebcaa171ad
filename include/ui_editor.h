/* ui_editor.h: a small multi-line text editor for free-text notes — arrows,
 * Enter for a new line, Backspace/Delete, Home/End of line. */
#ifndef HEPADESK_UI_EDITOR_H
#define HEPADESK_UI_EDITOR_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "ui_color.h"

struct ui_editor {
	char *buf;	 /* NUL-terminated UTF-8, lines split by '\n' */
	size_t len, cur; /* bytes */
	size_t max;	 /* byte limit */
	int top;	 /* first line shown */
	char *saved;	 /* the text when editing began (Ctrl-C restores) */
};

/* An empty editor holding at most max bytes; ui_editor_done frees it. */
void ui_editor_init(struct ui_editor *ed, size_t max);
void ui_editor_done(struct ui_editor *ed);

/* Replace the text (cut to the limit); cursor at the end. */
void ui_editor_set(struct ui_editor *ed, const char *s);
/* Remember the text for Ctrl-C. */
void ui_editor_begin(struct ui_editor *ed);

/* Handle an editing key; true when used, *changed when the text changed. */
bool ui_editor_key(struct ui_editor *ed, int key, bool *changed);

/* Draw h rows of width columns at y, x; lines wider than width end in '>'
 * except the cursor's, which scrolls. Returns the cursor position through
 * cy, cx (absolute). */
void ui_editor_draw(struct ui_editor *ed, WINDOW *w, int y, int x, int h, int width, enum ui_role r,
		    int *cy, int *cx);

#endif
