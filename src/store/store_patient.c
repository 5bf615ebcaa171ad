/* store_patient.c: patient rows — register, update with optimistic
 * concurrency, read, lookup from indexes, and the per-user recent list. */
#include "store_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "lookup.h"
#include "text.h"
#include "util.h"

#define PATIENT_COLS                                                           \
	"id, mrn, name, dob, sex, etiology, weight_kg, weight_date, version, " \
	"created, updated"
#define RECENT_KEEP 20

static void read_patient(sqlite3_stmt *s, struct patient *p)
{
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(s, 0);
	store_col_text(s, 1, p->mrn, sizeof p->mrn);
	store_col_text(s, 2, p->name, sizeof p->name);
	p->dob = store_col_day(s, 3);
	const char *sex = (const char *)sqlite3_column_text(s, 4);
	p->sex = sex ? sex[0] : 0;
	store_col_text(s, 5, p->etiology, sizeof p->etiology);
	p->weight_kg = store_col_real(s, 6);
	p->weight_date = store_col_day(s, 7);
	p->version = sqlite3_column_int64(s, 8);
	p->created = sqlite3_column_int64(s, 9);
	p->updated = sqlite3_column_int64(s, 10);
}

static void read_hit(sqlite3_stmt *s, struct patient_hit *h)
{
	h->id = sqlite3_column_int64(s, 0);
	store_col_text(s, 1, h->mrn, sizeof h->mrn);
	store_col_text(s, 2, h->name, sizeof h->name);
	h->dob = store_col_day(s, 3);
	const char *sex = (const char *)sqlite3_column_text(s, 4);
	h->sex = sex ? sex[0] : 0;
}

static enum status get_one(struct store *st, const char *sql, int64_t id, const char *mrn,
			   struct patient *out, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, sql, e);
	if (!s)
		return ST_IO;
	if (mrn)
		sqlite3_bind_text(s, 1, mrn, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		read_patient(s, out);
		sqlite3_reset(s);
		return ST_OK;
	}
	if (rc != SQLITE_DONE)
		return store_fail(st, e, "reading a patient");
	return ST_NOT_FOUND;
}

enum status store_patient_get(struct store *st, int64_t id, struct patient *out, struct err *e)
{
	static const char sql[] = "SELECT " PATIENT_COLS " FROM patients WHERE id = ?";
	enum status s = store_may(st, PERM_READ, e);
	if (s == ST_OK)
		s = get_one(st, sql, id, NULL, out, e);
	if (s == ST_NOT_FOUND)
		err_set(e, s, "no patient with id %lld", (long long)id);
	return s;
}

enum status store_patient_by_mrn(struct store *st, const char *mrn, struct patient *out,
				 struct err *e)
{
	static const char sql[] = "SELECT " PATIENT_COLS " FROM patients WHERE mrn = ?";
	char *key = text_fold_mrn(mrn ? mrn : "");
	enum status s = store_may(st, PERM_READ, e);
	if (s == ST_OK)
		s = get_one(st, sql, 0, key, out, e);
	if (s == ST_NOT_FOUND) {
		char b[48];
		err_set(e, s, "no patient with MRN '%s'", text_sanitize_buf(b, sizeof b, key));
	}
	free(key);
	return s;
}

static void bind_patient(sqlite3_stmt *s, const struct patient *p, const char *key, int64_t now)
{
	char dob[16];
	sqlite3_bind_text(s, 1, p->mrn, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, p->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 4, date_format(p->dob, dob), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 5, p->sex == 'F' ? "F" : "M", -1, SQLITE_STATIC);
	store_bind_text(s, 6, p->etiology);
	store_bind_real(s, 7, p->weight_kg);
	store_bind_day(s, 8, isnan(p->weight_kg) ? DAY_NONE : p->weight_date);
	sqlite3_bind_int64(s, 9, now);
}

/* Normalise what the record keeps: MRN upper-case, blanks collapsed. */
static void normalise(struct patient *p)
{
	char *m = text_fold_mrn(p->mrn);
	strlcpy_(p->mrn, m, sizeof p->mrn);
	free(m);
	for (char *c = p->etiology; *c; c++)
		if (*c >= 'a' && *c <= 'z')
			*c = (char)(*c - 'a' + 'A');
}

static enum status check_write(struct store *st, struct patient *p, struct err *e)
{
	enum status s = store_may(st, PERM_RECORD, e);
	if (s != ST_OK)
		return s;
	normalise(p);
	/* One day of slack: the clinic's day may run ahead of UTC. */
	return patient_validate(p, date_from_time(st->now, 0) + 1, e);
}

/* A patient's lookup keys (lookup.h), replaced inside the caller's
 * transaction. */
static enum status set_keys(struct store *st, int64_t id, const struct patient *p, struct err *e)
{
	static const char del[] = "DELETE FROM lookup_keys WHERE patient_id = ?1";
	static const char ins[] =
	    "INSERT OR IGNORE INTO lookup_keys (key, patient_id) VALUES (?1, ?2)";
	char *keys[LOOKUP_RANGES];
	int n = lookup_patient_keys(p->mrn, p->name, p->dob, keys);
	enum status s = ST_OK;
	sqlite3_stmt *q = store_stmt(st, del, e);
	if (!q)
		s = ST_IO;
	else {
		sqlite3_bind_int64(q, 1, id);
		if (sqlite3_step(q) != SQLITE_DONE)
			s = store_fail(st, e, "indexing a patient");
	}
	for (int i = 0; i < n; i++) {
		if (s == ST_OK && !(q = store_stmt(st, ins, e)))
			s = ST_IO;
		if (s == ST_OK) {
			sqlite3_bind_text(q, 1, keys[i], -1, SQLITE_STATIC);
			sqlite3_bind_int64(q, 2, id);
			if (sqlite3_step(q) != SQLITE_DONE)
				s = store_fail(st, e, "indexing a patient");
			sqlite3_reset(q);
		}
		free(keys[i]);
	}
	return s;
}

enum status store_lookup_rebuild(struct store *st, struct err *e)
{
	static const char sql[] = "SELECT id, mrn, name, dob FROM patients ORDER BY id";
	sqlite3_stmt *r;
	if (sqlite3_prepare_v2(st->db, sql, -1, &r, NULL) != SQLITE_OK)
		return store_fail(st, e, "indexing patients");
	enum status s = ST_OK;
	int rc;
	while (s == ST_OK && (rc = sqlite3_step(r)) == SQLITE_ROW) {
		struct patient p = {0};
		store_col_text(r, 1, p.mrn, sizeof p.mrn);
		store_col_text(r, 2, p.name, sizeof p.name);
		p.dob = store_col_day(r, 3);
		s = set_keys(st, sqlite3_column_int64(r, 0), &p, e);
	}
	if (s == ST_OK && rc != SQLITE_DONE)
		s = store_fail(st, e, "indexing patients");
	sqlite3_finalize(r);
	return s;
}

/* Insert inside the caller's transaction (validated by the caller), with
 * the possible duplicates it was registered beside and why (or NULLs). */
static enum status insert_row(struct store *st, struct patient *p, const char *similar_to,
			      const char *reason, struct err *e)
{
	static const char sql[] = "INSERT INTO patients (mrn, name, name_key, dob, sex, etiology, "
				  "weight_kg, weight_date, created, updated, similar_to, "
				  "similar_reason) "
				  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11)";
	enum status s = ST_OK;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	char *key = text_fold_key(p->name);
	bind_patient(q, p, key, st->now);
	store_bind_text(q, 10, similar_to);
	store_bind_text(q, 11, reason);
	if (sqlite3_step(q) != SQLITE_DONE) {
		if (sqlite3_extended_errcode(st->db) == SQLITE_CONSTRAINT_UNIQUE)
			s = err_set(e, ST_DUPLICATE, "MRN: %s is already registered", p->mrn);
		else
			s = store_fail(st, e, "registering a patient");
	} else {
		p->id = sqlite3_last_insert_rowid(st->db);
		p->version = 1;
		p->created = p->updated = st->now;
		s = set_keys(st, p->id, p, e);
	}
	free(key);
	return s;
}

enum status store_patient_insert(struct store *st, struct patient *p, struct err *e)
{
	return insert_row(st, p, NULL, NULL, e);
}

/* Registered patients who may be p (lookup_similar), from the date-of-birth
 * keys: at most max in hits. */
static enum status similar(struct store *st, const struct patient *p, struct patient_hit *hits,
			   int max, int *n, struct err *e)
{
	static const char sql[] = "SELECT p.id, p.mrn, p.name, p.dob, p.sex FROM lookup_keys k "
				  "JOIN patients p ON p.id = k.patient_id WHERE k.key = ?1 "
				  "ORDER BY p.id";
	char iso[16], key[24];
	snprintf(key, sizeof key, "%c%s", LOOKUP_BORN, date_format(p->dob, iso));
	*n = 0;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, key, -1, SQLITE_TRANSIENT);
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct patient_hit h;
		read_hit(q, &h);
		if (*n < max && lookup_similar(&h, p))
			hits[(*n)++] = h;
	}
	return store_rows_end(st, q, rc, "checking for the same patient", e);
}

#define SIMILAR_MAX 5

enum status store_patient_register(struct store *st, struct patient *p, const char *reason,
				   struct err *e)
{
	struct patient_hit hits[SIMILAR_MAX];
	int n = 0;
	enum status s = check_write(st, p, e);
	if (s == ST_OK && reason)
		s = patient_check_reason(reason, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	/* The same MRN is named as such before any similar name. */
	struct patient same;
	enum status g =
	    get_one(st, "SELECT " PATIENT_COLS " FROM patients WHERE mrn = ?", 0, p->mrn, &same, e);
	if (g == ST_OK)
		s = err_set(e, ST_DUPLICATE, "MRN: %s is already registered", p->mrn);
	else if (g != ST_NOT_FOUND)
		s = g;
	if (s == ST_OK)
		s = similar(st, p, hits, SIMILAR_MAX, &n, e);
	if (s == ST_OK && n > 0 && !(reason && *reason)) {
		struct strbuf sb;
		char dob[16];
		sb_init(&sb);
		for (int i = 0; i < n; i++)
			sb_addf(&sb, "%s%s %s (born %s, %c)", i ? "; " : "", hits[i].mrn,
				hits[i].name, date_format(hits[i].dob, dob), hits[i].sex);
		s = err_set(e, ST_CONFIRM,
			    "possibly registered already: %s. To register %s anyway, give the "
			    "reason (audited)",
			    sb_str(&sb), p->mrn);
		sb_done(&sb);
	}
	if (s == ST_OK) {
		struct strbuf to;
		sb_init(&to);
		for (int i = 0; i < n; i++)
			sb_addf(&to, "%s%s", i ? "," : "", hits[i].mrn);
		s = insert_row(st, p, n ? sb_str(&to) : NULL, n ? reason : NULL, e);
		sb_done(&to);
	}
	if (s != ST_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, e);
}

enum status store_patient_add(struct store *st, struct patient *p, struct err *e)
{
	return store_patient_register(st, p, NULL, e);
}

/* The stored record changed since it was read: keep the rejected values in
 * the audit trail, and hand the stored record back for the user to choose. */
static enum status conflict(struct store *st, const struct patient *mine, struct patient *theirs,
			    struct err *e)
{
	static const char sql[] = "SELECT " PATIENT_COLS " FROM patients WHERE id = ?";
	char dob[16];
	char *after =
	    xasprintf("{\"mrn\":\"%s\",\"dob\":\"%s\",\"sex\":\"%c\",\"version\":%lld}", mine->mrn,
		      date_format(mine->dob, dob), mine->sex, (long long)mine->version);
	enum status s = store_audit(st, "conflict", "patients", mine->id, mine->id, NULL, after, e);
	free(after);
	if (s == ST_OK)
		s = store_commit(st, e);
	else
		store_rollback(st);
	if (s != ST_OK)
		return s;
	struct patient cur = {0};
	s = get_one(st, sql, mine->id, NULL, &cur, e);
	if (s != ST_OK)
		return s;
	if (theirs)
		*theirs = cur;
	return err_set(e, ST_CONFLICT,
		       "patient %s was changed by someone else (version %lld, you edited %lld); "
		       "nothing was saved",
		       cur.mrn, (long long)cur.version, (long long)mine->version);
}

enum status store_patient_update(struct store *st, struct patient *p, struct patient *theirs,
				 struct err *e)
{
	static const char sql[] =
	    "UPDATE patients SET mrn = ?1, name = ?2, name_key = ?3, dob = ?4, sex = ?5, "
	    "etiology = ?6, weight_kg = ?7, weight_date = ?8, updated = ?9, "
	    "version = version + 1 WHERE id = ?10 AND version = ?11";
	enum status s = check_write(st, p, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	char *key = text_fold_key(p->name);
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (q) {
		bind_patient(q, p, key, st->now);
		sqlite3_bind_int64(q, 10, p->id);
		sqlite3_bind_int64(q, 11, p->version);
	}
	free(key);
	if (!q || sqlite3_step(q) != SQLITE_DONE) {
		s = q ? store_fail(st, e, "saving a patient") : ST_IO;
		if (s == ST_DUPLICATE)
			err_set(e, s, "MRN: %s is already registered", p->mrn);
		store_rollback(st);
		return s;
	}
	if (sqlite3_changes(st->db) == 0)
		return conflict(st, p, theirs, e);
	if ((s = set_keys(st, p->id, p, e)) != ST_OK) {
		store_rollback(st);
		return s;
	}
	p->version++;
	p->updated = st->now;
	return store_commit(st, e);
}

/* Rows whose key column lies in [prefix, prefix + U+10FFFF): an index range.
 * Adds the rows not in hits[0..*n) yet, up to max. */
static enum status find_range(struct store *st, const char *sql, const char *prefix,
			      struct patient_hit *hits, int max, int *n, struct err *e)
{
	sqlite3_stmt *s = store_stmt(st, sql, e);
	if (!s)
		return ST_IO;
	sqlite3_bind_text(s, 1, prefix, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 2, max);
	int rc = SQLITE_DONE;
	while (*n < max && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(s, 0);
		bool dup = false;
		for (int i = 0; i < *n && !dup; i++)
			dup = hits[i].id == id;
		if (!dup)
			read_hit(s, &hits[(*n)++]);
	}
	return store_rows_end(st, s, rc, "finding patients", e);
}

enum status store_patient_lookup(struct store *st, const struct lookup_query *lq,
				 struct patient_hit *hits, int max, int *n, struct err *e)
{
	static const char by_mrn[] = "SELECT id, mrn, name, dob, sex FROM patients "
				     "WHERE mrn >= ?1 AND mrn < ?1 || char(1114111) "
				     "ORDER BY mrn LIMIT ?2";
	static const char by_name[] = "SELECT id, mrn, name, dob, sex FROM patients "
				      "WHERE name_key >= ?1 AND name_key < ?1 || char(1114111) "
				      "ORDER BY name_key, id LIMIT ?2";
	static const char by_key[] = "SELECT p.id, p.mrn, p.name, p.dob, p.sex FROM lookup_keys k "
				     "JOIN patients p ON p.id = k.patient_id "
				     "WHERE k.key >= ?1 AND k.key < ?1 || char(1114111) "
				     "ORDER BY k.key, k.patient_id LIMIT ?2";
	enum status s = store_may(st, PERM_READ, e);
	*n = 0;
	if (s != ST_OK)
		return s;
	if (lq->mrn[0])
		s = find_range(st, by_mrn, lq->mrn, hits, max, n, e);
	for (int i = 0; i < lq->nnames && s == ST_OK; i++)
		s = find_range(st, by_name, lq->names[i], hits, max, n, e);
	for (int i = 0; i < lq->nkeys && s == ST_OK; i++)
		s = find_range(st, by_key, lq->keys[i], hits, max, n, e);
	return s;
}

enum status store_patient_find(struct store *st, const char *query, struct patient_hit *hits,
			       int max, int *n, struct err *e)
{
	struct lookup_query lq;
	lookup_parse(query, NULL, &lq);
	enum status s = store_patient_lookup(st, &lq, hits, max, n, e);
	lookup_query_done(&lq);
	return s;
}

enum status store_patient_recent(struct store *st, struct patient_hit *hits, int max, int *n,
				 struct err *e)
{
	static const char sql[] = "SELECT p.id, p.mrn, p.name, p.dob, p.sex FROM recent r "
				  "JOIN patients p ON p.id = r.patient_id WHERE r.user = ?1 "
				  "ORDER BY r.opened DESC LIMIT ?2";
	enum status s = store_may(st, PERM_READ, e);
	*n = 0;
	if (s != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, st->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(q, 2, max);
	int rc = SQLITE_DONE;
	while (*n < max && (rc = sqlite3_step(q)) == SQLITE_ROW)
		read_hit(q, &hits[(*n)++]);
	return store_rows_end(st, q, rc, "reading recent patients", e);
}

static enum status viewed(struct store *st, int64_t patient_id, const char *what, struct err *e)
{
	static const char upsert[] =
	    "INSERT INTO recent (user, patient_id, opened) VALUES (?1, ?2, ?3) "
	    "ON CONFLICT (user, patient_id) DO UPDATE SET opened = excluded.opened";
	static const char prune[] =
	    "DELETE FROM recent WHERE user = ?1 AND patient_id NOT IN (SELECT patient_id "
	    "FROM recent WHERE user = ?1 ORDER BY opened DESC LIMIT ?2)";
	enum status s = store_may(st, PERM_READ, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	struct strbuf after;
	sb_init(&after);
	sb_add(&after, "{\"what\":");
	json_quote(&after, what ? what : "record");
	sb_addc(&after, '}');
	s = store_audit(st, "view", "patients", patient_id, patient_id, NULL, sb_str(&after), e);
	sb_done(&after);
	sqlite3_stmt *q = s == ST_OK ? store_stmt(st, upsert, e) : NULL;
	if (q) {
		sqlite3_bind_text(q, 1, st->actor.login, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(q, 2, patient_id);
		sqlite3_bind_int64(q, 3, st->now);
		if (sqlite3_step(q) != SQLITE_DONE)
			s = store_fail(st, e, "recording a view");
	}
	sqlite3_stmt *r = s == ST_OK && q ? store_stmt(st, prune, e) : NULL;
	if (r) {
		sqlite3_bind_text(r, 1, st->actor.login, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(r, 2, RECENT_KEEP);
		if (sqlite3_step(r) != SQLITE_DONE)
			s = store_fail(st, e, "recording a view");
	}
	if (s != ST_OK || !q || !r) {
		store_rollback(st);
		return s != ST_OK ? s : ST_IO;
	}
	return store_commit(st, e);
}

int64_t store_patient_count(struct store *st)
{
	struct err e;
	sqlite3_stmt *s = store_stmt(st, "SELECT count(*) FROM patients", &e);
	int64_t n = 0;
	if (s && sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	if (s)
		sqlite3_reset(s);
	return n;
}

static enum status exported(struct store *st, const struct patient_hit *hits, int n,
			    const char *format, struct err *e)
{
	struct strbuf after;
	enum status s = store_may(st, PERM_READ, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	sb_init(&after);
	sb_add(&after, "{\"format\":");
	json_quote(&after, format);
	sb_add(&after, ",\"mrns\":[");
	for (int i = 0; i < n; i++) {
		if (i)
			sb_addc(&after, ',');
		json_quote(&after, hits[i].mrn);
	}
	sb_add(&after, "]}");
	s = store_audit(st, "export", "patients", 0, n == 1 ? hits[0].id : 0, NULL, sb_str(&after),
			e);
	sb_done(&after);
	if (s != ST_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, e);
}

/* A read that cannot be audited is refused as a read: nothing was shown
 * (not "nothing was saved", which a reader would not understand). */
static enum status read_refused(enum status s, struct err *e)
{
	if (s == ST_READONLY)
		err_set(e, ST_READONLY,
			"the database cannot be written (read-only file or folder), and every "
			"list or view of patients is recorded in its audit trail; nothing was "
			"shown");
	return s;
}

enum status store_patient_viewed(struct store *st, int64_t patient_id, const char *what,
				 struct err *e)
{
	return read_refused(viewed(st, patient_id, what, e), e);
}

enum status store_patient_exported(struct store *st, const struct patient_hit *hits, int n,
				   const char *format, struct err *e)
{
	return read_refused(exported(st, hits, n, format, e), e);
}
