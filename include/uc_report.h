/* uc_report.h: the cohort outcomes report (report.h) loaded from storage
 * patient by patient in one read transaction and built by the model. */
#ifndef HEPADESK_UC_REPORT_H
#define HEPADESK_UC_REPORT_H

#include "app.h"
#include "report.h"
#include "status.h"

/* Build the report of every treated patient passing f as of app_today,
 * finished (report_finish), and record the run in the access trail
 * (store_report_logged: a report that cannot be logged is not shown). out is initialised here; the
 * caller frees it with report_free whatever the result. The struct is large (a few MB): allocate
 * it. ST_OK, or the storage error. It is the three calls below in one. */
enum status app_report_outcomes(struct app *app, const struct report_filter *f, struct report *out,
				struct err *e);

/* The same report in slices, so a screen can draw and read keys between
 * them. begin initialises out (report_init; the caller frees it with
 * report_free whatever the result), opens the read snapshot the whole walk
 * uses and counts the patients to walk; *build is the handle (NULL on
 * failure, nothing left open). The snapshot stays open between steps: no
 * write of this session may run until end or cancel (under WAL other
 * sessions read and write meanwhile; keep it to seconds). */
struct report_build;
enum status app_report_build_begin(struct app *app, const struct report_filter *f,
				   struct report *out, struct report_build **build, struct err *e);

/* Walk up to max_patients more treated patients (0 or less: all that are
 * left) and add those passing the filter to the report; *done true once
 * the last was walked. ST_OK or the storage error (then cancel). */
enum status app_report_build_step(struct report_build *b, int max_patients, bool *done,
				  struct err *e);

/* Patients walked so far and in all (walked <= total). */
void app_report_build_progress(const struct report_build *b, int *walked, int *total);

/* Walk what is left, release the snapshot, record the run in the access
 * trail as app_report_outcomes does and finish the report; frees b. The
 * result is app_report_outcomes' byte for byte. */
enum status app_report_build_end(struct report_build *b, struct err *e);

/* Stop: release the snapshot and free b, recording nothing (out keeps the
 * patients added so far, unfinished: free it). NULL is fine. */
void app_report_build_cancel(struct report_build *b);

#endif
