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

#endif
