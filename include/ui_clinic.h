/* ui_clinic.h: the clinic dashboard, the home screen — today's due visits,
 * overdue visits, patients awaiting evaluation or sign-off, recent grade >= 3
 * and serious adverse events, counts, and the nurse's recent patients; Enter
 * opens the patient of the highlighted row. */
#ifndef HEPADESK_UI_CLINIC_H
#define HEPADESK_UI_CLINIC_H

#include "ui_screen.h"

/* The home screen (the bottom of the stack: back quits). It loads the
 * clinic dashboard when first drawn and again after every screen above it
 * closed. Heap screen for ui_push. */
struct ui_screen *ui_clinic_new(struct ui *ui);

#endif
