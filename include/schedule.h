/* schedule.h: the infusion days and follow-up visits generated from a
 * treatment plan, each with its window. The plan module writes them; the
 * follow-up module records visits against them. */
#ifndef HEPADESK_SCHEDULE_H
#define HEPADESK_SCHEDULE_H

#include <stdbool.h>
#include <stdint.h>

#include "date.h"
#include "status.h"

#define SCHEDULE_LABEL_MAX 24
#define SCHEDULE_REASON_MAX 200

enum sched_kind { SCHED_INFUSION, SCHED_VISIT };
enum sched_state { SCHED_OPEN, SCHED_DONE, SCHED_MISSED, SCHED_CANCELLED };

struct schedule_item {
	int64_t id;
	int64_t patient_id;
	int64_t plan_id;
	enum sched_kind kind;
	char label[SCHEDULE_LABEL_MAX + 1]; /* "Infusion 1", "W4" */
	day_t target;			    /* as generated, kept for the record */
	day_t due;			    /* target, or the rescheduled day */
	int window_before;		    /* days */
	int window_after;
	char reason[SCHEDULE_REASON_MAX + 1]; /* why it was rescheduled */
	enum sched_state state;
	int64_t version;
};

/* Where a scheduled item stands on day today: "upcoming" before its window,
 * "due today", "in window" inside it, "overdue" after it; "done", "missed"
 * or "cancelled" when closed. The same words everywhere. */
const char *sched_item_state(const struct schedule_item *it, day_t today);

const char *sched_kind_str(enum sched_kind k);
const char *sched_state_str(enum sched_state s);

#endif
