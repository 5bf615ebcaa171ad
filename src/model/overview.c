/* overview.c: a patient's overview — latest labs, imaging, current scores. */
#include "overview.h"

#include <string.h>

#include "util.h"

int overview_score_analytes(enum score_id id, enum analyte_id *out)
{
	static const enum analyte_id meld[] = {ANALYTE_BILIRUBIN, ANALYTE_INR, ANALYTE_CREATININE};
	static const enum analyte_id meld_na[] = {ANALYTE_BILIRUBIN, ANALYTE_INR,
						  ANALYTE_CREATININE, ANALYTE_SODIUM};
	static const enum analyte_id meld3[] = {ANALYTE_BILIRUBIN, ANALYTE_INR, ANALYTE_CREATININE,
						ANALYTE_SODIUM, ANALYTE_ALBUMIN};
	static const enum analyte_id cp[] = {ANALYTE_BILIRUBIN, ANALYTE_ALBUMIN, ANALYTE_INR};
	static const enum analyte_id albi[] = {ANALYTE_BILIRUBIN, ANALYTE_ALBUMIN};
	static const enum analyte_id fib4[] = {ANALYTE_AST, ANALYTE_ALT, ANALYTE_PLATELETS};
	static const enum analyte_id apri[] = {ANALYTE_AST, ANALYTE_PLATELETS};
	static const struct {
		const enum analyte_id *a;
		int n;
	} table[SCORE_COUNT] = {
	    [SCORE_MELD] = {meld, 3},	[SCORE_MELD_NA] = {meld_na, 4},
	    [SCORE_MELD3] = {meld3, 5}, [SCORE_CHILD_PUGH] = {cp, 3},
	    [SCORE_ALBI] = {albi, 2},	[SCORE_FIB4] = {fib4, 3},
	    [SCORE_APRI] = {apri, 2},
	};
	if ((unsigned)id >= SCORE_COUNT)
		return 0;
	memcpy(out, table[id].a, (size_t)table[id].n * sizeof *out);
	return table[id].n;
}

day_t overview_score_date(const struct score_basis *b, enum score_id id)
{
	enum analyte_id used[ANALYTE_COUNT];
	int n = overview_score_analytes(id, used);
	day_t newest = DAY_NONE;
	for (int i = 0; i < n; i++)
		if (b->labs.have[used[i]] &&
		    (newest == DAY_NONE || b->labs.r[used[i]].date > newest))
			newest = b->labs.r[used[i]].date;
	return newest;
}

const char *overview_item_state(const struct schedule_item *it, day_t today)
{
	if (it->state != SCHED_OPEN)
		return sched_state_str(it->state);
	if (today < it->due - it->window_before)
		return "upcoming";
	if (today > it->due + it->window_after)
		return "overdue";
	return today == it->due ? "due today" : "in window";
}

void overview_care_fill(struct overview_care *c, const struct schedule_item *items, int n,
			const struct ae *aes, int naes)
{
	for (int i = 0; i < n && !c->have_next; i++)
		if (items[i].state == SCHED_OPEN) {
			c->next = items[i];
			c->have_next = true;
		}
	c->serious_open = 0;
	for (int i = 0; i < naes; i++) {
		if (!aes[i].serious || !ae_is_open(&aes[i]))
			continue;
		if (c->serious_open++ == 0 || aes[i].onset_at > c->serious.onset_at)
			c->serious = aes[i];
	}
}
