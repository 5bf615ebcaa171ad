/* store_product.c: product lots — added, corrected, voided, read by lot,
 * listed — and the infusions given from a lot, for a recall. */
#include "store_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "json.h"
#include "store_product.h"
#include "text.h"
#include "util.h"

#define PRODUCT_COLS                                                                     \
	"id, lot, type, donor, coalesce(passage, -1), per_vial, viability, sterility, "  \
	"endotoxin, mycoplasma, identity, expiry, received_at, coalesce(thawed_at, 0), " \
	"coalesce(administered_at, 0), note, created_by, coalesce(reason, ''), voided, version"

static void read_product(sqlite3_stmt *q, void *row)
{
	struct product *p = row;
	char buf[16];
	product_init(p);
	p->id = sqlite3_column_int64(q, 0);
	store_col_text(q, 1, p->lot, sizeof p->lot);
	store_col_text(q, 2, buf, sizeof buf);
	(void)product_type_parse(buf, &p->type);
	store_col_text(q, 3, p->donor, sizeof p->donor);
	p->passage = sqlite3_column_int(q, 4);
	p->per_vial = store_col_real(q, 5);
	p->viability = store_col_real(q, 6);
	for (int i = 0; i < PTEST_COUNT; i++) {
		store_col_text(q, 7 + i, buf, sizeof buf);
		(void)product_result_from_str(buf, &p->tests[i]);
	}
	p->expiry = store_col_day(q, 11);
	p->received_at = sqlite3_column_int64(q, 12);
	p->thawed_at = sqlite3_column_int64(q, 13);
	p->administered_at = sqlite3_column_int64(q, 14);
	store_col_text(q, 15, p->note, sizeof p->note);
	store_col_text(q, 16, p->created_by, sizeof p->created_by);
	store_col_text(q, 17, p->reason, sizeof p->reason);
	p->voided = sqlite3_column_int(q, 18) != 0;
	p->version = sqlite3_column_int64(q, 19);
}

/* End a write transaction: commit on success, else roll back. */
static void bind_time(sqlite3_stmt *q, int i, int64_t t)
{
	if (t)
		sqlite3_bind_int64(q, i, t);
	else
		sqlite3_bind_null(q, i);
}

/* Bind the record's fields as ?2..?17 (lot .. note). */
static void bind_fields(sqlite3_stmt *q, const struct product *p)
{
	sqlite3_bind_text(q, 2, p->lot, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 3, product_type_str(p->type), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, p->donor, -1, SQLITE_TRANSIENT);
	if (p->passage >= 0)
		sqlite3_bind_int(q, 5, p->passage);
	else
		sqlite3_bind_null(q, 5);
	store_bind_real(q, 6, p->per_vial);
	store_bind_real(q, 7, p->viability);
	for (int i = 0; i < PTEST_COUNT; i++)
		sqlite3_bind_text(q, 8 + i, product_result_str(p->tests[i]), -1, SQLITE_STATIC);
	store_bind_day(q, 12, p->expiry);
	sqlite3_bind_int64(q, 13, p->received_at);
	bind_time(q, 14, p->thawed_at);
	bind_time(q, 15, p->administered_at);
	sqlite3_bind_text(q, 16, p->note, -1, SQLITE_TRANSIENT);
}

/* A failed write: the lot on file already, or a storage failure. */
static enum status dup_or_fail(struct store *st, sqlite3_stmt *q, const struct product *p,
			       const char *what, struct err *e)
{
	if (sqlite3_extended_errcode(st->db) != SQLITE_CONSTRAINT_UNIQUE)
		return store_fail(st, e, what);
	sqlite3_reset(q);
	return err_set(e, ST_DUPLICATE, "lot: '%s' is on file already", p->lot);
}

static enum status checks(struct store *st, const struct product *p, struct err *e)
{
	enum status s = store_may(st, PERM_RECORD, e);
	if (s == ST_OK && (s = product_validate(p, st->now, true, e)) == ST_CONFIRM)
		s = ST_OK; /* the caller asked */
	return s;
}

enum status store_product_add(struct store *st, struct product *p, struct err *e)
{
	static const char sql[] =
	    "INSERT INTO product_lots (created, lot, type, donor, passage, per_vial, viability, "
	    "sterility, endotoxin, mycoplasma, identity, expiry, received_at, thawed_at, "
	    "administered_at, note, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
	    "?11, ?12, ?13, ?14, ?15, ?16, ?17)";
	enum status s = checks(st, p, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return store_finish(st, ST_IO, e);
	sqlite3_bind_int64(q, 1, st->now);
	bind_fields(q, p);
	sqlite3_bind_text(q, 17, st->actor.login, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_finish(st, dup_or_fail(st, q, p, "saving a product lot", e), e);
	p->id = sqlite3_last_insert_rowid(st->db);
	p->version = 1;
	strlcpy_(p->created_by, st->actor.login, sizeof p->created_by);
	return store_finish(st, ST_OK, e);
}

static enum status get_lot(struct store *st, const char *lot, struct product *out, struct err *e)
{
	static const char sql[] = "SELECT " PRODUCT_COLS " FROM product_lots WHERE lot = ?1";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, lot, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		read_product(q, out);
		sqlite3_reset(q);
		return ST_OK;
	}
	enum status s = store_rows_end(st, q, rc, "reading a product lot", e);
	if (s != ST_OK)
		return s;
	char b[PRODUCT_LOT_MAX + 1];
	return err_set(e, ST_NOT_FOUND, "no product lot '%s' on file",
		       text_sanitize_buf(b, sizeof b, lot));
}

enum status store_product_get(struct store *st, const char *lot, struct product *out, struct err *e)
{
	enum status s = store_may(st, PERM_READ, e);
	return s == ST_OK ? get_lot(st, lot, out, e) : s;
}

enum status store_product_list(struct store *st, struct product *out, int max, int *n,
			       struct err *e)
{
	static const char sql[] =
	    "SELECT " PRODUCT_COLS " FROM product_lots ORDER BY received_at DESC, id DESC LIMIT ?1";
	*n = 0;
	enum status s = store_may(st, PERM_READ, e);
	sqlite3_stmt *q = s == ST_OK ? store_stmt(st, sql, e) : NULL;
	if (!q)
		return s == ST_OK ? ST_IO : s;
	sqlite3_bind_int(q, 1, max);
	int rc = SQLITE_DONE;
	while (*n < max && (rc = sqlite3_step(q)) == SQLITE_ROW)
		read_product(q, &out[(*n)++]);
	return store_rows_end(st, q, rc, "reading product lots", e);
}

static enum status check_reason(const char *reason, struct err *e)
{
	if (!reason || !*reason || strlen(reason) > PRODUCT_REASON_MAX ||
	    !text_is_clean(reason, false))
		return err_set(e, ST_INVALID, "reason: 1-%d characters of one-line text",
			       PRODUCT_REASON_MAX);
	return ST_OK;
}

/* The row's version is still p->version; ST_CONFLICT otherwise. */
static enum status same_version(struct store *st, const struct product *p, struct err *e)
{
	static const char sql[] = "SELECT " PRODUCT_COLS " FROM product_lots WHERE id = ?1";
	struct product now;
	product_init(&now);
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, p->id);
	int rc = sqlite3_step(q);
	if (rc != SQLITE_ROW) {
		enum status s = store_rows_end(st, q, rc, "reading a product lot", e);
		return s != ST_OK ? s
				  : err_set(e, ST_NOT_FOUND, "no product lot %lld on file",
					    (long long)p->id);
	}
	read_product(q, &now);
	sqlite3_reset(q);
	if (now.version != p->version)
		return err_set(e, ST_CONFLICT,
			       "lot %s was changed by someone else (version %lld, you read %lld); "
			       "read it again",
			       now.lot, (long long)now.version, (long long)p->version);
	if (now.voided)
		return err_set(e, ST_INVALID, "lot %s is voided: %s", now.lot, now.reason);
	return ST_OK;
}

enum status store_product_correct(struct store *st, struct product *p, const char *reason,
				  struct err *e)
{
	static const char sql[] =
	    "UPDATE product_lots SET lot = ?2, type = ?3, donor = ?4, passage = ?5, per_vial = ?6, "
	    "viability = ?7, sterility = ?8, endotoxin = ?9, mycoplasma = ?10, identity = ?11, "
	    "expiry = ?12, received_at = ?13, thawed_at = ?14, administered_at = ?15, note = ?16, "
	    "reason = ?17, version = version + 1 WHERE id = ?1";
	enum status s = checks(st, p, e);
	if (s == ST_OK)
		s = check_reason(reason, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	s = same_version(st, p, e);
	sqlite3_stmt *q = s == ST_OK ? store_stmt(st, sql, e) : NULL;
	if (s == ST_OK && !q)
		s = ST_IO;
	if (s == ST_OK) {
		sqlite3_bind_int64(q, 1, p->id);
		bind_fields(q, p);
		sqlite3_bind_text(q, 17, reason, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(q) != SQLITE_DONE)
			s = dup_or_fail(st, q, p, "correcting a product lot", e);
	}
	if (s == ST_OK) {
		p->version++;
		strlcpy_(p->reason, reason, sizeof p->reason);
	}
	return store_finish(st, s, e);
}

enum status store_product_void(struct store *st, struct product *p, const char *reason,
			       struct err *e)
{
	static const char sql[] = "UPDATE product_lots SET voided = 1, reason = ?2, "
				  "version = version + 1 WHERE id = ?1";
	enum status s = store_may(st, PERM_RECORD, e);
	if (s == ST_OK)
		s = check_reason(reason, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	s = same_version(st, p, e);
	sqlite3_stmt *q = s == ST_OK ? store_stmt(st, sql, e) : NULL;
	if (s == ST_OK && !q)
		s = ST_IO;
	if (s == ST_OK) {
		sqlite3_bind_int64(q, 1, p->id);
		sqlite3_bind_text(q, 2, reason, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(q) != SQLITE_DONE)
			s = store_fail(st, e, "voiding a product lot");
	}
	if (s == ST_OK) {
		p->version++;
		p->voided = true;
		strlcpy_(p->reason, reason, sizeof p->reason);
	}
	return store_finish(st, s, e);
}

static enum status recipient_rows(struct store *st, const struct product *p,
				  struct product_recipient *out, int max, int *n, struct err *e)
{
	static const char sql[] =
	    "SELECT p.id, p.mrn, p.name, i.id, i.given_at, i.date, i.route, i.cells "
	    "FROM infusions i JOIN patients p ON p.id = i.patient_id "
	    "WHERE i.lot = ?1 COLLATE NOCASE ORDER BY i.given_at, i.id LIMIT ?2";
	char route[32];
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, p->lot, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(q, 2, max);
	int rc = SQLITE_DONE;
	while (*n < max && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct product_recipient *r = &out[(*n)++];
		memset(r, 0, sizeof *r);
		r->patient_id = sqlite3_column_int64(q, 0);
		store_col_text(q, 1, r->mrn, sizeof r->mrn);
		store_col_text(q, 2, r->name, sizeof r->name);
		r->infusion_id = sqlite3_column_int64(q, 3);
		r->given_at = sqlite3_column_int64(q, 4);
		r->date = store_col_day(q, 5);
		store_col_text(q, 6, route, sizeof route);
		(void)plan_route_parse(route, &r->route);
		r->cells = sqlite3_column_double(q, 7);
	}
	return store_rows_end(st, q, rc, "reading the recipients of a lot", e);
}

enum status store_product_recipients(struct store *st, const struct product *p,
				     struct product_recipient *out, int max, int *n, struct err *e)
{
	*n = 0;
	enum status s = store_may(st, PERM_READ, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	s = recipient_rows(st, p, out, max, n, e);
	if (s == ST_OK) {
		struct strbuf after;
		sb_init(&after);
		sb_add(&after, "{\"what\":\"recipients\",\"lot\":");
		json_quote(&after, p->lot);
		sb_addf(&after, ",\"infusions\":%d}", *n);
		s = store_audit(st, "view", "product_lots", p->id, 0, NULL, sb_str(&after), e);
		sb_done(&after);
	}
	return store_finish(st, s, e);
}

static void read_use(sqlite3_stmt *q, void *row)
{
	struct product_use *u = row;
	memset(u, 0, sizeof *u);
	u->infusion_id = sqlite3_column_int64(q, 0);
	u->given_at = sqlite3_column_int64(q, 1);
	u->cells = sqlite3_column_double(q, 2);
	store_col_text(q, 3, u->lot, sizeof u->lot);
	u->date = store_col_day(q, 18);
	u->on_file = sqlite3_column_type(q, 4) != SQLITE_NULL;
	product_init(&u->p);
	if (!u->on_file)
		return;
	/* The lot's columns follow the infusion's four. */
	struct product *p = &u->p;
	char buf[16];
	p->id = sqlite3_column_int64(q, 4);
	store_col_text(q, 5, p->lot, sizeof p->lot);
	store_col_text(q, 6, buf, sizeof buf);
	(void)product_type_parse(buf, &p->type);
	store_col_text(q, 7, p->donor, sizeof p->donor);
	p->passage = sqlite3_column_int(q, 8);
	p->per_vial = store_col_real(q, 9);
	p->viability = store_col_real(q, 10);
	for (int i = 0; i < PTEST_COUNT; i++) {
		store_col_text(q, 11 + i, buf, sizeof buf);
		(void)product_result_from_str(buf, &p->tests[i]);
	}
	p->expiry = store_col_day(q, 15);
	p->voided = sqlite3_column_int(q, 16) != 0;
	store_col_text(q, 17, p->reason, sizeof p->reason);
}

enum status store_product_uses(struct store *st, int64_t patient_id, struct product_use *out,
			       int max, int *n, struct err *e)
{
	static const char sql[] =
	    "SELECT i.id, i.given_at, i.cells, i.lot, l.id, l.lot, l.type, l.donor, "
	    "coalesce(l.passage, -1), l.per_vial, l.viability, l.sterility, l.endotoxin, "
	    "l.mycoplasma, l.identity, l.expiry, l.voided, coalesce(l.reason, ''), i.date "
	    "FROM infusions i LEFT JOIN product_lots l ON l.lot = i.lot COLLATE NOCASE "
	    "WHERE i.patient_id = ?1 ORDER BY i.given_at, i.id LIMIT ?2";
	return store_patient_rows(st, sql, patient_id, out, sizeof *out, max, n, read_use,
				  "reading the lots given", e);
}
