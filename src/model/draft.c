/* draft.c: the text of a draft — escaped "key=value" lines. */
#include "draft.h"

#include <stdio.h>
#include <string.h>

#define DRAFT_KIND_ROW(k, form, title) {form, title},
static const struct {
	const char *form, *title;
} kinds[] = {DRAFT_KINDS(DRAFT_KIND_ROW)};
#undef DRAFT_KIND_ROW

static bool kind_ok(enum draft_kind k)
{
	return k > DRAFT_KIND_NONE && k < DRAFT_KIND_COUNT;
}

static bool per_record(enum draft_kind k)
{
	size_t n = strlen(kinds[k].form);
	return n > 0 && kinds[k].form[n - 1] == '.';
}

const char *draft_kind_form(enum draft_kind k)
{
	return kind_ok(k) ? kinds[k].form : "";
}

const char *draft_kind_title(enum draft_kind k, int64_t patient_id)
{
	if (k == DRAFT_PATIENT && patient_id == 0)
		return "New patient form";
	return kind_ok(k) ? kinds[k].title : "";
}

/* The positive decimal id that is all of s, else 0. */
static int64_t record_id(const char *s)
{
	int64_t id = 0;
	if (!*s || strlen(s) > 18)
		return 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return 0;
		id = id * 10 + (*s - '0');
	}
	return id;
}

enum draft_kind draft_kind_of(const char *form, int64_t *record)
{
	if (record)
		*record = 0;
	for (int k = 0; k < DRAFT_KIND_COUNT; k++) {
		size_t n = strlen(kinds[k].form);
		if (!per_record((enum draft_kind)k)) {
			if (strcmp(form, kinds[k].form) == 0)
				return (enum draft_kind)k;
			continue;
		}
		int64_t id = strncmp(form, kinds[k].form, n) == 0 ? record_id(form + n) : 0;
		if (id > 0) {
			if (record)
				*record = id;
			return (enum draft_kind)k;
		}
	}
	return DRAFT_KIND_NONE;
}

char *draft_form_name(enum draft_kind k, int64_t record, char buf[DRAFT_FORM_MAX + 1])
{
	if (kind_ok(k) && per_record(k))
		snprintf(buf, DRAFT_FORM_MAX + 1, "%s%lld", kinds[k].form, (long long)record);
	else
		snprintf(buf, DRAFT_FORM_MAX + 1, "%s", draft_kind_form(k));
	return buf;
}

const char *draft_title(const struct draft_info *d)
{
	enum draft_kind k = draft_kind_of(d->form, NULL);
	return k == DRAFT_KIND_NONE ? d->form : draft_kind_title(k, d->patient_id);
}

void draft_put(struct strbuf *sb, const char *key, const char *value)
{
	sb_add(sb, key);
	sb_addc(sb, '=');
	for (const char *p = value; *p; p++) {
		if (*p == '\n')
			sb_add(sb, "\\n");
		else if (*p == '\\')
			sb_add(sb, "\\\\");
		else
			sb_addc(sb, *p);
	}
	sb_addc(sb, '\n');
}

bool draft_get(const char *content, const char *key, char *buf, size_t n)
{
	size_t klen = strlen(key);
	if (n == 0)
		return false; /* not even room for the NUL */
	for (const char *p = content; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (strncmp(p, key, klen) != 0 || p[klen] != '=')
			continue;
		size_t o = 0;
		for (p += klen + 1; *p && *p != '\n'; p++) {
			if (o + 1 >= n)
				return false;
			if (*p == '\\' && (p[1] == 'n' || p[1] == '\\'))
				buf[o++] = *++p == 'n' ? '\n' : '\\';
			else
				buf[o++] = *p;
		}
		buf[o] = '\0';
		return true;
	}
	return false;
}
