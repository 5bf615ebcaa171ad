/* testclock.h: the unit tests' clock — every store a test opens runs on
 * testclock_now, which the test sets; nothing reads the wall clock. */
#ifndef HEPADESK_TESTCLOCK_H
#define HEPADESK_TESTCLOCK_H

#include <stdint.h>

#include "store.h"

/* 2026-01-01 12:00:00 UTC until a test moves it. */
static int64_t testclock_now = 1767268800;

static inline int64_t testclock(void)
{
	return testclock_now;
}

static const struct store_opts testclock_opts = {
    .busy_timeout_ms = 5000, .create = true, .clock = testclock};
#define TESTCLOCK_OPTS (&testclock_opts)

#endif
