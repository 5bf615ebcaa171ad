/* store_infix.h: storage of corrections of infusions — the patient's
 * infusions listed with their numbers, one read, and a correction in one
 * transaction after its check, the version checked, the audit trigger
 * keeping the row before and after, the reason kept on the row. */
#ifndef HEPADESK_STORE_INFIX_H
#define HEPADESK_STORE_INFIX_H

#include <stdbool.h>
#include <stdint.h>

#include "fix.h"
#include "infusion.h"
#include "plan.h"
#include "status.h"
#include "store.h"
#include "store_treat.h"

/* One stored infusion as the listing shows it. */
struct infusion_row {
	struct infusion f;
	char correction[FIX_REASON_MAX + 1]; /* the latest correction's reason; "" never */
};

/* Infusion id of the patient; ST_NOT_FOUND names the id. PERM_READ. */
enum status store_infusion_get(struct store *st, int64_t patient_id, int64_t id,
			       struct infusion_row *out, struct err *e);

/* Every infusion of the patient, newest first, at most max. PERM_READ. */
enum status store_infusion_rows(struct store *st, int64_t patient_id, struct infusion_row *out,
				int max, int *n, struct err *e);

/* The last infusion given at or before t other than row `except`; *found
 * false when none. For the interval of a corrected infusion. PERM_READ. */
enum status store_infusion_prior(struct store *st, int64_t patient_id, int64_t t, int64_t except,
				 struct infusion *out, bool *found, struct err *e);

/* The plan an infusion was given under: the plan of its scheduled item
 * (schedule_id), else the patient's active plan; *found false when none.
 * PERM_READ. */
enum status store_infusion_plan(struct store *st, int64_t patient_id, int64_t schedule_id,
				struct plan *out, bool *found, struct err *e);

/* Correct infusion f->id of patient f->patient_id to f's time, route,
 * cells, lot and its expiry, given-by, reaction, observations and note (its
 * scheduled item stays). f->version is the version the caller read: another
 * is ST_CONFLICT. The checks of store_infusion_checks apply, then chk (the
 * correction's check, inside the transaction; res receives it when not
 * NULL): a refused item is ST_INVALID naming it; an item that needs
 * confirmation is ST_CONFIRM unless confirmed, and only a physician
 * (PERM_CONFIRM_OVERRIDE) confirms it — the override is then the
 * correction's reason, by the physician. Adverse events are linked again to
 * the last infusion before their onset. On success f->version is the new
 * version. */
enum status store_infusion_fix(struct store *st, struct infusion *f, const char *reason,
			       bool confirmed, const struct store_infusion_checker *chk,
			       struct icheck_result *res, struct err *e);

#endif
