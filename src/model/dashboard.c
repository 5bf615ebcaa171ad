/* dashboard.c: the patient dashboard — baseline, latest, change, direction
 * and trend of each measure (labs, scores recomputed at each lab date, liver
 * stiffness) — and the loading of both dashboards through the store. */
#include "dashboard.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "overview.h"
#include "score_basis.h"
#include "util.h"

static const struct dash_measure_info measures[] = {
#define DASH_ROW_(id, key, label, src, sid, better, dec, unit) \
	{key, label, src, sid, better, dec, unit},
    DASH_MEASURE_INFO(DASH_ROW_)
#undef DASH_ROW_
};

const struct dash_measure_info *dash_measure(enum dash_measure m)
{
	return (unsigned)m < DASH_COUNT ? &measures[m] : NULL;
}

const char *dash_direction_str(enum dash_direction d)
{
	static const char *const names[] = {NULL, "improved", "worse", "unchanged"};
	return (unsigned)d < 4 ? names[d] : NULL;
}

enum visit_timing dash_cal_timing(const struct schedule_item *it, enum visit_mark mark,
				  day_t closed_on)
{
	if (it->kind != SCHED_VISIT || mark != VMARK_DONE || closed_on == DAY_NONE)
		return VT_NONE;
	return visit_timing_of(it, closed_on);
}

char dash_child_pugh_class(int points)
{
	if (points < 5 || points > 15)
		return 0;
	return points <= 6 ? 'A' : points <= 9 ? 'B' : 'C';
}

int dash_at_or_before(const struct dash_point *pts, int n, day_t day)
{
	int lo = 0, hi = n; /* first index with date > day */
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (pts[mid].date <= day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo - 1;
}

void dash_baseline_rule(day_t as_of, int64_t signed_at, day_t first_infusion,
			struct dash_baseline *out)
{
	if (first_infusion != DAY_NONE)
		*out = (struct dash_baseline){DBASE_FIRST_INFUSION, first_infusion, 0};
	else if (as_of != DAY_NONE)
		*out = (struct dash_baseline){DBASE_EVALUATION, as_of, signed_at};
	else
		*out = (struct dash_baseline){DBASE_NONE, DAY_NONE, 0};
}

const char *dash_baseline_from_str(enum dash_baseline_from f)
{
	static const char *const names[] = {NULL, "evaluation", "first_infusion"};
	return (unsigned)f < 3 ? names[f] : NULL;
}

int dash_baseline_index(const struct dash_point *pts, int n, day_t as_of, int64_t signed_at)
{
	if (as_of == DAY_NONE)
		return -1;
	int i = dash_at_or_before(pts, n, as_of);
	while (i >= 0 && (pts[i].followup || (signed_at && pts[i].entered > signed_at)))
		i--;
	return i;
}

void dash_compare(enum dash_measure m, double b, double l, double *change, double *pct,
		  enum dash_direction *dir)
{
	const struct dash_measure_info *mi = dash_measure(m);
	*change = *pct = NAN;
	*dir = DIR_NONE;
	if (!mi || isnan(b) || isnan(l))
		return;
	*change = l - b;
	if (b != 0)
		*pct = *change / fabs(b) * 100.0;
	double scale = pow(10, mi->decimals);
	double shown = round(*change * scale);
	if (shown == 0)
		*dir = DIR_UNCHANGED;
	else if (mi->better != 0)
		*dir = (shown > 0) == (mi->better > 0) ? DIR_IMPROVED : DIR_WORSE;
}

void dash_row_build(enum dash_measure m, const struct dash_point *pts, int n, day_t as_of,
		    int64_t signed_at, day_t today, struct dash_row *out)
{
	memset(out, 0, sizeof *out);
	out->m = m;
	int b = dash_baseline_index(pts, n, as_of, signed_at);
	int l = dash_at_or_before(pts, n, today);
	if (b >= 0) {
		out->have_baseline = true;
		out->baseline = pts[b];
	}
	if (l >= 0) {
		out->have_latest = true;
		out->latest = pts[l];
	}
	dash_compare(m, b >= 0 ? pts[b].value : NAN, l >= 0 ? pts[l].value : NAN, &out->change,
		     &out->change_pct, &out->dir);
	/* An unreliable measurement is no evidence of improvement or worsening. */
	if ((b >= 0 && pts[b].unreliable) || (l >= 0 && pts[l].unreliable))
		out->dir = DIR_NONE;
	int first = l + 1 > DASH_TREND_MAX ? l + 1 - DASH_TREND_MAX : 0;
	for (int i = first; i <= l; i++)
		out->trend[out->ntrend++] = pts[i].value;
}

/* Values squeezed into at most width cells: a cell is the mean of its share
 * of the series (all of it, so the line covers the whole follow-up). */
static int squeeze(const double *v, int nv, int width, double *out)
{
	if (nv <= width) {
		memcpy(out, v, (size_t)nv * sizeof *v);
		return nv;
	}
	for (int c = 0; c < width; c++) {
		int a = (int)((int64_t)c * nv / width), b = (int)((int64_t)(c + 1) * nv / width);
		double sum = 0;
		for (int i = a; i < b; i++)
			sum += v[i];
		out[c] = sum / (b - a);
	}
	return width;
}

int dash_sparkline(const double *v, int nv, int width, bool ascii, char *buf, size_t n)
{
	static const char *const blocks[] = {"\u2581", "\u2582", "\u2583", "\u2584",
					     "\u2585", "\u2586", "\u2587", "\u2588"};
	static const char levels[] = "_.-:=+*#";
	size_t cell = ascii ? 1 : 3, used = 0;
	double *w = xmalloc(((size_t)(width > 0 ? width : 1) + (size_t)nv) * sizeof *w);
	int nw = width > 0 ? squeeze(v, nv, width, w) : 0, cells = 0;
	double lo = INFINITY, hi = -INFINITY;
	for (int i = 0; i < nw; i++) {
		lo = fmin(lo, w[i]);
		hi = fmax(hi, w[i]);
	}
	for (int i = 0; i < nw && used + cell < n; i++) {
		int k = hi > lo ? (int)lround((w[i] - lo) / (hi - lo) * 7) : 3;
		if (ascii)
			buf[used] = levels[k];
		else
			memcpy(buf + used, blocks[k], cell);
		used += cell;
		cells++;
	}
	if (n)
		buf[used] = '\0';
	free(w);
	return cells;
}

/* Whether the signed evaluation could have seen a point. */
static bool seen(const struct dash_point *p, int64_t signed_at)
{
	return !p->followup && (!signed_at || p->entered <= signed_at);
}

/* Index of the newest point of a series on or before day (only those the
 * signed evaluation saw when seen_only) and no older than window days, or
 * -1. */
static int fresh_at(const struct dash_point *pts, int n, day_t day, int window, bool seen_only,
		    int64_t signed_at)
{
	int i = dash_at_or_before(pts, n, day);
	while (seen_only && i >= 0 && !seen(&pts[i], signed_at))
		i--;
	return i < 0 || pts[i].date < day - window ? -1 : i;
}

/* The point *used takes on the newest date, entry and follow-up of p. */
static void note_used(struct dash_point *used, const struct dash_point *p)
{
	if (used->date == DAY_NONE || p->date > used->date)
		used->date = p->date;
	if (p->entered > used->entered)
		used->entered = p->entered;
	used->followup |= p->followup;
}

/* A finding of a grade series on day into *f; noted in *used when note. */
static void finding_on(const struct dash_input *in, const struct dash_point *pts, int n, day_t day,
		       bool seen_only, bool note, struct finding_pick *f, struct dash_point *used)
{
	int i = fresh_at(pts, n, day, in->cfg->lab_window_days, seen_only, in->signed_at);
	memset(f, 0, sizeof *f);
	f->date = DAY_NONE;
	if (i < 0)
		return;
	*f = (struct finding_pick){true, (int)pts[i].value, pts[i].date,
				   pts[i].followup ? FSRC_VISIT : FSRC_EXAM, false};
	/* Seen, not graded (imaging that found ascites): no grade to use. */
	if (pts[i].value < 0) {
		f->have = false;
		f->ungraded = true;
		f->source = FSRC_IMAGING;
	}
	if (note)
		note_used(used, &pts[i]);
}

/* The score basis on day, chosen by score_basis_build from the newest inputs
 * in the series: the same choice every other view makes. */
static void basis_on(const struct dash_input *in, enum dash_measure m, day_t day, bool seen_only,
		     struct score_basis *b, struct dash_point *pt)
{
	enum analyte_id used[ANALYTE_COUNT];
	struct lab_latest labs;
	struct exam_findings f;
	int window = in->cfg->lab_window_days;
	/* Only the results used are set (each whole); the rest of the 1.7 KB
	 * is never read (have[] false), and clearing it on every score of every
	 * day was a tenth of the cohort report's model time. */
	memset(labs.have, 0, sizeof labs.have);
	int nu = overview_score_analytes((enum score_id)dash_measure(m)->id, used);
	for (int k = 0; k < nu; k++) {
		enum analyte_id a = used[k];
		int i = fresh_at(in->lab[a], in->nlab[a], day, window, seen_only, in->signed_at);
		if (i < 0)
			continue;
		labs.have[a] = true;
		labs.r[a] = (struct lab_result){
		    .analyte = a, .canonical = in->lab[a][i].value, .date = in->lab[a][i].date};
		note_used(pt, &in->lab[a][i]);
	}
	bool cp = m == DASH_CHILD_PUGH;
	bool meld = m == DASH_MELD || m == DASH_MELD_NA || m == DASH_MELD3;
	finding_on(in, in->ascites, in->nascites, day, seen_only, cp, &f.ascites, pt);
	finding_on(in, in->he, in->nhe, day, seen_only, cp, &f.he, pt);
	finding_on(in, in->dialysis, in->ndialysis, day, seen_only, meld, &f.dialysis, pt);
	score_basis_build_one(in->p, &labs, &f, day, in->cfg, (enum score_id)dash_measure(m)->id,
			      b);
}

bool dash_score_on(const struct dash_input *in, enum dash_measure m, day_t day, bool seen_only,
		   struct dash_point *out)
{
	const struct dash_measure_info *mi = dash_measure(m);
	struct dash_point pt = {DAY_NONE, NAN, 0, false};
	struct score_basis b; /* 4 KB on the stack: one per score of every day */
	if (!mi || mi->source != DSRC_SCORE)
		return false;
	basis_on(in, m, day, seen_only, &b, &pt);
	const struct score_value *v = score_get(&b.scores, (enum score_id)mi->id);
	bool ok = b.valid && v && v->computable;
	if (ok) {
		pt.value = mi->id == SCORE_ALBI ? v->raw : v->value;
		*out = pt;
	}
	return ok;
}

static int cmp_day(const void *a, const void *b)
{
	day_t x = *(const day_t *)a, y = *(const day_t *)b;
	return (x > y) - (x < y);
}

/* The days a score may change on: the dates of its inputs, unique, newest
 * DASH_SERIES_MAX. Returns the count; *days is the caller's to free. */
static int score_days(const struct dash_input *in, enum dash_measure m, day_t **days)
{
	enum analyte_id used[ANALYTE_COUNT];
	int nu = overview_score_analytes((enum score_id)dash_measure(m)->id, used), total = 0;
	for (int i = 0; i < nu; i++)
		total += in->nlab[used[i]];
	bool cp = m == DASH_CHILD_PUGH;
	bool meld = m == DASH_MELD || m == DASH_MELD_NA || m == DASH_MELD3;
	if (cp)
		total += in->nascites + in->nhe;
	if (meld)
		total += in->ndialysis;
	day_t *d = xmalloc(((size_t)total + 1) * sizeof *d);
	int n = 0;
	for (int i = 0; i < nu; i++)
		for (int k = 0; k < in->nlab[used[i]]; k++)
			d[n++] = in->lab[used[i]][k].date;
	for (int k = 0; cp && k < in->nascites; k++)
		d[n++] = in->ascites[k].date;
	for (int k = 0; cp && k < in->nhe; k++)
		d[n++] = in->he[k].date;
	for (int k = 0; meld && k < in->ndialysis; k++)
		d[n++] = in->dialysis[k].date;
	qsort(d, (size_t)n, sizeof *d, cmp_day);
	int u = 0;
	for (int i = 0; i < n; i++)
		if (u == 0 || d[u - 1] != d[i])
			d[u++] = d[i];
	if (u > DASH_SERIES_MAX) {
		memmove(d, d + (u - DASH_SERIES_MAX), DASH_SERIES_MAX * sizeof *d);
		u = DASH_SERIES_MAX;
	}
	*days = d;
	return u;
}

/* The series of a measure that is not a score. */
static const struct dash_point *series_of(const struct dash_input *in,
					  const struct dash_measure_info *mi, int *n)
{
	if (mi->source == DSRC_LAB) {
		*n = in->nlab[mi->id];
		return in->lab[mi->id];
	}
	if (mi->source == DSRC_STIFFNESS) {
		*n = in->nstiffness;
		return in->stiffness;
	}
	switch ((enum dash_finding)mi->id) {
	case DFIND_ASCITES:
		*n = in->nascites;
		return in->ascites;
	case DFIND_HE:
		*n = in->nhe;
		return in->he;
	case DFIND_DIALYSIS:
		*n = in->ndialysis;
		return in->dialysis;
	case DFIND_WEIGHT:
		break;
	}
	*n = in->nweight;
	return in->weight;
}

void dash_build(const struct dash_input *full, struct dash_point *scratch,
		struct dash_row rows[DASH_COUNT])
{
	/* Every baseline below is taken at the rule's day, from what it lets
	 * count: in is the input with as_of and signed_at standing for it. */
	struct dash_baseline base;
	struct dash_input bin = *full;
	const struct dash_input *in = &bin;
	dash_baseline_rule(full->as_of, full->signed_at, full->first_infusion, &base);
	bin.as_of = base.day;
	bin.signed_at = base.seen_by;
	for (int m = 0; m < DASH_COUNT; m++) {
		const struct dash_measure_info *mi = &measures[m];
		if (mi->source != DSRC_SCORE) {
			int n = 0;
			const struct dash_point *pts = series_of(in, mi, &n);
			/* A finding seen but not graded (below 0) is no value to
			 * trend: the row takes the graded ones (scratch is free
			 * here; each score row fills it again). */
			if (mi->source == DSRC_FINDING) {
				int k = 0;
				for (int j = 0; j < n; j++)
					if (pts[j].value >= 0)
						scratch[k++] = pts[j];
				pts = scratch;
				n = k;
			}
			dash_row_build((enum dash_measure)m, pts, n, in->as_of, in->signed_at,
				       in->today, &rows[m]);
			continue;
		}
		day_t *days;
		int nd = score_days(in, (enum dash_measure)m, &days), np = 0;
		for (int i = 0; i < nd; i++)
			np += dash_score_on(in, (enum dash_measure)m, days[i], false, &scratch[np]);
		free(days);
		/* The baseline score is computed at the baseline day from the
		 * inputs the rule lets count (with no infusion yet: those the
		 * signed evaluation saw, so it is the score it computed). */
		struct dash_point b;
		dash_row_build((enum dash_measure)m, scratch, np, DAY_NONE, 0, in->today, &rows[m]);
		if (in->as_of != DAY_NONE &&
		    dash_score_on(in, (enum dash_measure)m, in->as_of, true, &b)) {
			struct dash_row *r = &rows[m];
			r->have_baseline = true;
			r->baseline = b;
			dash_compare(r->m, b.value, r->have_latest ? r->latest.value : NAN,
				     &r->change, &r->change_pct, &r->dir);
		}
	}
}
