/* cli_visit.c: `visit add`, `visit missed`, `ae add` and `ae outcome` —
 * follow-up recording for scripts and tests, through the model's checks. */
#include "cli_int.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "ae.h"
#include "sae.h"
#include "store_followup.h"
#include "text.h"
#include "uc_ae.h"
#include "util.h"
#include "visit.h"
#include "vital.h"

/* Visit options after the analyte options (one per analyte, "--hbv-dna"). */
enum {
	V_DATE = ANALYTE_COUNT,
	V_LABEL,
	V_UNSCHEDULED,
	V_TEMP,
	V_WEIGHT,
	V_BP,
	V_FATIGUE,
	V_APPETITE,
	V_JAUNDICE,
	V_PRURITUS,
	V_OEDEMA,
	V_ASCITES,
	V_PARA,
	V_HE,
	V_STIFF,
	V_IQR,
	V_NOTE,
	V_UNITS,
	V_CONFIRM,
	V_N
};

static const char *const visit_opt_names[V_N - ANALYTE_COUNT] = {
    "date",   "label",	 "unscheduled",	 "temperature",	   "weight",
    "bp",     "fatigue", "appetite",	 "jaundice",	   "pruritus",
    "oedema", "ascites", "paracentesis", "encephalopathy", "stiffness",
    "iqr",    "note",	 "units",	 "confirm",
};

/* A check's ST_CONFIRM passes with --confirm. */
static enum status confirmed(enum status s, bool confirm)
{
	return s == ST_CONFIRM && confirm ? ST_OK : s;
}

static enum status visit_vitals(struct cli_opt *o, struct visit *v, bool confirm, struct err *e)
{
	enum status s = ST_OK;
	if (o[V_TEMP].set)
		s = vital_parse(VITAL_TEMPERATURE, o[V_TEMP].value, confirm, &v->temp_c, e);
	if (s == ST_OK && o[V_WEIGHT].set)
		s = vital_parse(VITAL_WEIGHT, o[V_WEIGHT].value, confirm, &v->weight_kg, e);
	if (s == ST_OK && o[V_BP].set)
		s = confirmed(visit_check_bp(o[V_BP].value, &v->sbp, &v->dbp, e), confirm);
	for (int i = 0; s == ST_OK && i < SYM_COUNT; i++)
		if (o[V_FATIGUE + i].set)
			s = visit_check_severity(symptom_key((enum symptom)i),
						 o[V_FATIGUE + i].value, &v->symptom[i], e);
	if (s == ST_OK && o[V_ASCITES].set)
		s = visit_check_ascites(o[V_ASCITES].value, &v->ascites, e);
	if (s == ST_OK && o[V_PARA].set)
		s = vital_parse(VITAL_PARACENTESIS, o[V_PARA].value, confirm, &v->paracentesis_ml,
				e);
	if (s == ST_OK && o[V_HE].set)
		s = visit_check_he(o[V_HE].value, &v->he, e);
	if (s == ST_OK && o[V_STIFF].set)
		s = vital_parse(VITAL_STIFFNESS, o[V_STIFF].value, confirm, &v->stiffness_kpa, e);
	if (s == ST_OK && o[V_IQR].set)
		s = imaging_check_iqr(o[V_IQR].value, v->stiffness_kpa, &v->iqr_kpa, e);
	if (s == ST_OK && o[V_IQR].set)
		s = imaging_check_reliability(v->stiffness_kpa, v->iqr_kpa, confirm, e);
	if (s == ST_OK && o[V_NOTE].set && (s = visit_check_note(o[V_NOTE].value, e)) == ST_OK)
		strlcpy_(v->note, o[V_NOTE].value, sizeof v->note);
	return s;
}

static enum status visit_labs(struct cli_opt *o, enum unit_system u, bool confirm,
			      struct lab_result *rows, int *n, struct err *e)
{
	*n = 0;
	for (int a = 0; a < ANALYTE_COUNT; a++) {
		if (!o[a].set)
			continue;
		struct lab_result *r = &rows[(*n)++];
		memset(r, 0, sizeof *r);
		enum status s = lab_entry((enum analyte_id)a, u, o[a].value, confirm, r, e);
		if (s != ST_OK)
			return s;
		r->date = DAY_NONE; /* the visit's day */
		strlcpy_(r->source, "visit", sizeof r->source);
	}
	return ST_OK;
}

static void option_names(char names[ANALYTE_COUNT][24], struct cli_opt *o)
{
	for (int a = 0; a < ANALYTE_COUNT; a++) {
		strlcpy_(names[a], analyte_get((enum analyte_id)a)->key, sizeof names[a]);
		for (char *p = names[a]; *p; p++)
			if (*p == '_')
				*p = '-';
		o[a] = (struct cli_opt){names[a], OPT_VALUE, NULL, false};
	}
	for (int i = ANALYTE_COUNT; i < V_N; i++)
		o[i] = (struct cli_opt){visit_opt_names[i - ANALYTE_COUNT],
					i == V_UNSCHEDULED || i == V_CONFIRM ? OPT_FLAG : OPT_VALUE,
					NULL, false};
}

/* The patient, the visit day and the scheduled item named by --label. */
static enum status visit_target(struct cli *c, const char *mrn, const struct cli_opt *date,
				const char *label, struct patient *p, struct visit *v,
				struct err *e)
{
	day_t today = app_today(c->app);
	v->date = today;
	enum status s = date->set
			    ? date_parse_field("visit date", date->value, today, false, &v->date, e)
			    : ST_OK;
	if (s == ST_OK)
		s = store_patient_by_mrn(c->app->st, mrn, p, e);
	if (s == ST_OK)
		v->patient_id = p->id;
	if (s == ST_OK && label) {
		struct schedule_item it;
		s = store_schedule_by_label(c->app->st, p->id, label, &it, e);
		if (s == ST_OK)
			v->schedule_id = it.id;
	}
	return s;
}

static void fever_hint(struct cli *c, const struct patient *p, double temp)
{
	int g = ae_fever_grade(temp, -1);
	if (g <= 0)
		return;
	cli_putf(c,
		 "fever: %.1f °C suggests CTCAE grade %d%s — record it: hepadesk ae add %s "
		 "--term Fever --temperature %.1f ...\n",
		 temp, g, g == 3 ? " (grade 4 if it lasts more than 24 h)" : "", p->mrn, temp);
}

/* "early: before its window", "in window", "unscheduled". */
static const char *timing_text(enum visit_timing t, char *buf, size_t n)
{
	const char *detail = visit_timing_detail(t);
	snprintf(buf, n, "%s%s%s", visit_timing_label(t), *detail ? ": " : "", detail);
	return buf;
}

static void visit_done_line(struct cli *c, const struct patient *p, const struct visit *v,
			    int nlabs)
{
	char d[16], t[64];
	cli_putf(c, "recorded %s%s for %s on %s (%s)",
		 v->schedule_id ? "visit " : "unscheduled visit", v->schedule_id ? v->label : "",
		 p->mrn, date_format(v->date, d), timing_text(v->timing, t, sizeof t));
	if (nlabs)
		cli_putf(c, " with %d lab result%s", nlabs, nlabs == 1 ? "" : "s");
	cli_put(c, "\n");
}

int cli_visit_add(struct cli *c, int argc, char **argv)
{
	char names[ANALYTE_COUNT][24];
	struct cli_opt o[V_N];
	const char *pos[1];
	struct err e = {""};
	enum unit_system u;
	struct lab_result labs[ANALYTE_COUNT];
	struct patient p;
	struct visit v;
	int nlabs = 0;

	option_names(names, o);
	int rc = cli_parse(c, argc, argv, o, V_N, pos, 1, 1);
	if (rc)
		return rc;
	if (!cli_units(c, &o[V_UNITS], &u))
		return 2;
	if (o[V_LABEL].set == o[V_UNSCHEDULED].set)
		return cli_usage(c, "give --label LABEL (the scheduled visit, e.g. W4) or "
				    "--unscheduled");
	bool confirm = o[V_CONFIRM].set;
	visit_init(&v);
	enum status s = visit_vitals(o, &v, confirm, &e);
	if (s == ST_OK)
		s = visit_labs(o, u, confirm, labs, &nlabs, &e);
	if (s == ST_CONFIRM)
		return cli_usage(c, "%s (add --confirm to accept)", e.msg);
	if (s == ST_OK)
		s = visit_target(c, pos[0], &o[V_DATE], o[V_LABEL].set ? o[V_LABEL].value : NULL,
				 &p, &v, &e);
	if (s == ST_OK) {
		s = store_visit_add(c->app->st, &v, labs, nlabs, &e);
	}
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	visit_done_line(c, &p, &v, nlabs);
	if (!isnan(v.temp_c))
		fever_hint(c, &p, v.temp_c);
	return 0;
}

/* --clear: the measured values named (visit option names, comma-separated)
 * go back to "not measured" before the new values are applied. */
static enum status clear_fields(const char *list, const struct cli_opt *o, struct visit *v,
				struct err *e)
{
	char buf[256];
	char *save = NULL;
	strlcpy_(buf, list, sizeof buf);
	for (char *name = strtok_r(buf, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
		int i = V_TEMP;
		while (i <= V_NOTE && strcmp(name, o[i].name) != 0)
			i++;
		if (i > V_NOTE)
			return err_set(e, ST_INVALID,
				       "--clear: '%.24s' is not a visit value "
				       "(temperature, weight, bp, fatigue ... iqr, note)",
				       name);
		if (o[i].set)
			return err_set(e, ST_INVALID, "--clear %s: also given a new value", name);
		if (i >= V_FATIGUE && i < V_FATIGUE + SYM_COUNT)
			v->symptom[i - V_FATIGUE] = VISIT_UNGRADED;
		else if (i == V_TEMP)
			v->temp_c = NAN;
		else if (i == V_WEIGHT)
			v->weight_kg = NAN;
		else if (i == V_BP)
			v->sbp = v->dbp = 0;
		else if (i == V_ASCITES)
			v->ascites = VISIT_UNGRADED;
		else if (i == V_PARA)
			v->paracentesis_ml = NAN;
		else if (i == V_HE)
			v->he = VISIT_UNGRADED;
		else if (i == V_STIFF)
			v->stiffness_kpa = NAN;
		else if (i == V_IQR)
			v->iqr_kpa = NAN;
		else
			v->note[0] = '\0';
	}
	return ST_OK;
}

enum { C_REASON = V_N, C_IF_VERSION, C_CLEAR, C_N };

/* The stored visit with the corrections of the options applied. */
static enum status corrected(struct cli *c, struct cli_opt *o, const char *mrn, const char *id,
			     struct patient *p, struct visit *v, struct err *e)
{
	long vid = 0, version = 0;
	if (!parse_long(id, 1, 2147483647L, &vid))
		return err_set(e, ST_INVALID, "visit '%.24s': the visit's number from `dashboard`",
			       id);
	if (o[C_IF_VERSION].set && !parse_long(o[C_IF_VERSION].value, 1, 2147483647L, &version))
		return err_set(e, ST_INVALID,
			       "--if-version '%.24s': a version number from "
			       "`dashboard --json`",
			       o[C_IF_VERSION].value);
	enum status s = store_patient_by_mrn(c->app->st, mrn, p, e);
	if (s == ST_OK)
		s = store_visit_get(c->app->st, p->id, vid, v, e);
	if (s == ST_OK && version)
		v->version = version;
	if (s == ST_OK && o[V_DATE].set)
		s = date_parse_field("visit date", o[V_DATE].value, app_today(c->app), false,
				     &v->date, e);
	if (s == ST_OK && o[C_CLEAR].set)
		s = clear_fields(o[C_CLEAR].value, o, v, e);
	return s == ST_OK ? visit_vitals(o, v, o[V_CONFIRM].set, e) : s;
}

int cli_visit_correct(struct cli *c, int argc, char **argv)
{
	char names[ANALYTE_COUNT][24], d[16], t[64];
	struct cli_opt o[C_N];
	const char *pos[2];
	struct err e = {""};
	struct patient p;
	struct visit v;

	option_names(names, o);
	o[C_REASON] = (struct cli_opt){"reason", OPT_VALUE, NULL, false};
	o[C_IF_VERSION] = (struct cli_opt){"if-version", OPT_VALUE, NULL, false};
	o[C_CLEAR] = (struct cli_opt){"clear", OPT_VALUE, NULL, false};
	int rc = cli_parse(c, argc, argv, o, C_N, pos, 2, 2);
	if (rc)
		return rc;
	for (int a = 0; a < ANALYTE_COUNT; a++)
		if (o[a].set)
			return cli_usage(c,
					 "--%s: a visit's lab results are not changed by a "
					 "correction",
					 o[a].name);
	if (o[V_LABEL].set || o[V_UNSCHEDULED].set || o[V_UNITS].set)
		return cli_usage(c, "a correction keeps the visit's scheduled item; give the "
				    "values to correct");
	if (!o[C_REASON].set)
		return cli_usage(c, "--reason is required: say why the visit is corrected");
	bool any = o[C_CLEAR].set;
	for (int i = V_DATE; i <= V_NOTE; i++)
		any = any || o[i].set;
	if (!any)
		return cli_usage(c, "nothing to correct: give the values as they should be (or "
				    "--clear NAME)");
	enum status s = corrected(c, o, pos[0], pos[1], &p, &v, &e);
	if (s == ST_CONFIRM)
		return cli_usage(c, "%s (add --confirm to accept)", e.msg);
	if (s == ST_OK) {
		s = store_visit_correct(c->app->st, &v, o[C_REASON].value, &e);
	}
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	cli_putf(c, "corrected visit %lld (%s) of %s on %s (%s), now version %lld\n",
		 (long long)v.id, v.schedule_id ? v.label : "unscheduled", p.mrn,
		 date_format(v.date, d), timing_text(v.timing, t, sizeof t), (long long)v.version);
	return 0;
}

int cli_visit_missed(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"reason", OPT_VALUE}, {"date", OPT_VALUE}};
	const char *pos[2];
	struct err e = {""};
	struct patient p;
	struct visit v;
	char d[16];
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 2, 2);
	if (rc)
		return rc;
	if (!o[0].set)
		return cli_usage(c, "--reason is required: say why the visit was missed");
	visit_init(&v);
	v.state = VISIT_MISSED;
	enum status s = visit_check_reason(o[0].value, &e);
	if (s == ST_OK) {
		strlcpy_(v.reason, o[0].value, sizeof v.reason);
		s = visit_target(c, pos[0], &o[1], pos[1], &p, &v, &e);
	}
	if (s == ST_OK) {
		s = store_visit_missed(c->app->st, &v, &e);
	}
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	cli_putf(c, "recorded %s for %s as missed on %s: %s\n", v.label, p.mrn,
		 date_format(v.date, d), v.reason);
	return 0;
}

enum {
	A_TERM,
	A_GRADE,
	A_ONSET,
	A_SERIOUS,
	A_RELATION,
	A_ACTION,
	A_OUTCOME,
	A_RESOLVED,
	A_TEMP,
	A_HOURS,
	A_NOTE,
	A_CONFIRM,
	A_CRITERIA,
	A_AWARE,
	A_N
};

/* The grade: as given, or suggested by the fever table from a temperature;
 * a given grade that differs from the suggestion needs --confirm. */
static enum status ae_grade(struct cli_opt *o, struct ae *a, struct err *e)
{
	enum status s = ST_OK;
	double hours = -1;
	int suggested = -1;
	if (o[A_TEMP].set)
		s = vital_parse(VITAL_TEMPERATURE, o[A_TEMP].value, o[A_CONFIRM].set, &a->temp_c,
				e);
	if (s == ST_OK && o[A_HOURS].set &&
	    (!parse_double(o[A_HOURS].value, &hours) || hours < 0 || hours > 2400))
		return err_set(e, ST_INVALID, "hours: '%.20s' is outside 0-2400 hours of fever",
			       o[A_HOURS].value);
	if (s == ST_OK && !isnan(a->temp_c) && strcmp(a->term, "Fever") == 0)
		suggested = ae_fever_grade(a->temp_c, hours);
	if (s == ST_OK && o[A_GRADE].set)
		s = ae_check_grade(o[A_GRADE].value, &a->grade, e);
	else if (s == ST_OK && suggested > 0)
		a->grade = suggested;
	else if (s == ST_OK)
		return err_set(e, ST_INVALID,
			       suggested == 0 ? "grade: %.1f °C is below 38.0 °C, "
						"not a CTCAE fever; give --grade 1-5"
					      : "grade: required (1-5)",
			       a->temp_c);
	if (s == ST_OK && suggested > 0 && a->grade != suggested && !o[A_CONFIRM].set)
		return err_set(e, ST_CONFIRM, "grade: %.1f °C is CTCAE fever grade %d, not %d",
			       a->temp_c, suggested, a->grade);
	return s;
}

static enum status ae_choices(struct cli *c, struct cli_opt *o, struct ae *a, struct err *e)
{
	if (strcmp(o[A_SERIOUS].value, "yes") != 0 && strcmp(o[A_SERIOUS].value, "no") != 0)
		return err_set(e, ST_INVALID, "serious: '%.20s' is not accepted; yes or no",
			       o[A_SERIOUS].value);
	a->serious = strcmp(o[A_SERIOUS].value, "yes") == 0;
	if (!ae_relation_parse(o[A_RELATION].value, &a->relation))
		return err_set(e, ST_INVALID,
			       "relation: '%.20s' is not accepted; unrelated, "
			       "unlikely, possible, probable or definite",
			       o[A_RELATION].value);
	if (o[A_ACTION].set && !ae_action_parse(o[A_ACTION].value, &a->action))
		return err_set(e, ST_INVALID,
			       "action: '%.20s' is not accepted; none, medication, "
			       "infusion_slowed, infusion_stopped, hospitalised or other",
			       o[A_ACTION].value);
	if (o[A_OUTCOME].set && !ae_outcome_parse(o[A_OUTCOME].value, &a->outcome))
		return err_set(e, ST_INVALID,
			       "outcome: '%.20s' is not accepted; resolved, "
			       "resolving, not_resolved, sequelae, fatal or unknown",
			       o[A_OUTCOME].value);
	if (o[A_CRITERIA].set && ae_criteria_parse(o[A_CRITERIA].value, &a->criteria, e) != ST_OK)
		return ST_INVALID;
	if (o[A_AWARE].set) {
		day_t day;
		enum status s =
		    visit_parse_time("aware", o[A_AWARE].value, c->app->cfg.tz_offset_minutes * 60,
				     c->app->clock(), &a->aware_at, &day, e);
		if (s != ST_OK)
			return s;
	}
	if (o[A_RESOLVED].set)
		return date_parse_field("resolved", o[A_RESOLVED].value, app_today(c->app), false,
					&a->resolved, e);
	return ST_OK;
}

static enum status ae_fields(struct cli *c, struct cli_opt *o, struct ae *a, struct err *e)
{
	enum status s = ae_check_term(o[A_TERM].value, a->term, sizeof a->term, &a->term_listed, e);
	if (s == ST_OK)
		s = visit_parse_time("onset", o[A_ONSET].value, c->app->cfg.tz_offset_minutes * 60,
				     c->app->clock(), &a->onset_at, &a->onset, e);
	if (s == ST_OK)
		s = ae_grade(o, a, e);
	if (s == ST_OK)
		s = ae_choices(c, o, a, e);
	if (s == ST_OK && o[A_NOTE].set && (s = visit_check_note(o[A_NOTE].value, e)) == ST_OK)
		strlcpy_(a->note, o[A_NOTE].value, sizeof a->note);
	if (s == ST_OK)
		s = confirmed(ae_validate(a, app_today(c->app), e), o[A_CONFIRM].set);
	return s;
}

int cli_ae_add(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[A_N] = {
	    {"term", OPT_VALUE},     {"grade", OPT_VALUE},    {"onset", OPT_VALUE},
	    {"serious", OPT_VALUE},  {"relation", OPT_VALUE}, {"action", OPT_VALUE},
	    {"outcome", OPT_VALUE},  {"resolved", OPT_VALUE}, {"temperature", OPT_VALUE},
	    {"hours", OPT_VALUE},    {"note", OPT_VALUE},     {"confirm", OPT_FLAG},
	    {"criteria", OPT_VALUE}, {"aware", OPT_VALUE}};
	struct protocol proto;
	struct sae_due due[2];
	int ndue = 0;
	const char *pos[1];
	struct err e = {""};
	struct patient p;
	struct ae a;
	char d[20];
	int rc = cli_parse(c, argc, argv, o, A_N, pos, 1, 1);
	if (rc)
		return rc;
	static const int required[] = {A_TERM, A_ONSET, A_SERIOUS, A_RELATION};
	for (size_t i = 0; i < ARRAY_SIZE(required); i++)
		if (!o[required[i]].set)
			return cli_usage(c, "--%s is required", o[required[i]].name);
	if ((rc = cli_protocol(c, &proto, NULL)))
		return rc;
	ae_init(&a);
	enum status s = ae_fields(c, o, &a, &e);
	if (s == ST_CONFIRM)
		return cli_usage(c, "%s (add --confirm to accept)", e.msg);
	if (s == ST_OK && (s = store_patient_by_mrn(c->app->st, pos[0], &p, &e)) == ST_OK) {
		a.patient_id = p.id;
		s = uc_ae_add(c->app->st, &proto, &a, due, &ndue, &e);
	}
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	cli_putf(c, "recorded %s grade %d (%s) for %s, onset %s", a.term, a.grade,
		 ae_grade_text(a.grade), p.mrn,
		 visit_format_time(a.onset_at, c->app->cfg.tz_offset_minutes * 60, d));
	if (a.days_since_infusion >= 0)
		cli_putf(c, ", %d day%s after the last infusion", a.days_since_infusion,
			 a.days_since_infusion == 1 ? "" : "s");
	if (a.serious) {
		char crit[160];
		ae_criteria_format(a.criteria | ae_criteria_implied(&a), crit, sizeof crit);
		cli_putf(c, "; SERIOUS (%s), %s\n", crit,
			 a.expected ? "expected" : "unexpected under the protocol");
	} else {
		cli_put(c, "\n");
	}
	int tz = c->app->cfg.tz_offset_minutes * 60;
	for (int i = 0; i < ndue; i++) {
		char left[48];
		sae_time_left(due[i].due_at, store_now(c->app->st), left, sizeof left);
		cli_putf(c, "  %s due by %s (%s)\n", sae_kind_label(due[i].kind),
			 visit_format_time(due[i].due_at, tz, d), left);
	}
	return 0;
}

int cli_ae_outcome(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"outcome", OPT_VALUE}, {"resolved", OPT_VALUE}};
	const char *pos[2];
	struct err e = {""};
	struct patient p;
	struct ae a;
	enum ae_outcome out;
	day_t resolved = DAY_NONE;
	long id;
	char d[16];
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 2, 2);
	if (rc)
		return rc;
	if (!parse_long(pos[1], 1, INT32_MAX, &id))
		return cli_usage(c, "event '%s': the event's number (see hepadesk dashboard)",
				 pos[1]);
	if (!o[0].set || !ae_outcome_parse(o[0].value, &out))
		return cli_usage(c,
				 "--outcome: resolved, resolving, not_resolved, sequelae, fatal or "
				 "unknown");
	enum status s = o[1].set ? date_parse_field("resolved", o[1].value, app_today(c->app),
						    false, &resolved, &e)
				 : ST_OK;
	if (s == ST_OK)
		s = store_patient_by_mrn(c->app->st, pos[0], &p, &e);
	if (s == ST_OK)
		s = store_ae_get(c->app->st, p.id, id, &a, &e);
	if (s == ST_OK) {
		s = store_ae_outcome(c->app->st, p.id, id, a.version, out, resolved, &a, &e);
	}
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	cli_putf(c, "adverse event %ld (%s) of %s: %s%s%s\n", id, a.term, p.mrn,
		 ae_outcome_label(a.outcome), a.resolved == DAY_NONE ? "" : " on ",
		 a.resolved == DAY_NONE ? "" : date_format(a.resolved, d));
	return 0;
}
