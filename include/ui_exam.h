/* ui_exam.h: the examination form — date, ascites (ICA 0-3), hepatic
 * encephalopathy (West Haven 0-4), dialysis in the 7 days before, weight and
 * dry weight — a field table on the form engine (ui_formdef.h), opened from
 * the patient screens and the evaluation's Examination step. */
#ifndef HEPADESK_UI_EXAM_H
#define HEPADESK_UI_EXAM_H

#include <stdint.h>

#include "ui_screen.h"

/* The form for patient id; NULL, with the reason on the message line, when
 * it cannot be opened. Heap screen for ui_push. */
struct ui_screen *ui_exam_new(struct ui *ui, int64_t patient_id);

/* The same form with the patient's kept draft loaded (chosen from the list
 * of drafts); NULL as for ui_exam_new. */
struct ui_screen *ui_exam_resume(struct ui *ui, int64_t patient_id);

#endif
