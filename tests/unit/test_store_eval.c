/* test_store_eval.c: checklist and plan storage against real SQLite files —
 * answers, sign-off, amendment of a signed evaluation, roles, plans with
 * their schedule, and the protocol kept when a file is refused. */
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
#include "uc_checklist.h"
#include <sqlite3.h>

#include "assets.h"
#include "store_auth.h"
#include "store_eval.h"
#include "store_protocol.h"
#include "store_sig.h"

#define DEFAULT "assets/protocols/ucmsc-default.ini"

struct fx {
	char dir[TMPDB_DIR_MAX];
	char path[TMPDB_PATH_MAX];
	struct store *st;
	struct protocol p;
	const char *text;
	struct config cfg;
	int64_t pid;
	day_t today;
	struct err e;
};

static day_t day(const char *s)
{
	day_t d;
	assert_true(date_parse(s, &d));
	return d;
}

static void as(struct fx *f, const char *login)
{
	assert_int_equal(store_set_actor(f->st, login, &f->e), ST_OK);
}

static void lab(struct fx *f, enum analyte_id a, double v, const char *date)
{
	struct lab_result r = {0};
	struct err e;
	r.patient_id = f->pid;
	r.analyte = a;
	r.value = r.canonical = v;
	strcpy(r.unit, analyte_unit(a, UNITS_US));
	r.date = day(date);
	strcpy(r.source, "test");
	assert_int_equal(store_lab_add(f->st, &r, 1, &e), ST_OK);
}

static enum status answer(struct fx *f, const char *item, bool yes, const char *value,
			  const char *date)
{
	struct checklist_answer a = {0};
	a.patient_id = f->pid;
	strcpy(a.item, item);
	a.yes = yes;
	strcpy(a.value, value);
	a.answered_on = day(date);
	return store_answer_add(f->st, &f->p, &a, &f->e);
}

static void imaging(struct fx *f, enum modality m, enum finding hcc, enum finding thr)
{
	struct imaging_note n;
	imaging_init(&n);
	n.patient_id = f->pid;
	n.modality = m;
	n.hcc = hcc;
	n.thrombosis = thr;
	n.ascites = FIND_NO;
	n.date = day("2026-11-10");
	assert_int_equal(store_imaging_add(f->st, &n, &f->e), ST_OK);
}

/* A patient who is READY on 2026-11-23, recorded by nurse nina. */
static void ready_patient(struct fx *f)
{
	struct patient p = {0};
	strcpy(p.mrn, "E1");
	strcpy(p.name, "DOE, Jane");
	p.dob = day("1970-01-01");
	p.sex = 'F';
	p.weight_kg = 60;
	p.weight_date = day("2026-11-20");
	assert_int_equal(store_patient_add(f->st, &p, &f->e), ST_OK);
	f->pid = p.id;
	const char *d = "2026-11-16";
	lab(f, ANALYTE_BILIRUBIN, 2.3, d);
	lab(f, ANALYTE_INR, 1.6, d);
	lab(f, ANALYTE_CREATININE, 1.1, d);
	lab(f, ANALYTE_SODIUM, 134, d);
	lab(f, ANALYTE_ALBUMIN, 2.9, d);
	lab(f, ANALYTE_ALT, 40, d);
	lab(f, ANALYTE_AST, 60, d);
	lab(f, ANALYTE_PLATELETS, 90, d);
	lab(f, ANALYTE_AFP, 5, d);
	imaging(f, MOD_MRI, FIND_NO, FIND_NA);
	imaging(f, MOD_DOPPLER, FIND_NA, FIND_NO);
	const char *no[] = {"malignancy", "infection",		"gi_bleed",	 "pregnancy", "hiv",
			    "transplant", "immunosuppressants", "organ_disease", "allergy"};
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		assert_int_equal(answer(f, no[i], false, "", "2026-11-20"), ST_OK);
	assert_int_equal(answer(f, "encephalopathy", false, "", "2026-11-20"), ST_OK);
	assert_int_equal(answer(f, "consent", true, "2026-11-19", "2026-11-20"), ST_OK);
}

/* A signature needs the signer's password accepted first (uc_sign.h does
 * it through PAM); storage tests record the acceptance directly. */
static void password_ok(struct fx *f)
{
	assert_int_equal(store_auth_record(f->st, "signature", true, &f->e), ST_OK);
}

static enum status amend_signed(struct fx *f, const char *reason, struct evaluation *ev)
{
	password_ok(f);
	return uc_eval_amend(f->st, &f->cfg, &f->p, f->text, f->pid, f->today, reason, ev, &f->e);
}

static enum status plan_signed(struct fx *f, const struct plan_request *rq, struct plan *pl,
			       struct schedule_item *it, int *n)
{
	password_ok(f);
	return store_plan_add(f->st, &f->p, rq, f->pid, f->today, pl, it, n, &f->e);
}

/* Physicians sign evaluations (and make plans): phil signs. */
static enum status phil_signs(struct fx *f, struct evaluation *ev)
{
	as(f, "phil");
	password_ok(f);
	return uc_eval_sign(f->st, &f->cfg, &f->p, f->text, f->pid, f->today, ev, &f->e);
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	tmpdb_open(f->dir, f->path, "eval", "clinic.db", &f->st);
	f->today = day("2026-11-23");
	testclock_now = date_to_time(f->today) + 9 * 3600;
	as(f, "alice");
	struct user nina = {0, "nina", "Nina", ROLE_BIT(ROLE_NURSE), false};
	struct user phil = {0, "phil", "Phil", ROLE_BIT(ROLE_PHYSICIAN), false};
	assert_int_equal(store_user_add(f->st, &nina, &f->e), ST_OK);
	assert_int_equal(store_user_add(f->st, &phil, &f->e), ST_OK);
	f->text = asset_text(DEFAULT);
	assert_int_equal(protocol_parse(DEFAULT, f->text, &f->p, &f->e), ST_OK);
	config_defaults(&f->cfg);
	as(f, "nina");
	ready_patient(f);
	as(f, "phil");
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

static void answers_newest_per_item(void **state)
{
	struct fx *f = *state;
	struct checklist_answer a[PROTOCOL_ITEMS_MAX];
	int n;
	as(f, "nina");
	assert_int_equal(answer(f, "hiv", true, "", "2026-11-22"), ST_OK);
	assert_int_equal(
	    store_answer_latest(f->st, f->pid, f->today, a, PROTOCOL_ITEMS_MAX, &n, &f->e), ST_OK);
	assert_int_equal(n, 11);
	bool seen = false;
	for (int i = 0; i < n; i++)
		if (strcmp(a[i].item, "hiv") == 0) {
			assert_true(a[i].yes);
			seen = true;
		}
	assert_true(seen);
	/* On 2026-11-21 the newer answer did not exist yet. */
	assert_int_equal(
	    store_answer_latest(f->st, f->pid, day("2026-11-21"), a, PROTOCOL_ITEMS_MAX, &n, &f->e),
	    ST_OK);
	for (int i = 0; i < n; i++)
		if (strcmp(a[i].item, "hiv") == 0)
			assert_false(a[i].yes);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM answers WHERE item = 'hiv'"), 2);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM audit WHERE tbl = 'answers' "
					    "AND actor = 'nina'"),
			 12);
	/* Refused answers change nothing. */
	assert_int_equal(answer(f, "labs", true, "", "2026-11-22"), ST_INVALID);
	assert_int_equal(answer(f, "encephalopathy", true, "7", "2026-11-22"), ST_INVALID);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM answers"), 12);
}

/* A signature is written only with the signer's password accepted in this
 * run, once: without it nothing is signed (storage enforces it, whatever
 * the caller); with it the signature row names the signer, the time, the
 * meaning and the hash of the canonical text of the row signed. */
static void signing_needs_the_password(void **state)
{
	struct fx *f = *state;
	struct evaluation ev;
	struct signature sig;
	bool found = false;
	as(f, "phil");
	assert_int_equal(uc_eval_sign(f->st, &f->cfg, &f->p, f->text, f->pid, f->today, &ev, &f->e),
			 ST_DENIED);
	assert_non_null(strstr(f->e.msg, "password"));
	assert_int_equal(store_eval_current(f->st, f->pid, &ev, &f->e), ST_NOT_FOUND);
	/* Accepted for nina: not phil's. */
	as(f, "nina");
	password_ok(f);
	as(f, "phil");
	assert_int_equal(uc_eval_sign(f->st, &f->cfg, &f->p, f->text, f->pid, f->today, &ev, &f->e),
			 ST_DENIED);
	assert_int_equal(phil_signs(f, &ev), ST_OK);
	assert_int_equal(store_sig_get(f->st, "evaluations", ev.id, &sig, &found, &f->e), ST_OK);
	assert_true(found);
	assert_string_equal(sig.signer, "phil");
	assert_string_equal(sig.meaning, "I approve this evaluation: READY");
	assert_int_equal(sig.kind, SIG_EVALUATION);
	assert_int_equal(sig.patient_id, f->pid);
	char *detail, hash[65];
	assert_int_equal(store_eval_detail(f->st, ev.id, &detail, &f->e), ST_OK);
	struct strbuf sb;
	sb_init(&sb);
	sig_canon_eval(&sb, &sig, &ev, detail);
	sig_hash(sb_str(&sb), hash);
	assert_string_equal(sig.hash, hash);
	sb_done(&sb);
	free(detail);
	/* The acceptance was used up: an amendment needs the password again. */
	assert_int_equal(
	    uc_eval_amend(f->st, &f->cfg, &f->p, f->text, f->pid, f->today, "again", &ev, &f->e),
	    ST_DENIED);
}

static void sign_records_and_refuses_twice(void **state)
{
	struct fx *f = *state;
	struct evaluation ev, cur;
	struct checklist_result r;
	assert_int_equal(uc_checklist_load(f->st, &f->cfg, &f->p, f->pid, f->today, &r, &f->e),
			 ST_OK);
	assert_int_equal(r.status, EVAL_READY);
	assert_int_equal(store_eval_current(f->st, f->pid, &cur, &f->e), ST_NOT_FOUND);
	assert_string_equal(f->e.msg, "no signed evaluation");
	assert_int_equal(phil_signs(f, &ev), ST_OK);
	assert_int_equal(ev.status, EVAL_READY);
	assert_string_equal(ev.signed_by, "phil");
	assert_int_equal(ev.chain_version, 1);
	assert_string_equal(ev.protocol_hash, f->p.hash);
	assert_int_equal(ev.as_of, f->today);
	char *detail;
	assert_int_equal(store_eval_detail(f->st, ev.id, &detail, &f->e), ST_OK);
	assert_non_null(strstr(detail, "\"status\":\"READY\""));
	assert_non_null(strstr(detail, "bilirubin 2.3 mg/dL on 2026-11-16, 7 days old"));
	free(detail);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM protocols"), 1);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM audit WHERE tbl = 'evaluations' "
					    "AND action = 'create' AND actor = 'phil'"),
			 1);
	assert_int_equal(phil_signs(f, &ev), ST_DUPLICATE);
	assert_non_null(strstr(f->e.msg, "already signed: version 1 (READY"));
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM evaluations"), 1);
	/* The database itself refuses an edit of a signed row. */
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_not_equal(
	    sqlite3_exec(db, "UPDATE evaluations SET status = 'EXCLUDED'", NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
}

static void amendment_keeps_the_old_version(void **state)
{
	struct fx *f = *state;
	struct evaluation ev, am, hist[4];
	int n;
	assert_int_equal(phil_signs(f, &ev), ST_OK);
	assert_int_equal(answer(f, "hiv", true, "", "2026-11-23"), ST_OK);
	/* A nurse may not amend. */
	as(f, "nina");
	assert_int_equal(amend_signed(f, "HIV test came back", &am), ST_DENIED);
	assert_non_null(strstr(f->e.msg, "physician"));
	as(f, "phil");
	assert_int_equal(amend_signed(f, "", &am), ST_INVALID);
	assert_non_null(strstr(f->e.msg, "reason"));
	assert_int_equal(amend_signed(f, "HIV test came back", &am), ST_OK);
	assert_int_equal(am.status, EVAL_EXCLUDED);
	assert_int_equal(am.chain_version, 2);
	assert_int_equal(am.amends, ev.id);
	assert_string_equal(am.amend_reason, "HIV test came back");
	assert_string_equal(am.signed_by, "phil");
	assert_int_equal(store_eval_history(f->st, f->pid, hist, 4, &n, &f->e), ST_OK);
	assert_int_equal(n, 2);
	assert_int_equal(hist[0].status, EVAL_READY);
	assert_string_equal(hist[0].signed_by, "phil");
	assert_int_equal(hist[0].superseded_by, am.id);
	assert_int_equal(hist[1].superseded_by, 0);
	struct evaluation cur;
	assert_int_equal(store_eval_current(f->st, f->pid, &cur, &f->e), ST_OK);
	assert_int_equal(cur.id, am.id);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM audit WHERE tbl = 'evaluations' "
					    "AND action = 'update' AND actor = 'phil'"),
			 1);
}

static void plan_needs_ready_signed_evaluation(void **state)
{
	struct fx *f = *state;
	struct plan_request rq = {ROUTE_IV, NAN, 0, 0, 0, ""};
	struct plan pl;
	struct schedule_item it[PLAN_SCHEDULE_MAX];
	int n;
	struct evaluation ev;
	rq.first_date = day("2026-11-30");
	assert_int_equal(plan_signed(f, &rq, &pl, it, &n), ST_INVALID);
	assert_non_null(strstr(f->e.msg, "sign the checklist first"));
	assert_int_equal(answer(f, "consent", false, "", "2026-11-23"), ST_OK);
	assert_int_equal(phil_signs(f, &ev), ST_OK);
	assert_int_equal(ev.status, EVAL_NOT_READY);
	assert_int_equal(plan_signed(f, &rq, &pl, it, &n), ST_INVALID);
	assert_non_null(strstr(f->e.msg, "is NOT_READY"));
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM plans"), 0);
}

static void plan_with_schedule(void **state)
{
	struct fx *f = *state;
	struct plan_request rq = {ROUTE_IV, NAN, 0, 0, 0, ""};
	struct plan pl, cur;
	struct schedule_item it[PLAN_SCHEDULE_MAX], list[40];
	int n, m;
	struct evaluation ev;
	rq.first_date = day("2026-11-30");
	assert_int_equal(store_plan_current(f->st, f->pid, &cur, &f->e), ST_NOT_FOUND);
	assert_string_equal(f->e.msg, "no active treatment plan");
	assert_int_equal(phil_signs(f, &ev), ST_OK);
	assert_int_equal(plan_signed(f, &rq, &pl, it, &n), ST_OK);
	assert_int_equal(n, 12);
	assert_true(pl.cells_per_infusion == 3.0e7);
	assert_int_equal(pl.evaluation_id, ev.id);
	assert_int_equal(store_plan_current(f->st, f->pid, &cur, &f->e), ST_OK);
	assert_int_equal(cur.id, pl.id);
	assert_true(cur.cells_per_kg == 0.5e6 && cur.weight_kg == 60);
	assert_int_equal(store_schedule_list(f->st, f->pid, list, 40, &m, &f->e), ST_OK);
	assert_int_equal(m, 12);
	assert_int_equal(tmpdb_int(f->path,
				   "SELECT count(*) FROM schedule WHERE kind = 'visit' AND "
				   "window_before = 3 AND window_after = 3"),
			 9);
	assert_int_equal(plan_signed(f, &rq, &pl, it, &n), ST_DUPLICATE);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM schedule"), 12);
}

static void intrahepatic_needs_a_physician(void **state)
{
	struct fx *f = *state;
	struct plan_request rq = {ROUTE_INTRAHEPATIC, NAN, 0, 0, 0, ""};
	struct plan pl;
	struct schedule_item it[PLAN_SCHEDULE_MAX];
	int n;
	struct evaluation ev;
	rq.first_date = day("2026-11-30");
	assert_int_equal(phil_signs(f, &ev), ST_OK);
	as(f, "nina");
	assert_int_equal(plan_signed(f, &rq, &pl, it, &n), ST_DENIED);
	assert_non_null(strstr(f->e.msg, "physician"));
	strcpy(rq.physician, "phil");
	assert_int_equal(plan_signed(f, &rq, &pl, it, &n), ST_DENIED);
	as(f, "phil");
	/* The route's gates (the fixture's INR 1.6 is above 1.5): refused with the
	 * data used; a fresh INR of 1.4 lets the physician's plan through. */
	assert_int_equal(plan_signed(f, &rq, &pl, it, &n), ST_INVALID);
	assert_non_null(strstr(f->e.msg, "intrahepatic: INR 1.6 is above the protocol's 1.5"));
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM plans"), 0);
	lab(f, ANALYTE_INR, 1.4, "2026-11-20");
	assert_int_equal(plan_signed(f, &rq, &pl, it, &n), ST_OK);
	assert_string_equal(pl.physician, "phil");
	assert_true(pl.physician_signed_at > 0);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM plans WHERE route = "
					    "'intrahepatic' AND physician = 'phil' AND "
					    "physician_signed_at IS NOT NULL"),
			 1);
}

/* Protocols live in the database (issue 13): with none activated the
 * built-in one runs; only an administrator installs (validated, text and
 * hash kept) and activates; the same name and version with another text is
 * refused, so a look-alike file cannot replace the clinic's criteria. */
static void installed_protocol_is_the_active_one(void **state)
{
	struct fx *f = *state;
	struct protocol p;
	char *text = NULL;
	static const char site7[] =
	    "[protocol]\nname = Site\nversion = 7\n[item.w]\nkind = weight\nlabel = W\n";
	static const char site7b[] =
	    "[protocol]\nname = Site\nversion = 7\n[item.v]\nkind = weight\nlabel = V\n";
	static const char bad[] = "[protocol]\nname = Site\nversion = 8\n[item.l]\nkind = lab\n"
				  "label = L\nanalytes = bilirubin, glucose\n";
	assert_int_equal(store_protocol_active(f->st, &p, &text, &f->e), ST_OK);
	assert_string_equal(p.hash, f->p.hash);
	free(text);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM protocols"), 0);

	as(f, "phil");
	assert_int_equal(store_protocol_install(f->st, "site.ini", site7, &p, &f->e), ST_DENIED);
	assert_non_null(strstr(f->e.msg, "manage the protocol"));
	as(f, "alice");
	assert_int_equal(store_protocol_install(f->st, "bad.ini", bad, &p, &f->e), ST_INVALID);
	assert_non_null(
	    strstr(f->e.msg, "bad.ini:7: [item.l] analytes: unknown analyte 'glucose'"));
	assert_int_equal(store_protocol_install(f->st, "site.ini", site7, &p, &f->e), ST_OK);
	assert_int_equal(store_protocol_install(f->st, "mine.ini", site7b, &p, &f->e),
			 ST_DUPLICATE);
	assert_non_null(strstr(f->e.msg, "Site version 7 is already installed with another text"));
	/* Installed is not active. */
	assert_int_equal(store_protocol_active(f->st, &p, NULL, &f->e), ST_OK);
	assert_string_equal(p.hash, f->p.hash);
	as(f, "phil");
	assert_int_equal(store_protocol_activate(f->st, "Site", "7", &p, &f->e), ST_DENIED);
	as(f, "alice");
	assert_int_equal(store_protocol_activate(f->st, "Site", "9", &p, &f->e), ST_NOT_FOUND);
	assert_int_equal(store_protocol_activate(f->st, "Site", "7", &p, &f->e), ST_OK);
	as(f, "phil");
	assert_int_equal(store_protocol_active(f->st, &p, &text, &f->e), ST_OK);
	assert_string_equal(p.version, "7");
	assert_string_equal(text, site7);
	free(text);
	struct protocol_row rows[4];
	int n;
	assert_int_equal(store_protocol_list(f->st, rows, 4, &n, &f->e), ST_OK);
	assert_int_equal(n, 1);
	assert_true(rows[0].active);
	assert_string_equal(rows[0].installed_by, "alice");
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM audit WHERE tbl IN "
					    "('protocols', 'protocol_activations') AND actor = "
					    "'alice'"),
			 2);
}

/* Rows of the tables a checklist could write to, as "protocols/audit/evaluations". */
static void written_rows(const struct fx *f, char *out, size_t n)
{
	snprintf(out, n, "%lld/%lld/%lld", tmpdb_int(f->path, "SELECT count(*) FROM protocols"),
		 tmpdb_int(f->path, "SELECT count(*) FROM audit"),
		 tmpdb_int(f->path, "SELECT count(*) FROM evaluations"));
}

/* Open the checklist as a screen does: the active protocol, then the
 * patient's result, READY, under the protocol in the file. */
static void open_checklist(struct fx *f, struct store *st)
{
	struct protocol p;
	struct checklist_result r;
	char *text = NULL;
	assert_int_equal(store_protocol_active(st, &p, &text, &f->e), ST_OK);
	assert_string_equal(p.hash, f->p.hash);
	assert_non_null(text);
	free(text);
	assert_int_equal(uc_checklist_load(st, &f->cfg, &p, f->pid, f->today, &r, &f->e), ST_OK);
	assert_int_equal(r.status, EVAL_READY);
}

/* Opening a patient's checklist is a read: nothing is written (the old read
 * path kept the protocol text with an ignored error), and it works on a
 * database opened read-only, where a write is refused as such. */
static void checklist_read_writes_nothing(void **state)
{
	struct fx *f = *state;
	char before[64], after[64];
	written_rows(f, before, sizeof before);
	assert_int_equal(strncmp(before, "0/", 2), 0);

	open_checklist(f, f->st);
	written_rows(f, after, sizeof after);
	assert_string_equal(after, before);

	struct store *ro;
	struct store_opts o = *TESTCLOCK_OPTS;
	struct evaluation ev;
	o.readonly = true;
	o.create = false;
	assert_int_equal(store_open(f->path, &o, &ro, &f->e), ST_OK);
	assert_int_equal(store_set_actor(ro, "phil", &f->e), ST_OK);
	open_checklist(f, ro);
	assert_int_equal(uc_eval_sign(ro, &f->cfg, &f->p, f->text, f->pid, f->today, &ev, &f->e),
			 ST_READONLY);
	store_close(ro);
	written_rows(f, after, sizeof after);
	assert_string_equal(after, before);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
	    T(answers_newest_per_item),
	    T(signing_needs_the_password),
	    T(sign_records_and_refuses_twice),
	    T(amendment_keeps_the_old_version),
	    T(plan_needs_ready_signed_evaluation),
	    T(plan_with_schedule),
	    T(intrahepatic_needs_a_physician),
	    T(installed_protocol_is_the_active_one),
	    T(checklist_read_writes_nothing),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
