/* ui_field.h: a one-line UTF-8 text field — insert, delete, cursor moves,
 * Ctrl-C restores the value it had when editing began — drawn scrolled so the
 * cursor stays visible. The state lives here, never in a curses window. */
#ifndef HEPADESK_UI_FIELD_H
#define HEPADESK_UI_FIELD_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "ui_color.h"

#define UI_FIELD_MAX 255

struct ui_field {
	char buf[UI_FIELD_MAX + 1];
	size_t len, cur;	      /* bytes; cur is on a character boundary */
	size_t max;		      /* byte limit (<= UI_FIELD_MAX) */
	char saved[UI_FIELD_MAX + 1]; /* the value when editing began */
	const char *accept;	      /* if not NULL, the only characters typed */
	/* The value was put there (prefilled, or the field just entered), not
	 * typed: the first character typed replaces it; a key that edits
	 * (arrows, Backspace, Home, End) keeps it for editing instead. */
	bool fresh;
};

/* An empty field of at most max bytes (0 means UI_FIELD_MAX). */
void ui_field_init(struct ui_field *f, size_t max);

/* Replace the text (cut to the limit on a character boundary); cursor at the
 * end. The saved value is set too. */
void ui_field_set(struct ui_field *f, const char *s);

/* Remember the current text as the value Ctrl-C restores; a field that
 * holds a value becomes fresh (see struct ui_field). */
void ui_field_begin(struct ui_field *f);

/* Handle an editing key: printable characters, Backspace, Delete, Left,
 * Right, Home, End, Ctrl-A, Ctrl-E, Ctrl-U (clear), Ctrl-C (restore).
 * Returns true when the key was used; *changed tells whether the text
 * changed (may be NULL). */
bool ui_field_key(struct ui_field *f, int key, bool *changed);

/* Bytes of s that fit in max bytes without splitting a character. */
size_t ui_field_fit(const char *s, size_t max);

/* UTF-8 steps: the offset of the character before / after byte offset at
 * of s (len bytes). */
size_t ui_field_prev(const char *s, size_t at);
size_t ui_field_next(const char *s, size_t len, size_t at);
/* The UTF-8 bytes of a typed character into out (MB_LEN_MAX bytes); returns
 * their count, 0 when it has no encoding. */
size_t ui_field_encode(int key, char *out);

/* Draw the field in width columns at y, x with role r; returns the cursor's
 * column (absolute x). */
int ui_field_draw(const struct ui_field *f, WINDOW *w, int y, int x, int width, enum ui_role r);

#endif
