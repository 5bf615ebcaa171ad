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

/* LI-RADS v2018 categories of the most suspicious observation; 0 when not
 * given. LR-4, LR-5, LR-M and LR-TIV need action: they count as a lesion
 * suspicious for HCC (REFERENCE.md 14.7). */
#define LIRADS_INFO(_)        \
	_(LR1, "LR-1", false) \
	_(LR2, "LR-2", false) \
	_(LR3, "LR-3", false) \
	_(LR4, "LR-4", true)  \
	_(LR5, "LR-5", true)  \
	_(LRM, "LR-M", true)  \
	_(LRTIV, "LR-TIV", true)

enum lirads {
	LIRADS_NONE,
#define LIRADS_ENUM_(id, text, act) LIRADS_##id,
	LIRADS_INFO(LIRADS_ENUM_)
#undef LIRADS_ENUM_
	    LIRADS_COUNT
};

/* "LR-5"; "" for LIRADS_NONE or a bad value. */
const char *lirads_str(enum lirads c);
/* Parse "LR-5" (or "lr-5", "5", "M", "TIV"); false for anything else. */
bool lirads_parse(const char *s, enum lirads *out);
/* LR-4, LR-5, LR-M, LR-TIV. */
bool lirads_needs_action(enum lirads c);

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
	enum lirads lirads; /* LIRADS_NONE when not given */
	double lesion_mm;   /* the largest lesion, mm; NAN when not given */
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

/* Liver stiffness reliability (VCTE; Boursier et al., Hepatology 2013;57:1182,
 * REFERENCE 14.4): poorly reliable when IQR/median is above 0.30 with a median
 * of 7.1 kPa or more. NaN in either gives false (nothing to judge). */
#define STIFFNESS_IQR_RATIO_MAX 0.30
#define STIFFNESS_RELIABLE_BELOW_KPA 7.1
bool stiffness_unreliable(double kpa, double iqr_kpa);

/* ST_CONFIRM (unless confirmed) naming the median, the IQR, the ratio and
 * the rule when stiffness_unreliable; ST_OK otherwise. Confirmed, it is
 * recorded and shown marked unreliable, and not counted as a change. */
enum status imaging_check_reliability(double kpa, double iqr_kpa, bool confirmed, struct err *e);
/* Also: lesion size within the vitals table's limits (VITAL_LESION); a
 * LI-RADS category that needs action with "HCC absent" is refused. */
enum status imaging_validate(const struct imaging_note *n, day_t today, struct err *e);

#endif
