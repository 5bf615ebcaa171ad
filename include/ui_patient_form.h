/* ui_patient_form.h: the new-patient form — MRN, name, date of birth, sex,
 * etiology (ICD-10 list) and weight, each checked by the model as the nurse
 * leaves it; stored only when the whole record is valid. A field table on
 * the form engine (ui_formdef.h). */
#ifndef HEPADESK_UI_PATIENT_FORM_H
#define HEPADESK_UI_PATIENT_FORM_H

#include "ui_screen.h"

/* A new, empty registration form. Heap screen for ui_push. */
struct ui_screen *ui_patient_form_new(struct ui *ui);
/* The same with the kept registration draft loaded (chosen from the list). */
struct ui_screen *ui_patient_form_resume(struct ui *ui);

/* The same form over a stored patient's details (a re-measured weight, a
 * corrected name). Saving checks the version read: when someone else saved
 * the patient meanwhile, both versions are shown and the nurse chooses.
 * NULL (with a message) when the patient cannot be read. */
struct ui_screen *ui_patient_form_edit(struct ui *ui, int64_t patient_id);
/* The same with the kept draft of the patient's details loaded. */
struct ui_screen *ui_patient_form_edit_resume(struct ui *ui, int64_t patient_id);

#endif
