/* test_signature.c: the canonical text of a signature and its hash, the
 * meanings, the PAM conversation function, and the password's lockout and
 * wiping in auth_verify (with an empty password, so no PAM stack is asked). */
#include <security/pam_appl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tmpdb.h"

#include "auth.h"
#include "config.h"
#include "date.h"
#include "signature.h"
#include "store_auth.h"

static void field_is_length_prefixed(void **state)
{
	struct strbuf sb;
	sb_init(&sb);
	sig_canon_field(&sb, "reason", "two\nlines");
	sig_canon_field(&sb, "empty", "");
	sig_canon_field(&sb, "utf8", "\xc2\xb5g");
	assert_string_equal(sb_str(&sb), "reason 9:two\nlines\nempty 0:\nutf8 3:\xc2\xb5g\n");
	sb_done(&sb);
}

static void hash_is_sha256(void **state)
{
	char h[65];
	sig_hash("abc", h);
	assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sig_hash("", h);
	assert_string_equal(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void canonical_plan_text(void **state)
{
	struct signature s = {
	    .kind = SIG_PLAN, .row_id = 7, .patient_id = 3, .signed_at = 1772445600};
	day_t d = date_from_time(1772445600, 0);
	struct plan pl = {.route = ROUTE_IV,
			  .cells_per_kg = 5e5,
			  .weight_kg = 60,
			  .weight_date = d,
			  .cells_per_infusion = 3e7,
			  .infusions = 3,
			  .interval_days = 28,
			  .first_date = d,
			  .evaluation_id = 1};
	struct strbuf sb;
	strlcpy_(s.signer, "phil", sizeof s.signer);
	sig_meaning_plan(s.meaning, sizeof s.meaning);
	sb_init(&sb);
	sig_canon_plan(&sb, &s, &pl);
	assert_string_equal(sb_str(&sb), "hepadesk signature 1\n"
					 "kind 4:plan\n"
					 "table 5:plans\n"
					 "row 1:7\n"
					 "patient 1:3\n"
					 "signer 4:phil\n"
					 "signed_at 10:1772445600\n"
					 "meaning 29:I approve this treatment plan\n"
					 "route 2:iv\n"
					 "cells_per_kg 6:500000\n"
					 "weight_kg 4:60.0\n"
					 "weight_date 10:2026-03-02\n"
					 "cells_per_infusion 8:30000000\n"
					 "infusions 1:3\n"
					 "interval_days 2:28\n"
					 "first_date 10:2026-03-02\n"
					 "evaluation 1:1\n");
	/* Any change of the content changes the hash. */
	char h1[65], h2[65];
	sig_hash(sb_str(&sb), h1);
	pl.infusions = 4;
	sig_canon_plan(&sb, &s, &pl);
	sig_hash(sb_str(&sb), h2);
	assert_string_not_equal(h1, h2);
	sb_done(&sb);
}

static void meanings(void **state)
{
	char m[SIG_MEANING_MAX + 1];
	sig_meaning_eval(EVAL_READY, false, m, sizeof m);
	assert_string_equal(m, "I approve this evaluation: READY");
	sig_meaning_eval(EVAL_NOT_READY, true, m, sizeof m);
	assert_string_equal(m, "I approve this amended evaluation: NOT_READY");
	sig_meaning_override("labs, dose", m, sizeof m);
	assert_string_equal(m, "I override the pre-infusion check: labs, dose");
	struct signature s = {.signed_at = 1772445600};
	strlcpy_(s.signer, "phil", sizeof s.signer);
	strlcpy_(s.meaning, "I approve this treatment plan", sizeof s.meaning);
	sig_manifest(&s, m, sizeof m);
	assert_string_equal(
	    m, "signed by phil at 2026-03-02 10:00 UTC: I approve this treatment plan");
}

static void free_resp(struct pam_response *r, int n)
{
	for (int i = 0; i < n; i++)
		free(r[i].resp);
	free(r);
}

static void conv_answers_echo_off_with_the_password(void **state)
{
	struct pam_message m0 = {PAM_TEXT_INFO, "hello"}, m1 = {PAM_PROMPT_ECHO_OFF, "Password: "};
	const struct pam_message *msg[] = {&m0, &m1};
	struct pam_response *r = NULL;
	char pw[] = "s3cret pass";
	assert_int_equal(auth_conv(2, msg, &r, pw), PAM_SUCCESS);
	assert_non_null(r);
	assert_string_equal(r[0].resp, "");
	assert_string_equal(r[1].resp, "s3cret pass");
	/* A copy: PAM frees it, the caller wipes its own. */
	assert_ptr_not_equal(r[1].resp, pw);
	free_resp(r, 2);
}

static void conv_refuses_visible_prompts_and_no_password(void **state)
{
	struct pam_message on = {PAM_PROMPT_ECHO_ON, "login: "},
			   off = {PAM_PROMPT_ECHO_OFF, "Password: "};
	const struct pam_message *m_on[] = {&on}, *m_off[] = {&off};
	struct pam_response *r = (struct pam_response *)&r;
	char pw[] = "x";
	assert_int_equal(auth_conv(1, m_on, &r, pw), PAM_CONV_ERR);
	assert_null(r);
	r = (struct pam_response *)&r;
	assert_int_equal(auth_conv(1, m_off, &r, NULL), PAM_CONV_ERR);
	assert_null(r);
	assert_int_equal(auth_conv(0, m_off, &r, pw), PAM_CONV_ERR);
}

/* Without a password nothing is asked of PAM; each refusal is recorded,
 * the buffer is wiped, and after auth_max_failures in a row the user is
 * refused until auth_lock_seconds have passed (on the test clock). */
static void failures_lock_out_for_a_while(void **state)
{
	char dir[TMPDB_DIR_MAX], path[TMPDB_PATH_MAX];
	struct store *st;
	struct config cfg;
	struct err e = {""};
	config_defaults(&cfg);
	assert_int_equal(cfg.auth_max_failures, 3);
	assert_int_equal(cfg.auth_lock_seconds, 300);
	tmpdb_open(dir, path, "auth", "clinic.db", &st);
	assert_int_equal(store_set_actor(st, "phil", &e), ST_OK);
	testclock_now = 1772445600;
	for (int i = 0; i < 3; i++) {
		char pw[8] = "";
		assert_int_equal(auth_verify(st, &cfg, "signature", pw, &e), ST_DENIED);
		assert_non_null(strstr(e.msg, "no password given"));
	}
	char pw[] = "anything";
	assert_int_equal(auth_verify(st, &cfg, "signature", pw, &e), ST_DENIED);
	assert_string_equal(e.msg, "3 wrong passwords in a row for phil: refused until "
				   "2026-03-02 10:05 UTC");
	/* Wiped although it was never tried. */
	for (size_t i = 0; i < sizeof pw; i++)
		assert_int_equal(pw[i], 0);
	assert_int_equal(tmpdb_int(path, "SELECT count(*) FROM auth_attempts WHERE ok = 0 AND "
					 "login = 'phil' AND purpose = 'signature'"),
			 3);
	assert_int_equal(tmpdb_int(path, "SELECT count(*) FROM audit WHERE tbl = 'auth_attempts'"),
			 3);
	testclock_now += 300;
	assert_int_equal(store_auth_allowed(st, 3, 300, &e), ST_OK);
	tmpdb_remove(dir, st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(field_is_length_prefixed),
	    cmocka_unit_test(hash_is_sha256),
	    cmocka_unit_test(canonical_plan_text),
	    cmocka_unit_test(meanings),
	    cmocka_unit_test(conv_answers_echo_off_with_the_password),
	    cmocka_unit_test(conv_refuses_visible_prompts_and_no_password),
	    cmocka_unit_test(failures_lock_out_for_a_while),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
