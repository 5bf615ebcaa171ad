/* report.h: the clinic's cohort outcomes report (issue 16) — for every
 * treated patient (one infusion or more) the change from baseline at each
 * scheduled visit week of every measure with paired tests and the reasons
 * values are missing, the safety table of adverse events, and Kaplan-Meier
 * overall and transplant-free survival from the first infusion. Pure: the
 * use case (uc_report.h) loads each patient and hands it to
 * report_add_patient, one at a time; report_finish computes the statistics.
 * The struct holds everything the text, JSON and CSV output and the screen
 * show, and the patients and values behind each number (--detail). */
#ifndef HEPADESK_REPORT_H
#define HEPADESK_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ae.h"
#include "dashboard.h"
#include "date.h"
#include "histology.h"
#include "longterm.h"
#include "patient.h"
#include "plan.h"
#include "product.h"
#include "pstate.h"
#include "qol.h"
#include "schedule.h"
#include "stats.h"
#include "status.h"

/* --- the filters (command-line flags and the screen's choices) --- */

/* Treated patients whose first infusion is within from..to (either
 * DAY_NONE: no bound), of etiology (ICD-10 code; "" any), who were given an
 * infusion by route (when by_route) and one from a lot of product type
 * (when by_product). */
struct report_filter {
	day_t from, to;
	char etiology[8];
	bool by_route, by_product;
	enum plan_route route;
	enum product_type product;
};
void report_filter_init(struct report_filter *f);
/* Set one filter from its flag ("--from", "--to", "--etiology", "--route",
 * "--product") and text value, today bounding the dates. ST_INVALID names
 * the flag, the value and the accepted values (dates YYYY-MM-DD; the
 * etiology codes; iv|intrahepatic; the product types); from after to is
 * refused when both are set. */
enum status report_filter_set(struct report_filter *f, const char *flag, const char *value,
			      day_t today, struct err *e);

/* --- change from baseline --- */

/* Why a patient has no value at a week, first that applies: the visit
 * done without this measure (not_recorded); the visit recorded as missed
 * (missed); died by the day the week's window closed (dead); left the
 * protocol (withdrawn, lost or transplanted) by then (withdrawn); no visit
 * of that week in the patient's schedule, or it was cancelled
 * (not_scheduled); the visit open and its window not yet closed
 * (not_yet_due), or closed (missed). */
#define REPORT_MISSING_INFO(_)                          \
	_(NOT_YET_DUE, "not_yet_due", "not yet due")    \
	_(MISSED, "missed", "missed")                   \
	_(WITHDRAWN, "withdrawn", "withdrawn")          \
	_(DEAD, "dead", "dead")                         \
	_(NOT_RECORDED, "not_recorded", "not recorded") \
	_(NOT_SCHEDULED, "not_scheduled", "not scheduled")
enum report_missing {
#define RMISS_ENUM_(id, ...) RMISS_##id,
	REPORT_MISSING_INFO(RMISS_ENUM_)
#undef RMISS_ENUM_
	    RMISS_COUNT
};
const char *report_missing_str(enum report_missing m);	 /* "not_yet_due" */
const char *report_missing_label(enum report_missing m); /* "not yet due" */

/* A measure: a dashboard measure (labs, scores computed by dash_score_on,
 * stiffness: the same value on the same day as everywhere else) or a
 * questionnaire domain ("qol:CODE:DOMAIN"). */
#define REPORT_KEY_MAX (4 + QOL_CODE_MAX + 1 + QOL_ID_MAX)
struct report_measure {
	char key[REPORT_KEY_MAX + 1];		   /* "albumin", "qol:CLDQ:fatigue" */
	char label[QOL_CODE_MAX + QOL_ID_MAX + 2]; /* "Albumin", "CLDQ fatigue" */
	const char *unit;			   /* "g/dL", "points" (static) */
	int decimals;
	bool qol;
	enum dash_measure dash;				     /* when !qol */
	char code[QOL_CODE_MAX + 1], domain[QOL_ID_MAX + 1]; /* when qol */
};

/* The dashboard measures reported, in order. */
#define REPORT_DASH_MEASURES 12
extern const enum dash_measure report_dash_measures[REPORT_DASH_MEASURES];

/* One patient's value at a week: the baseline (have_baseline false when
 * none) and the week's value, with their days. patient indexes
 * report.patients. */
struct report_value {
	int patient;
	bool have_baseline;
	double baseline, value;
	day_t base_day, day;
};

/* One measure at one week. values holds every patient with a value there
 * (by patient index, ascending); missing counts the others by reason
 * (report_miss_of gives each one's). baseline, value and change describe
 * the pairs' baselines, every value and the pairs' changes; test the
 * paired tests of the changes. */
struct report_cell {
	struct report_value *values;
	int nvalues, capvalues;
	int missing[RMISS_COUNT];
	int no_baseline; /* values without a baseline (not in change or test) */
	struct stats_desc baseline, value, change;
	struct stats_paired test;
};

#define REPORT_WEEKS_MAX 32
#define REPORT_MEASURES_MAX (REPORT_DASH_MEASURES + 24)

/* --- safety --- */

/* One adverse event of a treated patient (voided ones are never read).
 * related: possible, probable or definite (ae_is_related). discontinued:
 * no infusion given after the onset day and either the event's action was
 * infusion_stopped or the patient was withdrawn on or after the onset (the
 * AE record holds no "led to discontinuation"; this is derived from the
 * infusions and the status history). */
struct report_ae {
	int patient;
	int64_t id;
	char term[AE_TERM_MAX + 1];
	int grade;
	bool related, serious, discontinued;
	day_t onset;
};

/* A CTCAE term: patients with it, by their worst grade (worst[1..5]),
 * events, and related, serious and discontinuation counts in events and in
 * patients. */
struct report_term {
	char term[AE_TERM_MAX + 1];
	int patients, events;
	int worst[6];
	int related_events, related_patients;
	int serious_events, serious_patients;
	int discont_events, discont_patients;
};

/* --- histology: paired biopsies --- */

/* One biopsy measure (METAVIR and Ishak fibrosis, grade, CPA, Ki-67,
 * CK-19) over the treated patients, paired as the dashboard pairs them
 * (histology_summary): the baseline biopsy is the first on or before the
 * first infusion, the follow-up the newest after it, and a pair counts when
 * both report the measure. cell holds the pairs (value and day: the
 * follow-up's; baseline and base_day: the baseline's) and their statistics
 * (missing is unused); improved, unchanged and worse count the pairs by
 * the measure's better direction; baseline_only the patients whose
 * baseline biopsy reports it without a later one that does, none the
 * others. */
struct report_histo {
	struct report_cell cell;
	int improved, unchanged, worse;
	int baseline_only, none;
};

/* The table: every term (most patients first, then by term) and the totals
 * over every event ("any adverse event"), with the denominators. */
struct report_safety {
	struct report_ae *aes; /* by patient, then onset */
	int naes, capaes;
	struct report_term *terms;
	int nterms;
	struct report_term any;
	int treated, infusions; /* denominators: patients and infusions given */
	double per_patient;	/* any.patients / treated; NAN when none treated */
	double per_infusion;	/* any.events / infusions; NAN when none given */
};

/* --- survival --- */

/* Overall survival (event: death) and transplant-free survival (event:
 * death or liver transplant), in days from the first infusion, censored at
 * the last known alive day (lt_history: the newest contact or visit). */
#define REPORT_KM_INFO(_)                    \
	_(OS, "overall", "Overall survival") \
	_(TFS, "transplant_free", "Transplant-free survival")
enum report_km {
#define RKM_ENUM_(id, ...) RKM_##id,
	REPORT_KM_INFO(RKM_ENUM_)
#undef RKM_ENUM_
	    RKM_COUNT
};
const char *report_km_str(enum report_km k);   /* "overall" */
const char *report_km_label(enum report_km k); /* "Overall survival" */

/* The numbers at risk are given at these months (REPORT_DAYS_PER_MONTH
 * days each: 6 months = 182.6 days, so at risk on day 183). */
#define REPORT_KM_TIMES 4
extern const int report_km_months[REPORT_KM_TIMES]; /* 6, 12, 24, 36 */
#define REPORT_DAYS_PER_MONTH 30.4375

/* One curve: the subjects (subject[i] is patient[i]'s; patient indexes
 * report.patients), the steps, the median, and at risk and the survival at
 * each of report_km_months (NAN past the last subject's time). */
struct report_curve {
	struct km_subject *subjects;
	int *patient;
	int n, cap;
	int events;
	struct km_step *steps;
	int nsteps;
	struct km_median median;
	int at_risk[REPORT_KM_TIMES];
	double surv_at[REPORT_KM_TIMES];
};

/* --- the whole report --- */

/* A treated patient in the report. */
struct report_patient {
	int64_t id;
	char mrn[PATIENT_MRN_MAX + 1];
	day_t first_infusion;
	int infusions;
};

struct report {
	day_t today;
	struct report_filter filter;
	struct report_patient *patients;
	int npatients, cappatients;
	int weeks[REPORT_WEEKS_MAX]; /* the visit weeks (labels "W<n>"), ascending */
	int nweeks;
	/* week_state[p * REPORT_WEEKS_MAX + w]: patient p at weeks[w], a
	 * enum report_missing, or RMISS_COUNT when the visit was done
	 * (internal; use report_miss_of). */
	unsigned char *week_state;
	struct report_measure measures[REPORT_MEASURES_MAX];
	int nmeasures;
	/* cells[m * REPORT_WEEKS_MAX + w]: measure m at weeks[w]. */
	struct report_cell cells[REPORT_MEASURES_MAX * REPORT_WEEKS_MAX];
	struct report_safety safety;
	struct report_histo histo[HISTO_COUNT];
	struct report_curve km[RKM_COUNT];
	bool finished;
};

/* The cell of measure m at week index w. */
struct report_cell *report_cell(struct report *r, int m, int w);
const struct report_cell *report_cell_c(const struct report *r, int m, int w);

/* Patient p's value of measure m at week index w, or NULL. */
const struct report_value *report_value_of(const struct report *r, int m, int w, int p);
/* Why patient p has no value of measure m at week index w; -1 when it has
 * one. */
int report_miss_of(const struct report *r, int m, int w, int p);

/* Draw curve c in a box of width x height character cells, time 0 to
 * tmax days across, survival 0 to 1 up: with Unicode braille (2 x 4 dots a
 * cell) or, with ascii, '*' where the curve runs and '|' where it drops.
 * height lines of exactly width cells, each ended by '\n', into buf of size
 * n (truncated to whole lines). Returns the lines written. */
int report_km_plot(const struct report_curve *c, double tmax, int width, int height, bool ascii,
		   char *buf, size_t n);

/* --- building it (the use case) --- */

/* A scheduled follow-up visit of the patient: its week (from the label
 * "W<n>"), due day and window, state, and the day it was done (DAY_NONE). */
struct report_visit {
	int week;
	day_t due;
	int window_before, window_after;
	enum sched_state state;
	day_t done_on;
};

/* An infusion given: its day, route and product type (have_type false when
 * the lot is not on record). */
struct report_infusion {
	day_t date;
	enum plan_route route;
	bool have_type;
	enum product_type type;
};

/* A questionnaire domain score on a day (voided responses left out). */
struct report_qol {
	char code[QOL_CODE_MAX + 1];
	char domain[QOL_ID_MAX + 1];
	day_t date;
	double score;
};

/* Everything the report uses of one patient. in is the dashboard's input
 * (dash_input: the series, the signed evaluation, first_infusion, today).
 * Arrays in any order unless said. */
struct report_patient_in {
	const struct patient *p;
	const struct dash_input *in;
	const struct report_infusion *infusions; /* oldest first */
	int ninfusions;
	const struct report_visit *visits;
	int nvisits;
	const struct pstatus *statuses; /* the status history, oldest first */
	int nstatuses;
	const struct lt_history *history; /* lt_history of the patient */
	const struct ae *aes;
	int naes;
	const struct report_qol *qol;
	int nqol;
	const struct histology *histology; /* the biopsies, oldest first */
	int nhistology;
};

/* Start an empty report for today with filter f (copied). */
void report_init(struct report *r, day_t today, const struct report_filter *f);

/* Whether patient pin passes the filter (etiology, first infusion day,
 * route, product type). A patient with no infusion never does. */
bool report_filter_match(const struct report_filter *f, const struct report_patient_in *pin);

/* Add one treated patient that passed the filter: its values and misses at
 * every week, adverse events and survival times. ST_INVALID naming the
 * bound when the patient brings more visit weeks than REPORT_WEEKS_MAX or
 * more measures than REPORT_MEASURES_MAX; ST_OK otherwise. */
enum status report_add_patient(struct report *r, const struct report_patient_in *pin,
			       struct err *e);

/* Compute every statistic: cells, the safety table, the curves. */
void report_finish(struct report *r);

/* Release what the report holds (the struct itself is the caller's). */
void report_free(struct report *r);

#endif
