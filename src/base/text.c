/* text.c: neutralising, checking, measuring and folding UTF-8 text (libunistring, no locale). */
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

/* U+FFFD REPLACEMENT CHARACTER: shown in place of anything unsafe. */
static const char replacement[] = "\xEF\xBF\xBD";
#define REPLACEMENT_LEN (sizeof replacement - 1)

/* One decoded character: code point, byte length, and whether the bytes were
 * valid UTF-8 (u8_mbtouc reports invalid input as U+FFFD as well). */
struct uchar {
	ucs4_t uc;
	size_t len;
	bool valid;
};

/* What the neutraliser does with a character. */
enum ch_class {
	CH_KEEP,    /* passes unchanged */
	CH_BLANK,   /* newline or tab: kept in multi-line text, else a space */
	CH_REPLACE, /* control, bidi, format or invalid byte: becomes U+FFFD */
};

/* Bidirectional marks, embeddings, overrides and isolates: they reorder what
 * the terminal shows, so "1.5" could be displayed as "5.1". */
static const struct {
	ucs4_t lo, hi;
} bidi_format[] = {
    {0x061C, 0x061C}, /* ARABIC LETTER MARK */
    {0x200E, 0x200F}, /* LRM, RLM */
    {0x202A, 0x202E}, /* LRE, RLE, PDF, LRO, RLO */
    {0x2066, 0x2069}, /* LRI, RLI, FSI, PDI */
};

/* Letters with no canonical decomposition, as they are commonly written
 * without the stroke or ligature in a name search. */
static const struct {
	ucs4_t uc;
	const char *ascii;
} fold_letters[] = {
    {0x0110, "D"},  {0x0111, "D"},  /* Đ đ */
    {0x00D8, "O"},  {0x00F8, "O"},  /* Ø ø */
    {0x0141, "L"},  {0x0142, "L"},  /* Ł ł */
    {0x00C6, "AE"}, {0x00E6, "AE"}, /* Æ æ */
    {0x0152, "OE"}, {0x0153, "OE"}, /* Œ œ */
    {0x00DF, "SS"}, {0x1E9E, "SS"}, /* ß ẞ */
    {0x00DE, "TH"}, {0x00FE, "TH"}, /* Þ þ */
    {0x0131, "I"},		    /* ı */
};

static struct uchar next_char(const char *s, size_t n)
{
	struct uchar c;

	c.len = (size_t)u8_mbtouc(&c.uc, (const uint8_t *)s, n);
	c.valid =
	    c.uc != 0xFFFD || (c.len == REPLACEMENT_LEN && memcmp(s, replacement, c.len) == 0);
	return c;
}

static bool is_bidi_format(ucs4_t uc)
{
	for (size_t i = 0; i < ARRAY_SIZE(bidi_format); i++)
		if (uc >= bidi_format[i].lo && uc <= bidi_format[i].hi)
			return true;
	return false;
}

static enum ch_class classify(struct uchar c)
{
	if (!c.valid)
		return CH_REPLACE;
	if (c.uc == '\n' || c.uc == '\t')
		return CH_BLANK;
	/* C0 controls (ESC among them), DEL, and C1 controls (CSI U+009B). */
	if (c.uc < 0x20 || (c.uc >= 0x7F && c.uc <= 0x9F))
		return CH_REPLACE;
	if (is_bidi_format(c.uc))
		return CH_REPLACE;
	/* Format characters (zero-width space, joiners, soft hyphen, byte order
	 * mark, ...) and line/paragraph separators: invisible, so two names that
	 * differ only by one would look identical. */
	if (uc_is_general_category(c.uc, UC_CATEGORY_Cf) ||
	    uc_is_general_category(c.uc, UC_CATEGORY_Zl) ||
	    uc_is_general_category(c.uc, UC_CATEGORY_Zp))
		return CH_REPLACE;
	return CH_KEEP;
}

/* Decode one character of s (n bytes left, n > 0) and say what to output for
 * it: *out and *outlen give the bytes to emit. Returns the bytes consumed. */
static size_t sanitize_step(const char *s, size_t n, bool allow_newline, const char **out,
			    size_t *outlen)
{
	struct uchar c = next_char(s, n);
	enum ch_class k = classify(c);

	*out = s;
	*outlen = c.len;
	if (k == CH_BLANK && !allow_newline) {
		*out = " ";
	} else if (k == CH_REPLACE) {
		*out = replacement;
		*outlen = REPLACEMENT_LEN;
	}
	return c.len;
}

void text_sanitize(struct strbuf *sb, const char *s, bool allow_newline)
{
	size_t n = s ? strlen(s) : 0;
	const char *run = s; /* start of bytes kept unchanged, not yet added */

	while (n > 0) {
		const char *out;
		size_t outlen;
		size_t used = sanitize_step(s, n, allow_newline, &out, &outlen);

		if (out != s) {
			sb_addn(sb, run, (size_t)(s - run));
			sb_addn(sb, out, outlen);
			run = s + used;
		}
		s += used;
		n -= used;
	}
	if (run != s)
		sb_addn(sb, run, (size_t)(s - run));
}

char *text_sanitize_buf(char *dst, size_t n, const char *s)
{
	size_t left = s ? strlen(s) : 0;
	size_t len = 0;

	if (!dst || n == 0)
		return dst;
	while (left > 0) {
		const char *out;
		size_t outlen;
		size_t used = sanitize_step(s, left, false, &out, &outlen);

		if (outlen > n - 1 - len)
			break;
		memcpy(dst + len, out, outlen);
		len += outlen;
		s += used;
		left -= used;
	}
	dst[len] = '\0';
	return dst;
}

bool text_is_clean(const char *s, bool multiline)
{
	size_t n = s ? strlen(s) : 0;

	while (n > 0) {
		struct uchar c = next_char(s, n);
		enum ch_class k = classify(c);

		if (k == CH_REPLACE || (k == CH_BLANK && !multiline))
			return false;
		s += c.len;
		n -= c.len;
	}
	return true;
}

/* Columns one character takes as the sanitised text shows it: whatever the
 * neutraliser replaces is drawn as one U+FFFD or a space, so it counts 1;
 * combining and other zero-width characters count 0. */
static int char_width(struct uchar c)
{
	int w;

	if (classify(c) != CH_KEEP)
		return 1;
	w = uc_width(c.uc, "UTF-8");
	return w < 0 ? 0 : w;
}

int text_width(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	int cols = 0;

	while (n > 0) {
		struct uchar c = next_char(s, n);

		cols += char_width(c);
		s += c.len;
		n -= c.len;
	}
	return cols;
}

char *text_pad(const char *s, int cols, char *buf, size_t n)
{
	if (n == 0)
		return buf;
	size_t len = strlcpy_(buf, s ? s : "", n);
	if (len >= n)
		len = n - 1;
	for (int w = text_width(buf); w < cols && len + 1 < n; w++)
		buf[len++] = ' ';
	buf[len] = '\0';
	return buf;
}

size_t text_fit(const char *s, int cols)
{
	size_t n = s ? strlen(s) : 0;
	size_t len = 0;
	int used = 0;

	if (cols < 0)
		return 0;
	while (len < n) {
		struct uchar c = next_char(s + len, n - len);
		int w = char_width(c);

		if (w > cols - used)
			break;
		used += w;
		len += c.len;
	}
	return len;
}

/* Sanitised, upper-cased and canonically decomposed copy of s; malloc'd, not
 * NUL-terminated, length in *lenp. Should libunistring fail (out of memory)
 * the step is skipped: the key is then less folded but still valid UTF-8. */
static uint8_t *upper_nfd(const char *s, size_t *lenp)
{
	struct strbuf sb;
	uint8_t *up, *nfd;
	size_t uplen, nfdlen;

	sb_init(&sb);
	text_sanitize(&sb, s, false);
	up = u8_toupper((const uint8_t *)sb_str(&sb), sb.len, NULL, NULL, NULL, &uplen);
	if (!up) {
		uplen = sb.len;
		up = (uint8_t *)sb_take(&sb);
	}
	sb_done(&sb);
	nfd = u8_normalize(UNINORM_NFD, up, uplen, NULL, &nfdlen);
	if (!nfd) {
		*lenp = uplen;
		return up;
	}
	free(up);
	*lenp = nfdlen;
	return nfd;
}

static const char *fold_letter(ucs4_t uc)
{
	for (size_t i = 0; i < ARRAY_SIZE(fold_letters); i++)
		if (fold_letters[i].uc == uc)
			return fold_letters[i].ascii;
	return NULL;
}

static bool is_mark(ucs4_t uc)
{
	return uc_combining_class(uc) != 0 || uc_is_general_category(uc, UC_CATEGORY_Mn);
}

/* Add one folded character to the key. A blank is held back in *pending and
 * written only between two non-blank characters neither of which is a comma,
 * which collapses runs, trims both ends and drops blanks around commas. */
static void key_add(struct strbuf *key, const char *bytes, size_t len, bool *pending)
{
	bool comma = len == 1 && bytes[0] == ',';

	if (*pending && !comma && key->len > 0 && key->buf[key->len - 1] != ',')
		sb_addc(key, ' ');
	*pending = false;
	sb_addn(key, bytes, len);
}

char *text_fold_key(const char *s)
{
	struct strbuf key;
	size_t n, i = 0;
	uint8_t *u = upper_nfd(s, &n);
	bool pending = false;

	sb_init(&key);
	while (i < n) {
		ucs4_t uc;
		size_t len = (size_t)u8_mbtouc(&uc, u + i, n - i);
		const char *ascii = fold_letter(uc);

		if (uc_is_property_white_space(uc))
			pending = true;
		else if (ascii)
			key_add(&key, ascii, strlen(ascii), &pending);
		else if (!is_mark(uc))
			key_add(&key, (const char *)u + i, len, &pending);
		i += len;
	}
	free(u);
	return sb_take(&key);
}

static bool is_ascii_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

char *text_fold_mrn(const char *s)
{
	struct strbuf sb;

	sb_init(&sb);
	for (; s && *s; s++) {
		char c = *s;

		if (is_ascii_blank(c))
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		sb_addc(&sb, c);
	}
	return sb_take(&sb);
}
