/* cli_dashboard.c: `dashboard` (one patient: baseline, latest, change,
 * direction and trend per measure, visit calendar, symptoms, adverse events)
 * and `due` (the clinic: due and overdue visits, counts), text or JSON. */
#include "cli_int.h"
#include "uc_dashboard.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dashboard.h"
#include "json.h"
#include "text.h"
#include "uc_longterm.h"
#include "util.h"

#define TREND_COLS 17

/* s cut and padded to cols terminal columns (names hold accents and CJK). */
static const char *cols(const char *s, int n, char *buf, size_t size)
{
	size_t fit = text_fit(s, n);
	if (fit >= size)
		fit = size - 1;
	memcpy(buf, s, fit);
	buf[fit] = '\0';
	size_t len = fit;
	for (int w = text_width(buf); w < n && len + 1 < size; w++)
		buf[len++] = ' ';
	buf[len] = '\0';
	return buf;
}

static void point_json(struct json *j, const char *key, bool have, const struct dash_point *p,
		       const struct dash_measure_info *mi, enum dash_measure m)
{
	char d[16];
	if (!have) {
		json_null(j, key);
		return;
	}
	json_obj_begin(j, key);
	json_num(j, "value", p->value, mi->decimals);
	json_string(j, "date", date_format(p->date, d));
	if (m == DASH_CHILD_PUGH)
		json_string(j, "class", (char[]){dash_child_pugh_class((int)p->value), 0});
	if (p->unreliable)
		json_bool(j, "unreliable", true);
	json_obj_end(j);
}

static void measures_json(struct json *j, const struct dashboard *db)
{
	json_arr_begin(j, "measures");
	for (int m = 0; m < DASH_COUNT; m++) {
		const struct dash_row *r = &db->rows[m];
		const struct dash_measure_info *mi = dash_measure((enum dash_measure)m);
		json_obj_begin(j, NULL);
		json_string(j, "key", mi->key);
		json_string(j, "unit", mi->unit);
		point_json(j, "baseline", r->have_baseline, &r->baseline, mi, (enum dash_measure)m);
		point_json(j, "latest", r->have_latest, &r->latest, mi, (enum dash_measure)m);
		json_num(j, "change", r->change, mi->decimals);
		json_num(j, "change_pct", r->change_pct, 1);
		json_string(j, "direction", dash_direction_str(r->dir));
		json_arr_begin(j, "trend");
		for (int i = 0; i < r->ntrend; i++)
			json_num(j, NULL, r->trend[i], mi->decimals);
		json_arr_end(j);
		json_obj_end(j);
	}
	json_arr_end(j);
}

static void next_json(struct json *j, const struct dashboard *db)
{
	char d[16];
	if (db->next < 0) {
		json_null(j, "next_visit");
		return;
	}
	const struct schedule_item *it = &db->cal[db->next].item;
	json_obj_begin(j, "next_visit");
	json_string(j, "label", it->label);
	json_string(j, "due", date_format(it->due, d));
	json_string(j, "window_start", date_format(visit_window_start(it), d));
	json_string(j, "window_end", date_format(visit_window_end(it), d));
	json_obj_end(j);
}

static void visits_json(struct json *j, const struct dashboard *db)
{
	char d[16];
	json_arr_begin(j, "visits");
	for (int i = 0; i < db->ncal; i++) {
		const struct dash_cal *c = &db->cal[i];
		json_obj_begin(j, NULL);
		json_string(j, "label", c->item.label);
		json_string(j, "kind", sched_kind_str(c->item.kind));
		json_string(j, "due", date_format(c->item.due, d));
		json_string(j, "state", visit_mark_str(c->mark));
		json_string(j, "date",
			    c->closed_on == DAY_NONE ? NULL : date_format(c->closed_on, d));
		json_string(j, "reason", c->reason[0] ? c->reason : NULL);
		json_string(j, "timing", c->timing == VT_NONE ? NULL : visit_timing_str(c->timing));
		if (c->mark == VMARK_OVERDUE)
			json_int(j, "days_overdue", c->days_overdue);
		json_obj_end(j);
	}
	for (int i = 0; i < db->nvisits; i++) {
		if (db->visits[i].schedule_id)
			continue;
		json_obj_begin(j, NULL);
		json_string(j, "label", "unscheduled");
		json_string(j, "kind", "visit");
		json_null(j, "due");
		json_string(j, "state", "done");
		json_string(j, "date", date_format(db->visits[i].date, d));
		json_null(j, "reason");
		json_obj_end(j);
	}
	json_arr_end(j);
}

static void grade_json(struct json *j, const char *key, int g)
{
	if (g < 0)
		json_null(j, key);
	else
		json_int(j, key, g);
}

static void findings_json(struct json *j, const struct dashboard *db)
{
	char d[16];
	json_arr_begin(j, "visit_findings");
	for (int i = 0; i < db->nvisits; i++) {
		const struct visit *v = &db->visits[i];
		if (v->state != VISIT_DONE)
			continue;
		json_obj_begin(j, NULL);
		json_int(j, "id", v->id);
		json_int(j, "version", v->version);
		json_string(j, "date", date_format(v->date, d));
		json_string(j, "label", v->schedule_id ? v->label : "unscheduled");
		json_num(j, "temperature_c", v->temp_c, 1);
		json_num(j, "weight_kg", v->weight_kg, 1);
		for (int s = 0; s < SYM_COUNT; s++)
			json_string(j, symptom_key((enum symptom)s),
				    v->symptom[s] < 0 ? NULL : severity_str(v->symptom[s]));
		grade_json(j, "ascites_ica", v->ascites);
		json_num(j, "paracentesis_ml", v->paracentesis_ml, 0);
		grade_json(j, "encephalopathy_west_haven", v->he);
		json_num(j, "stiffness_kpa", v->stiffness_kpa, 1);
		json_string(j, "correction", v->correction[0] ? v->correction : NULL);
		json_obj_end(j);
	}
	json_arr_end(j);
}

static void aes_json(struct json *j, const struct dashboard *db)
{
	char d[16];
	json_arr_begin(j, "adverse_events");
	for (int i = 0; i < db->nae; i++) {
		const struct ae *a = &db->aes[i];
		json_obj_begin(j, NULL);
		json_int(j, "id", a->id);
		json_string(j, "term", a->term);
		json_int(j, "grade", a->grade);
		json_string(j, "onset", date_format(a->onset, d));
		json_bool(j, "serious", a->serious);
		json_string(j, "relation", ae_relation_str(a->relation));
		json_string(j, "outcome", ae_outcome_str(a->outcome));
		json_string(j, "resolved",
			    a->resolved == DAY_NONE ? NULL : date_format(a->resolved, d));
		if (a->days_since_infusion >= 0)
			json_int(j, "days_since_infusion", a->days_since_infusion);
		else
			json_null(j, "days_since_infusion");
		json_obj_end(j);
	}
	json_arr_end(j);
}

static void dashboard_json(struct cli *c, const struct dashboard *db, const struct uc_longterm *lt)
{
	struct json j;
	char d[16], t[20];
	json_init(&j, false);
	json_obj_begin(&j, NULL);
	json_string(&j, "mrn", db->p.mrn);
	json_string(&j, "name", db->p.name);
	json_string(&j, "today", date_format(db->today, d));
	json_string(&j, "baseline_as_of",
		    db->baseline.day == DAY_NONE ? NULL : date_format(db->baseline.day, d));
	json_string(&j, "baseline_from", dash_baseline_from_str(db->baseline.from));
	json_string(&j, "evaluation_as_of",
		    db->as_of == DAY_NONE ? NULL : date_format(db->as_of, d));
	json_string(&j, "first_infusion",
		    db->have_infusion ? visit_format_time(db->first_infusion.given_at,
							  c->app->cfg.tz_offset_minutes * 60, t)
				      : NULL);
	if (db->have_infusion)
		json_int(&j, "days_since_first_infusion", db->days_since_first_infusion);
	else
		json_null(&j, "days_since_first_infusion");
	next_json(&j, db);
	measures_json(&j, db);
	visits_json(&j, db);
	findings_json(&j, db);
	aes_json(&j, db);
	cli_longterm_json(&j, lt);		/* survival contacts, status, events */
	cli_qol_json(&j, c->app->st, db->p.id); /* questionnaire domains trended */
	cli_dash_histology_json(&j, db);
	cli_dash_meds_json(&j, db);
	cli_dash_lots_json(&j, db, c->app->cfg.tz_offset_minutes * 60);
	json_obj_end(&j);
	fprintf(c->out, "%s\n", json_str(&j));
	json_done(&j);
}

static void fmt_value(char *buf, size_t n, enum dash_measure m, bool have, double v, int decimals)
{
	if (!have)
		snprintf(buf, n, "--");
	else if (m == DASH_DIALYSIS)
		snprintf(buf, n, "%s", v != 0 ? "yes" : "no");
	else
		snprintf(buf, n, "%.*f", decimals, v);
}

static void measure_line(struct cli *c, const struct dash_row *r, bool ascii)
{
	const struct dash_measure_info *mi = dash_measure(r->m);
	char b[24], l[24], ch[24], pct[16], trend[TREND_COLS * 3 + 1], label[32];
	snprintf(label, sizeof label, "%s%s%s%s", mi->label, mi->unit[0] ? " (" : "", mi->unit,
		 mi->unit[0] ? ")" : "");
	fmt_value(b, sizeof b, r->m, r->have_baseline, r->baseline.value, mi->decimals);
	fmt_value(l, sizeof l, r->m, r->have_latest, r->latest.value, mi->decimals);
	if (isnan(r->change))
		snprintf(ch, sizeof ch, "--");
	else
		snprintf(ch, sizeof ch, "%+.*f", mi->decimals, r->change);
	if (isnan(r->change_pct))
		snprintf(pct, sizeof pct, "--");
	else
		snprintf(pct, sizeof pct, "%+.0f%%", r->change_pct);
	dash_sparkline(r->trend, r->ntrend, TREND_COLS, ascii, trend, sizeof trend);
	const char *dir = dash_direction_str(r->dir);
	bool unrel = (r->have_baseline && r->baseline.unreliable) ||
		     (r->have_latest && r->latest.unreliable);
	cli_putf(c, "%-18s %7s %7s %8s %6s %-9s %s%s\n", label, b, l, ch, pct,
		 unrel ? "unreliab"
		 : dir ? dir
		       : "",
		 trend, unrel ? "  (stiffness IQR/median > 30 %: unreliable, not counted)" : "");
}

static void calendar_text(struct cli *c, const struct dashboard *db)
{
	char d[16], when[32];
	cli_put(c, "visits (+ done, * due, ! overdue, x missed, . upcoming):\n");
	for (int i = 0; i < db->ncal; i++) {
		const struct dash_cal *k = &db->cal[i];
		when[0] = '\0';
		if (k->closed_on != DAY_NONE)
			snprintf(when, sizeof when, " on %s", date_format(k->closed_on, d));
		else if (k->mark == VMARK_OVERDUE)
			snprintf(when, sizeof when, " %d day%s", k->days_overdue,
				 k->days_overdue == 1 ? "" : "s");
		const char *timing = k->timing == VT_EARLY || k->timing == VT_LATE
					 ? visit_timing_label(k->timing)
					 : "";
		cli_putf(c, "  %s %-12s due %s  %s%s%s%s%s%s\n", visit_mark_glyph(k->mark),
			 k->item.label, date_format(k->item.due, d), visit_mark_str(k->mark), when,
			 *timing ? " " : "", timing, k->reason[0] ? ": " : "", k->reason);
	}
}

static void findings_text(struct cli *c, const struct dashboard *db)
{
	char d[16];
	cli_put(c, "visit findings (symptoms 0 none - 3 severe; ascites ICA 0-3; HE West Haven "
		   "0-4):\n  date        fat app jau pru oed asc HE  temp  visit (* corrected)\n");
	for (int i = db->nvisits > 12 ? db->nvisits - 12 : 0; i < db->nvisits; i++) {
		const struct visit *v = &db->visits[i];
		if (v->state != VISIT_DONE)
			continue;
		char g[SYM_COUNT + 2][4], t[16];
		for (int s = 0; s < SYM_COUNT; s++)
			snprintf(g[s], sizeof g[s], "%c",
				 v->symptom[s] < 0 ? '.' : '0' + v->symptom[s]);
		snprintf(g[SYM_COUNT], 4, "%c", v->ascites < 0 ? '.' : '0' + v->ascites);
		snprintf(g[SYM_COUNT + 1], 4, "%c", v->he < 0 ? '.' : '0' + v->he);
		snprintf(t, sizeof t, isnan(v->temp_c) ? "." : "%.1f", v->temp_c);
		cli_putf(c, "  %s  %3s %3s %3s %3s %3s %3s %3s %5s  %lld%s\n",
			 date_format(v->date, d), g[0], g[1], g[2], g[3], g[4], g[5], g[6], t,
			 (long long)v->id, v->correction[0] ? " *" : "");
	}
}

static void aes_text(struct cli *c, const struct dashboard *db)
{
	char d[16], r[16], term[4 * 20 + 1];
	cli_putf(c, "adverse events (%d):\n", db->nae);
	for (int i = 0; i < db->nae; i++) {
		const struct ae *a = &db->aes[i];
		cli_putf(c, "  %-4lld %s %s G%d %s %-9s %s%s%s\n", (long long)a->id,
			 date_format(a->onset, d), cols(a->term, 20, term, sizeof term), a->grade,
			 a->serious ? "SERIOUS" : "       ", ae_relation_str(a->relation),
			 ae_outcome_str(a->outcome), a->resolved == DAY_NONE ? "" : " ",
			 a->resolved == DAY_NONE ? "" : date_format(a->resolved, r));
	}
}

static void dashboard_text(struct cli *c, const struct dashboard *db, bool ascii)
{
	char d[16], t[20];
	cli_putf(c, "%s  %s\n", db->p.mrn, db->p.name);
	if (db->baseline.from == DBASE_FIRST_INFUSION)
		cli_putf(c, "baseline: last values on or before the first infusion, %s\n",
			 date_format(db->baseline.day, d));
	else if (db->as_of == DAY_NONE)
		cli_put(c, "baseline: no signed evaluation\n");
	else
		cli_putf(c, "baseline: signed evaluation as of %s\n", date_format(db->as_of, d));
	if (db->have_infusion)
		cli_putf(c, "first infusion %s (%d days ago)\n",
			 visit_format_time(db->first_infusion.given_at,
					   c->app->cfg.tz_offset_minutes * 60, t),
			 db->days_since_first_infusion);
	if (db->next >= 0) {
		const struct schedule_item *it = &db->cal[db->next].item;
		char a[16], b[16];
		cli_putf(c, "next: %s due %s (window %s to %s)\n", it->label,
			 date_format(it->due, d), date_format(visit_window_start(it), a),
			 date_format(visit_window_end(it), b));
	}
	cli_putf(c, "%-18s %7s %7s %8s %6s %-9s %s\n", "measure", "base", "latest", "change", "%",
		 "direction", "trend");
	for (int m = 0; m < DASH_COUNT; m++)
		measure_line(c, &db->rows[m], ascii);
	calendar_text(c, db);
	findings_text(c, db);
	aes_text(c, db);
	cli_dash_histology_text(c, db);
	cli_dash_meds_text(c, db);
	cli_dash_lots_text(c, db, c->app->cfg.tz_offset_minutes * 60);
}

/* The long-term follow-up after the rest of the dashboard. */
static void longterm_text(struct cli *c, const struct uc_longterm *lt)
{
	cli_put(c, "\n");
	cli_longterm_text(c, lt);
}

int cli_dashboard(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"json", OPT_FLAG}, {"ascii", OPT_FLAG}};
	const char *pos[1];
	struct err e = {""};
	struct patient p;
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 1, 1);
	if (rc)
		return rc;
	struct dashboard *db = xcalloc(1, sizeof *db);
	struct uc_longterm *lt = xcalloc(1, sizeof *lt);
	enum status s = store_patient_by_mrn(c->app->st, pos[0], &p, &e);
	if (s == ST_OK)
		s = uc_dashboard_load(c->app->st, p.id, app_today(c->app), &c->app->cfg, db, &e);
	if (s == ST_OK)
		s = uc_longterm_load(c->app->st, p.id, lt, &e);
	if (s == ST_OK)
		s = store_patient_viewed(c->app->st, p.id, "dashboard", &e);
	if (s == ST_OK && o[0].set) {
		dashboard_json(c, db, lt);
	} else if (s == ST_OK) {
		dashboard_text(c, db, o[1].set);
		longterm_text(c, lt);
	}
	free(lt);
	free(db);
	return s == ST_OK ? 0 : cli_fail(c, s, &e);
}

static void due_row_json(struct json *j, const struct clinic_visit *v, bool overdue)
{
	char d[16];
	json_obj_begin(j, NULL);
	json_string(j, "mrn", v->mrn);
	json_string(j, "name", v->name);
	json_string(j, "label", v->item.label);
	json_string(j, "kind", sched_kind_str(v->item.kind));
	json_string(j, "due", date_format(v->item.due, d));
	if (overdue) {
		json_int(j, "days_overdue", v->days_overdue);
	} else {
		json_string(j, "window_start", date_format(visit_window_start(&v->item), d));
		json_string(j, "window_end", date_format(visit_window_end(&v->item), d));
	}
	json_obj_end(j);
}

static void eval_rows_json(struct json *j, const char *key, const struct clinic_eval *r, int n)
{
	char d[16];
	json_arr_begin(j, key);
	for (int i = 0; i < n; i++) {
		json_obj_begin(j, NULL);
		json_string(j, "mrn", r[i].mrn);
		json_string(j, "name", r[i].name);
		json_string(j, "as_of", r[i].as_of == DAY_NONE ? NULL : date_format(r[i].as_of, d));
		json_string(j, "status", r[i].status[0] ? r[i].status : NULL);
		json_obj_end(j);
	}
	json_arr_end(j);
}

static void clinic_json(struct cli *c, const struct clinic_dashboard *cd)
{
	struct json j;
	char d[16];
	json_init(&j, false);
	json_obj_begin(&j, NULL);
	json_string(&j, "date", date_format(cd->today, d));
	json_arr_begin(&j, "due");
	for (int i = 0; i < cd->ndue; i++)
		due_row_json(&j, &cd->due[i], false);
	json_arr_end(&j);
	json_arr_begin(&j, "overdue");
	for (int i = 0; i < cd->noverdue; i++)
		due_row_json(&j, &cd->overdue[i], true);
	json_arr_end(&j);
	eval_rows_json(&j, "awaiting_signoff", cd->awaiting_signoff, cd->nsignoff);
	eval_rows_json(&j, "awaiting_evaluation", cd->awaiting_evaluation, cd->nawaiting);
	json_arr_begin(&j, "serious_adverse_events");
	for (int i = 0; i < cd->nserious; i++) {
		const struct clinic_ae *a = &cd->serious[i];
		json_obj_begin(&j, NULL);
		json_string(&j, "mrn", a->mrn);
		json_string(&j, "name", a->name);
		json_string(&j, "term", a->ae.term);
		json_int(&j, "grade", a->ae.grade);
		json_bool(&j, "serious", a->ae.serious);
		json_string(&j, "onset", date_format(a->ae.onset, d));
		json_obj_end(&j);
	}
	json_arr_end(&j);
	json_obj_begin(&j, "counts");
	json_int(&j, "due", cd->counts.due_today);
	json_int(&j, "overdue", cd->counts.overdue);
	json_int(&j, "missed_30d", cd->counts.missed_30d);
	json_int(&j, "awaiting_signoff", cd->counts.awaiting_signoff);
	json_int(&j, "awaiting_evaluation", cd->counts.awaiting_evaluation);
	json_int(&j, "serious_ae_30d", cd->counts.serious_ae_30d);
	json_obj_end(&j);
	json_obj_end(&j);
	fprintf(c->out, "%s\n", json_str(&j));
	json_done(&j);
}

static void clinic_text(struct cli *c, const struct clinic_dashboard *cd)
{
	char d[16], a[16], b[16], name[4 * 22 + 1];
	const struct clinic_counts *k = &cd->counts;
	cli_putf(c,
		 "%s: %lld due, %lld overdue, %lld missed in 30 days\n"
		 "awaiting: sign-off %lld, evaluation %lld; serious or grade >= 3 AEs in 30 days "
		 "%lld\n",
		 date_format(cd->today, d), (long long)k->due_today, (long long)k->overdue,
		 (long long)k->missed_30d, (long long)k->awaiting_signoff,
		 (long long)k->awaiting_evaluation, (long long)k->serious_ae_30d);
	cli_put(c, "due:\n");
	for (int i = 0; i < cd->ndue; i++) {
		const struct clinic_visit *v = &cd->due[i];
		date_format(visit_window_start(&v->item), a);
		date_format(visit_window_end(&v->item), b);
		cli_putf(c, "  * %-10s %s %-10s due %s (%s..%s)\n", v->mrn,
			 cols(v->name, 20, name, sizeof name), v->item.label,
			 date_format(v->item.due, d), a + 5, b + 5);
	}
	cli_put(c, "overdue:\n");
	for (int i = 0; i < cd->noverdue; i++) {
		const struct clinic_visit *v = &cd->overdue[i];
		cli_putf(c, "  ! %-10s %s %-10s due %s, %d day%s overdue\n", v->mrn,
			 cols(v->name, 20, name, sizeof name), v->item.label,
			 date_format(v->item.due, d), v->days_overdue,
			 v->days_overdue == 1 ? "" : "s");
	}
}

static void add_hit(struct patient_hit *h, int *n, int64_t id, const char *mrn)
{
	for (int i = 0; i < *n; i++)
		if (h[i].id == id)
			return;
	memset(&h[*n], 0, sizeof h[*n]);
	h[*n].id = id;
	strlcpy_(h[*n].mrn, mrn, sizeof h[*n].mrn);
	(*n)++;
}

/* The clinic lists leave in every format: audit which patients they name
 * (format "json" or "text"). */
static enum status log_export(struct cli *c, const struct clinic_dashboard *cd, const char *format,
			      struct err *e)
{
	struct patient_hit *h = xcalloc(5 * CLINIC_LIST_MAX, sizeof *h);
	int n = 0;
	for (int i = 0; i < cd->ndue; i++)
		add_hit(h, &n, cd->due[i].patient_id, cd->due[i].mrn);
	for (int i = 0; i < cd->noverdue; i++)
		add_hit(h, &n, cd->overdue[i].patient_id, cd->overdue[i].mrn);
	for (int i = 0; i < cd->nsignoff; i++)
		add_hit(h, &n, cd->awaiting_signoff[i].patient_id, cd->awaiting_signoff[i].mrn);
	for (int i = 0; i < cd->nawaiting; i++)
		add_hit(h, &n, cd->awaiting_evaluation[i].patient_id,
			cd->awaiting_evaluation[i].mrn);
	for (int i = 0; i < cd->nserious; i++)
		add_hit(h, &n, cd->serious[i].patient_id, cd->serious[i].mrn);
	enum status s = n ? store_patient_exported(c->app->st, h, n, format, e) : ST_OK;
	free(h);
	return s;
}

int cli_due(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"date", OPT_VALUE}, {"json", OPT_FLAG}, {"limit", OPT_VALUE}};
	struct err e = {""};
	long limit = 20;
	day_t day = app_today(c->app);
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), NULL, 0, 0);
	if (rc)
		return rc;
	if (o[2].set && !parse_long(o[2].value, 1, CLINIC_LIST_MAX, &limit))
		return cli_usage(c, "--limit '%s': %saccepted 1-%d", o[2].value,
				 cli_nan(o[2].value), CLINIC_LIST_MAX);
	enum status s =
	    o[0].set ? date_parse_field("date", o[0].value, day, true, &day, &e) : ST_OK;
	struct clinic_dashboard *cd = xcalloc(1, sizeof *cd);
	if (s == ST_OK)
		s = uc_clinic_load(c->app->st, day, (int)limit, cd, &e);
	if (s == ST_OK)
		s = log_export(c, cd, o[1].set ? "json" : "text", &e);
	if (s == ST_OK && o[1].set)
		clinic_json(c, cd);
	else if (s == ST_OK)
		clinic_text(c, cd);
	free(cd);
	return s == ST_OK ? 0 : cli_fail(c, s, &e);
}
