/* text.h: UTF-8 text rules shared by every output path and input check:
 * neutralising control/escape/bidi characters, refusing them where they have
 * no place, display width, and the accent- and case-insensitive search key. */
#ifndef HEPADESK_TEXT_H
#define HEPADESK_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/* Append s to sb with every C0/C1 control character (except newline and tab
 * when allow_newline is true), DEL, bidirectional override/isolate/mark,
 * format characters (zero-width, soft hyphen, BOM), line separators, and
 * invalid UTF-8 replaced by U+FFFD (or '?' when ascii_only). ESC never survives.
 * This is the one neutraliser: screens, command-line output and exports all
 * call it. */
void text_sanitize(struct strbuf *sb, const char *s, bool allow_newline);

/* Same, into a caller buffer of size n (truncated on a character boundary);
 * returns dst. */
char *text_sanitize_buf(char *dst, size_t n, const char *s);

/* True when s is valid UTF-8 with no control (C0, C1, DEL), escape, bidi or
 * other format character (zero-width space and joiners, soft hyphen, BOM),
 * nor a line or paragraph separator (newline and tab allowed only when
 * multiline). Every stored text field is checked with it. */
bool text_is_clean(const char *s, bool multiline);

/* Number of terminal columns s takes (wcwidth per character; invalid bytes
 * count 1). */
int text_width(const char *s);

/* s followed by blanks up to cols display columns (text_width), in buf of
 * n bytes, for aligned text tables; a wider s is kept whole. Returns buf. */
char *text_pad(const char *s, int cols, char *buf, size_t n);

/* Byte length of the longest prefix of s that fits in cols columns. */
size_t text_fit(const char *s, int cols);

/* Search key for names: accents removed, case folded to upper, runs of blanks
 * collapsed, blanks around the comma removed ("Müller,  Hans" -> "MULLER,HANS",
 * "Nguyễn" -> "NGUYEN", "王" -> "王"). Heap string, caller frees. */
char *text_fold_key(const char *s);

/* Upper-case ASCII copy of an MRN-like token with blanks removed; heap. */
char *text_fold_mrn(const char *s);

#endif
