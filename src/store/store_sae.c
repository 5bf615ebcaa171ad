/* store_sae.c: serious adverse events on their reporting clock — the event
 * with its reports owed, the open reports and a report made. */
#include "store_sae.h"

#include <string.h>

#include "store_followup.h"
#include "store_int.h"
#include "util.h"

#define SAE_COLS                                                                               \
	"r.id, r.ae_id, r.patient_id, p.mrn, a.term, a.grade, r.kind, r.aware_at, r.due_at, "  \
	"coalesce(r.reported_at, 0), coalesce(r.reported_to, ''), coalesce(r.reference, ''), " \
	"coalesce(r.reported_by, ''), r.version FROM sae_reports r "                           \
	"JOIN adverse_events a ON a.id = r.ae_id JOIN patients p ON p.id = r.patient_id"

enum status store_sae_insert_due(struct store *st, const struct ae *a, const struct sae_due *d,
				 struct err *e)
{
	static const char sql[] = "INSERT INTO sae_reports (ae_id, patient_id, kind, aware_at, "
				  "due_at, created) VALUES (?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, a->id);
	sqlite3_bind_int64(q, 2, a->patient_id);
	sqlite3_bind_text(q, 3, sae_kind_str(d->kind), -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 4, a->aware_at);
	sqlite3_bind_int64(q, 5, d->due_at);
	sqlite3_bind_int64(q, 6, st->now);
	return sqlite3_step(q) == SQLITE_DONE ? ST_OK
					      : store_fail(st, e, "saving the report's deadline");
}

static enum status sae_tx(struct store *st, struct ae *a, const struct sae_due *due, int n,
			  struct err *e)
{
	enum status s = store_ae_write(st, a, e);
	for (int i = 0; s == ST_OK && i < n; i++)
		s = store_sae_insert_due(st, a, &due[i], e);
	return s;
}

enum status store_sae_add(struct store *st, struct ae *a, const struct sae_due *due, int n,
			  struct err *e)
{
	enum status s = store_ae_checks(st, a, e);
	if (s == ST_OK && a->serious && n == 0)
		s = err_set(e, ST_INVALID,
			    "serious: a serious adverse event is recorded with its reporting "
			    "deadline");
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	return store_finish(st, sae_tx(st, a, due, n, e), e);
}

enum status store_ae_add(struct store *st, struct ae *a, struct err *e)
{
	return store_sae_add(st, a, NULL, 0, e);
}

static void read_report(sqlite3_stmt *q, struct sae_report *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(q, 0);
	r->ae_id = sqlite3_column_int64(q, 1);
	r->patient_id = sqlite3_column_int64(q, 2);
	store_col_text(q, 3, r->mrn, sizeof r->mrn);
	store_col_text(q, 4, r->term, sizeof r->term);
	r->grade = sqlite3_column_int(q, 5);
	const char *k = (const char *)sqlite3_column_text(q, 6);
	r->kind = k && strcmp(k, "susar") == 0 ? SAE_SUSAR : SAE_INITIAL;
	r->aware_at = sqlite3_column_int64(q, 7);
	r->due_at = sqlite3_column_int64(q, 8);
	r->reported_at = sqlite3_column_int64(q, 9);
	store_col_text(q, 10, r->reported_to, sizeof r->reported_to);
	store_col_text(q, 11, r->reference, sizeof r->reference);
	store_col_text(q, 12, r->reported_by, sizeof r->reported_by);
	r->version = sqlite3_column_int64(q, 13);
}

enum status store_sae_open(struct store *st, struct sae_report *out, int max, int *n, struct err *e)
{
	static const char sql[] =
	    "SELECT " SAE_COLS " WHERE r.reported_at IS NULL AND a.voided_at IS NULL "
	    "ORDER BY r.due_at, r.id LIMIT ?";
	*n = 0;
	enum status s = store_may(st, PERM_READ, e);
	sqlite3_stmt *q = s == ST_OK ? store_stmt(st, sql, e) : NULL;
	if (!q)
		return s == ST_OK ? ST_IO : s;
	sqlite3_bind_int(q, 1, max);
	int rc = SQLITE_DONE;
	while (*n < max && (rc = sqlite3_step(q)) == SQLITE_ROW)
		read_report(q, &out[(*n)++]);
	if (*n < max && rc != SQLITE_DONE) {
		sqlite3_reset(q);
		return store_fail(st, e, "reading the open reports");
	}
	sqlite3_reset(q);
	return ST_OK;
}

static enum status sae_get(struct store *st, int64_t id, struct sae_report *out, struct err *e)
{
	static const char sql[] = "SELECT " SAE_COLS " WHERE r.id = ?";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, id);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		read_report(q, out);
	sqlite3_reset(q);
	if (rc == SQLITE_DONE)
		return err_set(e, ST_NOT_FOUND,
			       "no serious adverse event report %lld (see hepadesk sae)",
			       (long long)id);
	return rc == SQLITE_ROW ? ST_OK : store_fail(st, e, "reading a report");
}

enum status store_sae_get(struct store *st, int64_t id, struct sae_report *out, struct err *e)
{
	enum status s = store_may(st, PERM_READ, e);
	return s == ST_OK ? sae_get(st, id, out, e) : s;
}

static enum status report_tx(struct store *st, struct sae_report *r, struct err *e)
{
	static const char sql[] = "UPDATE sae_reports SET reported_at = ?, reported_to = ?, "
				  "reference = ?, reported_by = ?, version = version + 1 "
				  "WHERE id = ? AND reported_at IS NULL";
	struct sae_report cur = {0};
	enum status s = sae_get(st, r->id, &cur, e);
	if (s != ST_OK)
		return s;
	if (cur.reported_at)
		return err_set(e, ST_CONFLICT,
			       "report %lld was recorded already by %s (to %s, reference %s); "
			       "nothing was saved",
			       (long long)r->id, cur.reported_by, cur.reported_to, cur.reference);
	cur.reported_at = r->reported_at;
	strlcpy_(cur.reported_to, r->reported_to, sizeof cur.reported_to);
	strlcpy_(cur.reference, r->reference, sizeof cur.reference);
	if ((s = sae_check_report(&cur, st->now, e)) != ST_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, cur.reported_at);
	sqlite3_bind_text(q, 2, cur.reported_to, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 3, cur.reference, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 4, st->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 5, r->id);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "recording the report");
	return sae_get(st, r->id, r, e);
}

enum status store_sae_report(struct store *st, struct sae_report *r, struct err *e)
{
	enum status s = store_may(st, PERM_RECORD, e);
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	return store_finish(st, report_tx(st, r, e), e);
}
