/* ui_plan.h: the treatment plan of a patient — a new plan's form (route,
 * cells/kg, infusions, interval, first date) with the dose arithmetic and the
 * generated calendar shown before saving; an active plan with its calendar,
 * where a visit is rescheduled with a reason. plan_compute and the store do
 * every check and every date. */
#ifndef HEPADESK_UI_PLAN_H
#define HEPADESK_UI_PLAN_H

#include "patient.h"
#include "ui_screen.h"

/* The plan screen of patient p (copied): logs the view; shows the active
 * plan, or the form for a new one. Never NULL; a failure is shown on it. */
struct ui_screen *ui_plan_new(struct ui *ui, const struct patient *p);

#endif
