/* cli_treat.c: safe treatment on the command line — `infusion check`,
 * `infusion add` through the check, `status` and `ae review`. */
#include "cli_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "auth.h"
#include "infusion_check.h"
#include "json.h"
#include "signature.h"
#include "store_followup.h"
#include "store_sig.h"
#include "store_treat.h"
#include "text.h"
#include "uc_infusion.h"
#include "uc_sign.h"
#include "util.h"
#include "visit.h"

/* Infusion options shared by `infusion check` and `infusion add`. */
enum {
	F_AT,
	F_ROUTE,
	F_CELLS,
	F_LOT,
	F_EXPIRES,
	F_BY,
	F_REACTION,
	F_LABEL,
	F_NOTE,
	F_CONFIRM,
	F_REASON,
	F_JSON,
	F_PWFD,
	F_OBS, /* the observations' options: OBS_OPTS[i] at F_OBS + i */
	F_N = F_OBS + 8
};

/* The observations before and after the infusion: option, the set, the
 * measure (IOBS_SYSTOLIC: systolic/diastolic mmHg). */
static const struct {
	const char *name;
	bool after;
	enum infusion_obs_id id;
} obs_opts[F_N - F_OBS] = {
    {"temp-before", false, IOBS_TEMP},	 {"pulse-before", false, IOBS_PULSE},
    {"bp-before", false, IOBS_SYSTOLIC}, {"spo2-before", false, IOBS_SPO2},
    {"temp-after", true, IOBS_TEMP},	 {"pulse-after", true, IOBS_PULSE},
    {"bp-after", true, IOBS_SYSTOLIC},	 {"spo2-after", true, IOBS_SPO2},
};

static void infusion_opts(struct cli_opt *o)
{
	static const struct cli_opt defs[F_N] = {
	    {"at", OPT_VALUE},	       {"route", OPT_VALUE},   {"cells", OPT_VALUE},
	    {"lot", OPT_VALUE},	       {"expires", OPT_VALUE}, {"by", OPT_VALUE},
	    {"reaction", OPT_VALUE},   {"label", OPT_VALUE},   {"note", OPT_VALUE},
	    {"confirm", OPT_FLAG},     {"reason", OPT_VALUE},  {"json", OPT_FLAG},
	    {"password-fd", OPT_VALUE}};
	memcpy(o, defs, sizeof defs);
	for (int i = 0; i < F_N - F_OBS; i++)
		o[F_OBS + i] = (struct cli_opt){obs_opts[i].name, OPT_VALUE};
}

static enum status infusion_when(struct cli *c, struct cli_opt *o, struct infusion *f,
				 struct err *e)
{
	if (!o[F_AT].set) {
		f->given_at = c->app->clock();
		f->date = app_today(c->app);
		return ST_OK;
	}
	return visit_parse_time("given at", o[F_AT].value, c->app->cfg.tz_offset_minutes * 60,
				c->app->clock(), &f->given_at, &f->date, e);
}

/* The observations given: each within its measure's limits (a warning
 * needs --confirm), blood pressure as SYSTOLIC/DIASTOLIC mmHg. */
static enum status infusion_obs(struct cli_opt *o, struct infusion *f, struct err *e)
{
	enum status s = ST_OK;
	for (int i = 0; s == ST_OK && i < F_N - F_OBS; i++) {
		const struct cli_opt *op = &o[F_OBS + i];
		struct infusion_obs *set = obs_opts[i].after ? &f->after : &f->before;
		enum infusion_obs_id id = obs_opts[i].id;
		if (!op->set)
			continue;
		if (id == IOBS_SYSTOLIC) {
			int sbp, dbp;
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

static enum status infusion_fields(struct cli *c, struct cli_opt *o, struct infusion *f,
				   struct err *e)
{
	enum status s = infusion_when(c, o, f, e);
	char routes[PLAN_ROUTE_CHOICES_MAX];
	if (s == ST_OK && !plan_route_parse(o[F_ROUTE].value, &f->route))
		s = err_set(e, ST_INVALID, "route: '%.20s' is not accepted; %s", o[F_ROUTE].value,
			    plan_route_choices(routes, sizeof routes));
	if (s == ST_OK &&
	    (s = infusion_check_cells(o[F_CELLS].value, &f->cells, e)) == ST_CONFIRM &&
	    o[F_CONFIRM].set)
		s = ST_OK;
	if (s == ST_OK && (s = infusion_check_lot(o[F_LOT].value, e)) == ST_OK)
		strlcpy_(f->lot, o[F_LOT].value, sizeof f->lot);
	if (s == ST_OK && o[F_EXPIRES].set)
		s = date_parse_field("expires", o[F_EXPIRES].value, app_today(c->app), true,
				     &f->lot_expiry, e);
	const struct user *me = store_actor(c->app->st);
	const char *by = o[F_BY].set ? o[F_BY].value : me ? me->display : "";
	if (s == ST_OK && (s = infusion_check_given_by(by, e)) == ST_OK)
		strlcpy_(f->given_by, by, sizeof f->given_by);
	const char *re = o[F_REACTION].set && strcmp(o[F_REACTION].value, "none") != 0
			     ? o[F_REACTION].value
			     : "";
	if (s == ST_OK && (s = infusion_check_reaction(re, e)) == ST_OK)
		strlcpy_(f->reaction, re, sizeof f->reaction);
	if (s == ST_OK && o[F_NOTE].set && (s = visit_check_note(o[F_NOTE].value, e)) == ST_OK)
		strlcpy_(f->note, o[F_NOTE].value, sizeof f->note);
	if (s == ST_OK)
		s = infusion_obs(o, f, e);
	if (s == ST_OK)
		s = infusion_check_obs(&f->before, "before", e);
	if (s == ST_OK)
		s = infusion_check_obs(&f->after, "after", e);
	return s;
}

/* The patient, and the scheduled item of --label. */
static enum status infusion_target(struct cli *c, const char *mrn, struct cli_opt *o,
				   struct patient *p, struct infusion *f, struct err *e)
{
	enum status s = store_patient_by_mrn(c->app->st, mrn, p, e);
	f->patient_id = s == ST_OK ? p->id : 0;
	if (s == ST_OK && o[F_LABEL].set) {
		struct schedule_item it;
		if ((s = store_schedule_by_label(c->app->st, p->id, o[F_LABEL].value, &it, e)) ==
		    ST_OK)
			f->schedule_id = it.id;
	}
	return s;
}

static void print_check(struct cli *c, const struct patient *p, const struct icheck_result *r)
{
	char d[16];
	cli_putf(c, "infusion check for %s on %s: %s\n", p->mrn, date_format(r->day, d),
		 r->summary);
	for (int i = 0; i < ICHECK_COUNT; i++) {
		const struct icheck_line *l = &r->lines[i];
		cli_putf(c, "  [%s] %-52s %s\n", icheck_state_mark(l->state),
			 icheck_item_label(l->item), icheck_state_str(l->state));
		if (*l->data)
			cli_putf(c, "         data: %s\n", l->data);
		if (*l->reason)
			cli_putf(c, "         %s\n", l->reason);
	}
}

static void print_check_json(struct cli *c, const struct patient *p, const struct icheck_result *r)
{
	struct json j;
	json_init(&j, false);
	json_obj_begin(&j, NULL);
	json_string(&j, "mrn", p->mrn);
	infusion_check_json(&j, r);
	json_obj_end(&j);
	cli_putf(c, "%s\n", json_str(&j));
	json_done(&j);
}

int cli_infusion_check(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[F_N];
	const char *pos[1];
	struct err e = {""};
	struct patient p;
	struct infusion f;
	struct protocol proto;
	infusion_opts(o);
	int rc = cli_parse(c, argc, argv, o, F_N, pos, 1, 1);
	if (rc)
		return rc;
	if (o[F_CONFIRM].set || o[F_REASON].set || o[F_PWFD].set)
		return cli_usage(c, "--confirm, --reason and --password-fd belong to infusion add");
	bool values = o[F_ROUTE].set || o[F_CELLS].set || o[F_LOT].set;
	if (values && !(o[F_ROUTE].set && o[F_CELLS].set && o[F_LOT].set))
		return cli_usage(c, "give --route, --cells and --lot together (or none of them)");
	if ((rc = cli_protocol(c, &proto, NULL)))
		return rc;
	infusion_init(&f);
	enum status s = values ? infusion_fields(c, o, &f, &e) : ST_OK;
	if (s == ST_CONFIRM)
		return cli_usage(c, "%s (add --confirm to accept)", e.msg);
	if (s == ST_OK)
		s = infusion_target(c, pos[0], o, &p, &f, &e);
	struct icheck_result r;
	if (s == ST_OK)
		s = uc_infusion_check(c->app->st, &proto, p.id,
				      values || o[F_LABEL].set ? &f : NULL, app_today(c->app), &r,
				      &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	if (o[F_JSON].set)
		print_check_json(c, &p, &r);
	else
		print_check(c, &p, &r);
	return r.state == ICHK_REFUSE ? 2 : 0;
}

/* A physician's override of the check's soft failures is a signature: the
 * items it overrides shown, the password read, then the infusion with its
 * signature (uc_sign_override). When nothing needs confirmation it is
 * recorded as any other. *rc is set after a usage error. */
static enum status override(struct cli *c, const struct protocol *proto, const struct patient *p,
			    struct infusion *f, const struct cli_opt *pwfd, struct err *e, int *rc)
{
	struct icheck_result r;
	char meaning[SIG_MEANING_MAX + 1], what[96], t[20], pw[AUTH_PASSWORD_MAX + 2];
	enum status s = uc_infusion_check(c->app->st, proto, p->id, f, app_today(c->app), &r, e);
	if (s != ST_OK)
		return s;
	uc_sign_override_meaning(&r, meaning, sizeof meaning);
	if (!meaning[0] || infusion_check_first(&r, ICHK_REFUSE))
		return uc_infusion_add(c->app->st, proto, f, app_today(c->app), NULL, e);
	if ((s = store_may(c->app->st, PERM_CONFIRM_OVERRIDE, e)) != ST_OK)
		return s;
	snprintf(what, sizeof what, "the infusion of %s at %s", p->mrn,
		 visit_format_time(f->given_at, c->app->cfg.tz_offset_minutes * 60, t));
	if ((*rc = cli_sign_password(c, what, meaning, pwfd, pw, sizeof pw)))
		return ST_INVALID;
	s = uc_sign_override(c->app->st, &c->app->cfg, proto, f, app_today(c->app), pw, NULL, e);
	if (s == ST_OK) {
		struct signature sig;
		bool found = false;
		s = store_sig_get(c->app->st, "infusions", f->id, &sig, &found, e);
		if (s == ST_OK)
			cli_sig_text(c, found ? &sig : NULL);
	}
	return s;
}

int cli_infusion_add(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[F_N];
	const char *pos[1];
	struct err e = {""};
	struct patient p;
	struct infusion f;
	struct protocol proto;
	char t[20];
	infusion_opts(o);
	int rc = cli_parse(c, argc, argv, o, F_N, pos, 1, 1);
	if (rc)
		return rc;
	static const int required[] = {F_AT, F_ROUTE, F_CELLS, F_LOT};
	for (size_t i = 0; i < ARRAY_SIZE(required); i++)
		if (!o[required[i]].set)
			return cli_usage(c, "--%s is required", o[required[i]].name);
	if (o[F_REASON].set && !o[F_CONFIRM].set)
		return cli_usage(c, "--reason goes with --confirm");
	if ((rc = cli_protocol(c, &proto, NULL)))
		return rc;
	infusion_init(&f);
	enum status s = infusion_fields(c, o, &f, &e);
	if (s == ST_CONFIRM)
		return cli_usage(c, "%s (add --confirm to accept)", e.msg);
	if (s == ST_OK && o[F_CONFIRM].set && o[F_REASON].set)
		strlcpy_(f.override_reason, o[F_REASON].value, sizeof f.override_reason);
	if (s == ST_OK)
		s = infusion_target(c, pos[0], o, &p, &f, &e);
	if (s == ST_OK && *f.override_reason)
		s = override(c, &proto, &p, &f, &o[F_PWFD], &e, &rc);
	else if (s == ST_OK)
		s = uc_infusion_add(c->app->st, &proto, &f, app_today(c->app), NULL, &e);
	if (rc)
		return rc;
	if (s == ST_CONFIRM)
		return cli_usage(c, "%s (add --confirm --reason TEXT)", e.msg);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	cli_putf(c, "recorded infusion for %s at %s: %s, %.3g cells, lot %s%s%s\n", p.mrn,
		 visit_format_time(f.given_at, c->app->cfg.tz_offset_minutes * 60, t),
		 plan_route_str(f.route), f.cells, f.lot, f.reaction[0] ? "; reaction: " : "",
		 f.reaction);
	char ob[160], oa[160];
	infusion_obs_format(&f.before, ob, sizeof ob);
	infusion_obs_format(&f.after, oa, sizeof oa);
	cli_putf(c, "observations before: %s; after: %s\n", ob, oa);
	if (*f.override_by)
		cli_putf(c, "check overridden by %s: %s\n", f.override_by, f.override_reason);
	return 0;
}

static void print_status(struct cli *c, const struct patient *p, const struct pstatus *h, int n,
			 bool json)
{
	char d[16];
	if (json) {
		struct json j;
		json_init(&j, false);
		json_obj_begin(&j, NULL);
		json_string(&j, "mrn", p->mrn);
		json_string(&j, "state", n ? pstate_str(h[n - 1].state) : "screening");
		json_arr_begin(&j, "history");
		for (int i = 0; i < n; i++) {
			json_obj_begin(&j, NULL);
			json_string(&j, "state", pstate_str(h[i].state));
			json_string(&j, "date", date_format(h[i].date, d));
			json_string(&j, "reason", *h[i].reason ? h[i].reason : NULL);
			json_string(&j, "recorded_by", h[i].recorded_by);
			json_obj_end(&j);
		}
		json_arr_end(&j);
		json_obj_end(&j);
		cli_putf(c, "%s\n", json_str(&j));
		json_done(&j);
		return;
	}
	if (n == 0) {
		cli_putf(c, "%s: Screening (no status recorded)\n", p->mrn);
		return;
	}
	cli_putf(c, "%s: %s since %s%s%s\n", p->mrn, pstate_label(h[n - 1].state),
		 date_format(h[n - 1].date, d), *h[n - 1].reason ? ": " : "", h[n - 1].reason);
	for (int i = 0; i < n; i++)
		cli_putf(c, "  %s  %-18s %s%s(%s)\n", date_format(h[i].date, d),
			 pstate_label(h[i].state), h[i].reason, *h[i].reason ? " " : "",
			 h[i].recorded_by);
}

#define STATUS_HISTORY_MAX 64

int cli_status(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"date", OPT_VALUE}, {"reason", OPT_VALUE}, {"json", OPT_FLAG}};
	const char *pos[2] = {NULL, NULL};
	struct err e = {""};
	struct patient p;
	char choices[PSTATE_CHOICES_MAX];
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 1, 2);
	if (rc)
		return rc;
	struct pstatus ps = {0};
	if (pos[1] && !pstate_parse(pos[1], &ps.state))
		return cli_usage(c, "state '%s' is not accepted; %s", pos[1],
				 pstate_choices(choices, sizeof choices));
	if (!pos[1] && (o[0].set || o[1].set))
		return cli_usage(c, "--date and --reason go with a STATE");
	ps.date = app_today(c->app);
	enum status s = ST_OK;
	if (pos[1] && o[0].set)
		s = date_parse_field("date", o[0].value, app_today(c->app), false, &ps.date, &e);
	if (s == ST_OK && o[1].set) {
		if (strlen(o[1].value) > PSTATE_REASON_MAX)
			s = err_set(&e, ST_INVALID, "reason: at most %d characters",
				    PSTATE_REASON_MAX);
		else
			strlcpy_(ps.reason, o[1].value, sizeof ps.reason);
	}
	if (s == ST_OK)
		s = store_patient_by_mrn(c->app->st, pos[0], &p, &e);
	ps.patient_id = s == ST_OK ? p.id : 0;
	if (s == ST_OK && pos[1])
		s = store_status_set(c->app->st, &ps, &e);
	struct pstatus *h = xcalloc(STATUS_HISTORY_MAX, sizeof *h);
	int n = 0;
	if (s == ST_OK)
		s = store_status_history(c->app->st, p.id, h, STATUS_HISTORY_MAX, &n, &e);
	if (s == ST_OK && pos[1] && !o[2].set && pstate_ends_treatment(ps.state))
		cli_putf(c,
			 "recorded %s as %s; the open schedule is closed and no further "
			 "infusion will be accepted\n",
			 p.mrn, pstate_label(ps.state));
	else if (s == ST_OK && pos[1] && !o[2].set)
		cli_putf(c, "recorded %s as %s\n", p.mrn, pstate_label(ps.state));
	if (s == ST_OK && !(pos[1] && !o[2].set))
		print_status(c, &p, h, n, o[2].set);
	free(h);
	return s == ST_OK ? 0 : cli_fail(c, s, &e);
}

int cli_ae_review(struct cli *c, int argc, char **argv)
{
	const char *pos[2];
	struct err e = {""};
	struct patient p;
	struct ae a;
	long id;
	char t[20];
	int rc = cli_parse(c, argc, argv, NULL, 0, pos, 2, 2);
	if (rc)
		return rc;
	if (!parse_long(pos[1], 1, INT32_MAX, &id))
		return cli_usage(c, "event '%s': the event's number (see hepadesk dashboard)",
				 pos[1]);
	enum status s = store_patient_by_mrn(c->app->st, pos[0], &p, &e);
	if (s == ST_OK)
		s = store_ae_get(c->app->st, p.id, id, &a, &e);
	if (s == ST_OK)
		s = store_ae_review(c->app->st, p.id, id, a.version, &a, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	cli_putf(c, "adverse event %ld (%s grade %d) of %s reviewed by %s at %s\n", id, a.term,
		 a.grade, p.mrn, a.reviewed_by,
		 visit_format_time(a.reviewed_at, c->app->cfg.tz_offset_minutes * 60, t));
	return 0;
}
