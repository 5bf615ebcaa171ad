/* cli_protocol.c: `protocol install`, `protocol list`, `protocol activate` —
 * the protocol lives in the database; administrators manage it — and
 * `backup`, the verified copy. */
#include "cli_int.h"

#include <stdlib.h>

#include "date.h"
#include "json.h"
#include "store_backup.h"
#include "store_protocol.h"
#include "util.h"

#define PROTOCOL_LIST_MAX 200

int cli_protocol_install(struct cli *c, int argc, char **argv)
{
	const char *pos[1];
	struct err e = {""};
	int rc = cli_parse(c, argc, argv, NULL, 0, pos, 1, 1);
	if (rc)
		return rc;
	char *text = NULL;
	struct protocol *p = xcalloc(1, sizeof *p);
	enum status s = protocol_read_text(pos[0], &text, &e);
	if (s == ST_OK)
		s = store_protocol_install(c->app->st, pos[0], text, p, &e);
	free(text);
	if (s == ST_OK)
		cli_putf(c,
			 "installed protocol %s version %s (sha256 %.12s); activate it with "
			 "`hepadesk protocol activate \"%s\" \"%s\"`\n",
			 p->name, p->version, p->hash, p->name, p->version);
	free(p);
	return s == ST_OK ? 0 : cli_fail(c, s, &e);
}

int cli_protocol_activate(struct cli *c, int argc, char **argv)
{
	const char *pos[2];
	struct err e = {""};
	int rc = cli_parse(c, argc, argv, NULL, 0, pos, 2, 2);
	if (rc)
		return rc;
	struct protocol *p = xcalloc(1, sizeof *p);
	enum status s = store_protocol_activate(c->app->st, pos[0], pos[1], p, &e);
	if (s == ST_OK)
		cli_putf(c, "active protocol: %s version %s (sha256 %.12s)\n", p->name, p->version,
			 p->hash);
	free(p);
	return s == ST_OK ? 0 : cli_fail(c, s, &e);
}

int cli_protocol_list(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"json", OPT_FLAG, NULL, false}};
	struct err e = {""};
	int rc = cli_parse(c, argc, argv, o, 1, NULL, 0, 0);
	if (rc)
		return rc;
	struct protocol_row *rows = xcalloc(PROTOCOL_LIST_MAX, sizeof *rows);
	int n = 0;
	enum status s = store_protocol_list(c->app->st, rows, PROTOCOL_LIST_MAX, &n, &e);
	if (s != ST_OK) {
		free(rows);
		return cli_fail(c, s, &e);
	}
	char when[32];
	if (o[0].set) {
		struct json j;
		json_init(&j, false);
		json_arr_begin(&j, NULL);
		for (int i = 0; i < n; i++) {
			const struct protocol_row *r = &rows[i];
			json_obj_begin(&j, NULL);
			json_string(&j, "name", r->name);
			json_string(&j, "version", r->version);
			json_string(&j, "sha256", r->hash);
			json_bool(&j, "active", r->active);
			if (r->installed_at) {
				json_string(&j, "installed",
					    date_format_time(r->installed_at, when));
				json_string(&j, "installed_by", r->installed_by);
			} else {
				json_null(&j, "installed");
				json_null(&j, "installed_by");
			}
			json_obj_end(&j);
		}
		json_arr_end(&j);
		fprintf(c->out, "%s\n", json_str(&j));
		json_done(&j);
	} else {
		for (int i = 0; i < n; i++) {
			const struct protocol_row *r = &rows[i];
			cli_putf(c, "%s %s %s version %s  sha256 %.12s  ", r->active ? "*" : " ",
				 r->installed_at ? "installed" : "kept     ", r->name, r->version,
				 r->hash);
			if (r->installed_at)
				cli_putf(c, "by %s at %s UTC\n", r->installed_by,
					 date_format_time(r->installed_at, when));
			else
				cli_put(c, "(used by an evaluation, never installed)\n");
		}
		if (!n)
			cli_put(c, "no protocol installed: the built-in default is in use\n");
	}
	free(rows);
	return 0;
}

int cli_backup(struct cli *c, int argc, char **argv)
{
	const char *pos[1];
	struct err e = {""};
	struct backup_report r;
	int rc = cli_parse(c, argc, argv, NULL, 0, pos, 1, 1);
	if (rc)
		return rc;
	enum status s = store_backup(c->app->st, pos[0], &r, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	cli_putf(c,
		 "backup %s: %lld pages; integrity ok; audit chain intact (%lld rows, newest "
		 "seq %lld); with %s.key and %s.witness, readable by owner and group only\n",
		 pos[0], (long long)r.pages, (long long)r.audit_rows, (long long)r.head_seq, pos[0],
		 pos[0]);
	return 0;
}
