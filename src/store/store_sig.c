/* store_sig.c: signatures written with the record they sign, and read. */
#include "store_int.h"
#include "store_sig_int.h"

#include <stdlib.h>
#include <string.h>

#include "store_sig.h"
#include "util.h"

#define SIG_COLS "id, kind, row_id, patient_id, signer, signed_at, meaning, hash"

static enum status insert(struct store *st, struct signature *s, const char *canon, struct err *e)
{
	static const char sql[] =
	    "INSERT INTO signatures (kind, tbl, row_id, patient_id, signer, signed_at, meaning, "
	    "hash, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?6)";
	sig_hash(canon, s->hash);
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, sig_kind_str(s->kind), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, sig_kind_table(s->kind), -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 3, s->row_id);
	sqlite3_bind_int64(q, 4, s->patient_id);
	sqlite3_bind_text(q, 5, s->signer, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 6, s->signed_at);
	sqlite3_bind_text(q, 7, s->meaning, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 8, s->hash, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "storing the signature");
	s->id = sqlite3_last_insert_rowid(st->db);
	return ST_OK;
}

/* The actor's accepted password, used up; fills the signer and time. */
static enum status start(struct store *st, struct signature *s, enum sig_kind kind, int64_t row_id,
			 int64_t patient_id, struct err *e)
{
	bool ok = st->reauth_ok;
	st->reauth_ok = false;
	if (!ok || !st->have_actor)
		return err_set(e, ST_DENIED,
			       "signing needs your password first: nothing was signed");
	memset(s, 0, sizeof *s);
	s->kind = kind;
	s->row_id = row_id;
	s->patient_id = patient_id;
	strlcpy_(s->signer, st->actor.login, sizeof s->signer);
	s->signed_at = st->now;
	return ST_OK;
}

enum status store_sig_evaluation(struct store *st, const struct evaluation *ev, struct err *e)
{
	struct signature s;
	struct strbuf sb;
	enum status rc =
	    start(st, &s, ev->amends ? SIG_AMENDMENT : SIG_EVALUATION, ev->id, ev->patient_id, e);
	if (rc != ST_OK)
		return rc;
	sqlite3_stmt *q = store_stmt(st, "SELECT detail FROM evaluations WHERE id = ?", e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, ev->id);
	if (sqlite3_step(q) != SQLITE_ROW) {
		rc = store_fail(st, e, "reading the evaluation signed");
		sqlite3_reset(q);
		return rc;
	}
	char *detail = xstrdup((const char *)sqlite3_column_text(q, 0));
	sqlite3_reset(q);
	sig_meaning_eval(ev->status, ev->amends != 0, s.meaning, sizeof s.meaning);
	sb_init(&sb);
	sig_canon_eval(&sb, &s, ev, detail);
	rc = insert(st, &s, sb_str(&sb), e);
	sb_done(&sb);
	free(detail);
	return rc;
}

enum status store_sig_plan(struct store *st, const struct plan *pl, struct err *e)
{
	struct signature s;
	struct strbuf sb;
	enum status rc = start(st, &s, SIG_PLAN, pl->id, pl->patient_id, e);
	if (rc != ST_OK)
		return rc;
	sig_meaning_plan(s.meaning, sizeof s.meaning);
	sb_init(&sb);
	sig_canon_plan(&sb, &s, pl);
	rc = insert(st, &s, sb_str(&sb), e);
	sb_done(&sb);
	return rc;
}

enum status store_sig_override(struct store *st, const struct infusion *f, const char *check,
			       const struct icheck_result *r, struct err *e)
{
	struct signature s;
	struct strbuf sb;
	char items[SIG_MEANING_MAX / 2] = "";
	enum status rc = start(st, &s, SIG_OVERRIDE, f->id, f->patient_id, e);
	if (rc != ST_OK)
		return rc;
	sb_init(&sb);
	for (int i = 0; i < ICHECK_COUNT; i++)
		if (r->lines[i].state == ICHK_CONFIRM)
			sb_addf(&sb, "%s%s", sb_str(&sb)[0] ? ", " : "",
				icheck_item_str(r->lines[i].item));
	strlcpy_(items, sb_str(&sb), sizeof items);
	sig_meaning_override(items, s.meaning, sizeof s.meaning);
	sig_canon_override(&sb, &s, f, check);
	rc = insert(st, &s, sb_str(&sb), e);
	sb_done(&sb);
	return rc;
}

static void read_sig(sqlite3_stmt *q, struct signature *s)
{
	memset(s, 0, sizeof *s);
	s->id = sqlite3_column_int64(q, 0);
	sig_kind_parse((const char *)sqlite3_column_text(q, 1), &s->kind);
	s->row_id = sqlite3_column_int64(q, 2);
	s->patient_id = sqlite3_column_int64(q, 3);
	store_col_text(q, 4, s->signer, sizeof s->signer);
	s->signed_at = sqlite3_column_int64(q, 5);
	store_col_text(q, 6, s->meaning, sizeof s->meaning);
	store_col_text(q, 7, s->hash, sizeof s->hash);
}

enum status store_sig_get(struct store *st, const char *tbl, int64_t row_id, struct signature *out,
			  bool *found, struct err *e)
{
	static const char sql[] =
	    "SELECT " SIG_COLS " FROM signatures WHERE tbl = ? AND row_id = ?";
	enum status s = store_may(st, PERM_READ, e);
	*found = false;
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, tbl, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 2, row_id);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		read_sig(q, out);
		*found = true;
	}
	sqlite3_reset(q);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
						     : store_fail(st, e, "reading the signature");
}
