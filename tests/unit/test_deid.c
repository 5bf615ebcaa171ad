/* test_deid.c: unit tests of de-identification (deid.h) — pseudonyms and
 * date offsets checked against HMAC-SHA-256 values computed independently
 * (Python's hmac module, key bytes 0..31), offsets never 0 and within
 * -180..180 for many patients, and the 90+ age group. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "deid.h"

static unsigned char key[DEID_KEY_BYTES];

static int setup(void **state)
{
	for (int i = 0; i < DEID_KEY_BYTES; i++)
		key[i] = (unsigned char)i;
	return 0;
}

/* hmac.new(bytes(range(32)), b"patient:42", sha256).digest()[:8].hex() */
static void test_pseudonym_known_answer(void **state)
{
	char id[DEID_ID_MAX];
	deid_pseudonym(key, 42, id);
	assert_string_equal(id, "P84528119142d1234");
}

static void test_pseudonym_stable_and_keyed(void **state)
{
	char a[DEID_ID_MAX], b[DEID_ID_MAX], c[DEID_ID_MAX], d[DEID_ID_MAX];
	unsigned char other[DEID_KEY_BYTES];
	memcpy(other, key, sizeof other);
	other[0] ^= 1;
	deid_pseudonym(key, 7, a);
	deid_pseudonym(key, 7, b);
	deid_pseudonym(key, 8, c);
	deid_pseudonym(other, 7, d);
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
	assert_string_not_equal(a, d);
	assert_int_equal(strlen(a), 17);
	assert_int_equal(a[0], 'P');
	assert_int_equal(strspn(a + 1, "0123456789abcdef"), 16);
}

/* v = int.from_bytes(hmac(..., b"shift:ID").digest()[:4], "big") % 360;
 * v - 180 when v < 180, else v - 179. */
static void test_shift_known_answers(void **state)
{
	static const struct {
		int64_t id;
		int days;
	} want[] = {{1, -37}, {2, -151}, {3, 30}, {4, 20}, {5, -5}, {7, -107}, {42, -146}};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		assert_int_equal(deid_shift_days(key, want[i].id), want[i].days);
}

static void test_shift_range_never_zero(void **state)
{
	int neg = 0, pos = 0;
	for (int64_t id = 1; id <= 20000; id++) {
		int d = deid_shift_days(key, id);
		assert_true(d != 0);
		assert_in_range(d + DEID_SHIFT_MAX, 0, 2 * DEID_SHIFT_MAX);
		neg += d < 0;
		pos += d > 0;
		assert_int_equal(d, deid_shift_days(key, id)); /* the same every time */
	}
	/* Both directions, roughly half each. */
	assert_in_range(neg, 9000, 11000);
	assert_in_range(pos, 9000, 11000);
	assert_int_equal(deid_shift_day(DAY_NONE, 30), DAY_NONE);
	assert_int_equal(deid_shift_day(1000, -30), 970);
}

static void test_token_known_answer(void **state)
{
	char t[32];
	deid_token(key, "lot", "UC-1", "LOT-", t, sizeof t);
	assert_string_equal(t, "LOT-f1d3f5e136f2");
}

static void test_age_groups(void **state)
{
	day_t dob, on;
	char age[8];
	bool withhold = true;
	assert_true(date_parse("1936-03-02", &dob));
	assert_true(date_parse("2026-03-01", &on));
	deid_age_text(dob, on, age, &withhold); /* the day before the 90th birthday */
	assert_string_equal(age, "89");
	assert_false(withhold);
	assert_true(date_parse("2026-03-02", &on));
	deid_age_text(dob, on, age, &withhold); /* 90 that day */
	assert_string_equal(age, "90+");
	assert_true(withhold);
	assert_true(date_parse("1920-01-01", &dob));
	deid_age_text(dob, on, age, &withhold);
	assert_string_equal(age, "90+");
	assert_true(withhold);
	deid_age_text(DAY_NONE, on, age, &withhold);
	assert_string_equal(age, "");
	assert_false(withhold);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_pseudonym_known_answer),
	    cmocka_unit_test(test_pseudonym_stable_and_keyed),
	    cmocka_unit_test(test_shift_known_answers),
	    cmocka_unit_test(test_shift_range_never_zero),
	    cmocka_unit_test(test_token_known_answer),
	    cmocka_unit_test(test_age_groups),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
