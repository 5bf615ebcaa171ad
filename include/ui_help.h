/* ui_help.h: the help overlay, generated from the key table (UI_KEYMAP) and
 * the screen's own paragraph — never written twice. */
#ifndef HEPADESK_UI_HELP_H
#define HEPADESK_UI_HELP_H

#include "ui_screen.h"

/* Help for screen s as the acting user sees it (its title and paragraph
 * are copied, the paragraph's {NAME} replaced by the keys of action NAME
 * that act on s): then the keys acting on s, then the whole key table by
 * scope. A key named on s that does not act there is shown as a fault
 * ("Key table"). Heap screen for ui_push. */
struct ui_screen *ui_help_new(struct ui *ui, const struct ui_screen *s);

#endif
