/* sae.h: reporting a serious adverse event — the reports owed from the
 * site's awareness (every serious event within hours; an unexpected serious
 * related one, a SUSAR, within days), the time left on each and the record
 * of a report made, which closes it (REFERENCE 14.2). */
#ifndef HEPADESK_SAE_H
#define HEPADESK_SAE_H

#include <stddef.h>
#include <stdint.h>

#include "ae.h"
#include "protocol.h"
#include "status.h"
#include "user.h"

#define SAE_TO_MAX 120
#define SAE_REF_MAX 80

#define SAE_KIND_INFO(_)                                                         \
	_(INITIAL, "initial", "serious adverse event report (sponsor / ethics)") \
	_(SUSAR, "susar", "expedited SUSAR report (regulator)")

enum sae_kind {
#define SAE_ENUM_(name, ...) SAE_##name,
	SAE_KIND_INFO(SAE_ENUM_)
#undef SAE_ENUM_
	    SAE_KIND_COUNT
};

struct sae_due {
	enum sae_kind kind;
	int64_t due_at; /* seconds since the epoch (UTC) */
};

/* One report owed, as listed (storage fills it). */
struct sae_report {
	int64_t id;
	int64_t ae_id, patient_id;
	char mrn[40];
	char term[AE_TERM_MAX + 1];
	int grade;
	enum sae_kind kind;
	int64_t aware_at, due_at;
	int64_t reported_at; /* 0 while open */
	char reported_to[SAE_TO_MAX + 1];
	char reference[SAE_REF_MAX + 1];
	char reported_by[USER_LOGIN_MAX + 1];
	int64_t version;
};

const char *sae_kind_str(enum sae_kind k);
const char *sae_kind_label(enum sae_kind k);

/* The reports a serious event owes under p, from a->aware_at, into out;
 * returns how many (0 for an event that is not serious): the serious-event
 * report within [safety] sae_report_hours, and for an unexpected event
 * related to the treatment a SUSAR report within susar_fatal_days when it
 * is fatal or life-threatening (criteria, implied ones included, or grade
 * 4-5), else susar_other_days. a->expected must be set. */
int sae_deadlines(const struct ae *a, const struct protocol *p, struct sae_due out[2]);

/* "5 h 20 min left", "2 d 3 h left" or "OVERDUE by 40 min" into out. */
void sae_time_left(int64_t due_at, int64_t now, char *out, size_t n);

/* Check a report record: when (not before awareness, not after now), to
 * whom (1-SAE_TO_MAX characters) and the reference (1-SAE_REF_MAX), each one
 * line of text. ST_INVALID naming the field. */
enum status sae_check_report(const struct sae_report *r, int64_t now, struct err *e);

#endif
