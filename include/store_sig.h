/* store_sig.h: electronic signatures in storage (the signatures table):
 * read with the record they sign. They are written only inside the signing
 * transaction of the record (src/store/store_sig_int.h). Implemented in
 * src/store/store_sig.c. */
#ifndef HEPADESK_STORE_SIG_H
#define HEPADESK_STORE_SIG_H

#include <stdbool.h>
#include <stdint.h>

#include "signature.h"
#include "status.h"
#include "store.h"

/* The signature of row row_id of table tbl ("evaluations", "plans",
 * "infusions") into *out; *found false when the record carries none (a
 * record from before signatures, or a demo). PERM_READ. */
enum status store_sig_get(struct store *st, const char *tbl, int64_t row_id, struct signature *out,
			  bool *found, struct err *e);

#endif
