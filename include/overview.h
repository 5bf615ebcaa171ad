/* overview.h: everything the patient overview shows — demographics, the
 * latest value of each analyte, imaging notes and the current scores with
 * the lab values, findings and dates they used. Shared by `hepadesk show` and the
 * overview and scores screens, so both say the same thing. */
#ifndef HEPADESK_OVERVIEW_H
#define HEPADESK_OVERVIEW_H

#include "config.h"
#include "imaging.h"
#include "lab.h"
#include "patient.h"
#include "score.h"
#include "score_basis.h"

#define OVERVIEW_IMAGING 8

struct overview {
	struct patient p;
	int age;
	day_t today;
	struct lab_latest labs;
	struct imaging_note imaging[OVERVIEW_IMAGING];
	int nimaging;
	struct score_basis basis; /* the scores and the inputs they used (score_basis.h) */
};

/* The analytes each score uses (for "values and dates it used"); returns the
 * count written to out (at most ANALYTE_COUNT). */
int overview_score_analytes(enum score_id id, enum analyte_id *out);

#endif
