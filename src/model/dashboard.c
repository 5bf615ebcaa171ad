/* dashboard.c: the patient dashboard — baseline, latest, change, direction
 * and trend of each measure (labs, scores recomputed at each lab date, liver
 * stiffness) — and the loading of both dashboards through the store. */
#include "dashboard.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "overview.h"
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
	else
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

/* The newest value of a series on or before day (only those the signed
 * evaluation saw when seen_only) and no older than window days, or NAN; the
 * point *used takes on the newest date, entry and follow-up it used. */
static double fresh(const struct dash_point *pts, int n, day_t day, int window, bool seen_only,
		    int64_t signed_at, struct dash_point *used)
{
	int i = dash_at_or_before(pts, n, day);
	while (seen_only && i >= 0 && !seen(&pts[i], signed_at))
		i--;
	if (i < 0 || pts[i].date < day - window)
		return NAN;
	if (used->date == DAY_NONE || pts[i].date > used->date)
		used->date = pts[i].date;
	if (pts[i].entered > used->entered)
		used->entered = pts[i].entered;
	used->followup |= pts[i].followup;
	return pts[i].value;
}

static enum ascites ctp_ascites(double ica, int ica2_points)
{
	if (isnan(ica))
		return ASCITES_UNKNOWN;
	if (ica < 0.5)
		return ASCITES_NONE;
	if (ica < 1.5 || (ica < 2.5 && ica2_points == 2))
		return ASCITES_SLIGHT;
	return ASCITES_MODERATE;
}

/* The score inputs on day: labs, then Child-Pugh's ascites and HE grades. */
static void score_inputs(const struct dash_input *in, enum dash_measure m, day_t day,
			 bool seen_only, struct score_input *si, struct dash_point *pt)
{
	enum analyte_id used[ANALYTE_COUNT];
	struct dash_point other = *pt;
	struct lab_latest labs;
	int window = in->cfg->lab_window_days;
	memset(&labs, 0, sizeof labs);
	int nu = overview_score_analytes((enum score_id)dash_measure(m)->id, used);
	for (int k = 0; k < nu; k++) {
		enum analyte_id a = used[k];
		double v =
		    fresh(in->lab[a], in->nlab[a], day, window, seen_only, in->signed_at, pt);
		labs.have[a] = !isnan(v);
		labs.r[a].canonical = v;
	}
	overview_score_input(in->p, &labs, NULL, 0, day, in->cfg, si);
	struct dash_point *g = m == DASH_CHILD_PUGH ? pt : &other;
	si->ascites =
	    ctp_ascites(fresh(in->ascites, in->nascites, day, window, seen_only, in->signed_at, g),
			in->cfg->ascites_ica2_points);
	double he = fresh(in->he, in->nhe, day, window, seen_only, in->signed_at, g);
	si->encephalopathy = isnan(he) ? SCORE_HE_UNKNOWN : (int)he;
}

bool dash_score_on(const struct dash_input *in, enum dash_measure m, day_t day, bool seen_only,
		   struct dash_point *out)
{
	const struct dash_measure_info *mi = dash_measure(m);
	struct dash_point pt = {DAY_NONE, NAN, 0, false};
	struct score_input si;
	struct score_result r;
	if (!mi || mi->source != DSRC_SCORE)
		return false;
	score_inputs(in, m, day, seen_only, &si, &pt);
	if (score_compute(&si, &r, NULL) != ST_OK)
		return false;
	const struct score_value *v = score_get(&r, (enum score_id)mi->id);
	if (!v || !v->computable)
		return false;
	pt.value = mi->id == SCORE_ALBI ? v->raw : v->value;
	*out = pt;
	return true;
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
	if (cp)
		total += in->nascites + in->nhe;
	day_t *d = xmalloc(((size_t)total + 1) * sizeof *d);
	int n = 0;
	for (int i = 0; i < nu; i++)
		for (int k = 0; k < in->nlab[used[i]]; k++)
			d[n++] = in->lab[used[i]][k].date;
	for (int k = 0; cp && k < in->nascites; k++)
		d[n++] = in->ascites[k].date;
	for (int k = 0; cp && k < in->nhe; k++)
		d[n++] = in->he[k].date;
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

void dash_build(const struct dash_input *in, struct dash_point *scratch,
		struct dash_row rows[DASH_COUNT])
{
	for (int m = 0; m < DASH_COUNT; m++) {
		const struct dash_measure_info *mi = &measures[m];
		if (mi->source == DSRC_LAB) {
			dash_row_build((enum dash_measure)m, in->lab[mi->id], in->nlab[mi->id],
				       in->as_of, in->signed_at, in->today, &rows[m]);
			continue;
		}
		if (mi->source == DSRC_STIFFNESS) {
			dash_row_build((enum dash_measure)m, in->stiffness, in->nstiffness,
				       in->as_of, in->signed_at, in->today, &rows[m]);
			continue;
		}
		day_t *days;
		int nd = score_days(in, (enum dash_measure)m, &days), np = 0;
		for (int i = 0; i < nd; i++)
			np += dash_score_on(in, (enum dash_measure)m, days[i], false, &scratch[np]);
		free(days);
		/* The baseline score is the one the evaluation computed: at its
		 * as_of, from the inputs it saw. */
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
