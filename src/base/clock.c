/* clock.c: the system clock, read here and nowhere else. */
#include "clock.h"

#include <time.h>

int64_t clock_system(void)
{
	return (int64_t)time(NULL);
}
