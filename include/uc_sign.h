/* uc_sign.h: signing, for the command line and the screens alike. What is
 * signed and its meaning are shown first (the *_meaning functions); then the
 * user's own password is checked again through PAM (auth.h); then the
 * signed action and its signature (store_sig.h) are one transaction. Each
 * signing function wipes password whatever the outcome, and checks the
 * actor's permission before the password is tried, so a user who may not
 * sign is refused without a password attempt being counted. */
#ifndef HEPADESK_UC_SIGN_H
#define HEPADESK_UC_SIGN_H

#include <stddef.h>
#include <stdint.h>

#include "checklist.h"
#include "config.h"
#include "infusion.h"
#include "infusion_check.h"
#include "plan.h"
#include "protocol.h"
#include "schedule.h"
#include "status.h"
#include "store.h"

/* The meaning of signing the patient's evaluation on `on` now (amend: an
 * amendment): "I approve this evaluation: READY". */
enum status uc_sign_eval_meaning(struct store *st, const struct config *cfg,
				 const struct protocol *p, int64_t patient_id, day_t on, bool amend,
				 char *out, size_t n, struct err *e);
/* The meaning of an override of the check r: "I override the pre-infusion
 * check: dose" (the items that need confirmation); "" when none does. */
void uc_sign_override_meaning(const struct icheck_result *r, char *out, size_t n);

/* Sign (reason NULL) or amend (with reason) the evaluation: uc_eval_sign /
 * uc_eval_amend after the password. */
enum status uc_sign_eval(struct store *st, const struct config *cfg, const struct protocol *p,
			 const char *protocol_text, int64_t patient_id, day_t on,
			 const char *reason, char *password, struct evaluation *out, struct err *e);
/* Make (and approve) a treatment plan: store_plan_add after the password. */
enum status uc_sign_plan(struct store *st, const struct config *cfg, const struct protocol *p,
			 const struct plan_request *rq, int64_t patient_id, day_t today,
			 char *password, struct plan *out, struct schedule_item *items, int *n,
			 struct err *e);
/* Record infusion f with a physician's override of its check
 * (f->override_reason set): uc_infusion_add after the password. */
enum status uc_sign_override(struct store *st, const struct config *cfg, const struct protocol *p,
			     struct infusion *f, day_t today, char *password,
			     struct icheck_result *res, struct err *e);

#endif
