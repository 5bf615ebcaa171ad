/* uc_longterm.c: a patient's long-term follow-up loaded and run through the
 * model: contacts, schedule, status and the event history. */
#include "uc_longterm.h"

#include <stdlib.h>
#include <string.h>

#include "store_longterm.h"
#include "store_treat.h"
#include "util.h"

#define HCC_IMAGING_MAX 16

enum status uc_longterm_load(struct store *st, int64_t patient_id, struct uc_longterm *out,
			     struct err *e)
{
	struct pstatus *hist = xcalloc(UC_LT_STATUSES_MAX, sizeof *hist);
	struct lt_contact *live = xcalloc(UC_LT_CONTACTS_MAX, sizeof *live);
	day_t hcc[HCC_IMAGING_MAX];
	struct lt_facts f = {0};
	int nhist = 0, nlive = 0, nhcc = 0;
	memset(out, 0, sizeof *out);
	enum status s = store_status_current(st, patient_id, &out->status, e);
	if (s == ST_OK)
		s = store_status_history(st, patient_id, hist, UC_LT_STATUSES_MAX, &nhist, e);
	if (s == ST_OK)
		s = store_contact_list(st, patient_id, true, out->contacts, UC_LT_CONTACTS_MAX,
				       &out->ncontacts, e);
	if (s == ST_OK)
		s = store_lt_items(st, patient_id, out->items, LT_ITEMS_MAX, &out->nitems, e);
	if (s == ST_OK)
		s = store_lt_facts(st, patient_id, &f.origin, &f.last_visit, hcc, HCC_IMAGING_MAX,
				   &nhcc, e);
	if (s == ST_OK) {
		for (int i = 0; i < out->ncontacts; i++)
			if (!*out->contacts[i].void_reason)
				live[nlive++] = out->contacts[i];
		f.contacts = live;
		f.ncontacts = nlive;
		f.statuses = hist;
		f.nstatuses = nhist;
		f.hcc_imaging = hcc;
		f.nhcc_imaging = nhcc;
		lt_history(&f, &out->history);
	}
	free(live);
	free(hist);
	return s;
}
