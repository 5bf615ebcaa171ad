/* store_int.h: what the storage files (src/store*.c) share and nothing else
 * sees: the connection, the statement cache, transactions, error mapping and
 * the audit append. */
#ifndef HEPADESK_STORE_INT_H
#define HEPADESK_STORE_INT_H

#include <limits.h>
#include <sqlite3.h>

#include "schedule.h"
#include "store.h"

#define STORE_STMT_CACHE 96

struct store_stmt {
	const char *sql; /* identity: the caller's static string */
	sqlite3_stmt *stmt;
	uint64_t used; /* st->stmt_tick when last handed out (least recent goes first) */
};

struct store {
	sqlite3 *db;
	char path[PATH_MAX];
	clock_fn clock;
	int64_t now; /* store_now(): taken from clock per operation */
	bool have_actor;
	struct user actor;
	bool audit_on; /* off only while loading a synthetic demo */
	int busy_timeout_ms;
	struct store_stmt cache[STORE_STMT_CACHE];
	int ncache;
	uint64_t stmt_tick;
};

/* A cached, reset statement for a static SQL string (prepared once); NULL on
 * error with e filled. A statement still being stepped (a caller's row loop
 * that calls back into the store) is never reset nor evicted: a re-entrant
 * caller of the same SQL gets a statement of its own, and a full cache drops
 * the least recently used idle one. ST_IO when all STORE_STMT_CACHE are busy. */
sqlite3_stmt *store_stmt(struct store *st, const char *sql, struct err *e);

/* Map the connection's last error to a status with a message. */
enum status store_fail(struct store *st, struct err *e, const char *what);

/* Reset every cached statement, ending reads left open on a row, so the
 * next statement sees the newest committed data. */
void store_release(struct store *st);

/* Read the clock for the operation starting now; inside a transaction the
 * time stays the one read at BEGIN, so one write has one time. Every
 * operation calls it first (store_may does). */
void store_tick(struct store *st);

/* BEGIN IMMEDIATE (retried while busy, then the time is read), COMMIT,
 * ROLLBACK. */
enum status store_begin(struct store *st, struct err *e);
enum status store_commit(struct store *st, struct err *e);
void store_rollback(struct store *st);

/* End a row loop over q whose last sqlite3_step gave rc: resets q and
 * returns ST_OK when the rows ran out (or the caller had enough), else the
 * failure — a list cut short by an error must never look complete. */
enum status store_rows_end(struct store *st, sqlite3_stmt *q, int rc, const char *what,
			   struct err *e);

/* Fill a row of a list from the current row of q. */
typedef void store_row_reader(sqlite3_stmt *q, void *row);

/* One patient's list: checks read permission, runs sql with ?1 = patient_id
 * and ?2 = max, and lets fill() set out[0..] (elements of size bytes) until
 * max rows or the end; *n is how many. A read error is a failure, never a
 * short list (store_rows_end). */
enum status store_patient_rows(struct store *st, const char *sql, int64_t patient_id, void *out,
			       size_t size, int max, int *n, store_row_reader *fill,
			       const char *what, struct err *e);

/* One row of a patient: runs sql with ?1 = patient_id and lets fill() set
 * *out from the first row. No row is ST_NOT_FOUND with `missing` as the
 * message; a read error is a failure naming `what`. No permission check:
 * the callers also run inside their own writes. */
enum status store_patient_row(struct store *st, const char *sql, int64_t patient_id, void *out,
			      store_row_reader *fill, const char *what, const char *missing,
			      struct err *e);

/* Run a statement that returns no rows; binds nothing. */
enum status store_exec(struct store *st, const char *sql, struct err *e);

/* Append an audit row from C (views, exports, bulk loads); inside the
 * caller's transaction. before/after are JSON texts or NULL. */
enum status store_audit(struct store *st, const char *action, const char *tbl, int64_t row_id,
			int64_t patient_id, const char *before, const char *after, struct err *e);

/* Inserts inside the caller's transaction, after the caller's checks. */
enum status store_lab_insert(struct store *st, struct lab_result *r, struct err *e);
/* Correct lab row id with r's value and unit, keeping reason (HL7 'C'). */
enum status store_lab_correct(struct store *st, int64_t id, struct lab_result *r,
			      const char *reason, struct err *e);
enum status store_patient_insert(struct store *st, struct patient *p, struct err *e);
enum status store_imaging_insert(struct store *st, struct imaging_note *n, struct err *e);
/* Schedule rows: inserted with their plan, closed with their visit. */
enum status store_schedule_insert(struct store *st, struct schedule_item *it, struct err *e);
enum status store_schedule_set_state(struct store *st, int64_t id, enum sched_state s,
				     struct err *e);
/* Read SCHED_COLS starting at column col. */
void store_schedule_read(sqlite3_stmt *s, int col, struct schedule_item *it);

/* Follow-up: the last infusion given at or before t (seconds); *found false
 * when none. Inside the caller's transaction. */
struct infusion;
enum status store_infusion_before(struct store *st, int64_t patient_id, int64_t t,
				  struct infusion *out, bool *found, struct err *e);

/* Follow-up: adverse events of grade >= 3 or serious with onset on or after
 * since, newest first (at most limit, into out), and how many there are;
 * read from the partial index adverse_events_notable. */
struct clinic_ae;
enum status store_ae_notable(struct store *st, day_t since, int limit, struct clinic_ae *out,
			     int *n, int64_t *count, struct err *e);

/* Bind helpers: NULL for missing values. */
void store_bind_text(sqlite3_stmt *s, int i, const char *v);
void store_bind_day(sqlite3_stmt *s, int i, day_t d);
void store_bind_real(sqlite3_stmt *s, int i, double v); /* NAN -> NULL */
day_t store_col_day(sqlite3_stmt *s, int i);
double store_col_real(sqlite3_stmt *s, int i); /* NULL -> NAN */
void store_col_text(sqlite3_stmt *s, int i, char *dst, size_t n);

/* Migrations are the embedded assets/sql/NNN-what.sql files, applied in
 * order. The number of a migration's path; 0 for a path outside
 * assets/sql/; -1 for one inside that does not start with a number. */
int store_migration_number(const char *path);
/* Check the migrations of list (assets terminated by a NULL path): numbered
 * 1..N with none missing, none twice and no unnumbered file; *top receives
 * N. ST_IO naming the missing or repeated number (or the file) otherwise: a
 * build with a gap would mark a database upgraded without the missing step. */
struct asset;
enum status store_migrations_check(const struct asset *list, int *top, struct err *e);

/* Create the audit triggers of every audited table (after migrations). */
enum status store_audit_install(struct store *st, struct err *e);

/* SHA-256 hex of the audit fields, the one definition of a row's hash. */
void store_audit_hash(sqlite3_value **argv, int argc, char out[65]);

#endif
