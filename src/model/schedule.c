/* schedule.c: schedule item names (window arithmetic: visit.h). */
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

const char *sched_item_state(const struct schedule_item *it, day_t today)
{
	if (it->state != SCHED_OPEN)
		return sched_state_str(it->state);
	if (today < it->due - it->window_before)
		return "upcoming";
	if (today > it->due + it->window_after)
		return "overdue";
	return today == it->due ? "due today" : "in window";
}
