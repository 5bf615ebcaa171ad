/* store.h: the storage module — the only code that runs SQL (src/store*.c).
 * A store is one open SQLite database: WAL, foreign keys, busy timeout,
 * migrations, audit trail. Every write is one transaction, stamped with the
 * store's actor and time, and audited by the storage layer itself. */
#ifndef HEPADESK_STORE_H
#define HEPADESK_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "clock.h"
#include "draft.h"
#include "imaging.h"
#include "lab.h"
#include "patient.h"
#include "schedule.h"
#include "status.h"
#include "user.h"

struct store; /* opaque */

struct store_opts {
	int busy_timeout_ms; /* how long a writer waits for another (default 5000) */
	const char *group;   /* group that may share the database, or NULL */
	bool create;	     /* create the file (and its folder) when missing */
	bool readonly;	     /* open for reading only */
	clock_fn clock;	     /* what "now" is for writes (NULL: the system clock) */
};

/* Open (and, with opts->create, create when missing) and migrate the
 * database at path. A path that is empty, missing (without create), a
 * folder, or not readable and writable by this user is refused naming it;
 * an existing file that is not a hepadesk database (another application's
 * SQLite file, a text file) is refused before anything is written to it. A
 * new database is created with mode 0600 (0660 with a group) in a folder of
 * mode 0700 (0770), with its audit key PATH.key beside it (store_key.c); a
 * database that others can read or write is refused with the chmod command
 * that fixes it. A database from a newer schema is refused (ST_TOO_NEW). On
 * success *out owns the connection; store_close frees it. */
enum status store_open(const char *path, const struct store_opts *opts, struct store **out,
		       struct err *e);
/* Create a new database at path — the one way a database comes to be
 * (`hepadesk init`): built and migrated under a temporary name beside it,
 * then given its name at once with its audit key, so a crash leaves no
 * half-made clinic and two inits at once make one. An existing path is
 * ST_DUPLICATE, nothing changed. Its first user is made admin by the first
 * store_set_actor on it (the trail is empty). */
enum status store_create(const char *path, const struct store_opts *opts, struct err *e);
/* Close and free st (NULL is fine). Safe from an exit or hang-up path at any
 * point: a write still open is rolled back, so nothing is half-saved. The
 * audit head, when it moved, is witnessed outside the database first. */
void store_close(struct store *st);

/* Schema version this build writes, and the one the open file has. */
int store_schema_version(void);
int store_file_version(struct store *st);

/* The time the current operation is stamped with (seconds since the epoch):
 * read from the store's clock when an operation starts (store_may, or a
 * write's BEGIN) and fixed for the whole transaction. */
int64_t store_now(const struct store *st);

/* Resolve the acting OS login to a user. A database with no users that has
 * never recorded anything (a new one, as `hepadesk init` makes it) makes
 * this login its first admin (bootstrap); a file whose users were emptied
 * does not. Unknown or disabled: ST_DENIED with
 * "not authorised — ask the administrator". */
enum status store_set_actor(struct store *st, const char *login, struct err *e);
/* The acting user; valid while st is open. NULL before store_set_actor. */
const struct user *store_actor(const struct store *st);

/* ST_OK when the acting user may do p; ST_DENIED with the role it needs. */
enum status store_may(struct store *st, enum perm p, struct err *e);

/* --- patients --- */
/* Register p. A registered patient who may be the same person (same date
 * of birth, same last or first name: lookup_similar) refuses it with
 * ST_CONFIRM naming them, unless reason says why (audited with them). */
enum status store_patient_register(struct store *st, struct patient *p, const char *reason,
				   struct err *e);
/* store_patient_register with no reason. */
enum status store_patient_add(struct store *st, struct patient *p, struct err *e);
/* Update demographics. p->version must be the version that was read; if the
 * stored record changed since, returns ST_CONFLICT and fills *theirs (when
 * not NULL) with the stored record, writing nothing. */
enum status store_patient_update(struct store *st, struct patient *p, struct patient *theirs,
				 struct err *e);
enum status store_patient_get(struct store *st, int64_t id, struct patient *out, struct err *e);
enum status store_patient_by_mrn(struct store *st, const char *mrn, struct patient *out,
				 struct err *e);
/* Lookup of what was typed, parsed by lookup_parse (lookup.h): MRN prefix,
 * names, given names, MRN last 4 with initial, date of birth; case-, accent-
 * and punctuation-insensitive, each kind a range over an index, at most max
 * rows. store_patient_find parses with ISO dates only. */
struct lookup_query;
enum status store_patient_lookup(struct store *st, const struct lookup_query *q,
				 struct patient_hit *hits, int max, int *n, struct err *e);
enum status store_patient_find(struct store *st, const char *query, struct patient_hit *hits,
			       int max, int *n, struct err *e);
/* Rebuild every patient's lookup keys (after the migration that adds them). */
enum status store_lookup_rebuild(struct store *st, struct err *e);
/* The patients this user opened last, newest first. */
enum status store_patient_recent(struct store *st, struct patient_hit *hits, int max, int *n,
				 struct err *e);
/* Record that the actor opened (viewed) a patient: audit row + recent list. */
enum status store_patient_viewed(struct store *st, int64_t patient_id, const char *what,
				 struct err *e);
int64_t store_patient_count(struct store *st);
/* Record that the actor exported a list of patients (format "csv", "json"):
 * one audit row naming them. Call it before the data leaves. */
enum status store_patient_exported(struct store *st, const struct patient_hit *hits, int n,
				   const char *format, struct err *e);

/* --- labs --- */
/* Store n results of one panel in one transaction (all or nothing). */
enum status store_lab_add(struct store *st, struct lab_result *rows, int n, struct err *e);
enum status store_lab_latest(struct store *st, int64_t patient_id, day_t on, struct lab_latest *out,
			     struct err *e);
/* Results of one analyte, oldest first, at most max; *n receives the count. */
enum status store_lab_history(struct store *st, int64_t patient_id, enum analyte_id a,
			      struct lab_result *out, int max, int *n, struct err *e);

/* --- imaging --- */
enum status store_imaging_add(struct store *st, struct imaging_note *n, struct err *e);
/* Newest first, at most max. */
enum status store_imaging_list(struct store *st, int64_t patient_id, struct imaging_note *out,
			       int max, int *n, struct err *e);

/* --- users --- */
enum status store_user_add(struct store *st, const struct user *u, struct err *e);
/* Set a user's roles to r alone / add r / remove r; disable a user. Each
 * needs PERM_MANAGE_USERS and is refused (ST_INVALID) when it would leave
 * no enabled administrator, or a user with no role. */
enum status store_user_set_role(struct store *st, const char *login, enum role r, struct err *e);
enum status store_user_grant(struct store *st, const char *login, enum role r, struct err *e);
enum status store_user_revoke(struct store *st, const char *login, enum role r, struct err *e);
enum status store_user_disable(struct store *st, const char *login, struct err *e);
/* Calls fn for each user, ordered by login. */
enum status store_user_each(struct store *st, void (*fn)(const struct user *, void *), void *arg,
			    struct err *e);

/* --- schedule (rows are written by plans, closed by visits) --- */
/* A patient's open, done and missed items by due date, at most max. */
enum status store_schedule_list(struct store *st, int64_t patient_id, struct schedule_item *out,
				int max, int *n, struct err *e);
/* Move an open item to a new due day with a reason; the target date is kept.
 * version is the one read (ST_CONFLICT if it changed). */
enum status store_schedule_reschedule(struct store *st, int64_t id, int64_t version, day_t due,
				      const char *reason, struct err *e);

/* --- synthetic demo clinic (bulk load) --- */
/* Start loading a demo: refused on a database that holds clinic patients (a
 * demo lives in a file of its own). One transaction and one audit row for
 * the whole load; *first_index receives the number of patients already
 * there, so numbering continues. */
enum status store_demo_begin(struct store *st, int64_t patients, uint64_t seed,
			     int64_t *first_index, struct err *e);
enum status store_demo_patient(struct store *st, struct patient *p, struct err *e);
enum status store_demo_lab(struct store *st, struct lab_result *r, struct err *e);
enum status store_demo_imaging(struct store *st, struct imaging_note *n, struct err *e);
/* Commit (or roll back) the load. */
enum status store_demo_end(struct store *st, bool commit, struct err *e);

/* --- drafts (form input kept while typed; not records, not audited) --- */
/* Keep the actor's draft of form (an identifier such as "patient.edit",
 * [a-z0-9_.-], at most DRAFT_FORM_MAX bytes) for patient_id (0: none).
 * content is opaque text of at most DRAFT_CONTENT_MAX bytes; it replaces any
 * earlier draft of the same (actor, form, patient_id) and is stamped with the
 * store time. One statement: cheap enough for every field change. ST_INVALID
 * for a bad form name or oversized content; ST_DENIED without an actor. */
enum status store_draft_save(struct store *st, const char *form, int64_t patient_id,
			     const char *content, struct err *e);
/* The actor's draft: *content_out receives a heap copy (caller frees) and
 * *updated (when not NULL) its save time. ST_NOT_FOUND when there is none. */
enum status store_draft_load(struct store *st, const char *form, int64_t patient_id,
			     char **content_out, int64_t *updated, struct err *e);
/* Drop the actor's draft (after the form was saved or abandoned). ST_OK also
 * when there was none. */
enum status store_draft_delete(struct store *st, const char *form, int64_t patient_id,
			       struct err *e);
/* Call fn for each of the actor's drafts, newest first. The record is valid
 * during the call only. */
enum status store_draft_each(struct store *st, void (*fn)(const struct draft_info *, void *),
			     void *arg, struct err *e);

/* --- the audit trail: listing and verification --- */
/* One audit row as listed. Text is raw database text: neutralise it before
 * output. before/after (JSON or NULL) are valid during the callback only. */
struct audit_row {
	int64_t seq;
	int64_t ts;
	char actor[USER_LOGIN_MAX + 1];
	char action[16];
	char tbl[32];
	int64_t row_id;		       /* 0 when none */
	int64_t patient_id;	       /* 0 when none */
	char mrn[PATIENT_MRN_MAX + 1]; /* "" when none */
	const char *before;
	const char *after;
};

struct audit_filter {
	int64_t patient_id; /* 0: any patient */
	const char *actor;  /* NULL: any user */
	int64_t since;	    /* store time; rows at or after it (0: all) */
	int limit;	    /* at most this many rows (0: no limit) */
	bool export;	    /* the reading is logged as 'export' instead of 'view' */
};

/* Call fn for the audit rows matching f, newest first, answered from the
 * audit_patient / audit_actor indexes. Needs PERM_AUDIT. The reading itself
 * is audited first (one 'view' or 'export' row, committed before any row is
 * listed, and not part of the listing). */
enum status store_audit_each(struct store *st, const struct audit_filter *f,
			     void (*fn)(const struct audit_row *, void *), void *arg,
			     struct err *e);

#define AUDIT_VERIFY_KEEP 32
struct audit_problem {
	int64_t seq; /* the row the problem was found at (0: the head) */
	char what[200];
};
struct audit_verify {
	int64_t rows;	  /* rows walked */
	int64_t last_seq; /* the newest seq present */
	int nproblems;	  /* every problem found; the first AUDIT_VERIFY_KEEP are kept */
	struct audit_problem problems[AUDIT_VERIFY_KEEP];
};
/* Walk the hash chain in seq order from one snapshot and report every
 * problem: a row whose hash does not match its contents (edited), a row whose
 * prev is not the previous row's hash (rows deleted or inserted before it),
 * and a head (audit_head) that does not name the newest row (newest rows
 * deleted). ST_OK means the walk ran (see out->nproblems); needs PERM_AUDIT. */
enum status store_audit_verify(struct store *st, struct audit_verify *out, struct err *e);

/* PRAGMA integrity_check: fn gets each problem line; *nproblems their
 * count (0: the file is sound). Needs no actor: it reads no records. */
enum status store_integrity_check(struct store *st, void (*fn)(const char *problem, void *),
				  void *arg, int *nproblems, struct err *e);

#endif
