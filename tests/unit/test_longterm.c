/* test_longterm.c: the schedule after the last visit, a contact's checks,
 * and the event history with time-to-event data, without storage. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "assets.h"
#include "longterm.h"

#define DEFAULT "assets/protocols/ucmsc-default.ini"

static day_t day(const char *s)
{
	day_t d;
	assert_true(date_parse(s, &d));
	return d;
}

static char *fmt(day_t d)
{
	static char b[4][16];
	static int k;
	return date_format(d, b[k++ % 4]);
}

static void add_months_clamps_to_the_month(void **state)
{
	(void)state;
	assert_string_equal(fmt(lt_add_months(day("2026-08-31"), 6)), "2027-02-28");
	assert_string_equal(fmt(lt_add_months(day("2027-08-31"), 6)), "2028-02-29"); /* leap */
	assert_string_equal(fmt(lt_add_months(day("2027-07-19"), 6)), "2028-01-19");
	assert_string_equal(fmt(lt_add_months(day("2026-11-15"), 2)), "2027-01-15");
	assert_string_equal(fmt(lt_add_months(day("2026-03-02"), 60)), "2031-03-02");
}

static void schedule_extends_after_the_last_visit(void **state)
{
	(void)state;
	struct protocol p;
	struct err e = {""};
	struct lt_item it[LT_ITEMS_MAX];
	assert_int_equal(protocol_parse(DEFAULT, asset_text(DEFAULT), &p, &e), ST_OK);
	assert_int_equal((int)p.safety[SAFE_LT_YEARS], 5);
	assert_int_equal((int)p.safety[SAFE_LT_CONTACT_MONTHS], 6);
	day_t first = day("2026-03-02"), w72 = first + 7 * 72;
	int n = lt_schedule(&p, first, w72, it, LT_ITEMS_MAX);
	int contacts = 0, hcc = 0;
	for (int i = 0; i < n; i++) {
		if (it[i].kind == LT_CONTACT)
			contacts++;
		else
			hcc++;
		assert_int_equal(it[i].window_days, 14);
		assert_int_equal(it[i].state, SCHED_OPEN);
	}
	assert_int_equal(contacts, 10);
	char due[64];
	assert_string_equal(protocol_qol_due(&p, "W4", due, sizeof due), "SYMPTOMS");
	assert_string_equal(protocol_qol_due(&p, "W1", due, sizeof due), "");
	assert_string_equal(protocol_qol_due(&p, "Contact 7", due, sizeof due), "SYMPTOMS");
	assert_string_equal(protocol_qol_due(&p, "Infusion 1", due, sizeof due), "");
	assert_string_equal(it[0].label, "Contact 1");
	assert_string_equal(fmt(it[0].due), "2028-01-19");
	assert_string_equal(it[9].label, "Contact 10");
	assert_string_equal(fmt(it[9].due), "2032-07-19");
	/* Every 6 months from the first infusion up to the last contact. */
	assert_int_equal(hcc, 12);
	assert_string_equal(it[10].label, "HCC US+AFP 1");
	assert_string_equal(fmt(it[10].due), "2026-09-02");
	assert_string_equal(fmt(it[21].due), "2032-03-02");
}

static void protocol_keys_change_the_schedule(void **state)
{
	(void)state;
	static const char text[] = "[protocol]\nname = t\nversion = 1\n"
				   "[longterm]\nyears = 2\ncontact_months = 12\nhcc_months = 0\n"
				   "[item.w]\nkind = weight\nlabel = Weight\n";
	struct protocol p;
	struct err e = {""};
	struct lt_item it[LT_ITEMS_MAX];
	assert_int_equal(protocol_parse("t.ini", text, &p, &e), ST_OK);
	assert_int_equal(lt_schedule(&p, day("2026-01-01"), day("2027-01-01"), it, LT_ITEMS_MAX),
			 2);
	assert_string_equal(fmt(it[1].due), "2029-01-01");
	static const char bad[] = "[protocol]\nname = t\nversion = 1\n[longterm]\nyears = 11\n"
				  "[item.w]\nkind = weight\nlabel = Weight\n";
	assert_int_equal(protocol_parse("t.ini", bad, &p, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "[longterm] years"));
	static const char typo[] = "[protocol]\nname = t\nversion = 1\n[longterm]\nyear = 2\n"
				   "[item.w]\nkind = weight\nlabel = Weight\n";
	assert_int_equal(protocol_parse("t.ini", typo, &p, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "[longterm] year: unknown key"));
	static const char qol[] = "[protocol]\nname = t\nversion = 1\n[qol]\ncldq = W12, W13\n"
				  "[item.w]\nkind = weight\nlabel = Weight\n";
	assert_int_equal(protocol_parse("t.ini", qol, &p, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "[qol] cldq: 'W13' is not accepted; the [followup] weeks"));
}

static void contact_checks(void **state)
{
	(void)state;
	struct lt_contact c;
	struct err e = {""};
	day_t today = day("2028-01-20");
	lt_contact_init(&c);
	c.date = today;
	assert_int_equal(lt_contact_validate(&c, today, &e), ST_OK);
	c.date = today + 1;
	assert_int_equal(lt_contact_validate(&c, today, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "date: '2028-01-21' is in the future"));
	c.date = today;
	c.dead = true;
	assert_int_equal(lt_contact_validate(&c, today, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "cause: required"));
	strcpy(c.cause, "liver failure");
	assert_int_equal(lt_contact_validate(&c, today, &e), ST_OK);
	assert_int_equal(c.death_date, today); /* defaults to the contact */
	c.death_date = today + 1;
	assert_int_equal(lt_contact_validate(&c, today, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "death-date: '2028-01-21' is after the contact"));
	lt_contact_init(&c);
	c.date = today;
	c.hcc_date = today;
	assert_int_equal(lt_contact_validate(&c, today, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "hcc-date: '2028-01-20' is given without --hcc yes"));
	lt_contact_init(&c);
	c.date = today;
	c.admissions = 31;
	assert_int_equal(lt_contact_validate(&c, today, &e), ST_INVALID);
	assert_string_equal(e.msg, "admissions: '31' is out of range; accepted 0-30 admissions");
	c.admissions = 30;
	c.decomp[LT_DECOMP_HRS] = true;
	assert_int_equal(lt_contact_validate(&c, today, &e), ST_OK);
	assert_int_equal(c.decomp_date, today);
}

static void a_contact_closes_its_window_or_the_oldest_overdue(void **state)
{
	(void)state;
	struct lt_item it[3] = {
	    {.kind = LT_CONTACT, .due = day("2028-01-19"), .window_days = 14},
	    {.kind = LT_HCC, .due = day("2028-03-02"), .window_days = 14},
	    {.kind = LT_CONTACT, .due = day("2028-07-19"), .window_days = 14},
	};
	assert_int_equal(lt_match_contact(it, 3, day("2028-01-10")), 0);
	assert_int_equal(lt_match_contact(it, 3, day("2027-12-01")), -1); /* too early */
	assert_int_equal(lt_match_contact(it, 3, day("2028-07-10")), 2);  /* in window wins */
	assert_int_equal(lt_match_contact(it, 3, day("2028-05-01")), 0);  /* overdue */
	/* Late for both: the newest overdue one (the older is then missed). */
	assert_int_equal(lt_match_contact(it, 3, day("2028-09-01")), 2);
	it[0].state = SCHED_DONE;
	assert_int_equal(lt_match_contact(it, 3, day("2028-05-01")), -1);
	assert_int_equal(lt_match_contact(it, 3, day("2028-09-01")), 2);
}

static void time_to_event_and_censoring(void **state)
{
	(void)state;
	struct lt_contact c[3];
	struct pstatus ps[2] = {{.id = 1, .state = PSTATE_IN_TREATMENT, .date = day("2026-03-02")},
				{.id = 2, .state = PSTATE_DECEASED, .date = day("2029-07-02")}};
	day_t hcc_scan = day("2027-09-05");
	for (int i = 0; i < 3; i++)
		lt_contact_init(&c[i]);
	c[0].id = 1;
	c[0].date = day("2028-01-20");
	c[0].decomp[LT_DECOMP_SBP] = true;
	c[0].decomp_date = day("2027-11-30");
	c[1].id = 2;
	c[1].date = day("2025-12-01"); /* before the first infusion */
	c[1].decomp[LT_DECOMP_VARICEAL_BLEEDING] = true;
	c[1].decomp_date = day("2025-11-01");
	c[2].id = 3;
	c[2].date = day("2029-08-01");
	c[2].dead = true;
	c[2].death_date = day("2029-07-02");
	strcpy(c[2].cause, "sepsis");
	struct lt_facts f = {.origin = day("2026-03-02"),
			     .last_visit = day("2027-07-19"),
			     .contacts = c,
			     .ncontacts = 3,
			     .statuses = ps,
			     .nstatuses = 2,
			     .hcc_imaging = &hcc_scan,
			     .nhcc_imaging = 1};
	struct lt_history h;
	lt_history(&f, &h);
	assert_string_equal(fmt(h.last_contact), "2029-08-01");
	/* Oldest first; the death from the contact and the status once. */
	assert_int_equal(h.nevents, 4);
	assert_int_equal(h.events[0].kind, LT_EV_DECOMPENSATION);
	assert_string_equal(fmt(h.events[0].date), "2025-11-01");
	assert_int_equal(h.events[3].kind, LT_EV_DEATH);
	assert_string_equal(h.events[3].source, "contact");
	/* The first decompensation after the origin, not the earlier one. */
	assert_true(h.tte[LT_EV_DECOMPENSATION].event);
	assert_string_equal(fmt(h.tte[LT_EV_DECOMPENSATION].date), "2027-11-30");
	assert_int_equal(h.tte[LT_EV_DECOMPENSATION].days, 638);
	assert_true(h.tte[LT_EV_HCC].event);
	assert_int_equal(h.tte[LT_EV_HCC].days, 552);
	assert_true(h.tte[LT_EV_DEATH].event);
	assert_int_equal(h.tte[LT_EV_DEATH].days, 1218);
	/* No transplant: censored at the death, not at the later contact. */
	assert_false(h.tte[LT_EV_TRANSPLANT].event);
	assert_string_equal(fmt(h.tte[LT_EV_TRANSPLANT].date), "2029-07-02");

	/* Alive, no contact yet: censored at the last visit. */
	struct lt_facts g = {.origin = day("2026-03-02"), .last_visit = day("2027-07-19")};
	lt_history(&g, &h);
	assert_false(h.tte[LT_EV_DEATH].event);
	assert_string_equal(fmt(h.tte[LT_EV_DEATH].date), "2027-07-19");
	assert_int_equal(h.tte[LT_EV_DEATH].days, 504);
	/* No infusion: no origin, no days, and nothing censored (the dashboard
	 * once showed "censored 2027-07-19 (day -1)"); an event keeps its day. */
	g.origin = DAY_NONE;
	lt_history(&g, &h);
	for (int k = 0; k < LT_ENDPOINTS; k++) {
		assert_false(h.tte[k].event);
		assert_int_equal(h.tte[k].date, DAY_NONE);
		assert_int_equal(h.tte[k].days, -1);
	}
	g.contacts = c;
	g.ncontacts = 3;
	lt_history(&g, &h);
	assert_true(h.tte[LT_EV_DEATH].event);
	assert_string_equal(fmt(h.tte[LT_EV_DEATH].date), "2029-07-02");
	assert_int_equal(h.tte[LT_EV_DEATH].days, -1);
	assert_false(h.tte[LT_EV_TRANSPLANT].event);
	assert_int_equal(h.tte[LT_EV_TRANSPLANT].date, DAY_NONE);
}

/* A transplant recorded as the status after the last visit: the patient was
 * alive that day, so survival is censored there, not at the earlier visit
 * (the cohort report had transplant-free survival at risk longer than
 * overall survival). */
static void transplant_day_is_known_alive(void **state)
{
	(void)state;
	struct pstatus ps[2] = {{.id = 1, .state = PSTATE_IN_TREATMENT, .date = day("2026-03-02")},
				{.id = 2, .state = PSTATE_TRANSPLANTED, .date = day("2027-05-13")}};
	struct lt_facts f = {.origin = day("2026-03-02"),
			     .last_visit = day("2027-01-31"),
			     .statuses = ps,
			     .nstatuses = 2};
	struct lt_history h;
	lt_history(&f, &h);
	assert_string_equal(fmt(h.last_contact), "2027-05-13");
	assert_true(h.tte[LT_EV_TRANSPLANT].event);
	assert_int_equal(h.tte[LT_EV_TRANSPLANT].days, 437);
	assert_false(h.tte[LT_EV_DEATH].event);
	assert_string_equal(fmt(h.tte[LT_EV_DEATH].date), "2027-05-13");
	assert_int_equal(h.tte[LT_EV_DEATH].days, 437);
}

/* A correction may add a death or a transplant (to be recorded as the
 * status) but not take back or re-date one the contact recorded. */
static void correction_keeps_the_status(void **state)
{
	(void)state;
	struct lt_contact was, now;
	struct err e = {""};
	bool death, transplant;
	lt_contact_init(&was);
	was.id = 4;
	was.date = day("2028-01-20");
	now = was;
	now.admissions = 2;
	assert_int_equal(lt_contact_correction(&was, &now, &death, &transplant, &e), ST_OK);
	assert_false(death);
	assert_false(transplant);
	now.transplant = FIND_YES;
	now.transplant_date = day("2028-01-02");
	now.dead = true;
	now.death_date = day("2028-01-10");
	strcpy(now.cause, "sepsis");
	assert_int_equal(lt_contact_correction(&was, &now, &death, &transplant, &e), ST_OK);
	assert_true(death);
	assert_true(transplant);
	/* Once recorded: the same again changes nothing. */
	was = now;
	assert_int_equal(lt_contact_correction(&was, &now, &death, &transplant, &e), ST_OK);
	assert_false(death);
	assert_false(transplant);
	now.transplant_date = day("2028-01-03");
	assert_int_equal(lt_contact_correction(&was, &now, &death, &transplant, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "transplant: 'yes' (on 2028-01-03) is not accepted; contact "
				      "4 recorded the transplant of 2028-01-02"));
	now = was;
	now.dead = false;
	assert_int_equal(lt_contact_correction(&was, &now, &death, &transplant, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "vital: 'alive' (died -) is not accepted; contact 4 "
				      "recorded the death on 2028-01-10"));
	now = was;
	strcpy(now.cause, "bleeding");
	assert_int_equal(lt_contact_correction(&was, &now, &death, &transplant, &e), ST_INVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(add_months_clamps_to_the_month),
	    cmocka_unit_test(schedule_extends_after_the_last_visit),
	    cmocka_unit_test(protocol_keys_change_the_schedule),
	    cmocka_unit_test(contact_checks),
	    cmocka_unit_test(a_contact_closes_its_window_or_the_oldest_overdue),
	    cmocka_unit_test(time_to_event_and_censoring),
	    cmocka_unit_test(transplant_day_is_known_alive),
	    cmocka_unit_test(correction_keeps_the_status),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
