/* store_dash_findings.h: the series of examination findings the patient
 * dashboard trends that no other store reads (weight over time). Reads need
 * PERM_READ. Implemented in src/store/store_dash_findings.c. */
#ifndef HEPADESK_STORE_DASH_FINDINGS_H
#define HEPADESK_STORE_DASH_FINDINGS_H

#include <stdint.h>

#include "dashboard.h"
#include "status.h"
#include "store.h"

/* The weight series in kg, oldest first, at most max (the newest max):
 * examinations, done visits (follow-up) and the patient's current weight on
 * its date; entered is each record's creation time. */
enum status store_dash_weight(struct store *st, int64_t patient_id, struct dash_point *out, int max,
			      int *n, struct err *e);

#endif
