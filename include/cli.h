/* cli.h: the `hepadesk` command line. cli_main parses the global options,
 * loads the configuration, opens the database as the logged-in OS user and
 * runs a command; with no command it hands the open application to the
 * screen program (the tui callback from ui/main.c). */
#ifndef HEPADESK_CLI_H
#define HEPADESK_CLI_H

#include <stdint.h>
#include <stdio.h>

#include "config.h"
#include "store.h"

struct app {
	struct config cfg;
	struct store *st;
	char db_path[PATH_MAX];
	int64_t (*clock)(void); /* the composition root's clock */
};

/* The screen program, called with an open, authorised app; returns the exit
 * code. NULL when built without screens. */
typedef int (*cli_tui_fn)(struct app *app);

/* Run the command line; returns the process exit code (0 ok, 2 bad usage or
 * input, 1 other failure). out/err are the streams to write to. */
int cli_main(int argc, char **argv, cli_tui_fn tui, FILE *out, FILE *err);

/* Today as a day number, by the app's clock and configured offset. */
day_t app_today(const struct app *app);

#endif
