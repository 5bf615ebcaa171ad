/* pstate.c: the patient's status — states, their codes, and what a change
 * needs. */
#include "pstate.h"

#include <stdio.h>
#include <string.h>

#include "text.h"

static const struct {
	const char *code, *label;
	bool needs_reason, ends;
} states[PSTATE_COUNT] = {
#define PSTATE_ROW_(id, code, label, reason, ends) [PSTATE_##id] = {code, label, reason, ends},
    PSTATE_INFO(PSTATE_ROW_)
#undef PSTATE_ROW_
};

const char *pstate_str(enum pstate s)
{
	return (unsigned)s < PSTATE_COUNT ? states[s].code : "";
}

const char *pstate_label(enum pstate s)
{
	return (unsigned)s < PSTATE_COUNT ? states[s].label : "";
}

bool pstate_parse(const char *s, enum pstate *out)
{
	for (int i = 0; s && i < PSTATE_COUNT; i++) {
		if (strcmp(s, states[i].code) == 0) {
			*out = (enum pstate)i;
			return true;
		}
	}
	return false;
}

char *pstate_choices(char *buf, size_t n)
{
	size_t len = 0;
	buf[0] = '\0';
	for (int i = 0; i < PSTATE_COUNT && len < n; i++)
		len += (size_t)snprintf(buf + len, n - len, "%s%s",
					i == 0			? ""
					: i == PSTATE_COUNT - 1 ? " or "
								: ", ",
					states[i].code);
	return buf;
}

bool pstate_ends_treatment(enum pstate s)
{
	return (unsigned)s < PSTATE_COUNT && states[s].ends;
}

enum status pstate_check_change(enum pstate from, day_t from_date, const struct pstatus *to,
				day_t today, struct err *e)
{
	char d[16], f[16], choices[PSTATE_CHOICES_MAX];
	if ((unsigned)to->state >= PSTATE_COUNT)
		return err_set(e, ST_INVALID, "state: accepted %s",
			       pstate_choices(choices, sizeof choices));
	if (to->date == DAY_NONE || to->date > today)
		return err_set(e, ST_INVALID, "date: '%s' must be a day up to today",
			       date_format(to->date, d));
	if (from_date != DAY_NONE && to->date < from_date)
		return err_set(e, ST_INVALID,
			       "date: %s is before the current status (%s since %s); "
			       "a status change cannot go back in time",
			       date_format(to->date, d), pstate_label(from),
			       date_format(from_date, f));
	if (from == PSTATE_DECEASED && from_date != DAY_NONE)
		return err_set(e, ST_INVALID,
			       "state: the patient is recorded as deceased since %s; "
			       "no further status can follow",
			       date_format(from_date, f));
	size_t n = strlen(to->reason);
	if (n > PSTATE_REASON_MAX || !text_is_clean(to->reason, false))
		return err_set(e, ST_INVALID, "reason: at most %d characters of one-line text",
			       PSTATE_REASON_MAX);
	if (states[to->state].needs_reason && n == 0)
		return err_set(e, ST_INVALID, "reason: %s needs %s (1-%d characters)",
			       states[to->state].code,
			       to->state == PSTATE_DECEASED ? "the cause of death" : "a reason",
			       PSTATE_REASON_MAX);
	return ST_OK;
}
