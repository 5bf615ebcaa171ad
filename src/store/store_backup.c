/* store_backup.c: the online backup, its key and witness, and its check. */
#include "store_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "json.h"
#include "store_backup.h"
#include "util.h"

#define BACKUP_MODE 0440

/* Copy the file src to dst (created new, mode 0600 until finished). A
 * missing src is ST_NOT_FOUND. */
static enum status copy_file(const char *src, const char *dst, struct err *e)
{
	int in = open(src, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return err_set(e, errno == ENOENT ? ST_NOT_FOUND : ST_IO, "cannot read %s: %s", src,
			       strerror(errno));
	int out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (out < 0) {
		int err = errno;
		close(in);
		return err_set(e, ST_IO, "cannot create %s: %s", dst, strerror(err));
	}
	char buf[8192];
	ssize_t n;
	enum status s = ST_OK;
	while (s == ST_OK && (n = read(in, buf, sizeof buf)) != 0) {
		if (n < 0 || write(out, buf, (size_t)n) != n)
			s = err_set(e, ST_IO, "cannot copy %s to %s: %s", src, dst,
				    strerror(errno));
	}
	if (s == ST_OK && fsync(out) != 0)
		s = err_set(e, ST_IO, "cannot write %s: %s", dst, strerror(errno));
	close(in);
	close(out);
	return s;
}

/* Owner and group read only; the database's group when it is shared. */
static enum status seal(const char *path, gid_t gid, struct err *e)
{
	if (gid != (gid_t)-1 && chown(path, (uid_t)-1, gid) != 0)
		return err_set(e, ST_IO, "cannot give %s to the database's group: %s", path,
			       strerror(errno));
	if (chmod(path, BACKUP_MODE) != 0)
		return err_set(e, ST_IO, "cannot protect %s: %s", path, strerror(errno));
	return ST_OK;
}

/* The online backup of schema ("main", or "access": the access trail)
 * into tmp, switched to rollback-journal mode. */
static enum status copy_db(struct store *st, const char *schema, const char *tmp, int64_t *pages,
			   struct err *e)
{
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return err_set(e, ST_IO, "cannot create %s: %s", tmp, strerror(errno));
	close(fd);
	sqlite3 *dst = NULL;
	enum status s = ST_OK;
	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		s = err_set(e, ST_IO, "cannot open %s: %s", tmp, dst ? sqlite3_errmsg(dst) : "");
		sqlite3_close(dst);
		return s;
	}
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", st->db, schema);
	if (!b) {
		s = err_set(e, ST_IO, "cannot start the backup: %s", sqlite3_errmsg(dst));
	} else {
		int rc;
		/* Copy in steps so writers are never held off for long; a write
		 * between steps restarts the copy, so it stays consistent. */
		while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK || rc == SQLITE_BUSY ||
		       rc == SQLITE_LOCKED)
			if (rc != SQLITE_OK)
				sqlite3_sleep(20);
		*pages = sqlite3_backup_pagecount(b);
		sqlite3_backup_finish(b);
		if (rc != SQLITE_DONE)
			s = err_set(e, ST_IO, "the backup failed: %s", sqlite3_errstr(rc));
	}
	if (s == ST_OK &&
	    sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
		s = err_set(e, ST_IO, "cannot finish the copy: %s", sqlite3_errmsg(dst));
	sqlite3_close(dst);
	return s;
}

/* Open the copy read-only as its own store and check it through. */
static enum status verify_copy(struct store *st, const char *tmp, struct backup_report *out,
			       struct err *e)
{
	struct store_opts o = {
	    .busy_timeout_ms = st->busy_timeout_ms, .readonly = true, .clock = st->clock};
	struct store *copy = NULL;
	struct audit_verify v;
	int bad = 0;
	enum status s = store_open(tmp, &o, &copy, e);
	if (s == ST_OK)
		s = store_set_actor(copy, st->actor.login, e);
	if (s == ST_OK)
		s = store_integrity_check(copy, NULL, NULL, &bad, e);
	if (s == ST_OK && bad)
		s = err_set(e, ST_CORRUPT, "the copy fails the integrity check");
	if (s == ST_OK)
		s = store_audit_verify(copy, &v, e);
	if (s == ST_OK && v.nproblems)
		s = err_set(e, ST_CORRUPT, "the copy's audit trail does not verify: seq %lld: %s",
			    (long long)v.problems[0].seq, v.problems[0].what);
	if (s == ST_OK) {
		out->audit_rows = v.rows;
		out->head_seq = v.last_seq;
	}
	store_close(copy);
	return s;
}

static enum status audit_backup(struct store *st, const char *dest, struct err *e)
{
	struct strbuf after;
	enum status s = store_begin(st, e);
	if (s != ST_OK)
		return s;
	sb_init(&after);
	sb_add(&after, "{\"format\":\"backup\",\"file\":");
	json_quote(&after, dest);
	sb_addc(&after, '}');
	s = store_audit(st, "export", "database", 0, 0, NULL, sb_str(&after), e);
	sb_done(&after);
	if (s != ST_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, e);
}

enum status store_backup(struct store *st, const char *dest, struct backup_report *out,
			 struct err *e)
{
	char tmp[PATH_MAX + 16], side[PATH_MAX + 32], from[PATH_MAX + 16], to[PATH_MAX + 32];
	struct stat sb;
	memset(out, 0, sizeof *out);
	enum status s = store_may(st, PERM_AUDIT, e);
	if (s != ST_OK)
		return s;
	if (!dest || !*dest)
		return err_set(e, ST_INVALID, "backup: no file named");
	if (strlen(dest) >= PATH_MAX)
		return err_set(e, ST_INVALID, "backup: the file name is too long");
	if (lstat(dest, &sb) == 0)
		return err_set(e, ST_DUPLICATE, "backup: %s already exists; nothing was written",
			       dest);
	snprintf(tmp, sizeof tmp, "%s.partial", dest);
	/* A backup carries every record: it is audited before the copy, so the
	 * copy holds its own audit row. */
	if ((s = audit_backup(st, dest, e)) != ST_OK)
		return s;
	/* The key, the witnesses, and the access trail (copied like the
	 * database). */
	static const char *const sides[] = {".key", ".witness", ".access.witness", ".access"};
	enum { NSIDES = 4, ACCESS = 3 };
	int64_t access_pages = 0;
	/* The witnesses first: they may then lag the copy, never run ahead of it. */
	for (int i = ACCESS - 1; s == ST_OK && i >= 0; i--) {
		snprintf(from, sizeof from, "%s%s", st->path, sides[i]);
		snprintf(side, sizeof side, "%s%s", tmp, sides[i]);
		s = copy_file(from, side, e);
		if (s == ST_NOT_FOUND && i > 0)
			s = ST_OK; /* no command has witnessed a head yet */
	}
	if (s == ST_OK)
		s = copy_db(st, "main", tmp, &out->pages, e);
	snprintf(side, sizeof side, "%s%s", tmp, sides[ACCESS]);
	if (s == ST_OK && st->have_access && (s = store_access_use(st, e)) == ST_OK) {
		s = copy_db(st, "access", side, &access_pages, e);
		store_access_done(st);
	}
	if (s == ST_OK)
		s = verify_copy(st, tmp, out, e);
	for (int i = 0; s == ST_OK && i < NSIDES; i++) {
		snprintf(side, sizeof side, "%s%s", tmp, sides[i]);
		snprintf(to, sizeof to, "%s%s", dest, sides[i]);
		if (access(side, F_OK) != 0)
			continue;
		if ((s = seal(side, st->gid, e)) == ST_OK && rename(side, to) != 0)
			s = err_set(e, ST_IO, "cannot name %s: %s", to, strerror(errno));
	}
	if (s == ST_OK && (s = seal(tmp, st->gid, e)) == ST_OK && rename(tmp, dest) != 0)
		s = err_set(e, ST_IO, "cannot name %s: %s", dest, strerror(errno));
	if (s != ST_OK) {
		unlink(tmp);
		for (int i = 0; i < NSIDES; i++) {
			snprintf(side, sizeof side, "%s%s", tmp, sides[i]);
			unlink(side);
			snprintf(to, sizeof to, "%s%s", dest, sides[i]);
			if (access(dest, F_OK) != 0)
				unlink(to);
		}
	}
	return s;
}
