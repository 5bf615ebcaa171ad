/* protocol.h: a treatment protocol read from an INI file — name, version, the
 * SHA-256 of its text, the checklist items, the dose bounds, the infusion
 * defaults and the follow-up schedule. Parsed once, checked whole, and
 * refused with the file, line and key of the first fault. */
#ifndef HEPADESK_PROTOCOL_H
#define HEPADESK_PROTOCOL_H

#include <stdbool.h>

#include "analyte.h"
#include "imaging.h"
#include "med.h"
#include "status.h"

#define PROTOCOL_ITEMS_MAX 40
#define PROTOCOL_ID_MAX 40
#define PROTOCOL_NAME_MAX 80
#define PROTOCOL_VERSION_MAX 20
#define PROTOCOL_LABEL_MAX 120
#define PROTOCOL_HELP_MAX 400
#define PROTOCOL_VISITS_MAX 24
#define PROTOCOL_TEXT_MAX 60000
#define PROTOCOL_EXPECTED_MAX 32 /* [safety] expected: terms */
#define PROTOCOL_TERM_MAX 80

/* The kinds of checklist item; one table feeds the enum and the parser. */
#define PITEM_KIND_INFO(_)                                                           \
	_(LAB, "lab")		/* latest result of analytes within N days */        \
	_(IMAGING, "imaging")	/* a finding excluded by imaging within N days */    \
	_(SCORE, "score")	/* a score within bounds */                          \
	_(WEIGHT, "weight")	/* weight measured within N days */                  \
	_(QUESTION, "question") /* nurse-confirmed yes/no screening */               \
	_(GRADE, "grade")	/* nurse-confirmed grade at most N */                \
	_(CONSENT, "consent")	/* informed consent signed, with its date */         \
	_(AGE, "age")		/* age in years on the day within min-max */         \
	_(VIRAL, "viral")	/* HBV DNA below max, or (answered) on antivirals */ \
	_(EXAM, "exam")		/* an examination finding's grade at most N */

enum pitem_kind {
#define PITEM_ENUM_(name, text) PITEM_##name,
	PITEM_KIND_INFO(PITEM_ENUM_)
#undef PITEM_ENUM_
	    PITEM_KIND_COUNT
};

/* Scores an item may bound, with the values a bound may take. */
#define PSCORE_INFO(_)                                                    \
	_(MELD, "meld", 6, 40)                                            \
	_(MELD_NA, "meld_na", 6, 40)                                      \
	_(MELD3, "meld3", 6, 40)                                          \
	_(CHILD_PUGH, "child_pugh", 5, 15)                                \
	_(CHILD_PUGH_CLASS, "child_pugh_class", 1, 3) /* A=1, B=2, C=3 */ \
	_(ALBI_GRADE, "albi_grade", 1, 3)                                 \
	_(FIB4, "fib4", 0, 100)                                           \
	_(APRI, "apri", 0, 100)

enum pscore {
#define PSCORE_ENUM_(name, key, lo, hi) PSCORE_##name,
	PSCORE_INFO(PSCORE_ENUM_)
#undef PSCORE_ENUM_
	    PSCORE_COUNT
};

enum pfinding { PFIND_HCC, PFIND_THROMBOSIS };

/* The examination findings an exam item may limit. */
enum pexam { PEXAM_ASCITES, PEXAM_ENCEPHALOPATHY };

/* The plan parameters a protocol file sets and a plan request may ask for:
 * id, [section] and key in the protocol file, label, unit, the widest bounds
 * any protocol (and any request) may use, and the default when the file
 * leaves the key out (0 for the week list, which has its own default).
 * A protocol narrows the dose, infusions and interval with KEY_min/KEY_max;
 * plan_compute then holds a request to the protocol's own bounds. */
#define PLAN_LIMIT_INFO(_)                                                                      \
	_(CELLS_PER_KG, "dose", "cells_per_kg", "Cells per kg", "cells/kg", 1e3, 1e9, 0.5e6)    \
	_(WEIGHT_WINDOW, "dose", "weight_window_days", "Weight valid for", "days", 1, 365, 14)  \
	_(INFUSIONS, "infusions", "count", "Infusions", "infusions", 1, 24, 3)                  \
	_(INTERVAL, "infusions", "interval_days", "Days between infusions", "days", 1, 365, 28) \
	_(INFUSION_WINDOW, "infusions", "window_days", "Infusion window", "days", 0, 90, 0)     \
	_(VISIT_WINDOW, "followup", "window_days", "Visit window", "days", 0, 90, 3)            \
	_(VISIT_WEEK, "followup", "weeks", "Follow-up week", "weeks", 1, 520, 0)

enum plan_limit_id {
#define PLAN_LIMIT_ENUM_(id, ...) PLIM_##id,
	PLAN_LIMIT_INFO(PLAN_LIMIT_ENUM_)
#undef PLAN_LIMIT_ENUM_
	    PLIM_COUNT
};

struct plan_limit {
	const char *section, *key, *label, *unit;
	double min, max, def;
};

/* The row of id, or NULL for a bad id. Static storage. */
const struct plan_limit *plan_limit(enum plan_limit_id id);

/* What the protocol sets for treatment safety, checked before every
 * infusion (infusion_check.h) and when a plan is made; the same row shape
 * as PLAN_LIMIT_INFO (section, key, label, unit, bounds, default). A file
 * that leaves a key out gets the default. */
#define SAFETY_LIMIT_INFO(_)                                                                       \
	_(EVAL_VALID, "infusions", "evaluation_valid_days", "Evaluation valid for", "days", 1,     \
	  730, 90)                                                                                 \
	_(LAB_WINDOW, "infusions", "labs_window_days", "Labs before an infusion within", "days",   \
	  1, 90, 14)                                                                               \
	_(DOSE_TOLERANCE, "infusions", "dose_tolerance_pct", "Dose within the plan by", "%", 0,    \
	  50, 10)                                                                                  \
	_(STOP_GRADE, "stopping", "related_grade",                                                 \
	  "A related adverse event halts infusions from grade", "CTCAE grade", 1, 5, 4)            \
	_(STOP_SERIOUS, "stopping", "serious_halts",                                               \
	  "A serious adverse event halts infusions until a physician reviews it", "1 yes, 0 no",   \
	  0, 1, 1)                                                                                 \
	_(SAE_HOURS, "safety", "sae_report_hours", "A serious adverse event is reported within",   \
	  "hours of awareness", 1, 168, 24)                                                        \
	_(SUSAR_FATAL_DAYS, "safety", "susar_fatal_days",                                          \
	  "An unexpected related fatal or life-threatening one is reported within",                \
	  "days of awareness", 1, 30, 7)                                                           \
	_(SUSAR_OTHER_DAYS, "safety", "susar_other_days",                                          \
	  "Any other unexpected serious related one is reported within", "days of awareness", 1,   \
	  90, 15)                                                                                  \
	_(IH_INR_MAX, "intrahepatic", "inr_max", "Intrahepatic route: INR at most", "INR", 1, 5,   \
	  1.5)                                                                                     \
	_(IH_PLATELETS_MIN, "intrahepatic", "platelets_min",                                       \
	  "Intrahepatic route: platelets at least", "10^9/L", 10, 500, 50)                         \
	_(IH_ASCITES_MAX, "intrahepatic", "ascites_max_grade",                                     \
	  "Intrahepatic route: ascites at most", "ICA grade 0-3", 0, 3, 1)                         \
	_(IH_DOPPLER_DAYS, "intrahepatic", "doppler_days",                                         \
	  "Intrahepatic route: a Doppler showing a patent portal vein within", "days", 1, 365, 30) \
	_(LT_YEARS, "longterm", "years", "Survival contacts after the last visit for", "years", 0, \
	  10, 5)                                                                                   \
	_(LT_CONTACT_MONTHS, "longterm", "contact_months", "A survival contact every", "months",   \
	  3, 12, 6)                                                                                \
	_(LT_WINDOW, "longterm", "window_days", "Survival contact and surveillance window",        \
	  "days", 0, 90, 14)                                                                       \
	_(LT_HCC_MONTHS, "longterm", "hcc_months", "HCC surveillance ultrasound every",            \
	  "months (0: none)", 0, 12, 6)                                                            \
	_(LT_HCC_AFP, "longterm", "hcc_afp", "HCC surveillance adds an AFP", "1 yes, 0 no", 0, 1, 1)

enum safety_limit_id {
#define SAFETY_LIMIT_ENUM_(id, ...) SAFE_##id,
	SAFETY_LIMIT_INFO(SAFETY_LIMIT_ENUM_)
#undef SAFETY_LIMIT_ENUM_
	    SAFE_COUNT
};

/* The row of id, or NULL for a bad id. Static storage. */
const struct plan_limit *safety_limit(enum safety_limit_id id);

struct protocol_item {
	char id[PROTOCOL_ID_MAX + 1]; /* the section name after "item." */
	char label[PROTOCOL_LABEL_MAX + 1];
	char help[PROTOCOL_HELP_MAX + 1];
	enum pitem_kind kind;
	bool required;	 /* missing or stale holds the evaluation */
	bool excludes;	 /* not met excludes the patient (else it holds) */
	int window_days; /* data or answer older than this is stale; 0: none */
	/* lab */
	enum analyte_id analytes[ANALYTE_COUNT];
	int nanalytes;
	/* lab and score: bounds in canonical units (NAN: none) */
	double min, max;
	/* imaging */
	bool modality[MOD_COUNT];
	enum pfinding finding;
	/* score */
	enum pscore score;
	/* question: true when the answer "yes" fails the item */
	bool yes_fails;
	/* question: a medication of this class (med.h) on the patient's list
	 * within med_days before the day answers "yes" (MEDC_COUNT: none) */
	enum med_class med_class;
	int med_days;
	/* grade: the highest grade that passes, 0-4; feeds Child-Pugh */
	int max_grade;
	bool feeds_encephalopathy;
	/* exam: which finding max_grade limits (ascites ICA 0-3, West Haven 0-4) */
	enum pexam exam;
	/* viral: max is the HBV DNA threshold in IU/mL (met below it); with
	 * or_antiviral an answer "yes" (on antiviral therapy) also meets it.
	 * Applies to hepatitis B etiology, or whenever an HBV DNA is on record. */
	bool or_antiviral;
};

/* [qol]: which questionnaire is due at which scheduled item — one key per
 * instrument code, its value the visit labels (W4, W12, ...) and
 * "contacts" for every survival contact. */
#define PROTOCOL_QOL_MAX 8
#define PROTOCOL_QOL_CODE_MAX 20
struct protocol_qol {
	char code[PROTOCOL_QOL_CODE_MAX + 1]; /* upper case */
	bool week[PROTOCOL_VISITS_MAX];	      /* by index into visit_weeks */
	bool contacts;
};

struct protocol {
	char path[256]; /* where it was read from, for messages */
	char name[PROTOCOL_NAME_MAX + 1];
	char version[PROTOCOL_VERSION_MAX + 1];
	char hash[65]; /* SHA-256 hex of the text */
	struct protocol_item items[PROTOCOL_ITEMS_MAX];
	int nitems;
	double cells_per_kg, cells_per_kg_min, cells_per_kg_max;
	int weight_window_days;
	int infusions, infusions_min, infusions_max;
	int interval_days, interval_days_min, interval_days_max;
	int infusion_window_days;
	int visit_weeks[PROTOCOL_VISITS_MAX];
	int nvisits;
	int visit_window_days;
	double safety[SAFE_COUNT]; /* SAFETY_LIMIT_INFO values */
	/* [safety] expected: the adverse events the reference safety information
	 * lists (expectedness, REFERENCE 14.2); none when the key is left out. */
	char expected[PROTOCOL_EXPECTED_MAX][PROTOCOL_TERM_MAX + 1];
	int nexpected;
	struct protocol_qol qol[PROTOCOL_QOL_MAX];
	int nqol;
};

const char *pitem_kind_str(enum pitem_kind k);
const char *pscore_str(enum pscore s);
/* True for the items a nurse answers (question, grade, consent, and a viral
 * item's "on antiviral therapy" when it allows it). */
bool pitem_answerable(const struct protocol_item *it);

/* Parse and check protocol text (display_path names it in messages). On
 * success fills *out (hash included) and returns ST_OK; otherwise returns
 * ST_INVALID with "path:line: [section] key: problem" and leaves *out
 * untouched. Refuses parse errors, unknown sections, kinds, keys, analytes,
 * scores and modalities, missing labels, and impossible bounds (min > max, a
 * default outside its bounds, a bound outside the score's or analyte's range). */
enum status protocol_parse(const char *display_path, const char *text, struct protocol *out,
			   struct err *e);

/* Read a file and protocol_parse it. A missing file that is one of the
 * protocols built into the program (assets/protocols/...) is read from the
 * built-in copy. ST_NOT_FOUND / ST_IO / ST_INVALID with the path. */
enum status protocol_load_file(const char *path, struct protocol *out, struct err *e);

/* The text of the file protocol_load_file would read into *out (heap, caller
 * frees). ST_NOT_FOUND, ST_IO or ST_INVALID (binary, too large) with e filled. */
enum status protocol_read_text(const char *path, char **out, struct err *e);

/* Whether an adverse-event term is on the protocol's expected list (letter
 * case ignored). */
bool protocol_expects(const struct protocol *p, const char *term);

/* The item with this id, or NULL. */
const struct protocol_item *protocol_item(const struct protocol *p, const char *id);

/* The questionnaires due at the scheduled item labelled label ("W12",
 * "Contact 3"), their codes joined with ", " into buf (size n); "" when
 * none. Returns buf. */
char *protocol_qol_due(const struct protocol *p, const char *label, char *buf, size_t n);

/* SHA-256 hex of text into out. */
void protocol_hash(const char *text, char out[65]);

#endif
