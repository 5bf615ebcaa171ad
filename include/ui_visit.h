/* ui_visit.h: the follow-up visit form — against an open scheduled visit chosen
 * from a list, unscheduled, or a scheduled visit recorded as missed; and its
 * correction. Field tables on the form engine (ui_formdef.h). */
#ifndef HEPADESK_UI_VISIT_H
#define HEPADESK_UI_VISIT_H

#include <stdint.h>

#include "ui_screen.h"

/* The form for patient id; NULL, with the reason on the message line, when
 * it cannot be opened. Heap screen for ui_push. */
struct ui_screen *ui_visit_new(struct ui *ui, int64_t patient_id);
/* The same with the patient's kept draft loaded (chosen from the drafts). */
struct ui_screen *ui_visit_resume(struct ui *ui, int64_t patient_id);

/* The same form over recorded visit visit_id of the patient, to correct it
 * with a reason (its draft is kept as "visit-correct.ID"); NULL, with the
 * reason on the message line, when it cannot be opened (not found, missed). */
struct ui_screen *ui_visit_correct_new(struct ui *ui, int64_t patient_id, int64_t visit_id);
/* The same with the kept draft of that correction loaded. */
struct ui_screen *ui_visit_correct_resume(struct ui *ui, int64_t patient_id, int64_t visit_id);

#endif
