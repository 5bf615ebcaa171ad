/* ui_fixes.h: a patient's recorded results to correct — lab results,
 * imaging notes, infusions, adverse events and visits, one kind at a time, voided
 * ones marked; Enter opens the selected record's correction form, V voids
 * it with a reason. */
#ifndef HEPADESK_UI_FIXES_H
#define HEPADESK_UI_FIXES_H

#include <stdint.h>

#include "ui_screen.h"

/* The records screen of patient_id (the view is logged), showing lab
 * results first; NULL (with the reason on the message line) when it cannot
 * be read. */
struct ui_screen *ui_fixes_new(struct ui *ui, int64_t patient_id);

#endif
