/* date.c: civil dates as day numbers and UTC timestamps; no clock, locale or timezone database. */
#include "date.h"

#include <stdio.h>
#include <string.h>

#include "text.h"
#include "util.h"

#define SECS_PER_DAY 86400
#define YEAR_MIN 1900
#define YEAR_MAX 2199
/* Days from 0000-03-01 (the start of the first 400-year era) to 1970-01-01. */
#define EPOCH_SHIFT 719468
#define DAYS_PER_ERA 146097
/* Bytes (with the NUL) of the user's text quoted in a refusal. */
#define SHOWN_MAX 41

/* A proleptic Gregorian calendar date. */
struct civil {
	int64_t y;
	int m; /* 1-12 */
	int d; /* 1-31 */
};

/* Quotient rounded towards minus infinity (b > 0); *rem gets [0, b). */
static int64_t floor_div(int64_t a, int64_t b, int64_t *rem)
{
	int64_t q = a / b;
	int64_t r = a % b;

	if (r < 0) {
		r += b;
		q--;
	}
	*rem = r;
	return q;
}

/* Day number of y-m-d. The year is counted from 1 March so that the leap day
 * is the last day of it; months then have a regular 153 days per 5 months
 * from March on, and 400-year eras of 146097 days keep the year inside an era
 * non-negative (after Howard Hinnant's days_from_civil). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	int64_t year = m <= 2 ? y - 1 : y;
	int64_t era = (year >= 0 ? year : year - 399) / 400;
	int64_t year_of_era = year - era * 400;				/* 0-399 */
	int64_t month_from_march = m > 2 ? m - 3 : m + 9;		/* 0-11 */
	int64_t day_of_year = (153 * month_from_march + 2) / 5 + d - 1; /* 0-365 */
	int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

	return era * DAYS_PER_ERA + day_of_era - EPOCH_SHIFT;
}

/* The inverse of days_from_civil. */
static struct civil civil_from_days(int64_t days)
{
	struct civil c;
	int64_t n, era, day_of_era, year_of_era, day_of_year, month_from_march;

	era = floor_div(days + EPOCH_SHIFT, DAYS_PER_ERA, &day_of_era);
	/* Leap days come every 1460 days, except at 36524 and 146096. */
	n = day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096;
	year_of_era = n / 365;
	day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
	month_from_march = (5 * day_of_year + 2) / 153;
	c.d = (int)(day_of_year - (153 * month_from_march + 2) / 5 + 1);
	c.m = (int)(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
	c.y = era * 400 + year_of_era + (c.m <= 2);
	return c;
}

static bool is_leap(int64_t y)
{
	return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

static int days_in_month(int64_t y, int m)
{
	static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

/* n ASCII digits (no sign, no blank) as a number. */
static bool parse_digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

bool date_parse(const char *s, day_t *out)
{
	int y, m, d;

	if (!s || strnlen(s, 11) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	if (!parse_digits(s, 4, &y) || !parse_digits(s + 5, 2, &m) || !parse_digits(s + 8, 2, &d))
		return false;
	if (y < YEAR_MIN || y > YEAR_MAX || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return false;
	if (out)
		*out = (day_t)days_from_civil(y, m, d);
	return true;
}

/* Days outside years 0000-9999 have no YYYY-MM-DD form and format as "". */
char *date_format(day_t d, char *buf)
{
	struct civil c;
	char line[32]; /* room for any int, so the compiler sees no truncation */

	buf[0] = '\0';
	if (d == DAY_NONE)
		return buf;
	c = civil_from_days(d);
	if (c.y < 0 || c.y > 9999)
		return buf;
	snprintf(line, sizeof line, "%04d-%02d-%02d", (int)c.y, c.m, c.d);
	strlcpy_(buf, line, 11);
	return buf;
}

/* Timestamps whose day does not fit a day_t give DAY_NONE. */
day_t date_from_time(int64_t t, int tz_offset_s)
{
	int64_t secs;
	int64_t days = floor_div(t, SECS_PER_DAY, &secs);

	/* Split before adding the offset so that t near INT64_MAX cannot overflow. */
	days += floor_div(secs + tz_offset_s, SECS_PER_DAY, &secs);
	if (days <= INT32_MIN || days > INT32_MAX)
		return DAY_NONE;
	return (day_t)days;
}

int64_t date_to_time(day_t d)
{
	return (int64_t)d * SECS_PER_DAY;
}

/* -1 when a date is missing or `on` is before `birth`. */
int date_age_years(day_t birth, day_t on)
{
	struct civil b, o;
	int64_t age;

	if (birth == DAY_NONE || on == DAY_NONE || on < birth)
		return -1;
	b = civil_from_days(birth);
	o = civil_from_days(on);
	age = o.y - b.y;
	/* Birthday not reached yet this year. Born on 29 February compares as
	 * (2, 29): in a non-leap year 28 February is still before it and 1 March
	 * is not, so the birthday counts on 1 March. */
	if (o.m < b.m || (o.m == b.m && o.d < b.d))
		age--;
	return (int)age;
}

enum status date_parse_field(const char *field, const char *s, day_t today, bool future_ok,
			     day_t *out, struct err *e)
{
	char name[64], shown[SHOWN_MAX], date[11], now[11];
	day_t d;

	text_sanitize_buf(name, sizeof name, field ? field : "date");
	if (!date_parse(s, &d)) {
		int y, m, dd;
		text_sanitize_buf(shown, sizeof shown, s);
		/* A well-formed date of a year this program does not take. */
		if (s && strnlen(s, 11) == 10 && s[4] == '-' && s[7] == '-' &&
		    parse_digits(s, 4, &y) && parse_digits(s + 5, 2, &m) &&
		    parse_digits(s + 8, 2, &dd) && m >= 1 && m <= 12 && dd >= 1 &&
		    dd <= days_in_month(y, m))
			return err_set(e, ST_INVALID,
				       "%s: %s is out of range; accepted %04d-01-01 to %04d-12-31",
				       name, shown, YEAR_MIN, YEAR_MAX);
		return err_set(e, ST_INVALID, "%s: '%s' is not a date (use YYYY-MM-DD)", name,
			       shown);
	}
	if (!future_ok && today != DAY_NONE && d > today)
		return err_set(e, ST_INVALID, "%s: %s is in the future (today is %s)", name,
			       date_format(d, date), date_format(today, now));
	if (out)
		*out = d;
	return ST_OK;
}

enum status date_check_range(const char *field, day_t d, day_t lo, const char *lo_what, day_t hi,
			     const char *hi_what, struct err *e)
{
	char name[64], dd[11], l[11], h[11], range[64];
	text_sanitize_buf(name, sizeof name, field ? field : "date");
	date_format(d, dd);
	date_format(lo, l);
	date_format(hi, h);
	if (lo != DAY_NONE && hi != DAY_NONE)
		snprintf(range, sizeof range, "%s to %s", l, h);
	else if (lo != DAY_NONE)
		snprintf(range, sizeof range, "%s or later", l);
	else
		snprintf(range, sizeof range, "up to %s", h);
	if (lo != DAY_NONE && d < lo)
		return err_set(e, ST_INVALID, "%s: %s is before %s (%s); accepted %s", name, dd,
			       lo_what, l, range);
	if (hi != DAY_NONE && d > hi)
		return err_set(e, ST_INVALID, "%s: %s is after %s (%s); accepted %s", name, dd,
			       hi_what, h, range);
	return ST_OK;
}

/* Timestamps outside years 0000-9999 format as "". */
char *date_format_time(int64_t t, char *buf)
{
	char day[11], line[32];
	int64_t secs;
	int64_t days = floor_div(t, SECS_PER_DAY, &secs);

	buf[0] = '\0';
	if (days <= INT32_MIN || days > INT32_MAX || !*date_format((day_t)days, day))
		return buf;
	snprintf(line, sizeof line, "%s %02d:%02d", day, (int)(secs / 3600), (int)(secs / 60 % 60));
	strlcpy_(buf, line, 17);
	return buf;
}
