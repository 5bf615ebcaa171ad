/* ui_infusion_check.h: the pre-infusion check shown before the infusion
 * form — each item with its state and the data it used, from the same use
 * case as `hepadesk infusion check` (uc_infusion.h). */
#ifndef HEPADESK_UI_INFUSION_CHECK_H
#define HEPADESK_UI_INFUSION_CHECK_H

#include <stdint.h>

#include "ui_screen.h"

/* The check of patient id's next infusion. When an item refuses, the form
 * stays closed and the screen names the item; otherwise Enter replaces the
 * check with the infusion form (ui_infusion.h). NULL, with the reason on
 * the message line, when the check cannot be run. Heap screen for ui_push. */
struct ui_screen *ui_infusion_check_new(struct ui *ui, int64_t patient_id);

#endif
