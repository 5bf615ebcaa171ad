/* ui_med.h: the medication form — name (the shipped list's ATC code when
 * listed), dose and unit, route, frequency, start and stop, indication — a
 * field table on the form engine (ui_formdef.h). */
#ifndef HEPADESK_UI_MED_H
#define HEPADESK_UI_MED_H

#include <stdint.h>

#include "ui_screen.h"

/* The form for patient id; heap screen for ui_push (NULL with the reason
 * on the message line when it cannot be opened). */
struct ui_screen *ui_med_new(struct ui *ui, int64_t patient_id);
/* The same with the patient's kept draft loaded. */
struct ui_screen *ui_med_resume(struct ui *ui, int64_t patient_id);

#endif
