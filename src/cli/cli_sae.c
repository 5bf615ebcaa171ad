/* cli_sae.c: serious adverse events on their reporting clock — hepadesk sae
 * lists the open reports with the time left; sae report records one made. */
#include "cli_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "sae.h"
#include "store_sae.h"
#include "util.h"
#include "visit.h"

#define SAE_LIST_MAX 200

static void list_json(struct cli *c, const struct sae_report *r, int n, int64_t now)
{
	struct json j;
	json_init(&j, false);
	json_obj_begin(&j, NULL);
	json_arr_begin(&j, "open");
	for (int i = 0; i < n; i++) {
		json_obj_begin(&j, NULL);
		json_int(&j, "report", r[i].id);
		json_string(&j, "mrn", r[i].mrn);
		json_int(&j, "event", r[i].ae_id);
		json_string(&j, "term", r[i].term);
		json_int(&j, "grade", r[i].grade);
		json_string(&j, "kind", sae_kind_str(r[i].kind));
		json_int(&j, "aware_at", r[i].aware_at);
		json_int(&j, "due_at", r[i].due_at);
		json_int(&j, "seconds_left", r[i].due_at - now);
		json_bool(&j, "overdue", r[i].due_at < now);
		json_obj_end(&j);
	}
	json_arr_end(&j);
	json_obj_end(&j);
	cli_putf(c, "%s\n", json_str(&j));
	json_done(&j);
}

int cli_sae(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"json", OPT_FLAG}};
	struct err e = {""};
	struct sae_report *r = xcalloc(SAE_LIST_MAX, sizeof *r);
	int n = 0, rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), NULL, 0, 0);
	if (rc)
		goto out;
	enum status s = store_sae_open(c->app->st, r, SAE_LIST_MAX, &n, &e);
	if (s != ST_OK) {
		rc = cli_fail(c, s, &e);
		goto out;
	}
	int64_t now = store_now(c->app->st);
	if (o[0].set) {
		list_json(c, r, n, now);
		goto out;
	}
	if (!n)
		cli_put(c, "no serious adverse event report is open\n");
	int tz = c->app->cfg.tz_offset_minutes * 60;
	for (int i = 0; i < n; i++) {
		char due[20], aware[20], left[48];
		sae_time_left(r[i].due_at, now, left, sizeof left);
		cli_putf(c, "report %lld  %s  %s grade %d (event %lld): %s due %s, aware %s — %s\n",
			 (long long)r[i].id, r[i].mrn, r[i].term, r[i].grade, (long long)r[i].ae_id,
			 sae_kind_label(r[i].kind), visit_format_time(r[i].due_at, tz, due),
			 visit_format_time(r[i].aware_at, tz, aware), left);
	}
out:
	free(r);
	return rc;
}

int cli_sae_report(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"at", OPT_VALUE}, {"to", OPT_VALUE}, {"ref", OPT_VALUE}};
	const char *pos[1];
	struct err e = {""};
	struct sae_report r = {0};
	long id;
	day_t day;
	char d[20];
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 1, 1);
	if (rc)
		return rc;
	if (!parse_long(pos[0], 1, INT32_MAX, &id))
		return cli_usage(c, "report '%s': the report's number (see hepadesk sae)", pos[0]);
	for (size_t i = 0; i < ARRAY_SIZE(o); i++)
		if (!o[i].set)
			return cli_usage(c, "--%s is required", o[i].name);
	int tz = c->app->cfg.tz_offset_minutes * 60;
	enum status s =
	    visit_parse_time("at", o[0].value, tz, c->app->clock(), &r.reported_at, &day, &e);
	r.id = id;
	strlcpy_(r.reported_to, o[1].value, sizeof r.reported_to);
	strlcpy_(r.reference, o[2].value, sizeof r.reference);
	if (s == ST_OK && (strlen(o[1].value) > SAE_TO_MAX || strlen(o[2].value) > SAE_REF_MAX))
		s = err_set(&e, ST_INVALID, "to: at most %d characters; ref: at most %d",
			    SAE_TO_MAX, SAE_REF_MAX);
	if (s == ST_OK)
		s = store_sae_report(c->app->st, &r, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	cli_putf(c, "report %lld (%s, %s %s) recorded: sent %s to %s, reference %s%s\n",
		 (long long)r.id, sae_kind_label(r.kind), r.mrn, r.term,
		 visit_format_time(r.reported_at, tz, d), r.reported_to, r.reference,
		 r.reported_at > r.due_at ? " (LATE)" : "");
	return 0;
}
