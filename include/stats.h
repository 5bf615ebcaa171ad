/* stats.h: the statistics of the cohort report — descriptive summaries,
 * the paired t-test and the Wilcoxon signed-rank test of changes from
 * baseline, and the Kaplan-Meier estimate with Greenwood variances, numbers
 * at risk and the median with its confidence interval. Distributions and
 * summaries come from GSL (gsl_stats_*, gsl_cdf_*); GSL has no Wilcoxon, so
 * its null distribution is counted here. Pure: no storage, no clock. */
#ifndef HEPADESK_STATS_H
#define HEPADESK_STATS_H

#include <stdbool.h>

/* n; mean and sample SD (n - 1; NAN below 2 values); median and the
 * quartiles by linear interpolation between order statistics (GSL's
 * gsl_stats_quantile_from_sorted_data, R type 7); min and max. Every field
 * NAN when n is 0. */
struct stats_desc {
	int n;
	double mean, sd, median, q1, q3, min, max;
};

/* Describe x[0..n-1]; x is reordered in place (selection). */
void stats_describe(double *x, int n, struct stats_desc *out);

/* How the Wilcoxon p-value was found: not computable (no non-zero
 * difference), exact (the null distribution of W+ counted over all 2^n sign
 * assignments: n <= STATS_WSR_EXACT_MAX non-zero differences and no ties
 * among their absolute values), or the normal approximation with the tie
 * correction of the variance and a continuity correction of 0.5. */
enum stats_wsr_method { WSR_NONE, WSR_EXACT, WSR_NORMAL };
#define STATS_WSR_EXACT_MAX 50
/* "exact", "normal"; NULL for WSR_NONE (JSON null). */
const char *stats_wsr_method_str(enum stats_wsr_method m);

/* Paired tests of the differences d (value - baseline), both two-sided:
 * t = mean / (sd / sqrt(n)) on n - 1 degrees of freedom (p from
 * gsl_cdf_tdist_Q; NAN below 2 pairs or with SD 0); Wilcoxon signed-rank:
 * zero differences dropped (Wilcoxon's method), the rest ranked by absolute
 * value with ties given their mean rank, W+ the sum of the positive ranks,
 * p = min(1, 2 x the smaller tail). */
struct stats_paired {
	int n;	  /* pairs */
	double t; /* NAN when not computable */
	int df;
	double p_t;
	int n_nonzero; /* pairs left for the Wilcoxon test */
	double w_plus; /* NAN when none */
	double z;      /* the normal approximation's z; NAN when exact */
	double p_w;    /* NAN when none */
	bool ties;     /* ties among the non-zero absolute differences */
	enum stats_wsr_method method;
};

/* Test d[0..n-1] (left unchanged). */
void stats_paired_test(const double *d, int n, struct stats_paired *out);

/* --- Kaplan-Meier --- */

/* A subject: time from the origin (days) and whether it ended with the
 * event (true) or was censored then (false). */
struct km_subject {
	double time;
	bool event;
};

/* One distinct time with an event or a censoring: at risk just before it,
 * events and censored at it, the survival after it, Greenwood's standard
 * error of the survival, and the 95 % pointwise interval on the log-log
 * scale (S^exp(+-1.96 se/(S |log S|)); NAN where S is 0 or 1). */
struct km_step {
	double time;
	int at_risk, events, censored;
	double surv, se, lower, upper;
};

/* The median survival: the first time S <= 0.5; its 95 % interval by
 * Brookmeyer and Crowley on the log-log scale (the interval of times whose
 * pointwise log-log interval contains 0.5: the lower limit is the first
 * time the lower curve is <= 0.5, the upper limit the first time the upper
 * curve is; as R's survfit with conf.type = "log-log"). Each *_reached is
 * false when the curve never falls that far. */
struct km_median {
	bool reached, lower_reached, upper_reached;
	double median, lower, upper;
};

/* Estimate from s[0..n-1] (sorted in place by time, events before
 * censorings at one time) into steps (room for n) and *nsteps; the median
 * into *med. */
void km_estimate(struct km_subject *s, int n, struct km_step *steps, int *nsteps,
		 struct km_median *med);

/* Number at risk at time t (time >= t), from subjects in any order. */
int km_at_risk(const struct km_subject *s, int n, double t);

/* The survival at time t from the steps (1 before the first). */
double km_surv_at(const struct km_step *steps, int nsteps, double t);

#endif
