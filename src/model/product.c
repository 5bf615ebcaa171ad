/* product.c: product lots — type, limits, release tests and the rule that
 * a lot may be given only released, not voided and not expired. */
#include "product.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "plan.h"
#include "text.h"
#include "util.h"

static const struct product_limit limits[PRLIM_COUNT] = {
#define PRLIM_ROW_(id, key, field, unit, lo, hi, wlo, whi, why) \
	[PRLIM_##id] = {key, field, unit, lo, hi, wlo, whi, why},
    PRODUCT_LIMIT_INFO(PRLIM_ROW_)
#undef PRLIM_ROW_
};

static const struct {
	const char *key, *label, *unit;
	enum product_limit_id limit;
} types[PTYPE_COUNT] = {
#define PTYPE_ROW_(id, key, label, unit, lim) [PTYPE_##id] = {key, label, unit, lim},
    PRODUCT_TYPE_INFO(PTYPE_ROW_)
#undef PTYPE_ROW_
};

static const struct {
	const char *key, *label, *pass, *fail;
} tests[PTEST_COUNT] = {
#define PTEST_ROW_(id, key, label, pass, fail) [PTEST_##id] = {key, label, pass, fail},
    PRODUCT_TEST_INFO(PTEST_ROW_)
#undef PTEST_ROW_
};

const struct product_limit *product_limit(enum product_limit_id id)
{
	return (unsigned)id < PRLIM_COUNT ? &limits[id] : NULL;
}

/* A number in the limit's own notation: 1e+06 as 1e6, 70 as 70. */
static void fmt_num(double v, char *out, size_t n)
{
	if (v != 0 && (fabs(v) >= 1e6 || fabs(v) < 1e-3)) {
		int ex = (int)floor(log10(fabs(v)));
		double m = v / pow(10, ex);
		if (fabs(m - round(m)) < 1e-9)
			snprintf(out, n, "%.0fe%d", m, ex);
		else
			snprintf(out, n, "%.3ge%d", m, ex);
	} else {
		snprintf(out, n, "%g", v);
	}
}

enum status product_check_limit(enum product_limit_id id, double v, bool confirmed, struct err *e)
{
	const struct product_limit *l = product_limit(id);
	char val[32], lo[32], hi[32];
	const char *sp = *l->unit ? " " : "";
	fmt_num(v, val, sizeof val);
	if (isnan(v) || v < l->lo || v > l->hi) {
		fmt_num(l->lo, lo, sizeof lo);
		fmt_num(l->hi, hi, sizeof hi);
		return err_set(e, ST_INVALID, "%s: %s%s%s is outside %s-%s%s%s", l->field, val, sp,
			       l->unit, lo, hi, sp, l->unit);
	}
	if (!confirmed && (v < l->warn_lo || v > l->warn_hi)) {
		fmt_num(l->warn_lo, lo, sizeof lo);
		fmt_num(l->warn_hi, hi, sizeof hi);
		return err_set(e, ST_CONFIRM, "%s: %s%s%s is %s (usual %s-%s%s%s) — confirm it",
			       l->field, val, sp, l->unit, *l->why ? l->why : "unusual", lo, hi, sp,
			       l->unit);
	}
	return ST_OK;
}

void product_init(struct product *p)
{
	memset(p, 0, sizeof *p);
	p->type = PTYPE_UCMSC;
	p->passage = -1;
	p->per_vial = NAN;
	p->viability = NAN;
	p->expiry = DAY_NONE;
}

const char *product_type_str(enum product_type t)
{
	return (unsigned)t < PTYPE_COUNT ? types[t].key : "";
}

const char *product_type_label(enum product_type t)
{
	return (unsigned)t < PTYPE_COUNT ? types[t].label : "";
}

const char *product_type_unit(enum product_type t)
{
	return (unsigned)t < PTYPE_COUNT ? types[t].unit : "";
}

bool product_type_parse(const char *s, enum product_type *out)
{
	for (int i = 0; s && i < PTYPE_COUNT; i++)
		if (strcmp(s, types[i].key) == 0) {
			*out = (enum product_type)i;
			return true;
		}
	return false;
}

char *product_type_choices(char *out, size_t n)
{
	size_t len = 0;
	out[0] = '\0';
	for (int i = 0; i < PTYPE_COUNT && len < n; i++)
		len += (size_t)snprintf(out + len, n - len, "%s%s", i ? "|" : "", types[i].key);
	return out;
}

const char *product_test_str(enum product_test t)
{
	return (unsigned)t < PTEST_COUNT ? tests[t].key : "";
}

const char *product_test_label(enum product_test t)
{
	return (unsigned)t < PTEST_COUNT ? tests[t].label : "";
}

const char *product_result_word(enum product_test t, enum product_result r)
{
	if ((unsigned)t >= PTEST_COUNT)
		return "";
	return r == PRES_PASS ? tests[t].pass : r == PRES_FAIL ? tests[t].fail : "pending";
}

const char *product_result_str(enum product_result r)
{
	return r == PRES_PASS ? "pass" : r == PRES_FAIL ? "fail" : "pending";
}

bool product_result_from_str(const char *s, enum product_result *out)
{
	static const char *const names[] = {"pending", "pass", "fail"};
	for (int i = 0; s && i < 3; i++)
		if (strcmp(s, names[i]) == 0) {
			*out = (enum product_result)i;
			return true;
		}
	return false;
}

enum status product_result_parse(enum product_test t, const char *text, enum product_result *out,
				 struct err *e)
{
	char b[32];
	if (text && (strcmp(text, tests[t].pass) == 0 || strcmp(text, "pass") == 0))
		*out = PRES_PASS;
	else if (text && (strcmp(text, tests[t].fail) == 0 || strcmp(text, "fail") == 0))
		*out = PRES_FAIL;
	else if (text && strcmp(text, "pending") == 0)
		*out = PRES_PENDING;
	else
		return err_set(e, ST_INVALID, "%s: '%s' is not a result; accepted %s, %s, pending",
			       tests[t].key, text_sanitize_buf(b, sizeof b, text ? text : ""),
			       tests[t].pass, tests[t].fail);
	return ST_OK;
}

char *product_format_amount(const struct product *p, char *out, size_t n)
{
	char num[32];
	if (isnan(p->per_vial))
		snprintf(out, n, "not given");
	else if (p->type == PTYPE_SECRETOME)
		snprintf(out, n, "%g %s", p->per_vial, product_type_unit(p->type));
	else {
		plan_format_cells(p->per_vial, num, sizeof num);
		snprintf(out, n, "%s %s", num, product_type_unit(p->type));
	}
	return out;
}

static enum status check_line(const char *field, const char *text, size_t max, struct err *e)
{
	if (!text || !*text || strlen(text) > max || !text_is_clean(text, false))
		return err_set(e, ST_INVALID, "%s: 1-%zu characters of one-line text", field, max);
	return ST_OK;
}

enum status product_check_lot(const char *text, struct err *e)
{
	return check_line("lot", text, PRODUCT_LOT_MAX, e);
}

enum status product_check_donor(const char *text, struct err *e)
{
	return check_line("donor code", text, PRODUCT_DONOR_MAX, e);
}

/* received <= thawed <= administered <= now, each given or 0. */
static enum status check_times(const struct product *p, int64_t now, struct err *e)
{
	char a[20], b[20];
	if (!p->received_at)
		return err_set(e, ST_INVALID, "received: required (YYYY-MM-DD HH:MM)");
	const struct {
		const char *field;
		int64_t t;
	} t[3] = {{"received", p->received_at},
		  {"thawed", p->thawed_at},
		  {"administered", p->administered_at}};
	int64_t prev = 0;
	const char *prev_field = "";
	for (int i = 0; i < 3; i++) {
		if (!t[i].t)
			continue;
		if (t[i].t > now)
			return err_set(e, ST_INVALID, "%s: %s is in the future", t[i].field,
				       date_format_time(t[i].t, a));
		if (prev && t[i].t < prev)
			return err_set(e, ST_INVALID, "%s: %s is before %s %s", t[i].field,
				       date_format_time(t[i].t, a), prev_field,
				       date_format_time(prev, b));
		prev = t[i].t;
		prev_field = t[i].field;
	}
	return ST_OK;
}

enum status product_validate(const struct product *p, int64_t now, bool confirmed, struct err *e)
{
	char choices[64];
	if ((unsigned)p->type >= PTYPE_COUNT)
		return err_set(e, ST_INVALID, "type: accepted %s",
			       product_type_choices(choices, sizeof choices));
	enum status s = product_check_lot(p->lot, e);
	if (s == ST_OK)
		s = product_check_donor(p->donor, e);
	if (s == ST_OK && p->type == PTYPE_UCMSC && p->passage < 0)
		s = err_set(e, ST_INVALID, "passage: required for UC-MSC cells (0-10)");
	if (s == ST_OK && p->passage >= 0)
		s = product_check_limit(PRLIM_PASSAGE, p->passage, confirmed, e);
	if (s == ST_OK && isnan(p->per_vial))
		s = err_set(e, ST_INVALID, "%s: required", limits[types[p->type].limit].field);
	if (s == ST_OK)
		s = product_check_limit(types[p->type].limit, p->per_vial, confirmed, e);
	if (s == ST_OK && p->type == PTYPE_UCMSC && isnan(p->viability))
		s = err_set(e, ST_INVALID, "viability: required for UC-MSC cells (0-100 %%)");
	if (s == ST_OK && !isnan(p->viability))
		s = product_check_limit(PRLIM_VIABILITY, p->viability, confirmed, e);
	if (s == ST_OK && p->expiry == DAY_NONE)
		s = err_set(e, ST_INVALID, "expiry: required (YYYY-MM-DD)");
	if (s == ST_OK)
		s = check_times(p, now, e);
	if (s == ST_OK && (strlen(p->note) > PRODUCT_NOTE_MAX || !text_is_clean(p->note, true)))
		s = err_set(e, ST_INVALID, "note: at most %d bytes of text", PRODUCT_NOTE_MAX);
	return s;
}

bool product_released(const struct product *p)
{
	for (int i = 0; i < PTEST_COUNT; i++)
		if (p->tests[i] != PRES_PASS)
			return false;
	return true;
}

enum status product_usable(const struct product *p, day_t day, struct err *e)
{
	char d[16], failed[128] = "", pending[128] = "";
	size_t nf = 0, np = 0;
	if (p->voided)
		return err_set(e, ST_INVALID, "lot %s is voided: %s", p->lot, p->reason);
	for (int i = 0; i < PTEST_COUNT; i++) {
		enum product_result r = p->tests[i];
		if (r == PRES_FAIL && nf < sizeof failed)
			nf += (size_t)snprintf(failed + nf, sizeof failed - nf, "%s%s %s",
					       nf ? ", " : "", tests[i].key, tests[i].fail);
		else if (r == PRES_PENDING && np < sizeof pending)
			np += (size_t)snprintf(pending + np, sizeof pending - np, "%s%s",
					       np ? ", " : "", tests[i].key);
	}
	if (nf)
		return err_set(e, ST_INVALID, "lot %s failed its release tests (%s)", p->lot,
			       failed);
	if (np)
		return err_set(e, ST_INVALID, "lot %s is not released: %s pending", p->lot,
			       pending);
	if (p->expiry == DAY_NONE || p->expiry < day)
		return err_set(e, ST_INVALID, "lot %s expired on %s", p->lot,
			       date_format(p->expiry, d));
	return ST_OK;
}
