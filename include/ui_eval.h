/* ui_eval.h: the intake evaluation — a guided sequence Labs > Imaging >
 * Scores the nurse can enter and leave at any step; each step keeps what was
 * typed while the nurse moves between steps. */
#ifndef HEPADESK_UI_EVAL_H
#define HEPADESK_UI_EVAL_H

#include "patient.h"
#include "ui_screen.h"

/* The evaluation of patient p (copied), starting at the labs step. Heap
 * screen for ui_push. */
struct ui_screen *ui_eval_new(struct ui *ui, const struct patient *p);

#endif
