/* testhooks.h: what only the test build of the program (build/hepadesk-test)
 * has: a clock the tests set. The installed program is built without it, so
 * no option or environment variable can move its clock. */
#ifndef HEPADESK_TESTHOOKS_H
#define HEPADESK_TESTHOOKS_H

#include "clock.h"

/* The test clock: HEPADESK_TEST_NOW holds the time as "YYYY-MM-DD",
 * "YYYY-MM-DD HH:MM[:SS]" (UTC) or seconds since the epoch; "@FILE" reads
 * that text from FILE at every call, so a running screen test can move to
 * another day. Unset, or unreadable: the system clock. */
clock_fn testhooks_clock(void);

#endif
