/* ui_overview.c: the patient overview screen. */
#include "ui_overview.h"
#include "uc_overview.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "imaging.h"
#include "overview.h"
#include "store.h"
#include "ui_banner.h"
#include "ui_checklist.h"
#include "ui_dashboard.h"
#include "ui_draw.h"
#include "ui_eval.h"
#include "ui_lines.h"
#include "ui_patient_form.h"
#include "ui_plan.h"
#include "ui_scores.h"
#include "ui_status.h"
#include "util.h"

struct ov_screen {
	struct ui_screen base;
	int64_t id;
	struct overview ov;
	struct ui_lines lines;
	int at_labs, at_scores, at_imaging;
	bool stale;	/* reload before drawing (after the evaluation) */
	int stale_days; /* results older than this say "old" */
};

/* The keys a nurse needs most; ? lists the rest (l/s/i jumps, v/a/f). */
static const enum ui_action ov_hints[] = {ACT_HELP,   ACT_EVAL,	     ACT_CHECKLIST,
					  ACT_PLAN,   ACT_DASHBOARD, ACT_EDIT,
					  ACT_LOOKUP, ACT_BACK,	     ACT_NONE};

/* One imaging note: what was measured, then the findings, then the first
 * line of the note. */
static void imaging_note_lines(struct ui_lines *ls, const struct imaging_note *n)
{
	char day[16], kpa[64] = "", fib[32] = "";
	if (!isnan(n->stiffness_kpa) && !isnan(n->iqr_kpa))
		snprintf(kpa, sizeof kpa, "  %.1f kPa (IQR %.1f)%s", n->stiffness_kpa, n->iqr_kpa,
			 stiffness_unreliable(n->stiffness_kpa, n->iqr_kpa) ? " unreliable" : "");
	else if (!isnan(n->stiffness_kpa))
		snprintf(kpa, sizeof kpa, "  %.1f kPa", n->stiffness_kpa);
	if (n->fibrosis_stage >= 0)
		snprintf(fib, sizeof fib, "  fibrosis F%d", n->fibrosis_stage);
	ui_lines_add(ls, ROLE_NORMAL, "  %s %s%s%s", date_format(n->date, day),
		     modality_str(n->modality), kpa, fib);
	ui_lines_add(ls,
		     n->hcc == FIND_YES || n->thrombosis == FIND_YES ? ROLE_CRITICAL : ROLE_NORMAL,
		     "      HCC: %s   thrombosis: %s   ascites: %s", finding_str(n->hcc),
		     finding_str(n->thrombosis), finding_str(n->ascites));
	if (n->note[0])
		ui_lines_add(ls, ROLE_DIM, "      %.*s", (int)strcspn(n->note, "\n"), n->note);
}

static void imaging_lines(struct ov_screen *o)
{
	if (o->ov.nimaging == 0)
		ui_lines_add(&o->lines, ROLE_DIM, "  no imaging recorded");
	for (int i = 0; i < o->ov.nimaging; i++)
		imaging_note_lines(&o->lines, &o->ov.imaging[i]);
}

static void demographics(struct ov_screen *o)
{
	const struct patient *p = &o->ov.p;
	const struct etiology *et = etiology_find(p->etiology);
	char dob[16], wday[16], weight[64] = "weight not recorded";
	if (!isnan(p->weight_kg))
		snprintf(weight, sizeof weight, "weight %.1f kg (%s)", p->weight_kg,
			 date_format(p->weight_date, wday));
	/* The MRN first: a long name cut at the screen's edge never hides it. */
	ui_lines_add(&o->lines, ROLE_NORMAL, "MRN %s  born %s (%d y)  sex %c  %s", p->mrn,
		     date_format(p->dob, dob), o->ov.age, p->sex, p->name);
	ui_lines_add(&o->lines, ROLE_NORMAL, "Etiology: %s%s%s   %s",
		     et ? et->code : "not recorded", et ? " " : "", et ? et->name : "", weight);
}

/* The phone call: plan, next visit, open serious adverse events and the
 * latest MELD with the date of its labs, in three lines under the name. */
static void care_lines(struct ov_screen *o)
{
	const struct overview_care *k = &o->ov.care;
	struct ui_lines *ls = &o->lines;
	char a[16], b[16], d[16];
	if (k->have_plan)
		ui_lines_add(ls, ROLE_NORMAL, "Plan: active, %s from %s",
			     plan_route_label(k->plan.route), date_format(k->plan.first_date, d));
	else
		ui_lines_add(ls, ROLE_DIM, "Plan: none");
	if (k->have_next) {
		const char *state = sched_item_state(&k->next, o->ov.today);
		ui_lines_add(ls, strcmp(state, "overdue") == 0 ? ROLE_WARN : ROLE_NORMAL,
			     "Next: %s %s (%s), window %s to %s", k->next.label,
			     date_format(k->next.due, d), state,
			     date_format(k->next.due - k->next.window_before, a),
			     date_format(k->next.due + k->next.window_after, b));
	} else {
		ui_lines_add(ls, ROLE_DIM, "Next: nothing scheduled");
	}
	const struct score_result *r = &o->ov.basis.scores;
	day_t when = overview_score_date(&o->ov.basis, SCORE_MELD3);
	if (r->meld.computable || r->meld_na.computable || r->meld3.computable) {
		char m[3][8];
		const struct score_value *v[3] = {&r->meld, &r->meld_na, &r->meld3};
		for (int i = 0; i < 3; i++)
			snprintf(m[i], sizeof m[i], v[i]->computable ? "%d" : "--", v[i]->value);
		ui_lines_add(ls, ROLE_NORMAL, "MELD %s  MELD-Na %s  MELD 3.0 %s  (labs of %s)",
			     m[0], m[1], m[2], when == DAY_NONE ? "no date" : date_format(when, d));
	} else {
		ui_lines_add(ls, ROLE_DIM, "MELD not computable (%s)", r->meld.why_not);
	}
	if (k->serious_open)
		ui_lines_add(ls, ROLE_CRITICAL, "Open serious AE: %s grade %d since %s%s",
			     k->serious.term, k->serious.grade, date_format(k->serious.onset, d),
			     k->serious_open > 1 ? " (and more)" : "");
	else
		ui_lines_add(ls, ROLE_DIM, "No open serious adverse event");
}

static void build(struct ov_screen *o)
{
	struct ui_lines *ls = &o->lines;
	bool any = false;
	ui_lines_clear(ls);
	demographics(o);
	care_lines(o);
	o->at_labs = ui_lines_add(ls, ROLE_TITLE, "Latest labs (l)");
	ui_lines_add(ls, ROLE_DIM, "  %-22s %8s %-7s %-3s %15s %s", "Analyte", "Value", "Unit",
		     "Flg", "Reference", "Date");
	for (int a = 0; a < ANALYTE_COUNT; a++)
		if (o->ov.labs.have[a]) {
			ui_scores_lab_line(ls, &o->ov, (enum analyte_id)a, 2, o->stale_days);
			any = true;
		}
	if (!any)
		ui_lines_add(ls, ROLE_DIM, "  no labs recorded: press e to enter them");
	o->at_scores = ui_lines_add(ls, ROLE_TITLE, "Scores (s)");
	ui_scores_lines(ls, &o->ov, false, o->stale_days);
	o->at_imaging = ui_lines_add(ls, ROLE_TITLE, "Imaging (i)");
	imaging_lines(o);
}

static bool load(struct ov_screen *o, struct ui *ui)
{
	struct err e = {""};
	enum status s =
	    uc_overview_load(ui->app->st, o->id, app_today(ui->app), &ui->app->cfg, &o->ov, &e);
	o->stale = false;
	if (s != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "cannot open the patient: %s", err_why(&e, s));
		return false;
	}
	ui_banner_patient(&o->ov.p, app_today(ui->app), o->base.banner, sizeof o->base.banner);
	build(o);
	return true;
}

static void ov_draw(struct ui_screen *s, struct ui *ui)
{
	struct ov_screen *o = (struct ov_screen *)s;
	if (o->stale)
		load(o, ui);
	ui_lines_draw(&o->lines, ui->body, 0, ui->rows);
}

static struct ui_screen *open_edit(struct ui *ui, const struct patient *p)
{
	return ui_patient_form_edit(ui, p->id);
}

/* The screens a patient's overview opens, one row a key. */
static const struct {
	enum ui_action act;
	struct ui_screen *(*open)(struct ui *ui, const struct patient *p);
} openers[] = {
    {ACT_EVAL, ui_eval_new}, {ACT_CHECKLIST, ui_checklist_new}, {ACT_PLAN, ui_plan_new},
    {ACT_EDIT, open_edit},   {ACT_STATUS, ui_status_new},
};

static int ov_key(struct ui_screen *s, struct ui *ui, int key)
{
	struct ov_screen *o = (struct ov_screen *)s;
	if (ui_key_is(key, ACT_LABS)) {
		ui_lines_jump(&o->lines, o->at_labs, ui->rows);
		return UI_DONE;
	}
	if (ui_key_is(key, ACT_SCORES)) {
		ui_lines_jump(&o->lines, o->at_scores, ui->rows);
		return UI_DONE;
	}
	if (ui_key_is(key, ACT_IMAGING)) {
		ui_lines_jump(&o->lines, o->at_imaging, ui->rows);
		return UI_DONE;
	}
	for (size_t i = 0; i < ARRAY_SIZE(openers); i++) {
		if (!ui_key_is(key, openers[i].act))
			continue;
		if (!ui_may(ui, openers[i].act))
			return UI_DONE;
		/* What the opened screen records shows here when it closes. */
		o->stale = true;
		struct ui_screen *next = openers[i].open(ui, &o->ov.p);
		if (next)
			ui_push(ui, next);
		return UI_DONE;
	}
	if (ui_dashboard_key(ui, o->id, key)) {
		o->stale = true;
		return UI_DONE;
	}
	return ui_lines_key(&o->lines, key, ui->rows) ? UI_DONE : UI_PASS;
}

static void ov_done(struct ui_screen *s)
{
	struct ov_screen *o = (struct ov_screen *)s;
	ui_lines_done(&o->lines);
	free(o);
}

static const struct ui_screen_ops ov_ops = {
    "Patient",
    ov_draw,
    ov_key,
    NULL,
    ov_done,
    ov_hints,
    "The patient's latest labs (value in conventional units, flag H high, L low, !! beyond "
    "the warning limits, reference range, collection date), current scores and imaging "
    "notes. {LABS}, {SCORES} and {IMAGING} jump to labs, scores and imaging; {CHECKLIST} "
    "opens the checklist, {PLAN} the plan, {DASHBOARD} the follow-up dashboard, {STATUS} the "
    "patient's status and its history. Nurses and physicians record: {EVAL} the intake "
    "evaluation (Labs > Imaging > Exam > Scores), {EXAM} examination findings (ascites, "
    "encephalopathy, dialysis, weight), {VISIT} a visit, {AE} an adverse event, {INFUSION} "
    "an infusion (after its check), {CORRECT} the recorded visits, {EDIT} the patient's "
    "details.",
    NULL,
    .scope = SC_PATIENT | SC_FOLLOWUP | SC_LIST};

struct ui_screen *ui_overview_new(struct ui *ui, int64_t patient_id)
{
	struct err e = {""};
	struct ov_screen *o = xcalloc(1, sizeof *o);
	o->base.ops = &ov_ops;
	o->base.patient = patient_id;
	o->id = patient_id;
	o->stale_days = ui->app->cfg.lab_window_days;
	ui_lines_init(&o->lines);
	enum status s = store_patient_viewed(ui->app->st, patient_id, "overview", &e);
	/* Every view is logged: a view that cannot be logged is not shown. */
	if (s != ST_OK)
		ui_msg(ui, ROLE_CRITICAL,
		       "cannot open the patient (the view could not be logged): %s",
		       err_why(&e, s));
	if (s != ST_OK || !load(o, ui)) {
		ov_done(&o->base);
		return NULL;
	}
	return &o->base;
}
