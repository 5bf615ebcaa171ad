/* config.h: settings read with iniparser. One table (config.c) gives each
 * key its type, range, default and help; assets/hepadesk.ini is generated
 * from the same table and checked against it by the tests. */
#ifndef HEPADESK_CONFIG_H
#define HEPADESK_CONFIG_H

#include <limits.h>
#include <stdbool.h>

#include "status.h"
#include "util.h"

struct config {
	char path[PATH_MAX];	    /* the file read, "" for built-in defaults */
	char db_path[PATH_MAX];	    /* database:path */
	int busy_timeout_ms;	    /* database:busy_timeout_ms */
	char group[64];		    /* database:group */
	int idle_lock_seconds;	    /* session:idle_lock_seconds */
	int idle_exit_seconds;	    /* session:idle_exit_seconds */
	int auth_max_failures;	    /* session:auth_max_failures */
	int auth_lock_seconds;	    /* session:auth_lock_seconds */
	int tz_offset_minutes;	    /* session:tz_offset_minutes */
	double cp_inr_low;	    /* scores:child_pugh_inr_low */
	double cp_inr_high;	    /* scores:child_pugh_inr_high */
	double albi_albumin_coef;   /* scores:albi_albumin_coefficient */
	double apri_ast_uln;	    /* scores:apri_ast_uln */
	int ascites_ica2_points;    /* scores:ascites_ica_grade2_points */
	int lab_window_days;	    /* display:lab_stale_days */
	char hl7_authority[64];	    /* hl7:assigning_authority */
	char hl7_local_codes[1024]; /* hl7:local_codes */
	double lab_jump_factor;	    /* labs:jump_factor */
	int lab_jump_days;	    /* labs:jump_days */
	double lab_same_day_factor; /* labs:same_day_factor */
	char lookup_date_form[16];  /* lookup:date_form */
};

/* Fill c with the built-in defaults. */
void config_defaults(struct config *c);

/* Load settings. Search order: explicit (--config), $HEPADESK_CONFIG,
 * $XDG_CONFIG_HOME/hepadesk/hepadesk.ini (or ~/.config/...),
 * /etc/hepadesk/hepadesk.ini, built-in defaults. An explicitly named file
 * that is missing is an error. Unknown keys and out-of-range values are
 * refused with the file, key and accepted range (ST_INVALID). */
enum status config_load(struct config *c, const char *explicit_path, struct err *e);

/* Load exactly one file into c (over what c holds). */
enum status config_load_file(struct config *c, const char *path, struct err *e);

/* Write the documented default file (every key, its default and help). */
void config_write_defaults(struct strbuf *out);

/* True in a privileged run: the program installed set-group-ID (or
 * set-user-ID) and started by someone else. Such a run trusts nothing the
 * caller controls: settings come only from /etc/hepadesk/hepadesk.ini, the
 * database only from it (else /var/lib/hepadesk/hepadesk.db; both folders
 * are set when `make install` builds the program), every environment variable
 * is read with secure_getenv (so HEPADESK_DB, HEPADESK_CONFIG, XDG_* and
 * HOME are ignored), and the protocol only from the database. */
bool config_privileged(void);

/* In a privileged run, --db and --config are refused (ST_DENIED naming the
 * system file) rather than silently ignored; otherwise ST_OK. */
enum status config_privileged_check(const char *config_flag, const char *db_flag, struct err *e);

/* The database path: --db, $HEPADESK_DB, the config, else
 * $XDG_DATA_HOME/hepadesk/hepadesk.db (or ~/.local/share/...). A --db given
 * empty stays empty, so opening refuses it instead of using a default. */
void config_db_path(const struct config *c, const char *flag, char *out, size_t n);

#endif
