/* qol.c: reads a quality-of-life instrument INI file with iniparser, checks
 * answers against it and computes its domain scores. */
#include "qol.h"

#include <ctype.h>
#include <errno.h>
#include <iniparser.h>
#include <math.h>
#include <sha2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "ini.h"
#include "text.h"
#include "util.h"

struct qctx {
	const char *path;
	const char *text;
	dictionary *dict;
	struct err *e;
};

static const char *const instrument_keys[] = {
    "code",    "name",	 "version",	     "min",	"max", "low", "high",
    "scoring", "higher", "min_answered_pct", "overall", NULL};
static const char *const domain_keys[] = {"label", NULL};
static const char *const item_keys[] = {"text", "domain", "reverse", NULL};

static enum status fail(const struct qctx *x, const char *section, const char *key, const char *fmt,
			...) __attribute__((format(printf, 4, 5)));

static enum status fail(const struct qctx *x, const char *section, const char *key, const char *fmt,
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

static const char *get(const struct qctx *x, const char *sec, const char *key)
{
	char name[128];
	snprintf(name, sizeof name, "%s:%s", sec, key);
	return iniparser_getstring(x->dict, name, NULL);
}

static enum status get_text(const struct qctx *x, const char *sec, const char *key, bool need,
			    char *out, size_t n)
{
	const char *v = get(x, sec, key);
	if (!v || !*v) {
		out[0] = '\0';
		return need ? fail(x, sec, key, "required, and missing") : ST_OK;
	}
	if (strlen(v) >= n || !text_is_clean(v, false))
		return fail(x, sec, key, "at most %zu characters of plain text", n - 1);
	strlcpy_(out, v, n);
	return ST_OK;
}

static enum status get_int(const struct qctx *x, const char *sec, const char *key, long lo, long hi,
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

static enum status get_choice(const struct qctx *x, const char *sec, const char *key, const char *a,
			      const char *b, bool def_a, bool *is_a)
{
	const char *v = get(x, sec, key);
	if (!v)
		*is_a = def_a;
	else if (strcasecmp(v, a) == 0)
		*is_a = true;
	else if (strcasecmp(v, b) == 0)
		*is_a = false;
	else
		return fail(x, sec, key, "'%s' is not accepted; %s or %s", v, a, b);
	return ST_OK;
}

static const char *const *keys_of(const char *sec)
{
	if (strcmp(sec, "instrument") == 0)
		return instrument_keys;
	if (strncmp(sec, "domain.", 7) == 0)
		return domain_keys;
	if (strncmp(sec, "item.", 5) == 0)
		return item_keys;
	return NULL;
}

static enum status check_names(const struct qctx *x)
{
	int nsec = iniparser_getnsec(x->dict);
	for (int i = 0; i < nsec; i++) {
		const char *sec = iniparser_getsecname(x->dict, i);
		const char *const *known = keys_of(sec);
		if (!known)
			return fail(x, sec, NULL,
				    "unknown section; accepted [instrument], [domain.ID] and "
				    "[item.N]");
		int nk = iniparser_getsecnkeys(x->dict, sec);
		const char **keys = xcalloc((size_t)nk + 1, sizeof *keys);
		iniparser_getseckeys(x->dict, sec, keys);
		for (int k = 0; k < nk; k++) {
			const char *name = keys[k] + strlen(sec) + 1;
			bool ok = false;
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

static enum status parse_head(const struct qctx *x, struct qol_instrument *q)
{
	const char *sec = "instrument";
	bool mean = true;
	enum status s;
	if ((s = get_text(x, sec, "code", true, q->code, sizeof q->code)) ||
	    (s = get_text(x, sec, "name", true, q->name, sizeof q->name)) ||
	    (s = get_text(x, sec, "version", true, q->version, sizeof q->version)) ||
	    (s = get_int(x, sec, "min", QOL_SCALE_MIN, QOL_SCALE_MAX, -1, &q->min)) ||
	    (s = get_int(x, sec, "max", QOL_SCALE_MIN, QOL_SCALE_MAX, -1, &q->max)) ||
	    (s = get_text(x, sec, "low", false, q->low, sizeof q->low)) ||
	    (s = get_text(x, sec, "high", false, q->high, sizeof q->high)) ||
	    (s = get_choice(x, sec, "scoring", "mean", "sum", true, &mean)) ||
	    (s = get_choice(x, sec, "higher", "better", "worse", true, &q->higher_better)) ||
	    (s = get_int(x, sec, "min_answered_pct", 1, 100, 50, &q->min_answered_pct)) ||
	    (s = get_choice(x, sec, "overall", "yes", "no", false, &q->overall)))
		return s;
	q->scoring = mean ? QOL_MEAN : QOL_SUM;
	for (char *p = q->code; *p; p++) {
		if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_')
			return fail(x, sec, "code", "'%s': letters, digits, - and _ only", q->code);
		*p = (char)toupper((unsigned char)*p);
	}
	if (q->min < 0 || q->max < 0)
		return fail(x, sec, q->min < 0 ? "min" : "max",
			    "required: the response scale, whole numbers %d-%d", QOL_SCALE_MIN,
			    QOL_SCALE_MAX);
	if (q->min >= q->max)
		return fail(x, sec, "max", "%d is not above min %d", q->max, q->min);
	return ST_OK;
}

static enum status parse_domains(const struct qctx *x, struct qol_instrument *q)
{
	int nsec = iniparser_getnsec(x->dict);
	enum status s = ST_OK;
	for (int i = 0; s == ST_OK && i < nsec; i++) {
		const char *sec = iniparser_getsecname(x->dict, i);
		if (strncmp(sec, "domain.", 7) != 0)
			continue;
		if (q->ndomains == QOL_DOMAINS_MAX || strlen(sec + 7) > QOL_ID_MAX || !sec[7])
			return fail(x, sec, NULL, "at most %d domains, ids of 1-%d characters",
				    QOL_DOMAINS_MAX, QOL_ID_MAX);
		struct qol_domain *d = &q->domains[q->ndomains++];
		strlcpy_(d->id, sec + 7, sizeof d->id);
		s = get_text(x, sec, "label", true, d->label, sizeof d->label);
	}
	if (s == ST_OK && q->ndomains == 0)
		s = fail(x, "instrument", NULL, "no [domain.ID]; every item belongs to a domain");
	return s;
}

static int domain_index(const struct qol_instrument *q, const char *id)
{
	for (int i = 0; id && i < q->ndomains; i++)
		if (strcasecmp(q->domains[i].id, id) == 0)
			return i;
	return -1;
}

static enum status parse_items(const struct qctx *x, struct qol_instrument *q)
{
	int nsec = iniparser_getnsec(x->dict), nitems = 0;
	char sec[32];
	enum status s = ST_OK;
	for (int i = 0; i < nsec; i++)
		nitems += strncmp(iniparser_getsecname(x->dict, i), "item.", 5) == 0;
	if (nitems == 0 || nitems > QOL_ITEMS_MAX)
		return fail(x, "instrument", NULL, "1-%d items ([item.1], [item.2], ...)",
			    QOL_ITEMS_MAX);
	for (int n = 1; s == ST_OK && n <= nitems; n++) {
		snprintf(sec, sizeof sec, "item.%d", n);
		if (iniparser_find_entry(x->dict, sec) == 0)
			return fail(x, sec, NULL, "missing: items are numbered 1 to %d", nitems);
		struct qol_item *it = &q->items[q->nitems++];
		const char *dom = get(x, sec, "domain");
		if ((s = get_text(x, sec, "text", true, it->text, sizeof it->text)) ||
		    (s = get_choice(x, sec, "reverse", "yes", "no", false, &it->reverse)))
			return s;
		it->domain = domain_index(q, dom);
		if (it->domain < 0)
			return fail(x, sec, "domain", "'%s' is not a [domain.ID] of this file",
				    dom ? dom : "");
		q->domains[it->domain].nitems++;
	}
	for (int d = 0; d < q->ndomains; d++)
		if (q->domains[d].nitems == 0) {
			char dsec[48];
			snprintf(dsec, sizeof dsec, "domain.%s", q->domains[d].id);
			return fail(x, dsec, NULL, "no item belongs to this domain");
		}
	return ST_OK;
}

enum status qol_parse(const char *display_path, const char *text, struct qol_instrument *out,
		      struct err *e)
{
	struct qctx x = {display_path ? display_path : "instrument", text, NULL, e};
	if (!text || strlen(text) > QOL_FILE_MAX)
		return err_set(e, ST_INVALID, "%s:0: larger than %d bytes", x.path, QOL_FILE_MAX);
	if (!text_is_clean(text, true))
		return err_set(e, ST_INVALID, "%s:0: control characters in the text", x.path);
	if (!(x.dict = ini_load_text(x.text, x.path, "instrument", x.e)))
		return ST_INVALID;
	struct qol_instrument *q = xcalloc(1, sizeof *q);
	enum status s = check_names(&x);
	if (s == ST_OK && iniparser_find_entry(x.dict, "instrument") == 0)
		s = err_set(e, ST_INVALID, "%s:0: [instrument]: missing", x.path);
	if (s == ST_OK)
		s = parse_head(&x, q);
	if (s == ST_OK)
		s = parse_domains(&x, q);
	if (s == ST_OK)
		s = parse_items(&x, q);
	iniparser_freedict(x.dict);
	if (s == ST_OK) {
		SHA256Data((const uint8_t *)text, strlen(text), q->hash);
		*out = *q;
	}
	free(q);
	return s;
}

/* The next text of texts (skipping blank and comment lines) into buf;
 * false at the end. *line counts lines. */
static bool next_text(const char **p, int *line, char *buf, size_t n, bool *too_long)
{
	while (**p) {
		const char *end = strchr(*p, '\n');
		size_t len = end ? (size_t)(end - *p) : strlen(*p);
		const char *s = *p;
		*p = end ? end + 1 : s + len;
		(*line)++;
		while (len && (s[len - 1] == '\r' || s[len - 1] == ' ' || s[len - 1] == '\t'))
			len--;
		while (len && (*s == ' ' || *s == '\t')) {
			s++;
			len--;
		}
		if (!len || *s == '#')
			continue;
		*too_long = len >= n;
		snprintf(buf, n, "%.*s", (int)(len < n ? len : n - 1), s);
		for (char *c = buf; *c; c++)
			if (*c == '"')
				*c = '\'';
		return true;
	}
	return false;
}

enum status qol_with_texts(const char *structure, const char *texts, char **out, struct err *e)
{
	struct strbuf sb;
	char text[QOL_TEXT_MAX + 2];
	const char *t = texts ? texts : "", *p = structure ? structure : "";
	int line = 0, item = 0;
	bool too_long = false;
	*out = NULL;
	sb_init(&sb);
	while (*p) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) + 1 : strlen(p);
		sb_addn(&sb, p, len);
		if (!end)
			sb_addc(&sb, '\n');
		if (strncmp(p, "[item.", 6) == 0) {
			item++;
			if (!next_text(&t, &line, text, sizeof text - 1, &too_long)) {
				sb_done(&sb);
				return err_set(e, ST_INVALID,
					       "texts: %d item texts for more items; one text per "
					       "line in item order",
					       item - 1);
			}
			if (too_long || !text_is_clean(text, false)) {
				sb_done(&sb);
				return err_set(
				    e, ST_INVALID,
				    "texts:%d: item %d: at most %d characters of plain text", line,
				    item, QOL_TEXT_MAX);
			}
			sb_add(&sb, "text = \"");
			sb_add(&sb, text);
			sb_add(&sb, "\"\n");
		}
		p += len;
	}
	if (next_text(&t, &line, text, sizeof text - 1, &too_long)) {
		sb_done(&sb);
		return err_set(e, ST_INVALID, "texts:%d: more texts than the %d items", line, item);
	}
	*out = sb_take(&sb);
	return ST_OK;
}

enum status qol_parse_answers(const struct qol_instrument *q, const char *csv, int *answers,
			      struct err *e)
{
	const char *p = csv ? csv : "";
	int n = 0;
	for (;;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char tok[16];
		long v;
		if (n == q->nitems)
			return err_set(
			    e, ST_INVALID,
			    "answers: more than the %d items of %s; one answer per item, "
			    "comma-separated",
			    q->nitems, q->code);
		snprintf(tok, sizeof tok, "%.*s", (int)(len < 15 ? len : 15), p);
		if (len == 0 || strcmp(tok, "-") == 0)
			answers[n] = QOL_MISSING;
		else if (len < 15 && parse_long(tok, q->min, q->max, &v))
			answers[n] = (int)v;
		else
			return err_set(e, ST_INVALID,
				       "answers: item %d: '%s' is not accepted; %d-%d (%s%s%s), or "
				       "empty when not answered",
				       n + 1, tok, q->min, q->max, *q->low ? q->low : "lowest",
				       " to ", *q->high ? q->high : "highest");
		n++;
		if (!end)
			break;
		p = end + 1;
	}
	if (n != q->nitems)
		return err_set(e, ST_INVALID,
			       "answers: %d given, %s has %d items; leave an entry empty when not "
			       "answered",
			       n, q->code, q->nitems);
	return ST_OK;
}

void qol_format_answers(const struct qol_instrument *q, const int *answers, char *buf, size_t n)
{
	size_t len = 0;
	if (n)
		buf[0] = '\0';
	for (int i = 0; i < q->nitems && len < n; i++) {
		int k = answers[i] == QOL_MISSING
			    ? snprintf(buf + len, n - len, "%s", i ? "," : "")
			    : snprintf(buf + len, n - len, "%s%d", i ? "," : "", answers[i]);
		len += k > 0 ? (size_t)k : 0;
	}
}

static void score_one(const struct qol_instrument *q, const int *answers, int domain,
		      struct qol_score *out)
{
	double sum = 0;
	out->answered = out->items = 0;
	for (int i = 0; i < q->nitems; i++) {
		if (domain >= 0 && q->items[i].domain != domain)
			continue;
		out->items++;
		if (answers[i] == QOL_MISSING)
			continue;
		out->answered++;
		sum += q->items[i].reverse ? q->min + q->max - answers[i] : answers[i];
	}
	/* Whole percentages: answered/items >= pct/100 without rounding. */
	if (out->answered == 0 || out->answered * 100 < q->min_answered_pct * out->items) {
		out->score = NAN;
		return;
	}
	double mean = sum / out->answered;
	out->score = q->scoring == QOL_MEAN ? mean : mean * out->items;
}

void qol_score(const struct qol_instrument *q, const int *answers, struct qol_scores *out)
{
	memset(out, 0, sizeof *out);
	for (int d = 0; d < q->ndomains; d++) {
		struct qol_score *s = &out->s[out->n++];
		strlcpy_(s->id, q->domains[d].id, sizeof s->id);
		strlcpy_(s->label, q->domains[d].label, sizeof s->label);
		score_one(q, answers, d, s);
	}
	if (q->overall) {
		struct qol_score *s = &out->s[out->n++];
		strlcpy_(s->id, "overall", sizeof s->id);
		strlcpy_(s->label, "Overall", sizeof s->label);
		score_one(q, answers, -1, s);
	}
}
