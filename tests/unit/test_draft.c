/* test_draft.c: drafts against a real SQLite file — upsert per user, form
 * and patient, load, delete, listing with the patient, limits, no audit. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tmpdb.h"
#include <sqlite3.h>

#include "store.h"

#define NOW 1763942400 /* 2025-11-24 00:00 UTC */

struct fx {
	char dir[TMPDB_DIR_MAX];
	char path[TMPDB_PATH_MAX];
	struct store *st;
	int64_t pid;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct err e;
	tmpdb_open(f->dir, f->path, "draft", "clinic.db", &f->st);
	testclock_now = NOW;
	assert_int_equal(store_set_actor(f->st, "alice", &e), ST_OK);
	struct patient p = {0};
	strcpy(p.mrn, "D100");
	strcpy(p.name, "DRAFT, Dora");
	date_parse("1970-01-02", &p.dob);
	p.sex = 'F';
	p.weight_kg = NAN;
	p.weight_date = DAY_NONE;
	assert_int_equal(store_patient_add(f->st, &p, &e), ST_OK);
	f->pid = p.id;
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

static void test_save_load_replace(void **state)
{
	struct fx *f = *state;
	struct err e;
	char *c = NULL;
	int64_t when = 0;
	long long audit = tmpdb_int(f->path, "SELECT count(*) FROM audit");

	assert_int_equal(store_draft_load(f->st, "lab.add", f->pid, &c, &when, &e), ST_NOT_FOUND);
	assert_null(c);
	assert_int_equal(store_draft_save(f->st, "lab.add", f->pid, "bilirubin=2.1\n", &e), ST_OK);
	testclock_now = NOW + 60;
	assert_int_equal(store_draft_save(f->st, "lab.add", f->pid, "bilirubin=2.1\ninr=1.6\n", &e),
			 ST_OK);
	assert_int_equal(store_draft_load(f->st, "lab.add", f->pid, &c, &when, &e), ST_OK);
	assert_string_equal(c, "bilirubin=2.1\ninr=1.6\n");
	assert_int_equal(when, NOW + 60);
	free(c);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM drafts"), 1);
	/* Drafts are not records: nothing is audited. */
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM audit"), audit);
}

static void test_keyed_by_user_form_patient(void **state)
{
	struct fx *f = *state;
	struct err e;
	struct user bob = {0, "bob", "Bob", ROLE_BIT(ROLE_NURSE), false};
	char *c = NULL;
	assert_int_equal(store_user_add(f->st, &bob, &e), ST_OK);
	assert_int_equal(store_draft_save(f->st, "patient.add", 0, "mrn=X1", &e), ST_OK);
	assert_int_equal(store_draft_save(f->st, "lab.add", f->pid, "alt=40", &e), ST_OK);
	assert_int_equal(store_set_actor(f->st, "bob", &e), ST_OK);
	assert_int_equal(store_draft_load(f->st, "patient.add", 0, &c, NULL, &e), ST_NOT_FOUND);
	assert_int_equal(store_draft_save(f->st, "patient.add", 0, "mrn=Y2", &e), ST_OK);
	assert_int_equal(store_set_actor(f->st, "alice", &e), ST_OK);
	assert_int_equal(store_draft_load(f->st, "patient.add", 0, &c, NULL, &e), ST_OK);
	assert_string_equal(c, "mrn=X1");
	free(c);
	assert_int_equal(store_draft_load(f->st, "lab.add", 0, &c, NULL, &e), ST_NOT_FOUND);
	assert_int_equal(store_draft_delete(f->st, "patient.add", 0, &e), ST_OK);
	assert_int_equal(store_draft_delete(f->st, "patient.add", 0, &e), ST_OK);
	assert_int_equal(store_draft_load(f->st, "patient.add", 0, &c, NULL, &e), ST_NOT_FOUND);
	/* Bob's draft of the same form is untouched. */
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM drafts WHERE user = 'bob'"), 1);
}

struct seen {
	int n;
	struct draft_info d[4];
};

static void collect(const struct draft_info *d, void *arg)
{
	struct seen *s = arg;
	if (s->n < 4)
		s->d[s->n] = *d;
	s->n++;
}

static void test_each_newest_first(void **state)
{
	struct fx *f = *state;
	struct err e;
	struct seen s = {0};
	assert_int_equal(store_draft_save(f->st, "patient.add", 0, "mrn=X1", &e), ST_OK);
	testclock_now = NOW + 5;
	assert_int_equal(store_draft_save(f->st, "lab.add", f->pid, "alt=40", &e), ST_OK);
	assert_int_equal(store_draft_each(f->st, collect, &s, &e), ST_OK);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.d[0].form, "lab.add");
	assert_string_equal(s.d[0].mrn, "D100");
	assert_string_equal(s.d[0].name, "DRAFT, Dora");
	assert_int_equal(s.d[0].updated, NOW + 5);
	assert_int_equal(s.d[0].size, 6);
	assert_string_equal(s.d[1].form, "patient.add");
	assert_int_equal(s.d[1].patient_id, 0);
	assert_string_equal(s.d[1].mrn, "");
}

static void test_limits(void **state)
{
	struct fx *f = *state;
	struct err e;
	char *big = malloc(DRAFT_CONTENT_MAX + 2);
	memset(big, 'x', DRAFT_CONTENT_MAX + 1);
	big[DRAFT_CONTENT_MAX + 1] = '\0';
	assert_int_equal(store_draft_save(f->st, "lab.add", 0, big, &e), ST_INVALID);
	big[DRAFT_CONTENT_MAX] = '\0';
	assert_int_equal(store_draft_save(f->st, "lab.add", 0, big, &e), ST_OK);
	free(big);
	assert_int_equal(store_draft_save(f->st, "Lab Add", 0, "", &e), ST_INVALID);
	assert_int_equal(store_draft_save(f->st, "", 0, "", &e), ST_INVALID);
	assert_int_equal(store_draft_save(f->st, "a\x1b[2J", 0, "", &e), ST_INVALID);
}

static void test_needs_actor(void **state)
{
	struct fx *f = *state;
	struct err e;
	char *c;
	assert_int_equal(store_set_actor(f->st, "mallory", &e), ST_DENIED);
	assert_int_equal(store_draft_save(f->st, "lab.add", 0, "x", &e), ST_DENIED);
	assert_int_equal(store_draft_load(f->st, "lab.add", 0, &c, NULL, &e), ST_DENIED);
}

/* Closing in the middle of a write (an exit or hang-up path) rolls it back;
 * drafts saved before are kept. */
static void test_close_mid_write(void **state)
{
	struct fx *f = *state;
	struct err e;
	struct store *st;
	char path[160], *c = NULL;
	int64_t first;
	snprintf(path, sizeof path, "%s/other.db", f->dir);
	assert_int_equal(store_open(path, TESTCLOCK_OPTS, &st, &e), ST_OK);
	testclock_now = NOW;
	assert_int_equal(store_set_actor(st, "alice", &e), ST_OK);
	assert_int_equal(store_draft_save(st, "patient.add", 0, "mrn=Z9", &e), ST_OK);
	long long audit = tmpdb_int(path, "SELECT count(*) FROM audit");
	assert_int_equal(store_demo_begin(st, 10, 1, &first, &e), ST_OK);
	store_close(st);
	assert_int_equal(tmpdb_int(path, "SELECT count(*) FROM audit"), audit);
	assert_int_equal(tmpdb_int(path, "SELECT count(*) FROM meta WHERE key = 'demo'"), 0);
	assert_int_equal(store_open(path, TESTCLOCK_OPTS, &st, &e), ST_OK);
	assert_int_equal(store_set_actor(st, "alice", &e), ST_OK);
	assert_int_equal(store_draft_load(st, "patient.add", 0, &c, NULL, &e), ST_OK);
	assert_string_equal(c, "mrn=Z9");
	free(c);
	store_close(st);
	store_close(NULL);
}

/* Two sessions on one file: a session that has only read (resolving its
 * actor) still writes after the other session wrote (no stale snapshot). */
static void test_two_sessions(void **state)
{
	struct fx *f = *state;
	struct err e;
	struct store *b;
	char *c = NULL;
	assert_int_equal(store_open(f->path, TESTCLOCK_OPTS, &b, &e), ST_OK);
	testclock_now = NOW;
	assert_int_equal(store_set_actor(b, "alice", &e), ST_OK);
	assert_int_equal(store_set_actor(f->st, "alice", &e), ST_OK);
	assert_int_equal(store_draft_save(b, "lab.add", f->pid, "from b", &e), ST_OK);
	assert_int_equal(store_draft_save(f->st, "lab.add", f->pid, "from a", &e), ST_OK);
	assert_int_equal(store_draft_load(b, "lab.add", f->pid, &c, NULL, &e), ST_OK);
	assert_string_equal(c, "from a");
	free(c);
	struct user u = {0, "carol", "Carol", ROLE_BIT(ROLE_NURSE), false};
	assert_int_equal(store_user_add(b, &u, &e), ST_OK);
	assert_int_equal(store_set_actor(f->st, "carol", &e), ST_OK);
	store_close(b);
}

/* The draft text: values with newlines and backslashes survive the trip;
 * a key is matched whole; a value too long for the buffer is refused, never
 * cut; a missing key says so. */
static void test_codec(void **state)
{
	(void)state;
	struct strbuf sb;
	char v[16];
	sb_init(&sb);
	draft_put(&sb, "note", "a\\b\nc");
	draft_put(&sb, "ab", "second");
	draft_put(&sb, "a", "");
	assert_string_equal(sb_str(&sb), "note=a\\\\b\\nc\nab=second\na=\n");
	assert_true(draft_get(sb_str(&sb), "note", v, sizeof v));
	assert_string_equal(v, "a\\b\nc");
	assert_true(draft_get(sb_str(&sb), "a", v, sizeof v));
	assert_string_equal(v, "");
	assert_true(draft_get(sb_str(&sb), "ab", v, sizeof v));
	assert_string_equal(v, "second");
	assert_false(draft_get(sb_str(&sb), "missing", v, sizeof v));
	assert_false(draft_get(sb_str(&sb), "ab", v, 6)); /* "second" needs 7 bytes */
	assert_true(draft_get(sb_str(&sb), "ab", v, 7));
	assert_false(draft_get("", "ab", v, sizeof v));
	/* No room at all: refused, and the buffer is not written (an empty value
	 * used to put its NUL one byte past it). */
	char b[2] = "x";
	assert_false(draft_get("k=\n", "k", b, 0));
	assert_int_equal(b[0], 'x');
	sb_done(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_save_load_replace, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_keyed_by_user_form_patient, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_each_newest_first, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_limits, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_needs_actor, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_close_mid_write, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_two_sessions, setup, teardown),
	    cmocka_unit_test(test_codec),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
