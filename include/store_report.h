/* store_report.h: the reads behind the cohort outcomes report (report.h):
 * the treated patients, streamed one at a time inside one read snapshot,
 * and each one's infusions, visit weeks, labs and questionnaire scores. */
#ifndef HEPADESK_STORE_REPORT_H
#define HEPADESK_STORE_REPORT_H

#include <stdint.h>

#include "dashboard.h"
#include "report.h"
#include "status.h"
#include "store.h"

/* Called once per treated patient (one infusion or more), by patient id;
 * a status other than ST_OK stops the walk and is returned. */
typedef enum status (*store_report_fn)(void *ctx, struct store *st, int64_t patient_id,
				       struct err *e);

/* Begin one read snapshot (store_snapshot.h), call fn for every treated
 * patient whose first infusion is within from..to (DAY_NONE: no bound),
 * end the snapshot. PERM_READ. The patients are read through a cursor on
 * the infusions_report index: memory does not grow with the clinic. */
enum status store_report_each(struct store *st, day_t from, day_t to, store_report_fn fn, void *ctx,
			      struct err *e);

/* The patient's infusions given, oldest first, each with its lot's product
 * type (at most max). */
enum status store_report_infusions(struct store *st, int64_t patient_id,
				   struct report_infusion *out, int max, int *n, struct err *e);

/* The patient's scheduled follow-up visits labelled "W<n>", by due day,
 * with the day each was done (at most max). */
enum status store_report_visits(struct store *st, int64_t patient_id, struct report_visit *out,
				int max, int *n, struct err *e);

/* Every analyte's series of the patient in one read (not voided, oldest
 * first, the newest max of each): lab[a] gets at most max points, nlab[a]
 * their number. The same values as store_dash_labs, one query instead of
 * one per analyte. */
enum status store_report_labs(struct store *st, int64_t patient_id,
			      struct dash_point (*lab)[DASH_SERIES_MAX], int nlab[ANALYTE_COUNT],
			      struct err *e);

/* The patient's questionnaire domain scores (responses not voided, scored
 * domains only), oldest first, at most max. */
enum status store_report_qol(struct store *st, int64_t patient_id, struct report_qol *out, int max,
			     int *n, struct err *e);

/* For the bench's query plans: call fn(ctx, sql) with the text of every
 * statement this connection runs from now on (fn NULL: stop). The SQL has
 * its parameters unexpanded: no patient data. */
typedef void (*store_report_trace_fn)(void *ctx, const char *sql);
void store_report_trace(struct store *st, store_report_trace_fn fn, void *ctx);

#endif
