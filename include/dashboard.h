/* dashboard.h: the patient dashboard — per measure the baseline (before the
 * first infusion, else at the signed evaluation), the latest value, the change in units and per
 * cent, whether it moved in the improving direction, and a trend line; symptom and grade history
 * over visits; adverse events; the visit calendar; time since the first infusion and the next visit
 * — and the clinic dashboard (due, overdue, awaiting evaluation or sign-off, recent serious events,
 * counts). Screens and commands call these; no SQL and no clinical logic outside. */
#ifndef HEPADESK_DASHBOARD_H
#define HEPADESK_DASHBOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ae.h"
#include "analyte.h"
#include "config.h"
#include "date.h"
#include "histology.h"
#include "infusion.h"
#include "med.h"
#include "patient.h"
#include "product.h"
#include "schedule.h"
#include "score.h"
#include "visit.h"

/* Where a measure's values come from: a lab analyte, a score recomputed
 * on each input's day, liver stiffness, or an examination finding (the
 * series of enum dash_finding). */
enum dash_source { DSRC_LAB, DSRC_SCORE, DSRC_STIFFNESS, DSRC_FINDING };

/* The examination findings trended (the series of struct dash_input). */
enum dash_finding { DFIND_ASCITES, DFIND_HE, DFIND_DIALYSIS, DFIND_WEIGHT };

/* One table: id, key (JSON), label, source, analyte, score or finding id,
 * better direction (+1: higher is better, -1: lower is better, 0: neither,
 * as for weight, where a fall may be ascites drained or wasting), decimals
 * used to show a value and to decide "unchanged", unit. Dialysis is 1 (yes)
 * or 0 (no). */
#define DASH_MEASURE_INFO(_)                                                                     \
	_(ALBUMIN, "albumin", "Albumin", DSRC_LAB, ANALYTE_ALBUMIN, +1, 1, "g/dL")               \
	_(ALT, "alt", "ALT", DSRC_LAB, ANALYTE_ALT, -1, 0, "U/L")                                \
	_(AST, "ast", "AST", DSRC_LAB, ANALYTE_AST, -1, 0, "U/L")                                \
	_(BILIRUBIN, "bilirubin", "Bilirubin", DSRC_LAB, ANALYTE_BILIRUBIN, -1, 1, "mg/dL")      \
	_(INR, "inr", "INR", DSRC_LAB, ANALYTE_INR, -1, 2, "")                                   \
	_(PT, "pt", "PT", DSRC_LAB, ANALYTE_PT, -1, 1, "s")                                      \
	_(PTA, "pta", "PTA", DSRC_LAB, ANALYTE_PTA, +1, 0, "%")                                  \
	_(CREATININE, "creatinine", "Creatinine", DSRC_LAB, ANALYTE_CREATININE, -1, 2, "mg/dL")  \
	_(SODIUM, "sodium", "Sodium", DSRC_LAB, ANALYTE_SODIUM, +1, 0, "mmol/L")                 \
	_(PLATELETS, "platelets", "Platelets", DSRC_LAB, ANALYTE_PLATELETS, +1, 0, "10^9/L")     \
	_(MELD, "meld", "MELD", DSRC_SCORE, SCORE_MELD, -1, 0, "points")                         \
	_(MELD_NA, "meld_na", "MELD-Na", DSRC_SCORE, SCORE_MELD_NA, -1, 0, "points")             \
	_(MELD3, "meld3", "MELD 3.0", DSRC_SCORE, SCORE_MELD3, -1, 0, "points")                  \
	_(CHILD_PUGH, "child_pugh", "Child-Pugh", DSRC_SCORE, SCORE_CHILD_PUGH, -1, 0, "points") \
	_(ALBI, "albi", "ALBI", DSRC_SCORE, SCORE_ALBI, -1, 2, "")                               \
	_(STIFFNESS, "stiffness", "Stiffness", DSRC_STIFFNESS, 0, -1, 1, "kPa")                  \
	_(ASCITES, "ascites_ica", "Ascites", DSRC_FINDING, DFIND_ASCITES, -1, 0, "ICA 0-3")      \
	_(HE, "encephalopathy_west_haven", "Enceph.", DSRC_FINDING, DFIND_HE, -1, 0, "WH 0-4")   \
	_(DIALYSIS, "dialysis", "Dialysis", DSRC_FINDING, DFIND_DIALYSIS, -1, 0, "")             \
	_(WEIGHT, "weight", "Weight", DSRC_FINDING, DFIND_WEIGHT, 0, 1, "kg")

enum dash_measure {
#define DASH_ENUM_(id, ...) DASH_##id,
	DASH_MEASURE_INFO(DASH_ENUM_)
#undef DASH_ENUM_
	    DASH_COUNT
};

struct dash_measure_info {
	const char *key, *label;
	enum dash_source source;
	int id; /* enum analyte_id or enum score_id */
	int better;
	int decimals;
	const char *unit;
};

/* The table row of m, or NULL. Static. */
const struct dash_measure_info *dash_measure(enum dash_measure m);

/* A value on a day; when it was entered (seconds since the epoch; 0 when not
 * known); whether it was recorded at a follow-up visit. Oldest first. */
struct dash_point {
	day_t date;
	double value;
	int64_t entered;
	bool followup;
	bool unreliable; /* a stiffness with IQR/median beyond the rule (imaging.h) */
};

enum dash_direction { DIR_NONE, DIR_IMPROVED, DIR_WORSE, DIR_UNCHANGED };
/* "improved", "worse", "unchanged"; NULL for DIR_NONE (JSON null). */
const char *dash_direction_str(enum dash_direction d);

#define DASH_TREND_MAX 60 /* trend points kept: fits 80 columns */

struct dash_row {
	enum dash_measure m;
	bool have_baseline, have_latest;
	struct dash_point baseline, latest;
	double change;	   /* latest - baseline; NAN without both */
	double change_pct; /* per cent of |baseline|; NAN without both or baseline 0 */
	enum dash_direction dir;
	double trend[DASH_TREND_MAX]; /* the newest values up to today, oldest first */
	int ntrend;
};

/* Index of the newest point with date <= day in an oldest-first series, or
 * -1. Used for the latest (day = today). */
int dash_at_or_before(const struct dash_point *pts, int n, day_t day);

/* Where the baseline is taken (REFERENCE "Dashboard baseline"): the last
 * value on or before the first infusion once there has been one (from any
 * entry time, since labs drawn between sign-off and infusion are baseline
 * too); before that, the values the signed evaluation saw at its as_of;
 * with neither, none (day DAY_NONE). */
enum dash_baseline_from { DBASE_NONE, DBASE_EVALUATION, DBASE_FIRST_INFUSION };
struct dash_baseline {
	enum dash_baseline_from from;
	day_t day;	 /* values on or before this day */
	int64_t seen_by; /* entered by then (0: any time) */
};
void dash_baseline_rule(day_t as_of, int64_t signed_at, day_t first_infusion,
			struct dash_baseline *out);
/* "first_infusion", "evaluation"; NULL for DBASE_NONE (JSON null). */
const char *dash_baseline_from_str(enum dash_baseline_from f);

/* The baseline: index of the newest point with date <= as_of that the
 * signed evaluation could have seen — entered by signed_at (0: any time) and
 * not recorded at a follow-up visit (treatment follows the evaluation, so a
 * visit value of the same day is follow-up, not baseline) — or -1. */
int dash_baseline_index(const struct dash_point *pts, int n, day_t as_of, int64_t signed_at);

/* Change, per cent and direction from baseline b to latest l for measure m.
 * Unchanged when the change rounds to 0 at the measure's decimals; else
 * improved when it moves the better way (higher albumin, lower ALT...);
 * no direction for a measure with no better way (weight). */
void dash_compare(enum dash_measure m, double b, double l, double *change, double *pct,
		  enum dash_direction *dir);

/* Fill a row from an oldest-first series: baseline at as_of and signed_at
 * (dash_baseline_index; none when as_of is DAY_NONE), latest at today,
 * change, direction and trend. */
void dash_row_build(enum dash_measure m, const struct dash_point *pts, int n, day_t as_of,
		    int64_t signed_at, day_t today, struct dash_row *out);

/* A trend line of values (oldest first) in at most width cells: a longer
 * series is squeezed (each cell the mean of its share, so the line spans the
 * whole series); each cell a Unicode lower block U+2581..U+2588 scaled
 * between the minimum and maximum (a flat series sits mid-height), or with
 * ascii one of the levels "_.-:=+*#". Writes NUL-terminated text to buf of
 * size n (whole cells only); returns the cells written. */
int dash_sparkline(const double *v, int nv, int width, bool ascii, char *buf, size_t n);

/* A calendar entry's timing: a done visit's closing day against its window
 * (visit_timing_of: early, in window, late); VT_NONE for an infusion, an
 * open or missed item, or one without a day. */
enum visit_timing dash_cal_timing(const struct schedule_item *it, enum visit_mark mark,
				  day_t closed_on);

/* Child-Pugh class of points 5-15: 'A' 5-6, 'B' 7-9, 'C' 10-15; 0 otherwise. */
char dash_child_pugh_class(int points);

/* What the score series are computed from (pure; tests fill it directly).
 * Every series is oldest first. lab[a] holds an analyte's canonical values;
 * ascites holds ICA grades 0-3 (examinations, visits; imaging that found
 * none gives 0, imaging that found ascites -1: seen, not graded, so no
 * older grade is used for a score after it; the trend row leaves it out); he holds West Haven
 * grades; dialysis 1/0 from examinations; weight kg from registration, examinations and visits. A
 * score on a day is score_basis_build's (score_basis.h) from each input's newest value on or before
 * that day and no older than cfg->lab_window_days: the choice every other view makes. */
struct dash_input {
	const struct patient *p;
	const struct config *cfg;
	const struct dash_point *lab[ANALYTE_COUNT];
	int nlab[ANALYTE_COUNT];
	const struct dash_point *ascites, *he, *stiffness, *dialysis, *weight;
	int nascites, nhe, nstiffness, ndialysis, nweight;
	day_t as_of;	      /* the signed evaluation's as_of, DAY_NONE when none */
	int64_t signed_at;    /* when it was signed */
	day_t first_infusion; /* the day of the first infusion given, DAY_NONE when none */
	day_t today;
};

/* Build every row from in, the baseline by dash_baseline_rule. scratch
 * must hold DASH_SERIES_MAX points. */
#define DASH_SERIES_MAX 400
void dash_build(const struct dash_input *in, struct dash_point *scratch,
		struct dash_row rows[DASH_COUNT]);

/* The score of measure m (a DSRC_SCORE measure) on a day, from in, into
 * out (value; date, entered and follow-up of the newest input used); false
 * when not computable. seen_only uses only the inputs entered by
 * in->signed_at (0: any) and not at a follow-up visit (dash_baseline_index's
 * rule): dash_build computes the baseline score so, at the baseline day. */
bool dash_score_on(const struct dash_input *in, enum dash_measure m, day_t day, bool seen_only,
		   struct dash_point *out);

/* --- the patient dashboard, loaded --- */

#define DASH_SCHED_MAX 64
#define DASH_VISITS_MAX 48
#define DASH_AE_MAX 48
#define DASH_BIOPSY_MAX 16
#define DASH_MED_MAX 40
#define DASH_LOTS_MAX 16

/* A calendar entry: the scheduled item, its mark today, and the record that
 * closed it (the visit or infusion day, the missed reason). */
struct dash_cal {
	struct schedule_item item;
	enum visit_mark mark;
	int days_overdue;
	day_t closed_on; /* DAY_NONE while open */
	/* A done visit's day against its window (visit_timing_of): early, in
	 * window or late; VT_NONE for other items. */
	enum visit_timing timing;
	char reason[VISIT_REASON_MAX + 1];
};

struct dashboard {
	struct patient p;
	day_t today;
	int64_t evaluation_id;	       /* the signed evaluation, 0 when none */
	day_t as_of;		       /* its as_of, DAY_NONE when none */
	int64_t signed_at;	       /* when it was signed */
	struct dash_baseline baseline; /* where the rows' baseline was taken */
	struct dash_row rows[DASH_COUNT];
	struct dash_cal
	    cal[DASH_SCHED_MAX]; /* every open item and the newest closed ones, by due day */
	int ncal;
	int next;			      /* index into cal, or -1 */
	struct visit visits[DASH_VISITS_MAX]; /* recorded, newest DASH_VISITS_MAX, oldest first */
	int nvisits;
	struct ae aes[DASH_AE_MAX]; /* newest first */
	int nae;
	bool have_infusion;
	struct infusion first_infusion;
	int days_since_first_infusion;
	/* Biopsy histology (histology.h): the newest DASH_BIOPSY_MAX biopsies,
	 * oldest first, and the change from the baseline biopsy (the first on
	 * or before the first infusion). */
	struct histology biopsies[DASH_BIOPSY_MAX];
	int nbiopsies;
	struct histo_summary histo;
	/* Medications and supplements (med.h) for the timeline: the newest
	 * DASH_MED_MAX by start, oldest first, voided ones left out. */
	struct med meds[DASH_MED_MAX];
	int nmeds;
	/* The cell product given: each infusion (the first DASH_LOTS_MAX) with
	 * its lot's record. */
	struct product_use lots[DASH_LOTS_MAX];
	int nlots;
};

/* --- the clinic dashboard (home screen) --- */

#define CLINIC_NAME_MAX PATIENT_NAME_MAX

struct clinic_visit {
	int64_t patient_id;
	char mrn[PATIENT_MRN_MAX + 1];
	char name[CLINIC_NAME_MAX + 1];
	struct schedule_item item;
	int days_overdue; /* 0 unless overdue */
};

struct clinic_eval {
	int64_t patient_id;
	char mrn[PATIENT_MRN_MAX + 1];
	char name[CLINIC_NAME_MAX + 1];
	int64_t evaluation_id; /* 0: no evaluation yet */
	day_t as_of;	       /* DAY_NONE when none */
	char status[16];       /* READY, NOT_READY, EXCLUDED, or "" */
};

struct clinic_ae {
	int64_t patient_id;
	char mrn[PATIENT_MRN_MAX + 1];
	char name[CLINIC_NAME_MAX + 1];
	struct ae ae;
};

#define CLINIC_LIST_MAX 50
/* Recent registrations searched for "awaiting evaluation". */
#define CLINIC_NEW_PATIENTS 2000
#define CLINIC_AE_DAYS 30

struct clinic_counts {
	int64_t due_today;
	int64_t overdue;
	int64_t missed_30d;
	int64_t awaiting_signoff;
	int64_t awaiting_evaluation; /* among the newest CLINIC_NEW_PATIENTS registrations */
	int64_t serious_ae_30d;
};

struct clinic_dashboard {
	day_t today;
	struct clinic_visit due[CLINIC_LIST_MAX];
	int ndue;
	struct clinic_visit overdue[CLINIC_LIST_MAX]; /* longest overdue first */
	int noverdue;
	struct clinic_eval awaiting_signoff[CLINIC_LIST_MAX];
	int nsignoff;
	struct clinic_eval awaiting_evaluation[CLINIC_LIST_MAX];
	int nawaiting;
	struct clinic_ae
	    serious[CLINIC_LIST_MAX]; /* grade >= 3 or serious, last 30 days, newest first */
	int nserious;
	struct clinic_counts counts;
};

#endif
