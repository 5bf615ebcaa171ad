/* store_hl7.c: HL7 results stored one transaction per message (labs,
 * corrections, queued items, the message row that makes a redelivery a
 * duplicate) and the queue of results waiting for a nurse. */
#include "store_hl7.h"

#include <stdio.h>
#include <string.h>

#include "store_int.h"
#include "text.h"
#include "util.h"

#define QUEUE_COLS                                                                              \
	"q.id, q.version, q.message_id, q.created, m.sender, m.control_id, q.state, q.reason, " \
	"q.detail, q.obx, coalesce(q.patient_id, 0), q.mrn, q.name, q.dob, q.analyte, q.code, " \
	"q.code_text, q.value, q.unit, q.collected, q.result_status"

static enum status seen_in(struct store *st, const char *sender, const char *control_id, bool *seen,
			   struct err *e)
{
	static const char sql[] = "SELECT 1 FROM hl7_messages WHERE sender = ? AND control_id = ?";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, sender, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 2, control_id, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(q);
	*seen = rc == SQLITE_ROW;
	sqlite3_reset(q);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
						     : store_fail(st, e, "reading HL7 messages");
}

enum status store_hl7_seen(struct store *st, const char *sender, const char *control_id, bool *seen,
			   struct err *e)
{
	enum status s = store_may(st, PERM_READ, e);
	return s == ST_OK ? seen_in(st, sender, control_id, seen, e) : s;
}

static enum status insert_message(struct store *st, const char *sender, const char *control_id,
				  const char *via, int64_t *id, struct err *e)
{
	static const char sql[] =
	    "INSERT INTO hl7_messages (sender, control_id, via, stored, corrected, queued, noted, "
	    "created) VALUES (?, ?, ?, 0, 0, 0, 0, ?)";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, sender, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 2, control_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 3, via, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 4, st->now);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "saving an HL7 message");
	*id = sqlite3_last_insert_rowid(st->db);
	return ST_OK;
}

static enum status finish_message(struct store *st, const struct hl7_saved *sv, const char *notes,
				  struct err *e)
{
	static const char sql[] = "UPDATE hl7_messages SET stored = ?, corrected = ?, queued = ?, "
				  "noted = ?, notes = substr(?, 1, 4000) WHERE id = ?";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int(q, 1, sv->stored);
	sqlite3_bind_int(q, 2, sv->corrected);
	sqlite3_bind_int(q, 3, sv->queued);
	sqlite3_bind_int(q, 4, sv->noted);
	sqlite3_bind_text(q, 5, notes, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 6, sv->message_id);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "saving an HL7 message");
	return ST_OK;
}

static enum status insert_queued(struct store *st, int64_t message_id, const struct hl7_item *it,
				 struct err *e)
{
	static const char sql[] =
	    "INSERT INTO hl7_queue (message_id, obx, reason, detail, patient_id, mrn, name, dob, "
	    "analyte, code, code_text, value, unit, collected, result_status, created) VALUES "
	    "(?, ?, ?, substr(?, 1, 600), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	char status[2] = {it->status, '\0'};
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, message_id);
	sqlite3_bind_int(q, 2, it->obx_line);
	sqlite3_bind_text(q, 3, hl7_queue_reason_key(it->reason), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, it->detail, -1, SQLITE_TRANSIENT);
	if (it->patient_id)
		sqlite3_bind_int64(q, 5, it->patient_id);
	sqlite3_bind_text(q, 6, it->mrn, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 7, it->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 8, it->dob, -1, SQLITE_TRANSIENT);
	if (it->have_analyte)
		sqlite3_bind_text(q, 9, analyte_get(it->lab.analyte)->key, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 10, it->code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 11, it->code_text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 12, it->value, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 13, it->unit, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 14, it->collected, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 15, status, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 16, st->now);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "queueing an HL7 result");
	return ST_OK;
}

/* The row a corrected result corrects: the same result of the laboratory
 * (sender, order, code) for the same patient and analyte, the latest. */
static enum status earlier_row(struct store *st, const struct hl7_item *it, int64_t *id,
			       struct err *e)
{
	static const char sql[] =
	    "SELECT l.id FROM hl7_results h JOIN labs l ON l.id = h.lab_id WHERE h.result_key = ? "
	    "AND h.patient_id = ? AND l.analyte = ? AND l.voided_at IS NULL ORDER BY l.id DESC "
	    "LIMIT 1";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, it->result_key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 2, it->lab.patient_id);
	sqlite3_bind_text(q, 3, analyte_get(it->lab.analyte)->key, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_reset(q);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
						     : store_fail(st, e, "reading lab results");
}

/* Trace a new lab row to its message and result. */
static enum status insert_result(struct store *st, int64_t message_id, const struct hl7_item *it,
				 struct err *e)
{
	static const char sql[] = "INSERT INTO hl7_results (lab_id, patient_id, message_id, "
				  "result_key) VALUES (?, ?, ?, ?)";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, it->lab.id);
	sqlite3_bind_int64(q, 2, it->lab.patient_id);
	sqlite3_bind_int64(q, 3, message_id);
	sqlite3_bind_text(q, 4, it->result_key, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "saving an HL7 result");
	return ST_OK;
}

static enum status save_item(struct store *st, const char *control_id, struct hl7_item *it,
			     struct hl7_saved *sv, struct strbuf *notes, struct err *e)
{
	int64_t earlier = 0;
	char reason[160];
	enum status s = ST_OK;

	switch (it->action) {
	case HL7_STORE:
		s = store_lab_insert(st, &it->lab, e);
		if (s == ST_OK)
			s = insert_result(st, sv->message_id, it, e);
		sv->stored += s == ST_OK;
		break;
	case HL7_CORRECT:
		s = earlier_row(st, it, &earlier, e);
		snprintf(reason, sizeof reason, "corrected by the laboratory (message %.60s)",
			 control_id);
		if (s == ST_OK && earlier)
			s = store_lab_correct(st, earlier, &it->lab, reason, e);
		else if (s == ST_OK && (s = store_lab_insert(st, &it->lab, e)) == ST_OK)
			s = insert_result(st, sv->message_id, it, e);
		sv->corrected += s == ST_OK;
		break;
	case HL7_QUEUE:
		s = insert_queued(st, sv->message_id, it, e);
		sv->queued += s == ST_OK;
		break;
	case HL7_NOTE:
		sb_addf(notes, "%ssegment %d (%s): %s", notes->len ? "\n" : "", it->obx_line,
			it->code, it->detail);
		sv->noted++;
		break;
	}
	return s;
}

enum status store_hl7_save(struct store *st, const char *sender, const char *control_id,
			   const char *via, struct hl7_item *items, int n, struct hl7_saved *out,
			   struct err *e)
{
	struct strbuf notes;
	bool seen = false;
	enum status s = store_may(st, PERM_RECORD, e);

	memset(out, 0, sizeof *out);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	sb_init(&notes);
	s = seen_in(st, sender, control_id, &seen, e);
	if (s == ST_OK && seen)
		s = err_set(e, ST_DUPLICATE, "message %s from %s was taken in before", control_id,
			    sender);
	if (s == ST_OK)
		s = insert_message(st, sender, control_id, via, &out->message_id, e);
	for (int i = 0; s == ST_OK && i < n; i++)
		s = save_item(st, control_id, &items[i], out, &notes, e);
	if (s == ST_OK)
		s = finish_message(st, out, sb_str(&notes), e);
	sb_done(&notes);
	if (s != ST_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, e);
}

enum status store_hl7_queue_count(struct store *st, int64_t *n, struct err *e)
{
	static const char sql[] = "SELECT count(*) FROM hl7_queue WHERE state = 'open'";
	enum status s = store_may(st, PERM_READ, e);
	*n = 0;
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(q, 0);
	sqlite3_reset(q);
	return rc == SQLITE_ROW ? ST_OK : store_fail(st, e, "counting the HL7 queue");
}

static void read_queued(sqlite3_stmt *q, struct hl7_queued *out)
{
	struct hl7_item *it = &out->item;
	char buf[16];
	memset(out, 0, sizeof *out);
	out->id = sqlite3_column_int64(q, 0);
	out->version = sqlite3_column_int64(q, 1);
	out->message_id = sqlite3_column_int64(q, 2);
	out->created = sqlite3_column_int64(q, 3);
	store_col_text(q, 4, out->sender, sizeof out->sender);
	store_col_text(q, 5, out->control_id, sizeof out->control_id);
	store_col_text(q, 6, out->state, sizeof out->state);
	it->action = HL7_QUEUE;
	store_col_text(q, 7, buf, sizeof buf);
	hl7_queue_reason_parse(buf, &it->reason);
	store_col_text(q, 8, it->detail, sizeof it->detail);
	it->obx_line = sqlite3_column_int(q, 9);
	it->patient_id = sqlite3_column_int64(q, 10);
	store_col_text(q, 11, it->mrn, sizeof it->mrn);
	store_col_text(q, 12, it->name, sizeof it->name);
	store_col_text(q, 13, it->dob, sizeof it->dob);
	it->have_analyte =
	    analyte_from_key((const char *)sqlite3_column_text(q, 14), &it->lab.analyte);
	store_col_text(q, 15, it->code, sizeof it->code);
	store_col_text(q, 16, it->code_text, sizeof it->code_text);
	store_col_text(q, 17, it->value, sizeof it->value);
	store_col_text(q, 18, it->unit, sizeof it->unit);
	store_col_text(q, 19, it->collected, sizeof it->collected);
	store_col_text(q, 20, buf, sizeof buf);
	it->status = buf[0] ? buf[0] : '?';
}

enum status store_hl7_queue_each(struct store *st, int limit,
				 void (*fn)(const struct hl7_queued *, void *), void *arg,
				 struct err *e)
{
	static const char sql[] =
	    "SELECT " QUEUE_COLS " FROM hl7_queue q JOIN hl7_messages m ON "
	    "m.id = q.message_id WHERE q.state = 'open' ORDER BY q.id LIMIT ?";
	struct hl7_queued row;
	enum status s = store_may(st, PERM_READ, e);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int(q, 1, limit > 0 ? limit : -1);
	int rc = SQLITE_DONE;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		read_queued(q, &row);
		fn(&row, arg);
	}
	return store_rows_end(st, q, rc, "reading the HL7 queue", e);
}

static enum status get_in(struct store *st, int64_t id, struct hl7_queued *out, struct err *e)
{
	static const char sql[] = "SELECT " QUEUE_COLS " FROM hl7_queue q JOIN hl7_messages m ON "
				  "m.id = q.message_id WHERE q.id = ?";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, id);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		read_queued(q, out);
	sqlite3_reset(q);
	if (rc == SQLITE_DONE)
		return err_set(e, ST_NOT_FOUND, "queued result %lld: not found", (long long)id);
	return rc == SQLITE_ROW ? ST_OK : store_fail(st, e, "reading the HL7 queue");
}

enum status store_hl7_queue_get(struct store *st, int64_t id, struct hl7_queued *out, struct err *e)
{
	enum status s = store_may(st, PERM_READ, e);
	return s == ST_OK ? get_in(st, id, out, e) : s;
}

/* Close an open item at its version (inside the caller's transaction). */
static enum status close_item(struct store *st, int64_t id, int64_t version, const char *state,
			      int64_t lab_id, const char *reason, struct err *e)
{
	static const char sql[] =
	    "UPDATE hl7_queue SET state = ?, resolution = ?, resolved_by = ?, resolved = ?, "
	    "lab_id = ?, version = version + 1 WHERE id = ? AND version = ? AND state = 'open'";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, state, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, reason, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 3, store_actor(st)->login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 4, st->now);
	if (lab_id)
		sqlite3_bind_int64(q, 5, lab_id);
	sqlite3_bind_int64(q, 6, id);
	sqlite3_bind_int64(q, 7, version);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "resolving a queued result");
	if (sqlite3_changes(st->db) != 1)
		return err_set(e, ST_CONFLICT,
			       "queued result %lld was resolved or changed by someone else since "
			       "it was opened",
			       (long long)id);
	return ST_OK;
}

static enum status check_reason(const char *reason, struct err *e)
{
	if (!reason || !reason[0] || strlen(reason) > 200 || !text_is_clean(reason, false))
		return err_set(e, ST_INVALID,
			       "reason: required, 1-200 bytes of plain text (no control "
			       "characters)");
	return ST_OK;
}

static enum status resolve(struct store *st, int64_t id, int64_t version, struct lab_result *r,
			   const char *reason, struct err *e)
{
	enum status s = store_may(st, PERM_RECORD, e);
	if (s == ST_OK)
		s = check_reason(reason, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	if (r)
		s = store_lab_insert(st, r, e);
	if (s == ST_OK)
		s = close_item(st, id, version, r ? "stored" : "rejected", r ? r->id : 0, reason,
			       e);
	if (s != ST_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, e);
}

enum status store_hl7_queue_store(struct store *st, int64_t id, int64_t version,
				  struct lab_result *r, const char *reason, struct err *e)
{
	return resolve(st, id, version, r, reason, e);
}

enum status store_hl7_queue_reject(struct store *st, int64_t id, int64_t version,
				   const char *reason, struct err *e)
{
	return resolve(st, id, version, NULL, reason, e);
}
