/* vital.h: the measured values of a patient and a visit that are not lab
 * results — temperature, weight, blood pressure, paracentesis volume, liver
 * stiffness and its IQR, ascites and encephalopathy grades — with their units,
 * input limits and help, all from one table (like analyte.h for the labs). */
#ifndef HEPADESK_VITAL_H
#define HEPADESK_VITAL_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

/* The one vitals table. Columns:
 *   id; key (command-line option and JSON/dashboard key); label (a form's
 *   field label); field and prefix (a message says "<field>: <prefix> <value>
 *   <unit> ...", e.g. "blood pressure: systolic 261 mmHg"); unit ("" for a
 *   grade); display decimals; hard limits (refused outside); warning limits
 *   (confirmed outside; equal to the hard limit means no warning on that
 *   side); why (said after a warning, "" for none; without it a two-sided
 *   warning quotes the usual range); scale (the grading scale of a grade,
 *   "" for a measure); help (one line for a form).
 * Limits: REFERENCE.md section 7 (an engineering recommendation, [U]) where
 * it gives them (weight, temperature, stiffness), else the clinic's choice.
 * A patient's weight and a visit's weight are the same row. */
#define VITAL_INFO(_)                                                                              \
	_(TEMPERATURE, "temperature", "Temperature", "temperature", "", "°C", 1, 30.0, 45.0, 35.0, \
	  41.0, "", "", "Body temperature in °C (a value that looks like °F is refused)")          \
	_(WEIGHT, "weight", "Weight", "weight", "", "kg", 1, 20.0, 250.0, 40.0, 150.0, "", "",     \
	  "Body weight in kg; the dose is cells/kg x this weight")                                 \
	_(DRY_WEIGHT, "dry-weight", "Dry weight", "dry weight", "", "kg", 1, 20.0, 250.0, 40.0,    \
	  150.0, "", "", "Estimated dry weight in kg, where ascites is tense (ICA grade 3)")       \
	_(SYSTOLIC, "systolic", "Systolic blood pressure", "blood pressure", "systolic", "mmHg",   \
	  0, 50.0, 260.0, 70.0, 220.0, "", "", "Systolic blood pressure in mmHg")                  \
	_(DIASTOLIC, "diastolic", "Diastolic blood pressure", "blood pressure", "diastolic",       \
	  "mmHg", 0, 20.0, 160.0, 40.0, 130.0, "", "",                                             \
	  "Diastolic blood pressure in mmHg, below the systolic")                                  \
	_(PULSE, "pulse", "Pulse", "pulse", "", "/min", 0, 20.0, 250.0, 40.0, 140.0, "", "",       \
	  "Pulse rate in beats per minute")                                                        \
	_(SPO2, "spo2", "SpO2", "SpO2", "", "%", 0, 50.0, 100.0, 90.0, 100.0, "", "",              \
	  "Oxygen saturation by pulse oximetry, %")                                                \
	_(PARACENTESIS, "paracentesis", "Paracentesis", "paracentesis", "", "mL", 0, 0.0, 20000.0, \
	  0.0, 12000.0, "", "", "Ascitic fluid drained since the last visit, mL")                  \
	_(STIFFNESS, "stiffness", "Liver stiffness", "liver stiffness", "", "kPa", 1, 1.5, 75.0,   \
	  1.5, 25.0, "portal hypertension range", "",                                              \
	  "Liver stiffness by transient elastography (VCTE), median in kPa")                       \
	_(IQR, "iqr", "Stiffness IQR", "stiffness IQR", "", "kPa", 1, 0.0, 75.0, 0.0, 75.0, "",    \
	  "", "Interquartile range of the stiffness readings, kPa; at most the median")            \
	_(LESION, "lesion-mm", "Largest lesion", "largest lesion", "", "mm", 0, 1.0, 300.0, 1.0,   \
	  150.0, "", "", "Diameter of the largest liver lesion on imaging, mm")                    \
	_(ASCITES, "ascites", "Ascites (ICA grade)", "ascites", "grade", "", 0, 0.0, 3.0, 0.0,     \
	  3.0, "", "International Club of Ascites",                                                \
	  "Ascites grade 0-3 (International Club of "                                              \
	  "Ascites)")                                                                              \
	_(ENCEPHALOPATHY, "encephalopathy", "Encephalopathy (West Haven grade)", "encephalopathy", \
	  "grade", "", 0, 0.0, 4.0, 0.0, 4.0, "", "West Haven",                                    \
	  "Hepatic encephalopathy grade 0-4 (West Haven)")

enum vital_id {
#define VITAL_ENUM_(id, ...) VITAL_##id,
	VITAL_INFO(VITAL_ENUM_)
#undef VITAL_ENUM_
	    VITAL_COUNT
};

/* One row of the table. */
struct vital {
	enum vital_id id;
	const char *key;
	const char *label;
	const char *field;
	const char *prefix;
	const char *unit;
	int decimals;
	double hard_lo, hard_hi;
	double warn_lo, warn_hi;
	const char *why;
	const char *scale;
	const char *help;
};

/* The table row of id, or NULL if id is out of range. Static storage. */
const struct vital *vital_get(enum vital_id id);

/* Look up a row by its key ("weight"; exact). False (and *out untouched) for
 * an unknown key or NULL. */
bool vital_from_key(const char *key, enum vital_id *out);

/* Check v against row id.
 * ST_OK: within the warning limits, or within the hard limits when confirmed
 *   (the warning was already answered, e.g. a stored record).
 * ST_CONFIRM: within the hard limits but beyond a warning limit; e->msg names
 *   the field, the value, the limit crossed and the unit ("temperature:
 *   41.5 °C is above 41 °C (usual 35-41 °C) — confirm").
 * ST_INVALID: NaN, inf, or beyond a hard limit; e->msg names the field, the
 *   value, the accepted range and the unit ("weight: 300 kg is outside
 *   20-250 kg"), and says "looks like °F (38.5 °C)" for a temperature
 *   plausible in Fahrenheit. Also for a bad id. */
enum status vital_check(enum vital_id id, double v, bool confirmed, struct err *e);

/* Parse text and vital_check it. A measure takes a decimal number; a grade a
 * whole number. A non-number gives ST_INVALID "weight: 'abc' is not a number;
 * accepted 20-250 kg" (a grade: "ascites: '4' is not a International Club of
 * Ascites grade; accepted 0-3"). *out receives the value on ST_OK and
 * ST_CONFIRM only. */
enum status vital_parse(enum vital_id id, const char *text, bool confirmed, double *out,
			struct err *e);

/* The accepted range as messages quote it, "30-45 °C", "0-3", into buf of
 * size n. Returns what snprintf returns, or -1 for a bad id or NULL buf. */
int vital_range_text(enum vital_id id, char *buf, size_t n);

#endif
