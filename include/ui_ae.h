/* ui_ae.h: the adverse-event form — CTCAE term, grade with its definition
 * shown while choosing, onset, seriousness, relation, action, outcome. */
#ifndef HEPADESK_UI_AE_H
#define HEPADESK_UI_AE_H

#include <stdint.h>

#include "ui_screen.h"

/* The form for patient id; NULL, with the reason on the message line, when
 * it cannot be opened. Heap screen for ui_push. */
struct ui_screen *ui_ae_new(struct ui *ui, int64_t patient_id);

#endif
