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
 * it. ST_OK, or the storage error. */
enum status app_report_outcomes(struct app *app, const struct report_filter *f, struct report *out,
				struct err *e);

#endif
