/* overview.h: everything the patient overview shows — demographics, the
 * latest value of each analyte, imaging notes and the current scores with
 * the lab values and dates they used. Shared by `hepadesk show` and the
 * overview and scores screens, so both say the same thing. */
#ifndef HEPADESK_OVERVIEW_H
#define HEPADESK_OVERVIEW_H

#include "config.h"
#include "imaging.h"
#include "lab.h"
#include "patient.h"
#include "score.h"

#define OVERVIEW_IMAGING 8

struct overview {
	struct patient p;
	int age;
	day_t today;
	struct lab_latest labs;
	struct imaging_note imaging[OVERVIEW_IMAGING];
	int nimaging;
	struct score_input in;
	struct score_result scores;
	const char *ascites_source; /* where the ascites grade came from, or NULL */
};

/* Fill the score inputs from a patient's latest labs and findings: age on
 * today, sex, etiology (PBC/PSC -> cholestatic), settings from cfg. */
void overview_score_input(const struct patient *p, const struct lab_latest *labs,
			  const struct imaging_note *img, int nimg, day_t today,
			  const struct config *cfg, struct score_input *in);

/* The analytes each score uses (for "values and dates it used"); returns the
 * count written to out (at most ANALYTE_COUNT). */
int overview_score_analytes(enum score_id id, enum analyte_id *out);

#endif
