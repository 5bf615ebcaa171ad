/* testhooks.c: the test build's settable clock and report slice (see
 * testhooks.h). */
#define _GNU_SOURCE /* secure_getenv */
#include "testhooks.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "util.h"

/* Two digits at s as a number, or -1. */
static int two(const char *s)
{
	return isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1])
		   ? (s[0] - '0') * 10 + (s[1] - '0')
		   : -1;
}

/* "YYYY-MM-DD", "YYYY-MM-DD HH:MM", "YYYY-MM-DD HH:MM:SS" or seconds. */
static bool parse_now(const char *s, int64_t *out)
{
	char date[11];
	day_t d;
	size_t len = strcspn(s, "\n");
	if (len >= 10) {
		memcpy(date, s, 10);
		date[10] = '\0';
		int h = len >= 16 ? two(s + 11) : 0, m = len >= 16 ? two(s + 14) : 0;
		int sec = len >= 19 ? two(s + 17) : 0;
		if (date_parse(date, &d) && h >= 0 && m >= 0 && sec >= 0) {
			*out = date_to_time(d) + h * 3600 + m * 60 + sec;
			return true;
		}
	}
	char *end;
	long long secs = strtoll(s, &end, 10);
	if (end == s)
		return false;
	*out = secs;
	return true;
}

static int64_t test_clock(void)
{
	const char *v = secure_getenv("HEPADESK_TEST_NOW");
	char buf[64] = "";
	int64_t now;
	if (v && v[0] == '@') {
		FILE *f = fopen(v + 1, "r");
		if (f) {
			if (!fgets(buf, sizeof buf, f))
				buf[0] = '\0';
			fclose(f);
		}
		v = buf;
	}
	if (v && parse_now(v, &now))
		return now;
	return clock_system();
}

clock_fn testhooks_clock(void)
{
	return test_clock;
}

int testhooks_report_slice(void)
{
	const char *v = secure_getenv("HEPADESK_TEST_REPORT_SLICE");
	char buf[32] = "";
	if (v && v[0] == '@') {
		FILE *f = fopen(v + 1, "r");
		if (f) {
			if (!fgets(buf, sizeof buf, f))
				buf[0] = '\0';
			fclose(f);
		}
		v = buf;
	}
	char *end = NULL;
	long n = v ? strtol(v, &end, 10) : 0;
	return v && end != v && n < 1000000 ? (int)n : -1;
}

extern char **environ;

bool testhooks_env_dump(int argc, char **argv, const char *flag, FILE *out)
{
	if (argc != 2 || strcmp(argv[1], flag) != 0)
		return false;
	for (char **v = environ; v && *v; v++)
		fprintf(out, "%s\n", *v);
	return true;
}
