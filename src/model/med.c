/* med.c: concomitant medications — the shipped list and its lookup, dose
 * limits per unit, the entry's checks and what is taken on a day. */
#include "med.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "text.h"
#include "util.h"

static const struct med_listed listed[] = {
#define MEDL_ROW_(name, aliases, atc, cls, unit, route) \
	{name, aliases, atc, MEDC_##cls, unit, route},
    MED_LIST_INFO(MEDL_ROW_)
#undef MEDL_ROW_
};

static const struct {
	const char *key, *label;
} classes[MEDC_COUNT] = {
#define MEDC_ROW_(id, key, label) [MEDC_##id] = {key, label},
    MED_CLASS_INFO(MEDC_ROW_)
#undef MEDC_ROW_
};

static const struct {
	const char *key;
	double max, warn;
} units[MEDU_COUNT] = {
#define MEDU_ROW_(id, key, max, warn) [MEDU_##id] = {key, max, warn},
    MED_UNIT_INFO(MEDU_ROW_)
#undef MEDU_ROW_
};

static const char *const routes[MEDR_COUNT] = {
#define MEDR_ROW_(id, key) [MEDR_##id] = key,
    MED_ROUTE_INFO(MEDR_ROW_)
#undef MEDR_ROW_
};

static const struct {
	const char *key, *label;
} freqs[MEDF_COUNT] = {
#define MEDF_ROW_(id, key, label) [MEDF_##id] = {key, label},
    MED_FREQ_INFO(MEDF_ROW_)
#undef MEDF_ROW_
};

const struct med_listed *med_list(int *n)
{
	*n = (int)ARRAY_SIZE(listed);
	return listed;
}

/* name equals one of the "|"-separated words of list (letter case
 * ignored). */
static bool in_aliases(const char *list, const char *name)
{
	size_t len = strlen(name);
	for (const char *p = list; *p;) {
		const char *bar = strchr(p, '|');
		size_t w = bar ? (size_t)(bar - p) : strlen(p);
		if (w == len && strncasecmp(p, name, len) == 0)
			return true;
		p += w + (bar ? 1 : 0);
	}
	return false;
}

const struct med_listed *med_lookup(const char *name)
{
	for (size_t i = 0; name && *name && i < ARRAY_SIZE(listed); i++)
		if (strcasecmp(listed[i].name, name) == 0 || strcasecmp(listed[i].atc, name) == 0 ||
		    in_aliases(listed[i].aliases, name))
			return &listed[i];
	return NULL;
}

void med_init(struct med *m)
{
	memset(m, 0, sizeof *m);
	m->dose = NAN;
	m->unit = MEDU_MG;
	m->route = MEDR_ORAL;
	m->freq = MEDF_QD;
	m->start = m->stop = DAY_NONE;
}

const char *med_class_str(enum med_class c)
{
	return (unsigned)c < MEDC_COUNT ? classes[c].key : "";
}

const char *med_class_label(enum med_class c)
{
	return (unsigned)c < MEDC_COUNT ? classes[c].label : "";
}

const char *med_unit_str(enum med_unit u)
{
	return (unsigned)u < MEDU_COUNT ? units[u].key : "";
}

const char *med_route_str(enum med_route r)
{
	return (unsigned)r < MEDR_COUNT ? routes[r] : "";
}

const char *med_freq_str(enum med_freq f)
{
	return (unsigned)f < MEDF_COUNT ? freqs[f].key : "";
}

const char *med_freq_label(enum med_freq f)
{
	return (unsigned)f < MEDF_COUNT ? freqs[f].label : "";
}

/* The index of s among n keys reached through key(i), or -1. */
static int find_key(const char *s, int n, const char *(*key)(int))
{
	for (int i = 0; s && i < n; i++)
		if (strcmp(s, key(i)) == 0)
			return i;
	return -1;
}

static const char *class_key(int i)
{
	return classes[i].key;
}
static const char *unit_key(int i)
{
	return units[i].key;
}
static const char *route_key(int i)
{
	return routes[i];
}
static const char *freq_key(int i)
{
	return freqs[i].key;
}

bool med_class_parse(const char *s, enum med_class *out)
{
	int i = find_key(s, MEDC_COUNT, class_key);
	if (i >= 0)
		*out = (enum med_class)i;
	return i >= 0;
}

bool med_unit_parse(const char *s, enum med_unit *out)
{
	int i = find_key(s, MEDU_COUNT, unit_key);
	if (i < 0 && s && strcmp(s, "ug") == 0) /* µg typed without the micro sign */
		i = MEDU_UG;
	if (i >= 0)
		*out = (enum med_unit)i;
	return i >= 0;
}

bool med_route_parse(const char *s, enum med_route *out)
{
	int i = find_key(s, MEDR_COUNT, route_key);
	if (i >= 0)
		*out = (enum med_route)i;
	return i >= 0;
}

bool med_freq_parse(const char *s, enum med_freq *out)
{
	int i = find_key(s, MEDF_COUNT, freq_key);
	if (i >= 0)
		*out = (enum med_freq)i;
	return i >= 0;
}

char *med_choices(char kind, char *out, size_t n)
{
	int count = kind == 'u'	  ? MEDU_COUNT
		    : kind == 'r' ? MEDR_COUNT
		    : kind == 'f' ? MEDF_COUNT
				  : MEDC_COUNT;
	const char *(*key)(int) = kind == 'u'	? unit_key
				  : kind == 'r' ? route_key
				  : kind == 'f' ? freq_key
						: class_key;
	size_t len = 0;
	out[0] = '\0';
	for (int i = 0; i < count && len < n; i++)
		len += (size_t)snprintf(out + len, n - len, "%s%s", i ? "|" : "", key(i));
	return out;
}

enum status med_set_name(struct med *m, const char *text, struct err *e)
{
	const struct med_listed *l = med_lookup(text);
	if (l) {
		strlcpy_(m->name, l->name, sizeof m->name);
		strlcpy_(m->atc, l->atc, sizeof m->atc);
		m->cls = l->cls;
		return ST_OK;
	}
	if (!text || !*text || strlen(text) > MED_NAME_MAX || !text_is_clean(text, false))
		return err_set(e, ST_INVALID, "name: 1-%d characters of one-line text",
			       MED_NAME_MAX);
	strlcpy_(m->name, text, sizeof m->name);
	m->atc[0] = '\0';
	m->cls = MEDC_OTHER;
	return ST_OK;
}

enum status med_check_dose(double dose, enum med_unit u, bool confirmed, struct err *e)
{
	if ((unsigned)u >= MEDU_COUNT)
		return err_set(e, ST_INVALID, "unit: not a dose unit");
	if (isnan(dose) || dose <= 0 || dose > units[u].max)
		return err_set(e, ST_INVALID, "dose: %.12g %s is outside 0-%.12g %s (above 0)",
			       dose, units[u].key, units[u].max, units[u].key);
	if (!confirmed && dose > units[u].warn)
		return err_set(e, ST_CONFIRM,
			       "dose: %.12g %s is above %.12g %s — confirm the dose and its unit",
			       dose, units[u].key, units[u].warn, units[u].key);
	return ST_OK;
}

enum status med_validate(const struct med *m, day_t today, bool confirmed, struct err *e)
{
	char a[16], b[16];
	if (!*m->name)
		return err_set(e, ST_INVALID, "name: required");
	if (!isnan(m->dose)) {
		enum status s = med_check_dose(m->dose, m->unit, confirmed, e);
		if (s != ST_OK)
			return s;
	}
	if (m->start == DAY_NONE)
		return err_set(e, ST_INVALID, "start: required (YYYY-MM-DD)");
	if (m->start > today)
		return err_set(e, ST_INVALID, "start: %s is after today", date_format(m->start, a));
	if (m->stop != DAY_NONE && m->stop < m->start)
		return err_set(e, ST_INVALID, "stop: %s is before the start %s",
			       date_format(m->stop, a), date_format(m->start, b));
	if (m->stop != DAY_NONE && m->stop > today)
		return err_set(e, ST_INVALID, "stop: %s is after today", date_format(m->stop, a));
	if (strlen(m->indication) > MED_INDICATION_MAX || !text_is_clean(m->indication, false))
		return err_set(e, ST_INVALID, "indication: at most %d characters of one-line text",
			       MED_INDICATION_MAX);
	return ST_OK;
}

bool med_taken_on(const struct med *m, day_t day)
{
	return !m->voided && m->start != DAY_NONE && m->start <= day &&
	       (m->stop == DAY_NONE || m->stop >= day);
}

const struct med *med_of_class(const struct med *list, int n, enum med_class c, day_t day, int days)
{
	for (int i = 0; i < n; i++) {
		const struct med *m = &list[i];
		if (m->cls != c || m->voided || m->start == DAY_NONE || m->start > day)
			continue;
		if (m->stop == DAY_NONE || m->stop >= day - days)
			return m;
	}
	return NULL;
}

char *med_describe(const struct med *m, char *out, size_t n)
{
	char d[16], s[16], dose[40] = "";
	if (!isnan(m->dose))
		snprintf(dose, sizeof dose, " %g %s", m->dose, med_unit_str(m->unit));
	snprintf(out, n, "%s%s%s%s%s %s %s from %s%s%s", m->name, *m->atc ? " (" : "", m->atc,
		 *m->atc ? ")" : "", dose, med_route_str(m->route), med_freq_label(m->freq),
		 date_format(m->start, d), m->stop == DAY_NONE ? "" : " to ",
		 m->stop == DAY_NONE ? "" : date_format(m->stop, s));
	return out;
}
