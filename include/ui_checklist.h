/* ui_checklist.h: the pre-treatment checklist of a patient — every protocol
 * item with its mark and reason, the overall result and what blocks it;
 * nurse-confirmed items are answered here, the evaluation signed and (by
 * physicians) amended. Everything is computed by the checklist model. */
#ifndef HEPADESK_UI_CHECKLIST_H
#define HEPADESK_UI_CHECKLIST_H

#include "patient.h"
#include "ui_screen.h"

/* The checklist of patient p (copied) as of today: logs the view and loads
 * the protocol in force. Never NULL; a load failure is shown on the screen. */
struct ui_screen *ui_checklist_new(struct ui *ui, const struct patient *p);

#endif
