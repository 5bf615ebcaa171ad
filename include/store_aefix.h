/* store_aefix.h: storage of corrections of adverse events' details — one
 * transaction, the version checked, the audit trigger keeping the row before
 * and after, the reason kept on the row. */
#ifndef HEPADESK_STORE_AEFIX_H
#define HEPADESK_STORE_AEFIX_H

#include <stdbool.h>

#include "ae.h"
#include "fix.h"
#include "sae.h"
#include "status.h"
#include "store.h"

/* Correct event a->id of patient a->patient_id to a's term, grade, onset,
 * relation, seriousness, criteria and expectedness (the rest as stored).
 * a->version is the version the caller read: another one is ST_CONFLICT.
 * ae_validate applies (a grade 4 not serious is ST_CONFIRM unless
 * confirmed), and the onset's plausibility; the event is linked again to the
 * last infusion before its onset. due (n of them, from sae_deadlines of the
 * corrected event) are the reports it owes: those of a kind it has not got
 * are added. An event with reports on its clock cannot become not serious
 * (ST_INVALID): a downgrade is a follow-up report. On success a->version is
 * the new version. */
enum status store_ae_fix(struct store *st, struct ae *a, const char *reason, bool confirmed,
			 const struct sae_due *due, int n, struct err *e);

/* Void event id of the patient with a reason (1-200 characters of one
 * line), in one transaction: version is the one read (0: not checked;
 * another is ST_CONFLICT); ST_DUPLICATE when voided already; ST_INVALID for
 * a fatal event (it recorded the death: correct the grade first). The row
 * stays, with who voided it, when and why; its reports owed leave the open
 * list with it. On success *out is the voided event. */
enum status store_ae_void(struct store *st, int64_t patient_id, int64_t id, int64_t version,
			  const char *reason, struct ae *out, struct err *e);

#endif
