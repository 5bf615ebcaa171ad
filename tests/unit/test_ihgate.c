/* test_ihgate.c: unit tests for the intrahepatic route's gates — each gate
 * at its limit and one past it, missing and stale data, the data shown. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "ihgate.h"
#include "protocol.h"

#define DAY 20514 /* 2026-03-02 */

static struct protocol proto(void)
{
	struct protocol p = {0};
	p.safety[SAFE_LAB_WINDOW] = 14;
	p.safety[SAFE_IH_INR_MAX] = 1.5;
	p.safety[SAFE_IH_PLATELETS_MIN] = 50;
	p.safety[SAFE_IH_ASCITES_MAX] = 1;
	p.safety[SAFE_IH_DOPPLER_DAYS] = 30;
	return p;
}

static struct ih_input passing(void)
{
	struct ih_input in;
	memset(&in, 0, sizeof in);
	in.day = DAY;
	in.labs.have[ANALYTE_INR] = true;
	in.labs.r[ANALYTE_INR].canonical = 1.5;
	in.labs.r[ANALYTE_INR].date = DAY - 14;
	in.labs.have[ANALYTE_PLATELETS] = true;
	in.labs.r[ANALYTE_PLATELETS].canonical = 50;
	in.labs.r[ANALYTE_PLATELETS].date = DAY;
	in.ascites = (struct finding_pick){true, 1, DAY - 1, FSRC_EXAM};
	in.have_doppler = true;
	in.doppler_date = DAY - 30;
	in.thrombosis = FIND_NO;
	return in;
}

static void test_limits(void **state)
{
	struct protocol p = proto();
	struct err e;
	char data[320];
	struct ih_input in = passing();
	assert_int_equal(ih_check(&p, &in, data, sizeof data, &e), ST_OK);
	assert_non_null(strstr(data, "INR 1.5 (2026-02-16), platelets 50 10^9/L (2026-03-02)"));
	in.labs.r[ANALYTE_INR].canonical = 1.51;
	assert_int_equal(ih_check(&p, &in, data, sizeof data, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "INR 1.51 is above the protocol's 1.5"));
	in = passing();
	in.labs.r[ANALYTE_INR].date = DAY - 15;
	assert_int_equal(ih_check(&p, &in, data, sizeof data, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "older than 14 days"));
	in = passing();
	in.labs.r[ANALYTE_PLATELETS].canonical = 49;
	assert_int_equal(ih_check(&p, &in, NULL, 0, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "platelets 49"));
	in = passing();
	in.labs.have[ANALYTE_PLATELETS] = false;
	assert_int_equal(ih_check(&p, &in, NULL, 0, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "no platelets on file"));
	in = passing();
	in.ascites.value = 2;
	assert_int_equal(ih_check(&p, &in, NULL, 0, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "ascites grade 2"));
	in = passing();
	in.ascites.have = false;
	assert_int_equal(ih_check(&p, &in, NULL, 0, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "ascites not graded"));
	in = passing();
	in.doppler_date = DAY - 31;
	assert_int_equal(ih_check(&p, &in, NULL, 0, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "no Doppler of the portal vein within 30 days"));
	in = passing();
	in.thrombosis = FIND_YES;
	assert_int_equal(ih_check(&p, &in, NULL, 0, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "does not show a patent portal vein"));
}

static void test_protocol_rows(void **state)
{
	struct protocol p;
	struct err e;
	assert_int_equal(protocol_load_file("assets/protocols/ucmsc-default.ini", &p, &e), ST_OK);
	assert_true(p.safety[SAFE_IH_INR_MAX] == 1.5);
	assert_true(p.safety[SAFE_IH_PLATELETS_MIN] == 50);
	assert_true(p.safety[SAFE_IH_ASCITES_MAX] == 1);
	assert_true(p.safety[SAFE_IH_DOPPLER_DAYS] == 30);
	static const char bad[] = "[protocol]\nname = X\nversion = 1\n[intrahepatic]\ninr_max = "
				  "9\n[item.w]\nkind = weight\nlabel = W\nwindow_days = 14\n";
	assert_int_equal(protocol_parse("bad.ini", bad, &p, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "[intrahepatic] inr_max"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_limits),
	    cmocka_unit_test(test_protocol_rows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
