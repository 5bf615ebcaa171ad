/* test_config.c: settings defaults, file search order, strict loading, the shipped INI. */
/* cmocka.h needs these first. */
/* clang-format off */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
/* clang-format on */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "score.h"

#define SYSTEM_CONFIG "/etc/hepadesk/hepadesk.ini"

/* Per-test scratch directory; HOME points into it so nothing real is read. */
struct fixture {
	char dir[64];
	struct config c;
	struct err e;
};

static const char *const env_vars[] = {"HEPADESK_CONFIG", "HEPADESK_DB", "XDG_CONFIG_HOME",
				       "XDG_DATA_HOME", "HOME"};
static char *saved_env[ARRAY_SIZE(env_vars)];

/* Remove path and, for a directory, everything under it (no symlinks followed). */
static void rm_tree(const char *path)
{
	struct stat st;
	DIR *d;
	const struct dirent *de;
	char sub[PATH_MAX];

	if (lstat(path, &st) != 0)
		return;
	if (S_ISDIR(st.st_mode) && (d = opendir(path))) {
		while ((de = readdir(d))) {
			if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
				continue;
			snprintf(sub, sizeof sub, "%s/%s", path, de->d_name);
			rm_tree(sub);
		}
		closedir(d);
	}
	remove(path);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	assert_non_null(f);
	strcpy(f->dir, "/tmp/hepadesk-config-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	for (size_t i = 0; i < ARRAY_SIZE(env_vars); i++) {
		const char *v = getenv(env_vars[i]);
		saved_env[i] = v ? strdup(v) : NULL;
		unsetenv(env_vars[i]);
	}
	setenv("HOME", f->dir, 1);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	for (size_t i = 0; i < ARRAY_SIZE(env_vars); i++) {
		if (saved_env[i])
			setenv(env_vars[i], saved_env[i], 1);
		else
			unsetenv(env_vars[i]);
		free(saved_env[i]);
		saved_env[i] = NULL;
	}
	rm_tree(f->dir);
	free(f);
	return 0;
}

/* Write text to dir/rel (creating parent directories); the full path goes to out. */
static void put(const struct fixture *f, const char *rel, const char *text, char *out, size_t n)
{
	char path[PATH_MAX];

	snprintf(path, sizeof path, "%s/%s", f->dir, rel);
	for (char *p = path + strlen(f->dir) + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		assert_true(mkdir(path, 0700) == 0 || errno == EEXIST);
		*p = '/';
	}
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	assert_int_equal(fputs(text, fp) >= 0, 1);
	assert_int_equal(fclose(fp), 0);
	if (out)
		strlcpy_(out, path, n);
}

/* A standalone temporary file made with mkstemp (removed by the caller). */
static void put_tmp(const char *text, char *path, size_t n)
{
	strlcpy_(path, "/tmp/hepadesk-config-file-XXXXXX", n);
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	assert_int_equal(close(fd), 0);
}

/* Load text from a file in the scratch directory; returns the status. */
static enum status load_text(struct fixture *f, const char *text)
{
	char path[PATH_MAX];

	put(f, "t.ini", text, path, sizeof path);
	config_defaults(&f->c);
	err_clear(&f->e);
	return config_load_file(&f->c, path, &f->e);
}

/* Set var to dir/rel. */
static void set_dir_env(const struct fixture *f, const char *var, const char *rel)
{
	char path[PATH_MAX];

	snprintf(path, sizeof path, "%s/%s", f->dir, rel);
	assert_int_equal(setenv(var, path, 1), 0);
}

static void assert_msg_has(const struct fixture *f, const char *part)
{
	if (!strstr(f->e.msg, part))
		fail_msg("message \"%s\" lacks \"%s\"", f->e.msg, part);
}

static void test_defaults(void **state)
{
	struct fixture *f = *state;

	config_defaults(&f->c);
	assert_string_equal(f->c.path, "");
	assert_string_equal(f->c.db_path, "");
	assert_int_equal(f->c.busy_timeout_ms, 5000);
	assert_string_equal(f->c.group, "");
	assert_int_equal(f->c.idle_lock_seconds, 600);
	assert_int_equal(f->c.idle_exit_seconds, 1200);
	assert_int_equal(f->c.tz_offset_minutes, 0);
	assert_true(f->c.cp_inr_low == 1.7);
	assert_true(f->c.cp_inr_high == 2.3);
	assert_true(f->c.albi_albumin_coef == -0.085);
	assert_true(f->c.apri_ast_uln == 40.0);
	assert_int_equal(f->c.ascites_ica2_points, 2);
	assert_int_equal(f->c.lab_window_days, 30);
}

static void test_every_key_applied(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(load_text(f,
				   "[database]\npath = /srv/h.db\nbusy_timeout_ms = 100\n"
				   "group = \"hepa\"\n[session]\nidle_lock_seconds = 14400\n"
				   "idle_exit_seconds = 86400\ntz_offset_minutes = -720\n"
				   "[scores]\nchild_pugh_inr_low = 1.8\nchild_pugh_inr_high = 2.2\n"
				   "albi_albumin_coefficient = -0.0852\napri_ast_uln = 35.5\n"
				   "ascites_ica_grade2_points = 3\n"
				   "[display]\nlab_stale_days = 365\n"),
			 ST_OK);
	assert_string_equal(f->c.db_path, "/srv/h.db");
	assert_int_equal(f->c.busy_timeout_ms, 100);
	assert_string_equal(f->c.group, "hepa");
	assert_int_equal(f->c.idle_lock_seconds, 14400);
	assert_int_equal(f->c.idle_exit_seconds, 86400);
	assert_int_equal(f->c.tz_offset_minutes, -720);
	assert_true(f->c.cp_inr_low == 1.8);
	assert_true(f->c.cp_inr_high == 2.2);
	assert_true(f->c.albi_albumin_coef == -0.0852);
	assert_true(f->c.apri_ast_uln == 35.5);
	assert_int_equal(f->c.ascites_ica2_points, 3);
	assert_int_equal(f->c.lab_window_days, 365);
	assert_non_null(strstr(f->c.path, "/t.ini"));
}

/* A user's own config cannot name a protocol file (issue 13): refused with
 * the line and where the protocol comes from now. */
static void test_protocol_file_refused(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(load_text(f, "[protocol]\nfile = mine.ini\n"), ST_INVALID);
	assert_non_null(strstr(f->e.msg, "t.ini:2: 'protocol:file' is no longer read"));
	assert_non_null(strstr(f->e.msg, "hepadesk protocol install FILE"));
}

/* A key given twice was silently the last one (issue 13): refused with the
 * line of the repeat, also across a section opened twice. */
static void test_duplicate_key_refused(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(load_text(f, "[session]\nidle_lock_seconds = 60\n"
				      "idle_lock_seconds = 14400\n"),
			 ST_INVALID);
	assert_non_null(
	    strstr(f->e.msg, "t.ini:3: session:idle_lock_seconds is given a second time"));
	assert_int_equal(f->c.idle_lock_seconds, 600);
	assert_int_equal(load_text(f, "[display]\nlab_stale_days = 5\n[session]\n"
				      "idle_lock_seconds = 60\n[display]\n; lab_stale_days = 9\n"
				      "lab_stale_days = 7\n"),
			 ST_INVALID);
	assert_non_null(strstr(f->e.msg, "t.ini:7: display:lab_stale_days is given a second time"));
	assert_int_equal(load_text(f, "[display]\nlab_stale_days = 5\n; lab_stale_days = 9\n"),
			 ST_OK);
}

static void test_partial_file_keeps_defaults(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(load_text(f, "; only one key\n[Scores]\nAPRI_AST_ULN = 50\n"), ST_OK);
	assert_true(f->c.apri_ast_uln == 50.0);
	assert_int_equal(f->c.busy_timeout_ms, 5000);
	assert_true(f->c.cp_inr_high == 2.3);
	assert_int_equal(load_text(f, ""), ST_OK);
	assert_int_equal(f->c.lab_window_days, 30);
}

static void test_search_explicit_wins(void **state)
{
	struct fixture *f = *state;
	char expl[PATH_MAX], env[PATH_MAX];

	put(f, "explicit.ini", "[display]\nlab_stale_days = 1\n", expl, sizeof expl);
	put(f, "env.ini", "[display]\nlab_stale_days = 2\n", env, sizeof env);
	put(f, "xdg/hepadesk/hepadesk.ini", "[display]\nlab_stale_days = 3\n", NULL, 0);
	setenv("HEPADESK_CONFIG", env, 1);
	set_dir_env(f, "XDG_CONFIG_HOME", "xdg");
	assert_int_equal(config_load(&f->c, expl, &f->e), ST_OK);
	assert_int_equal(f->c.lab_window_days, 1);
	assert_string_equal(f->c.path, expl);
}

static void test_search_env_beats_xdg(void **state)
{
	struct fixture *f = *state;
	char env[PATH_MAX];

	put(f, "env.ini", "[display]\nlab_stale_days = 2\n", env, sizeof env);
	put(f, "xdg/hepadesk/hepadesk.ini", "[display]\nlab_stale_days = 3\n", NULL, 0);
	setenv("HEPADESK_CONFIG", env, 1);
	set_dir_env(f, "XDG_CONFIG_HOME", "xdg");
	assert_int_equal(config_load(&f->c, NULL, &f->e), ST_OK);
	assert_int_equal(f->c.lab_window_days, 2);
	assert_string_equal(f->c.path, env);
	/* Set but empty counts as not set. */
	setenv("HEPADESK_CONFIG", "", 1);
	assert_int_equal(config_load(&f->c, NULL, &f->e), ST_OK);
	assert_int_equal(f->c.lab_window_days, 3);
}

static void test_search_xdg_then_home(void **state)
{
	struct fixture *f = *state;
	char xdg[PATH_MAX], home[PATH_MAX];

	put(f, "xdg/hepadesk/hepadesk.ini", "[display]\nlab_stale_days = 3\n", xdg, sizeof xdg);
	put(f, ".config/hepadesk/hepadesk.ini", "[display]\nlab_stale_days = 4\n", home,
	    sizeof home);
	set_dir_env(f, "XDG_CONFIG_HOME", "xdg");
	assert_int_equal(config_load(&f->c, NULL, &f->e), ST_OK);
	assert_int_equal(f->c.lab_window_days, 3);
	assert_string_equal(f->c.path, xdg);
	setenv("XDG_CONFIG_HOME", "", 1);
	assert_int_equal(config_load(&f->c, NULL, &f->e), ST_OK);
	assert_int_equal(f->c.lab_window_days, 4);
	assert_string_equal(f->c.path, home);
	unsetenv("XDG_CONFIG_HOME");
	assert_int_equal(config_load(&f->c, NULL, &f->e), ST_OK);
	assert_string_equal(f->c.path, home);
}

static void test_search_none_found(void **state)
{
	struct fixture *f = *state;

	if (access(SYSTEM_CONFIG, F_OK) == 0)
		skip();
	/* XDG_CONFIG_HOME is set, so ~/.config is not consulted. */
	put(f, ".config/hepadesk/hepadesk.ini", "[display]\nlab_stale_days = 4\n", NULL, 0);
	set_dir_env(f, "XDG_CONFIG_HOME", "empty");
	f->c.busy_timeout_ms = 1;
	assert_int_equal(config_load(&f->c, NULL, &f->e), ST_OK);
	assert_string_equal(f->c.path, "");
	assert_int_equal(f->c.lab_window_days, 30);
	assert_int_equal(f->c.busy_timeout_ms, 5000);
}

static void test_missing_explicit(void **state)
{
	struct fixture *f = *state;
	char path[PATH_MAX];

	snprintf(path, sizeof path, "%s/nope.ini", f->dir);
	put(f, ".config/hepadesk/hepadesk.ini", "[display]\nlab_stale_days = 4\n", NULL, 0);
	assert_int_equal(config_load(&f->c, path, &f->e), ST_NOT_FOUND);
	assert_msg_has(f, "config file ");
	assert_msg_has(f, "nope.ini: not found");
	assert_int_equal(f->c.lab_window_days, 30);
	assert_string_equal(f->c.path, "");
}

static void test_missing_env(void **state)
{
	struct fixture *f = *state;
	char path[PATH_MAX];

	snprintf(path, sizeof path, "%s/gone.ini", f->dir);
	setenv("HEPADESK_CONFIG", path, 1);
	put(f, ".config/hepadesk/hepadesk.ini", "[display]\nlab_stale_days = 4\n", NULL, 0);
	assert_int_equal(config_load(&f->c, NULL, &f->e), ST_NOT_FOUND);
	assert_msg_has(f, "gone.ini: not found");
}

static void test_unknown_key(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(load_text(f, "[scores]\napri_ast_uln = 40\n\nmeld_cap = 40\n"),
			 ST_INVALID);
	assert_msg_has(f, "t.ini:4: unknown key 'scores:meld_cap'");
	assert_int_equal(load_text(f, "[display]\nlab_stale_days = 3\n[colours]\nRed = 1\n"),
			 ST_INVALID);
	assert_msg_has(f, "t.ini:4: unknown key 'colours:red'");
	assert_int_equal(load_text(f, "[colours]\n"), ST_INVALID);
	assert_msg_has(f, "t.ini:1: unknown section 'colours'");
	/* A key before any section is seen too. */
	assert_int_equal(load_text(f, "path = x\n[database]\n"), ST_INVALID);
	assert_msg_has(f, "t.ini:1: unknown key ':path'");
	/* A section named like a key is not a way round the check. */
	assert_int_equal(load_text(f, "[database:path]\n"), ST_INVALID);
	assert_msg_has(f, "unknown section 'database:path'");
}

static void test_int_out_of_range(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(load_text(f, "[database]\nbusy_timeout_ms = 50\n"), ST_INVALID);
	assert_msg_has(f, "t.ini:2: database:busy_timeout_ms = 50: accepted 100-600000");
	assert_int_equal(load_text(f, "[session]\ntz_offset_minutes = 841\n"), ST_INVALID);
	assert_msg_has(f, "session:tz_offset_minutes = 841: accepted -720..840");
	assert_int_equal(load_text(f, "[scores]\nascites_ica_grade2_points = 1\n"), ST_INVALID);
	assert_msg_has(f, "scores:ascites_ica_grade2_points = 1: accepted 2-3");
	assert_int_equal(load_text(f, "[display]\nlab_stale_days = 99999999999999999999\n"),
			 ST_INVALID);
	assert_msg_has(f, "display:lab_stale_days");
	/* Bounds are inclusive. */
	assert_int_equal(load_text(f, "[session]\ntz_offset_minutes = 840\n"), ST_OK);
	assert_int_equal(f->c.tz_offset_minutes, 840);
}

static void test_double_out_of_range(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(load_text(f, "[scores]\n\napri_ast_uln = 5\n"), ST_INVALID);
	assert_msg_has(f, "t.ini:3: scores:apri_ast_uln = 5: accepted 10-200");
	assert_int_equal(load_text(f, "[scores]\nalbi_albumin_coefficient = 0.085\n"), ST_INVALID);
	assert_msg_has(f, "scores:albi_albumin_coefficient = 0.085: accepted -0.1..-0.08");
	assert_int_equal(load_text(f, "[scores]\nalbi_albumin_coefficient = -0.08\n"), ST_OK);
	assert_true(f->c.albi_albumin_coef == -0.08);
}

static void test_text_in_number(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(load_text(f, "[scores]\napri_ast_uln = forty\n"), ST_INVALID);
	assert_msg_has(f, "t.ini:2: scores:apri_ast_uln = forty: not a number (accepted 10-200)");
	assert_int_equal(load_text(f, "[scores]\napri_ast_uln = nan\n"), ST_INVALID);
	assert_msg_has(f, "scores:apri_ast_uln = nan: not a number");
	assert_int_equal(load_text(f, "[scores]\napri_ast_uln = 40 U/L\n"), ST_INVALID);
	assert_int_equal(load_text(f, "[session]\nidle_lock_seconds = 2.5\n"), ST_INVALID);
	assert_msg_has(f, "session:idle_lock_seconds = 2.5: not a whole number (accepted 2-14400)");
	assert_int_equal(load_text(f, "[session]\nidle_lock_seconds =\n"), ST_INVALID);
	assert_msg_has(f, "session:idle_lock_seconds = : not a whole number");
}

static void test_inr_cross_check(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(load_text(f, "[scores]\nchild_pugh_inr_low = 2.0\n"
				      "child_pugh_inr_high = 1.9\n"),
			 ST_INVALID);
	assert_msg_has(f, "t.ini:3: scores:child_pugh_inr_high = 1.9 is below "
			  "scores:child_pugh_inr_low = 2");
	/* Against the default high bound (2.3), named at the low key's line. */
	assert_int_equal(load_text(f, "[scores]\nchild_pugh_inr_low = 2.5\n"), ST_INVALID);
	assert_msg_has(f, "t.ini:2: scores:child_pugh_inr_high = 2.3 is below");
	/* Equal bounds are allowed. */
	assert_int_equal(load_text(f, "[scores]\nchild_pugh_inr_low = 2.2\n"
				      "child_pugh_inr_high = 2.2\n"),
			 ST_OK);
}

static void test_string_too_long(void **state)
{
	struct fixture *f = *state;
	char text[256];

	snprintf(text, sizeof text, "[database]\ngroup = %0100d\n", 0);
	assert_int_equal(load_text(f, text), ST_INVALID);
	assert_msg_has(f, "t.ini:2: database:group: 100 bytes long, accepted at most 63");
}

/* Runs config_load_file with stderr sent to a temporary file; returns what
 * was written there (caller frees). */
static char *load_capturing_stderr(struct fixture *f, const char *path, enum status *st)
{
	char cap[] = "/tmp/hepadesk-config-stderr-XXXXXX";
	int fd = mkstemp(cap), saved = dup(2);
	char *out = calloc(1, 4096);

	assert_true(fd >= 0 && saved >= 0 && out);
	fflush(stderr);
	dup2(fd, 2);
	*st = config_load_file(&f->c, path, &f->e);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	assert_true(pread(fd, out, 4095, 0) >= 0);
	close(fd);
	unlink(cap);
	return out;
}

static void test_syntax_error_silent(void **state)
{
	struct fixture *f = *state;
	char path[PATH_MAX];
	enum status st;

	put_tmp("[scores]\napri_ast_uln = 40\nthis line is not ini\n", path, sizeof path);
	config_defaults(&f->c);
	char *printed = load_capturing_stderr(f, path, &st);
	unlink(path);
	assert_int_equal(st, ST_INVALID);
	assert_string_equal(printed, "");
	free(printed);
	assert_msg_has(f, path);
	assert_msg_has(f, ": cannot parse: syntax error in ");
	assert_msg_has(f, "(3)");
	assert_msg_has(f, "this line is not ini");
	assert_null(strchr(f->e.msg, '\n'));
}

static void test_failed_load_leaves_config(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(load_text(f, "[display]\nlab_stale_days = 7\n"), ST_OK);
	struct config before = f->c;
	char path[PATH_MAX];
	put(f, "bad.ini", "[display]\nlab_stale_days = 9\n[scores]\napri_ast_uln = 1\n", path,
	    sizeof path);
	assert_int_equal(config_load_file(&f->c, path, &f->e), ST_INVALID);
	assert_memory_equal(&before, &f->c, sizeof before);
}

static char *read_all(const char *path)
{
	FILE *fp = fopen(path, "r");
	struct strbuf sb;
	char buf[4096];
	size_t n;

	if (!fp)
		fail_msg("cannot open %s (run from the repository root or set HEPADESK_SRCDIR)",
			 path);
	sb_init(&sb);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		sb_addn(&sb, buf, n);
	fclose(fp);
	return sb_take(&sb);
}

static void asset_path(char *out, size_t n)
{
	const char *src = getenv("HEPADESK_SRCDIR");

	snprintf(out, n, "%s/assets/hepadesk.ini", src && *src ? src : ".");
}

static void test_shipped_ini_matches(void **state)
{
	char path[PATH_MAX];
	struct strbuf sb;

	(void)state;
	asset_path(path, sizeof path);
	char *shipped = read_all(path);
	sb_init(&sb);
	config_write_defaults(&sb);
	assert_string_equal(shipped, sb_str(&sb));
	sb_done(&sb);
	free(shipped);
}

/* The score defaults have one source: the config defaults, score_input_init
 * and the table agree, and the values are the published ones. */
static void test_score_defaults_one_source(void **state)
{
	struct config c;
	struct score_input in;

	(void)state;
	config_defaults(&c);
	score_input_init(&in);
	assert_true(score_setting(SSET_CP_INR_LOW)->def == 1.7);
	assert_true(score_setting(SSET_CP_INR_HIGH)->def == 2.3);
	assert_true(score_setting(SSET_ALBI_COEF)->def == -0.085);
	assert_true(score_setting(SSET_APRI_AST_ULN)->def == 40);
	assert_true(score_setting(SSET_ICA2_POINTS)->def == 2);
	assert_true(c.cp_inr_low == in.cp_inr_low && in.cp_inr_low == 1.7);
	assert_true(c.cp_inr_high == in.cp_inr_high && in.cp_inr_high == 2.3);
	assert_true(c.albi_albumin_coef == in.albi_coef && in.albi_coef == -0.085);
	assert_true(c.apri_ast_uln == in.ast_uln && in.ast_uln == 40);
	assert_int_equal(c.ascites_ica2_points, 2);
	for (int i = 0; i < SSET_COUNT; i++) {
		const struct score_setting_row *r = score_setting((enum score_setting)i);
		assert_true(r->min <= r->def && r->def <= r->max);
		assert_true(*r->key && *r->help);
	}
	assert_true(score_setting(SSET_ICA2_POINTS)->whole);
	assert_false(score_setting(SSET_APRI_AST_ULN)->whole);
	assert_null(score_setting(SSET_COUNT));
}

static void test_shipped_ini_loads(void **state)
{
	struct fixture *f = *state;
	struct config def;
	char path[PATH_MAX];

	asset_path(path, sizeof path);
	config_defaults(&def);
	assert_int_equal(config_load(&f->c, path, &f->e), ST_OK);
	assert_string_equal(f->c.path, path);
	memset(f->c.path, 0, sizeof f->c.path);
	assert_memory_equal(&def, &f->c, sizeof def);
}

static void test_written_defaults_documented(void **state)
{
	struct strbuf sb;

	(void)state;
	sb_init(&sb);
	config_write_defaults(&sb);
	const char *s = sb_str(&sb);
	assert_true(s[0] == ';');
	assert_non_null(strstr(s, "\n[database]\n"));
	assert_non_null(strstr(s, "(100-600000)\nbusy_timeout_ms = 5000\n"));
	assert_non_null(strstr(s, "(-720..840)\ntz_offset_minutes = 0\n"));
	assert_non_null(strstr(s, "(10-200)\napri_ast_uln = 40\n"));
	assert_non_null(strstr(s, "(-0.1..-0.08)\nalbi_albumin_coefficient = -0.085\n"));
	assert_null(strstr(s, "[protocol]"));
	assert_non_null(strstr(s, "(1-365)\nlab_stale_days = 30\n"));
	sb_done(&sb);
}

static void test_db_path_order(void **state)
{
	struct fixture *f = *state;
	char out[PATH_MAX], want[PATH_MAX];

	config_defaults(&f->c);
	snprintf(want, sizeof want, "%s/.local/share/hepadesk/hepadesk.db", f->dir);
	config_db_path(&f->c, NULL, out, sizeof out);
	assert_string_equal(out, want);
	setenv("XDG_DATA_HOME", "", 1);
	config_db_path(&f->c, NULL, out, sizeof out);
	assert_string_equal(out, want);
	/* --db "" stays empty (opening refuses it), never the default clinic. */
	config_db_path(&f->c, "", out, sizeof out);
	assert_string_equal(out, "");
	setenv("XDG_DATA_HOME", "/data", 1);
	config_db_path(&f->c, NULL, out, sizeof out);
	assert_string_equal(out, "/data/hepadesk/hepadesk.db");
	strcpy(f->c.db_path, "/cfg/h.db");
	config_db_path(&f->c, NULL, out, sizeof out);
	assert_string_equal(out, "/cfg/h.db");
	setenv("HEPADESK_DB", "", 1);
	config_db_path(&f->c, NULL, out, sizeof out);
	assert_string_equal(out, "/cfg/h.db");
	setenv("HEPADESK_DB", "/env/h.db", 1);
	config_db_path(&f->c, NULL, out, sizeof out);
	assert_string_equal(out, "/env/h.db");
	config_db_path(&f->c, "/flag/h.db", out, sizeof out);
	assert_string_equal(out, "/flag/h.db");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	    T(test_defaults),
	    T(test_every_key_applied),
	    T(test_protocol_file_refused),
	    T(test_duplicate_key_refused),
	    T(test_partial_file_keeps_defaults),
	    T(test_search_explicit_wins),
	    T(test_search_env_beats_xdg),
	    T(test_search_xdg_then_home),
	    T(test_search_none_found),
	    T(test_missing_explicit),
	    T(test_missing_env),
	    T(test_unknown_key),
	    T(test_int_out_of_range),
	    T(test_double_out_of_range),
	    T(test_text_in_number),
	    T(test_inr_cross_check),
	    T(test_string_too_long),
	    T(test_syntax_error_silent),
	    T(test_failed_load_leaves_config),
	    T(test_shipped_ini_matches),
	    T(test_score_defaults_one_source),
	    T(test_shipped_ini_loads),
	    T(test_written_defaults_documented),
	    T(test_db_path_order),
#undef T
	};
	return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
