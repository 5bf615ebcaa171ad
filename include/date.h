/* date.h: calendar dates as days since 1970-01-01 (UTC civil calendar), and
 * timestamps as seconds since the epoch. Nothing here reads the clock. */
#ifndef HEPADESK_DATE_H
#define HEPADESK_DATE_H

#include <stdbool.h>
#include <stdint.h>

#include "status.h"

/* A date as a day number: 0 is 1970-01-01. */
typedef int32_t day_t;
#define DAY_NONE INT32_MIN

/* Parse strict YYYY-MM-DD (real calendar dates only, years 1900-2199). */
bool date_parse(const char *s, day_t *out);

/* Format as YYYY-MM-DD into buf (at least 11 bytes); returns buf.
 * DAY_NONE formats as "". */
char *date_format(day_t d, char *buf);

/* The day a timestamp falls on, in UTC offset tz_offset_s seconds. */
day_t date_from_time(int64_t t, int tz_offset_s);

/* Seconds at the start of a day (UTC). */
int64_t date_to_time(day_t d);

/* Whole years between birth and on (age in years on that day). */
int date_age_years(day_t birth, day_t on);

/* Parse a date for a named field, refusing malformed dates ("not a date"),
 * well-formed dates of years outside 1900-2199 ("out of range", with the
 * range) and dates after `today` (when future_ok is false) with a message
 * naming the field. */
enum status date_parse_field(const char *field, const char *s, day_t today, bool future_ok,
			     day_t *out, struct err *e);

/* d within lo..hi (either DAY_NONE: no bound), else ST_INVALID naming the
 * field, the date, the bound crossed (lo_what: "the patient's birth") and
 * the accepted range. */
enum status date_check_range(const char *field, day_t d, day_t lo, const char *lo_what, day_t hi,
			     const char *hi_what, struct err *e);

/* Format a timestamp as "YYYY-MM-DD HH:MM" (UTC) into buf (>= 17 bytes). */
char *date_format_time(int64_t t, char *buf);

#endif
