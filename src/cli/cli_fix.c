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
	if ((rc = cli_if_version(c, &o[4], "lab list", &version)))
		return rc;
	enum status s = cli_row_number(pos[1], "lab result", "lab list", &id, &e);
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

static void row_json(struct cli *c, struct json *j, const void *row)
{
	const struct lab_entry_row *x = row;
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
	cli_marks_json(j,
		       &(struct cli_marks){x->voided, x->void_reason, x->voided_by, x->correction});
	json_obj_end(j);
}

static void row_text(struct cli *c, const void *row)
{
	const struct lab_entry_row *x = row;
	const struct lab_result *r = &x->r;
	char d[16];
	cli_putf(c, "%6lld  %s  %-10s %10g %-10s v%lld", (long long)r->id, date_format(r->date, d),
		 analyte_get(r->analyte)->key, r->value, r->unit[0] ? r->unit : "-",
		 (long long)r->version);
	cli_marks_text(c,
		       &(struct cli_marks){x->voided, x->void_reason, x->voided_by, x->correction});
}

static enum status load(struct store *st, int64_t patient_id, void *out, int max, int *n,
			struct err *e)
{
	return store_lab_rows(st, patient_id, out, max, n, e);
}

static const struct cli_rows_kind lab_rows = {
    .noun = "lab result",
    .list = "lab list",
    .size = sizeof(struct lab_entry_row),
    .load = load,
    .json = row_json,
    .text = row_text,
    .void_row = store_lab_void,
};

int cli_lab_void(struct cli *c, int argc, char **argv)
{
	return cli_void_row(c, argc, argv, &lab_rows);
}

int cli_lab_list(struct cli *c, int argc, char **argv)
{
	return cli_list_rows(c, argc, argv, &lab_rows);
}
