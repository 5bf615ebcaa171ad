/* ui_visits.h: a patient's recorded visits, newest first; Enter opens the
 * selected visit to correct it (ui_visit_correct_new). */
#ifndef HEPADESK_UI_VISITS_H
#define HEPADESK_UI_VISITS_H

#include <stdint.h>

#include "ui_screen.h"

/* NULL, with the reason on the message line, when the visits cannot be read. */
struct ui_screen *ui_visits_new(struct ui *ui, int64_t patient_id);

#endif
