/* store_report.c: the cohort report's reads — the treated patients through
 * one cursor inside one read snapshot, and each one's infusions, visit
 * weeks, labs and questionnaire scores (store_report.h). */
#include "store_report.h"
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "store_snapshot.h"
#include "util.h"

/* One row per treated patient from the infusions_report index alone
 * (patient_id, date, ...): the first infusion is min(date). */
#define TREATED_SQL                                                                               \
	"SELECT patient_id, min(date) AS first FROM infusions GROUP BY patient_id HAVING (?1 IS " \
	"NULL OR first >= ?1) AND (?2 IS NULL OR first <= ?2)"

struct store_report_cursor {
	struct store *st;
	sqlite3_stmt *q;
};

static void bind_days(sqlite3_stmt *q, day_t from, day_t to)
{
	if (from != DAY_NONE)
		store_bind_day(q, 1, from);
	if (to != DAY_NONE)
		store_bind_day(q, 2, to);
}

enum status store_report_open(struct store *st, day_t from, day_t to,
			      struct store_report_cursor **out, struct err *e)
{
	static const char sql[] = TREATED_SQL " ORDER BY patient_id";
	*out = NULL;
	enum status s = store_may(st, PERM_READ, e);
	if (s != ST_OK)
		return s;
	if ((s = store_snapshot_begin(st, e)) != ST_OK)
		return s;
	/* Not a cached statement: the callers' reads use the cache while
	 * this cursor stays on its row. */
	struct store_report_cursor *c = xcalloc(1, sizeof *c);
	c->st = st;
	if (sqlite3_prepare_v2(st->db, sql, -1, &c->q, NULL) != SQLITE_OK) {
		s = store_fail(st, e, "reading the treated patients");
		store_report_close(c);
		return s;
	}
	bind_days(c->q, from, to);
	*out = c;
	return ST_OK;
}

enum status store_report_next(struct store_report_cursor *c, int64_t *patient_id, bool *done,
			      struct err *e)
{
	int rc = sqlite3_step(c->q);
	*done = rc != SQLITE_ROW;
	*patient_id = *done ? 0 : sqlite3_column_int64(c->q, 0);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return ST_OK;
	return store_fail(c->st, e, "reading the treated patients");
}

enum status store_report_count(struct store_report_cursor *c, day_t from, day_t to, int *n,
			       struct err *e)
{
	/* Counted by the same grouping as the cursor, from the same index
	 * and in the same snapshot: the number the cursor will walk. */
	static const char sql[] = "SELECT count(*) FROM (" TREATED_SQL ")";
	*n = 0;
	sqlite3_stmt *q = store_stmt(c->st, sql, e);
	if (!q)
		return ST_IO;
	bind_days(q, from, to);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		*n = sqlite3_column_int(q, 0);
		rc = sqlite3_step(q);
	}
	return store_rows_end(c->st, q, rc, "counting the treated patients", e);
}

void store_report_close(struct store_report_cursor *c)
{
	if (!c)
		return;
	sqlite3_finalize(c->q);
	store_snapshot_end(c->st);
	free(c);
}

enum status store_report_each(struct store *st, day_t from, day_t to, store_report_fn fn, void *ctx,
			      struct err *e)
{
	struct store_report_cursor *c = NULL;
	enum status s = store_report_open(st, from, to, &c, e);
	bool done = false;
	while (s == ST_OK && c && !done) {
		int64_t id = 0;
		s = store_report_next(c, &id, &done, e);
		if (s == ST_OK && !done)
			s = fn(ctx, st, id, e);
	}
	store_report_close(c);
	return s;
}

enum status store_report_infusions(struct store *st, int64_t patient_id,
				   struct report_infusion *out, int max, int *n, struct err *e)
{
	static const char sql[] =
	    "SELECT i.date, i.route, l.type FROM infusions i LEFT JOIN product_lots l ON l.lot = "
	    "i.lot COLLATE NOCASE AND l.voided = 0 WHERE i.patient_id = ?1 ORDER BY i.date, i.id";
	*n = 0;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, patient_id);
	int rc = SQLITE_DONE;
	char buf[24];
	while (*n < max && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct report_infusion *x = &out[*n];
		memset(x, 0, sizeof *x);
		x->date = store_col_day(q, 0);
		store_col_text(q, 1, buf, sizeof buf);
		if (!plan_route_parse(buf, &x->route))
			continue;
		store_col_text(q, 2, buf, sizeof buf);
		x->have_type = product_type_parse(buf, &x->type);
		(*n)++;
	}
	return store_rows_end(st, q, rc, "reading infusions", e);
}

static bool parse_state(const char *s, enum sched_state *out)
{
	for (int i = SCHED_OPEN; i <= SCHED_CANCELLED; i++)
		if (strcmp(s, sched_state_str((enum sched_state)i)) == 0) {
			*out = (enum sched_state)i;
			return true;
		}
	return false;
}

enum status store_report_visits(struct store *st, int64_t patient_id, struct report_visit *out,
				int max, int *n, struct err *e)
{
	static const char sql[] =
	    "SELECT s.label, s.due_date, s.window_before, s.window_after, s.state, v.date FROM "
	    "schedule s LEFT JOIN visits v ON v.schedule_id = s.id AND v.state = 'done' WHERE "
	    "s.patient_id = ?1 AND s.kind = 'visit' ORDER BY s.due_date, s.id";
	*n = 0;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, patient_id);
	int rc = SQLITE_DONE;
	char label[SCHEDULE_LABEL_MAX + 1], state[16];
	while (*n < max && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct report_visit *v = &out[*n];
		char *end = NULL;
		store_col_text(q, 0, label, sizeof label);
		store_col_text(q, 4, state, sizeof state);
		long week = label[0] == 'W' && label[1] >= '0' && label[1] <= '9'
				? strtol(label + 1, &end, 10)
				: -1;
		if (week < 0 || week > 10000 || !end || *end || !parse_state(state, &v->state))
			continue;
		v->week = (int)week;
		v->due = store_col_day(q, 1);
		v->window_before = sqlite3_column_int(q, 2);
		v->window_after = sqlite3_column_int(q, 3);
		v->done_on = store_col_day(q, 5);
		(*n)++;
	}
	return store_rows_end(st, q, rc, "reading the schedule", e);
}

enum status store_report_labs(struct store *st, int64_t patient_id, const bool want[ANALYTE_COUNT],
			      struct dash_point (*lab)[DASH_SERIES_MAX], int nlab[ANALYTE_COUNT],
			      struct err *e)
{
	/* Newest first per analyte (as store_dash_labs), reversed below; every
	 * key descending, so labs_patient is walked backwards with no sort. All
	 * the patient's analytes are read and the unwanted skipped here: an
	 * analyte list in the statement cost a temporary table per patient,
	 * more than the few rows of other analytes. */
	static const char sql[] =
	    "SELECT analyte, date, canonical, created, visit_id IS NOT NULL FROM labs WHERE "
	    "patient_id = ?1 AND voided_at IS NULL ORDER BY analyte DESC, date DESC, id DESC";
	memset(nlab, 0, ANALYTE_COUNT * sizeof *nlab);
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, patient_id);
	int rc = SQLITE_DONE;
	char key[32], prev[32] = "";
	enum analyte_id a = 0;
	bool known = false;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		store_col_text(q, 0, key, sizeof key);
		/* The rows come analyte by analyte: look the key up when it
		 * changes. */
		if (strcmp(key, prev) != 0) {
			known = analyte_from_key(key, &a);
			memcpy(prev, key, sizeof prev);
		}
		if (!known || !want[a] || nlab[a] >= DASH_SERIES_MAX)
			continue;
		struct dash_point *p = &lab[a][nlab[a]];
		memset(p, 0, sizeof *p);
		p->date = store_col_day(q, 1);
		p->value = sqlite3_column_double(q, 2);
		p->entered = sqlite3_column_int64(q, 3);
		p->followup = sqlite3_column_int(q, 4) != 0;
		if (p->date != DAY_NONE)
			nlab[a]++;
	}
	for (int i = 0; i < ANALYTE_COUNT; i++)
		for (int x = 0, y = nlab[i] - 1; x < y; x++, y--) {
			struct dash_point t = lab[i][x];
			lab[i][x] = lab[i][y];
			lab[i][y] = t;
		}
	return store_rows_end(st, q, rc, "reading labs", e);
}

enum status store_report_qol(struct store *st, int64_t patient_id, struct report_qol *out, int max,
			     int *n, struct err *e)
{
	static const char sql[] =
	    "SELECT i.code, s.domain, r.date, s.score FROM qol_responses r JOIN instruments i ON "
	    "i.id = r.instrument_id JOIN qol_scores s ON s.response_id = r.id WHERE r.patient_id "
	    "= ?1 AND r.void_reason IS NULL AND s.score IS NOT NULL ORDER BY r.date, r.id, s.id "
	    "LIMIT ?2";
	*n = 0;
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, patient_id);
	sqlite3_bind_int(q, 2, max);
	int rc = SQLITE_DONE;
	while (*n < max && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct report_qol *x = &out[*n];
		store_col_text(q, 0, x->code, sizeof x->code);
		store_col_text(q, 1, x->domain, sizeof x->domain);
		x->date = store_col_day(q, 2);
		x->score = sqlite3_column_double(q, 3);
		if (x->date != DAY_NONE)
			(*n)++;
	}
	return store_rows_end(st, q, rc, "reading questionnaires", e);
}

static void json_day(struct strbuf *sb, const char *key, day_t d)
{
	char b[16];
	sb_addf(sb, ",\"%s\":", key);
	if (d == DAY_NONE)
		sb_add(sb, "null");
	else
		json_quote(sb, date_format(d, b));
}

enum status store_report_logged(struct store *st, const struct report_filter *f, int patients,
				struct err *e)
{
	enum status s = store_may(st, PERM_READ, e);
	if (s != ST_OK)
		return s;
	struct strbuf sb;
	sb_init(&sb);
	sb_add(&sb, "{\"report\":\"outcomes\"");
	json_day(&sb, "from", f->from);
	json_day(&sb, "to", f->to);
	sb_add(&sb, ",\"etiology\":");
	json_quote(&sb, f->etiology);
	sb_add(&sb, ",\"route\":");
	json_quote(&sb, f->by_route ? plan_route_str(f->route) : "");
	sb_add(&sb, ",\"product\":");
	json_quote(&sb, f->by_product ? product_type_str(f->product) : "");
	sb_addf(&sb, ",\"patients\":%d}", patients);
	s = store_access_log(st, "view", "report", 0, 0, sb_str(&sb), 0, NULL, e);
	sb_done(&sb);
	return s;
}

struct trace {
	store_report_trace_fn fn;
	void *ctx;
};

static int on_stmt(unsigned type, void *arg, void *p, void *x)
{
	const struct trace *t = arg;
	const char *sql = sqlite3_sql(p);
	if (type == SQLITE_TRACE_STMT && sql)
		t->fn(t->ctx, sql);
	return 0;
}

void store_report_trace(struct store *st, store_report_trace_fn fn, void *ctx)
{
	static struct trace t; /* one traced connection: the bench's */
	t.fn = fn;
	t.ctx = ctx;
	sqlite3_trace_v2(st->db, fn ? SQLITE_TRACE_STMT : 0, fn ? on_stmt : NULL, &t);
}
