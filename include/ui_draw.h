/* ui_draw.h: drawing text that came from the database or the keyboard —
 * always neutralised (text_sanitize), fitted by display width, and cut with a
 * '>' marker rather than silently — plus lines and boxes with an ASCII
 * fallback. */
#ifndef HEPADESK_UI_DRAW_H
#define HEPADESK_UI_DRAW_H

#include <curses.h>

#include "ui_color.h"

/* Draw s at y, x in at most width columns with role r. Text wider than width
 * ends in '>'. Returns the columns used. */
int ui_put(WINDOW *w, int y, int x, int width, enum ui_role r, const char *s);

/* Same, padded with blanks to exactly width columns (for highlighted rows). */
int ui_put_pad(WINDOW *w, int y, int x, int width, enum ui_role r, const char *s);

/* printf-style ui_put. */
int ui_putf(WINDOW *w, int y, int x, int width, enum ui_role r, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Display width of s after neutralising. */
int ui_text_width(const char *s);

/* A horizontal line of n columns (ACS, or '-' without line graphics). */
void ui_hline(WINDOW *w, int y, int x, int n);

/* A box with an optional title on its top border; the inside is blanked. */
void ui_box(WINDOW *w, int y, int x, int h, int wd, const char *title);

/* Word-wrap s into lines of at most width columns, drawing at most maxrows
 * rows from y; returns the rows used. With w NULL it only counts them. */
int ui_wrap(WINDOW *w, int y, int x, int width, int maxrows, enum ui_role r, const char *s);

#endif
