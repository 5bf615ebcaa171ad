/* lookup.c: typed lookup text into index ranges, and a patient's keys. */
#include "lookup.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

char *lookup_plain(const char *name)
{
	char *key = text_fold_key(name ? name : "");
	size_t o = 0;
	for (size_t i = 0; key[i]; i++) {
		unsigned char c = (unsigned char)key[i];
		if (c >= 0x80 || isalnum(c) || c == ',')
			key[o++] = (char)c;
		else if ((c == ' ' || c == '-' || c == '/' || c == '_') && o > 0 &&
			 key[o - 1] != ' ' && key[o - 1] != ',')
			key[o++] = ' ';
	}
	while (o > 0 && key[o - 1] == ' ')
		o--;
	key[o] = '\0';
	/* "SMITH ,JOHN": no blank before a comma either */
	for (char *p; (p = strstr(key, " ,")) != NULL;)
		memmove(p, p + 1, strlen(p));
	return key;
}

static void add(char **list, int *n, char kind, const char *text)
{
	if (!text || !*text || *n >= LOOKUP_RANGES)
		return;
	char *s = kind ? xasprintf("%c%s", kind, text) : xstrdup(text);
	for (int i = 0; i < *n; i++)
		if (strcmp(list[i], s) == 0) {
			free(s);
			return;
		}
	list[(*n)++] = s;
}

/* "NGUYEN V" typed means "NGUYEN, V...": the first blank as the comma. */
static char *blank_as_comma(const char *key)
{
	const char *blank = strchr(key, ' ');
	if (!blank || strchr(key, ','))
		return NULL;
	char *s = xstrdup(key);
	s[blank - key] = ',';
	return s;
}

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return s[n] == '\0';
}

bool lookup_date_form_ok(const char *form)
{
	if (!form || strlen(form) != 10)
		return false;
	static const char *const parts[] = {"DD", "MM", "YYYY"};
	char sep = 0;
	size_t at = 0;
	bool seen[3] = {false, false, false};
	for (int k = 0; k < 3; k++) {
		int which = -1;
		for (int i = 0; i < 3; i++)
			if (!seen[i] && strncmp(form + at, parts[i], strlen(parts[i])) == 0)
				which = i;
		if (which < 0)
			return false;
		seen[which] = true;
		at += strlen(parts[which]);
		if (k < 2) {
			char c = form[at++];
			if (isalnum((unsigned char)c) || (sep && c != sep) || c == '\0')
				return false;
			sep = c;
		}
	}
	return form[at] == '\0';
}

bool lookup_date_parse(const char *s, const char *form, day_t *out)
{
	if (!s || !lookup_date_form_ok(form) || strlen(s) != 10)
		return false;
	char iso[11] = "0000-00-00";
	for (size_t i = 0; i < 10; i++) {
		char f = form[i];
		if (f == 'D' || f == 'M' || f == 'Y') {
			if (!isdigit((unsigned char)s[i]))
				return false;
		} else if (s[i] != f) {
			return false;
		}
	}
	const char *y = strstr(form, "YYYY"), *m = strstr(form, "MM"), *d = strstr(form, "DD");
	memcpy(iso, s + (y - form), 4);
	memcpy(iso + 5, s + (m - form), 2);
	memcpy(iso + 8, s + (d - form), 2);
	return date_parse(iso, out);
}

/* Dates typed for a lookup: YYYY-MM-DD, YYYY-MM, or the local form. */
static void add_dates(struct lookup_query *q, const char *t, const char *date_form)
{
	day_t d;
	char iso[16];
	if (date_parse(t, &d) || (date_form && lookup_date_parse(t, date_form, &d)))
		add(q->keys, &q->nkeys, LOOKUP_BORN, date_format(d, iso));
	else if (strlen(t) == 7 && t[4] == '-') {
		snprintf(iso, sizeof iso, "%s-01", t); /* a month of births */
		if (date_parse(iso, &d))
			add(q->keys, &q->nkeys, LOOKUP_BORN, t);
	}
}

void lookup_parse(const char *text, const char *date_form, struct lookup_query *q)
{
	memset(q, 0, sizeof *q);
	char *t = text_fold_mrn(text ? text : ""); /* blanks out, upper case */
	if (*t && strlen(t) <= PATIENT_MRN_MAX && patient_check_mrn(t, NULL) == ST_OK)
		strlcpy_(q->mrn, t, sizeof q->mrn);
	size_t len = strlen(t);
	char tail[8];
	if (len == 4 && all_digits(t, 4))
		add(q->keys, &q->nkeys, LOOKUP_TAIL, t);
	if (len == 5 && isalpha((unsigned char)t[0]) && all_digits(t + 1, 4)) {
		snprintf(tail, sizeof tail, "%s%c", t + 1, t[0]);
		add(q->keys, &q->nkeys, LOOKUP_TAIL, tail);
	}
	add_dates(q, t, date_form);
	free(t);

	char *key = text_fold_key(text ? text : "");
	char *plain = lookup_plain(text);
	char *key2 = blank_as_comma(key), *plain2 = blank_as_comma(plain);
	/* Typed with or without punctuation, against names stored either way. */
	add(q->names, &q->nnames, 0, key);
	add(q->names, &q->nnames, 0, key2);
	add(q->names, &q->nnames, 0, plain);
	add(q->names, &q->nnames, 0, plain2);
	add(q->keys, &q->nkeys, LOOKUP_PLAIN, plain);
	add(q->keys, &q->nkeys, LOOKUP_PLAIN, plain2);
	if (*plain && !strchr(plain, ','))
		add(q->keys, &q->nkeys, LOOKUP_FIRST, plain);
	free(key);
	free(key2);
	free(plain);
	free(plain2);
}

void lookup_query_done(struct lookup_query *q)
{
	for (int i = 0; i < q->nnames; i++)
		free(q->names[i]);
	for (int i = 0; i < q->nkeys; i++)
		free(q->keys[i]);
	memset(q, 0, sizeof *q);
}

/* The given names: what follows the first comma, without leading blanks. */
static const char *given(const char *plain)
{
	const char *c = strchr(plain, ',');
	if (!c)
		return "";
	c++;
	while (*c == ' ')
		c++;
	return c;
}

int lookup_patient_keys(const char *mrn, const char *name, day_t dob, char **keys)
{
	int n = 0;
	char *key = text_fold_key(name ? name : "");
	char *plain = lookup_plain(name);
	if (strcmp(key, plain) != 0)
		add(keys, &n, LOOKUP_PLAIN, plain);
	add(keys, &n, LOOKUP_FIRST, given(plain));
	char *m = text_fold_mrn(mrn ? mrn : "");
	size_t len = strlen(m);
	if (len >= 4 && all_digits(m + len - 4, 4)) {
		char tail[8];
		char initial = isalpha((unsigned char)plain[0]) ? plain[0] : '\0';
		snprintf(tail, sizeof tail, "%s%c", m + len - 4, initial);
		add(keys, &n, LOOKUP_TAIL, tail);
	}
	char iso[16];
	if (dob != DAY_NONE)
		add(keys, &n, LOOKUP_BORN, date_format(dob, iso));
	free(m);
	free(key);
	free(plain);
	return n;
}

/* The last name without blanks ("O BRIEN" and "O'BRIEN" are one name),
 * up to the first comma (the whole name when there is none). */
static char *last_name(const char *plain)
{
	char *s = xstrdup(plain);
	size_t o = 0;
	for (size_t i = 0; s[i] && s[i] != ','; i++)
		if (s[i] != ' ')
			s[o++] = s[i];
	s[o] = '\0';
	return s;
}

bool lookup_similar(const struct patient_hit *old, const struct patient *p)
{
	if (old->dob != p->dob)
		return false;
	char *a = lookup_plain(old->name), *b = lookup_plain(p->name);
	char *la = last_name(a), *lb = last_name(b);
	const char *ga = given(a), *gb = given(b);
	/* Twins share a last name and a birthday: the given names' initials
	 * must agree too. */
	bool same = *la && strcmp(la, lb) == 0 && ga[0] == gb[0];
	free(la);
	free(lb);
	free(a);
	free(b);
	return same;
}
