/* test_exam.c: examination findings — their checks against the vitals
 * table — and the one choice of score inputs (score_basis.h): labs and
 * findings within the window, the newest finding whatever its source, the
 * dialysis rule, the ICA grade mapping to Child-Pugh points. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "config.h"
#include "exam.h"
#include "score_basis.h"

static day_t day(const char *s)
{
	day_t d = DAY_NONE;
	assert_true(date_parse(s, &d));
	return d;
}

static void assert_has(const char *hay, const char *needle)
{
	if (!strstr(hay, needle))
		fail_msg("'%s' not in '%s'", needle, hay);
}

static void test_validate_limits(void **state)
{
	struct exam x;
	struct err e = {""};
	day_t today = day("2026-03-02");
	exam_init(&x);
	x.date = today;
	assert_int_equal(exam_validate(&x, today, false, &e), ST_INVALID);
	assert_has(e.msg, "no finding given");
	x.ascites = 4;
	assert_int_equal(exam_validate(&x, today, false, &e), ST_INVALID);
	assert_has(e.msg, "ascites");
	x.ascites = 2;
	assert_int_equal(exam_validate(&x, today, false, &e), ST_OK);
	x.he = 5;
	assert_int_equal(exam_validate(&x, today, false, &e), ST_INVALID);
	x.he = 1;
	x.weight_kg = 300;
	assert_int_equal(exam_validate(&x, today, true, &e), ST_INVALID);
	assert_has(e.msg, "weight: 300 kg is outside 20-250 kg");
	x.weight_kg = 160;
	assert_int_equal(exam_validate(&x, today, false, &e), ST_CONFIRM);
	assert_int_equal(exam_validate(&x, today, true, &e), ST_OK);
	x.weight_kg = 70;
	x.dry_weight_kg = 65;
	assert_int_equal(exam_validate(&x, today, false, &e), ST_INVALID);
	assert_has(e.msg, "accepted only with ascites ICA grade 3");
	x.ascites = 3;
	assert_int_equal(exam_validate(&x, today, false, &e), ST_OK);
	x.dry_weight_kg = 72;
	assert_int_equal(exam_validate(&x, today, false, &e), ST_INVALID);
	assert_has(e.msg, "above the weight 70 kg");
	x.dry_weight_kg = NAN;
	x.date = today + 1;
	assert_int_equal(exam_validate(&x, today, false, &e), ST_INVALID);
	assert_has(e.msg, "examination date");
	int d = -1;
	assert_int_equal(exam_parse_dialysis("yes", &d, &e), ST_OK);
	assert_int_equal(d, 1);
	assert_int_equal(exam_parse_dialysis("no", &d, &e), ST_OK);
	assert_int_equal(d, 0);
	assert_int_equal(exam_parse_dialysis("1", &d, &e), ST_INVALID);
}

static void test_newest_finding(void **state)
{
	struct finding_pick best = {false, 0, DAY_NONE, FSRC_NONE};
	struct finding_pick img = {true, 0, day("2026-02-20"), FSRC_IMAGING};
	struct finding_pick visit = {true, 2, day("2026-02-25"), FSRC_VISIT};
	struct finding_pick exam = {true, 1, day("2026-02-25"), FSRC_EXAM};
	struct finding_pick old = {true, 3, day("2026-01-01"), FSRC_EXAM};
	finding_pick_newer(&best, &img);
	finding_pick_newer(&best, &visit);
	finding_pick_newer(&best, &old);
	assert_int_equal(best.value, 2);
	finding_pick_newer(&best, &exam); /* same day: the examination wins */
	assert_int_equal(best.value, 1);
	assert_string_equal(finding_source_str(best.source), "examination");
}

/* The dialysed patient of issue 11: bilirubin 4.0, INR 1.7, creatinine 1.5,
 * Na 130, albumin 2.6 (male) — MELD 21 / 25 / 26 without, 31 / 33 / 33 with. */
static void test_basis_dialysis(void **state)
{
	struct config cfg;
	struct patient p = {.sex = 'M'};
	struct lab_latest labs = {0};
	struct exam_findings f = {0};
	struct score_basis *b = malloc(sizeof *b);
	config_defaults(&cfg);
	p.dob = day("1960-01-01");
	const struct {
		enum analyte_id a;
		double v;
	} v[] = {{ANALYTE_BILIRUBIN, 4.0},
		 {ANALYTE_INR, 1.7},
		 {ANALYTE_CREATININE, 1.5},
		 {ANALYTE_SODIUM, 130},
		 {ANALYTE_ALBUMIN, 2.6}};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		labs.have[v[i].a] = true;
		labs.r[v[i].a].canonical = v[i].v;
		labs.r[v[i].a].date = day("2026-02-28");
	}
	score_basis_build(&p, &labs, &f, day("2026-03-02"), &cfg, b);
	assert_int_equal(b->scores.meld.value, 21);
	assert_int_equal(b->scores.meld_na.value, 25);
	assert_int_equal(b->scores.meld3.value, 26);
	f.dialysis = (struct finding_pick){true, 1, day("2026-03-01"), FSRC_EXAM};
	score_basis_build(&p, &labs, &f, day("2026-03-02"), &cfg, b);
	assert_true(b->in.dialysis);
	assert_int_equal(b->scores.meld.value, 31);
	assert_int_equal(b->scores.meld_na.value, 33);
	assert_int_equal(b->scores.meld3.value, 33);
	char t[160];
	score_basis_finding_text(b, "dialysis", t, sizeof t);
	assert_string_equal(t, "dialysis yes (examination 2026-03-01, 1 day old)");
	/* A finding dated after the day did not exist on it. */
	score_basis_build(&p, &labs, &f, day("2026-02-28"), &cfg, b);
	assert_false(b->in.dialysis);
	assert_int_equal(b->scores.meld.value, 21);
	/* Past the window neither labs nor findings are used, and both say so. */
	score_basis_build(&p, &labs, &f, day("2026-04-15"), &cfg, b);
	assert_false(b->scores.meld.computable);
	assert_true(b->lab_too_old[ANALYTE_BILIRUBIN]);
	assert_false(b->in.dialysis);
	score_basis_finding_text(b, "dialysis", t, sizeof t);
	assert_string_equal(t, "dialysis: last on 2026-03-01, older than 30 days, not used");
	free(b);
}

/* Child-Pugh takes the graded ascites and the encephalopathy grade; ICA 2
 * counts 2 points or 3 as the clinic chose. */
static void test_basis_child_pugh(void **state)
{
	struct config cfg;
	struct patient p = {.sex = 'F'};
	struct lab_latest labs = {0};
	struct exam_findings f = {0};
	struct score_basis *b = malloc(sizeof *b);
	config_defaults(&cfg);
	p.dob = day("1960-01-01");
	labs.have[ANALYTE_BILIRUBIN] = labs.have[ANALYTE_INR] = labs.have[ANALYTE_ALBUMIN] = true;
	labs.r[ANALYTE_BILIRUBIN] =
	    (struct lab_result){.canonical = 2.3, .date = day("2026-02-27")};
	labs.r[ANALYTE_INR] = (struct lab_result){.canonical = 1.6, .date = day("2026-02-27")};
	labs.r[ANALYTE_ALBUMIN] = (struct lab_result){.canonical = 2.9, .date = day("2026-02-27")};
	score_basis_build(&p, &labs, &f, day("2026-03-02"), &cfg, b);
	assert_false(b->scores.child_pugh.computable);
	f.ascites = (struct finding_pick){true, 2, day("2026-03-01"), FSRC_VISIT};
	f.he = (struct finding_pick){true, 1, day("2026-03-01"), FSRC_ANSWER};
	score_basis_build(&p, &labs, &f, day("2026-03-02"), &cfg, b);
	/* bilirubin 2 + albumin 2 + INR 1 + ascites 2 + HE 2 */
	assert_int_equal(b->scores.child_pugh.value, 9);
	cfg.ascites_ica2_points = 3;
	score_basis_build(&p, &labs, &f, day("2026-03-02"), &cfg, b);
	assert_int_equal(b->scores.child_pugh.value, 10);
	assert_int_equal(score_basis_ascites(0, 2), ASCITES_NONE);
	assert_int_equal(score_basis_ascites(1, 2), ASCITES_SLIGHT);
	assert_int_equal(score_basis_ascites(3, 2), ASCITES_MODERATE);
	assert_int_equal(score_basis_ascites(-1, 2), ASCITES_UNKNOWN);
	char t[160];
	score_basis_finding_text(b, "encephalopathy", t, sizeof t);
	assert_string_equal(t,
			    "encephalopathy West Haven 1 (checklist answer 2026-03-01, 1 day old)");
	free(b);
}

/* Ascites seen on imaging but not graded (found when tried): a newer
 * ultrasound that saw ascites must not leave an older "none" in Child-Pugh.
 * The finding is kept as seen-not-graded; Child-Pugh needs a grade and
 * says so; once older than the window it is simply not used. */
static void test_basis_ascites_ungraded(void **state)
{
	struct config cfg;
	struct patient p = {.sex = 'F'};
	struct lab_latest labs = {0};
	struct exam_findings f = {0};
	struct score_basis *b = malloc(sizeof *b);
	char t[160];
	config_defaults(&cfg);
	p.dob = day("1960-01-01");
	labs.have[ANALYTE_BILIRUBIN] = labs.have[ANALYTE_INR] = labs.have[ANALYTE_ALBUMIN] = true;
	labs.r[ANALYTE_BILIRUBIN] =
	    (struct lab_result){.canonical = 2.3, .date = day("2026-02-27")};
	labs.r[ANALYTE_INR] = (struct lab_result){.canonical = 1.6, .date = day("2026-02-27")};
	labs.r[ANALYTE_ALBUMIN] = (struct lab_result){.canonical = 2.9, .date = day("2026-02-27")};
	f.he = (struct finding_pick){true, 0, day("2026-03-01"), FSRC_ANSWER};
	f.ascites = (struct finding_pick){false, -1, day("2026-02-25"), FSRC_IMAGING, true};
	score_basis_build(&p, &labs, &f, day("2026-03-02"), &cfg, b);
	assert_false(b->findings.ascites.have);
	assert_true(b->findings.ascites.ungraded);
	assert_false(b->scores.child_pugh.computable);
	assert_string_equal(b->scores.child_pugh.why_not, "needs ascites");
	score_basis_finding_text(b, "ascites", t, sizeof t);
	assert_string_equal(t, "ascites seen on imaging 2026-02-25 (5 days old) but not graded: "
			       "record the grade");
	/* Beyond the window (30 days) it is not used at all. */
	score_basis_build(&p, &labs, &f, day("2026-03-30"), &cfg, b);
	assert_false(b->findings.ascites.ungraded);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_validate_limits),	   cmocka_unit_test(test_newest_finding),
	    cmocka_unit_test(test_basis_dialysis),	   cmocka_unit_test(test_basis_child_pugh),
	    cmocka_unit_test(test_basis_ascites_ungraded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
