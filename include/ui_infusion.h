/* ui_infusion.h: the infusion form — when, route, cells, lot, who gave it,
 * reactions. */
#ifndef HEPADESK_UI_INFUSION_H
#define HEPADESK_UI_INFUSION_H

#include <stdint.h>

#include "ui_screen.h"

/* The form for patient id; NULL, with the reason on the message line, when
 * it cannot be opened. Heap screen for ui_push. */
struct ui_screen *ui_infusion_new(struct ui *ui, int64_t patient_id);

#endif
