/* cli_trust.c: the commands of the trust boundary — `init`, the only
 * command that creates a database. */
#include "cli_int.h"

#include "app.h"

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
	cli_putf(c, "created the clinic database %s (schema %d)\n", path,
		 store_file_version(c->app->st));
	cli_putf(c, "audit key %s.key (keep it with every backup)\n", path);
	cli_putf(c, "first administrator: %s\n", u ? u->login : "");
	return 0;
}
