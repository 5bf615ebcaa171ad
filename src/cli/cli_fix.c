/* cli_fix.c: lab results corrected or voided with a reason (`lab correct`,
 * `lab void`), and every lab row of a patient, voided ones marked
 * (`lab list`). */
#include "cli_int.h"

#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "store_fix.h"
#include "uc_lab.h"
#include "util.h"

#define LIST_MAX 2000

static enum status row_id(const char *text, int64_t *id, struct err *e)
{
	long v = 0;
	if (!parse_long(text, 1, 2147483647L, &v))
		return err_set(e, ST_INVALID,
			       "lab result '%.24s': the result's number from `lab list`", text);
	*id = v;
	return ST_OK;
}

/* The stored row with the corrections of the options applied: the value in
 * --unit (else the stored row's unit), the day of --date (else its own). */
static enum status corrected(struct cli *c, struct cli_opt *o, const struct lab_entry_row *cur,
			     bool confirm, struct lab_result *r, struct err *e)
{
	enum { O_VALUE, O_UNIT, O_DATE };
	const char *unit = o[O_UNIT].set ? o[O_UNIT].value : cur->r.unit;
	enum analyte_id a = cur->r.analyte;
	enum unit_system u = UNITS_US;
	enum status s;
	memset(r, 0, sizeof *r);
	if (a == ANALYTE_HBV_DNA && strcmp(unit, LAB_UNIT_LOG10) == 0) {
		s = lab_entry_log10(a, o[O_VALUE].value, confirm, r, e);
	} else {
		if (!analyte_unit_parse(a, unit, &u))
			return err_set(
			    e, ST_INVALID, "--unit '%.20s': not a unit of %s; accepted %s or %s",
			    unit, analyte_get(a)->key,
			    *analyte_unit(a, UNITS_US) ? analyte_unit(a, UNITS_US) : "none",
			    *analyte_unit(a, UNITS_SI) ? analyte_unit(a, UNITS_SI) : "none");
		s = lab_entry(a, u, o[O_VALUE].value, confirm, r, e);
	}
	if (s != ST_OK)
		return s;
	r->id = cur->r.id;
	r->patient_id = cur->r.patient_id;
	r->visit_id = cur->r.visit_id;
	r->version = cur->r.version;
	r->date = cur->r.date;
	strlcpy_(r->source, cur->r.source, sizeof r->source);
	if (o[O_DATE].set)
		s = date_parse_field("collection date", o[O_DATE].value, app_today(c->app), false,
				     &r->date, e);
	return s;
}

int cli_lab_correct(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"value", OPT_VALUE},	 {"unit", OPT_VALUE},
			      {"date", OPT_VALUE},	 {"reason", OPT_VALUE},
			      {"if-version", OPT_VALUE}, {"confirm", OPT_FLAG}};
	const char *pos[2];
	struct err e = {""};
	struct patient p;
	struct lab_entry_row cur;
	struct lab_result r;
	int64_t id = 0;
	long version = 0;
	char d[16];
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 2, 2);
	if (rc)
		return rc;
	if (!o[3].set)
		return cli_usage(c, "--reason is required: say why the result is corrected");
	if (!o[0].set)
		return cli_usage(c, "--value is required: the value as it should be");
	if (o[4].set && !parse_long(o[4].value, 1, 2147483647L, &version))
		return cli_usage(c, "--if-version '%.24s': a version number from `lab list --json`",
				 o[4].value);
	enum status s = row_id(pos[1], &id, &e);
	if (s == ST_OK)
		s = store_patient_by_mrn(c->app->st, pos[0], &p, &e);
	if (s == ST_OK)
		s = store_lab_get(c->app->st, p.id, id, &cur, &e);
	if (s == ST_OK && version)
		cur.r.version = version;
	if (s == ST_OK)
		s = corrected(c, o, &cur, o[5].set, &r, &e);
	if (s == ST_OK)
		s = uc_lab_correct(c->app->st, &c->app->cfg, &r, o[3].value, o[5].set, &e);
	if (s == ST_CONFIRM)
		return cli_usage(c, "%s (add --confirm to accept)", e.msg);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	cli_putf(c, "corrected lab result %lld (%s) of %s on %s: %g %s, now version %lld\n",
		 (long long)r.id, analyte_get(r.analyte)->key, p.mrn, date_format(r.date, d),
		 r.value, r.unit, (long long)r.version);
	return 0;
}

int cli_lab_void(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"reason", OPT_VALUE}};
	const char *pos[2];
	struct err e = {""};
	struct patient p;
	int64_t id = 0;
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 2, 2);
	if (rc)
		return rc;
	if (!o[0].set)
		return cli_usage(c, "--reason is required: say why the result is voided");
	enum status s = row_id(pos[1], &id, &e);
	if (s == ST_OK)
		s = store_patient_by_mrn(c->app->st, pos[0], &p, &e);
	if (s == ST_OK)
		s = store_lab_void(c->app->st, p.id, id, o[0].value, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	cli_putf(c, "voided lab result %lld of %s: %s\n", (long long)id, p.mrn, o[0].value);
	return 0;
}

static void row_json(struct json *j, const struct lab_entry_row *x)
{
	char d[16];
	const struct lab_result *r = &x->r;
	json_obj_begin(j, NULL);
	json_int(j, "id", r->id);
	json_int(j, "version", r->version);
	json_string(j, "analyte", analyte_get(r->analyte)->key);
	json_string(j, "date", date_format(r->date, d));
	json_num(j, "value", r->value, 6);
	json_string(j, "unit", r->unit);
	json_string(j, "source", r->source);
	json_bool(j, "confirmed", r->confirmed);
	json_string(j, "correction", x->correction[0] ? x->correction : NULL);
	json_bool(j, "voided", x->voided);
	json_string(j, "void_reason", x->voided ? x->void_reason : NULL);
	json_string(j, "voided_by", x->voided && x->voided_by[0] ? x->voided_by : NULL);
	json_obj_end(j);
}

int cli_lab_list(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"json", OPT_FLAG}};
	const char *pos[1];
	struct err e = {""};
	struct patient p;
	int n = 0;
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 1, 1);
	if (rc)
		return rc;
	enum status s = store_patient_by_mrn(c->app->st, pos[0], &p, &e);
	struct lab_entry_row *rows = xmalloc(LIST_MAX * sizeof *rows);
	if (s == ST_OK)
		s = store_lab_rows(c->app->st, p.id, rows, LIST_MAX, &n, &e);
	if (s != ST_OK) {
		free(rows);
		return cli_fail(c, s, &e);
	}
	if (o[0].set) {
		struct json j;
		json_init(&j, false);
		json_arr_begin(&j, NULL);
		for (int i = 0; i < n; i++)
			row_json(&j, &rows[i]);
		json_arr_end(&j);
		cli_putf(c, "%s\n", json_str(&j));
		json_done(&j);
	} else {
		for (int i = 0; i < n; i++) {
			const struct lab_result *r = &rows[i].r;
			char d[16];
			cli_putf(c, "%6lld  %s  %-10s %10g %-10s v%lld%s%s%s%s\n", (long long)r->id,
				 date_format(r->date, d), analyte_get(r->analyte)->key, r->value,
				 r->unit[0] ? r->unit : "-", (long long)r->version,
				 rows[i].voided ? "  VOIDED: " : "",
				 rows[i].voided ? rows[i].void_reason : "",
				 !rows[i].voided && rows[i].correction[0] ? "  corrected: " : "",
				 !rows[i].voided ? rows[i].correction : "");
		}
		if (n == 0)
			cli_putf(c, "no lab results for %s\n", p.mrn);
	}
	free(rows);
	return 0;
}
