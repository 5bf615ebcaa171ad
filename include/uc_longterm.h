/* uc_longterm.h: a patient's long-term follow-up as the screens and
 * commands show it — the contacts, the long-term schedule, the current
 * status and the event history with time-to-event data — loaded from
 * storage and run through the model (longterm.h). */
#ifndef HEPADESK_UC_LONGTERM_H
#define HEPADESK_UC_LONGTERM_H

#include <stdint.h>

#include "longterm.h"
#include "pstate.h"
#include "status.h"
#include "store.h"

#define UC_LT_CONTACTS_MAX 48
#define UC_LT_STATUSES_MAX 32

struct uc_longterm {
	struct pstatus status;				/* the current one */
	struct lt_contact contacts[UC_LT_CONTACTS_MAX]; /* voided ones too, oldest first */
	int ncontacts;
	struct lt_item items[LT_ITEMS_MAX]; /* by due day */
	int nitems;
	struct lt_history history;
};

/* Load patient_id's long-term follow-up into *out (heap-sized: allocate it,
 * it is large). PERM_READ. */
enum status uc_longterm_load(struct store *st, int64_t patient_id, struct uc_longterm *out,
			     struct err *e);

#endif
