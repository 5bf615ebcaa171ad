/* cli.h: the `hepadesk` command line. The composition root (ui/main.c)
 * calls cli_begin to read the global options and find the command, builds
 * the app (configuration, clock, database), then runs the command with
 * cli_run — or the screens when no command was given. */
#ifndef HEPADESK_CLI_H
#define HEPADESK_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "app.h"
#include "status.h"

struct cli_cmd;

/* One invocation as cli_begin read it. */
struct cli_call {
	const char *db_flag;	   /* --db FILE, or NULL */
	const char *config_flag;   /* --config FILE, or NULL */
	bool needs_db;		   /* open the database before cli_run (or the screens) */
	const struct cli_cmd *cmd; /* NULL: no command (the screens) */
	int argc;		   /* the command's own arguments */
	char **argv;
	FILE *out, *err;
};

/* Read the global options (--db, --config, --help, --version) and find the
 * command. Returns -1 to go on, else the exit code after printing (help,
 * version, or a usage error: 2). */
int cli_begin(struct cli_call *call, int argc, char **argv, FILE *out, FILE *err);
/* True when a command was named (false: open the screens). */
bool cli_has_command(const struct cli_call *call);
/* Report a failure of s before the command ran (configuration, opening the
 * database) as the command would; returns the exit code. */
int cli_report(const struct cli_call *call, struct app *app, enum status s, const struct err *e);
/* Run the command on app (app->st open when call->needs_db); returns the
 * process exit code (0 ok, 2 bad usage or input, 1 other failure). */
int cli_run(const struct cli_call *call, struct app *app);

#endif
