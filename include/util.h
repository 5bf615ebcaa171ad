/* util.h: allocation wrappers that abort on out-of-memory, a growable string
 * buffer, and small string helpers shared by every layer. */
#ifndef HEPADESK_UTIL_H
#define HEPADESK_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* x*alloc never return NULL: on out-of-memory they write a fixed message to
 * stderr (no patient data) and abort. */
void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Growable NUL-terminated string. sb_init/sb_done for embedded buffers;
 * sb_take hands the heap string to the caller (who frees it) and resets sb. */
struct strbuf {
	char *buf;
	size_t len;
	size_t cap;
};
void sb_init(struct strbuf *sb);
void sb_done(struct strbuf *sb);
void sb_reset(struct strbuf *sb);
void sb_add(struct strbuf *sb, const char *s);
void sb_addn(struct strbuf *sb, const char *s, size_t n);
void sb_addc(struct strbuf *sb, char c);
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
char *sb_take(struct strbuf *sb);
/* Always a valid string ("" when empty). */
const char *sb_str(const struct strbuf *sb);

/* Copy src into dst of size n, always NUL-terminated; returns strlen(src). */
size_t strlcpy_(char *dst, const char *src, size_t n);

/* Parse a finite decimal number with nothing else in the string (leading and
 * trailing blanks allowed). Refuses text, "", NaN, inf, hex. */
bool parse_double(const char *s, double *out);
/* Parse a whole number in [min, max]; refuses anything else. */
bool parse_long(const char *s, long min, long max, long *out);

#endif
