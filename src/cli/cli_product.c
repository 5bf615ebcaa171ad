/* cli_product.c: `product add|list|show|correct|void|recipients` — the cell
 * product's lots with their release tests, and every patient who received a
 * lot, for a recall. */
#include "cli_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "json.h"
#include "product.h"
#include "store_product.h"
#include "visit.h"

#define PRODUCT_LIST_MAX 1000
#define RECIPIENTS_MAX 10000

/* The options of add and correct; the tests at O_TEST + i. */
enum {
	O_LOT,
	O_TYPE,
	O_DONOR,
	O_PASSAGE,
	O_PER_VIAL,
	O_VIABILITY,
	O_EXPIRY,
	O_RECEIVED,
	O_THAWED,
	O_ADMIN,
	O_NOTE,
	O_CONFIRM,
	O_JSON,
	O_REASON,
	O_IF_VERSION,
	O_TEST,
	O_N = O_TEST + PTEST_COUNT
};

static void product_opts(struct cli_opt *o)
{
	static const struct cli_opt defs[O_TEST] = {
	    {"lot", OPT_VALUE},		 {"type", OPT_VALUE},	  {"donor", OPT_VALUE},
	    {"passage", OPT_VALUE},	 {"per-vial", OPT_VALUE}, {"viability", OPT_VALUE},
	    {"expiry", OPT_VALUE},	 {"received", OPT_VALUE}, {"thawed", OPT_VALUE},
	    {"administered", OPT_VALUE}, {"note", OPT_VALUE},	  {"confirm", OPT_FLAG},
	    {"json", OPT_FLAG},		 {"reason", OPT_VALUE},	  {"if-version", OPT_VALUE}};
	memcpy(o, defs, sizeof defs);
	for (int i = 0; i < PTEST_COUNT; i++)
		o[O_TEST + i] = (struct cli_opt){product_test_str((enum product_test)i), OPT_VALUE};
}

static int tz(const struct cli *c)
{
	return c->app->cfg.tz_offset_minutes * 60;
}

static enum status number(const struct cli_opt *o, double *out, struct err *e)
{
	if (!o->set)
		return ST_OK;
	if (!parse_double(o->value, out))
		return err_set(e, ST_INVALID, "%s: '%s' is not a number", o->name, o->value);
	return ST_OK;
}

static enum status when(struct cli *c, const struct cli_opt *o, int64_t *t, struct err *e)
{
	day_t d;
	return o->set ? visit_parse_time(o->name, o->value, tz(c), c->app->clock(), t, &d, e)
		      : ST_OK;
}

/* The options given, over what p holds (add: nothing; correct: the lot).
 * A correction asks again about a warning only when it changes a measured
 * value (passage, amount per vial, viability). */
static enum status fields(struct cli *c, const struct cli_opt *o, struct product *p, bool correct,
			  struct err *e)
{
	bool confirmed = o[O_CONFIRM].set || (correct && !o[O_PASSAGE].set && !o[O_PER_VIAL].set &&
					      !o[O_VIABILITY].set);
	char choices[64];
	double passage = p->passage;
	enum status s = ST_OK;
	if (o[O_LOT].set && (s = product_check_lot(o[O_LOT].value, e)) == ST_OK)
		strlcpy_(p->lot, o[O_LOT].value, sizeof p->lot);
	if (s == ST_OK && o[O_TYPE].set && !product_type_parse(o[O_TYPE].value, &p->type))
		s = err_set(e, ST_INVALID, "type: '%s' is not accepted; accepted %s",
			    o[O_TYPE].value, product_type_choices(choices, sizeof choices));
	if (s == ST_OK && o[O_DONOR].set && (s = product_check_donor(o[O_DONOR].value, e)) == ST_OK)
		strlcpy_(p->donor, o[O_DONOR].value, sizeof p->donor);
	if (s == ST_OK && (s = number(&o[O_PASSAGE], &passage, e)) == ST_OK && o[O_PASSAGE].set) {
		if (passage != floor(passage) || passage < 0 || passage > 10)
			s = err_set(e, ST_INVALID, "passage: '%s' is outside 0-10 (a whole number)",
				    o[O_PASSAGE].value);
		p->passage = (int)passage;
	}
	if (s == ST_OK)
		s = number(&o[O_PER_VIAL], &p->per_vial, e);
	if (s == ST_OK)
		s = number(&o[O_VIABILITY], &p->viability, e);
	if (s == ST_OK && o[O_EXPIRY].set)
		s = date_parse_field("expiry", o[O_EXPIRY].value, app_today(c->app), true,
				     &p->expiry, e);
	if (s == ST_OK)
		s = when(c, &o[O_RECEIVED], &p->received_at, e);
	if (s == ST_OK)
		s = when(c, &o[O_THAWED], &p->thawed_at, e);
	if (s == ST_OK)
		s = when(c, &o[O_ADMIN], &p->administered_at, e);
	for (int i = 0; s == ST_OK && i < PTEST_COUNT; i++)
		if (o[O_TEST + i].set)
			s = product_result_parse((enum product_test)i, o[O_TEST + i].value,
						 &p->tests[i], e);
	if (s == ST_OK && o[O_NOTE].set)
		strlcpy_(p->note, o[O_NOTE].value, sizeof p->note);
	if (s == ST_OK)
		s = product_validate(p, c->app->clock(), confirmed, e);
	return s;
}

static void put_time(struct json *j, const char *key, int64_t t, int tzs)
{
	char b[20];
	json_string(j, key, t ? visit_format_time(t, tzs, b) : NULL);
}

static void product_json(struct json *j, const struct product *p, int tzs)
{
	char d[16];
	json_int(j, "id", p->id);
	json_string(j, "lot", p->lot);
	json_string(j, "type", product_type_str(p->type));
	json_string(j, "donor", p->donor);
	if (p->passage >= 0)
		json_int(j, "passage", p->passage);
	else
		json_null(j, "passage");
	json_num(j, "per_vial", p->per_vial, p->type == PTYPE_SECRETOME ? 1 : 0);
	json_string(j, "per_vial_unit", product_type_unit(p->type));
	json_num(j, "viability_pct", p->viability, 1);
	json_obj_begin(j, "release");
	for (int i = 0; i < PTEST_COUNT; i++)
		json_string(j, product_test_str((enum product_test)i),
			    product_result_word((enum product_test)i, p->tests[i]));
	json_obj_end(j);
	json_bool(j, "released", product_released(p));
	json_string(j, "expiry", date_format(p->expiry, d));
	put_time(j, "received", p->received_at, tzs);
	put_time(j, "thawed", p->thawed_at, tzs);
	put_time(j, "administered", p->administered_at, tzs);
	json_string(j, "note", p->note);
	json_bool(j, "voided", p->voided);
	json_string(j, "reason", *p->reason ? p->reason : NULL);
	json_string(j, "recorded_by", p->created_by);
	json_int(j, "version", p->version);
}

static void print_one_json(struct cli *c, const struct product *p)
{
	struct json j;
	json_init(&j, false);
	json_obj_begin(&j, NULL);
	product_json(&j, p, tz(c));
	json_obj_end(&j);
	cli_putf(c, "%s\n", json_str(&j));
	json_done(&j);
}

/* The release line: "released" or what is missing. */
static void release_text(const struct product *p, char *out, size_t n)
{
	size_t len =
	    (size_t)snprintf(out, n, "%s:", product_released(p) ? "released" : "NOT released");
	for (int i = 0; i < PTEST_COUNT && len < n; i++)
		len += (size_t)snprintf(out + len, n - len, " %s %s",
					product_test_str((enum product_test)i),
					product_result_word((enum product_test)i, p->tests[i]));
}

static void print_text(struct cli *c, const struct product *p)
{
	char d[16], t[20], amount[64], rel[200];
	cli_putf(c, "lot %s%s (%s), donor %s", p->lot, p->voided ? " [VOIDED]" : "",
		 product_type_label(p->type), p->donor);
	if (p->passage >= 0)
		cli_putf(c, ", passage %d", p->passage);
	cli_putf(c, "\n  per vial: %s", product_format_amount(p, amount, sizeof amount));
	if (!isnan(p->viability))
		cli_putf(c, "; viability %.1f %%", p->viability);
	release_text(p, rel, sizeof rel);
	cli_putf(c, "\n  %s\n  expires %s; received %s", rel, date_format(p->expiry, d),
		 visit_format_time(p->received_at, tz(c), t));
	if (p->thawed_at)
		cli_putf(c, "; thawed %s", visit_format_time(p->thawed_at, tz(c), t));
	if (p->administered_at)
		cli_putf(c, "; administered %s", visit_format_time(p->administered_at, tz(c), t));
	cli_putf(c, "\n  recorded by %s, version %lld\n", p->created_by, (long long)p->version);
	if (*p->reason)
		cli_putf(c, "  %s: %s\n", p->voided ? "voided" : "corrected", p->reason);
	if (*p->note)
		cli_putf(c, "  note: %s\n", p->note);
}

static int finish_write(struct cli *c, enum status s, const struct err *e, const struct product *p,
			bool json, const char *what)
{
	if (s == ST_CONFIRM)
		return cli_usage(c, "%s (add --confirm to accept)", e->msg);
	if (s != ST_OK)
		return cli_fail(c, s, e);
	if (json) {
		print_one_json(c, p);
		return 0;
	}
	cli_putf(c, "%s product lot %s\n", what, p->lot);
	print_text(c, p);
	return 0;
}

int cli_product_add(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[O_N];
	struct err e = {""};
	struct product p;
	product_opts(o);
	int rc = cli_parse(c, argc, argv, o, O_N, NULL, 0, 0);
	if (rc)
		return rc;
	static const int required[] = {O_LOT, O_TYPE, O_DONOR, O_PER_VIAL, O_EXPIRY, O_RECEIVED};
	for (size_t i = 0; i < ARRAY_SIZE(required); i++)
		if (!o[required[i]].set)
			return cli_usage(c, "--%s is required", o[required[i]].name);
	if (o[O_REASON].set || o[O_IF_VERSION].set)
		return cli_usage(c, "--%s goes with product correct",
				 o[O_REASON].set ? "reason" : "if-version");
	product_init(&p);
	enum status s = fields(c, o, &p, false, &e);
	if (s == ST_OK)
		s = store_product_add(c->app->st, &p, &e);
	return finish_write(c, s, &e, &p, o[O_JSON].set, "recorded");
}

/* The lot named, and its version checked against --if-version. */
static enum status named(struct cli *c, const char *lot, const struct cli_opt *ifv,
			 struct product *p, struct err *e)
{
	long v;
	enum status s = store_product_get(c->app->st, lot, p, e);
	if (s != ST_OK || !ifv->set)
		return s;
	if (!parse_long(ifv->value, 1, 1000000000L, &v))
		return err_set(e, ST_INVALID, "if-version: '%s' is not a version number",
			       ifv->value);
	p->version = v; /* the write refuses when the row moved on */
	return ST_OK;
}

int cli_product_correct(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[O_N];
	struct err e = {""};
	struct product p;
	const char *pos[1];
	product_opts(o);
	int rc = cli_parse(c, argc, argv, o, O_N, pos, 1, 1);
	if (rc)
		return rc;
	if (!o[O_REASON].set)
		return cli_usage(c, "--reason is required");
	enum status s = named(c, pos[0], &o[O_IF_VERSION], &p, &e);
	if (s == ST_OK)
		s = fields(c, o, &p, true, &e);
	if (s == ST_OK)
		s = store_product_correct(c->app->st, &p, o[O_REASON].value, &e);
	return finish_write(c, s, &e, &p, o[O_JSON].set, "corrected");
}

int cli_product_void(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"reason", OPT_VALUE}, {"if-version", OPT_VALUE}, {"json", OPT_FLAG}};
	struct err e = {""};
	struct product p;
	const char *pos[1];
	int rc = cli_parse(c, argc, argv, o, 3, pos, 1, 1);
	if (rc)
		return rc;
	if (!o[0].set)
		return cli_usage(c, "--reason is required");
	enum status s = named(c, pos[0], &o[1], &p, &e);
	if (s == ST_OK)
		s = store_product_void(c->app->st, &p, o[0].value, &e);
	return finish_write(c, s, &e, &p, o[2].set, "voided");
}

int cli_product_show(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"json", OPT_FLAG}};
	struct err e = {""};
	struct product p;
	const char *pos[1];
	int rc = cli_parse(c, argc, argv, o, 1, pos, 1, 1);
	if (rc)
		return rc;
	enum status s = store_product_get(c->app->st, pos[0], &p, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	if (o[0].set)
		print_one_json(c, &p);
	else
		print_text(c, &p);
	return 0;
}

int cli_product_list(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"json", OPT_FLAG}};
	struct err e = {""};
	int n = 0, rc = cli_parse(c, argc, argv, o, 1, NULL, 0, 0);
	if (rc)
		return rc;
	struct product *list = xcalloc(PRODUCT_LIST_MAX, sizeof *list);
	enum status s = store_product_list(c->app->st, list, PRODUCT_LIST_MAX, &n, &e);
	if (s != ST_OK) {
		free(list);
		return cli_fail(c, s, &e);
	}
	struct json j;
	json_init(&j, false);
	json_arr_begin(&j, NULL);
	char d[16], amount[64];
	for (int i = 0; i < n; i++) {
		const struct product *p = &list[i];
		if (o[0].set) {
			json_obj_begin(&j, NULL);
			product_json(&j, p, tz(c));
			json_obj_end(&j);
			continue;
		}
		cli_putf(c, "%-16s %-10s %-12s expires %s  %-12s %s%s\n", p->lot,
			 product_type_str(p->type), p->donor, date_format(p->expiry, d),
			 p->voided	       ? "VOIDED"
			 : product_released(p) ? "released"
					       : "not released",
			 product_format_amount(p, amount, sizeof amount), "");
	}
	json_arr_end(&j);
	if (o[0].set)
		cli_putf(c, "%s\n", json_str(&j));
	else if (!n)
		cli_put(c, "no product lots on file\n");
	json_done(&j);
	free(list);
	return 0;
}

static void print_recipients(struct cli *c, const struct product *p,
			     const struct product_recipient *r, int n, bool json)
{
	char t[20], cells[32];
	if (!json) {
		cli_putf(c, "lot %s (%s): %d infusion%s\n", p->lot, product_type_label(p->type), n,
			 n == 1 ? "" : "s");
		for (int i = 0; i < n; i++) {
			plan_format_cells(r[i].cells, cells, sizeof cells);
			cli_putf(c, "  %-12s %-30s %s  %-12s %s cells (infusion %lld)\n", r[i].mrn,
				 r[i].name, visit_format_time(r[i].given_at, tz(c), t),
				 plan_route_str(r[i].route), cells, (long long)r[i].infusion_id);
		}
		return;
	}
	struct json j;
	json_init(&j, false);
	json_obj_begin(&j, NULL);
	json_string(&j, "lot", p->lot);
	json_string(&j, "type", product_type_str(p->type));
	json_arr_begin(&j, "recipients");
	for (int i = 0; i < n; i++) {
		json_obj_begin(&j, NULL);
		json_string(&j, "mrn", r[i].mrn);
		json_string(&j, "name", r[i].name);
		json_int(&j, "infusion", r[i].infusion_id);
		put_time(&j, "given_at", r[i].given_at, tz(c));
		json_string(&j, "route", plan_route_str(r[i].route));
		json_num(&j, "cells", r[i].cells, 0);
		json_obj_end(&j);
	}
	json_arr_end(&j);
	json_obj_end(&j);
	cli_putf(c, "%s\n", json_str(&j));
	json_done(&j);
}

int cli_product_recipients(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"json", OPT_FLAG}};
	struct err e = {""};
	struct product p;
	const char *pos[1];
	int n = 0, rc = cli_parse(c, argc, argv, o, 1, pos, 1, 1);
	if (rc)
		return rc;
	enum status s = store_product_get(c->app->st, pos[0], &p, &e);
	struct product_recipient *r = xcalloc(RECIPIENTS_MAX, sizeof *r);
	if (s == ST_OK)
		s = store_product_recipients(c->app->st, &p, r, RECIPIENTS_MAX, &n, &e);
	if (s == ST_OK)
		print_recipients(c, &p, r, n, o[0].set);
	free(r);
	return s == ST_OK ? 0 : cli_fail(c, s, &e);
}
