/* ui_infusion.h: the infusion form — when, route, cells, lot, who gave it,
 * reactions — a field table on the form engine (ui_formdef.h). */
#ifndef HEPADESK_UI_INFUSION_H
#define HEPADESK_UI_INFUSION_H

#include <stdint.h>

#include "ui_screen.h"

/* The form for patient id; NULL, with the reason on the message line, when
 * it cannot be opened. Heap screen for ui_push. */
struct ui_screen *ui_infusion_new(struct ui *ui, int64_t patient_id);

/* The same form with the patient's kept draft loaded (chosen from the list
 * of drafts); NULL as for ui_infusion_new. */
struct ui_screen *ui_infusion_resume(struct ui *ui, int64_t patient_id);

#endif
