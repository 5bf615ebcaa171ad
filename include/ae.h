/* ae.h: the adverse-event log — CTCAE term (from assets/ctcae_terms.txt, or
 * free text), grade 1-5 with its definition, onset, days since the last
 * infusion, seriousness, relation to the treatment, action, outcome and
 * resolution — and the fever grade a temperature suggests. */
#ifndef HEPADESK_AE_H
#define HEPADESK_AE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "status.h"
#include "user.h"

#define AE_TERM_MAX 80
#define AE_NOTE_MAX 2000
#define AE_REASON_MAX 200 /* a correction's or a void's reason */
#define AE_CTCAE_VERSION "5.0"

#define AE_RELATION_INFO(_)       \
	_(UNRELATED, "unrelated") \
	_(UNLIKELY, "unlikely")   \
	_(POSSIBLE, "possible")   \
	_(PROBABLE, "probable")   \
	_(DEFINITE, "definite")

#define AE_ACTION_INFO(_)                                                  \
	_(NONE, "none", "no action")                                       \
	_(MEDICATION, "medication", "treated with medication")             \
	_(INFUSION_SLOWED, "infusion_slowed", "infusion slowed or paused") \
	_(INFUSION_STOPPED, "infusion_stopped", "infusion stopped")        \
	_(HOSPITALISED, "hospitalised", "admitted or stay prolonged")      \
	_(OTHER, "other", "other (see note)")

#define AE_OUTCOME_INFO(_)                                              \
	_(RESOLVED, "resolved", "recovered / resolved")                 \
	_(RESOLVING, "resolving", "recovering / resolving")             \
	_(NOT_RESOLVED, "not_resolved", "not recovered / not resolved") \
	_(SEQUELAE, "sequelae", "recovered with sequelae")              \
	_(FATAL, "fatal", "fatal")                                      \
	_(UNKNOWN, "unknown", "unknown")

/* ICH E2A seriousness criteria (REFERENCE 14.1): an event is serious when at
 * least one is ticked. Bit (1u << AE_CRIT_x) in struct ae.criteria. */
#define AE_CRITERION_INFO(_)                                                             \
	_(DEATH, "death", "results in death")                                            \
	_(LIFE, "life_threatening", "life-threatening")                                  \
	_(HOSPITAL, "hospitalisation", "requires or prolongs inpatient hospitalisation") \
	_(DISABILITY, "disability", "persistent or significant disability")              \
	_(CONGENITAL, "congenital", "congenital anomaly or birth defect")                \
	_(IMPORTANT, "important", "important medical event")

enum ae_criterion {
#define AE_ENUM_(name, ...) AE_CRIT_##name,
	AE_CRITERION_INFO(AE_ENUM_)
#undef AE_ENUM_
	    AE_CRIT_COUNT
};

enum ae_relation {
#define AE_ENUM_(name, ...) AE_REL_##name,
	AE_RELATION_INFO(AE_ENUM_)
#undef AE_ENUM_
	    AE_REL_COUNT
};
enum ae_action {
#define AE_ENUM_(name, ...) AE_ACT_##name,
	AE_ACTION_INFO(AE_ENUM_)
#undef AE_ENUM_
	    AE_ACT_COUNT
};
enum ae_outcome {
#define AE_ENUM_(name, ...) AE_OUT_##name,
	AE_OUTCOME_INFO(AE_ENUM_)
#undef AE_ENUM_
	    AE_OUT_COUNT
};

struct ae {
	int64_t id;
	int64_t patient_id;
	char term[AE_TERM_MAX + 1];
	bool term_listed;	 /* the term is on the CTCAE list */
	int grade;		 /* 1-5 */
	int64_t onset_at;	 /* seconds since the epoch (UTC) */
	day_t onset;		 /* the clinic's day of onset */
	int64_t infusion_id;	 /* the last infusion before onset, 0 if none (set by storage) */
	int days_since_infusion; /* -1 when there was no infusion before onset */
	bool serious;
	unsigned criteria; /* bits (1u << AE_CRIT_x) ticked */
	bool expected;	   /* the term is on the protocol's expected list */
	int64_t aware_at;  /* when the site became aware (seconds, UTC); 0: not set */
	enum ae_relation relation;
	enum ae_action action;
	enum ae_outcome outcome;
	day_t resolved; /* DAY_NONE unless resolved or with sequelae */
	double temp_c;	/* NAN unless a temperature was recorded */
	char note[AE_NOTE_MAX + 1];
	/* A physician's review (the stopping rules halt infusions until it). */
	char reviewed_by[USER_LOGIN_MAX + 1]; /* "" until reviewed */
	int64_t reviewed_at;		      /* 0 until reviewed */
	/* Voided with a reason (recorded in error): kept for the audit trail,
	 * read only by the correction listing and store_ae_get. */
	bool voided;
	char void_reason[AE_REASON_MAX + 1];
	int64_t version;
};

/* Nothing set: grade 0 (invalid until chosen), outcome unknown, no dates. */
void ae_init(struct ae *a);

/* CTCAE v5.0 general definition of a grade (static; "" outside 1-5). */
const char *ae_grade_text(int grade);

const char *ae_criterion_str(enum ae_criterion c);
const char *ae_criterion_label(enum ae_criterion c);
/* A comma-separated list of criterion names ("death, hospitalisation"; "" or
 * "none" for none) into *out bits. ST_INVALID naming the unknown word and
 * the accepted names. */
enum status ae_criteria_parse(const char *text, unsigned *out, struct err *e);
/* The names of the bits in out ("" when none), comma-separated. */
void ae_criteria_format(unsigned bits, char *out, size_t n);
/* The criteria the record itself implies: death for grade 5, hospitalisation
 * when the action is "admitted or stay prolonged". */
unsigned ae_criteria_implied(const struct ae *a);
/* Related to the treatment: possible, probable or definite. */
bool ae_is_related(enum ae_relation r);
/* Still open: not resolved, with or without sequelae. */
bool ae_is_open(const struct ae *a);

const char *ae_relation_str(enum ae_relation r);
const char *ae_action_str(enum ae_action a);
const char *ae_action_label(enum ae_action a);
const char *ae_outcome_str(enum ae_outcome o);
const char *ae_outcome_label(enum ae_outcome o);
bool ae_relation_parse(const char *s, enum ae_relation *out);
bool ae_action_parse(const char *s, enum ae_action *out);
bool ae_outcome_parse(const char *s, enum ae_outcome *out);

/* CTCAE v5.0 fever grade of a temperature in °C (REFERENCE 9.4):
 * 0 below 38.0 (no fever); 1 for 38.0-39.0; 2 above 39.0 up to 40.0;
 * above 40.0: 3 when it lasted <= 24 h, 4 when > 24 h. hours < 0 means the
 * duration is not known: 3 (the caller says "4 if it lasts > 24 h").
 * The temperature is taken to the nearest 0.1 °C (its measured precision).
 * Grade 5 (death) is never suggested from a temperature. -1 for NaN. */
int ae_fever_grade(double temp_c, double hours);

/* The CTCAE term list (assets/ctcae_terms.txt), in file order; *n receives
 * the count. Static storage, loaded on first use. */
const char *const *ae_terms(size_t *n);

/* Check a term: 1-80 characters of one-line text. A term on the list
 * (letter case ignored) is copied in the list's spelling and *listed set;
 * other text is kept as free text. */
enum status ae_check_term(const char *text, char *out, size_t n, bool *listed, struct err *e);
/* Grade 1-5. */
enum status ae_check_grade(const char *text, int *out, struct err *e);

/* Whole-record check against today: term, grade 1-5, onset not after today;
 * grade 5 <=> outcome fatal, and grade 5 is serious; a resolution date is
 * given exactly when the outcome is resolved or with sequelae, on or after
 * onset and not after today. Seriousness follows the ICH E2A criteria (with
 * the implied ones): "not serious" with a criterion ticked or implied (a
 * hospitalisation, a death) is refused, and so is "serious" with none
 * (for an event with its awareness time: those recorded before the criteria
 * were kept have none, and keep their yes/no).
 * ST_CONFIRM for a grade 4 not marked serious. */
enum status ae_validate(const struct ae *a, day_t today, struct err *e);

/* Whole days from an infusion day to the onset day (>= 0), or -1 when the
 * infusion is after onset or there was none (DAY_NONE). */
int ae_days_since(day_t infusion, day_t onset);

#endif
