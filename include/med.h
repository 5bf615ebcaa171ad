/* med.h: concomitant medications and supplements — name (with its ATC code
 * when it is on the shipped list, a free name allowed), dose and unit, route,
 * frequency, start and stop dates, indication — the shipped list
 * (MED_LIST_INFO) with each entry's class, the dose limits per unit
 * (MED_UNIT_INFO) and what a patient takes on a day, which the checklist
 * reads (an antiviral, an immunosuppressant). */
#ifndef HEPADESK_MED_H
#define HEPADESK_MED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "status.h"
#include "user.h"

#define MED_NAME_MAX 80
#define MED_ATC_MAX 7
#define MED_INDICATION_MAX 200
#define MED_REASON_MAX 200

/* Classes: id, key (JSON, protocol `medications =`), label. */
#define MED_CLASS_INFO(_)                                               \
	_(OTHER, "other", "other")                                      \
	_(ANTIVIRAL, "antiviral", "antiviral (HBV)")                    \
	_(DIURETIC, "diuretic", "diuretic")                             \
	_(NSBB, "beta_blocker", "non-selective beta-blocker")           \
	_(ENCEPHALOPATHY, "encephalopathy", "encephalopathy treatment") \
	_(ALBUMIN, "albumin", "albumin infusion")                       \
	_(ANTIBIOTIC, "antibiotic", "antibiotic")                       \
	_(IMMUNOSUPPRESSANT, "immunosuppressant", "immunosuppressant")  \
	_(SUPPLEMENT, "supplement", "supplement")

enum med_class {
#define MEDC_ENUM_(id, ...) MEDC_##id,
	MED_CLASS_INFO(MEDC_ENUM_)
#undef MEDC_ENUM_
	    MEDC_COUNT
};

/* The shipped list: name, other names it is found by ("|"-separated,
 * letter case ignored), ATC code, class, usual unit and route.
 * ATC codes from the WHO Collaborating Centre for Drug Statistics
 * Methodology, ATC/DDD Index (https://atcddd.fhi.no/atc_ddd_index/),
 * checked one by one: J05AF10 entecavir; J05AF07 tenofovir disoproxil;
 * J05AF13 tenofovir alafenamide; C03DA01 spironolactone; C03CA01
 * furosemide; C07AA05 propranolol; C07AG02 carvedilol; C07AA12 nadolol;
 * A06AD11 lactulose; A07AA11 rifaximin; B05AA01 albumin; J01MA06
 * norfloxacin; J01DD04 ceftriaxone; J01MA02 ciprofloxacin; L04AD02
 * tacrolimus; H02AB06 prednisolone; L04AX01 azathioprine; L04AA06
 * mycophenolic acid (mycophenolate mofetil and sodium); V03AB23
 * acetylcysteine (the antidote's code, as the clinic gives it IV; R05CB01 is
 * the mucolytic); A11HA03 tocopherol (vitamin E); A05BA03 silymarin;
 * A12CB01 zinc sulfate; A11CC05 colecalciferol (vitamin D3). Branched-chain
 * amino acids have no substance code: V06DD (amino acids, incl. combinations
 * with polypeptides) is the group, kept as the 4th-level code. */
#define MED_LIST_INFO(_)                                                                         \
	_("entecavir", "etv|baraclude", "J05AF10", ANTIVIRAL, "mg", "oral")                      \
	_("tenofovir disoproxil", "tenofovir|tdf|viread", "J05AF07", ANTIVIRAL, "mg", "oral")    \
	_("tenofovir alafenamide", "taf|vemlidy", "J05AF13", ANTIVIRAL, "mg", "oral")            \
	_("spironolactone", "aldactone", "C03DA01", DIURETIC, "mg", "oral")                      \
	_("furosemide", "frusemide|lasix", "C03CA01", DIURETIC, "mg", "oral")                    \
	_("propranolol", "", "C07AA05", NSBB, "mg", "oral")                                      \
	_("carvedilol", "", "C07AG02", NSBB, "mg", "oral")                                       \
	_("nadolol", "", "C07AA12", NSBB, "mg", "oral")                                          \
	_("lactulose", "", "A06AD11", ENCEPHALOPATHY, "mL", "oral")                              \
	_("rifaximin", "xifaxan", "A07AA11", ENCEPHALOPATHY, "mg", "oral")                       \
	_("human albumin", "albumin|has", "B05AA01", ALBUMIN, "g", "iv")                         \
	_("norfloxacin", "", "J01MA06", ANTIBIOTIC, "mg", "oral")                                \
	_("ceftriaxone", "", "J01DD04", ANTIBIOTIC, "g", "iv")                                   \
	_("ciprofloxacin", "", "J01MA02", ANTIBIOTIC, "mg", "oral")                              \
	_("tacrolimus", "", "L04AD02", IMMUNOSUPPRESSANT, "mg", "oral")                          \
	_("prednisolone", "", "H02AB06", IMMUNOSUPPRESSANT, "mg", "oral")                        \
	_("azathioprine", "", "L04AX01", IMMUNOSUPPRESSANT, "mg", "oral")                        \
	_("mycophenolate", "mycophenolate mofetil|mycophenolic acid|mmf", "L04AA06",             \
	  IMMUNOSUPPRESSANT, "mg", "oral")                                                       \
	_("N-acetylcysteine", "acetylcysteine|nac", "V03AB23", SUPPLEMENT, "mg", "iv")           \
	_("vitamin E", "tocopherol|alpha-tocopherol", "A11HA03", SUPPLEMENT, "IU", "oral")       \
	_("silymarin", "milk thistle|silibinin", "A05BA03", SUPPLEMENT, "mg", "oral")            \
	_("zinc", "zinc sulfate|zinc sulphate", "A12CB01", SUPPLEMENT, "mg", "oral")             \
	_("branched-chain amino acids", "bcaa", "V06DD", SUPPLEMENT, "g", "oral")                \
	_("vitamin D", "colecalciferol|cholecalciferol|vitamin d3", "A11CC05", SUPPLEMENT, "IU", \
	  "oral")

/* One row of the shipped list. */
struct med_listed {
	const char *name, *aliases, *atc;
	enum med_class cls;
	const char *unit, *route;
};
/* The shipped list; *n receives its length. */
const struct med_listed *med_list(int *n);
/* The entry a name or ATC code names (letter case ignored; its name, an
 * alias or its code), or NULL. */
const struct med_listed *med_lookup(const char *name);

/* Dose units and their limits: key, the largest dose accepted (refused
 * above; any dose must be above 0). A dose above warn asks to confirm. */
#define MED_UNIT_INFO(_)                 \
	_(MG, "mg", 20000.0, 4000.0)     \
	_(G, "g", 200.0, 100.0)          \
	_(UG, "µg", 100000.0, 10000.0)   \
	_(ML, "mL", 5000.0, 500.0)       \
	_(IU, "IU", 1000000.0, 100000.0) \
	_(MMOL, "mmol", 1000.0, 200.0)   \
	_(UNIT, "tablet", 20.0, 8.0)

enum med_unit {
#define MEDU_ENUM_(id, ...) MEDU_##id,
	MED_UNIT_INFO(MEDU_ENUM_)
#undef MEDU_ENUM_
	    MEDU_COUNT
};

#define MED_ROUTE_INFO(_)     \
	_(ORAL, "oral")       \
	_(IV, "iv")           \
	_(SC, "sc")           \
	_(IM, "im")           \
	_(RECTAL, "rectal")   \
	_(TOPICAL, "topical") \
	_(OTHER, "other")

enum med_route {
#define MEDR_ENUM_(id, ...) MEDR_##id,
	MED_ROUTE_INFO(MEDR_ENUM_)
#undef MEDR_ENUM_
	    MEDR_COUNT
};

#define MED_FREQ_INFO(_)                   \
	_(ONCE, "once", "once")            \
	_(QD, "qd", "once daily")          \
	_(BID, "bid", "twice daily")       \
	_(TID, "tid", "three times daily") \
	_(QID, "qid", "four times daily")  \
	_(QW, "weekly", "once weekly")     \
	_(PRN, "prn", "as needed")         \
	_(CONTINUOUS, "continuous", "continuous infusion")

enum med_freq {
#define MEDF_ENUM_(id, ...) MEDF_##id,
	MED_FREQ_INFO(MEDF_ENUM_)
#undef MEDF_ENUM_
	    MEDF_COUNT
};

struct med {
	int64_t id;
	int64_t patient_id;
	char name[MED_NAME_MAX + 1]; /* the list's spelling when listed */
	char atc[MED_ATC_MAX + 1];   /* "" for a free name */
	enum med_class cls;	     /* OTHER for a free name */
	double dose;		     /* NAN when not given */
	enum med_unit unit;
	enum med_route route;
	enum med_freq freq;
	day_t start, stop; /* stop DAY_NONE while taken */
	char indication[MED_INDICATION_MAX + 1];
	char created_by[USER_LOGIN_MAX + 1];
	char reason[MED_REASON_MAX + 1]; /* the latest correction's, the stop's or the void's */
	bool voided;
	int64_t version;
};

/* Nothing given: dose NAN, oral, once daily, no dates. */
void med_init(struct med *m);

const char *med_class_str(enum med_class c);
const char *med_class_label(enum med_class c);
bool med_class_parse(const char *s, enum med_class *out);
const char *med_unit_str(enum med_unit u);
bool med_unit_parse(const char *s, enum med_unit *out);
const char *med_route_str(enum med_route r);
bool med_route_parse(const char *s, enum med_route *out);
const char *med_freq_str(enum med_freq f);   /* "bid" */
const char *med_freq_label(enum med_freq f); /* "twice daily" */
bool med_freq_parse(const char *s, enum med_freq *out);
/* "a|b|c" of a table's keys into out (kind: 'u' units, 'r' routes, 'f'
 * frequencies, 'c' classes). */
char *med_choices(char kind, char *out, size_t n);

/* Set the name: a listed name, alias or ATC code takes the list's name,
 * code and class; other text (1-80 characters of one-line text) is kept
 * as a free name with class OTHER. */
enum status med_set_name(struct med *m, const char *text, struct err *e);

/* The dose in its unit: above 0 and at most the unit's limit ("dose: 50 g
 * is outside 0-200 g"); ST_CONFIRM above the unit's warning unless
 * confirmed. */
enum status med_check_dose(double dose, enum med_unit u, bool confirmed, struct err *e);

/* The whole entry against today: a name, dose within its unit's limits,
 * start given and not after today, stop not before start, indication. */
enum status med_validate(const struct med *m, day_t today, bool confirmed, struct err *e);

/* Taken on day: not voided, started on or before day, not stopped before
 * it. */
bool med_taken_on(const struct med *m, day_t day);

/* The first entry of class c taken at some day in [day - days, day], or
 * NULL (days 0: on day itself). */
const struct med *med_of_class(const struct med *list, int n, enum med_class c, day_t day,
			       int days);

/* "entecavir (J05AF10) 0.5 mg oral once daily from 2026-01-05" into out. */
char *med_describe(const struct med *m, char *out, size_t n);

#endif
