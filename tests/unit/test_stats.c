/* test_stats.c: the report's statistics against values computed
 * independently by tests/fixtures/stats_expected.py (plain Python: textbook
 * sums, Simpson integration of the t density, the Wilcoxon null
 * distribution by enumerating all 2^n sign assignments, erfc for the normal
 * approximation, Kaplan-Meier and Greenwood by hand). The data sets below
 * are the script's DESC, PAIRED, TIED and KM. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "stats.h"

#define near(a, b, tol) assert_true(fabs((a) - (b)) <= (tol))

static void describes(void **state)
{
	double x[] = {3.1, 4.7, 2.2, 5.9, 4.0, 3.3};
	struct stats_desc d;
	stats_describe(x, 6, &d);
	assert_int_equal(d.n, 6);
	near(d.mean, 3.8666666666666667, 1e-12);
	near(d.sd, 1.3063945294843617, 1e-12);
	near(d.median, 3.65, 1e-12);
	near(d.q1, 3.15, 1e-12);
	near(d.q3, 4.525, 1e-12);
	near(d.min, 2.2, 0);
	near(d.max, 5.9, 0);
	stats_describe(x, 0, &d);
	assert_true(isnan(d.mean) && isnan(d.median));
	double one[] = {7};
	stats_describe(one, 1, &d);
	near(d.mean, 7, 0);
	assert_true(isnan(d.sd));
}

/* The quartiles and median found by selection equal, exactly, GSL's on the
 * sorted data (gsl_stats_*_from_sorted_data), for every n from 1 to 80 on
 * values with many ties (quantised to 0.1, as lab values are) and without. */
static void describes_as_sorted(void **state)
{
	double x[80], y[80];
	unsigned seed = 12345;
	for (int kind = 0; kind < 2; kind++)
		for (int n = 1; n <= 80; n++) {
			for (int i = 0; i < n; i++) {
				seed = seed * 1103515245u + 12345u;
				unsigned r = (seed >> 8) % 100000;
				x[i] = y[i] = kind ? r / 1000.0 : (double)(r % 40) / 10.0 + 1.5;
			}
			struct stats_desc d;
			stats_describe(x, n, &d);
			gsl_sort(y, 1, (size_t)n);
			assert_true(d.median == gsl_stats_median_from_sorted_data(y, 1, (size_t)n));
			assert_true(d.q1 ==
				    gsl_stats_quantile_from_sorted_data(y, 1, (size_t)n, 0.25));
			assert_true(d.q3 ==
				    gsl_stats_quantile_from_sorted_data(y, 1, (size_t)n, 0.75));
			assert_true(d.min == y[0] && d.max == y[n - 1]);
			near(d.mean, gsl_stats_mean(y, 1, (size_t)n), 1e-12);
		}
}

/* Eight non-zero differences without ties and one zero: the exact test on
 * the eight (the script enumerates 2^8 assignments: P = 20/256 two-sided,
 * W+ = 31); the t-test on all nine. */
static void paired_exact(void **state)
{
	double dd[] = {0.4, -0.2, 1.1, 0.7, 0.9, -0.5, 1.5, 0.3, 0.0};
	struct stats_paired p;
	stats_paired_test(dd, 9, &p);
	assert_int_equal(p.n, 9);
	assert_int_equal(p.df, 8);
	near(p.t, 2.166705051095583, 1e-12);
	near(p.p_t, 0.06213677571180509, 1e-9);
	assert_int_equal(p.n_nonzero, 8);
	assert_int_equal(p.method, WSR_EXACT);
	assert_false(p.ties);
	near(p.w_plus, 31, 0);
	near(p.p_w, 0.078125, 1e-12);
	assert_string_equal(stats_wsr_method_str(p.method), "exact");
}

/* Eleven non-zero differences with ties: the normal approximation with the
 * tie correction (t = 2, 3, 3, 2, 2 over |1|, |2|, |3| ...) and a
 * continuity correction. */
static void paired_normal(void **state)
{
	double dd[] = {1, 1, 2, -1, 3, 3, 3, -2, 4, 5, 0, 2};
	struct stats_paired p;
	stats_paired_test(dd, 12, &p);
	near(p.t, 2.9564405186880625, 1e-12);
	assert_int_equal(p.df, 11);
	near(p.p_t, 0.013058135782720526, 1e-9);
	assert_int_equal(p.n_nonzero, 11);
	assert_true(p.ties);
	assert_int_equal(p.method, WSR_NORMAL);
	near(p.w_plus, 59, 0);
	near(p.z, 2.2807893370497854, 1e-12);
	near(p.p_w, 0.022560915657808923, 1e-12);
}

static void paired_degenerate(void **state)
{
	double zeros[] = {0, 0, 0};
	struct stats_paired p;
	stats_paired_test(zeros, 3, &p);
	assert_true(isnan(p.t) && isnan(p.p_t) && isnan(p.p_w));
	assert_int_equal(p.method, WSR_NONE);
	assert_null(stats_wsr_method_str(p.method));
	double one[] = {1.5};
	stats_paired_test(one, 1, &p);
	assert_true(isnan(p.t));
	assert_int_equal(p.method, WSR_EXACT);
	near(p.p_w, 1, 0); /* n = 1: W+ = 1, both tails 1/2 or more */
}

/* The script's KM rows: time, at risk, events, censored, S, se, lower,
 * upper. By hand: S(30) = 9/10; S(60) = 0.9 x 6/8 = 0.675; S(120) =
 * 0.675 x 4/5 = 0.54; S(200) = 0.54 x 2/3 = 0.36. */
static void kaplan_meier(void **state)
{
	struct km_subject s[] = {{200, true},  {30, true},  {45, false}, {60, true},
				 {60, true},   {90, false}, {120, true}, {150, false},
				 {200, false}, {365, false}};
	static const double want[][8] = {
	    {30, 10, 1, 0, 0.9, 0.09486832980505137, 0.47300927136205034, 0.9852813933673431},
	    {45, 9, 0, 1, 0.9, 0.09486832980505137, 0.47300927136205034, 0.9852813933673431},
	    {60, 8, 2, 0, 0.675, 0.155070548461015, 0.2905853574031327, 0.8824967337087402},
	    {90, 6, 0, 1, 0.675, 0.155070548461015, 0.2905853574031327, 0.8824967337087402},
	    {120, 5, 1, 0, 0.54, 0.17311845655504213, 0.18116533840412333, 0.8007125173338694},
	    {150, 4, 0, 1, 0.54, 0.17311845655504213, 0.18116533840412333, 0.8007125173338694},
	    {200, 3, 1, 1, 0.36, 0.18686893802876928, 0.06294167923659917, 0.6856283885014209},
	    {365, 1, 0, 1, 0.36, 0.18686893802876928, 0.06294167923659917, 0.6856283885014209}};
	struct km_step st[10];
	struct km_median med;
	int n = 0;
	assert_int_equal(km_at_risk(s, 10, 183), 3); /* 200, 200, 365 */
	km_estimate(s, 10, st, &n, &med);
	assert_int_equal(n, 8);
	for (int i = 0; i < n; i++) {
		near(st[i].time, want[i][0], 0);
		assert_int_equal(st[i].at_risk, (int)want[i][1]);
		assert_int_equal(st[i].events, (int)want[i][2]);
		assert_int_equal(st[i].censored, (int)want[i][3]);
		near(st[i].surv, want[i][4], 1e-12);
		near(st[i].se, want[i][5], 1e-12);
		near(st[i].lower, want[i][6], 1e-12);
		near(st[i].upper, want[i][7], 1e-12);
	}
	/* Median: the first S <= 0.5 (day 200); lower limit: the first time
	 * the lower curve is <= 0.5 (day 30, 0.47); the upper curve never
	 * falls to 0.5 (0.69 at the end): not reached. */
	assert_true(med.reached);
	near(med.median, 200, 0);
	assert_true(med.lower_reached);
	near(med.lower, 30, 0);
	assert_false(med.upper_reached);
	near(km_surv_at(st, n, 10), 1, 0);
	near(km_surv_at(st, n, 130), 0.54, 1e-12);
	assert_int_equal(km_at_risk(s, 10, 365), 1);
}

/* Every subject has the event: S falls to 0 and the median is the time
 * where it first reaches 0.5 exactly (4 subjects: 0.75, 0.5, 0.25, 0). */
static void kaplan_meier_all_events(void **state)
{
	struct km_subject s[] = {{40, true}, {10, true}, {30, true}, {20, true}};
	struct km_step st[4];
	struct km_median med;
	int n = 0;
	km_estimate(s, 4, st, &n, &med);
	assert_int_equal(n, 4);
	near(st[1].surv, 0.5, 1e-12);
	near(st[3].surv, 0, 0);
	assert_true(med.reached);
	near(med.median, 20, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(describes),
	    cmocka_unit_test(describes_as_sorted),
	    cmocka_unit_test(paired_exact),
	    cmocka_unit_test(paired_normal),
	    cmocka_unit_test(paired_degenerate),
	    cmocka_unit_test(kaplan_meier),
	    cmocka_unit_test(kaplan_meier_all_events),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
