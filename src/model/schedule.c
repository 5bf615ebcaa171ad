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
