/* testhooks.c: the test build's settable clock (see testhooks.h). */
#include "testhooks.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "util.h"

static bool parse_now(const char *s, int64_t *out)
{
	long long secs;
	day_t d;
	int h = 0, m = 0, sec = 0;
	char date[11];
	if (sscanf(s, "%10[0-9-] %d:%d:%d", date, &h, &m, &sec) >= 1 && strlen(date) == 10 &&
	    date_parse(date, &d)) {
		*out = date_to_time(d) + h * 3600 + m * 60 + sec;
		return true;
	}
	char *end;
	secs = strtoll(s, &end, 10);
	if (end == s)
		return false;
	*out = secs;
	return true;
}

static int64_t test_clock(void)
{
	const char *v = getenv("HEPADESK_TEST_NOW");
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
