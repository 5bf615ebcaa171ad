/* test_sae.c: unit tests for serious adverse events — ICH E2A criteria and
 * the seriousness rule, expectedness from the protocol's list, the
 * reporting deadlines (24 h; SUSAR 7 or 15 days), the time left and the
 * report record's check. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "ae.h"
#include "protocol.h"
#include "sae.h"

#define T0 1772442000 /* 2026-03-02 09:00 UTC */

static struct ae serious_event(void)
{
	struct ae a;
	ae_init(&a);
	strcpy(a.term, "Gastrointestinal hemorrhage");
	a.grade = 3;
	a.onset_at = T0 - 3600;
	a.onset = (day_t)((T0 - 3600) / 86400);
	a.aware_at = T0;
	a.relation = AE_REL_UNLIKELY;
	return a;
}

static void test_criteria(void **state)
{
	unsigned bits;
	struct err e;
	char out[160];
	assert_int_equal(ae_criteria_parse("death, Hospitalisation", &bits, &e), ST_OK);
	assert_int_equal(bits, (1u << AE_CRIT_DEATH) | (1u << AE_CRIT_HOSPITAL));
	ae_criteria_format(bits, out, sizeof out);
	assert_string_equal(out, "death, hospitalisation");
	assert_int_equal(ae_criteria_parse("none", &bits, &e), ST_OK);
	assert_int_equal(bits, 0);
	assert_int_equal(ae_criteria_parse("hospital", &bits, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "'hospital' is not an ICH E2A criterion"));
	ae_criteria_format(0, out, sizeof out);
	assert_string_equal(out, "");
}

static void test_seriousness(void **state)
{
	struct err e;
	day_t today = (day_t)(T0 / 86400);
	struct ae a = serious_event();
	a.action = AE_ACT_HOSPITALISED; /* grade 3, admitted, marked not serious */
	assert_int_equal(ae_validate(&a, today, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "'no' is refused with hospitalisation"));
	a.serious = true;
	assert_int_equal(ae_validate(&a, today, &e), ST_OK);
	a.action = AE_ACT_NONE; /* serious with no criterion */
	assert_int_equal(ae_validate(&a, today, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "name the ICH E2A criterion"));
	a.criteria = 1u << AE_CRIT_IMPORTANT;
	assert_int_equal(ae_validate(&a, today, &e), ST_OK);
	a.serious = false; /* a grade 2 with a ticked criterion is serious too */
	a.grade = 2;
	assert_int_equal(ae_validate(&a, today, &e), ST_INVALID);
	a.criteria = 0;
	assert_int_equal(ae_validate(&a, today, &e), ST_OK);
	a.aware_at = a.onset_at - 60;
	assert_int_equal(ae_validate(&a, today, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "aware"));
}

static void test_deadlines(void **state)
{
	struct protocol p = {0};
	struct sae_due d[2];
	p.safety[SAFE_SAE_HOURS] = 24;
	p.safety[SAFE_SUSAR_FATAL_DAYS] = 7;
	p.safety[SAFE_SUSAR_OTHER_DAYS] = 15;
	strcpy(p.expected[0], "Fever");
	p.nexpected = 1;
	struct ae a = serious_event();
	assert_int_equal(sae_deadlines(&a, &p, d), 0); /* not serious */
	a.serious = true;
	a.criteria = 1u << AE_CRIT_HOSPITAL;
	assert_int_equal(sae_deadlines(&a, &p, d), 1); /* unrelated */
	assert_int_equal(d[0].kind, SAE_INITIAL);
	assert_int_equal(d[0].due_at, T0 + 24 * 3600);
	a.relation = AE_REL_POSSIBLE;
	assert_int_equal(sae_deadlines(&a, &p, d), 2);
	assert_int_equal(d[1].kind, SAE_SUSAR);
	assert_int_equal(d[1].due_at, T0 + 15 * 86400);
	a.criteria |= 1u << AE_CRIT_LIFE;
	assert_int_equal(sae_deadlines(&a, &p, d), 2);
	assert_int_equal(d[1].due_at, T0 + 7 * 86400);
	a.criteria = 1u << AE_CRIT_HOSPITAL;
	a.grade = 4; /* CTCAE grade 4 is life-threatening */
	sae_deadlines(&a, &p, d);
	assert_int_equal(d[1].due_at, T0 + 7 * 86400);
	strcpy(a.term, "fever");
	a.expected = protocol_expects(&p, a.term);
	assert_true(a.expected);
	assert_int_equal(sae_deadlines(&a, &p, d), 1); /* expected: no SUSAR */
	p.safety[SAFE_SAE_HOURS] = 12;
	sae_deadlines(&a, &p, d);
	assert_int_equal(d[0].due_at, T0 + 12 * 3600);
}

static void test_time_left(void **state)
{
	char s[48];
	sae_time_left(T0 + 23 * 3600, T0, s, sizeof s);
	assert_string_equal(s, "23 h 0 min left");
	sae_time_left(T0 + 7 * 86400 + 3600, T0, s, sizeof s);
	assert_string_equal(s, "7 d 1 h left");
	sae_time_left(T0 - 30 * 60, T0, s, sizeof s);
	assert_string_equal(s, "OVERDUE by 30 min");
	sae_time_left(T0, T0, s, sizeof s);
	assert_string_equal(s, "0 min left");
}

static void test_report_check(void **state)
{
	struct sae_report r = {0};
	struct err e;
	r.aware_at = T0;
	assert_int_equal(sae_check_report(&r, T0 + 60, &e), ST_INVALID);
	r.reported_at = T0 + 30;
	strcpy(r.reported_to, "Sponsor");
	strcpy(r.reference, "SAE-1");
	assert_int_equal(sae_check_report(&r, T0 + 60, &e), ST_OK);
	assert_int_equal(sae_check_report(&r, T0 + 10, &e), ST_INVALID); /* future */
	r.reported_at = T0 - 1;
	assert_int_equal(sae_check_report(&r, T0 + 60, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "before the site became aware"));
	r.reported_at = T0 + 30;
	strcpy(r.reference, "a\nb");
	assert_int_equal(sae_check_report(&r, T0 + 60, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "reference"));
}

static void test_protocol_safety(void **state)
{
	struct protocol p;
	struct err e;
	assert_int_equal(protocol_load_file("assets/protocols/ucmsc-default.ini", &p, &e), ST_OK);
	assert_int_equal(p.nexpected, 3);
	assert_true(protocol_expects(&p, "FEVER"));
	assert_true(protocol_expects(&p, "drowsiness"));
	assert_false(protocol_expects(&p, "Anaphylaxis"));
	assert_true(p.safety[SAFE_SAE_HOURS] == 24);
	assert_true(p.safety[SAFE_SUSAR_FATAL_DAYS] == 7);
	assert_true(p.safety[SAFE_SUSAR_OTHER_DAYS] == 15);
	static const char bad[] = "[protocol]\nname = X\nversion = 1\n[safety]\nsusar_other_days = "
				  "91\n[item.w]\nkind = weight\nlabel = W\nwindow_days = 14\n";
	assert_int_equal(protocol_parse("bad.ini", bad, &p, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "[safety] susar_other_days"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_criteria),	 cmocka_unit_test(test_seriousness),
	    cmocka_unit_test(test_deadlines),	 cmocka_unit_test(test_time_left),
	    cmocka_unit_test(test_report_check), cmocka_unit_test(test_protocol_safety),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
