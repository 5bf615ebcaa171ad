/* app.c: opening the database for one run, as the logged-in user. */
#include "app.h"

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lookup.h"
#include "util.h"

extern char **environ;

/* A value that names no file: no '/' at all (TERM, LANG and LC_*: a locale
 * or terminal name with a slash is read as a path). */
static bool no_path(const char *v)
{
	return strchr(v, '/') == NULL;
}

/* TZ may name a zone ("Europe/Paris"), never a file of the caller's. */
static bool zone_name(const char *v)
{
	return v[0] != '/' && strncmp(v, ":/", 2) != 0 && strstr(v, "..") == NULL;
}

static bool any_value(const char *v)
{
	(void)v;
	return true;
}

/* What a privileged run keeps of the caller's environment: names of a
 * terminal, a language and a zone, the screen size and colour choice, the
 * login name. Everything else — TERMINFO, TERMINFO_DIRS, TERMCAP, HOME
 * (ncurses reads ~/.terminfo), LOCPATH, NLSPATH, GCONV_PATH, XDG_*,
 * HEPADESK_* and any other — goes. */
static const struct {
	const char *name; /* exact, or a prefix ending in '_' */
	bool (*ok)(const char *value);
} env_keep[] = {
    {"TERM", no_path},	     {"LANG", no_path},	      {"LC_", no_path},
    {"TZ", zone_name},	     {"COLUMNS", any_value},  {"LINES", any_value},
    {"NO_COLOR", any_value}, {"ESCDELAY", any_value}, {"USER", any_value},
    {"LOGNAME", any_value},
};

static bool env_kept(const char *entry)
{
	const char *eq = strchr(entry, '=');
	if (!eq)
		return false;
	size_t n = (size_t)(eq - entry);
	for (size_t i = 0; i < ARRAY_SIZE(env_keep); i++) {
		size_t k = strlen(env_keep[i].name);
		bool prefix = env_keep[i].name[k - 1] == '_';
		if ((prefix ? n > k : n == k) && !strncmp(entry, env_keep[i].name, k))
			return env_keep[i].ok(eq + 1);
	}
	return false;
}

size_t app_scrub_env(void)
{
	if (!config_privileged())
		return 0;
	size_t n = 0, dropped = 0;
	while (environ && environ[n])
		n++;
	char **keep = xcalloc(n + 1, sizeof *keep);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (env_kept(environ[i]))
			keep[k++] = xstrdup(environ[i]);
		else
			dropped++;
	}
	clearenv();
	/* The kept strings become the environment (putenv keeps them). */
	for (size_t i = 0; i < k; i++)
		putenv(keep[i]);
	setenv("PATH", "/usr/bin:/bin", 1);
	free(keep);
	return dropped;
}

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

void app_on_wait(struct app *app, store_wait_fn fn, void *arg)
{
	store_on_wait(app->st, fn, arg);
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
