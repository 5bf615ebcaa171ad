/* checklist.h: the pre-treatment checklist — each protocol item evaluated for
 * a patient on a given day (met, not met, missing or stale, with the reason
 * and the data it used) and the overall result (READY, NOT_READY, EXCLUDED),
 * computed from the data and never typed in. Also the nurse's answers and the
 * signed evaluation records that storage keeps. */
#ifndef HEPADESK_CHECKLIST_H
#define HEPADESK_CHECKLIST_H

#include <stdbool.h>
#include <stdint.h>

#include "config.h"
#include "date.h"
#include "imaging.h"
#include "json.h"
#include "lab.h"
#include "med.h"
#include "patient.h"
#include "protocol.h"
#include "score.h"
#include "score_basis.h"
#include "status.h"
#include "user.h"

#define CHECKLIST_IMAGING_MAX 32
#define CHECKLIST_MEDS_MAX 64
#define ANSWER_VALUE_MAX 40
#define ANSWER_NOTE_MAX 500
#define CHECKLIST_TEXT_MAX 640
#define EVAL_REASON_MAX 500

enum item_state { ITEM_MET, ITEM_NOT_MET, ITEM_MISSING, ITEM_STALE, ITEM_STATE_COUNT };
enum eval_status { EVAL_READY, EVAL_NOT_READY, EVAL_EXCLUDED, EVAL_STATUS_COUNT };

/* "met", "not_met", "missing", "stale"; "?" for a bad value. Static. */
const char *item_state_str(enum item_state s);
/* "READY", "NOT_READY", "EXCLUDED"; "?" for a bad value. Static. */
const char *eval_status_str(enum eval_status s);
/* Parse eval_status_str text; false for anything else. */
bool eval_status_parse(const char *s, enum eval_status *out);

/* A nurse's answer to a nurse-confirmed item. The newest answer of an item
 * counts; older ones stay for the record. */
struct checklist_answer {
	int64_t id;
	int64_t patient_id;
	char item[PROTOCOL_ID_MAX + 1];
	bool yes;
	char value[ANSWER_VALUE_MAX + 1]; /* grade "2", consent date, or "" */
	char note[ANSWER_NOTE_MAX + 1];
	day_t answered_on;
	int64_t created;
};

/* Everything an evaluation looks at, as of `on`. */
struct checklist_input {
	day_t on;
	struct patient patient;
	struct lab_latest labs;				    /* latest on or before on */
	struct imaging_note imaging[CHECKLIST_IMAGING_MAX]; /* newest first */
	int nimaging;
	struct score_basis basis; /* the scores and their inputs (uc_scores_load) */
	struct checklist_answer answers[PROTOCOL_ITEMS_MAX]; /* newest per item */
	int nanswers;
	/* The patient's medication list (med.h), by start: a current antiviral
	 * meets a viral item's "on antiviral therapy"; an entry of a question
	 * item's class within its days answers it "yes". */
	struct med meds[CHECKLIST_MEDS_MAX];
	int nmeds;
};

/* One evaluated item; `item` indexes the protocol's items. */
struct checklist_line {
	int item;
	enum item_state state;
	bool blocking; /* counts towards NOT_READY or EXCLUDED */
	char reason[CHECKLIST_TEXT_MAX];
	char data[CHECKLIST_TEXT_MAX];
};

struct checklist_result {
	day_t on;
	enum eval_status status;
	int n;
	struct checklist_line lines[PROTOCOL_ITEMS_MAX];
	char summary[CHECKLIST_TEXT_MAX]; /* "NOT READY: labs stale, consent missing" */
};

/* Evaluate every item of p against in (pure: no storage, no clock).
 * An item not met that excludes makes the result EXCLUDED; otherwise a
 * required item missing or stale, or a holding item not met, makes it
 * NOT_READY; else READY. Score items take in->basis (the same scores every
 * other view shows). */
void checklist_evaluate(const struct protocol *p, const struct checklist_input *in,
			struct checklist_result *out);

/* Check an answer against its item before it is stored: the item must be
 * nurse-confirmed; a grade needs --value 1-4 with yes (0 or none with no); a
 * consent "yes" needs its date (YYYY-MM-DD, not after on); other values at
 * most 40 characters of plain text; the note at most 500. */
enum status checklist_check_answer(const struct protocol *p, const struct checklist_answer *a,
				   day_t on, struct err *e);

/* A signed evaluation as stored. `chain_version` is 1 for the first signed
 * evaluation of a patient and counts up with each amendment. */
struct evaluation {
	int64_t id;
	int64_t patient_id;
	day_t as_of;
	char protocol_name[PROTOCOL_NAME_MAX + 1];
	char protocol_version[PROTOCOL_VERSION_MAX + 1];
	char protocol_hash[65];
	enum eval_status status;
	int64_t amends; /* 0 unless an amendment */
	char amend_reason[EVAL_REASON_MAX + 1];
	char signed_by[USER_LOGIN_MAX + 1];
	int64_t signed_at;
	int64_t superseded_by; /* 0 while current */
	int chain_version;
};

/* Write the evaluation as the JSON object members of the `checklist --json`
 * contract (status, date, protocol, items, blocking, signed) into an open
 * object of j. signed_ev may be NULL (then "signed" is null). */
void checklist_json(struct json *j, const struct protocol *p, const struct checklist_result *r,
		    const struct evaluation *signed_ev);

#endif
