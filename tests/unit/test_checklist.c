/* test_checklist.c: the checklist evaluation without storage — each item
 * kind, each state (stale crossing its window on a given day), each overall
 * result, answer checks and the JSON contract. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "assets.h"
#include "checklist.h"
#include "overview.h"

#define DEFAULT "assets/protocols/ucmsc-default.ini"

struct fx {
	struct protocol p;
	struct config cfg;
	struct checklist_input in;
	struct checklist_result r;
	struct finding_pick ascites;
	struct finding_pick he; /* from an examination or visit */
};

static day_t day(const char *s)
{
	day_t d;
	assert_true(date_parse(s, &d));
	return d;
}

static void lab(struct checklist_input *in, enum analyte_id a, double v, const char *date)
{
	in->labs.have[a] = true;
	struct lab_result *r = &in->labs.r[a];
	memset(r, 0, sizeof *r);
	r->analyte = a;
	r->value = r->canonical = v;
	r->date = day(date);
}

static void answer(struct checklist_input *in, const char *item, bool yes, const char *value,
		   const char *date)
{
	struct checklist_answer *a = NULL;
	for (int i = 0; i < in->nanswers; i++)
		if (strcmp(in->answers[i].item, item) == 0)
			a = &in->answers[i];
	if (!a)
		a = &in->answers[in->nanswers++];
	memset(a, 0, sizeof *a);
	strcpy(a->item, item);
	a->yes = yes;
	strcpy(a->value, value);
	a->answered_on = day(date);
}

static void imaging(struct checklist_input *in, enum modality m, enum finding hcc, enum finding thr,
		    const char *date)
{
	struct imaging_note *n = &in->imaging[in->nimaging++];
	imaging_init(n);
	n->modality = m;
	n->hcc = hcc;
	n->thrombosis = thr;
	n->ascites = FIND_NO;
	n->date = day(date);
}

/* Scores follow the labs and findings: choose the inputs as the loader
 * does (uc_scores_load): the ascites of f->ascites and the encephalopathy
 * grade of the newest answer, as store_exam_findings reads them. */
static void evaluate(struct fx *f, const char *on)
{
	struct exam_findings x = {.ascites = f->ascites, .he = f->he};
	f->in.on = day(on);
	for (int i = 0; i < f->in.nanswers; i++) {
		const struct checklist_answer *a = &f->in.answers[i];
		if (strcmp(a->item, "encephalopathy") != 0 || a->answered_on > f->in.on)
			continue;
		struct finding_pick p = {true, a->yes ? atoi(a->value) : 0, a->answered_on,
					 FSRC_ANSWER};
		finding_pick_newer(&x.he, &p);
	}
	score_basis_build(&f->in.patient, &f->in.labs, &x, f->in.on, &f->cfg, &f->in.basis);
	checklist_evaluate(&f->p, &f->in, &f->r);
}

static const struct checklist_line *line(struct fx *f, const char *id)
{
	for (int i = 0; i < f->r.n; i++)
		if (strcmp(f->p.items[f->r.lines[i].item].id, id) == 0)
			return &f->r.lines[i];
	fail_msg("no line %s", id);
	return &f->r.lines[0];
}

static void assert_has(const char *hay, const char *needle)
{
	if (!strstr(hay, needle))
		fail_msg("'%s' not in '%s'", needle, hay);
}

/* A patient who meets every item of the default protocol on 2026-11-23. */
static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct err e;
	assert_int_equal(protocol_parse(DEFAULT, asset_text(DEFAULT), &f->p, &e), ST_OK);
	config_defaults(&f->cfg);
	struct checklist_input *in = &f->in;
	strcpy(in->patient.mrn, "T1");
	in->patient.sex = 'F';
	in->patient.dob = day("1970-01-01");
	in->patient.weight_kg = 60;
	in->patient.weight_date = day("2026-11-20");
	const char *d = "2026-11-16";
	lab(in, ANALYTE_BILIRUBIN, 2.3, d);
	lab(in, ANALYTE_INR, 1.6, d);
	lab(in, ANALYTE_CREATININE, 1.1, d);
	lab(in, ANALYTE_SODIUM, 134, d);
	lab(in, ANALYTE_ALBUMIN, 2.9, d);
	lab(in, ANALYTE_ALT, 40, d);
	lab(in, ANALYTE_AST, 60, d);
	lab(in, ANALYTE_PLATELETS, 90, d);
	lab(in, ANALYTE_AFP, 5, d);
	imaging(in, MOD_CT, FIND_NO, FIND_NA, "2026-10-01");
	imaging(in, MOD_DOPPLER, FIND_NA, FIND_NO, "2026-10-01");
	const char *no[] = {"malignancy", "infection",		"gi_bleed",	 "pregnancy", "hiv",
			    "transplant", "immunosuppressants", "organ_disease", "allergy"};
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		answer(in, no[i], false, "", "2026-11-20");
	answer(in, "encephalopathy", true, "1", "2026-11-20");
	answer(in, "consent", true, "2026-11-19", "2026-11-20");
	f->ascites = (struct finding_pick){true, 0, day("2026-11-20"), FSRC_EXAM};
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	free(*state);
	return 0;
}

static void complete_record_is_ready(void **state)
{
	struct fx *f = *state;
	evaluate(f, "2026-11-23");
	for (int i = 0; i < f->r.n; i++)
		if (f->r.lines[i].state != ITEM_MET)
			fail_msg("%s: %s", f->p.items[f->r.lines[i].item].id, f->r.lines[i].reason);
	assert_int_equal(f->r.status, EVAL_READY);
	assert_string_equal(f->r.summary, "READY");
	assert_has(line(f, "meld3")->reason, "meld3 19 is within 10-30");
	assert_has(line(f, "child_pugh")->reason, "child_pugh 8 is within 7-12");
}

static void lab_goes_stale_crossing_its_window(void **state)
{
	struct fx *f = *state;
	lab(&f->in, ANALYTE_BILIRUBIN, 2.3, "2026-11-09");
	evaluate(f, "2026-11-23"); /* 14 days: still inside */
	assert_int_equal(line(f, "labs")->state, ITEM_MET);
	evaluate(f, "2026-11-24"); /* 15 days: stale */
	assert_int_equal(line(f, "labs")->state, ITEM_STALE);
	assert_has(line(f, "labs")->reason,
		   "bilirubin 2.3 mg/dL on 2026-11-09, 15 days old; window 14 days");
	lab(&f->in, ANALYTE_BILIRUBIN, 2.3, "2026-11-02");
	evaluate(f, "2026-11-23");
	assert_has(line(f, "labs")->reason,
		   "bilirubin 2.3 mg/dL on 2026-11-02, 21 days old; window 14 days");
	assert_int_equal(f->r.status, EVAL_NOT_READY);
	assert_true(line(f, "labs")->blocking);
	assert_has(f->r.summary, "NOT READY: labs stale");
	/* MELD 3.0 uses that bilirubin too. */
	assert_int_equal(line(f, "meld3")->state, ITEM_STALE);
}

static void missing_lab_holds(void **state)
{
	struct fx *f = *state;
	f->in.labs.have[ANALYTE_AFP] = false;
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "labs")->state, ITEM_MISSING);
	assert_has(line(f, "labs")->reason, "no result on or before this day for afp");
	assert_int_equal(f->r.status, EVAL_NOT_READY);
	assert_string_equal(f->r.summary, "NOT READY: labs missing, afp missing");
}

static void lab_below_bound_excludes(void **state)
{
	struct fx *f = *state;
	lab(&f->in, ANALYTE_PLATELETS, 42, "2026-11-16");
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "platelets")->state, ITEM_NOT_MET);
	assert_has(line(f, "platelets")->reason, "platelets 42 10^9/L on 2026-11-16");
	assert_has(line(f, "platelets")->reason, "accepted at least 50");
	assert_int_equal(f->r.status, EVAL_EXCLUDED);
	assert_string_equal(f->r.summary, "EXCLUDED: platelets not_met");
}

static void imaging_states(void **state)
{
	struct fx *f = *state;
	f->in.imaging[0].hcc = FIND_YES;
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "hcc_imaging")->state, ITEM_NOT_MET);
	assert_has(line(f, "hcc_imaging")->reason, "HCC found on ct 2026-10-01");
	assert_int_equal(f->r.status, EVAL_EXCLUDED);
	f->in.imaging[0].hcc = FIND_NO;
	evaluate(f, "2026-12-30"); /* 90 days after 2026-10-01: still inside */
	assert_int_equal(line(f, "hcc_imaging")->state, ITEM_MET);
	evaluate(f, "2026-12-31");
	assert_int_equal(line(f, "hcc_imaging")->state, ITEM_STALE);
	assert_has(line(f, "hcc_imaging")->reason, "91 days old");
	/* An ultrasound that did not assess HCC does not count. */
	f->in.nimaging = 0;
	imaging(&f->in, MOD_ULTRASOUND, FIND_NA, FIND_NA, "2026-11-20");
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "hcc_imaging")->state, ITEM_MISSING);
	assert_int_equal(line(f, "doppler")->state, ITEM_MISSING);
}

static void doppler_thrombosis_excludes(void **state)
{
	struct fx *f = *state;
	f->in.imaging[1].thrombosis = FIND_YES;
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "doppler")->state, ITEM_NOT_MET);
	assert_int_equal(f->r.status, EVAL_EXCLUDED);
	assert_has(f->r.summary, "doppler not_met");
}

static void score_out_of_bounds_excludes(void **state)
{
	struct fx *f = *state;
	lab(&f->in, ANALYTE_BILIRUBIN, 25, "2026-11-16");
	lab(&f->in, ANALYTE_INR, 3.5, "2026-11-16");
	lab(&f->in, ANALYTE_CREATININE, 3.0, "2026-11-16");
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "meld3")->state, ITEM_NOT_MET);
	assert_has(line(f, "meld3")->reason, "is outside 10-30");
	assert_int_equal(f->r.status, EVAL_EXCLUDED);
}

static void child_pugh_needs_the_encephalopathy_answer(void **state)
{
	struct fx *f = *state;
	f->in.nanswers--; /* drop consent */
	f->in.nanswers--; /* and encephalopathy */
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "child_pugh")->state, ITEM_MISSING);
	assert_has(line(f, "child_pugh")->reason, "not computable");
	assert_int_equal(line(f, "encephalopathy")->state, ITEM_MISSING);
	assert_int_equal(line(f, "consent")->state, ITEM_MISSING);
	assert_int_equal(f->r.status, EVAL_NOT_READY);
}

static void weight_missing_and_stale(void **state)
{
	struct fx *f = *state;
	evaluate(f, "2026-12-04"); /* 14 days after 2026-11-20 */
	assert_int_equal(line(f, "weight")->state, ITEM_MET);
	evaluate(f, "2026-12-05");
	assert_int_equal(line(f, "weight")->state, ITEM_STALE);
	assert_has(line(f, "weight")->reason, "weight 60.0 kg on 2026-11-20, 15 days old");
	evaluate(f, "2026-11-19"); /* measured after that day */
	assert_int_equal(line(f, "weight")->state, ITEM_MISSING);
	f->in.patient.weight_kg = NAN;
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "weight")->state, ITEM_MISSING);
	assert_int_equal(f->r.status, EVAL_NOT_READY);
}

static void questions(void **state)
{
	struct fx *f = *state;
	answer(&f->in, "hiv", true, "", "2026-11-21");
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "hiv")->state, ITEM_NOT_MET);
	assert_int_equal(f->r.status, EVAL_EXCLUDED);
	assert_string_equal(f->r.summary, "EXCLUDED: hiv not_met");
	answer(&f->in, "hiv", false, "", "2026-11-21");
	/* infection: 7-day window from the answer of 2026-11-20. */
	evaluate(f, "2026-11-27");
	assert_int_equal(line(f, "infection")->state, ITEM_MET);
	evaluate(f, "2026-11-28");
	assert_int_equal(line(f, "infection")->state, ITEM_STALE);
	assert_has(line(f, "infection")->reason, "answered 8 days ago; window 7 days");
	/* An answer given after the day evaluated did not exist then. */
	evaluate(f, "2026-11-20");
	assert_int_equal(line(f, "hiv")->state, ITEM_MISSING);
}

static void grade_above_max_excludes(void **state)
{
	struct fx *f = *state;
	answer(&f->in, "encephalopathy", true, "2", "2026-11-20");
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "encephalopathy")->state, ITEM_NOT_MET);
	assert_has(line(f, "encephalopathy")->reason, "grade 2; accepted at most 1");
	assert_int_equal(f->r.status, EVAL_EXCLUDED);
	/* The grade feeds Child-Pugh: grade 1-2 is 2 points, 3-4 is 3. */
	assert_has(line(f, "child_pugh")->reason, "child_pugh 8");
	answer(&f->in, "encephalopathy", true, "3", "2026-11-20");
	evaluate(f, "2026-11-23");
	assert_has(line(f, "child_pugh")->reason, "child_pugh 9");
	answer(&f->in, "encephalopathy", false, "", "2026-11-20");
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "encephalopathy")->state, ITEM_MET);
	assert_has(line(f, "child_pugh")->reason, "child_pugh 7");
}

static void consent_not_signed_holds_only(void **state)
{
	struct fx *f = *state;
	answer(&f->in, "consent", false, "", "2026-11-20");
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "consent")->state, ITEM_NOT_MET);
	assert_int_equal(f->r.status, EVAL_NOT_READY);
	assert_string_equal(f->r.summary, "NOT READY: consent not_met");
	/* Consent staleness counts from the signing date. */
	answer(&f->in, "consent", true, "2026-08-01", "2026-11-20");
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "consent")->state, ITEM_STALE);
}

static void optional_item_does_not_block(void **state)
{
	struct fx *f = *state;
	struct err e;
	assert_int_equal(protocol_parse("x",
					"[protocol]\nname = X\nversion = 1\n"
					"[item.alb]\nkind = lab\nlabel = A\nanalytes = albumin\n"
					"required = no\nwindow_days = 3\n"
					"[item.hiv]\nkind = question\nlabel = H\nrequired = no\n"
					"on_fail = exclude\n",
					&f->p, &e),
			 ST_OK);
	evaluate(f, "2026-11-23"); /* albumin 7 days old: stale but optional */
	assert_int_equal(line(f, "alb")->state, ITEM_STALE);
	assert_false(line(f, "alb")->blocking);
	assert_int_equal(f->r.status, EVAL_READY);
	answer(&f->in, "hiv", true, "", "2026-11-21"); /* optional, yet it excludes */
	evaluate(f, "2026-11-23");
	assert_int_equal(f->r.status, EVAL_EXCLUDED);
}

static void answers_are_checked(void **state)
{
	struct fx *f = *state;
	struct checklist_answer a = {0};
	struct err e = {""};
	day_t on = day("2026-11-23");
	a.answered_on = on;
	strcpy(a.item, "labs");
	assert_int_equal(checklist_check_answer(&f->p, &a, on, &e), ST_INVALID);
	assert_has(e.msg, "labs is a lab item: it is computed from the record");
	strcpy(a.item, "nonesuch");
	assert_int_equal(checklist_check_answer(&f->p, &a, on, &e), ST_INVALID);
	assert_has(e.msg, "item 'nonesuch' is not in protocol");
	strcpy(a.item, "encephalopathy");
	a.yes = true;
	strcpy(a.value, "5");
	assert_int_equal(checklist_check_answer(&f->p, &a, on, &e), ST_INVALID);
	assert_has(e.msg, "encephalopathy: value '5' is not accepted");
	strcpy(a.value, "2");
	assert_int_equal(checklist_check_answer(&f->p, &a, on, &e), ST_OK);
	strcpy(a.item, "consent");
	strcpy(a.value, "2026-13-01");
	assert_int_equal(checklist_check_answer(&f->p, &a, on, &e), ST_INVALID);
	assert_has(e.msg, "YYYY-MM-DD");
	strcpy(a.value, "2026-11-24");
	assert_int_equal(checklist_check_answer(&f->p, &a, on, &e), ST_INVALID);
	assert_has(e.msg, "after the answer date");
	strcpy(a.value, "2026-11-22");
	assert_int_equal(checklist_check_answer(&f->p, &a, on, &e), ST_OK);
	strcpy(a.note, "bad\033[2Jnote");
	assert_int_equal(checklist_check_answer(&f->p, &a, on, &e), ST_INVALID);
	assert_has(e.msg, "note:");
}

static void json_contract(void **state)
{
	struct fx *f = *state;
	struct json j;
	struct evaluation ev = {0};
	lab(&f->in, ANALYTE_BILIRUBIN, 2.3, "2026-11-02");
	evaluate(f, "2026-11-23");
	strcpy(ev.signed_by, "nina");
	ev.signed_at = 1795392000; /* 2026-11-23 00:00 UTC */
	ev.chain_version = 2;
	json_init(&j, false);
	json_obj_begin(&j, NULL);
	checklist_json(&j, &f->p, &f->r, &ev);
	json_obj_end(&j);
	const char *s = json_str(&j);
	assert_has(s, "{\"status\":\"NOT_READY\",\"date\":\"2026-11-23\"");
	assert_has(s, "\"protocol\":{\"name\":\"UC-MSC decompensated cirrhosis (clinic default)\","
		      "\"version\":\"1.0\",\"hash\":\"");
	assert_has(s,
		   "{\"id\":\"labs\",\"label\":\"Liver function labs within 14 days\","
		   "\"kind\":\"lab\",\"required\":true,\"excludes\":false,\"state\":\"stale\","
		   "\"reason\":\"bilirubin 2.3 mg/dL on 2026-11-02, 21 days old; window 14 days\"");
	assert_has(s, "\"blocking\":[\"labs\",\"meld3\",\"child_pugh\"]");
	assert_has(s, "\"signed\":{\"by\":\"nina\",\"at\":\"2026-11-23 00:00\",\"version\":2");
	json_done(&j);
	json_init(&j, false);
	json_obj_begin(&j, NULL);
	checklist_json(&j, &f->p, &f->r, NULL);
	json_obj_end(&j);
	assert_has(json_str(&j), "\"signed\":null}");
	json_done(&j);
}

/* Age in whole years on the day: 16 and 88 fall outside 18-75. */
static void age_range_excludes(void **state)
{
	struct fx *f = *state;
	f->in.patient.dob = day("2010-06-01");
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "age")->state, ITEM_NOT_MET);
	assert_has(line(f, "age")->reason, "age 16 years is outside 18-75 years");
	assert_int_equal(f->r.status, EVAL_EXCLUDED);
	f->in.patient.dob = day("1938-05-01");
	evaluate(f, "2026-11-23");
	assert_has(line(f, "age")->reason, "age 88 years is outside 18-75 years");
	assert_int_equal(f->r.status, EVAL_EXCLUDED);
	f->in.patient.dob = day("2008-11-23"); /* 18 on the day */
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "age")->state, ITEM_MET);
	f->in.patient.dob = day("1951-01-01"); /* 75 */
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "age")->state, ITEM_MET);
	f->in.patient.dob = DAY_NONE;
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "age")->state, ITEM_MISSING);
}

static void afp_above_threshold_holds(void **state)
{
	struct fx *f = *state;
	lab(&f->in, ANALYTE_AFP, 850, "2026-11-16");
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "afp")->state, ITEM_NOT_MET);
	assert_has(line(f, "afp")->reason, "afp 850.0 ng/mL");
	assert_has(line(f, "afp")->reason, "at most 200");
	assert_int_equal(f->r.status, EVAL_NOT_READY);
	lab(&f->in, ANALYTE_AFP, 200, "2026-11-16");
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "afp")->state, ITEM_MET);
}

static void viral_replication(void **state)
{
	struct fx *f = *state;
	/* Not hepatitis B and no HBV DNA: the rule does not apply. */
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "hbv")->state, ITEM_MET);
	strcpy(f->in.patient.etiology, "B18.1");
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "hbv")->state, ITEM_MISSING);
	assert_int_equal(f->r.status, EVAL_NOT_READY);
	lab(&f->in, ANALYTE_HBV_DNA, 2.5e7, "2026-11-16");
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "hbv")->state, ITEM_NOT_MET);
	assert_has(line(f, "hbv")->reason, "HBV DNA 2.5e+07 IU/mL is not below 1000 IU/mL");
	assert_int_equal(f->r.status, EVAL_NOT_READY);
	answer(&f->in, "hbv", false, "", "2026-11-20");
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "hbv")->state, ITEM_NOT_MET);
	answer(&f->in, "hbv", true, "", "2026-11-20");
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "hbv")->state, ITEM_MET);
	assert_has(line(f, "hbv")->reason, "on antiviral therapy");
	answer(&f->in, "hbv", false, "", "2026-11-20");
	lab(&f->in, ANALYTE_HBV_DNA, 999, "2026-11-16");
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "hbv")->state, ITEM_MET);
	lab(&f->in, ANALYTE_HBV_DNA, 1000, "2026-11-16");
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "hbv")->state, ITEM_NOT_MET);
	/* An HBV DNA on record applies the rule whatever the etiology. */
	strcpy(f->in.patient.etiology, "K70.3");
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "hbv")->state, ITEM_NOT_MET);
	lab(&f->in, ANALYTE_HBV_DNA, 20, "2026-05-01"); /* beyond the 90-day window */
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "hbv")->state, ITEM_STALE);
}

static void exam_grade_limits(void **state)
{
	struct fx *f = *state;
	f->ascites = (struct finding_pick){true, 2, day("2026-11-20"), FSRC_VISIT};
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "ascites")->state, ITEM_MET);
	assert_has(line(f, "ascites")->data, "ascites ICA grade 2 (visit 2026-11-20, 3 days old)");
	f->ascites.value = 3;
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "ascites")->state, ITEM_NOT_MET);
	assert_has(line(f, "ascites")->reason, "ascites ICA grade 3; accepted at most 2");
	assert_int_equal(f->r.status, EVAL_EXCLUDED);
	f->ascites = (struct finding_pick){false, 0, DAY_NONE, FSRC_NONE};
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "ascites")->state, ITEM_MISSING);
	/* A West Haven grade examined after the answer decides the grade item. */
	f->ascites = (struct finding_pick){true, 0, day("2026-11-20"), FSRC_EXAM};
	f->he = (struct finding_pick){true, 2, day("2026-11-22"), FSRC_EXAM};
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "encephalopathy")->state, ITEM_NOT_MET);
	assert_has(line(f, "encephalopathy")->reason,
		   "encephalopathy West Haven grade 2; accepted at most 1");
	f->he.date = day("2026-11-19"); /* older than the answer (grade 1) */
	evaluate(f, "2026-11-23");
	assert_int_equal(line(f, "encephalopathy")->state, ITEM_MET);
}

static void new_kinds_parse_and_refuse(void **state)
{
	(void)state;
	struct protocol p;
	struct err e = {""};
	const char *head = "[protocol]\nname = t\nversion = 1\n[item.x]\nlabel = x\n";
	const struct {
		const char *body, *want;
	} bad[] = {
	    {"kind = age\n", "an age item needs min, max or both"},
	    {"kind = age\nmax = 130\n", "impossible age 130"},
	    {"kind = viral\n", "a viral item needs max"},
	    {"kind = viral\nmax = 1000\nor_antiviral = maybe\n", "'maybe' is not accepted"},
	    {"kind = exam\nfinding = ascites\nmax_grade = 4\n", "max_grade"},
	    {"kind = exam\nfinding = jaundice\nmax_grade = 1\n", "ascites or encephalopathy"},
	};
	char text[512];
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(text, sizeof text, "%s%s", head, bad[i].body);
		assert_int_equal(protocol_parse("t.ini", text, &p, &e), ST_INVALID);
		assert_has(e.msg, bad[i].want);
	}
	snprintf(text, sizeof text, "%s%s", head, "kind = viral\nmax = 1000\n");
	assert_int_equal(protocol_parse("t.ini", text, &p, &e), ST_OK);
	assert_false(p.items[0].or_antiviral);
	assert_false(pitem_answerable(&p.items[0]));
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
	    T(complete_record_is_ready),
	    T(lab_goes_stale_crossing_its_window),
	    T(missing_lab_holds),
	    T(lab_below_bound_excludes),
	    T(imaging_states),
	    T(doppler_thrombosis_excludes),
	    T(score_out_of_bounds_excludes),
	    T(child_pugh_needs_the_encephalopathy_answer),
	    T(weight_missing_and_stale),
	    T(questions),
	    T(grade_above_max_excludes),
	    T(consent_not_signed_holds_only),
	    T(optional_item_does_not_block),
	    T(answers_are_checked),
	    T(json_contract),
	    T(age_range_excludes),
	    T(afp_above_threshold_holds),
	    T(viral_replication),
	    T(exam_grade_limits),
	    T(new_kinds_parse_and_refuse),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
