/* lab.h: lab results as recorded — value and unit as entered, the canonical
 * value, collection date, source and flag — and the entry rules. */
#ifndef HEPADESK_LAB_H
#define HEPADESK_LAB_H

#include <stdbool.h>
#include <stdint.h>

#include "analyte.h"
#include "date.h"
#include "status.h"

#define LAB_UNIT_MAX 15
#define LAB_SOURCE_MAX 31

struct lab_result {
	int64_t id;
	int64_t patient_id;
	enum analyte_id analyte;
	double value;		     /* as entered, in `unit` */
	char unit[LAB_UNIT_MAX + 1]; /* as entered */
	double canonical;	     /* in the analyte's canonical unit */
	day_t date;		     /* collection date */
	char source[LAB_SOURCE_MAX + 1];
	enum lab_flag flag;
	bool confirmed;	  /* beyond the warning limits, and confirmed on entry */
	int64_t visit_id; /* 0 when not tied to a visit */
	int64_t version;
};

/* Check one entered value for an analyte in a unit system and fill r (value,
 * unit text, canonical, flag). Returns ST_INVALID (text, NaN, beyond the hard
 * limits, unit mix-up) or ST_CONFIRM (beyond the warning limits and not yet
 * confirmed) with a message naming the analyte, the value, the unit and the
 * accepted range; ST_OK otherwise. */
enum status lab_entry(enum analyte_id a, enum unit_system u, const char *text, bool confirmed,
		      struct lab_result *r, struct err *e);

/* The latest result of each analyte for a patient. */
struct lab_latest {
	bool have[ANALYTE_COUNT];
	struct lab_result r[ANALYTE_COUNT];
};

#endif
