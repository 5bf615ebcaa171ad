/* ui_loop.h: the screen loop — reads the keyboard (the one choke point),
 * draws the stack, applies the global keys and the idle lock. */
#ifndef HEPADESK_UI_LOOP_H
#define HEPADESK_UI_LOOP_H

#include "ui_screen.h"

/* Run the screens until quit, a signal or a lost terminal; every screen
 * is closed and freed on return. */
void ui_loop(struct ui *ui);

#endif
