/* visit.h: follow-up visits — vitals, symptom grades, ascites (ICA) and
 * encephalopathy (West Haven) grades, liver stiffness, missed visits with
 * their reason — their field checks, and the visit calendar: where a day
 * falls against a scheduled item's window (done, due, overdue, missed,
 * upcoming) and which item comes next. "today" is always a parameter. */
#ifndef HEPADESK_VISIT_H
#define HEPADESK_VISIT_H

#include <stdbool.h>
#include <stdint.h>

#include "date.h"
#include "schedule.h"
#include "status.h"

#define VISIT_NOTE_MAX 2000
#define VISIT_REASON_MAX 200

/* Symptom severity; VISIT_UNGRADED when not assessed. */
#define SEVERITY_INFO(_)        \
	_(NONE, "none")         \
	_(MILD, "mild")         \
	_(MODERATE, "moderate") \
	_(SEVERE, "severe")

enum severity {
#define SEVERITY_ENUM_(name, text) SEV_##name,
	SEVERITY_INFO(SEVERITY_ENUM_)
#undef SEVERITY_ENUM_
	    SEV_COUNT
};

/* The graded symptoms: key (command line, DB column) and label. */
#define SYMPTOM_INFO(_)                          \
	_(FATIGUE, "fatigue", "Fatigue")         \
	_(APPETITE, "appetite", "Appetite loss") \
	_(JAUNDICE, "jaundice", "Jaundice")      \
	_(PRURITUS, "pruritus", "Pruritus")      \
	_(OEDEMA, "oedema", "Oedema")

enum symptom {
#define SYMPTOM_ENUM_(name, key, label) SYM_##name,
	SYMPTOM_INFO(SYMPTOM_ENUM_)
#undef SYMPTOM_ENUM_
	    SYM_COUNT
};

#define VISIT_UNGRADED (-1) /* a symptom or grade not assessed */

enum visit_state { VISIT_DONE, VISIT_MISSED };

/* When a visit was done against its scheduled item's window; NONE: an
 * unscheduled visit. One table feeds the enum, the code (the visits table's
 * timing column and JSON; "" for NONE, stored as NULL), the label a screen
 * or the command line shows, and what the label means ("" when it says it
 * all). */
#define VISIT_TIMING_INFO(_)                            \
	_(NONE, "", "unscheduled", "")                  \
	_(EARLY, "early", "early", "before its window") \
	_(IN_WINDOW, "in_window", "in window", "")      \
	_(LATE, "late", "late", "after its window")

enum visit_timing {
#define VISIT_TIMING_ENUM_(id, code, label, detail) VT_##id,
	VISIT_TIMING_INFO(VISIT_TIMING_ENUM_)
#undef VISIT_TIMING_ENUM_
	    VT_COUNT
};

struct visit {
	int64_t id;
	int64_t patient_id;
	int64_t schedule_id;		    /* 0: unscheduled */
	char label[SCHEDULE_LABEL_MAX + 1]; /* the scheduled item's label (read) */
	enum visit_state state;
	day_t date; /* day seen, or day recorded as missed */
	enum visit_timing timing;
	char reason[VISIT_REASON_MAX + 1]; /* why it was missed */
	double temp_c;			   /* NAN when not measured */
	double weight_kg;		   /* NAN when not measured */
	int sbp, dbp;			   /* mmHg, 0 when not measured */
	int symptom[SYM_COUNT];		   /* enum severity or VISIT_UNGRADED */
	int ascites;			   /* ICA grade 0-3 or VISIT_UNGRADED */
	double paracentesis_ml;		   /* NAN when none */
	int he;				   /* West Haven 0-4 or VISIT_UNGRADED */
	double stiffness_kpa, iqr_kpa;	   /* NAN when not measured */
	char note[VISIT_NOTE_MAX + 1];
	char correction[VISIT_REASON_MAX + 1]; /* why it was last corrected; "" never */
	int64_t version;
};

/* Everything unmeasured and ungraded, state done, unscheduled. */
void visit_init(struct visit *v);

const char *severity_str(int s); /* "none".."severe"; "" when ungraded */
bool severity_parse(const char *s, int *out);
const char *symptom_key(enum symptom s);	      /* "fatigue"; "" for a bad id */
const char *symptom_label(enum symptom s);	      /* "Fatigue" */
const char *visit_timing_str(enum visit_timing t);    /* code: "", "early", "in_window", "late" */
const char *visit_timing_label(enum visit_timing t);  /* "unscheduled", "early", "in window" */
const char *visit_timing_detail(enum visit_timing t); /* "before its window", or "" */
/* The timing of a code ("" gives VT_NONE); false (and *out untouched) for
 * anything else or NULL. */
bool visit_timing_parse(const char *code, enum visit_timing *out);
const char *visit_state_str(enum visit_state s); /* "done", "missed" */

/* The definition of each grade, for choosing one (static; "" out of range):
 * ICA ascites 0-3 (REFERENCE 9.1), West Haven 0-4 (9.2). */
const char *visit_ascites_text(int grade);
const char *visit_he_text(int grade);

/* Field checks. Each returns ST_INVALID with a message naming the field,
 * the value, the accepted range and unit, ST_CONFIRM for an unusual value
 * (the message says which limit), ST_OK otherwise; *out only on OK/CONFIRM.
 *   temperature 30-45 °C (confirm outside 35-41; says "looks like °F" for 86-113)
 *   blood pressure "SYS/DIA" mmHg: systolic 50-260, diastolic 20-160, DIA < SYS
 *     (confirm outside systolic 70-220, diastolic 40-130)
 *   symptom severity: none, mild, moderate, severe
 *   ascites ICA grade 0-3; encephalopathy West Haven grade 0-4
 *   paracentesis 0-20000 mL (confirm above 12000)
 *   reason (missed visit) 1-200 characters of plain text; note up to 2000. */
enum status visit_check_temperature(const char *text, double *out, struct err *e);
enum status visit_check_bp(const char *text, int *sbp, int *dbp, struct err *e);
enum status visit_check_severity(const char *field, const char *text, int *out, struct err *e);
enum status visit_check_ascites(const char *text, int *out, struct err *e);
enum status visit_check_he(const char *text, int *out, struct err *e);
enum status visit_check_paracentesis(const char *text, double *out, struct err *e);
enum status visit_check_reason(const char *text, struct err *e);
enum status visit_check_note(const char *text, struct err *e);
/* Why a recorded visit is corrected: 1-200 characters of plain text. */
enum status visit_check_correction(const char *text, struct err *e);

/* Whole-record check: date given and not after today; a missed visit has a
 * reason and is a scheduled one; a paracentesis needs ascites grade >= 1;
 * IQR needs a stiffness; every value within its limits (not re-asking the
 * confirmations). */
enum status visit_validate(const struct visit *v, day_t today, struct err *e);

/* --- the visit calendar --- */

/* How a scheduled item stands on a day. */
#define VISIT_MARK_INFO(_)           \
	_(DONE, "done", "+")         \
	_(DUE, "due", "*")           \
	_(OVERDUE, "overdue", "!")   \
	_(MISSED, "missed", "x")     \
	_(UPCOMING, "upcoming", ".") \
	_(CANCELLED, "cancelled", "-")

enum visit_mark {
#define VISIT_MARK_ENUM_(name, text, glyph) VMARK_##name,
	VISIT_MARK_INFO(VISIT_MARK_ENUM_)
#undef VISIT_MARK_ENUM_
	    VMARK_COUNT
};

const char *visit_mark_str(enum visit_mark m);	 /* "overdue" */
const char *visit_mark_glyph(enum visit_mark m); /* "!" (ASCII, readable without colour) */

/* First and last day of an item's window: due - before, due + after. */
day_t visit_window_start(const struct schedule_item *it);
day_t visit_window_end(const struct schedule_item *it);

/* An item's mark on today: done/missed/cancelled by its state; an open item
 * is UPCOMING before its window opens, DUE from the window's first to its
 * last day (both included) and OVERDUE from the day after. */
enum visit_mark visit_mark(const struct schedule_item *it, day_t today);

/* Days since an open item's window closed (today - window end); 0 unless
 * OVERDUE. */
int visit_days_overdue(const struct schedule_item *it, day_t today);

/* Timing of a visit done on `date` against the item's window. */
enum visit_timing visit_timing_of(const struct schedule_item *it, day_t date);

/* The next item for the patient: the open item (visit or infusion) with the
 * earliest due day whose window has not closed by today. Index into items,
 * or -1 when there is none. Overdue items are not "next": they are overdue. */
int visit_next(const struct schedule_item *items, int n, day_t today);

/* Parse "YYYY-MM-DD HH:MM" (or with a 'T') as the clinic's local time, at
 * tz_offset_s seconds east of UTC; refuses a time after now_t (seconds since
 * the epoch). *t receives UTC seconds and *day the local day. */
enum status visit_parse_time(const char *field, const char *text, int tz_offset_s, int64_t now_t,
			     int64_t *t, day_t *day, struct err *e);
/* Format UTC seconds as local "YYYY-MM-DD HH:MM" into buf (>= 17 bytes). */
char *visit_format_time(int64_t t, int tz_offset_s, char *buf);

#endif
