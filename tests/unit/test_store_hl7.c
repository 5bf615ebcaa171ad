/* test_store_hl7.c: storage of the HL7 feed against real SQLite files — one
 * transaction per message (its lab rows, their trace, queued items, notes
 * and the message row), idempotence by sender and MSH-10, the queue
 * (insert, count, list, get, store, reject, conflicts), a corrected result
 * through the correction path with both values in the audit, and nothing
 * written for a message that is refused or fails half way. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "tmpdb.h"

#include "config.h"
#include "date.h"
#include "lab.h"
#include "store.h"
#include "store_hl7.h"
#include "uc_import.h"

struct fx {
	char dir[TMPDB_DIR_MAX];
	char path[TMPDB_PATH_MAX];
	struct store *st;
	struct patient p, other;
};

static day_t day(const char *s)
{
	day_t d = DAY_NONE;
	assert_true(date_parse(s, &d));
	return d;
}

static void add_patient(struct fx *f, struct patient *p, const char *mrn, const char *name)
{
	struct err e;
	memset(p, 0, sizeof *p);
	strcpy(p->mrn, mrn);
	strcpy(p->name, name);
	p->dob = day("1960-05-06");
	p->sex = 'F';
	p->weight_kg = NAN;
	p->weight_date = DAY_NONE;
	assert_int_equal(store_patient_add(f->st, p, &e), ST_OK);
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct err e;
	tmpdb_open(f->dir, f->path, "hl7", "clinic.db", &f->st);
	testclock_now = (int64_t)day("2026-03-02") * 86400 + 10 * 3600;
	assert_int_equal(store_set_actor(f->st, "alice", &e), ST_OK);
	add_patient(f, &f->p, "H1", "HEPA, Anna");
	add_patient(f, &f->other, "H2", "OTHER, Olga");
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

static long long q(struct fx *f, const char *sql)
{
	return tmpdb_int(f->path, sql);
}

/* A result to store (or correct) on patient p: value in conventional units,
 * collected on 2026-03-01, the laboratory's result key key. */
static struct hl7_item stored(const struct patient *p, enum analyte_id a, const char *value,
			      const char *key, enum hl7_action action)
{
	struct hl7_item it;
	struct err e;
	memset(&it, 0, sizeof it);
	it.action = action;
	it.have_analyte = true;
	assert_int_equal(lab_entry(a, UNITS_US, value, false, &it.lab, &e), ST_OK);
	it.lab.patient_id = p->id;
	it.lab.date = day("2026-03-01");
	strcpy(it.lab.source, "hl7:LIS");
	it.patient_id = p->id;
	strcpy(it.mrn, p->mrn);
	strcpy(it.value, value);
	strcpy(it.collected, "2026-03-01");
	it.status = action == HL7_CORRECT ? 'C' : 'F';
	snprintf(it.result_key, sizeof it.result_key, "%s", key);
	return it;
}

/* A result that waits: reason r, the MRN sent, code and value as sent. */
static struct hl7_item queued(enum hl7_queue_reason r, const char *mrn, const char *code,
			      const char *value)
{
	struct hl7_item it;
	memset(&it, 0, sizeof it);
	it.action = HL7_QUEUE;
	it.reason = r;
	it.obx_line = 4;
	snprintf(it.detail, sizeof it.detail, "why %s", code);
	strcpy(it.mrn, mrn);
	strcpy(it.name, "SENT, Name");
	strcpy(it.dob, "1960-05-06");
	strcpy(it.code, code);
	strcpy(it.value, value);
	strcpy(it.unit, "mg/dL");
	strcpy(it.collected, "2026-03-01");
	it.status = 'F';
	it.have_analyte =
	    analyte_from_key("bilirubin", &it.lab.analyte) && strcmp(code, "1975-2") == 0;
	return it;
}

static void test_one_transaction(void **state)
{
	struct fx *f = *state;
	struct err e = {""};
	struct hl7_saved sv;
	struct hl7_item items[4] = {
	    stored(&f->p, ANALYTE_BILIRUBIN, "2.1", "LIS^LAB|O1|1975-2", HL7_STORE),
	    stored(&f->p, ANALYTE_ALBUMIN, "3.0", "LIS^LAB|O1|1751-7", HL7_STORE),
	    queued(HL7_Q_UNKNOWN_CODE, "H1", "2345-7", "5.4"),
	    {.action = HL7_NOTE, .obx_line = 7, .code = "1920-8", .detail = "preliminary"},
	};
	long long audit = q(f, "SELECT count(*) FROM audit");
	assert_int_equal(store_hl7_save(f->st, "LIS^LAB", "M1", "file", items, 4, &sv, &e), ST_OK);
	assert_int_equal(sv.stored, 2);
	assert_int_equal(sv.queued, 1);
	assert_int_equal(sv.noted, 1);
	assert_int_equal(sv.corrected, 0);
	assert_true(sv.message_id > 0);
	assert_int_equal(q(f, "SELECT count(*) FROM labs"), 2);
	assert_int_equal(q(f, "SELECT count(*) FROM hl7_results WHERE message_id = 1"), 2);
	assert_int_equal(q(f, "SELECT count(*) FROM hl7_queue WHERE message_id = 1"), 1);
	assert_int_equal(q(f, "SELECT stored * 1000 + corrected * 100 + queued * 10 + noted FROM "
			      "hl7_messages WHERE sender = 'LIS^LAB' AND control_id = 'M1' AND "
			      "via = 'file' AND notes = 'segment 7 (1920-8): preliminary'"),
			 2011);
	/* The message is one transaction: every row it wrote is audited at one
	 * time by one actor (message, 2 labs, 2 traces, 1 queued item, the
	 * message's counts). */
	assert_int_equal(q(f, "SELECT count(*) FROM audit") - audit, 7);
	assert_int_equal(q(f, "SELECT count(DISTINCT ts) + count(DISTINCT actor) FROM audit WHERE "
			      "tbl IN ('labs', 'hl7_results', 'hl7_queue', 'hl7_messages')"),
			 2);
}

static void test_failure_half_way_writes_nothing(void **state)
{
	struct fx *f = *state;
	struct err e = {""};
	struct hl7_saved sv;
	struct hl7_item items[3] = {
	    stored(&f->p, ANALYTE_BILIRUBIN, "2.1", "LIS^LAB|O1|1975-2", HL7_STORE),
	    queued(HL7_Q_UNKNOWN_MRN, "Z9", "1975-2", "1.0"),
	    stored(&f->p, ANALYTE_ALBUMIN, "3.0", "LIS^LAB|O1|1751-7", HL7_STORE),
	};
	items[2].lab.patient_id = 999999; /* no such patient: the third insert fails */
	long long audit = q(f, "SELECT count(*) FROM audit");
	assert_int_not_equal(store_hl7_save(f->st, "LIS^LAB", "M2", "mllp", items, 3, &sv, &e),
			     ST_OK);
	assert_int_equal(q(f, "SELECT (SELECT count(*) FROM labs) + (SELECT count(*) FROM "
			      "hl7_queue) + (SELECT count(*) FROM hl7_messages) + (SELECT count(*) "
			      "FROM hl7_results)"),
			 0);
	assert_int_equal(q(f, "SELECT count(*) FROM audit"), audit);
	/* Redelivered once the cause is gone, it is not a duplicate. */
	items[2].lab.patient_id = f->p.id;
	assert_int_equal(store_hl7_save(f->st, "LIS^LAB", "M2", "mllp", items, 3, &sv, &e), ST_OK);
	assert_int_equal(sv.stored, 2);
}

static void test_refused_message_writes_nothing(void **state)
{
	struct fx *f = *state;
	struct err e = {""};
	struct config cfg;
	struct uc_import r;
	static const char bad[] = "MSH|^~\\&|LIS|LAB|HD|CLINIC|20260301090000||ORU^R01|M3|P|2.5.1\r"
				  "PID|1||H1^^^CLINIC^MR||HEPA^Anna||19600506|F\r"
				  "OBR|1||O3|24323-8^Panel^LN|||202603010730\r"
				  "OBX|1|NM|1975-2^Bilirubin^LN||2.0|mg/dL|||||F\r"
				  "OBX|2|NM|6301-6^INR^LN||1\\Q\\5|{INR}|||||F\r";
	config_defaults(&cfg);
	struct uc_import_opts o = {"file", false, "", "", day("2026-03-02"), &cfg};
	long long audit = q(f, "SELECT count(*) FROM audit");
	assert_int_equal(uc_import_message(f->st, bad, sizeof bad - 1, &o, &r, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "segment 5 (OBX), field 5"));
	assert_int_equal(q(f, "SELECT (SELECT count(*) FROM labs) + (SELECT count(*) FROM "
			      "hl7_messages)"),
			 0);
	assert_int_equal(q(f, "SELECT count(*) FROM audit"), audit);
	/* A viewer may not take a message in: refused before anything. */
	struct user v = {0, "vic", "Vic Viewer", ROLE_BIT(ROLE_VIEWER), false};
	assert_int_equal(store_user_add(f->st, &v, &e), ST_OK);
	assert_int_equal(store_set_actor(f->st, "vic", &e), ST_OK);
	struct hl7_item it = stored(&f->p, ANALYTE_BILIRUBIN, "2.1", "k", HL7_STORE);
	struct hl7_saved sv;
	audit = q(f, "SELECT count(*) FROM audit");
	assert_int_equal(store_hl7_save(f->st, "LIS^LAB", "M4", "file", &it, 1, &sv, &e),
			 ST_DENIED);
	assert_int_equal(q(f, "SELECT count(*) FROM labs"), 0);
	assert_int_equal(q(f, "SELECT count(*) FROM audit"), audit);
}

static void test_duplicate_by_sender_and_control_id(void **state)
{
	struct fx *f = *state;
	struct err e = {""};
	struct hl7_saved sv;
	bool seen = true;
	struct hl7_item it =
	    stored(&f->p, ANALYTE_BILIRUBIN, "2.1", "LIS^LAB|O1|1975-2", HL7_STORE);
	assert_int_equal(store_hl7_seen(f->st, "LIS^LAB", "M1", &seen, &e), ST_OK);
	assert_false(seen);
	assert_int_equal(store_hl7_save(f->st, "LIS^LAB", "M1", "file", &it, 1, &sv, &e), ST_OK);
	assert_int_equal(store_hl7_seen(f->st, "LIS^LAB", "M1", &seen, &e), ST_OK);
	assert_true(seen);
	long long audit = q(f, "SELECT count(*) FROM audit");
	assert_int_equal(store_hl7_save(f->st, "LIS^LAB", "M1", "mllp", &it, 1, &sv, &e),
			 ST_DUPLICATE);
	assert_int_equal(q(f, "SELECT count(*) FROM labs"), 1);
	assert_int_equal(q(f, "SELECT count(*) FROM audit"), audit);
	/* The same MSH-10 from another sender is another message. */
	assert_int_equal(store_hl7_save(f->st, "LIS2^LAB", "M1", "file", &it, 1, &sv, &e), ST_OK);
	assert_int_equal(q(f, "SELECT count(*) FROM labs"), 2);
	assert_int_equal(q(f, "SELECT count(*) FROM hl7_messages"), 2);
}

static void keep_ids(const struct hl7_queued *r, void *arg)
{
	int64_t *ids = arg;
	ids[++ids[0]] = r->id;
	assert_string_equal(r->sender, "LIS^LAB");
	assert_string_equal(r->state, "open");
	assert_int_equal(r->item.status, 'F');
}

static void test_queue(void **state)
{
	struct fx *f = *state;
	struct err e = {""};
	struct hl7_saved sv;
	struct hl7_queued got;
	int64_t n = -1, ids[8] = {0};
	struct hl7_item items[3] = {
	    queued(HL7_Q_UNKNOWN_MRN, "Z9", "1975-2", "1.0"),
	    queued(HL7_Q_UNKNOWN_CODE, "H1", "2345-7", "5.4"),
	    queued(HL7_Q_MISMATCH, "H1", "1975-2", "1.9"),
	};
	items[2].patient_id = f->p.id;
	assert_int_equal(store_hl7_queue_count(f->st, &n, &e), ST_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_hl7_save(f->st, "LIS^LAB", "Q1", "file", items, 3, &sv, &e), ST_OK);
	assert_int_equal(store_hl7_queue_count(f->st, &n, &e), ST_OK);
	assert_int_equal(n, 3);
	assert_int_equal(store_hl7_queue_each(f->st, 2, keep_ids, ids, &e), ST_OK);
	assert_int_equal(ids[0], 2);  /* the limit */
	assert_true(ids[1] < ids[2]); /* oldest first */

	assert_int_equal(store_hl7_queue_get(f->st, ids[1], &got, &e), ST_OK);
	assert_int_equal(got.item.reason, HL7_Q_UNKNOWN_MRN);
	assert_string_equal(got.item.mrn, "Z9");
	assert_string_equal(got.item.detail, "why 1975-2");
	assert_string_equal(got.item.dob, "1960-05-06");
	assert_string_equal(got.control_id, "Q1");
	assert_int_equal(got.item.patient_id, 0);
	assert_true(got.item.have_analyte);
	assert_int_equal(got.version, 1);
	assert_int_equal(store_hl7_queue_get(f->st, 999, &got, &e), ST_NOT_FOUND);

	/* Store the first on H2 (the nurse's match), with the reason. */
	struct lab_result r;
	memset(&r, 0, sizeof r);
	assert_int_equal(lab_entry(ANALYTE_BILIRUBIN, UNITS_US, "1.0", false, &r, &e), ST_OK);
	r.patient_id = f->other.id;
	r.date = day("2026-03-01");
	strcpy(r.source, "hl7:LIS");
	assert_int_equal(store_hl7_queue_store(f->st, ids[1], 1, &r, "", &e), ST_INVALID);
	assert_int_equal(store_hl7_queue_store(f->st, ids[1], 1, &r, "bad\x1b[2J", &e), ST_INVALID);
	assert_int_equal(q(f, "SELECT count(*) FROM labs"), 0);
	assert_int_equal(store_hl7_queue_store(f->st, ids[1], 1, &r, "MRN mistyped", &e), ST_OK);
	assert_int_equal(q(f, "SELECT count(*) FROM labs l JOIN hl7_queue h ON h.lab_id = l.id "
			      "WHERE h.state = 'stored' AND h.resolution = 'MRN mistyped' AND "
			      "h.resolved_by = 'alice' AND h.version = 2 AND l.patient_id = 2"),
			 1);
	/* Resolved once: a second resolution at the version read conflicts. */
	assert_int_equal(store_hl7_queue_reject(f->st, ids[1], 1, "again", &e), ST_CONFLICT);
	assert_int_equal(store_hl7_queue_reject(f->st, ids[2], 7, "stale", &e), ST_CONFLICT);
	assert_int_equal(store_hl7_queue_reject(f->st, ids[2], 1, "not ours", &e), ST_OK);
	assert_int_equal(store_hl7_queue_count(f->st, &n, &e), ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(q(f, "SELECT count(*) FROM labs"), 1);
	/* Both resolutions are in the audit trail with the actor. */
	assert_int_equal(q(f, "SELECT count(*) FROM audit WHERE tbl = 'hl7_queue' AND action = "
			      "'update' AND actor = 'alice'"),
			 2);
	assert_int_equal(q(f, "SELECT count(*) FROM audit WHERE tbl = 'hl7_queue' AND action = "
			      "'update' AND json_extract(before, '$.state') = 'open' AND "
			      "json_extract(after, '$.state') = 'rejected'"),
			 1);
}

static void test_correction_keeps_both(void **state)
{
	struct fx *f = *state;
	struct err e = {""};
	struct hl7_saved sv;
	struct hl7_item a[2] = {
	    stored(&f->p, ANALYTE_BILIRUBIN, "2.1", "LIS^LAB|O1|1975-2", HL7_STORE),
	    stored(&f->other, ANALYTE_BILIRUBIN, "1.5", "LIS^LAB|O1|1975-2", HL7_STORE),
	};
	assert_int_equal(store_hl7_save(f->st, "LIS^LAB", "C1", "file", a, 2, &sv, &e), ST_OK);
	int64_t first = a[0].lab.id;
	struct hl7_item c =
	    stored(&f->p, ANALYTE_BILIRUBIN, "2.4", "LIS^LAB|O1|1975-2", HL7_CORRECT);
	assert_int_equal(store_hl7_save(f->st, "LIS^LAB", "C2", "file", &c, 1, &sv, &e), ST_OK);
	assert_int_equal(sv.corrected, 1);
	assert_int_equal(q(f, "SELECT count(*) FROM labs"), 2); /* corrected in place */
	char sql[256];
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM labs WHERE id = %lld AND value = 2.4 AND version = 2 AND "
		 "correction_reason = 'corrected by the laboratory (message C2)'",
		 (long long)first);
	assert_int_equal(q(f, sql), 1);
	/* The other patient's result of the same order and code is untouched. */
	assert_int_equal(q(f, "SELECT count(*) FROM labs WHERE patient_id = 2 AND value = 1.5 AND "
			      "version = 1"),
			 1);
	/* The audit trail keeps the value before and after. */
	snprintf(
	    sql, sizeof sql,
	    "SELECT count(*) FROM audit WHERE tbl = 'labs' AND action = 'update' AND row_id = "
	    "%lld AND json_extract(before, '$.value') = 2.1 AND json_extract(after, '$.value') "
	    "= 2.4",
	    (long long)first);
	assert_int_equal(q(f, sql), 1);
	/* A correction of a result never taken in is stored as a new row. */
	struct hl7_item n = stored(&f->p, ANALYTE_ALBUMIN, "3.1", "LIS^LAB|O9|1751-7", HL7_CORRECT);
	assert_int_equal(store_hl7_save(f->st, "LIS^LAB", "C3", "file", &n, 1, &sv, &e), ST_OK);
	assert_int_equal(sv.corrected, 1);
	assert_int_equal(q(f, "SELECT count(*) FROM labs"), 3);
	assert_int_equal(q(f, "SELECT count(*) FROM hl7_results WHERE result_key = "
			      "'LIS^LAB|O9|1751-7'"),
			 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_one_transaction, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_failure_half_way_writes_nothing, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_refused_message_writes_nothing, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_duplicate_by_sender_and_control_id, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_queue, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_correction_keeps_both, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
