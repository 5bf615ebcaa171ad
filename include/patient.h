/* patient.h: patient records (demographics, etiology, weight), their
 * validation, and the etiology list (ICD-10). */
#ifndef HEPADESK_PATIENT_H
#define HEPADESK_PATIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "status.h"

#define PATIENT_MRN_MAX 20     /* bytes */
#define PATIENT_NAME_MAX 120   /* bytes of UTF-8 */
#define PATIENT_REASON_MAX 200 /* bytes: why a possible duplicate is registered */

struct patient {
	int64_t id; /* 0 until stored */
	char mrn[PATIENT_MRN_MAX + 1];
	char name[PATIENT_NAME_MAX + 1]; /* "LAST, First" */
	day_t dob;
	char sex;	   /* 'F' or 'M' */
	char etiology[8];  /* ICD-10 code from etiology_list(), "" if none */
	double weight_kg;  /* NAN when not recorded */
	day_t weight_date; /* day the weight was measured, DAY_NONE if none */
	int64_t version;   /* optimistic concurrency: bumped on every update */
	int64_t created;   /* seconds since the epoch */
	int64_t updated;
};

/* A row of a lookup result. */
struct patient_hit {
	int64_t id;
	char mrn[PATIENT_MRN_MAX + 1];
	char name[PATIENT_NAME_MAX + 1];
	day_t dob;
	char sex;
};

struct etiology {
	const char *code; /* WHO ICD-10 */
	const char *name;
	bool cholestatic; /* PBC/PSC: Child-Pugh bilirubin variant */
};

/* The etiologies offered at registration; *n receives the count. */
const struct etiology *etiology_list(size_t *n);
/* The etiology with this code (case-insensitive), or NULL. */
const struct etiology *etiology_find(const char *code);

/* Field checks; each returns ST_INVALID with a message naming the field, the
 * value and what is accepted. today is the day of entry (no clock here). */
enum status patient_check_mrn(const char *mrn, struct err *e);
/* Why a patient who may be registered already is registered anyway: 1 to
 * PATIENT_REASON_MAX bytes of one-line text. */
enum status patient_check_reason(const char *reason, struct err *e);
enum status patient_check_name(const char *name, struct err *e);
enum status patient_check_dob(const char *text, day_t today, day_t *out, struct err *e);
enum status patient_check_sex(const char *text, char *out, struct err *e);
enum status patient_check_etiology(const char *text, struct err *e);
/* Weight in kg: vital_parse(VITAL_WEIGHT, ...), the limits of vital.h. */
enum status patient_check_weight(const char *text, double *out, struct err *e);

/* Whole record check (all of the above on a filled struct). */
enum status patient_validate(const struct patient *p, day_t today, struct err *e);

/* Age in whole years on a day. */
int patient_age(const struct patient *p, day_t on);

#endif
