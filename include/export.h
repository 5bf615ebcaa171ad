/* export.h: the export walker — every format (CSV, FHIR, ODM) is a sink of
 * callbacks fed by one walk over the scope: patient by patient in MRN order,
 * each patient's records in date order, de-identified inside the walk when
 * asked (so every format gets it alike), one read snapshot, one row in
 * memory at a time. Every export ends with an access row naming its scope. */
#ifndef HEPADESK_EXPORT_H
#define HEPADESK_EXPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"
#include "store_export.h"

/* The project's local code system for measures that have no LOINC code
 * (scores, imaging and examination findings, histology): codes are the
 * measure keys ("meld", "stiffness_kpa"). docs/export.md lists them. */
#define EXPORT_LOCAL_SYSTEM "https://hepadesk.org/fhir/CodeSystem/measure"
#define EXPORT_LOINC_SYSTEM "http://loinc.org"

/* Where a measure comes from. */
#define EXPORT_SOURCE_INFO(_)     \
	_(LAB, "lab")             \
	_(SCORE, "score")         \
	_(IMAGING, "imaging")     \
	_(EXAM, "exam")           \
	_(HISTOLOGY, "histology") \
	_(VISIT, "visit")

enum export_source {
#define EXPORT_SOURCE_ENUM_(id, name) EXPORT_SRC_##id,
	EXPORT_SOURCE_INFO(EXPORT_SOURCE_ENUM_)
#undef EXPORT_SOURCE_ENUM_
	    EXPORT_SRC_COUNT
};

/* "lab", "score", ...; "?" for a bad id. Static. */
const char *export_source_str(enum export_source s);

/* One measured value on a day: a lab result (value and unit as stored), a
 * score computed by the score model for a lab date (score_basis.h: the same
 * inputs as every other view), or a finding of imaging, an examination,
 * histology or a visit. Strings are static or live until the callback
 * returns. */
struct export_measure {
	enum export_source source;
	int64_t record_id; /* the row of its table; 0 for a score */
	day_t date;	   /* shifted when de-identified */
	const char *key;   /* "albumin", "meld", "stiffness_kpa" */
	const char *label; /* "Albumin", "MELD", "Liver stiffness" */
	double value;
	int decimals;	    /* to print value with */
	const char *text;   /* a coded value beside it ("C" for Child-Pugh class,
			     * "LR-3"), or NULL */
	const char *unit;   /* as stored (lab) or the measure's unit; "" none */
	const char *ucum;   /* the UCUM code of unit; "" for none */
	const char *loinc;  /* LOINC code, or NULL when none exists */
	const char *system; /* EXPORT_LOINC_SYSTEM or EXPORT_LOCAL_SYSTEM */
	const char *code;   /* the code in system */
};

/* What a measure is, apart from any one value: for a format that describes
 * its data before giving it (ODM's metadata). unit and ucum are "" for none;
 * loinc NULL when there is none. Static strings. */
struct export_measure_def {
	const char *key, *label, *unit, *ucum, *loinc;
	int decimals;
	bool coded; /* its value is text (m->text: "LR-3"), not a number */
};

/* The i-th measure source src can give (i from 0), in the walker's order,
 * into *out; false past the last. Labs: every analyte in its canonical unit
 * (analyte.h), as a format that converts to it would give them. Scores:
 * child_pugh with its class in m->text. */
bool export_measure_def(enum export_source src, size_t i, struct export_measure_def *out);

/* A format. Every callback may be NULL (the walker then skips reading those
 * records); each returns ST_OK to go on, anything else stops the export.
 * Order per patient: patient, measures (labs with their scores by date,
 * then imaging, examination, histology and visit findings), infusions,
 * adverse events, questionnaires, medications, visits, contacts, patient_end. */
struct export_sink {
	void *ctx;
	enum status (*patient)(void *ctx, const struct export_patient *p, struct err *e);
	enum status (*measure)(void *ctx, const struct export_patient *p,
			       const struct export_measure *m, struct err *e);
	enum status (*infusion)(void *ctx, const struct export_patient *p,
				const struct export_infusion *r, struct err *e);
	enum status (*ae)(void *ctx, const struct export_patient *p, const struct export_ae *r,
			  struct err *e);
	enum status (*qol)(void *ctx, const struct export_patient *p, const struct export_qol *r,
			   struct err *e);
	enum status (*med)(void *ctx, const struct export_patient *p, const struct export_med *r,
			   struct err *e);
	enum status (*visit)(void *ctx, const struct export_patient *p,
			     const struct export_visit *r, struct err *e);
	enum status (*contact)(void *ctx, const struct export_patient *p,
			       const struct export_contact *r, struct err *e);
	enum status (*patient_end)(void *ctx, const struct export_patient *p, struct err *e);
};

/* The scope from the command line: mrn ("" for every patient), from and to
 * (YYYY-MM-DD or NULL), deidentify. ST_INVALID naming the field and value
 * (a bad date, from after to). */
enum status export_scope_parse(const char *mrn, const char *from, const char *to, bool deidentify,
			       struct export_scope *out, struct err *e);

/* Walk the scope into sink, then record the export in the access trail:
 * format ("csv", "csv-wide", "fhir", "odm"), the patient or all, from, to,
 * de-identified or not, *rows as the sink counted them when the walk ended
 * (rows may be NULL: 0), and whether it completed. The walk's failure (or
 * ST_NOT_FOUND for an unknown MRN) is returned, else the audit's. */
enum status export_run(struct app *a, const struct export_scope *sc, const char *format,
		       const struct export_sink *sink, const int64_t *rows, struct err *e);

#endif
