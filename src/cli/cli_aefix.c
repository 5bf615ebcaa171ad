/* cli_aefix.c: an adverse event's details corrected with a reason
 * (`ae correct`): the checks of ae add, the seriousness rules, the version
 * read, both versions audited; an event voided with a reason (`ae void`)
 * and every event of a patient, voided ones marked (`ae list`). */
#include "cli_int.h"

#include <stdlib.h>
#include <string.h>

#include "ae.h"
#include "json.h"
#include "sae.h"
#include "store_aefix.h"
#include "store_followup.h"
#include "uc_ae.h"
#include "util.h"
#include "visit.h"

#define AE_LIST_MAX 1000

enum {
	F_TERM,
	F_GRADE,
	F_ONSET,
	F_RELATION,
	F_SERIOUS,
	F_CRITERIA,
	F_REASON,
	F_VERSION,
	F_CONFIRM,
	F_N
};

/* The stored event with the options applied. */
static enum status corrected(struct cli *c, const struct cli_opt *o, struct ae *a, struct err *e)
{
	enum status s = ST_OK;
	if (o[F_TERM].set)
		s = ae_check_term(o[F_TERM].value, a->term, sizeof a->term, &a->term_listed, e);
	if (s == ST_OK && o[F_GRADE].set)
		s = ae_check_grade(o[F_GRADE].value, &a->grade, e);
	if (s == ST_OK && o[F_ONSET].set)
		s = visit_parse_time("onset", o[F_ONSET].value, c->app->cfg.tz_offset_minutes * 60,
				     c->app->clock(), &a->onset_at, &a->onset, e);
	if (s == ST_OK && o[F_RELATION].set &&
	    !ae_relation_parse(o[F_RELATION].value, &a->relation))
		return err_set(e, ST_INVALID,
			       "relation: '%.20s' is not accepted; unrelated, unlikely, possible, "
			       "probable or definite",
			       o[F_RELATION].value);
	if (s == ST_OK && o[F_SERIOUS].set) {
		if (strcmp(o[F_SERIOUS].value, "yes") != 0 && strcmp(o[F_SERIOUS].value, "no") != 0)
			return err_set(e, ST_INVALID, "serious: '%.20s' is not accepted; yes or no",
				       o[F_SERIOUS].value);
		a->serious = strcmp(o[F_SERIOUS].value, "yes") == 0;
	}
	if (s == ST_OK && o[F_CRITERIA].set)
		s = ae_criteria_parse(o[F_CRITERIA].value, &a->criteria, e);
	return s;
}

int cli_ae_correct(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[F_N] = {
	    [F_TERM] = {"term", OPT_VALUE},	  [F_GRADE] = {"grade", OPT_VALUE},
	    [F_ONSET] = {"onset", OPT_VALUE},	  [F_RELATION] = {"relation", OPT_VALUE},
	    [F_SERIOUS] = {"serious", OPT_VALUE}, [F_CRITERIA] = {"criteria", OPT_VALUE},
	    [F_REASON] = {"reason", OPT_VALUE},	  [F_VERSION] = {"if-version", OPT_VALUE},
	    [F_CONFIRM] = {"confirm", OPT_FLAG}};
	struct protocol proto;
	struct sae_due due[2];
	int ndue = 0;
	const char *pos[2];
	struct err e = {""};
	struct patient p;
	struct ae a;
	long id = 0, version = 0;
	char d[20];
	int rc = cli_parse(c, argc, argv, o, F_N, pos, 2, 2);
	if (rc)
		return rc;
	if (!o[F_REASON].set)
		return cli_usage(c, "--reason is required: say why the adverse event is corrected");
	bool any = false;
	for (int i = F_TERM; i <= F_CRITERIA; i++)
		any = any || o[i].set;
	if (!any)
		return cli_usage(c, "give at least one detail to correct (e.g. --grade 2)");
	if (!parse_long(pos[1], 1, INT32_MAX, &id))
		return cli_usage(c, "event '%.24s': the event's number (see hepadesk dashboard)",
				 pos[1]);
	if (o[F_VERSION].set && !parse_long(o[F_VERSION].value, 1, 2147483647L, &version))
		return cli_usage(c, "--if-version '%.24s': the version the event was read at",
				 o[F_VERSION].value);
	if ((rc = cli_protocol(c, &proto, NULL)))
		return rc;
	enum status s = store_patient_by_mrn(c->app->st, pos[0], &p, &e);
	if (s == ST_OK)
		s = store_ae_get(c->app->st, p.id, id, &a, &e);
	if (s == ST_OK && version)
		a.version = version;
	if (s == ST_OK)
		s = corrected(c, o, &a, &e);
	if (s == ST_OK)
		s = uc_ae_correct(c->app->st, &proto, &a, o[F_REASON].value, o[F_CONFIRM].set, due,
				  &ndue, &e);
	if (s == ST_CONFIRM)
		return cli_usage(c, "%s (add --confirm to accept)", e.msg);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	cli_putf(c,
		 "corrected adverse event %ld of %s: %s grade %d, onset %s, %s, now version %lld\n",
		 id, p.mrn, a.term, a.grade,
		 visit_format_time(a.onset_at, c->app->cfg.tz_offset_minutes * 60, d),
		 a.serious ? "SERIOUS" : "not serious", (long long)a.version);
	return 0;
}

static void ae_row_json(struct json *j, const char *key, const struct ae *a, int tz)
{
	char d[20];
	json_obj_begin(j, key);
	json_int(j, "id", a->id);
	json_int(j, "version", a->version);
	json_string(j, "term", a->term);
	json_int(j, "grade", a->grade);
	json_string(j, "onset_at", visit_format_time(a->onset_at, tz, d));
	json_bool(j, "serious", a->serious);
	json_string(j, "relation", ae_relation_str(a->relation));
	json_string(j, "outcome", ae_outcome_str(a->outcome));
	json_bool(j, "voided", a->voided);
	json_string(j, "void_reason", a->voided ? a->void_reason : NULL);
	json_obj_end(j);
}

int cli_ae_void(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"reason", OPT_VALUE}, {"if-version", OPT_VALUE}, {"json", OPT_FLAG}};
	const char *pos[2];
	struct err e = {""};
	struct patient p;
	struct ae a;
	long id = 0, version = 0;
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 2, 2);
	if (rc)
		return rc;
	if (!o[0].set)
		return cli_usage(c, "--reason is required: say why the adverse event is voided");
	if (!parse_long(pos[1], 1, INT32_MAX, &id))
		return cli_usage(c, "event '%.24s': the event's number (see hepadesk ae list)",
				 pos[1]);
	if (o[1].set && !parse_long(o[1].value, 1, 2147483647L, &version))
		return cli_usage(c, "--if-version '%.24s': the version the event was read at",
				 o[1].value);
	enum status s = store_patient_by_mrn(c->app->st, pos[0], &p, &e);
	if (s == ST_OK)
		s = store_ae_void(c->app->st, p.id, id, version, o[0].value, &a, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	if (o[2].set) {
		struct json j;
		json_init(&j, false);
		json_obj_begin(&j, NULL);
		json_string(&j, "mrn", p.mrn);
		ae_row_json(&j, "adverse_event", &a, c->app->cfg.tz_offset_minutes * 60);
		json_obj_end(&j);
		cli_putf(c, "%s\n", json_str(&j));
		json_done(&j);
		return 0;
	}
	cli_putf(c, "voided adverse event %ld of %s (%s grade %d): %s\n", id, p.mrn, a.term,
		 a.grade, a.void_reason);
	return 0;
}

static int tz_of(const struct cli *c)
{
	return c->app->cfg.tz_offset_minutes * 60;
}

static enum status ae_load(struct store *st, int64_t patient_id, void *out, int max, int *n,
			   struct err *e)
{
	return store_ae_rows(st, patient_id, out, max, n, e);
}

static void ae_list_json(struct cli *c, struct json *j, const void *row)
{
	ae_row_json(j, NULL, row, tz_of(c));
}

static void ae_list_text(struct cli *c, const void *row)
{
	const struct ae *a = row;
	char d[20];
	cli_putf(c, "%6lld  %s  %-30.30s grade %d %-11s v%lld%s%s\n", (long long)a->id,
		 visit_format_time(a->onset_at, tz_of(c), d), a->term, a->grade,
		 a->serious ? "SERIOUS" : "", (long long)a->version, a->voided ? "  VOIDED: " : "",
		 a->voided ? a->void_reason : "");
}

static const struct cli_rows_kind ae_rows = {
    .noun = "adverse event",
    .list = "ae list",
    .size = sizeof(struct ae),
    .load = ae_load,
    .json = ae_list_json,
    .text = ae_list_text,
};

int cli_ae_list(struct cli *c, int argc, char **argv)
{
	return cli_list_rows(c, argc, argv, &ae_rows);
}
