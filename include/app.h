/* app.h: what one run of hepadesk works with — the configuration, the
 * clock, the open database and its path — built by the composition root
 * (ui/main.c) and handed to the command line or the screens. */
#ifndef HEPADESK_APP_H
#define HEPADESK_APP_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#include "clock.h"
#include "config.h"
#include "date.h"
#include "status.h"
#include "store.h"
#include "store_wait.h"

struct app {
	struct config cfg;
	struct store *st; /* NULL until app_open */
	char db_path[PATH_MAX];
	clock_fn clock;
};

/* Open the database at app->db_path (first creating it with store_create
 * when create is true: `hepadesk init` only) with
 * the app's clock and settings, acting as the logged-in OS user (by real
 * uid, never an environment variable). On failure app->st may be open and
 * is closed by app_close. */
enum status app_open(struct app *app, bool create, struct err *e);
/* Open the existing database for reading only (`check` on a backup copy
 * that nobody may write); a write through it is refused. */
enum status app_open_readonly(struct app *app, struct err *e);
/* Tell fn(arg) while a write of this run waits on another session's lock
 * (store_wait.h); the screens show "saving... (waiting for another user)". */
void app_on_wait(struct app *app, store_wait_fn fn, void *arg);
/* Close the database (app->st becomes NULL); safe to call twice. */
void app_close(struct app *app);

/* In a privileged run (config_privileged), before anything reads the
 * environment: keep only TERM, LANG and LC_* naming no path, TZ naming a
 * zone, COLUMNS, LINES, NO_COLOR, ESCDELAY, USER and LOGNAME; set PATH to
 * /usr/bin:/bin; drop every other variable (TERMINFO, TERMINFO_DIRS,
 * TERMCAP, HOME, LOCPATH, NLSPATH, XDG_*, HEPADESK_*...). The loader already
 * drops some for a set-group-ID program (LD_*, LOCPATH, NLSPATH, GCONV_PATH,
 * TMPDIR...), not the terminal's. Returns how many were dropped (0 in an
 * ordinary run, which is left alone). */
size_t app_scrub_env(void);

/* Today as a day number, by the app's clock and the configured offset. */
day_t app_today(const struct app *app);

/* Find patients from what was typed at a lookup prompt (lookup.h), dates
 * also in the clinic's local form (lookup:date_form). */
struct patient_hit;
enum status app_patient_find(struct app *app, const char *query, struct patient_hit *hits, int max,
			     int *n, struct err *e);

#endif
