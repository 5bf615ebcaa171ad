/* cli_qol.c: quality-of-life questionnaires on the command line — hepadesk
 * instrument install|list, qol MRN INSTRUMENT [--answers ...] records or
 * shows a patient's questionnaires, and the dashboard's questionnaire
 * section (domain scores trended). */
#include "cli_int.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "json.h"
#include "protocol.h"
#include "qol.h"
#include "store_qol.h"
#include "util.h"

#define QOL_LIST_MAX 64
#define INSTRUMENTS_MAX 32

/* A name the program ships ("symptoms", "cldq") or a path. */
static const char *instrument_path(const char *name)
{
	if (strcmp(name, "symptoms") == 0)
		return "assets/instruments/symptoms.ini";
	if (strcmp(name, "cldq") == 0)
		return "assets/instruments/cldq-structure.ini";
	return name;
}

int cli_instrument_install(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"texts", OPT_VALUE}};
	const char *pos[1];
	struct err e = {""};
	char *text = NULL, *texts = NULL, *full = NULL;
	struct qol_instrument *q = xcalloc(1, sizeof *q);
	int64_t id = 0;
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 1, 1);
	if (rc)
		goto out;
	const char *path = instrument_path(pos[0]);
	enum status s = protocol_read_text(path, &text, &e);
	if (s == ST_OK && o[0].set)
		s = protocol_read_text(o[0].value, &texts, &e);
	if (s == ST_OK && texts)
		s = qol_with_texts(text, texts, &full, &e);
	if (s == ST_OK)
		s = qol_parse(path, full ? full : text, q, &e);
	if (s == ST_INVALID && !texts && strstr(e.msg, "] text: required"))
		strlcpy_(e.msg + strlen(e.msg),
			 " (a licensed instrument: --texts FILE, the clinic's copy of its item "
			 "texts, one per line)",
			 sizeof e.msg - strlen(e.msg));
	if (s == ST_OK)
		s = store_instrument_install(c->app->st, q, full ? full : text, &id, &e);
	if (s != ST_OK) {
		rc = cli_fail(c, s, &e);
		goto out;
	}
	cli_putf(c, "installed %s %s (%s): %d items, %d domains, scale %d-%d, sha256 %.12s\n",
		 q->code, q->version, q->name, q->nitems, q->ndomains, q->min, q->max, q->hash);
out:
	free(full);
	free(texts);
	free(text);
	free(q);
	return rc;
}

int cli_instrument_list(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"json", OPT_FLAG}};
	struct err e = {""};
	struct qol_installed *r = xcalloc(INSTRUMENTS_MAX, sizeof *r);
	int n = 0, rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), NULL, 0, 0);
	enum status s = rc ? ST_OK : store_instrument_list(c->app->st, r, INSTRUMENTS_MAX, &n, &e);
	if (!rc && s != ST_OK)
		rc = cli_fail(c, s, &e);
	if (!rc && o[0].set) {
		struct json j;
		json_init(&j, false);
		json_arr_begin(&j, NULL);
		for (int i = 0; i < n; i++) {
			json_obj_begin(&j, NULL);
			json_string(&j, "code", r[i].code);
			json_string(&j, "name", r[i].name);
			json_string(&j, "version", r[i].version);
			json_string(&j, "sha256", r[i].hash);
			json_string(&j, "installed_by", r[i].installed_by);
			json_obj_end(&j);
		}
		json_arr_end(&j);
		cli_putf(c, "%s\n", json_str(&j));
		json_done(&j);
	} else if (!rc) {
		if (!n)
			cli_put(c,
				"no instrument installed (hepadesk instrument install symptoms)\n");
		for (int i = 0; i < n; i++)
			cli_putf(c, "%-10s %-8s %s (sha256 %.12s, by %s)\n", r[i].code,
				 r[i].version, r[i].name, r[i].hash, r[i].installed_by);
	}
	free(r);
	return rc;
}

static const char *domain_label(const struct qol_instrument *q, const char *id)
{
	for (int d = 0; d < q->ndomains; d++)
		if (strcmp(q->domains[d].id, id) == 0)
			return q->domains[d].label;
	return strcmp(id, "overall") == 0 ? "Overall" : id;
}

static void response_json(struct json *j, const struct qol_response *r)
{
	char d[16];
	json_obj_begin(j, NULL);
	json_int(j, "id", r->id);
	json_string(j, "instrument", r->code);
	json_string(j, "version", r->version);
	json_string(j, "date", date_format(r->date, d));
	json_string(j, "answers", r->answers);
	json_int(j, "answered", r->answered);
	json_obj_begin(j, "scores");
	for (int i = 0; i < r->scores.n; i++)
		json_num(j, r->scores.s[i].id, r->scores.s[i].score, 2);
	json_obj_end(j);
	json_string(j, "corrected", *r->correction_reason ? r->correction_reason : NULL);
	json_int(j, "version", r->version_no);
	json_obj_end(j);
}

static void response_text(struct cli *c, const struct qol_instrument *q,
			  const struct qol_response *r)
{
	char d[16];
	cli_putf(c, "%s %s on %s (%d of %d answered):\n", r->code, r->version,
		 date_format(r->date, d), r->answered, q->nitems);
	for (int i = 0; i < r->scores.n; i++) {
		const struct qol_score *s = &r->scores.s[i];
		if (isnan(s->score))
			cli_putf(c, "  %-32s not scored (%d of %d items answered)\n",
				 domain_label(q, s->id), s->answered, s->items);
		else
			cli_putf(c, "  %-32s %6.2f\n", domain_label(q, s->id), s->score);
	}
}

/* A questionnaire just stored: its JSON, or what was done and its scores. */
static void response_done(struct cli *c, const struct qol_instrument *q,
			  const struct qol_response *r, const struct patient *p, bool json,
			  const char *what)
{
	if (json) {
		struct json j;
		json_init(&j, false);
		response_json(&j, r);
		cli_putf(c, "%s\n", json_str(&j));
		json_done(&j);
		return;
	}
	cli_putf(c, "questionnaire %lld of %s %s (version %lld): ", (long long)r->id, p->mrn, what,
		 (long long)r->version_no);
	response_text(c, q, r);
}

static int qol_record(struct cli *c, const struct patient *p, const struct qol_installed *inst,
		      const struct qol_instrument *q, struct cli_opt *o)
{
	struct err e = {""};
	struct qol_response r = {.patient_id = p->id};
	int answers[QOL_ITEMS_MAX];
	day_t today = app_today(c->app);
	r.date = today;
	enum status s = ST_OK;
	if (o[1].set)
		s = date_parse_field("date", o[1].value, today, false, &r.date, &e);
	if (s == ST_OK)
		s = qol_parse_answers(q, o[0].value, answers, &e);
	if (s == ST_OK)
		s = store_qol_add(c->app->st, inst, q, answers, &r, today, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	response_done(c, q, &r, p, o[2].set, "recorded");
	return 0;
}

int cli_qol(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"answers", OPT_VALUE}, {"date", OPT_VALUE}, {"json", OPT_FLAG}};
	const char *pos[2];
	struct err e = {""};
	struct patient p;
	struct qol_installed inst;
	struct qol_instrument *q = xcalloc(1, sizeof *q);
	struct qol_response *r = NULL;
	int n = 0, rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 2, 2);
	if (rc)
		goto out;
	enum status s = store_patient_by_mrn(c->app->st, pos[0], &p, &e);
	if (s == ST_OK)
		s = store_instrument_get(c->app->st, pos[1], q, &inst, &e);
	if (s != ST_OK) {
		rc = cli_fail(c, s, &e);
		goto out;
	}
	if (o[0].set) {
		rc = qol_record(c, &p, &inst, q, o);
		goto out;
	}
	r = xcalloc(QOL_LIST_MAX, sizeof *r);
	s = store_patient_viewed(c->app->st, p.id, "questionnaires", &e);
	if (s == ST_OK)
		s = store_qol_list(c->app->st, p.id, q->code, r, QOL_LIST_MAX, &n, &e);
	if (s != ST_OK) {
		rc = cli_fail(c, s, &e);
	} else if (o[2].set) {
		struct json j;
		json_init(&j, false);
		json_arr_begin(&j, NULL);
		for (int i = 0; i < n; i++)
			response_json(&j, &r[i]);
		json_arr_end(&j);
		cli_putf(c, "%s\n", json_str(&j));
		json_done(&j);
	} else {
		if (!n)
			cli_putf(c, "no %s questionnaire for %s\n", q->code, p.mrn);
		for (int i = 0; i < n; i++)
			response_text(c, q, &r[i]);
	}
out:
	free(r);
	free(q);
	return rc;
}

/* MRN, questionnaire number and --if-version into p, *id and *version. */
static int named(struct cli *c, const char *mrn, const char *num, const struct cli_opt *ifv,
		 struct patient *p, long *id, long *version)
{
	struct err e = {""};
	*version = 0;
	*id = 0;
	memset(p, 0, sizeof *p);
	if (!parse_long(num, 1, INT32_MAX, id))
		return cli_usage(c, "questionnaire '%s': its number (hepadesk qol MRN INSTRUMENT)",
				 num);
	if (ifv->set && !parse_long(ifv->value, 1, 1000000000L, version))
		return cli_usage(c, "if-version: '%s' is not a version number", ifv->value);
	enum status s = store_patient_by_mrn(c->app->st, mrn, p, &e);
	return s == ST_OK ? 0 : cli_fail(c, s, &e);
}

int cli_qol_void(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"reason", OPT_VALUE}, {"if-version", OPT_VALUE}, {"json", OPT_FLAG}};
	const char *pos[2];
	struct err e = {""};
	struct patient p;
	long id, version;
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 2, 2);
	if (rc || (rc = named(c, pos[0], pos[1], &o[1], &p, &id, &version)))
		return rc;
	enum status s =
	    store_qol_void(c->app->st, p.id, id, version, o[0].set ? o[0].value : "", &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	if (o[2].set) {
		struct json j;
		json_init(&j, false);
		json_obj_begin(&j, NULL);
		json_int(&j, "id", id);
		json_string(&j, "mrn", p.mrn);
		json_string(&j, "voided", o[0].value);
		json_obj_end(&j);
		cli_putf(c, "%s\n", json_str(&j));
		json_done(&j);
		return 0;
	}
	cli_putf(c, "questionnaire %ld of %s voided; it is kept, no longer scored or trended\n", id,
		 p.mrn);
	return 0;
}

int cli_qol_correct(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"answers", OPT_VALUE},
			      {"date", OPT_VALUE},
			      {"reason", OPT_VALUE},
			      {"if-version", OPT_VALUE},
			      {"json", OPT_FLAG}};
	const char *pos[2];
	struct err e = {""};
	struct patient p;
	struct qol_response r;
	struct qol_instrument *q = xcalloc(1, sizeof *q);
	int answers[QOL_ITEMS_MAX];
	long id, version;
	day_t today = app_today(c->app);
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 2, 2);
	if (!rc && !o[2].set)
		rc = cli_usage(c, "--reason is required (why the questionnaire is corrected)");
	if (!rc && !o[0].set && !o[1].set)
		rc = cli_usage(c, "nothing to correct: give --answers or --date");
	if (rc || (rc = named(c, pos[0], pos[1], &o[3], &p, &id, &version)))
		goto out;
	enum status s = store_qol_get(c->app->st, p.id, id, &r, q, NULL, &e);
	if (s == ST_OK && version)
		r.version_no = version;
	if (s == ST_OK && o[1].set)
		s = date_parse_field("date", o[1].value, today, false, &r.date, &e);
	if (s == ST_OK)
		s = qol_parse_answers(q, o[0].set ? o[0].value : r.answers, answers, &e);
	if (s == ST_OK)
		s = store_qol_correct(c->app->st, q, answers, &r, o[2].value, today, &e);
	if (s != ST_OK) {
		rc = cli_fail(c, s, &e);
	} else {
		response_done(c, q, &r, &p, o[4].set, "corrected");
	}
out:
	free(q);
	return rc;
}

/* Each domain of each instrument the patient answered: every score by date,
 * the first and the newest, and the change. */
void cli_qol_json(struct json *j, struct store *st, int64_t patient_id)
{
	struct qol_response *r = xcalloc(QOL_LIST_MAX, sizeof *r);
	struct err e = {""};
	char d[16];
	int n = 0;
	json_arr_begin(j, "questionnaires");
	if (store_qol_list(st, patient_id, NULL, r, QOL_LIST_MAX, &n, &e) != ST_OK)
		n = 0;
	for (int i = 0; i < n; i++) {
		bool seen = false;
		for (int k = 0; k < i && !seen; k++)
			seen = strcmp(r[k].code, r[i].code) == 0;
		if (seen)
			continue;
		json_obj_begin(j, NULL);
		json_string(j, "instrument", r[i].code);
		json_arr_begin(j, "domains");
		for (int dom = 0; dom < r[i].scores.n; dom++) {
			const char *id = r[i].scores.s[dom].id;
			double first = NAN, last = NAN;
			json_obj_begin(j, NULL);
			json_string(j, "domain", id);
			json_arr_begin(j, "series");
			for (int k = i; k < n; k++) {
				if (strcmp(r[k].code, r[i].code) != 0 || dom >= r[k].scores.n)
					continue;
				double v = r[k].scores.s[dom].score;
				json_obj_begin(j, NULL);
				json_string(j, "date", date_format(r[k].date, d));
				json_num(j, "score", v, 2);
				json_obj_end(j);
				if (!isnan(v)) {
					first = isnan(first) ? v : first;
					last = v;
				}
			}
			json_arr_end(j);
			json_num(j, "baseline", first, 2);
			json_num(j, "latest", last, 2);
			json_num(j, "change", last - first, 2);
			json_obj_end(j);
		}
		json_arr_end(j);
		json_obj_end(j);
	}
	json_arr_end(j);
	free(r);
}
