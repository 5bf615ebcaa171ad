/* hl7map.h: from an ORU^R01 result to what hepadesk does with it: the
 * LOINC (and configured local code) to analyte table, UCUM units checked
 * against the analyte's accepted units, the patient match check, and every
 * value through the typed-entry validators (analyte.h). Pure. */
#ifndef HEPADESK_HL7MAP_H
#define HEPADESK_HL7MAP_H

#include <stdbool.h>

#include "analyte.h"
#include "date.h"
#include "hl7.h"
#include "lab.h"
#include "patient.h"
#include "status.h"

/* LOINC codes beyond each analyte's own (analyte.h), with the unit system
 * the code implies (-1: none; the unit decides). REFERENCE.md 10.1. */
#define HL7_LOINC_EXTRA_INFO(_)                                     \
	_("14631-6", BILIRUBIN, UNITS_SI)  /* bilirubin, molar */   \
	_("14682-9", CREATININE, UNITS_SI) /* creatinine, molar */  \
	_("34714-6", INR, -1)		   /* INR, point of care */ \
	_("5964-2", PT, -1)		   /* PT in blood */

/* Why a result waits in the queue: key (stored), label (shown), short
 * label (a list column, at most 15 bytes). */
#define HL7_QUEUE_REASON_INFO(_)                                                   \
	_(UNKNOWN_MRN, "unknown_mrn", "unknown MRN", "unknown MRN")                \
	_(MISMATCH, "mismatch", "name or birth date disagrees", "name/birth date") \
	_(UNKNOWN_CODE, "unknown_code", "unknown code", "unknown code")            \
	_(UNIT, "unit", "unit not accepted", "unit refused")                       \
	_(CONFIRM, "confirm", "needs confirmation", "to confirm")                  \
	_(INVALID, "invalid", "refused by the limits", "refused value")            \
	_(NO_DATE, "no_date", "no collection date", "no date")                     \
	_(CENSORED, "censored", "censored value (< or >)", "censored")

enum hl7_queue_reason {
#define HL7_QR_ENUM_(id, key, label, short_label) HL7_Q_##id,
	HL7_QUEUE_REASON_INFO(HL7_QR_ENUM_)
#undef HL7_QR_ENUM_
	    HL7_Q_COUNT
};

/* Key, label and short label of a reason ("" for a bad one); static. */
const char *hl7_queue_reason_key(enum hl7_queue_reason r);
const char *hl7_queue_reason_label(enum hl7_queue_reason r);
const char *hl7_queue_reason_short(enum hl7_queue_reason r);
bool hl7_queue_reason_parse(const char *key, enum hl7_queue_reason *out);

/* What becomes of one OBX. */
enum hl7_action {
	HL7_STORE,   /* a final result: a new lab row */
	HL7_CORRECT, /* a corrected result: corrects the earlier row (or a new one) */
	HL7_QUEUE,   /* waits for a nurse, with the reason */
	HL7_NOTE     /* preliminary, cancelled or other: nothing stored, noted */
};

#define HL7_SENDER_MAX 130

/* One result and its fate; text fields are as decoded from the message. */
struct hl7_item {
	enum hl7_action action;
	enum hl7_queue_reason reason; /* HL7_QUEUE */
	char detail[ERR_MSG_MAX];     /* why it is queued or noted */
	int obx_line;		      /* segment number of its OBX */
	bool have_analyte;
	struct lab_result lab; /* STORE/CORRECT; the analyte and values when known */
	int64_t patient_id;    /* the MRN's patient (0: unknown MRN) */
	char mrn[HL7_ID_MAX];
	char name[2 * HL7_TEXT_MAX + 2]; /* "FAMILY, Given" */
	char dob[11];			 /* "YYYY-MM-DD" or "" */
	char code[HL7_ID_MAX];
	char code_text[HL7_TEXT_MAX];
	char value[HL7_TEXT_MAX];
	char unit[HL7_ID_MAX];
	char collected[11]; /* "YYYY-MM-DD" or "" */
	char status;	    /* OBX-11: 'F', 'C', 'P', 'X', '?' */
	/* Which result of the laboratory this is, so that a correction finds
	 * the row it corrects: "sender|order|code". */
	char result_key[HL7_SENDER_MAX + 2 * HL7_ID_MAX + 4];
};

/* How one PID matched a registered patient (filled by the caller from
 * storage, then checked by hl7map_patient_check). */
struct hl7_match {
	bool known;	  /* the MRN is registered */
	bool agrees;	  /* name and birth date agree */
	struct patient p; /* when known */
	char why[400];	  /* when !known or !agrees */
};

/* The MRN of a PID: the identifier from `authority` (PID-3.4) when it is
 * not empty, else the first of type MR, else the first. "" when none. */
const char *hl7map_mrn(const struct hl7_patient *pid, const char *authority);

/* Check a known patient against the PID: the family name must equal the
 * registered last name and the given name (when sent) the registered first
 * name or its first word, accents and case ignored; a birth date sent must
 * equal the registered one. Fills m->agrees and m->why. */
void hl7map_patient_check(const struct hl7_patient *pid, struct hl7_match *m);

/* The sender of a message: "MSH-3^MSH-4". */
void hl7map_sender(const struct hl7_oru *o, char *out, size_t n);

/* The analyte of a code: LOINC (OBX-3.3 "LN", or any system when the code is
 * in the table), then the local codes of the configuration ("CODE=analyte"
 * pairs separated by commas, e.g. "TBIL=bilirubin,K-INR=inr"). *implied
 * receives the unit system the code implies, or -1. */
bool hl7map_code(const struct hl7_obs *x, const char *local_codes, enum analyte_id *a,
		 int *implied);

/* Check the local code list of the configuration: ST_INVALID naming the
 * entry that is not CODE=analyte with a known analyte. */
enum status hl7map_local_check(const char *local_codes, struct err *e);

/* A censored result ("<5", ">=2000", also from an SN value "<^5"): true
 * with the comparator ("<", "<=", ">", ">=") in cmp (>= 3 bytes) and the
 * laboratory's limit in *limit. False for a plain number or other text. */
bool hl7map_censored(const char *value, char *cmp, double *limit);

/* Why a censored result of analyte a is not stored (static text): every
 * analyte's value feeds a score, a limit, a checklist rule or a trend that
 * would read the limit as the value, so each is queued for a nurse. */
const char *hl7map_censored_why(enum analyte_id a);

/* The unit system of a UCUM (or common lab) unit for analyte a: "mg/dL",
 * "umol/L", "10*9/L", "[IU]/mL", "{INR}"... False for a unit the analyte
 * does not accept (an empty unit is accepted only for INR). */
bool hl7map_unit(enum analyte_id a, const char *ucum, enum unit_system *u);

/* Decide the fate of observation x of o for patient match m (today: the
 * clinic's day; the sender's source text for lab rows in source). Never
 * drops a result: what cannot be stored is queued or noted, with the
 * reason in item->detail. */
void hl7map_item(const struct hl7_oru *o, const struct hl7_obs *x, const struct hl7_match *m,
		 const char *local_codes, day_t today, struct hl7_item *item);

#endif
