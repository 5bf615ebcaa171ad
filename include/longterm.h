/* longterm.h: long-term follow-up after the last scheduled visit — survival
 * contacts every N months for the protocol's number of years, HCC
 * surveillance (ultrasound ± AFP), what a contact records (vital status,
 * transplant, new HCC, decompensation events, admissions; by phone or in
 * person), and each patient's event history with time-to-event data for
 * death, transplant, HCC and the first decompensation. Pure: no storage, no
 * clock; the protocol's [longterm] keys are in SAFETY_LIMIT_INFO. */
#ifndef HEPADESK_LONGTERM_H
#define HEPADESK_LONGTERM_H

#include <stdbool.h>
#include <stdint.h>

#include "date.h"
#include "imaging.h"
#include "protocol.h"
#include "pstate.h"
#include "schedule.h"
#include "status.h"
#include "user.h"

#define LT_LABEL_MAX 24
#define LT_ITEMS_MAX 200 /* contacts + surveillance of one plan, at most */
#define LT_NOTE_MAX 500
#define LT_CAUSE_MAX PSTATE_REASON_MAX

/* What is scheduled after the last visit. */
enum lt_kind { LT_CONTACT, LT_HCC };

struct lt_item {
	int64_t id;
	int64_t patient_id;
	int64_t plan_id;
	enum lt_kind kind;
	char label[LT_LABEL_MAX + 1]; /* "Contact 3", "HCC US+AFP 2" */
	day_t due;
	int window_days; /* +- around due */
	enum sched_state state;
	int64_t done_ref; /* the contact or imaging note that closed it; 0 */
	int64_t version;
};

const char *lt_kind_str(enum lt_kind k); /* "contact", "hcc" */

/* Add months to a day on the civil calendar; a day past the end of the
 * target month becomes its last day (2026-08-31 + 6 -> 2027-02-28). */
day_t lt_add_months(day_t d, int months);

/* The long-term items of a plan whose first infusion is first_date and
 * whose last scheduled visit is due last_visit: survival contacts "Contact
 * k" every [longterm] contact_months after last_visit for years years, and
 * HCC surveillance "HCC US k" (or "HCC US+AFP k" with hcc_afp) every
 * hcc_months from first_date up to the last contact (none with
 * hcc_months 0). Fills out (room for max) and returns the count. */
int lt_schedule(const struct protocol *p, day_t first_date, day_t last_visit, struct lt_item *out,
		int max);

/* The decompensation events a contact may record: the enum, the code
 * (JSON key, CLI flag with '-' for '_', column) and the label. */
#define LT_DECOMP_INFO(_)                                                   \
	_(VARICEAL_BLEEDING, "variceal_bleeding", "variceal bleeding")      \
	_(SBP, "sbp", "spontaneous bacterial peritonitis")                  \
	_(HE_ADMISSION, "he_admission", "hepatic encephalopathy admission") \
	_(REFRACTORY_ASCITES, "refractory_ascites", "refractory ascites")   \
	_(HRS, "hrs", "hepatorenal syndrome")

enum lt_decomp {
#define LT_DECOMP_ENUM_(id, ...) LT_DECOMP_##id,
	LT_DECOMP_INFO(LT_DECOMP_ENUM_)
#undef LT_DECOMP_ENUM_
	    LT_DECOMP_COUNT
};

const char *lt_decomp_str(enum lt_decomp d);   /* "variceal_bleeding" */
const char *lt_decomp_label(enum lt_decomp d); /* "variceal bleeding" */

/* The limits of a contact's numbers: id, field, label, unit, min, max. */
#define LT_LIMIT_INFO(_)                                                                           \
	_(ADMISSIONS, "admissions", "Hospital admissions since the last contact", "admissions", 0, \
	  30)

enum lt_limit_id {
#define LT_LIMIT_ENUM_(id, ...) LT_LIM_##id,
	LT_LIMIT_INFO(LT_LIMIT_ENUM_)
#undef LT_LIMIT_ENUM_
	    LT_LIM_COUNT
};

struct lt_limit {
	const char *field, *label, *unit;
	int min, max;
};
const struct lt_limit *lt_limit(enum lt_limit_id id);

/* One survival contact. */
struct lt_contact {
	int64_t id;
	int64_t patient_id;
	int64_t item_id; /* the scheduled contact it closed; 0: unscheduled */
	char item_label[LT_LABEL_MAX + 1];
	day_t date;
	bool phone;
	bool dead;
	day_t death_date;	      /* DAY_NONE unless dead */
	char cause[LT_CAUSE_MAX + 1]; /* the cause of death ("" unless dead) */
	enum finding transplant;      /* not assessed, no, yes */
	day_t transplant_date;	      /* DAY_NONE unless yes */
	enum finding hcc;	      /* a new HCC */
	day_t hcc_date;		      /* DAY_NONE unless yes */
	bool decomp[LT_DECOMP_COUNT]; /* since the last contact */
	day_t decomp_date;	      /* when the first of them began; DAY_NONE unless any */
	int admissions;		      /* -1 when not asked */
	char note[LT_NOTE_MAX + 1];
	char recorded_by[USER_LOGIN_MAX + 1];
	char void_reason[SCHEDULE_REASON_MAX + 1];	 /* "" unless voided */
	char correction_reason[SCHEDULE_REASON_MAX + 1]; /* of the latest correction; "" */
	int64_t version;
};

/* A contact with nothing recorded: alive, nothing assessed, admissions -1. */
void lt_contact_init(struct lt_contact *c);
/* True when any decompensation event is ticked. */
bool lt_contact_decompensated(const struct lt_contact *c);

/* A number of admissions typed on a form ("" is not asked: -1), within
 * LT_LIMIT_INFO; ST_INVALID names the field, the value and the range. */
enum status lt_parse_admissions(const char *t, int *out, struct err *e);

/* Check a contact on day today, filling the dates left out: the contact
 * date not after today; a death, transplant, HCC or decompensation date not
 * after the contact (each defaults to the contact date) and only with its
 * answer; a cause (1-200 characters) when dead; admissions within
 * LT_LIMIT_INFO; text without control characters. ST_INVALID names the
 * field, the value and what is accepted. */
enum status lt_contact_validate(struct lt_contact *c, day_t today, struct err *e);

/* What correcting contact was into now (both validated) means for the
 * patient's status: *death (*transplant) is set when now records a death
 * (a transplant) that was did not, to be recorded as the status as a new
 * contact's would be. A death or a transplant was recorded became the
 * patient's status: a correction cannot take it back nor change its date
 * (nor the cause of a death), ST_INVALID naming the field, the value and
 * why (a status is changed with `hepadesk status`). */
enum status lt_contact_correction(const struct lt_contact *was, const struct lt_contact *now,
				  bool *death, bool *transplant, struct err *e);

/* The scheduled contact a contact on day d closes: the open contact item
 * whose window holds d, else the newest open one due before d (overdue);
 * -1 when none. Older open contacts are then missed (storage marks them):
 * a contact cannot be made in the past. */
int lt_match_contact(const struct lt_item *items, int n, day_t d);

/* --- the event history and time-to-event data --- */
#define LT_EVENTS_MAX 64

#define LT_EVENT_INFO(_)                                      \
	_(DEATH, "death", "death")                            \
	_(TRANSPLANT, "transplant", "liver transplant")       \
	_(HCC, "hcc", "new HCC")                              \
	_(DECOMPENSATION, "decompensation", "decompensation") \
	_(ADMISSION, "admission", "hospital admissions")

enum lt_event_kind {
#define LT_EVENT_ENUM_(id, ...) LT_EV_##id,
	LT_EVENT_INFO(LT_EVENT_ENUM_)
#undef LT_EVENT_ENUM_
	    LT_EV_COUNT
};
const char *lt_event_str(enum lt_event_kind k);
const char *lt_event_label(enum lt_event_kind k);

struct lt_event {
	day_t date;
	enum lt_event_kind kind;
	const char *source; /* "contact", "status", "imaging" (static) */
	int64_t source_id;
	char detail[160];
};

/* The endpoints with a time to event; the first four event kinds. */
#define LT_ENDPOINTS 4

struct lt_tte {
	enum lt_event_kind endpoint;
	bool event; /* true: the event on date; false: censored on date */
	day_t date; /* DAY_NONE when nothing is known after the origin */
	int days;   /* date - origin; -1 without an origin or a date */
};

/* What the history is built from (loaded by the use case). */
struct lt_facts {
	day_t origin;			   /* the first infusion; DAY_NONE when none */
	day_t last_visit;		   /* the newest visit done; DAY_NONE */
	const struct lt_contact *contacts; /* not voided, any order */
	int ncontacts;
	const struct pstatus *statuses; /* the status history */
	int nstatuses;
	const day_t *hcc_imaging; /* days of imaging that found HCC */
	int nhcc_imaging;
};

struct lt_history {
	day_t origin;
	/* The last day known alive, the censoring day: the newest contact,
	 * visit, transplant, HCC or decompensation. */
	day_t last_contact;
	struct lt_event events[LT_EVENTS_MAX]; /* oldest first */
	int nevents;
	struct lt_tte tte[LT_ENDPOINTS]; /* death, transplant, HCC, decompensation */
};

/* The event history and time to each endpoint: an endpoint's first event
 * on or after the origin (earlier ones stay in the history); without one it
 * is censored at the last contact, or at the death when the patient died
 * (for the other endpoints). Without an origin (no infusion yet) nothing has
 * a time (days -1) and nothing is censored: an endpoint is its first event
 * with its day, or {event false, date DAY_NONE}. */
void lt_history(const struct lt_facts *f, struct lt_history *out);

#endif
