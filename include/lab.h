/* lab.h: lab results as recorded — value and unit as entered, the canonical
 * value, collection date, source and flag — and the entry rules. */
#ifndef HEPADESK_LAB_H
#define HEPADESK_LAB_H

#include <stdbool.h>
#include <stddef.h>
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
 * accepted range; ST_OK otherwise. HBV DNA in IU/mL under 10 (above 0)
 * asks whether it was log10 IU/mL (ST_CONFIRM unless confirmed). */
enum status lab_entry(enum analyte_id a, enum unit_system u, const char *text, bool confirmed,
		      struct lab_result *r, struct err *e);

/* HBV DNA may be entered in log10 IU/mL: the value is kept as entered with
 * this unit, the canonical value is 10^value IU/mL. */
#define LAB_UNIT_LOG10 "log10 IU/mL"
#define LAB_LOG10_MAX 10.0 /* 10^10 IU/mL, the analyte's hard limit */

/* One value in log10 IU/mL for an analyte that takes it (HBV DNA only):
 * 0-10, then the analyte's limits on 10^value. ST_INVALID naming the field,
 * value, accepted range and unit; ST_CONFIRM beyond a warning limit unless
 * confirmed. Fills r like lab_entry, with unit LAB_UNIT_LOG10. */
enum status lab_entry_log10(enum analyte_id a, const char *text, bool confirmed,
			    struct lab_result *r, struct err *e);

/* True when r was entered in log10 IU/mL. */
bool lab_is_log10(const struct lab_result *r);

/* The value as entered with its unit when that differs from the canonical
 * display ("5.3 log10 IU/mL"); "" otherwise. Writes at most n bytes. */
void lab_entered_text(const struct lab_result *r, char *buf, size_t n);

/* The latest result of each analyte for a patient. */
struct lab_latest {
	bool have[ANALYTE_COUNT];
	struct lab_result r[ANALYTE_COUNT];
};

#endif
