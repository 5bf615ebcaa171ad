/* test_store_followup.c: follow-up storage against real SQLite files — a
 * READY demo patient with an IV plan (eval module), then visits against the
 * schedule (in, before and after the window), labs with the visit, missed
 * visits, infusions, adverse events linked to the last infusion, roles, one
 * transaction per action, and both dashboards loaded from what was stored. */
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
#include "uc_dashboard.h"
#include <sqlite3.h>

#include "config.h"
#include "dashboard.h"
#include "demo.h"
#include "store.h"
#include "store_eval.h"
#include "store_followup.h"
#include "store_sae.h"
#include "store_treat.h"

struct fx {
	char dir[TMPDB_DIR_MAX];
	char path[TMPDB_PATH_MAX];
	struct store *st;
	struct patient p;
	struct config cfg;
};

static day_t day(const char *s)
{
	day_t d = DAY_NONE;
	assert_true(date_parse(s, &d));
	return d;
}

/* Set the store's clock to noon UTC of a day. */
static void on(struct fx *f, const char *d)
{
	testclock_now = (int64_t)day(d) * 86400 + 12 * 3600;
}

/* The plan is made on 2026-01-05: infusions 2026-01-12, 02-09, 03-09
 * (window +-2), visits W1 2026-01-19, W2 01-26, W4 02-09, W8 03-09,
 * W12 04-06 ... (window +-3). */
static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct err e;
	int64_t first;
	tmpdb_open(f->dir, f->path, "follow", "clinic.db", &f->st);
	on(f, "2026-01-05");
	assert_int_equal(store_set_actor(f->st, "alice", &e), ST_OK);
	assert_int_equal(store_demo_begin(f->st, 3, 1, &first, &e), ST_OK);
	assert_int_equal(demo_eval_patients(f->st, day("2026-01-05"), &e), ST_OK);
	assert_int_equal(store_demo_end(f->st, true, &e), ST_OK);
	assert_int_equal(store_patient_by_mrn(f->st, "90000001", &f->p, &e), ST_OK);
	config_defaults(&f->cfg);
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

static int64_t item(struct fx *f, const char *label)
{
	struct schedule_item it;
	struct err e;
	assert_int_equal(store_schedule_by_label(f->st, f->p.id, label, &it, &e), ST_OK);
	return it.id;
}

static struct visit visit_on(struct fx *f, const char *label, const char *d)
{
	struct visit v;
	visit_init(&v);
	v.patient_id = f->p.id;
	v.schedule_id = label ? item(f, label) : 0;
	v.date = day(d);
	return v;
}

static struct lab_result lab(enum analyte_id a, double v)
{
	struct lab_result r;
	struct err e;
	char text[32];
	memset(&r, 0, sizeof r);
	snprintf(text, sizeof text, "%g", v);
	assert_int_equal(lab_entry(a, UNITS_US, text, false, &r, &e), ST_OK);
	r.date = DAY_NONE;
	return r;
}

static void test_visit_in_window_with_labs(void **state)
{
	struct fx *f = *state;
	struct err e;
	on(f, "2026-02-11");
	struct visit v = visit_on(f, "W4", "2026-02-11"); /* due 02-09, window to 02-12 */
	v.temp_c = 37.1;
	v.symptom[SYM_FATIGUE] = SEV_MILD;
	v.ascites = 1;
	v.he = 0;
	struct lab_result labs[] = {lab(ANALYTE_ALBUMIN, 3.2), lab(ANALYTE_ALT, 31)};
	assert_int_equal(store_visit_add(f->st, &v, labs, 2, &e), ST_OK);
	assert_true(v.id > 0);
	assert_int_equal(v.timing, VT_IN_WINDOW);
	assert_string_equal(v.label, "W4");
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM schedule WHERE label = 'W4' AND "
					    "state = 'done'"),
			 1);
	assert_int_equal(tmpdb_int(f->path,
				   "SELECT count(*) FROM labs WHERE visit_id IS NOT NULL AND "
				   "date = '2026-02-11'"),
			 2);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM audit WHERE tbl = 'visits' AND "
					    "action = 'create' AND actor = 'alice'"),
			 1);
	assert_int_equal(tmpdb_int(f->path, "SELECT fatigue * 10 + ascites_grade FROM visits"), 11);
	/* The same item again: refused, nothing written. */
	struct visit again = visit_on(f, "W4", "2026-02-11");
	assert_int_equal(store_visit_add(f->st, &again, NULL, 0, &e), ST_CONFLICT);
	assert_non_null(strstr(e.msg, "W4 is already done"));
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM visits"), 1);
}

static void test_visit_early_and_late(void **state)
{
	struct fx *f = *state;
	struct err e;
	on(f, "2026-01-31");
	struct visit late = visit_on(f, "W1", "2026-01-23"); /* window 01-16..01-22 */
	assert_int_equal(store_visit_add(f->st, &late, NULL, 0, &e), ST_OK);
	assert_int_equal(late.timing, VT_LATE);
	struct visit edge = visit_on(f, "W2", "2026-01-29"); /* last day of 01-23..01-29 */
	assert_int_equal(store_visit_add(f->st, &edge, NULL, 0, &e), ST_OK);
	assert_int_equal(edge.timing, VT_IN_WINDOW);
	struct visit early = visit_on(f, "W4", "2026-01-31"); /* window opens 02-06 */
	assert_int_equal(store_visit_add(f->st, &early, NULL, 0, &e), ST_OK);
	assert_int_equal(early.timing, VT_EARLY);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM visits WHERE timing = 'late'"),
			 1);
	/* Not after the store's day (one day of slack for time zones). */
	struct visit future = visit_on(f, "W8", "2026-02-02");
	assert_int_equal(store_visit_add(f->st, &future, NULL, 0, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "after today"));
	struct visit unscheduled = visit_on(f, NULL, "2026-01-30");
	assert_int_equal(store_visit_add(f->st, &unscheduled, NULL, 0, &e), ST_OK);
	assert_int_equal(tmpdb_int(f->path,
				   "SELECT count(*) FROM visits WHERE schedule_id IS NULL AND "
				   "timing IS NULL"),
			 1);
}

static void test_one_transaction(void **state)
{
	struct fx *f = *state;
	struct err e;
	on(f, "2026-02-10");
	struct visit v = visit_on(f, "W4", "2026-02-10");
	struct lab_result labs[] = {lab(ANALYTE_ALT, 31), lab(ANALYTE_INR, 1.2)};
	labs[1].canonical = 25; /* beyond the hard limit: the whole visit is refused */
	long long audit = tmpdb_int(f->path, "SELECT count(*) FROM audit");
	assert_int_equal(store_visit_add(f->st, &v, labs, 2, &e), ST_INVALID);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM visits"), 0);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM labs WHERE visit_id IS NOT NULL"),
			 0);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM schedule WHERE state <> 'open'"),
			 0);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM audit"), audit);
}

static void test_missed(void **state)
{
	struct fx *f = *state;
	struct err e;
	on(f, "2026-01-30");
	struct visit v = visit_on(f, "W1", "2026-01-30");
	assert_int_equal(store_visit_missed(f->st, &v, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "reason"));
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM visits"), 0);
	strcpy(v.reason, "admitted to another hospital");
	assert_int_equal(store_visit_missed(f->st, &v, &e), ST_OK);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM schedule WHERE label = 'W1' AND "
					    "state = 'missed'"),
			 1);
	assert_int_equal(tmpdb_int(f->path,
				   "SELECT count(*) FROM visits WHERE state = 'missed' AND "
				   "missed_reason = 'admitted to another hospital'"),
			 1);
	struct visit done = visit_on(f, NULL, "2026-01-30");
	done.schedule_id = v.schedule_id;
	assert_int_equal(store_visit_add(f->st, &done, NULL, 0, &e), ST_CONFLICT);
	/* An infusion item is not a visit. */
	struct visit wrong = visit_on(f, "Infusion 1", "2026-01-30");
	assert_int_equal(store_visit_add(f->st, &wrong, NULL, 0, &e), ST_INVALID);
}

/* A recorded visit corrected: the values, the day (its labs follow, the
 * timing is worked out again), the reason on the row, the old version in the
 * audit trail; a stale version, a bad value, no reason, a missed visit or
 * another patient's visit change nothing. */
static void test_visit_correct(void **state)
{
	struct fx *f = *state;
	struct err e;
	on(f, "2026-01-31");
	struct visit v = visit_on(f, "W1", "2026-01-19"); /* window 01-16..01-22 */
	v.temp_c = 38.5;
	struct lab_result labs[] = {lab(ANALYTE_ALBUMIN, 3.2)};
	assert_int_equal(store_visit_add(f->st, &v, labs, 1, &e), ST_OK);
	struct visit c;
	assert_int_equal(store_visit_get(f->st, f->p.id, v.id, &c, &e), ST_OK);
	assert_int_equal(c.version, 1);
	assert_string_equal(c.correction, "");
	c.temp_c = 36.8;
	c.date = day("2026-01-23"); /* a day after the window */
	assert_int_equal(store_visit_correct(f->st, &c, "typed 38.5 for 36.8, and the day", &e),
			 ST_OK);
	assert_int_equal(c.version, 2);
	assert_int_equal(c.timing, VT_LATE);
	struct visit got;
	assert_int_equal(store_visit_get(f->st, f->p.id, v.id, &got, &e), ST_OK);
	assert_true(got.temp_c == 36.8);
	assert_int_equal(got.date, day("2026-01-23"));
	assert_int_equal(got.timing, VT_LATE);
	assert_int_equal(got.version, 2);
	assert_string_equal(got.correction, "typed 38.5 for 36.8, and the day");
	assert_string_equal(got.label, "W1");
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM labs WHERE visit_id IS NOT NULL "
					    "AND date = '2026-01-23' AND version = 2"),
			 1);
	assert_int_equal(tmpdb_int(f->path,
				   "SELECT count(*) FROM audit WHERE tbl = 'visits' AND "
				   "action = 'update' AND json_extract(before, '$.temp_c') = 38.5 "
				   "AND json_extract(after, '$.temp_c') = 36.8"),
			 1);
	long long audit = tmpdb_int(f->path, "SELECT count(*) FROM audit");
	/* The version read before the correction is stale now. */
	struct visit stale = got;
	stale.version = 1;
	stale.temp_c = 37.0;
	assert_int_equal(store_visit_correct(f->st, &stale, "again", &e), ST_CONFLICT);
	assert_non_null(strstr(e.msg, "changed by someone else"));
	/* Out of range, no reason: refused with the field named. */
	struct visit bad = got;
	bad.temp_c = 47;
	assert_int_equal(store_visit_correct(f->st, &bad, "fever", &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "temperature"));
	bad = got;
	assert_int_equal(store_visit_correct(f->st, &bad, "", &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "correction reason"));
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM audit"), audit);
	assert_int_equal(tmpdb_int(f->path, "SELECT round(temp_c * 10) FROM visits"), 368);
	/* A missed visit is not corrected here; another patient's id is not found. */
	struct visit m = visit_on(f, "W2", "2026-01-30");
	strcpy(m.reason, "no transport");
	assert_int_equal(store_visit_missed(f->st, &m, &e), ST_OK);
	assert_int_equal(store_visit_get(f->st, f->p.id, m.id, &c, &e), ST_OK);
	assert_int_equal(store_visit_correct(f->st, &c, "wrong", &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "missed"));
	c = got;
	c.patient_id = f->p.id + 1;
	assert_int_equal(store_visit_correct(f->st, &c, "wrong patient", &e), ST_NOT_FOUND);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM audit"), audit + 2);
}

static struct infusion infusion_at(struct fx *f, const char *label, int64_t t)
{
	struct infusion inf;
	infusion_init(&inf);
	inf.patient_id = f->p.id;
	inf.schedule_id = label ? item(f, label) : 0;
	inf.given_at = t;
	inf.date = date_from_time(t, 0);
	inf.cells = 2.9e7;
	strcpy(inf.lot, "UC-2026-0007");
	strcpy(inf.given_by, "alice");
	return inf;
}

static struct ae event(struct fx *f, const char *term, int grade, int64_t t)
{
	struct ae a;
	ae_init(&a);
	a.patient_id = f->p.id;
	strcpy(a.term, term);
	a.grade = grade;
	a.onset_at = t;
	a.onset = date_from_time(t, 0);
	return a;
}

/* A check that gives every item the state in *ctx: storage acts on the
 * verdict (the check itself: tests/cli/infusion.sh). */
static enum status fixed_check(void *ctx, struct store *st, const struct infusion *f,
			       struct icheck_result *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	for (int i = 0; i < ICHECK_COUNT; i++) {
		out->lines[i].item = (enum icheck_item)i;
		out->lines[i].state = i == ICHECK_DOSE ? *(enum icheck_state *)ctx : ICHK_PASS;
		if (out->lines[i].state != ICHK_PASS)
			strcpy(out->lines[i].reason, "as the test says");
	}
	out->state = *(enum icheck_state *)ctx;
	return ST_OK;
}

static enum icheck_state check_says = ICHK_PASS;
static const struct store_infusion_checker passing = {fixed_check, &check_says};

static enum status add_infusion(struct store *st, struct infusion *f, struct err *e)
{
	return store_infusion_add(st, f, &passing, NULL, e);
}

static void test_infusion_and_ae(void **state)
{
	struct fx *f = *state;
	struct err e;
	int64_t t1 = (int64_t)day("2026-01-12") * 86400 + 9 * 3600;
	on(f, "2026-01-11");
	struct ae before = event(f, "Fatigue", 1, t1 - 86400);
	assert_int_equal(store_ae_add(f->st, &before, &e), ST_OK);
	assert_int_equal(before.days_since_infusion, -1);
	assert_int_equal(before.infusion_id, 0);
	on(f, "2026-01-13");
	struct infusion inf = infusion_at(f, "Infusion 1", t1);
	assert_int_equal(add_infusion(f->st, &inf, &e), ST_OK);
	assert_int_equal(tmpdb_int(f->path,
				   "SELECT count(*) FROM schedule WHERE label = 'Infusion 1' AND "
				   "state = 'done'"),
			 1);
	on(f, "2026-01-14");
	struct ae fever = event(f, "Fever", 2, t1 + 29 * 3600); /* the next day, 14:00 */
	fever.temp_c = 39.4;
	fever.relation = AE_REL_PROBABLE;
	assert_int_equal(store_ae_add(f->st, &fever, &e), ST_OK);
	assert_int_equal(fever.infusion_id, inf.id);
	assert_int_equal(fever.days_since_infusion, 1);
	assert_int_equal(tmpdb_int(f->path, "SELECT days_since_infusion FROM adverse_events WHERE "
					    "term = 'Fever'"),
			 1);
	/* Not in the future; a visit item is not an infusion. */
	struct ae later = event(f, "Fever", 1, (int64_t)day("2026-01-15") * 86400);
	assert_int_equal(store_ae_add(f->st, &later, &e), ST_INVALID);
	struct infusion wrong = infusion_at(f, "W1", t1);
	assert_int_equal(add_infusion(f->st, &wrong, &e), ST_INVALID);
	struct infusion again = infusion_at(f, "Infusion 1", t1);
	assert_int_equal(add_infusion(f->st, &again, &e), ST_CONFLICT);
	/* The check's verdict: refused names the item; a confirmation needs a
	 * physician's reason; nothing is written until it passes. */
	struct infusion more = infusion_at(f, "Infusion 2", t1 + 3600);
	check_says = ICHK_REFUSE;
	assert_int_equal(add_infusion(f->st, &more, &e), ST_INVALID);
	assert_string_equal(e.msg, "infusion check: dose: as the test says");
	check_says = ICHK_CONFIRM;
	assert_int_equal(add_infusion(f->st, &more, &e), ST_CONFIRM);
	check_says = ICHK_PASS;
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM infusions"), 1);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM infusions"), 1);
	/* Grade 5 must be fatal and serious; the schema holds it too. */
	struct ae death = event(f, "Death NOS", 5, t1 + 86400);
	assert_int_equal(store_ae_add(f->st, &death, &e), ST_INVALID);
}

static void test_ae_outcome(void **state)
{
	struct fx *f = *state;
	struct err e;
	struct ae a, got;
	on(f, "2026-01-20");
	a = event(f, "Nausea", 2, (int64_t)day("2026-01-18") * 86400);
	assert_int_equal(store_ae_add(f->st, &a, &e), ST_OK);
	assert_int_equal(store_ae_outcome(f->st, f->p.id, a.id, a.version, AE_OUT_RESOLVED,
					  day("2026-01-17"), &got, &e),
			 ST_INVALID);
	assert_non_null(strstr(e.msg, "between onset and today"));
	assert_int_equal(store_ae_outcome(f->st, f->p.id, a.id, a.version, AE_OUT_RESOLVED,
					  day("2026-01-19"), &got, &e),
			 ST_OK);
	assert_int_equal(got.version, 2);
	/* A stale version is a conflict and changes nothing. */
	assert_int_equal(store_ae_outcome(f->st, f->p.id, a.id, a.version, AE_OUT_NOT_RESOLVED,
					  DAY_NONE, &got, &e),
			 ST_CONFLICT);
	assert_int_equal(store_ae_get(f->st, f->p.id, a.id, &got, &e), ST_OK);
	assert_int_equal(got.outcome, AE_OUT_RESOLVED);
	assert_int_equal(got.resolved, day("2026-01-19"));
	assert_int_equal(store_ae_get(f->st, f->p.id + 1, a.id, &got, &e), ST_NOT_FOUND);
	assert_int_equal(tmpdb_int(f->path,
				   "SELECT count(*) FROM audit WHERE tbl = 'adverse_events' AND "
				   "action = 'update'"),
			 1);
}

static void test_roles(void **state)
{
	struct fx *f = *state;
	struct err e;
	struct user u = {0};
	strcpy(u.login, "vera");
	strcpy(u.display, "Vera");
	u.roles = ROLE_BIT(ROLE_VIEWER);
	assert_int_equal(store_user_add(f->st, &u, &e), ST_OK);
	assert_int_equal(store_set_actor(f->st, "vera", &e), ST_OK);
	on(f, "2026-01-20");
	struct visit v = visit_on(f, "W1", "2026-01-20");
	assert_int_equal(store_visit_add(f->st, &v, NULL, 0, &e), ST_DENIED);
	struct ae a = event(f, "Fever", 1, (int64_t)day("2026-01-20") * 86400);
	assert_int_equal(store_ae_add(f->st, &a, &e), ST_DENIED);
	struct visit out[4];
	int n = -1;
	assert_int_equal(store_visit_list(f->st, f->p.id, out, 4, &n, &e), ST_OK);
	assert_int_equal(n, 0);
}

static void add_visit(struct fx *f, const char *label, const char *d, double alb, double alt,
		      double bili)
{
	struct err e;
	on(f, d);
	struct visit v = visit_on(f, label, d);
	v.ascites = 1;
	v.he = 0;
	v.symptom[SYM_FATIGUE] = SEV_MILD;
	struct lab_result labs[] = {lab(ANALYTE_ALBUMIN, alb),	  lab(ANALYTE_ALT, alt),
				    lab(ANALYTE_BILIRUBIN, bili), lab(ANALYTE_INR, 1.4),
				    lab(ANALYTE_CREATININE, 1.0), lab(ANALYTE_SODIUM, 136)};
	assert_int_equal(store_visit_add(f->st, &v, labs, 6, &e), ST_OK);
}

static const struct dash_row *row(const struct dashboard *d, enum dash_measure m)
{
	return &d->rows[m];
}

static void test_dashboard_load(void **state)
{
	struct fx *f = *state;
	struct err e;
	/* A lab after the evaluation (as_of 2026-01-05) but before the first
	 * infusion (2026-01-12) is the baseline once the infusion is given
	 * (issue 11: the last value on or before the first infusion). */
	on(f, "2026-01-06");
	struct lab_result extra = lab(ANALYTE_ALT, 99);
	extra.patient_id = f->p.id;
	extra.date = day("2026-01-06");
	assert_int_equal(store_lab_add(f->st, &extra, 1, &e), ST_OK);
	on(f, "2026-01-13");
	struct infusion inf =
	    infusion_at(f, "Infusion 1", (int64_t)day("2026-01-12") * 86400 + 9 * 3600);
	assert_int_equal(add_infusion(f->st, &inf, &e), ST_OK);
	struct ae fever = event(f, "Fever", 1, inf.given_at + 6 * 3600);
	assert_int_equal(store_ae_add(f->st, &fever, &e), ST_OK);
	add_visit(f, "W1", "2026-01-19", 3.0, 38, 2.1);
	add_visit(f, "W2", "2026-01-27", 3.1, 33, 1.9);
	on(f, "2026-02-16");
	struct visit m = visit_on(f, "W4", "2026-02-16");
	strcpy(m.reason, "travelling");
	assert_int_equal(store_visit_missed(f->st, &m, &e), ST_OK);
	add_visit(f, NULL, "2026-02-20", 3.4, 25, 1.6);

	struct dashboard *d = calloc(1, sizeof *d);
	on(f, "2026-03-14"); /* Infusion 2 (02-09 +-2) is overdue; W8 (03-09 +-3) too */
	assert_int_equal(uc_dashboard_load(f->st, f->p.id, day("2026-03-14"), &f->cfg, d, &e),
			 ST_OK);
	assert_int_equal(d->as_of, day("2026-01-05"));
	assert_int_equal(d->baseline.from, DBASE_FIRST_INFUSION);
	assert_int_equal(d->baseline.day, day("2026-01-12"));
	const struct dash_row *alt = row(d, DASH_ALT);
	assert_true(alt->baseline.value == 99);
	assert_int_equal(alt->baseline.date, day("2026-01-06"));
	assert_true(alt->latest.value == 25);
	assert_int_equal(alt->dir, DIR_IMPROVED);
	assert_int_equal(alt->ntrend, 5); /* 40, 99, 38, 33, 25 */
	const struct dash_row *alb = row(d, DASH_ALBUMIN);
	assert_true(fabs(alb->change - 0.5) < 1e-9);
	assert_int_equal(alb->dir, DIR_IMPROVED);
	const struct dash_row *meld = row(d, DASH_MELD);
	assert_true(meld->have_baseline && meld->have_latest);
	assert_true(meld->latest.value < meld->baseline.value);
	assert_int_equal(meld->dir, DIR_IMPROVED);
	assert_false(row(d, DASH_STIFFNESS)->have_baseline);
	/* Calendar: Infusion 1 done, W1 W2 done, W4 missed, Infusion 2 overdue,
	 * W8 and Infusion 3 overdue (window closed 03-12 / 03-11), W12 next. */
	int done = 0, missed = 0, overdue = 0;
	for (int i = 0; i < d->ncal; i++) {
		done += d->cal[i].mark == VMARK_DONE;
		missed += d->cal[i].mark == VMARK_MISSED;
		overdue += d->cal[i].mark == VMARK_OVERDUE;
		if (strcmp(d->cal[i].item.label, "W4") == 0) {
			assert_string_equal(d->cal[i].reason, "travelling");
			assert_int_equal(d->cal[i].closed_on, day("2026-02-16"));
		}
		if (strcmp(d->cal[i].item.label, "Infusion 2") == 0)
			assert_int_equal(d->cal[i].days_overdue,
					 day("2026-03-14") - day("2026-02-11"));
	}
	assert_int_equal(done, 3);
	assert_int_equal(missed, 1);
	assert_int_equal(overdue, 3);
	assert_true(d->next >= 0);
	assert_string_equal(d->cal[d->next].item.label, "W12");
	assert_true(d->have_infusion);
	assert_int_equal(d->days_since_first_infusion, day("2026-03-14") - day("2026-01-12"));
	assert_int_equal(d->nae, 1);
	assert_int_equal(d->aes[0].days_since_infusion, 0);
	assert_int_equal(d->nvisits, 4); /* W1, W2, missed W4, unscheduled */
	assert_int_equal(d->visits[0].date, day("2026-01-19"));
	free(d);
}

static void test_clinic_load(void **state)
{
	struct fx *f = *state;
	struct err e;
	on(f, "2026-01-12");
	struct ae bleed =
	    event(f, "Upper gastrointestinal hemorrhage", 3, (int64_t)day("2026-01-11") * 86400);
	bleed.serious = true;
	bleed.relation = AE_REL_UNRELATED;
	bleed.action = AE_ACT_HOSPITALISED;
	assert_int_equal(store_ae_add(f->st, &bleed, &e), ST_INVALID); /* its clock is owed */
	assert_non_null(strstr(e.msg, "reporting deadline"));
	struct sae_due due = {SAE_INITIAL, store_now(f->st) + 86400};
	assert_int_equal(store_sae_add(f->st, &bleed, &due, 1, &e), ST_OK);
	struct ae mild = event(f, "Fatigue", 1, (int64_t)day("2026-01-11") * 86400);
	assert_int_equal(store_ae_add(f->st, &mild, &e), ST_OK);
	struct clinic_dashboard *cd = calloc(1, sizeof *cd);
	/* 2026-01-20: W1 (01-16..01-22) due; Infusion 1 (01-10..01-14) overdue 6 days. */
	enum status s = uc_clinic_load(f->st, day("2026-01-20"), 10, cd, &e);
	if (s != ST_OK)
		fail_msg("%s", e.msg);
	assert_int_equal(cd->ndue, 1);
	assert_string_equal(cd->due[0].item.label, "W1");
	assert_string_equal(cd->due[0].mrn, "90000001");
	assert_int_equal(cd->noverdue, 1);
	assert_string_equal(cd->overdue[0].item.label, "Infusion 1");
	assert_int_equal(cd->overdue[0].days_overdue, 6);
	assert_int_equal(cd->counts.due_today, 1);
	assert_int_equal(cd->counts.overdue, 1);
	assert_int_equal(cd->nserious, 1);
	assert_string_equal(cd->serious[0].ae.term, "Upper gastrointestinal hemorrhage");
	assert_int_equal(cd->counts.serious_ae_30d, 1);
	/* The NOT_READY demo patient has no signed evaluation: it awaits one,
	 * and its checklist was begun (answers recorded), so it awaits sign-off. */
	assert_int_equal(cd->counts.awaiting_evaluation, 1);
	assert_int_equal(cd->nawaiting, 1);
	assert_string_equal(cd->awaiting_evaluation[0].mrn, "90000002");
	assert_int_equal(cd->counts.awaiting_signoff, 1);
	assert_int_equal(cd->nsignoff, 1);
	assert_string_equal(cd->awaiting_signoff[0].mrn, "90000002");
	/* Edges: 01-22 is W1's last day; 01-23 it is overdue by 1. */
	assert_int_equal(uc_clinic_load(f->st, day("2026-01-22"), 10, cd, &e), ST_OK);
	assert_int_equal(cd->counts.due_today, 1);
	assert_int_equal(uc_clinic_load(f->st, day("2026-01-23"), 10, cd, &e), ST_OK);
	assert_int_equal(cd->counts.due_today, 1); /* W2 opens 01-23 */
	assert_string_equal(cd->due[0].item.label, "W2");
	assert_int_equal(cd->counts.overdue, 2);
	assert_string_equal(cd->overdue[1].item.label, "W1");
	assert_int_equal(cd->overdue[1].days_overdue, 1);
	/* 31 days later the bleed is no longer recent. */
	assert_int_equal(uc_clinic_load(f->st, day("2026-02-11"), 10, cd, &e), ST_OK);
	assert_int_equal(cd->nserious, 0);
	/* A limit bounds every list. */
	assert_int_equal(uc_clinic_load(f->st, day("2026-04-01"), 2, cd, &e), ST_OK);
	assert_int_equal(cd->noverdue, 2);
	assert_true(cd->counts.overdue > 2);
	free(cd);
}

/* A new patient whose checklist item `malignancy` is answered on each of the
 * given days (the store's clock set to each). */
static int64_t begun_on(struct fx *f, const struct protocol *pr, const char *mrn,
			const char *const *days, int ndays)
{
	struct err e;
	struct patient p = {0};
	strcpy(p.mrn, mrn);
	snprintf(p.name, sizeof p.name, "%s, Sam", mrn); /* one person per MRN */
	assert_true(date_parse("1970-01-02", &p.dob));
	p.sex = 'M';
	p.weight_kg = NAN;
	p.weight_date = DAY_NONE;
	assert_int_equal(store_patient_add(f->st, &p, &e), ST_OK);
	for (int i = 0; i < ndays; i++) {
		/* The clock only moves forward: a write stamped before the newest
		 * audit row is refused (issue 13); an answer may be dated earlier
		 * than the day it is recorded. */
		if ((int64_t)day(days[i]) * 86400 + 12 * 3600 > testclock_now)
			on(f, days[i]);
		struct checklist_answer a = {
		    .patient_id = p.id, .yes = false, .answered_on = day(days[i])};
		strcpy(a.item, "malignancy");
		if (store_answer_add(f->st, pr, &a, &e) != ST_OK)
			fail_msg("%s", e.msg);
	}
	return p.id;
}

/* Awaiting sign-off: patients with an answer in the last 90 days and no
 * signed evaluation, newest answer first, as of that answer; older answers
 * and signed patients are not listed, and the count agrees with the list. */
static void test_clinic_signoff_order(void **state)
{
	struct fx *f = *state;
	struct err e;
	struct protocol pr;
	char *text = NULL;
	assert_int_equal(store_protocol_active(f->st, &pr, &text, &e), ST_OK);
	free(text);
	static const char *const a_days[] = {"2026-01-06", "2026-01-15"};
	static const char *const b_days[] = {"2026-01-10"};
	static const char *const old_days[] = {"2025-10-01"}; /* 111 days before 01-20 */
	begun_on(f, &pr, "SO-A", a_days, 2);
	begun_on(f, &pr, "SO-B", b_days, 1);
	begun_on(f, &pr, "SO-OLD", old_days, 1);
	struct clinic_dashboard *cd = calloc(1, sizeof *cd);
	assert_int_equal(uc_clinic_load(f->st, day("2026-01-20"), 10, cd, &e), ST_OK);
	/* The demo's NOT_READY patient 90000002 was begun on 2026-01-05. */
	assert_int_equal(cd->nsignoff, 3);
	assert_int_equal(cd->counts.awaiting_signoff, 3);
	assert_string_equal(cd->awaiting_signoff[0].mrn, "SO-A");
	assert_int_equal(cd->awaiting_signoff[0].as_of, day("2026-01-15"));
	assert_string_equal(cd->awaiting_signoff[1].mrn, "SO-B");
	assert_int_equal(cd->awaiting_signoff[1].as_of, day("2026-01-10"));
	assert_string_equal(cd->awaiting_signoff[2].mrn, "90000002");
	/* The window is 90 days: on 2026-04-14 only A's 01-15 answer is in it. */
	assert_int_equal(uc_clinic_load(f->st, day("2026-04-14"), 10, cd, &e), ST_OK);
	assert_int_equal(cd->counts.awaiting_signoff, 1);
	assert_int_equal(cd->nsignoff, 1);
	assert_string_equal(cd->awaiting_signoff[0].mrn, "SO-A");
	/* A limit bounds the list, not the count. */
	assert_int_equal(uc_clinic_load(f->st, day("2026-01-20"), 1, cd, &e), ST_OK);
	assert_int_equal(cd->nsignoff, 1);
	assert_int_equal(cd->counts.awaiting_signoff, 3);
	free(cd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_visit_in_window_with_labs, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_visit_early_and_late, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_one_transaction, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_missed, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_visit_correct, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_infusion_and_ae, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_ae_outcome, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_roles, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_dashboard_load, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_clinic_load, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_clinic_signoff_order, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
