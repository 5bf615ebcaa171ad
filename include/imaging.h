/* imaging.h: imaging notes — modality, free text, liver stiffness, fibrosis
 * stage and the findings the checklist needs. */
#ifndef HEPADESK_IMAGING_H
#define HEPADESK_IMAGING_H

#include <stdbool.h>
#include <stdint.h>

#include "date.h"
#include "status.h"

#define IMAGING_NOTE_MAX 2000

#define MODALITY_INFO(_)            \
	_(ULTRASOUND, "ultrasound") \
	_(DOPPLER, "doppler")       \
	_(CT, "ct")                 \
	_(MRI, "mri")               \
	_(ELASTOGRAPHY, "elastography")

enum modality {
#define MODALITY_ENUM_(name, text) MOD_##name,
	MODALITY_INFO(MODALITY_ENUM_)
#undef MODALITY_ENUM_
	    MOD_COUNT
};

/* A finding is not assessed, absent or present. */
enum finding { FIND_NA = -1, FIND_NO = 0, FIND_YES = 1 };

#define FINDING_INFO(_)                                               \
	_(hcc, "hcc", "HCC or suspicious lesion")                     \
	_(thrombosis, "thrombosis", "portal/hepatic vein thrombosis") \
	_(ascites, "ascites", "ascites")

struct imaging_note {
	int64_t id;
	int64_t patient_id;
	day_t date;
	enum modality modality;
	char note[IMAGING_NOTE_MAX + 1]; /* multi-line free text */
	double stiffness_kpa;		 /* NAN when not measured */
	double iqr_kpa;			 /* NAN when not given */
	int fibrosis_stage;		 /* METAVIR 0-4, -1 when not given */
	enum finding hcc;
	enum finding thrombosis;
	enum finding ascites;
	int64_t version;
};

const char *modality_str(enum modality m);
bool modality_parse(const char *s, enum modality *out);
const char *finding_str(enum finding f); /* "not assessed", "no", "yes" */

/* Initialise a note with nothing assessed. */
void imaging_init(struct imaging_note *n);

/* Field checks: stiffness 1.5-75 kPa (ST_CONFIRM above 25), IQR 0-stiffness,
 * fibrosis 0-4, note text (multi-line, no control characters). */
enum status imaging_check_stiffness(const char *text, double *out, struct err *e);
enum status imaging_check_iqr(const char *text, double stiffness, double *out, struct err *e);
enum status imaging_check_fibrosis(const char *text, int *out, struct err *e);
enum status imaging_validate(const struct imaging_note *n, day_t today, struct err *e);

#endif
