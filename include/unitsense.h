/* unitsense.h: unit sense across a patient's history — a new lab result is
 * compared with the previous result of the analyte, and an entry that looks
 * like a unit mix-up or a typing slip asks for confirmation naming the likely
 * unit and the earlier value. Pure: the caller (a use case, the screens, the
 * command line or an importer) gives the previous result. */
#ifndef HEPADESK_UNITSENSE_H
#define HEPADESK_UNITSENSE_H

#include "config.h"
#include "lab.h"
#include "status.h"

struct unitsense_opts {
	double jump_factor;	/* a change beyond this ratio ... */
	int jump_days;		/* ... within this many days asks */
	double same_day_factor; /* two results on one day beyond this ratio ask */
};

/* The options of a configuration (labs:jump_factor, jump_days, same_day_factor). */
void unitsense_opts_of(const struct config *cfg, struct unitsense_opts *o);

/* Check r (analyte, value, unit as entered, canonical and date filled)
 * against prev, the patient's previous result of the same analyte on or
 * before r's day (NULL or another analyte: nothing to compare). In order:
 *   - prev is on the same day and the two differ by more than the same-day
 *     factor;
 *   - the value is plausible only in the other unit system given prev (it
 *     is beyond the jump factor as entered and within it read in the other
 *     unit): "looks like mg/dL";
 *   - prev is within jump_days and the two differ by more than the jump
 *     factor.
 * Returns ST_CONFIRM with e->msg naming the analyte, the value and unit
 * entered, the likely unit or the change, and the earlier value with its
 * unit and date; ST_OK otherwise. Analytes whose changes are routinely
 * logarithmic (HBV DNA) and zero values are not compared by ratio. */
enum status unitsense_check(const struct lab_result *r, const struct lab_result *prev,
			    const struct unitsense_opts *o, struct err *e);

#endif
