/* cli_rows.c: what the commands over rows that are corrected and voided in
 * place share (lab results, imaging notes): the row's number, the void
 * command, the marks a listed row carries, and the list command. */
#include "cli_int.h"

#include <stdlib.h>

#include "json.h"
#include "util.h"

#define ROWS_MAX 2000

enum status cli_row_number(const char *text, const char *noun, const char *list, int64_t *id,
			   struct err *e)
{
	long v = 0;
	if (!parse_long(text, 1, 2147483647L, &v))
		return err_set(e, ST_INVALID, "%s '%.24s': the %s's number from `%s`", noun, text,
			       noun, list);
	*id = v;
	return ST_OK;
}

int cli_if_version(struct cli *c, const struct cli_opt *o, const char *list, long *version)
{
	*version = 0;
	if (o->set && !parse_long(o->value, 1, 2147483647L, version))
		return cli_usage(c, "--if-version '%.24s': a version number from `%s --json`",
				 o->value, list);
	return 0;
}

int cli_void_row(struct cli *c, int argc, char **argv, const struct cli_rows_kind *k)
{
	struct cli_opt o[] = {{"reason", OPT_VALUE}};
	const char *pos[2];
	struct err e = {""};
	struct patient p;
	int64_t id = 0;
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 2, 2);
	if (rc)
		return rc;
	if (!o[0].set)
		return cli_usage(c, "--reason is required: say why the %s is voided", k->noun);
	enum status s = cli_row_number(pos[1], k->noun, k->list, &id, &e);
	if (s == ST_OK)
		s = store_patient_by_mrn(c->app->st, pos[0], &p, &e);
	if (s == ST_OK)
		s = k->void_row(c->app->st, p.id, id, o[0].value, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	cli_putf(c, "voided %s %lld of %s: %s\n", k->noun, (long long)id, p.mrn, o[0].value);
	return 0;
}

void cli_marks_json(struct json *j, const struct cli_marks *m)
{
	json_string(j, "correction", m->correction[0] ? m->correction : NULL);
	json_bool(j, "voided", m->voided);
	json_string(j, "void_reason", m->voided ? m->void_reason : NULL);
	json_string(j, "voided_by", m->voided && m->voided_by[0] ? m->voided_by : NULL);
}

void cli_marks_text(struct cli *c, const struct cli_marks *m)
{
	if (m->voided)
		cli_putf(c, "  VOIDED: %s", m->void_reason);
	else if (m->correction[0])
		cli_putf(c, "  corrected: %s", m->correction);
	cli_put(c, "\n");
}

int cli_list_rows(struct cli *c, int argc, char **argv, const struct cli_rows_kind *k)
{
	struct cli_opt o[] = {{"json", OPT_FLAG}};
	const char *pos[1];
	struct err e = {""};
	struct patient p;
	int n = 0;
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 1, 1);
	if (rc)
		return rc;
	enum status s = store_patient_by_mrn(c->app->st, pos[0], &p, &e);
	char *rows = xmalloc(ROWS_MAX * k->size);
	if (s == ST_OK)
		s = k->load(c->app->st, p.id, rows, ROWS_MAX, &n, &e);
	if (s != ST_OK) {
		free(rows);
		return cli_fail(c, s, &e);
	}
	if (o[0].set) {
		struct json j;
		json_init(&j, false);
		json_arr_begin(&j, NULL);
		for (int i = 0; i < n; i++)
			k->json(c, &j, rows + (size_t)i * k->size);
		json_arr_end(&j);
		cli_putf(c, "%s\n", json_str(&j));
		json_done(&j);
	} else {
		for (int i = 0; i < n; i++)
			k->text(c, rows + (size_t)i * k->size);
		if (n == 0)
			cli_putf(c, "no %ss for %s\n", k->noun, p.mrn);
	}
	free(rows);
	return 0;
}
