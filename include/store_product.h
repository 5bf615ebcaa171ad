/* store_product.h: storage of product lots (product.h) — added, corrected
 * or voided with a reason, read by lot, listed, and the patients who
 * received a lot (for a recall; the reading is audited). A write is one
 * transaction, audited, refused without PERM_RECORD; reads need PERM_READ.
 * Implemented in src/store/store_product.c. */
#ifndef HEPADESK_STORE_PRODUCT_H
#define HEPADESK_STORE_PRODUCT_H

#include <stdbool.h>
#include <stdint.h>

#include "date.h"
#include "patient.h"
#include "plan.h"
#include "product.h"
#include "status.h"
#include "store.h"

/* Record a lot (product_validate, warnings taken as confirmed: the caller
 * asked). ST_DUPLICATE when the lot (letter case ignored) is on file. On
 * success p->id, created_by and version are set. */
enum status store_product_add(struct store *st, struct product *p, struct err *e);

/* The lot named (letter case ignored), voided ones too; ST_NOT_FOUND
 * "no product lot 'LOT' on file". May run inside the caller's transaction. */
enum status store_product_get(struct store *st, const char *lot, struct product *out,
			      struct err *e);

/* Every lot, the newest received first, at most max. */
enum status store_product_list(struct store *st, struct product *out, int max, int *n,
			       struct err *e);

/* Replace the lot p->id's record with p (product_validate, confirmed),
 * keeping reason (1-200 characters); ST_CONFLICT when its version is no
 * longer p->version (someone changed it: nothing written). On success
 * p->version is the new one. */
enum status store_product_correct(struct store *st, struct product *p, const char *reason,
				  struct err *e);

/* Void the lot p->id at p->version with reason: an infusion can no longer
 * use it; the record stays. */
enum status store_product_void(struct store *st, struct product *p, const char *reason,
			       struct err *e);

/* One infusion of a lot, for a recall. */
struct product_recipient {
	int64_t patient_id;
	char mrn[PATIENT_MRN_MAX + 1];
	char name[PATIENT_NAME_MAX + 1];
	int64_t infusion_id;
	int64_t given_at;
	day_t date;
	enum plan_route route;
	double cells;
};

/* Every infusion given from the lot (letter case ignored), oldest first,
 * at most max; the reading is audited ("view" of product_lots, naming the
 * lot and the count) in its own transaction. */
enum status store_product_recipients(struct store *st, const struct product *p,
				     struct product_recipient *out, int max, int *n, struct err *e);

/* The patient's infusions, oldest first, each with the lot it names (the
 * record when on file), at most max. PERM_READ. */
enum status store_product_uses(struct store *st, int64_t patient_id, struct product_use *out,
			       int max, int *n, struct err *e);

#endif
