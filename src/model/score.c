/* score.c: MELD, MELD-Na, MELD 3.0, Child-Pugh, ALBI, FIB-4 and APRI per REFERENCE.md 1-5. */
#include "score.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyte.h"
#include "util.h"

static const char *const score_names[SCORE_COUNT] = {
#define SCORE_NAME_(id, name) [SCORE_##id] = name,
    SCORE_INFO(SCORE_NAME_)
#undef SCORE_NAME_
};

/* The MELD scores are allocation integers: MELD(i) and the final values round
 * half UP (16.5 -> 17). Never rint/nearbyint/lrint/"%.0f": they round half to
 * even. Exact .5 ties do occur (MELD 3.0 with all logs 0, Na 126, albumin 2.7
 * is 16.5). With the operation order below the known ties evaluate exactly
 * (tests pin them), but a reordering, FMA contraction or another tie could
 * land a few ulps (~1e-14) below .5; ROUND_EPS absorbs that and is far below
 * any clinically meaningful difference. */
#define ROUND_EPS 1e-9

static int round_half_up(double v)
{
	return (int)floor(v + 0.5 + ROUND_EPS);
}

static const struct score_setting_row settings[SSET_COUNT] = {
#define SCORE_SETTING_ROW_(id, key, type, lo, hi, def, unit, help) \
	[SSET_##id] = {key, SCORE_SETTING_WHOLE_##type, lo, hi, def, unit, help},
#define SCORE_SETTING_WHOLE_INT true
#define SCORE_SETTING_WHOLE_DOUBLE false
    SCORE_SETTING_INFO(SCORE_SETTING_ROW_)
#undef SCORE_SETTING_WHOLE_DOUBLE
#undef SCORE_SETTING_WHOLE_INT
#undef SCORE_SETTING_ROW_
};

const struct score_setting_row *score_setting(enum score_setting id)
{
	return (unsigned)id < SSET_COUNT ? &settings[id] : NULL;
}

const char *score_name(enum score_id id)
{
	return (unsigned)id < SCORE_COUNT ? score_names[id] : "?";
}

void score_input_init(struct score_input *in)
{
	*in = (struct score_input){
	    .bilirubin = NAN,
	    .inr = NAN,
	    .pt_prolong_s = NAN,
	    .creatinine = NAN,
	    .sodium = NAN,
	    .albumin = NAN,
	    .age = SCORE_AGE_UNKNOWN,
	    .ast = NAN,
	    .alt = NAN,
	    .platelets = NAN,
	    .ast_uln = settings[SSET_APRI_AST_ULN].def,
	    .ascites = ASCITES_UNKNOWN,
	    .encephalopathy = SCORE_HE_UNKNOWN,
	    .cp_inr_low = settings[SSET_CP_INR_LOW].def,
	    .cp_inr_high = settings[SSET_CP_INR_HIGH].def,
	    .albi_coef = settings[SSET_ALBI_COEF].def,
	};
}

static void set_not_computable(struct score_value *sv, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void set_not_computable(struct score_value *sv, const char *fmt, ...)
{
	va_list ap;

	sv->computable = false;
	sv->value = 0;
	sv->raw = NAN;
	va_start(ap, fmt);
	vsnprintf(sv->why_not, sizeof sv->why_not, fmt, ap);
	va_end(ap);
}

static void set_value(struct score_value *sv, int value, double raw)
{
	sv->computable = true;
	sv->value = value;
	sv->raw = raw;
	sv->why_not[0] = '\0';
}

static void add_warning(struct score_result *out, const char *text)
{
	if (out->n_warnings < SCORE_MAX_WARNINGS)
		strlcpy_(out->warnings[out->n_warnings++], text, sizeof out->warnings[0]);
}

/* Record a clamp; the list is sized for the worst case (5 + 1 + 6 + ...). */
static void add_clamp(struct score_result *out, enum score_id score, const char *input,
		      double given, double used, const char *reason)
{
	if (out->n_clamps < SCORE_MAX_CLAMPS)
		out->clamps[out->n_clamps++] =
		    (struct score_clamp){score, input, given, used, reason};
}

/* Append ", name" (or "name") to a "needs ..." list when the input is missing. */
static void need(char *list, size_t n, bool missing, const char *name)
{
	size_t len = strlen(list);

	if (missing)
		snprintf(list + len, n - len, "%s%s", len ? ", " : "", name);
}

static bool under_12(const struct score_input *in)
{
	return in->age != SCORE_AGE_UNKNOWN && in->age < 12;
}

static bool adolescent(const struct score_input *in)
{
	return in->age >= 12 && in->age <= 17;
}

/* Labs below 1.0 are set to 1.0 (OPTN), so no log term is negative. */
static double raise_to_one(struct score_result *out, enum score_id score, const char *input,
			   double v)
{
	double used = v;

	if (v < 1.0) {
		used = 1.0;
		add_clamp(out, score, input, v, used, "raised to 1.0");
	}
	return used;
}

/* Creatinine for the MELD family: dialysis sets it to cap, above cap it is
 * capped (4.0 MELD/MELD-Na, 3.0 MELD 3.0), below 1.0 it is raised to 1.0. */
static double meld_creatinine(struct score_result *out, enum score_id score,
			      const struct score_input *in, double cap, const char *dialysis_reason,
			      const char *cap_reason)
{
	if (in->dialysis) {
		add_clamp(out, score, "creatinine", in->creatinine, cap, dialysis_reason);
		return cap;
	}
	if (in->creatinine > cap) {
		add_clamp(out, score, "creatinine", in->creatinine, cap, cap_reason);
		return cap;
	}
	return raise_to_one(out, score, "creatinine", in->creatinine);
}

/* Sodium bounded to 125..137 mmol/L (MELD-Na and MELD 3.0). */
static double bound_sodium(struct score_result *out, enum score_id score, double na)
{
	double used = na;

	if (na < 125.0) {
		used = 125.0;
		add_clamp(out, score, "sodium", na, used, "raised to 125");
	} else if (na > 137.0) {
		used = 137.0;
		add_clamp(out, score, "sodium", na, used, "lowered to 137");
	}
	return used;
}

/* Albumin bounded to 1.5..3.5 g/dL (MELD 3.0). */
static double bound_albumin(struct score_result *out, double alb)
{
	double used = alb;

	if (alb < 1.5) {
		used = 1.5;
		add_clamp(out, SCORE_MELD3, "albumin", alb, used, "raised to 1.5 (MELD 3.0)");
	} else if (alb > 3.5) {
		used = 3.5;
		add_clamp(out, SCORE_MELD3, "albumin", alb, used, "lowered to 3.5 (MELD 3.0)");
	}
	return used;
}

/* MELD (OPTN): MELD(i) = round(10 * x), x = 0.957 ln Cr + 0.378 ln bili +
 * 1.120 ln INR + 0.643, i.e. "rounded to the tenth decimal place and then
 * multiplied by 10"; maximum 40. raw keeps 10 * x. */
static void compute_meld(const struct score_input *in, struct score_result *out)
{
	char needs[64] = "";

	need(needs, sizeof needs, isnan(in->bilirubin), "bilirubin");
	need(needs, sizeof needs, isnan(in->inr), "INR");
	need(needs, sizeof needs, isnan(in->creatinine), "creatinine");
	if (under_12(in)) {
		set_not_computable(&out->meld, "age under 12: PELD applies");
	} else if (needs[0]) {
		set_not_computable(&out->meld, "needs %s", needs);
	} else {
		double b = raise_to_one(out, SCORE_MELD, "bilirubin", in->bilirubin);
		double i = raise_to_one(out, SCORE_MELD, "inr", in->inr);
		double cr = meld_creatinine(out, SCORE_MELD, in, 4.0, "set to 4.0 (dialysis)",
					    "capped at 4.0 (MELD)");
		double x = 0.957 * log(cr) + 0.378 * log(b) + 1.120 * log(i) + 0.643;
		int m = round_half_up(10.0 * x);
		set_value(&out->meld, m > 40 ? 40 : m, 10.0 * x);
	}
}

/* MELD-Na (OPTN 2016) on the INTEGER MELD(i): if MELD(i) > 11,
 * MELD(i) + 1.32 (137 - Na) - 0.033 MELD(i) (137 - Na), rounded half up,
 * maximum 40; otherwise MELD(i) unchanged. Must run after compute_meld. */
static void compute_meld_na(const struct score_input *in, struct score_result *out)
{
	char needs[64] = "";

	need(needs, sizeof needs, isnan(in->bilirubin), "bilirubin");
	need(needs, sizeof needs, isnan(in->inr), "INR");
	need(needs, sizeof needs, isnan(in->creatinine), "creatinine");
	need(needs, sizeof needs, isnan(in->sodium), "sodium");
	if (under_12(in)) {
		set_not_computable(&out->meld_na, "age under 12: PELD applies");
	} else if (needs[0] || !out->meld.computable) {
		set_not_computable(&out->meld_na, "needs %s", needs);
	} else {
		int m = out->meld.value;
		if (m > 11) {
			/* Only here does sodium enter, so only here is its clamp logged. */
			double d = 137.0 - bound_sodium(out, SCORE_MELD_NA, in->sodium);
			double v = m + 1.32 * d - 0.033 * m * d;
			int r = round_half_up(v);
			set_value(&out->meld_na, r > 40 ? 40 : r, v);
		} else {
			set_value(&out->meld_na, m, m);
		}
	}
}

/* Missing inputs of MELD 3.0 as "needs ..." text; "" when all are present. */
static void meld3_needs(const struct score_input *in, char *needs, size_t n)
{
	needs[0] = '\0';
	need(needs, n, isnan(in->bilirubin), "bilirubin");
	need(needs, n, isnan(in->inr), "INR");
	need(needs, n, isnan(in->creatinine), "creatinine");
	need(needs, n, isnan(in->sodium), "sodium");
	need(needs, n, isnan(in->albumin), "albumin");
	need(needs, n, !adolescent(in) && in->sex != 'F' && in->sex != 'M', "sex");
}

/* MELD 3.0 (Kim 2021; OPTN 2023), REFERENCE section 3. Adolescents (12-17):
 * intercept 7.33 and no sex term. Rounded half up, range 6..40; raw kept. */
static void compute_meld3(const struct score_input *in, struct score_result *out)
{
	char needs[96];

	meld3_needs(in, needs, sizeof needs);
	if (under_12(in)) {
		set_not_computable(&out->meld3, "age under 12: PELD applies");
	} else if (needs[0]) {
		set_not_computable(&out->meld3, "needs %s", needs);
	} else {
		double lb = log(raise_to_one(out, SCORE_MELD3, "bilirubin", in->bilirubin));
		double li = log(raise_to_one(out, SCORE_MELD3, "inr", in->inr));
		double lc = log(meld_creatinine(out, SCORE_MELD3, in, 3.0, "set to 3.0 (dialysis)",
						"capped at 3.0 (MELD 3.0)"));
		double d = 137.0 - bound_sodium(out, SCORE_MELD3, in->sodium);
		double a = 3.5 - bound_albumin(out, in->albumin);
		double base = adolescent(in) ? 7.33 : (in->sex == 'F' ? 1.33 : 0.0) + 6.0;
		double v = base + 4.56 * lb + 0.82 * d - 0.24 * d * lb + 9.09 * li + 11.14 * lc +
			   1.85 * a - 1.83 * a * lc;
		int r = round_half_up(v);
		set_value(&out->meld3, r > 40 ? 40 : r < 6 ? 6 : r, v);
		if (adolescent(in))
			add_warning(out, "MELD 3.0 adolescent formula (age 12-17)");
	}
}

/* Child-Pugh points of one parameter from closed middle intervals: below lo
 * one point, lo..hi two, above hi three (for albumin the scale is reversed). */
static int band_points(double v, double lo, double hi)
{
	return v < lo ? 1 : v <= hi ? 2 : 3;
}

static int ascites_points(enum ascites a)
{
	return a == ASCITES_NONE ? 1 : a == ASCITES_SLIGHT ? 2 : 3;
}

static int encephalopathy_points(int grade)
{
	return grade == 0 ? 1 : grade <= 2 ? 2 : 3;
}

/* Child-Pugh (REFERENCE section 4): class A 5-6, B 7-9, C 10-15. */
static void compute_child_pugh(const struct score_input *in, struct score_result *out)
{
	char needs[96] = "";

	snprintf(out->child_pugh_inr_rule, sizeof out->child_pugh_inr_rule, "INR %g-%g",
		 in->cp_inr_low, in->cp_inr_high);
	need(needs, sizeof needs, isnan(in->bilirubin), "bilirubin");
	need(needs, sizeof needs, isnan(in->albumin), "albumin");
	bool by_pt = isnan(in->inr) && !isnan(in->pt_prolong_s);
	if (by_pt)
		snprintf(out->child_pugh_inr_rule, sizeof out->child_pugh_inr_rule,
			 "PT +%g s: 1-3 s, 4-6 s, > 6 s", in->pt_prolong_s);
	need(needs, sizeof needs, isnan(in->inr) && !by_pt, "INR or PT prolongation");
	need(needs, sizeof needs, in->ascites == ASCITES_UNKNOWN, "ascites");
	need(needs, sizeof needs, in->encephalopathy == SCORE_HE_UNKNOWN, "encephalopathy grade");
	if (needs[0]) {
		set_not_computable(&out->child_pugh, "needs %s", needs);
	} else {
		int p = in->cholestatic ? band_points(in->bilirubin, 4.0, 10.0)
					: band_points(in->bilirubin, 2.0, 3.0);
		p += 4 - band_points(in->albumin, 2.8, 3.5);
		/* PT seconds: under 4 s 1 point, 4-6 s 2, over 6 s 3 (Pugh 1973). */
		p += by_pt ? (in->pt_prolong_s < 4    ? 1
			      : in->pt_prolong_s <= 6 ? 2
						      : 3)
			   : band_points(in->inr, in->cp_inr_low, in->cp_inr_high);
		p += ascites_points(in->ascites);
		p += encephalopathy_points(in->encephalopathy);
		set_value(&out->child_pugh, p, p);
		out->child_pugh_class = p <= 6 ? 'A' : p <= 9 ? 'B' : 'C';
		if (in->cholestatic)
			add_warning(out,
				    "Child-Pugh PBC/PSC bilirubin bands (<4, 4-10, >10 mg/dL)");
	}
}

/* ALBI = 0.66 log10(bilirubin umol/L) + coef * albumin g/L; grade 1 <= -2.60,
 * 2 <= -1.39, 3 above. */
static void compute_albi(const struct score_input *in, struct score_result *out)
{
	char needs[64] = "";

	need(needs, sizeof needs, isnan(in->bilirubin), "bilirubin");
	need(needs, sizeof needs, isnan(in->albumin), "albumin");
	if (needs[0]) {
		set_not_computable(&out->albi, "needs %s", needs);
	} else if (in->bilirubin <= 0) {
		set_not_computable(&out->albi, "bilirubin must be above 0 (log)");
	} else {
		double b = analyte_from_canonical(ANALYTE_BILIRUBIN, UNITS_SI, in->bilirubin);
		double a = analyte_from_canonical(ANALYTE_ALBUMIN, UNITS_SI, in->albumin);
		double x = 0.66 * log10(b) + in->albi_coef * a;
		int grade = x <= -2.60 ? 1 : x <= -1.39 ? 2 : 3;
		set_value(&out->albi, grade, x);
		out->albi_grade = grade;
	}
}

/* FIB-4 = age * AST / (platelets * sqrt(ALT)). */
static void compute_fib4(const struct score_input *in, struct score_result *out)
{
	char needs[64] = "";

	need(needs, sizeof needs, in->age == SCORE_AGE_UNKNOWN, "age");
	need(needs, sizeof needs, isnan(in->ast), "AST");
	need(needs, sizeof needs, isnan(in->alt), "ALT");
	need(needs, sizeof needs, isnan(in->platelets), "platelets");
	if (needs[0])
		set_not_computable(&out->fib4, "needs %s", needs);
	else if (in->platelets <= 0 || in->alt <= 0)
		set_not_computable(&out->fib4, "platelets and ALT must be above 0");
	else {
		set_value(&out->fib4, 0, in->age * in->ast / (in->platelets * sqrt(in->alt)));
		/* REFERENCE 14.5 (McPherson 2017). */
		if (in->age < 35)
			add_warning(out, "FIB-4 is unreliable under 35 years");
		else if (in->age >= 65)
			add_warning(out,
				    "FIB-4 from 65 years: rule-out cut-off 2.0 instead of 1.30");
	}
}

/* APRI = (AST / AST ULN) / platelets * 100. */
static void compute_apri(const struct score_input *in, struct score_result *out)
{
	char needs[64] = "";

	need(needs, sizeof needs, isnan(in->ast), "AST");
	need(needs, sizeof needs, isnan(in->platelets), "platelets");
	if (needs[0])
		set_not_computable(&out->apri, "needs %s", needs);
	else if (in->platelets <= 0)
		set_not_computable(&out->apri, "platelets must be above 0");
	else
		set_value(&out->apri, 0, in->ast / in->ast_uln / in->platelets * 100.0);
}

/* A supplied lab (not NAN) must pass the analyte hard limits. */
static enum status check_lab(enum analyte_id id, double v, struct err *e)
{
	enum status st = ST_OK;
	struct err why;

	/* Beyond a warning limit is fine here: the caller has confirmed it. */
	if (!isnan(v) && analyte_check(id, UNITS_US, v, NULL, NULL, &why) == ST_INVALID)
		st = err_set(e, ST_INVALID, "%s", why.msg);
	return st;
}

static enum status check_labs(const struct score_input *in, struct err *e)
{
	const struct {
		enum analyte_id id;
		double v;
	} labs[] = {
	    {ANALYTE_BILIRUBIN, in->bilirubin},
	    {ANALYTE_INR, in->inr},
	    {ANALYTE_CREATININE, in->creatinine},
	    {ANALYTE_SODIUM, in->sodium},
	    {ANALYTE_ALBUMIN, in->albumin},
	    {ANALYTE_AST, in->ast},
	    {ANALYTE_ALT, in->alt},
	    {ANALYTE_PLATELETS, in->platelets},
	};
	enum status st = ST_OK;

	for (size_t k = 0; st == ST_OK && k < ARRAY_SIZE(labs); k++)
		st = check_lab(labs[k].id, labs[k].v, e);
	return st;
}

/* Non-lab inputs: each must be inside its domain. */
static enum status check_settings(const struct score_input *in, struct err *e)
{
	enum status st = ST_OK;

	if (in->sex != 'F' && in->sex != 'M' && in->sex != 0)
		st = err_set(e, ST_INVALID, "sex must be F, M or unknown");
	else if (in->age != SCORE_AGE_UNKNOWN && (in->age < 0 || in->age > 120))
		st = err_set(e, ST_INVALID, "age %d is outside 0-120 years", in->age);
	else if ((unsigned)in->ascites > ASCITES_MODERATE)
		st = err_set(e, ST_INVALID, "ascites grade is not one of none, slight, moderate");
	else if (in->encephalopathy < SCORE_HE_UNKNOWN || in->encephalopathy > 4)
		st = err_set(e, ST_INVALID, "encephalopathy grade %d is outside 0-4",
			     in->encephalopathy);
	else if (!(isfinite(in->cp_inr_low) && isfinite(in->cp_inr_high) && in->cp_inr_low > 0 &&
		   in->cp_inr_low < in->cp_inr_high))
		st = err_set(e, ST_INVALID, "Child-Pugh INR band %g-%g is not a valid band",
			     in->cp_inr_low, in->cp_inr_high);
	else if (!(isfinite(in->ast_uln) && in->ast_uln > 0))
		st = err_set(e, ST_INVALID, "AST upper limit of normal %g must be above 0",
			     in->ast_uln);
	else if (!(isfinite(in->albi_coef) && in->albi_coef < 0))
		st = err_set(e, ST_INVALID, "ALBI albumin coefficient %g must be negative",
			     in->albi_coef);
	return st;
}

static void reset_result(struct score_result *out, const char *why)
{
	struct score_value *all[] = {&out->meld, &out->meld_na, &out->meld3, &out->child_pugh,
				     &out->albi, &out->fib4,	&out->apri};

	memset(out, 0, sizeof *out);
	/* Copied, not formatted: this runs for every score of every computation
	 * (the cohort report makes hundreds of thousands). */
	for (size_t k = 0; k < ARRAY_SIZE(all); k++) {
		all[k]->computable = false;
		all[k]->value = 0;
		all[k]->raw = NAN;
		strlcpy_(all[k]->why_not, why, sizeof all[k]->why_not);
	}
}

/* The scores of mask (bits 1 << enum score_id); MELD-Na is computed on
 * MELD(i), so asking for it computes MELD too. */
static enum status compute(const struct score_input *in, unsigned mask, struct score_result *out,
			   struct err *e)
{
	err_clear(e);
	if (out)
		reset_result(out, "invalid input");
	if (!in || !out)
		return err_set(e, ST_INVALID, "no score input or result");
	enum status st = check_labs(in, e);
	if (st == ST_OK)
		st = check_settings(in, e);
	if (st != ST_OK)
		return st;
	if (mask & (1u << SCORE_MELD_NA))
		mask |= 1u << SCORE_MELD;
	if (mask & (1u << SCORE_MELD))
		compute_meld(in, out);
	if (mask & (1u << SCORE_MELD_NA))
		compute_meld_na(in, out);
	if (mask & (1u << SCORE_MELD3))
		compute_meld3(in, out);
	if (mask & (1u << SCORE_CHILD_PUGH))
		compute_child_pugh(in, out);
	if (mask & (1u << SCORE_ALBI))
		compute_albi(in, out);
	if (mask & (1u << SCORE_FIB4))
		compute_fib4(in, out);
	if (mask & (1u << SCORE_APRI))
		compute_apri(in, out);
	if (in->age == SCORE_AGE_UNKNOWN && (out->meld.computable || out->meld3.computable))
		add_warning(out, "age unknown: adult MELD formulas used");
	return ST_OK;
}

enum status score_compute(const struct score_input *in, struct score_result *out, struct err *e)
{
	return compute(in, (1u << SCORE_COUNT) - 1, out, e);
}

enum status score_compute_one(const struct score_input *in, enum score_id id,
			      struct score_result *out, struct err *e)
{
	if ((unsigned)id >= SCORE_COUNT) {
		if (out)
			reset_result(out, "invalid input");
		return err_set(e, ST_INVALID, "no such score");
	}
	return compute(in, 1u << id, out, e);
}

const struct score_value *score_get(const struct score_result *r, enum score_id id)
{
	const struct score_value *sv = NULL;

	if (r) {
		switch (id) {
		case SCORE_MELD:
			sv = &r->meld;
			break;
		case SCORE_MELD_NA:
			sv = &r->meld_na;
			break;
		case SCORE_MELD3:
			sv = &r->meld3;
			break;
		case SCORE_CHILD_PUGH:
			sv = &r->child_pugh;
			break;
		case SCORE_ALBI:
			sv = &r->albi;
			break;
		case SCORE_FIB4:
			sv = &r->fib4;
			break;
		case SCORE_APRI:
			sv = &r->apri;
			break;
		case SCORE_COUNT:
			break;
		}
	}
	return sv;
}

int score_albi_digits(double raw)
{
	/* Enough digits that the value shown is on the side of each cut
	 * (-2.60, -1.39) its grade is: -2.5996 is not "-2.600 grade 2". */
	int d = 3;
	char num[32];
	for (; d < 8; d++) {
		snprintf(num, sizeof num, "%.*f", d, raw);
		double shown = strtod(num, NULL);
		if ((shown <= -2.60) == (raw <= -2.60) && (shown <= -1.39) == (raw <= -1.39))
			break;
	}
	return d;
}

void score_format(const struct score_result *r, enum score_id id, char *buf, size_t n)
{
	const struct score_value *v = score_get(r, id);
	if (!v) {
		snprintf(buf, n, "?");
		return;
	}
	if (!v->computable) {
		snprintf(buf, n, "not computable: %s", v->why_not);
		return;
	}
	switch (id) {
	case SCORE_CHILD_PUGH:
		snprintf(buf, n, "%d  class %c (%s)", v->value, r->child_pugh_class,
			 r->child_pugh_inr_rule);
		break;
	case SCORE_ALBI:
		snprintf(buf, n, "%.*f  grade %d", score_albi_digits(v->raw), v->raw,
			 r->albi_grade);
		break;
	case SCORE_FIB4:
		snprintf(buf, n, "%.3f", v->raw);
		break;
	case SCORE_APRI:
		snprintf(buf, n, "%.2f", v->raw);
		break;
	default:
		/* Integer scores: the value rounded by the OPTN rule, never
		 * a %.0f of the raw value. */
		snprintf(buf, n, "%d", v->value);
	}
}
