/* histology.h: biopsy histology, one record per biopsy — date and site,
 * fibrosis stage (METAVIR F0-F4 and Ishak 0-6), necro-inflammatory grade
 * (METAVIR A0-A3), collagen proportionate area, Ki-67 and CK-19 (% positive),
 * pathologist and note — with its limits in one table (HISTO_MEASURE_INFO),
 * and the change from the baseline biopsy (the first on or before the first
 * infusion) for the dashboard. */
#ifndef HEPADESK_HISTOLOGY_H
#define HEPADESK_HISTOLOGY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "status.h"
#include "user.h"

#define HISTO_SITE_MAX 80
#define HISTO_PATHOLOGIST_MAX 80
#define HISTO_NOTE_MAX 2000
#define HISTO_REASON_MAX 200

/* The measures of a biopsy, one table: id, key (command-line option, JSON,
 * database column), label, short (what precedes the value in a one-line
 * summary: "Ishak 4", "F3"), unit ("" for a stage), prefix of a stage as
 * written ("F" for F3; "" for a number), hard limits, warning limits (equal
 * to the hard limit: no warning on that side), decimals, better (-1 lower
 * is better, +1 higher is better: Ki-67 and CK-19 read as regeneration by
 * the clinic's description, [U]), help.
 * METAVIR: Bedossa & Poynard 1996; Ishak: Ishak et al. 1995; CPA: Calvaruso
 * 2009 (a cirrhotic liver is rarely above 50 %; above 60 % asks). */
#define HISTO_MEASURE_INFO(_)                                                               \
	_(METAVIR, "metavir", "METAVIR fibrosis", "", "", "F", 0, 4, 0, 4, 0, -1,           \
	  "Fibrosis stage F0-F4 (METAVIR)")                                                 \
	_(ISHAK, "ishak", "Ishak fibrosis", "Ishak ", "", "", 0, 6, 0, 6, 0, -1,            \
	  "Fibrosis stage 0-6 (Ishak)")                                                     \
	_(GRADE, "grade", "Necro-inflammatory grade", "", "", "A", 0, 3, 0, 3, 0, -1,       \
	  "Activity grade A0-A3 (METAVIR)")                                                 \
	_(CPA, "cpa", "Collagen proportionate area", "CPA ", "%", "", 0, 100, 0, 60, 1, -1, \
	  "Collagen proportionate area, % of the section")                                  \
	_(KI67, "ki67", "Ki-67", "Ki-67 ", "%", "", 0, 100, 0, 80, 1, +1,                   \
	  "Ki-67 positive hepatocytes, %")                                                  \
	_(CK19, "ck19", "CK-19", "CK-19 ", "%", "", 0, 100, 0, 80, 1, +1,                   \
	  "CK-19 positive cells (ductular reaction), %")

enum histo_measure {
#define HISTO_ENUM_(id, ...) HISTO_##id,
	HISTO_MEASURE_INFO(HISTO_ENUM_)
#undef HISTO_ENUM_
	    HISTO_COUNT
};

struct histo_measure_info {
	const char *key, *label, *short_label, *unit, *prefix;
	double lo, hi, warn_lo, warn_hi;
	int decimals, better;
	const char *help;
};
/* The row of a measure; NULL for a bad id. */
const struct histo_measure_info *histo_measure(enum histo_measure m);

struct histology {
	int64_t id;
	int64_t patient_id;
	day_t date;
	char site[HISTO_SITE_MAX + 1];
	double v[HISTO_COUNT]; /* NAN when not reported */
	char pathologist[HISTO_PATHOLOGIST_MAX + 1];
	char note[HISTO_NOTE_MAX + 1];
	char created_by[USER_LOGIN_MAX + 1];
	char reason[HISTO_REASON_MAX + 1]; /* the latest correction's or the void's */
	bool voided;
	int64_t version;
};

/* Nothing reported: every measure NAN, no date. */
void histology_init(struct histology *h);

/* Parse a measure as typed ("F3" or "3" for METAVIR, "A2" or "2" for the
 * grade, "12.5" for a percentage) against its hard limits: ST_INVALID naming
 * the field, the value, the range and the unit ("CPA: 120 % is outside
 * 0-100 %"). A stage must be a whole number. */
enum status histology_parse(enum histo_measure m, const char *text, double *out, struct err *e);

/* The value as written: "F3", "5", "A2", "12.5 %"; "-" when not reported. */
char *histology_format(enum histo_measure m, double v, char *out, size_t n);

/* The whole record against today: date given and not after today, site,
 * pathologist (1-80 characters of one-line text), note, at least one
 * measure, each within its hard limits; ST_CONFIRM (unless confirmed) for
 * a value beyond its warning limit, or for METAVIR and Ishak stages that do
 * not agree (F0 = 0, F1 = 1-2, F2 = 3, F3 = 4-5, F4 = 5-6). */
enum status histology_validate(const struct histology *h, day_t today, bool confirmed,
			       struct err *e);

/* The change from the baseline biopsy, per measure. */
struct histo_change {
	bool have; /* both biopsies report it */
	double base, latest, change;
	int direction; /* +1 improved, -1 worse, 0 unchanged (by the measure's better) */
};

struct histo_summary {
	int baseline; /* index of the baseline biopsy in the list, -1 when none */
	int latest;   /* index of the newest biopsy after the baseline, -1 when none */
	struct histo_change c[HISTO_COUNT];
};

/* From biopsies oldest first (voided ones skipped): the baseline is the
 * first on or before first_infusion (DAY_NONE: no infusion yet, the first
 * biopsy), the latest the newest after it and after the first infusion (a
 * second biopsy before treatment is not a result of it). */
void histology_summary(const struct histology *list, int n, day_t first_infusion,
		       struct histo_summary *out);

#endif
