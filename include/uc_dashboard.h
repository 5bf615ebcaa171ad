/* uc_dashboard.h: the follow-up dashboard of one patient and the
 * clinic dashboard, loaded from storage and built by the model (dashboard.h). */
#ifndef HEPADESK_UC_DASHBOARD_H
#define HEPADESK_UC_DASHBOARD_H

#include <stdint.h>

#include "config.h"
#include "dashboard.h"
#include "date.h"
#include "status.h"
#include "store.h"

/* Load a patient's dashboard as of today (about 200 KB: allocate it). Reads
 * a bounded history (the newest DASH_SERIES_MAX values of each series). Does
 * not log a view (callers do, once per open). */
enum status uc_dashboard_load(struct store *st, int64_t patient_id, day_t today,
			      const struct config *cfg, struct dashboard *out, struct err *e);

/* Load the clinic dashboard for today: every list bounded by limit (at most
 * CLINIC_LIST_MAX), every query on an index (no full table scan). Large
 * (several hundred KB): allocate it. */
enum status uc_clinic_load(struct store *st, day_t today, int limit, struct clinic_dashboard *out,
			   struct err *e);

#endif
