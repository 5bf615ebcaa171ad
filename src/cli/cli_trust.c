/* cli_trust.c: the commands of the trust boundary — `init`, the only
 * command that creates a database. */
#include "cli_int.h"

#include <stdlib.h>

#include "app.h"
#include "assets.h"
#include "store_protocol.h"
#include "util.h"

/* The new clinic runs on the protocol built into the program, installed and
 * activated by its first administrator like any later one. */
static enum status install_builtin(struct cli *c, struct protocol *p, struct err *e)
{
	const char *text = asset_text(PROTOCOL_BUILTIN);
	if (!text)
		return err_set(e, ST_IO, "the built-in protocol %s is missing", PROTOCOL_BUILTIN);
	enum status s = store_protocol_install(c->app->st, PROTOCOL_BUILTIN, text, p, e);
	if (s == ST_OK)
		s = store_protocol_activate(c->app->st, p->name, p->version, p, e);
	return s;
}

int cli_init(struct cli *c, int argc, char **argv)
{
	struct err e = {""};
	int rc = cli_parse(c, argc, argv, NULL, 0, NULL, 0, 0);
	if (rc)
		return rc;
	const char *path = c->app->db_path;
	enum status s = app_open(c->app, true, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	const struct user *u = store_actor(c->app->st);
	struct protocol *p = xcalloc(1, sizeof *p);
	s = install_builtin(c, p, &e);
	if (s != ST_OK) {
		free(p);
		return cli_fail(c, s, &e);
	}
	cli_putf(c, "created the clinic database %s (schema %d)\n", path,
		 store_file_version(c->app->st));
	cli_putf(c, "audit key %s.key (keep it with every backup)\n", path);
	cli_putf(c, "first administrator: %s\n", u ? u->login : "");
	cli_putf(c, "active protocol: %s version %s (built in)\n", p->name, p->version);
	free(p);
	return 0;
}
