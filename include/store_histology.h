/* store_histology.h: storage of biopsy histology (histology.h) — a biopsy
 * added, corrected or voided with a reason, read, and a patient's biopsies
 * oldest first. A write is one transaction, audited, refused without
 * PERM_RECORD; reads need PERM_READ. Implemented in
 * src/store/store_histology.c. */
#ifndef HEPADESK_STORE_HISTOLOGY_H
#define HEPADESK_STORE_HISTOLOGY_H

#include <stdint.h>

#include "histology.h"
#include "status.h"
#include "store.h"

/* Record a biopsy (histology_validate, warnings taken as confirmed: the
 * caller asked; the date plausible for the patient). On success h->id,
 * created_by and version are set. */
enum status store_histology_add(struct store *st, struct histology *h, struct err *e);

/* One biopsy of the patient by its number; ST_NOT_FOUND otherwise. */
enum status store_histology_get(struct store *st, int64_t patient_id, int64_t id,
				struct histology *out, struct err *e);

/* The patient's biopsies, oldest first (voided ones too, marked), at most
 * max. */
enum status store_histology_list(struct store *st, int64_t patient_id, struct histology *out,
				 int max, int *n, struct err *e);

/* Replace biopsy h->id with h, keeping reason; ST_CONFLICT when its version
 * is no longer h->version, ST_INVALID when it is voided. */
enum status store_histology_correct(struct store *st, struct histology *h, const char *reason,
				    struct err *e);

/* Void biopsy h->id at h->version with reason; the row stays, marked. */
enum status store_histology_void(struct store *st, struct histology *h, const char *reason,
				 struct err *e);

#endif
