/* hl7.c: the HL7 v2 parser: delimiters from MSH-1/MSH-2, segments and
 * fields with their limits, repetitions, components, subcomponents and
 * escape sequences. Written for hepadesk: Debian packages no C HL7 v2
 * library (only python3-hl7), see the commit that added this file. */
#include "hl7.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "segment 4 (OBX), field 5: " for messages. */
static enum status refuse_at(struct err *e, int line, const char *id, int field, const char *what)
{
	if (field > 0)
		return err_set(e, ST_INVALID, "segment %d (%s), field %d: %s", line, id, field,
			       what);
	return err_set(e, ST_INVALID, "segment %d (%s): %s", line, id, what);
}

static bool is_delim_char(char c)
{
	unsigned char u = (unsigned char)c;
	return u > 0x20 && u < 0x7f && !isalnum(u);
}

/* MSH-1 and MSH-2: five distinct printable, non-alphanumeric characters. */
static enum status read_delims(const char *t, size_t len, struct hl7_delims *d, struct err *e)
{
	if (len < 8 || memcmp(t, "MSH", 3) != 0)
		return err_set(e, ST_INVALID,
			       "segment 1: a message starts with MSH and its "
			       "delimiters (MSH|^~\\&|...)");
	*d = (struct hl7_delims){t[3], t[4], t[5], t[6], t[7]};
	const char all[5] = {d->field, d->comp, d->rep, d->esc, d->sub};
	for (int i = 0; i < 5; i++) {
		if (!is_delim_char(all[i]))
			return refuse_at(e, 1, "MSH", i == 0 ? 1 : 2,
					 "delimiters must be printable, non-alphanumeric "
					 "characters");
		for (int j = 0; j < i; j++)
			if (all[i] == all[j])
				return refuse_at(e, 1, "MSH", 2,
						 "the delimiters must all be different");
	}
	if (len > 8 && t[8] != d->field && t[8] != '\r' && t[8] != '\n')
		return refuse_at(e, 1, "MSH", 2,
				 "four encoding characters expected (^~\\& or others)");
	return ST_OK;
}

static bool valid_seg_id(const char *p, size_t len)
{
	if (len < 3)
		return false;
	for (int i = 0; i < 3; i++)
		if (!isupper((unsigned char)p[i]) && !isdigit((unsigned char)p[i]))
			return false;
	return true;
}

/* Split one segment (line of len bytes, no terminator) into s. */
static enum status split_segment(struct hl7_msg *m, char *line, size_t len, int no,
				 struct hl7_seg *s, struct err *e)
{
	char idtxt[8];
	memset(s, 0, sizeof *s);
	s->line = no;
	if (!valid_seg_id(line, len) || (len > 3 && line[3] != m->d.field)) {
		snprintf(idtxt, sizeof idtxt, "%.*s", (int)(len < 3 ? len : 3), line);
		for (char *p = idtxt; *p; p++)
			if (!isalnum((unsigned char)*p))
				*p = '?';
		return err_set(e, ST_INVALID,
			       "segment %d: '%s' is not a segment id (3 capitals "
			       "or digits, then the field separator)",
			       no, idtxt);
	}
	memcpy(s->id, line, 3);
	bool msh = strcmp(s->id, "MSH") == 0;
	if (msh && no != 1)
		return refuse_at(e, no, s->id, 0, "a second MSH in one message");
	s->raw[0] = line;
	s->len[0] = 3;
	int f = msh ? 1 : 0;
	if (msh) {
		s->raw[1] = m->sep_text;
		s->len[1] = 1;
	}
	size_t i = 3;
	while (i < len) { /* line[i] is a field separator */
		size_t start = ++i;
		while (i < len && line[i] != m->d.field)
			i++;
		if (++f > HL7_FIELDS_MAX)
			return refuse_at(e, no, s->id, f, "more fields than the 64 accepted");
		if (i - start > HL7_FIELD_MAX) {
			char what[80];
			snprintf(what, sizeof what, "%zu bytes, more than the %d accepted",
				 i - start, HL7_FIELD_MAX);
			return refuse_at(e, no, s->id, f, what);
		}
		s->raw[f] = line + start;
		s->len[f] = i - start;
	}
	s->nfields = f;
	return ST_OK;
}

static enum status split_all(struct hl7_msg *m, size_t len, struct err *e)
{
	int cap = 0;
	char *p = m->text, *end = m->text + len;
	enum status st = ST_OK;

	while (st == ST_OK && p < end) {
		char *eol = p;
		while (eol < end && *eol != '\r' && *eol != '\n')
			eol++;
		if (eol > p) {
			if (m->nsegs == HL7_SEGMENTS_MAX)
				return err_set(e, ST_INVALID,
					       "segment %d: more segments than the %d accepted",
					       m->nsegs + 1, HL7_SEGMENTS_MAX);
			if (m->nsegs == cap) {
				cap = cap ? cap * 2 : 16;
				m->segs = xrealloc(m->segs, (size_t)cap * sizeof *m->segs);
			}
			st = split_segment(m, p, (size_t)(eol - p), m->nsegs + 1,
					   &m->segs[m->nsegs], e);
			m->nsegs++;
		}
		p = eol + 1;
	}
	return st;
}

enum status hl7_parse(const char *text, size_t len, struct hl7_msg *m, struct err *e)
{
	enum status st;

	memset(m, 0, sizeof *m);
	err_clear(e);
	if (len > HL7_MESSAGE_MAX)
		return err_set(e, ST_INVALID, "message: %zu bytes, more than the %d accepted", len,
			       HL7_MESSAGE_MAX);
	if (memchr(text, '\0', len))
		return err_set(e, ST_INVALID, "message: a NUL byte at offset %zu",
			       (size_t)((const char *)memchr(text, '\0', len) - text));
	st = read_delims(text, len, &m->d, e);
	if (st != ST_OK)
		return st;
	m->text = xmalloc(len + 1);
	memcpy(m->text, text, len);
	m->text[len] = '\0';
	m->sep_text[0] = m->d.field;
	st = split_all(m, len, e);
	if (st != ST_OK)
		hl7_msg_done(m);
	return st;
}

void hl7_msg_done(struct hl7_msg *m)
{
	free(m->text);
	free(m->segs);
	memset(m, 0, sizeof *m);
}

int hl7_find(const struct hl7_msg *m, const char *id, int from)
{
	for (int i = from < 0 ? 0 : from; i < m->nsegs; i++)
		if (strcmp(m->segs[i].id, id) == 0)
			return i;
	return -1;
}

/* Field f of s, raw; false when absent. */
static bool raw_field(const struct hl7_seg *s, int f, const char **p, size_t *len)
{
	if (f < 0 || f > s->nfields || !s->raw[f])
		return false;
	*p = s->raw[f];
	*len = s->len[f];
	return true;
}

/* Piece k (0-based) of [*p, *p+*len) split at c; false when there is none. */
static bool piece(const char **p, size_t *len, char c, int k)
{
	const char *s = *p, *end = *p + *len;
	for (; k > 0; k--) {
		const char *q = memchr(s, c, (size_t)(end - s));
		if (!q)
			return false;
		s = q + 1;
	}
	const char *q = memchr(s, c, (size_t)(end - s));
	*p = s;
	*len = (size_t)((q ? q : end) - s);
	return true;
}

int hl7_reps(const struct hl7_msg *m, const struct hl7_seg *s, int f)
{
	const char *p;
	size_t len;
	int n = 1;

	if (!raw_field(s, f, &p, &len) || len == 0)
		return 0;
	if (s->id[0] == 'M' && strcmp(s->id, "MSH") == 0 && f <= 2)
		return 1;
	for (size_t i = 0; i < len; i++)
		n += p[i] == m->d.rep;
	return n;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)toupper((unsigned char)c);
	return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Decode one escape sequence (its text between the escape characters) into
 * sb; false for one hepadesk does not accept. */
static bool decode_escape(const struct hl7_delims *d, const char *q, size_t n, struct strbuf *sb)
{
	static const char *const formatting[] = {"H",	"N",   ".sp", ".fi", ".nf",
						 ".in", ".ti", ".sk", ".ce"};
	if (n == 1 && strchr("FSTRE", q[0])) {
		const char map[] = {d->field, d->comp, d->sub, d->rep, d->esc};
		sb_addc(sb, map[strchr("FSTRE", q[0]) - "FSTRE"]);
		return true;
	}
	if (q[0] == 'X' && n >= 3 && (n - 1) % 2 == 0) {
		for (size_t i = 1; i < n; i += 2) {
			int hi = hexval(q[i]), lo = hexval(q[i + 1]);
			if (hi < 0 || lo < 0 || (hi == 0 && lo == 0))
				return false;
			sb_addc(sb, (char)(hi * 16 + lo));
		}
		return true;
	}
	if (n == 3 && memcmp(q, ".br", 3) == 0) {
		sb_addc(sb, '\n');
		return true;
	}
	for (size_t i = 0; i < ARRAY_SIZE(formatting); i++) {
		size_t fl = strlen(formatting[i]);
		if (n >= fl && memcmp(q, formatting[i], fl) == 0 &&
		    (fl == n || formatting[i][0] == '.'))
			return true;
	}
	return false;
}

/* Decode [p, p+len) into sb; false with *bad set to the offending text. */
static bool unescape(const struct hl7_delims *d, const char *p, size_t len, struct strbuf *sb,
		     char *bad, size_t nbad)
{
	for (size_t i = 0; i < len; i++) {
		if (p[i] != d->esc) {
			sb_addc(sb, p[i]);
			continue;
		}
		const char *close = memchr(p + i + 1, d->esc, len - i - 1);
		size_t n = close ? (size_t)(close - (p + i + 1)) : len - i - 1;
		if (!close || n == 0 || !decode_escape(d, p + i + 1, n, sb)) {
			snprintf(bad, nbad, "%.*s", (int)(n > 12 ? 12 : n), p + i + 1);
			for (char *b = bad; *b; b++)
				if (!isgraph((unsigned char)*b))
					*b = '?';
			return false;
		}
		i += n + 1;
	}
	return true;
}

enum status hl7_get(const struct hl7_msg *m, const struct hl7_seg *s, int f, struct hl7_at at,
		    char *out, size_t n, struct err *e)
{
	const char *p;
	size_t len;
	struct strbuf sb;
	char bad[16], what[96];
	enum status st = ST_OK;

	if (n == 0)
		return err_set(e, ST_INVALID, "no room for a value");
	out[0] = '\0';
	if (!raw_field(s, f, &p, &len))
		return ST_OK;
	if (strcmp(s->id, "MSH") == 0 && f <= 2) { /* the delimiters themselves */
		if (at.rep > 0 || at.comp > 1 || at.sub > 1 || len >= n)
			return ST_OK;
		memcpy(out, p, len);
		out[len] = '\0';
		return ST_OK;
	}
	if (!piece(&p, &len, m->d.rep, at.rep) ||
	    !piece(&p, &len, m->d.comp, at.comp > 0 ? at.comp - 1 : 0) ||
	    !piece(&p, &len, m->d.sub, at.sub > 0 ? at.sub - 1 : 0))
		return ST_OK;
	sb_init(&sb);
	if (!unescape(&m->d, p, len, &sb, bad, sizeof bad)) {
		snprintf(what, sizeof what, "bad escape sequence %c%s%c", m->d.esc, bad, m->d.esc);
		st = refuse_at(e, s->line, s->id, f, what);
	} else if (sb.len >= n) {
		snprintf(what, sizeof what, "a value of %zu bytes, more than the %zu accepted",
			 sb.len, n - 1);
		st = refuse_at(e, s->line, s->id, f, what);
	} else {
		memcpy(out, sb_str(&sb), sb.len + 1);
	}
	sb_done(&sb);
	return st;
}

void hl7_escape(const struct hl7_delims *d, const char *text, struct strbuf *out)
{
	const char delims[] = {d->field, d->comp, d->sub, d->rep, d->esc};
	static const char names[] = "FSTRE";

	for (const char *p = text; p && *p; p++) {
		const char *q = memchr(delims, *p, sizeof delims);
		if (q)
			sb_addf(out, "%c%c%c", d->esc, names[q - delims], d->esc);
		else if ((unsigned char)*p < 0x20 || *p == 0x7f)
			sb_addf(out, "%cX%02X%c", d->esc, (unsigned char)*p, d->esc);
		else
			sb_addc(out, *p);
	}
}
