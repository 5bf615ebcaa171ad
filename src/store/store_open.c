/* store_open.c: opening a database — file and folder permissions, pragmas,
 * the SQL functions the audit triggers use, migrations — and the actor. */
#include "store_int.h"
#include "store_wait.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "assets.h"
#include "util.h"

/* One folder of the database's path: created with mode and, when sharing,
 * given to the group (mkdir's mode is cut by the umask; set it exactly). */
static enum status make_one(const char *dir, mode_t mode, gid_t gid, struct err *e)
{
	if (mkdir(dir, mode) != 0) {
		if (errno == EEXIST)
			return ST_OK;
		return err_set(e, ST_IO, "cannot create folder %s: %s", dir, strerror(errno));
	}
	if (gid != (gid_t)-1 && chown(dir, (uid_t)-1, gid) != 0)
		return err_set(e, ST_IO, "cannot give folder %s to its group: %s", dir,
			       strerror(errno));
	if (chmod(dir, mode) != 0)
		return err_set(e, ST_IO, "cannot set the mode of %s: %s", dir, strerror(errno));
	return ST_OK;
}

/* mkdir -p for the folder that holds path, new folders with mode (and gid). */
static enum status make_folder(const char *path, mode_t mode, gid_t gid, struct err *e)
{
	char buf[PATH_MAX];
	enum status s;
	strlcpy_(buf, path, sizeof buf);
	char *slash = strrchr(buf, '/');
	if (!slash || slash == buf)
		return ST_OK;
	*slash = '\0';
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if ((s = make_one(buf, mode, gid, e)) != ST_OK)
			return s;
		*p = '/';
	}
	return make_one(buf, mode, gid, e);
}

/* The gid of database:group, or (gid_t)-1 when not sharing. */
static enum status group_id(const char *group, gid_t *gid, struct err *e)
{
	*gid = (gid_t)-1;
	if (!group || !*group)
		return ST_OK;
	struct group *g = getgrnam(group);
	if (!g)
		return err_set(e, ST_INVALID, "database:group '%s' is not a group on this system",
			       group);
	*gid = g->gr_gid;
	return ST_OK;
}

static enum status check_private(const char *path, struct err *e)
{
	struct stat sb;
	if (stat(path, &sb) != 0)
		return ST_OK;
	if (sb.st_mode & (S_IROTH | S_IWOTH | S_IXOTH))
		return err_set(e, ST_DENIED,
			       "database %s can be read or written by other users (mode %03o); "
			       "fix: chmod o-rwx '%s'",
			       path, (unsigned)(sb.st_mode & 0777), path);
	return ST_OK;
}

static enum status set_private(const char *path, gid_t gid, struct err *e)
{
	mode_t mode = gid != (gid_t)-1 ? 0660 : 0600;
	if (gid != (gid_t)-1 && chown(path, (uid_t)-1, gid) != 0)
		return err_set(e, ST_IO, "cannot give %s to its group: %s", path, strerror(errno));
	if (chmod(path, mode) != 0)
		return err_set(e, ST_IO, "cannot set the mode of %s: %s", path, strerror(errno));
	return ST_OK;
}

static void fn_now(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct store *st = sqlite3_user_data(ctx);
	sqlite3_result_int64(ctx, st->now);
}

static void fn_actor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct store *st = sqlite3_user_data(ctx);
	if (!st->have_actor) {
		sqlite3_result_error(ctx, "no acting user", -1);
		return;
	}
	sqlite3_result_text(ctx, st->actor.login, -1, SQLITE_TRANSIENT);
}

static void fn_audit_on(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct store *st = sqlite3_user_data(ctx);
	sqlite3_result_int(ctx, st->audit_on);
}

static void fn_hash(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct store *st = sqlite3_user_data(ctx);
	char hex[65];
	if (!store_audit_hash(st, argv, argc, hex)) {
		sqlite3_result_error(ctx, "the audit key is missing", -1);
		return;
	}
	sqlite3_result_text(ctx, hex, 64, SQLITE_TRANSIENT);
}

static enum status register_functions(struct store *st, struct err *e)
{
	/* Innocuous: the audit triggers call them. */
	const int flags = SQLITE_UTF8 | SQLITE_INNOCUOUS;
	if (sqlite3_create_function(st->db, "hd_now", 0, flags, st, fn_now, NULL, NULL) ||
	    sqlite3_create_function(st->db, "hd_actor", 0, flags, st, fn_actor, NULL, NULL) ||
	    sqlite3_create_function(st->db, "hd_audit_on", 0, flags, st, fn_audit_on, NULL, NULL) ||
	    sqlite3_create_function(st->db, "hd_hash", -1, flags | SQLITE_DETERMINISTIC, st,
				    fn_hash, NULL, NULL))
		return store_fail(st, e, "registering functions");
	return ST_OK;
}

static int file_version(sqlite3 *db)
{
	sqlite3_stmt *s;
	int v = -1;
	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

int store_file_version(struct store *st)
{
	return file_version(st->db);
}

/* The migration after which the trail is keyed (store_audit_rekey): named
 * by its topic, since migration numbers change when branches merge. */
#define REKEY_MIGRATION "-audit-hmac.sql"
/* The migration after which every patient's lookup keys are built. */
#define LOOKUP_MIGRATION "-lookup-keys.sql"

static bool named(const char *path, const char *tag)
{
	size_t len = strlen(path), n = strlen(tag);
	return len > n && strcmp(path + len - n, tag) == 0;
}

/* Apply one migration in its own transaction; re-checks the version under
 * the write lock so two sessions opening a new file migrate it once. */
static enum status migrate_one(struct store *st, int number, const char *path, const char *sql,
			       struct err *e)
{
	enum status s = store_begin(st, e);
	if (s != ST_OK)
		return s;
	if (file_version(st->db) >= number) {
		store_rollback(st);
		return ST_OK;
	}
	char pragma[64];
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", number);
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(st->db, pragma, NULL, NULL, NULL) != SQLITE_OK) {
		s = store_fail(st, e, "upgrading the database");
		store_rollback(st);
		return s;
	}
	s = store_audit_install(st, e);
	if (s == ST_OK && named(path, REKEY_MIGRATION))
		s = store_audit_rekey(st, e);
	if (s == ST_OK && named(path, LOOKUP_MIGRATION))
		s = store_lookup_rebuild(st, e);
	if (s != ST_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, e);
}

static enum status migrate(struct store *st, struct err *e)
{
	int have = file_version(st->db), want;
	enum status s = store_migrations_check(assets, &want, e);
	if (s != ST_OK)
		return s;
	if (have < 0)
		return store_fail(st, e, "reading the database");
	if (have > want)
		return err_set(e, ST_TOO_NEW,
			       "database schema %d is newer than this hepadesk understands (%d); "
			       "use the newer hepadesk that wrote it",
			       have, want);
	for (int n = have + 1; n <= want; n++) {
		for (const struct asset *a = assets; a->path; a++) {
			if (store_migration_number(a->path) != n)
				continue;
			s = migrate_one(st, n, a->path, a->text, e);
			if (s != ST_OK)
				return s;
			/* Fold each step into the file as it commits: otherwise the
			 * write-ahead log holds every migration (and the audit
			 * triggers each one reinstalls) until the end, and a new
			 * database needed several times its size free (the 2 MB
			 * full-disk test stopped fitting). Best effort: another
			 * session reading the file only makes it wait. */
			sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL,
						  NULL);
		}
	}
	return ST_OK;
}

/* SQLite's own busy handler backs off to 100 ms sleeps, so under load one
 * writer can keep losing the lock to others; waiting in short steps up to
 * database:busy_timeout_ms keeps every write well under a second. */
static int busy_wait(void *arg, int tries)
{
	struct store *st = arg;
	long step_us = tries < 200 ? 500 : 2000;
	long waited_us = tries < 200 ? tries * 500L : 100000L + (tries - 200) * 2000L;
	if (waited_us >= st->busy_timeout_ms * 1000L)
		return 0;
	/* Whoever waits is told (the screens show "saving..."), not at every
	 * brief contention: first after STORE_WAIT_FIRST_MS, then each second. */
	if (tries == 0)
		st->wait_next_us = STORE_WAIT_FIRST_MS * 1000L;
	if (st->on_wait && waited_us >= st->wait_next_us) {
		st->wait_next_us = waited_us + 1000000L;
		st->on_wait(st->on_wait_arg, waited_us / 1000);
	}
	struct timespec ts = {0, step_us * 1000};
	nanosleep(&ts, NULL);
	return 1;
}

/* Switching a new file to WAL needs the file to itself; when many sessions
 * open a new file at once SQLite answers BUSY without calling the busy
 * handler, so wait in steps up to the busy timeout. */
static enum status exec_patiently(struct store *st, const char *sql, struct err *e)
{
	const int step_ms = 10;
	int rc = SQLITE_OK;
	for (int waited = 0; waited <= st->busy_timeout_ms; waited += step_ms) {
		rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
		if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
			break;
		sqlite3_sleep(step_ms);
	}
	return rc == SQLITE_OK ? ST_OK : store_fail(st, e, "database");
}

static enum status configure(struct store *st, const struct store_opts *o, struct err *e)
{
	sqlite3_busy_handler(st->db, busy_wait, st);
	sqlite3_extended_result_codes(st->db, 1);
	enum status s = register_functions(st, e);
	if (s != ST_OK)
		return s;
	if (o->readonly)
		return store_exec(st, "PRAGMA foreign_keys = ON", e);
	/* A 512 KiB page cache per session: many sessions share one server,
	 * and the operating system already caches the file (the default 2 MiB
	 * was most of a session's heap). */
	s = store_exec(st,
		       "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; "
		       "PRAGMA cache_size = -512",
		       e);
	if (s == ST_OK)
		s = exec_patiently(st, "PRAGMA journal_mode = WAL", e);
	return s;
}

/* What is at path before SQLite touches it: a missing file (with the
 * reason, when it is not plain absence), a folder, or a file this user may
 * not read or write — each named, instead of SQLite's "unable to open". */
static enum status check_path(const char *path, bool create, bool readonly, bool *exists,
			      struct err *e)
{
	struct stat sb;
	*exists = false;
	if (!path || !*path)
		return err_set(e, ST_INVALID, "no database file named (--db is empty)");
	if (stat(path, &sb) != 0) {
		if (errno == EACCES)
			return err_set(e, ST_DENIED,
				       "database %s: permission denied (a folder on its path "
				       "cannot be entered by you)",
				       path);
		if (errno != ENOENT || !create)
			return err_set(e, ST_NOT_FOUND,
				       "database %s does not exist (%s); check the path, or "
				       "create a new clinic with `hepadesk init`",
				       path, strerror(errno));
		return ST_OK;
	}
	*exists = true;
	if (S_ISDIR(sb.st_mode))
		return err_set(e, ST_INVALID, "database %s is a folder, not a database file", path);
	if (!S_ISREG(sb.st_mode))
		return err_set(e, ST_INVALID, "database %s is not a regular file", path);
	/* A file that can be read but not written opens for reading; a write
	 * then says the database cannot be written. Checked as the effective
	 * group: a set-group-ID run reads the file as the clinic's group, which
	 * access() (the real ids) would deny. */
	if (faccessat(AT_FDCWD, path, R_OK, AT_EACCESS) != 0 && errno == EACCES)
		return err_set(e, ST_DENIED,
			       "database %s: permission denied (mode %03o: you may not read it)",
			       path, (unsigned)(sb.st_mode & 0777));
	return ST_OK;
}

/* An existing file must be a hepadesk database before anything is written
 * to it (switching to WAL, migrating): hepadesk's application id, or (files
 * from before the id) a schema version with hepadesk's own tables. Nothing
 * here writes. */
static enum status check_identity(struct store *st, struct err *e)
{
	static const char sql[] =
	    "SELECT (SELECT application_id FROM pragma_application_id), "
	    "(SELECT user_version FROM pragma_user_version), "
	    "(SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN "
	    "('meta', 'users', 'patients', 'audit')), "
	    "(SELECT count(*) FROM sqlite_schema)";
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK ||
	    sqlite3_step(q) != SQLITE_ROW) {
		int rc = sqlite3_extended_errcode(st->db);
		sqlite3_finalize(q);
		if ((rc & 0xff) == SQLITE_NOTADB)
			return err_set(e, ST_CORRUPT,
				       "%s is not a database file (a text file, or damaged); "
				       "nothing was written to it",
				       st->path);
		return store_fail(st, e, "reading the database");
	}
	int64_t app = sqlite3_column_int64(q, 0);
	int version = sqlite3_column_int(q, 1), ours = sqlite3_column_int(q, 2);
	int objects = sqlite3_column_int(q, 3);
	sqlite3_finalize(q);
	if (app == STORE_APPLICATION_ID || (app == 0 && version >= 1 && ours == 4))
		return ST_OK;
	if (objects == 0 && version == 0)
		return err_set(e, ST_INVALID,
			       "%s is an empty file, not a hepadesk database; a new clinic is "
			       "made with `hepadesk init`",
			       st->path);
	return err_set(e, ST_INVALID,
		       "%s is a SQLite database of another application, not hepadesk's; "
		       "nothing was written to it",
		       st->path);
}

enum status store_open(const char *path, const struct store_opts *opts, struct store **out,
		       struct err *e)
{
	static const struct store_opts defaults = {.busy_timeout_ms = 5000};
	const struct store_opts *o = opts ? opts : &defaults;
	bool shared = o->group && *o->group;
	bool exists;
	enum status s;

	gid_t gid;
	*out = NULL;
	if ((s = check_path(path, o->create && !o->readonly, o->readonly, &exists, e)) != ST_OK)
		return s;
	if ((s = group_id(o->group, &gid, e)) != ST_OK)
		return s;
	if (!exists && (s = make_folder(path, shared ? 0770 : 0700, gid, e)) != ST_OK)
		return s;
	/* A read-only open (check, audit verify) still reads a copy that others
	 * may read, so the copy can be verified; check reports the mode. */
	struct err exposed = {""};
	if (exists && (s = check_private(path, o->readonly ? &exposed : e)) != ST_OK &&
	    !o->readonly)
		return s;

	struct store *st = xcalloc(1, sizeof *st);
	strlcpy_(st->path, path, sizeof st->path);
	st->audit_on = true;
	st->clock = o->clock ? o->clock : clock_system;
	st->now = st->clock();
	st->busy_timeout_ms = o->busy_timeout_ms > 0 ? o->busy_timeout_ms : 5000;
	int flags = o->readonly ? SQLITE_OPEN_READONLY
				: SQLITE_OPEN_READWRITE | (o->create ? SQLITE_OPEN_CREATE : 0);
	/* No memory statistics (nothing reads them): SQLite otherwise takes a
	 * global mutex on every allocation, 2.5 % of the cohort report's
	 * instructions. Only possible before SQLite initialises; later calls
	 * are refused, harmlessly. */
	static bool configured;
	if (!configured) {
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
		configured = true;
	}
	mode_t old = umask(shared ? 007 : 077);
	int rc = sqlite3_open_v2(path, &st->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		umask(old);
		s = err_set(e, ST_IO, "cannot open database %s: %s", path,
			    st->db ? sqlite3_errmsg(st->db) : "out of memory");
		goto fail;
	}
	st->created = !exists;
	st->readonly = o->readonly;
	strlcpy_(st->exposed, exposed.msg, sizeof st->exposed);
	sqlite3_busy_handler(st->db, busy_wait, st);
	s = exists ? check_identity(st, e) : ST_OK;
	if (s == ST_OK && (s = configure(st, o, e)) == ST_READONLY)
		/* Switching to WAL needs the folder: a read-only copy opened for
		 * writing is refused here, before any command runs, so "nothing
		 * was saved" would mislead a reader. */
		err_set(e, s,
			"database %s cannot be written (read-only file or folder), so it was "
			"not opened; `hepadesk check` and `hepadesk audit verify` read a "
			"read-only copy",
			path);
	if (s == ST_OK)
		s = store_key_open(st, o->readonly, gid, e);
	if (s == ST_OK && !o->readonly)
		s = migrate(st, e);
	if (s == ST_OK)
		s = store_access_attach(st, o->readonly, gid, e);
	umask(old);
	if (s == ST_OK && !exists)
		s = set_private(path, gid, e);
	if (s != ST_OK)
		goto fail;
	*out = st;
	return ST_OK;
fail:
	store_close(st);
	return s;
}

enum status store_create(const char *path, const struct store_opts *opts, struct err *e)
{
	char tmp[PATH_MAX], tmpkey[PATH_MAX + 8], key[PATH_MAX + 8];
	char tmpacc[PATH_MAX + 8], acc[PATH_MAX + 8];
	struct store_opts o = opts ? *opts : (struct store_opts){.busy_timeout_ms = 5000};
	struct store *st;
	struct stat sb;
	if (!path || !*path)
		return err_set(e, ST_INVALID, "no database file named (--db is empty)");
	if (lstat(path, &sb) == 0 || errno != ENOENT)
		return err_set(e, ST_DUPLICATE,
			       "%s already exists; init makes a new database only and changed "
			       "nothing",
			       path);
	if (snprintf(tmp, sizeof tmp, "%s.init-%ld", path, (long)getpid()) >= (int)sizeof tmp)
		return err_set(e, ST_INVALID, "database path %.60s... is too long", path);
	snprintf(tmpkey, sizeof tmpkey, "%s.key", tmp);
	snprintf(key, sizeof key, "%s.key", path);
	snprintf(tmpacc, sizeof tmpacc, "%s.access", tmp);
	snprintf(acc, sizeof acc, "%s.access", path);
	unlink(tmp);
	unlink(tmpkey);
	unlink(tmpacc);
	o.create = true;
	o.readonly = false;
	enum status s = store_open(tmp, &o, &st, e);
	store_close(st);
	/* link() claims the name atomically: two inits at once make one file. */
	if (s == ST_OK && link(tmp, path) != 0)
		s = errno == EEXIST
			? err_set(e, ST_DUPLICATE,
				  "%s already exists; init makes a new database "
				  "only and changed nothing",
				  path)
			: err_set(e, ST_IO, "cannot create %s: %s", path, strerror(errno));
	else if (s == ST_OK && rename(tmpkey, key) != 0)
		s = err_set(e, ST_IO, "cannot create the audit key %s: %s", key, strerror(errno));
	else if (s == ST_OK && rename(tmpacc, acc) != 0)
		s = err_set(e, ST_IO, "cannot create the access trail %s: %s", acc,
			    strerror(errno));
	unlink(tmp);
	unlink(tmpkey);
	unlink(tmpacc);
	return s;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	/* Safe at any point, including an exit or hang-up path: a write left
	 * open is rolled back (nothing is half-saved), every statement is
	 * finalised so the connection really closes and the WAL is checkpointed. */
	if (st->db && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	if (st->db)
		store_witness(st);
	for (int i = 0; i < st->ncache; i++)
		sqlite3_finalize(st->cache[i].stmt);
	if (st->db) {
		sqlite3_stmt *q;
		while ((q = sqlite3_next_stmt(st->db, NULL)) != NULL)
			sqlite3_finalize(q);
		sqlite3_close(st->db);
	}
	free(st);
}
