/* demo_followup.c: the demo clinic's follow-up cohort — READY patients with
 * a signed evaluation and an IV plan months to two years ago, then their
 * infusions, visits (most in their window, some missed with a reason, a few
 * left overdue), labs that improve, and adverse events — plus one patient
 * with five years of monthly labs for benchmarks. */
#include "demo.h"
#include "uc_checklist.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "store_eval.h"
#include "store_followup.h"
#include "store_longterm.h"
#include "util.h"

#define FU_PROTOCOL "assets/protocols/ucmsc-default.ini"
#define FU_BENCH_MRN "70000000"
#define FU_MRN_BASE 70000001LL
#define FU_YEARS 5
#define FU_COHORT_MAX 50000 /* issue 14: home at 50,000 patients in follow-up */
#define OVERDUE_DAYS 21

struct fu {
	struct store *st;
	const struct protocol *p;
	const char *text;
	struct config cfg;
	uint64_t seed;
	day_t today;
	int64_t now;
	struct demo_extra x;
	struct demo_patient_fate fate; /* the patient being made */
	int seen;		       /* scheduled visits done so far */
};

static double fu_uniform(struct fu *f, double lo, double hi)
{
	return demo_uniform(&f->seed, lo, hi);
}

static int fu_pick(struct fu *f, int n)
{
	return demo_pick(&f->seed, n);
}

/* Liver state of one patient: canonical values by analyte. */
struct liver {
	double v[ANALYTE_COUNT];
	int ascites, he, fatigue;
	double stiffness;
};

/* Eligible at intake (MELD 3.0 about 15-22, Child-Pugh 7-9). */
static void intake_state(struct fu *f, struct liver *x)
{
	memset(x, 0, sizeof *x);
	x->v[ANALYTE_BILIRUBIN] = fu_uniform(f, 2.0, 2.9);
	x->v[ANALYTE_INR] = fu_uniform(f, 1.4, 1.65);
	x->v[ANALYTE_CREATININE] = fu_uniform(f, 0.8, 1.3);
	x->v[ANALYTE_SODIUM] = fu_uniform(f, 132, 138);
	x->v[ANALYTE_ALBUMIN] = fu_uniform(f, 2.7, 3.1);
	x->v[ANALYTE_ALT] = fu_uniform(f, 30, 120);
	x->v[ANALYTE_AST] = fu_uniform(f, 40, 150);
	x->v[ANALYTE_PLATELETS] = fu_uniform(f, 60, 140);
	x->v[ANALYTE_AFP] = fu_uniform(f, 2, 9);
	x->ascites = 1 + fu_pick(f, 2);
	x->he = fu_pick(f, 2);
	x->fatigue = 2;
	x->stiffness = round(fu_uniform(f, 18, 40) * 10) / 10;
}

/* Drift towards improvement, with noise (most patients improve). */
static void drift(struct fu *f, struct liver *x)
{
	static const struct {
		enum analyte_id a;
		double lo, hi, floor, ceil;
	} d[] = {
	    {ANALYTE_BILIRUBIN, 0.88, 1.06, 0.5, 6}, {ANALYTE_INR, 0.95, 1.03, 0.95, 2.5},
	    {ANALYTE_ALBUMIN, 0.99, 1.05, 2.2, 4.4}, {ANALYTE_ALT, 0.82, 1.08, 12, 200},
	    {ANALYTE_AST, 0.82, 1.08, 15, 250},	     {ANALYTE_CREATININE, 0.96, 1.04, 0.6, 2.2},
	    {ANALYTE_SODIUM, 0.99, 1.012, 128, 142}, {ANALYTE_PLATELETS, 0.97, 1.06, 40, 220},
	};
	for (size_t i = 0; i < ARRAY_SIZE(d); i++) {
		double v = x->v[d[i].a] * fu_uniform(f, d[i].lo, d[i].hi);
		x->v[d[i].a] = fmin(d[i].ceil, fmax(d[i].floor, v));
	}
	if (x->ascites > 0 && fu_pick(f, 3) == 0)
		x->ascites--;
	if (x->he > 0 && fu_pick(f, 2) == 0)
		x->he = 0;
	if (x->fatigue > 0 && fu_pick(f, 3) == 0)
		x->fatigue--;
	x->stiffness = fmax(6, round(x->stiffness * fu_uniform(f, 0.9, 1.02) * 10) / 10);
}

static struct lab_result fu_lab(int64_t pid, enum analyte_id a, double v, day_t d)
{
	struct lab_result r = {0};
	double scale = pow(10, analyte_get(a)->decimals[UNITS_US]);
	r.patient_id = pid;
	r.analyte = a;
	r.value = r.canonical = round(v * scale) / scale;
	strlcpy_(r.unit, analyte_unit(a, UNITS_US), sizeof r.unit);
	r.date = d;
	strlcpy_(r.source, "demo", sizeof r.source);
	r.flag = analyte_flag(a, r.canonical);
	r.confirmed = r.flag == FLAG_CRIT_LOW || r.flag == FLAG_CRIT_HIGH;
	return r;
}

static const enum analyte_id fu_panel[] = {
    ANALYTE_BILIRUBIN, ANALYTE_INR, ANALYTE_CREATININE, ANALYTE_SODIUM,
    ANALYTE_ALBUMIN,   ANALYTE_ALT, ANALYTE_AST,	ANALYTE_PLATELETS,
};

static enum status intake_records(struct fu *f, int64_t pid, day_t t0, const struct liver *x,
				  bool hbv, struct err *e)
{
	enum status s = ST_OK;
	for (size_t i = 0; i < ARRAY_SIZE(fu_panel) && s == ST_OK; i++) {
		struct lab_result r = fu_lab(pid, fu_panel[i], x->v[fu_panel[i]], t0 - 2);
		s = store_demo_lab(f->st, &r, e);
	}
	struct lab_result afp = fu_lab(pid, ANALYTE_AFP, x->v[ANALYTE_AFP], t0 - 2);
	if (s == ST_OK)
		s = store_demo_lab(f->st, &afp, e);
	/* Hepatitis B: HBV DNA suppressed on antiviral therapy. */
	struct lab_result dna = fu_lab(pid, ANALYTE_HBV_DNA, 15, t0 - 2);
	if (s == ST_OK && hbv)
		s = store_demo_lab(f->st, &dna, e);
	struct imaging_note n;
	imaging_init(&n);
	n.patient_id = pid;
	n.date = t0 - 10;
	n.modality = MOD_CT;
	n.hcc = FIND_NO;
	n.ascites = FIND_NO;
	strlcpy_(n.note, "Cirrhotic liver, no focal lesion.", sizeof n.note);
	if (s == ST_OK)
		s = store_demo_imaging(f->st, &n, e);
	imaging_init(&n);
	n.patient_id = pid;
	n.date = t0 - 10;
	n.modality = MOD_DOPPLER;
	n.thrombosis = FIND_NO;
	if (s == ST_OK)
		s = store_demo_imaging(f->st, &n, e);
	imaging_init(&n);
	n.patient_id = pid;
	n.date = t0 - 10;
	n.modality = MOD_ELASTOGRAPHY;
	n.stiffness_kpa = x->stiffness;
	n.iqr_kpa = round(x->stiffness * 0.12 * 10) / 10;
	return s == ST_OK ? store_demo_imaging(f->st, &n, e) : s;
}

static enum status intake_answers(struct fu *f, int64_t pid, day_t t0, struct err *e)
{
	static const char *const items[] = {"malignancy",	  "infection",	   "gi_bleed",
					    "pregnancy",	  "hiv",	   "transplant",
					    "immunosuppressants", "organ_disease", "allergy",
					    "encephalopathy",	  "consent"};
	enum status s = ST_OK;
	for (size_t i = 0; i < ARRAY_SIZE(items) && s == ST_OK; i++) {
		struct checklist_answer a = {0};
		a.patient_id = pid;
		strlcpy_(a.item, items[i], sizeof a.item);
		a.yes = strcmp(items[i], "consent") == 0;
		if (a.yes)
			date_format(t0 - 1, a.value);
		a.answered_on = t0 - 1;
		s = store_demo_answer(f->st, f->p, &a, e);
	}
	return s;
}

/* Register, evaluate (signed READY on t0) and plan (first infusion t0 + 7). */
static enum status intake(struct fu *f, const char *mrn, day_t t0, struct patient *pt,
			  struct liver *x, struct schedule_item *items, int *n, struct err *e)
{
	/* Each name with the sex it is usually given to. */
	static const struct {
		const char *name;
		char sex;
	} names[] = {{"LIU, Mei", 'F'},	    {"TRẦN, Văn Minh", 'M'}, {"OKAFOR, Chidi", 'M'},
		     {"SCHMIDT, Eva", 'F'}, {"PÉREZ, Lucía", 'F'},   {"KOWALSKA, Anna", 'F'},
		     {"YILMAZ, Emre", 'M'}, {"SATO, Haruto", 'M'},   {"ZHANG, Wei", 'M'}};
	memset(pt, 0, sizeof *pt);
	strlcpy_(pt->mrn, mrn, sizeof pt->mrn);
	int who = fu_pick(f, ARRAY_SIZE(names));
	strlcpy_(pt->name, names[who].name, sizeof pt->name);
	pt->dob = t0 - (day_t)fu_uniform(f, 35 * 365.25, 70 * 365.25);
	pt->sex = names[who].sex;
	strlcpy_(pt->etiology, fu_pick(f, 3) ? "B18.1" : "K70.3", sizeof pt->etiology);
	pt->weight_kg = round(fu_uniform(f, 48, 90) * 10) / 10;
	pt->weight_date = t0 - 2;
	intake_state(f, x);
	enum status s = store_demo_patient(f->st, pt, e);
	if (s == ST_OK)
		s = intake_records(f, pt->id, t0, x, strcmp(pt->etiology, "B18.1") == 0, e);
	if (s == ST_OK)
		s = intake_answers(f, pt->id, t0, e);
	if (s == ST_OK)
		s = uc_demo_sign(f->st, &f->cfg, f->p, f->text, pt->id, t0, e);
	struct plan_request rq = {ROUTE_IV, NAN, 0, 0, t0 + 7, ""};
	struct plan pl;
	if (s == ST_OK)
		s = store_demo_plan(f->st, f->p, &rq, pt->id, t0, &pl, items, n, e);
	return s;
}

static enum status fever_after(struct fu *f, const struct infusion *inf, struct err *e)
{
	struct ae a;
	ae_init(&a);
	a.patient_id = inf->patient_id;
	strlcpy_(a.term, "Fever", sizeof a.term);
	a.term_listed = true;
	a.temp_c = round(fu_uniform(f, 38.0, 39.6) * 10) / 10;
	a.grade = ae_fever_grade(a.temp_c, -1);
	a.onset_at = inf->given_at + (int64_t)fu_uniform(f, 3, 20) * 3600;
	a.onset = date_from_time(a.onset_at, f->cfg.tz_offset_minutes * 60);
	a.relation = AE_REL_PROBABLE;
	a.action = fu_pick(f, 2) ? AE_ACT_MEDICATION : AE_ACT_NONE;
	a.outcome = AE_OUT_RESOLVED;
	a.resolved = a.onset + 1;
	if (a.onset_at > f->now || a.resolved > f->today)
		return ST_OK;
	return store_demo_ae(f->st, &a, e);
}

static enum status give_infusion(struct fu *f, const struct schedule_item *it, struct err *e)
{
	struct infusion inf;
	infusion_init(&inf);
	inf.patient_id = it->patient_id;
	inf.schedule_id = it->id;
	inf.date = it->due + fu_pick(f, 2) - fu_pick(f, 2);
	if (inf.date > f->today)
		inf.date = f->today;
	inf.given_at = date_to_time(inf.date) + 9 * 3600 + 30 * 60;
	if (inf.given_at > f->now)
		inf.given_at = f->now;
	inf.cells = 5e5 * 60;
	demo_extra_lot(&f->x, inf.date, inf.lot, sizeof inf.lot);
	strlcpy_(inf.given_by, "demo nurse", sizeof inf.given_by);
	if (fu_pick(f, 12) == 0)
		strlcpy_(inf.reaction, "transient chills, settled without treatment",
			 sizeof inf.reaction);
	enum status s = store_demo_infusion(f->st, &inf, e);
	if (s == ST_OK && fu_pick(f, 7) == 0)
		s = fever_after(f, &inf, e);
	return s;
}

static enum status serious_event(struct fu *f, int64_t pid, day_t d, struct err *e)
{
	struct ae a;
	ae_init(&a);
	a.patient_id = pid;
	strlcpy_(a.term, "Upper gastrointestinal hemorrhage", sizeof a.term);
	a.term_listed = true;
	a.grade = 3;
	a.serious = true;
	a.onset = d;
	a.onset_at = date_to_time(d) + 22 * 3600;
	a.relation = AE_REL_UNRELATED;
	a.action = AE_ACT_HOSPITALISED;
	a.outcome = d + 6 <= f->today ? AE_OUT_RESOLVED : AE_OUT_RESOLVING;
	a.resolved = a.outcome == AE_OUT_RESOLVED ? d + 6 : DAY_NONE;
	strlcpy_(a.note, "Variceal bleed; banding; portal hypertension, not the cell product.",
		 sizeof a.note);
	return a.onset_at > f->now ? ST_OK : store_demo_ae(f->st, &a, e);
}

static void visit_findings(struct fu *f, const struct liver *x, const char *label, struct visit *v)
{
	v->temp_c = round(fu_uniform(f, 36.3, 37.4) * 10) / 10;
	v->sbp = 100 + fu_pick(f, 30);
	v->dbp = 60 + fu_pick(f, 20);
	v->symptom[SYM_FATIGUE] = x->fatigue;
	v->symptom[SYM_APPETITE] = x->fatigue > 0 ? SEV_MILD : SEV_NONE;
	v->symptom[SYM_JAUNDICE] = x->v[ANALYTE_BILIRUBIN] > 2.5 ? SEV_MILD : SEV_NONE;
	v->symptom[SYM_PRURITUS] = SEV_NONE;
	v->symptom[SYM_OEDEMA] = x->ascites > 1 ? SEV_MODERATE : x->ascites ? SEV_MILD : SEV_NONE;
	v->ascites = x->ascites;
	v->he = x->he;
	if (label &&
	    (strcmp(label, "W24") == 0 || strcmp(label, "W48") == 0 || strcmp(label, "W72") == 0)) {
		v->stiffness_kpa = x->stiffness;
		v->iqr_kpa = round(x->stiffness * 0.1 * 10) / 10;
	}
}

/* A visit on day d with the panel of the day; item may be NULL
 * (unscheduled). */
static enum status see(struct fu *f, int64_t pid, const struct schedule_item *it, day_t d,
		       struct liver *x, struct err *e)
{
	struct visit v;
	struct lab_result labs[ARRAY_SIZE(fu_panel)];
	visit_init(&v);
	v.patient_id = pid;
	v.schedule_id = it ? it->id : 0;
	v.date = d;
	drift(f, x);
	visit_findings(f, x, it ? it->label : NULL, &v);
	for (size_t i = 0; i < ARRAY_SIZE(fu_panel); i++)
		labs[i] = fu_lab(pid, fu_panel[i], x->v[fu_panel[i]], d);
	enum status s = store_demo_visit(f->st, &v, labs, (int)ARRAY_SIZE(fu_panel), e);
	if (s == ST_OK && fu_pick(f, 60) == 0)
		s = serious_event(f, pid, d, e);
	if (s == ST_OK && it)
		s = demo_extra_visit(&f->x, &f->fate, pid, it->label, d, ++f->seen, e);
	return s;
}

static enum status miss(struct fu *f, const struct schedule_item *it, struct err *e)
{
	static const char *const reasons[] = {"admitted to another hospital", "travelling",
					      "could not be reached by phone",
					      "too unwell to travel; seen by the local doctor"};
	struct visit v;
	visit_init(&v);
	v.patient_id = it->patient_id;
	v.schedule_id = it->id;
	v.state = VISIT_MISSED;
	v.date = it->due + it->window_after + 1;
	strlcpy_(v.reason, reasons[fu_pick(f, ARRAY_SIZE(reasons))], sizeof v.reason);
	return store_demo_visit(f->st, &v, NULL, 0, e);
}

/* What happened to one scheduled item by today, as in a well-run clinic.
 * Everything is done for the benchmark patient; otherwise most items are
 * done in their window and some missed (with a reason); only a few whose
 * window closed in the last OVERDUE_DAYS are still open (overdue by days,
 * not years); half of today's due ones not yet. */
static enum status follow_item(struct fu *f, const struct schedule_item *it, bool all,
			       struct liver *x, struct err *e)
{
	day_t start = it->due - it->window_before, end = it->due + it->window_after;
	if (start > f->today)
		return ST_OK;
	bool closed = end < f->today, recent = closed && f->today - end <= OVERDUE_DAYS;
	int r = all ? 0 : fu_pick(f, 100);
	if ((!closed && r < 50) || (recent && r >= 90))
		return ST_OK;
	if (it->kind == SCHED_INFUSION)
		return give_infusion(f, it, e);
	if (closed && r >= 90)
		return miss(f, it, e);
	day_t d = it->due + fu_pick(f, 5) - 2;
	d = d < start ? start : d > end ? end : d;
	return see(f, it->patient_id, it, d > f->today ? f->today : d, x, e);
}

/* HCC surveillance by today: an ultrasound and an AFP at each item due
 * (closing it), but for the few whose window closed in the last
 * OVERDUE_DAYS, and none after a death or transplant. */
static enum status surveil(struct fu *f, int64_t pid, const struct liver *x, struct err *e)
{
	struct lt_item it[64];
	int n = 0;
	enum status s = store_lt_items(f->st, pid, it, (int)ARRAY_SIZE(it), &n, e);
	for (int i = 0; s == ST_OK && i < n; i++) {
		day_t end = it[i].due + it[i].window_days, d = it[i].due + fu_pick(f, 9) - 4;
		if (it[i].kind != LT_HCC || it[i].state != SCHED_OPEN || d > f->today ||
		    (f->fate.event != DAY_NONE && d >= f->fate.event) ||
		    (f->today - end <= OVERDUE_DAYS && fu_pick(f, 3) == 0))
			continue;
		struct lab_result afp = fu_lab(pid, ANALYTE_AFP, x->v[ANALYTE_AFP], d);
		s = store_demo_lab(f->st, &afp, e);
		struct imaging_note note;
		imaging_init(&note);
		note.patient_id = pid;
		note.date = d;
		note.modality = MOD_ULTRASOUND;
		note.hcc = FIND_NO;
		strlcpy_(note.note, "Surveillance: no focal lesion.", sizeof note.note);
		if (s == ST_OK)
			s = store_demo_imaging(f->st, &note, e);
	}
	return s;
}

static enum status one_follow(struct fu *f, const char *mrn, day_t t0, bool all, struct err *e)
{
	struct patient pt;
	struct liver x;
	struct schedule_item items[PLAN_SCHEDULE_MAX];
	int n = 0;
	enum status s = intake(f, mrn, t0, &pt, &x, items, &n, e);
	f->seen = 0;
	if (s == ST_OK)
		s = demo_extra_intake(&f->x, &f->fate, pt.id, t0, strcmp(pt.etiology, "B18.1") == 0,
				      x.ascites > 0, e);
	if (all)
		f->fate.event = DAY_NONE, f->fate.dies = f->fate.transplanted = false;
	day_t event =
	    f->fate.event != DAY_NONE && f->fate.event <= f->today ? f->fate.event : DAY_NONE;
	int i = 0;
	for (; s == ST_OK && i < n; i++) {
		if (event != DAY_NONE && items[i].due - items[i].window_before >= event)
			break;
		s = follow_item(f, &items[i], all, &x, e);
	}
	/* A death or transplant during the visits is recorded then; one after
	 * them is learnt at the next survival contact. */
	f->fate.visits_end = n ? items[n - 1].due + items[n - 1].window_after : t0;
	if (s == ST_OK && i < n)
		s = demo_extra_event(&f->x, &f->fate, pt.id, e);
	else if (s == ST_OK)
		s = surveil(f, pt.id, &x, e);
	if (s == ST_OK && (i == n || f->fate.transplanted))
		s = demo_extra_contacts(&f->x, &f->fate, pt.id, e);
	/* The benchmark patient: a panel every month besides the schedule. */
	for (day_t d = t0 + 7 + 30; s == ST_OK && all && d <= f->today; d += 30)
		s = see(f, pt.id, NULL, d, &x, e);
	return s;
}

enum status demo_followup(struct store *st, int64_t patients, int64_t cohort, uint64_t seed,
			  day_t today, struct err *e)
{
	struct patient have;
	struct err none;
	if (store_patient_by_mrn(st, FU_BENCH_MRN, &have, &none) == ST_OK)
		return ST_OK; /* a second demo load keeps the first one's cohort */
	struct fu f = {
	    .st = st, .seed = seed ^ 0x466f6c6c6f77ULL, .today = today, .now = store_now(st)};
	struct protocol *p = xmalloc(sizeof *p);
	f.text = asset_text(FU_PROTOCOL);
	f.p = p;
	config_defaults(&f.cfg);
	enum status s = f.text ? protocol_parse(FU_PROTOCOL, f.text, p, e)
			       : err_set(e, ST_NOT_FOUND, "%s is not built in", FU_PROTOCOL);
	if (s == ST_OK)
		s = demo_extra_begin(&f.x, st, &f.seed, today - FU_YEARS * 365 - 10, today, e);
	if (s == ST_OK)
		s = one_follow(&f, FU_BENCH_MRN, today - FU_YEARS * 365 - 10, true, e);
	/* One in twenty patients is in follow-up, up to a clinic's worth: a
	 * registry-sized demo stays quick to build (1,000,000 patients in
	 * under two minutes) while the dashboards still have thousands of
	 * scheduled visits to sift. */
	if (cohort < 0) {
		cohort = patients / 20;
		cohort = cohort < 3 ? 3 : cohort > FU_COHORT_MAX ? FU_COHORT_MAX : cohort;
	}
	for (int64_t i = 0; s == ST_OK && i < cohort; i++) {
		char mrn[PATIENT_MRN_MAX + 1];
		snprintf(mrn, sizeof mrn, "%lld", FU_MRN_BASE + (long long)i);
		/* Most treated in the last two years; one in three earlier, up
		 * to four and a half years ago, now in survival follow-up. */
		day_t back = fu_pick(&f, 3) ? fu_pick(&f, 760) : 760 + fu_pick(&f, 880);
		s = one_follow(&f, mrn, today - 10 - back, false, e);
	}
	demo_extra_end(&f.x);
	free(p);
	return s;
}
