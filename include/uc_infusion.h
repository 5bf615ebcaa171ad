/* uc_infusion.h: the pre-infusion check as a use case — its input loaded
 * from storage and judged by the model (infusion_check.h) — and recording an
 * infusion through it, for the command line and the screens alike. */
#ifndef HEPADESK_UC_INFUSION_H
#define HEPADESK_UC_INFUSION_H

#include <stdbool.h>
#include <stdint.h>

#include "infusion.h"
#include "infusion_check.h"
#include "protocol.h"
#include "status.h"
#include "store.h"

/* Check an infusion of the patient under p: its input loaded from storage
 * (f: the infusion's values, or NULL when they are not known yet, the day
 * then being today; f->schedule_id 0 checks against the next open scheduled
 * infusion), then infusion_check_run. */
enum status uc_infusion_check(struct store *st, const struct protocol *p, int64_t patient_id,
			      const struct infusion *f, day_t today, struct icheck_result *out,
			      struct err *e);

/* Record f after its check in one transaction (store_infusion_add): a
 * refused item is ST_INVALID naming it; an item that needs confirmation is
 * ST_CONFIRM unless f->override_reason is set by a physician. res (when not
 * NULL) receives the check. */
enum status uc_infusion_add(struct store *st, const struct protocol *p, struct infusion *f,
			    day_t today, struct icheck_result *res, struct err *e);

/* Correct stored infusion f->id (f: the corrected values, f->version the
 * version read) with a reason through store_infusion_fix, checked by
 * infusion_check_correction against the infusion's own plan, its scheduled
 * item and the infusion before it. A lot named without expiry takes the
 * lot's on file. res (when not NULL) receives the check. */
enum status uc_infusion_correct(struct store *st, const struct protocol *p, struct infusion *f,
				const char *reason, bool confirmed, day_t today,
				struct icheck_result *res, struct err *e);

#endif
