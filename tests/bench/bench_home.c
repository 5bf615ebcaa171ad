/* bench_home.c: the home screen's queries on a clinic with a large
 * follow-up cohort (issue 14: under 50 ms at 50,000 patients in follow-up)
 * — the whole load as `due` and the home screen run it (uc_clinic_load:
 * due today, overdue, awaiting sign-off and evaluation, serious events,
 * their counts), and the sign-off list alone (its two statements on the
 * kept list, bare SQLite). Usage: bench_home DB LABEL [--reps R]. */
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "bench_lib.h"
#include "clock.h"
#include "date.h"
#include "store.h"
#include "uc_dashboard.h"

static void die(const char *what, const char *why)
{
	fprintf(stderr, "bench_home: %s: %s\n", what, why);
	exit(1);
}

/* The sign-off list as store_dashboard.c reads it: rows, then the count. */
static void signoff(sqlite3 *db, day_t today, struct samples *s)
{
	static const char rows[] =
	    "SELECT p.id, p.mrn, p.name, s.last_answer FROM signoff_pending s JOIN patients p ON "
	    "p.id = s.patient_id WHERE s.last_answer >= date(?1 * 86400, 'unixepoch') ORDER BY "
	    "s.last_answer DESC, s.patient_id DESC LIMIT 100";
	static const char count[] = "SELECT count(*) FROM signoff_pending WHERE last_answer >= "
				    "date(?1 * 86400, 'unixepoch')";
	sqlite3_stmt *q[2];
	if (sqlite3_prepare_v2(db, rows, -1, &q[0], NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, count, -1, &q[1], NULL) != SQLITE_OK)
		die("sign-off statements", sqlite3_errmsg(db));
	double t0 = bench_now_ms();
	for (int k = 0; k < 2; k++) {
		sqlite3_bind_int64(q[k], 1, today - 90);
		while (sqlite3_step(q[k]) == SQLITE_ROW)
			;
		sqlite3_reset(q[k]);
	}
	samples_add(s, bench_now_ms() - t0);
	sqlite3_finalize(q[0]);
	sqlite3_finalize(q[1]);
}

int main(int argc, char **argv)
{
	if (argc < 3)
		die("usage", "bench_home DB LABEL [--reps R]");
	int reps = argc >= 5 && strcmp(argv[3], "--reps") == 0 ? atoi(argv[4]) : 50;
	struct store_opts so = {.busy_timeout_ms = 5000, .clock = clock_system};
	struct store *st;
	struct err e;
	sqlite3 *db;
	if (store_open(argv[1], &so, &st, &e) != ST_OK)
		die(argv[1], e.msg);
	struct passwd *pw = getpwuid(getuid());
	if (store_set_actor(st, pw ? pw->pw_name : "bench", &e) != ST_OK)
		die("actor", e.msg);
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK)
		die(argv[1], sqlite3_errmsg(db));
	day_t today = date_from_time(clock_system(), 0);
	struct clinic_dashboard *c = malloc(sizeof *c);
	struct samples home = {0}, sign = {0};
	char id[64];
	for (int i = 0; i < reps; i++) {
		double t0 = bench_now_ms();
		if (uc_clinic_load(st, today, CLINIC_LIST_MAX, c, &e) != ST_OK)
			die("clinic load", e.msg);
		samples_add(&home, bench_now_ms() - t0);
		signoff(db, today, &sign);
	}
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(db,
			       "SELECT count(DISTINCT patient_id) FROM schedule WHERE state = "
			       "'open'",
			       -1, &q, NULL) != SQLITE_OK)
		die("cohort", sqlite3_errmsg(db));
	long long cohort = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
	sqlite3_finalize(q);
	snprintf(id, sizeof id, "home_due.%s", argv[2]);
	bench_samples_row(id, &home, "ms");
	snprintf(id, sizeof id, "home_signoff.%s", argv[2]);
	bench_samples_row(id, &sign, "ms");
	printf("note home at %s: %lld patients with open scheduled items; lists: %d due, %d "
	       "overdue, %d awaiting sign-off; counts: %lld due, %lld overdue\n",
	       argv[2], cohort, c->ndue, c->noverdue, c->nsignoff, (long long)c->counts.due_today,
	       (long long)c->counts.overdue);
	free(c);
	sqlite3_close(db);
	store_close(st);
	return 0;
}
