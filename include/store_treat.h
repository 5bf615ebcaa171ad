/* store_treat.h: storage of safe treatment — the patient's status with its
 * dates, infusions recorded through their pre-infusion check (with a
 * physician's override when one is needed), and a physician's review of an
 * adverse event. Each write is one transaction, checks the actor's role and
 * is audited. Implemented in src/store/store_treat.c. */
#ifndef HEPADESK_STORE_TREAT_H
#define HEPADESK_STORE_TREAT_H

#include <stdbool.h>
#include <stdint.h>

#include "ae.h"
#include "infusion.h"
#include "infusion_check.h"
#include "pstate.h"
#include "status.h"
#include "store.h"

/* --- the patient's status --- */
/* The current status (the newest recorded); out->id 0 and state screening
 * when nothing was recorded. PERM_READ. */
enum status store_status_current(struct store *st, int64_t patient_id, struct pstatus *out,
				 struct err *e);
/* Every status change, oldest first, at most max. PERM_READ. */
enum status store_status_history(struct store *st, int64_t patient_id, struct pstatus *out, int max,
				 int *n, struct err *e);
/* Record a change of status (PERM_RECORD) after pstate_check_change against
 * the current one, with the store's day as today. Withdrawn, transplanted
 * and deceased close the active plan and its open infusions and visits with
 * the state, the date and the reason, in the same transaction. On success
 * ps->id and ps->recorded_by are set. */
enum status store_status_set(struct store *st, struct pstatus *ps, struct err *e);

/* --- infusions, through the check --- */
/* How an infusion is checked, supplied by the layer above (uc_infusion.h):
 * storage calls fn inside the recording transaction, so what the check read
 * and the row written are one snapshot. */
struct store_infusion_checker {
	enum status (*fn)(void *ctx, struct store *st, const struct infusion *f,
			  struct icheck_result *out, struct err *e);
	void *ctx;
};

/* Record infusion f (store_infusion_checks first) in one transaction after
 * its check (res, when not NULL, receives it):
 * - a refused item: ST_INVALID "infusion check: ITEM: reason", nothing written;
 * - items that need confirmation: without f->override_reason, ST_CONFIRM
 *   naming the first; with it (1-200 characters), only a physician
 *   (PERM_CONFIRM_OVERRIDE) records it, as f->override_by;
 * - the check's items are stored with the infusion (check_detail, audited).
 * With a schedule_id the item must be the patient's open infusion item,
 * closed as done. */
enum status store_infusion_add(struct store *st, struct infusion *f,
			       const struct store_infusion_checker *chk, struct icheck_result *res,
			       struct err *e);
/* The last infusion given before time t (seconds); *found false when none. */
enum status store_infusion_last(struct store *st, int64_t patient_id, int64_t t,
				struct infusion *out, bool *found, struct err *e);
/* Infusions given on or after day `since`. */
enum status store_infusion_count(struct store *st, int64_t patient_id, day_t since, int *n,
				 struct err *e);

/* --- adverse events --- */
/* A physician's review of an adverse event (PERM_REVIEW_AE): reviewed_by
 * and reviewed_at are set; the stopping rules then no longer halt on it.
 * version is the one read (ST_CONFLICT if it changed); ST_NOT_FOUND when
 * not this patient's; ST_DUPLICATE when it was reviewed already. */
enum status store_ae_review(struct store *st, int64_t patient_id, int64_t id, int64_t version,
			    struct ae *out, struct err *e);

#endif
