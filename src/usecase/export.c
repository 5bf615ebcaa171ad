/* export.c: the export walker (export.h) — patients in MRN order, each
 * patient's records through the sink, scores from the score model for each
 * lab date, de-identification applied here for every format, and the
 * access row of the export. */
#include "export.h"

#include <math.h>
#include <sodium.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "score_basis.h"
#include "store_exam.h"
#include "util.h"

static const char *const source_names[] = {
#define EXPORT_SOURCE_NAME_(id, name) name,
    EXPORT_SOURCE_INFO(EXPORT_SOURCE_NAME_)
#undef EXPORT_SOURCE_NAME_
};

const char *export_source_str(enum export_source s)
{
	return (unsigned)s < EXPORT_SRC_COUNT ? source_names[s] : "?";
}

enum status export_scope_parse(const char *mrn, const char *from, const char *to, bool deidentify,
			       struct export_scope *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	out->from = out->to = DAY_NONE;
	out->deidentify = deidentify;
	if (mrn) {
		enum status s = patient_check_mrn(mrn, e);
		if (s != ST_OK)
			return s;
		strlcpy_(out->mrn, mrn, sizeof out->mrn);
	}
	if (from && !date_parse(from, &out->from))
		return err_set(e, ST_INVALID, "from: '%s' is not a date (YYYY-MM-DD)", from);
	if (to && !date_parse(to, &out->to))
		return err_set(e, ST_INVALID, "to: '%s' is not a date (YYYY-MM-DD)", to);
	if (from && to && out->from > out->to)
		return err_set(e, ST_INVALID, "from: %s is after to: %s; accepted from <= to", from,
			       to);
	return ST_OK;
}

/* A measure that is a number field of a finding row. */
struct field {
	const char *key, *label, *unit, *ucum, *loinc;
	size_t offset;
	int decimals;
};

#define F(type, key, label, unit, ucum, loinc, dec)                      \
	{                                                                \
#key, label, unit, ucum, loinc, offsetof(type, key), dec \
	}

static const struct field imaging_fields[] = {
    F(struct export_imaging, stiffness_kpa, "Liver stiffness", "kPa", "kPa", NULL, 1),
    F(struct export_imaging, iqr_kpa, "Liver stiffness IQR", "kPa", "kPa", NULL, 1),
    F(struct export_imaging, fibrosis_stage, "Fibrosis stage (imaging)", "", "", NULL, 0),
    F(struct export_imaging, hcc, "HCC seen (1 yes, 0 no)", "", "", NULL, 0),
    F(struct export_imaging, thrombosis, "Portal vein thrombosis (1 yes, 0 no)", "", "", NULL, 0),
    F(struct export_imaging, ascites, "Ascites on imaging (1 yes, 0 no)", "", "", NULL, 0),
    F(struct export_imaging, lesion_mm, "Largest lesion", "mm", "mm", NULL, 0),
};

static const struct field exam_fields[] = {
    F(struct export_exam, ascites_grade, "Ascites grade (ICA)", "", "", NULL, 0),
    F(struct export_exam, he_grade, "Encephalopathy grade (West Haven)", "", "", NULL, 0),
    F(struct export_exam, dialysis, "Dialysis (1 yes, 0 no)", "", "", NULL, 0),
    F(struct export_exam, weight_kg, "Body weight", "kg", "kg", "29463-7", 1),
};

static const struct field histology_fields[] = {
    F(struct export_histology, metavir, "METAVIR fibrosis stage", "", "", NULL, 0),
    F(struct export_histology, ishak, "Ishak fibrosis stage", "", "", NULL, 0),
    F(struct export_histology, grade, "Necro-inflammatory grade (METAVIR A)", "", "", NULL, 0),
    F(struct export_histology, cpa, "Collagen proportionate area", "%", "%", NULL, 1),
    F(struct export_histology, ki67, "Ki-67 labelling index", "%", "%", NULL, 1),
    F(struct export_histology, ck19, "CK-19 positive hepatocytes", "%", "%", NULL, 1),
};

static const struct field visit_fields[] = {
    F(struct export_visit, temp_c, "Body temperature", "°C", "Cel", "8310-5", 1),
    F(struct export_visit, weight_kg, "Body weight", "kg", "kg", "29463-7", 1),
    F(struct export_visit, sbp, "Systolic blood pressure", "mmHg", "mm[Hg]", "8480-6", 0),
    F(struct export_visit, dbp, "Diastolic blood pressure", "mmHg", "mm[Hg]", "8462-4", 0),
    F(struct export_visit, ascites_grade, "Ascites grade (ICA)", "", "", NULL, 0),
    F(struct export_visit, he_grade, "Encephalopathy grade (West Haven)", "", "", NULL, 0),
    F(struct export_visit, stiffness_kpa, "Liver stiffness", "kPa", "kPa", NULL, 1),
    F(struct export_visit, iqr_kpa, "Liver stiffness IQR", "kPa", "kPa", NULL, 1),
};

#undef F

/* The scores exported, with their codes: LOINC has none of these as a
 * computed score we can vouch for, so all use the local system. */
static const struct {
	enum score_id id;
	const char *key, *unit;
	int decimals;
} score_rows[] = {
    {SCORE_MELD, "meld", "{score}", 0},	  {SCORE_MELD_NA, "meld_na", "{score}", 0},
    {SCORE_MELD3, "meld3", "{score}", 0}, {SCORE_CHILD_PUGH, "child_pugh", "{score}", 0},
    {SCORE_ALBI, "albi", "{score}", 2},	  {SCORE_FIB4, "fib4", "{index}", 2},
    {SCORE_APRI, "apri", "{index}", 2},
};

struct walk {
	struct app *a;
	const struct export_scope *sc;
	const struct export_sink *sink;
	unsigned char key[DEID_KEY_BYTES];
	struct export_patient p; /* as the sink sees it (maybe de-identified) */
	struct patient pt;	 /* as the score model needs it (real) */
	struct lab_latest latest;
	day_t lab_day; /* the date of the labs in latest last added; DAY_NONE */
	day_t today;
	int64_t patients; /* handed to the sink so far */
};

static day_t shift(const struct walk *w, day_t d)
{
	return deid_shift_day(d, w->p.shift_days);
}

static enum status emit(struct walk *w, struct export_measure *m, struct err *e)
{
	m->date = shift(w, m->date);
	if (!m->system) {
		m->system = m->loinc ? EXPORT_LOINC_SYSTEM : EXPORT_LOCAL_SYSTEM;
		m->code = m->loinc ? m->loinc : m->key;
	}
	return w->sink->measure(w->sink->ctx, &w->p, m, e);
}

static enum status fields(struct walk *w, enum export_source src, const void *row, int64_t id,
			  day_t date, const struct field *f, size_t n, struct err *e)
{
	enum status s = ST_OK;
	for (size_t i = 0; s == ST_OK && i < n; i++) {
		double v = *(const double *)((const char *)row + f[i].offset);
		if (isnan(v))
			continue;
		struct export_measure m = {
		    src,  id,	     date,	f[i].key,   f[i].label, v,   f[i].decimals,
		    NULL, f[i].unit, f[i].ucum, f[i].loinc, NULL,	NULL};
		s = emit(w, &m, e);
	}
	return s;
}

/* The UCUM code of a lab unit as stored: the analyte table's units are
 * UCUM already except these spellings. */
static const char *lab_ucum(const struct lab_result *r)
{
	static const struct {
		const char *unit, *ucum;
	} map[] = {{"µmol/L", "umol/L"},	{"mEq/L", "meq/L"},   {"IU/L", "[IU]/L"},
		   {"IU/mL", "[IU]/mL"},	{"10^9/L", "10*9/L"}, {"10^3/uL", "10*3/uL"},
		   {LAB_UNIT_LOG10, "[log_10]"}};
	if (r->analyte == ANALYTE_INR)
		return "{INR}";
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(r->unit, map[i].unit) == 0)
			return map[i].ucum;
	return r->unit;
}

static enum status lab_measure(struct walk *w, const struct lab_result *r, struct err *e)
{
	const struct analyte *an = analyte_get(r->analyte);
	int dec = 0;
	/* As many decimals as the value was entered with, up to 4. */
	while (dec < 4 && fabs(r->value * pow(10, dec) - round(r->value * pow(10, dec))) > 1e-9)
		dec++;
	struct export_measure m = {EXPORT_SRC_LAB, r->id, r->date, an->key, an->label,
				   r->value,	   dec,	  NULL,	   r->unit, lab_ucum(r),
				   an->loinc,	   NULL,  NULL};
	return emit(w, &m, e);
}

/* The scores of the lab day in w->latest, as score_basis computes them for
 * every view. */
static enum status day_scores(struct walk *w, struct err *e)
{
	day_t d = w->lab_day;
	if (d == DAY_NONE || (w->sc->from != DAY_NONE && d < w->sc->from))
		return ST_OK;
	struct exam_findings f;
	struct score_basis b;
	enum status s = store_exam_findings(w->a->st, w->pt.id, d, &f, e);
	if (s != ST_OK)
		return s;
	score_basis_build(&w->pt, &w->latest, &f, d, &w->a->cfg, &b);
	for (size_t i = 0; b.valid && s == ST_OK && i < sizeof score_rows / sizeof score_rows[0];
	     i++) {
		const struct score_value *v = score_get(&b.scores, score_rows[i].id);
		if (!v || !v->computable)
			continue;
		char cls[2] = {b.scores.child_pugh_class, 0};
		bool raw = score_rows[i].id == SCORE_ALBI || score_rows[i].id == SCORE_FIB4 ||
			   score_rows[i].id == SCORE_APRI;
		struct export_measure m = {EXPORT_SRC_SCORE,
					   0,
					   d,
					   score_rows[i].key,
					   score_name(score_rows[i].id),
					   raw ? v->raw : v->value,
					   score_rows[i].decimals,
					   score_rows[i].id == SCORE_CHILD_PUGH ? cls : NULL,
					   score_rows[i].unit,
					   score_rows[i].unit,
					   NULL,
					   NULL,
					   NULL};
		if (score_rows[i].id == SCORE_ALBI)
			m.decimals = score_albi_digits(v->raw);
		s = emit(w, &m, e);
	}
	return s;
}

static bool field_def(const struct field *f, size_t n, size_t i, struct export_measure_def *out)
{
	if (i >= n)
		return false;
	*out = (struct export_measure_def){f[i].key,   f[i].label,    f[i].unit, f[i].ucum,
					   f[i].loinc, f[i].decimals, false};
	return true;
}

bool export_measure_def(enum export_source src, size_t i, struct export_measure_def *out)
{
#define N_(t) (sizeof t / sizeof t[0])
	switch (src) {
	case EXPORT_SRC_LAB: {
		const struct analyte *an = analyte_get((enum analyte_id)i);
		if (i >= ANALYTE_COUNT || !an)
			return false;
		struct lab_result r = {.analyte = an->id};
		strlcpy_(r.unit, an->unit[UNITS_US], sizeof r.unit);
		const char *ucum = lab_ucum(&r);
		/* lab_ucum answers the unit itself when it is UCUM already: point
		 * at the static table text, never at r. */
		*out = (struct export_measure_def){an->key,
						   an->label,
						   an->unit[UNITS_US],
						   ucum == r.unit ? an->unit[UNITS_US] : ucum,
						   an->loinc,
						   an->decimals[UNITS_US],
						   false};
		return true;
	}
	case EXPORT_SRC_SCORE:
		if (i >= N_(score_rows))
			return false;
		*out = (struct export_measure_def){score_rows[i].key,
						   score_name(score_rows[i].id),
						   score_rows[i].unit,
						   score_rows[i].unit,
						   NULL,
						   score_rows[i].decimals,
						   false};
		return true;
	case EXPORT_SRC_IMAGING:
		if (i == N_(imaging_fields)) {
			*out = (struct export_measure_def){
			    "lirads", "LI-RADS category", "", "", NULL, 0, true};
			return true;
		}
		return field_def(imaging_fields, N_(imaging_fields), i, out);
	case EXPORT_SRC_EXAM:
		return field_def(exam_fields, N_(exam_fields), i, out);
	case EXPORT_SRC_HISTOLOGY:
		return field_def(histology_fields, N_(histology_fields), i, out);
	case EXPORT_SRC_VISIT:
		return field_def(visit_fields, N_(visit_fields), i, out);
	default:
		return false;
	}
#undef N_
}

static enum status on_lab(void *ctx, const void *row, struct err *e)
{
	struct walk *w = ctx;
	const struct lab_result *r = row;
	enum status s = ST_OK;
	if (w->lab_day != DAY_NONE && r->date != w->lab_day)
		s = day_scores(w, e);
	w->latest.have[r->analyte] = true;
	w->latest.r[r->analyte] = *r;
	w->lab_day = r->date;
	if (s == ST_OK && (w->sc->from == DAY_NONE || r->date >= w->sc->from))
		s = lab_measure(w, r, e);
	return s;
}

static enum status on_imaging(void *ctx, const void *row, struct err *e)
{
	struct walk *w = ctx;
	const struct export_imaging *r = row;
	enum status s = fields(w, EXPORT_SRC_IMAGING, r, r->id, r->date, imaging_fields,
			       sizeof imaging_fields / sizeof imaging_fields[0], e);
	if (s == ST_OK && r->lirads[0]) {
		struct export_measure m = {EXPORT_SRC_IMAGING,
					   r->id,
					   r->date,
					   "lirads",
					   "LI-RADS category",
					   NAN,
					   0,
					   r->lirads,
					   "",
					   "",
					   NULL,
					   NULL,
					   NULL};
		s = emit(w, &m, e);
	}
	return s;
}

static enum status on_exam(void *ctx, const void *row, struct err *e)
{
	const struct export_exam *r = row;
	return fields(ctx, EXPORT_SRC_EXAM, r, r->id, r->date, exam_fields,
		      sizeof exam_fields / sizeof exam_fields[0], e);
}

static enum status on_histology(void *ctx, const void *row, struct err *e)
{
	const struct export_histology *r = row;
	return fields(ctx, EXPORT_SRC_HISTOLOGY, r, r->id, r->date, histology_fields,
		      sizeof histology_fields / sizeof histology_fields[0], e);
}

static enum status on_visit_measures(void *ctx, const void *row, struct err *e)
{
	const struct export_visit *r = row;
	return fields(ctx, EXPORT_SRC_VISIT, r, r->id, r->date, visit_fields,
		      sizeof visit_fields / sizeof visit_fields[0], e);
}

static enum status on_infusion(void *ctx, const void *row, struct err *e)
{
	struct walk *w = ctx;
	struct export_infusion r = *(const struct export_infusion *)row;
	if (w->p.deidentified) {
		char tok[48];
		deid_token(w->key, "lot", r.lot, "LOT-", tok, sizeof tok);
		strlcpy_(r.lot, tok, sizeof r.lot);
		r.given_at += (int64_t)w->p.shift_days * 86400;
	}
	r.date = shift(w, r.date);
	return w->sink->infusion(w->sink->ctx, &w->p, &r, e);
}

static enum status on_ae(void *ctx, const void *row, struct err *e)
{
	struct walk *w = ctx;
	struct export_ae r = *(const struct export_ae *)row;
	r.onset = shift(w, r.onset);
	r.resolved = shift(w, r.resolved);
	return w->sink->ae(w->sink->ctx, &w->p, &r, e);
}

static enum status on_qol(void *ctx, const void *row, struct err *e)
{
	struct walk *w = ctx;
	struct export_qol r = *(const struct export_qol *)row;
	r.date = shift(w, r.date);
	return w->sink->qol(w->sink->ctx, &w->p, &r, e);
}

static enum status on_med(void *ctx, const void *row, struct err *e)
{
	struct walk *w = ctx;
	struct export_med r = *(const struct export_med *)row;
	r.start = shift(w, r.start);
	r.stop = shift(w, r.stop);
	if (w->p.deidentified)
		r.indication[0] = '\0';
	return w->sink->med(w->sink->ctx, &w->p, &r, e);
}

static enum status on_visit(void *ctx, const void *row, struct err *e)
{
	struct walk *w = ctx;
	struct export_visit r = *(const struct export_visit *)row;
	r.date = shift(w, r.date);
	if (w->p.deidentified)
		r.note[0] = '\0';
	return w->sink->visit(w->sink->ctx, &w->p, &r, e);
}

static enum status on_contact(void *ctx, const void *row, struct err *e)
{
	struct walk *w = ctx;
	struct export_contact r = *(const struct export_contact *)row;
	r.date = shift(w, r.date);
	r.death_date = shift(w, r.death_date);
	r.transplant_date = shift(w, r.transplant_date);
	r.hcc_date = shift(w, r.hcc_date);
	r.decomp_date = shift(w, r.decomp_date);
	if (w->p.deidentified)
		r.cause[0] = r.note[0] = '\0';
	return w->sink->contact(w->sink->ctx, &w->p, &r, e);
}

/* The patient as the score model needs it (real birth date and sex). */
static void score_patient(const struct export_patient *in, struct patient *out)
{
	memset(out, 0, sizeof *out);
	out->id = in->id;
	out->dob = in->dob;
	out->sex = in->sex;
	strlcpy_(out->etiology, in->etiology, sizeof out->etiology);
	out->weight_kg = NAN;
	out->weight_date = DAY_NONE;
}

/* Safe Harbor: the name and MRN go, the pseudonym comes; dates shift by the
 * patient's offset; the birth date goes for 90+. */
static void deidentify(struct walk *w, struct export_patient *p)
{
	bool withhold;
	p->deidentified = true;
	p->shift_days = deid_shift_days(w->key, p->id);
	deid_pseudonym(w->key, p->id, p->pid);
	p->name[0] = '\0';
	deid_age_text(p->dob, w->today, p->age, &withhold);
	p->dob = withhold ? DAY_NONE : deid_shift_day(p->dob, p->shift_days);
	p->status_date = deid_shift_day(p->status_date, p->shift_days);
}

static enum status records(struct walk *w, int64_t id, struct err *e)
{
	const struct export_sink *k = w->sink;
	struct store *st = w->a->st;
	day_t from = w->sc->from, to = w->sc->to;
	enum status s = ST_OK;
	if (k->measure) {
		memset(&w->latest, 0, sizeof w->latest);
		w->lab_day = DAY_NONE;
		s = store_export_labs(st, id, to, on_lab, w, e);
		if (s == ST_OK)
			s = day_scores(w, e);
		if (s == ST_OK)
			s = store_export_imaging(st, id, from, to, on_imaging, w, e);
		if (s == ST_OK)
			s = store_export_exams(st, id, from, to, on_exam, w, e);
		if (s == ST_OK)
			s = store_export_histology(st, id, from, to, on_histology, w, e);
		if (s == ST_OK)
			s = store_export_visits(st, id, from, to, on_visit_measures, w, e);
	}
	if (s == ST_OK && k->infusion)
		s = store_export_infusions(st, id, from, to, on_infusion, w, e);
	if (s == ST_OK && k->ae)
		s = store_export_aes(st, id, from, to, on_ae, w, e);
	if (s == ST_OK && k->qol)
		s = store_export_qol(st, id, from, to, on_qol, w, e);
	if (s == ST_OK && k->med)
		s = store_export_meds(st, id, from, to, on_med, w, e);
	if (s == ST_OK && k->visit)
		s = store_export_visits(st, id, from, to, on_visit, w, e);
	if (s == ST_OK && k->contact)
		s = store_export_contacts(st, id, from, to, on_contact, w, e);
	return s;
}

static enum status on_patient(void *ctx, const void *row, struct err *e)
{
	struct walk *w = ctx;
	w->p = *(const struct export_patient *)row;
	score_patient(&w->p, &w->pt);
	w->patients++;
	if (w->sc->deidentify)
		deidentify(w, &w->p);
	const struct export_sink *k = w->sink;
	enum status s = k->patient ? k->patient(k->ctx, &w->p, e) : ST_OK;
	if (s == ST_OK)
		s = records(w, w->pt.id, e);
	if (s == ST_OK && k->patient_end)
		s = k->patient_end(k->ctx, &w->p, e);
	return s;
}

static void day_json(struct strbuf *sb, const char *key, day_t d)
{
	char b[16];
	sb_addf(sb, ",\"%s\":", key);
	if (d == DAY_NONE)
		sb_add(sb, "null");
	else
		json_quote(sb, date_format(d, b));
}

static enum status audit(struct app *a, const struct export_scope *sc, const char *format,
			 int64_t patient_id, int64_t rows, bool complete, struct err *e)
{
	struct strbuf after;
	sb_init(&after);
	sb_add(&after, "{\"format\":");
	json_quote(&after, format);
	sb_add(&after, ",\"patient\":");
	if (*sc->mrn)
		json_quote(&after, sc->mrn);
	else
		sb_add(&after, "\"all\"");
	day_json(&after, "from", sc->from);
	day_json(&after, "to", sc->to);
	sb_addf(&after, ",\"deidentified\":%s,\"rows\":%lld,\"complete\":%s}",
		sc->deidentify ? "true" : "false", (long long)rows, complete ? "true" : "false");
	enum status s = store_export_audit(a->st, patient_id, sb_str(&after), e);
	sb_done(&after);
	return s;
}

static enum status first_patient(void *ctx, const void *row, struct err *e)
{
	*(int64_t *)ctx = ((const struct export_patient *)row)->id;
	return ST_OK;
}

enum status export_run(struct app *a, const struct export_scope *sc, const char *format,
		       const struct export_sink *sink, const int64_t *rows, struct err *e)
{
	struct walk *w = xcalloc(1, sizeof *w);
	int64_t patient_id = 0;
	w->a = a;
	w->sc = sc;
	w->sink = sink;
	w->today = app_today(a);
	enum status s = store_export_begin(a->st, e);
	if (s == ST_OK && sc->deidentify)
		s = store_export_key(a->st, w->key, e);
	if (s == ST_OK && *sc->mrn)
		s = store_export_patients(a->st, sc->mrn, w->today, first_patient, &patient_id, e);
	if (s == ST_OK)
		s = store_export_patients(a->st, sc->mrn, w->today, on_patient, w, e);
	store_export_end(a->st);
	sodium_memzero(w->key, sizeof w->key);
	int64_t handed = w->patients;
	free(w);
	/* An export that failed before the first patient showed nothing; one
	 * that ended early is recorded as incomplete. */
	if (s != ST_OK && handed == 0)
		return s;
	struct err ae = {""};
	enum status as = audit(a, sc, format, patient_id, rows ? *rows : 0, s == ST_OK, &ae);
	if (s == ST_OK && as != ST_OK) {
		*e = ae;
		return as;
	}
	return s;
}
