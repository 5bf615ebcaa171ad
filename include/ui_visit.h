/* ui_visit.h: the follow-up visit form — against an open scheduled visit chosen
 * from a list, unscheduled, or a scheduled visit recorded as missed. */
#ifndef HEPADESK_UI_VISIT_H
#define HEPADESK_UI_VISIT_H

#include <stdint.h>

#include "ui_screen.h"

/* The form for patient id; NULL, with the reason on the message line, when
 * it cannot be opened. Heap screen for ui_push. */
struct ui_screen *ui_visit_new(struct ui *ui, int64_t patient_id);

/* The same form over recorded visit visit_id of the patient, to correct it
 * with a reason (its draft is kept as "visit-correct.ID"); NULL, with the
 * reason on the message line, when it cannot be opened (not found, missed). */
struct ui_screen *ui_visit_correct_new(struct ui *ui, int64_t patient_id, int64_t visit_id);

#endif
