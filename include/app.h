/* app.h: what one run of hepadesk works with — the configuration, the
 * clock, the open database and its path — built by the composition root
 * (ui/main.c) and handed to the command line or the screens. */
#ifndef HEPADESK_APP_H
#define HEPADESK_APP_H

#include <limits.h>
#include <stdbool.h>

#include "clock.h"
#include "config.h"
#include "date.h"
#include "status.h"
#include "store.h"

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
/* Close the database (app->st becomes NULL); safe to call twice. */
void app_close(struct app *app);

/* Today as a day number, by the app's clock and the configured offset. */
day_t app_today(const struct app *app);

/* Find patients from what was typed at a lookup prompt (lookup.h), dates
 * also in the clinic's local form (lookup:date_form). */
struct patient_hit;
enum status app_patient_find(struct app *app, const char *query, struct patient_hit *hits, int max,
			     int *n, struct err *e);

#endif
