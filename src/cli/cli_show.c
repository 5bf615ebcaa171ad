/* cli_show.c: `show` — a patient's demographics, latest labs and current
 * scores — and the score output it shares with `score`. */
#include "cli_int.h"
#include "store_snapshot.h"
#include "uc_overview.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli_score.h"
#include "overview.h"
#include "signature.h"
#include "store_eval.h"
#include "store_sig.h"
#include "util.h"

static void score_member(struct json *j, const char *key, const struct score_value *v, bool integer,
			 int decimals)
{
	if (!v->computable)
		json_null(j, key);
	else if (integer)
		json_int(j, key, v->value);
	else
		json_num(j, key, v->raw, decimals);
}

void cli_score_json(struct json *j, const struct score_result *r)
{
	score_member(j, "meld", &r->meld, true, 0);
	score_member(j, "meld_na", &r->meld_na, true, 0);
	score_member(j, "meld3", &r->meld3, true, 0);
	score_member(j, "child_pugh_score", &r->child_pugh, true, 0);
	if (r->child_pugh.computable)
		json_string(j, "child_pugh_class", (char[]){r->child_pugh_class, 0});
	else
		json_null(j, "child_pugh_class");
	score_member(j, "albi", &r->albi, false, score_albi_digits(r->albi.raw));
	if (r->albi.computable)
		json_int(j, "albi_grade", r->albi_grade);
	else
		json_null(j, "albi_grade");
	score_member(j, "fib4", &r->fib4, false, 3);
	score_member(j, "apri", &r->apri, false, 2);
	json_string(j, "child_pugh_inr_rule", r->child_pugh_inr_rule);
	json_obj_begin(j, "not_computable");
	for (int i = 0; i < SCORE_COUNT; i++) {
		const struct score_value *v = score_get(r, (enum score_id)i);
		if (v && !v->computable)
			json_string(j, score_name((enum score_id)i), v->why_not);
	}
	json_obj_end(j);
	json_arr_begin(j, "clamped");
	for (size_t i = 0; i < r->n_clamps; i++) {
		const struct score_clamp *cl = &r->clamps[i];
		json_obj_begin(j, NULL);
		json_string(j, "score", score_name(cl->score));
		json_string(j, "input", cl->input);
		json_num(j, "given", cl->given, 3);
		json_num(j, "used", cl->used, 3);
		json_string(j, "reason", cl->reason);
		json_obj_end(j);
	}
	json_arr_end(j);
	json_arr_begin(j, "warnings");
	for (size_t i = 0; i < r->n_warnings; i++)
		json_string(j, NULL, r->warnings[i]);
	json_arr_end(j);
}

static void score_line(struct cli *c, enum score_id id, const struct score_result *r)
{
	char val[128];
	score_format(r, id, val, sizeof val);
	cli_putf(c, "  %-11s %s%s\n", score_name(id), score_get(r, id)->computable ? "" : "--   ",
		 val);
}

void cli_score_text(struct cli *c, const struct score_result *r)
{
	for (int i = 0; i < SCORE_COUNT; i++)
		score_line(c, (enum score_id)i, r);
	for (size_t i = 0; i < r->n_clamps; i++)
		cli_putf(c, "  note: %s %s: %g -> %g (%s)\n", score_name(r->clamps[i].score),
			 r->clamps[i].input, r->clamps[i].given, r->clamps[i].used,
			 r->clamps[i].reason);
	for (size_t i = 0; i < r->n_warnings; i++)
		cli_putf(c, "  warning: %s\n", r->warnings[i]);
}

static void labs_json(struct json *j, const struct overview *ov)
{
	char buf[32], d[16];
	json_obj_begin(j, "labs");
	for (int a = 0; a < ANALYTE_COUNT; a++) {
		if (!ov->labs.have[a])
			continue;
		const struct lab_result *r = &ov->labs.r[a];
		const struct analyte *an = analyte_get((enum analyte_id)a);
		json_obj_begin(j, an->key);
		analyte_format((enum analyte_id)a, UNITS_US, r->canonical, buf, sizeof buf);
		json_string(j, "value", buf);
		json_string(j, "unit", analyte_unit((enum analyte_id)a, UNITS_US));
		json_string(j, "entered", r->unit[0] ? r->unit : "");
		if (lab_is_log10(r))
			json_num(j, "entered_value", r->value, 2);
		json_string(j, "date", date_format(r->date, d));
		json_int(j, "age_days", ov->today - r->date);
		json_string(j, "flag", lab_flag_mark(r->flag));
		json_string(j, "loinc", an->loinc);
		json_obj_end(j);
	}
	json_obj_end(j);
}

static void finding_json(struct json *j, const char *key, const struct finding_pick *f,
			 const struct finding_pick *old)
{
	char d[16];
	json_obj_begin(j, key);
	if (f->have) {
		json_int(j, "value", f->value);
		json_string(j, "date", date_format(f->date, d));
		json_string(j, "source", finding_source_str(f->source));
	} else {
		json_null(j, "value");
		json_string(j, "too_old_date", old->have ? date_format(old->date, d) : NULL);
		if (f->ungraded) /* seen (imaging that found ascites), not graded */
			json_string(j, "seen_not_graded", date_format(f->date, d));
	}
	json_obj_end(j);
}

/* What the scores were fed (score_basis.h): the window, each lab used with
 * its date, the labs left out as too old, and the findings. */
static void basis_json(struct json *j, const struct score_basis *b)
{
	char d[16];
	json_obj_begin(j, "score_inputs");
	json_int(j, "window_days", b->window_days);
	json_obj_begin(j, "labs");
	for (int a = 0; a < ANALYTE_COUNT; a++) {
		if (!b->labs.have[a])
			continue;
		json_obj_begin(j, analyte_get((enum analyte_id)a)->key);
		json_num(j, "value", b->labs.r[a].canonical, 3);
		json_string(j, "unit", analyte_unit((enum analyte_id)a, UNITS_US));
		json_string(j, "date", date_format(b->labs.r[a].date, d));
		json_obj_end(j);
	}
	json_obj_end(j);
	json_arr_begin(j, "labs_too_old");
	for (int a = 0; a < ANALYTE_COUNT; a++)
		if (b->lab_too_old[a])
			json_string(j, NULL, analyte_get((enum analyte_id)a)->key);
	json_arr_end(j);
	finding_json(j, "ascites_ica", &b->findings.ascites, &b->too_old.ascites);
	finding_json(j, "encephalopathy_west_haven", &b->findings.he, &b->too_old.he);
	finding_json(j, "dialysis", &b->findings.dialysis, &b->too_old.dialysis);
	json_bool(j, "dialysis_rule", b->in.dialysis);
	json_obj_end(j);
}

void cli_basis_text(struct cli *c, const struct score_basis *b)
{
	static const char *const kinds[] = {"ascites", "encephalopathy", "dialysis"};
	char f[160];
	cli_putf(c, "score inputs (labs and findings within %d days):\n", b->window_days);
	for (size_t k = 0; k < ARRAY_SIZE(kinds); k++) {
		score_basis_finding_text(b, kinds[k], f, sizeof f);
		cli_putf(c, "  %s\n", f);
	}
	for (int a = 0; a < ANALYTE_COUNT; a++)
		if (b->lab_too_old[a])
			cli_putf(c, "  %s: older than %d days, not used\n",
				 analyte_get((enum analyte_id)a)->key, b->window_days);
}

/* The phone call (overview.h): plan, next visit, open serious adverse
 * events and the latest MELD with the date of its labs. */
static void care_json(struct json *j, const struct overview *ov)
{
	const struct overview_care *k = &ov->care;
	char d[16];
	if (!k->have_plan) {
		json_null(j, "plan");
	} else {
		json_obj_begin(j, "plan");
		json_string(j, "status", "active");
		json_string(j, "route", plan_route_str(k->plan.route));
		json_string(j, "first_date", date_format(k->plan.first_date, d));
		json_int(j, "infusions", k->plan.infusions);
		json_obj_end(j);
	}
	if (!k->have_next) {
		json_null(j, "next_visit");
	} else {
		json_obj_begin(j, "next_visit");
		json_string(j, "label", k->next.label);
		json_string(j, "due", date_format(k->next.due, d));
		json_string(j, "window_from", date_format(k->next.due - k->next.window_before, d));
		json_string(j, "window_to", date_format(k->next.due + k->next.window_after, d));
		json_string(j, "state", sched_item_state(&k->next, ov->today));
		json_obj_end(j);
	}
	json_obj_begin(j, "serious_ae_open");
	json_int(j, "count", k->serious_open);
	if (k->serious_open) {
		json_string(j, "term", k->serious.term);
		json_int(j, "grade", k->serious.grade);
		json_string(j, "onset", date_format(k->serious.onset, d));
	}
	json_obj_end(j);
	json_obj_begin(j, "meld_latest");
	static const enum score_id melds[] = {SCORE_MELD, SCORE_MELD_NA, SCORE_MELD3};
	static const char *const keys[] = {"meld", "meld_na", "meld3"};
	for (size_t i = 0; i < ARRAY_SIZE(melds); i++) {
		const struct score_value *v = score_get(&ov->basis.scores, melds[i]);
		if (v->computable)
			json_int(j, keys[i], v->value);
		else
			json_null(j, keys[i]);
	}
	day_t when = overview_score_date(&ov->basis, SCORE_MELD3);
	json_string(j, "labs_date", when == DAY_NONE ? NULL : date_format(when, d));
	json_obj_end(j);
}

static void care_text(struct cli *c, const struct overview *ov)
{
	const struct overview_care *k = &ov->care;
	char a[16], b[16], d[16];
	if (k->have_plan)
		cli_putf(c, "plan: active, %s, %d infusions from %s\n",
			 plan_route_label(k->plan.route), k->plan.infusions,
			 date_format(k->plan.first_date, d));
	else
		cli_put(c, "plan: none\n");
	if (k->have_next)
		cli_putf(c, "next: %s due %s (window %s to %s), %s\n", k->next.label,
			 date_format(k->next.due, d),
			 date_format(k->next.due - k->next.window_before, a),
			 date_format(k->next.due + k->next.window_after, b),
			 sched_item_state(&k->next, ov->today));
	else
		cli_put(c, "next: nothing scheduled\n");
	if (k->serious_open)
		cli_putf(c, "open serious adverse events: %d (newest %s grade %d, onset %s)\n",
			 k->serious_open, k->serious.term, k->serious.grade,
			 date_format(k->serious.onset, d));
	else
		cli_put(c, "open serious adverse events: none\n");
}

/* The current signed evaluation and its signature (show's last lines). */
struct show_eval {
	bool have, have_sig;
	struct evaluation ev;
	struct signature sig;
};

static enum status eval_load(struct cli *c, int64_t patient_id, struct show_eval *se, struct err *e)
{
	enum status s = store_eval_current(c->app->st, patient_id, &se->ev, e);
	se->have = s == ST_OK;
	se->have_sig = false;
	if (s == ST_NOT_FOUND)
		return ST_OK;
	if (s == ST_OK)
		s = store_sig_get(c->app->st, "evaluations", se->ev.id, &se->sig, &se->have_sig, e);
	return s;
}

static void eval_json(struct json *j, const struct show_eval *se)
{
	char d[16];
	if (!se->have) {
		json_string(j, "evaluation", NULL);
		return;
	}
	json_obj_begin(j, "evaluation");
	json_string(j, "status", eval_status_str(se->ev.status));
	json_string(j, "as_of", date_format(se->ev.as_of, d));
	json_int(j, "version", se->ev.chain_version);
	cli_sig_json(j, se->have_sig ? &se->sig : NULL);
	json_obj_end(j);
}

static void eval_text(struct cli *c, const struct show_eval *se)
{
	char d[16];
	if (!se->have) {
		cli_put(c, "evaluation: not signed\n");
		return;
	}
	cli_putf(c, "evaluation: version %d, %s as of %s\n", se->ev.chain_version,
		 eval_status_str(se->ev.status), date_format(se->ev.as_of, d));
	cli_sig_text(c, se->have_sig ? &se->sig : NULL);
}

static void show_json(struct cli *c, const struct overview *ov, const struct show_eval *se)
{
	struct json j;
	char d[16];
	json_init(&j, false);
	json_obj_begin(&j, NULL);
	json_string(&j, "mrn", ov->p.mrn);
	json_int(&j, "version", ov->p.version);
	json_string(&j, "name", ov->p.name);
	json_string(&j, "dob", date_format(ov->p.dob, d));
	json_int(&j, "age", ov->age);
	json_string(&j, "sex", ov->p.sex == 'F' ? "F" : "M");
	json_string(&j, "etiology", ov->p.etiology[0] ? ov->p.etiology : NULL);
	json_num(&j, "weight_kg", ov->p.weight_kg, 1);
	json_string(&j, "weight_date",
		    ov->p.weight_date == DAY_NONE ? NULL : date_format(ov->p.weight_date, d));
	labs_json(&j, ov);
	json_obj_begin(&j, "scores");
	cli_score_json(&j, &ov->basis.scores);
	json_obj_end(&j);
	basis_json(&j, &ov->basis);
	care_json(&j, ov);
	eval_json(&j, se);
	json_obj_end(&j);
	fprintf(c->out, "%s\n", json_str(&j));
	json_done(&j);
}

static void show_text(struct cli *c, const struct overview *ov, const struct show_eval *se)
{
	char d[16], buf[32];
	const struct etiology *et = etiology_find(ov->p.etiology);
	cli_putf(c, "%s  %s  %s (age %d)  %c  %s\n", ov->p.mrn, ov->p.name,
		 date_format(ov->p.dob, d), ov->age, ov->p.sex,
		 et ? et->name : "etiology not recorded");
	if (isnan(ov->p.weight_kg))
		cli_put(c, "weight: not recorded\n");
	else
		cli_putf(c, "weight: %.1f kg (%s)\n", ov->p.weight_kg,
			 date_format(ov->p.weight_date, d));
	care_text(c, ov);
	cli_put(c, "latest labs:\n");
	for (int a = 0; a < ANALYTE_COUNT; a++) {
		if (!ov->labs.have[a])
			continue;
		const struct lab_result *r = &ov->labs.r[a];
		analyte_format((enum analyte_id)a, UNITS_US, r->canonical, buf, sizeof buf);
		char entered[40];
		lab_entered_text(r, entered, sizeof entered);
		cli_putf(c, "  %-26s %10s %-7s %-3s %s%s%s%s\n",
			 analyte_get((enum analyte_id)a)->label, buf,
			 analyte_unit((enum analyte_id)a, UNITS_US), lab_flag_mark(r->flag),
			 date_format(r->date, d), *entered ? " (entered " : "", entered,
			 *entered ? ")" : "");
	}
	cli_basis_text(c, &ov->basis);
	cli_put(c, "scores:\n");
	cli_score_text(c, &ov->basis.scores);
	eval_text(c, se);
}

int cli_show(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"json", OPT_FLAG}};
	const char *pos[1];
	struct err e = {""};
	struct patient p;
	struct overview ov;
	struct show_eval se;
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 1, 1);
	if (rc)
		return rc;
	/* The record's reads in one snapshot (see store_snapshot.h), then the
	 * view logged, committed before anything is printed. */
	enum status s = store_snapshot_begin(c->app->st, &e);
	if (s == ST_OK)
		s = store_patient_by_mrn(c->app->st, pos[0], &p, &e);
	if (s == ST_OK)
		s = uc_overview_load(c->app->st, p.id, app_today(c->app), &c->app->cfg, &ov, &e);
	store_snapshot_end(c->app->st);
	if (s == ST_OK)
		s = eval_load(c, p.id, &se, &e);
	if (s == ST_OK)
		s = store_patient_viewed(c->app->st, p.id, "show", &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	if (o[0].set)
		show_json(c, &ov, &se);
	else
		show_text(c, &ov, &se);
	return 0;
}
