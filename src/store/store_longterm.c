/* store_longterm.c: survival contacts and HCC surveillance — scheduled with
 * the plan, closed by a contact or an imaging note, contacts recorded and
 * voided, and the facts of the event history. */
#include "store_longterm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "text.h"
#include "util.h"

#define LT_COLS                                                                \
	"id, patient_id, plan_id, kind, label, due_date, window_days, state, " \
	"coalesce(done_ref, 0), version"

#define CONTACT_COLS                                                                             \
	"c.id, c.patient_id, coalesce(c.item_id, 0), coalesce(s.label, ''), c.date, c.phone, "   \
	"c.vital, c.death_date, coalesce(c.cause, ''), c.transplant, c.transplant_date, c.hcc, " \
	"c.hcc_date, c.variceal_bleeding, c.sbp, c.he_admission, c.refractory_ascites, c.hrs, "  \
	"c.decomp_date, coalesce(c.admissions, -1), c.note, c.recorded_by, "                     \
	"coalesce(c.void_reason, ''), c.version, coalesce(c.correction_reason, '') "             \
	"FROM contacts c "                                                                       \
	"LEFT JOIN longterm_schedule s ON s.id = c.item_id "

static enum sched_state parse_state(const char *s)
{
	for (int i = 0; i < 4; i++)
		if (s && strcmp(s, sched_state_str((enum sched_state)i)) == 0)
			return (enum sched_state)i;
	return SCHED_OPEN;
}

static void read_item(sqlite3_stmt *q, void *row)
{
	struct lt_item *it = row;
	memset(it, 0, sizeof *it);
	it->id = sqlite3_column_int64(q, 0);
	it->patient_id = sqlite3_column_int64(q, 1);
	it->plan_id = sqlite3_column_int64(q, 2);
	const char *k = (const char *)sqlite3_column_text(q, 3);
	it->kind = k && strcmp(k, "hcc") == 0 ? LT_HCC : LT_CONTACT;
	store_col_text(q, 4, it->label, sizeof it->label);
	it->due = store_col_day(q, 5);
	it->window_days = sqlite3_column_int(q, 6);
	it->state = parse_state((const char *)sqlite3_column_text(q, 7));
	it->done_ref = sqlite3_column_int64(q, 8);
	it->version = sqlite3_column_int64(q, 9);
}

static enum finding col_finding(sqlite3_stmt *q, int i)
{
	const char *v = (const char *)sqlite3_column_text(q, i);
	return !v ? FIND_NA : strcmp(v, "yes") == 0 ? FIND_YES : FIND_NO;
}

static void read_contact(sqlite3_stmt *q, void *row)
{
	struct lt_contact *c = row;
	lt_contact_init(c);
	c->id = sqlite3_column_int64(q, 0);
	c->patient_id = sqlite3_column_int64(q, 1);
	c->item_id = sqlite3_column_int64(q, 2);
	store_col_text(q, 3, c->item_label, sizeof c->item_label);
	c->date = store_col_day(q, 4);
	c->phone = sqlite3_column_int(q, 5) != 0;
	const char *v = (const char *)sqlite3_column_text(q, 6);
	c->dead = v && strcmp(v, "dead") == 0;
	c->death_date = store_col_day(q, 7);
	store_col_text(q, 8, c->cause, sizeof c->cause);
	c->transplant = col_finding(q, 9);
	c->transplant_date = store_col_day(q, 10);
	c->hcc = col_finding(q, 11);
	c->hcc_date = store_col_day(q, 12);
	for (int i = 0; i < LT_DECOMP_COUNT; i++)
		c->decomp[i] = sqlite3_column_int(q, 13 + i) != 0;
	c->decomp_date = store_col_day(q, 18);
	c->admissions = sqlite3_column_int(q, 19);
	store_col_text(q, 20, c->note, sizeof c->note);
	store_col_text(q, 21, c->recorded_by, sizeof c->recorded_by);
	store_col_text(q, 22, c->void_reason, sizeof c->void_reason);
	c->version = sqlite3_column_int64(q, 23);
	store_col_text(q, 24, c->correction_reason, sizeof c->correction_reason);
}

enum status store_lt_plan_insert(struct store *st, const struct protocol *p, const struct plan *pl,
				 const struct schedule_item *items, int n, struct err *e)
{
	static const char sql[] =
	    "INSERT INTO longterm_schedule (patient_id, plan_id, kind, label, due_date, "
	    "window_days, created) VALUES (?, ?, ?, ?, ?, ?, ?)";
	day_t last = pl->first_date;
	for (int i = 0; i < n; i++)
		if (items[i].kind == SCHED_VISIT && items[i].target > last)
			last = items[i].target;
	struct lt_item *lt = xcalloc(LT_ITEMS_MAX, sizeof *lt);
	int nlt = lt_schedule(p, pl->first_date, last, lt, LT_ITEMS_MAX);
	enum status s = ST_OK;
	for (int i = 0; i < nlt && s == ST_OK; i++) {
		sqlite3_stmt *q = store_stmt(st, sql, e);
		if (!q) {
			s = ST_IO;
			break;
		}
		sqlite3_bind_int64(q, 1, pl->patient_id);
		sqlite3_bind_int64(q, 2, pl->id);
		sqlite3_bind_text(q, 3, lt_kind_str(lt[i].kind), -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 4, lt[i].label, -1, SQLITE_TRANSIENT);
		store_bind_day(q, 5, lt[i].due);
		sqlite3_bind_int(q, 6, lt[i].window_days);
		sqlite3_bind_int64(q, 7, st->now);
		if (sqlite3_step(q) != SQLITE_DONE)
			s = store_fail(st, e, "saving the long-term schedule");
	}
	free(lt);
	return s;
}

enum status store_lt_close(struct store *st, int64_t patient_id, int64_t plan_id,
			   bool keep_contacts, struct err *e)
{
	/* Each on the patient's index: "?1 = 0 OR patient_id = ?1" scanned the
	 * whole table for every status change and every plan closed (the demo
	 * grew quadratically with its cohort); a plan gives its patient. */
	static const char by_patient[] =
	    "UPDATE longterm_schedule SET state = 'cancelled', version = version + 1 "
	    "WHERE patient_id = ?1 AND state = 'open' AND (?3 = 0 OR kind <> 'contact')";
	static const char by_plan[] =
	    "UPDATE longterm_schedule SET state = 'cancelled', version = version + 1 "
	    "WHERE patient_id = (SELECT patient_id FROM plans WHERE id = ?2) AND plan_id = ?2 "
	    "AND (?1 = 0 OR patient_id = ?1) AND state = 'open' AND (?3 = 0 OR kind <> 'contact')";
	if (!patient_id && !plan_id)
		return err_set(e, ST_INVALID, "closing the long-term schedule: no patient or plan");
	sqlite3_stmt *q = store_stmt(st, plan_id ? by_plan : by_patient, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, patient_id);
	sqlite3_bind_int64(q, 2, plan_id);
	sqlite3_bind_int(q, 3, keep_contacts);
	return sqlite3_step(q) == SQLITE_DONE ? ST_OK
					      : store_fail(st, e, "closing the long-term schedule");
}

static enum status set_item(struct store *st, int64_t id, const char *state, int64_t ref,
			    struct err *e)
{
	static const char sql[] = "UPDATE longterm_schedule SET state = ?1, done_ref = ?2, "
				  "version = version + 1 WHERE id = ?3";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, state, -1, SQLITE_STATIC);
	if (ref)
		sqlite3_bind_int64(q, 2, ref);
	sqlite3_bind_int64(q, 3, id);
	return sqlite3_step(q) == SQLITE_DONE
		   ? ST_OK
		   : store_fail(st, e, "updating the long-term schedule");
}

static enum status read_items(struct store *st, int64_t patient_id, struct lt_item *out, int max,
			      int *n, struct err *e)
{
	static const char sql[] = "SELECT " LT_COLS " FROM longterm_schedule WHERE patient_id = ?1 "
				  "ORDER BY due_date, kind, id LIMIT ?2";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	*n = 0;
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, patient_id);
	sqlite3_bind_int(q, 2, max);
	int rc = SQLITE_DONE;
	while (*n < max && (rc = sqlite3_step(q)) == SQLITE_ROW)
		read_item(q, &out[(*n)++]);
	return store_rows_end(st, q, rc, "reading the long-term schedule", e);
}

enum status store_lt_imaging(struct store *st, const struct imaging_note *n, struct err *e)
{
	if (n->hcc == FIND_NA ||
	    (n->modality != MOD_ULTRASOUND && n->modality != MOD_CT && n->modality != MOD_MRI))
		return ST_OK;
	struct lt_item *it = xcalloc(LT_ITEMS_MAX, sizeof *it);
	int cnt = 0, newest = -1;
	enum status s = read_items(st, n->patient_id, it, LT_ITEMS_MAX, &cnt, e);
	for (int i = 0; s == ST_OK && i < cnt; i++)
		if (it[i].kind == LT_HCC && it[i].state == SCHED_OPEN &&
		    it[i].due - it[i].window_days <= n->date)
			newest = i;
	for (int i = 0; s == ST_OK && i <= newest; i++)
		if (it[i].kind == LT_HCC && it[i].state == SCHED_OPEN)
			s = set_item(st, it[i].id, i == newest ? "done" : "missed",
				     i == newest ? n->id : 0, e);
	free(it);
	return s;
}

enum status store_lt_items(struct store *st, int64_t patient_id, struct lt_item *out, int max,
			   int *n, struct err *e)
{
	enum status s = store_may(st, PERM_READ, e);
	*n = 0;
	return s == ST_OK ? read_items(st, patient_id, out, max, n, e) : s;
}

static void bind_finding_day(sqlite3_stmt *q, int i, enum finding f, day_t d)
{
	if (f != FIND_NA)
		sqlite3_bind_text(q, i, f == FIND_YES ? "yes" : "no", -1, SQLITE_STATIC);
	store_bind_day(q, i + 1, d);
}

/* What a contact recorded, bound from parameter 3 (date) to 18 (admissions)
 * and 19 (note): the same for an insert and a correction. */
static void bind_contact(sqlite3_stmt *q, const struct lt_contact *c)
{
	store_bind_day(q, 3, c->date);
	sqlite3_bind_int(q, 4, c->phone);
	sqlite3_bind_text(q, 5, c->dead ? "dead" : "alive", -1, SQLITE_STATIC);
	store_bind_day(q, 6, c->dead ? c->death_date : DAY_NONE);
	store_bind_text(q, 7, c->dead ? c->cause : NULL);
	bind_finding_day(q, 8, c->transplant, c->transplant_date);
	bind_finding_day(q, 10, c->hcc, c->hcc_date);
	for (int i = 0; i < LT_DECOMP_COUNT; i++)
		sqlite3_bind_int(q, 12 + i, c->decomp[i]);
	store_bind_day(q, 17, c->decomp_date);
	if (c->admissions >= 0)
		sqlite3_bind_int(q, 18, c->admissions);
	sqlite3_bind_text(q, 19, c->note, -1, SQLITE_TRANSIENT);
}

static enum status insert_contact(struct store *st, struct lt_contact *c, struct err *e)
{
	static const char sql[] =
	    "INSERT INTO contacts (patient_id, item_id, date, phone, vital, death_date, cause, "
	    "transplant, transplant_date, hcc, hcc_date, variceal_bleeding, sbp, he_admission, "
	    "refractory_ascites, hrs, decomp_date, admissions, note, recorded_by, created) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	strlcpy_(c->recorded_by, st->actor.login, sizeof c->recorded_by);
	sqlite3_bind_int64(q, 1, c->patient_id);
	if (c->item_id)
		sqlite3_bind_int64(q, 2, c->item_id);
	bind_contact(q, c);
	sqlite3_bind_text(q, 20, c->recorded_by, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 21, st->now);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "saving the contact");
	c->id = sqlite3_last_insert_rowid(st->db);
	c->version = 1;
	return ST_OK;
}

/* A transplant or death the contact learnt of becomes the patient's status
 * (unless it is that status already), by the rules of `hepadesk status`. */
static enum status contact_status(struct store *st, const struct lt_contact *c, enum pstate to,
				  day_t when, const char *reason, day_t today, struct err *e)
{
	struct pstatus cur, ps = {.patient_id = c->patient_id, .state = to, .date = when};
	enum status s = store_status_read(st, c->patient_id, &cur, e);
	if (s != ST_OK || (cur.id && cur.state == to))
		return s;
	strlcpy_(ps.reason, reason, sizeof ps.reason);
	s = pstate_check_change(cur.state, cur.id ? cur.date : DAY_NONE, &ps, today, e);
	if (s != ST_OK) {
		char msg[ERR_MSG_MAX];
		strlcpy_(msg, e->msg, sizeof msg);
		return err_set(e, s, "status (from the contact): %s", msg);
	}
	return store_status_insert(st, &ps, e);
}

/* A recorded death is corrected by an administrator, never contradicted by
 * a later contact that finds the patient alive. */
static enum status after_death(struct store *st, const struct lt_contact *c, struct err *e)
{
	struct pstatus cur;
	char a[16], b[16];
	enum status s = store_status_read(st, c->patient_id, &cur, e);
	if (s == ST_OK && cur.id && cur.state == PSTATE_DECEASED && !c->dead && c->date >= cur.date)
		s = err_set(
		    e, ST_INVALID,
		    "vital: 'alive' on %s, but the patient is deceased since %s; a death is "
		    "corrected by an administrator",
		    date_format(c->date, a), date_format(cur.date, b));
	return s;
}

static enum status contact_tx(struct store *st, struct lt_contact *c, day_t today, struct err *e)
{
	struct patient pt;
	struct lt_item *it = xcalloc(LT_ITEMS_MAX, sizeof *it);
	int n = 0;
	char reason[PSTATE_REASON_MAX + 1];
	enum status s = store_patient_get(st, c->patient_id, &pt, e);
	if (s == ST_OK)
		s = lt_contact_validate(c, today, e);
	if (s == ST_OK)
		s = after_death(st, c, e);
	if (s == ST_OK)
		s = read_items(st, c->patient_id, it, LT_ITEMS_MAX, &n, e);
	int m = s == ST_OK ? lt_match_contact(it, n, c->date) : -1;
	if (m >= 0) {
		c->item_id = it[m].id;
		strlcpy_(c->item_label, it[m].label, sizeof c->item_label);
	}
	if (s == ST_OK)
		s = insert_contact(st, c, e);
	if (s == ST_OK && m >= 0)
		s = set_item(st, c->item_id, "done", c->id, e);
	/* The contacts never made before this one can no longer be. */
	for (int i = 0; s == ST_OK && m >= 0 && i < n; i++)
		if (it[i].kind == LT_CONTACT && it[i].state == SCHED_OPEN && it[i].due < it[m].due)
			s = set_item(st, it[i].id, "missed", 0, e);
	snprintf(reason, sizeof reason, "survival contact %lld", (long long)c->id);
	if (s == ST_OK && c->transplant == FIND_YES)
		s = contact_status(st, c, PSTATE_TRANSPLANTED, c->transplant_date, reason, today,
				   e);
	if (s == ST_OK && c->dead)
		s = contact_status(st, c, PSTATE_DECEASED, c->death_date, c->cause, today, e);
	free(it);
	return s;
}

enum status store_contact_add(struct store *st, struct lt_contact *c, day_t today, struct err *e)
{
	enum status s = store_may(st, PERM_RECORD, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	return store_finish(st, contact_tx(st, c, today, e), e);
}

static const char contact_get[] = "SELECT " CONTACT_COLS "WHERE c.id = ?1";

/* Contact id of the patient into *c, not voided; at version unless 0. */
static enum status read_one(struct store *st, int64_t patient_id, int64_t id, int64_t version,
			    struct lt_contact *c, struct err *e)
{
	enum status s = store_patient_row(st, contact_get, id, c, read_contact,
					  "reading the contact", "no such contact", e);
	if (s == ST_OK && c->patient_id != patient_id)
		s = err_set(e, ST_NOT_FOUND, "contact %lld is not this patient's", (long long)id);
	if (s == ST_OK && *c->void_reason)
		s = err_set(e, ST_DUPLICATE, "contact %lld is voided already", (long long)id);
	if (s == ST_OK && version && c->version != version)
		s = err_set(e, ST_CONFLICT, "contact %lld changed since it was read (version %lld)",
			    (long long)id, (long long)c->version);
	return s;
}

enum status store_contact_get(struct store *st, int64_t patient_id, int64_t id,
			      struct lt_contact *c, struct err *e)
{
	enum status s = store_may(st, PERM_READ, e);
	if (s != ST_OK)
		return s;
	s = store_patient_row(st, contact_get, id, c, read_contact, "reading the contact",
			      "no such contact", e);
	if (s == ST_OK && c->patient_id != patient_id)
		s = err_set(e, ST_NOT_FOUND, "contact %lld is not this patient's", (long long)id);
	return s;
}

static enum status correct_tx(struct store *st, struct lt_contact *c, const char *reason,
			      day_t today, struct err *e)
{
	static const char upd[] =
	    "UPDATE contacts SET date = ?3, phone = ?4, vital = ?5, death_date = ?6, cause = ?7, "
	    "transplant = ?8, transplant_date = ?9, hcc = ?10, hcc_date = ?11, "
	    "variceal_bleeding = ?12, sbp = ?13, he_admission = ?14, refractory_ascites = ?15, "
	    "hrs = ?16, decomp_date = ?17, admissions = ?18, note = ?19, correction_reason = ?20, "
	    "version = version + 1 WHERE id = ?1 AND version = ?2";
	struct lt_contact was;
	bool death = false, transplant = false;
	char why[PSTATE_REASON_MAX + 1];
	enum status s = read_one(st, c->patient_id, c->id, c->version, &was, e);
	if (s == ST_OK)
		s = lt_contact_validate(c, today, e);
	if (s == ST_OK)
		s = after_death(st, c, e);
	if (s == ST_OK)
		s = lt_contact_correction(&was, c, &death, &transplant, e);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, upd, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, c->id);
	sqlite3_bind_int64(q, 2, was.version);
	bind_contact(q, c);
	sqlite3_bind_text(q, 20, reason, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "correcting the contact");
	/* What the correction does not change stays as stored. */
	c->item_id = was.item_id;
	strlcpy_(c->item_label, was.item_label, sizeof c->item_label);
	strlcpy_(c->recorded_by, was.recorded_by, sizeof c->recorded_by);
	strlcpy_(c->correction_reason, reason, sizeof c->correction_reason);
	c->version = was.version + 1;
	snprintf(why, sizeof why, "survival contact %lld (corrected)", (long long)c->id);
	if (transplant)
		s = contact_status(st, c, PSTATE_TRANSPLANTED, c->transplant_date, why, today, e);
	if (s == ST_OK && death)
		s = contact_status(st, c, PSTATE_DECEASED, c->death_date, c->cause, today, e);
	return s;
}

enum status store_contact_correct(struct store *st, struct lt_contact *c, const char *reason,
				  day_t today, struct err *e)
{
	if (!reason || !*reason || strlen(reason) > SCHEDULE_REASON_MAX ||
	    !text_is_clean(reason, false))
		return err_set(
		    e, ST_INVALID,
		    "reason: required, 1-%d characters of text (why the contact is corrected)",
		    SCHEDULE_REASON_MAX);
	enum status s = store_may(st, PERM_RECORD, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	return store_finish(st, correct_tx(st, c, reason, today, e), e);
}

static enum status void_tx(struct store *st, int64_t patient_id, int64_t id, int64_t version,
			   const char *reason, struct err *e)
{
	static const char upd[] = "UPDATE contacts SET void_reason = ?1, version = version + 1 "
				  "WHERE id = ?2 AND version = ?3";
	static const char reopen[] =
	    "UPDATE longterm_schedule SET state = 'open', done_ref = NULL, version = version + 1 "
	    "WHERE kind = 'contact' AND done_ref = ?1 AND state = 'done'";
	struct lt_contact c;
	enum status s = read_one(st, patient_id, id, version, &c, e);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, upd, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, reason, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 2, id);
	sqlite3_bind_int64(q, 3, c.version);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "voiding the contact");
	if (!(q = store_stmt(st, reopen, e)))
		return ST_IO;
	sqlite3_bind_int64(q, 1, id);
	return sqlite3_step(q) == SQLITE_DONE ? ST_OK
					      : store_fail(st, e, "reopening the contact's item");
}

enum status store_contact_void(struct store *st, int64_t patient_id, int64_t id, int64_t version,
			       const char *reason, struct err *e)
{
	if (!reason || !*reason || strlen(reason) > SCHEDULE_REASON_MAX ||
	    !text_is_clean(reason, false))
		return err_set(
		    e, ST_INVALID,
		    "reason: required, 1-%d characters of text (why the contact is voided)",
		    SCHEDULE_REASON_MAX);
	enum status s = store_may(st, PERM_RECORD, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	return store_finish(st, void_tx(st, patient_id, id, version, reason, e), e);
}

enum status store_contact_list(struct store *st, int64_t patient_id, bool with_voided,
			       struct lt_contact *out, int max, int *n, struct err *e)
{
	static const char all[] = "SELECT " CONTACT_COLS "WHERE c.patient_id = ?1 "
				  "ORDER BY c.date, c.id LIMIT ?2";
	static const char live[] =
	    "SELECT " CONTACT_COLS "WHERE c.patient_id = ?1 AND c.void_reason IS NULL "
	    "ORDER BY c.date, c.id LIMIT ?2";
	return store_patient_rows(st, with_voided ? all : live, patient_id, out, sizeof *out, max,
				  n, read_contact, "reading the contacts", e);
}

static day_t one_day(struct store *st, const char *sql, int64_t patient_id, struct err *e,
		     enum status *s)
{
	sqlite3_stmt *q = store_stmt(st, sql, e);
	day_t d = DAY_NONE;
	if (!q) {
		*s = ST_IO;
		return d;
	}
	sqlite3_bind_int64(q, 1, patient_id);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		d = store_col_day(q, 0);
	*s = store_rows_end(st, q, rc, "reading the follow-up", e);
	return d;
}

enum status store_lt_facts(struct store *st, int64_t patient_id, day_t *first_infusion,
			   day_t *last_visit, day_t *hcc_days, int max, int *nhcc, struct err *e)
{
	static const char first[] = "SELECT min(date) FROM infusions WHERE patient_id = ?1";
	static const char last[] =
	    "SELECT max(date) FROM visits WHERE patient_id = ?1 AND state = 'done'";
	static const char hcc[] = "SELECT date FROM imaging WHERE patient_id = ?1 AND hcc = 1 "
				  "AND voided_at IS NULL "
				  "ORDER BY date"; /* no LIMIT: see series_stmt */
	enum status s = store_may(st, PERM_READ, e);
	*nhcc = 0;
	if (s != ST_OK)
		return s;
	*first_infusion = one_day(st, first, patient_id, e, &s);
	if (s == ST_OK)
		*last_visit = one_day(st, last, patient_id, e, &s);
	sqlite3_stmt *q = s == ST_OK ? store_stmt(st, hcc, e) : NULL;
	if (!q)
		return s == ST_OK ? ST_IO : s;
	sqlite3_bind_int64(q, 1, patient_id);
	int rc = SQLITE_DONE;
	while (*nhcc < max && (rc = sqlite3_step(q)) == SQLITE_ROW)
		hcc_days[(*nhcc)++] = store_col_day(q, 0);
	return store_rows_end(st, q, rc, "reading imaging", e);
}

enum status store_lt_due(struct store *st, enum lt_kind kind, day_t day, struct lt_due_row *out,
			 int max, int *n, int64_t *count, struct err *e)
{
	static const char list[] =
	    "SELECT s.id, s.patient_id, s.plan_id, s.kind, s.label, s.due_date, s.window_days, "
	    "s.state, coalesce(s.done_ref, 0), s.version, p.mrn, p.name "
	    "FROM longterm_schedule s JOIN patients p ON p.id = s.patient_id "
	    "WHERE s.state = 'open' AND s.kind = ?1 AND s.due_date <= date(?2, '+90 days') "
	    "AND date(s.due_date, '-' || s.window_days || ' days') <= ?2 "
	    "ORDER BY s.due_date, s.id LIMIT ?3";
	static const char cnt[] =
	    "SELECT count(*) FROM longterm_schedule s WHERE s.state = 'open' AND s.kind = ?1 "
	    "AND s.due_date <= date(?2, '+90 days') "
	    "AND date(s.due_date, '-' || s.window_days || ' days') <= ?2";
	enum status s = store_may(st, PERM_READ, e);
	*n = 0;
	*count = 0;
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, list, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, lt_kind_str(kind), -1, SQLITE_STATIC);
	store_bind_day(q, 2, day);
	sqlite3_bind_int(q, 3, max);
	int rc = SQLITE_DONE;
	while (*n < max && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct lt_due_row *r = &out[(*n)++];
		read_item(q, &r->item);
		store_col_text(q, 10, r->mrn, sizeof r->mrn);
		store_col_text(q, 11, r->name, sizeof r->name);
	}
	if ((s = store_rows_end(st, q, rc, "reading the long-term work list", e)) != ST_OK)
		return s;
	if (!(q = store_stmt(st, cnt, e)))
		return ST_IO;
	sqlite3_bind_text(q, 1, lt_kind_str(kind), -1, SQLITE_STATIC);
	store_bind_day(q, 2, day);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		*count = sqlite3_column_int64(q, 0);
	return store_rows_end(st, q, rc, "counting the long-term work list", e);
}
