/* clock.h: the one place the wall clock is read. Everything that needs
 * "now" or "today" is handed a clock_fn by the composition root (ui/main.c),
 * so a test can stand on any day and the installed program always runs on
 * the system clock. */
#ifndef HEPADESK_CLOCK_H
#define HEPADESK_CLOCK_H

#include <stdint.h>

/* A clock: seconds since the epoch (UTC). */
typedef int64_t (*clock_fn)(void);

/* The system clock (time(2)); the only wall-clock read in the program. */
int64_t clock_system(void);

#endif
