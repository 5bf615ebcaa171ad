/* ui_visit_labs.h: the labs of a follow-up visit — the same lab entry as at
 * intake, its results stored with the visit. */
#ifndef HEPADESK_UI_VISIT_LABS_H
#define HEPADESK_UI_VISIT_LABS_H

#include <stdint.h>

#include "date.h"
#include "ui_screen.h"

/* Lab entry for visit_id of patient_id, collected on day (the visit's date);
 * label names the visit in the title. Closes itself once results are
 * stored; Esc leaves without any. Heap screen for ui_push. */
struct ui_screen *ui_visit_labs_new(struct ui *ui, int64_t patient_id, int64_t visit_id, day_t day,
				    const char *label);

/* The visit labs a hang-up left as a draft for this patient, resumed; NULL
 * (with a message) when there is none. */
struct ui_screen *ui_visit_labs_resume(struct ui *ui, int64_t patient_id);

#endif
