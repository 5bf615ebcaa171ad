/* uc_ae.c: an adverse event judged against the protocol (expectedness, the
 * reporting clock) and recorded with the reports it owes. */
#include "uc_ae.h"

#include "store_aefix.h"
#include "store_sae.h"

enum status uc_ae_add(struct store *st, const struct protocol *p, struct ae *a, struct sae_due *due,
		      int *ndue, struct err *e)
{
	struct sae_due own[2];
	if (!due)
		due = own;
	if (!a->aware_at) { /* aware when it is recorded (or at onset) */
		int64_t now = store_now(st);
		a->aware_at = a->onset_at > now ? a->onset_at : now;
	}
	a->expected = protocol_expects(p, a->term);
	int n = sae_deadlines(a, p, due);
	if (ndue)
		*ndue = n;
	return store_sae_add(st, a, due, n, e);
}

enum status uc_ae_correct(struct store *st, const struct protocol *p, struct ae *a,
			  const char *reason, bool confirmed, struct sae_due *due, int *ndue,
			  struct err *e)
{
	struct sae_due own[2];
	if (!due)
		due = own;
	a->expected = protocol_expects(p, a->term);
	int n = a->serious ? sae_deadlines(a, p, due) : 0;
	if (ndue)
		*ndue = n;
	return store_ae_fix(st, a, reason, confirmed, due, n, e);
}
