/* uc_ae.h: recording an adverse event under the protocol — its expectedness
 * from the protocol's list and, for a serious one, the reports it owes from
 * the site's awareness, stored together (command line and screens alike). */
#ifndef HEPADESK_UC_AE_H
#define HEPADESK_UC_AE_H

#include "ae.h"
#include "protocol.h"
#include "sae.h"
#include "status.h"
#include "store.h"

/* Set a->expected from p (and a->aware_at to now when 0), then record the
 * event with the reports sae_deadlines owes (store_sae_add). due (when not
 * NULL, room for 2) and *ndue receive the reports owed. Refusals as
 * ae_validate and store_sae_add. */
enum status uc_ae_add(struct store *st, const struct protocol *p, struct ae *a, struct sae_due *due,
		      int *ndue, struct err *e);

/* Correct an adverse event's details (a as corrected, a->version the one
 * read): its expectedness from p's list for the term, and when it is serious
 * the reports sae_deadlines owes, then store_ae_fix (which adds those it has
 * not got). due (room for 2, or NULL) and *ndue receive the reports owed. */
enum status uc_ae_correct(struct store *st, const struct protocol *p, struct ae *a,
			  const char *reason, bool confirmed, struct sae_due *due, int *ndue,
			  struct err *e);

#endif
