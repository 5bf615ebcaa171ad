/* store_sig_int.h (internal to the store): writing a signature inside the
 * transaction of the record it signs. Each refuses (ST_DENIED) unless the
 * actor's password was accepted for a signature in this run
 * (store_auth_record) and not used yet; the acceptance is used up. The
 * signer is the actor, the time the transaction's, the hash that of the
 * canonical text (signature.h). */
#ifndef HEPADESK_STORE_SIG_INT_H
#define HEPADESK_STORE_SIG_INT_H

#include <stdbool.h>

#include "checklist.h"
#include "infusion.h"
#include "infusion_check.h"
#include "plan.h"
#include "status.h"

struct store;

/* ev: the evaluation just inserted (its id set); the detail is read from
 * its row. */
enum status store_sig_evaluation(struct store *st, const struct evaluation *ev, struct err *e);
enum status store_sig_plan(struct store *st, const struct plan *pl, struct err *e);
/* f: the infusion just inserted with an override; check: the stored check
 * JSON; r: the check, whose items needing confirmation are named in the
 * meaning. */
enum status store_sig_override(struct store *st, const struct infusion *f, const char *check,
			       const struct icheck_result *r, struct err *e);

#endif
