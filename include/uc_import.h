/* uc_import.h: taking in one HL7 ORU^R01 message (from a file or the MLLP
 * listener): parse, match each patient in storage, map every result
 * through the typed-entry validators, store it in one transaction, and
 * the ACK; and resolving the queue's items. */
#ifndef HEPADESK_UC_IMPORT_H
#define HEPADESK_UC_IMPORT_H

#include <stdbool.h>

#include "config.h"
#include "hl7.h"
#include "hl7map.h"
#include "store.h"
#include "store_hl7.h"

struct uc_import_opts {
	const char *via;	 /* "file" or "mllp" */
	bool dry_run;		 /* decide everything, write nothing */
	const char *authority;	 /* PID-3 assigning authority of the MRN ("" any) */
	const char *local_codes; /* configured CODE=analyte list */
	day_t today;
	const struct config *cfg; /* unit sense settings (uc_lab.h) */
};

struct uc_import {
	bool duplicate; /* taken in before: nothing stored, still acknowledged */
	char sender[HL7_SENDER_MAX + 1];
	char control_id[HL7_ID_MAX];
	struct hl7_saved saved; /* counts (also for a dry run) */
	int nitems;
	struct hl7_item *items; /* heap; uc_import_done frees */
};

/* Take in the message text[0..len). ST_OK (also for a duplicate) with r
 * filled; ST_INVALID naming segment and field for a message refused whole
 * (nothing written); a storage failure otherwise. */
enum status uc_import_message(struct store *st, const char *text, size_t len,
			      const struct uc_import_opts *o, struct uc_import *r, struct err *e);
void uc_import_done(struct uc_import *r);

/* The ACK for what uc_import_message returned (AA on ST_OK, AE for a
 * refused message, AR when it could not be processed at all), appended to
 * out; now is "YYYYMMDDHHMMSS". */
void uc_import_ack(const char *text, size_t len, enum status s, const struct uc_import *r,
		   const struct err *e, const char *now, struct strbuf *out);

/* Resolve queued item id (at version): store it on the patient of mrn (the
 * nurse's match; NULL: the item's own patient), confirmed when confirm is
 * true, with reason. The value goes through the typed-entry validators
 * again: ST_CONFIRM when it needs confirm, ST_INVALID when it cannot be
 * stored (no analyte, unit, refused value). */
enum status uc_queue_store(struct store *st, int64_t id, int64_t version, const char *mrn,
			   bool confirm, const char *reason, struct err *e);

/* Reject queued item id (at version) with reason: nothing is stored; the
 * item keeps who, when and why. ST_CONFLICT when it was resolved or
 * changed since version was read (also for uc_queue_store). */
enum status uc_queue_reject(struct store *st, int64_t id, int64_t version, const char *reason,
			    struct err *e);

#endif
