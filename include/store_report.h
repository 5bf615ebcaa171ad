/* store_report.h: the reads behind the cohort outcomes report (report.h):
 * the treated patients, streamed one at a time inside one read snapshot,
 * and each one's infusions, visit weeks, labs and questionnaire scores. */
#ifndef HEPADESK_STORE_REPORT_H
#define HEPADESK_STORE_REPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "dashboard.h"
#include "report.h"
#include "status.h"
#include "store.h"

/* Called once per treated patient (one infusion or more), by patient id;
 * a status other than ST_OK stops the walk and is returned. */
typedef enum status (*store_report_fn)(void *ctx, struct store *st, int64_t patient_id,
				       struct err *e);

/* The treated patients walked one at a time: store_report_open begins one
 * read snapshot (store_snapshot.h) and a cursor on the infusions_report
 * index over every treated patient whose first infusion is within
 * from..to (DAY_NONE: no bound), by patient id; memory does not grow with
 * the clinic. PERM_READ. The snapshot stays open until store_report_close,
 * so no write of this connection may run in between (under WAL a reader
 * blocks no other session; it only holds back the checkpoint, so keep it
 * to seconds). *out is NULL on failure (nothing left open). */
struct store_report_cursor;
enum status store_report_open(struct store *st, day_t from, day_t to,
			      struct store_report_cursor **out, struct err *e);

/* The next patient's id; *done true (and id 0) after the last. ST_OK or the
 * storage error. */
enum status store_report_next(struct store_report_cursor *c, int64_t *patient_id, bool *done,
			      struct err *e);

/* How many patients the cursor opened with from..to walks in all (counted
 * from the same index, in the same snapshot). */
enum status store_report_count(struct store_report_cursor *c, day_t from, day_t to, int *n,
			       struct err *e);

/* Finalise the cursor and end the snapshot; NULL is fine. */
void store_report_close(struct store_report_cursor *c);

/* The walk in one call: open, fn for every patient (a status other than
 * ST_OK stops it and is returned), close. */
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

/* The series of every analyte with want[a] set, of the patient, in one
 * read (not voided, oldest first, the newest DASH_SERIES_MAX of each):
 * lab[a] gets the points, nlab[a] their number (0 for the others). The same
 * values as store_dash_labs, one query instead of one per analyte. */
enum status store_report_labs(struct store *st, int64_t patient_id, const bool want[ANALYTE_COUNT],
			      struct dash_point (*lab)[DASH_SERIES_MAX], int nlab[ANALYTE_COUNT],
			      struct err *e);

/* The patient's questionnaire domain scores (responses not voided, scored
 * domains only), oldest first, at most max. */
enum status store_report_qol(struct store *st, int64_t patient_id, struct report_qol *out, int max,
			     int *n, struct err *e);

/* Record in the access trail that the actor ran the outcomes report: one
 * 'view' row of table "report" whose JSON names the report, its filters and
 * how many patients it covered (after the read snapshot: it writes). */
enum status store_report_logged(struct store *st, const struct report_filter *f, int patients,
				struct err *e);

/* For the bench's query plans: call fn(ctx, sql) with the text of every
 * statement this connection runs from now on (fn NULL: stop). The SQL has
 * its parameters unexpanded: no patient data. */
typedef void (*store_report_trace_fn)(void *ctx, const char *sql);
void store_report_trace(struct store *st, store_report_trace_fn fn, void *ctx);

#endif
