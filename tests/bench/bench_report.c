/* bench_report.c: the cohort outcomes report (uc_report.h) on a demo
 * database — its time over the whole treated cohort, and EXPLAIN QUERY PLAN
 * of every distinct statement it runs (traced on its connection) for the
 * bench notes.
 *
 *   bench_report DB LABEL [--reps R]
 *
 * Prints "row ID MEDIAN P99 COUNT UNIT" and "note ..." lines (bench_lib.h).
 * Timing lives here, never in a test. */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "app.h"
#include "bench_lib.h"
#include "config.h"
#include "store_report.h"
#include "uc_report.h"

#define SQL_MAX 64

struct seen {
	char *sql[SQL_MAX];
	int n;
};

static void die(const char *what, const char *msg)
{
	fprintf(stderr, "bench_report: %s: %s\n", what, msg);
	exit(1);
}

static void collect(void *ctx, const char *sql)
{
	struct seen *s = ctx;
	for (int i = 0; i < s->n; i++)
		if (strcmp(s->sql[i], sql) == 0)
			return;
	if (s->n < SQL_MAX)
		s->sql[s->n++] = strdup(sql);
}

/* One line: the statement shortened, then each plan row after "|". */
static void explain(sqlite3 *db, const char *sql, const char *label)
{
	char *q = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, q, -1, &st, NULL) != SQLITE_OK) {
		printf("note plan %s: (not explained: %s)\n", label, sqlite3_errmsg(db));
		sqlite3_free(q);
		return;
	}
	printf("note plan %s: %.90s", label, sql);
	while (sqlite3_step(st) == SQLITE_ROW)
		printf(" | %s", (const char *)sqlite3_column_text(st, 3));
	printf("\n");
	sqlite3_finalize(st);
	sqlite3_free(q);
}

int main(int argc, char **argv)
{
	if (argc < 3)
		die("usage", "bench_report DB LABEL [--reps R]");
	const char *path = argv[1], *label = argv[2];
	int reps = argc > 4 && strcmp(argv[3], "--reps") == 0 ? atoi(argv[4]) : 5;
	struct app app = {.clock = clock_system};
	struct err e = {""};
	config_defaults(&app.cfg);
	struct store_opts so = {.busy_timeout_ms = 5000, .clock = clock_system};
	if (store_open(path, &so, &app.st, &e) != ST_OK)
		die(path, e.msg);
	struct passwd *pw = getpwuid(getuid());
	if (store_set_actor(app.st, pw ? pw->pw_name : "bench", &e) != ST_OK)
		die("actor", e.msg);
	struct report_filter f;
	report_filter_init(&f);
	struct report *r = calloc(1, sizeof *r);
	struct samples s = {0};
	struct seen seen = {0};
	int treated = 0, weeks = 0, measures = 0;
	for (int i = 0; i < reps + 1; i++) {
		if (i == 0)
			store_report_trace(app.st, collect, &seen);
		double t0 = bench_now_ms();
		if (app_report_outcomes(&app, &f, r, &e) != ST_OK)
			die("report", e.msg);
		double ms = bench_now_ms() - t0;
		if (i == 0)
			store_report_trace(app.st, NULL, NULL);
		else
			samples_add(&s, ms); /* the first run warms the cache and traces */
		treated = r->npatients;
		weeks = r->nweeks;
		measures = r->nmeasures;
		report_free(r);
	}
	char id[64];
	snprintf(id, sizeof id, "report_outcomes.%s", label);
	bench_samples_row(id, &s, "ms");
	printf("note report outcomes at %s: %d treated patients, %d visit weeks, %d measures\n",
	       label, treated, weeks, measures);
	sqlite3 *db;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		die(path, sqlite3_errmsg(db));
	for (int i = 0; i < seen.n; i++) {
		char name[32];
		snprintf(name, sizeof name, "report %d", i + 1);
		explain(db, seen.sql[i], name);
		free(seen.sql[i]);
	}
	sqlite3_close(db);
	free(r);
	free(s.v);
	store_close(app.st);
	return 0;
}
