/* store_audit.c: the audit trail — triggers generated for every audited
 * table, the hash chain, appends from C, verification and listing. */
#include "store_int.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

/* Tables that hold no clinical record of their own and are not audited. */
static const char *const unaudited[] = {"audit", "audit_head", "meta", "drafts", "recent"};

static bool is_audited(const char *table)
{
	if (strncmp(table, "sqlite_", 7) == 0)
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(unaudited); i++)
		if (strcmp(table, unaudited[i]) == 0)
			return false;
	return true;
}

/* The row hash: SHA-256 over each field as type, length and bytes, so no two
 * different rows serialise the same. Fields: prev, ts, actor, action, tbl,
 * row_id, patient_id, before, after. */
void store_audit_hash(sqlite3_value **argv, int argc, char out[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();

	EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
	for (int i = 0; i < argc; i++) {
		int type = sqlite3_value_type(argv[i]);
		const unsigned char *t = sqlite3_value_text(argv[i]);
		unsigned int n = type == SQLITE_NULL ? 0 : (unsigned)sqlite3_value_bytes(argv[i]);
		unsigned char head[5] = {(unsigned char)type, (unsigned char)(n >> 24),
					 (unsigned char)(n >> 16), (unsigned char)(n >> 8),
					 (unsigned char)n};
		EVP_DigestUpdate(ctx, head, sizeof head);
		if (n)
			EVP_DigestUpdate(ctx, t, n);
	}
	EVP_DigestFinal_ex(ctx, md, &mdlen);
	EVP_MD_CTX_free(ctx);
	for (unsigned int i = 0; i < mdlen && i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
	out[64] = '\0';
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

static enum status install_one(struct store *st, const char *table, struct err *e)
{
	struct strbuf sql, oldj, newj;
	bool has_patient = false;
	enum status s;

	sb_init(&sql);
	sb_init(&oldj);
	sb_init(&newj);
	if ((s = columns_json(st, table, "OLD", &oldj, &has_patient, e)) != ST_OK ||
	    (s = columns_json(st, table, "NEW", &newj, &has_patient, e)) != ST_OK)
		goto out;
	for (size_t k = 0; k < ARRAY_SIZE(trigger_kinds); k++) {
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
		sb_addf(&sql,
			"DROP TRIGGER IF EXISTS audit_%s_%s;\n"
			"CREATE TRIGGER audit_%s_%s AFTER %s ON %s WHEN hd_audit_on() BEGIN\n"
			" INSERT INTO audit (ts, actor, action, tbl, row_id, patient_id, before, "
			"after, prev, hash)\n"
			" SELECT ts, actor, '%s', '%s', rid, pid, b, a, p, "
			"hd_hash(p, ts, actor, '%s', '%s', rid, pid, b, a)\n"
			" FROM (SELECT hd_now() AS ts, hd_actor() AS actor, %s.id AS rid, %s AS pid,"
			" %s AS b, %s AS a,"
			" coalesce((SELECT hash FROM audit_head WHERE id = 1), '') AS p);\n"
			"END;\n",
			table, t[0], table, t[0], t[1], table, t[2], table, t[2], table, rec, pid,
			before, after);
	}
	s = store_exec(st, sb_str(&sql), e);
out:
	sb_done(&sql);
	sb_done(&oldj);
	sb_done(&newj);
	return s;
}

enum status store_audit_install(struct store *st, struct err *e)
{
	sqlite3_stmt *s;
	enum status rc = ST_OK;
	char names[64][64];
	int n = 0;

	if (sqlite3_prepare_v2(st->db,
			       "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
			       -1, &s, NULL))
		return store_fail(st, e, "reading the schema");
	while (sqlite3_step(s) == SQLITE_ROW && n < 64) {
		const char *t = (const char *)sqlite3_column_text(s, 0);
		if (is_audited(t))
			strlcpy_(names[n++], t, sizeof names[0]);
	}
	sqlite3_finalize(s);
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
