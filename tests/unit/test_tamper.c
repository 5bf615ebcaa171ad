/* test_tamper.c: the tamper suite — a clinic user with the sqlite3 shell on
 * the database file (but not the key or the witness beside it) edits,
 * deletes, inserts, reorders, truncates, wipes, re-hashes without the key,
 * drops or replaces a trigger, and puts the append-only guards back after;
 * `audit verify` finds each one. */
#include <math.h>
#include <setjmp.h>
#include <sha2.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tmpdb.h"

struct fx {
	char dir[TMPDB_DIR_MAX];
	char path[TMPDB_PATH_MAX];
	struct store *st;
	int64_t pid[3];
};

/* alice (the first admin) registers three patients: audit rows 1..4, then
 * the session ends (the head, seq 4, is witnessed) and a new one opens. */
static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct err e;
	tmpdb_open(f->dir, f->path, "tamper", "clinic.db", &f->st);
	assert_int_equal(store_set_actor(f->st, "alice", &e), ST_OK);
	for (int i = 0; i < 3; i++) {
		struct patient p = {0};
		snprintf(p.mrn, sizeof p.mrn, "T%d", i);
		static const char *const names[] = {"TAMPER, Tom", "TAMPER, Una", "TAMPER, Vic"};
		strcpy(p.name, names[i]); /* three people, not one registered thrice */
		date_parse("1970-01-02", &p.dob);
		p.sex = 'M';
		p.weight_kg = NAN;
		p.weight_date = DAY_NONE;
		assert_int_equal(store_patient_add(f->st, &p, &e), ST_OK);
		f->pid[i] = p.id;
	}
	store_close(f->st);
	assert_int_equal(store_open(f->path, TESTCLOCK_OPTS, &f->st, &e), ST_OK);
	assert_int_equal(store_set_actor(f->st, "alice", &e), ST_OK);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	tmpdb_remove(f->dir, f->st);
	free(f);
	return 0;
}

/* The unkeyed row hash of before the key (the fields as type, length and
 * bytes): what a forger without the key can compute. */
static void unkeyed(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	SHA2_CTX c;
	char out[65];
	SHA256Init(&c);
	for (int i = 0; i < argc; i++) {
		int type = sqlite3_value_type(argv[i]);
		const unsigned char *t = sqlite3_value_text(argv[i]);
		unsigned n = type == SQLITE_NULL ? 0 : (unsigned)sqlite3_value_bytes(argv[i]);
		uint8_t head[5] = {(uint8_t)type, (uint8_t)(n >> 24), (uint8_t)(n >> 16),
				   (uint8_t)(n >> 8), (uint8_t)n};
		SHA256Update(&c, head, sizeof head);
		if (n)
			SHA256Update(&c, t, n);
	}
	SHA256End(&c, out);
	sqlite3_result_text(ctx, out, 64, SQLITE_TRANSIENT);
}

/* Run q as the sqlite3 shell would, with the append-only guards dropped
 * first and put back exactly as they were afterwards (forge_hash() at hand). */
static void tamper(const char *path, const char *q)
{
	static const char *const guards[] = {"audit_no_update", "audit_no_delete",
					     "audit_head_follows", "audit_head_kept"};
	char *saved[4] = {NULL, NULL, NULL, NULL}, *msg = NULL;
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(
	    sqlite3_create_function(db, "forge_hash", -1, SQLITE_UTF8, NULL, unkeyed, NULL, NULL),
	    SQLITE_OK);
	for (int i = 0; i < 4; i++) {
		sqlite3_stmt *s;
		char drop[64];
		assert_int_equal(sqlite3_prepare_v2(db,
						    "SELECT sql FROM sqlite_schema WHERE name = ?",
						    -1, &s, NULL),
				 SQLITE_OK);
		sqlite3_bind_text(s, 1, guards[i], -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		saved[i] = strdup((const char *)sqlite3_column_text(s, 0));
		sqlite3_finalize(s);
		snprintf(drop, sizeof drop, "DROP TRIGGER %s", guards[i]);
		assert_int_equal(sqlite3_exec(db, drop, NULL, NULL, NULL), SQLITE_OK);
	}
	if (sqlite3_exec(db, q, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", q, msg);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(sqlite3_exec(db, saved[i], NULL, NULL, NULL), SQLITE_OK);
		free(saved[i]);
	}
	sqlite3_close(db);
}

/* Re-hash the chain forward from seq `from` without the key, head too. */
#define REHASH_FROM(from)                                                                          \
	"UPDATE audit SET prev = coalesce((SELECT hash FROM audit p WHERE p.seq = audit.seq - "    \
	"1), "                                                                                     \
	"''), hash = forge_hash(coalesce((SELECT hash FROM audit p WHERE p.seq = audit.seq - 1), " \
	"''), ts, actor, action, tbl, row_id, patient_id, before, after) WHERE seq = " #from ";"   \
	"UPDATE audit_head SET hash = (SELECT hash FROM audit WHERE seq = audit_head.seq);"

static struct audit_verify verify(struct fx *f)
{
	struct audit_verify v;
	struct err e;
	assert_int_equal(store_audit_verify(f->st, &v, &e), ST_OK);
	return v;
}

static bool mentions(const struct audit_verify *v, const char *needle)
{
	for (int i = 0; i < v->nproblems && i < AUDIT_VERIFY_KEEP; i++)
		if (strstr(v->problems[i].what, needle))
			return true;
	return false;
}

static void untouched_is_intact(void **state)
{
	struct fx *f = *state;
	struct audit_verify v = verify(f);
	assert_int_equal(v.nproblems, 0);
	assert_int_equal(v.rows, 4);
}

static void edit(void **state)
{
	struct fx *f = *state;
	tamper(f->path, "UPDATE audit SET actor = 'eve' WHERE seq = 2");
	struct audit_verify v = verify(f);
	assert_true(mentions(&v, "seq 2: its contents do not match its hash"));
}

/* On the unkeyed chain this passed: each row re-hashed forward. */
static void rehash_without_key(void **state)
{
	struct fx *f = *state;
	tamper(f->path, "UPDATE audit SET actor = 'eve' WHERE seq = 2;" REHASH_FROM(2)
			    REHASH_FROM(3) REHASH_FROM(4));
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM audit WHERE actor = 'eve'"), 1);
	struct audit_verify v = verify(f);
	assert_true(mentions(&v, "seq 2: its contents do not match its hash"));
	assert_true(mentions(&v, "seq 4: its contents do not match its hash"));
	assert_true(mentions(&v, "is not the row the witness saw"));
}

static void delete_middle(void **state)
{
	struct fx *f = *state;
	tamper(f->path, "DELETE FROM audit WHERE seq = 3");
	struct audit_verify v = verify(f);
	assert_true(mentions(&v, "seq 3 is missing"));
}

static void insert_row(void **state)
{
	struct fx *f = *state;
	tamper(f->path, "INSERT INTO audit (ts, actor, action, tbl, prev, hash) SELECT 1, 'eve', "
			"'view', 'patients', hash, forge_hash(hash, 1, 'eve', 'view', 'patients', "
			"NULL, NULL, NULL, NULL) FROM audit_head");
	struct audit_verify v = verify(f);
	assert_true(mentions(&v, "seq 5: its contents do not match its hash"));
}

static void reorder(void **state)
{
	struct fx *f = *state;
	tamper(f->path, "UPDATE audit SET seq = -3 WHERE seq = 3; UPDATE audit SET seq = 3 "
			"WHERE seq = 2; UPDATE audit SET seq = 2 WHERE seq = -3;");
	struct audit_verify v = verify(f);
	assert_true(v.nproblems >= 2);
	assert_true(mentions(&v, "seq 2: its prev is not the hash"));
}

/* The newest rows cut, the head left: the head says so. */
static void truncate_tail(void **state)
{
	struct fx *f = *state;
	tamper(f->path, "DELETE FROM audit WHERE seq >= 3");
	struct audit_verify v = verify(f);
	assert_true(mentions(&v, "the head names seq 4 but the trail ends at seq 2"));
	assert_true(mentions(&v, "saw the trail reach seq 4, but it ends at seq 2"));
}

/* The newest rows cut and the head moved back onto the new last row: the
 * database is consistent again; only the witness outside it knows. */
static void delete_newest_and_move_head(void **state)
{
	struct fx *f = *state;
	tamper(f->path, "DELETE FROM audit WHERE seq >= 3; UPDATE audit_head SET seq = 2, hash = "
			"(SELECT hash FROM audit WHERE seq = 2)");
	struct audit_verify v = verify(f);
	assert_int_equal(v.rows, 2);
	assert_true(mentions(&v, "saw the trail reach seq 4, but it ends at seq 2"));
}

/* Once "0 rows, chain intact". */
static void wipe_both_tables(void **state)
{
	struct fx *f = *state;
	tamper(f->path, "DELETE FROM audit; DELETE FROM audit_head");
	struct audit_verify v = verify(f);
	assert_int_equal(v.rows, 0);
	assert_true(mentions(&v, "saw the trail reach seq 4, but it ends at seq 0"));
}

/* A dropped trigger: the program's own later writes go unaudited. */
static void drop_trigger_and_write(void **state)
{
	struct fx *f = *state;
	struct err e;
	struct patient p;
	assert_int_equal(tmpdb_exec(f->path, "DROP TRIGGER audit_patients_upd"), SQLITE_OK);
	assert_int_equal(store_patient_get(f->st, f->pid[0], &p, &e), ST_OK);
	strcpy(p.name, "TAMPER, Tim");
	assert_int_equal(store_patient_update(f->st, &p, NULL, &e), ST_OK);
	struct audit_verify v = verify(f);
	assert_true(mentions(&v, "audit trigger audit_patients_upd is missing"));
}

static void replace_trigger(void **state)
{
	struct fx *f = *state;
	assert_int_equal(tmpdb_exec(f->path,
				    "DROP TRIGGER audit_users_upd; CREATE TRIGGER "
				    "audit_users_upd AFTER UPDATE ON users BEGIN SELECT 1; "
				    "END"),
			 SQLITE_OK);
	struct audit_verify v = verify(f);
	assert_true(mentions(&v, "audit trigger audit_users_upd is not hepadesk's"));
}

static void forged_witness_line(void **state)
{
	struct fx *f = *state;
	char path[TMPDB_PATH_MAX + 16];
	snprintf(path, sizeof path, "%s.witness", f->path);
	FILE *w = fopen(path, "a");
	assert_non_null(w);
	fprintf(w, "seq=9 hash=%064d at=1 mac=%064d\n", 0, 0);
	fclose(w);
	struct audit_verify v = verify(f);
	assert_int_equal(v.nproblems, 1);
	assert_true(mentions(&v, "witness line 2 was not written by hepadesk"));
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
	    T(untouched_is_intact), T(edit),
	    T(rehash_without_key),  T(delete_middle),
	    T(insert_row),	    T(reorder),
	    T(truncate_tail),	    T(delete_newest_and_move_head),
	    T(wipe_both_tables),    T(drop_trigger_and_write),
	    T(replace_trigger),	    T(forged_witness_line),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
