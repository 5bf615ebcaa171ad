/* cli_med.c: `med add|stop|list|show|correct|void|names` — concomitant
 * medications and supplements, the shipped list with ATC codes, a free
 * name allowed. */
#include "cli_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "json.h"
#include "med.h"
#include "patient.h"
#include "store.h"
#include "store_med.h"

#define MEDS_MAX 500

enum {
	O_NAME,
	O_DOSE,
	O_UNIT,
	O_ROUTE,
	O_FREQ,
	O_START,
	O_STOP,
	O_IND,
	O_CONFIRM,
	O_JSON,
	O_REASON,
	O_IF_VERSION,
	O_N
};

static void med_opts(struct cli_opt *o)
{
	static const struct cli_opt defs[O_N] = {
	    {"name", OPT_VALUE},  {"dose", OPT_VALUE},	     {"unit", OPT_VALUE},
	    {"route", OPT_VALUE}, {"frequency", OPT_VALUE},  {"start", OPT_VALUE},
	    {"stop", OPT_VALUE},  {"indication", OPT_VALUE}, {"confirm", OPT_FLAG},
	    {"json", OPT_FLAG},	  {"reason", OPT_VALUE},     {"if-version", OPT_VALUE}};
	memcpy(o, defs, sizeof defs);
}

static enum status choice(const struct cli_opt *o, char kind, bool ok, struct err *e)
{
	char choices[128];
	if (!o->set || ok)
		return ST_OK;
	return err_set(e, ST_INVALID, "%s: '%s' is not accepted; accepted %s", o->name, o->value,
		       med_choices(kind, choices, sizeof choices));
}

static enum status fields(struct cli *c, const struct cli_opt *o, struct med *m, struct err *e)
{
	enum status s = ST_OK;
	day_t today = app_today(c->app);
	if (o[O_NAME].set)
		s = med_set_name(m, o[O_NAME].value, e);
	/* A listed medication's usual unit and route unless given. */
	const struct med_listed *l = o[O_NAME].set ? med_lookup(o[O_NAME].value) : NULL;
	if (s == ST_OK && l && !o[O_UNIT].set)
		(void)med_unit_parse(l->unit, &m->unit);
	if (s == ST_OK && l && !o[O_ROUTE].set)
		(void)med_route_parse(l->route, &m->route);
	if (s == ST_OK && o[O_DOSE].set && !parse_double(o[O_DOSE].value, &m->dose))
		s = err_set(e, ST_INVALID, "dose: '%s' is not a number", o[O_DOSE].value);
	if (s == ST_OK)
		s = choice(&o[O_UNIT], 'u',
			   o[O_UNIT].set && med_unit_parse(o[O_UNIT].value, &m->unit), e);
	if (s == ST_OK)
		s = choice(&o[O_ROUTE], 'r',
			   o[O_ROUTE].set && med_route_parse(o[O_ROUTE].value, &m->route), e);
	if (s == ST_OK)
		s = choice(&o[O_FREQ], 'f',
			   o[O_FREQ].set && med_freq_parse(o[O_FREQ].value, &m->freq), e);
	if (s == ST_OK && o[O_START].set)
		s = date_parse_field("start", o[O_START].value, today, false, &m->start, e);
	if (s == ST_OK && o[O_STOP].set)
		s = date_parse_field("stop", o[O_STOP].value, today, false, &m->stop, e);
	if (s == ST_OK && o[O_IND].set) {
		if (strlen(o[O_IND].value) > MED_INDICATION_MAX)
			s = err_set(e, ST_INVALID, "indication: at most %d characters",
				    MED_INDICATION_MAX);
		else
			strlcpy_(m->indication, o[O_IND].value, sizeof m->indication);
	}
	if (s == ST_OK)
		s = med_validate(m, today, o[O_CONFIRM].set, e);
	return s;
}

void cli_med_json(struct json *j, const struct med *m)
{
	char d[16];
	json_int(j, "id", m->id);
	json_string(j, "name", m->name);
	json_string(j, "atc", *m->atc ? m->atc : NULL);
	json_string(j, "class", med_class_str(m->cls));
	json_num(j, "dose", m->dose, 3);
	json_string(j, "unit", med_unit_str(m->unit));
	json_string(j, "route", med_route_str(m->route));
	json_string(j, "frequency", med_freq_str(m->freq));
	json_string(j, "start", date_format(m->start, d));
	json_string(j, "stop", m->stop == DAY_NONE ? NULL : date_format(m->stop, d));
	json_string(j, "indication", m->indication);
	json_bool(j, "voided", m->voided);
	json_string(j, "reason", *m->reason ? m->reason : NULL);
	json_string(j, "recorded_by", m->created_by);
	json_int(j, "version", m->version);
}

static void print_one(struct cli *c, const struct patient *p, const struct med *m, bool json,
		      const char *what)
{
	char desc[300];
	if (json) {
		struct json j;
		json_init(&j, false);
		json_obj_begin(&j, NULL);
		json_string(&j, "mrn", p->mrn);
		cli_med_json(&j, m);
		json_obj_end(&j);
		cli_putf(c, "%s\n", json_str(&j));
		json_done(&j);
		return;
	}
	cli_putf(c, "%smedication %lld of %s: %s%s%s%s%s\n", what, (long long)m->id, p->mrn,
		 med_describe(m, desc, sizeof desc), *m->indication ? "; for " : "", m->indication,
		 m->voided ? "  [VOIDED]" : "", *m->atc ? "" : "  (free name, no ATC code)");
	if (*m->reason)
		cli_putf(c, "  %s: %s\n", m->voided ? "voided" : "reason", m->reason);
}

static int done(struct cli *c, enum status s, const struct err *e, const struct patient *p,
		const struct med *m, bool json, const char *what)
{
	if (s == ST_CONFIRM)
		return cli_usage(c, "%s (add --confirm to accept)", e->msg);
	if (s != ST_OK)
		return cli_fail(c, s, e);
	print_one(c, p, m, json, what);
	return 0;
}

int cli_med_add(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[O_N];
	const char *pos[1];
	struct err e = {""};
	struct patient p = {0};
	struct med m;
	med_opts(o);
	int rc = cli_parse(c, argc, argv, o, O_N, pos, 1, 1);
	if (rc)
		return rc;
	if (!o[O_NAME].set || !o[O_START].set)
		return cli_usage(c, "--%s is required", o[O_NAME].set ? "start" : "name");
	if (o[O_REASON].set || o[O_IF_VERSION].set)
		return cli_usage(c, "--reason and --if-version go with med stop, correct or void");
	med_init(&m);
	enum status s = fields(c, o, &m, &e);
	if (s == ST_OK)
		s = store_patient_by_mrn(c->app->st, pos[0], &p, &e);
	if (s == ST_OK) {
		m.patient_id = p.id;
		s = store_med_add(c->app->st, &m, &e);
	}
	return done(c, s, &e, &p, &m, o[O_JSON].set, "recorded ");
}

static enum status named(struct cli *c, const char *mrn, const char *num, const struct cli_opt *ifv,
			 struct patient *p, struct med *m, struct err *e)
{
	long id, v;
	if (!parse_long(num, 1, 1L << 40, &id))
		return err_set(e, ST_INVALID, "medication: '%s' is not a medication number", num);
	enum status s = store_patient_by_mrn(c->app->st, mrn, p, e);
	if (s == ST_OK)
		s = store_med_get(c->app->st, p->id, id, m, e);
	if (s == ST_OK && ifv && ifv->set) {
		if (!parse_long(ifv->value, 1, 1000000000L, &v))
			return err_set(e, ST_INVALID, "if-version: '%s' is not a version number",
				       ifv->value);
		m->version = v;
	}
	return s;
}

int cli_med_stop(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"date", OPT_VALUE},
			      {"reason", OPT_VALUE},
			      {"if-version", OPT_VALUE},
			      {"json", OPT_FLAG}};
	const char *pos[2];
	struct err e = {""};
	struct patient p = {0};
	struct med m;
	int rc = cli_parse(c, argc, argv, o, 4, pos, 2, 2);
	if (rc)
		return rc;
	med_init(&m);
	enum status s = named(c, pos[0], pos[1], &o[2], &p, &m, &e);
	if (s == ST_OK && m.stop != DAY_NONE) {
		char d[16];
		s = err_set(&e, ST_INVALID, "medication %lld was stopped on %s already",
			    (long long)m.id, date_format(m.stop, d));
	}
	m.stop = app_today(c->app);
	if (s == ST_OK && o[0].set)
		s = date_parse_field("date", o[0].value, app_today(c->app), false, &m.stop, &e);
	if (s == ST_OK)
		s = store_med_update(c->app->st, &m, o[1].set ? o[1].value : NULL, false, &e);
	return done(c, s, &e, &p, &m, o[3].set, "stopped ");
}

int cli_med_correct(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[O_N];
	const char *pos[2];
	struct err e = {""};
	struct patient p = {0};
	struct med m;
	med_opts(o);
	int rc = cli_parse(c, argc, argv, o, O_N, pos, 2, 2);
	if (rc)
		return rc;
	if (!o[O_REASON].set)
		return cli_usage(c, "--reason is required");
	med_init(&m);
	enum status s = named(c, pos[0], pos[1], &o[O_IF_VERSION], &p, &m, &e);
	if (s == ST_OK)
		s = fields(c, o, &m, &e);
	if (s == ST_OK)
		s = store_med_update(c->app->st, &m, o[O_REASON].value, true, &e);
	return done(c, s, &e, &p, &m, o[O_JSON].set, "corrected ");
}

int cli_med_void(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"reason", OPT_VALUE}, {"if-version", OPT_VALUE}, {"json", OPT_FLAG}};
	const char *pos[2];
	struct err e = {""};
	struct patient p = {0};
	struct med m;
	int rc = cli_parse(c, argc, argv, o, 3, pos, 2, 2);
	if (rc)
		return rc;
	if (!o[0].set)
		return cli_usage(c, "--reason is required");
	med_init(&m);
	enum status s = named(c, pos[0], pos[1], &o[1], &p, &m, &e);
	if (s == ST_OK)
		s = store_med_void(c->app->st, &m, o[0].value, &e);
	return done(c, s, &e, &p, &m, o[2].set, "voided ");
}

int cli_med_list(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"json", OPT_FLAG}, {"date", OPT_VALUE}};
	const char *pos[1];
	struct err e = {""};
	struct patient p = {0};
	int n = 0, rc = cli_parse(c, argc, argv, o, 2, pos, 1, 1);
	if (rc)
		return rc;
	day_t on = DAY_NONE;
	enum status s =
	    o[1].set ? date_parse_field("date", o[1].value, app_today(c->app), false, &on, &e)
		     : ST_OK;
	struct med *list = xcalloc(MEDS_MAX, sizeof *list);
	if (s == ST_OK)
		s = store_patient_by_mrn(c->app->st, pos[0], &p, &e);
	if (s == ST_OK)
		s = store_med_list(c->app->st, p.id, list, MEDS_MAX, &n, &e);
	struct json j;
	json_init(&j, false);
	json_obj_begin(&j, NULL);
	json_string(&j, "mrn", p.mrn);
	json_arr_begin(&j, "medications");
	int shown = 0;
	for (int i = 0; s == ST_OK && i < n; i++) {
		if (on != DAY_NONE && !med_taken_on(&list[i], on))
			continue; /* --date: what was taken that day */
		shown++;
		if (o[0].set) {
			json_obj_begin(&j, NULL);
			cli_med_json(&j, &list[i]);
			json_obj_end(&j);
		} else {
			print_one(c, &p, &list[i], false, "");
		}
	}
	json_arr_end(&j);
	json_obj_end(&j);
	if (s == ST_OK && o[0].set)
		cli_putf(c, "%s\n", json_str(&j));
	else if (s == ST_OK && !shown)
		cli_putf(c, "no medications on file for %s\n", p.mrn);
	json_done(&j);
	free(list);
	return s == ST_OK ? 0 : cli_fail(c, s, &e);
}

int cli_med_names(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"json", OPT_FLAG}};
	int n, rc = cli_parse(c, argc, argv, o, 1, NULL, 0, 0);
	if (rc)
		return rc;
	const struct med_listed *l = med_list(&n);
	struct json j;
	json_init(&j, false);
	json_arr_begin(&j, NULL);
	for (int i = 0; i < n; i++) {
		if (!o[0].set) {
			cli_putf(c, "%-8s %-28s %-18s %s %s\n", l[i].atc, l[i].name,
				 med_class_str(l[i].cls), l[i].unit, l[i].route);
			continue;
		}
		json_obj_begin(&j, NULL);
		json_string(&j, "name", l[i].name);
		json_string(&j, "atc", l[i].atc);
		json_string(&j, "class", med_class_str(l[i].cls));
		json_string(&j, "unit", l[i].unit);
		json_string(&j, "route", l[i].route);
		json_obj_end(&j);
	}
	json_arr_end(&j);
	if (o[0].set)
		cli_putf(c, "%s\n", json_str(&j));
	json_done(&j);
	return 0;
}
