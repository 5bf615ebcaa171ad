/* cli_histology.c: `histology add|list|show|correct|void` — biopsy
 * histology, one record per biopsy, corrected or voided with a reason. */
#include "cli_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "histology.h"
#include "json.h"
#include "patient.h"
#include "store.h"
#include "store_histology.h"

#define BIOPSIES_MAX 200

/* Options of add and correct: the measures at O_M + i. */
enum {
	O_DATE,
	O_SITE,
	O_PATH,
	O_NOTE,
	O_CONFIRM,
	O_JSON,
	O_REASON,
	O_IF_VERSION,
	O_CLEAR,
	O_M,
	O_N = O_M + HISTO_COUNT
};

static void histo_opts(struct cli_opt *o)
{
	static const struct cli_opt defs[O_M] = {
	    {"date", OPT_VALUE},   {"site", OPT_VALUE},	      {"pathologist", OPT_VALUE},
	    {"note", OPT_VALUE},   {"confirm", OPT_FLAG},     {"json", OPT_FLAG},
	    {"reason", OPT_VALUE}, {"if-version", OPT_VALUE}, {"clear", OPT_VALUE}};
	memcpy(o, defs, sizeof defs);
	for (int i = 0; i < HISTO_COUNT; i++)
		o[O_M + i] = (struct cli_opt){histo_measure((enum histo_measure)i)->key, OPT_VALUE};
}

static enum status text_opt(const struct cli_opt *o, char *dst, size_t n, struct err *e)
{
	if (!o->set)
		return ST_OK;
	if (strlen(o->value) >= n)
		return err_set(e, ST_INVALID, "%s: at most %zu characters", o->name, n - 1);
	strlcpy_(dst, o->value, n);
	return ST_OK;
}

/* --clear NAME,...: measures no longer reported (correct only). */
static enum status clear(const char *list, struct histology *h, struct err *e)
{
	char *copy = xstrdup(list), *save = NULL;
	enum status s = ST_OK;
	for (char *w = strtok_r(copy, ",", &save); s == ST_OK && w;
	     w = strtok_r(NULL, ",", &save)) {
		int m = 0;
		while (m < HISTO_COUNT && strcmp(w, histo_measure((enum histo_measure)m)->key) != 0)
			m++;
		if (m == HISTO_COUNT)
			s = err_set(e, ST_INVALID,
				    "clear: '%s' is not a measure; accepted metavir, ishak, grade, "
				    "cpa, ki67, ck19",
				    w);
		else
			h->v[m] = NAN;
	}
	free(copy);
	return s;
}

static enum status fields(struct cli *c, const struct cli_opt *o, struct histology *h,
			  struct err *e)
{
	enum status s = ST_OK;
	if (o[O_DATE].set)
		s = date_parse_field("date", o[O_DATE].value, app_today(c->app), false, &h->date,
				     e);
	if (s == ST_OK)
		s = text_opt(&o[O_SITE], h->site, sizeof h->site, e);
	if (s == ST_OK)
		s = text_opt(&o[O_PATH], h->pathologist, sizeof h->pathologist, e);
	if (s == ST_OK)
		s = text_opt(&o[O_NOTE], h->note, sizeof h->note, e);
	if (s == ST_OK && o[O_CLEAR].set)
		s = clear(o[O_CLEAR].value, h, e);
	for (int i = 0; s == ST_OK && i < HISTO_COUNT; i++)
		if (o[O_M + i].set)
			s = histology_parse((enum histo_measure)i, o[O_M + i].value, &h->v[i], e);
	if (s == ST_OK)
		s = histology_validate(h, app_today(c->app), o[O_CONFIRM].set, e);
	return s;
}

void cli_histology_json(struct json *j, const struct histology *h)
{
	char d[16];
	json_int(j, "id", h->id);
	json_string(j, "date", date_format(h->date, d));
	json_string(j, "site", h->site);
	for (int i = 0; i < HISTO_COUNT; i++) {
		const struct histo_measure_info *mi = histo_measure((enum histo_measure)i);
		json_num(j, mi->key, h->v[i], mi->decimals);
	}
	json_string(j, "pathologist", h->pathologist);
	json_string(j, "note", h->note);
	json_bool(j, "voided", h->voided);
	json_string(j, "reason", *h->reason ? h->reason : NULL);
	json_string(j, "recorded_by", h->created_by);
	json_int(j, "version", h->version);
}

/* "F3 Ishak 4 A2 CPA 12.0 % Ki-67 4.0 % CK-19 6.0 %" */
void cli_histology_values(const struct histology *h, char *out, size_t n)
{
	size_t len = 0;
	char v[32];
	out[0] = '\0';
	for (int i = 0; i < HISTO_COUNT && len < n; i++) {
		if (isnan(h->v[i]))
			continue;
		const char *name = histo_measure((enum histo_measure)i)->short_label;
		len +=
		    (size_t)snprintf(out + len, n - len, "%s%s%s", len ? " " : "", name,
				     histology_format((enum histo_measure)i, h->v[i], v, sizeof v));
	}
}

static void print_one(struct cli *c, const struct patient *p, const struct histology *h, bool json,
		      const char *what)
{
	char d[16], vals[200];
	if (json) {
		struct json j;
		json_init(&j, false);
		json_obj_begin(&j, NULL);
		json_string(&j, "mrn", p->mrn);
		cli_histology_json(&j, h);
		json_obj_end(&j);
		cli_putf(c, "%s\n", json_str(&j));
		json_done(&j);
		return;
	}
	cli_histology_values(h, vals, sizeof vals);
	cli_putf(c, "%sbiopsy %lld of %s on %s%s (%s): %s; pathologist %s\n", what,
		 (long long)h->id, p->mrn, date_format(h->date, d), h->voided ? " [VOIDED]" : "",
		 h->site, vals, h->pathologist);
	if (*h->reason)
		cli_putf(c, "  %s: %s\n", h->voided ? "voided" : "corrected", h->reason);
	if (*h->note)
		cli_putf(c, "  note: %s\n", h->note);
}

static int done(struct cli *c, enum status s, const struct err *e, const struct patient *p,
		const struct histology *h, bool json, const char *what)
{
	if (s == ST_CONFIRM)
		return cli_usage(c, "%s (add --confirm to accept)", e->msg);
	if (s != ST_OK)
		return cli_fail(c, s, e);
	print_one(c, p, h, json, what);
	return 0;
}

int cli_histology_add(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[O_N];
	const char *pos[1];
	struct err e = {""};
	struct patient p = {0};
	struct histology h;
	histo_opts(o);
	int rc = cli_parse(c, argc, argv, o, O_N, pos, 1, 1);
	if (rc)
		return rc;
	static const int required[] = {O_DATE, O_SITE, O_PATH};
	for (size_t i = 0; i < ARRAY_SIZE(required); i++)
		if (!o[required[i]].set)
			return cli_usage(c, "--%s is required", o[required[i]].name);
	if (o[O_REASON].set || o[O_IF_VERSION].set || o[O_CLEAR].set)
		return cli_usage(c, "--reason, --if-version and --clear go with histology correct");
	histology_init(&h);
	enum status s = fields(c, o, &h, &e);
	if (s == ST_OK)
		s = store_patient_by_mrn(c->app->st, pos[0], &p, &e);
	if (s == ST_OK) {
		h.patient_id = p.id;
		s = store_histology_add(c->app->st, &h, &e);
	}
	return done(c, s, &e, &p, &h, o[O_JSON].set, "recorded ");
}

/* MRN and biopsy number into p and h (the version checked against
 * --if-version when given). */
static enum status named(struct cli *c, const char *mrn, const char *num, const struct cli_opt *ifv,
			 struct patient *p, struct histology *h, struct err *e)
{
	long id, v;
	if (!parse_long(num, 1, 1L << 40, &id))
		return err_set(e, ST_INVALID, "biopsy: '%s' is not a biopsy number", num);
	enum status s = store_patient_by_mrn(c->app->st, mrn, p, e);
	if (s == ST_OK)
		s = store_histology_get(c->app->st, p->id, id, h, e);
	if (s == ST_OK && ifv && ifv->set) {
		if (!parse_long(ifv->value, 1, 1000000000L, &v))
			return err_set(e, ST_INVALID, "if-version: '%s' is not a version number",
				       ifv->value);
		h->version = v;
	}
	return s;
}

int cli_histology_correct(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[O_N];
	const char *pos[2];
	struct err e = {""};
	struct patient p = {0};
	struct histology h;
	histo_opts(o);
	int rc = cli_parse(c, argc, argv, o, O_N, pos, 2, 2);
	if (rc)
		return rc;
	if (!o[O_REASON].set)
		return cli_usage(c, "--reason is required");
	histology_init(&h);
	enum status s = named(c, pos[0], pos[1], &o[O_IF_VERSION], &p, &h, &e);
	if (s == ST_OK)
		s = fields(c, o, &h, &e);
	if (s == ST_OK)
		s = store_histology_correct(c->app->st, &h, o[O_REASON].value, &e);
	return done(c, s, &e, &p, &h, o[O_JSON].set, "corrected ");
}

int cli_histology_void(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"reason", OPT_VALUE}, {"if-version", OPT_VALUE}, {"json", OPT_FLAG}};
	const char *pos[2];
	struct err e = {""};
	struct patient p = {0};
	struct histology h;
	int rc = cli_parse(c, argc, argv, o, 3, pos, 2, 2);
	if (rc)
		return rc;
	if (!o[0].set)
		return cli_usage(c, "--reason is required");
	histology_init(&h);
	enum status s = named(c, pos[0], pos[1], &o[1], &p, &h, &e);
	if (s == ST_OK)
		s = store_histology_void(c->app->st, &h, o[0].value, &e);
	return done(c, s, &e, &p, &h, o[2].set, "voided ");
}

int cli_histology_show(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"json", OPT_FLAG}};
	const char *pos[2];
	struct err e = {""};
	struct patient p = {0};
	struct histology h;
	int rc = cli_parse(c, argc, argv, o, 1, pos, 2, 2);
	if (rc)
		return rc;
	histology_init(&h);
	enum status s = named(c, pos[0], pos[1], NULL, &p, &h, &e);
	return done(c, s, &e, &p, &h, o[0].set, "");
}

int cli_histology_list(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"json", OPT_FLAG}};
	const char *pos[1];
	struct err e = {""};
	struct patient p = {0};
	int n = 0, rc = cli_parse(c, argc, argv, o, 1, pos, 1, 1);
	if (rc)
		return rc;
	struct histology *list = xcalloc(BIOPSIES_MAX, sizeof *list);
	enum status s = store_patient_by_mrn(c->app->st, pos[0], &p, &e);
	if (s == ST_OK)
		s = store_histology_list(c->app->st, p.id, list, BIOPSIES_MAX, &n, &e);
	if (s == ST_OK && o[0].set) {
		struct json j;
		json_init(&j, false);
		json_obj_begin(&j, NULL);
		json_string(&j, "mrn", p.mrn);
		json_arr_begin(&j, "biopsies");
		for (int i = 0; i < n; i++) {
			json_obj_begin(&j, NULL);
			cli_histology_json(&j, &list[i]);
			json_obj_end(&j);
		}
		json_arr_end(&j);
		json_obj_end(&j);
		cli_putf(c, "%s\n", json_str(&j));
		json_done(&j);
	} else if (s == ST_OK) {
		cli_putf(c, "%s  %s: %d biops%s\n", p.mrn, p.name, n, n == 1 ? "y" : "ies");
		for (int i = 0; i < n; i++)
			print_one(c, &p, &list[i], false, "  ");
	}
	free(list);
	return s == ST_OK ? 0 : cli_fail(c, s, &e);
}
