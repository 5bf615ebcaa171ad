/* store_int.h: what the storage files (src/store*.c) share and nothing else
 * sees: the connection, the statement cache, transactions, error mapping and
 * the audit append. */
#ifndef HEPADESK_STORE_INT_H
#define HEPADESK_STORE_INT_H

#include <limits.h>
#include <sqlite3.h>
#include <sys/types.h>

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
	/* Loading a synthetic demo: one transaction holds the whole load, so
	 * store_begin, store_commit and store_rollback leave it alone and the
	 * ordinary recording functions (with their checks) can be reused. A
	 * failure anywhere ends the load with store_demo_end(false). */
	bool bulk;
	/* The actor typed their password for a signature (store_auth_record)
	 * and has not signed with it yet: one signature, then cleared. */
	bool reauth_ok;
	int busy_timeout_ms;
	bool created;  /* this open made the file */
	bool readonly; /* opened for reading only */
	/* Told while a write waits on another session's lock (store_wait.h):
	 * first after STORE_WAIT_FIRST_MS, then every second. */
	void (*on_wait)(void *arg, long waited_ms);
	void *on_wait_arg;
	long wait_next_us; /* when to tell next in this wait */
	/* A read-only open of a file other users may read (a copy): why, for
	 * check to report; "" otherwise (store_ro.h). */
	char exposed[ERR_MSG_MAX];
	/* The audit key (store_key.c): have_key false only on a read-only open
	 * of a copy whose key file is absent. */
	unsigned char key[32];
	bool have_key;
	gid_t gid;	       /* the sharing group, or (gid_t)-1 */
	int64_t witnessed_seq; /* the head last witnessed (or read at open) */
	char witnessed_hash[65];
	/* The access trail (store_access.c): views and exports, in PATH.access
	 * attached as schema "access"; false on a read-only open of a copy
	 * without one. */
	bool have_access;
	bool access_attached;	/* attached now (store_access_use) */
	bool access_head_known; /* used this session: its head was read */
	int64_t access_witnessed_seq;
	char access_witnessed_hash[65];
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

/* Mark row id voided now by the actor with reason, inside the caller's
 * transaction: sql is the table's "UPDATE T SET voided_at = ?1, voided_by =
 * ?2, void_reason = ?3, version = version + 1 WHERE id = ?4 AND voided_at IS
 * NULL"; what names the record in a failure ("voiding a lab result"). */
enum status store_void_mark(struct store *st, const char *sql, int64_t id, const char *reason,
			    const char *what, struct err *e);

/* One patient's list: checks read permission, runs sql with ?1 = patient_id
 * and ?2 = max (when sql has a second parameter), and lets fill() set
 * out[0..] (elements of size bytes) until max rows or the end; *n is how
 * many. A read error is a failure, never a short list (store_rows_end). A
 * sorted sql that no index orders is better without LIMIT: SQLite then
 * sorts in its sorter, not a temporary b-tree, and the reading stops at
 * max all the same. */
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

/* End a write transaction begun by the caller: commit when s is ST_OK,
 * else roll back; returns s or the commit's failure. */
enum status store_finish(struct store *st, enum status s, struct err *e);

/* A record kept per patient with a version, a voided flag and the reason of
 * its latest correction or void (biopsies, medications): what the shared
 * write steps below need of its table and its struct. */
struct store_rec {
	const char *noun;     /* "biopsy", in messages */
	const char *get_sql;  /* one row: "SELECT ... WHERE id = ?2 AND patient_id = ?1" */
	const char *void_sql; /* "UPDATE T SET voided = 1, reason = ?2, version = version + 1
			       * WHERE id = ?1" */
	store_row_reader *fill;
	size_t size; /* of the struct fill sets */
	/* Where the struct keeps them: int64_t id, patient_id, version; bool
	 * voided; char reason[reason_size]. */
	size_t id_off, patient_off, version_off, voided_off, reason_off, reason_size;
};

/* Row id of the patient into out (k->size bytes). ST_NOT_FOUND ("biopsy 3:
 * not on file for this patient"). No permission check. */
enum status store_rec_get(struct store *st, const struct store_rec *k, int64_t patient_id,
			  int64_t id, void *out, struct err *e);
/* One transaction: rec's row still at rec's version (ST_CONFLICT) and not
 * voided (ST_INVALID), then sql run with ?1 = its id, bind(q, rec) for its
 * own parameters and reason at ?reason_param (NULL when empty). On success
 * rec's version is one more and a reason given is kept in it. The caller
 * checked the actor's permission, the record and the reason. what names
 * the step in a failure ("correcting a biopsy"). */
enum status store_rec_update(struct store *st, const struct store_rec *k, const char *sql,
			     void *rec, void (*bind)(sqlite3_stmt *q, const void *rec),
			     int reason_param, const char *reason, const char *what, struct err *e);
/* The same for k->void_sql: rec marked voided with the reason. */
enum status store_rec_void(struct store *st, const struct store_rec *k, void *rec,
			   const char *reason, struct err *e);

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
/* The lab columns store_lab_read reads, in its order; flag texts by flag. */
#define STORE_LAB_COLS                                                          \
	"id, patient_id, analyte, value, unit, canonical, date, source, flag, " \
	"confirmed, visit_id, version"
void store_lab_read(sqlite3_stmt *s, struct lab_result *r);
extern const char *const store_lab_flag_text[];
/* A row a caller built, checked again: hard limits, a warning confirmed,
 * the collection date (store_lab_add's checks; store_fix.c's too). */
enum status store_lab_check(struct store *st, const struct lab_result *r, struct err *e);
enum status store_patient_insert(struct store *st, struct patient *p, struct err *e);
enum status store_imaging_insert(struct store *st, struct imaging_note *n, struct err *e);
/* The imaging columns store_imaging_read reads, in its order. */
#define STORE_IMAGING_COLS                                               \
	"id, patient_id, date, modality, note, stiffness_kpa, iqr_kpa, " \
	"fibrosis_stage, hcc, thrombosis, ascites, version, lirads, lesion_mm"
void store_imaging_read(sqlite3_stmt *q, struct imaging_note *n);
/* A finding as 0/1, NULL when not assessed. */
void store_bind_finding(sqlite3_stmt *s, int i, enum finding f);
/* Schedule rows: inserted with their plan, closed with their visit. */
enum status store_schedule_insert(struct store *st, struct schedule_item *it, struct err *e);
enum status store_schedule_set_state(struct store *st, int64_t id, enum sched_state s,
				     struct err *e);
/* Read SCHED_COLS starting at column col. */
void store_schedule_read(sqlite3_stmt *s, int col, struct schedule_item *it);

#define OBS_COLS                                                                      \
	"temp_before, pulse_before, systolic_before, diastolic_before, spo2_before, " \
	"temp_after, pulse_after, systolic_after, diastolic_after, spo2_after"
#define INFUSION_OBS_COL0 15 /* the first observation column of INFUSION_COLS */

#define INFUSION_COLS                                                                             \
	"id, patient_id, coalesce(schedule_id, 0), given_at, date, route, cells, lot, given_by, " \
	"coalesce(reaction, ''), note, version, lot_expiry, coalesce(override_reason, ''), "      \
	"coalesce(override_by, ''), " OBS_COLS
/* Read INFUSION_COLS (from column 0) into f. */
struct infusion;
void store_infusion_read(sqlite3_stmt *q, struct infusion *f);

/* Follow-up: the last infusion given at or before t (seconds); *found false
 * when none. Inside the caller's transaction. */
enum status store_infusion_before(struct store *st, int64_t patient_id, int64_t t,
				  struct infusion *out, bool *found, struct err *e);

/* An infusion's own checks (PERM_RECORD, infusion_validate, not in the
 * future), before its transaction. */
enum status store_infusion_checks(struct store *st, struct infusion *f, struct err *e);
/* Insert an infusion inside the caller's transaction, closing its scheduled
 * item (which must be the patient's open infusion of a plan with the same
 * route); detail is the pre-infusion check as JSON (NULL: none, demo). */
enum status store_infusion_write(struct store *st, struct infusion *f, const char *detail,
				 struct err *e);

/* An adverse event's checks before its transaction (PERM_RECORD,
 * ae_validate, onset and awareness not in the future; aware_at defaults to
 * now), and its insert inside the caller's transaction (linked to the last
 * infusion; a grade 5 records the death). */
struct ae;
enum status store_ae_checks(struct store *st, struct ae *a, struct err *e);
enum status store_ae_write(struct store *st, struct ae *a, struct err *e);
/* A report the event owes (sae_deadlines), inside the caller's transaction. */
struct sae_due;
enum status store_sae_insert_due(struct store *st, const struct ae *a, const struct sae_due *d,
				 struct err *e);

/* The patient's status: a new row inside the caller's transaction (no
 * checks), and for a state that ends treatment the active plan and its
 * open items closed with the state, date and reason. */
struct pstatus;
enum status store_status_insert(struct store *st, struct pstatus *ps, struct err *e);
/* The current status inside the caller's transaction; ps->id 0 when none. */
enum status store_status_read(struct store *st, int64_t patient_id, struct pstatus *ps,
			      struct err *e);

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

/* PRAGMA application_id of a hepadesk database ("HDSK"); set by the
 * migration that keys the audit trail. */
#define STORE_APPLICATION_ID 0x48445348

/* HMAC-SHA-256 hex of the audit fields under the database's key, the one
 * definition of a row's hash; false when the key is absent (a read-only
 * copy opened without its key file). */
bool store_audit_hash(const struct store *st, sqlite3_value **argv, int argc, char out[65]);

/* The audit key and witness beside the database: PATH.key, PATH.witness. */
void store_key_path(const struct store *st, char *out, size_t n);
void store_witness_path(const struct store *st, char *out, size_t n);

/* Load the key file beside the database, or create it (mode 0400, 0440 to
 * the group gid) for a new database or one whose trail is not keyed yet. A
 * keyed trail whose key is gone is ST_CORRUPT naming the file; a read-only
 * open goes on without it. Reads the head that is already witnessed. */
enum status store_key_open(struct store *st, bool readonly, gid_t gid, struct err *e);

/* The migration that keys the trail: checks the unkeyed chain (ST_CORRUPT
 * naming the first broken seq, nothing changed), re-hashes every row with
 * the key and marks the trail keyed. Inside the migration's transaction. */
enum status store_audit_rekey(struct store *st, struct err *e);

/* Witness the chain head outside the database when it moved since the last
 * witness: one line (seq, hash, time, MAC) appended to PATH.witness and the
 * system log. Called by store_close, so at the end of every command and
 * session. Failures are silent: verify reports a head not witnessed. */
void store_witness(struct store *st);

/* The access trail's witness, PATH.access.witness; its head as witnessed
 * (read when the trail is attached). */
void store_access_witness_path(const struct store *st, char *out, size_t n);
void store_access_head_read(struct store *st);

/* How far a write's clock may run behind the newest audit row (seconds). */
#define STORE_CLOCK_SLACK_S 300

/* Refuse a write stamped more than the slack before the newest audit row
 * (the clock set back): ST_INVALID with both times. */
enum status store_clock_not_back(struct store *st, struct err *e);

struct witness_line {
	int number;   /* line number in the file */
	bool genuine; /* parsed and its MAC is the key's */
	int64_t seq;
	char hash[65];
};
/* Every line of the witness file (*lines owned by the caller, free()); a
 * missing file is ST_OK with *present false. */
enum status store_witness_read(const struct store *st, struct witness_line **lines, int *n,
			       bool *present, struct err *e);
/* The same for the witness file at path. */
enum status store_witness_read_file(const struct store *st, const char *path,
				    struct witness_line **lines, int *n, bool *present,
				    struct err *e);

/* Attach PATH.access as schema "access" (store_access.c): made, with the
 * database's mode and group, on a read-write open when missing; a
 * read-only open without one goes on (have_access false; verify reports a
 * missing trail that was witnessed). */
enum status store_access_attach(struct store *st, bool readonly, gid_t gid, struct err *e);

/* Attach the access trail as schema "access" for a while (ST_IO when the
 * database has none); store_access_done detaches it once no transaction
 * is open. Clinical writes run detached: BEGIN IMMEDIATE would lock the
 * trail too. */
enum status store_access_use(struct store *st, struct err *e);
void store_access_done(struct store *st);

/* One access row (action "view" or "export", the table read, the row and
 * the patient or 0, what was read as JSON) appended to the access trail and committed
 * in its own transaction, which takes only the access trail's write lock;
 * a view of a patient with recent_keep > 0 also puts the patient first in
 * the user's recent list (keeping recent_keep). *seq (may be NULL) gets
 * the row's seq. The caller checked the permission. */
enum status store_access_log(struct store *st, const char *action, const char *tbl, int64_t row_id,
			     int64_t patient_id, const char *after, int recent_keep, int64_t *seq,
			     struct err *e);

#endif
