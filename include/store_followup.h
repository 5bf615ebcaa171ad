/* store_followup.h: storage of follow-up — visits (with their labs),
 * missed visits, infusions, adverse events — and the bounded, indexed reads
 * behind the patient and clinic dashboards. Each write is one transaction,
 * audited by the storage layer, refused without PERM_RECORD; reads need
 * PERM_READ. Implemented in src/store_visit.c and src/store_dashboard.c. */
#ifndef HEPADESK_STORE_FOLLOWUP_H
#define HEPADESK_STORE_FOLLOWUP_H

#include <stdbool.h>
#include <stdint.h>

#include "ae.h"
#include "dashboard.h"
#include "infusion.h"
#include "lab.h"
#include "status.h"
#include "store.h"
#include "visit.h"

/* The patient's scheduled item with this label (case-insensitive; the
 * newest plan's when labels repeat). ST_NOT_FOUND names the label. */
enum status store_schedule_by_label(struct store *st, int64_t patient_id, const char *label,
				    struct schedule_item *out, struct err *e);

/* Record a visit that was done, with n lab results of that visit (their
 * visit_id and patient_id are set here), in one transaction. With a
 * schedule_id the item must be the patient's, a visit, and open (else
 * ST_CONFLICT): it is closed as done and v->timing says whether the visit
 * fell early, in or after its window. v->date must not be after the store's
 * day. On success v->id and the labs' ids are set. */
enum status store_visit_add(struct store *st, struct visit *v, struct lab_result *labs, int n,
			    struct err *e);

/* Record a scheduled visit as missed, with its reason, on v->date; the item
 * must be the patient's and open. Closes it as missed. */
enum status store_visit_missed(struct store *st, struct visit *v, struct err *e);

/* One recorded visit of the patient. */
enum status store_visit_get(struct store *st, int64_t patient_id, int64_t id, struct visit *out,
			    struct err *e);

/* Correct a visit that was done (a value typed wrong, the wrong day): v holds
 * its id, patient_id and the version that was read, and every value as it
 * should be. In one transaction: a newer version is ST_CONFLICT (nothing
 * saved), a missed visit is refused, the values pass visit_validate, the
 * timing is worked out again against its scheduled window, the lab results
 * recorded with it move to a new day, and reason (1-200 characters) is kept
 * on the row; the audit trail keeps each version. On success v->version is
 * the new one. */
enum status store_visit_correct(struct store *st, struct visit *v, const char *reason,
				struct err *e);

/* Recorded visits, newest first, at most max. */
enum status store_visit_list(struct store *st, int64_t patient_id, struct visit *out, int max,
			     int *n, struct err *e);

/* Recording an infusion goes through its check: store_infusion_add in
 * store_treat.h. */
/* The first infusion given; *found false when there is none. */
enum status store_infusion_first(struct store *st, int64_t patient_id, struct infusion *out,
				 bool *found, struct err *e);

/* Record an adverse event that is not serious (a serious one is recorded
 * with its reporting clock: store_sae_add in store_sae.h, or uc_ae_add;
 * here it is ST_INVALID). The last infusion given at or before onset is
 * looked up here: a->infusion_id and a->days_since_infusion are set from it
 * (0 and -1 when none). */
enum status store_ae_add(struct store *st, struct ae *a, struct err *e);
/* One adverse event of the patient, voided or not (a->voided);
 * ST_NOT_FOUND when not this patient's. */
enum status store_ae_get(struct store *st, int64_t patient_id, int64_t id, struct ae *a,
			 struct err *e);
/* Record how an adverse event ended (or stands): outcome and resolution
 * date, checked with ae_validate against the stored event. version is the
 * one read (ST_CONFLICT if it changed since); ST_NOT_FOUND when the event is
 * not this patient's. On success *a holds the updated event. */
enum status store_ae_outcome(struct store *st, int64_t patient_id, int64_t id, int64_t version,
			     enum ae_outcome outcome, day_t resolved, struct ae *a, struct err *e);
/* Adverse events not voided, newest onset first, at most max: what every
 * count, dashboard and stopping rule reads. */
enum status store_ae_list(struct store *st, int64_t patient_id, struct ae *out, int max, int *n,
			  struct err *e);
/* Every adverse event of the patient, voided ones too (marked), newest
 * onset first, at most max: for the correction listing. */
enum status store_ae_rows(struct store *st, int64_t patient_id, struct ae *out, int max, int *n,
			  struct err *e);

/* --- synthetic demo (inside store_demo_begin/store_demo_end) --- */
/* The same checks and rows as store_visit_add (or store_visit_missed when
 * v->state is VISIT_MISSED), store_infusion_add and store_ae_add, inside the
 * demo load's one transaction. */
enum status store_demo_visit(struct store *st, struct visit *v, struct lab_result *labs, int n,
			     struct err *e);
enum status store_demo_infusion(struct store *st, struct infusion *f, struct err *e);
enum status store_demo_ae(struct store *st, struct ae *a, struct err *e);

/* --- reads behind the dashboards (bounded, on indexes) --- */

/* The signed evaluation that is the baseline: the newest with signed_at set
 * and superseded_by NULL; *id 0, *as_of DAY_NONE, *signed_at 0 when none. */
enum status store_dash_evaluation(struct store *st, int64_t patient_id, int64_t *id, day_t *as_of,
				  int64_t *signed_at, struct err *e);
/* The newest max values of an analyte (canonical), returned oldest first. */
enum status store_dash_labs(struct store *st, int64_t patient_id, enum analyte_id a,
			    struct dash_point *out, int max, int *n, struct err *e);
/* Liver stiffness from elastography notes and visits, newest max, oldest first. */
enum status store_dash_stiffness(struct store *st, int64_t patient_id, struct dash_point *out,
				 int max, int *n, struct err *e);
/* Ascites ICA grades (visits; imaging that found no ascites counts as 0) and
 * West Haven grades (visits; the checklist's "encephalopathy" answer: no is
 * 0, yes with a grade 1-4), newest max of each, oldest first. Every series
 * point carries when it was entered. */
enum status store_dash_grades(struct store *st, int64_t patient_id, struct dash_point *ascites,
			      int *na, struct dash_point *he, int *nh, int max, struct err *e);
/* The calendar: every open item (at most max/2, earliest first) and the
 * newest closed ones, with the day and reason of the record that closed
 * each; sorted by due day. Marks are not set here. */
enum status store_dash_calendar(struct store *st, int64_t patient_id, struct dash_cal *out, int max,
				int *n, struct err *e);

/* The clinic dashboard's lists and counts for today (see dashboard.h). */
enum status store_clinic_load(struct store *st, day_t today, int limit,
			      struct clinic_dashboard *out, struct err *e);

#endif
