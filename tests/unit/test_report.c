/* test_report.c: the report model without storage — the filters' messages,
 * each patient's value or reason for a missing one at a week, the safety
 * counting (treatment-emergent only, worst grade, discontinuation derived
 * from the infusions), survival subjects from the event history, and the
 * curve drawn in ASCII, the paired biopsies. Patients built by hand; every
 * expected number is worked out in the comments. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "config.h"
#include "report.h"

static void filters(void **state)
{
	struct report_filter f;
	struct err e = {""};
	report_filter_init(&f);
	assert_int_equal(report_filter_set(&f, "--route", "oral", 1000, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "--route: 'oral' is not a route; accepted: iv"));
	assert_int_equal(report_filter_set(&f, "--product", "cells", 1000, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "--product: 'cells'"));
	assert_int_equal(report_filter_set(&f, "--etiology", "X99", 1000, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "K70.3"));
	assert_int_equal(report_filter_set(&f, "--from", "2026-13-01", 1000, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "--from: '2026-13-01' is not a date"));
	assert_int_equal(report_filter_set(&f, "--to", "2026-01-01", 1000, &e), ST_OK);
	assert_int_equal(report_filter_set(&f, "--from", "2026-02-01", 1000, &e), ST_INVALID);
	assert_int_equal(report_filter_set(&f, "--route", "intrahepatic", 1000, &e), ST_OK);
	assert_true(f.by_route);
	assert_int_equal(f.route, ROUTE_INTRAHEPATIC);
}

/* Two patients, first infusion on day 100, today day 110.
 * P1: albumin 2.9 on day 97 (baseline), 3.4 on day 107 (W1 done that day);
 * W2 (due 114) recorded missed. Fever grade 2, possible, infusion stopped,
 * on day 101 (no infusion after: discontinued); Nausea on day 95, before
 * treatment (not counted). Alive, last seen day 114: censored at 14.
 * P2: W1 (due 107, window to 110) still open, but died on day 103 (dead);
 * W2 open, dead too. Death at day 3. */
static struct dash_point alb[] = {{.date = 97, .value = 2.9}, {.date = 107, .value = 3.4}};

static void fill(struct report *r)
{
	static struct config cfg;
	config_defaults(&cfg);
	struct patient p1 = {.id = 1}, p2 = {.id = 2};
	strcpy(p1.mrn, "P1");
	strcpy(p2.mrn, "P2");
	struct report_infusion inf = {.date = 100, .route = ROUTE_IV};
	struct dash_input in1 = {
	    .p = &p1, .cfg = &cfg, .as_of = DAY_NONE, .first_infusion = 100, .today = 110};
	in1.lab[ANALYTE_ALBUMIN] = alb;
	in1.nlab[ANALYTE_ALBUMIN] = 2;
	struct dash_input in2 = {
	    .p = &p2, .cfg = &cfg, .as_of = DAY_NONE, .first_infusion = 100, .today = 110};
	struct report_visit v1[] = {{.week = 1,
				     .due = 107,
				     .window_before = 3,
				     .window_after = 3,
				     .state = SCHED_DONE,
				     .done_on = 107},
				    {.week = 2,
				     .due = 114,
				     .window_before = 3,
				     .window_after = 3,
				     .state = SCHED_MISSED,
				     .done_on = DAY_NONE}};
	struct report_visit v2[] = {{.week = 1,
				     .due = 107,
				     .window_before = 3,
				     .window_after = 3,
				     .state = SCHED_OPEN,
				     .done_on = DAY_NONE},
				    {.week = 2,
				     .due = 114,
				     .window_before = 3,
				     .window_after = 3,
				     .state = SCHED_OPEN,
				     .done_on = DAY_NONE}};
	struct ae aes[2];
	ae_init(&aes[0]);
	ae_init(&aes[1]);
	strcpy(aes[0].term, "Fever");
	aes[0].grade = 2;
	aes[0].onset = 101;
	aes[0].relation = AE_REL_POSSIBLE;
	aes[0].action = AE_ACT_INFUSION_STOPPED;
	strcpy(aes[1].term, "Nausea");
	aes[1].grade = 1;
	aes[1].onset = 95;
	struct lt_history h1 = {0}, h2 = {0};
	h1.tte[LT_EV_DEATH] = (struct lt_tte){LT_EV_DEATH, false, 114, 14};
	h1.tte[LT_EV_TRANSPLANT] = (struct lt_tte){LT_EV_TRANSPLANT, false, 114, 14};
	h2.tte[LT_EV_DEATH] = (struct lt_tte){LT_EV_DEATH, true, 103, 3};
	h2.tte[LT_EV_TRANSPLANT] = (struct lt_tte){LT_EV_TRANSPLANT, false, 103, 3};
	struct report_patient_in a = {.p = &p1,
				      .in = &in1,
				      .infusions = &inf,
				      .ninfusions = 1,
				      .visits = v1,
				      .nvisits = 2,
				      .history = &h1,
				      .aes = aes,
				      .naes = 2};
	struct report_patient_in b = {.p = &p2,
				      .in = &in2,
				      .infusions = &inf,
				      .ninfusions = 1,
				      .visits = v2,
				      .nvisits = 2,
				      .history = &h2};
	struct report_filter f;
	struct err e = {""};
	report_filter_init(&f);
	report_init(r, 110, &f);
	assert_true(report_filter_match(&f, &a));
	assert_int_equal(report_add_patient(r, &a, &e), ST_OK);
	assert_int_equal(report_add_patient(r, &b, &e), ST_OK);
	report_finish(r);
}

static void weeks_and_reasons(void **state)
{
	static struct report r;
	fill(&r);
	assert_int_equal(r.npatients, 2);
	assert_int_equal(r.nweeks, 2);
	assert_int_equal(r.weeks[0], 1);
	assert_string_equal(r.measures[0].key, "albumin");
	const struct report_cell *c = report_cell_c(&r, 0, 0);
	assert_int_equal(c->value.n, 1);
	assert_true(fabs(c->value.mean - 3.4) < 1e-12);
	assert_true(fabs(c->change.mean - 0.5) < 1e-12);
	assert_int_equal(c->missing[RMISS_DEAD], 1);
	assert_int_equal(report_miss_of(&r, 0, 0, 1), RMISS_DEAD);
	assert_int_equal(report_miss_of(&r, 0, 0, 0), -1);
	assert_int_equal(report_miss_of(&r, 0, 1, 0), RMISS_MISSED);
	assert_int_equal(report_miss_of(&r, 0, 1, 1), RMISS_DEAD);
	/* Bilirubin: W1 done without one. */
	assert_int_equal(report_miss_of(&r, 1, 0, 0), RMISS_NOT_RECORDED);
	report_free(&r);
}

static void safety_and_survival(void **state)
{
	static struct report r;
	fill(&r);
	const struct report_safety *s = &r.safety;
	assert_int_equal(s->treated, 2);
	assert_int_equal(s->infusions, 2);
	assert_int_equal(s->naes, 1); /* the Nausea before treatment left out */
	assert_int_equal(s->any.patients, 1);
	assert_int_equal(s->any.worst[2], 1);
	assert_int_equal(s->any.related_events, 1);
	assert_int_equal(s->any.discont_patients, 1);
	assert_true(fabs(s->per_patient - 0.5) < 1e-12);
	assert_true(fabs(s->per_infusion - 0.5) < 1e-12);
	/* KM overall: death at 3 of 2 at risk (S 0.5), P1 censored at 14. */
	const struct report_curve *os = &r.km[RKM_OS];
	assert_int_equal(os->n, 2);
	assert_int_equal(os->events, 1);
	assert_int_equal(os->nsteps, 2);
	assert_true(fabs(os->steps[0].time - 3) < 1e-12);
	assert_true(fabs(os->steps[0].surv - 0.5) < 1e-12);
	assert_true(os->median.reached);
	assert_true(fabs(os->median.median - 3) < 1e-12);
	assert_true(isnan(os->surv_at[0])); /* 6 months: past the follow-up */
	char plot[512];
	assert_int_equal(report_km_plot(os, 14, 10, 3, true, plot, sizeof plot), 3);
	/* Ten columns at days 14x/9 (0, 1.6, 3.1, ...), rows 1.0 / 0.5 / 0.0
	 * (row = round((1 - S) x 2)): columns 0-1 at S 1 (row 0); from column
	 * 2 (day 3.1) S 0.5 (row 1), the drop drawn '|' in row 0 there. */
	assert_string_equal(plot, "**|       \n  ********\n          \n");
	report_free(&r);
}

/* A biopsy on day with METAVIR, Ishak and CPA (NAN: not reported). */
static struct histology biopsy(day_t day, double metavir, double ishak, double cpa)
{
	struct histology h;
	histology_init(&h);
	h.date = day;
	h.v[HISTO_METAVIR] = metavir;
	h.v[HISTO_ISHAK] = ishak;
	h.v[HISTO_CPA] = cpa;
	return h;
}

/* Four patients, first infusion on day 100, paired as the dashboard pairs
 * biopsies (the first on or before day 100, the newest after it):
 * H1 F4 Ishak 6 CPA 20 (day 90) to F3 Ishak 5 CPA 15 (day 300);
 * H2 F3 CPA 18 (day 95) to F2 without CPA (day 320): CPA baseline only;
 * H3 F2 (day 98) to F2 (day 250), a voided F0 on day 260 left out;
 * H4 one biopsy after treatment only: no pair at all.
 * METAVIR: pairs 4-3, 3-2, 2-2: improved 2, unchanged 1, none 1; changes
 * -1, -1, 0: mean -2/3, SD sqrt(((1/3)^2 2 + (2/3)^2) / 2) = sqrt(1/3),
 * t = (-2/3) / (sqrt(1/3) / sqrt 3) = -2 on 2 df, two-sided p =
 * 1 - |t| / sqrt(t^2 + 2) = 1 - 2 / sqrt 6 = 0.183503419 (the t
 * distribution with 2 df in closed form); baselines 4, 3, 2 (median 3),
 * follow-ups 3, 2, 2 (median 2, mean 7/3). Ishak: H1 only, improved.
 * CPA: H1 20 to 15 (lower is better: improved); H2 baseline only. */
static void histology_pairs(void **state)
{
	static struct report r;
	static struct config cfg;
	config_defaults(&cfg);
	struct report_infusion inf = {.date = 100, .route = ROUTE_IV};
	struct histology h[4][3] = {
	    {biopsy(90, 4, 6, 20), biopsy(300, 3, 5, 15)},
	    {biopsy(95, 3, NAN, 18), biopsy(320, 2, NAN, NAN)},
	    {biopsy(98, 2, NAN, NAN), biopsy(250, 2, NAN, NAN), biopsy(260, 0, NAN, NAN)},
	    {biopsy(150, 1, NAN, NAN)}};
	h[2][2].voided = true;
	int nh[4] = {2, 2, 3, 1};
	struct report_filter f;
	struct err e = {""};
	report_filter_init(&f);
	report_init(&r, 400, &f);
	for (int i = 0; i < 4; i++) {
		struct patient p = {.id = i + 1};
		snprintf(p.mrn, sizeof p.mrn, "H%d", i + 1);
		struct dash_input in = {
		    .p = &p, .cfg = &cfg, .as_of = DAY_NONE, .first_infusion = 100, .today = 400};
		struct lt_history hist = {0};
		hist.tte[LT_EV_DEATH] = (struct lt_tte){LT_EV_DEATH, false, 400, 300};
		hist.tte[LT_EV_TRANSPLANT] = (struct lt_tte){LT_EV_TRANSPLANT, false, 400, 300};
		struct report_patient_in pin = {.p = &p,
						.in = &in,
						.infusions = &inf,
						.ninfusions = 1,
						.history = &hist,
						.histology = h[i],
						.nhistology = nh[i]};
		assert_int_equal(report_add_patient(&r, &pin, &e), ST_OK);
	}
	report_finish(&r);
	const struct report_histo *mv = &r.histo[HISTO_METAVIR];
	assert_int_equal(mv->cell.nvalues, 3);
	assert_int_equal(mv->improved, 2);
	assert_int_equal(mv->unchanged, 1);
	assert_int_equal(mv->worse, 0);
	assert_int_equal(mv->baseline_only, 0);
	assert_int_equal(mv->none, 1);
	assert_true(fabs(mv->cell.change.mean - -2.0 / 3) < 1e-12);
	assert_true(fabs(mv->cell.change.sd - sqrt(1.0 / 3)) < 1e-12);
	assert_true(fabs(mv->cell.test.t - -2) < 1e-12);
	assert_int_equal(mv->cell.test.df, 2);
	assert_true(fabs(mv->cell.test.p_t - 0.183503419) < 1e-8);
	assert_int_equal(mv->cell.test.n_nonzero, 2);
	assert_true(mv->cell.baseline.median == 3);
	assert_true(mv->cell.value.median == 2);
	assert_true(fabs(mv->cell.value.mean - 7.0 / 3) < 1e-12);
	/* The pairs by patient, with both days. */
	assert_string_equal(r.patients[mv->cell.values[0].patient].mrn, "H1");
	assert_int_equal(mv->cell.values[0].base_day, 90);
	assert_int_equal(mv->cell.values[0].day, 300);
	assert_int_equal(mv->cell.values[2].day, 250); /* H3: the voided day 260 left out */
	const struct report_histo *is = &r.histo[HISTO_ISHAK];
	assert_int_equal(is->cell.nvalues, 1);
	assert_int_equal(is->improved, 1);
	assert_int_equal(is->none, 3);
	const struct report_histo *cpa = &r.histo[HISTO_CPA];
	assert_int_equal(cpa->cell.nvalues, 1);
	assert_int_equal(cpa->improved, 1);
	assert_true(cpa->cell.change.mean == -5);
	assert_int_equal(cpa->baseline_only, 1);
	assert_int_equal(cpa->none, 2);
	report_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(filters),
	    cmocka_unit_test(weeks_and_reasons),
	    cmocka_unit_test(safety_and_survival),
	    cmocka_unit_test(histology_pairs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
