/* protocol.c: reads a treatment protocol INI file with iniparser and checks it whole. */
#include "protocol.h"

#include <ctype.h>
#include <errno.h>
#include <iniparser.h>
#include <math.h>
#include <sha2.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "assets.h"
#include "ini.h"
#include "text.h"
#include "util.h"

struct pctx {
	const char *path;
	const char *text;
	dictionary *dict;
	struct err *e;
};

static const char *const kind_names[] = {
#define PITEM_NAME_(name, text) text,
    PITEM_KIND_INFO(PITEM_NAME_)
#undef PITEM_NAME_
};

static const struct {
	const char *key;
	double lo, hi;
} score_table[] = {
#define PSCORE_ROW_(name, key, lo, hi) {key, lo, hi},
    PSCORE_INFO(PSCORE_ROW_)
#undef PSCORE_ROW_
};

static const struct plan_limit plan_limits[PLIM_COUNT] = {
#define PLAN_LIMIT_ROW_(id, sec, key, label, unit, lo, hi, def) \
	[PLIM_##id] = {sec, key, label, unit, lo, hi, def},
    PLAN_LIMIT_INFO(PLAN_LIMIT_ROW_)
#undef PLAN_LIMIT_ROW_
};

const struct plan_limit *plan_limit(enum plan_limit_id id)
{
	return (unsigned)id < PLIM_COUNT ? &plan_limits[id] : NULL;
}

static const struct plan_limit safety_limits[SAFE_COUNT] = {
#define SAFETY_LIMIT_ROW_(id, sec, key, label, unit, lo, hi, def) \
	[SAFE_##id] = {sec, key, label, unit, lo, hi, def},
    SAFETY_LIMIT_INFO(SAFETY_LIMIT_ROW_)
#undef SAFETY_LIMIT_ROW_
};

const struct plan_limit *safety_limit(enum safety_limit_id id)
{
	return (unsigned)id < SAFE_COUNT ? &safety_limits[id] : NULL;
}

/* True when key is a SAFETY_LIMIT_INFO key of section. */
static bool safety_key(const char *section, const char *key)
{
	for (int i = 0; i < SAFE_COUNT; i++)
		if (strcmp(safety_limits[i].section, section) == 0 &&
		    strcmp(safety_limits[i].key, key) == 0)
			return true;
	return false;
}

/* Keys each section accepts; "item" covers every [item.ID]. */
static const struct {
	const char *section;
	const char *keys[20];
} section_keys[] = {
    {"protocol", {"name", "version"}},
    {"dose", {"cells_per_kg", "cells_per_kg_min", "cells_per_kg_max", "weight_window_days"}},
    {"infusions",
     {"count", "count_min", "count_max", "interval_days", "interval_days_min", "interval_days_max",
      "window_days"}},
    {"followup", {"weeks", "window_days"}},
    {"stopping", {NULL}},     /* every key from SAFETY_LIMIT_INFO */
    {"safety", {"expected"}}, /* and the reporting clocks from SAFETY_LIMIT_INFO */
    {"intrahepatic", {NULL}}, /* every key from SAFETY_LIMIT_INFO */
    {"longterm", {NULL}},     /* every key from SAFETY_LIMIT_INFO */
    {"qol", {NULL}},	      /* every key an instrument code */
    {"item",
     {"label", "help", "kind", "required", "on_fail", "window_days", "analytes", "min", "max",
      "modalities", "finding", "score", "fails_if", "max_grade", "feeds", "or_antiviral",
      "medications", "medications_days"}},
};

static enum status fail(const struct pctx *x, const char *section, const char *key, const char *fmt,
			...) __attribute__((format(printf, 4, 5)));

const char *pitem_kind_str(enum pitem_kind k)
{
	return (unsigned)k < PITEM_KIND_COUNT ? kind_names[k] : "?";
}

bool pitem_answerable(const struct protocol_item *it)
{
	return it->kind == PITEM_QUESTION || it->kind == PITEM_GRADE || it->kind == PITEM_CONSENT ||
	       (it->kind == PITEM_VIRAL && it->or_antiviral);
}

const char *pscore_str(enum pscore s)
{
	return (unsigned)s < PSCORE_COUNT ? score_table[s].key : "?";
}

void protocol_hash(const char *text, char out[65])
{
	SHA256Data((const uint8_t *)text, strlen(text), out);
}

static enum status fail(const struct pctx *x, const char *section, const char *key, const char *fmt,
			...)
{
	char msg[ERR_MSG_MAX];
	va_list ap;
	int line = ini_find_line(x->text, section, key);
	if (!line && key)
		line = ini_find_line(x->text, section, NULL);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return err_set(x->e, ST_INVALID, "%s:%d: [%s]%s%s: %s", x->path, line, section,
		       key ? " " : "", key ? key : "", msg);
}

static const char *const *keys_of(const char *section)
{
	const char *kind = strncmp(section, "item.", 5) == 0 ? "item" : section;
	for (size_t i = 0; i < ARRAY_SIZE(section_keys); i++)
		if (strcmp(section_keys[i].section, kind) == 0)
			return section_keys[i].keys;
	return NULL;
}

/* Every section and key must be known: a misspelt key would otherwise be a
 * silently ignored criterion. */
static enum status check_names(const struct pctx *x)
{
	/* iniparser keeps a key above the first [section] as ":key" and no
	 * section lists it: refuse it, or a misspelt key would be ignored. */
	for (ssize_t i = 0; i < x->dict->size; i++) {
		const char *k = x->dict->key[i];
		if (k && k[0] == ':')
			return fail(x, "", k + 1,
				    "key before any [section]; each key belongs to one");
	}
	int nsec = iniparser_getnsec(x->dict);
	for (int i = 0; i < nsec; i++) {
		const char *sec = iniparser_getsecname(x->dict, i);
		const char *const *known = keys_of(sec);
		if (!known)
			return fail(
			    x, sec, NULL,
			    "unknown section; accepted [protocol], [dose], "
			    "[infusions], [followup], [stopping], [safety], [intrahepatic], "
			    "[longterm], [qol] and [item.ID]");
		int nk = iniparser_getsecnkeys(x->dict, sec);
		const char **keys = xcalloc((size_t)nk + 1, sizeof *keys);
		iniparser_getseckeys(x->dict, sec, keys);
		for (int k = 0; k < nk; k++) {
			const char *name = keys[k] + strlen(sec) + 1;
			bool ok = safety_key(sec, name) || strcmp(sec, "qol") == 0;
			for (int j = 0; known[j] && !ok; j++)
				ok = strcmp(known[j], name) == 0;
			if (!ok) {
				enum status s = fail(x, sec, name, "unknown key");
				free(keys);
				return s;
			}
		}
		free(keys);
	}
	return ST_OK;
}

static const char *get(const struct pctx *x, const char *sec, const char *key)
{
	char name[128];
	snprintf(name, sizeof name, "%s:%s", sec, key);
	return iniparser_getstring(x->dict, name, NULL);
}

static enum status get_text(const struct pctx *x, const char *sec, const char *key, bool need,
			    char *out, size_t n)
{
	const char *v = get(x, sec, key);
	if (!v || !*v) {
		if (need)
			return fail(x, sec, key, "required, and missing");
		out[0] = '\0';
		return ST_OK;
	}
	if (strlen(v) >= n || !text_is_clean(v, false))
		return fail(x, sec, key, "at most %zu characters of plain text", n - 1);
	strlcpy_(out, v, n);
	return ST_OK;
}

static enum status get_int(const struct pctx *x, const char *sec, const char *key, long lo, long hi,
			   int def, int *out)
{
	const char *v = get(x, sec, key);
	long n;
	if (!v) {
		*out = def;
		return ST_OK;
	}
	if (!parse_long(v, lo, hi, &n))
		return fail(x, sec, key, "'%s' is not accepted; a whole number %ld-%ld", v, lo, hi);
	*out = (int)n;
	return ST_OK;
}

static enum status get_num(const struct pctx *x, const char *sec, const char *key, double lo,
			   double hi, double def, double *out)
{
	const char *v = get(x, sec, key);
	double d;
	if (!v) {
		*out = def;
		return ST_OK;
	}
	if (!parse_double(v, &d) || d < lo || d > hi)
		return fail(x, sec, key, "'%s' is not accepted; a number %g-%g", v, lo, hi);
	*out = d;
	return ST_OK;
}

static enum status get_bool(const struct pctx *x, const char *sec, const char *key, const char *yes,
			    const char *no, bool def, bool *out)
{
	const char *v = get(x, sec, key);
	if (!v)
		*out = def;
	else if (strcasecmp(v, yes) == 0)
		*out = true;
	else if (strcasecmp(v, no) == 0)
		*out = false;
	else
		return fail(x, sec, key, "'%s' is not accepted; %s or %s", v, yes, no);
	return ST_OK;
}

/* A default and its bounds: min <= default <= max. */
static enum status check_order(const struct pctx *x, const char *sec, const char *key, double lo,
			       double def, double hi)
{
	char lokey[48];
	snprintf(lokey, sizeof lokey, "%.*s_min", (int)(strlen(key) - 4), key);
	if (!get(x, sec, key) && get(x, sec, lokey))
		key = lokey;
	if (lo > hi)
		return fail(x, sec, key, "impossible bounds: minimum %g is above maximum %g", lo,
			    hi);
	if (def < lo || def > hi)
		return fail(x, sec, key, "default %g is outside its bounds %g-%g", def, lo, hi);
	return ST_OK;
}

/* A plan parameter (key of its row, or key_min/key_max when suffix is
 * given) within the row's bounds, def when the file leaves it out. */
static enum status get_limit_num(const struct pctx *x, enum plan_limit_id id, const char *suffix,
				 double def, double *out)
{
	const struct plan_limit *l = &plan_limits[id];
	char key[48];
	snprintf(key, sizeof key, "%s%s", l->key, suffix);
	return get_num(x, l->section, key, l->min, l->max, def, out);
}

static enum status get_limit_int(const struct pctx *x, enum plan_limit_id id, const char *suffix,
				 int def, int *out)
{
	const struct plan_limit *l = &plan_limits[id];
	char key[48];
	snprintf(key, sizeof key, "%s%s", l->key, suffix);
	return get_int(x, l->section, key, (long)l->min, (long)l->max, def, out);
}

/* A default and its _min and _max, in order. */
static enum status get_limit_range(const struct pctx *x, enum plan_limit_id id, int *def, int *lo,
				   int *hi)
{
	const struct plan_limit *l = &plan_limits[id];
	char key[48];
	enum status s;
	snprintf(key, sizeof key, "%s_max", l->key);
	if ((s = get_limit_int(x, id, "", (int)l->def, def)) ||
	    (s = get_limit_int(x, id, "_min", *def, lo)) ||
	    (s = get_limit_int(x, id, "_max", *def, hi)) ||
	    (s = check_order(x, l->section, key, *lo, *def, *hi)))
		return s;
	return ST_OK;
}

static enum status parse_dose(const struct pctx *x, struct protocol *p)
{
	enum status s;
	if ((s = get_text(x, "protocol", "name", true, p->name, sizeof p->name)) ||
	    (s = get_text(x, "protocol", "version", true, p->version, sizeof p->version)) ||
	    (s = get_limit_num(x, PLIM_CELLS_PER_KG, "", plan_limits[PLIM_CELLS_PER_KG].def,
			       &p->cells_per_kg)) ||
	    (s = get_limit_num(x, PLIM_CELLS_PER_KG, "_min", p->cells_per_kg,
			       &p->cells_per_kg_min)) ||
	    (s = get_limit_num(x, PLIM_CELLS_PER_KG, "_max", p->cells_per_kg,
			       &p->cells_per_kg_max)) ||
	    (s = check_order(x, "dose", "cells_per_kg_max", p->cells_per_kg_min, p->cells_per_kg,
			     p->cells_per_kg_max)) ||
	    (s = get_limit_int(x, PLIM_WEIGHT_WINDOW, "", (int)plan_limits[PLIM_WEIGHT_WINDOW].def,
			       &p->weight_window_days)))
		return s;
	if ((s = get_limit_range(x, PLIM_INFUSIONS, &p->infusions, &p->infusions_min,
				 &p->infusions_max)) ||
	    (s = get_limit_range(x, PLIM_INTERVAL, &p->interval_days, &p->interval_days_min,
				 &p->interval_days_max)) ||
	    (s = get_limit_int(x, PLIM_INFUSION_WINDOW, "",
			       (int)plan_limits[PLIM_INFUSION_WINDOW].def,
			       &p->infusion_window_days)))
		return s;
	return ST_OK;
}

static enum status parse_safety(const struct pctx *x, struct protocol *p)
{
	enum status s = ST_OK;
	for (int i = 0; s == ST_OK && i < SAFE_COUNT; i++) {
		const struct plan_limit *l = &safety_limits[i];
		s = get_num(x, l->section, l->key, l->min, l->max, l->def, &p->safety[i]);
	}
	return s;
}

static enum status parse_expected(const struct pctx *x, struct protocol *p)
{
	const char *v = get(x, "safety", "expected");
	enum status s = ST_OK;
	p->nexpected = 0;
	if (!v)
		return ST_OK;
	char *copy = xstrdup(v), *save = NULL;
	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		while (*t == ' ' || *t == '\t')
			t++;
		for (size_t l = strlen(t); l && (t[l - 1] == ' ' || t[l - 1] == '\t'); l--)
			t[l - 1] = '\0';
		if (!*t)
			continue;
		if (p->nexpected >= PROTOCOL_EXPECTED_MAX || strlen(t) > PROTOCOL_TERM_MAX ||
		    !text_is_clean(t, false)) {
			s = fail(x, "safety", "expected",
				 "'%.40s' is not accepted; at most %d terms of 1-%d characters, "
				 "comma-separated",
				 t, PROTOCOL_EXPECTED_MAX, PROTOCOL_TERM_MAX);
			break;
		}
		strlcpy_(p->expected[p->nexpected++], t, sizeof p->expected[0]);
	}
	free(copy);
	return s;
}

bool protocol_expects(const struct protocol *p, const char *term)
{
	for (int i = 0; i < p->nexpected; i++)
		if (strcasecmp(p->expected[i], term) == 0)
			return true;
	return false;
}

static enum status parse_followup(const struct pctx *x, struct protocol *p)
{
	const char *v = get(x, "followup", "weeks");
	const struct plan_limit *wk = &plan_limits[PLIM_VISIT_WEEK];
	enum status s =
	    get_limit_int(x, PLIM_VISIT_WINDOW, "", (int)plan_limits[PLIM_VISIT_WINDOW].def,
			  &p->visit_window_days);
	if (s)
		return s;
	if (!v)
		v = "1, 2, 4, 8, 12, 24, 36, 48, 72";
	char *copy = xstrdup(v), *save = NULL;
	p->nvisits = 0;
	for (char *t = strtok_r(copy, ", ", &save); t; t = strtok_r(NULL, ", ", &save)) {
		long w;
		if (p->nvisits >= PROTOCOL_VISITS_MAX ||
		    !parse_long(t, (long)wk->min, (long)wk->max, &w) ||
		    (p->nvisits && w <= p->visit_weeks[p->nvisits - 1])) {
			s = fail(x, wk->section, wk->key,
				 "'%s' is not accepted; at most %d week numbers "
				 "%g-%g in increasing order",
				 t, PROTOCOL_VISITS_MAX, wk->min, wk->max);
			break;
		}
		p->visit_weeks[p->nvisits++] = (int)w;
	}
	free(copy);
	if (s == ST_OK && p->nvisits == 0)
		s = fail(x, "followup", "weeks", "list at least one week");
	return s;
}

static enum status parse_qol_one(const struct pctx *x, struct protocol *p, const char *code)
{
	struct protocol_qol *q = &p->qol[p->nqol];
	const char *v = get(x, "qol", code);
	enum status s = ST_OK;
	if (p->nqol == PROTOCOL_QOL_MAX || strlen(code) > PROTOCOL_QOL_CODE_MAX)
		return fail(x, "qol", code, "at most %d instruments, codes of 1-%d characters",
			    PROTOCOL_QOL_MAX, PROTOCOL_QOL_CODE_MAX);
	memset(q, 0, sizeof *q);
	for (int i = 0; code[i]; i++) {
		if (!isalnum((unsigned char)code[i]) && code[i] != '_' && code[i] != '-')
			return fail(x, "qol", code, "an instrument code: letters, digits, - and _");
		q->code[i] = (char)toupper((unsigned char)code[i]);
	}
	char *copy = xstrdup(v ? v : ""), *save = NULL;
	for (char *t = strtok_r(copy, ", ", &save); t && s == ST_OK;
	     t = strtok_r(NULL, ", ", &save)) {
		long w = -1;
		int k = -1;
		if (strcasecmp(t, "contacts") == 0) {
			q->contacts = true;
			continue;
		}
		if ((t[0] == 'W' || t[0] == 'w') && parse_long(t + 1, 1, 520, &w))
			for (int i = 0; i < p->nvisits; i++)
				if (p->visit_weeks[i] == w)
					k = i;
		if (k < 0)
			s = fail(x, "qol", code,
				 "'%s' is not accepted; the [followup] weeks as W<n>, or contacts",
				 t);
		else
			q->week[k] = true;
	}
	free(copy);
	if (s == ST_OK)
		p->nqol++;
	return s;
}

static enum status parse_qol(const struct pctx *x, struct protocol *p)
{
	int nk = iniparser_getsecnkeys(x->dict, "qol");
	enum status s = ST_OK;
	p->nqol = 0;
	if (nk <= 0)
		return ST_OK;
	const char **keys = xcalloc((size_t)nk + 1, sizeof *keys);
	iniparser_getseckeys(x->dict, "qol", keys);
	for (int k = 0; k < nk && s == ST_OK; k++)
		s = parse_qol_one(x, p, keys[k] + 4);
	free(keys);
	return s;
}

char *protocol_qol_due(const struct protocol *p, const char *label, char *buf, size_t n)
{
	size_t len = 0;
	long w = -1;
	bool contact = strncmp(label, "Contact ", 8) == 0;
	if (n)
		buf[0] = '\0';
	if (label[0] != 'W' || !parse_long(label + 1, 1, 520, &w))
		w = -1;
	for (int i = 0; i < p->nqol && len < n; i++) {
		bool due = contact && p->qol[i].contacts;
		for (int k = 0; k < p->nvisits && !due; k++)
			due = p->qol[i].week[k] && p->visit_weeks[k] == w;
		if (!due)
			continue;
		int m = snprintf(buf + len, n - len, "%s%s", len ? ", " : "", p->qol[i].code);
		len += m > 0 ? (size_t)m : 0;
	}
	return buf;
}

static enum status parse_analytes(const struct pctx *x, const char *sec, struct protocol_item *it)
{
	const char *v = get(x, sec, "analytes");
	enum status s = ST_OK;
	if (!v || !*v)
		return fail(x, sec, "analytes", "required for a lab item, and missing");
	char *copy = xstrdup(v), *save = NULL;
	for (char *t = strtok_r(copy, ", ", &save); t; t = strtok_r(NULL, ", ", &save)) {
		enum analyte_id a;
		if (!analyte_from_key(t, &a)) {
			s = fail(x, sec, "analytes", "unknown analyte '%s'", t);
			break;
		}
		it->analytes[it->nanalytes++] = a;
		if (it->nanalytes == ANALYTE_COUNT)
			break;
	}
	free(copy);
	if (s != ST_OK)
		return s;
	for (int i = 0; i < it->nanalytes; i++) {
		const struct analyte *an = analyte_get(it->analytes[i]);
		if ((!isnan(it->min) && (it->min < an->hard_lo || it->min > an->hard_hi)) ||
		    (!isnan(it->max) && (it->max < an->hard_lo || it->max > an->hard_hi)))
			return fail(x, sec, isnan(it->max) ? "min" : "max",
				    "impossible bound for %s: accepted %g-%g %s", an->key,
				    an->hard_lo, an->hard_hi, an->unit[UNITS_US]);
	}
	return ST_OK;
}

/* min and max may be a Child-Pugh class letter for child_pugh_class. */
static enum status get_bound(const struct pctx *x, const char *sec, const char *key, bool letters,
			     double *out)
{
	const char *v = get(x, sec, key);
	*out = NAN;
	if (!v)
		return ST_OK;
	if (letters && strlen(v) == 1 && strchr("ABCabc", v[0])) {
		*out = (v[0] | 0x20) - 'a' + 1;
		return ST_OK;
	}
	if (!parse_double(v, out))
		return fail(x, sec, key, "'%s' is not a number", v);
	return ST_OK;
}

static enum status parse_score(const struct pctx *x, const char *sec, struct protocol_item *it)
{
	const char *v = get(x, sec, "score");
	int i = 0;
	for (; v && i < PSCORE_COUNT; i++)
		if (strcmp(v, score_table[i].key) == 0)
			break;
	if (!v || i == PSCORE_COUNT)
		return fail(x, sec, "score",
			    "'%s' is not accepted; meld, meld_na, meld3, "
			    "child_pugh, child_pugh_class, albi_grade, fib4 or apri",
			    v ? v : "");
	it->score = (enum pscore)i;
	double lo = score_table[i].lo, hi = score_table[i].hi;
	if (isnan(it->min) && isnan(it->max))
		return fail(x, sec, "max", "a score item needs min, max or both");
	if ((!isnan(it->min) && (it->min < lo || it->min > hi)))
		return fail(x, sec, "min", "impossible bound %g for %s: accepted %g-%g", it->min, v,
			    lo, hi);
	if ((!isnan(it->max) && (it->max < lo || it->max > hi)))
		return fail(x, sec, "max", "impossible bound %g for %s: accepted %g-%g", it->max, v,
			    lo, hi);
	return ST_OK;
}

static enum status parse_imaging(const struct pctx *x, const char *sec, struct protocol_item *it)
{
	const char *f = get(x, sec, "finding"), *m = get(x, sec, "modalities");
	enum status s = ST_OK;
	if (f && strcmp(f, "hcc") == 0)
		it->finding = PFIND_HCC;
	else if (f && strcmp(f, "thrombosis") == 0)
		it->finding = PFIND_THROMBOSIS;
	else
		return fail(x, sec, "finding", "'%s' is not accepted; hcc or thrombosis",
			    f ? f : "");
	if (!m || !*m)
		return fail(x, sec, "modalities", "required for an imaging item, and missing");
	char *copy = xstrdup(m), *save = NULL;
	for (char *t = strtok_r(copy, ", ", &save); t; t = strtok_r(NULL, ", ", &save)) {
		enum modality md;
		if (!modality_parse(t, &md)) {
			s = fail(x, sec, "modalities",
				 "unknown modality '%s'; accepted ultrasound, "
				 "doppler, ct, mri, elastography",
				 t);
			break;
		}
		it->modality[md] = true;
	}
	free(copy);
	return s;
}

/* age: min and/or max in whole years, 0-120. */
static enum status parse_age(const struct pctx *x, const char *sec, struct protocol_item *it)
{
	if (isnan(it->min) && isnan(it->max))
		return fail(x, sec, "max", "an age item needs min, max or both (years)");
	if (!isnan(it->min) && (it->min < 0 || it->min > 120 || it->min != floor(it->min)))
		return fail(x, sec, "min", "impossible age %g: accepted 0-120 whole years",
			    it->min);
	if (!isnan(it->max) && (it->max < 0 || it->max > 120 || it->max != floor(it->max)))
		return fail(x, sec, "max", "impossible age %g: accepted 0-120 whole years",
			    it->max);
	return ST_OK;
}

/* question: fails_if = yes | no; medications = a class of med.h whose
 * entry on the patient's list within medications_days (default the item's
 * window) answers "yes". */
static enum status parse_question(const struct pctx *x, const char *sec, struct protocol_item *it)
{
	char choices[160];
	enum status s = get_bool(x, sec, "fails_if", "yes", "no", true, &it->yes_fails);
	const char *cls = get(x, sec, "medications");
	it->med_class = MEDC_COUNT;
	if (s == ST_OK && cls && !med_class_parse(cls, &it->med_class))
		return fail(x, sec, "medications", "'%s' is not accepted; %s", cls,
			    med_choices('c', choices, sizeof choices));
	if (s == ST_OK)
		s = get_int(x, sec, "medications_days", 0, 3650, it->window_days, &it->med_days);
	return s;
}

/* viral: max = the HBV DNA threshold in IU/mL; or_antiviral = yes | no. */
static enum status parse_viral(const struct pctx *x, const char *sec, struct protocol_item *it)
{
	const struct analyte *an = analyte_get(ANALYTE_HBV_DNA);
	if (isnan(it->max))
		return fail(x, sec, "max", "a viral item needs max, the HBV DNA threshold in %s",
			    an->unit[UNITS_US]);
	if (!isnan(it->min))
		return fail(x, sec, "min", "not accepted for a viral item; give max only");
	if (it->max <= an->hard_lo || it->max > an->hard_hi)
		return fail(x, sec, "max",
			    "impossible HBV DNA threshold %g: accepted above %g up to %g %s",
			    it->max, an->hard_lo, an->hard_hi, an->unit[UNITS_US]);
	return get_bool(x, sec, "or_antiviral", "yes", "no", false, &it->or_antiviral);
}

/* exam: finding = ascites (ICA 0-3) | encephalopathy (West Haven 0-4), max_grade. */
static enum status parse_exam(const struct pctx *x, const char *sec, struct protocol_item *it)
{
	const char *f = get(x, sec, "finding");
	if (f && strcmp(f, "ascites") == 0)
		it->exam = PEXAM_ASCITES;
	else if (f && strcmp(f, "encephalopathy") == 0)
		it->exam = PEXAM_ENCEPHALOPATHY;
	else
		return fail(x, sec, "finding", "'%s' is not accepted; ascites or encephalopathy",
			    f ? f : "");
	if (!get(x, sec, "max_grade"))
		return fail(x, sec, "max_grade", "required for an exam item, and missing");
	return get_int(x, sec, "max_grade", 0, it->exam == PEXAM_ASCITES ? 3 : 4, 0,
		       &it->max_grade);
}

static enum status parse_kind_fields(const struct pctx *x, const char *sec,
				     struct protocol_item *it)
{
	if (!isnan(it->min) && !isnan(it->max) && it->min > it->max)
		return fail(x, sec, "max", "impossible bounds: min %g is above max %g", it->min,
			    it->max);
	switch (it->kind) {
	case PITEM_LAB:
		return parse_analytes(x, sec, it);
	case PITEM_SCORE:
		return parse_score(x, sec, it);
	case PITEM_IMAGING:
		return parse_imaging(x, sec, it);
	case PITEM_QUESTION:
		return parse_question(x, sec, it);
	case PITEM_GRADE: {
		const char *feeds = get(x, sec, "feeds");
		if (feeds && strcmp(feeds, "encephalopathy") != 0)
			return fail(x, sec, "feeds", "'%s' is not accepted; encephalopathy", feeds);
		it->feeds_encephalopathy = feeds != NULL;
		if (!get(x, sec, "max_grade"))
			return fail(x, sec, "max_grade", "required for a grade item, and missing");
		return get_int(x, sec, "max_grade", 0, 4, 0, &it->max_grade);
	}
	case PITEM_AGE:
		return parse_age(x, sec, it);
	case PITEM_VIRAL:
		return parse_viral(x, sec, it);
	case PITEM_EXAM:
		return parse_exam(x, sec, it);
	case PITEM_WEIGHT:
	case PITEM_CONSENT:
	case PITEM_KIND_COUNT:
		break;
	}
	return ST_OK;
}

static enum status parse_item(const struct pctx *x, const char *sec, struct protocol_item *it)
{
	const char *id = sec + 5, *k = get(x, sec, "kind");
	enum status s;
	memset(it, 0, sizeof *it);
	it->med_class = MEDC_COUNT;
	if (!*id || strlen(id) > PROTOCOL_ID_MAX ||
	    strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789_") != strlen(id))
		return fail(x, sec, NULL, "item id '%s': 1-%d of a-z, 0-9 and _", id,
			    PROTOCOL_ID_MAX);
	strlcpy_(it->id, id, sizeof it->id);
	int i = 0;
	for (; k && i < PITEM_KIND_COUNT; i++)
		if (strcmp(k, kind_names[i]) == 0)
			break;
	if (!k || i == PITEM_KIND_COUNT)
		return fail(x, sec, "kind",
			    "'%s' is not accepted; lab, imaging, score, weight, "
			    "question, grade, consent, age, viral or exam",
			    k ? k : "");
	it->kind = (enum pitem_kind)i;
	if ((s = get_text(x, sec, "label", true, it->label, sizeof it->label)) ||
	    (s = get_text(x, sec, "help", false, it->help, sizeof it->help)) ||
	    (s = get_bool(x, sec, "required", "yes", "no", true, &it->required)) ||
	    (s = get_bool(x, sec, "on_fail", "exclude", "hold", false, &it->excludes)) ||
	    (s = get_int(x, sec, "window_days", 0, 3650, 0, &it->window_days)) ||
	    (s = get_bound(x, sec, "min", it->kind == PITEM_SCORE, &it->min)) ||
	    (s = get_bound(x, sec, "max", it->kind == PITEM_SCORE, &it->max)))
		return s;
	return parse_kind_fields(x, sec, it);
}

static enum status parse_all(const struct pctx *x, struct protocol *p)
{
	enum status s = check_names(x);
	if (s == ST_OK)
		s = parse_dose(x, p);
	if (s == ST_OK)
		s = parse_followup(x, p);
	if (s == ST_OK)
		s = parse_safety(x, p);
	if (s == ST_OK)
		s = parse_expected(x, p);
	if (s == ST_OK)
		s = parse_qol(x, p);
	int nsec = iniparser_getnsec(x->dict);
	for (int i = 0; s == ST_OK && i < nsec; i++) {
		const char *sec = iniparser_getsecname(x->dict, i);
		if (strncmp(sec, "item.", 5) != 0)
			continue;
		if (p->nitems == PROTOCOL_ITEMS_MAX)
			return fail(x, sec, NULL, "more than %d items", PROTOCOL_ITEMS_MAX);
		s = parse_item(x, sec, &p->items[p->nitems++]);
	}
	if (s == ST_OK && p->nitems == 0)
		s = err_set(x->e, ST_INVALID, "%s:0: [item.ID]: the protocol has no items",
			    x->path);
	return s;
}

enum status protocol_parse(const char *display_path, const char *text, struct protocol *out,
			   struct err *e)
{
	struct pctx x = {display_path ? display_path : "protocol", text, NULL, e};
	if (!text || strlen(text) > PROTOCOL_TEXT_MAX)
		return err_set(e, ST_INVALID, "%s:0: larger than %d bytes", x.path,
			       PROTOCOL_TEXT_MAX);
	x.dict = ini_load_text(x.text, x.path, "protocol", e);
	if (!x.dict)
		return ST_INVALID;
	struct protocol *p = xcalloc(1, sizeof *p);
	enum status s = parse_all(&x, p);
	iniparser_freedict(x.dict);
	if (s == ST_OK) {
		strlcpy_(p->path, x.path, sizeof p->path);
		protocol_hash(text, p->hash);
		*out = *p;
	}
	free(p);
	return s;
}

enum status protocol_read_text(const char *path, char **out, struct err *e)
{
	FILE *f = fopen(path, "r");
	*out = NULL;
	if (!f) {
		const char *builtin = asset_text(path);
		if (builtin) {
			*out = xstrdup(builtin);
			return ST_OK;
		}
		return err_set(e, errno == ENOENT ? ST_NOT_FOUND : ST_IO, "protocol %s: %s", path,
			       strerror(errno));
	}
	struct strbuf sb;
	char buf[4096];
	size_t got;
	sb_init(&sb);
	while ((got = fread(buf, 1, sizeof buf, f)) > 0 && sb.len <= PROTOCOL_TEXT_MAX)
		sb_addn(&sb, buf, got);
	bool bad = ferror(f) || memchr(sb_str(&sb), '\0', sb.len);
	fclose(f);
	if (bad || sb.len > PROTOCOL_TEXT_MAX) {
		sb_done(&sb);
		return err_set(e, ST_INVALID, "%s:0: unreadable, binary or larger than %d bytes",
			       path, PROTOCOL_TEXT_MAX);
	}
	*out = sb_take(&sb);
	return ST_OK;
}

enum status protocol_load_file(const char *path, struct protocol *out, struct err *e)
{
	char *text;
	enum status s = protocol_read_text(path, &text, e);
	if (s != ST_OK)
		return s;
	s = protocol_parse(path, text, out, e);
	free(text);
	return s;
}

const struct protocol_item *protocol_item(const struct protocol *p, const char *id)
{
	for (int i = 0; id && i < p->nitems; i++)
		if (strcmp(p->items[i].id, id) == 0)
			return &p->items[i];
	return NULL;
}
