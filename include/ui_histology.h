/* ui_histology.h: the biopsy histology form — date, site, METAVIR and Ishak
 * stages, grade, CPA, Ki-67, CK-19, pathologist, note — a field table on
 * the form engine (ui_formdef.h). */
#ifndef HEPADESK_UI_HISTOLOGY_H
#define HEPADESK_UI_HISTOLOGY_H

#include <stdint.h>

#include "ui_screen.h"

/* The form for patient id; heap screen for ui_push (NULL with the reason
 * on the message line when it cannot be opened). */
struct ui_screen *ui_histology_new(struct ui *ui, int64_t patient_id);
/* The same with the patient's kept draft loaded. */
struct ui_screen *ui_histology_resume(struct ui *ui, int64_t patient_id);

#endif
