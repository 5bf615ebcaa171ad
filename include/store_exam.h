/* store_exam.h: storage of examination findings (exam.h) and the newest
 * finding of each kind from every record that holds one — examinations,
 * visits, imaging that found no ascites, the checklist's encephalopathy
 * answer. A write is one transaction, audited, refused without PERM_RECORD;
 * reads need PERM_READ. Implemented in src/store/store_exam.c. */
#ifndef HEPADESK_STORE_EXAM_H
#define HEPADESK_STORE_EXAM_H

#include <stdint.h>

#include "dashboard.h"
#include "date.h"
#include "exam.h"
#include "status.h"
#include "store.h"

/* Record an examination (checked again with exam_validate, warnings taken
 * as confirmed: the caller asked). A weight dated on or after the patient's
 * current weight becomes the patient's weight in the same transaction. On
 * success x->id is set. */
enum status store_exam_add(struct store *st, struct exam *x, struct err *e);

/* The patient's examinations, newest first, at most max. */
enum status store_exam_list(struct store *st, int64_t patient_id, struct exam *out, int max, int *n,
			    struct err *e);

/* The newest ascites, encephalopathy and dialysis finding on or before on,
 * from every record that holds one (exam.h). */
enum status store_exam_findings(struct store *st, int64_t patient_id, day_t on,
				struct exam_findings *out, struct err *e);

/* The dialysis series (1/0 by day, oldest first, at most max) for the
 * dashboard; entered and follow-up as store_dash_labs sets them. */
enum status store_exam_dialysis_series(struct store *st, int64_t patient_id, struct dash_point *out,
				       int max, int *n, struct err *e);

#endif
