/* test_product.c: product lots — the limits table (field, value, range,
 * unit; warnings), the release rule (every test passed), expiry on the
 * infusion day, voided lots, the pre-infusion check's lot item — and their
 * storage on a real SQLite file: add, duplicate, read by lot whatever the
 * letter case, correction at a version, void, and the audited recipients. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "infusion_check.h"
#include "product.h"
#include "store_product.h"
#include "tmpdb.h"

static day_t day(const char *s)
{
	day_t d = DAY_NONE;
	assert_true(date_parse(s, &d));
	return d;
}

static void assert_has(const char *hay, const char *needle)
{
	if (!strstr(hay, needle))
		fail_msg("'%s' not in '%s'", needle, hay);
}

/* A released UC-MSC lot received 2026-02-20 09:00, expiring 2027-01-31. */
static void released(struct product *p, const char *lot)
{
	product_init(p);
	snprintf(p->lot, sizeof p->lot, "%s", lot);
	snprintf(p->donor, sizeof p->donor, "D-77");
	p->passage = 3;
	p->per_vial = 5e7;
	p->viability = 92;
	for (int i = 0; i < PTEST_COUNT; i++)
		p->tests[i] = PRES_PASS;
	p->expiry = day("2027-01-31");
	p->received_at = date_to_time(day("2026-02-20")) + 9 * 3600;
}

static void test_limits(void **state)
{
	struct err e = {""};
	struct product p;
	int64_t now = date_to_time(day("2026-03-02")) + 10 * 3600;
	released(&p, "UC-1");
	assert_int_equal(product_validate(&p, now, false, &e), ST_OK);
	p.viability = 100.5;
	assert_int_equal(product_validate(&p, now, true, &e), ST_INVALID);
	assert_string_equal(e.msg, "viability: 100.5 % is outside 0-100 %");
	p.viability = 69.9;
	assert_int_equal(product_validate(&p, now, false, &e), ST_CONFIRM);
	assert_has(e.msg, "below the 70 % release threshold");
	assert_int_equal(product_validate(&p, now, true, &e), ST_OK);
	p.viability = 92;
	p.per_vial = 2e10;
	assert_int_equal(product_validate(&p, now, true, &e), ST_INVALID);
	assert_string_equal(e.msg, "cells per vial: 2e10 cells is outside 1e6-1e10 cells");
	p.type = PTYPE_EXOSOME; /* the same number is fine as particles */
	assert_int_equal(product_validate(&p, now, false, &e), ST_OK);
	p.type = PTYPE_SECRETOME;
	p.per_vial = 0.5;
	assert_int_equal(product_validate(&p, now, true, &e), ST_INVALID);
	assert_string_equal(e.msg,
			    "protein per vial: 0.5 µg protein is outside 1-100000 µg protein");
	p.type = PTYPE_UCMSC;
	p.per_vial = 5e7;
	p.passage = -1;
	assert_int_equal(product_validate(&p, now, true, &e), ST_INVALID);
	assert_has(e.msg, "passage: required for UC-MSC cells");
	p.passage = 7;
	assert_int_equal(product_validate(&p, now, false, &e), ST_CONFIRM);
	assert_has(e.msg, "passage: 7 is a late passage");
	p.passage = 3;
	p.expiry = DAY_NONE;
	assert_int_equal(product_validate(&p, now, true, &e), ST_INVALID);
	assert_has(e.msg, "expiry: required");
	p.expiry = day("2027-01-31");
	p.thawed_at = p.received_at - 60;
	assert_int_equal(product_validate(&p, now, true, &e), ST_INVALID);
	assert_string_equal(e.msg, "thawed: 2026-02-20 08:59 is before received 2026-02-20 09:00");
	p.thawed_at = 0;
	p.administered_at = now + 60;
	assert_int_equal(product_validate(&p, now, true, &e), ST_INVALID);
	assert_has(e.msg, "administered: 2026-03-02 10:01 is in the future");
	p.administered_at = 0;
	p.lot[0] = '\0';
	assert_int_equal(product_validate(&p, now, true, &e), ST_INVALID);
	assert_string_equal(e.msg, "lot: 1-40 characters of one-line text");
}

static void test_results(void **state)
{
	struct err e = {""};
	enum product_result r;
	assert_int_equal(product_result_parse(PTEST_STERILITY, "negative", &r, &e), ST_OK);
	assert_int_equal(r, PRES_PASS);
	assert_int_equal(product_result_parse(PTEST_MYCOPLASMA, "positive", &r, &e), ST_OK);
	assert_int_equal(r, PRES_FAIL);
	assert_int_equal(product_result_parse(PTEST_IDENTITY, "pending", &r, &e), ST_OK);
	assert_int_equal(r, PRES_PENDING);
	assert_int_equal(product_result_parse(PTEST_ENDOTOXIN, "negative", &r, &e), ST_INVALID);
	assert_string_equal(e.msg, "endotoxin: 'negative' is not a result; accepted pass, fail, "
				   "pending");
	assert_string_equal(product_result_word(PTEST_STERILITY, PRES_FAIL), "positive");
}

static void test_release_and_expiry(void **state)
{
	struct err e = {""};
	struct product p;
	released(&p, "UC-1");
	assert_true(product_released(&p));
	assert_int_equal(product_usable(&p, day("2027-01-31"), &e), ST_OK); /* the day itself */
	assert_int_equal(product_usable(&p, day("2027-02-01"), &e), ST_INVALID);
	assert_string_equal(e.msg, "lot UC-1 expired on 2027-01-31");
	p.tests[PTEST_ENDOTOXIN] = PRES_PENDING;
	p.tests[PTEST_IDENTITY] = PRES_PENDING;
	assert_false(product_released(&p));
	assert_int_equal(product_usable(&p, day("2026-03-02"), &e), ST_INVALID);
	assert_string_equal(e.msg, "lot UC-1 is not released: endotoxin, identity pending");
	p.tests[PTEST_STERILITY] = PRES_FAIL; /* a failure is said before what is pending */
	assert_int_equal(product_usable(&p, day("2026-03-02"), &e), ST_INVALID);
	assert_string_equal(e.msg, "lot UC-1 failed its release tests (sterility positive)");
	released(&p, "UC-1");
	p.voided = true;
	snprintf(p.reason, sizeof p.reason, "wrong lot number");
	assert_int_equal(product_usable(&p, day("2026-03-02"), &e), ST_INVALID);
	assert_string_equal(e.msg, "lot UC-1 is voided: wrong lot number");
}

/* The check's lot item alone (every other item refuses on an empty input). */
static const struct icheck_line *lot_line(struct icheck_input *in, struct icheck_result *r)
{
	static struct protocol p;
	infusion_check_run(&p, in, r);
	return &r->lines[ICHECK_LOT];
}

static void test_check_lot(void **state)
{
	struct icheck_input *in = calloc(1, sizeof *in);
	struct icheck_result r;
	in->today = day("2026-03-02");
	infusion_init(&in->f);
	in->have_infusion = true;
	in->f.date = in->today;
	snprintf(in->f.lot, sizeof in->f.lot, "UC-1");
	const struct icheck_line *l = lot_line(in, &r);
	assert_int_equal(l->state, ICHK_REFUSE);
	assert_string_equal(l->reason, "lot UC-1 is not on file; record it first (product add)");
	in->have_product = true;
	released(&in->product, "UC-1");
	l = lot_line(in, &r);
	assert_int_equal(l->state, ICHK_PASS);
	assert_has(l->data,
		   "lot UC-1, UC-MSC cells, expires 2027-01-31; release sterility negative");
	in->product.tests[PTEST_MYCOPLASMA] = PRES_PENDING;
	assert_int_equal(lot_line(in, &r)->state, ICHK_REFUSE);
	released(&in->product, "UC-1");
	in->f.date = day("2027-02-01");
	assert_string_equal(lot_line(in, &r)->reason, "lot UC-1 expired on 2027-01-31");
	in->f.date = in->today;
	in->f.lot_expiry = day("2027-02-28");
	assert_string_equal(lot_line(in, &r)->reason,
			    "the expiry given (2027-02-28) is not lot UC-1's on file (2027-01-31)");
	in->f.lot_expiry = DAY_NONE;
	in->product.type = PTYPE_SECRETOME;
	assert_string_equal(lot_line(in, &r)->reason,
			    "lot UC-1 is secretome (cell-free), not UC-MSC cells");
	in->have_infusion = false;
	assert_int_equal(lot_line(in, &r)->state, ICHK_PENDING);
	free(in);
}

struct fx {
	char dir[TMPDB_DIR_MAX], path[TMPDB_PATH_MAX];
	struct store *st;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct err e;
	tmpdb_open(f->dir, f->path, "product", "clinic.db", &f->st);
	testclock_now = date_to_time(day("2026-03-02")) + 10 * 3600;
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

static void test_store(void **state)
{
	struct fx *f = *state;
	struct err e = {""};
	struct product p, q;
	released(&p, "UC-1");
	assert_int_equal(store_product_add(f->st, &p, &e), ST_OK);
	assert_true(p.id > 0);
	assert_string_equal(p.created_by, "alice");
	released(&q, "uc-1");
	assert_int_equal(store_product_add(f->st, &q, &e), ST_DUPLICATE);
	assert_string_equal(e.msg, "lot: 'uc-1' is on file already");
	q.viability = 101; /* refused before anything is written */
	snprintf(q.lot, sizeof q.lot, "UC-2");
	assert_int_equal(store_product_add(f->st, &q, &e), ST_INVALID);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM product_lots"), 1);
	assert_int_equal(store_product_get(f->st, "Uc-1", &q, &e), ST_OK);
	assert_string_equal(q.lot, "UC-1");
	assert_true(product_released(&q));
	assert_int_equal(q.expiry, day("2027-01-31"));
	assert_int_equal(store_product_get(f->st, "UC-9", &q, &e), ST_NOT_FOUND);
	assert_string_equal(e.msg, "no product lot 'UC-9' on file");
	/* A correction at the version read; a stale one is a conflict. */
	assert_int_equal(store_product_get(f->st, "UC-1", &q, &e), ST_OK);
	q.tests[PTEST_STERILITY] = PRES_FAIL;
	assert_int_equal(store_product_correct(f->st, &q, "", &e), ST_INVALID);
	assert_int_equal(store_product_correct(f->st, &q, "culture grew", &e), ST_OK);
	assert_int_equal(q.version, 2);
	p.version = 1;
	assert_int_equal(store_product_correct(f->st, &p, "typo", &e), ST_CONFLICT);
	assert_int_equal(tmpdb_int(f->path, "SELECT version FROM product_lots"), 2);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM product_lots WHERE reason = "
					    "'culture grew' AND sterility = 'fail'"),
			 1);
	assert_int_equal(store_product_void(f->st, &q, "recalled", &e), ST_OK);
	assert_int_equal(store_product_void(f->st, &q, "again", &e), ST_INVALID);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM audit WHERE tbl = "
					    "'product_lots' AND actor = 'alice'"),
			 3);
	/* Recipients: none yet, and the reading is audited. */
	struct product_recipient r[4];
	int n = -1;
	assert_int_equal(store_product_recipients(f->st, &q, r, 4, &n, &e), ST_OK);
	assert_int_equal(n, 0);
	assert_int_equal(tmpdb_int(f->path, "SELECT count(*) FROM audit WHERE tbl = "
					    "'product_lots' AND action = 'view'"),
			 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_limits),
	    cmocka_unit_test(test_results),
	    cmocka_unit_test(test_release_and_expiry),
	    cmocka_unit_test(test_check_lot),
	    cmocka_unit_test_setup_teardown(test_store, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
