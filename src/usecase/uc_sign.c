/* uc_sign.c: the password, then the signed action with its signature. */
#include "uc_sign.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "signature.h"
#include "store_auth.h"
#include "store_eval.h"
#include "uc_checklist.h"
#include "uc_infusion.h"
#include "util.h"

enum status uc_sign_eval_meaning(struct store *st, const struct config *cfg,
				 const struct protocol *p, int64_t patient_id, day_t on, bool amend,
				 char *out, size_t n, struct err *e)
{
	struct checklist_result *r = xmalloc(sizeof *r);
	enum status s = uc_checklist_load(st, cfg, p, patient_id, on, r, e);
	if (s == ST_OK)
		sig_meaning_eval(r->status, amend, out, n);
	free(r);
	return s;
}

void uc_sign_override_meaning(const struct icheck_result *r, char *out, size_t n)
{
	char items[SIG_MEANING_MAX / 2] = "";
	size_t used = 0;
	for (int i = 0; i < ICHECK_COUNT; i++)
		if (r->lines[i].state == ICHK_CONFIRM && used < sizeof items)
			used +=
			    (size_t)snprintf(items + used, sizeof items - used, "%s%s",
					     used ? ", " : "", icheck_item_str(r->lines[i].item));
	if (!items[0])
		*out = '\0';
	else
		sig_meaning_override(items, out, n);
}

/* The permission, then the password (wiped in every case). */
static enum status reauth(struct store *st, const struct config *cfg, enum perm perm,
			  char *password, struct err *e)
{
	enum status s = store_may(st, perm, e);
	if (s != ST_OK) {
		if (password)
			sodium_memzero(password, strlen(password));
		return s;
	}
	return auth_verify(st, cfg, "signature", password, e);
}

enum status uc_sign_eval(struct store *st, const struct config *cfg, const struct protocol *p,
			 const char *protocol_text, int64_t patient_id, day_t on,
			 const char *reason, char *password, struct evaluation *out, struct err *e)
{
	enum status s =
	    reauth(st, cfg, reason ? PERM_AMEND_SIGNED : PERM_SIGN_EVALUATION, password, e);
	if (s == ST_OK)
		s = reason
			? uc_eval_amend(st, cfg, p, protocol_text, patient_id, on, reason, out, e)
			: uc_eval_sign(st, cfg, p, protocol_text, patient_id, on, out, e);
	store_auth_forget(st);
	return s;
}

enum status uc_sign_plan(struct store *st, const struct config *cfg, const struct protocol *p,
			 const struct plan_request *rq, int64_t patient_id, day_t today,
			 char *password, struct plan *out, struct schedule_item *items, int *n,
			 struct err *e)
{
	*n = 0;
	enum status s = reauth(st, cfg, PERM_PLAN, password, e);
	if (s == ST_OK)
		s = store_plan_add(st, p, rq, patient_id, today, out, items, n, e);
	store_auth_forget(st);
	return s;
}

enum status uc_sign_override(struct store *st, const struct config *cfg, const struct protocol *p,
			     struct infusion *f, day_t today, char *password,
			     struct icheck_result *res, struct err *e)
{
	enum status s = reauth(st, cfg, PERM_CONFIRM_OVERRIDE, password, e);
	if (s == ST_OK)
		s = uc_infusion_add(st, p, f, today, res, e);
	store_auth_forget(st);
	return s;
}
