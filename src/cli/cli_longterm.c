/* cli_longterm.c: long-term follow-up on the command line — hepadesk
 * contact add|void records or voids a survival contact, events shows a
 * patient's event history with time-to-event data, longterm due lists the
 * survival contacts and HCC surveillance due, and the dashboard's long-term
 * section. */
#include "cli_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "json.h"
#include "longterm.h"
#include "store_longterm.h"
#include "text.h"
#include "uc_longterm.h"
#include "util.h"

#define DUE_MAX 200

static const char *day_or_null(day_t d, char *buf)
{
	return d == DAY_NONE ? NULL : date_format(d, buf);
}

static void contact_json(struct json *j, const struct lt_contact *k)
{
	char d[16];
	json_obj_begin(j, NULL);
	json_int(j, "id", k->id);
	json_string(j, "date", date_format(k->date, d));
	json_string(j, "scheduled", *k->item_label ? k->item_label : NULL);
	json_bool(j, "phone", k->phone);
	json_string(j, "vital", k->dead ? "dead" : "alive");
	json_string(j, "death_date", day_or_null(k->death_date, d));
	json_string(j, "cause", k->dead ? k->cause : NULL);
	json_string(j, "transplant", k->transplant == FIND_NA ? NULL : finding_str(k->transplant));
	json_string(j, "transplant_date", day_or_null(k->transplant_date, d));
	json_string(j, "hcc", k->hcc == FIND_NA ? NULL : finding_str(k->hcc));
	json_string(j, "hcc_date", day_or_null(k->hcc_date, d));
	json_arr_begin(j, "decompensation");
	for (int i = 0; i < LT_DECOMP_COUNT; i++)
		if (k->decomp[i])
			json_string(j, NULL, lt_decomp_str((enum lt_decomp)i));
	json_arr_end(j);
	json_string(j, "decompensation_date", day_or_null(k->decomp_date, d));
	if (k->admissions >= 0)
		json_int(j, "admissions", k->admissions);
	else
		json_null(j, "admissions");
	json_string(j, "note", k->note);
	json_string(j, "recorded_by", k->recorded_by);
	json_string(j, "voided", *k->void_reason ? k->void_reason : NULL);
	json_string(j, "corrected", *k->correction_reason ? k->correction_reason : NULL);
	json_int(j, "version", k->version);
	json_obj_end(j);
}

static void history_json(struct json *j, const struct lt_history *h)
{
	char d[16];
	json_string(j, "origin", day_or_null(h->origin, d));
	json_string(j, "last_contact", day_or_null(h->last_contact, d));
	json_arr_begin(j, "events");
	for (int i = 0; i < h->nevents; i++) {
		const struct lt_event *ev = &h->events[i];
		json_obj_begin(j, NULL);
		json_string(j, "date", date_format(ev->date, d));
		json_string(j, "event", lt_event_str(ev->kind));
		json_string(j, "source", ev->source);
		if (ev->source_id)
			json_int(j, "source_id", ev->source_id);
		json_string(j, "detail", ev->detail);
		json_obj_end(j);
	}
	json_arr_end(j);
	json_obj_begin(j, "time_to_event");
	for (int k = 0; k < LT_ENDPOINTS; k++) {
		const struct lt_tte *t = &h->tte[k];
		json_obj_begin(j, lt_event_str(t->endpoint));
		json_bool(j, "event", t->event);
		json_string(j, "date", day_or_null(t->date, d));
		if (t->days >= 0)
			json_int(j, "days", t->days);
		else
			json_null(j, "days");
		json_string(j, "censored", t->event || t->date == DAY_NONE ? NULL : "last contact");
		json_obj_end(j);
	}
	json_obj_end(j);
}

void cli_longterm_json(struct json *j, const struct uc_longterm *lt)
{
	char d[16];
	json_obj_begin(j, "longterm");
	json_obj_begin(j, "status");
	json_string(j, "state", pstate_str(lt->status.state));
	json_string(j, "since", day_or_null(lt->status.id ? lt->status.date : DAY_NONE, d));
	json_obj_end(j);
	json_arr_begin(j, "contacts");
	for (int i = 0; i < lt->ncontacts; i++)
		contact_json(j, &lt->contacts[i]);
	json_arr_end(j);
	json_arr_begin(j, "schedule");
	for (int i = 0; i < lt->nitems; i++) {
		const struct lt_item *it = &lt->items[i];
		json_obj_begin(j, NULL);
		json_string(j, "label", it->label);
		json_string(j, "kind", lt_kind_str(it->kind));
		json_string(j, "due", date_format(it->due, d));
		json_int(j, "window_days", it->window_days);
		json_string(j, "state", sched_state_str(it->state));
		json_obj_end(j);
	}
	json_arr_end(j);
	history_json(j, &lt->history);
	json_obj_end(j);
}

static void history_text(struct cli *c, const struct lt_history *h)
{
	char a[16], b[16];
	cli_putf(c, "origin (first infusion): %s; last contact: %s\n",
		 h->origin == DAY_NONE ? "none" : date_format(h->origin, a),
		 h->last_contact == DAY_NONE ? "none" : date_format(h->last_contact, b));
	if (!h->nevents)
		cli_put(c, "no event recorded\n");
	for (int i = 0; i < h->nevents; i++) {
		const struct lt_event *ev = &h->events[i];
		cli_putf(c, "  %s  %-19s %s%s(%s", date_format(ev->date, a),
			 lt_event_label(ev->kind), ev->detail, *ev->detail ? " " : "", ev->source);
		if (ev->source_id)
			cli_putf(c, " %lld", (long long)ev->source_id);
		cli_put(c, ")\n");
	}
	cli_put(c, h->origin == DAY_NONE ? "time to event: none until the first infusion\n"
					 : "time to event:\n");
	for (int k = 0; k < LT_ENDPOINTS; k++) {
		const struct lt_tte *t = &h->tte[k];
		if (t->date == DAY_NONE && h->origin == DAY_NONE)
			continue;
		if (t->date == DAY_NONE) {
			cli_putf(c, "  %-16s no follow-up yet\n", lt_event_label(t->endpoint));
			continue;
		}
		cli_putf(c, "  %-16s %s %s", lt_event_label(t->endpoint),
			 t->event ? "event" : "censored", date_format(t->date, a));
		if (t->days >= 0)
			cli_putf(c, " (day %d)", t->days);
		cli_put(c, "\n");
	}
}

void cli_longterm_text(struct cli *c, const struct uc_longterm *lt)
{
	char a[16];
	int next = -1;
	for (int i = 0; i < lt->nitems && next < 0; i++)
		if (lt->items[i].state == SCHED_OPEN)
			next = i;
	cli_putf(c, "Long-term follow-up: %s", pstate_label(lt->status.state));
	if (lt->status.id)
		cli_putf(c, " since %s", date_format(lt->status.date, a));
	if (next >= 0)
		cli_putf(c, "\n  next: %s due %s", lt->items[next].label,
			 date_format(lt->items[next].due, a));
	cli_put(c, "\n");
	for (int i = 0; i < lt->ncontacts; i++) {
		const struct lt_contact *k = &lt->contacts[i];
		cli_putf(c, "  contact %lld %s%s: %s%s%s%s%s\n", (long long)k->id,
			 date_format(k->date, a), k->phone ? " (phone)" : "",
			 k->dead ? "dead" : "alive",
			 k->transplant == FIND_YES ? ", transplanted" : "",
			 k->hcc == FIND_YES ? ", new HCC" : "",
			 lt_contact_decompensated(k) ? ", decompensated" : "",
			 *k->void_reason ? " [voided]" : "");
	}
	history_text(c, &lt->history);
}

enum {
	O_DATE,
	O_VITAL,
	O_DEATH_DATE,
	O_CAUSE,
	O_TRANSPLANT,
	O_TRANSPLANT_DATE,
	O_HCC,
	O_HCC_DATE,
	O_DECOMP_DATE,
	O_ADMISSIONS,
	O_PHONE,
	O_NOTE,
	O_JSON,
	O_REASON,
	O_IF_VERSION,
	O_CLEAR,
	O_DECOMP, /* then one flag per decompensation event */
	O_N = O_DECOMP + LT_DECOMP_COUNT
};

static int finding_opt(struct cli *c, const struct cli_opt *o, enum finding *out)
{
	if (!o->set)
		return 0;
	bool yes = strcmp(o->value, "yes") == 0;
	if (!yes && strcmp(o->value, "no") != 0)
		return cli_usage(c, "%s: '%s' is not accepted; yes or no", o->name, o->value);
	*out = yes ? FIND_YES : FIND_NO;
	return 0;
}

static int date_opt(struct cli *c, const struct cli_opt *o, day_t today, day_t *out)
{
	struct err e = {""};
	if (!o->set)
		return 0;
	enum status s = date_parse_field(o->name, o->value, today, false, out, &e);
	return s == ST_OK ? 0 : cli_fail(c, s, &e);
}

/* The options into k: a new contact (every answer from the options, the
 * date today unless given) or a correction (k holds the stored contact;
 * only what is given changes, and an answer changed to alive or no drops
 * its date and cause). */
static int parse_contact(struct cli *c, struct cli_opt *o, struct lt_contact *k, day_t today,
			 bool correcting)
{
	int rc;
	if (!o[O_VITAL].set && !correcting)
		return cli_usage(c, "--vital is required (alive or dead)");
	if (o[O_VITAL].set && strcmp(o[O_VITAL].value, "dead") == 0) {
		k->dead = true;
	} else if (o[O_VITAL].set && strcmp(o[O_VITAL].value, "alive") == 0) {
		k->dead = false;
		k->death_date = DAY_NONE;
		k->cause[0] = '\0';
	} else if (o[O_VITAL].set) {
		return cli_usage(c, "vital: '%s' is not accepted; alive or dead", o[O_VITAL].value);
	}
	if (!correcting)
		k->date = today;
	if (o[O_TRANSPLANT].set && strcmp(o[O_TRANSPLANT].value, "no") == 0)
		k->transplant_date = DAY_NONE;
	if (o[O_HCC].set && strcmp(o[O_HCC].value, "no") == 0)
		k->hcc_date = DAY_NONE;
	if ((rc = date_opt(c, &o[O_DATE], today, &k->date)) ||
	    (rc = date_opt(c, &o[O_DEATH_DATE], today, &k->death_date)) ||
	    (rc = date_opt(c, &o[O_TRANSPLANT_DATE], today, &k->transplant_date)) ||
	    (rc = date_opt(c, &o[O_HCC_DATE], today, &k->hcc_date)) ||
	    (rc = date_opt(c, &o[O_DECOMP_DATE], today, &k->decomp_date)) ||
	    (rc = finding_opt(c, &o[O_TRANSPLANT], &k->transplant)) ||
	    (rc = finding_opt(c, &o[O_HCC], &k->hcc)))
		return rc;
	if (o[O_ADMISSIONS].set) {
		const struct lt_limit *l = lt_limit(LT_LIM_ADMISSIONS);
		long n;
		if (!parse_long(o[O_ADMISSIONS].value, l->min, l->max, &n))
			return cli_usage(c, "admissions: '%s' is %sout of range; accepted %d-%d %s",
					 o[O_ADMISSIONS].value, cli_nan(o[O_ADMISSIONS].value),
					 l->min, l->max, l->unit);
		k->admissions = (int)n;
	}
	for (int i = 0; i < LT_DECOMP_COUNT; i++)
		k->decomp[i] = k->decomp[i] || o[O_DECOMP + i].set;
	k->phone = k->phone || o[O_PHONE].set;
	if (o[O_CAUSE].set)
		strlcpy_(k->cause, o[O_CAUSE].value, sizeof k->cause);
	if (o[O_NOTE].set)
		strlcpy_(k->note, o[O_NOTE].value, sizeof k->note);
	if ((o[O_CAUSE].set && strlen(o[O_CAUSE].value) > LT_CAUSE_MAX) ||
	    (o[O_NOTE].set && strlen(o[O_NOTE].value) > LT_NOTE_MAX))
		return cli_usage(c, "cause: at most %d characters; note: at most %d", LT_CAUSE_MAX,
				 LT_NOTE_MAX);
	return 0;
}

/* A decompensation event's option name: its code with '-' for '_'. */
static const char *decomp_flag(int i)
{
	static char flags[LT_DECOMP_COUNT][32];
	if (!flags[i][0]) {
		strlcpy_(flags[i], lt_decomp_str((enum lt_decomp)i), sizeof flags[i]);
		for (char *p = flags[i]; *p; p++)
			if (*p == '_')
				*p = '-';
	}
	return flags[i];
}

static void contact_opts(struct cli_opt *o)
{
	static const struct cli_opt base[O_DECOMP] = {{"date", OPT_VALUE},
						      {"vital", OPT_VALUE},
						      {"death-date", OPT_VALUE},
						      {"cause", OPT_VALUE},
						      {"transplant", OPT_VALUE},
						      {"transplant-date", OPT_VALUE},
						      {"hcc", OPT_VALUE},
						      {"hcc-date", OPT_VALUE},
						      {"decompensation-date", OPT_VALUE},
						      {"admissions", OPT_VALUE},
						      {"phone", OPT_FLAG},
						      {"note", OPT_VALUE},
						      {"json", OPT_FLAG},
						      {"reason", OPT_VALUE},
						      {"if-version", OPT_VALUE},
						      {"clear", OPT_VALUE}};
	memcpy(o, base, sizeof base);
	for (int i = 0; i < LT_DECOMP_COUNT; i++)
		o[O_DECOMP + i] = (struct cli_opt){decomp_flag(i), OPT_FLAG, NULL, false};
}

int cli_contact_add(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[O_N];
	const char *pos[1];
	struct err e = {""};
	struct patient p;
	struct lt_contact k;
	char a[16];
	contact_opts(o);
	int rc = cli_parse(c, argc, argv, o, O_N, pos, 1, 1);
	if (rc)
		return rc;
	if (o[O_REASON].set || o[O_IF_VERSION].set || o[O_CLEAR].set)
		return cli_usage(c, "--reason, --if-version and --clear go with contact correct");
	lt_contact_init(&k);
	day_t today = app_today(c->app);
	if ((rc = parse_contact(c, o, &k, today, false)))
		return rc;
	enum status s = store_patient_by_mrn(c->app->st, pos[0], &p, &e);
	k.patient_id = p.id;
	if (s == ST_OK)
		s = store_contact_add(c->app->st, &k, today, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	if (o[O_JSON].set) {
		struct json j;
		json_init(&j, false);
		contact_json(&j, &k);
		cli_putf(c, "%s\n", json_str(&j));
		json_done(&j);
		return 0;
	}
	cli_putf(c, "contact %lld of %s on %s recorded%s%s%s: %s\n", (long long)k.id, p.mrn,
		 date_format(k.date, a), *k.item_label ? " (" : " (unscheduled", k.item_label, ")",
		 k.dead ? "dead" : "alive");
	if (k.transplant == FIND_YES)
		cli_putf(c, "status: transplanted on %s\n", date_format(k.transplant_date, a));
	if (k.dead)
		cli_putf(c, "status: deceased on %s (%s); the schedule is closed\n",
			 date_format(k.death_date, a), k.cause);
	return 0;
}

/* --clear: what a correction empties (comma-separated): phone, transplant,
 * hcc, admissions, note, each decompensation event or decompensation (all
 * of them). */
static int clear_fields(struct cli *c, const char *list, struct lt_contact *k)
{
	char buf[256], *save = NULL;
	strlcpy_(buf, list, sizeof buf);
	for (char *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		bool known = true, all = strcmp(t, "decompensation") == 0;
		if (strcmp(t, "phone") == 0)
			k->phone = false;
		else if (strcmp(t, "transplant") == 0)
			k->transplant = FIND_NA, k->transplant_date = DAY_NONE;
		else if (strcmp(t, "hcc") == 0)
			k->hcc = FIND_NA, k->hcc_date = DAY_NONE;
		else if (strcmp(t, "admissions") == 0)
			k->admissions = -1;
		else if (strcmp(t, "note") == 0)
			k->note[0] = '\0';
		else
			known = all;
		for (int i = 0; i < LT_DECOMP_COUNT; i++)
			if (all || strcmp(t, decomp_flag(i)) == 0)
				k->decomp[i] = false, known = true;
		if (!known)
			return cli_usage(
			    c,
			    "clear: '%.40s' is not accepted; phone, transplant, hcc, "
			    "admissions, note, decompensation or one event "
			    "(variceal-bleeding, sbp, he-admission, refractory-ascites, "
			    "hrs)",
			    t);
	}
	if (!lt_contact_decompensated(k))
		k->decomp_date = DAY_NONE;
	return 0;
}

/* MRN and contact number into p and k (the stored contact; its version
 * replaced by --if-version when given). */
static int named(struct cli *c, const char *mrn, const char *num, const struct cli_opt *ifv,
		 struct patient *p, struct lt_contact *k)
{
	struct err e = {""};
	long id, v = 0;
	memset(p, 0, sizeof *p);
	lt_contact_init(k);
	if (!parse_long(num, 1, INT32_MAX, &id))
		return cli_usage(c, "contact: '%s' is not a contact number (hepadesk events MRN)",
				 num);
	if (ifv->set && !parse_long(ifv->value, 1, 1000000000L, &v))
		return cli_usage(c, "if-version: '%s' is not a version number", ifv->value);
	enum status s = store_patient_by_mrn(c->app->st, mrn, p, &e);
	if (s == ST_OK)
		s = store_contact_get(c->app->st, p->id, id, k, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	if (ifv->set)
		k->version = v;
	return 0;
}

static void contact_done(struct cli *c, const struct patient *p, const struct lt_contact *k,
			 bool json, const char *what)
{
	char a[16];
	if (json) {
		struct json j;
		json_init(&j, false);
		contact_json(&j, k);
		cli_putf(c, "%s\n", json_str(&j));
		json_done(&j);
		return;
	}
	cli_putf(c, "contact %lld of %s on %s %s (version %lld): %s%s%s%s\n", (long long)k->id,
		 p->mrn, date_format(k->date, a), what, (long long)k->version,
		 k->dead ? "dead" : "alive", k->transplant == FIND_YES ? ", transplanted" : "",
		 k->hcc == FIND_YES ? ", new HCC" : "",
		 lt_contact_decompensated(k) ? ", decompensated" : "");
}

int cli_contact_correct(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[O_N];
	const char *pos[2];
	struct err e = {""};
	struct patient p;
	struct lt_contact k;
	contact_opts(o);
	int rc = cli_parse(c, argc, argv, o, O_N, pos, 2, 2);
	if (rc)
		return rc;
	if (!o[O_REASON].set)
		return cli_usage(c, "--reason is required (why the contact is corrected)");
	day_t today = app_today(c->app);
	if ((rc = named(c, pos[0], pos[1], &o[O_IF_VERSION], &p, &k)) ||
	    (o[O_CLEAR].set && (rc = clear_fields(c, o[O_CLEAR].value, &k))) ||
	    (rc = parse_contact(c, o, &k, today, true)))
		return rc;
	enum status s = store_contact_correct(c->app->st, &k, o[O_REASON].value, today, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	contact_done(c, &p, &k, o[O_JSON].set, "corrected");
	return 0;
}

int cli_contact_void(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"reason", OPT_VALUE}, {"if-version", OPT_VALUE}, {"json", OPT_FLAG}};
	const char *pos[2];
	struct err e = {""};
	struct patient p;
	struct lt_contact k;
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 2, 2);
	if (rc || (rc = named(c, pos[0], pos[1], &o[1], &p, &k)))
		return rc;
	enum status s =
	    store_contact_void(c->app->st, p.id, k.id, k.version, o[0].set ? o[0].value : "", &e);
	if (s == ST_OK)
		s = store_contact_get(c->app->st, p.id, k.id, &k, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	if (o[2].set) {
		contact_done(c, &p, &k, true, "voided");
		return 0;
	}
	cli_putf(c, "contact %lld of %s voided; a status it recorded stays (hepadesk status)\n",
		 (long long)k.id, p.mrn);
	return 0;
}

int cli_events(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"json", OPT_FLAG}};
	const char *pos[1];
	struct err e = {""};
	struct patient p;
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 1, 1);
	if (rc)
		return rc;
	struct uc_longterm *lt = xcalloc(1, sizeof *lt);
	enum status s = store_patient_by_mrn(c->app->st, pos[0], &p, &e);
	if (s == ST_OK)
		s = store_patient_viewed(c->app->st, p.id, "events", &e);
	if (s == ST_OK)
		s = uc_longterm_load(c->app->st, p.id, lt, &e);
	if (s != ST_OK) {
		rc = cli_fail(c, s, &e);
	} else if (o[0].set) {
		struct json j;
		json_init(&j, false);
		json_obj_begin(&j, NULL);
		json_string(&j, "mrn", p.mrn);
		cli_longterm_json(&j, lt);
		json_obj_end(&j);
		cli_putf(c, "%s\n", json_str(&j));
		json_done(&j);
	} else {
		cli_putf(c, "%s  ", p.mrn);
		cli_longterm_text(c, lt);
	}
	free(lt);
	return rc;
}

int cli_longterm_due(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"date", OPT_VALUE}, {"json", OPT_FLAG}};
	struct err e = {""};
	struct lt_due_row *rows = xcalloc(DUE_MAX, sizeof *rows);
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), NULL, 0, 0);
	day_t day = app_today(c->app);
	struct json j;
	json_init(&j, false);
	json_obj_begin(&j, NULL);
	if (!rc && o[0].set) {
		enum status s = date_parse_field("date", o[0].value, day, true, &day, &e);
		if (s != ST_OK)
			rc = cli_fail(c, s, &e);
	}
	for (int k = LT_CONTACT; !rc && k <= LT_HCC; k++) {
		int n = 0;
		int64_t count = 0;
		char a[16];
		enum status s =
		    store_lt_due(c->app->st, (enum lt_kind)k, day, rows, DUE_MAX, &n, &count, &e);
		if (s != ST_OK) {
			rc = cli_fail(c, s, &e);
			break;
		}
		const char *name = k == LT_CONTACT ? "survival_contacts" : "hcc_surveillance";
		json_arr_begin(&j, name);
		if (!o[1].set)
			cli_putf(c, "%s due (%lld):\n",
				 k == LT_CONTACT ? "Survival contacts" : "HCC surveillance",
				 (long long)count);
		for (int i = 0; i < n; i++) {
			const struct lt_due_row *r = &rows[i];
			int late = day - (r->item.due + r->item.window_days);
			json_obj_begin(&j, NULL);
			json_string(&j, "mrn", r->mrn);
			json_string(&j, "name", r->name);
			json_string(&j, "label", r->item.label);
			json_string(&j, "due", date_format(r->item.due, a));
			json_int(&j, "days_overdue", late > 0 ? late : 0);
			json_obj_end(&j);
			char padded[192];
			if (!o[1].set) /* padded by display width: accents, CJK */
				cli_putf(c, "  %-10s %s %-14s due %s%s\n", r->mrn,
					 text_pad(r->name, 24, padded, sizeof padded),
					 r->item.label, date_format(r->item.due, a),
					 late > 0 ? " OVERDUE" : "");
		}
		json_arr_end(&j);
	}
	json_obj_end(&j);
	if (!rc && o[1].set)
		cli_putf(c, "%s\n", json_str(&j));
	json_done(&j);
	free(rows);
	return rc;
}
