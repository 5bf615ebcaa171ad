/* bench_lib.h: what the bench programs share — a monotonic clock, a sample
 * set with median and 99th percentile, and the one output line bench.sh
 * reads ("row ID MEDIAN P99 COUNT UNIT"). Header-only: each bench program is
 * one translation unit linked with the model library. */
#ifndef HEPADESK_BENCH_LIB_H
#define HEPADESK_BENCH_LIB_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static inline double bench_now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

struct samples {
	double *v;
	size_t n, cap;
};

static inline void samples_add(struct samples *s, double x)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 256;
		s->v = realloc(s->v, s->cap * sizeof *s->v);
		if (!s->v)
			abort();
	}
	s->v[s->n++] = x;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Nearest-rank percentile (q in 0..1) of the samples; sorts them. */
static inline double samples_pct(struct samples *s, double q)
{
	if (s->n == 0)
		return -1;
	qsort(s->v, s->n, sizeof *s->v, cmp_double);
	size_t k = (size_t)(q * (double)s->n + 0.999999);
	if (k < 1)
		k = 1;
	if (k > s->n)
		k = s->n;
	return s->v[k - 1];
}

static inline double samples_max(struct samples *s)
{
	return samples_pct(s, 1.0);
}

/* One figure for bench.sh. */
static inline void bench_row(const char *id, double median, double p99, size_t n, const char *unit)
{
	printf("row %s %.4f %.4f %zu %s\n", id, median, p99, n, unit);
	fflush(stdout);
}

static inline void bench_samples_row(const char *id, struct samples *s, const char *unit)
{
	double med = samples_pct(s, 0.5), p99 = samples_pct(s, 0.99);
	bench_row(id, med, p99, s->n, unit);
}

/* A figure that cannot be measured in this build, with the reason. */
static inline void bench_na(const char *id, const char *why)
{
	printf("na %s %s\n", id, why);
	fflush(stdout);
}

/* splitmix64, seedable, so a run picks the same patients every time. */
static inline unsigned long long bench_rand(unsigned long long *s)
{
	unsigned long long z = (*s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

#endif
