/* cli_export_csv.c: the CSV formats of `export csv` — long, one row per
 * patient x date x measure with its unit and LOINC code, and wide (--wide),
 * one row per patient x visit with the visit's findings and the lab values
 * and scores of that day. */
#include "cli_export.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyte.h"
#include "text.h"
#include "util.h"

/* The wide format's measure columns after the visit's own: every analyte
 * (canonical unit) and the scores. */
static const struct {
	const char *key, *unit;
} score_cols[] = {{"meld", "{score}"},	     {"meld_na", "{score}"}, {"meld3", "{score}"},
		  {"child_pugh", "{score}"}, {"albi", "{score}"},    {"fib4", "{index}"},
		  {"apri", "{index}"}};
#define N_SCORE_COLS (int)(sizeof score_cols / sizeof score_cols[0])
#define N_WIDE_COLS (ANALYTE_COUNT + N_SCORE_COLS)

struct wide_value {
	day_t date;
	int col;
	double value;
	int decimals;
};

struct export_csv {
	FILE *f;
	bool wide;
	bool header_done;
	int64_t rows;
	/* wide: the patient's lab values and scores, by date (reused). */
	struct wide_value *vals;
	size_t n, cap;
};

void export_csv_cell(FILE *f, const char *s, bool text)
{
	char clean[1024];
	text_sanitize_buf(clean, sizeof clean, s ? s : "");
	bool formula = text && strchr("=+-@\t\r", clean[0]) && clean[0];
	bool quote = formula || strpbrk(clean, ",\"\r\n") != NULL;
	if (quote)
		fputc('"', f);
	if (formula)
		fputc('\'', f);
	for (const char *p = clean; *p; p++) {
		if (*p == '"')
			fputc('"', f);
		fputc(*p, f);
	}
	if (quote)
		fputc('"', f);
}

static void num_cell(FILE *f, double v, int decimals)
{
	if (!isnan(v))
		fprintf(f, "%.*f", decimals, v);
}

static void day_cell(FILE *f, day_t d)
{
	char b[16];
	fputs(d == DAY_NONE ? "" : date_format(d, b), f);
}

/* --- long --- */

static void long_header(struct export_csv *c)
{
	if (!c->header_done)
		fputs("patient,date,source,measure,value,unit,loinc,text\r\n", c->f);
	c->header_done = true;
}

static enum status long_row(struct export_csv *c, const struct export_patient *p, day_t date,
			    const char *source, const char *measure, double value, int decimals,
			    const char *unit, const char *loinc, const char *text, struct err *e)
{
	FILE *f = c->f;
	long_header(c);
	export_csv_cell(f, p->pid, true);
	fputc(',', f);
	day_cell(f, date);
	fputc(',', f);
	export_csv_cell(f, source, true);
	fputc(',', f);
	export_csv_cell(f, measure, true);
	fputc(',', f);
	num_cell(f, value, decimals);
	fputc(',', f);
	export_csv_cell(f, unit, true);
	fputc(',', f);
	export_csv_cell(f, loinc, true);
	fputc(',', f);
	export_csv_cell(f, text, true);
	fputs("\r\n", f);
	c->rows++;
	return ferror(f) ? err_set(e, ST_IO, "writing the export failed") : ST_OK;
}

static enum status long_measure(void *ctx, const struct export_patient *p,
				const struct export_measure *m, struct err *e)
{
	return long_row(ctx, p, m->date, export_source_str(m->source), m->key, m->value,
			m->decimals, m->unit, m->loinc, m->text, e);
}

static enum status long_infusion(void *ctx, const struct export_patient *p,
				 const struct export_infusion *r, struct err *e)
{
	enum status s = long_row(ctx, p, r->date, "infusion", "cells", r->cells, 0, "{cells}", NULL,
				 r->route, e);
	return s == ST_OK
		   ? long_row(ctx, p, r->date, "infusion", "lot", NAN, 0, "", NULL, r->lot, e)
		   : s;
}

static enum status long_ae(void *ctx, const struct export_patient *p, const struct export_ae *r,
			   struct err *e)
{
	enum status s =
	    long_row(ctx, p, r->onset, "ae", "ctcae_grade", r->grade, 0, "", NULL, r->term, e);
	if (s == ST_OK)
		s = long_row(ctx, p, r->onset, "ae", "serious", r->serious, 0, "", NULL, r->term,
			     e);
	if (s == ST_OK)
		s = long_row(ctx, p, r->onset, "ae", "related", r->related, 0, "", NULL, r->term,
			     e);
	return s;
}

static enum status long_qol(void *ctx, const struct export_patient *p, const struct export_qol *r,
			    struct err *e)
{
	enum status s = ST_OK;
	for (int i = 0; s == ST_OK && i < r->n_domains; i++) {
		char key[QOL_CODE_MAX + QOL_ID_MAX + 4];
		snprintf(key, sizeof key, "%s.%s", r->instrument, r->domains[i].domain);
		s = long_row(ctx, p, r->date, "qol", key, r->domains[i].score, 1, "{score}", NULL,
			     NULL, e);
	}
	return s;
}

static enum status long_med(void *ctx, const struct export_patient *p, const struct export_med *r,
			    struct err *e)
{
	return long_row(ctx, p, r->start, "medication", "dose", r->dose, 2, r->unit, NULL, r->name,
			e);
}

static enum status long_contact(void *ctx, const struct export_patient *p,
				const struct export_contact *r, struct err *e)
{
	static const char *const what[] = {"death", "transplant", "hcc", "decompensation"};
	const day_t when[] = {r->death_date, r->transplant_date, r->hcc_date, r->decomp_date};
	enum status s =
	    long_row(ctx, p, r->date, "contact", "vital_status", NAN, 0, "", NULL, r->vital, e);
	for (int i = 0; s == ST_OK && i < 4; i++)
		if (when[i] != DAY_NONE)
			s = long_row(ctx, p, when[i], "contact", what[i], NAN, 0, "", NULL, "yes",
				     e);
	return s;
}

/* --- wide --- */

static void wide_header(struct export_csv *c)
{
	FILE *f = c->f;
	fputs("patient,sex,age,etiology,visit_date,state,timing,temp_c [Cel],weight [kg],"
	      "sbp [mm[Hg]],dbp [mm[Hg]],ascites_grade,he_grade,stiffness [kPa],"
	      "stiffness_iqr [kPa]",
	      f);
	for (int i = 0; i < ANALYTE_COUNT; i++) {
		const struct analyte *a = analyte_get((enum analyte_id)i);
		fputc(',', f);
		char h[64];
		snprintf(h, sizeof h, "%s [%s]", a->key,
			 *a->unit[UNITS_US] ? a->unit[UNITS_US] : "1");
		export_csv_cell(f, h, false);
	}
	for (int i = 0; i < N_SCORE_COLS; i++)
		fprintf(f, ",%s [%s]", score_cols[i].key, score_cols[i].unit);
	fputs("\r\n", f);
	c->header_done = true;
}

static enum status wide_patient(void *ctx, const struct export_patient *p, struct err *e)
{
	struct export_csv *c = ctx;
	c->n = 0;
	return ST_OK;
}

/* Keep the patient's lab values (canonical unit) and scores for the visits. */
static enum status wide_measure(void *ctx, const struct export_patient *p,
				const struct export_measure *m, struct err *e)
{
	struct export_csv *c = ctx;
	int col = -1;
	double v = m->value;
	int dec = m->decimals;
	enum analyte_id a;
	enum unit_system u;
	if (m->source == EXPORT_SRC_LAB && analyte_from_key(m->key, &a) &&
	    analyte_unit_parse(a, m->unit, &u)) {
		col = (int)a;
		v = analyte_to_canonical(a, u, m->value);
		dec = analyte_get(a)->decimals[UNITS_US] + 1;
	} else if (m->source == EXPORT_SRC_SCORE) {
		for (int i = 0; i < N_SCORE_COLS; i++)
			if (strcmp(m->key, score_cols[i].key) == 0)
				col = ANALYTE_COUNT + i;
	}
	if (col < 0)
		return ST_OK;
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 64;
		c->vals = xrealloc(c->vals, c->cap * sizeof *c->vals);
	}
	c->vals[c->n++] = (struct wide_value){m->date, col, v, dec};
	return ST_OK;
}

static enum status wide_visit(void *ctx, const struct export_patient *p,
			      const struct export_visit *r, struct err *e)
{
	struct export_csv *c = ctx;
	FILE *f = c->f;
	if (!c->header_done)
		wide_header(c);
	export_csv_cell(f, p->pid, true);
	fprintf(f, ",%c,", p->sex ? p->sex : ' ');
	export_csv_cell(f, p->age, true);
	fputc(',', f);
	export_csv_cell(f, p->etiology, true);
	fputc(',', f);
	day_cell(f, r->date);
	fprintf(f, ",%s,%s", r->state, r->timing);
	const double v[] = {r->temp_c,	      r->weight_kg, r->sbp,	      r->dbp,
			    r->ascites_grade, r->he_grade,  r->stiffness_kpa, r->iqr_kpa};
	const int dec[] = {1, 1, 0, 0, 0, 0, 1, 1};
	for (int i = 0; i < 8; i++) {
		fputc(',', f);
		num_cell(f, v[i], dec[i]);
	}
	/* The newest value of each column dated the visit's day, in one pass
	 * over the patient's values. */
	const struct wide_value *hit[N_WIDE_COLS] = {0};
	for (size_t i = 0; i < c->n; i++)
		if (c->vals[i].date == r->date)
			hit[c->vals[i].col] = &c->vals[i];
	for (int col = 0; col < N_WIDE_COLS; col++) {
		fputc(',', f);
		if (hit[col])
			num_cell(f, hit[col]->value, hit[col]->decimals);
	}
	fputs("\r\n", f);
	c->rows++;
	return ferror(f) ? err_set(e, ST_IO, "writing the export failed") : ST_OK;
}

struct export_csv *export_csv_new(FILE *f, bool wide)
{
	struct export_csv *c = xcalloc(1, sizeof *c);
	c->f = f;
	c->wide = wide;
	return c;
}

void export_csv_sink(struct export_csv *c, struct export_sink *k)
{
	memset(k, 0, sizeof *k);
	k->ctx = c;
	if (c->wide) {
		k->patient = wide_patient;
		k->measure = wide_measure;
		k->visit = wide_visit;
		return;
	}
	k->measure = long_measure;
	k->infusion = long_infusion;
	k->ae = long_ae;
	k->qol = long_qol;
	k->med = long_med;
	k->contact = long_contact;
}

const int64_t *export_csv_rows(const struct export_csv *c)
{
	return &c->rows;
}

void export_csv_finish(struct export_csv *c)
{
	/* An export with no row still has its header. */
	if (c->header_done)
		return;
	if (c->wide)
		wide_header(c);
	else
		long_header(c);
}

void export_csv_free(struct export_csv *c)
{
	if (!c)
		return;
	free(c->vals);
	free(c);
}
