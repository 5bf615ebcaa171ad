/* tmpdb.h: the storage tests' shared fixture — a database in a private
 * temporary folder, removed afterwards — and raw SQL from outside the
 * program, to check rows or to tamper with them. Include after cmocka.h. */
#ifndef HEPADESK_TMPDB_H
#define HEPADESK_TMPDB_H

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store.h"
#include "testclock.h"

#define TMPDB_DIR_MAX 64
#define TMPDB_PATH_MAX 128

/* Make /tmp/hd-TAG.XXXXXX; *path = FILE inside it. */
static inline void tmpdb_mkdir(char *dir, char *path, const char *tag, const char *file)
{
	snprintf(dir, TMPDB_DIR_MAX, "/tmp/hd-%s.XXXXXX", tag);
	assert_non_null(mkdtemp(dir));
	snprintf(path, TMPDB_PATH_MAX, "%s/%s", dir, file);
}

/* Make /tmp/hd-TAG.XXXXXX and create FILE inside it with store_open (every
 * migration, the folders and modes it sets): for tests of creation itself. */
static inline void tmpdb_create(char *dir, char *path, const char *tag, const char *file,
				struct store **st)
{
	struct err e;
	tmpdb_mkdir(dir, path, tag, file);
	assert_int_equal(store_open(path, TESTCLOCK_OPTS, st, &e), ST_OK);
}

/* The template's audit key (every copy shares it, as a backup does). */
static unsigned char tmpdb_key[32];

/* The template: a new database made by store_open once per test process (on
 * the first call), kept as bytes with its key; its files are removed at once. Running every
 * migration for every test was most of the storage tests' time. */
static inline const unsigned char *tmpdb_template(size_t *len)
{
	static unsigned char *bytes;
	static size_t n;
	if (!bytes) {
		char dir[TMPDB_DIR_MAX], path[TMPDB_PATH_MAX];
		struct store *st;
		tmpdb_create(dir, path, "tmpl", "template.db", &st);
		store_close(st); /* the last close checkpoints and removes the WAL */
		char keypath[TMPDB_PATH_MAX + 8];
		snprintf(keypath, sizeof keypath, "%s.key", path);
		FILE *kf = fopen(keypath, "rb");
		assert_non_null(kf);
		assert_int_equal(fread(tmpdb_key, 1, sizeof tmpdb_key, kf), sizeof tmpdb_key);
		fclose(kf);
		assert_int_equal(remove(keypath), 0);
		FILE *fp = fopen(path, "rb");
		assert_non_null(fp);
		assert_int_equal(fseek(fp, 0, SEEK_END), 0);
		long size = ftell(fp);
		assert_true(size > 0);
		rewind(fp);
		bytes = malloc((size_t)size);
		assert_non_null(bytes);
		assert_int_equal(fread(bytes, 1, (size_t)size, fp), (size_t)size);
		fclose(fp);
		n = (size_t)size;
		assert_int_equal(remove(path), 0);
		/* The access trail beside it (store_access.c) is made again by
		 * each copy's first open. */
		char side[TMPDB_PATH_MAX + 24];
		static const char *const sides[] = {".access", ".access.witness", ".witness"};
		for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++) {
			snprintf(side, sizeof side, "%s%s", path, sides[i]);
			remove(side);
		}
		assert_int_equal(rmdir(dir), 0);
	}
	*len = n;
	return bytes;
}

/* Make /tmp/hd-TAG.XXXXXX, write a copy of the template as FILE inside it
 * (its folders 0700, the file 0600, as store_open makes them) with the
 * template's key beside it and open it
 * into *st. Each test gets its own private file, as new as a created one. */
static inline void tmpdb_open(char *dir, char *path, const char *tag, const char *file,
			      struct store **st)
{
	struct err e;
	size_t len;
	const unsigned char *tmpl = tmpdb_template(&len);
	tmpdb_mkdir(dir, path, tag, file);
	for (char *p = path + strlen(dir) + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		assert_true(mkdir(path, 0700) == 0 || errno == EEXIST);
		*p = '/';
	}
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	assert_true(fd >= 0);
	assert_int_equal(fchmod(fd, 0600), 0);
	assert_int_equal(write(fd, tmpl, len), (ssize_t)len);
	assert_int_equal(close(fd), 0);
	char keypath[TMPDB_PATH_MAX + 8];
	snprintf(keypath, sizeof keypath, "%s.key", path);
	fd = open(keypath, O_WRONLY | O_CREAT | O_EXCL, 0400);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, tmpdb_key, sizeof tmpdb_key), (ssize_t)sizeof tmpdb_key);
	assert_int_equal(close(fd), 0);
	assert_int_equal(store_open(path, TESTCLOCK_OPTS, st, &e), ST_OK);
}

/* Close the store and remove the folder with everything in it. */
static inline void tmpdb_remove(const char *dir, struct store *st)
{
	char cmd[TMPDB_DIR_MAX + 16];
	store_close(st);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* The first column of the first row of q, run on the file directly; -1
 * when there is no row. */
static inline long long tmpdb_int(const char *path, const char *q)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long long v = -1;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, q, -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

/* Run q on the file directly, bypassing the program; returns SQLite's code. */
static inline int tmpdb_exec(const char *path, const char *q)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	int rc = sqlite3_exec(db, q, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

#endif
