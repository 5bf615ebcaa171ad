/* test_qol.c: questionnaire files, answers and domain scores, without
 * storage: the shipped symptom instrument, the CLDQ structure joined with a
 * generated text file (never the licensed wording), reversed items, sum and
 * mean scoring and the missing-item rule. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "assets.h"
#include "qol.h"

#define SYMPTOMS "assets/instruments/symptoms.ini"
#define CLDQ "assets/instruments/cldq-structure.ini"

static struct qol_instrument q;

static const struct qol_score *score(const struct qol_scores *s, const char *id)
{
	for (int i = 0; i < s->n; i++)
		if (strcmp(s->s[i].id, id) == 0)
			return &s->s[i];
	fail_msg("no score %s", id);
	return NULL;
}

static void symptom_instrument(void **state)
{
	(void)state;
	struct err e = {""};
	struct qol_scores s;
	int a[QOL_ITEMS_MAX];
	assert_int_equal(qol_parse(SYMPTOMS, asset_text(SYMPTOMS), &q, &e), ST_OK);
	assert_string_equal(q.code, "SYMPTOMS");
	assert_int_equal(q.nitems, 7);
	assert_int_equal(q.ndomains, 7);
	assert_false(q.higher_better);
	assert_true(q.items[6].reverse);
	assert_int_equal(qol_parse_answers(&q, "7,6,5,4,8,6,2", a, &e), ST_OK);
	qol_score(&q, a, &s);
	assert_int_equal(s.n, 8);
	assert_true(fabs(score(&s, "wellbeing")->score - 8) < 1e-9); /* 0 + 10 - 2 */
	assert_true(fabs(score(&s, "overall")->score - 44.0 / 7) < 1e-9);
	/* Four of seven answered: the overall is scored (>= 50 %); three: not. */
	assert_int_equal(qol_parse_answers(&q, "1,2,3,4,,,", a, &e), ST_OK);
	qol_score(&q, a, &s);
	assert_true(fabs(score(&s, "overall")->score - 2.5) < 1e-9);
	assert_true(isnan(score(&s, "mood")->score));
	assert_int_equal(qol_parse_answers(&q, "1,2,3,-,,,", a, &e), ST_OK);
	qol_score(&q, a, &s);
	assert_true(isnan(score(&s, "overall")->score));
	assert_int_equal(score(&s, "overall")->answered, 3);
	char buf[64];
	qol_format_answers(&q, a, buf, sizeof buf);
	assert_string_equal(buf, "1,2,3,,,,");
}

static void answers_refused(void **state)
{
	(void)state;
	struct err e = {""};
	int a[QOL_ITEMS_MAX];
	assert_int_equal(qol_parse(SYMPTOMS, asset_text(SYMPTOMS), &q, &e), ST_OK);
	assert_int_equal(qol_parse_answers(&q, "1,2,3", a, &e), ST_INVALID);
	assert_string_equal(e.msg, "answers: 3 given, SYMPTOMS has 7 items; leave an entry empty "
				   "when not answered");
	assert_int_equal(qol_parse_answers(&q, "1,2,3,4,5,6,7,8", a, &e), ST_INVALID);
	assert_int_equal(qol_parse_answers(&q, "1,2,x,4,5,6,7", a, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "item 3: 'x' is not accepted; 0-10"));
	assert_int_equal(qol_parse_answers(&q, "1,2,-1,4,5,6,7", a, &e), ST_INVALID);
}

static void cldq_structure_with_generated_texts(void **state)
{
	(void)state;
	struct err e = {""};
	struct qol_scores s;
	int a[QOL_ITEMS_MAX];
	char texts[1024] = "# generated\n", *full = NULL;
	for (int i = 1; i <= 29; i++)
		snprintf(texts + strlen(texts), sizeof texts - strlen(texts), "item %d\n", i);
	/* The structure alone has no wording: refused. */
	assert_int_equal(qol_parse(CLDQ, asset_text(CLDQ), &q, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "[item.1] text: required"));
	assert_int_equal(qol_with_texts(asset_text(CLDQ), texts, &full, &e), ST_OK);
	assert_int_equal(qol_parse("cldq", full, &q, &e), ST_OK);
	free(full);
	assert_int_equal(q.nitems, 29);
	assert_int_equal(q.ndomains, 6);
	assert_int_equal(q.min, 1);
	assert_int_equal(q.max, 7);
	assert_string_equal(q.items[16].text, "item 17");
	static const struct {
		const char *id;
		int n;
	} counts[] = {{"abdominal", 3}, {"fatigue", 5},	  {"systemic", 5},
		      {"activity", 3},	{"emotional", 8}, {"worry", 5}};
	for (int d = 0; d < 6; d++) {
		assert_string_equal(q.domains[d].id, counts[d].id);
		assert_int_equal(q.domains[d].nitems, counts[d].n);
	}
	/* Item k answered k % 7 + 1: abdominal = items 1, 5, 17 -> 2, 6, 4. */
	char csv[128] = "";
	for (int i = 1; i <= 29; i++)
		snprintf(csv + strlen(csv), sizeof csv - strlen(csv), "%s%d", i > 1 ? "," : "",
			 i % 7 + 1);
	assert_int_equal(qol_parse_answers(&q, csv, a, &e), ST_OK);
	qol_score(&q, a, &s);
	assert_true(fabs(score(&s, "abdominal")->score - 4) < 1e-9);
	/* worry = 18, 22, 25, 28, 29 -> 5, 2, 5, 1, 2 */
	assert_true(fabs(score(&s, "worry")->score - 3) < 1e-9);
	/* Too few or too many texts. */
	assert_int_equal(qol_with_texts(asset_text(CLDQ), "a\nb\n", &full, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "texts: 2 item texts for more items"));
	char more[1200];
	snprintf(more, sizeof more, "%sextra\n", texts);
	assert_int_equal(qol_with_texts(asset_text(CLDQ), more, &full, &e), ST_INVALID);
	assert_non_null(strstr(e.msg, "more texts than the 29 items"));
}

static void sum_scoring_prorates_missing_items(void **state)
{
	(void)state;
	static const char text[] = "[instrument]\ncode = t2\nname = T\nversion = 1\nmin = 1\n"
				   "max = 5\nscoring = sum\nmin_answered_pct = 75\n"
				   "[domain.a]\nlabel = A\n"
				   "[item.1]\ntext = one\ndomain = a\n"
				   "[item.2]\ntext = two\ndomain = a\nreverse = yes\n"
				   "[item.3]\ntext = three\ndomain = a\n"
				   "[item.4]\ntext = four\ndomain = a\n";
	struct err e = {""};
	struct qol_scores s;
	int a[QOL_ITEMS_MAX];
	assert_int_equal(qol_parse("t2.ini", text, &q, &e), ST_OK);
	assert_string_equal(q.code, "T2");
	assert_int_equal(qol_parse_answers(&q, "5,1,3,4", a, &e), ST_OK);
	qol_score(&q, a, &s);
	assert_true(fabs(s.s[0].score - 17) < 1e-9); /* 5 + (6 - 1) + 3 + 4 */
	/* 3 of 4 answered (75 %): the mean of three x 4 items. */
	assert_int_equal(qol_parse_answers(&q, "5,1,,4", a, &e), ST_OK);
	qol_score(&q, a, &s);
	assert_true(fabs(s.s[0].score - 56.0 / 3) < 1e-9);
	/* 2 of 4 (50 %) is below 75 %: not scored. */
	assert_int_equal(qol_parse_answers(&q, "5,,,4", a, &e), ST_OK);
	qol_score(&q, a, &s);
	assert_true(isnan(s.s[0].score));
}

static void files_refused_with_their_line(void **state)
{
	(void)state;
	struct err e = {""};
	assert_int_equal(qol_parse("x.ini",
				   "[instrument]\ncode = X\nname = X\nversion = 1\nmin = 3\n"
				   "max = 3\n[domain.a]\nlabel = A\n[item.1]\ntext = t\n"
				   "domain = a\n",
				   &q, &e),
			 ST_INVALID);
	assert_string_equal(e.msg, "x.ini:6: [instrument] max: 3 is not above min 3");
	assert_int_equal(qol_parse("x.ini",
				   "[instrument]\ncode = X\nname = X\nversion = 1\nmin = 0\n"
				   "max = 3\ncolour = red\n[domain.a]\nlabel = A\n"
				   "[item.1]\ntext = t\ndomain = a\n",
				   &q, &e),
			 ST_INVALID);
	assert_string_equal(e.msg, "x.ini:7: [instrument] colour: unknown key");
	assert_int_equal(qol_parse("x.ini",
				   "[instrument]\ncode = X\nname = X\nversion = 1\nmin = 0\n"
				   "max = 3\n[domain.a]\nlabel = A\n[domain.b]\nlabel = B\n"
				   "[item.1]\ntext = t\ndomain = a\n",
				   &q, &e),
			 ST_INVALID);
	assert_non_null(strstr(e.msg, "[domain.b]: no item belongs to this domain"));
	assert_int_equal(qol_parse("x.ini",
				   "[instrument]\ncode = X\nname = X\nversion = 1\nmin = 0\n"
				   "max = 3\n[domain.a]\nlabel = A\n[item.2]\ntext = t\n"
				   "domain = a\n",
				   &q, &e),
			 ST_INVALID);
	assert_non_null(strstr(e.msg, "[item.1]: missing: items are numbered 1 to 1"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(symptom_instrument),
	    cmocka_unit_test(answers_refused),
	    cmocka_unit_test(cldq_structure_with_generated_texts),
	    cmocka_unit_test(sum_scoring_prorates_missing_items),
	    cmocka_unit_test(files_refused_with_their_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
