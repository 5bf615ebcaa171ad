/* ui_qol.h: the questionnaire screen — an installed instrument given item by
 * item, each answered with number keys, then its domain scores and save. */
#ifndef HEPADESK_UI_QOL_H
#define HEPADESK_UI_QOL_H

#include <stdint.h>

#include "ui_screen.h"

/* The screen for patient id (the instrument is chosen first when more than
 * one is installed); NULL, with the reason on the message line, when it
 * cannot be opened. Heap screen for ui_push. */
struct ui_screen *ui_qol_new(struct ui *ui, int64_t patient_id);

/* The same screen with the patient's kept draft (instrument and answers). */
struct ui_screen *ui_qol_resume(struct ui *ui, int64_t patient_id);

/* Questionnaire id of the patient to correct: its answers reviewed and
 * changed item by item on the same screen, saved with a reason (asked on
 * save); a kept correction draft ("qol-correct.ID") is loaded. NULL, with
 * the reason on the message line, when it cannot be opened. */
struct ui_screen *ui_qol_correct_new(struct ui *ui, int64_t patient_id, int64_t id);

#endif
