/* tmpdb.h: the storage tests' shared fixture — a database in a private
 * temporary folder, removed afterwards — and raw SQL from outside the
 * program, to check rows or to tamper with them. Include after cmocka.h. */
#ifndef HEPADESK_TMPDB_H
#define HEPADESK_TMPDB_H

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "testclock.h"

#define TMPDB_DIR_MAX 64
#define TMPDB_PATH_MAX 128

/* Make /tmp/hd-TAG.XXXXXX, open (create) FILE inside it into *st. */
static inline void tmpdb_open(char *dir, char *path, const char *tag, const char *file,
			      struct store **st)
{
	struct err e;
	snprintf(dir, TMPDB_DIR_MAX, "/tmp/hd-%s.XXXXXX", tag);
	assert_non_null(mkdtemp(dir));
	snprintf(path, TMPDB_PATH_MAX, "%s/%s", dir, file);
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
