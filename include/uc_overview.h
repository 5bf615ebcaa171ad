/* uc_overview.h: one patient's overview as of a day: latest labs
 * and imaging from storage, scores by the model (overview.h). */
#ifndef HEPADESK_UC_OVERVIEW_H
#define HEPADESK_UC_OVERVIEW_H

#include <stdint.h>

#include "config.h"
#include "date.h"
#include "overview.h"
#include "status.h"
#include "store.h"

/* Load and compute the overview of one patient as of today. Does not log a
 * view (callers do, once per open). */
enum status uc_overview_load(struct store *st, int64_t patient_id, day_t today,
			     const struct config *cfg, struct overview *out, struct err *e);

#endif
