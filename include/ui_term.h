/* ui_term.h: the terminal's life — curses start, idempotent restore on every
 * exit path, and signals that only set flags (no SIGWINCH handler: curses
 * delivers KEY_RESIZE itself). */
#ifndef HEPADESK_UI_TERM_H
#define HEPADESK_UI_TERM_H

#include <stdbool.h>

/* Start curses on the controlling terminal: locale, raw mode (Ctrl-C is a
 * key), no echo, keypad, a 25 ms Esc delay, colour roles, the restore at exit
 * and the signal handlers. Returns false (with a reason in why, size n) when
 * there is no usable terminal; nothing needs restoring then. */
bool ui_term_start(char *why, int n);

/* Put the terminal back as it was. Safe to call any number of times, from
 * atexit and from the crash handler. */
void ui_term_stop(void);

/* The hang-up/terminate signal received (SIGHUP, SIGTERM, SIGINT), or 0. */
int ui_term_signal(void);

/* True when the terminal can draw line graphics (else ASCII is used). */
bool ui_term_has_acs(void);

/* Whether the locale's character set is UTF-8 (else text is drawn in ASCII,
 * text_ascii, and the app warns once). */
bool ui_term_utf8(void);

#endif
