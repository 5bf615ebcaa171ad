/* ui_dialog.h: dialogs are screens too — a yes/no question, and a pick list. */
#ifndef HEPADESK_UI_DIALOG_H
#define HEPADESK_UI_DIALOG_H

#include <stdbool.h>

#include "ui_screen.h"

/* Called after the dialog closed (it is off the stack already); returns
 * reaction flags for the screen below. arg is the caller's. */
typedef int (*ui_answer_fn)(struct ui *ui, void *arg, bool yes);
typedef int (*ui_pick_fn)(struct ui *ui, void *arg, int index);

/* Ask a yes/no question (y yes; n, Esc or Ctrl-C no). question is copied. */
void ui_confirm(struct ui *ui, const char *question, ui_answer_fn fn, void *arg);

/* Offer n items (copied) with current highlighted; Enter or 1-9 picks and
 * calls fn with the index, Esc closes without calling it. */
void ui_pick(struct ui *ui, const char *title, const char *const *items, int n, int current,
	     ui_pick_fn fn, void *arg);

#endif
