/* store_qol.c: quality-of-life instruments installed with their text and
 * hash, questionnaires given with their domain scores, and read back. */
#include "store_qol.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "text.h"
#include "util.h"

static void read_installed(sqlite3_stmt *q, struct qol_installed *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(q, 0);
	store_col_text(q, 1, r->code, sizeof r->code);
	store_col_text(q, 2, r->name, sizeof r->name);
	store_col_text(q, 3, r->version, sizeof r->version);
	store_col_text(q, 4, r->hash, sizeof r->hash);
	store_col_text(q, 5, r->installed_by, sizeof r->installed_by);
	r->created = sqlite3_column_int64(q, 6);
}

#define INST_COLS "id, code, name, version, hash, installed_by, created"

static enum status install_tx(struct store *st, const struct qol_instrument *q, const char *text,
			      int64_t *id, struct err *e)
{
	static const char find[] = "SELECT hash FROM instruments WHERE code = ?1 AND version = ?2";
	static const char ins[] = "INSERT INTO instruments (code, name, version, hash, text, "
				  "installed_by, created) VALUES (?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *s = store_stmt(st, find, e);
	if (!s)
		return ST_IO;
	sqlite3_bind_text(s, 1, q->code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, q->version, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		bool same = strcmp((const char *)sqlite3_column_text(s, 0), q->hash) == 0;
		sqlite3_reset(s);
		return err_set(e, ST_DUPLICATE,
			       same ? "%s version %s is installed already"
				    : "%s version %s is installed already with a different text; "
				      "give the file a new version",
			       q->code, q->version);
	}
	enum status r = store_rows_end(st, s, rc, "reading the instruments", e);
	if (r != ST_OK)
		return r;
	if (!(s = store_stmt(st, ins, e)))
		return ST_IO;
	sqlite3_bind_text(s, 1, q->code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, q->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, q->version, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 4, q->hash, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 5, text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 6, st->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 7, st->now);
	if (sqlite3_step(s) != SQLITE_DONE)
		return store_fail(st, e, "saving the instrument");
	*id = sqlite3_last_insert_rowid(st->db);
	return ST_OK;
}

enum status store_instrument_install(struct store *st, const struct qol_instrument *q,
				     const char *text, int64_t *id, struct err *e)
{
	enum status s = store_may(st, PERM_MANAGE_PROTOCOL, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	return store_finish(st, install_tx(st, q, text, id, e), e);
}

enum status store_instrument_list(struct store *st, struct qol_installed *out, int max, int *n,
				  struct err *e)
{
	static const char sql[] =
	    "SELECT " INST_COLS " FROM instruments ORDER BY code, created DESC, id DESC LIMIT ?1";
	enum status s = store_may(st, PERM_READ, e);
	*n = 0;
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int(q, 1, max);
	int rc = SQLITE_DONE;
	while (*n < max && (rc = sqlite3_step(q)) == SQLITE_ROW)
		read_installed(q, &out[(*n)++]);
	return store_rows_end(st, q, rc, "reading the instruments", e);
}

enum status store_instrument_get(struct store *st, const char *code, struct qol_instrument *out,
				 struct qol_installed *row, struct err *e)
{
	static const char sql[] = "SELECT " INST_COLS ", text FROM instruments "
				  "WHERE code = upper(?1) ORDER BY created DESC, id DESC LIMIT 1";
	enum status s = store_may(st, PERM_READ, e);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, code, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(q);
	struct qol_installed r;
	char *text = NULL;
	if (rc == SQLITE_ROW) {
		read_installed(q, &r);
		text = xstrdup((const char *)sqlite3_column_text(q, 7));
	}
	s = store_rows_end(st, q, rc, "reading the instrument", e);
	if (s == ST_OK && !text)
		s = err_set(e, ST_NOT_FOUND,
			    "instrument '%s' is not installed (hepadesk instrument list)", code);
	if (s == ST_OK && out)
		s = qol_parse(r.code, text, out, e);
	if (s == ST_OK && row)
		*row = r;
	free(text);
	return s;
}

static enum status add_tx(struct store *st, const struct qol_installed *inst,
			  const struct qol_instrument *q, const int *answers,
			  struct qol_response *r, struct err *e)
{
	static const char ins[] = "INSERT INTO qol_responses (patient_id, instrument_id, date, "
				  "answers, answered, recorded_by, created) VALUES (?, ?, ?, ?, ?, "
				  "?, ?)";
	static const char score[] = "INSERT INTO qol_scores (response_id, domain, answered, items, "
				    "score, created) VALUES (?, ?, ?, ?, ?, ?)";
	struct patient pt;
	enum status s = store_patient_get(st, r->patient_id, &pt, e);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q1 = store_stmt(st, ins, e);
	if (!q1)
		return ST_IO;
	sqlite3_bind_int64(q1, 1, r->patient_id);
	sqlite3_bind_int64(q1, 2, inst->id);
	store_bind_day(q1, 3, r->date);
	sqlite3_bind_text(q1, 4, r->answers, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(q1, 5, r->answered);
	sqlite3_bind_text(q1, 6, st->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q1, 7, st->now);
	if (sqlite3_step(q1) != SQLITE_DONE)
		return store_fail(st, e, "saving the questionnaire");
	r->id = sqlite3_last_insert_rowid(st->db);
	r->version_no = 1;
	strlcpy_(r->recorded_by, st->actor.login, sizeof r->recorded_by);
	qol_score(q, answers, &r->scores);
	for (int i = 0; i < r->scores.n; i++) {
		const struct qol_score *d = &r->scores.s[i];
		sqlite3_stmt *q2 = store_stmt(st, score, e);
		if (!q2)
			return ST_IO;
		sqlite3_bind_int64(q2, 1, r->id);
		sqlite3_bind_text(q2, 2, d->id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(q2, 3, d->answered);
		sqlite3_bind_int(q2, 4, d->items);
		store_bind_real(q2, 5, d->score);
		sqlite3_bind_int64(q2, 6, st->now);
		if (sqlite3_step(q2) != SQLITE_DONE)
			return store_fail(st, e, "saving the questionnaire's scores");
	}
	return ST_OK;
}

/* The date (not after today) and the answers against q: r->answered and
 * r->answers (as text) set, with the instrument's code and version. */
static enum status check_response(const struct qol_instrument *q, const int *answers,
				  struct qol_response *r, day_t today, struct err *e)
{
	char a[16], b[16];
	if (r->date == DAY_NONE || r->date > today)
		return err_set(e, ST_INVALID, "date: '%s' is not accepted; a day up to %s",
			       r->date == DAY_NONE ? "" : date_format(r->date, a),
			       date_format(today, b));
	r->answered = 0;
	for (int i = 0; i < q->nitems; i++) {
		if (answers[i] != QOL_MISSING && (answers[i] < q->min || answers[i] > q->max))
			return err_set(e, ST_INVALID,
				       "answers: item %d: '%d' is not accepted; %d-%d", i + 1,
				       answers[i], q->min, q->max);
		r->answered += answers[i] != QOL_MISSING;
	}
	if (r->answered == 0)
		return err_set(e, ST_INVALID, "answers: none given; answer at least one item");
	qol_format_answers(q, answers, r->answers, sizeof r->answers);
	strlcpy_(r->code, q->code, sizeof r->code);
	strlcpy_(r->version, q->version, sizeof r->version);
	return ST_OK;
}

enum status store_qol_add(struct store *st, const struct qol_installed *inst,
			  const struct qol_instrument *q, const int *answers,
			  struct qol_response *r, day_t today, struct err *e)
{
	enum status s = store_may(st, PERM_RECORD, e);
	if (s == ST_OK)
		s = check_response(q, answers, r, today, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	return store_finish(st, add_tx(st, inst, q, answers, r, e), e);
}

static enum status void_tx(struct store *st, int64_t patient_id, int64_t id, int64_t version,
			   const char *reason, struct err *e)
{
	static const char get[] = "SELECT patient_id, void_reason IS NOT NULL, version "
				  "FROM qol_responses WHERE id = ?1";
	static const char upd[] =
	    "UPDATE qol_responses SET void_reason = ?1, version = version + 1 "
	    "WHERE id = ?2";
	sqlite3_stmt *q = store_stmt(st, get, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, id);
	int rc = sqlite3_step(q);
	int64_t owner = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	bool voided = rc == SQLITE_ROW && sqlite3_column_int(q, 1);
	int64_t now = rc == SQLITE_ROW ? sqlite3_column_int64(q, 2) : 0;
	enum status s = store_rows_end(st, q, rc, "reading the questionnaire", e);
	if (s == ST_OK && owner != patient_id)
		s = err_set(e, ST_NOT_FOUND, "questionnaire %lld is not this patient's",
			    (long long)id);
	if (s == ST_OK && voided)
		s = err_set(e, ST_DUPLICATE, "questionnaire %lld is voided already", (long long)id);
	if (s == ST_OK && version && version != now)
		s = err_set(e, ST_CONFLICT,
			    "questionnaire %lld changed since it was read (version %lld)",
			    (long long)id, (long long)now);
	if (s != ST_OK)
		return s;
	if (!(q = store_stmt(st, upd, e)))
		return ST_IO;
	sqlite3_bind_text(q, 1, reason, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 2, id);
	return sqlite3_step(q) == SQLITE_DONE ? ST_OK
					      : store_fail(st, e, "voiding the questionnaire");
}

static enum status check_reason(const char *reason, const char *why, struct err *e)
{
	if (!reason || !*reason || strlen(reason) > 200 || !text_is_clean(reason, false))
		return err_set(e, ST_INVALID, "reason: required, 1-200 characters of text (%s)",
			       why);
	return ST_OK;
}

enum status store_qol_void(struct store *st, int64_t patient_id, int64_t id, int64_t version,
			   const char *reason, struct err *e)
{
	if (check_reason(reason, "why it is voided", e) != ST_OK)
		return ST_INVALID;
	enum status s = store_may(st, PERM_RECORD, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	return store_finish(st, void_tx(st, patient_id, id, version, reason, e), e);
}

static enum status read_scores(struct store *st, struct qol_response *r, struct err *e)
{
	static const char sql[] = "SELECT s.domain, s.answered, s.items, s.score FROM qol_scores s "
				  "WHERE s.response_id = ?1 ORDER BY s.id";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, r->id);
	int rc = SQLITE_DONE;
	r->scores.n = 0;
	while (r->scores.n < QOL_DOMAINS_MAX + 1 && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct qol_score *d = &r->scores.s[r->scores.n++];
		store_col_text(q, 0, d->id, sizeof d->id);
		d->answered = sqlite3_column_int(q, 1);
		d->items = sqlite3_column_int(q, 2);
		d->score = store_col_real(q, 3);
	}
	return store_rows_end(st, q, rc, "reading the questionnaire's scores", e);
}

#define RESPONSE_COLS                                                                    \
	"r.id, r.patient_id, i.code, i.version, r.date, r.answers, r.answered, "         \
	"r.recorded_by, r.version, coalesce(r.correction_reason, ''), r.void_reason IS " \
	"NOT NULL "
#define RESPONSE_FROM "FROM qol_responses r JOIN instruments i ON i.id = r.instrument_id "

static void read_response(sqlite3_stmt *q, struct qol_response *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(q, 0);
	r->patient_id = sqlite3_column_int64(q, 1);
	store_col_text(q, 2, r->code, sizeof r->code);
	store_col_text(q, 3, r->version, sizeof r->version);
	r->date = store_col_day(q, 4);
	store_col_text(q, 5, r->answers, sizeof r->answers);
	r->answered = sqlite3_column_int(q, 6);
	store_col_text(q, 7, r->recorded_by, sizeof r->recorded_by);
	r->version_no = sqlite3_column_int64(q, 8);
	store_col_text(q, 9, r->correction_reason, sizeof r->correction_reason);
}

enum status store_qol_get(struct store *st, int64_t patient_id, int64_t id, struct qol_response *r,
			  struct qol_instrument *q, struct qol_installed *inst, struct err *e)
{
	static const char sql[] = "SELECT " RESPONSE_COLS ", i.text, i.id, i.name, i.hash, "
				  "i.installed_by, i.created " RESPONSE_FROM "WHERE r.id = ?1";
	enum status s = store_may(st, PERM_READ, e);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *stmt = store_stmt(st, sql, e);
	if (!stmt)
		return ST_IO;
	sqlite3_bind_int64(stmt, 1, id);
	int rc = sqlite3_step(stmt);
	bool voided = false;
	char *text = NULL;
	struct qol_installed row = {0};
	if (rc == SQLITE_ROW) {
		read_response(stmt, r);
		voided = sqlite3_column_int(stmt, 10) != 0;
		text = xstrdup((const char *)sqlite3_column_text(stmt, 11));
		row.id = sqlite3_column_int64(stmt, 12);
		strlcpy_(row.code, r->code, sizeof row.code);
		strlcpy_(row.version, r->version, sizeof row.version);
		store_col_text(stmt, 13, row.name, sizeof row.name);
		store_col_text(stmt, 14, row.hash, sizeof row.hash);
		store_col_text(stmt, 15, row.installed_by, sizeof row.installed_by);
		row.created = sqlite3_column_int64(stmt, 16);
	}
	s = store_rows_end(st, stmt, rc, "reading the questionnaire", e);
	if (s == ST_OK && (!text || r->patient_id != patient_id))
		s = err_set(e, ST_NOT_FOUND,
			    "questionnaire %lld: not this patient's (hepadesk qol "
			    "MRN INSTRUMENT lists them)",
			    (long long)id);
	if (s == ST_OK && voided)
		s = err_set(e, ST_DUPLICATE, "questionnaire %lld is voided", (long long)id);
	if (s == ST_OK && q)
		s = qol_parse(row.code, text, q, e);
	if (s == ST_OK && inst)
		*inst = row;
	if (s == ST_OK)
		s = read_scores(st, r, e);
	free(text);
	return s;
}

static enum status correct_tx(struct store *st, const struct qol_instrument *q, const int *answers,
			      struct qol_response *r, const char *reason, struct err *e)
{
	static const char upd[] =
	    "UPDATE qol_responses SET date = ?1, answers = ?2, answered = ?3, "
	    "correction_reason = ?4, version = version + 1 WHERE id = ?5 AND version = ?6 "
	    "AND patient_id = ?7 AND void_reason IS NULL";
	static const char score[] = "UPDATE qol_scores SET answered = ?1, items = ?2, score = ?3 "
				    "WHERE response_id = ?4 AND domain = ?5";
	sqlite3_stmt *s1 = store_stmt(st, upd, e);
	if (!s1)
		return ST_IO;
	store_bind_day(s1, 1, r->date);
	sqlite3_bind_text(s1, 2, r->answers, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s1, 3, r->answered);
	sqlite3_bind_text(s1, 4, reason, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s1, 5, r->id);
	sqlite3_bind_int64(s1, 6, r->version_no);
	sqlite3_bind_int64(s1, 7, r->patient_id);
	if (sqlite3_step(s1) != SQLITE_DONE)
		return store_fail(st, e, "correcting the questionnaire");
	if (sqlite3_changes(st->db) != 1)
		return err_set(e, ST_CONFLICT,
			       "questionnaire %lld changed since it was read (or was voided)",
			       (long long)r->id);
	r->version_no++;
	strlcpy_(r->correction_reason, reason, sizeof r->correction_reason);
	qol_score(q, answers, &r->scores);
	for (int i = 0; i < r->scores.n; i++) {
		const struct qol_score *d = &r->scores.s[i];
		sqlite3_stmt *s2 = store_stmt(st, score, e);
		if (!s2)
			return ST_IO;
		sqlite3_bind_int(s2, 1, d->answered);
		sqlite3_bind_int(s2, 2, d->items);
		store_bind_real(s2, 3, d->score);
		sqlite3_bind_int64(s2, 4, r->id);
		sqlite3_bind_text(s2, 5, d->id, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(s2) != SQLITE_DONE)
			return store_fail(st, e, "scoring the questionnaire again");
	}
	return ST_OK;
}

enum status store_qol_correct(struct store *st, const struct qol_instrument *q, const int *answers,
			      struct qol_response *r, const char *reason, day_t today,
			      struct err *e)
{
	enum status s = check_reason(reason, "why it is corrected", e);
	if (s == ST_OK)
		s = store_may(st, PERM_RECORD, e);
	if (s == ST_OK)
		s = check_response(q, answers, r, today, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	return store_finish(st, correct_tx(st, q, answers, r, reason, e), e);
}

enum status store_qol_list(struct store *st, int64_t patient_id, const char *code,
			   struct qol_response *out, int max, int *n, struct err *e)
{
	static const char sql[] =
	    "SELECT " RESPONSE_COLS RESPONSE_FROM
	    "WHERE r.patient_id = ?1 AND r.void_reason IS NULL "
	    "AND (?2 IS NULL OR i.code = upper(?2)) ORDER BY r.date, r.id LIMIT ?3";
	enum status s = store_may(st, PERM_READ, e);
	*n = 0;
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, patient_id);
	store_bind_text(q, 2, code);
	sqlite3_bind_int(q, 3, max);
	int rc = SQLITE_DONE;
	while (*n < max && (rc = sqlite3_step(q)) == SQLITE_ROW)
		read_response(q, &out[(*n)++]);
	if ((s = store_rows_end(st, q, rc, "reading the questionnaires", e)) != ST_OK)
		return s;
	for (int i = 0; s == ST_OK && i < *n; i++)
		s = read_scores(st, &out[i], e);
	return s;
}
