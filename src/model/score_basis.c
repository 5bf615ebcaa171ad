/* score_basis.c: the one choice of score inputs — labs and examination
 * findings within the window — and the scores from it. */
#include "score_basis.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

void score_basis_input(const struct patient *p, const struct lab_latest *labs, day_t on,
		       const struct config *cfg, struct score_input *in)
{
	static const struct {
		enum analyte_id a;
		size_t off;
	} map[] = {
	    {ANALYTE_BILIRUBIN, offsetof(struct score_input, bilirubin)},
	    {ANALYTE_INR, offsetof(struct score_input, inr)},
	    {ANALYTE_CREATININE, offsetof(struct score_input, creatinine)},
	    {ANALYTE_SODIUM, offsetof(struct score_input, sodium)},
	    {ANALYTE_ALBUMIN, offsetof(struct score_input, albumin)},
	    {ANALYTE_AST, offsetof(struct score_input, ast)},
	    {ANALYTE_ALT, offsetof(struct score_input, alt)},
	    {ANALYTE_PLATELETS, offsetof(struct score_input, platelets)},
	};
	score_input_init(in);
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		*(double *)((char *)in + map[i].off) =
		    labs->have[map[i].a] ? labs->r[map[i].a].canonical : NAN;
	in->sex = p->sex;
	in->age = patient_age(p, on);
	const struct etiology *et = etiology_find(p->etiology);
	in->cholestatic = et && et->cholestatic;
	in->cp_inr_low = cfg->cp_inr_low;
	in->cp_inr_high = cfg->cp_inr_high;
	in->albi_coef = cfg->albi_albumin_coef;
	in->ast_uln = cfg->apri_ast_uln;
}

enum ascites score_basis_ascites(int ica, int ica2_points)
{
	switch (ica) {
	case 0:
		return ASCITES_NONE;
	case 1:
		return ASCITES_SLIGHT;
	case 2:
		return ica2_points == 3 ? ASCITES_MODERATE : ASCITES_SLIGHT;
	case 3:
		return ASCITES_MODERATE;
	default:
		return ASCITES_UNKNOWN;
	}
}

/* Keep a finding when it is on or before on and within the window; one
 * before the window is noted as too old. A finding seen but not graded
 * within the window is kept as such (have false: no grade to use). */
static void keep(const struct finding_pick *f, day_t on, int window, struct finding_pick *used,
		 struct finding_pick *old)
{
	memset(used, 0, sizeof *used);
	memset(old, 0, sizeof *old);
	used->date = old->date = DAY_NONE;
	if (f->ungraded && f->date <= on && on - f->date <= window)
		*used = *f;
	if (!f->have || f->date > on)
		return;
	if (on - f->date > window)
		*old = *f;
	else
		*used = *f;
}

/* The scores computed: every one when only is SCORE_COUNT, else only that
 * one (score_compute_one). */
static enum status scores(const struct score_input *in, enum score_id only,
			  struct score_result *out)
{
	return only == SCORE_COUNT ? score_compute(in, out, NULL)
				   : score_compute_one(in, only, out, NULL);
}

static void build(const struct patient *p, const struct lab_latest *labs,
		  const struct exam_findings *f, day_t on, const struct config *cfg,
		  enum score_id only, struct score_basis *out)
{
	memset(out, 0, sizeof *out);
	out->on = on;
	out->window_days = cfg->lab_window_days;
	for (int a = 0; a < ANALYTE_COUNT; a++) {
		if (!labs->have[a] || labs->r[a].date > on)
			continue;
		if (on - labs->r[a].date > out->window_days) {
			out->lab_too_old[a] = true;
			continue;
		}
		out->labs.have[a] = true;
		out->labs.r[a] = labs->r[a];
	}
	score_basis_input(p, &out->labs, on, cfg, &out->in);
	keep(&f->ascites, on, out->window_days, &out->findings.ascites, &out->too_old.ascites);
	keep(&f->he, on, out->window_days, &out->findings.he, &out->too_old.he);
	keep(&f->dialysis, on, out->window_days, &out->findings.dialysis, &out->too_old.dialysis);
	if (out->findings.ascites.have)
		out->in.ascites =
		    score_basis_ascites(out->findings.ascites.value, cfg->ascites_ica2_points);
	if (out->findings.he.have)
		out->in.encephalopathy = out->findings.he.value;
	out->in.dialysis = out->findings.dialysis.have && out->findings.dialysis.value == 1;
	out->valid = scores(&out->in, only, &out->scores) == ST_OK;
	if (!out->valid) {
		struct score_input none;
		score_input_init(&none);
		scores(&none, only, &out->scores);
	}
}

void score_basis_build(const struct patient *p, const struct lab_latest *labs,
		       const struct exam_findings *f, day_t on, const struct config *cfg,
		       struct score_basis *out)
{
	build(p, labs, f, on, cfg, SCORE_COUNT, out);
}

void score_basis_build_one(const struct patient *p, const struct lab_latest *labs,
			   const struct exam_findings *f, day_t on, const struct config *cfg,
			   enum score_id id, struct score_basis *out)
{
	build(p, labs, f, on, cfg, (unsigned)id < SCORE_COUNT ? id : SCORE_MELD, out);
}

void score_basis_finding_text(const struct score_basis *b, const char *kind, char *buf, size_t n)
{
	const struct finding_pick *used = NULL, *old = NULL;
	const char *label = kind;
	char d[16], v[24];
	if (strcmp(kind, "ascites") == 0) {
		used = &b->findings.ascites;
		old = &b->too_old.ascites;
		label = "ascites ICA";
	} else if (strcmp(kind, "encephalopathy") == 0) {
		used = &b->findings.he;
		old = &b->too_old.he;
		label = "encephalopathy West Haven";
	} else {
		used = &b->findings.dialysis;
		old = &b->too_old.dialysis;
	}
	if (used->ungraded) {
		int age = (int)(b->on - used->date);
		snprintf(buf, n, "%s seen on %s %s (%d day%s old) but not graded: record the grade",
			 kind, finding_source_str(used->source), date_format(used->date, d), age,
			 age == 1 ? "" : "s");
		return;
	}
	if (!used->have) {
		if (old->have)
			snprintf(buf, n, "%s: last on %s, older than %d days, not used", kind,
				 date_format(old->date, d), b->window_days);
		else
			snprintf(buf, n, "%s: not assessed within %d days", kind, b->window_days);
		return;
	}
	if (strcmp(kind, "dialysis") == 0)
		snprintf(v, sizeof v, "%s", used->value ? "yes" : "no");
	else
		snprintf(v, sizeof v, "%d", used->value);
	int age = (int)(b->on - used->date);
	snprintf(buf, n, "%s %s (%s %s, %d day%s old)", label, v, finding_source_str(used->source),
		 date_format(used->date, d), age, age == 1 ? "" : "s");
}
