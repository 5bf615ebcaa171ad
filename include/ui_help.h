/* ui_help.h: the help overlay, generated from the key table (UI_KEYMAP) and
 * the screen's own paragraph — never written twice. */
#ifndef HEPADESK_UI_HELP_H
#define HEPADESK_UI_HELP_H

#include "ui_screen.h"

/* Help for screen s (its title and help paragraph are copied): then every
 * action with its keys and help text. Heap screen for ui_push. */
struct ui_screen *ui_help_new(const struct ui_screen *s);

#endif
