/* sae.c: serious adverse event reporting — deadlines from awareness, the
 * time left and the report record's check. */
#include "sae.h"

#include <stdio.h>
#include <string.h>

#include "text.h"

static const char *const kind_names[][2] = {
#define SAE_NAME_(name, text, label) {text, label},
    SAE_KIND_INFO(SAE_NAME_)
#undef SAE_NAME_
};

const char *sae_kind_str(enum sae_kind k)
{
	return (unsigned)k < SAE_KIND_COUNT ? kind_names[k][0] : "?";
}

const char *sae_kind_label(enum sae_kind k)
{
	return (unsigned)k < SAE_KIND_COUNT ? kind_names[k][1] : "?";
}

int sae_deadlines(const struct ae *a, const struct protocol *p, struct sae_due out[2])
{
	if (!a->serious)
		return 0;
	int n = 0;
	out[n].kind = SAE_INITIAL;
	out[n++].due_at = a->aware_at + (int64_t)(p->safety[SAFE_SAE_HOURS] * 3600.0);
	if (!a->expected && ae_is_related(a->relation)) {
		unsigned all = a->criteria | ae_criteria_implied(a);
		bool grave =
		    (all & ((1u << AE_CRIT_DEATH) | (1u << AE_CRIT_LIFE))) || a->grade >= 4;
		double days = p->safety[grave ? SAFE_SUSAR_FATAL_DAYS : SAFE_SUSAR_OTHER_DAYS];
		out[n].kind = SAE_SUSAR;
		out[n++].due_at = a->aware_at + (int64_t)(days * 86400.0);
	}
	return n;
}

void sae_time_left(int64_t due_at, int64_t now, char *out, size_t n)
{
	int64_t left = due_at - now;
	int64_t m = (left < 0 ? -left : left) / 60;
	char span[48];
	if (m >= 24 * 60)
		snprintf(span, sizeof span, "%lld d %lld h", (long long)(m / 1440),
			 (long long)(m % 1440 / 60));
	else if (m >= 60)
		snprintf(span, sizeof span, "%lld h %lld min", (long long)(m / 60),
			 (long long)(m % 60));
	else
		snprintf(span, sizeof span, "%lld min", (long long)m);
	if (left < 0)
		snprintf(out, n, "OVERDUE by %s", span);
	else
		snprintf(out, n, "%s left", span);
}

static bool one_line(const char *s, size_t max)
{
	return s[0] && strlen(s) <= max && text_is_clean(s, false);
}

enum status sae_check_report(const struct sae_report *r, int64_t now, struct err *e)
{
	if (!r->reported_at)
		return err_set(e, ST_INVALID, "at: required (YYYY-MM-DD HH:MM)");
	if (r->reported_at > now)
		return err_set(e, ST_INVALID, "at: the report's time is in the future");
	if (r->aware_at && r->reported_at < r->aware_at)
		return err_set(e, ST_INVALID,
			       "at: before the site became aware of the event; a report follows "
			       "awareness");
	if (!one_line(r->reported_to, SAE_TO_MAX))
		return err_set(e, ST_INVALID, "to: 1-%d characters, one line (whom it went to)",
			       SAE_TO_MAX);
	if (!one_line(r->reference, SAE_REF_MAX))
		return err_set(e, ST_INVALID,
			       "reference: 1-%d characters, one line (the receiver's reference)",
			       SAE_REF_MAX);
	return ST_OK;
}
