/* main.c: the composition root — reads the command line, builds the app
 * (configuration, clock, database) and runs a command or the screens. The
 * only file that knows both the command line and the screens. */
#include <stdio.h>

#include "app.h"
#include "cli.h"
#include "ui_app.h"
#ifdef HEPADESK_TEST_HOOKS
#include "testhooks.h"
#endif

/* The installed program runs on the system clock; only a test build (make
 * test's build/hepadesk-test) has a clock a test can set. */
static clock_fn main_clock(void)
{
#ifdef HEPADESK_TEST_HOOKS
	return testhooks_clock();
#else
	return clock_system;
#endif
}

int main(int argc, char **argv)
{
	struct cli_call call;
	struct app app = {.clock = main_clock()};
	struct err e = {""};
	/* Before anything reads the environment (ncurses, the locale, the
	 * settings): a privileged run keeps only what names no file. */
#ifdef HEPADESK_TEST_HOOKS
	if (testhooks_env_dump(argc, argv, "--test-env=loader", stdout))
		return 0;
#endif
	app_scrub_env();
#ifdef HEPADESK_TEST_HOOKS
	if (testhooks_env_dump(argc, argv, "--test-env", stdout))
		return 0;
#endif
#ifdef HEPADESK_TEST_HOOKS
	ui_run_report_slice(testhooks_report_slice);
#endif
	int rc = cli_begin(&call, argc, argv, stdout, stderr);
	if (rc >= 0)
		return rc;
	enum status s = config_privileged_check(call.config_flag, call.db_flag, &e);
	if (s == ST_OK)
		s = config_load(&app.cfg, call.config_flag, &e);
	if (s != ST_OK)
		return cli_report(&call, &app, s, &e);
	config_db_path(&app.cfg, call.db_flag, app.db_path, sizeof app.db_path);
	/* Only `hepadesk init` (which opens for itself) creates a database. */
	if (call.needs_db && (s = app_open(&app, false, &e)) != ST_OK)
		rc = cli_report(&call, &app, s, &e);
	else
		rc = cli_has_command(&call) ? cli_run(&call, &app) : ui_run(&app);
	app_close(&app);
	return rc;
}
