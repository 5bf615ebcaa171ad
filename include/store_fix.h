/* store_fix.h: storage of corrections and voids of lab results — one
 * transaction each, the version checked, the audit trigger keeping the row
 * before and after. A voided row stays (who, when, why) and every other
 * reader of labs leaves it out (AND voided_at IS NULL). */
#ifndef HEPADESK_STORE_FIX_H
#define HEPADESK_STORE_FIX_H

#include <stdbool.h>
#include <stdint.h>

#include "fix.h"
#include "lab.h"
#include "status.h"
#include "store.h"

/* One stored lab row as the listing shows it. */
struct lab_entry_row {
	struct lab_result r;
	bool voided;
	char void_reason[FIX_REASON_MAX + 1];
	char voided_by[64];
	char correction[FIX_REASON_MAX + 1]; /* the latest correction's reason; "" never */
};

/* Lab row id of the patient, voided or not. ST_NOT_FOUND names the id. */
enum status store_lab_get(struct store *st, int64_t patient_id, int64_t id,
			  struct lab_entry_row *out, struct err *e);

/* The latest result (not voided) of r's analyte on or before r's day other
 * than row r->id; *found false when none. For unit sense of a correction. */
enum status store_lab_previous(struct store *st, const struct lab_result *r, struct lab_result *out,
			       bool *found, struct err *e);

/* Correct row r->id of patient r->patient_id to r's value, unit and date.
 * r->version is the version the caller read: another one is ST_CONFLICT.
 * A voided row, or a new day for a visit's lab, is ST_INVALID; the checks of
 * store_lab_add apply. On success r->version is the new version. */
enum status store_lab_fix(struct store *st, struct lab_result *r, const char *reason,
			  struct err *e);

/* Void row id of the patient with a reason: ST_DUPLICATE when voided
 * already. */
enum status store_lab_void(struct store *st, int64_t patient_id, int64_t id, const char *reason,
			   struct err *e);

/* Every lab row of the patient, voided ones too, newest first. */
enum status store_lab_rows(struct store *st, int64_t patient_id, struct lab_entry_row *out, int max,
			   int *n, struct err *e);

#endif
