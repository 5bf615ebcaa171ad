/* demo.c: the synthetic demo clinic generator. */
#include "demo.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "analyte.h"
#include "util.h"

/* splitmix64: a small, seedable generator; reproducibility is the point,
 * not unpredictability. */
static uint64_t next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static double uniform(uint64_t *s, double lo, double hi)
{
	return lo + (hi - lo) * (double)(next(s) >> 11) * (1.0 / 9007199254740992.0);
}

static int pick(uint64_t *s, int n)
{
	return (int)(next(s) % (uint64_t)n);
}

static const char *const last_names[] = {
    "WANG",   "LI",	"ZHANG",      "LIU",   "CHEN",	 "YANG",     "HUANG",	 "ZHAO",
    "WU",     "ZHOU",	"XU",	      "SUN",   "MA",	 "ZHU",	     "HU",	 "GUO",
    "HE",     "LIN",	"LUO",	      "GAO",   "NGUYỄN", "TRẦN",     "LÊ",	 "PHẠM",
    "ĐẶNG",   "MÜLLER", "SCHRÖDER",   "BÖHM",  "GARCÍA", "MARTÍNEZ", "NÚÑEZ",	 "PEÑA",
    "ÖZTÜRK", "ŞAHIN",	"ØSTERGAARD", "ÅBERG", "DUBOIS", "LEFÈVRE",  "SMITH",	 "JOHNSON",
    "BROWN",  "KIM",	"PARK",	      "LEE",   "TANAKA", "SATO",     "KOWALSKI", "NOVÁK",
    "王",     "李",	"张",
};

/* Given names by the sex they are usually given to, so a demo record never
 * reads "Hélène, M". */
static const char *const female_names[] = {
    "Fang", "Jing", "Yan",  "Hui", "Xiu Ying", "Thị Hoa", "Anna", "María",
    "Inés", "Zoë",  "Ayşe", "Åsa", "Hélène",   "Mary",	  "Yuki", "丽",
};
static const char *const male_names[] = {
    "Wei",    "Min",	 "Lei",	  "Jun",    "Zhi Qiang", "Văn An",   "Minh",
    "Hans",   "Jürgen",	 "José",  "Mehmet", "Søren",	 "François", "John",
    "Ji-woo", "Hiroshi", "Paweł", "Jiří",   "小明",
};

static const char *pick_etiology(uint64_t *s)
{
	static const struct {
		const char *code;
		int weight;
	} w[] = {{"B18.1", 45}, {"B18.2", 10}, {"K70.3", 20}, {"K75.8", 9},
		 {"K75.4", 5},	{"K74.3", 4},  {"K83.0", 2},  {"K74.6", 5}};
	int r = pick(s, 100);
	for (size_t i = 0; i < ARRAY_SIZE(w); i++) {
		if (r < w[i].weight)
			return w[i].code;
		r -= w[i].weight;
	}
	return "K74.6";
}

/* One patient's liver state; follow-up panels drift towards improvement. */
struct state {
	double v[ANALYTE_COUNT];
};

static void baseline(uint64_t *s, struct state *x, bool hbv)
{
	memset(x, 0, sizeof *x);
	x->v[ANALYTE_BILIRUBIN] = exp(uniform(s, log(0.7), log(12.0)));
	x->v[ANALYTE_INR] = uniform(s, 1.0, 2.6);
	x->v[ANALYTE_CREATININE] = exp(uniform(s, log(0.6), log(2.6)));
	x->v[ANALYTE_SODIUM] = uniform(s, 126, 142);
	x->v[ANALYTE_ALBUMIN] = uniform(s, 2.2, 4.0);
	x->v[ANALYTE_ALT] = uniform(s, 15, 180);
	x->v[ANALYTE_AST] = uniform(s, 20, 220);
	x->v[ANALYTE_PLATELETS] = uniform(s, 40, 220);
	x->v[ANALYTE_AFP] = uniform(s, 1.5, 30);
	x->v[ANALYTE_PTA] = uniform(s, 35, 95);
	x->v[ANALYTE_HBV_DNA] = hbv ? exp(uniform(s, log(10), log(5000))) : 0;
}

static void improve(uint64_t *s, struct state *x)
{
	x->v[ANALYTE_BILIRUBIN] = fmax(0.4, x->v[ANALYTE_BILIRUBIN] * uniform(s, 0.85, 1.05));
	x->v[ANALYTE_INR] = fmax(0.9, x->v[ANALYTE_INR] * uniform(s, 0.93, 1.03));
	x->v[ANALYTE_ALBUMIN] = fmin(4.6, x->v[ANALYTE_ALBUMIN] * uniform(s, 0.99, 1.06));
	x->v[ANALYTE_ALT] = fmax(10, x->v[ANALYTE_ALT] * uniform(s, 0.8, 1.05));
	x->v[ANALYTE_AST] = fmax(12, x->v[ANALYTE_AST] * uniform(s, 0.8, 1.05));
	x->v[ANALYTE_CREATININE] = fmax(0.5, x->v[ANALYTE_CREATININE] * uniform(s, 0.95, 1.04));
}

static enum status store_panel(struct store *st, int64_t pid, day_t d, const struct state *x,
			       const enum analyte_id *which, int n, struct err *e)
{
	for (int i = 0; i < n; i++) {
		enum analyte_id a = which[i];
		struct lab_result r = {0};
		double decimals = pow(10, analyte_get(a)->decimals[UNITS_US]);
		r.patient_id = pid;
		r.analyte = a;
		r.canonical = r.value = round(x->v[a] * decimals) / decimals;
		strlcpy_(r.unit, analyte_unit(a, UNITS_US), sizeof r.unit);
		r.date = d;
		strlcpy_(r.source, "demo", sizeof r.source);
		r.flag = analyte_flag(a, r.canonical);
		r.confirmed = r.flag == FLAG_CRIT_LOW || r.flag == FLAG_CRIT_HIGH;
		enum status s = store_demo_lab(st, &r, e);
		if (s != ST_OK)
			return s;
	}
	return ST_OK;
}

static const enum analyte_id intake_panel[] = {
    ANALYTE_BILIRUBIN, ANALYTE_INR, ANALYTE_CREATININE, ANALYTE_SODIUM, ANALYTE_ALBUMIN,
    ANALYTE_ALT,       ANALYTE_AST, ANALYTE_PLATELETS,	ANALYTE_AFP,
};
static const enum analyte_id follow_panel[] = {
    ANALYTE_BILIRUBIN, ANALYTE_INR, ANALYTE_CREATININE, ANALYTE_ALBUMIN, ANALYTE_ALT, ANALYTE_AST,
};

static enum status demo_imaging(struct store *st, uint64_t *s, int64_t pid, day_t d, struct err *e)
{
	struct imaging_note n;
	imaging_init(&n);
	n.patient_id = pid;
	n.date = d;
	n.modality = MOD_ULTRASOUND;
	n.hcc = pick(s, 40) == 0 ? FIND_YES : FIND_NO;
	n.ascites = pick(s, 2) ? FIND_YES : FIND_NO;
	strlcpy_(n.note,
		 n.hcc == FIND_YES ? "Nodular liver; 2 cm lesion segment VI, suspicious."
				   : "Coarse echotexture, nodular surface. No focal lesion.",
		 sizeof n.note);
	enum status r = store_demo_imaging(st, &n, e);
	if (r != ST_OK || pick(s, 10) < 3)
		return r;
	imaging_init(&n);
	n.patient_id = pid;
	n.date = d;
	n.modality = MOD_ELASTOGRAPHY;
	n.stiffness_kpa = round(uniform(s, 12, 45) * 10) / 10;
	n.iqr_kpa = round(n.stiffness_kpa * uniform(s, 0.08, 0.25) * 10) / 10;
	n.fibrosis_stage = 4;
	return store_demo_imaging(st, &n, e);
}

static enum status one_patient(struct store *st, uint64_t *s, int64_t index, day_t today,
			       struct err *e)
{
	struct patient p = {0};
	snprintf(p.mrn, sizeof p.mrn, "%08lld", 10000001LL + (long long)index);
	const char *last = last_names[pick(s, ARRAY_SIZE(last_names))];
	p.dob = today - (day_t)uniform(s, 25 * 365.25, 75 * 365.25);
	p.sex = pick(s, 3) ? 'M' : 'F';
	snprintf(p.name, sizeof p.name, "%s, %s", last,
		 p.sex == 'F' ? female_names[pick(s, ARRAY_SIZE(female_names))]
			      : male_names[pick(s, ARRAY_SIZE(male_names))]);
	strlcpy_(p.etiology, pick_etiology(s), sizeof p.etiology);
	day_t intake = today - pick(s, 720);
	p.weight_kg = round(uniform(s, 45, 95) * 10) / 10;
	p.weight_date = intake;
	enum status r = store_demo_patient(st, &p, e);
	if (r != ST_OK)
		return r;
	struct state x;
	baseline(s, &x, strcmp(p.etiology, "B18.1") == 0);
	r = store_panel(st, p.id, intake, &x, intake_panel, ARRAY_SIZE(intake_panel), e);
	if (r == ST_OK && pick(s, 10) < 7)
		r = demo_imaging(st, s, p.id, intake, e);
	/* One in twenty has a lab history: monthly panels since intake. */
	bool follow_up = pick(s, 20) == 0;
	for (day_t d = intake + 30; r == ST_OK && follow_up && d <= today; d += 30) {
		improve(s, &x);
		r = store_panel(st, p.id, d, &x, follow_panel, ARRAY_SIZE(follow_panel), e);
	}
	return r;
}

enum status demo_generate(struct store *st, const struct demo_opts *o, struct err *e)
{
	int64_t first;
	uint64_t seed = o->seed;
	enum status s = store_demo_begin(st, o->patients, o->seed, &first, e);
	if (s != ST_OK)
		return s;
	for (int64_t i = 0; i < o->patients && s == ST_OK; i++)
		s = one_patient(st, &seed, first + i, o->today, e);
	if (s == ST_OK)
		s = demo_eval_patients(st, o->today, e);
	if (s == ST_OK)
		s = demo_followup(st, o->patients, o->follow_up, o->seed, o->today, e);
	enum status end = store_demo_end(st, s == ST_OK, s == ST_OK ? e : NULL);
	return s != ST_OK ? s : end;
}
