/* cli_score.c: `score` — every score computable from the values given —
 * and the score printing that `show` shares. */
#include "cli_int.h"

#include <math.h>
#include <string.h>

#include "json.h"
#include "score.h"
#include "util.h"

#include "cli_score.h"

enum {
	O_UNITS,
	O_BILI,
	O_INR,
	O_CREAT,
	O_DIAL,
	O_NA,
	O_ALB,
	O_SEX,
	O_AGE,
	O_AST,
	O_ALT,
	O_PLT,
	O_ULN,
	O_ASC,
	O_HE,
	O_CHOL,
	O_JSON,
	O_PTS,
	O_N
};

/* Lab inputs: option index and analyte. */
static const struct {
	int opt;
	enum analyte_id a;
} lab_opts[] = {
    {O_BILI, ANALYTE_BILIRUBIN}, {O_INR, ANALYTE_INR},	     {O_CREAT, ANALYTE_CREATININE},
    {O_NA, ANALYTE_SODIUM},	 {O_ALB, ANALYTE_ALBUMIN},   {O_AST, ANALYTE_AST},
    {O_ALT, ANALYTE_ALT},	 {O_PLT, ANALYTE_PLATELETS},
};

static double *lab_slot(struct score_input *in, enum analyte_id a)
{
	switch (a) {
	case ANALYTE_BILIRUBIN:
		return &in->bilirubin;
	case ANALYTE_INR:
		return &in->inr;
	case ANALYTE_CREATININE:
		return &in->creatinine;
	case ANALYTE_SODIUM:
		return &in->sodium;
	case ANALYTE_ALBUMIN:
		return &in->albumin;
	case ANALYTE_AST:
		return &in->ast;
	case ANALYTE_ALT:
		return &in->alt;
	default:
		return &in->platelets;
	}
}

static int parse_labs(struct cli *c, struct cli_opt *o, enum unit_system u, struct score_input *in)
{
	struct err e = {""};
	for (size_t i = 0; i < ARRAY_SIZE(lab_opts); i++) {
		if (!o[lab_opts[i].opt].set)
			continue;
		enum analyte_id a = lab_opts[i].a;
		/* A calculator computes values beyond the warning limits too;
		 * only the hard limits and unit mix-ups refuse. */
		enum status s =
		    analyte_parse_value(a, u, o[lab_opts[i].opt].value, lab_slot(in, a), NULL, &e);
		if (s != ST_OK && s != ST_CONFIRM)
			return cli_fail(c, s, &e);
	}
	return 0;
}

static int parse_clinical(struct cli *c, struct cli_opt *o, struct score_input *in)
{
	long v;
	if (o[O_SEX].set) {
		if (strcmp(o[O_SEX].value, "F") != 0 && strcmp(o[O_SEX].value, "M") != 0)
			return cli_usage(c, "--sex '%s': accepted F or M", o[O_SEX].value);
		in->sex = o[O_SEX].value[0];
	}
	if (o[O_AGE].set) {
		if (!parse_long(o[O_AGE].value, 0, 120, &v))
			return cli_usage(c, "--age '%s': %saccepted 0-120 years", o[O_AGE].value,
					 cli_nan(o[O_AGE].value));
		in->age = (int)v;
	}
	if (o[O_ULN].set) {
		const struct score_setting_row *r = score_setting(SSET_APRI_AST_ULN);
		double uln;
		if (!parse_double(o[O_ULN].value, &uln) || uln < r->min || uln > r->max)
			return cli_usage(c, "--ast-uln '%s': %saccepted %g-%g %s", o[O_ULN].value,
					 cli_nan(o[O_ULN].value), r->min, r->max, r->unit);
		in->ast_uln = uln;
	}
	if (o[O_ASC].set) {
		const char *a = o[O_ASC].value;
		in->ascites = strcmp(a, "none") == 0	   ? ASCITES_NONE
			      : strcmp(a, "slight") == 0   ? ASCITES_SLIGHT
			      : strcmp(a, "moderate") == 0 ? ASCITES_MODERATE
							   : ASCITES_UNKNOWN;
		if (in->ascites == ASCITES_UNKNOWN)
			return cli_usage(c, "--ascites '%s': accepted none, slight, moderate", a);
	}
	if (o[O_HE].set) {
		if (!parse_long(o[O_HE].value, 0, 4, &v))
			return cli_usage(c,
					 "--encephalopathy '%s': %saccepted West Haven grade 0-4",
					 o[O_HE].value, cli_nan(o[O_HE].value));
		in->encephalopathy = (int)v;
	}
	if (o[O_PTS].set) {
		double pt;
		if (!parse_double(o[O_PTS].value, &pt) || pt < 0 || pt > 60)
			return cli_usage(c, "--pt-prolong '%s': accepted 0-60 s over control",
					 o[O_PTS].value);
		in->pt_prolong_s = pt;
	}
	in->dialysis = o[O_DIAL].set;
	in->cholestatic = o[O_CHOL].set;
	return 0;
}

int cli_score(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[O_N] = {
	    [O_UNITS] = {"units", OPT_VALUE},	    [O_BILI] = {"bilirubin", OPT_VALUE},
	    [O_INR] = {"inr", OPT_VALUE},	    [O_CREAT] = {"creatinine", OPT_VALUE},
	    [O_DIAL] = {"dialysis", OPT_FLAG},	    [O_NA] = {"sodium", OPT_VALUE},
	    [O_ALB] = {"albumin", OPT_VALUE},	    [O_SEX] = {"sex", OPT_VALUE},
	    [O_AGE] = {"age", OPT_VALUE},	    [O_AST] = {"ast", OPT_VALUE},
	    [O_ALT] = {"alt", OPT_VALUE},	    [O_PLT] = {"platelets", OPT_VALUE},
	    [O_ULN] = {"ast-uln", OPT_VALUE},	    [O_ASC] = {"ascites", OPT_VALUE},
	    [O_HE] = {"encephalopathy", OPT_VALUE}, [O_CHOL] = {"cholestatic", OPT_FLAG},
	    [O_JSON] = {"json", OPT_FLAG},	    [O_PTS] = {"pt-prolong", OPT_VALUE},
	};
	struct score_input in;
	struct score_result r;
	struct err e = {""};
	enum unit_system u;
	int rc = cli_parse(c, argc, argv, o, O_N, NULL, 0, 0);
	if (rc)
		return rc;
	if (!cli_units(c, &o[O_UNITS], &u))
		return 2;
	score_input_init(&in);
	in.cp_inr_low = c->app->cfg.cp_inr_low;
	in.cp_inr_high = c->app->cfg.cp_inr_high;
	in.albi_coef = c->app->cfg.albi_albumin_coef;
	in.ast_uln = c->app->cfg.apri_ast_uln;
	if ((rc = parse_labs(c, o, u, &in)) || (rc = parse_clinical(c, o, &in)))
		return rc;
	enum status s = score_compute(&in, &r, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	if (o[O_JSON].set) {
		struct json j;
		json_init(&j, false);
		json_obj_begin(&j, NULL);
		cli_score_json(&j, &r);
		json_obj_end(&j);
		fprintf(c->out, "%s\n", json_str(&j));
		json_done(&j);
	} else {
		cli_score_text(c, &r);
	}
	return 0;
}
