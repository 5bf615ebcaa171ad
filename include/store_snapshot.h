/* store_snapshot.h: one read snapshot over several reads. Each statement
 * outside a transaction takes a snapshot of its own; while many sessions
 * write, every such start competes for the few WAL read slots and can wait
 * in the busy handler. A screen or command that reads many things at once
 * takes one snapshot for all of them (and sees them consistent). */
#ifndef HEPADESK_STORE_SNAPSHOT_H
#define HEPADESK_STORE_SNAPSHOT_H

#include "store.h"

/* Begin a read-only transaction (BEGIN, no lock taken until the first
 * read); ST_OK or the failure. No write may run until store_snapshot_end. */
enum status store_snapshot_begin(struct store *st, struct err *e);

/* End it (a read transaction: nothing to save); safe when none is open. */
void store_snapshot_end(struct store *st);

#endif
