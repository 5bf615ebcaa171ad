/* vital.c: the vitals table, its lookups and the one validator of every row. */
#include "vital.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "util.h"

static const struct vital vitals[VITAL_COUNT] = {
#define VITAL_ROW_(id_, key_, label_, field_, prefix_, unit_, dec_, hard_lo_, hard_hi_, warn_lo_, \
		   warn_hi_, why_, scale_, help_)                                                 \
	[VITAL_##id_] = {.id = VITAL_##id_,                                                       \
			 .key = key_,                                                             \
			 .label = label_,                                                         \
			 .field = field_,                                                         \
			 .prefix = prefix_,                                                       \
			 .unit = unit_,                                                           \
			 .decimals = dec_,                                                        \
			 .hard_lo = hard_lo_,                                                     \
			 .hard_hi = hard_hi_,                                                     \
			 .warn_lo = warn_lo_,                                                     \
			 .warn_hi = warn_hi_,                                                     \
			 .why = why_,                                                             \
			 .scale = scale_,                                                         \
			 .help = help_},
    VITAL_INFO(VITAL_ROW_)
#undef VITAL_ROW_
};

/* A value typed in another unit that a row recognises and refuses: inside
 * [lo, hi] of that unit it "looks like" it; canonical = (v - offset) * scale. */
static const struct {
	enum vital_id id;
	const char *unit;
	double lo, hi, offset, scale;
} other_units[] = {
    {VITAL_TEMPERATURE, "°F", 86.0, 113.0, 32.0, 5.0 / 9.0},
};

const struct vital *vital_get(enum vital_id id)
{
	return (unsigned)id < VITAL_COUNT ? &vitals[id] : NULL;
}

bool vital_from_key(const char *key, enum vital_id *out)
{
	for (size_t i = 0; key && i < VITAL_COUNT; i++) {
		if (strcmp(vitals[i].key, key) == 0) {
			*out = (enum vital_id)i;
			return true;
		}
	}
	return false;
}

/* " " before a unit, "" for a grade. */
static const char *sep(const char *s)
{
	return *s ? " " : "";
}

int vital_range_text(enum vital_id id, char *buf, size_t n)
{
	const struct vital *r = vital_get(id);
	if (!r || !buf)
		return -1;
	return snprintf(buf, n, "%g-%g%s%s", r->hard_lo, r->hard_hi, sep(r->unit), r->unit);
}

/* "blood pressure: systolic 261 mmHg" — the start of every value message. */
static void subject(const struct vital *r, double v, char *buf, size_t n)
{
	snprintf(buf, n, "%s: %s%s%g%s%s", r->field, r->prefix, sep(r->prefix), v, sep(r->unit),
		 r->unit);
}

static enum status refuse(const struct vital *r, double v, struct err *e)
{
	char range[64], subj[96];
	vital_range_text(r->id, range, sizeof range);
	if (!isfinite(v))
		return err_set(e, ST_INVALID, "%s: %g is not a finite number; accepted %s",
			       r->field, v, range);
	for (size_t i = 0; i < ARRAY_SIZE(other_units); i++) {
		if (other_units[i].id == r->id && v >= other_units[i].lo && v <= other_units[i].hi)
			return err_set(e, ST_INVALID,
				       "%s: %g is outside %s; looks like %s (%.1f%s%s) — enter %s",
				       r->field, v, range, other_units[i].unit,
				       (v - other_units[i].offset) * other_units[i].scale,
				       sep(r->unit), r->unit, r->unit);
	}
	subject(r, v, subj, sizeof subj);
	return err_set(e, ST_INVALID, "%s is outside %s", subj, range);
}

/* The words after the limit crossed: the row's reason, else the usual range
 * when both sides warn, else nothing. */
static void confirm_why(const struct vital *r, char *buf, size_t n)
{
	if (*r->why)
		snprintf(buf, n, " (%s)", r->why);
	else if (r->warn_lo > r->hard_lo && r->warn_hi < r->hard_hi)
		snprintf(buf, n, " (usual %g-%g%s%s)", r->warn_lo, r->warn_hi, sep(r->unit),
			 r->unit);
	else
		buf[0] = '\0';
}

static enum status ask_confirm(const struct vital *r, double v, bool low, struct err *e)
{
	char subj[96], why[96];
	subject(r, v, subj, sizeof subj);
	confirm_why(r, why, sizeof why);
	return err_set(e, ST_CONFIRM, "%s is %s %g%s%s%s — confirm", subj, low ? "below" : "above",
		       low ? r->warn_lo : r->warn_hi, sep(r->unit), r->unit, why);
}

enum status vital_check(enum vital_id id, double v, bool confirmed, struct err *e)
{
	const struct vital *r = vital_get(id);
	if (!r)
		return err_set(e, ST_INVALID, "unknown vital sign %d", (int)id);
	if (!isfinite(v) || v < r->hard_lo || v > r->hard_hi)
		return refuse(r, v, e);
	if (!confirmed && (v < r->warn_lo || v > r->warn_hi))
		return ask_confirm(r, v, v < r->warn_lo, e);
	return ST_OK;
}

enum status vital_parse(enum vital_id id, const char *text, bool confirmed, double *out,
			struct err *e)
{
	const struct vital *r = vital_get(id);
	char b[48], range[64];
	long g;
	double v;
	if (!r)
		return err_set(e, ST_INVALID, "unknown vital sign %d", (int)id);
	vital_range_text(id, range, sizeof range);
	if (*r->scale) {
		if (!parse_long(text, (long)r->hard_lo, (long)r->hard_hi, &g))
			return err_set(e, ST_INVALID, "%s: '%s' is not a %s grade; accepted %s",
				       r->field, text_sanitize_buf(b, sizeof b, text ? text : ""),
				       r->scale, range);
		v = (double)g;
	} else if (!parse_double(text, &v)) {
		return err_set(e, ST_INVALID, "%s: '%s' is not a number; accepted %s", r->field,
			       text_sanitize_buf(b, sizeof b, text ? text : ""), range);
	}
	enum status s = vital_check(id, v, confirmed, e);
	if (s == ST_OK || s == ST_CONFIRM)
		*out = v;
	return s;
}
