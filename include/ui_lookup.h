/* ui_lookup.h: the quick lookup — one prompt for an MRN (exact or prefix) or
 * a name, results on each key typed, recent patients before anything is
 * typed. The home screen is the same screen at the bottom of the stack. */
#ifndef HEPADESK_UI_LOOKUP_H
#define HEPADESK_UI_LOOKUP_H

#include <stdbool.h>

#include "ui_screen.h"

/* A lookup screen; home makes it the bottom screen (commands n, q quit) with
 * the focus on the list, otherwise the focus is on the prompt and Esc closes
 * it. Heap screen for ui_push. */
struct ui_screen *ui_lookup_new(struct ui *ui, bool home);

#endif
