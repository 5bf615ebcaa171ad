/* stats.c: descriptive statistics, paired t and Wilcoxon signed-rank tests
 * and the Kaplan-Meier estimate for the cohort report (stats.h), on GSL. */
#include "stats.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define Z95 1.959963984540054 /* gsl_cdf_ugaussian_Pinv(0.975) */

/* The f-quantile of x[0..n-1] by linear interpolation between the order
 * statistics lhs = floor(f (n - 1)) and lhs + 1 (R type 7), as
 * gsl_stats_quantile_from_sorted_data computes it on sorted data; the order
 * statistics come from gsl_stats_select, without sorting. */
static double quantile(double *x, size_t n, double f)
{
	const double index = f * (double)(n - 1);
	const size_t lhs = (size_t)index;
	const double delta = index - (double)lhs;
	double lo = gsl_stats_select(x, 1, n, lhs);
	if (lhs == n - 1)
		return lo;
	return (1 - delta) * lo + delta * gsl_stats_select(x, 1, n, lhs + 1);
}

void stats_describe(double *x, int n, struct stats_desc *out)
{
	out->n = n;
	out->mean = out->sd = out->median = out->q1 = out->q3 = out->min = out->max = NAN;
	if (n <= 0)
		return;
	/* Selection, not a sort: the report describes hundreds of cells of
	 * thousands of values, and sorting them was a tenth of its time. */
	out->mean = gsl_stats_mean(x, 1, (size_t)n);
	if (n >= 2)
		out->sd = gsl_stats_sd_m(x, 1, (size_t)n, out->mean);
	gsl_stats_minmax(&out->min, &out->max, x, 1, (size_t)n);
	out->median = gsl_stats_median(x, 1, (size_t)n);
	out->q1 = quantile(x, (size_t)n, 0.25);
	out->q3 = quantile(x, (size_t)n, 0.75);
}

const char *stats_wsr_method_str(enum stats_wsr_method m)
{
	return m == WSR_EXACT ? "exact" : m == WSR_NORMAL ? "normal" : NULL;
}

static void paired_t(const double *d, int n, struct stats_paired *out)
{
	out->t = out->p_t = NAN;
	out->df = n > 1 ? n - 1 : 0;
	if (n < 2)
		return;
	double m = gsl_stats_mean(d, 1, (size_t)n);
	double sd = gsl_stats_sd_m(d, 1, (size_t)n, m);
	if (!(sd > 0))
		return;
	out->t = m / (sd / sqrt((double)n));
	out->p_t = 2 * gsl_cdf_tdist_Q(fabs(out->t), out->df);
	if (out->p_t > 1)
		out->p_t = 1;
}

struct ranked {
	double a;
	bool pos;
};

static int cmp_ranked(const void *x, const void *y)
{
	double a = ((const struct ranked *)x)->a, b = ((const struct ranked *)y)->a;
	return (a > b) - (a < b);
}

/* P(W+ <= w) and P(W+ >= w) under the null for ranks 1..n, by counting the
 * sign assignments giving each sum (a knapsack over the ranks). */
static void exact_tails(int n, double w, double *lo, double *hi)
{
	int max = n * (n + 1) / 2;
	double *c = xcalloc((size_t)max + 1, sizeof *c);
	c[0] = 1;
	for (int k = 1; k <= n; k++)
		for (int s = max; s >= k; s--)
			c[s] += c[s - k];
	double total = ldexp(1.0, n), below = 0, above = 0;
	for (int s = 0; s <= max; s++) {
		if (s <= w + 1e-9)
			below += c[s];
		if (s >= w - 1e-9)
			above += c[s];
	}
	free(c);
	*lo = below / total;
	*hi = above / total;
}

static void wilcoxon(const double *d, int n, struct stats_paired *out)
{
	struct ranked *r = xcalloc(n > 0 ? (size_t)n : 1, sizeof *r);
	int m = 0;
	for (int i = 0; i < n; i++)
		if (d[i] != 0)
			r[m++] = (struct ranked){fabs(d[i]), d[i] > 0};
	out->n_nonzero = m;
	out->w_plus = out->z = out->p_w = NAN;
	out->ties = false;
	out->method = WSR_NONE;
	if (m == 0) {
		free(r);
		return;
	}
	qsort(r, (size_t)m, sizeof *r, cmp_ranked);
	double w = 0, tie_term = 0;
	for (int i = 0; i < m;) {
		int j = i;
		while (j + 1 < m && r[j + 1].a == r[i].a)
			j++;
		double rank = (i + j + 2) / 2.0; /* mean of ranks i+1..j+1 */
		int t = j - i + 1;
		if (t > 1) {
			out->ties = true;
			tie_term += (double)t * t * t - t;
		}
		for (int k = i; k <= j; k++)
			if (r[k].pos)
				w += rank;
		i = j + 1;
	}
	free(r);
	out->w_plus = w;
	double p;
	if (!out->ties && m <= STATS_WSR_EXACT_MAX) {
		double lo, hi;
		exact_tails(m, w, &lo, &hi);
		p = 2 * (lo < hi ? lo : hi);
		out->method = WSR_EXACT;
	} else {
		double mu = m * (m + 1) / 4.0;
		double var = m * (m + 1) * (2.0 * m + 1) / 24.0 - tie_term / 48.0;
		double diff = w - mu;
		double cc = diff > 0 ? -0.5 : diff < 0 ? 0.5 : 0;
		out->z = var > 0 ? (diff + cc) / sqrt(var) : 0;
		p = 2 * gsl_cdf_ugaussian_Q(fabs(out->z));
		out->method = WSR_NORMAL;
	}
	out->p_w = p > 1 ? 1 : p;
}

void stats_paired_test(const double *d, int n, struct stats_paired *out)
{
	memset(out, 0, sizeof *out);
	out->n = n;
	paired_t(d, n, out);
	wilcoxon(d, n, out);
}

/* --- Kaplan-Meier --- */

static int cmp_subject(const void *x, const void *y)
{
	const struct km_subject *a = x, *b = y;
	if (a->time != b->time)
		return a->time < b->time ? -1 : 1;
	return (int)b->event - (int)a->event; /* events first */
}

/* First step time at which curve (lower, surv or upper) is <= 0.5. */
static bool first_below_half(const struct km_step *st, int n, int which, double *t)
{
	for (int i = 0; i < n; i++) {
		double v = which < 0 ? st[i].lower : which > 0 ? st[i].upper : st[i].surv;
		if (st[i].surv <= 0)
			v = 0; /* the interval collapses where S reaches 0 */
		if (!isnan(v) && v <= 0.5 + 1e-12) {
			*t = st[i].time;
			return true;
		}
	}
	return false;
}

void km_estimate(struct km_subject *s, int n, struct km_step *steps, int *nsteps,
		 struct km_median *med)
{
	if (n > 0) /* s may be NULL when there is no subject */
		qsort(s, (size_t)n, sizeof *s, cmp_subject);
	double surv = 1, gw = 0; /* Greenwood's sum d / (r (r - d)) */
	int k = 0, at_risk = n;
	for (int i = 0; i < n;) {
		int d = 0, c = 0, j = i;
		for (; j < n && s[j].time == s[i].time; j++)
			s[j].event ? d++ : c++;
		struct km_step *st = &steps[k++];
		st->time = s[i].time;
		st->at_risk = at_risk;
		st->events = d;
		st->censored = c;
		if (d > 0) {
			surv *= 1.0 - (double)d / at_risk;
			if (at_risk > d)
				gw += (double)d / ((double)at_risk * (at_risk - d));
		}
		st->surv = surv;
		st->se = surv * sqrt(gw);
		st->lower = st->upper = NAN;
		if (surv > 0 && surv < 1) {
			double sl = sqrt(gw) / fabs(log(surv));
			st->lower = pow(surv, exp(Z95 * sl));
			st->upper = pow(surv, exp(-Z95 * sl));
		} else if (surv >= 1) {
			st->lower = st->upper = 1;
		}
		at_risk -= d + c;
		i = j;
	}
	*nsteps = k;
	memset(med, 0, sizeof *med);
	med->median = med->lower = med->upper = NAN;
	med->reached = first_below_half(steps, k, 0, &med->median);
	med->lower_reached = first_below_half(steps, k, -1, &med->lower);
	med->upper_reached = first_below_half(steps, k, +1, &med->upper);
}

int km_at_risk(const struct km_subject *s, int n, double t)
{
	int r = 0;
	for (int i = 0; i < n; i++)
		if (s[i].time >= t)
			r++;
	return r;
}

double km_surv_at(const struct km_step *steps, int nsteps, double t)
{
	double v = 1;
	for (int i = 0; i < nsteps && steps[i].time <= t; i++)
		v = steps[i].surv;
	return v;
}
