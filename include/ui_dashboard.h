/* ui_dashboard.h: the patient dashboard — per measure baseline, latest,
 * change in units and per cent, a direction word and a trend line; symptom
 * and grade history over visits; adverse events; the visit calendar; time
 * since the first infusion and the next visit with its window. */
#ifndef HEPADESK_UI_DASHBOARD_H
#define HEPADESK_UI_DASHBOARD_H

#include <stdbool.h>
#include <stdint.h>

#include "ui_screen.h"

/* Open patient id's dashboard: logs the view and loads it. NULL, with the
 * reason on the message line, when it cannot. Heap screen for ui_push. */
struct ui_screen *ui_dashboard_new(struct ui *ui, int64_t patient_id);

/* The follow-up keys of the patient screens: d the dashboard, v a visit,
 * a an adverse event, f an infusion, for patient id. True when key was one
 * of them (the screen is pushed, or the message line says why not). */
bool ui_dashboard_key(struct ui *ui, int64_t patient_id, int key);

#endif
