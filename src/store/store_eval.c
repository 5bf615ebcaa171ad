/* store_eval.c: protocols kept by hash, nurse answers, signed evaluations and amendments. */
#include "store_dates.h"
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "json.h"
#include "store_eval.h"
#include "store_sig_int.h"
#include "text.h"
#include "util.h"

#define DEFAULT_PROTOCOL "assets/protocols/ucmsc-default.ini"
#define EVAL_COLS                                                                          \
	"id, patient_id, as_of, protocol_name, protocol_version, protocol_hash, status, "  \
	"amends, amend_reason, signed_by, signed_at, superseded_by, "                      \
	"(SELECT count(*) FROM evaluations o WHERE o.patient_id = evaluations.patient_id " \
	"AND o.id <= evaluations.id)"

/* Inside the caller's transaction: a known hash is left as it was. */
static enum status protocol_insert(struct store *st, const struct protocol *p, const char *text,
				   struct err *e)
{
	static const char sql[] = "INSERT INTO protocols (hash, name, version, text, first_used) "
				  "VALUES (?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, p->hash, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 2, p->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 3, p->version, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 4, text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 5, st->now);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "keeping the protocol");
	return ST_OK;
}

enum status store_protocol_newest(struct store *st, char **text, struct err *e)
{
	static const char sql[] =
	    "SELECT text FROM protocols ORDER BY first_used DESC, id DESC LIMIT 1";
	enum status s = store_may(st, PERM_READ, e);
	*text = NULL;
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		*text = xstrdup((const char *)sqlite3_column_text(q, 0));
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, e, "reading a protocol");
	return *text ? ST_OK : err_set(e, ST_NOT_FOUND, "no protocol kept");
}

/* Parse text; on success hand it to *text_out (or free it). */
static enum status take(const char *where, char *text, struct protocol *out, char **text_out,
			struct err *e)
{
	enum status s = protocol_parse(where, text, out, e);
	if (s == ST_OK && text_out)
		*text_out = text;
	else
		free(text);
	return s;
}

/* The text of the newest activation into *text (heap); NULL when none. */
static enum status activated_text(struct store *st, char **text, struct err *e)
{
	static const char sql[] =
	    "SELECT p.text FROM protocol_activations a JOIN protocols p ON p.id = a.protocol_id "
	    "ORDER BY a.activated_at DESC, a.id DESC LIMIT 1";
	*text = NULL;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		*text = xstrdup((const char *)sqlite3_column_text(q, 0));
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, e, "reading the active protocol");
	return ST_OK;
}

enum status store_protocol_active(struct store *st, struct protocol *out, char **text,
				  struct err *e)
{
	char *t = NULL;
	if (text)
		*text = NULL;
	/* A read: nothing is written here. */
	enum status s = store_may(st, PERM_READ, e);
	if (s == ST_OK)
		s = activated_text(st, &t, e);
	if (s != ST_OK)
		return s;
	if (t) {
		struct err why;
		if (take("active protocol", t, out, text, &why) == ST_OK)
			return ST_OK;
		return err_set(e, ST_INVALID,
			       "the active protocol does not pass this program's checks (%s); "
			       "an administrator must install and activate one that does",
			       why.msg);
	}
	/* No activation yet (a database made before protocols were installed):
	 * the protocol built into the program, never a file. */
	const char *builtin = asset_text(DEFAULT_PROTOCOL);
	if (builtin && take(DEFAULT_PROTOCOL, xstrdup(builtin), out, text, e) == ST_OK)
		return ST_OK;
	return err_set(e, ST_INVALID, "no usable protocol: none is active");
}

static enum status answer_insert(struct store *st, struct checklist_answer *a, struct err *e)
{
	static const char sql[] = "INSERT INTO answers (patient_id, item, answer, value, note, "
				  "answered_on, created) VALUES (?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, a->patient_id);
	sqlite3_bind_text(q, 2, a->item, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 3, a->yes ? "yes" : "no", -1, SQLITE_STATIC);
	store_bind_text(q, 4, *a->value ? a->value : NULL);
	store_bind_text(q, 5, *a->note ? a->note : NULL);
	store_bind_day(q, 6, a->answered_on);
	sqlite3_bind_int64(q, 7, st->now);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "saving the answer");
	a->id = sqlite3_last_insert_rowid(st->db);
	a->created = st->now;
	return ST_OK;
}

static enum status answer_checks(struct store *st, const struct protocol *p,
				 const struct checklist_answer *a, struct err *e)
{
	enum status s = store_may(st, PERM_RECORD, e);
	if (s == ST_OK)
		s = checklist_check_answer(p, a, date_from_time(st->now, 0) + 1, e);
	/* A consent date is a date of the patient's life. */
	const struct protocol_item *it = protocol_item(p, a->item);
	day_t when;
	if (s == ST_OK && it && it->kind == PITEM_CONSENT && a->yes && date_parse(a->value, &when))
		s = store_date_plausible(st, a->patient_id, "consent date", when, DATE_RECORD, e);
	return s;
}

enum status store_answer_add(struct store *st, const struct protocol *p, struct checklist_answer *a,
			     struct err *e)
{
	enum status s = answer_checks(st, p, a, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	if ((s = answer_insert(st, a, e)) != ST_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, e);
}

enum status store_demo_answer(struct store *st, const struct protocol *p,
			      struct checklist_answer *a, struct err *e)
{
	enum status s = answer_checks(st, p, a, e);
	return s == ST_OK ? answer_insert(st, a, e) : s;
}

static void read_answer(sqlite3_stmt *q, struct checklist_answer *a)
{
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(q, 0);
	a->patient_id = sqlite3_column_int64(q, 1);
	store_col_text(q, 2, a->item, sizeof a->item);
	const char *ans = (const char *)sqlite3_column_text(q, 3);
	a->yes = ans && strcmp(ans, "yes") == 0;
	store_col_text(q, 4, a->value, sizeof a->value);
	store_col_text(q, 5, a->note, sizeof a->note);
	a->answered_on = store_col_day(q, 6);
	a->created = sqlite3_column_int64(q, 7);
}

enum status store_answer_latest(struct store *st, int64_t patient_id, day_t on,
				struct checklist_answer *out, int max, int *n, struct err *e)
{
	/* The newest answer per item: latest answered_on, then latest row. */
	static const char sql[] =
	    "SELECT id, patient_id, item, answer, value, note, answered_on, created "
	    "FROM answers a WHERE patient_id = ?1 AND answered_on <= ?2 AND id = "
	    "(SELECT b.id FROM answers b WHERE b.patient_id = a.patient_id AND b.item = a.item "
	    "AND b.answered_on <= ?2 ORDER BY b.answered_on DESC, b.id DESC LIMIT 1) "
	    "ORDER BY item LIMIT ?3";
	enum status s = store_may(st, PERM_READ, e);
	*n = 0;
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, patient_id);
	store_bind_day(q, 2, on);
	sqlite3_bind_int(q, 3, max);
	int rc = SQLITE_DONE;
	while (*n < max && (rc = sqlite3_step(q)) == SQLITE_ROW)
		read_answer(q, &out[(*n)++]);
	return store_rows_end(st, q, rc, "reading answers", e);
}

static void read_eval(sqlite3_stmt *q, struct evaluation *ev)
{
	memset(ev, 0, sizeof *ev);
	ev->id = sqlite3_column_int64(q, 0);
	ev->patient_id = sqlite3_column_int64(q, 1);
	ev->as_of = store_col_day(q, 2);
	store_col_text(q, 3, ev->protocol_name, sizeof ev->protocol_name);
	store_col_text(q, 4, ev->protocol_version, sizeof ev->protocol_version);
	store_col_text(q, 5, ev->protocol_hash, sizeof ev->protocol_hash);
	eval_status_parse((const char *)sqlite3_column_text(q, 6), &ev->status);
	ev->amends = sqlite3_column_int64(q, 7);
	store_col_text(q, 8, ev->amend_reason, sizeof ev->amend_reason);
	store_col_text(q, 9, ev->signed_by, sizeof ev->signed_by);
	ev->signed_at = sqlite3_column_int64(q, 10);
	ev->superseded_by = sqlite3_column_int64(q, 11);
	ev->chain_version = sqlite3_column_int(q, 12);
}

static void eval_row(sqlite3_stmt *q, void *row)
{
	read_eval(q, row);
}

/* The current signed evaluation, without a permission check. */
static enum status current(struct store *st, int64_t patient_id, struct evaluation *out,
			   struct err *e)
{
	static const char sql[] = "SELECT " EVAL_COLS " FROM evaluations WHERE patient_id = ? "
				  "AND signed_at IS NOT NULL AND superseded_by IS NULL "
				  "ORDER BY id DESC LIMIT 1";
	return store_patient_row(st, sql, patient_id, out, eval_row, "reading the evaluation",
				 "no signed evaluation", e);
}

enum status store_eval_current(struct store *st, int64_t patient_id, struct evaluation *out,
			       struct err *e)
{
	enum status s = store_may(st, PERM_READ, e);
	return s == ST_OK ? current(st, patient_id, out, e) : s;
}

enum status store_eval_history(struct store *st, int64_t patient_id, struct evaluation *out,
			       int max, int *n, struct err *e)
{
	static const char sql[] = "SELECT " EVAL_COLS " FROM evaluations WHERE patient_id = ? "
				  "ORDER BY id LIMIT ?";
	return store_patient_rows(st, sql, patient_id, out, sizeof *out, max, n, eval_row,
				  "reading evaluations", e);
}

enum status store_eval_detail(struct store *st, int64_t id, char **json, struct err *e)
{
	enum status s = store_may(st, PERM_READ, e);
	*json = NULL;
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, "SELECT detail FROM evaluations WHERE id = ?", e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, id);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		*json = xstrdup((const char *)sqlite3_column_text(q, 0));
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, e, "reading the evaluation");
	return *json ? ST_OK : err_set(e, ST_NOT_FOUND, "no evaluation %lld", (long long)id);
}

/* Evaluate and insert a signed row (inside the caller's transaction). */
static enum status insert_eval(struct store *st, const struct store_evaluator *ev,
			       const struct protocol *p, const char *text, int64_t patient_id,
			       day_t on, int64_t amends, const char *reason, struct err *e)
{
	static const char sql[] =
	    "INSERT INTO evaluations (patient_id, as_of, protocol_name, protocol_version, "
	    "protocol_hash, status, detail, amends, amend_reason, signed_by, signed_at, created) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)";
	struct checklist_result *r = xmalloc(sizeof *r);
	struct json j;
	enum status s = ev->fn(ev->ctx, st, patient_id, on, r, e);
	if (s == ST_OK)
		s = protocol_insert(st, p, text, e);
	sqlite3_stmt *q = s == ST_OK ? store_stmt(st, sql, e) : NULL;
	if (!q) {
		free(r);
		return s == ST_OK ? ST_IO : s;
	}
	json_init(&j, false);
	json_obj_begin(&j, NULL);
	checklist_json(&j, p, r, NULL);
	json_obj_end(&j);
	sqlite3_bind_int64(q, 1, patient_id);
	store_bind_day(q, 2, on);
	sqlite3_bind_text(q, 3, p->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 4, p->version, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 5, p->hash, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 6, eval_status_str(r->status), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 7, json_str(&j), -1, SQLITE_TRANSIENT);
	if (amends)
		sqlite3_bind_int64(q, 8, amends);
	store_bind_text(q, 9, reason);
	sqlite3_bind_text(q, 10, st->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 11, st->now);
	s = sqlite3_step(q) == SQLITE_DONE ? ST_OK : store_fail(st, e, "signing the evaluation");
	json_done(&j);
	free(r);
	return s;
}

static enum status sign_checks(struct store *st, const struct protocol *p, const char *text,
			       enum perm perm, struct err *e)
{
	char hash[65];
	enum status s = store_may(st, perm, e);
	if (s != ST_OK)
		return s;
	protocol_hash(text ? text : "", hash);
	if (strcmp(hash, p->hash) != 0)
		return err_set(e, ST_INVALID, "protocol text does not match protocol %s", p->name);
	return ST_OK;
}

enum status store_eval_sign(struct store *st, const struct store_evaluator *ev,
			    const struct protocol *p, const char *protocol_text, int64_t patient_id,
			    day_t on, struct evaluation *out, struct err *e)
{
	struct evaluation cur;
	struct err none;
	char d[16], t[20];
	enum status s = sign_checks(st, p, protocol_text, PERM_SIGN_EVALUATION, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	if (current(st, patient_id, &cur, &none) == ST_OK) {
		store_rollback(st);
		return err_set(e, ST_DUPLICATE,
			       "already signed: version %d (%s, as of %s) by %s at "
			       "%s; a change needs an amendment with a reason",
			       cur.chain_version, eval_status_str(cur.status),
			       date_format(cur.as_of, d), cur.signed_by,
			       date_format_time(cur.signed_at, t));
	}
	s = insert_eval(st, ev, p, protocol_text, patient_id, on, 0, NULL, e);
	if (s == ST_OK)
		s = current(st, patient_id, out, e);
	if (s == ST_OK)
		s = store_sig_evaluation(st, out, e);
	if (s != ST_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, e);
}

static enum status supersede(struct store *st, int64_t old_id, int64_t new_id, struct err *e)
{
	static const char sql[] = "UPDATE evaluations SET superseded_by = ?, version = version + 1 "
				  "WHERE id = ? AND superseded_by IS NULL";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, new_id);
	sqlite3_bind_int64(q, 2, old_id);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "amending the evaluation");
	if (sqlite3_changes(st->db) != 1)
		return err_set(e, ST_CONFLICT,
			       "the evaluation was amended by someone else; reload");
	return ST_OK;
}

enum status store_eval_amend(struct store *st, const struct store_evaluator *ev,
			     const struct protocol *p, const char *protocol_text,
			     int64_t patient_id, day_t on, const char *reason,
			     struct evaluation *out, struct err *e)
{
	struct evaluation cur;
	enum status s = sign_checks(st, p, protocol_text, PERM_AMEND_SIGNED, e);
	if (s != ST_OK)
		return s;
	if (!reason || !*reason || strlen(reason) > EVAL_REASON_MAX || !text_is_clean(reason, true))
		return err_set(e, ST_INVALID,
			       "reason: say why the evaluation is amended (1-%d "
			       "characters of plain text)",
			       EVAL_REASON_MAX);
	if ((s = store_begin(st, e)) != ST_OK)
		return s;
	s = current(st, patient_id, &cur, e);
	if (s == ST_NOT_FOUND)
		s = err_set(e, ST_NOT_FOUND, "nothing signed to amend; sign the checklist first");
	if (s == ST_OK)
		s = insert_eval(st, ev, p, protocol_text, patient_id, on, cur.id, reason, e);
	if (s == ST_OK)
		s = supersede(st, cur.id, sqlite3_last_insert_rowid(st->db), e);
	if (s == ST_OK)
		s = current(st, patient_id, out, e);
	if (s == ST_OK)
		s = store_sig_evaluation(st, out, e);
	if (s != ST_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, e);
}

enum status store_demo_sign(struct store *st, const struct store_evaluator *ev,
			    const struct protocol *p, const char *protocol_text, int64_t patient_id,
			    day_t on, struct err *e)
{
	enum status s = sign_checks(st, p, protocol_text, PERM_SIGN_EVALUATION, e);
	return s == ST_OK ? insert_eval(st, ev, p, protocol_text, patient_id, on, 0, NULL, e) : s;
}
