/* test_protocol.c: parsing the protocol INI — the clinic default, the hash,
 * and each kind of malformed file refused with file, line and key while the
 * protocol already held stays as it was. */
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
#include "protocol.h"

#define DEFAULT "assets/protocols/ucmsc-default.ini"
#define HEAD "[protocol]\nname = Test\nversion = 2\n"

static void default_protocol_parses(void **state)
{
	struct protocol p;
	struct err e = {""};
	const char *text = asset_text(DEFAULT);
	assert_non_null(text);
	assert_int_equal(protocol_parse(DEFAULT, text, &p, &e), ST_OK);
	assert_string_equal(p.version, "1.0");
	assert_int_equal(p.nitems, 22);
	assert_true(p.cells_per_kg == 0.5e6);
	assert_true(p.cells_per_kg_min == 0.1e6 && p.cells_per_kg_max == 1.0e6);
	assert_int_equal(p.weight_window_days, 14);
	assert_int_equal(p.infusions, 3);
	assert_int_equal(p.interval_days, 28);
	assert_int_equal(p.nvisits, 9);
	assert_int_equal(p.visit_weeks[0], 1);
	assert_int_equal(p.visit_weeks[8], 72);
	assert_int_equal(p.visit_window_days, 3);
	const struct protocol_item *labs = protocol_item(&p, "labs");
	assert_non_null(labs);
	assert_int_equal(labs->kind, PITEM_LAB);
	assert_int_equal(labs->nanalytes, 9);
	assert_int_equal(labs->window_days, 14);
	assert_true(labs->required);
	assert_false(labs->excludes);
	const struct protocol_item *meld = protocol_item(&p, "meld3");
	assert_int_equal(meld->kind, PITEM_SCORE);
	assert_int_equal(meld->score, PSCORE_MELD3);
	assert_true(meld->min == 10 && meld->max == 30 && meld->excludes);
	const struct protocol_item *he = protocol_item(&p, "encephalopathy");
	assert_int_equal(he->kind, PITEM_GRADE);
	assert_int_equal(he->max_grade, 1);
	assert_true(he->feeds_encephalopathy);
	const struct protocol_item *dop = protocol_item(&p, "doppler");
	assert_true(dop->modality[MOD_DOPPLER] && !dop->modality[MOD_CT]);
	assert_int_equal(dop->finding, PFIND_THROMBOSIS);
	assert_null(protocol_item(&p, "nonesuch"));
}

static void hash_is_sha256_of_text(void **state)
{
	char h[65];
	protocol_hash("abc", h);
	assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	struct protocol a, b;
	struct err e;
	assert_int_equal(protocol_parse("a", HEAD "[item.w]\nkind = weight\nlabel = W\n", &a, &e),
			 ST_OK);
	assert_int_equal(protocol_parse("b", HEAD "[item.w]\nkind = weight\nlabel = W \n", &b, &e),
			 ST_OK);
	assert_string_not_equal(a.hash, b.hash);
	assert_int_equal(strlen(a.hash), 64);
}

/* A refused text leaves the protocol held untouched. */
static void refused(const char *text, const char *want)
{
	struct protocol held;
	struct err e = {""};
	assert_int_equal(protocol_parse(DEFAULT, asset_text(DEFAULT), &held, &e), ST_OK);
	char before[65];
	strcpy(before, held.hash);
	assert_int_equal(protocol_parse("site.ini", text, &held, &e), ST_INVALID);
	if (!strstr(e.msg, want))
		fail_msg("'%s' not in '%s'", want, e.msg);
	assert_string_equal(held.hash, before);
	assert_int_equal(held.nitems, 22);
}

static void unknown_analyte_refused(void **state)
{
	refused(HEAD "[item.labs]\nkind = lab\nlabel = Labs\nanalytes = bilirubin, bilirubinn\n",
		"site.ini:7: [item.labs] analytes: unknown analyte 'bilirubinn'");
}

static void impossible_bounds_refused(void **state)
{
	refused(HEAD "[item.m]\nkind = score\nlabel = M\nscore = meld3\nmin = 30\nmax = 10\n",
		"site.ini:9: [item.m] max: impossible bounds: min 30 is above max 10");
	refused(HEAD "[item.m]\nkind = score\nlabel = M\nscore = meld3\nmax = 55\n",
		"site.ini:8: [item.m] max: impossible bound 55 for meld3: accepted 6-40");
	refused(HEAD "[dose]\ncells_per_kg = 0.5e6\ncells_per_kg_max = 0.2e6\n"
		     "[item.w]\nkind = weight\nlabel = W\n",
		"site.ini:6: [dose] cells_per_kg_max: impossible bounds: minimum 500000 is above "
		"maximum 200000");
	refused(HEAD "[dose]\ncells_per_kg = 0.5e6\ncells_per_kg_min = 0.1e6\n"
		     "cells_per_kg_max = 0.2e6\n[item.w]\nkind = weight\nlabel = W\n",
		"site.ini:7: [dose] cells_per_kg_max: default 500000 is outside its bounds "
		"100000-200000");
	refused(HEAD "[item.p]\nkind = lab\nlabel = P\nanalytes = platelets\nmin = 5000\n",
		"site.ini:8: [item.p] min: impossible bound for platelets: accepted 0-2000");
	refused(HEAD "[followup]\nweeks = 1, 4, 2\n[item.w]\nkind = weight\nlabel = W\n",
		"site.ini:5: [followup] weeks: '2' is not accepted");
	refused(HEAD "[infusions]\ncount = 30\n[item.w]\nkind = weight\nlabel = W\n",
		"site.ini:5: [infusions] count: '30' is not accepted; a whole number 1-24");
}

static void parse_error_refused(void **state)
{
	refused(HEAD "[item.w]\nkind = weight\nlabel W\n", "site.ini:6: cannot parse the line");
	refused(HEAD "[item.w\nkind = weight\n", "site.ini:4: cannot parse the line");
}

static void unknown_names_refused(void **state)
{
	refused(HEAD "[item.w]\nkind = weight\nlabel = W\nwindow_dayz = 3\n",
		"site.ini:7: [item.w] window_dayz: unknown key");
	refused(HEAD "[item.w]\nkind = scale\nlabel = W\n",
		"site.ini:5: [item.w] kind: 'scale' is not accepted");
	refused(HEAD "[extras]\nx = 1\n", "site.ini:4: [extras]: unknown section");
	/* A key above every section was parsed and silently ignored. */
	refused("nmae = x\n" HEAD, "site.ini:1: [] nmae: key before any [section]");
	refused(HEAD "[item.w]\nkind = weight\n", "site.ini:4: [item.w] label: required");
	refused(HEAD "[item.i]\nkind = imaging\nlabel = I\nfinding = hcc\nmodalities = pet\n",
		"[item.i] modalities: unknown modality 'pet'");
	refused(HEAD "[item.s]\nkind = score\nlabel = S\nscore = meld4\nmax = 3\n",
		"[item.s] score: 'meld4' is not accepted");
	refused(HEAD, "has no items");
	refused(HEAD "[item.g]\nkind = grade\nlabel = G\n", "[item.g] max_grade: required");
}

static void class_letters_and_defaults(void **state)
{
	struct protocol p;
	struct err e;
	assert_int_equal(protocol_parse("x",
					HEAD "[item.cp]\nkind = score\nlabel = CP\n"
					     "score = child_pugh_class\nmax = C\nrequired = no\n"
					     "on_fail = exclude\n",
					&p, &e),
			 ST_OK);
	assert_true(p.items[0].max == 3 && isnan(p.items[0].min));
	assert_false(p.items[0].required);
	assert_true(p.items[0].excludes);
	assert_int_equal(p.visit_weeks[8], 72);
	assert_true(p.cells_per_kg == 0.5e6);
}

/* The plan-limit table, pinned: the widest bounds any protocol or request
 * may use and the defaults a protocol file may leave out. */
static void plan_limits_pinned(void **state)
{
	static const struct {
		enum plan_limit_id id;
		const char *section, *key;
		double min, max, def;
	} want[] = {
	    {PLIM_CELLS_PER_KG, "dose", "cells_per_kg", 1e3, 1e9, 0.5e6},
	    {PLIM_WEIGHT_WINDOW, "dose", "weight_window_days", 1, 365, 14},
	    {PLIM_INFUSIONS, "infusions", "count", 1, 24, 3},
	    {PLIM_INTERVAL, "infusions", "interval_days", 1, 365, 28},
	    {PLIM_INFUSION_WINDOW, "infusions", "window_days", 0, 90, 0},
	    {PLIM_VISIT_WINDOW, "followup", "window_days", 0, 90, 3},
	    {PLIM_VISIT_WEEK, "followup", "weeks", 1, 520, 0},
	};
	assert_int_equal(sizeof want / sizeof want[0], PLIM_COUNT);
	for (size_t i = 0; i < PLIM_COUNT; i++) {
		const struct plan_limit *l = plan_limit(want[i].id);
		assert_non_null(l);
		assert_string_equal(l->section, want[i].section);
		assert_string_equal(l->key, want[i].key);
		assert_true(l->min == want[i].min && l->max == want[i].max);
		assert_true(l->def == want[i].def);
		assert_true(*l->label && *l->unit);
	}
	assert_null(plan_limit(PLIM_COUNT));

	/* A file that leaves everything out gets the table's defaults... */
	struct protocol p;
	struct err e = {""};
	assert_int_equal(protocol_parse("x", HEAD "[item.w]\nkind = weight\nlabel = W\n", &p, &e),
			 ST_OK);
	assert_true(p.cells_per_kg == 0.5e6 && p.cells_per_kg_min == 0.5e6);
	assert_int_equal(p.weight_window_days, 14);
	assert_int_equal(p.infusions, 3);
	assert_int_equal(p.infusions_max, 3);
	assert_int_equal(p.interval_days, 28);
	assert_int_equal(p.infusion_window_days, 0);
	assert_int_equal(p.visit_window_days, 3);
	/* ... and a value beyond the table's bounds is refused by name. */
	refused(HEAD "[infusions]\ncount_max = 25\n[item.w]\nkind = weight\nlabel = W\n",
		"[infusions] count_max");
	refused(HEAD "[followup]\nweeks = 1, 521\n[item.w]\nkind = weight\nlabel = W\n",
		"'521' is not accepted; at most 24 week numbers 1-520 in increasing order");
}

static void missing_file_uses_builtin_copy(void **state)
{
	struct protocol p;
	struct err e = {""};
	assert_int_equal(protocol_load_file("/nonexistent/x.ini", &p, &e), ST_NOT_FOUND);
	assert_non_null(strstr(e.msg, "/nonexistent/x.ini"));
	assert_int_equal(protocol_load_file(DEFAULT, &p, &e), ST_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(default_protocol_parses),
	    cmocka_unit_test(hash_is_sha256_of_text),
	    cmocka_unit_test(unknown_analyte_refused),
	    cmocka_unit_test(impossible_bounds_refused),
	    cmocka_unit_test(parse_error_refused),
	    cmocka_unit_test(unknown_names_refused),
	    cmocka_unit_test(class_letters_and_defaults),
	    cmocka_unit_test(plan_limits_pinned),
	    cmocka_unit_test(missing_file_uses_builtin_copy),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
