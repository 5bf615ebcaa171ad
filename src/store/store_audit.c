/* store_audit.c: the audit trail — triggers generated for every audited
 * table, the hash chain, appends from C, verification and listing. */
#include "store_int.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "util.h"

/* Tables that hold no clinical record of their own and are not audited. */
static const char *const unaudited[] = {"audit",  "audit_head",	 "meta",	   "drafts",
					"recent", "lookup_keys", "signoff_pending"};

static bool is_audited(const char *table)
{
	if (strncmp(table, "sqlite_", 7) == 0)
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(unaudited); i++)
		if (strcmp(table, unaudited[i]) == 0)
			return false;
	return true;
}

/* json_object('c1', X.c1, ...) for a table's columns. */
static enum status columns_json(struct store *st, const char *table, const char *rec,
				struct strbuf *sb, bool *has_patient, struct err *e)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "SELECT name FROM pragma_table_info(?)", -1, &s, NULL))
		return store_fail(st, e, "reading the schema");
	sqlite3_bind_text(s, 1, table, -1, SQLITE_TRANSIENT);
	sb_add(sb, "json_object(");
	for (int i = 0; sqlite3_step(s) == SQLITE_ROW; i++) {
		const char *c = (const char *)sqlite3_column_text(s, 0);
		if (strcmp(c, "patient_id") == 0)
			*has_patient = true;
		sb_addf(sb, "%s'%s', %s.\"%s\"", i ? ", " : "", c, rec, c);
	}
	sb_add(sb, ")");
	sqlite3_finalize(s);
	return ST_OK;
}

static const char *const trigger_kinds[][4] = {
    /* suffix, event, action, which record(s) */
    {"ins", "INSERT", "create", "NEW"},
    {"upd", "UPDATE", "update", "NEW"},
    {"del", "DELETE", "delete", "OLD"},
};

/* The CREATE TRIGGER statement of one kind (k of trigger_kinds) for table,
 * as sqlite_schema keeps it: installed by store_audit_install and compared
 * by verify, so a trigger dropped or replaced from outside is found. */
static enum status trigger_sql(struct store *st, const char *table, size_t k, struct strbuf *out,
			       struct err *e)
{
	struct strbuf oldj, newj;
	bool has_patient = false;
	enum status s;

	sb_init(&oldj);
	sb_init(&newj);
	if ((s = columns_json(st, table, "OLD", &oldj, &has_patient, e)) != ST_OK ||
	    (s = columns_json(st, table, "NEW", &newj, &has_patient, e)) != ST_OK)
		goto out;
	const char *const *t = trigger_kinds[k];
	const char *rec = t[3];
	char pid[64];
	if (strcmp(table, "patients") == 0)
		snprintf(pid, sizeof pid, "%s.id", rec);
	else if (has_patient)
		snprintf(pid, sizeof pid, "%s.patient_id", rec);
	else
		strlcpy_(pid, "NULL", sizeof pid);
	const char *before = k == 0 ? "NULL" : sb_str(&oldj);
	const char *after = k == 2 ? "NULL" : sb_str(&newj);
	sb_addf(out,
		"CREATE TRIGGER audit_%s_%s AFTER %s ON %s WHEN hd_audit_on() BEGIN\n"
		" INSERT INTO audit (ts, actor, action, tbl, row_id, patient_id, before, "
		"after, prev, hash)\n"
		" SELECT ts, actor, '%s', '%s', rid, pid, b, a, p, "
		"hd_hash(p, ts, actor, '%s', '%s', rid, pid, b, a)\n"
		" FROM (SELECT hd_now() AS ts, hd_actor() AS actor, %s.id AS rid, %s AS pid,"
		" %s AS b, %s AS a,"
		" coalesce((SELECT hash FROM audit_head WHERE id = 1), '') AS p);\n"
		"END",
		table, t[0], t[1], table, t[2], table, t[2], table, rec, pid, before, after);
out:
	sb_done(&oldj);
	sb_done(&newj);
	return s;
}

static enum status install_one(struct store *st, const char *table, struct err *e)
{
	struct strbuf sql;
	enum status s = ST_OK;

	sb_init(&sql);
	for (size_t k = 0; k < ARRAY_SIZE(trigger_kinds) && s == ST_OK; k++) {
		sb_addf(&sql, "DROP TRIGGER IF EXISTS audit_%s_%s;\n", table, trigger_kinds[k][0]);
		s = trigger_sql(st, table, k, &sql, e);
		sb_add(&sql, ";\n");
	}
	if (s == ST_OK)
		s = store_exec(st, sb_str(&sql), e);
	sb_done(&sql);
	return s;
}

/* The audited tables' names into names (at most 64). */
static enum status audited_tables(struct store *st, char names[64][64], int *n, struct err *e)
{
	sqlite3_stmt *s;
	*n = 0;
	if (sqlite3_prepare_v2(st->db,
			       "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
			       -1, &s, NULL))
		return store_fail(st, e, "reading the schema");
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(s, 0);
		if (!is_audited(t))
			continue;
		/* A table left unaudited must stop the migration, not pass. */
		if (*n == 64 || strlen(t) >= 64) {
			sqlite3_finalize(s);
			return err_set(e, ST_IO, "cannot audit table %s: too many or too long", t);
		}
		strlcpy_(names[(*n)++], t, 64);
	}
	sqlite3_finalize(s);
	if (step != SQLITE_DONE)
		return store_fail(st, e, "reading the schema");
	return ST_OK;
}

enum status store_audit_install(struct store *st, struct err *e)
{
	char names[64][64];
	int n;
	enum status rc = audited_tables(st, names, &n, e);
	for (int i = 0; i < n && rc == ST_OK; i++)
		rc = install_one(st, names[i], e);
	return rc;
}

enum status store_audit(struct store *st, const char *action, const char *tbl, int64_t row_id,
			int64_t patient_id, const char *before, const char *after, struct err *e)
{
	static const char sql[] =
	    "INSERT INTO audit (ts, actor, action, tbl, row_id, patient_id, before, after, "
	    "prev, hash) "
	    "SELECT ts, actor, ?1, ?2, ?3, ?4, ?5, ?6, p, hd_hash(p, ts, actor, ?1, ?2, ?3, ?4, "
	    "?5, ?6) FROM (SELECT hd_now() AS ts, hd_actor() AS actor, "
	    "coalesce((SELECT hash FROM audit_head WHERE id = 1), '') AS p)";
	sqlite3_stmt *s = store_stmt(st, sql, e);
	if (!s)
		return ST_IO;
	sqlite3_bind_text(s, 1, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, tbl, -1, SQLITE_STATIC);
	if (row_id)
		sqlite3_bind_int64(s, 3, row_id);
	if (patient_id)
		sqlite3_bind_int64(s, 4, patient_id);
	store_bind_text(s, 5, before);
	store_bind_text(s, 6, after);
	if (sqlite3_step(s) != SQLITE_DONE)
		return store_fail(st, e, "writing the audit trail");
	return ST_OK;
}

/* --- listing --- */

/* The listing merges the audit trail (clinical changes) and the access
 * trail (views and exports, store_access.c), newest first: each half takes
 * its newest LIMIT rows along its own index, then the merge keeps LIMIT. */
#define AUDIT_COLS(trail, schema)                                                       \
	"SELECT a.seq, a.ts, a.actor, a.action, a.tbl, a.row_id, a.patient_id, p.mrn, " \
	"a.before, a.after, " trail " AS trail FROM " schema ".audit a "
#define AUDIT_JOIN " LEFT JOIN main.patients p ON p.id = a.patient_id "
#define AUDIT_HALF " AND a.ts >= ?2 ORDER BY a.seq DESC LIMIT ?5"
#define AUDIT_MERGE(main_half, access_half)                                        \
	"SELECT * FROM (" main_half ") UNION ALL SELECT * FROM (" access_half ") " \
	"ORDER BY 2 DESC, 11 DESC, 1 DESC LIMIT ?5"

/* Log the reading, committed before anything is listed; *seq receives the
 * log row's seq so the listing stops before it. */
static enum status log_reading(struct store *st, const struct audit_filter *f, int64_t *seq,
			       struct err *e)
{
	struct json j;
	json_init(&j, false);
	json_obj_begin(&j, NULL);
	json_string(&j, "what", "audit");
	if (f->actor)
		json_string(&j, "user", f->actor);
	if (f->since)
		json_int(&j, "since", f->since);
	if (f->limit > 0)
		json_int(&j, "limit", f->limit);
	json_obj_end(&j);
	enum status s = store_access_log(st, f->export ? "export" : "view", "audit", 0,
					 f->patient_id, json_str(&j), 0, seq, e);
	json_done(&j);
	return s;
}

static void read_row(sqlite3_stmt *q, struct audit_row *r)
{
	memset(r, 0, sizeof *r);
	r->seq = sqlite3_column_int64(q, 0);
	r->ts = sqlite3_column_int64(q, 1);
	store_col_text(q, 2, r->actor, sizeof r->actor);
	store_col_text(q, 3, r->action, sizeof r->action);
	store_col_text(q, 4, r->tbl, sizeof r->tbl);
	r->row_id = sqlite3_column_int64(q, 5);
	r->patient_id = sqlite3_column_int64(q, 6);
	store_col_text(q, 7, r->mrn, sizeof r->mrn);
	r->before = (const char *)sqlite3_column_text(q, 8);
	r->after = (const char *)sqlite3_column_text(q, 9);
	r->access = sqlite3_column_int(q, 10) != 0;
}

/* The query for a filter: by patient, by user, or all, each newest first
 * along its index; the access trail stops before the reading's own row
 * (?1). */
static const char *listing_sql(const struct audit_filter *f)
{
#define BY_PATIENT(trail, schema, upto)                                           \
	AUDIT_COLS(trail, schema)                                                 \
	"INDEXED BY audit_patient" AUDIT_JOIN "WHERE a.patient_id = ?3 AND " upto \
	" AND (?4 IS NULL OR a.actor = ?4)" AUDIT_HALF
#define BY_ACTOR(trail, schema, upto)                                      \
	AUDIT_COLS(trail, schema)                                          \
	"INDEXED BY audit_actor" AUDIT_JOIN "WHERE a.actor = ?4 AND " upto \
	" AND ?3 IS NULL" AUDIT_HALF
#define ALL(trail, schema, upto)  \
	AUDIT_COLS(trail, schema) \
	AUDIT_JOIN "WHERE " upto " AND ?3 IS NULL AND ?4 IS NULL" AUDIT_HALF
	static const char by_patient[] = AUDIT_MERGE(BY_PATIENT("0", "main", "?1 = ?1"),
						     BY_PATIENT("1", "access", "a.seq < ?1"));
	static const char by_actor[] =
	    AUDIT_MERGE(BY_ACTOR("0", "main", "?1 = ?1"), BY_ACTOR("1", "access", "a.seq < ?1"));
	static const char all[] =
	    AUDIT_MERGE(ALL("0", "main", "?1 = ?1"), ALL("1", "access", "a.seq < ?1"));
#undef BY_PATIENT
#undef BY_ACTOR
#undef ALL
	if (f->patient_id)
		return by_patient;
	return f->actor ? by_actor : all;
}

enum status store_audit_each(struct store *st, const struct audit_filter *f,
			     void (*fn)(const struct audit_row *, void *), void *arg, struct err *e)
{
	int64_t upto = 0;
	enum status s = store_may(st, PERM_AUDIT, e);
	if (s != ST_OK || (s = log_reading(st, f, &upto, e)) != ST_OK)
		return s;
	store_release(st);
	if ((s = store_access_use(st, e)) != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, listing_sql(f), e);
	if (!q) {
		store_access_done(st);
		return ST_IO;
	}
	sqlite3_bind_int64(q, 1, upto);
	sqlite3_bind_int64(q, 2, f->since);
	if (f->patient_id)
		sqlite3_bind_int64(q, 3, f->patient_id);
	if (f->actor)
		sqlite3_bind_text(q, 4, f->actor, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 5, f->limit > 0 ? f->limit : -1);
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct audit_row r;
		read_row(q, &r);
		fn(&r, arg);
	}
	s = rc == SQLITE_DONE ? ST_OK : store_fail(st, e, "reading the audit trail");
	sqlite3_reset(q);
	store_access_done(st);
	return s;
}

/* --- verification --- */

static void problem(struct audit_verify *v, int64_t seq, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void problem(struct audit_verify *v, int64_t seq, const char *fmt, ...)
{
	if (v->nproblems < AUDIT_VERIFY_KEEP) {
		struct audit_problem *p = &v->problems[v->nproblems];
		va_list ap;
		va_start(ap, fmt);
		p->seq = seq;
		vsnprintf(p->what, sizeof p->what, fmt, ap);
		va_end(ap);
	}
	v->nproblems++;
}

/* One row against its contents and its predecessor (last, with hash expect;
 * none before the first row walked). */
static void check_link(struct audit_verify *v, int64_t seq, const char *prev, const char *hash,
		       const char *calc, int64_t last, const char *expect)
{
	bool first = v->rows == 0;
	if (strcmp(calc, hash) != 0)
		problem(v, seq, "seq %lld: its contents do not match its hash (the row was edited)",
			(long long)seq);
	if (strcmp(prev, expect) == 0)
		return;
	if (first)
		problem(v, seq,
			"seq %lld: the first row does not start the chain (rows before it "
			"were deleted, or it was inserted)",
			(long long)seq);
	else if (seq == last + 2)
		problem(v, seq,
			"seq %lld: does not follow seq %lld — seq %lld is missing (deleted)",
			(long long)seq, (long long)last, (long long)last + 1);
	else if (seq != last + 1)
		problem(v, seq,
			"seq %lld: does not follow seq %lld — seq %lld-%lld are missing "
			"(deleted)",
			(long long)seq, (long long)last, (long long)last + 1, (long long)seq - 1);
	else
		problem(v, seq,
			"seq %lld: its prev is not the hash of seq %lld (a row was deleted "
			"or inserted before it)",
			(long long)seq, (long long)last);
}

#define WALK_SQL(schema)                                                                     \
	"SELECT seq, prev, hash, hd_hash(prev, ts, actor, action, tbl, row_id, patient_id, " \
	"before, after) FROM " schema ".audit ORDER BY seq"
#define HEAD_SQL(schema) "SELECT seq, hash FROM " schema ".audit_head WHERE id = 1"
#define HASH_AT_SQL(schema) "SELECT hash FROM " schema ".audit WHERE seq = ?1"

/* One trail's queries: the audit trail's, or the access trail's. */
struct trail {
	const char *walk, *head, *hash_at;
};
static const struct trail main_trail = {WALK_SQL("main"), HEAD_SQL("main"), HASH_AT_SQL("main")};
static const struct trail access_trail = {WALK_SQL("access"), HEAD_SQL("access"),
					  HASH_AT_SQL("access")};

static enum status walk_chain(struct store *st, const struct trail *t, struct audit_verify *v,
			      char last_hash[65], struct err *e)
{
	sqlite3_stmt *q = store_stmt(st, t->walk, e);
	if (!q)
		return ST_IO;
	char expect[65] = "";
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		int64_t seq = sqlite3_column_int64(q, 0);
		char prev[80], hash[80], calc[80];
		store_col_text(q, 1, prev, sizeof prev);
		store_col_text(q, 2, hash, sizeof hash);
		store_col_text(q, 3, calc, sizeof calc);
		check_link(v, seq, prev, hash, calc, v->last_seq, expect);
		strlcpy_(expect, hash, sizeof expect);
		v->last_seq = seq;
		v->rows++;
	}
	sqlite3_reset(q);
	strlcpy_(last_hash, expect, 65);
	return rc == SQLITE_DONE ? ST_OK : store_fail(st, e, "reading the audit trail");
}

static enum status check_head(struct store *st, const struct trail *t, struct audit_verify *v,
			      const char *last_hash, struct err *e)
{
	sqlite3_stmt *q = store_stmt(st, t->head, e);
	if (!q)
		return ST_IO;
	int rc = sqlite3_step(q);
	if (rc == SQLITE_DONE && v->rows > 0)
		problem(v, 0, "the head is missing: audit_head was emptied");
	if (rc == SQLITE_ROW) {
		int64_t seq = sqlite3_column_int64(q, 0);
		const char *hash = (const char *)sqlite3_column_text(q, 1);
		if (seq != v->last_seq)
			problem(v, seq,
				"the head names seq %lld but the trail ends at seq %lld (the "
				"newest rows were deleted)",
				(long long)seq, (long long)v->last_seq);
		else if (!hash || strcmp(hash, last_hash) != 0)
			problem(v, seq, "the head's hash is not the hash of seq %lld",
				(long long)seq);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_fail(st, e, "reading the audit head");
	return ST_OK;
}

/* Every audit trigger is there and is the program's own: one dropped (the
 * program's later writes would go unaudited) or replaced is a problem. */
static enum status check_triggers(struct store *st, struct audit_verify *v, struct err *e)
{
	static const char *const guards[] = {"audit_no_update", "audit_no_delete",
					     "audit_head_track", "audit_head_follows",
					     "audit_head_kept"};
	char names[64][64];
	int n;
	enum status s = audited_tables(st, names, &n, e);
	sqlite3_stmt *q = s == ST_OK ? store_stmt(st,
						  "SELECT sql FROM sqlite_schema WHERE "
						  "type = 'trigger' AND name = ?1",
						  e)
				     : NULL;
	if (!q)
		return s == ST_OK ? ST_IO : s;
	for (int i = 0; i < n + 1 && s == ST_OK; i++) {
		size_t kinds = i < n ? ARRAY_SIZE(trigger_kinds) : ARRAY_SIZE(guards);
		for (size_t k = 0; k < kinds && s == ST_OK; k++) {
			char name[100];
			struct strbuf want;
			sb_init(&want);
			if (i < n) {
				snprintf(name, sizeof name, "audit_%s_%s", names[i],
					 trigger_kinds[k][0]);
				s = trigger_sql(st, names[i], k, &want, e);
			} else {
				strlcpy_(name, guards[k], sizeof name);
			}
			sqlite3_bind_text(q, 1, name, -1, SQLITE_TRANSIENT);
			int rc = sqlite3_step(q);
			if (rc == SQLITE_DONE)
				problem(v, 0,
					"audit trigger %s is missing: writes to %s go unaudited "
					"(the schema was changed outside hepadesk)",
					name, i < n ? names[i] : "the audit trail");
			else if (rc == SQLITE_ROW && i < n && s == ST_OK &&
				 strcmp((const char *)sqlite3_column_text(q, 0), sb_str(&want)) !=
				     0)
				problem(v, 0,
					"audit trigger %s is not hepadesk's (it was replaced "
					"outside hepadesk)",
					name);
			else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
				s = store_fail(st, e, "reading the schema");
			sqlite3_reset(q);
			sb_done(&want);
		}
	}
	return s;
}

/* The witness lines (read before the snapshot, so each names a committed
 * row) against the trail: a witnessed seq gone, or with another hash, is
 * found however the database itself was made consistent again. */
static enum status check_witness(struct store *st, const struct trail *t, const char *path,
				 struct audit_verify *v, const struct witness_line *w, int nw,
				 bool present, struct err *e)
{
	if (!present && v->rows > 0)
		problem(v, 0,
			"the witness file %s is missing: the chain head cannot be checked against "
			"it",
			path);
	sqlite3_stmt *q = store_stmt(st, t->hash_at, e);
	if (!q)
		return ST_IO;
	for (int i = 0; i < nw; i++) {
		if (!w[i].genuine) {
			problem(v, 0,
				"witness line %d was not written by hepadesk (its MAC "
				"does not match the key)",
				w[i].number);
			continue;
		}
		if (w[i].seq == 0)
			continue;
		sqlite3_bind_int64(q, 1, w[i].seq);
		int rc = sqlite3_step(q);
		if (rc == SQLITE_DONE && w[i].seq > v->last_seq)
			problem(v, w[i].seq,
				"the witness (line %d) saw the trail reach seq %lld, but it ends "
				"at seq %lld: the newest rows were removed",
				w[i].number, (long long)w[i].seq, (long long)v->last_seq);
		else if (rc == SQLITE_DONE)
			problem(v, w[i].seq, "seq %lld, witnessed (line %d), is missing",
				(long long)w[i].seq, w[i].number);
		else if (rc == SQLITE_ROW &&
			 strcmp((const char *)sqlite3_column_text(q, 0), w[i].hash) != 0)
			problem(v, w[i].seq,
				"seq %lld is not the row the witness saw (line %d): the history "
				"was rewritten",
				(long long)w[i].seq, w[i].number);
		sqlite3_reset(q);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return store_fail(st, e, "reading the audit trail");
	}
	return ST_OK;
}

/* The access trail's guards: append-only rows and a head that follows. */
static void access_guards(struct store *st, struct audit_verify *v)
{
	static const char *const guards[] = {"audit_no_update", "audit_no_delete",
					     "audit_head_track", "audit_head_follows",
					     "audit_head_kept"};
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(st->db,
			       "SELECT 1 FROM access.sqlite_schema WHERE type = 'trigger' AND "
			       "name = ?1",
			       -1, &q, NULL) != SQLITE_OK)
		return;
	for (size_t k = 0; k < ARRAY_SIZE(guards); k++) {
		sqlite3_bind_text(q, 1, guards[k], -1, SQLITE_STATIC);
		if (sqlite3_step(q) != SQLITE_ROW)
			problem(v, 0,
				"trigger %s is missing: its rows can be changed (the schema was "
				"changed outside hepadesk)",
				guards[k]);
		sqlite3_reset(q);
	}
	sqlite3_finalize(q);
}

/* The access trail (store_access.c) checked like the audit trail: chain,
 * head, its own witness, its guards; problems named "access trail: ...".
 * A trail that is gone while its witness saw rows is a problem too. */
static enum status verify_access(struct store *st, struct audit_verify *out, struct err *e)
{
	char path[PATH_MAX + 16], last_hash[65];
	struct witness_line *w = NULL;
	int nw = 0;
	bool present = false;
	store_access_witness_path(st, path, sizeof path);
	enum status s = store_witness_read_file(st, path, &w, &nw, &present, e);
	if (s != ST_OK)
		return s;
	struct audit_verify *v = xcalloc(1, sizeof *v);
	out->access_present = st->have_access;
	if (!st->have_access) {
		if (nw > 0)
			problem(v, 0,
				"%s.access is missing, but its witness saw the trail reach seq "
				"%lld (the trail was removed)",
				st->path, (long long)w[nw - 1].seq);
	} else {
		s = walk_chain(st, &access_trail, v, last_hash, e);
		if (s == ST_OK)
			s = check_head(st, &access_trail, v, last_hash, e);
		if (s == ST_OK)
			s = check_witness(st, &access_trail, path, v, w, nw, present, e);
		if (s == ST_OK)
			access_guards(st, v);
	}
	out->access_rows = v->rows;
	out->access_last_seq = v->last_seq;
	for (int i = 0; i < v->nproblems && i < AUDIT_VERIFY_KEEP; i++)
		problem(out, v->problems[i].seq, "access trail: %s", v->problems[i].what);
	out->nproblems += v->nproblems > AUDIT_VERIFY_KEEP ? v->nproblems - AUDIT_VERIFY_KEEP : 0;
	free(v);
	free(w);
	return s;
}

enum status store_audit_verify(struct store *st, struct audit_verify *out, struct err *e)
{
	char last_hash[65], key[PATH_MAX + 8], wpath[PATH_MAX + 16];
	struct witness_line *w = NULL;
	int nw = 0;
	bool present = false;
	memset(out, 0, sizeof *out);
	enum status s = store_may(st, PERM_AUDIT, e);
	if (s != ST_OK)
		return s;
	store_key_path(st, key, sizeof key);
	if (!st->have_key)
		return err_set(e, ST_CORRUPT,
			       "the audit key %s is missing: the trail cannot be checked (copy "
			       "the key with the database)",
			       key);
	/* This session's own writes are witnessed first, like at its end. */
	store_witness(st);
	store_witness_path(st, wpath, sizeof wpath);
	if ((s = store_witness_read(st, &w, &nw, &present, e)) != ST_OK)
		return s;
	/* One read snapshot for the walk, the head and the witness: writers
	 * may go on. The access trail is attached first (outside it). */
	if (st->have_access && (s = store_access_use(st, e)) != ST_OK)
		goto out;
	bool own = sqlite3_get_autocommit(st->db);
	if (own)
		store_release(st);
	if (own && (s = store_exec(st, "BEGIN", e)) != ST_OK)
		goto out;
	s = walk_chain(st, &main_trail, out, last_hash, e);
	if (s == ST_OK)
		s = check_head(st, &main_trail, out, last_hash, e);
	if (s == ST_OK)
		s = check_witness(st, &main_trail, wpath, out, w, nw, present, e);
	if (s == ST_OK)
		s = check_triggers(st, out, e);
	if (s == ST_OK)
		s = verify_access(st, out, e);
	if (own) {
		store_release(st);
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	}
out:
	store_access_done(st);
	free(w);
	return s;
}

enum status store_integrity_check(struct store *st, void (*fn)(const char *problem, void *),
				  void *arg, int *nproblems, struct err *e)
{
	sqlite3_stmt *q;
	*nproblems = 0;
	if (sqlite3_prepare_v2(st->db, "PRAGMA integrity_check", -1, &q, NULL) != SQLITE_OK)
		return store_fail(st, e, "checking the database");
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(q, 0);
		if (t && strcmp(t, "ok") == 0)
			continue;
		(*nproblems)++;
		if (fn)
			fn(t ? t : "", arg);
	}
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE)
		return store_fail(st, e, "checking the database");
	return ST_OK;
}
