/* store_imgfix.h: storage of corrections and voids of imaging notes — one
 * transaction each, the version checked, the audit trigger keeping the row
 * before and after. A voided note stays (who, when, why) and every other
 * reader of imaging leaves it out (AND voided_at IS NULL). */
#ifndef HEPADESK_STORE_IMGFIX_H
#define HEPADESK_STORE_IMGFIX_H

#include <stdbool.h>
#include <stdint.h>

#include "fix.h"
#include "imaging.h"
#include "status.h"
#include "store.h"

/* One stored imaging note as the listing shows it. */
struct imaging_entry_row {
	struct imaging_note n;
	bool voided;
	char void_reason[FIX_REASON_MAX + 1];
	char voided_by[64];
	char correction[FIX_REASON_MAX + 1]; /* the latest correction's reason; "" never */
};

/* Imaging note id of the patient, voided or not. ST_NOT_FOUND names the id. */
enum status store_imaging_get(struct store *st, int64_t patient_id, int64_t id,
			      struct imaging_entry_row *out, struct err *e);

/* Correct note n->id of patient n->patient_id to n's values (imaging_validate
 * and the date's plausibility apply, as for imaging add). n->version is the
 * version the caller read: another one is ST_CONFLICT. A voided note is
 * ST_INVALID. On success n->version is the new version; an HCC finding now
 * assessed closes the surveillance due, as a new note would. */
enum status store_imaging_fix(struct store *st, struct imaging_note *n, const char *reason,
			      struct err *e);

/* Void note id of the patient with a reason: ST_DUPLICATE when voided
 * already. The HCC surveillance the note had closed is open again. */
enum status store_imaging_void(struct store *st, int64_t patient_id, int64_t id, const char *reason,
			       struct err *e);

/* Every imaging note of the patient, voided ones too, newest first. */
enum status store_imaging_rows(struct store *st, int64_t patient_id, struct imaging_entry_row *out,
			       int max, int *n, struct err *e);

#endif
