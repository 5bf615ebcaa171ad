/* analyte.c: the analyte table and its lookups, unit conversion, validation and flags. */
#include "analyte.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

static const struct analyte analytes[ANALYTE_COUNT] = {
#define ANALYTE_ROW_(id_, key_, label_, short_, loinc_, us_, us_alias_, si_, si_alias_, factor_, \
		     dec_us_, dec_si_, hard_lo_, hard_hi_, warn_lo_, warn_hi_, ref_lo_, ref_hi_) \
	[ANALYTE_##id_] = {.id = ANALYTE_##id_,                                                  \
			   .key = key_,                                                          \
			   .label = label_,                                                      \
			   .short_label = short_,                                                \
			   .loinc = loinc_,                                                      \
			   .unit = {us_, si_},                                                   \
			   .unit_aliases = {us_alias_, si_alias_},                               \
			   .si_factor = factor_,                                                 \
			   .decimals = {dec_us_, dec_si_},                                       \
			   .hard_lo = hard_lo_,                                                  \
			   .hard_hi = hard_hi_,                                                  \
			   .warn_lo = warn_lo_,                                                  \
			   .warn_hi = warn_hi_,                                                  \
			   .ref_lo = ref_lo_,                                                    \
			   .ref_hi = ref_hi_},
    ANALYTE_INFO(ANALYTE_ROW_)
#undef ANALYTE_ROW_
};

#define UNIT_TEXT_MAX 64

static bool valid_id(enum analyte_id id)
{
	return (unsigned)id < ANALYTE_COUNT;
}

static bool valid_units(enum unit_system u)
{
	return (unsigned)u < UNIT_SYSTEM_COUNT;
}

/* v in system u -> canonical, and back. */
static double to_canon(const struct analyte *a, enum unit_system u, double v)
{
	return u == UNITS_SI ? v / a->si_factor : v;
}

static double from_canon(const struct analyte *a, enum unit_system u, double c)
{
	return u == UNITS_SI ? c * a->si_factor : c;
}

const struct analyte *analyte_get(enum analyte_id id)
{
	return valid_id(id) ? &analytes[id] : NULL;
}

bool analyte_from_key(const char *key, enum analyte_id *out)
{
	bool found = false;

	for (size_t i = 0; key && !found && i < ANALYTE_COUNT; i++) {
		if (strcmp(analytes[i].key, key) == 0) {
			*out = (enum analyte_id)i;
			found = true;
		}
	}
	return found;
}

const char *analyte_unit(enum analyte_id id, enum unit_system u)
{
	return valid_id(id) && valid_units(u) ? analytes[id].unit[u] : "";
}

/* Fold a unit spelling for comparison: drop blanks, lower-case ASCII, and turn
 * the micro sign (U+00B5) and Greek mu (U+03BC) into 'u', the multiplication
 * sign (U+00D7) into 'x'. Stops at '|' or NUL. Returns false if it does not fit. */
static bool unit_fold(const char *s, char *out, size_t n)
{
	size_t len = 0;
	bool ok = true;

	while (ok && *s && *s != '|') {
		const unsigned char c = (unsigned char)*s;
		char put = 0;
		size_t adv = 1;
		if ((c == 0xC2 && (unsigned char)s[1] == 0xB5) ||
		    (c == 0xCE && (unsigned char)s[1] == 0xBC)) {
			put = 'u';
			adv = 2;
		} else if (c == 0xC3 && (unsigned char)s[1] == 0x97) {
			put = 'x';
			adv = 2;
		} else if (!isspace(c)) {
			put = (char)tolower(c);
		}
		if (put && len + 1 < n)
			out[len++] = put;
		else if (put)
			ok = false;
		s += adv;
	}
	out[len] = '\0';
	return ok;
}

/* Does the folded text equal the unit or one of its '|'-separated aliases? */
static bool unit_matches(const char *folded, const char *unit, const char *aliases)
{
	char cand[UNIT_TEXT_MAX];
	bool match = unit_fold(unit, cand, sizeof cand) && strcmp(cand, folded) == 0;
	const char *p = aliases;

	while (!match && p && *p) {
		match = unit_fold(p, cand, sizeof cand) && strcmp(cand, folded) == 0;
		p = strchr(p, '|');
		if (p)
			p++;
	}
	return match;
}

bool analyte_unit_parse(enum analyte_id id, const char *unit_text, enum unit_system *out)
{
	char folded[UNIT_TEXT_MAX];
	bool found = false;

	if (valid_id(id) && unit_text && !strchr(unit_text, '|') &&
	    unit_fold(unit_text, folded, sizeof folded)) {
		const struct analyte *a = &analytes[id];
		for (int u = UNITS_US; !found && u < UNIT_SYSTEM_COUNT; u++) {
			if (unit_matches(folded, a->unit[u], a->unit_aliases[u])) {
				*out = (enum unit_system)u;
				found = true;
			}
		}
	}
	return found;
}

double analyte_to_canonical(enum analyte_id id, enum unit_system u, double v)
{
	return valid_id(id) ? to_canon(&analytes[id], u, v) : v;
}

double analyte_from_canonical(enum analyte_id id, enum unit_system u, double canonical)
{
	return valid_id(id) ? from_canon(&analytes[id], u, canonical) : canonical;
}

enum lab_flag analyte_flag(enum analyte_id id, double canonical)
{
	enum lab_flag f = FLAG_NONE;

	if (valid_id(id) && !isnan(canonical)) {
		const struct analyte *a = &analytes[id];
		if (canonical < a->warn_lo)
			f = FLAG_CRIT_LOW;
		else if (canonical > a->warn_hi)
			f = FLAG_CRIT_HIGH;
		else if (canonical < a->ref_lo)
			f = FLAG_LOW;
		else if (canonical > a->ref_hi)
			f = FLAG_HIGH;
	}
	return f;
}

const char *lab_flag_mark(enum lab_flag f)
{
	static const char *const marks[] = {
	    [FLAG_NONE] = "",	     [FLAG_LOW] = "L",	       [FLAG_HIGH] = "H",
	    [FLAG_CRIT_LOW] = "!!L", [FLAG_CRIT_HIGH] = "!!H",
	};
	return (unsigned)f < ARRAY_SIZE(marks) ? marks[f] : "";
}

int analyte_format(enum analyte_id id, enum unit_system u, double canonical, char *buf, size_t n)
{
	int len = -1;

	if (valid_id(id) && valid_units(u) && buf) {
		const struct analyte *a = &analytes[id];
		len = snprintf(buf, n, "%.*f", a->decimals[u], from_canon(a, u, canonical));
	}
	return len;
}

/* Static helpers below take a row already checked by a public function. */

/* " " before a unit, or "" for a unitless analyte (INR). */
static const char *unit_sep(const struct analyte *a, enum unit_system u)
{
	return a->unit[u][0] ? " " : "";
}

/* The hard-limit range in system u, e.g. "0-80 mg/dL". */
static void range_text(const struct analyte *a, enum unit_system u, char *buf, size_t n)
{
	snprintf(buf, n, "%g-%g%s%s", from_canon(a, u, a->hard_lo), from_canon(a, u, a->hard_hi),
		 unit_sep(a, u), a->unit[u]);
}

/* Is v, read in system o, inside the hard (or warning) limits? Never for an
 * analyte whose two systems share a unit: it cannot "look like" itself. */
static bool plausible_in(const struct analyte *a, enum unit_system o, double v, bool within_warn)
{
	double c = to_canon(a, o, v);
	double lo = within_warn ? a->warn_lo : a->hard_lo;
	double hi = within_warn ? a->warn_hi : a->hard_hi;

	return strcmp(a->unit[UNITS_US], a->unit[UNITS_SI]) != 0 && c >= lo && c <= hi;
}

/* Number for a message: 3 significant digits, but never exponent form below 1e6. */
static void num_text(double v, char *buf, size_t n)
{
	if (fabs(v) >= 1000 && fabs(v) < 1e6)
		snprintf(buf, n, "%.0f", v);
	else
		snprintf(buf, n, "%.3g", v);
}

/* "; looks like µmol/L (95 µmol/L = 5.56 mg/dL)" when v fits the other system,
 * else "". `prefix` lets the confirm message word it as a question. */
static void sniff_text(const struct analyte *a, enum unit_system u, double v, bool within_warn,
		       const char *prefix, char *buf, size_t n)
{
	enum unit_system o = u == UNITS_US ? UNITS_SI : UNITS_US;
	char conv[32];

	buf[0] = '\0';
	if (isfinite(v) && plausible_in(a, o, v, within_warn)) {
		num_text(from_canon(a, u, to_canon(a, o, v)), conv, sizeof conv);
		snprintf(buf, n, "; %s %s (%g %s = %s %s)", prefix, a->unit[o], v, a->unit[o], conv,
			 a->unit[u]);
	}
}

/* ST_INVALID message for a value outside the hard limits (or not finite). */
static enum status refuse(const struct analyte *a, enum unit_system u, double v, struct err *e)
{
	char range[64], sniff[128];

	range_text(a, u, range, sizeof range);
	sniff_text(a, u, v, false, "looks like", sniff, sizeof sniff);
	if (isfinite(v))
		err_set(e, ST_INVALID, "%s %g%s%s is outside %s%s", a->key, v, unit_sep(a, u),
			a->unit[u], range, sniff);
	else
		err_set(e, ST_INVALID, "%s %g is not a finite number; accepted range is %s", a->key,
			v, range);
	return ST_INVALID;
}

/* ST_CONFIRM message for a value beyond a warning limit (in system u). */
static enum status ask_confirm(const struct analyte *a, enum unit_system u, double v, bool low,
			       struct err *e)
{
	double limit = from_canon(a, u, low ? a->warn_lo : a->warn_hi);
	const char *sep = unit_sep(a, u);
	char sniff[128];

	sniff_text(a, u, v, true, "or was it", sniff, sizeof sniff);
	return err_set(e, ST_CONFIRM, "%s %g%s%s is %s %g%s%s — confirm it is correct%s", a->key, v,
		       sep, a->unit[u], low ? "below" : "above", limit, sep, a->unit[u], sniff);
}

/* Validate v (finite or not) in system u against row a. */
static enum status check_value(const struct analyte *a, enum unit_system u, double v,
			       double *canonical_out, enum lab_flag *flag_out, struct err *e)
{
	/* Compare in the unit the user typed, so the check and the range quoted
	 * in the message agree to the last digit. */
	double hard_lo = from_canon(a, u, a->hard_lo);
	double hard_hi = from_canon(a, u, a->hard_hi);
	double warn_lo = from_canon(a, u, a->warn_lo);
	double warn_hi = from_canon(a, u, a->warn_hi);
	enum status st = ST_OK;

	err_clear(e);
	if (!isfinite(v) || v < 0 || v < hard_lo || v > hard_hi)
		st = refuse(a, u, v, e);
	else if (v < warn_lo)
		st = ask_confirm(a, u, v, true, e);
	else if (v > warn_hi)
		st = ask_confirm(a, u, v, false, e);
	if (st != ST_INVALID) {
		double c = to_canon(a, u, v);
		if (canonical_out)
			*canonical_out = c;
		if (flag_out)
			*flag_out = analyte_flag(a->id, c);
	}
	return st;
}

enum status analyte_check(enum analyte_id id, enum unit_system u, double value,
			  double *canonical_out, enum lab_flag *flag_out, struct err *e)
{
	enum status st;

	if (valid_id(id) && valid_units(u))
		st = check_value(&analytes[id], u, value, canonical_out, flag_out, e);
	else
		st = err_set(e, ST_INVALID, "unknown analyte or unit system");
	return st;
}

enum status analyte_parse_value(enum analyte_id id, enum unit_system u, const char *text,
				double *canonical, enum lab_flag *flag, struct err *e)
{
	enum status st;
	double v;
	char range[64];

	if (!valid_id(id) || !valid_units(u)) {
		st = err_set(e, ST_INVALID, "unknown analyte or unit system");
	} else if (!parse_double(text, &v)) {
		range_text(&analytes[id], u, range, sizeof range);
		st = err_set(e, ST_INVALID, "%s: '%.40s' is not a number; enter a value in %s",
			     analytes[id].key, text ? text : "", range);
	} else {
		st = check_value(&analytes[id], u, v, canonical, flag, e);
	}
	return st;
}
