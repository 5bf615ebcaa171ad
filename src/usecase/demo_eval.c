/* demo_eval.c: three demo patients whose checklist is READY, NOT READY and EXCLUDED. */
#include "demo.h"
#include "uc_checklist.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "config.h"
#include "store_eval.h"
#include "util.h"

#define DEMO_PROTOCOL "assets/protocols/ucmsc-default.ini"

enum demo_case { CASE_READY, CASE_NOT_READY, CASE_EXCLUDED };

static const struct {
	const char *mrn;
	const char *name;
	const char *dob;
	char sex;
	const char *etiology;
	double weight;
} cases[] = {
    {"90000001", "NGUYỄN, Thị Hoa", "1968-04-12", 'F', "B18.1", 58.0},
    {"90000002", "MÜLLER, Jürgen", "1959-09-30", 'M', "K70.3", 81.5},
    {"90000003", "CHEN, Wei", "1972-01-20", 'M', "B18.1", 66.0},
};

/* A decompensated but eligible panel: MELD 3.0 about 19, Child-Pugh 8. */
static const struct {
	enum analyte_id a;
	double v;
} panel[] = {
    {ANALYTE_BILIRUBIN, 2.3}, {ANALYTE_INR, 1.6},      {ANALYTE_CREATININE, 1.1},
    {ANALYTE_SODIUM, 134},    {ANALYTE_ALBUMIN, 2.9},  {ANALYTE_ALT, 40},
    {ANALYTE_AST, 60},	      {ANALYTE_PLATELETS, 90}, {ANALYTE_AFP, 5},
};

static const char *const screening[] = {"malignancy",	      "infection",     "gi_bleed",
					"pregnancy",	      "hiv",	       "transplant",
					"immunosuppressants", "organ_disease", "allergy"};

static enum status demo_labs(struct store *st, int64_t pid, day_t d, struct err *e)
{
	enum status s = ST_OK;
	for (size_t i = 0; i < ARRAY_SIZE(panel) && s == ST_OK; i++) {
		struct lab_result r = {0};
		r.patient_id = pid;
		r.analyte = panel[i].a;
		r.value = r.canonical = panel[i].v;
		strlcpy_(r.unit, analyte_unit(r.analyte, UNITS_US), sizeof r.unit);
		r.date = d;
		strlcpy_(r.source, "demo", sizeof r.source);
		r.flag = analyte_flag(r.analyte, r.canonical);
		s = store_demo_lab(st, &r, e);
	}
	return s;
}

/* A hepatitis B patient's HBV DNA, suppressed on antiviral therapy. */
static enum status demo_hbv(struct store *st, int64_t pid, day_t d, struct err *e)
{
	struct lab_result r = {0};
	r.patient_id = pid;
	r.analyte = ANALYTE_HBV_DNA;
	r.value = r.canonical = 15;
	strlcpy_(r.unit, analyte_unit(r.analyte, UNITS_US), sizeof r.unit);
	r.date = d;
	strlcpy_(r.source, "demo", sizeof r.source);
	r.flag = analyte_flag(r.analyte, r.canonical);
	return store_demo_lab(st, &r, e);
}

static enum status demo_imaging_pair(struct store *st, int64_t pid, day_t d, struct err *e)
{
	struct imaging_note n;
	imaging_init(&n);
	n.patient_id = pid;
	n.date = d;
	n.modality = MOD_CT;
	n.hcc = FIND_NO;
	n.ascites = FIND_NO;
	strlcpy_(n.note, "Cirrhotic liver, no focal lesion. No ascites.", sizeof n.note);
	enum status s = store_demo_imaging(st, &n, e);
	imaging_init(&n);
	n.patient_id = pid;
	n.date = d;
	n.modality = MOD_DOPPLER;
	n.thrombosis = FIND_NO;
	strlcpy_(n.note, "Patent portal and hepatic veins, hepatopetal flow.", sizeof n.note);
	return s == ST_OK ? store_demo_imaging(st, &n, e) : s;
}

static enum status answer(struct store *st, const struct protocol *p, int64_t pid, const char *item,
			  bool yes, const char *value, const char *note, day_t on, struct err *e)
{
	struct checklist_answer a = {0};
	a.patient_id = pid;
	strlcpy_(a.item, item, sizeof a.item);
	a.yes = yes;
	strlcpy_(a.value, value, sizeof a.value);
	strlcpy_(a.note, note, sizeof a.note);
	a.answered_on = on;
	return store_demo_answer(st, p, &a, e);
}

/* READY: everything recent and answered. NOT READY: labs a month old and no
 * consent yet. EXCLUDED: another malignancy reported at screening. */
static enum status answers(struct store *st, const struct protocol *p, int64_t pid,
			   enum demo_case c, day_t today, struct err *e)
{
	char consent[16];
	enum status s = ST_OK;
	for (size_t i = 0; i < ARRAY_SIZE(screening) && s == ST_OK; i++) {
		bool yes = c == CASE_EXCLUDED && strcmp(screening[i], "malignancy") == 0;
		s = answer(st, p, pid, screening[i], yes, "",
			   yes ? "Colon cancer, resected 2024, on surveillance" : "", today - 1, e);
	}
	if (s == ST_OK)
		s = answer(st, p, pid, "encephalopathy", false, "", "", today - 1, e);
	if (s == ST_OK && c != CASE_NOT_READY)
		s = answer(st, p, pid, "consent", true, date_format(today - 1, consent), "",
			   today - 1, e);
	return s;
}

static enum status one_case(struct store *st, const struct protocol *p, const char *text,
			    const struct config *cfg, enum demo_case c, day_t today, struct err *e)
{
	struct patient pt = {0};
	struct err none;
	if (store_patient_by_mrn(st, cases[c].mrn, &pt, &none) == ST_OK)
		return ST_OK; /* a second demo load keeps the first one's cases */
	strlcpy_(pt.mrn, cases[c].mrn, sizeof pt.mrn);
	strlcpy_(pt.name, cases[c].name, sizeof pt.name);
	date_parse(cases[c].dob, &pt.dob);
	pt.sex = cases[c].sex;
	strlcpy_(pt.etiology, cases[c].etiology, sizeof pt.etiology);
	pt.weight_kg = cases[c].weight;
	pt.weight_date = today - 2;
	enum status s = store_demo_patient(st, &pt, e);
	if (s == ST_OK)
		s = demo_labs(st, pt.id, c == CASE_NOT_READY ? today - 30 : today - 2, e);
	if (s == ST_OK && strcmp(pt.etiology, "B18.1") == 0)
		s = demo_hbv(st, pt.id, today - 20, e);
	if (s == ST_OK)
		s = demo_imaging_pair(st, pt.id, today - 10, e);
	if (s == ST_OK)
		s = answers(st, p, pt.id, c, today, e);
	if (s == ST_OK && c != CASE_NOT_READY)
		s = uc_demo_sign(st, cfg, p, text, pt.id, today, e);
	if (s == ST_OK && c == CASE_READY) {
		struct plan_request rq = {ROUTE_IV, NAN, 0, 0, today + 7, ""};
		struct plan pl;
		struct schedule_item items[PLAN_SCHEDULE_MAX];
		int n;
		s = store_demo_plan(st, p, &rq, pt.id, today, &pl, items, &n, e);
	}
	return s;
}

enum status demo_eval_patients(struct store *st, day_t today, struct err *e)
{
	const char *text = asset_text(DEMO_PROTOCOL);
	struct protocol *p = xmalloc(sizeof *p);
	struct config cfg;
	config_defaults(&cfg);
	enum status s = text ? protocol_parse(DEMO_PROTOCOL, text, p, e)
			     : err_set(e, ST_NOT_FOUND, "%s is not built in", DEMO_PROTOCOL);
	for (int c = CASE_READY; s == ST_OK && c <= CASE_EXCLUDED; c++)
		s = one_case(st, p, text, &cfg, (enum demo_case)c, today, e);
	free(p);
	return s;
}
