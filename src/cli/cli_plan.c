/* cli_plan.c: `plan`, `plan add` and `plan reschedule`. */
#include "cli_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "json.h"
#include "plan.h"
#include "signature.h"
#include "store_eval.h"
#include "store_sig.h"
#include "text.h"
#include "uc_sign.h"
#include "util.h"

#define SCHED_LIST_MAX 200

static void plan_json(struct cli *c, const struct patient *pt, const struct plan *pl,
		      const struct schedule_item *it, int n, const struct signature *sig,
		      const struct protocol *proto)
{
	struct json j;
	char d[16], arith[PLAN_ARITH_MAX];
	json_init(&j, false);
	json_obj_begin(&j, NULL);
	json_string(&j, "mrn", pt->mrn);
	json_string(&j, "route", plan_route_str(pl->route));
	json_num(&j, "cells_per_kg", pl->cells_per_kg, 0);
	json_num(&j, "weight_kg", pl->weight_kg, 1);
	json_string(&j, "weight_date", date_format(pl->weight_date, d));
	json_num(&j, "cells_per_infusion", pl->cells_per_infusion, 0);
	plan_arithmetic(pl, arith, sizeof arith);
	json_string(&j, "arithmetic", arith);
	json_int(&j, "infusions", pl->infusions);
	json_int(&j, "interval_days", pl->interval_days);
	json_string(&j, "first_date", date_format(pl->first_date, d));
	json_string(&j, "physician", *pl->physician ? pl->physician : NULL);
	json_int(&j, "evaluation_id", pl->evaluation_id);
	cli_sig_json(&j, sig);
	json_arr_begin(&j, "schedule");
	for (int i = 0; i < n; i++) {
		json_obj_begin(&j, NULL);
		json_string(&j, "label", it[i].label);
		json_string(&j, "kind", sched_kind_str(it[i].kind));
		json_string(&j, "target", date_format(it[i].target, d));
		json_string(&j, "due", date_format(it[i].due, d));
		json_int(&j, "window_before", it[i].window_before);
		json_int(&j, "window_after", it[i].window_after);
		json_string(&j, "state", sched_state_str(it[i].state));
		json_string(&j, "reason", *it[i].reason ? it[i].reason : NULL);
		if (proto) { /* the questionnaires due there (protocol [qol]) */
			char due[160];
			protocol_qol_due(proto, it[i].label, due, sizeof due);
			json_string(&j, "questionnaires", *due ? due : NULL);
		}
		json_obj_end(&j);
	}
	json_arr_end(&j);
	json_obj_end(&j);
	fprintf(c->out, "%s\n", json_str(&j));
	json_done(&j);
}

static void plan_text(struct cli *c, const struct patient *pt, const struct plan *pl,
		      const struct schedule_item *it, int n, const struct signature *sig,
		      const struct protocol *proto)
{
	char d[16], t[16], arith[PLAN_ARITH_MAX];
	plan_arithmetic(pl, arith, sizeof arith);
	cli_putf(c, "Plan for %s %s: %s route%s%s\n", pt->mrn, pt->name, plan_route_str(pl->route),
		 *pl->physician ? ", signed by " : "", pl->physician);
	cli_putf(c, "dose: %s (weight of %s)\n", arith, date_format(pl->weight_date, d));
	cli_putf(c, "%d infusions %d days apart from %s\n", pl->infusions, pl->interval_days,
		 date_format(pl->first_date, d));
	cli_sig_text(c, sig);
	for (int i = 0; i < n; i++) {
		cli_putf(c, "  %-11s %s  window -%d/+%d  %s", it[i].label,
			 date_format(it[i].due, d), it[i].window_before, it[i].window_after,
			 sched_state_str(it[i].state));
		if (it[i].due != it[i].target)
			cli_putf(c, "  (target %s; moved: %s)", date_format(it[i].target, t),
				 it[i].reason);
		char due[160];
		if (proto && *protocol_qol_due(proto, it[i].label, due, sizeof due))
			cli_putf(c, "  + %s", due);
		cli_put(c, "\n");
	}
}

int cli_plan(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"json", OPT_FLAG}};
	const char *pos[1];
	struct patient pt;
	struct plan pl;
	struct signature sig;
	struct err e = {""};
	int n = 0;
	bool signed_ = false;
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 1, 1);
	if (rc)
		return rc;
	enum status s = store_patient_by_mrn(c->app->st, pos[0], &pt, &e);
	if (s == ST_OK)
		s = store_plan_current(c->app->st, pt.id, &pl, &e);
	if (s == ST_OK)
		s = store_sig_get(c->app->st, "plans", pl.id, &sig, &signed_, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	struct schedule_item *all = xcalloc(SCHED_LIST_MAX, sizeof *all);
	s = store_schedule_list(c->app->st, pt.id, all, SCHED_LIST_MAX, &n, &e);
	if (s == ST_OK)
		s = store_patient_viewed(c->app->st, pt.id, "plan", &e);
	int k = 0;
	for (int i = 0; i < n; i++)
		if (all[i].plan_id == pl.id)
			all[k++] = all[i];
	/* The questionnaires due at each visit come from the active protocol;
	 * without one the calendar is shown without them. */
	struct protocol *proto = xcalloc(1, sizeof *proto);
	struct err none;
	bool have = s == ST_OK && store_protocol_active(c->app->st, proto, NULL, &none) == ST_OK;
	if (s == ST_OK && o[0].set)
		plan_json(c, &pt, &pl, all, k, signed_ ? &sig : NULL, have ? proto : NULL);
	else if (s == ST_OK)
		plan_text(c, &pt, &pl, all, k, signed_ ? &sig : NULL, have ? proto : NULL);
	free(proto);
	free(all);
	return s == ST_OK ? 0 : cli_fail(c, s, &e);
}

static int request(struct cli *c, struct cli_opt *o, struct plan_request *rq)
{
	long v;
	struct err e = {""};
	rq->cells_per_kg = NAN;
	char routes[PLAN_ROUTE_CHOICES_MAX];
	if (!o[0].set || !plan_route_parse(o[0].value, &rq->route))
		return cli_usage(c, "--route '%s': accepted %s", o[0].set ? o[0].value : "",
				 plan_route_choices(routes, sizeof routes));
	if (o[1].set && (!parse_double(o[1].value, &rq->cells_per_kg) || !(rq->cells_per_kg > 0)))
		return cli_usage(c, "--cells-per-kg '%s': %sa number of cells per kg, e.g. 0.5e6",
				 o[1].value, cli_nan(o[1].value));
	const struct plan_limit *inf = plan_limit(PLIM_INFUSIONS);
	const struct plan_limit *gap = plan_limit(PLIM_INTERVAL);
	if (o[2].set && !parse_long(o[2].value, (long)inf->min, (long)inf->max, &v))
		return cli_usage(c, "--infusions '%s': %saccepted %g-%g", o[2].value,
				 cli_nan(o[2].value), inf->min, inf->max);
	rq->infusions = o[2].set ? (int)v : 0;
	if (o[3].set && !parse_long(o[3].value, (long)gap->min, (long)gap->max, &v))
		return cli_usage(c, "--interval-days '%s': %saccepted %g-%g %s", o[3].value,
				 cli_nan(o[3].value), gap->min, gap->max, gap->unit);
	rq->interval_days = o[3].set ? (int)v : 0;
	if (!o[4].set)
		return cli_usage(c, "--first-date is required");
	enum status s = date_parse_field("first infusion date", o[4].value, app_today(c->app), true,
					 &rq->first_date, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	if (o[5].set && strlen(o[5].value) > USER_LOGIN_MAX)
		return cli_usage(c, "--physician: a login of at most %d characters",
				 USER_LOGIN_MAX);
	strlcpy_(rq->physician, o[5].set ? o[5].value : "", sizeof rq->physician);
	return 0;
}

int cli_plan_add(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"route", OPT_VALUE},	 {"cells-per-kg", OPT_VALUE},
			      {"infusions", OPT_VALUE},	 {"interval-days", OPT_VALUE},
			      {"first-date", OPT_VALUE}, {"physician", OPT_VALUE},
			      {"password-fd", OPT_VALUE}};
	const char *pos[1];
	struct plan_request rq = {0};
	struct patient pt;
	struct protocol p;
	struct plan pl;
	struct signature sig;
	struct err e = {""};
	char meaning[SIG_MEANING_MAX + 1], what[96], pw[AUTH_PASSWORD_MAX + 2];
	int n = 0;
	bool found = false;
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 1, 1);
	if (rc || (rc = request(c, o, &rq)))
		return rc;
	enum status s = store_patient_by_mrn(c->app->st, pos[0], &pt, &e);
	if (s == ST_OK)
		s = store_may(c->app->st, PERM_PLAN, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	if ((rc = cli_protocol(c, &p, NULL)))
		return rc;
	sig_meaning_plan(meaning, sizeof meaning);
	snprintf(what, sizeof what, "the %s treatment plan of %s", plan_route_str(rq.route),
		 pt.mrn);
	if ((rc = cli_sign_password(c, what, meaning, &o[6], pw, sizeof pw)))
		return rc;
	struct schedule_item *items = xcalloc(PLAN_SCHEDULE_MAX, sizeof *items);
	s = uc_sign_plan(c->app->st, &c->app->cfg, &p, &rq, pt.id, app_today(c->app), pw, &pl,
			 items, &n, &e);
	if (s == ST_OK)
		s = store_sig_get(c->app->st, "plans", pl.id, &sig, &found, &e);
	if (s == ST_OK)
		plan_text(c, &pt, &pl, items, n, found ? &sig : NULL, &p);
	free(items);
	return s == ST_OK ? 0 : cli_fail(c, s, &e);
}

int cli_plan_reschedule(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"date", OPT_VALUE}, {"reason", OPT_VALUE}};
	const char *pos[2];
	struct patient pt;
	struct err e = {""};
	day_t due;
	int n = 0;
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 2, 2);
	if (rc)
		return rc;
	if (!o[0].set || !o[1].set)
		return cli_usage(c, "--date and --reason are required");
	enum status s = date_parse_field("date", o[0].value, app_today(c->app), true, &due, &e);
	if (s == ST_OK)
		s = store_patient_by_mrn(c->app->st, pos[0], &pt, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	struct schedule_item *all = xcalloc(SCHED_LIST_MAX, sizeof *all);
	s = store_schedule_list(c->app->st, pt.id, all, SCHED_LIST_MAX, &n, &e);
	const struct schedule_item *hit = NULL;
	for (int i = 0; s == ST_OK && i < n; i++)
		if (strcmp(all[i].label, pos[1]) == 0 && all[i].state == SCHED_OPEN)
			hit = &all[i];
	if (s == ST_OK && !hit) {
		char b[48];
		s = err_set(&e, ST_NOT_FOUND, "no open visit '%s' for %s",
			    text_sanitize_buf(b, sizeof b, pos[1]), pt.mrn);
	}
	if (s == ST_OK && hit)
		s = store_schedule_reschedule(c->app->st, hit->id, hit->version, due, o[1].value,
					      &e);
	char d[16], t[16];
	if (s == ST_OK && hit)
		cli_putf(c, "moved %s of %s to %s (target %s kept)\n", hit->label, pt.mrn,
			 date_format(due, d), date_format(hit->target, t));
	free(all);
	return s == ST_OK ? 0 : cli_fail(c, s, &e);
}

int cli_plan_cancel(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"reason", OPT_VALUE}};
	const char *pos[1];
	struct patient pt;
	struct plan pl;
	struct err e = {""};
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 1, 1);
	if (rc)
		return rc;
	if (!o[0].set)
		return cli_usage(c, "--reason is required");
	enum status s = store_patient_by_mrn(c->app->st, pos[0], &pt, &e);
	if (s == ST_OK)
		s = store_plan_current(c->app->st, pt.id, &pl, &e);
	if (s == ST_OK)
		s = store_plan_cancel(c->app->st, pl.id, pl.version, o[0].value, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	cli_putf(c, "cancelled the treatment plan of %s; its open infusions and visits too\n",
		 pt.mrn);
	return 0;
}
