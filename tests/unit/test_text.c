/* test_text.c: unit tests for the UTF-8 neutraliser, checks, widths and search keys. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"

#define FFFD "\xEF\xBF\xBD"
#define ESC "\x1b"
#define C1_CSI "\xC2\x9B"
#define RAW_CSI "\x9B"
#define RLO "\xE2\x80\xAE"
#define BAD "\xFF"

/* text_sanitize into a fresh buffer; the caller frees. */
static char *san(const char *s, bool allow_newline)
{
	struct strbuf sb;

	sb_init(&sb);
	text_sanitize(&sb, s, allow_newline);
	return sb_take(&sb);
}

static void check_san(const char *in, bool allow_newline, const char *want)
{
	char *got = san(in, allow_newline);

	assert_string_equal(got, want);
	free(got);
}

static void check_only_fffd(const char *in)
{
	char *got = san(in, false);
	size_t len = strlen(got);

	assert_true(len >= 3 && len % 3 == 0);
	for (size_t i = 0; i < len; i += 3)
		assert_memory_equal(got + i, FFFD, 3);
	free(got);
}

static void check_key(const char *in, const char *want)
{
	char *got = text_fold_key(in);

	assert_string_equal(got, want);
	free(got);
}

static void check_mrn(const char *in, const char *want)
{
	char *got = text_fold_mrn(in);

	assert_string_equal(got, want);
	free(got);
}

static void test_sanitize_plain_text_unchanged(void **state)
{
	(void)state;
	check_san("", false, "");
	check_san(NULL, false, "");
	check_san("Hans Müller", false, "Hans Müller");
	check_san("e\xCC\x81", false, "e\xCC\x81"); /* e + combining acute */
	check_san("王小明", false, "王小明");
	check_san("\xF0\x9F\x98\x80 ok", false, "\xF0\x9F\x98\x80 ok"); /* emoji */
	check_san(FFFD, false, FFFD);					/* a real U+FFFD stays */
	check_san("\xC2\xA0", false, "\xC2\xA0");			/* NBSP */
}

static void test_sanitize_c0_del_esc(void **state)
{
	(void)state;
	check_san("a\x1b[31mred", false, "a" FFFD "[31mred");
	check_san("\x01\x1f\x7f", false, FFFD FFFD FFFD);
	check_san("a\rb", false, "a" FFFD "b");
	check_san("a\rb", true, "a" FFFD "b");
	check_san("\x07\x08", true, FFFD FFFD);
}

static void test_sanitize_newline_tab(void **state)
{
	(void)state;
	check_san("a\nb\tc", true, "a\nb\tc");
	check_san("a\nb\tc", false, "a b c");
	check_san("\n\n", false, "  ");
}

static void test_sanitize_c1_and_raw_csi(void **state)
{
	(void)state;
	check_san(C1_CSI "31m", false, FFFD "31m"); /* U+009B CSI */
	check_san("\xC2\x80\xC2\x9F", false, FFFD FFFD);
	check_san(RAW_CSI "31m", false, FFFD "31m"); /* raw 8-bit CSI byte */
	check_san("\xC2\xA0", false, "\xC2\xA0");    /* U+00A0 is not C1 */
}

static void test_sanitize_bidi(void **state)
{
	(void)state;
	check_san("\xE2\x80\x8E\xE2\x80\x8F", false, FFFD FFFD);      /* LRM RLM */
	check_san("1" RLO "5.2", false, "1" FFFD "5.2");	      /* RLO */
	check_san("\xE2\x80\xAA\xE2\x80\xAC", false, FFFD FFFD);      /* LRE PDF */
	check_san("\xE2\x81\xA6x\xE2\x81\xA9", false, FFFD "x" FFFD); /* LRI PDI */
	check_san("\xD8\x9C", false, FFFD);			      /* ALM */
	/* Format characters are invisible: two names differing by one would look
	 * identical (issue 13). ZWSP, ZWNJ, ZWJ, word joiner, U+206A, soft
	 * hyphen, BOM, line and paragraph separators. */
	check_san("A\xE2\x80\x8B"
		  "B",
		  false, "A" FFFD "B");
	check_san("\xE2\x80\x8C\xE2\x80\x8D\xE2\x81\xA0\xE2\x81\xAA", false, FFFD FFFD FFFD FFFD);
	check_san("\xC2\xAD\xEF\xBB\xBF", false, FFFD FFFD);
	check_san("\xE2\x80\xA8\xE2\x80\xA9", false, FFFD FFFD);
	assert_false(text_is_clean("SMITH\xE2\x80\x8B, John", false));
	assert_false(text_is_clean("note\xE2\x80\x8D", true));
	assert_true(text_is_clean("line one\nline two", true));
}

static void test_sanitize_invalid_utf8(void **state)
{
	(void)state;
	check_san("a" BAD "b", false, "a" FFFD "b");
	check_san("\xC3", false, FFFD);		 /* truncated */
	check_san("\xC0\xAF", false, FFFD FFFD); /* overlong '/' */
	/* How many U+FFFD a surrogate or an out-of-range sequence yields is
	 * libunistring's choice (one per sequence, or one per byte): only
	 * replacement characters may come out, and at least one. */
	check_only_fffd("\xED\xA0\x80");     /* surrogate U+D800 */
	check_only_fffd("\xF4\x90\x80\x80"); /* beyond U+10FFFF */
	check_only_fffd("\xF8\x88\x80\x80\x80");
	check_san("\xE2\x82" ESC, false, FFFD FFFD); /* incomplete, ESC not swallowed */
}

static void test_sanitize_appends(void **state)
{
	struct strbuf sb;

	(void)state;
	sb_init(&sb);
	sb_add(&sb, "name: ");
	text_sanitize(&sb, "a\x1b", false);
	text_sanitize(&sb, "b", false);
	assert_string_equal(sb_str(&sb), "name: a" FFFD "b");
	sb_done(&sb);
}

static void test_sanitize_buf(void **state)
{
	char buf[8];

	(void)state;
	assert_ptr_equal(text_sanitize_buf(buf, sizeof buf, "ab\ncd"), buf);
	assert_string_equal(buf, "ab cd");
	assert_string_equal(text_sanitize_buf(buf, sizeof buf, "abcdefghij"), "abcdefg");
	/* 6 bytes + "é" (2) does not fit in 7: cut before it, never inside. */
	assert_string_equal(text_sanitize_buf(buf, sizeof buf, "abcdefé"), "abcdef");
	assert_string_equal(text_sanitize_buf(buf, sizeof buf, "abcdeé"), "abcdeé");
	/* A replacement (3 bytes) is not split either. */
	assert_string_equal(text_sanitize_buf(buf, sizeof buf, "abcde\x1b"), "abcde");
	assert_string_equal(text_sanitize_buf(buf, sizeof buf, "abcd\x1b"), "abcd" FFFD);
	assert_string_equal(text_sanitize_buf(buf, sizeof buf, "王小明"), "王小");
	assert_string_equal(text_sanitize_buf(buf, 1, "abc"), "");
	assert_string_equal(text_sanitize_buf(buf, sizeof buf, NULL), "");
	buf[0] = 'x';
	assert_ptr_equal(text_sanitize_buf(buf, 0, "abc"), buf);
	assert_int_equal(buf[0], 'x');
}

static void test_is_clean(void **state)
{
	(void)state;
	assert_true(text_is_clean("", false));
	assert_true(text_is_clean("Müller, Hans 王 😀", false));
	assert_true(text_is_clean("e\xCC\x81", false));
	assert_false(text_is_clean("a\nb", false));
	assert_true(text_is_clean("a\nb", true));
	assert_false(text_is_clean("a\tb", false));
	assert_true(text_is_clean("a\tb", true));
	assert_false(text_is_clean("a\r\nb", true));
	assert_false(text_is_clean("\x1b[2J", true));
	assert_false(text_is_clean("\x7f", true));
	assert_false(text_is_clean("\xC2\x9B", true));
	assert_false(text_is_clean("\x9B", true));
	assert_false(text_is_clean("x\xE2\x80\xAE", true));
	assert_false(text_is_clean("\xD8\x9C", true));
	assert_false(text_is_clean("\xFF", true));
	assert_false(text_is_clean("\xC3", true));
	assert_true(text_is_clean(FFFD, false));
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width(NULL), 0);
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("Müller"), 6);
	assert_int_equal(text_width("e\xCC\x81"), 1);
	assert_int_equal(text_width("王小明"), 6);
	assert_int_equal(text_width("\xF0\x9F\x98\x80"), 2);
	assert_int_equal(text_width("a" ESC "b"), 3);	 /* control counts 1 */
	assert_int_equal(text_width("a" BAD "b"), 3);	 /* invalid byte counts 1 */
	assert_int_equal(text_width("\xE2\x80\x8B"), 1); /* ZWSP: shown as U+FFFD */
	assert_int_equal(text_width("\xE2\x80\x8F"), 1); /* RLM: shown as U+FFFD */
	assert_int_equal(text_width("a\tb\n"), 4);
}

static void test_width_matches_sanitized(void **state)
{
	static const char *const samples[] = {
	    "a\x1b[1m", "\xC2\x9B\xE2\x80\xAE", "x\xFF\xFE", "王e\xCC\x81\n", "\xF0\x9F\x98\x80\t",
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(samples); i++) {
		char *s = san(samples[i], false);

		assert_int_equal(text_width(samples[i]), text_width(s));
		free(s);
	}
}

static void test_fit(void **state)
{
	(void)state;
	assert_int_equal(text_fit("abcdef", 3), 3);
	assert_int_equal(text_fit("abc", 10), 3);
	assert_int_equal(text_fit("abc", 0), 0);
	assert_int_equal(text_fit("abc", -1), 0);
	assert_int_equal(text_fit("", 5), 0);
	assert_int_equal(text_fit(NULL, 5), 0);
	assert_int_equal(text_fit("王小明", 4), 6);
	assert_int_equal(text_fit("王小明", 5), 6); /* wide char that does not fit is excluded */
	assert_int_equal(text_fit("王小明", 1), 0);
	assert_int_equal(text_fit("a王", 2), 1);
	assert_int_equal(text_fit("Müller", 2), 3);
	/* A combining mark stays with its base character. */
	assert_int_equal(text_fit("e\xCC\x81x", 1), 3);
	assert_int_equal(text_fit("\xF0\x9F\x98\x80x", 2), 4);
	assert_int_equal(text_fit("\xFF\xFFx", 2), 2);
}

static void test_fold_key_examples(void **state)
{
	(void)state;
	check_key("Müller, Hans", "MULLER,HANS");
	check_key("  smith ,  j ", "SMITH,J");
	check_key("Nguyễn Văn An", "NGUYEN VAN AN");
	check_key("Đặng", "DANG");
	check_key("王小明", "王小明");
	check_key("José", "JOSE");
	check_key("Ørsted", "ORSTED");
	check_key("", "");
	check_key(NULL, "");
}

static void test_fold_key_letters(void **state)
{
	(void)state;
	check_key("đ Ø ø Ł ł", "D O O L L");
	check_key("Æsir æ Œuvre œ", "AESIR AE OEUVRE OE");
	check_key("Straße ẞ", "STRASSE SS");
	check_key("Þór þ", "THOR TH");
	check_key("Yılmaz", "YILMAZ");
	check_key("İstanbul", "ISTANBUL");
	check_key("Jose\xCC\x81", "JOSE"); /* already decomposed */
	check_key("Ångström, Ève", "ANGSTROM,EVE");
	check_key("Ива\xCC\x81нов", "ИВАНОВ"); /* Cyrillic */
}

static void test_fold_key_blanks_and_commas(void **state)
{
	(void)state;
	check_key("a\t\tb\nc", "A B C");
	check_key("Smith,John", "SMITH,JOHN");
	check_key("Smith , , John", "SMITH,,JOHN");
	check_key("  ,  ", ",");
	check_key("   ", "");
	check_key("Müller,  Hans", "MULLER,HANS");
	check_key("Ann\xC2\xA0Lee\xE3\x80\x80X", "ANN LEE X"); /* NBSP, ideographic space */
	check_key("A \xCC\x81 B", "A B");		       /* lone mark between blanks */
}

static void test_fold_key_unsafe_input(void **state)
{
	(void)state;
	check_key("a" BAD "b", "A" FFFD "B");
	check_key("\xC3", FFFD);
	check_key("x" ESC "[1m", "X" FFFD "[1M");
	check_key(RLO "z", FFFD "Z");
}

static void test_fold_mrn(void **state)
{
	(void)state;
	check_mrn("ab 12-cd", "AB12-CD");
	check_mrn("  mrn\t00 42\n", "MRN0042");
	check_mrn("", "");
	check_mrn(NULL, "");
	check_mrn("é-x", "é-X");
	check_mrn("Z9", "Z9");
}

/* ASCII for a terminal without UTF-8: legible, case kept. */
static void test_ascii(void **state)
{
	(void)state;
	const char *cases[][2] = {
	    {"PÉREZ, Lucía", "PEREZ, Lucia"},
	    {"STRAßE, Jörg", "STRASSE, Jorg"},
	    {"Straße", "Strasse"},
	    {"Nguyễn, Văn", "Nguyen, Van"},
	    {"ØSTERGÅRD, Æsa", "OSTERGARD, AEsa"},
	    {"Łukasz Đorđević", "Lukasz Dordevic"},
	    {"王, 芳", "?, ?"},
	    {"Se\xCC\x81n", "Sen"},
	    {"plain", "plain"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *a = text_ascii(cases[i][0]);
		assert_string_equal(a, cases[i][1]);
		free(a);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_ascii),
	    cmocka_unit_test(test_sanitize_plain_text_unchanged),
	    cmocka_unit_test(test_sanitize_c0_del_esc),
	    cmocka_unit_test(test_sanitize_newline_tab),
	    cmocka_unit_test(test_sanitize_c1_and_raw_csi),
	    cmocka_unit_test(test_sanitize_bidi),
	    cmocka_unit_test(test_sanitize_invalid_utf8),
	    cmocka_unit_test(test_sanitize_appends),
	    cmocka_unit_test(test_sanitize_buf),
	    cmocka_unit_test(test_is_clean),
	    cmocka_unit_test(test_width),
	    cmocka_unit_test(test_width_matches_sanitized),
	    cmocka_unit_test(test_fit),
	    cmocka_unit_test(test_fold_key_examples),
	    cmocka_unit_test(test_fold_key_letters),
	    cmocka_unit_test(test_fold_key_blanks_and_commas),
	    cmocka_unit_test(test_fold_key_unsafe_input),
	    cmocka_unit_test(test_fold_mrn),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
