/* cli_infix.c: an infusion corrected with a reason (`infusion correct`):
 * the checks of infusion add on the values, the correction's check (dose,
 * route, interval, lot where the corrected fields bear on them), the
 * version read, both versions audited; and a patient's infusions with
 * their numbers (`infusion list`). */
#include "cli_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "infusion_check.h"
#include "json.h"
#include "store_infix.h"
#include "uc_infusion.h"
#include "util.h"
#include "visit.h"

#define LIST_MAX 200

enum {
	F_AT,
	F_ROUTE,
	F_CELLS,
	F_LOT,
	F_EXPIRES,
	F_BY,
	F_REACTION,
	F_NOTE,
	F_REASON,
	F_VERSION,
	F_CONFIRM,
	F_JSON,
	F_OBS, /* obs[i] at F_OBS + i */
	F_N = F_OBS + 8
};

static const struct {
	const char *name;
	bool after;
	enum infusion_obs_id id;
} obs[F_N - F_OBS] = {
    {"temp-before", false, IOBS_TEMP},	 {"pulse-before", false, IOBS_PULSE},
    {"bp-before", false, IOBS_SYSTOLIC}, {"spo2-before", false, IOBS_SPO2},
    {"temp-after", true, IOBS_TEMP},	 {"pulse-after", true, IOBS_PULSE},
    {"bp-after", true, IOBS_SYSTOLIC},	 {"spo2-after", true, IOBS_SPO2},
};

/* The observations given replace the stored ones ("none": not taken). */
static enum status obs_fields(const struct cli_opt *o, struct infusion *f, struct err *e)
{
	enum status s = ST_OK;
	for (int i = 0; s == ST_OK && i < F_N - F_OBS; i++) {
		const struct cli_opt *op = &o[F_OBS + i];
		struct infusion_obs *set = obs[i].after ? &f->after : &f->before;
		enum infusion_obs_id id = obs[i].id;
		int sbp, dbp;
		if (!op->set)
			continue;
		if (strcmp(op->value, "none") == 0) {
			set->v[id] = NAN;
			if (id == IOBS_SYSTOLIC)
				set->v[IOBS_DIASTOLIC] = NAN;
		} else if (id == IOBS_SYSTOLIC) {
			if ((s = visit_check_bp(op->value, &sbp, &dbp, e)) == ST_OK) {
				set->v[IOBS_SYSTOLIC] = sbp;
				set->v[IOBS_DIASTOLIC] = dbp;
			}
		} else {
			s = vital_parse(infusion_obs_vital(id), op->value, o[F_CONFIRM].set,
					&set->v[id], e);
		}
		if (s != ST_OK && s != ST_CONFIRM) {
			char why[sizeof e->msg];
			snprintf(why, sizeof why, "%s", e->msg);
			s = err_set(e, s, "%s: %s", op->name, why);
		}
	}
	return s;
}

/* The stored infusion with the options applied, each checked as infusion
 * add checks it. */
static enum status corrected(struct cli *c, const struct cli_opt *o, struct infusion *f,
			     struct err *e)
{
	enum status s = ST_OK;
	char routes[PLAN_ROUTE_CHOICES_MAX];
	if (o[F_AT].set)
		s = visit_parse_time("given at", o[F_AT].value, c->app->cfg.tz_offset_minutes * 60,
				     c->app->clock(), &f->given_at, &f->date, e);
	if (s == ST_OK && o[F_ROUTE].set && !plan_route_parse(o[F_ROUTE].value, &f->route))
		s = err_set(e, ST_INVALID, "route: '%.20s' is not accepted; %s", o[F_ROUTE].value,
			    plan_route_choices(routes, sizeof routes));
	if (s == ST_OK && o[F_CELLS].set &&
	    (s = infusion_check_cells(o[F_CELLS].value, &f->cells, e)) == ST_CONFIRM &&
	    o[F_CONFIRM].set)
		s = ST_OK;
	if (s == ST_OK && o[F_LOT].set && (s = infusion_check_lot(o[F_LOT].value, e)) == ST_OK) {
		strlcpy_(f->lot, o[F_LOT].value, sizeof f->lot);
		f->lot_expiry = DAY_NONE; /* the lot's own on file, unless --expires */
	}
	if (s == ST_OK && o[F_EXPIRES].set)
		s = date_parse_field("expires", o[F_EXPIRES].value, app_today(c->app), true,
				     &f->lot_expiry, e);
	if (s == ST_OK && o[F_BY].set && (s = infusion_check_given_by(o[F_BY].value, e)) == ST_OK)
		strlcpy_(f->given_by, o[F_BY].value, sizeof f->given_by);
	const char *re = o[F_REACTION].set && strcmp(o[F_REACTION].value, "none") != 0
			     ? o[F_REACTION].value
			     : "";
	if (s == ST_OK && o[F_REACTION].set && (s = infusion_check_reaction(re, e)) == ST_OK)
		strlcpy_(f->reaction, re, sizeof f->reaction);
	if (s == ST_OK && o[F_NOTE].set && (s = visit_check_note(o[F_NOTE].value, e)) == ST_OK)
		strlcpy_(f->note, o[F_NOTE].value, sizeof f->note);
	if (s == ST_OK)
		s = obs_fields(o, f, e);
	if (s == ST_OK)
		s = infusion_check_obs(&f->before, "before", e);
	if (s == ST_OK)
		s = infusion_check_obs(&f->after, "after", e);
	return s;
}

static void row_json(struct json *j, const char *key, const struct infusion *f,
		     const char *correction, int tz)
{
	char d[20], ob[160], oa[160];
	json_obj_begin(j, key);
	json_int(j, "id", f->id);
	json_int(j, "version", f->version);
	json_string(j, "given_at", visit_format_time(f->given_at, tz, d));
	json_string(j, "route", plan_route_str(f->route));
	json_num(j, "cells", f->cells, 0);
	json_string(j, "lot", f->lot);
	json_string(j, "lot_expiry",
		    f->lot_expiry == DAY_NONE ? NULL : date_format(f->lot_expiry, d));
	json_string(j, "given_by", f->given_by);
	json_string(j, "reaction", f->reaction[0] ? f->reaction : NULL);
	infusion_obs_format(&f->before, ob, sizeof ob);
	infusion_obs_format(&f->after, oa, sizeof oa);
	json_string(j, "observations_before", ob);
	json_string(j, "observations_after", oa);
	json_string(j, "override_by", f->override_by[0] ? f->override_by : NULL);
	json_string(j, "correction", correction && *correction ? correction : NULL);
	json_obj_end(j);
}

static int correct_done(struct cli *c, const struct patient *p, const struct infusion *f,
			const char *reason, bool as_json)
{
	int tz = c->app->cfg.tz_offset_minutes * 60;
	char t[20];
	if (as_json) {
		struct json j;
		json_init(&j, false);
		json_obj_begin(&j, NULL);
		json_string(&j, "mrn", p->mrn);
		row_json(&j, "infusion", f, reason, tz);
		json_obj_end(&j);
		cli_putf(c, "%s\n", json_str(&j));
		json_done(&j);
		return 0;
	}
	cli_putf(c, "corrected infusion %lld of %s: %s, %s, %.3g cells, lot %s, now version %lld\n",
		 (long long)f->id, p->mrn, visit_format_time(f->given_at, tz, t),
		 plan_route_str(f->route), f->cells, f->lot, (long long)f->version);
	return 0;
}

int cli_infusion_correct(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[F_N] = {[F_AT] = {"at", OPT_VALUE},
				 [F_ROUTE] = {"route", OPT_VALUE},
				 [F_CELLS] = {"cells", OPT_VALUE},
				 [F_LOT] = {"lot", OPT_VALUE},
				 [F_EXPIRES] = {"expires", OPT_VALUE},
				 [F_BY] = {"by", OPT_VALUE},
				 [F_REACTION] = {"reaction", OPT_VALUE},
				 [F_NOTE] = {"note", OPT_VALUE},
				 [F_REASON] = {"reason", OPT_VALUE},
				 [F_VERSION] = {"if-version", OPT_VALUE},
				 [F_CONFIRM] = {"confirm", OPT_FLAG},
				 [F_JSON] = {"json", OPT_FLAG}};
	for (int i = 0; i < F_N - F_OBS; i++)
		o[F_OBS + i] = (struct cli_opt){obs[i].name, OPT_VALUE};
	const char *pos[2];
	struct err e = {""};
	struct patient p;
	struct protocol proto;
	struct infusion_row row;
	long id = 0, version = 0;
	int rc = cli_parse(c, argc, argv, o, F_N, pos, 2, 2);
	if (rc)
		return rc;
	if (!o[F_REASON].set)
		return cli_usage(c, "--reason is required: say why the infusion is corrected");
	bool any = false;
	for (int i = 0; i < F_N; i++)
		any = any || (o[i].set && i != F_REASON && i != F_VERSION && i != F_CONFIRM &&
			      i != F_JSON);
	if (!any)
		return cli_usage(c, "give at least one value to correct (e.g. --cells 7e7)");
	if (!parse_long(pos[1], 1, INT32_MAX, &id))
		return cli_usage(c, "infusion '%.24s': the infusion's number (see infusion list)",
				 pos[1]);
	if (o[F_VERSION].set && !parse_long(o[F_VERSION].value, 1, 2147483647L, &version))
		return cli_usage(c, "--if-version '%.24s': the version the infusion was read at",
				 o[F_VERSION].value);
	if ((rc = cli_protocol(c, &proto, NULL)))
		return rc;
	enum status s = store_patient_by_mrn(c->app->st, pos[0], &p, &e);
	if (s == ST_OK)
		s = store_infusion_get(c->app->st, p.id, id, &row, &e);
	if (s == ST_OK && version)
		row.f.version = version;
	if (s == ST_OK)
		s = corrected(c, o, &row.f, &e);
	if (s == ST_CONFIRM)
		return cli_usage(c, "%s (add --confirm to accept)", e.msg);
	if (s == ST_OK)
		s = uc_infusion_correct(c->app->st, &proto, &row.f, o[F_REASON].value,
					o[F_CONFIRM].set, app_today(c->app), NULL, &e);
	if (s == ST_CONFIRM)
		return cli_usage(c, "%s (add --confirm)", e.msg);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	return correct_done(c, &p, &row.f, o[F_REASON].value, o[F_JSON].set);
}

static enum status infusion_load(struct store *st, int64_t patient_id, void *out, int max, int *n,
				 struct err *e)
{
	return store_infusion_rows(st, patient_id, out, max, n, e);
}

static void infusion_list_json(struct cli *c, struct json *j, const void *row)
{
	const struct infusion_row *r = row;
	row_json(j, NULL, &r->f, r->correction, c->app->cfg.tz_offset_minutes * 60);
}

static void infusion_list_text(struct cli *c, const void *row)
{
	const struct infusion_row *r = row;
	const struct infusion *f = &r->f;
	char t[20];
	cli_putf(c, "%6lld  %s  %-12s %10.3g cells  lot %-12s v%lld%s%s\n", (long long)f->id,
		 visit_format_time(f->given_at, c->app->cfg.tz_offset_minutes * 60, t),
		 plan_route_str(f->route), f->cells, f->lot, (long long)f->version,
		 r->correction[0] ? "  corrected: " : "", r->correction);
}

static const struct cli_rows_kind infusion_rows = {
    .noun = "infusion",
    .list = "infusion list",
    .size = sizeof(struct infusion_row),
    .load = infusion_load,
    .json = infusion_list_json,
    .text = infusion_list_text,
};

int cli_infusion_list(struct cli *c, int argc, char **argv)
{
	return cli_list_rows(c, argc, argv, &infusion_rows);
}
