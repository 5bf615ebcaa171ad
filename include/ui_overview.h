/* ui_overview.h: the patient overview — banner, latest labs with dates and
 * flags, current scores, imaging notes; single keys jump to each section and
 * e starts the intake evaluation. */
#ifndef HEPADESK_UI_OVERVIEW_H
#define HEPADESK_UI_OVERVIEW_H

#include <stddef.h>
#include <stdint.h>

#include "patient.h"
#include "ui_screen.h"

/* Open patient id: logs the view (store_patient_viewed) and loads the
 * overview. NULL, with the reason on the message line, when it cannot. */
struct ui_screen *ui_overview_new(struct ui *ui, int64_t patient_id);

#endif
