/* store_sae.h: serious adverse events on their reporting clock — the event
 * recorded with the reports it owes, the open reports listed soonest due
 * first, and a report made, which closes it. */
#ifndef HEPADESK_STORE_SAE_H
#define HEPADESK_STORE_SAE_H

#include "ae.h"
#include "sae.h"
#include "status.h"
#include "store.h"

/* Record an adverse event with the reports it owes (due: from sae_deadlines,
 * n of them) in one transaction. A serious event with no report owed is
 * ST_INVALID (its clock would be lost); a->id and the links are set as by
 * store_ae_add. */
enum status store_sae_add(struct store *st, struct ae *a, const struct sae_due *due, int n,
			  struct err *e);

/* The open reports, soonest due first, at most max into out; *n receives
 * how many were read. */
enum status store_sae_open(struct store *st, struct sae_report *out, int max, int *n,
			   struct err *e);

/* One report by its number; ST_NOT_FOUND when there is none. */
enum status store_sae_get(struct store *st, int64_t id, struct sae_report *out, struct err *e);

/* Record the report made: r->id names it, r->reported_at, reported_to and
 * reference are the record (sae_check_report); the user is the reporter.
 * PERM_RECORD. ST_CONFLICT when it was reported already (naming when and
 * by whom). On success *r holds the closed report. */
enum status store_sae_report(struct store *st, struct sae_report *r, struct err *e);

#endif
