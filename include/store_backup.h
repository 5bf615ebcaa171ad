/* store_backup.h: a consistent copy of the open database while people work
 * (SQLite's online backup API), with its audit key and witness, verified
 * before it gets its name. Implemented in src/store/store_backup.c. */
#ifndef HEPADESK_STORE_BACKUP_H
#define HEPADESK_STORE_BACKUP_H

#include <stdint.h>

#include "status.h"
#include "store.h"

struct backup_report {
	int64_t pages;	    /* database pages copied */
	int64_t audit_rows; /* rows in the copy's audit trail */
	int64_t head_seq;   /* the copy's newest audit row */
};

/* Copy the database to dest (which must not exist), with dest.key and
 * dest.witness beside it, each mode 0440 (owner and the database's group
 * may read; nobody may write), in rollback-journal mode so that a read-only
 * copy opens without -wal or -shm files. The copy is opened read-only and
 * must pass the integrity check and the audit chain verification (key and
 * witness) before it is renamed to dest; otherwise nothing is left behind.
 * Needs PERM_AUDIT. */
enum status store_backup(struct store *st, const char *dest, struct backup_report *out,
			 struct err *e);

#endif
