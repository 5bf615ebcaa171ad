/* uc_import.c: one HL7 message from text to storage (or a dry run), its
 * ACK, and storing a queued result once a nurse matched or confirmed it. */
#include "uc_import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uc_lab.h"
#include "util.h"

/* Match each PID of o against storage. */
static enum status match_all(struct store *st, const struct hl7_oru *o, const char *authority,
			     struct hl7_match *m, struct err *e)
{
	for (int i = 0; i < o->npatients; i++) {
		const char *mrn = hl7map_mrn(&o->patients[i], authority);
		struct err le = {""};
		memset(&m[i], 0, sizeof m[i]);
		if (!mrn[0]) {
			snprintf(m[i].why, sizeof m[i].why, "PID-3: no identifier%s%s",
				 authority && authority[0] ? " from " : "",
				 authority ? authority : "");
			continue;
		}
		enum status s = store_patient_by_mrn(st, mrn, &m[i].p, &le);
		if (s == ST_NOT_FOUND || s == ST_INVALID) {
			snprintf(m[i].why, sizeof m[i].why, "MRN '%.60s' is not registered", mrn);
			strlcpy_(m[i].p.mrn, mrn, sizeof m[i].p.mrn);
			m[i].p.id = 0;
			continue;
		}
		if (s != ST_OK)
			return err_set(e, s, "%s", le.msg);
		m[i].known = true;
		hl7map_patient_check(&o->patients[i], &m[i]);
	}
	return ST_OK;
}

/* Unit sense across the patient's history (uc_lab.h), as for a typed
 * result: one that would ask a nurse is queued for her, never stored. */
static enum status sense(struct store *st, const struct uc_import_opts *opt, struct hl7_item *it,
			 struct err *e)
{
	struct err why = {""};
	if (it->action != HL7_STORE || !opt->cfg)
		return ST_OK;
	enum status s = uc_lab_sense(st, opt->cfg, &it->lab, 1, &why);
	if (s == ST_CONFIRM) {
		it->action = HL7_QUEUE;
		it->reason = HL7_Q_CONFIRM;
		strlcpy_(it->detail, why.msg, sizeof it->detail);
		return ST_OK;
	}
	return s == ST_OK ? ST_OK : err_set(e, s, "%s", why.msg);
}

static enum status plan(struct store *st, const struct hl7_oru *o, const struct hl7_match *m,
			const struct uc_import_opts *opt, struct uc_import *r, struct err *e)
{
	r->nitems = o->nobs;
	r->items = xcalloc((size_t)o->nobs, sizeof *r->items);
	for (int i = 0; i < o->nobs; i++) {
		struct hl7_item *it = &r->items[i];
		const struct hl7_match *pm = &m[o->obs[i].patient];
		hl7map_item(o, &o->obs[i], pm, opt->local_codes, opt->today, it);
		enum status s = sense(st, opt, it, e);
		if (s != ST_OK)
			return s;
		if (!pm->known)
			strlcpy_(it->mrn,
				 hl7map_mrn(&o->patients[o->obs[i].patient], opt->authority),
				 sizeof it->mrn);
		r->saved.stored += it->action == HL7_STORE;
		r->saved.corrected += it->action == HL7_CORRECT;
		r->saved.queued += it->action == HL7_QUEUE;
		r->saved.noted += it->action == HL7_NOTE;
	}
	return ST_OK;
}

enum status uc_import_message(struct store *st, const char *text, size_t len,
			      const struct uc_import_opts *opt, struct uc_import *r, struct err *e)
{
	struct hl7_msg msg;
	struct hl7_oru o;
	struct hl7_match *m = NULL;
	enum status s;

	memset(r, 0, sizeof *r);
	if ((s = hl7map_local_check(opt->local_codes, e)) != ST_OK)
		return s;
	if ((s = hl7_parse(text, len, &msg, e)) != ST_OK)
		return s;
	if ((s = hl7_oru_read(&msg, &o, e)) != ST_OK)
		goto out_msg;
	hl7map_sender(&o, r->sender, sizeof r->sender);
	strlcpy_(r->control_id, o.control_id, sizeof r->control_id);
	m = xcalloc((size_t)o.npatients, sizeof *m);
	if ((s = match_all(st, &o, opt->authority, m, e)) != ST_OK)
		goto out;
	if ((s = plan(st, &o, m, opt, r, e)) != ST_OK)
		goto out;
	if (opt->dry_run) {
		s = store_hl7_seen(st, r->sender, r->control_id, &r->duplicate, e);
	} else {
		struct hl7_saved counted = r->saved;
		s = store_hl7_save(st, r->sender, r->control_id, opt->via, r->items, r->nitems,
				   &r->saved, e);
		if (s == ST_DUPLICATE) {
			r->duplicate = true;
			r->saved = counted;
			s = ST_OK;
		}
	}
out:
	free(m);
	hl7_oru_done(&o);
out_msg:
	hl7_msg_done(&msg);
	return s;
}

void uc_import_done(struct uc_import *r)
{
	free(r->items);
	memset(r, 0, sizeof *r);
}

void uc_import_ack(const char *text, size_t len, enum status s, const struct uc_import *r,
		   const struct err *e, const char *now, struct strbuf *out)
{
	struct hl7_msg msg;
	struct err pe = {""};
	char summary[160];
	bool parsed = hl7_parse(text, len, &msg, &pe) == ST_OK;

	if (s == ST_OK) {
		snprintf(summary, sizeof summary,
			 r->duplicate ? "duplicate of a message taken in before: nothing stored"
				      : "%d stored, %d corrected, %d queued, %d noted",
			 r->saved.stored, r->saved.corrected, r->saved.queued, r->saved.noted);
		hl7_ack(parsed ? &msg : NULL, HL7_AA, summary, now, out);
	} else {
		hl7_ack(parsed ? &msg : NULL, s == ST_INVALID ? HL7_AE : HL7_AR, err_why(e, s), now,
			out);
	}
	if (parsed)
		hl7_msg_done(&msg);
}

/* Item id as it is now: ST_CONFLICT when it is no longer open at version
 * (someone resolved it since the nurse read it). */
static enum status open_item(struct store *st, int64_t id, int64_t version, struct hl7_queued *q,
			     struct err *e)
{
	enum status s = store_hl7_queue_get(st, id, q, e);
	if (s != ST_OK)
		return s;
	if (strcmp(q->state, "open") != 0)
		return err_set(e, ST_CONFLICT, "queued result %lld was already %s", (long long)id,
			       q->state);
	if (q->version != version)
		return err_set(e, ST_CONFLICT,
			       "queued result %lld was changed by someone else since it was read",
			       (long long)id);
	return ST_OK;
}

enum status uc_queue_reject(struct store *st, int64_t id, int64_t version, const char *reason,
			    struct err *e)
{
	struct hl7_queued q;
	enum status s = open_item(st, id, version, &q, e);
	return s == ST_OK ? store_hl7_queue_reject(st, id, version, reason, e) : s;
}

enum status uc_queue_store(struct store *st, int64_t id, int64_t version, const char *mrn,
			   bool confirm, const char *reason, struct err *e)
{
	struct hl7_queued q;
	struct patient p;
	struct lab_result r;
	enum unit_system u;
	day_t d;
	enum status s = open_item(st, id, version, &q, e);

	if (s != ST_OK)
		return s;
	if (q.item.reason == HL7_Q_CENSORED)
		return err_set(
		    e, ST_INVALID,
		    "queued result %lld: '%s' %s is censored (the laboratory's limit, not "
		    "a value); it can only be rejected: record the number by hand if the "
		    "laboratory gives one",
		    (long long)id, q.item.value, q.item.unit);
	if (!q.item.have_analyte)
		return err_set(e, ST_INVALID,
			       "queued result %lld: code '%s' is not mapped to an analyte; it can "
			       "only be rejected",
			       (long long)id, q.item.code);
	if (!hl7map_unit(q.item.lab.analyte, q.item.unit, &u))
		return err_set(e, ST_INVALID,
			       "queued result %lld: unit '%s' is not accepted for %s; it can only "
			       "be rejected",
			       (long long)id, q.item.unit, analyte_get(q.item.lab.analyte)->key);
	if (!date_parse(q.item.collected, &d))
		return err_set(e, ST_INVALID,
			       "queued result %lld: no collection date; it can only be rejected",
			       (long long)id);
	if (mrn)
		s = store_patient_by_mrn(st, mrn, &p, e);
	else if (q.item.patient_id && q.item.reason != HL7_Q_MISMATCH)
		s = store_patient_get(st, q.item.patient_id, &p, e);
	else
		return err_set(e, ST_INVALID,
			       "queued result %lld (%s): name the patient it belongs to",
			       (long long)id, hl7_queue_reason_label(q.item.reason));
	if (s != ST_OK)
		return s;
	memset(&r, 0, sizeof r);
	if ((s = lab_entry(q.item.lab.analyte, u, q.item.value, confirm, &r, e)) != ST_OK)
		return s;
	r.patient_id = p.id;
	r.date = d;
	snprintf(r.source, sizeof r.source, "hl7:%.27s", q.sender);
	char *caret = strchr(r.source, '^');
	if (caret)
		*caret = '\0';
	return store_hl7_queue_store(st, id, version, &r, reason, e);
}
