/* app.c: opening the database for one run, as the logged-in user. */
#include "app.h"

#include <pwd.h>
#include <unistd.h>

#include "lookup.h"

static enum status open_as_user(struct app *app, bool create, bool readonly, struct err *e)
{
	struct passwd *pw = getpwuid(getuid());
	struct store_opts o = {.busy_timeout_ms = app->cfg.busy_timeout_ms,
			       .group = app->cfg.group,
			       .create = create,
			       .readonly = readonly,
			       .clock = app->clock};
	enum status s = create ? store_create(app->db_path, &o, e) : ST_OK;
	o.create = false;
	if (s == ST_OK)
		s = store_open(app->db_path, &o, &app->st, e);
	if (s != ST_OK)
		return s;
	return store_set_actor(app->st, pw ? pw->pw_name : NULL, e);
}

enum status app_open(struct app *app, bool create, struct err *e)
{
	return open_as_user(app, create, false, e);
}

enum status app_open_readonly(struct app *app, struct err *e)
{
	return open_as_user(app, false, true, e);
}

void app_close(struct app *app)
{
	store_close(app->st);
	app->st = NULL;
}

day_t app_today(const struct app *app)
{
	return date_from_time(app->clock(), app->cfg.tz_offset_minutes * 60);
}

enum status app_patient_find(struct app *app, const char *query, struct patient_hit *hits, int max,
			     int *n, struct err *e)
{
	struct lookup_query q;
	lookup_parse(query, app->cfg.lookup_date_form, &q);
	enum status s = store_patient_lookup(app->st, &q, hits, max, n, e);
	lookup_query_done(&q);
	return s;
}
