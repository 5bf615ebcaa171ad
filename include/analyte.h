/* analyte.h: the lab analytes hepadesk records — keys, labels, LOINC codes, units,
 * conversions, input limits and reference ranges — all from one table. */
#ifndef HEPADESK_ANALYTE_H
#define HEPADESK_ANALYTE_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

/* The one analyte table. Every limit is in the canonical (conventional) unit.
 * Columns:
 *   id, key (command line and DB), label, short label (<= 10 chars), LOINC,
 *   conventional unit, its other accepted spellings ('|'-separated),
 *   SI unit, its other spellings, SI value = canonical value * si_factor,
 *   display decimals (conventional, SI),
 *   hard limits (refuse outside), warning limits (confirm outside),
 *   reference (normal) range for the H/L flag.
 * A warning limit equal to the hard limit means "no warning on that side".
 * Limits: REFERENCE.md section 7 (an engineering recommendation, [U]);
 * LOINC: REFERENCE.md section 10.1. Units are UTF-8 ("µ" is U+00B5); the
 * unit parser also takes "u", "μ" (U+03BC) and any letter case.
 * INR has no unit: its unit text is "" (the parser also takes "ratio"). */
#define ANALYTE_INFO(_)                                                                            \
	_(BILIRUBIN, "bilirubin", "Total bilirubin", "T.bili", "1975-2", "mg/dL", "", "µmol/L",    \
	  "", 17.1, 1, 0, 0.0, 80.0, 0.1, 30.0, 0.1, 1.2)                                          \
	_(INR, "inr", "INR", "INR", "6301-6", "", "ratio|{INR}", "", "ratio|{INR}", 1.0, 2, 2,     \
	  0.5, 20.0, 0.8, 6.0, 0.8, 1.2)                                                           \
	_(PT, "pt", "Prothrombin time", "PT", "5902-2", "s", "sec|seconds", "s", "sec|seconds",    \
	  1.0, 1, 1, 5.0, 150.0, 5.0, 30.0, 11.0, 13.5)                                            \
	_(PTA, "pta", "Prothrombin activity", "PTA", "5894-1", "%", "", "%", "", 1.0, 0, 0, 0.0,   \
	  200.0, 40.0, 200.0, 70.0, 130.0)                                                         \
	_(CREATININE, "creatinine", "Creatinine", "Creat", "2160-0", "mg/dL", "", "µmol/L", "",    \
	  88.4, 2, 0, 0.1, 25.0, 0.3, 10.0, 0.6, 1.2)                                              \
	_(SODIUM, "sodium", "Sodium", "Na", "2951-2", "mmol/L", "mEq/L", "mmol/L", "mEq/L", 1.0,   \
	  0, 0, 90.0, 200.0, 120.0, 155.0, 135.0, 145.0)                                           \
	_(ALBUMIN, "albumin", "Albumin", "Albumin", "1751-7", "g/dL", "", "g/L", "", 10.0, 1, 0,   \
	  0.5, 7.0, 1.5, 5.5, 3.5, 5.0)                                                            \
	_(ALT, "alt", "Alanine aminotransferase", "ALT", "1742-6", "U/L", "IU/L", "U/L", "IU/L",   \
	  1.0, 0, 0, 0.0, 20000.0, 0.0, 1000.0, 7.0, 56.0)                                         \
	_(AST, "ast", "Aspartate aminotransferase", "AST", "1920-8", "U/L", "IU/L", "U/L", "IU/L", \
	  1.0, 0, 0, 0.0, 20000.0, 0.0, 1000.0, 10.0, 40.0)                                        \
	_(ALP, "alp", "Alkaline phosphatase", "ALP", "6768-6", "U/L", "IU/L", "U/L", "IU/L", 1.0,  \
	  0, 0, 0.0, 10000.0, 0.0, 1000.0, 44.0, 147.0)                                            \
	_(GGT, "ggt", "Gamma-glutamyl transferase", "GGT", "2324-2", "U/L", "IU/L", "U/L", "IU/L", \
	  1.0, 0, 0, 0.0, 10000.0, 0.0, 1000.0, 9.0, 48.0)                                         \
	_(PLATELETS, "platelets", "Platelets", "PLT", "777-3", "10^9/L",                           \
	  "10^3/uL|x10^9/L|10*9/L|x10^3/uL|10*3/uL|10^3/mm3|G/L|K/uL", "10^9/L",                   \
	  "10^3/uL|x10^9/L|10*9/L|x10^3/uL|10*3/uL|10^3/mm3|G/L|K/uL", 1.0, 0, 0, 0.0, 2000.0,     \
	  20.0, 1000.0, 150.0, 400.0)                                                              \
	/* AFP 1834-1 and HBV DNA 29615-2: LOINC codes UNVERIFIED ([U] in REFERENCE 10.1). */      \
	_(AFP, "afp", "Alpha-fetoprotein", "AFP", "1834-1", "ng/mL", "ug/L", "ng/mL", "ug/L", 1.0, \
	  1, 1, 0.0, 1e6, 0.0, 400.0, 0.0, 10.0)                                                   \
	_(HBV_DNA, "hbv_dna", "HBV DNA", "HBV DNA", "29615-2", "IU/mL", "", "IU/mL", "", 1.0, 0,   \
	  0, 0.0, 1e10, 0.0, 1e10, 0.0, 20.0)

enum analyte_id {
#define ANALYTE_ENUM_(id, ...) ANALYTE_##id,
	ANALYTE_INFO(ANALYTE_ENUM_)
#undef ANALYTE_ENUM_
	    ANALYTE_COUNT
};

/* Conventional (US) units are canonical; SI is the other system. */
enum unit_system { UNITS_US, UNITS_SI, UNIT_SYSTEM_COUNT };

/* Flag of a value against the reference range; CRIT = beyond a warning limit. */
enum lab_flag { FLAG_NONE, FLAG_LOW, FLAG_HIGH, FLAG_CRIT_LOW, FLAG_CRIT_HIGH };

/* One row of the table. Limits and ranges are in the canonical unit. */
struct analyte {
	enum analyte_id id;
	const char *key;
	const char *label;
	const char *short_label;
	const char *loinc;
	const char *unit[UNIT_SYSTEM_COUNT];
	const char *unit_aliases[UNIT_SYSTEM_COUNT];
	double si_factor;
	int decimals[UNIT_SYSTEM_COUNT];
	double hard_lo, hard_hi;
	double warn_lo, warn_hi;
	double ref_lo, ref_hi;
};

/* The table row of id, or NULL if id is out of range. Static storage. */
const struct analyte *analyte_get(enum analyte_id id);

/* Look up an analyte by its key ("bilirubin", "hbv_dna"; exact, lower case).
 * Returns false (and leaves *out alone) for an unknown key or NULL. */
bool analyte_from_key(const char *key, enum analyte_id *out);

/* Unit text of id in system u ("" for INR, "" for an out-of-range id); static. */
const char *analyte_unit(enum analyte_id id, enum unit_system u);

/* Which unit system unit_text names for id: "mg/dL", "mg/dl", "umol/L",
 * "µmol/L", "g/L", "10^3/uL" and the aliases in the table; letter case and
 * blanks are ignored. When both systems use the same unit, gives UNITS_US.
 * Returns false for a unit that does not belong to id. */
bool analyte_unit_parse(enum analyte_id id, const char *unit_text, enum unit_system *out);

/* Convert v in system u to the canonical unit, and back. Pure arithmetic:
 * no checks (use analyte_check). An out-of-range id or u returns v unchanged. */
double analyte_to_canonical(enum analyte_id id, enum unit_system u, double v);
double analyte_from_canonical(enum analyte_id id, enum unit_system u, double canonical);

/* Validate value, given in system u, against the table.
 * ST_OK: within the warning limits.
 * ST_CONFIRM: within the hard limits but beyond a warning limit; e->msg says
 *   which limit ("inr 7.2 is above 6 — confirm it is correct").
 * ST_INVALID: NaN, inf, negative or beyond a hard limit; e->msg names the
 *   field, the value, the unit and the accepted range in that unit, and says
 *   "looks like <other unit>" when the value is plausible in the other system.
 * On ST_OK and ST_CONFIRM, *canonical_out and *flag_out (either may be NULL)
 * receive the canonical value and its flag; on ST_INVALID they are untouched. */
enum status analyte_check(enum analyte_id id, enum unit_system u, double value,
			  double *canonical_out, enum lab_flag *flag_out, struct err *e);

/* Parse text as a number (parse_double: refuses "", words, nan, inf, hex and
 * overflow like 1e999) and then analyte_check it. Same results and outputs;
 * a non-number gives ST_INVALID "bilirubin: 'abc' is not a number ...". */
enum status analyte_parse_value(enum analyte_id id, enum unit_system u, const char *text,
				double *canonical, enum lab_flag *flag, struct err *e);

/* Flag of a canonical value: CRIT beyond the warning limits, LOW/HIGH beyond the
 * reference range, else NONE. NaN or a bad id gives FLAG_NONE. */
enum lab_flag analyte_flag(enum analyte_id id, double canonical);

/* Screen mark of a flag: "", "L", "H", "!!L", "!!H". Static, never NULL. */
const char *lab_flag_mark(enum lab_flag f);

/* Format canonical as a number in system u with that unit's display decimals
 * (no unit text) into buf of size n. Returns what snprintf returns (the length
 * wanted), or -1 for a bad id/u or a NULL buf. */
int analyte_format(enum analyte_id id, enum unit_system u, double canonical, char *buf, size_t n);

#endif
