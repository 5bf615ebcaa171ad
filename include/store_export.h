/* store_export.h: the reads of an export (store_export.c) — patients in MRN
 * order and each patient's records in date order, row by row through a
 * callback, so an export of any size holds one row at a time — the export
 * sub-key for de-identification, and the access row of every export. The
 * record types here are what the walker (export.h) hands to every sink. */
#ifndef HEPADESK_STORE_EXPORT_H
#define HEPADESK_STORE_EXPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "date.h"
#include "deid.h"
#include "lab.h"
#include "patient.h"
#include "qol.h"
#include "status.h"
#include "store.h"

#define EXPORT_PID_MAX 24 /* an MRN (20 bytes) or a pseudonym (DEID_ID_MAX) */
#define EXPORT_TEXT_MAX 200

/* A patient: in an identified export pid is the MRN; de-identified it is the
 * pseudonym, name is "", dob is shifted (DAY_NONE when withheld: 90+). */
struct export_patient {
	int64_t id; /* the row id: never printed, only for the walker */
	char pid[EXPORT_PID_MAX];
	char name[PATIENT_NAME_MAX + 1];
	day_t dob;
	char age[8]; /* years on the export day, "90+" grouped */
	char sex;
	char etiology[8];  /* ICD-10, "" when not recorded */
	char status[16];   /* the newest status ("in_followup"), "" when none */
	day_t status_date; /* DAY_NONE when no status */
	int shift_days;	   /* 0 when identified */
	bool deidentified;
};

/* An infusion: route, dose in cells, lot (a token when de-identified). */
struct export_infusion {
	int64_t id;
	day_t date;
	int64_t given_at; /* seconds since the epoch, shifted alike */
	char route[16];	  /* "iv", "intrahepatic" */
	double cells;
	char lot[48];
	bool reaction; /* an infusion reaction within 24 h (its text is not exported) */
};

/* An adverse event (CTCAE). related: relation possible, probable or definite. */
struct export_ae {
	int64_t id;
	char term[81];
	char ctcae_version[8];
	int grade;
	bool serious;
	char relation[12];
	bool related;
	char action[20];
	char outcome[16];
	day_t onset;
	day_t resolved;	     /* DAY_NONE */
	int64_t infusion_id; /* 0 when none before onset */
};

struct export_domain {
	char domain[QOL_ID_MAX + 1];
	int answered, items;
	double score; /* NAN: too few items answered */
};

/* A questionnaire response with its domain scores. */
struct export_qol {
	int64_t id;
	day_t date;
	char instrument[QOL_CODE_MAX + 1];
	char instrument_name[QOL_NAME_MAX + 1];
	char version[QOL_VERSION_MAX + 1];
	int answered;
	int n_domains;
	struct export_domain domains[QOL_DOMAINS_MAX + 1];
};

/* A medication (MedicationStatement); indication "" when de-identified. */
struct export_med {
	int64_t id;
	char name[81];
	char atc[8];
	char class_[32];
	double dose; /* NAN when not given */
	char unit[16];
	char route[16];
	char frequency[24];
	day_t start, stop; /* stop DAY_NONE: ongoing */
	char indication[EXPORT_TEXT_MAX + 1];
};

/* A follow-up visit (done or missed) with its vital signs and findings;
 * numbers are NAN when not recorded. note "" when de-identified. */
struct export_visit {
	int64_t id;
	day_t date;
	char state[8];	 /* "done", "missed" */
	char timing[12]; /* "early", "in_window", "late", "" unscheduled */
	char label[25];	 /* the scheduled item it fulfils ("W12"), "" unscheduled */
	double temp_c, weight_kg, sbp, dbp, ascites_grade, he_grade, stiffness_kpa, iqr_kpa;
	char note[EXPORT_TEXT_MAX + 1];
};

/* A survival contact. cause and note "" when de-identified. */
struct export_contact {
	int64_t id;
	day_t date;
	bool phone;
	char vital[8];						  /* "alive", "dead" */
	day_t death_date, transplant_date, hcc_date, decomp_date; /* DAY_NONE */
	char cause[EXPORT_TEXT_MAX + 1];
	char note[EXPORT_TEXT_MAX + 1];
};

/* Raw finding rows, exploded into measures by the walker. Numbers NAN when
 * not recorded. */
struct export_imaging {
	int64_t id;
	day_t date;
	char modality[16];
	double stiffness_kpa, iqr_kpa, fibrosis_stage, lesion_mm;
	double hcc, thrombosis, ascites; /* 0 no, 1 yes */
	char lirads[8];
};

struct export_exam {
	int64_t id;
	day_t date;
	double ascites_grade, he_grade, dialysis, weight_kg;
};

struct export_histology {
	int64_t id;
	day_t date;
	double metavir, ishak, grade, cpa, ki67, ck19;
};

/* The scope: one MRN or every patient ("" ), records dated from..to (either
 * DAY_NONE: no bound). */
struct export_scope {
	char mrn[PATIENT_MRN_MAX + 1];
	day_t from, to;
	bool deidentify;
};

/* Row callbacks: return ST_OK to go on; anything else stops the read and is
 * returned. row is valid only during the call. */
typedef enum status store_export_fn(void *ctx, const void *row, struct err *e);

/* One read snapshot for the whole export, after checking read permission;
 * store_export_end closes it (safe when none is open). */
enum status store_export_begin(struct store *st, struct err *e);
void store_export_end(struct store *st);

/* Patients in MRN order (only mrn when not ""), as struct export_patient
 * identified (pid = MRN, shift 0, age text on today). ST_NOT_FOUND when an
 * MRN was given and no patient has it. */
enum status store_export_patients(struct store *st, const char *mrn, day_t today,
				  store_export_fn *fn, void *ctx, struct err *e);

/* A patient's rows, oldest first, dated up to `to` (DAY_NONE: no bound) and
 * from `from`, voided rows left out. Labs come as struct lab_result and
 * start at no lower bound (the scores need the results before from). */
enum status store_export_labs(struct store *st, int64_t patient_id, day_t to, store_export_fn *fn,
			      void *ctx, struct err *e);
enum status store_export_imaging(struct store *st, int64_t patient_id, day_t from, day_t to,
				 store_export_fn *fn, void *ctx, struct err *e);
enum status store_export_exams(struct store *st, int64_t patient_id, day_t from, day_t to,
			       store_export_fn *fn, void *ctx, struct err *e);
enum status store_export_histology(struct store *st, int64_t patient_id, day_t from, day_t to,
				   store_export_fn *fn, void *ctx, struct err *e);
enum status store_export_infusions(struct store *st, int64_t patient_id, day_t from, day_t to,
				   store_export_fn *fn, void *ctx, struct err *e);
enum status store_export_aes(struct store *st, int64_t patient_id, day_t from, day_t to,
			     store_export_fn *fn, void *ctx, struct err *e);
enum status store_export_qol(struct store *st, int64_t patient_id, day_t from, day_t to,
			     store_export_fn *fn, void *ctx, struct err *e);
enum status store_export_meds(struct store *st, int64_t patient_id, day_t from, day_t to,
			      store_export_fn *fn, void *ctx, struct err *e);
enum status store_export_visits(struct store *st, int64_t patient_id, day_t from, day_t to,
				store_export_fn *fn, void *ctx, struct err *e);
enum status store_export_contacts(struct store *st, int64_t patient_id, day_t from, day_t to,
				  store_export_fn *fn, void *ctx, struct err *e);

/* The export sub-key: derived (libsodium crypto_kdf, context "hdexport")
 * from the database's key file, never from anything the caller gives, so
 * pseudonyms are stable across exports of this database and unguessable
 * without its key. ST_IO when the key is not loaded (a read-only copy). */
enum status store_export_key(struct store *st, unsigned char out[DEID_KEY_BYTES], struct err *e);

/* The access row of an export (action "export", table "patients"), with
 * its scope as JSON in `after`; patient_id 0 for the whole clinic. */
enum status store_export_audit(struct store *st, int64_t patient_id, const char *after,
			       struct err *e);

#endif
