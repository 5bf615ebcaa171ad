/* test_lookup.c: what a typed lookup asks for, a patient's lookup keys, the
 * local date form and the possible-duplicate rule (lookup.h); the aligned
 * column of text_pad. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lookup.h"
#include "text.h"

static bool has(char *const *list, int n, const char *want)
{
	for (int i = 0; i < n; i++)
		if (strcmp(list[i], want) == 0)
			return true;
	return false;
}

static void test_plain_drops_punctuation(void **state)
{
	(void)state;
	const char *cases[][2] = {
	    {"O'Brien, Seán", "OBRIEN,SEAN"},
	    {"SMITH-JONES, Anna", "SMITH JONES,ANNA"},
	    {"St. John ,  Mary-Kate", "ST JOHN,MARY KATE"},
	    {"obrien", "OBRIEN"},
	    {"王, 小明", "王,小明"},
	    {"'", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *p = lookup_plain(cases[i][0]);
		assert_string_equal(p, cases[i][1]);
		free(p);
	}
}

static void test_parse_last4_and_initial(void **state)
{
	(void)state;
	struct lookup_query q;
	lookup_parse("1234", NULL, &q);
	assert_string_equal(q.mrn, "1234"); /* also an MRN prefix */
	assert_true(has(q.keys, q.nkeys, "T1234"));
	lookup_query_done(&q);

	lookup_parse("s1234", NULL, &q);
	assert_true(has(q.keys, q.nkeys, "T1234S"));
	assert_false(has(q.keys, q.nkeys, "T1234"));
	lookup_query_done(&q);

	lookup_parse("12345", NULL, &q); /* five digits: an MRN prefix only */
	assert_false(has(q.keys, q.nkeys, "T2345"));
	assert_string_equal(q.mrn, "12345");
	lookup_query_done(&q);
}

static void test_parse_names(void **state)
{
	(void)state;
	struct lookup_query q;
	lookup_parse("o'brien", NULL, &q);
	assert_true(has(q.names, q.nnames, "O'BRIEN"));
	assert_true(has(q.names, q.nnames, "OBRIEN"));
	assert_true(has(q.keys, q.nkeys, "NOBRIEN"));
	assert_true(has(q.keys, q.nkeys, "FOBRIEN")); /* or a first name */
	assert_string_equal(q.mrn, "");		      /* "'" is no MRN */
	lookup_query_done(&q);

	lookup_parse("nguyen v", NULL, &q);
	assert_true(has(q.names, q.nnames, "NGUYEN V"));
	assert_true(has(q.names, q.nnames, "NGUYEN,V"));
	lookup_query_done(&q);

	lookup_parse("smith, j", NULL, &q); /* a comma: not a first name */
	assert_true(has(q.names, q.nnames, "SMITH,J"));
	assert_false(has(q.keys, q.nkeys, "FSMITH,J"));
	lookup_query_done(&q);

	lookup_parse("   ", NULL, &q);
	assert_int_equal(q.nnames + q.nkeys, 0);
	assert_string_equal(q.mrn, "");
	lookup_query_done(&q);
}

static void test_parse_dates(void **state)
{
	(void)state;
	struct lookup_query q;
	lookup_parse("1956-03-14", NULL, &q);
	assert_true(has(q.keys, q.nkeys, "D1956-03-14"));
	lookup_query_done(&q);
	lookup_parse("1956-03", NULL, &q);
	assert_true(has(q.keys, q.nkeys, "D1956-03"));
	lookup_query_done(&q);
	lookup_parse("1956-13", NULL, &q); /* no such month */
	assert_false(has(q.keys, q.nkeys, "D1956-13"));
	lookup_query_done(&q);
	lookup_parse("14/03/1956", "DD/MM/YYYY", &q);
	assert_true(has(q.keys, q.nkeys, "D1956-03-14"));
	lookup_query_done(&q);
	lookup_parse("03/14/1956", "MM/DD/YYYY", &q);
	assert_true(has(q.keys, q.nkeys, "D1956-03-14"));
	lookup_query_done(&q);
	lookup_parse("31/02/1956", "DD/MM/YYYY", &q); /* 31 February */
	for (int i = 0; i < q.nkeys; i++)
		assert_int_not_equal(q.keys[i][0], LOOKUP_BORN);
	lookup_query_done(&q);
}

static void test_date_form(void **state)
{
	(void)state;
	assert_true(lookup_date_form_ok("DD/MM/YYYY"));
	assert_true(lookup_date_form_ok("MM-DD-YYYY"));
	assert_true(lookup_date_form_ok("YYYY.MM.DD"));
	assert_false(lookup_date_form_ok("DD/MM/YY"));
	assert_false(lookup_date_form_ok("DD/MM-YYYY")); /* two separators */
	assert_false(lookup_date_form_ok("DD/DD/YYYY"));
	assert_false(lookup_date_form_ok("DDXMMXYYYY"));
	assert_false(lookup_date_form_ok(""));
	day_t d, want;
	assert_true(date_parse("2001-12-09", &want));
	assert_true(lookup_date_parse("09.12.2001", "DD.MM.YYYY", &d));
	assert_int_equal(d, want);
	assert_false(lookup_date_parse("09/12/2001", "DD.MM.YYYY", &d));
	assert_false(lookup_date_parse("9.12.2001", "DD.MM.YYYY", &d));
}

static void test_patient_keys(void **state)
{
	(void)state;
	char *k[LOOKUP_RANGES];
	day_t dob;
	assert_true(date_parse("1956-03-14", &dob));
	int n = lookup_patient_keys("1001234", "O'BRIEN, Seán", dob, k);
	assert_int_equal(n, 4);
	assert_string_equal(k[0], "NOBRIEN,SEAN");
	assert_string_equal(k[1], "FSEAN");
	assert_string_equal(k[2], "T1234O");
	assert_string_equal(k[3], "D1956-03-14");
	for (int i = 0; i < n; i++)
		free(k[i]);
	/* no punctuation: the name_key column serves; an MRN not ending in
	 * digits has no tail key */
	n = lookup_patient_keys("AB-12X", "SMITH, Anna", dob, k);
	assert_int_equal(n, 2);
	assert_string_equal(k[0], "FANNA");
	assert_string_equal(k[1], "D1956-03-14");
	for (int i = 0; i < n; i++)
		free(k[i]);
}

static void test_similar(void **state)
{
	(void)state;
	struct patient_hit old = {1, "1001234", "O'BRIEN, Seán", 0, 'M'};
	struct patient p = {0};
	assert_true(date_parse("1956-03-14", &old.dob));
	p.dob = old.dob;
	strcpy(p.name, "OBrien, Sean");
	assert_true(lookup_similar(&old, &p));
	strcpy(p.name, "o brien, s.");
	assert_true(lookup_similar(&old, &p)); /* blanks in a last name do not count */
	strcpy(p.name, "BRIEN, Sean");
	assert_false(lookup_similar(&old, &p));
	strcpy(p.name, "O'Brien, Siobhan"); /* same initial: asked */
	assert_true(lookup_similar(&old, &p));
	strcpy(p.name, "O'BRIEN, Mary"); /* a twin: another initial */
	assert_false(lookup_similar(&old, &p));
	strcpy(p.name, "O'Brien, Sean");
	p.dob = old.dob + 1; /* another birthday */
	assert_false(lookup_similar(&old, &p));
}

static void test_pad_by_width(void **state)
{
	(void)state;
	char b[64];
	assert_string_equal(text_pad("ab", 5, b, sizeof b), "ab   ");
	assert_string_equal(text_pad("Seán", 6, b, sizeof b), "Seán  ");     /* 4 columns */
	assert_string_equal(text_pad("王小明", 8, b, sizeof b), "王小明  "); /* 6 columns */
	assert_string_equal(text_pad("Se\xCC\x81n", 5, b, sizeof b),
			    "Se\xCC\x81n  "); /* a combining accent takes none */
	assert_string_equal(text_pad("toolong", 3, b, sizeof b), "toolong");
	assert_int_equal(text_width(text_pad("王", 7, b, sizeof b)), 7);
	char small[4];
	assert_string_equal(text_pad("abcdef", 2, small, sizeof small), "abc");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_plain_drops_punctuation),
	    cmocka_unit_test(test_parse_last4_and_initial),
	    cmocka_unit_test(test_parse_names),
	    cmocka_unit_test(test_parse_dates),
	    cmocka_unit_test(test_date_form),
	    cmocka_unit_test(test_patient_keys),
	    cmocka_unit_test(test_similar),
	    cmocka_unit_test(test_pad_by_width),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
