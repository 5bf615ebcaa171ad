/* test_dashboard.c: unit tests for the patient dashboard's logic without
 * SQLite — baseline selection at the signed evaluation, latest at today,
 * change and direction for every measure, scores recomputed per lab date
 * with stale inputs left out, trend lines. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "dashboard.h"
#include "imaging.h"

static day_t day(const char *s)
{
	day_t d = DAY_NONE;
	assert_true(date_parse(s, &d));
	return d;
}

static void test_at_or_before(void **state)
{
	struct dash_point p[] = {{100, 1}, {110, 2}, {110, 3}, {120, 4}};
	assert_int_equal(dash_at_or_before(p, 4, 99), -1);
	assert_int_equal(dash_at_or_before(p, 4, 100), 0);
	assert_int_equal(dash_at_or_before(p, 4, 109), 0);
	assert_int_equal(dash_at_or_before(p, 4, 110), 2); /* the later entry of a day */
	assert_int_equal(dash_at_or_before(p, 4, 500), 3);
	assert_int_equal(dash_at_or_before(p, 0, 500), -1);
}

/* Baseline = the latest value on or before as_of; a value entered after
 * the evaluation is never the baseline; latest = the newest up to today. */
static void test_baseline_selection(void **state)
{
	struct dash_point alt[] = {{day("2026-01-02"), 90},
				   {day("2026-01-10"), 80},
				   {day("2026-01-11"), 75},
				   {day("2026-06-01"), 40},
				   {day("2026-12-01"), 30}};
	struct dash_row r;
	dash_row_build(DASH_ALT, alt, 5, day("2026-01-10"), 0, day("2026-07-01"), &r);
	assert_true(r.have_baseline);
	assert_int_equal(r.baseline.date, day("2026-01-10"));
	assert_true(r.baseline.value == 80);
	assert_true(r.have_latest);
	assert_int_equal(r.latest.date, day("2026-06-01")); /* 2026-12-01 is after today */
	assert_true(r.change == -40);
	assert_true(fabs(r.change_pct - -50.0) < 1e-9);
	assert_int_equal(r.dir, DIR_IMPROVED);
	assert_int_equal(r.ntrend, 4);
	assert_true(r.trend[3] == 40);
	/* Before the first value there is no baseline; no evaluation, none. */
	dash_row_build(DASH_ALT, alt, 5, day("2026-01-01"), 0, day("2026-07-01"), &r);
	assert_false(r.have_baseline);
	assert_int_equal(r.dir, DIR_NONE);
	assert_true(isnan(r.change) && isnan(r.change_pct));
	dash_row_build(DASH_ALT, alt, 5, DAY_NONE, 0, day("2026-07-01"), &r);
	assert_false(r.have_baseline);
	assert_true(r.have_latest);
	assert_null(dash_direction_str(r.dir));
}

/* The baseline is what the signed evaluation saw: a value of the same day
 * (or earlier) entered after the signature is follow-up, not baseline. */
static void test_baseline_entered_by_signature(void **state)
{
	int64_t signed_at = 1000;
	struct dash_point alb[] = {{day("2026-01-02"), 2.9, 500},
				   {day("2026-01-05"), 3.0, 900},
				   {day("2026-01-05"), 3.3, 1500}, /* the same day, after signing */
				   {day("2026-01-04"), 2.0, 2000}};
	alb[3].date = day("2026-01-05"); /* a late entry for the same day */
	struct dash_row r;
	assert_int_equal(dash_baseline_index(alb, 4, day("2026-01-05"), signed_at), 1);
	dash_row_build(DASH_ALBUMIN, alb, 4, day("2026-01-05"), signed_at, day("2026-01-05"), &r);
	assert_true(r.baseline.value == 3.0);
	assert_true(r.latest.value == 2.0); /* the newest entry of the newest day */
	assert_int_equal(dash_baseline_index(alb, 4, day("2026-01-05"), 0), 3);
	assert_int_equal(dash_baseline_index(alb, 4, day("2026-01-05"), 100), -1);
	assert_int_equal(dash_baseline_index(alb, 4, DAY_NONE, 0), -1);
}

static void test_directions(void **state)
{
	double c, p;
	enum dash_direction d;
	/* Higher is better for albumin, PTA and platelets. */
	dash_compare(DASH_ALBUMIN, 2.8, 3.4, &c, &p, &d);
	assert_int_equal(d, DIR_IMPROVED);
	assert_true(fabs(c - 0.6) < 1e-9);
	assert_true(fabs(p - 0.6 / 2.8 * 100) < 1e-9);
	dash_compare(DASH_ALBUMIN, 3.4, 2.8, &c, &p, &d);
	assert_int_equal(d, DIR_WORSE);
	dash_compare(DASH_PTA, 50, 65, &c, &p, &d);
	assert_int_equal(d, DIR_IMPROVED);
	dash_compare(DASH_PLATELETS, 90, 80, &c, &p, &d);
	assert_int_equal(d, DIR_WORSE);
	/* Lower is better for everything else. */
	static const enum dash_measure lower[] = {DASH_ALT,	   DASH_AST,	  DASH_BILIRUBIN,
						  DASH_INR,	   DASH_PT,	  DASH_CREATININE,
						  DASH_MELD,	   DASH_MELD_NA,  DASH_MELD3,
						  DASH_CHILD_PUGH, DASH_STIFFNESS};
	for (size_t i = 0; i < sizeof lower / sizeof lower[0]; i++) {
		dash_compare(lower[i], 10, 8, &c, &p, &d);
		assert_int_equal(d, DIR_IMPROVED);
		dash_compare(lower[i], 8, 10, &c, &p, &d);
		assert_int_equal(d, DIR_WORSE);
		assert_int_equal(dash_measure(lower[i])->better, -1);
	}
	/* ALBI is negative; more negative is better. */
	dash_compare(DASH_ALBI, -1.9, -2.4, &c, &p, &d);
	assert_int_equal(d, DIR_IMPROVED);
	assert_true(fabs(p - (-0.5 / 1.9 * 100)) < 1e-9);
	dash_compare(DASH_ALBI, -2.4, -1.9, &c, &p, &d);
	assert_int_equal(d, DIR_WORSE);
}

static void test_unchanged_and_missing(void **state)
{
	double c, p;
	enum dash_direction d;
	/* A change that rounds to 0 at the shown decimals is unchanged. */
	dash_compare(DASH_INR, 1.50, 1.504, &c, &p, &d);
	assert_int_equal(d, DIR_UNCHANGED);
	dash_compare(DASH_INR, 1.50, 1.51, &c, &p, &d);
	assert_int_equal(d, DIR_WORSE);
	dash_compare(DASH_ALT, 40, 40.4, &c, &p, &d);
	assert_int_equal(d, DIR_UNCHANGED);
	dash_compare(DASH_MELD, 14, 14, &c, &p, &d);
	assert_int_equal(d, DIR_UNCHANGED);
	assert_string_equal(dash_direction_str(d), "unchanged");
	/* A zero baseline has a change but no per cent. */
	dash_compare(DASH_ALT, 0, 5, &c, &p, &d);
	assert_true(c == 5 && isnan(p));
	assert_int_equal(d, DIR_WORSE);
	dash_compare(DASH_ALT, NAN, 5, &c, &p, &d);
	assert_int_equal(d, DIR_NONE);
	assert_true(isnan(c));
}

static void test_measure_table(void **state)
{
	static const char *const keys[] = {"albumin",	"alt",	       "ast",
					   "bilirubin", "inr",	       "pt",
					   "pta",	"creatinine",  "sodium",
					   "platelets", "meld",	       "meld_na",
					   "meld3",	"child_pugh",  "albi",
					   "stiffness", "ascites_ica", "encephalopathy_west_haven",
					   "dialysis",	"weight"};
	assert_int_equal(DASH_COUNT, 20);
	for (int m = 0; m < DASH_COUNT; m++)
		assert_string_equal(dash_measure((enum dash_measure)m)->key, keys[m]);
	assert_null(dash_measure(DASH_COUNT));
	assert_int_equal(dash_child_pugh_class(6), 'A');
	assert_int_equal(dash_child_pugh_class(7), 'B');
	assert_int_equal(dash_child_pugh_class(9), 'B');
	assert_int_equal(dash_child_pugh_class(10), 'C');
	assert_int_equal(dash_child_pugh_class(4), 0);
}

static void test_sparkline(void **state)
{
	char buf[256];
	double v[] = {1, 2, 3, 4, 5, 6, 7, 8};
	assert_int_equal(dash_sparkline(v, 8, 80, true, buf, sizeof buf), 8);
	assert_string_equal(buf, "_.-:=+*#");
	assert_int_equal(dash_sparkline(v, 8, 80, false, buf, sizeof buf), 8);
	assert_string_equal(buf, "▁▂▃▄▅▆▇█");
	/* A longer series is squeezed: each cell the mean of its share. */
	assert_int_equal(dash_sparkline(v, 8, 2, true, buf, sizeof buf), 2);
	assert_string_equal(buf, "_#"); /* means 2.5 and 6.5 */
	double rise_fall[] = {1, 1, 5, 5, 9, 9, 5, 5, 1, 1};
	assert_int_equal(dash_sparkline(rise_fall, 10, 5, true, buf, sizeof buf), 5);
	assert_string_equal(buf, "_=#=_"); /* 5 is level 3.5, rounded up */
	/* A buffer too small keeps whole cells only. */
	char small[8];
	assert_int_equal(dash_sparkline(v, 8, 80, false, small, sizeof small), 2);
	assert_string_equal(small, "▁▂");
	double flat[] = {3, 3, 3};
	dash_sparkline(flat, 3, 80, true, buf, sizeof buf);
	assert_string_equal(buf, ":::");
}

static int meld_of(double bili, double inr, double creat)
{
	struct score_input in;
	struct score_result r;
	score_input_init(&in);
	in.bilirubin = bili;
	in.inr = inr;
	in.creatinine = creat;
	assert_int_equal(score_compute(&in, &r, NULL), ST_OK);
	assert_true(r.meld.computable);
	return r.meld.value;
}

/* Scores are recomputed at each lab date from the newest inputs no older
 * than the freshness window; the baseline is the score at the evaluation. */
static void test_score_series(void **state)
{
	struct config cfg;
	config_defaults(&cfg);
	cfg.lab_window_days = 30;
	struct patient p = {0};
	p.dob = day("1960-01-01");
	p.sex = 'M';
	day_t d0 = day("2026-01-05"), d1 = day("2026-03-01"), d2 = day("2026-05-01");
	struct dash_point bili[] = {{d0, 4.0}, {d1, 2.5}, {d2, 1.8}};
	struct dash_point inr[] = {{d0, 1.9}, {d1, 1.6}, {d2, 1.4}};
	struct dash_point creat[] = {{d0, 1.3}, {d1, 1.1}}; /* none fresh at d2 */
	struct dash_point asc[] = {{d0, 2}, {d1, 1}};
	struct dash_point he[] = {{d0, 1}, {d1, 0}};
	struct dash_point alb[] = {{d0, 2.6}, {d1, 3.0}, {d2, 3.3}};
	struct dash_input in = {.p = &p,
				.cfg = &cfg,
				.as_of = day("2026-01-10"),
				.first_infusion = DAY_NONE,
				.today = d2};
	in.lab[ANALYTE_BILIRUBIN] = bili;
	in.nlab[ANALYTE_BILIRUBIN] = 3;
	in.lab[ANALYTE_INR] = inr;
	in.nlab[ANALYTE_INR] = 3;
	in.lab[ANALYTE_CREATININE] = creat;
	in.nlab[ANALYTE_CREATININE] = 2;
	in.lab[ANALYTE_ALBUMIN] = alb;
	in.nlab[ANALYTE_ALBUMIN] = 3;
	in.ascites = asc;
	in.nascites = 2;
	in.he = he;
	in.nhe = 2;
	struct dash_point scratch[DASH_SERIES_MAX];
	struct dash_row rows[DASH_COUNT];
	dash_build(&in, scratch, rows);
	const struct dash_row *m = &rows[DASH_MELD];
	assert_true(m->have_baseline && m->have_latest);
	assert_int_equal(m->baseline.date, d0);
	assert_true(m->baseline.value == meld_of(4.0, 1.9, 1.3));
	assert_int_equal(m->latest.date, d1); /* creatinine is stale on d2 */
	assert_true(m->latest.value == meld_of(2.5, 1.6, 1.1));
	assert_int_equal(m->dir, DIR_IMPROVED);
	/* Child-Pugh from bilirubin, albumin, INR, ICA ascites and West Haven. */
	const struct dash_row *cp = &rows[DASH_CHILD_PUGH];
	assert_true(cp->have_baseline);
	/* bili 4.0 (3) + alb 2.6 (3) + INR 1.9 (2) + ICA 2 -> slight (2) + HE 1 (2) */
	assert_true(cp->baseline.value == 12);
	/* d2: ascites and HE from d1 are 61 days old: not computable on d2. */
	assert_int_equal(cp->latest.date, d1);
	/* bili 2.5 (2) + alb 3.0 (2) + INR 1.6 (1) + ICA 1 (2) + HE 0 (1) */
	assert_true(cp->latest.value == 8);
	assert_int_equal(dash_child_pugh_class((int)cp->latest.value), 'B');
	/* With ICA grade 2 configured as moderate, the baseline gains a point. */
	cfg.ascites_ica2_points = 3;
	dash_build(&in, scratch, rows);
	assert_true(rows[DASH_CHILD_PUGH].baseline.value == 13);
	/* ALBI is kept unrounded; lab rows pass through. */
	assert_true(rows[DASH_ALBI].have_latest);
	assert_true(rows[DASH_ALBI].latest.value < -1.0);
	assert_true(rows[DASH_ALBUMIN].latest.value == 3.3);
	assert_int_equal(rows[DASH_ALBUMIN].dir, DIR_IMPROVED);
	assert_false(rows[DASH_STIFFNESS].have_latest);
}

/* Stiffness reliability (REFERENCE 14.4) and what the dashboard does with it. */
static void test_stiffness_unreliable(void **state)
{
	(void)state;
	assert_true(stiffness_unreliable(18.5, 7.5));  /* 41 % */
	assert_false(stiffness_unreliable(20.0, 6.0)); /* 30 % exactly */
	assert_false(stiffness_unreliable(6.0, 2.4));  /* 40 % but below 7.1 kPa */
	assert_true(stiffness_unreliable(7.1, 2.2));   /* 31 % at 7.1 kPa */
	assert_false(stiffness_unreliable(18.5, NAN)); /* no IQR */
	struct err e = {""};
	assert_int_equal(imaging_check_reliability(18.5, 7.5, false, &e), ST_CONFIRM);
	assert_non_null(strstr(e.msg, "IQR/median 41 %"));
	assert_int_equal(imaging_check_reliability(18.5, 7.5, true, &e), ST_OK);
	struct dash_point pts[] = {
	    {day("2026-01-01"), 14.0, 0, false, false},
	    {day("2026-03-01"), 18.5, 0, true, true},
	};
	struct dash_row r;
	dash_row_build(DASH_STIFFNESS, pts, 2, day("2026-01-10"), 0, day("2026-03-02"), &r);
	assert_true(r.latest.unreliable);
	assert_int_equal(r.dir, DIR_NONE); /* not "worse" */
	pts[1].unreliable = false;
	dash_row_build(DASH_STIFFNESS, pts, 2, day("2026-01-10"), 0, day("2026-03-02"), &r);
	assert_int_equal(r.dir, DIR_WORSE);
}

/* Issue 11 item 9: the baseline is the last value on or before the first
 * infusion once there is one (whenever it was entered, but not a follow-up
 * visit's); before any infusion, what the signed evaluation saw. */
static void test_baseline_rule(void **state)
{
	struct dash_baseline b;
	day_t ev = day("2026-01-10"), inf = day("2026-02-01");
	dash_baseline_rule(ev, 1000, inf, &b);
	assert_int_equal(b.from, DBASE_FIRST_INFUSION);
	assert_int_equal(b.day, inf);
	assert_true(b.seen_by == 0);
	assert_string_equal(dash_baseline_from_str(b.from), "first_infusion");
	dash_baseline_rule(ev, 1000, DAY_NONE, &b);
	assert_int_equal(b.from, DBASE_EVALUATION);
	assert_int_equal(b.day, ev);
	assert_true(b.seen_by == 1000);
	assert_string_equal(dash_baseline_from_str(b.from), "evaluation");
	/* An infusion without a signed evaluation still has its baseline. */
	dash_baseline_rule(DAY_NONE, 0, inf, &b);
	assert_int_equal(b.from, DBASE_FIRST_INFUSION);
	dash_baseline_rule(DAY_NONE, 0, DAY_NONE, &b);
	assert_int_equal(b.from, DBASE_NONE);
	assert_int_equal(b.day, DAY_NONE);
	assert_null(dash_baseline_from_str(b.from));
}

/* The same albumin series read with and without an infusion: the value
 * drawn after sign-off but before the infusion becomes the baseline once
 * the infusion is given; the infusion day's own value counts; a visit value
 * and anything later does not. Scores follow the same day. */
static void test_baseline_first_infusion(void **state)
{
	struct config cfg;
	config_defaults(&cfg);
	struct patient p = {0};
	p.dob = day("1960-01-01");
	p.sex = 'M';
	day_t ev = day("2026-01-10"), inf = day("2026-02-01");
	struct dash_point alb[] = {{day("2026-01-09"), 2.6, 100, false},
				   {day("2026-01-25"), 2.8, 5000, false}, /* after sign-off */
				   {inf, 2.9, 6000, false},		  /* infusion day */
				   {day("2026-03-01"), 3.4, 9000, true}};
	struct dash_point bili[] = {{day("2026-01-09"), 4.0, 100, false},
				    {inf, 3.0, 6000, false},
				    {day("2026-03-01"), 2.0, 9000, true}};
	struct dash_point inr[] = {{day("2026-01-09"), 1.7, 100, false},
				   {inf, 1.7, 6000, false},
				   {day("2026-03-01"), 1.5, 9000, true}};
	struct dash_point creat[] = {{day("2026-01-09"), 1.0, 100, false},
				     {inf, 1.0, 6000, false},
				     {day("2026-03-01"), 1.0, 9000, true}};
	struct dash_input in = {.p = &p,
				.cfg = &cfg,
				.as_of = ev,
				.signed_at = 1000,
				.first_infusion = inf,
				.today = day("2026-03-02")};
	in.lab[ANALYTE_ALBUMIN] = alb;
	in.nlab[ANALYTE_ALBUMIN] = 4;
	in.lab[ANALYTE_BILIRUBIN] = bili;
	in.nlab[ANALYTE_BILIRUBIN] = 3;
	in.lab[ANALYTE_INR] = inr;
	in.nlab[ANALYTE_INR] = 3;
	in.lab[ANALYTE_CREATININE] = creat;
	in.nlab[ANALYTE_CREATININE] = 3;
	struct dash_point scratch[DASH_SERIES_MAX];
	struct dash_row rows[DASH_COUNT];
	dash_build(&in, scratch, rows);
	assert_true(rows[DASH_ALBUMIN].have_baseline);
	assert_int_equal(rows[DASH_ALBUMIN].baseline.date, inf);
	assert_true(rows[DASH_ALBUMIN].baseline.value == 2.9);
	assert_true(rows[DASH_ALBUMIN].latest.value == 3.4);
	/* MELD at the infusion day: bilirubin 3.0, INR 1.7, creatinine 1.0. */
	assert_int_equal(rows[DASH_MELD].baseline.date, inf);
	assert_true(rows[DASH_MELD].baseline.value == meld_of(3.0, 1.7, 1.0));
	/* No infusion yet: the evaluation's day and what it saw by signing. */
	in.first_infusion = DAY_NONE;
	dash_build(&in, scratch, rows);
	assert_int_equal(rows[DASH_ALBUMIN].baseline.date, day("2026-01-09"));
	assert_true(rows[DASH_ALBUMIN].baseline.value == 2.6);
	assert_true(rows[DASH_MELD].baseline.value == meld_of(4.0, 1.7, 1.0));
	/* An infusion day before any value: no baseline. */
	in.first_infusion = day("2026-01-01");
	dash_build(&in, scratch, rows);
	assert_false(rows[DASH_ALBUMIN].have_baseline);
	assert_int_equal(rows[DASH_ALBUMIN].dir, DIR_NONE);
}

/* Sodium and the examination findings are trended: sodium higher is
 * better, ascites, HE and dialysis lower; weight has no better way. */
static void test_findings_trended(void **state)
{
	struct config cfg;
	config_defaults(&cfg);
	struct patient p = {0};
	p.dob = day("1960-01-01");
	p.sex = 'F';
	day_t d0 = day("2026-01-05"), d1 = day("2026-02-20");
	struct dash_point na[] = {{d0, 128}, {d1, 134, 0, true}};
	struct dash_point asc[] = {{d0, 2}, {d1, 1, 0, true}};
	struct dash_point he[] = {{d0, 1}, {d1, 1, 0, true}};
	struct dash_point dia[] = {{d0, 1}, {d1, 0}};
	struct dash_point wt[] = {{d0, 72.0}, {d1, 68.5, 0, true}};
	struct dash_input in = {
	    .p = &p, .cfg = &cfg, .as_of = d0, .first_infusion = DAY_NONE, .today = d1};
	in.lab[ANALYTE_SODIUM] = na;
	in.nlab[ANALYTE_SODIUM] = 2;
	in.ascites = asc;
	in.nascites = 2;
	in.he = he;
	in.nhe = 2;
	in.dialysis = dia;
	in.ndialysis = 2;
	in.weight = wt;
	in.nweight = 2;
	struct dash_point scratch[DASH_SERIES_MAX];
	struct dash_row rows[DASH_COUNT];
	dash_build(&in, scratch, rows);
	assert_true(rows[DASH_SODIUM].baseline.value == 128);
	assert_true(rows[DASH_SODIUM].latest.value == 134);
	assert_int_equal(rows[DASH_SODIUM].dir, DIR_IMPROVED);
	assert_string_equal(dash_measure(DASH_SODIUM)->unit, "mmol/L");
	assert_true(rows[DASH_ASCITES].baseline.value == 2 && rows[DASH_ASCITES].latest.value == 1);
	assert_int_equal(rows[DASH_ASCITES].dir, DIR_IMPROVED);
	assert_int_equal(rows[DASH_HE].dir, DIR_UNCHANGED);
	assert_true(rows[DASH_DIALYSIS].baseline.value == 1 &&
		    rows[DASH_DIALYSIS].latest.value == 0);
	assert_int_equal(rows[DASH_DIALYSIS].dir, DIR_IMPROVED);
	assert_int_equal(rows[DASH_DIALYSIS].ntrend, 2);
	assert_true(fabs(rows[DASH_WEIGHT].change - -3.5) < 1e-9);
	assert_int_equal(rows[DASH_WEIGHT].dir, DIR_NONE); /* neither better nor worse */
	assert_null(dash_direction_str(rows[DASH_WEIGHT].dir));
	double c, pc;
	enum dash_direction d;
	dash_compare(DASH_WEIGHT, 70.0, 70.04, &c, &pc, &d);
	assert_int_equal(d, DIR_UNCHANGED);
	/* A worse ascites grade is worse. */
	dash_compare(DASH_ASCITES, 1, 3, &c, &pc, &d);
	assert_int_equal(d, DIR_WORSE);
}

/* An imaging note that saw ascites without a grade (-1 in the series) is no
 * value to trend, and a score after it takes no older grade. */
static void test_ascites_ungraded_series(void **state)
{
	struct config cfg;
	config_defaults(&cfg);
	struct patient p = {0};
	p.dob = day("1960-01-01");
	p.sex = 'F';
	day_t d0 = day("2026-02-01"), d1 = day("2026-02-20"), d2 = day("2026-02-25");
	struct dash_point bili[] = {{d1, 2.3}}, inr[] = {{d1, 1.6}}, alb[] = {{d1, 2.9}};
	struct dash_point asc[] = {{d0, 0}, {d2, -1}};
	struct dash_point he[] = {{d0, 0}};
	struct dash_input in = {.p = &p,
				.cfg = &cfg,
				.as_of = DAY_NONE,
				.first_infusion = DAY_NONE,
				.today = day("2026-03-01")};
	in.lab[ANALYTE_BILIRUBIN] = bili;
	in.nlab[ANALYTE_BILIRUBIN] = 1;
	in.lab[ANALYTE_INR] = inr;
	in.nlab[ANALYTE_INR] = 1;
	in.lab[ANALYTE_ALBUMIN] = alb;
	in.nlab[ANALYTE_ALBUMIN] = 1;
	in.ascites = asc;
	in.nascites = 2;
	in.he = he;
	in.nhe = 1;
	struct dash_point scratch[DASH_SERIES_MAX], pt;
	struct dash_row rows[DASH_COUNT];
	dash_build(&in, scratch, rows);
	assert_int_equal(rows[DASH_ASCITES].ntrend, 1);
	assert_true(rows[DASH_ASCITES].latest.value == 0);
	/* Child-Pugh on d1 (ascites none from d0): bili 2, alb 2, INR 1,
	 * ascites 1, HE 1 = 7; on d2 the ascites seen leaves it not computable. */
	assert_true(dash_score_on(&in, DASH_CHILD_PUGH, d1, false, &pt));
	assert_true(pt.value == 7);
	assert_false(dash_score_on(&in, DASH_CHILD_PUGH, d2, false, &pt));
}

/* A done visit outside its window is early or late on the calendar; an
 * infusion, an open or a missed item has no timing. */
static void test_cal_timing(void **state)
{
	struct schedule_item it = {0};
	it.kind = SCHED_VISIT;
	it.due = day("2026-03-01");
	it.window_before = 3;
	it.window_after = 7;
	assert_int_equal(dash_cal_timing(&it, VMARK_DONE, day("2026-02-25")), VT_EARLY);
	assert_int_equal(dash_cal_timing(&it, VMARK_DONE, day("2026-02-26")), VT_IN_WINDOW);
	assert_int_equal(dash_cal_timing(&it, VMARK_DONE, day("2026-03-08")), VT_IN_WINDOW);
	assert_int_equal(dash_cal_timing(&it, VMARK_DONE, day("2026-03-09")), VT_LATE);
	assert_int_equal(dash_cal_timing(&it, VMARK_MISSED, day("2026-03-09")), VT_NONE);
	assert_int_equal(dash_cal_timing(&it, VMARK_DONE, DAY_NONE), VT_NONE);
	it.kind = SCHED_INFUSION;
	assert_int_equal(dash_cal_timing(&it, VMARK_DONE, day("2026-03-09")), VT_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_at_or_before),
	    cmocka_unit_test(test_baseline_selection),
	    cmocka_unit_test(test_directions),
	    cmocka_unit_test(test_unchanged_and_missing),
	    cmocka_unit_test(test_measure_table),
	    cmocka_unit_test(test_sparkline),
	    cmocka_unit_test(test_score_series),
	    cmocka_unit_test(test_baseline_rule),
	    cmocka_unit_test(test_baseline_first_infusion),
	    cmocka_unit_test(test_findings_trended),
	    cmocka_unit_test(test_cal_timing),
	    cmocka_unit_test(test_ascites_ungraded_series),
	    cmocka_unit_test(test_baseline_entered_by_signature),
	    cmocka_unit_test(test_stiffness_unreliable),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
