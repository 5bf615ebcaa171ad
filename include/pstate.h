/* pstate.h: the patient's status in the clinic's course — screening,
 * evaluated, in treatment, in follow-up, completed, withdrawn, lost to
 * follow-up, transplanted, deceased — each change dated, with a reason where
 * the state needs one. Pure rules: no storage, no clock. */
#ifndef HEPADESK_PSTATE_H
#define HEPADESK_PSTATE_H

#include <stdbool.h>
#include <stdint.h>

#include "date.h"
#include "status.h"
#include "user.h"

#define PSTATE_REASON_MAX 200

/* One table: the enum, the code (`hepadesk status MRN STATE`, JSON
 * "state"), the label, whether a reason is required (for death: the
 * cause), and whether the state ends treatment (closes the open schedule
 * and stops infusions). */
#define PSTATE_INFO(_)                                                \
	_(SCREENING, "screening", "Screening", false, false)          \
	_(EVALUATED, "evaluated", "Evaluated", false, false)          \
	_(IN_TREATMENT, "in_treatment", "In treatment", false, false) \
	_(IN_FOLLOWUP, "in_followup", "In follow-up", false, false)   \
	_(COMPLETED, "completed", "Completed", false, false)          \
	_(WITHDRAWN, "withdrawn", "Withdrawn", true, true)            \
	_(LOST, "lost", "Lost to follow-up", false, true)             \
	_(TRANSPLANTED, "transplanted", "Transplanted", false, true)  \
	_(DECEASED, "deceased", "Deceased", true, true)

enum pstate {
#define PSTATE_ENUM_(id, ...) PSTATE_##id,
	PSTATE_INFO(PSTATE_ENUM_)
#undef PSTATE_ENUM_
	    PSTATE_COUNT
};

struct pstatus {
	int64_t id; /* 0: nothing recorded (the patient is in screening) */
	int64_t patient_id;
	enum pstate state;
	day_t date;
	char reason[PSTATE_REASON_MAX + 1]; /* "" when none; the cause of death */
	char recorded_by[USER_LOGIN_MAX + 1];
	int64_t created;
};

const char *pstate_str(enum pstate s);	 /* "in_treatment"; "" for a bad id */
const char *pstate_label(enum pstate s); /* "In treatment" */
bool pstate_parse(const char *s, enum pstate *out);
/* The codes, "screening, evaluated, ..." into buf (PSTATE_CHOICES_MAX). */
#define PSTATE_CHOICES_MAX 160
char *pstate_choices(char *buf, size_t n);
/* True for states that end treatment: withdrawn, lost, transplanted, deceased. */
bool pstate_ends_treatment(enum pstate s);

/* Check a change from `from` (the current state) to to->state on to->date
 * with to->reason: the date not after today nor before the current state's
 * date (from_date; DAY_NONE when none), a reason (1-200 characters of text)
 * where the state needs one, and no change out of deceased (a death is
 * corrected by an administrator, never overwritten). ST_INVALID names the
 * field, the value and what is accepted. */
enum status pstate_check_change(enum pstate from, day_t from_date, const struct pstatus *to,
				day_t today, struct err *e);

#endif
