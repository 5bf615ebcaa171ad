/* ui_contact.h: the survival contact form — vital status, transplant, new
 * HCC, decompensation events, admissions, by phone or in person — a field
 * table on the form engine (ui_formdef.h). */
#ifndef HEPADESK_UI_CONTACT_H
#define HEPADESK_UI_CONTACT_H

#include <stdint.h>

#include "ui_screen.h"

/* The form for patient id; NULL, with the reason on the message line, when
 * it cannot be opened. Heap screen for ui_push. */
struct ui_screen *ui_contact_new(struct ui *ui, int64_t patient_id);

/* The same form with the patient's kept draft loaded. */
struct ui_screen *ui_contact_resume(struct ui *ui, int64_t patient_id);

/* The form correcting contact_id of the patient (its values filled in,
 * with "Why corrected"; the draft is kept as "contact-correct.ID"); NULL,
 * with the reason on the message line, when it cannot be opened (voided,
 * another patient's). Heap screen for ui_push. */
struct ui_screen *ui_contact_correct_new(struct ui *ui, int64_t patient_id, int64_t contact_id);
/* The same with its kept draft loaded. */
struct ui_screen *ui_contact_correct_resume(struct ui *ui, int64_t patient_id, int64_t contact_id);

#endif
