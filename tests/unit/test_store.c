/* test_store.c: the storage module against real SQLite files — creation and
 * permissions, migrations, actors and roles, patients, labs, imaging, the
 * audit trail, lookup and optimistic concurrency. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "tmpdb.h"
#include <sqlite3.h>

#include "store.h"

#define NOW 1763942400 /* 2025-11-24 00:00 UTC */

struct fx {
	char dir[TMPDB_DIR_MAX];
	char path[TMPDB_PATH_MAX];
	struct store *st;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct err e;
	tmpdb_open(f->dir, f->path, "store", "sub/clinic.db", &f->st);
	testclock_now = NOW;
	assert_int_equal(store_set_actor(f->st, "alice", &e), ST_OK);
	*state = f;
	return 0;
}

/* For the test of creation itself: store_open makes the folder and file
 * (the other tests start from a copy of the template). */
static int setup_created(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct err e;
	tmpdb_create(f->dir, f->path, "store", "sub/clinic.db", &f->st);
	testclock_now = NOW;
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

static bool plan_uses(const char *path, const char *q, const char *index)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	char buf[512];
	bool used = false, scan = false;
	snprintf(buf, sizeof buf, "EXPLAIN QUERY PLAN %s", q);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, buf, -1, &s, NULL), SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(s, 3);
		used |= strstr(d, index) != NULL;
		scan |= strncmp(d, "SCAN", 4) == 0;
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	return used && !scan;
}

static struct patient mk(const char *mrn, const char *name)
{
	struct patient p = {0};
	strcpy(p.mrn, mrn);
	strcpy(p.name, name);
	date_parse("1970-01-02", &p.dob);
	p.sex = 'F';
	p.weight_kg = NAN;
	p.weight_date = DAY_NONE;
	return p;
}

static void test_created_private(void **state)
{
	struct fx *f = *state;
	struct stat sb;
	assert_int_equal(stat(f->path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	char folder[128];
	snprintf(folder, sizeof folder, "%s/sub", f->dir);
	assert_int_equal(stat(folder, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	assert_int_equal(tmpdb_int(f->path, "PRAGMA user_version"), store_schema_version());
	assert_int_equal(store_file_version(f->st), store_schema_version());
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM users WHERE login = 'alice' "
					    "AND role = 'admin'"),
			 1);
}

static void test_world_readable_refused(void **state)
{
	struct fx *f = *state;
	struct store *st;
	struct err e;
	assert_int_equal(chmod(f->path, 0644), 0);
	assert_int_equal(store_open(f->path, TESTCLOCK_OPTS, &st, &e), ST_DENIED);
	assert_non_null(strstr(e.msg, "chmod o-rwx"));
	assert_null(st);
}

static void test_newer_schema_refused(void **state)
{
	struct fx *f = *state;
	struct store *st;
	struct err e;
	char q[64];
	snprintf(q, sizeof q, "PRAGMA user_version = %d", store_schema_version() + 1);
	assert_int_equal(tmpdb_exec(f->path, q), SQLITE_OK);
	assert_int_equal(store_open(f->path, TESTCLOCK_OPTS, &st, &e), ST_TOO_NEW);
	assert_non_null(strstr(e.msg, "newer"));
}

static void test_unknown_user_denied(void **state)
{
	struct fx *f = *state;
	struct err e;
	assert_int_equal(store_set_actor(f->st, "mallory", &e), ST_DENIED);
	assert_non_null(strstr(e.msg, "not authorised — ask the administrator"));
	assert_null(store_actor(f->st));
	struct patient p = mk("X1", "DOE, J");
	assert_int_equal(store_patient_add(f->st, &p, &e), ST_DENIED);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM users"), 1);
}

static void test_roles(void **state)
{
	struct fx *f = *state;
	struct err e;
	struct user v = {0, "vic", "Vic Viewer", ROLE_BIT(ROLE_VIEWER), false};
	assert_int_equal(store_user_add(f->st, &v, &e), ST_OK);
	assert_int_equal(store_set_actor(f->st, "vic", &e), ST_OK);
	struct patient p = mk("X2", "DOE, J");
	assert_int_equal(store_patient_add(f->st, &p, &e), ST_DENIED);
	assert_non_null(strstr(e.msg, "nurse"));
	struct user n = {0, "ned", "Ned", ROLE_BIT(ROLE_NURSE), false};
	assert_int_equal(store_user_add(f->st, &n, &e), ST_DENIED);
	assert_non_null(strstr(e.msg, "admin"));
	assert_int_equal(store_set_actor(f->st, "alice", &e), ST_OK);
	assert_int_equal(store_user_disable(f->st, "vic", &e), ST_OK);
	assert_int_equal(store_set_actor(f->st, "vic", &e), ST_DENIED);
}

static void test_patient_and_audit(void **state)
{
	struct fx *f = *state;
	struct err e;
	struct patient p = mk("ab-12", "Müller, Hans"), got;
	assert_int_equal(store_patient_add(f->st, &p, &e), ST_OK);
	assert_int_equal(strcmp(p.mrn, "AB-12"), 0);
	assert_int_equal(store_patient_by_mrn(f->st, "ab-12", &got, &e), ST_OK);
	assert_string_equal(got.name, "Müller, Hans");
	assert_true(isnan(got.weight_kg));
	assert_int_equal(got.version, 1);
	struct patient dup = mk("AB-12", "OTHER, X");
	assert_int_equal(store_patient_add(f->st, &dup, &e), ST_DUPLICATE);
	assert_int_equal(tmpdb_int(f->path,
				   "SELECT count(*) FROM audit WHERE action = 'create' AND "
				   "tbl = 'patients' AND actor = 'alice' AND after LIKE "
				   "'%Müller%'"),
			 1);
	/* The audit refuses updates and deletes, even from outside the program. */
	assert_int_not_equal(tmpdb_exec(f->path, "UPDATE audit SET actor = 'x'"), SQLITE_OK);
	assert_int_not_equal(tmpdb_exec(f->path, "DELETE FROM audit"), SQLITE_OK);
}

static void test_conflict(void **state)
{
	struct fx *f = *state;
	struct err e;
	struct patient p = mk("C1", "DOE, Jane"), a, b, theirs;
	assert_int_equal(store_patient_add(f->st, &p, &e), ST_OK);
	assert_int_equal(store_patient_get(f->st, p.id, &a, &e), ST_OK);
	b = a;
	strcpy(a.name, "DOE, Janet");
	assert_int_equal(store_patient_update(f->st, &a, NULL, &e), ST_OK);
	assert_int_equal(a.version, 2);
	strcpy(b.name, "DOE, Jean");
	assert_int_equal(store_patient_update(f->st, &b, &theirs, &e), ST_CONFLICT);
	assert_string_equal(theirs.name, "DOE, Janet");
	assert_int_equal(theirs.version, 2);
	assert_int_equal(
	    tmpdb_int(f->path, "SELECT count(*) FROM patients WHERE name = 'DOE, Janet'"), 1);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM audit WHERE action = 'conflict'"),
			 1);
	assert_int_equal(tmpdb_int(f->path,
				   "SELECT count(*) FROM audit WHERE action = 'update' AND "
				   "before LIKE '%DOE, Jane\"%' AND after LIKE '%DOE, Janet%'"),
			 1);
}

static void test_find(void **state)
{
	struct fx *f = *state;
	struct err e;
	const char *names[][2] = {{"100", "SMITH, John"},
				  {"101", "SMITHERS, Jane"},
				  {"200", "MÜLLER, Hans"},
				  {"300", "Nguyễn, Văn An"}};
	for (int i = 0; i < 4; i++) {
		struct patient p = mk(names[i][0], names[i][1]);
		assert_int_equal(store_patient_add(f->st, &p, &e), ST_OK);
	}
	struct patient_hit h[10];
	int n;
	assert_int_equal(store_patient_find(f->st, "muller", h, 10, &n, &e), ST_OK);
	assert_int_equal(n, 1);
	assert_string_equal(h[0].mrn, "200");
	assert_int_equal(store_patient_find(f->st, "smith, j", h, 10, &n, &e), ST_OK);
	assert_int_equal(n, 1);
	assert_string_equal(h[0].mrn, "100");
	assert_int_equal(store_patient_find(f->st, "SMI", h, 10, &n, &e), ST_OK);
	assert_int_equal(n, 2);
	assert_int_equal(store_patient_find(f->st, "10", h, 1, &n, &e), ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(store_patient_find(f->st, "NGUYEN V", h, 10, &n, &e), ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(store_patient_viewed(f->st, h[0].id, "test", &e), ST_OK);
	assert_int_equal(store_patient_recent(f->st, h, 10, &n, &e), ST_OK);
	assert_int_equal(n, 1);
	assert_string_equal(h[0].mrn, "300");
	/* The lookup is answered from the indexes, never a table scan. */
	assert_true(
	    plan_uses(f->path,
		      "SELECT id, mrn, name, dob, sex FROM patients WHERE name_key >= 'A' AND "
		      "name_key < 'A' || char(1114111) ORDER BY name_key LIMIT 9",
		      "patients_lookup_name"));
	assert_true(plan_uses(f->path,
			      "SELECT id, mrn, name, dob, sex FROM patients WHERE mrn >= '1' AND "
			      "mrn < '1' || char(1114111) ORDER BY mrn LIMIT 9",
			      "patients_lookup_mrn"));
}

/* Every kind of lookup the prompt takes (lookup.h), from indexes; a patient
 * edit moves its keys; a lost index is rebuilt as the migration does. */
static void test_find_kinds(void **state)
{
	struct fx *f = *state;
	struct err e;
	struct patient a = mk("MRN-1001234", "O'BRIEN, Seán");
	struct patient b = mk("2005678", "SMITH-JONES, Anna");
	assert_true(date_parse("1956-03-14", &a.dob));
	assert_int_equal(store_patient_add(f->st, &a, &e), ST_OK);
	assert_int_equal(store_patient_add(f->st, &b, &e), ST_OK);
	struct patient_hit h[10];
	int n;
	const char *finds[][2] = {{"1234", "MRN-1001234"},
				  {"o1234", "MRN-1001234"},
				  {"obrien", "MRN-1001234"},
				  {"o'brien, sean", "MRN-1001234"},
				  {"sean", "MRN-1001234"},
				  {"1956-03-14", "MRN-1001234"},
				  {"smith jones", "2005678"},
				  {"smithjones", NULL},
				  {"s5678", "2005678"},
				  {"anna", "2005678"},
				  {"x1234", NULL},
				  {"1956-03-15", NULL}};
	for (size_t i = 0; i < sizeof finds / sizeof finds[0]; i++) {
		assert_int_equal(store_patient_find(f->st, finds[i][0], h, 10, &n, &e), ST_OK);
		if (!finds[i][1]) {
			assert_int_equal(n, 0);
			continue;
		}
		assert_int_equal(n, 1);
		assert_string_equal(h[0].mrn, finds[i][1]);
	}
	/* An edit moves the keys with the record. */
	strcpy(a.name, "KELLY, Seán");
	assert_int_equal(store_patient_update(f->st, &a, NULL, &e), ST_OK);
	assert_int_equal(store_patient_find(f->st, "obrien", h, 10, &n, &e), ST_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_patient_find(f->st, "k1234", h, 10, &n, &e), ST_OK);
	assert_int_equal(n, 1);
	/* Keys lost (an upgraded file, before the migration's rebuild) come back. */
	assert_int_equal(tmpdb_exec(f->path, "DELETE FROM lookup_keys"), 0);
	assert_int_equal(store_patient_find(f->st, "k1234", h, 10, &n, &e), ST_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_lookup_rebuild(f->st, &e), ST_OK);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM lookup_keys"),
			 7); /* 3 + 4: see lookup_patient_keys */
	assert_int_equal(store_patient_find(f->st, "k1234", h, 10, &n, &e), ST_OK);
	assert_int_equal(n, 1);
	/* Each kind is one range over the key index, never a scan. */
	assert_true(plan_uses(f->path,
			      "SELECT p.id, p.mrn, p.name, p.dob, p.sex FROM lookup_keys k JOIN "
			      "patients p ON p.id = k.patient_id WHERE k.key >= 'T1234' AND k.key "
			      "< 'T1234' || char(1114111) ORDER BY k.key, k.patient_id LIMIT 9",
			      "PRIMARY KEY (key>? AND key<?)"));
}

/* A patient with the same birth date and a similar name needs a reason,
 * kept in the record and so in its creation's audit row. */
static void test_register_similar(void **state)
{
	struct fx *f = *state;
	struct err e;
	struct patient a = mk("A1", "O'BRIEN, Seán"), b = mk("B1", "OBrien, Sean");
	struct patient twin = mk("C1", "O'BRIEN, Mary"), same_mrn = mk("A1", "OTHER, Al");
	assert_int_equal(store_patient_add(f->st, &a, &e), ST_OK);
	assert_int_equal(store_patient_add(f->st, &b, &e), ST_CONFIRM);
	assert_non_null(strstr(e.msg, "A1 O'BRIEN, Seán (born 1970-01-02, F)"));
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM patients"), 1);
	assert_int_equal(store_patient_register(f->st, &b, "", &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "reason"));
	assert_int_equal(store_patient_register(f->st, &b, "other person: checked ID card", &e),
			 ST_OK);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM audit WHERE action = 'create' "
					    "AND tbl = 'patients' AND after LIKE "
					    "'%\"similar_to\":\"A1\",\"similar_reason\":\"other "
					    "person: checked ID card\"%'"),
			 1);
	assert_int_equal(store_patient_add(f->st, &twin, &e), ST_OK); /* a twin */
	assert_int_equal(store_patient_add(f->st, &same_mrn, &e), ST_DUPLICATE);
	assert_string_equal(e.msg, "MRN: A1 is already registered");
}

static void test_labs_atomic(void **state)
{
	struct fx *f = *state;
	struct err e;
	struct patient p = mk("L1", "DOE, J");
	assert_int_equal(store_patient_add(f->st, &p, &e), ST_OK);
	struct lab_result r[2] = {{0}};
	assert_int_equal(lab_entry(ANALYTE_BILIRUBIN, UNITS_SI, "34.2", false, &r[0], &e), ST_OK);
	assert_int_equal(lab_entry(ANALYTE_INR, UNITS_US, "1.4", false, &r[1], &e), ST_OK);
	for (int i = 0; i < 2; i++) {
		r[i].patient_id = p.id;
		date_parse("2025-11-20", &r[i].date);
	}
	r[1].patient_id = 999; /* a foreign-key failure on the second row */
	assert_int_not_equal(store_lab_add(f->st, r, 2, &e), ST_OK);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM labs"), 0);
	r[1].patient_id = p.id;
	assert_int_equal(store_lab_add(f->st, r, 2, &e), ST_OK);
	struct lab_latest l;
	day_t on;
	date_parse("2025-11-24", &on);
	assert_int_equal(store_lab_latest(f->st, p.id, on, &l, &e), ST_OK);
	assert_true(l.have[ANALYTE_BILIRUBIN]);
	assert_true(fabs(l.r[ANALYTE_BILIRUBIN].canonical - 2.0) < 1e-9);
	assert_string_equal(l.r[ANALYTE_BILIRUBIN].unit, "µmol/L");
	assert_false(l.have[ANALYTE_SODIUM]);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM audit WHERE tbl = 'labs'"), 2);
}

/* The database's CHECK constraints repeat the analyte table's hard limits. */
static void test_check_matches_table(void **state)
{
	struct fx *f = *state;
	struct err e;
	struct patient p = mk("K1", "DOE, J");
	assert_int_equal(store_patient_add(f->st, &p, &e), ST_OK);
	for (int a = 0; a < ANALYTE_COUNT; a++) {
		const struct analyte *an = analyte_get((enum analyte_id)a);
		char q[256];
		double bad[2] = {an->hard_lo - fabs(an->hard_lo) * 0.01 - 0.01,
				 an->hard_hi + fabs(an->hard_hi) * 0.01 + 0.01};
		double good[2] = {an->hard_lo, an->hard_hi};
		for (int k = 0; k < 2; k++) {
			snprintf(
			    q, sizeof q,
			    "INSERT INTO labs (patient_id, analyte, value, unit, "
			    "canonical, date, source, created) VALUES (%lld, '%s', 0, '', %.17g, "
			    "'2025-01-01', 't', 0)",
			    (long long)p.id, an->key, bad[k]);
			assert_int_not_equal(tmpdb_exec(f->path, q), SQLITE_OK);
			/* A value at the limit is stored (the trigger needs the
			 * program's functions, so disable auditing by dropping
			 * nothing: go through the store instead). */
			struct lab_result r = {0};
			r.patient_id = p.id;
			r.analyte = (enum analyte_id)a;
			r.value = r.canonical = good[k];
			r.confirmed = true;
			date_parse("2025-01-01", &r.date);
			assert_int_equal(store_lab_add(f->st, &r, 1, &e), ST_OK);
		}
	}
}

/* A list that a read error cuts short is reported, never returned as if
 * complete: damage a leaf page of the labs table and read the history. */
static void test_list_error_reported(void **state)
{
	struct fx *f = *state;
	struct err e;
	struct patient p = mk("D1", "DOE, J");
	assert_int_equal(store_patient_add(f->st, &p, &e), ST_OK);
	struct lab_result r[50];
	for (int batch = 0; batch < 8; batch++) {
		for (int i = 0; i < 50; i++) {
			memset(&r[i], 0, sizeof r[i]);
			assert_int_equal(
			    lab_entry(ANALYTE_BILIRUBIN, UNITS_US, "1.5", false, &r[i], &e), ST_OK);
			r[i].patient_id = p.id;
			r[i].date = 18000 + batch * 50 + i;
		}
		assert_int_equal(store_lab_add(f->st, r, 50, &e), ST_OK);
	}
	store_close(f->st); /* the last close checkpoints the WAL into the file */
	long long leaf = tmpdb_int(f->path, "SELECT max(pageno) FROM dbstat WHERE name = 'labs' "
					    "AND pagetype = 'leaf'");
	long long size = tmpdb_int(f->path, "PRAGMA page_size");
	assert_true(leaf > 1);
	FILE *fp = fopen(f->path, "r+b");
	assert_non_null(fp);
	char junk[65536];
	memset(junk, 0xff, sizeof junk);
	assert_int_equal(fseek(fp, (leaf - 1) * size, SEEK_SET), 0);
	assert_int_equal(fwrite(junk, 1, (size_t)size, fp), (size_t)size);
	fclose(fp);
	assert_int_equal(store_open(f->path, TESTCLOCK_OPTS, &f->st, &e), ST_OK);
	testclock_now = NOW;
	assert_int_equal(store_set_actor(f->st, "alice", &e), ST_OK);
	struct lab_result *out = calloc(1000, sizeof *out);
	int n = 0;
	enum status st = store_lab_history(f->st, p.id, ANALYTE_BILIRUBIN, out, 1000, &n, &e);
	free(out);
	assert_int_equal(st, ST_CORRUPT);
	assert_non_null(strstr(e.msg, "damaged"));
}

static void test_imaging(void **state)
{
	struct fx *f = *state;
	struct err e;
	struct patient p = mk("I1", "DOE, J");
	assert_int_equal(store_patient_add(f->st, &p, &e), ST_OK);
	struct imaging_note n, out[4];
	int cnt;
	imaging_init(&n);
	n.patient_id = p.id;
	date_parse("2025-11-01", &n.date);
	n.modality = MOD_DOPPLER;
	n.thrombosis = FIND_NO;
	strcpy(n.note, "Portal vein patent.\nHepatic veins patent.");
	assert_int_equal(store_imaging_add(f->st, &n, &e), ST_OK);
	assert_int_equal(store_imaging_list(f->st, p.id, out, 4, &cnt, &e), ST_OK);
	assert_int_equal(cnt, 1);
	assert_int_equal(out[0].modality, MOD_DOPPLER);
	assert_int_equal(out[0].thrombosis, FIND_NO);
	assert_int_equal(out[0].hcc, FIND_NA);
	assert_string_equal(out[0].note, "Portal vein patent.\nHepatic veins patent.");
	strcpy(n.note, "bad \x1b[31m");
	assert_int_equal(store_imaging_add(f->st, &n, &e), ST_INVALID);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM imaging"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_created_private, setup_created, teardown),
	    cmocka_unit_test_setup_teardown(test_world_readable_refused, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_newer_schema_refused, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_unknown_user_denied, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_roles, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_patient_and_audit, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_conflict, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_find, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_find_kinds, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_register_similar, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_labs_atomic, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_check_matches_table, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_imaging, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_list_error_reported, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
