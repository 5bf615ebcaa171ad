/* testhooks.h: what only the test build of the program (build/hepadesk-test)
 * has: a clock the tests set. The installed program is built without it, so
 * no option or environment variable can move its clock. */
#ifndef HEPADESK_TESTHOOKS_H
#define HEPADESK_TESTHOOKS_H

#include <stdbool.h>
#include <stdio.h>

#include "clock.h"

/* The test clock: HEPADESK_TEST_NOW holds the time as "YYYY-MM-DD",
 * "YYYY-MM-DD HH:MM[:SS]" (UTC) or seconds since the epoch; "@FILE" reads
 * that text from FILE at every call, so a running screen test can move to
 * another day. Unset, or unreadable: the system clock. */
clock_fn testhooks_clock(void);

/* When the command line is exactly `hepadesk-test FLAG`: print the
 * environment as the program sees it now (one NAME=value a line) and answer
 * true; otherwise false. main.c asks with "--test-env=loader" before it
 * scrubs the environment (what the loader left) and "--test-env" after, so
 * a test run set-group-ID sees what each drops. */
/* The report screen's patients per slice: HEPADESK_TEST_REPORT_SLICE holds
 * a number, or "@FILE" reads it from FILE at every call, so a screen test
 * can hold the build (0) and let it go on. Unset or unreadable: -1 (the
 * screen's own count). */
int testhooks_report_slice(void);

bool testhooks_env_dump(int argc, char **argv, const char *flag, FILE *out);

#endif
