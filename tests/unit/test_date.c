/* test_date.c: unit tests for day numbers, strict parsing, formatting, ages and timestamps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "date.h"

#define FFFD "\xEF\xBF\xBD"

static day_t day(const char *s)
{
	day_t d = DAY_NONE;

	assert_true(date_parse(s, &d));
	return d;
}

static void check_refused(const char *s)
{
	day_t d = 12345;

	assert_false(date_parse(s, &d));
	assert_int_equal(d, 12345); /* left alone */
}

static void test_parse_known_days(void **state)
{
	(void)state;
	assert_int_equal(day("1970-01-01"), 0);
	assert_int_equal(day("1969-12-31"), -1);
	assert_int_equal(day("1900-01-01"), -25567);
	assert_int_equal(day("2199-12-31"), 84005);
	assert_int_equal(day("2000-02-29"), 11016);
	assert_int_equal(day("2024-02-29"), 19782);
	assert_int_equal(day("2026-11-23"), 20780);
	assert_true(date_parse("2026-11-23", NULL));
}

static void test_parse_calendar(void **state)
{
	(void)state;
	check_refused("2023-02-29");
	check_refused("2100-02-29");
	check_refused("1900-02-29");
	assert_int_equal(day("2000-02-29") + 1, day("2000-03-01"));
	assert_int_equal(day("2023-02-28") + 1, day("2023-03-01"));
	check_refused("2026-04-31");
	check_refused("2026-06-31");
	check_refused("2026-01-32");
	check_refused("2026-13-01");
	check_refused("2026-00-10");
	check_refused("2026-01-00");
	check_refused("1899-12-31");
	check_refused("2200-01-01");
	check_refused("0000-01-01");
}

static void test_parse_strict_form(void **state)
{
	static const char *const bad[] = {
	    "",
	    "2026-1-01",
	    "2026-01-1",
	    " 2026-01-01",
	    "2026-01-01 ",
	    "2026/01/01",
	    "20260101",
	    "2026-01-01x",
	    "+026-01-01",
	    "-026-01-01",
	    "2026-0a-01",
	    "2026--1-01",
	    "26-01-2026",
	    "2026-01-0\n",
	    "2026-01- 1",
	    "2026-01-01Z",
	    "２０２６-01-01",
	    "2026-01",
	    "2026_01_01",
	    "20 6-01-01",
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		check_refused(bad[i]);
	check_refused(NULL);
}

static void test_format(void **state)
{
	char buf[11];

	(void)state;
	assert_ptr_equal(date_format(0, buf), buf);
	assert_string_equal(buf, "1970-01-01");
	assert_string_equal(date_format(-1, buf), "1969-12-31");
	assert_string_equal(date_format(11016, buf), "2000-02-29");
	assert_string_equal(date_format(-25567, buf), "1900-01-01");
	assert_string_equal(date_format(84005, buf), "2199-12-31");
	assert_string_equal(date_format(DAY_NONE, buf), "");
	/* Years 0000-9999 only; others have no 10-character form. */
	assert_string_equal(date_format(2932896, buf), "9999-12-31");
	assert_string_equal(date_format(2932897, buf), "");
	assert_string_equal(date_format(-719528, buf), "0000-01-01");
	assert_string_equal(date_format(-719468, buf), "0000-03-01");
	assert_string_equal(date_format(-719529, buf), "");
	assert_string_equal(date_format(INT32_MAX, buf), "");
	assert_string_equal(date_format(INT32_MIN + 1, buf), "");
}

static int month_length(int y, int m)
{
	static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : len[m - 1];
}

/* Every day from 1900-01-01 to 2199-12-31, walked with a plain calendar
 * counter: day numbers are consecutive and format/parse round-trip. */
static void test_round_trip_all_days(void **state)
{
	char want[40], got[11];
	int y = 1900, m = 1, dd = 1;
	day_t d = day("1900-01-01");
	long n = 0;

	(void)state;
	while (y <= 2199) {
		day_t back = DAY_NONE;

		snprintf(want, sizeof want, "%04d-%02d-%02d", y, m, dd);
		assert_string_equal(date_format(d, got), want);
		assert_true(date_parse(want, &back));
		assert_int_equal(back, d);
		if (++dd > month_length(y, m)) {
			dd = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
		d++;
		n++;
	}
	assert_int_equal(n, 300 * 365 + 73); /* 73 leap days: 1904-2196 but 2100 */
	assert_int_equal(d, 84006);
}

static void test_from_time(void **state)
{
	(void)state;
	assert_int_equal(date_from_time(0, 0), 0);
	assert_int_equal(date_from_time(86399, 0), 0);
	assert_int_equal(date_from_time(86400, 0), 1);
	assert_int_equal(date_from_time(-1, 0), -1);
	assert_int_equal(date_from_time(-86400, 0), -1);
	assert_int_equal(date_from_time(-86401, 0), -2);
	assert_int_equal(date_from_time(-1234567890, 0), day("1930-11-18"));
	assert_int_equal(date_from_time(1795000000, 0), day("2026-11-18"));
	/* 23:00 UTC on 1970-01-01 is already 1970-01-02 at UTC+1. */
	assert_int_equal(date_from_time(82800, 3600), 1);
	assert_int_equal(date_from_time(82799, 3600), 0);
	/* 00:30 UTC is still the day before at UTC-1. */
	assert_int_equal(date_from_time(1800, -3600), -1);
	assert_int_equal(date_from_time(-1800, 3600), 0);
	assert_int_equal(date_from_time(0, 14 * 3600), 0);
	assert_int_equal(date_from_time(0, -12 * 3600), -1);
}

static void test_from_time_extremes(void **state)
{
	(void)state;
	assert_int_equal(date_from_time(INT64_MAX, 0), DAY_NONE);
	assert_int_equal(date_from_time(INT64_MIN, 0), DAY_NONE);
	assert_int_equal(date_from_time(INT64_MAX, INT32_MAX), DAY_NONE);
	assert_int_equal(date_from_time(INT64_MIN, INT32_MIN), DAY_NONE);
	assert_int_equal(date_from_time((int64_t)INT32_MAX * 86400, 0), INT32_MAX);
	assert_int_equal(date_from_time((int64_t)INT32_MAX * 86400 + 86400, 0), DAY_NONE);
	assert_int_equal(date_from_time((int64_t)(INT32_MIN + 1) * 86400, 0), INT32_MIN + 1);
	assert_int_equal(date_from_time((int64_t)(INT32_MIN + 1) * 86400 - 1, 0), DAY_NONE);
}

static void test_to_time(void **state)
{
	static const day_t samples[] = {-25567, -1, 0, 1, 11016, 20780, 84005};

	(void)state;
	assert_int_equal(date_to_time(0), 0);
	assert_int_equal(date_to_time(1), 86400);
	assert_int_equal(date_to_time(-1), -86400);
	assert_int_equal(date_to_time(day("2026-11-23")), 1795392000);
	assert_true(date_to_time(INT32_MAX) == (int64_t)INT32_MAX * 86400);
	for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		int64_t t = date_to_time(samples[i]);

		assert_int_equal(date_from_time(t, 0), samples[i]);
		assert_int_equal(date_from_time(t + 86399, 0), samples[i]);
		assert_int_equal(date_from_time(t - 1, 0), samples[i] - 1);
	}
}

static void test_age(void **state)
{
	day_t b = day("2000-05-15");

	(void)state;
	assert_int_equal(date_age_years(b, b), 0);
	assert_int_equal(date_age_years(b, day("2001-05-14")), 0);
	assert_int_equal(date_age_years(b, day("2001-05-15")), 1);
	assert_int_equal(date_age_years(b, day("2026-05-14")), 25);
	assert_int_equal(date_age_years(b, day("2026-05-15")), 26);
	assert_int_equal(date_age_years(b, day("2026-04-30")), 25);
	assert_int_equal(date_age_years(b, day("2026-06-01")), 26);
	assert_int_equal(date_age_years(day("1900-01-01"), day("2199-12-31")), 299);
	assert_int_equal(date_age_years(day("1969-12-31"), day("1970-12-31")), 1);
	assert_int_equal(date_age_years(day("1969-12-31"), day("1970-12-30")), 0);
}

static void test_age_leap_day_and_refusals(void **state)
{
	day_t b = day("2000-02-29");

	(void)state;
	assert_int_equal(date_age_years(b, day("2001-02-28")), 0);
	assert_int_equal(date_age_years(b, day("2001-03-01")), 1);
	assert_int_equal(date_age_years(b, day("2003-02-28")), 2);
	assert_int_equal(date_age_years(b, day("2003-03-01")), 3);
	assert_int_equal(date_age_years(b, day("2004-02-28")), 3);
	assert_int_equal(date_age_years(b, day("2004-02-29")), 4);
	assert_int_equal(date_age_years(b, day("2100-02-28")), 99);
	assert_int_equal(date_age_years(b, day("2100-03-01")), 100);
	/* No age before birth or without a date. */
	assert_int_equal(date_age_years(b, b - 1), -1);
	assert_int_equal(date_age_years(DAY_NONE, b), -1);
	assert_int_equal(date_age_years(b, DAY_NONE), -1);
}

static void test_parse_field_ok(void **state)
{
	struct err e;
	day_t today = day("2026-11-23");
	day_t d = DAY_NONE;

	(void)state;
	strcpy(e.msg, "untouched");
	assert_int_equal(date_parse_field("date of birth", "1980-06-01", today, false, &d, &e),
			 ST_OK);
	assert_int_equal(d, day("1980-06-01"));
	assert_int_equal(date_parse_field("collection date", "2026-11-23", today, false, &d, &e),
			 ST_OK);
	assert_int_equal(d, today);
	assert_int_equal(date_parse_field("next visit", "2027-01-05", today, true, &d, &e), ST_OK);
	assert_int_equal(d, day("2027-01-05"));
	assert_int_equal(date_parse_field("x", "2027-01-05", DAY_NONE, false, &d, NULL), ST_OK);
	assert_int_equal(date_parse_field("x", "2027-01-05", today, false, NULL, NULL), ST_INVALID);
	assert_string_equal(e.msg, "untouched");
}

static void test_parse_field_messages(void **state)
{
	struct err e;
	day_t today = day("2026-11-23");
	day_t d = 7;

	(void)state;
	assert_int_equal(date_parse_field("date of birth", "2026-13-01", today, false, &d, &e),
			 ST_INVALID);
	assert_string_equal(e.msg, "date of birth: '2026-13-01' is not a date (use YYYY-MM-DD)");
	assert_int_equal(d, 7);
	assert_int_equal(date_parse_field("collection date", "2027-01-05", today, false, &d, &e),
			 ST_INVALID);
	assert_string_equal(e.msg,
			    "collection date: 2027-01-05 is in the future (today is 2026-11-23)");
	assert_int_equal(d, 7);
	assert_int_equal(date_parse_field("date of birth", "", today, false, &d, &e), ST_INVALID);
	assert_string_equal(e.msg, "date of birth: '' is not a date (use YYYY-MM-DD)");
	assert_int_equal(date_parse_field("date of birth", NULL, today, false, &d, &e), ST_INVALID);
	assert_string_equal(e.msg, "date of birth: '' is not a date (use YYYY-MM-DD)");
	assert_int_equal(date_parse_field("date of birth", "1.5.80", today, false, &d, NULL),
			 ST_INVALID);
}

static void test_parse_field_sanitizes_and_caps(void **state)
{
	struct err e;
	day_t d;
	char longtext[200];

	(void)state;
	assert_int_equal(date_parse_field("date", "\x1b[2J\n2026\x9b", 0, false, &d, &e),
			 ST_INVALID);
	assert_string_equal(e.msg,
			    "date: '" FFFD "[2J 2026" FFFD "' is not a date (use YYYY-MM-DD)");
	assert_null(strchr(e.msg, '\x1b'));

	memset(longtext, 'x', sizeof longtext - 1);
	longtext[sizeof longtext - 1] = '\0';
	date_parse_field("date", longtext, 0, false, &d, &e);
	assert_string_equal(e.msg, "date: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' is not a date "
				   "(use YYYY-MM-DD)");

	/* The cap falls on a character boundary: 13 x 3-byte characters fit in 40. */
	date_parse_field("date", "王王王王王王王王王王王王王王王", 0, false, &d, &e);
	assert_string_equal(e.msg,
			    "date: '王王王王王王王王王王王王王' is not a date (use YYYY-MM-DD)");
}

static void test_format_time(void **state)
{
	char buf[17];

	(void)state;
	assert_ptr_equal(date_format_time(0, buf), buf);
	assert_string_equal(buf, "1970-01-01 00:00");
	assert_string_equal(date_format_time(59, buf), "1970-01-01 00:00");
	assert_string_equal(date_format_time(60, buf), "1970-01-01 00:01");
	assert_string_equal(date_format_time(86399, buf), "1970-01-01 23:59");
	assert_string_equal(date_format_time(-1, buf), "1969-12-31 23:59");
	assert_string_equal(date_format_time(-60, buf), "1969-12-31 23:59");
	assert_string_equal(date_format_time(-61, buf), "1969-12-31 23:58");
	assert_string_equal(date_format_time(1700000000, buf), "2023-11-14 22:13");
	assert_string_equal(date_format_time(1795000000, buf), "2026-11-18 11:06");
	assert_string_equal(date_format_time(-1234567890, buf), "1930-11-18 00:28");
	assert_string_equal(date_format_time(253402300799, buf), "9999-12-31 23:59");
	assert_string_equal(date_format_time(253402300800, buf), "");
	assert_string_equal(date_format_time(INT64_MAX, buf), "");
	assert_string_equal(date_format_time(INT64_MIN, buf), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse_known_days),
	    cmocka_unit_test(test_parse_calendar),
	    cmocka_unit_test(test_parse_strict_form),
	    cmocka_unit_test(test_format),
	    cmocka_unit_test(test_round_trip_all_days),
	    cmocka_unit_test(test_from_time),
	    cmocka_unit_test(test_from_time_extremes),
	    cmocka_unit_test(test_to_time),
	    cmocka_unit_test(test_age),
	    cmocka_unit_test(test_age_leap_day_and_refusals),
	    cmocka_unit_test(test_parse_field_ok),
	    cmocka_unit_test(test_parse_field_messages),
	    cmocka_unit_test(test_parse_field_sanitizes_and_caps),
	    cmocka_unit_test(test_format_time),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
