/* store_ro.h: what a read-only open (store_opts.readonly: `check` and
 * `audit verify` on a copy) found about the file that an ordinary open would
 * have refused. */
#ifndef HEPADESK_STORE_RO_H
#define HEPADESK_STORE_RO_H

#include "store.h"

/* Why the file is exposed ("database PATH can be read or written by other
 * users (mode 444); fix: chmod o-rwx 'PATH'"), or NULL when it is private.
 * Valid while st is open. */
const char *store_exposed(const struct store *st);

#endif
