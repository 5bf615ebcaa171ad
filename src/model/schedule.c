/* schedule.c: schedule item names and window arithmetic. */
#include "schedule.h"

const char *sched_kind_str(enum sched_kind k)
{
	return k == SCHED_INFUSION ? "infusion" : "visit";
}

const char *sched_state_str(enum sched_state s)
{
	static const char *const names[] = {"open", "done", "missed", "cancelled"};
	return (unsigned)s < 4 ? names[s] : "open";
}

enum sched_when schedule_when(const struct schedule_item *it, day_t day)
{
	if (day < it->due - it->window_before)
		return SCHED_EARLY;
	if (day > it->due + it->window_after)
		return SCHED_LATE;
	return SCHED_IN_WINDOW;
}
