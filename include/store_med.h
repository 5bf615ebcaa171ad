/* store_med.h: storage of concomitant medications (med.h) — an entry
 * added, stopped, corrected or voided with a reason, read, and a patient's
 * list by start. A write is one transaction, audited, refused without
 * PERM_RECORD; reads need PERM_READ. Implemented in src/store/store_med.c. */
#ifndef HEPADESK_STORE_MED_H
#define HEPADESK_STORE_MED_H

#include <stdint.h>

#include "med.h"
#include "status.h"
#include "store.h"

/* Record an entry (med_validate, warnings taken as confirmed: the caller
 * asked; the start plausible for the patient). On success m->id is set. */
enum status store_med_add(struct store *st, struct med *m, struct err *e);

/* One entry of the patient by its number; ST_NOT_FOUND otherwise. */
enum status store_med_get(struct store *st, int64_t patient_id, int64_t id, struct med *out,
			  struct err *e);

/* The patient's entries by start, then number (voided ones too), at most
 * max. */
enum status store_med_list(struct store *st, int64_t patient_id, struct med *out, int max, int *n,
			   struct err *e);

/* Write m (its id and version as read) back with reason: a stop (m->stop
 * set, reason may be "" for none), a correction (reason required). ST_CONFLICT
 * when the row moved on, ST_INVALID when it is voided. */
enum status store_med_update(struct store *st, struct med *m, const char *reason, bool need_reason,
			     struct err *e);

/* Void entry m->id at m->version with reason. */
enum status store_med_void(struct store *st, struct med *m, const char *reason, struct err *e);

#endif
