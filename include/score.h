/* score.h: clinical scores — MELD, MELD-Na (OPTN 2016), MELD 3.0, Child-Pugh, ALBI,
 * FIB-4, APRI — computed together from one set of inputs, with a log of every clamp. */
#ifndef HEPADESK_SCORE_H
#define HEPADESK_SCORE_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

/* One table feeds the enum and score_name(). */
#define SCORE_INFO(_)               \
	_(MELD, "MELD")             \
	_(MELD_NA, "MELD-Na")       \
	_(MELD3, "MELD 3.0")        \
	_(CHILD_PUGH, "Child-Pugh") \
	_(ALBI, "ALBI")             \
	_(FIB4, "FIB-4")            \
	_(APRI, "APRI")

enum score_id {
#define SCORE_ENUM_(id, name) SCORE_##id,
	SCORE_INFO(SCORE_ENUM_)
#undef SCORE_ENUM_
	    SCORE_COUNT
};

/* Display name ("MELD 3.0"); "?" for a bad id. Static. */
const char *score_name(enum score_id id);

/* The score settings a clinic may choose, [scores] in hepadesk.ini: id, key,
 * number type (INT or DOUBLE), accepted range, default, unit, help. One table
 * feeds score_input_init(), the config defaults and checks (config.c) and so
 * assets/hepadesk.ini. */
#define SCORE_SETTING_INFO(_)                                                            \
	_(CP_INR_LOW, "child_pugh_inr_low", DOUBLE, 1.0, 5.0, 1.7, "",                   \
	  "Child-Pugh INR: below this 1 point, from this up to the high bound 2 points") \
	_(CP_INR_HIGH, "child_pugh_inr_high", DOUBLE, 1.0, 5.0, 2.3, "",                 \
	  "Child-Pugh INR: above this 3 points; must not be below child_pugh_inr_low")   \
	_(ALBI_COEF, "albi_albumin_coefficient", DOUBLE, -0.1, -0.08, -0.085, "per g/L", \
	  "ALBI albumin (g/L) coefficient: -0.085 per Johnson 2015, some use -0.0852")   \
	_(APRI_AST_ULN, "apri_ast_uln", DOUBLE, 10, 200, 40, "U/L",                      \
	  "APRI: the lab's AST upper limit of normal, U/L")                              \
	_(ICA2_POINTS, "ascites_ica_grade2_points", INT, 2, 3, 2, "points",              \
	  "Child-Pugh ascites points for ICA grade 2, a centre-dependent choice")

enum score_setting {
#define SCORE_SETTING_ENUM_(id, ...) SSET_##id,
	SCORE_SETTING_INFO(SCORE_SETTING_ENUM_)
#undef SCORE_SETTING_ENUM_
	    SSET_COUNT
};

struct score_setting_row {
	const char *key;
	bool whole; /* INT: a whole number */
	double min, max, def;
	const char *unit;
	const char *help;
};

/* The row of a setting, or NULL for a bad id. Static storage. */
const struct score_setting_row *score_setting(enum score_setting id);

enum ascites { ASCITES_UNKNOWN, ASCITES_NONE, ASCITES_SLIGHT, ASCITES_MODERATE };

#define SCORE_AGE_UNKNOWN (-1) /* adult of unknown age */
#define SCORE_HE_UNKNOWN (-1)  /* encephalopathy not assessed */

/* Inputs, in canonical units (analyte.h). A missing lab is NAN. Start from
 * score_input_init(), which sets everything missing and the defaults. */
struct score_input {
	double bilirubin; /* mg/dL */
	double inr;
	double creatinine; /* mg/dL */
	bool dialysis;	   /* >= 2 dialyses or 24 h CVVHD in the prior week */
	double sodium;	   /* mmol/L */
	double albumin;	   /* g/dL */
	char sex;	   /* 'F', 'M' or 0 (unknown) */
	int age;	   /* whole years, or SCORE_AGE_UNKNOWN */
	double ast;	   /* U/L */
	double alt;	   /* U/L */
	double platelets;  /* 10^9/L */
	double ast_uln;	   /* U/L, upper limit of normal for APRI (SSET_APRI_AST_ULN) */
	enum ascites ascites;
	int encephalopathy; /* West Haven grade 0-4, or SCORE_HE_UNKNOWN */
	bool cholestatic;   /* PBC/PSC: Child-Pugh bilirubin bands <4, 4-10, >10 */
	double cp_inr_low;  /* Child-Pugh INR band: < low 1 point (SSET_CP_INR_LOW) */
	double cp_inr_high; /* low..high 2 points, > high 3 points (SSET_CP_INR_HIGH) */
	double albi_coef;   /* ALBI albumin coefficient (SSET_ALBI_COEF) */
	/* PT prolongation over control in seconds, NAN when not given; Child-Pugh
	 * uses it (Pugh 1973: 1-3 s 1 point, 4-6 s 2, > 6 s 3) when INR is not
	 * given (REFERENCE 14.3). */
	double pt_prolong_s;
};

/* Everything missing; ULN, INR band and ALBI coefficient at the defaults of
 * SCORE_SETTING_INFO (40 U/L, 1.7-2.3, -0.085). */
void score_input_init(struct score_input *in);

/* One score. `value` is the integer score (MELD family, Child-Pugh points, ALBI
 * grade; 0 for FIB-4 and APRI); `raw` the unrounded value kept for audit (the
 * ALBI, FIB-4 and APRI result itself). When !computable, why_not says why
 * ("needs sodium", "age under 12: PELD applies") and value/raw are 0/NAN. */
struct score_value {
	bool computable;
	int value;
	double raw;
	char why_not[96];
};

/* A clamp applied to an input before a formula. `input` and `reason` point to
 * static strings. given is the value supplied, used the value that entered
 * the formula. A clamp shared by MELD and MELD-Na is tagged SCORE_MELD. */
struct score_clamp {
	enum score_id score;
	const char *input;
	double given;
	double used;
	const char *reason;
};

#define SCORE_MAX_CLAMPS 16
#define SCORE_MAX_WARNINGS 4

struct score_result {
	struct score_value meld;
	struct score_value meld_na;
	struct score_value meld3;
	struct score_value child_pugh; /* value = points 5-15 */
	char child_pugh_class;	       /* 'A', 'B', 'C', or 0 when not computable */
	char child_pugh_inr_rule[48];  /* the INR band used, e.g. "INR 1.7-2.3", or the PT rule */
	struct score_value albi;       /* raw = ALBI score, value = grade */
	int albi_grade;		       /* 1-3, or 0 when not computable */
	struct score_value fib4;
	struct score_value apri;
	struct score_clamp clamps[SCORE_MAX_CLAMPS];
	size_t n_clamps;
	char warnings[SCORE_MAX_WARNINGS][96];
	size_t n_warnings;
};

/* Compute every score from in into out (fully overwritten).
 * Scores whose inputs are missing are marked not computable with a reason;
 * that is not an error. Returns ST_OK, or ST_INVALID (e->msg says why, and
 * every score is not computable) when in/out is NULL, a supplied lab is
 * beyond the analyte hard limits or not finite, or sex/age/ascites/
 * encephalopathy/INR band/ULN/coefficient is out of its domain. */
enum status score_compute(const struct score_input *in, struct score_result *out, struct err *e);

/* As score_compute, but only score id is computed (MELD-Na computes MELD
 * too, on which it rests); every other score in out is left not computable
 * ("invalid input"), so read only score_get(out, id). The checks of the
 * inputs are the same, so the validity and the value of id are exactly
 * score_compute's. For a caller that needs one score on many days (the
 * dashboard's trends, the cohort report). ST_INVALID for a bad id. */
enum status score_compute_one(const struct score_input *in, enum score_id id,
			      struct score_result *out, struct err *e);

/* The result of one score by id (NULL for a bad id); points into r. */
const struct score_value *score_get(const struct score_result *r, enum score_id id);

/* Decimals to show an ALBI value with (3 to 7): enough that the value shown
 * lies on the same side of each grade cut (-2.60, -1.39) as the value, so
 * -2.59996 is "-2.59996", never "-2.600" beside grade 2. Text and JSON. */
int score_albi_digits(double raw);

/* The shown value of a score as every output shows it: "9  class A (INR
 * 1.7-2.3)", "-1.538  grade 2", "1.667", "0.63", "25"; for a score that is
 * not computable, "not computable: " and the reason. */
void score_format(const struct score_result *r, enum score_id id, char *buf, size_t n);

#endif
