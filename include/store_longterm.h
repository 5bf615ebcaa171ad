/* store_longterm.h: storage of long-term follow-up — the survival contacts
 * and HCC surveillance scheduled with a plan, survival contacts recorded
 * (closing their scheduled item and recording a death or transplant as the
 * patient's status in the same transaction), voided with a reason, and the
 * facts the event history is built from. Each write is one transaction,
 * checks the actor's role and is audited. Implemented in
 * src/store/store_longterm.c. */
#ifndef HEPADESK_STORE_LONGTERM_H
#define HEPADESK_STORE_LONGTERM_H

#include <stdbool.h>
#include <stdint.h>

#include "imaging.h"
#include "longterm.h"
#include "plan.h"
#include "status.h"
#include "store.h"

/* --- inside the caller's transaction (other storage files) --- */
/* Insert the long-term items of plan pl (lt_schedule from its first
 * infusion and the last visit of items[0..n-1]). */
enum status store_lt_plan_insert(struct store *st, const struct protocol *p, const struct plan *pl,
				 const struct schedule_item *items, int n, struct err *e);
/* Cancel a patient's open long-term items (plan_id 0: of every plan;
 * patient_id 0: the plan's patient; one of them must be given); with
 * keep_contacts the survival contacts stay open (a transplanted patient is
 * still followed for survival). */
enum status store_lt_close(struct store *st, int64_t patient_id, int64_t plan_id,
			   bool keep_contacts, struct err *e);
/* An imaging note that looked for HCC by ultrasound, CT or MRI closes the
 * newest open surveillance item whose window opened by its date (done), and
 * older open ones as missed. */
enum status store_lt_imaging(struct store *st, const struct imaging_note *n, struct err *e);

/* --- the patient's long-term follow-up --- */
/* The long-term items, by due day (at most max). PERM_READ. */
enum status store_lt_items(struct store *st, int64_t patient_id, struct lt_item *out, int max,
			   int *n, struct err *e);
/* Record contact c on day today (PERM_RECORD): lt_contact_validate, the
 * scheduled contact it closes (lt_match_contact; c->item_id and
 * c->item_label set), and a transplant or death not already recorded set
 * as the patient's status with the same rules as `hepadesk status`
 * (pstate_check_change; a refusal writes nothing). On success c->id,
 * c->recorded_by and c->version are set. */
enum status store_contact_add(struct store *st, struct lt_contact *c, day_t today, struct err *e);
/* Correct contact c->id of patient c->patient_id in place to what c holds,
 * at version c->version (ST_CONFLICT when it changed since it was read),
 * with a reason (1-200 characters, kept as its correction reason; both
 * versions audited). The same checks as store_contact_add; it stays the
 * same scheduled contact. A death or transplant it now records for the
 * first time becomes the patient's status as with a new contact; one it
 * had recorded cannot be taken back or re-dated (lt_contact_correction).
 * On success c->version, c->item_id/item_label and c->recorded_by are set.
 * ST_NOT_FOUND, ST_DUPLICATE if voided. PERM_RECORD. */
enum status store_contact_correct(struct store *st, struct lt_contact *c, const char *reason,
				  day_t today, struct err *e);
/* Contact id of the patient (voided or not) into *c. ST_NOT_FOUND when
 * there is none or it is another patient's. PERM_READ. */
enum status store_contact_get(struct store *st, int64_t patient_id, int64_t id,
			      struct lt_contact *c, struct err *e);
/* Void contact id of the patient with a reason (1-200 characters), at the
 * version read (ST_CONFLICT when it changed): kept, marked voided, and its
 * scheduled item opened again. A status it recorded stays (a status is
 * changed with `hepadesk status`). ST_NOT_FOUND, ST_DUPLICATE if voided. */
enum status store_contact_void(struct store *st, int64_t patient_id, int64_t id, int64_t version,
			       const char *reason, struct err *e);
/* The contacts, oldest first (voided ones too when with_voided), at most
 * max. PERM_READ. */
enum status store_contact_list(struct store *st, int64_t patient_id, bool with_voided,
			       struct lt_contact *out, int max, int *n, struct err *e);

/* The day of the first infusion (DAY_NONE), of the newest visit done
 * (DAY_NONE), and the days of imaging that found HCC (at most max).
 * PERM_READ. */
enum status store_lt_facts(struct store *st, int64_t patient_id, day_t *first_infusion,
			   day_t *last_visit, day_t *hcc_days, int max, int *nhcc, struct err *e);

/* --- the clinic's work list --- */
struct lt_due_row {
	struct lt_item item;
	char mrn[64];
	char name[128];
};
/* Open long-term items of kind whose window has opened by day (due and
 * overdue), soonest due first, at most max; *count is how many there are.
 * PERM_READ. */
enum status store_lt_due(struct store *st, enum lt_kind kind, day_t day, struct lt_due_row *out,
			 int max, int *n, int64_t *count, struct err *e);

#endif
