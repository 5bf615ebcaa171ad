/* config.c: the settings table, the INI loader with strict checks, the default file writer. */
#define _GNU_SOURCE /* secure_getenv */
#include "config.h"
#include "ini.h"
#include "lookup.h"
#include "score.h"

#include <errno.h>
#include <pwd.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <iniparser.h>

/* Where an installed program finds the system settings and, when they name
 * none, the database. `make install SYSCONFDIR=... LOCALSTATEDIR=...`
 * compiles its own copy of this file with other folders (a test installs
 * into a temporary prefix that way); every other build uses /etc and /var. */
#ifndef HEPADESK_SYSCONFDIR
#define HEPADESK_SYSCONFDIR "/etc"
#endif
#ifndef HEPADESK_LOCALSTATEDIR
#define HEPADESK_LOCALSTATEDIR "/var"
#endif
#define SYSTEM_CONFIG HEPADESK_SYSCONFDIR "/hepadesk/hepadesk.ini"
#define SYSTEM_DB HEPADESK_LOCALSTATEDIR "/lib/hepadesk/hepadesk.db"
#define CONFIG_FILE_MAX (1024 * 1024)

enum config_type { CONFIG_INT, CONFIG_DOUBLE, CONFIG_STRING };

/* One row per struct config field (tmux options_table style). For strings
 * min and max are unused: the bound is the field size. */
struct config_option {
	const char *section;
	const char *key;
	enum config_type type;
	double min;
	double max;
	double default_num;
	const char *default_str;
	size_t offset;
	size_t size;
	const char *help;
};

/* One row per line reads as a table. */
/* clang-format off */
#define FIELD(f) offsetof(struct config, f), sizeof(((struct config *)0)->f)
#define INT_OPT(s, k, lo, hi, def, f, h) {s, k, CONFIG_INT, lo, hi, def, NULL, FIELD(f), h}
#define DBL_OPT(s, k, lo, hi, def, f, h) {s, k, CONFIG_DOUBLE, lo, hi, def, NULL, FIELD(f), h}
#define STR_OPT(s, k, def, f, h) {s, k, CONFIG_STRING, 0, 0, 0, def, FIELD(f), h}

/* Where each score setting lives in struct config. */
#define SCORE_FIELD_CP_INR_LOW FIELD(cp_inr_low)
#define SCORE_FIELD_CP_INR_HIGH FIELD(cp_inr_high)
#define SCORE_FIELD_ALBI_COEF FIELD(albi_albumin_coef)
#define SCORE_FIELD_APRI_AST_ULN FIELD(apri_ast_uln)
#define SCORE_FIELD_ICA2_POINTS FIELD(ascites_ica2_points)

/* Rows of one section stay together: the writer emits a header when the
 * section changes. */
static const struct config_option options_table[] = {
	STR_OPT("database", "path", "", db_path,
		"Database file, empty for $XDG_DATA_HOME/hepadesk/hepadesk.db; "
		"--db and $HEPADESK_DB override it"),
	INT_OPT("database", "busy_timeout_ms", 100, 600000, 5000, busy_timeout_ms,
		"Milliseconds to wait for a database locked by another session"),
	STR_OPT("database", "group", "", group,
		"Group that may share the database file; empty means the owner only"),
	INT_OPT("session", "idle_lock_seconds", 2, 14400, 600, idle_lock_seconds,
		"Seconds without input before the screen is cleared and locked"),
	INT_OPT("session", "idle_exit_seconds", 2, 86400, 1200, idle_exit_seconds,
		"Seconds after the lock before drafts are saved and the session exits"),
	INT_OPT("session", "auth_max_failures", 1, 20, 3, auth_max_failures,
		"Wrong passwords in a row (signing, the idle lock) before the user is refused "
		"for auth_lock_seconds"),
	INT_OPT("session", "auth_lock_seconds", 10, 86400, 300, auth_lock_seconds,
		"Seconds a user is refused after auth_max_failures wrong passwords in a row"),
	INT_OPT("session", "tz_offset_minutes", -720, 840, 0, tz_offset_minutes,
		"The clinic's offset from UTC in minutes, used to decide \"today\""),
	/* [scores]: the rows of SCORE_SETTING_INFO (score.h), in its order. */
#define SCORE_OPT_(id, k, type, lo, hi, def, unit, h) \
	{"scores", k, CONFIG_##type, lo, hi, def, NULL, SCORE_FIELD_##id, h},
	SCORE_SETTING_INFO(SCORE_OPT_)
#undef SCORE_OPT_
	INT_OPT("display", "lab_stale_days", 1, 365, 30, lab_window_days,
		"Days after which a lab result is marked stale on the overview"),
	STR_OPT("hl7", "assigning_authority", "", hl7_authority,
		"PID-3 assigning authority whose identifier is the MRN; empty: the "
		"identifier of type MR, else the first"),
	STR_OPT("hl7", "local_codes", "", hl7_local_codes,
		"The laboratory's own result codes mapped to analytes, as CODE=analyte "
		"pairs separated by commas (e.g. TBIL=bilirubin,K-INR=inr); LOINC codes "
		"need no entry"),
	DBL_OPT("labs", "jump_factor", 1.5, 100, 5, lab_jump_factor,
		"A result this many times above or below the previous one of the analyte "
		"within labs:jump_days asks for confirmation (a clinic's choice)"),
	INT_OPT("labs", "jump_days", 1, 365, 30, lab_jump_days,
		"Days within which labs:jump_factor applies"),
	DBL_OPT("labs", "same_day_factor", 1.1, 100, 1.5, lab_same_day_factor,
		"A second result of an analyte on one day this many times above or below "
		"the first asks for confirmation (a clinic's choice)"),
	STR_OPT("lookup", "date_form", "DD/MM/YYYY", lookup_date_form,
		"The clinic's local form of a date of birth typed at the lookup prompt, "
		"besides YYYY-MM-DD: DD, MM and YYYY joined by one separator "
		"(DD/MM/YYYY, MM/DD/YYYY, DD.MM.YYYY; a clinic's choice)"),
};
/* clang-format on */

/* What one config_load_file call works on; errors name path (and line). */
struct load_ctx {
	const char *path;
	const char *text;
	dictionary *dict;
	struct err *e;
};

/* iniparser reports parse errors through a printf-like callback; the first
 * message of a load is kept here instead of going to stderr. */
static char parse_msg[256];

static int capture_parse_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static enum status fail(const struct load_ctx *x, const char *section, const char *key,
			const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void *field(struct config *c, const struct config_option *o)
{
	return (char *)c + o->offset;
}

void config_defaults(struct config *c)
{
	memset(c, 0, sizeof *c);
	for (size_t i = 0; i < ARRAY_SIZE(options_table); i++) {
		const struct config_option *o = &options_table[i];
		switch (o->type) {
		case CONFIG_INT:
			*(int *)field(c, o) = (int)o->default_num;
			break;
		case CONFIG_DOUBLE:
			*(double *)field(c, o) = o->default_num;
			break;
		case CONFIG_STRING:
			strlcpy_(field(c, o), o->default_str, o->size);
			break;
		}
	}
}

/* Number text as the file shows it: whole numbers for ints, %g for doubles. */
static void format_num(char *buf, size_t n, enum config_type type, double v)
{
	if (type == CONFIG_INT)
		snprintf(buf, n, "%ld", (long)v);
	else
		snprintf(buf, n, "%g", v);
}

/* "10-200", or "-720..840" when a dash would be read as a minus sign. */
static void format_range(char *buf, size_t n, const struct config_option *o)
{
	char lo[32], hi[32];

	if (o->type == CONFIG_STRING) {
		snprintf(buf, n, "text, at most %zu bytes", o->size - 1);
		return;
	}
	format_num(lo, sizeof lo, o->type, o->min);
	format_num(hi, sizeof hi, o->type, o->max);
	snprintf(buf, n, o->min < 0 ? "%s..%s" : "%s-%s", lo, hi);
}

static const struct config_option *find_option(const char *section, const char *key)
{
	for (size_t i = 0; i < ARRAY_SIZE(options_table); i++) {
		const struct config_option *o = &options_table[i];
		if (!strcmp(o->section, section) && (!key || !strcmp(o->key, key)))
			return o;
	}
	return NULL;
}

/* Sets e to "path[:line]: message" and returns ST_INVALID. */
static enum status fail(const struct load_ctx *x, const char *section, const char *key,
			const char *fmt, ...)
{
	char msg[ERR_MSG_MAX];
	va_list ap;
	int line = section ? ini_find_line(x->text, section, key) : 0;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (line)
		return err_set(x->e, ST_INVALID, "%s:%d: %s", x->path, line, msg);
	return err_set(x->e, ST_INVALID, "%s: %s", x->path, msg);
}

static int capture_parse_error(const char *fmt, ...)
{
	va_list ap;

	if (parse_msg[0])
		return 0;
	va_start(ap, fmt);
	vsnprintf(parse_msg, sizeof parse_msg, fmt, ap);
	va_end(ap);
	return 0;
}

/* The captured message on one line, without iniparser's own prefix. */
static const char *parse_error_text(void)
{
	static const char prefix[] = "iniparser: ";
	char *s = parse_msg;
	size_t len;

	for (char *p = s; *p; p++)
		if (*p == '\n')
			*p = ' ';
	len = strlen(s);
	while (len && s[len - 1] == ' ')
		s[--len] = '\0';
	if (!strncmp(s, prefix, sizeof prefix - 1))
		s += sizeof prefix - 1;
	return *s ? s : "unknown error";
}

/* Read the whole file: it is the source for line numbers in messages. */
static enum status read_text(const char *path, struct strbuf *sb, struct err *e)
{
	char buf[4096];
	size_t got;
	FILE *f = fopen(path, "r");

	if (!f && errno == ENOENT)
		return err_set(e, ST_NOT_FOUND, "config file %s: not found", path);
	if (!f)
		return err_set(e, ST_IO, "config file %s: %s", path, strerror(errno));
	while ((got = fread(buf, 1, sizeof buf, f)) > 0 && sb->len <= CONFIG_FILE_MAX)
		sb_addn(sb, buf, got);
	bool bad = ferror(f);
	int saved = errno;
	fclose(f);
	if (bad)
		return err_set(e, ST_IO, "config file %s: %s", path, strerror(saved));
	if (sb->len > CONFIG_FILE_MAX)
		return err_set(e, ST_INVALID, "%s: larger than %d bytes", path, CONFIG_FILE_MAX);
	if (memchr(sb_str(sb), '\0', sb->len))
		return err_set(e, ST_INVALID, "%s: cannot parse: contains a NUL byte", path);
	return ST_OK;
}

/* name is "section:key" as iniparser stores it (lowercased). */
static enum status check_key(const struct load_ctx *x, const char *name)
{
	char section[64];
	const char *colon = strchr(name, ':');
	size_t slen = colon ? (size_t)(colon - name) : sizeof section;

	if (slen >= sizeof section)
		return fail(x, NULL, NULL, "unknown key '%s'", name);
	memcpy(section, name, slen);
	section[slen] = '\0';
	/* The protocol comes from the database, never from a user's file. */
	if (!strcmp(section, "protocol"))
		return fail(x, section, colon + 1,
			    "'%s' is no longer read: the protocol lives in the database "
			    "(an administrator runs `hepadesk protocol install FILE` and "
			    "`hepadesk protocol activate NAME VERSION`)",
			    name);
	if (!find_option(section, colon + 1))
		return fail(x, section, colon + 1, "unknown key '%s'", name);
	return ST_OK;
}

/* Every entry must be a known section:key or section. iniparser stores a
 * section as an entry without a value. The dictionary is walked directly, not
 * through iniparser_getseckeys: a key written before any section is stored as
 * ":key" and no section enumeration would show it. Keys are checked first so
 * that a key in an unknown section is named as "section:key". */
static enum status check_keys(const struct load_ctx *x)
{
	const dictionary *d = x->dict;
	enum status st;

	for (ssize_t i = 0; i < d->size; i++) {
		if (d->key[i] && d->val[i] && (st = check_key(x, d->key[i])) != ST_OK)
			return st;
	}
	for (ssize_t i = 0; i < d->size; i++) {
		const char *name = d->key[i];
		if (name && !d->val[i] && !find_option(name, NULL))
			return fail(x, name, NULL, "unknown section '%s'", name);
	}
	return ST_OK;
}

static enum status set_number(const struct load_ctx *x, const struct config_option *o,
			      const char *val, struct config *c)
{
	char range[64];
	long l = 0;
	double v = 0;

	format_range(range, sizeof range, o);
	if (o->type == CONFIG_INT && parse_long(val, LONG_MIN, LONG_MAX, &l))
		v = (double)l;
	else if (o->type == CONFIG_INT)
		return fail(x, o->section, o->key,
			    "%s:%s = %.40s: not a whole number (accepted %s)", o->section, o->key,
			    val, range);
	else if (!parse_double(val, &v))
		return fail(x, o->section, o->key, "%s:%s = %.40s: not a number (accepted %s)",
			    o->section, o->key, val, range);
	if (v < o->min || v > o->max)
		return fail(x, o->section, o->key, "%s:%s = %.40s: accepted %s", o->section, o->key,
			    val, range);
	if (o->type == CONFIG_INT)
		*(int *)field(c, o) = (int)l;
	else
		*(double *)field(c, o) = v;
	return ST_OK;
}

static enum status set_value(const struct load_ctx *x, const struct config_option *o,
			     const char *val, struct config *c)
{
	size_t len = strlen(val);

	if (o->type != CONFIG_STRING)
		return set_number(x, o, val, c);
	if (len >= o->size)
		return fail(x, o->section, o->key, "%s:%s: %zu bytes long, accepted at most %zu",
			    o->section, o->key, len, o->size - 1);
	memcpy(field(c, o), val, len + 1);
	return ST_OK;
}

/* Checks that involve more than one key, on the merged result. */
static enum status check_cross(const struct load_ctx *x, const struct config *c)
{
	if (!lookup_date_form_ok(c->lookup_date_form))
		return fail(x, "lookup", "date_form",
			    "lookup:date_form = '%s' is not a date form; accepted DD, MM and YYYY "
			    "once each, joined by one separator (DD/MM/YYYY)",
			    c->lookup_date_form);
	if (c->cp_inr_high < c->cp_inr_low) {
		bool high_set = iniparser_find_entry(x->dict, "scores:child_pugh_inr_high");
		return fail(x, "scores", high_set ? "child_pugh_inr_high" : "child_pugh_inr_low",
			    "scores:child_pugh_inr_high = %g is below scores:child_pugh_inr_low "
			    "= %g",
			    c->cp_inr_high, c->cp_inr_low);
	}
	return ST_OK;
}

static enum status apply_values(const struct load_ctx *x, struct config *c)
{
	char name[128];

	for (size_t i = 0; i < ARRAY_SIZE(options_table); i++) {
		const struct config_option *o = &options_table[i];
		snprintf(name, sizeof name, "%s:%s", o->section, o->key);
		int again = ini_repeat_line(x->text, o->section, o->key);
		if (again)
			return err_set(x->e, ST_INVALID,
				       "%s:%d: %s is given a second time; keep one value", x->path,
				       again, name);
		const char *val = iniparser_getstring(x->dict, name, NULL);
		if (!val)
			continue;
		enum status st = set_value(x, o, val, c);
		if (st != ST_OK)
			return st;
	}
	return check_cross(x, c);
}

/* All or nothing: c changes only when the whole file is accepted. */
enum status config_load_file(struct config *c, const char *path, struct err *e)
{
	struct load_ctx x = {path, NULL, NULL, e};
	struct config next = *c;
	struct strbuf text;
	enum status st;

	sb_init(&text);
	if (strlen(path) >= sizeof c->path) {
		st = err_set(e, ST_INVALID, "config file name too long");
		goto out;
	}
	st = read_text(path, &text, e);
	if (st != ST_OK)
		goto out;
	x.text = sb_str(&text);
	parse_msg[0] = '\0';
	iniparser_set_error_callback(capture_parse_error);
	x.dict = iniparser_load(path);
	if (!x.dict) {
		st = err_set(e, ST_INVALID, "%s: cannot parse: %s", path, parse_error_text());
		goto out;
	}
	st = check_keys(&x);
	if (st == ST_OK)
		st = apply_values(&x, &next);
	if (st == ST_OK) {
		strlcpy_(next.path, path, sizeof next.path);
		*c = next;
	}
out:
	if (x.dict)
		iniparser_freedict(x.dict);
	sb_done(&text);
	return st;
}

bool config_privileged(void)
{
	return getegid() != getgid() || geteuid() != getuid();
}

enum status config_privileged_check(const char *config_flag, const char *db_flag, struct err *e)
{
	if (!config_privileged())
		return ST_OK;
	if (db_flag)
		return err_set(
		    e, ST_DENIED,
		    "--db is not accepted: the installed program opens only the database "
		    "named in %s (default %s)",
		    SYSTEM_CONFIG, SYSTEM_DB);
	if (config_flag)
		return err_set(e, ST_DENIED,
			       "--config is not accepted: the installed program reads only %s",
			       SYSTEM_CONFIG);
	return ST_OK;
}

/* $HOME, else the password database, else the current directory. */
static const char *home_dir(void)
{
	const char *home = secure_getenv("HOME");
	const struct passwd *pw;

	if (home && *home)
		return home;
	pw = getpwuid(getuid());
	if (pw && pw->pw_dir && *pw->pw_dir)
		return pw->pw_dir;
	return ".";
}

/* $var/rest, or $HOME/fallback/rest when var is unset, empty or relative
 * (the XDG base directory spec says to ignore relative values). */
static void xdg_path(const char *var, const char *fallback, const char *rest, char *out, size_t n)
{
	const char *base = secure_getenv(var);

	if (!n)
		return;
	if (base && base[0] == '/')
		snprintf(out, n, "%s/%s", base, rest);
	else
		snprintf(out, n, "%s/%s/%s", home_dir(), fallback, rest);
}

/* A file that exists or cannot be checked counts as found, so that a
 * permission problem is reported instead of silently skipped. */
static bool file_present(const char *path)
{
	if (access(path, F_OK) == 0)
		return true;
	return errno != ENOENT && errno != ENOTDIR;
}

enum status config_load(struct config *c, const char *explicit_path, struct err *e)
{
	char user[PATH_MAX];
	const char *env = secure_getenv("HEPADESK_CONFIG");

	config_defaults(c);
	err_clear(e);
	/* A privileged run reads the system configuration only. */
	if (config_privileged())
		return file_present(SYSTEM_CONFIG) ? config_load_file(c, SYSTEM_CONFIG, e) : ST_OK;
	if (explicit_path)
		return config_load_file(c, explicit_path, e);
	if (env && *env)
		return config_load_file(c, env, e);
	xdg_path("XDG_CONFIG_HOME", ".config", "hepadesk/hepadesk.ini", user, sizeof user);
	if (file_present(user))
		return config_load_file(c, user, e);
	if (file_present(SYSTEM_CONFIG))
		return config_load_file(c, SYSTEM_CONFIG, e);
	return ST_OK;
}

static void write_option(struct strbuf *out, const struct config_option *o)
{
	char range[64], num[32];

	format_range(range, sizeof range, o);
	sb_addf(out, "; %s (%s)\n", o->help, range);
	if (o->type == CONFIG_STRING) {
		sb_addf(out, "%s = \"%s\"\n", o->key, o->default_str);
		return;
	}
	format_num(num, sizeof num, o->type, o->default_num);
	sb_addf(out, "%s = %s\n", o->key, num);
}

void config_write_defaults(struct strbuf *out)
{
	const char *section = NULL;

	sb_add(out, "; hepadesk.ini: hepadesk settings, every key at its built-in default.\n"
		    "; Generated from the settings table in src/model/config.c ([scores]: the\n"
		    "; SCORE_SETTING_INFO table of include/score.h). To change a setting,\n"
		    "; copy this file to one of the places below and edit the copy.\n"
		    "; Read from the first that exists: --config FILE, $HEPADESK_CONFIG,\n"
		    "; $XDG_CONFIG_HOME/hepadesk/hepadesk.ini (~/.config/hepadesk/hepadesk.ini),\n"
		    "; /etc/hepadesk/hepadesk.ini. Unknown keys and values out of range are\n"
		    "; refused; a key left out keeps its default.\n");
	for (size_t i = 0; i < ARRAY_SIZE(options_table); i++) {
		const struct config_option *o = &options_table[i];
		if (!section || strcmp(section, o->section) != 0) {
			section = o->section;
			sb_addf(out, "\n[%s]\n", section);
		}
		write_option(out, o);
	}
}

void config_db_path(const struct config *c, const char *flag, char *out, size_t n)
{
	const char *env = secure_getenv("HEPADESK_DB");

	if (!n)
		return;
	/* An empty --db is kept empty (and refused when opened), never taken
	 * for "not given". */
	if (config_privileged())
		strlcpy_(out, c && c->db_path[0] ? c->db_path : SYSTEM_DB, n);
	else if (flag)
		strlcpy_(out, flag, n);
	else if (env && *env)
		strlcpy_(out, env, n);
	else if (c && c->db_path[0])
		strlcpy_(out, c->db_path, n);
	else
		xdg_path("XDG_DATA_HOME", ".local/share", "hepadesk/hepadesk.db", out, n);
}
