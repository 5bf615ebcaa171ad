/* overview.h: everything the patient overview shows — demographics, the
 * latest value of each analyte, imaging notes and the current scores with
 * the lab values, findings and dates they used. Shared by `hepadesk show` and the
 * overview and scores screens, so both say the same thing. */
#ifndef HEPADESK_OVERVIEW_H
#define HEPADESK_OVERVIEW_H

#include "ae.h"
#include "config.h"
#include "imaging.h"
#include "lab.h"
#include "patient.h"
#include "plan.h"
#include "schedule.h"
#include "score.h"
#include "score_basis.h"

#define OVERVIEW_IMAGING 8

/* What a phone call about the patient needs, on the one screen: the plan,
 * the next visit and the serious adverse events still open. */
struct overview_care {
	bool have_plan;
	struct plan plan; /* the active plan */
	bool have_next;
	struct schedule_item next; /* the first open item by due date */
	int serious_open;	   /* open serious adverse events */
	struct ae serious;	   /* the newest of them */
};

struct overview {
	struct patient p;
	int age;
	day_t today;
	struct lab_latest labs;
	struct imaging_note imaging[OVERVIEW_IMAGING];
	int nimaging;
	struct score_basis basis; /* the scores and the inputs they used (score_basis.h) */
	struct overview_care care;
};

/* The analytes each score uses (for "values and dates it used"); returns the
 * count written to out (at most ANALYTE_COUNT). */
int overview_score_analytes(enum score_id id, enum analyte_id *out);

/* The newest collection date of the labs score id used (DAY_NONE: none). */
day_t overview_score_date(const struct score_basis *b, enum score_id id);

/* Where a scheduled item stands on day today: "upcoming" before its window,
 * "due today", "in window" inside it, "overdue" after it; "done", "missed"
 * or "cancelled" when closed. The same words everywhere. */
const char *overview_item_state(const struct schedule_item *it, day_t today);

/* The phone-call part from a patient's schedule (by due date) and adverse
 * events: the first open item, the open serious events and the newest. */
void overview_care_fill(struct overview_care *c, const struct schedule_item *items, int n,
			const struct ae *aes, int naes);

#endif
