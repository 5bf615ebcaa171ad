/* uc_draft.c: drafts kept in private files when the database cannot take
 * them, and moved into it by the next session (see uc_draft.h). */
#define _GNU_SOURCE /* secure_getenv */
#include "uc_draft.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store.h"
#include "util.h"

#define DRAFT_FILE_MAGIC "hepadesk draft 1\n"

/* A folder of the user's own that nobody else may enter. */
static enum status own_folder(const char *dir, struct err *e)
{
	struct stat sb;
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return err_set(e, ST_IO, "draft folder %s: %s", dir, strerror(errno));
	if (lstat(dir, &sb) != 0)
		return err_set(e, ST_IO, "draft folder %s: %s", dir, strerror(errno));
	if (!S_ISDIR(sb.st_mode) || sb.st_uid != getuid() || (sb.st_mode & 077))
		return err_set(e, ST_DENIED,
			       "draft folder %s is not a private folder of yours (mode %03o); "
			       "drafts are not kept there",
			       dir, (unsigned)(sb.st_mode & 0777));
	return ST_OK;
}

enum status uc_draft_folder(char *out, size_t n, struct err *e)
{
	const char *rt = config_privileged() ? NULL : secure_getenv("XDG_RUNTIME_DIR");
	char run[64];
	struct stat sb;
	unsigned uid = (unsigned)getuid();
	snprintf(run, sizeof run, "/run/user/%u", uid);
	if (rt && rt[0] == '/')
		snprintf(out, n, "%s/hepadesk", rt);
	else if (lstat(run, &sb) == 0 && S_ISDIR(sb.st_mode) && sb.st_uid == getuid() &&
		 !(sb.st_mode & 077))
		snprintf(out, n, "%s/hepadesk", run);
	else
		snprintf(out, n, "/tmp/hepadesk-%u", uid);
	return own_folder(out, e);
}

/* FNV-1a of the database path: which database a file belongs to, in its name. */
static unsigned long path_hash(const char *s)
{
	unsigned long h = 2166136261UL;
	for (; *s; s++)
		h = ((h ^ (unsigned char)*s) * 16777619UL) & 0xffffffffUL;
	return h;
}

/* DIR/HASH-LOGIN-FORM-PATIENT.draft (login and form are names of a-z,
 * 0-9, '_', '.', '-'). */
static enum status draft_file(const struct app *app, const char *form, int64_t patient_id,
			      char *out, size_t n, struct err *e)
{
	char dir[PATH_MAX];
	const struct user *u = store_actor(app->st);
	enum status s = uc_draft_folder(dir, sizeof dir, e);
	if (s != ST_OK)
		return s;
	if (!u)
		return err_set(e, ST_DENIED, "not authorised — ask the administrator");
	if (snprintf(out, n, "%s/%08lx-%s-%s-%lld.draft", dir, path_hash(app->db_path), u->login,
		     form, (long long)patient_id) >= (int)n)
		return err_set(e, ST_INVALID, "draft file name too long");
	return ST_OK;
}

static enum status write_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return ST_IO;
		p += w;
		len -= (size_t)w;
	}
	return ST_OK;
}

/* Written whole under a temporary name, synced, then renamed: a file
 * there is always a complete draft. */
static enum status spool(struct app *app, const char *form, int64_t patient_id, const char *content,
			 struct err *e)
{
	char path[PATH_MAX], tmp[PATH_MAX + 8];
	struct strbuf b;
	enum status s = draft_file(app, form, patient_id, path, sizeof path, e);
	if (s != ST_OK)
		return s;
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	sb_init(&b);
	sb_addf(&b, DRAFT_FILE_MAGIC "db=%s\nform=%s\npatient=%lld\n--\n%s", app->db_path, form,
		(long long)patient_id, content);
	unlink(tmp);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0 || write_all(fd, sb_str(&b), strlen(sb_str(&b))) != ST_OK || fsync(fd) != 0)
		s = err_set(e, ST_IO, "draft file %s: %s", tmp, strerror(errno));
	if (fd >= 0 && close(fd) != 0 && s == ST_OK)
		s = err_set(e, ST_IO, "draft file %s: %s", tmp, strerror(errno));
	if (s == ST_OK && rename(tmp, path) != 0)
		s = err_set(e, ST_IO, "draft file %s: %s", path, strerror(errno));
	if (s != ST_OK)
		unlink(tmp);
	sb_done(&b);
	return s;
}

static void unspool(struct app *app, const char *form, int64_t patient_id)
{
	char path[PATH_MAX];
	struct err e = {""};
	if (draft_file(app, form, patient_id, path, sizeof path, &e) == ST_OK)
		unlink(path);
}

enum status uc_draft_keep(struct app *app, const char *form, int64_t patient_id,
			  const char *content, bool *in_file, struct err *e)
{
	struct err why = {""};
	*in_file = false;
	enum status s = store_draft_save(app->st, form, patient_id, content, &why);
	if (s == ST_OK) {
		unspool(app, form, patient_id);
		return ST_OK;
	}
	if (s != ST_FULL && s != ST_READONLY && s != ST_BUSY) {
		*e = why;
		return s;
	}
	struct err fe = {""};
	enum status fs = spool(app, form, patient_id, content, &fe);
	if (fs == ST_OK) {
		*in_file = true;
		return ST_OK;
	}
	return err_set(e, s, "%s; and in a file: %s", err_why(&why, s), err_why(&fe, fs));
}

enum status uc_draft_drop(struct app *app, const char *form, int64_t patient_id, struct err *e)
{
	unspool(app, form, patient_id);
	return store_draft_delete(app->st, form, patient_id, e);
}

/* The whole of a small file (heap, caller frees), or NULL. */
static char *slurp(int dirfd, const char *name)
{
	int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	struct stat sb;
	char *buf = NULL;
	if (fd < 0)
		return NULL;
	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_uid == getuid() &&
	    sb.st_size < DRAFT_CONTENT_MAX + 4096) {
		buf = xcalloc(1, (size_t)sb.st_size + 1);
		if (read(fd, buf, (size_t)sb.st_size) != sb.st_size) {
			free(buf);
			buf = NULL;
		}
	}
	close(fd);
	return buf;
}

/* One header line "key=value\n" at *p; advances *p. */
static bool header(const char **p, const char *key, char *val, size_t n)
{
	size_t k = strlen(key);
	if (strncmp(*p, key, k) != 0 || (*p)[k] != '=')
		return false;
	const char *v = *p + k + 1, *nl = strchr(v, '\n');
	if (!nl || (size_t)(nl - v) >= n)
		return false;
	memcpy(val, v, (size_t)(nl - v));
	val[nl - v] = '\0';
	*p = nl + 1;
	return true;
}

/* Move one file's draft in; true when it is in the database. */
static bool import_one(struct app *app, const char *text)
{
	char db[PATH_MAX], form[DRAFT_FORM_MAX + 1], pid[24];
	struct err e = {""};
	const char *p = text;
	if (strncmp(p, DRAFT_FILE_MAGIC, strlen(DRAFT_FILE_MAGIC)) != 0)
		return false;
	p += strlen(DRAFT_FILE_MAGIC);
	if (!header(&p, "db", db, sizeof db) || strcmp(db, app->db_path) != 0 ||
	    !header(&p, "form", form, sizeof form) || !header(&p, "patient", pid, sizeof pid) ||
	    strncmp(p, "--\n", 3) != 0)
		return false;
	char *end;
	long long id = strtoll(pid, &end, 10);
	if (*end != '\0')
		return false;
	return store_draft_save(app->st, form, id, p + 3, &e) == ST_OK;
}

enum status uc_draft_import(struct app *app, int *moved, struct err *e)
{
	char dir[PATH_MAX], prefix[PATH_MAX];
	const struct user *u = store_actor(app->st);
	*moved = 0;
	enum status s = uc_draft_folder(dir, sizeof dir, e);
	if (s != ST_OK || !u)
		return s;
	snprintf(prefix, sizeof prefix, "%08lx-%s-", path_hash(app->db_path), u->login);
	DIR *d = opendir(dir);
	if (!d)
		return err_set(e, ST_IO, "draft folder %s: %s", dir, strerror(errno));
	size_t plen = strlen(prefix);
	const struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);
		if (strncmp(de->d_name, prefix, plen) != 0 || len < 6 ||
		    strcmp(de->d_name + len - 6, ".draft") != 0)
			continue;
		char *text = slurp(dirfd(d), de->d_name);
		if (text && import_one(app, text) && unlinkat(dirfd(d), de->d_name, 0) == 0)
			(*moved)++;
		free(text);
	}
	closedir(d);
	return ST_OK;
}
