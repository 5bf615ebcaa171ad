/* bench_model.c: model-level figures on a demo database — the lookup per
 * keystroke through store_patient_find side by side with the bare SQLite
 * floor, and the overview of a patient with five years of follow-up.
 *
 *   bench_model DB LABEL [--rows N] [--names K] [--reps R] [--seed S]
 *
 * Prints "row ID MEDIAN P99 COUNT UNIT" lines (see bench_lib.h); bench.sh
 * turns them into the table. Timing lives here, never in a test. */
#include <math.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "bench_lib.h"
#include "config.h"
#include "date.h"
#include "imaging.h"
#include "overview.h"
#include "store.h"
#include "text.h"
#include "uc_dashboard.h"
#include "uc_overview.h"

/* The dashboards come from the follow-up work; measured once it is merged. */
#if defined(__has_include)
#if __has_include("dashboard.h")
#include "dashboard.h"
#define HAVE_DASHBOARD 1
#endif
#endif

#define FIVE_YEAR_MRN "BENCH-5Y"
#define MAX_ROWS 200
#define MAX_TYPED 14 /* keystrokes per name: a nurse picks before the end */

/* The floor: one prepared statement on the same index, same LIMIT, with the
 * key folded beforehand (folding is the model's work, not SQLite's). */
static const char floor_name_sql[] = "SELECT id, mrn, name, dob, sex FROM patients "
				     "WHERE name_key >= ?1 AND name_key < ?1 || char(1114111) "
				     "ORDER BY name_key, id LIMIT ?2";
static const char floor_mrn_sql[] = "SELECT id, mrn, name, dob, sex FROM patients "
				    "WHERE mrn >= ?1 AND mrn < ?1 || char(1114111) "
				    "ORDER BY mrn LIMIT ?2";

/* The floor of the kinds answered from lookup_keys (lookup.h): the key range
 * and the patient row of each hit. */
static const char floor_key_sql[] = "SELECT p.id, p.mrn, p.name, p.dob, p.sex FROM lookup_keys k "
				    "JOIN patients p ON p.id = k.patient_id "
				    "WHERE k.key >= ?1 AND k.key < ?1 || char(1114111) "
				    "ORDER BY k.key, k.patient_id LIMIT ?2";

struct opts {
	const char *db;
	const char *label;
	int rows;
	int names;
	int reps;
	unsigned long long seed;
	bool only_clinic; /* --only clinic: the clinic dashboard alone */
};

/* Model and floor samples of one kind of keystroke. */
struct pair {
	const char *kind;
	struct samples model, floor;
	long mismatches; /* floor found more rows than the model returned */
};

static void die(const char *what, const char *msg)
{
	fprintf(stderr, "bench_model: %s: %s\n", what, msg);
	exit(1);
}

static int floor_query(sqlite3_stmt *q, const char *key, int rows)
{
	int n = 0;
	sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 2, rows);
	while (sqlite3_step(q) == SQLITE_ROW) {
		/* Touch the columns the model copies out. */
		(void)sqlite3_column_int64(q, 0);
		(void)sqlite3_column_text(q, 1);
		(void)sqlite3_column_text(q, 2);
		(void)sqlite3_column_text(q, 3);
		(void)sqlite3_column_text(q, 4);
		n++;
	}
	sqlite3_reset(q);
	return n;
}

/* One keystroke: the model call and the floor on the same prefix, in
 * alternating order so neither always finds the pages warmed by the other. */
static void keystroke(struct store *st, sqlite3_stmt *fq, struct pair *p, const char *typed,
		      const char *key, int rows)
{
	static struct patient_hit hits[MAX_ROWS];
	static unsigned long turn;
	struct err e;
	int n = 0, fn = 0;
	double tm = 0, tf = 0;
	for (int k = 0; k < 2; k++) {
		double t0 = bench_now_ms();
		if ((k + turn) % 2 == 0) {
			if (store_patient_find(st, typed, hits, rows, &n, &e) != ST_OK)
				die("store_patient_find", e.msg);
			tm = bench_now_ms() - t0;
		} else {
			fn = floor_query(fq, key, rows);
			tf = bench_now_ms() - t0;
		}
	}
	turn++;
	samples_add(&p->model, tm);
	samples_add(&p->floor, tf);
	if (fn > n)
		p->mismatches++;
}

/* Byte length of the first k characters of UTF-8 s (0 when s is shorter). */
static size_t utf8_prefix(const char *s, int k)
{
	size_t i = 0;
	for (int c = 0; c < k; c++) {
		if (!s[i])
			return 0;
		i++;
		while ((s[i] & 0xC0) == 0x80)
			i++;
	}
	return i;
}

/* Type text one character at a time (at most MAX_TYPED). fold_mrn chooses
 * which key the floor is given. */
static void type_text(struct store *st, sqlite3_stmt *fq, struct pair *p, const char *text,
		      bool fold_mrn, int rows)
{
	char buf[256];
	for (int k = 1; k <= MAX_TYPED; k++) {
		size_t len = utf8_prefix(text, k);
		if (len == 0 || len >= sizeof buf)
			break;
		memcpy(buf, text, len);
		buf[len] = 0;
		char *key = fold_mrn ? text_fold_mrn(buf) : text_fold_key(buf);
		keystroke(st, fq, p, buf, key, rows);
		free(key);
	}
}

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* One query of each kind answered from lookup_keys, typed whole: the MRN's
 * last 4 digits, the initial and those digits, the date of birth, and the
 * first given name; the floor is the bare key range for the same key. */
static void key_kinds(struct store *st, sqlite3_stmt *fk, const char *mrn, const char *name_key,
		      const char *dob, struct pair *const *p, int rows)
{
	size_t len = strlen(mrn);
	char typed[64], key[96];
	if (len >= 4 && strspn(mrn + len - 4, "0123456789") == 4) {
		snprintf(typed, sizeof typed, "%s", mrn + len - 4);
		snprintf(key, sizeof key, "T%s", typed);
		keystroke(st, fk, p[0], typed, key, rows);
		snprintf(typed, sizeof typed, "%c%s", name_key[0], mrn + len - 4);
		snprintf(key, sizeof key, "T%s%c", mrn + len - 4, name_key[0]);
		keystroke(st, fk, p[1], typed, key, rows);
	}
	snprintf(key, sizeof key, "D%s", dob);
	keystroke(st, fk, p[2], dob, key, rows);
	const char *comma = strchr(name_key, ',');
	if (comma && comma[1]) {
		size_t n = strcspn(comma + 1, " ");
		snprintf(typed, sizeof typed, "%.*s", (int)(n < 40 ? n : 40), comma + 1);
		snprintf(key, sizeof key, "F%s", typed);
		keystroke(st, fk, p[3], typed, key, rows);
	}
}

/* "MULLER,HANS" -> "muller, hans": the name as typed without accents. */
static void plain_typing(const char *key, char *out, size_t n)
{
	size_t j = 0;
	for (size_t i = 0; key[i] && j + 2 < n; i++) {
		char c = key[i];
		out[j++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
		if (c == ',')
			out[j++] = ' ';
	}
	out[j] = 0;
}

static void pair_rows(struct pair *p, const char *label)
{
	char id[128];
	snprintf(id, sizeof id, "lookup_%s.%s", p->kind, label);
	bench_samples_row(id, &p->model, "ms");
	double mm = samples_pct(&p->model, 0.5), mp = samples_pct(&p->model, 0.99);
	snprintf(id, sizeof id, "floor_%s.%s", p->kind, label);
	bench_samples_row(id, &p->floor, "ms");
	double fm = samples_pct(&p->floor, 0.5), fp = samples_pct(&p->floor, 0.99);
	snprintf(id, sizeof id, "ratio_%s.%s", p->kind, label);
	bench_row(id, fm > 0 ? mm / fm : 0, fp > 0 ? mp / fp : 0, p->model.n, "x");
	printf("note lookup %s at %s: %zu keystrokes, median %.3f ms, worst %.3f ms\n", p->kind,
	       label, p->model.n, mm, samples_max(&p->model));
	if (p->mismatches)
		printf("note lookup %s: %ld keystrokes where the model returned fewer rows "
		       "than the floor\n",
		       p->kind, p->mismatches);
}

static void bench_lookup(struct store *st, sqlite3 *db, const struct opts *o)
{
	sqlite3_stmt *pick, *fname, *fmrn, *fkey, *maxq;
	if (sqlite3_prepare_v2(db, "SELECT max(id) FROM patients", -1, &maxq, NULL) ||
	    sqlite3_prepare_v2(db,
			       "SELECT mrn, name, name_key, dob FROM patients WHERE id >= ?1 "
			       "ORDER BY id LIMIT 1",
			       -1, &pick, NULL) ||
	    sqlite3_prepare_v2(db, floor_name_sql, -1, &fname, NULL) ||
	    sqlite3_prepare_v2(db, floor_mrn_sql, -1, &fmrn, NULL) ||
	    sqlite3_prepare_v2(db, floor_key_sql, -1, &fkey, NULL))
		die("prepare", sqlite3_errmsg(db));
	sqlite3_step(maxq);
	long long max = sqlite3_column_int64(maxq, 0);
	sqlite3_finalize(maxq);
	struct pair accented = {"name_accented"}, plain = {"name_plain"}, mrn = {"mrn"};
	struct pair all = {"all"}, tail = {"last4"}, initial = {"initial_last4"};
	struct pair born = {"dob"}, given = {"first_name"};
	unsigned long long seed = o->seed;
	int accents = 0;
	for (int i = 0; i < o->names; i++) {
		sqlite3_bind_int64(pick, 1,
				   1 + (long long)(bench_rand(&seed) % (unsigned long long)max));
		if (sqlite3_step(pick) != SQLITE_ROW)
			die("pick", "no patient");
		char m[64], name[256], key[256], typed[256];
		snprintf(m, sizeof m, "%s", (const char *)sqlite3_column_text(pick, 0));
		snprintf(name, sizeof name, "%s", (const char *)sqlite3_column_text(pick, 1));
		snprintf(key, sizeof key, "%s", (const char *)sqlite3_column_text(pick, 2));
		char dob[16];
		snprintf(dob, sizeof dob, "%s", (const char *)sqlite3_column_text(pick, 3));
		sqlite3_reset(pick);
		key_kinds(st, fkey, m, key, dob, (struct pair *[]){&tail, &initial, &born, &given},
			  o->rows);
		plain_typing(key, typed, sizeof typed);
		bool has_accent = false;
		for (const char *c = name; *c; c++)
			has_accent |= (*c & 0x80) != 0;
		accents += has_accent;
		type_text(st, fname, has_accent ? &accented : &plain, has_accent ? name : typed,
			  false, o->rows);
		if (has_accent)
			type_text(st, fname, &plain, typed, false, o->rows);
		type_text(st, fmrn, &mrn, m, true, o->rows);
	}
	sqlite3_finalize(pick);
	sqlite3_finalize(fname);
	sqlite3_finalize(fmrn);
	sqlite3_finalize(fkey);
	struct pair *ps[] = {&accented, &plain, &mrn, &tail, &initial, &born, &given};
	for (size_t i = 0; i < ARRAY_LEN(ps); i++) {
		for (size_t k = 0; k < ps[i]->model.n; k++) {
			samples_add(&all.model, ps[i]->model.v[k]);
			samples_add(&all.floor, ps[i]->floor.v[k]);
		}
		all.mismatches += ps[i]->mismatches;
	}
	printf("note lookup at %s: %d names typed (%d with accents), row limit %d\n", o->label,
	       o->names, accents, o->rows);
	pair_rows(&all, o->label);
	for (size_t i = 0; i < ARRAY_LEN(ps); i++)
		pair_rows(ps[i], o->label);
}

/* --- the five-year patient --- */

static void lab_row(struct lab_result *r, int64_t pid, enum analyte_id a, double v, day_t d)
{
	memset(r, 0, sizeof *r);
	r->patient_id = pid;
	r->analyte = a;
	r->value = r->canonical = v;
	snprintf(r->unit, sizeof r->unit, "%s", analyte_unit(a, UNITS_US));
	r->date = d;
	snprintf(r->source, sizeof r->source, "bench");
	r->flag = analyte_flag(a, v);
}

/* Monthly panels for five years and an ultrasound every six months; added
 * once to the cached database (found by MRN afterwards). */
static int64_t five_year_patient(struct store *st, day_t today)
{
	struct patient p;
	struct err e;
	if (store_patient_by_mrn(st, FIVE_YEAR_MRN, &p, &e) == ST_OK)
		return p.id;
	memset(&p, 0, sizeof p);
	snprintf(p.mrn, sizeof p.mrn, FIVE_YEAR_MRN);
	snprintf(p.name, sizeof p.name, "BENCHMARK, Five Years");
	p.dob = today - 58 * 365;
	p.sex = 'M';
	snprintf(p.etiology, sizeof p.etiology, "B18.1");
	p.weight_kg = 70;
	p.weight_date = today - 5 * 365;
	if (store_patient_add(st, &p, &e) != ST_OK)
		die("five-year patient", e.msg);
	for (int m = 60; m >= 0; m--) {
		day_t d = today - m * 30;
		double f = 1.0 + m / 60.0; /* improving towards today */
		struct lab_result r[8];
		lab_row(&r[0], p.id, ANALYTE_BILIRUBIN, round(1.1 * f * 10) / 10, d);
		lab_row(&r[1], p.id, ANALYTE_INR, round(1.1 * f * 100) / 100, d);
		lab_row(&r[2], p.id, ANALYTE_CREATININE, 1.0, d);
		lab_row(&r[3], p.id, ANALYTE_SODIUM, 137, d);
		lab_row(&r[4], p.id, ANALYTE_ALBUMIN, round(3.9 / f * 10) / 10, d);
		lab_row(&r[5], p.id, ANALYTE_ALT, round(30 * f), d);
		lab_row(&r[6], p.id, ANALYTE_AST, round(35 * f), d);
		lab_row(&r[7], p.id, ANALYTE_PLATELETS, round(160 / f), d);
		if (store_lab_add(st, r, 8, &e) != ST_OK)
			die("five-year labs", e.msg);
		if (m % 6 == 0) {
			struct imaging_note n;
			imaging_init(&n);
			n.patient_id = p.id;
			n.date = d;
			n.modality = MOD_ULTRASOUND;
			n.hcc = FIND_NO;
			n.ascites = FIND_NO;
			snprintf(n.note, sizeof n.note, "Coarse echotexture. No focal lesion.");
			if (store_imaging_add(st, &n, &e) != ST_OK)
				die("five-year imaging", e.msg);
		}
	}
	return p.id;
}

#ifdef HAVE_DASHBOARD
/* The home screen's load: every list it shows, from the indexed and kept
 * lists (due, overdue, awaiting sign-off, serious AEs). */
static void bench_clinic(struct store *st, const struct opts *o, day_t today)
{
	struct samples cd = {0};
	struct clinic_dashboard *c = malloc(sizeof *c);
	struct err e;
	char id[64];
	for (int i = 0; i < o->reps / 20 + 5; i++) {
		double t0 = bench_now_ms();
		if (uc_clinic_load(st, today, CLINIC_LIST_MAX, c, &e) != ST_OK)
			die("clinic_dashboard_load", e.msg);
		samples_add(&cd, bench_now_ms() - t0);
	}
	free(c);
	snprintf(id, sizeof id, "clinic_dashboard.%s", o->label);
	bench_samples_row(id, &cd, "ms");
}

static void bench_dashboards(struct store *st, const struct opts *o, int64_t pid, day_t today,
			     const struct config *cfg)
{
	struct samples pd = {0};
	struct dashboard *d = malloc(sizeof *d);
	struct err e;
	char id[64];
	for (int i = 0; i < o->reps; i++) {
		double t0 = bench_now_ms();
		if (uc_dashboard_load(st, pid, today, cfg, d, &e) != ST_OK)
			die("dashboard_load", e.msg);
		samples_add(&pd, bench_now_ms() - t0);
	}
	free(d);
	snprintf(id, sizeof id, "patient_dashboard_5y.%s", o->label);
	bench_samples_row(id, &pd, "ms");
	bench_clinic(st, o, today);
}
#else
static void bench_clinic(struct store *st, const struct opts *o, day_t today)
{
	char id[64];
	snprintf(id, sizeof id, "clinic_dashboard.%s", o->label);
	bench_na(id, "no clinic dashboard in the model yet (include/dashboard.h not merged)");
}

static void bench_dashboards(struct store *st, const struct opts *o, int64_t pid, day_t today,
			     const struct config *cfg)
{
	char id[64];
	snprintf(id, sizeof id, "patient_dashboard_5y.%s", o->label);
	bench_na(id, "no patient dashboard in the model yet (include/dashboard.h not merged)");
	bench_clinic(st, o, today);
}
#endif

static void bench_overview(struct store *st, const struct opts *o, day_t today)
{
	struct config cfg;
	config_defaults(&cfg);
	int64_t pid = five_year_patient(st, today);
	struct samples s = {0};
	struct overview *ov = malloc(sizeof *ov);
	struct err e;
	for (int i = 0; i < o->reps; i++) {
		double t0 = bench_now_ms();
		if (uc_overview_load(st, pid, today, &cfg, ov, &e) != ST_OK)
			die("overview_load", e.msg);
		samples_add(&s, bench_now_ms() - t0);
	}
	free(ov);
	char id[64];
	snprintf(id, sizeof id, "overview_5y.%s", o->label);
	bench_samples_row(id, &s, "ms");
	bench_dashboards(st, o, pid, today, &cfg);
}
static void parse(int argc, char **argv, struct opts *o)
{
	*o = (struct opts){NULL, NULL, 20, 300, 2000, 42, false};
	int pos = 0;
	for (int i = 1; i < argc; i++) {
		if (i + 1 < argc && strcmp(argv[i], "--rows") == 0)
			o->rows = atoi(argv[++i]);
		else if (i + 1 < argc && strcmp(argv[i], "--names") == 0)
			o->names = atoi(argv[++i]);
		else if (i + 1 < argc && strcmp(argv[i], "--reps") == 0)
			o->reps = atoi(argv[++i]);
		else if (i + 1 < argc && strcmp(argv[i], "--seed") == 0)
			o->seed = strtoull(argv[++i], NULL, 10);
		else if (i + 1 < argc && strcmp(argv[i], "--only") == 0 &&
			 strcmp(argv[i + 1], "clinic") == 0 && ++i)
			o->only_clinic = true;
		else if (pos == 0 && ++pos)
			o->db = argv[i];
		else if (pos == 1 && ++pos)
			o->label = argv[i];
		else
			die("usage", "bench_model DB LABEL [--rows N] [--names K] [--reps R] "
				     "[--seed S] [--only clinic]");
	}
	if (!o->db || !o->label || o->rows < 1 || o->rows > MAX_ROWS)
		die("usage", "bench_model DB LABEL [--rows N] [--names K] [--reps R] [--seed S] "
			     "[--only clinic]");
}

int main(int argc, char **argv)
{
	struct opts o;
	struct store *st;
	struct err e;
	sqlite3 *db;
	parse(argc, argv, &o);
	struct store_opts so = {.busy_timeout_ms = 5000, .clock = clock_system};
	if (store_open(o.db, &so, &st, &e) != ST_OK)
		die(o.db, e.msg);
	int64_t now = clock_system();
	struct passwd *pw = getpwuid(getuid());
	if (store_set_actor(st, pw ? pw->pw_name : "bench", &e) != ST_OK)
		die("actor", e.msg);
	if (sqlite3_open_v2(o.db, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK)
		die(o.db, sqlite3_errmsg(db));
	day_t today = date_from_time(now, 0);
	if (o.only_clinic) {
		bench_clinic(st, &o, today);
	} else {
		bench_overview(st, &o, today);
		bench_lookup(st, db, &o);
	}
	sqlite3_close(db);
	store_close(st);
	return 0;
}
