/* store_hl7.h: storage of lab results from the HL7 feed: one transaction
 * per message (its results, corrections and queued items, and the message's
 * own row that makes a second delivery a duplicate), and the queue of what
 * waits for a nurse. Audited by the storage layer's triggers. */
#ifndef HEPADESK_STORE_HL7_H
#define HEPADESK_STORE_HL7_H

#include <stdint.h>

#include "hl7map.h"
#include "store.h"

/* What one message left behind. */
struct hl7_saved {
	int64_t message_id;
	int stored, corrected, queued, noted;
};

/* Save the fate of one message (items[0..n)) in one transaction: STORE rows
 * inserted, CORRECT rows correct the latest row of the same patient,
 * analyte, collection date and source (or are inserted when there is none),
 * QUEUE rows queued, NOTE rows kept in the message's notes. Needs
 * PERM_RECORD. ST_DUPLICATE, writing nothing, when (sender, control_id)
 * was saved before. via is "file" or "mllp". */
enum status store_hl7_save(struct store *st, const char *sender, const char *control_id,
			   const char *via, struct hl7_item *items, int n, struct hl7_saved *out,
			   struct err *e);

/* Has (sender, control_id) been saved? (For a dry run; store_hl7_save
 * decides inside its transaction.) */
enum status store_hl7_seen(struct store *st, const char *sender, const char *control_id, bool *seen,
			   struct err *e);

/* One queued item as stored. Text is the message's own: neutralise it
 * before output. */
struct hl7_queued {
	int64_t id, version, message_id, created;
	char sender[HL7_SENDER_MAX + 1];
	char control_id[HL7_ID_MAX];
	char state[12]; /* open, stored, rejected */
	struct hl7_item item;
};

/* Number of open items (from the partial index hl7_queue_open). */
enum status store_hl7_queue_count(struct store *st, int64_t *n, struct err *e);

/* Call fn for the open items, oldest first, at most limit (0: all). The
 * record is valid during the call only. Needs PERM_READ. */
enum status store_hl7_queue_each(struct store *st, int limit,
				 void (*fn)(const struct hl7_queued *, void *), void *arg,
				 struct err *e);

/* One item by id (any state). ST_NOT_FOUND when there is none. */
enum status store_hl7_queue_get(struct store *st, int64_t id, struct hl7_queued *out,
				struct err *e);

/* Resolve an open item at the version read: store r (built by the caller
 * through the typed-entry validators, on the patient the nurse matched) as a
 * lab row, or reject it; reason (1-200 bytes of plain text) is kept with the
 * actor and time. ST_CONFLICT when the item changed or was resolved since. */
enum status store_hl7_queue_store(struct store *st, int64_t id, int64_t version,
				  struct lab_result *r, const char *reason, struct err *e);
enum status store_hl7_queue_reject(struct store *st, int64_t id, int64_t version,
				   const char *reason, struct err *e);

#endif
