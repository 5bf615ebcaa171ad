/* json.c: the JSON writer used by command output and exports. */
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "text.h"

void json_init(struct json *j, bool pretty)
{
	memset(j, 0, sizeof *j);
	sb_init(&j->sb);
	j->pretty = pretty;
}

void json_done(struct json *j)
{
	sb_done(&j->sb);
}

const char *json_str(const struct json *j)
{
	return sb_str(&j->sb);
}

void json_quote(struct strbuf *sb, const char *s)
{
	struct strbuf clean;
	sb_init(&clean);
	text_sanitize(&clean, s, true);
	sb_addc(sb, '"');
	for (const char *p = sb_str(&clean); *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '"' || c == '\\')
			sb_addf(sb, "\\%c", c);
		else if (c == '\n')
			sb_add(sb, "\\n");
		else if (c == '\t')
			sb_add(sb, "\\t");
		else if (c < 0x20)
			sb_addf(sb, "\\u%04x", c);
		else
			sb_addc(sb, (char)c);
	}
	sb_addc(sb, '"');
	sb_done(&clean);
}

static void indent(struct json *j)
{
	if (!j->pretty)
		return;
	sb_addc(&j->sb, '\n');
	for (int i = 0; i < j->depth; i++)
		sb_add(&j->sb, "  ");
}

static void member(struct json *j, const char *key)
{
	if (j->depth > 0 && j->need_comma[j->depth])
		sb_addc(&j->sb, ',');
	if (j->depth > 0)
		indent(j);
	j->need_comma[j->depth] = true;
	if (key) {
		json_quote(&j->sb, key);
		sb_add(&j->sb, j->pretty ? ": " : ":");
	}
}

static void open_(struct json *j, const char *key, char c)
{
	member(j, key);
	sb_addc(&j->sb, c);
	if (j->depth < 31)
		j->depth++;
	j->need_comma[j->depth] = false;
}

static void close_(struct json *j, char c)
{
	bool had = j->need_comma[j->depth];
	if (j->depth > 0)
		j->depth--;
	if (had)
		indent(j);
	sb_addc(&j->sb, c);
}

void json_obj_begin(struct json *j, const char *key)
{
	open_(j, key, '{');
}

void json_obj_end(struct json *j)
{
	close_(j, '}');
}

void json_arr_begin(struct json *j, const char *key)
{
	open_(j, key, '[');
}

void json_arr_end(struct json *j)
{
	close_(j, ']');
}

void json_string(struct json *j, const char *key, const char *v)
{
	member(j, key);
	if (v)
		json_quote(&j->sb, v);
	else
		sb_add(&j->sb, "null");
}

void json_int(struct json *j, const char *key, int64_t v)
{
	member(j, key);
	sb_addf(&j->sb, "%lld", (long long)v);
}

void json_num(struct json *j, const char *key, double v, int decimals)
{
	member(j, key);
	if (!isfinite(v)) {
		sb_add(&j->sb, "null");
		return;
	}
	/* A decimal rendering for display values; scores are integers and
	 * go through json_int, never through a %.0f here. */
	char buf[64];
	snprintf(buf, sizeof buf, "%.*f", decimals, v);
	if (strchr(buf, '.')) {
		size_t n = strlen(buf);
		while (n > 1 && buf[n - 1] == '0')
			buf[--n] = '\0';
		if (buf[n - 1] == '.')
			buf[--n] = '\0';
	}
	if (strcmp(buf, "-0") == 0)
		strcpy(buf, "0");
	sb_add(&j->sb, buf);
}

void json_bool(struct json *j, const char *key, bool v)
{
	member(j, key);
	sb_add(&j->sb, v ? "true" : "false");
}

void json_null(struct json *j, const char *key)
{
	member(j, key);
	sb_add(&j->sb, "null");
}
