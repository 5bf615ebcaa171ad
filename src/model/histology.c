/* histology.c: biopsy histology — the measures' table, parsing, the
 * record's checks and the change from the baseline biopsy. */
#include "histology.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "util.h"

static const struct histo_measure_info measures[HISTO_COUNT] = {
#define HISTO_ROW_(id, key, label, shrt, unit, prefix, lo, hi, wlo, whi, dec, better, help) \
	[HISTO_##id] = {key, label, shrt, unit, prefix, lo, hi, wlo, whi, dec, better, help},
    HISTO_MEASURE_INFO(HISTO_ROW_)
#undef HISTO_ROW_
};

const struct histo_measure_info *histo_measure(enum histo_measure m)
{
	return (unsigned)m < HISTO_COUNT ? &measures[m] : NULL;
}

void histology_init(struct histology *h)
{
	memset(h, 0, sizeof *h);
	h->date = DAY_NONE;
	for (int i = 0; i < HISTO_COUNT; i++)
		h->v[i] = NAN;
}

/* "F0-F4", "0-6", "0-100 %" */
static void range(const struct histo_measure_info *mi, double lo, double hi, char *out, size_t n)
{
	if (*mi->prefix)
		snprintf(out, n, "%s%.0f-%s%.0f", mi->prefix, lo, mi->prefix, hi);
	else
		snprintf(out, n, "%g-%g%s%s", lo, hi, *mi->unit ? " " : "", mi->unit);
}

char *histology_format(enum histo_measure m, double v, char *out, size_t n)
{
	const struct histo_measure_info *mi = &measures[m];
	if (isnan(v))
		snprintf(out, n, "-");
	else if (*mi->unit)
		snprintf(out, n, "%.*f %s", mi->decimals, v, mi->unit);
	else
		snprintf(out, n, "%s%.0f", mi->prefix, v);
	return out;
}

static bool is_stage(const struct histo_measure_info *mi)
{
	return !*mi->unit;
}

static enum status out_of_range(enum histo_measure m, double v, struct err *e)
{
	const struct histo_measure_info *mi = &measures[m];
	char r[40], val[40];
	range(mi, mi->lo, mi->hi, r, sizeof r);
	if (is_stage(mi))
		snprintf(val, sizeof val, "%s%g", mi->prefix, v);
	else
		snprintf(val, sizeof val, "%g %s", v, mi->unit);
	return err_set(e, ST_INVALID, "%s: %s is outside %s", mi->label, val, r);
}

enum status histology_parse(enum histo_measure m, const char *text, double *out, struct err *e)
{
	const struct histo_measure_info *mi = histo_measure(m);
	char b[40], r[40];
	const char *p = text ? text : "";
	if (*mi->prefix && toupper((unsigned char)*p) == *mi->prefix)
		p++;
	double v;
	range(mi, mi->lo, mi->hi, r, sizeof r);
	if (!parse_double(p, &v) || (is_stage(mi) && v != floor(v)))
		return err_set(e, ST_INVALID, "%s: '%s' is not %s; accepted %s", mi->label,
			       text_sanitize_buf(b, sizeof b, text ? text : ""),
			       is_stage(mi) ? "a stage" : "a number", r);
	if (v < mi->lo || v > mi->hi)
		return out_of_range(m, v, e);
	*out = v;
	return ST_OK;
}

static enum status check_text(const char *field, const char *text, size_t max, bool multiline,
			      bool required, struct err *e)
{
	if ((required && !*text) || strlen(text) > max || !text_is_clean(text, multiline))
		return err_set(e, ST_INVALID, "%s: %s%zu characters of %s", field,
			       required ? "1-" : "at most ", max,
			       multiline ? "text" : "one-line text");
	return ST_OK;
}

/* METAVIR stage -> the Ishak stages that agree with it. */
static bool stages_agree(double metavir, double ishak)
{
	static const int lo[] = {0, 1, 3, 4, 5}, hi[] = {0, 2, 3, 5, 6};
	int f = (int)metavir;
	return ishak >= lo[f] && ishak <= hi[f];
}

static enum status check_values(const struct histology *h, bool confirmed, struct err *e)
{
	char r[40], val[40];
	int given = 0;
	for (int i = 0; i < HISTO_COUNT; i++) {
		const struct histo_measure_info *mi = &measures[i];
		double v = h->v[i];
		if (isnan(v))
			continue;
		given++;
		if (v < mi->lo || v > mi->hi || (is_stage(mi) && v != floor(v)))
			return out_of_range((enum histo_measure)i, v, e);
		if (!confirmed && (v < mi->warn_lo || v > mi->warn_hi)) {
			range(mi, mi->warn_lo, mi->warn_hi, r, sizeof r);
			return err_set(
			    e, ST_CONFIRM, "%s: %s is unusual (usual %s) — confirm it", mi->label,
			    histology_format((enum histo_measure)i, v, val, sizeof val), r);
		}
	}
	if (!given)
		return err_set(
		    e, ST_INVALID,
		    "no finding given: a fibrosis stage, the grade, CPA, Ki-67 or CK-19");
	double f = h->v[HISTO_METAVIR], k = h->v[HISTO_ISHAK];
	if (!confirmed && !isnan(f) && !isnan(k) && !stages_agree(f, k))
		return err_set(e, ST_CONFIRM,
			       "fibrosis: METAVIR F%.0f and Ishak %.0f do not agree (F0 = 0, F1 = "
			       "1-2, F2 = 3, F3 = 4-5, F4 = 5-6) — confirm both",
			       f, k);
	return ST_OK;
}

enum status histology_validate(const struct histology *h, day_t today, bool confirmed,
			       struct err *e)
{
	char d[16];
	if (h->date == DAY_NONE)
		return err_set(e, ST_INVALID, "date: required (YYYY-MM-DD)");
	if (h->date > today)
		return err_set(e, ST_INVALID, "date: %s is after today", date_format(h->date, d));
	enum status s = check_text("site", h->site, HISTO_SITE_MAX, false, true, e);
	if (s == ST_OK)
		s = check_text("pathologist", h->pathologist, HISTO_PATHOLOGIST_MAX, false, true,
			       e);
	if (s == ST_OK)
		s = check_text("note", h->note, HISTO_NOTE_MAX, true, false, e);
	if (s == ST_OK)
		s = check_values(h, confirmed, e);
	return s;
}

void histology_summary(const struct histology *list, int n, day_t first_infusion,
		       struct histo_summary *out)
{
	memset(out, 0, sizeof *out);
	out->baseline = out->latest = -1;
	for (int i = 0; i < n; i++) {
		if (list[i].voided)
			continue;
		if (out->baseline < 0 &&
		    (first_infusion == DAY_NONE || list[i].date <= first_infusion))
			out->baseline = i;
		else if (out->baseline >= 0 &&
			 (first_infusion == DAY_NONE || list[i].date > first_infusion))
			out->latest = i; /* a second biopsy before treatment is no follow-up */
	}
	if (out->baseline < 0 || out->latest < 0)
		return;
	const struct histology *b = &list[out->baseline], *l = &list[out->latest];
	for (int m = 0; m < HISTO_COUNT; m++) {
		struct histo_change *c = &out->c[m];
		c->base = b->v[m];
		c->latest = l->v[m];
		c->have = !isnan(c->base) && !isnan(c->latest);
		c->change = c->have ? c->latest - c->base : NAN;
		if (c->have)
			c->direction = c->change == 0  ? 0
				       : c->change < 0 ? -measures[m].better
						       : measures[m].better;
	}
}
