/* ui_status.h: the patient's status screen — the current state and its
 * dated history, and recording a change through the same storage call as
 * `hepadesk status` (store_status_set), asking first for a state that ends
 * treatment. */
#ifndef HEPADESK_UI_STATUS_H
#define HEPADESK_UI_STATUS_H

#include "patient.h"
#include "ui_screen.h"

/* Open p's status: logs the view and loads the history. NULL, with the
 * reason on the message line, when it cannot. Heap screen for ui_push. */
struct ui_screen *ui_status_new(struct ui *ui, const struct patient *p);

#endif
