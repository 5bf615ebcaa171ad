/* cli_export_odm.c: `export odm` — CDISC ODM 1.3.2 XML through libxml2's
 * xmlTextWriter, streaming into the output: the metadata first
 * (cli_export_odm_meta.c), then one SubjectData per patient as the walker
 * hands them over. A patient's records are kept until patient_end, because
 * ODM files each one under its study event and the walker gives them by
 * kind; only that patient is held, and the writer is flushed after each. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyte.h"
#include "cli_export.h"
#include "cli_odm.h"
#include "util.h"

/* A measure as the patient's buffer keeps it: labs already in the
 * analyte's canonical unit (the one unit the metadata declares). */
struct meas {
	enum export_source src;
	int64_t rec;
	day_t date;
	const char *key, *ucum; /* static */
	double value;
	int decimals;
	char text[12];
};

/* A form to write: in event ev (repeat rep), form, the records it holds
 * (idx into the form's buffer; for measure forms idx and n span m[]). */
struct inst {
	int ev, rep;
	enum odm_form form;
	day_t date;
	size_t idx, n;
	size_t seq;
};

/* A date records of nearby days are filed under: a week visit or a
 * survival contact. */
struct anchor {
	day_t date;
	int ev, rep, window;
};

#define BUF(type, name) \
	type *name;     \
	size_t n_##name, c_##name
#define PUSH(o, name, val)                                                                  \
	do {                                                                                \
		if ((o)->n_##name == (o)->c_##name) {                                       \
			(o)->c_##name = (o)->c_##name ? 2 * (o)->c_##name : 16;             \
			(o)->name = xrealloc((o)->name, (o)->c_##name * sizeof *(o)->name); \
		}                                                                           \
		(o)->name[(o)->n_##name++] = (val);                                         \
	} while (0)

struct export_odm {
	FILE *f;
	struct odm_xml x;
	const struct protocol *proto; /* the caller's, for the metadata */
	struct odm_events ev;
	int window, lt_window; /* days: the visit window, the contact window */
	int64_t now, rows;
	bool deidentified;
	struct export_patient p;
	/* The patient's records, reused from patient to patient. */
	BUF(struct meas, m);
	BUF(struct export_infusion, inf);
	BUF(struct export_ae, ae);
	BUF(struct export_qol, qol);
	BUF(struct export_med, med);
	BUF(struct export_visit, vis);
	BUF(struct export_contact, con);
	BUF(struct inst, in);
	BUF(struct anchor, an);
	BUF(day_t, ud);
};

struct export_odm *export_odm_new(FILE *f, const struct protocol *p, int64_t now, bool deid)
{
	struct export_odm *o = xcalloc(1, sizeof *o);
	o->f = f;
	o->now = now;
	o->deidentified = deid;
	o->proto = p;
	o->ev.nweeks = p->nvisits;
	memcpy(o->ev.weeks, p->visit_weeks, sizeof o->ev.weeks);
	o->window = p->visit_window_days;
	o->lt_window = (int)p->safety[SAFE_LT_WINDOW];
	return o;
}

void export_odm_free(struct export_odm *o)
{
	if (!o)
		return;
	if (o->x.w)
		xmlFreeTextWriter(o->x.w);
	free(o->m);
	free(o->inf);
	free(o->ae);
	free(o->qol);
	free(o->med);
	free(o->vis);
	free(o->con);
	free(o->in);
	free(o->an);
	free(o->ud);
	free(o);
}

const int64_t *export_odm_rows(const struct export_odm *o)
{
	return &o->rows;
}

static enum status io_status(struct export_odm *o, struct err *e)
{
	if (!o->x.bad && xmlTextWriterFlush(o->x.w) >= 0 && !ferror(o->f))
		return ST_OK;
	o->x.bad = true;
	return err_set(e, ST_IO, "writing the export failed");
}

enum status export_odm_begin(struct export_odm *o, struct err *e)
{
	xmlOutputBufferPtr ob = xmlOutputBufferCreateFile(o->f, NULL);
	if (!ob || !(o->x.w = xmlNewTextWriter(ob)))
		return err_set(e, ST_IO, "cannot start the XML writer");
	struct odm_xml *x = &o->x;
	xmlTextWriterSetIndent(x->w, 1);
	xmlTextWriterSetIndentString(x->w, BAD_CAST "  ");
	if (xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", NULL) < 0)
		x->bad = true;
	char stamp[32], oid[48];
	struct tm tm;
	time_t t = (time_t)o->now;
	gmtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
	strftime(oid, sizeof oid, "HD.EXPORT.%Y%m%dT%H%M%SZ", &tm);
	odm_start(x, "ODM");
	odm_attr(x, "xmlns", "http://www.cdisc.org/ns/odm/v1.3");
	odm_attr(x, "Description",
		 o->deidentified ? "hepadesk export, de-identified (pseudonyms, shifted dates)"
				 : "hepadesk export");
	odm_attr(x, "FileType", "Snapshot");
	odm_attr(x, "FileOID", oid);
	odm_attr(x, "CreationDateTime", stamp);
	odm_attr(x, "AsOfDateTime", stamp);
	odm_attr(x, "ODMVersion", "1.3.2");
	odm_attr(x, "Originator", "hepadesk");
	odm_attr(x, "SourceSystem", "hepadesk");
	odm_write_study(x, o->proto, &o->ev);
	odm_start(x, "ClinicalData");
	odm_attr(x, "StudyOID", ODM_STUDY_OID);
	odm_attr(x, "MetaDataVersionOID", ODM_MDV_OID);
	return io_status(o, e);
}

enum status export_odm_finish(struct export_odm *o, struct err *e)
{
	if (xmlTextWriterEndDocument(o->x.w) < 0)
		o->x.bad = true;
	return io_status(o, e);
}

/* --- the walk: keep the patient's records --- */

static enum status on_patient(void *ctx, const struct export_patient *p, struct err *e)
{
	struct export_odm *o = ctx;
	o->p = *p;
	o->n_m = o->n_inf = o->n_ae = o->n_qol = o->n_med = o->n_vis = o->n_con = 0;
	return ST_OK;
}

static enum status on_measure(void *ctx, const struct export_patient *p,
			      const struct export_measure *m, struct err *e)
{
	struct export_odm *o = ctx;
	struct meas r = {m->source, m->record_id, m->date,     m->key,
			 m->ucum,   m->value,	  m->decimals, ""};
	strlcpy_(r.text, m->text ? m->text : "", sizeof r.text);
	enum analyte_id a;
	enum unit_system u;
	struct export_measure_def d;
	if (m->source == EXPORT_SRC_LAB && analyte_from_key(m->key, &a) &&
	    export_measure_def(EXPORT_SRC_LAB, (size_t)a, &d)) {
		r.ucum = d.ucum;
		if (analyte_unit_parse(a, m->unit, &u) && u != UNITS_US) {
			r.value = analyte_to_canonical(a, u, m->value);
			r.decimals = d.decimals + 1;
		}
	}
	PUSH(o, m, r);
	return ST_OK;
}

#define KEEP(fn, type, buf)                                                             \
	static enum status fn(void *ctx, const struct export_patient *p, const type *r, \
			      struct err *e)                                            \
	{                                                                               \
		PUSH((struct export_odm *)ctx, buf, *r);                                \
		return ST_OK;                                                           \
	}
KEEP(on_infusion, struct export_infusion, inf)
KEEP(on_ae, struct export_ae, ae)
KEEP(on_qol, struct export_qol, qol)
KEEP(on_med, struct export_med, med)
KEEP(on_visit, struct export_visit, vis)
KEEP(on_contact, struct export_contact, con)
#undef KEEP

/* --- filing each record under its study event --- */

static void add_inst(struct export_odm *o, int ev, int rep, enum odm_form f, day_t date, size_t idx,
		     size_t n)
{
	struct inst in = {ev, rep, f, date, idx, n, o->n_in};
	PUSH(o, in, in);
}

/* The event of a dated measure or questionnaire: the baseline up to the
 * first infusion (or when there is none), else the nearest week visit or
 * contact within its window, else unscheduled (rep set later). */
static void place(struct export_odm *o, day_t first, day_t d, int *ev, int *rep)
{
	*ev = ODM_EV_BASELINE;
	*rep = 0;
	if (first == DAY_NONE || d <= first)
		return;
	int best = -1;
	for (size_t i = 0; i < o->n_an; i++) {
		int dist = abs(d - o->an[i].date);
		if (dist <= o->an[i].window && (best < 0 || dist < abs(d - o->an[best].date)))
			best = (int)i;
	}
	*ev = best < 0 ? odm_ev_unsched(&o->ev) : o->an[best].ev;
	*rep = best < 0 ? 0 : o->an[best].rep;
}

/* The week event of a visit's schedule label ("W12"), or -1. */
static int week_event(const struct export_odm *o, const char *label)
{
	char *end;
	if (label[0] != 'W' || !isdigit((unsigned char)label[1]))
		return -1;
	long w = strtol(label + 1, &end, 10);
	if (*end)
		return -1;
	for (int i = 0; i < o->ev.nweeks; i++)
		if (o->ev.weeks[i] == w)
			return ODM_EV_WEEK0 + i;
	return -1;
}

static void file_visits(struct export_odm *o)
{
	bool used[PROTOCOL_VISITS_MAX] = {false};
	for (size_t i = 0; i < o->n_vis; i++) {
		int ev = week_event(o, o->vis[i].label);
		if (ev >= 0 && used[ev - ODM_EV_WEEK0])
			ev = -1; /* a second visit for one week: unscheduled */
		if (ev < 0) {
			add_inst(o, odm_ev_unsched(&o->ev), 0, ODM_F_VISIT, o->vis[i].date, i, 0);
			continue;
		}
		used[ev - ODM_EV_WEEK0] = true;
		/* A missed visit is filed, but nothing was done on its day. */
		struct anchor a = {o->vis[i].date, ev, 0, o->window};
		if (strcmp(o->vis[i].state, "done") == 0)
			PUSH(o, an, a);
		add_inst(o, ev, 0, ODM_F_VISIT, o->vis[i].date, i, 0);
	}
	for (size_t i = 0; i < o->n_con; i++) {
		struct anchor a = {o->con[i].date, odm_ev_contact(&o->ev), (int)i + 1,
				   o->lt_window};
		PUSH(o, an, a);
		add_inst(o, a.ev, a.rep, ODM_F_CONTACT, a.date, i, 0);
	}
}

/* Measures of one form instance: a lab or score day, or one finding row. */
static bool same_group(const struct meas *a, const struct meas *b)
{
	if (a->src != b->src)
		return false;
	if (a->src == EXPORT_SRC_LAB || a->src == EXPORT_SRC_SCORE)
		return a->date == b->date;
	return a->rec == b->rec;
}

static void file_measures(struct export_odm *o, day_t first)
{
	int ev, rep;
	for (size_t i = 0; i < o->n_m;) {
		size_t j = i + 1;
		while (j < o->n_m && same_group(&o->m[i], &o->m[j]))
			j++;
		if (o->m[i].src != EXPORT_SRC_VISIT) { /* a visit's go with the visit */
			place(o, first, o->m[i].date, &ev, &rep);
			add_inst(o, ev, rep, odm_measure_form(o->m[i].src), o->m[i].date, i, j - i);
		}
		i = j;
	}
	for (size_t i = 0; i < o->n_qol; i++) {
		place(o, first, o->qol[i].date, &ev, &rep);
		add_inst(o, ev, rep, ODM_F_QOL, o->qol[i].date, i, 0);
	}
}

static int cmp_day(const void *a, const void *b)
{
	day_t x = *(const day_t *)a, y = *(const day_t *)b;
	return (x > y) - (x < y);
}

/* Unscheduled events: one per day, numbered in date order. */
static void number_unscheduled(struct export_odm *o)
{
	int un = odm_ev_unsched(&o->ev);
	o->n_ud = 0;
	for (size_t i = 0; i < o->n_in; i++)
		if (o->in[i].ev == un)
			PUSH(o, ud, o->in[i].date);
	if (o->n_ud == 0) /* qsort and bsearch want an array, even empty */
		return;
	qsort(o->ud, o->n_ud, sizeof *o->ud, cmp_day);
	size_t n = 0; /* the distinct days */
	for (size_t i = 0; i < o->n_ud; i++)
		if (n == 0 || o->ud[n - 1] != o->ud[i])
			o->ud[n++] = o->ud[i];
	for (size_t i = 0; i < o->n_in; i++)
		if (o->in[i].ev == un) {
			const day_t *hit =
			    bsearch(&o->in[i].date, o->ud, n, sizeof *o->ud, cmp_day);
			o->in[i].rep = (int)(hit - o->ud) + 1;
		}
}

static int cmp_inst(const void *a, const void *b)
{
	const struct inst *x = a, *y = b;
	if (x->ev != y->ev)
		return x->ev - y->ev;
	if (x->rep != y->rep)
		return x->rep - y->rep;
	if (x->form != y->form)
		return (int)x->form - (int)y->form;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

static void file_all(struct export_odm *o)
{
	day_t first = o->n_inf ? o->inf[0].date : DAY_NONE;
	o->n_in = o->n_an = 0;
	add_inst(o, ODM_EV_BASELINE, 0, ODM_F_DEMOG, DAY_NONE, 0, 0);
	for (size_t i = 0; i < o->n_inf; i++)
		add_inst(o, ODM_EV_INFUSION, (int)i + 1, ODM_F_INFUSION, o->inf[i].date, i, 0);
	file_visits(o);
	file_measures(o, first);
	for (size_t i = 0; i < o->n_ae; i++)
		add_inst(o, odm_ev_log(&o->ev), 0, ODM_F_AE, o->ae[i].onset, i, 0);
	for (size_t i = 0; i < o->n_med; i++)
		add_inst(o, odm_ev_log(&o->ev), 0, ODM_F_MED, o->med[i].start, i, 0);
	number_unscheduled(o);
	qsort(o->in, o->n_in, sizeof *o->in, cmp_inst);
}

/* --- writing the items --- */

static void item_raw(struct export_odm *o, enum odm_form f, const char *key, const char *value,
		     const char *ucum)
{
	char oid[64];
	odm_start(&o->x, "ItemData");
	odm_attr(&o->x, "ItemOID", odm_item_oid(f, key, oid, sizeof oid));
	odm_attr(&o->x, "Value", value);
	if (ucum && *ucum) {
		odm_start(&o->x, "MeasurementUnitRef");
		odm_attr(&o->x, "MeasurementUnitOID", odm_unit_oid(ucum, oid, sizeof oid));
		odm_end(&o->x);
	}
	odm_end(&o->x);
	o->rows++;
}

static void item_str(struct export_odm *o, enum odm_form f, const char *key, const char *s)
{
	if (s && *s)
		item_raw(o, f, key, s, NULL);
}

static void item_num(struct export_odm *o, enum odm_form f, const char *key, double v, int dec,
		     const char *ucum)
{
	char b[48];
	if (isnan(v))
		return;
	snprintf(b, sizeof b, "%.*f", dec, v);
	item_raw(o, f, key, b, ucum);
}

static void item_day(struct export_odm *o, enum odm_form f, const char *key, day_t d)
{
	char b[16];
	if (d != DAY_NONE)
		item_raw(o, f, key, date_format(d, b), NULL);
}

static void item_bool(struct export_odm *o, enum odm_form f, const char *key, bool v)
{
	item_raw(o, f, key, v ? "1" : "0", NULL);
}

static void group_start(struct export_odm *o, const char *oid, int rep)
{
	odm_start(&o->x, "ItemGroupData");
	odm_attr(&o->x, "ItemGroupOID", oid);
	if (rep > 0) {
		char b[16];
		snprintf(b, sizeof b, "%d", rep);
		odm_attr(&o->x, "ItemGroupRepeatKey", b);
	}
}

static void measures(struct export_odm *o, enum odm_form f, size_t i, size_t n)
{
	for (; n > 0; i++, n--) {
		const struct meas *m = &o->m[i];
		if (isnan(m->value)) /* a coded finding: LI-RADS */
			item_str(o, f, m->key, m->text);
		else
			item_num(o, f, m->key, m->value, m->decimals, m->ucum);
		if (m->src == EXPORT_SRC_SCORE && strcmp(m->key, "child_pugh") == 0)
			item_str(o, f, "child_pugh_class", m->text);
	}
}

static void write_demog(struct export_odm *o)
{
	const struct export_patient *p = &o->p;
	char sex[2] = {p->sex, 0};
	item_str(o, ODM_F_DEMOG, "sex", sex);
	item_day(o, ODM_F_DEMOG, "dob", p->dob);
	item_str(o, ODM_F_DEMOG, "age", p->age);
	item_str(o, ODM_F_DEMOG, "etiology", p->etiology);
	item_str(o, ODM_F_DEMOG, "status", p->status);
	item_day(o, ODM_F_DEMOG, "status_date", p->status_date);
}

static void write_visit(struct export_odm *o, const struct export_visit *v)
{
	item_day(o, ODM_F_VISIT, "date", v->date);
	item_str(o, ODM_F_VISIT, "label", v->label);
	item_str(o, ODM_F_VISIT, "state", v->state);
	item_str(o, ODM_F_VISIT, "timing", v->timing);
	size_t i = 0;
	while (i < o->n_m && !(o->m[i].src == EXPORT_SRC_VISIT && o->m[i].rec == v->id))
		i++;
	size_t j = i;
	while (j < o->n_m && o->m[j].src == EXPORT_SRC_VISIT && o->m[j].rec == v->id)
		j++;
	measures(o, ODM_F_VISIT, i, j - i);
	item_str(o, ODM_F_VISIT, "note", v->note);
}

static void write_infusion(struct export_odm *o, const struct export_infusion *r)
{
	const enum odm_form f = ODM_F_INFUSION;
	struct tm tm;
	time_t t = (time_t)r->given_at;
	char b[32];
	gmtime_r(&t, &tm);
	strftime(b, sizeof b, "%Y-%m-%dT%H:%M:%SZ", &tm);
	item_day(o, f, "date", r->date);
	item_str(o, f, "given_at", b);
	item_str(o, f, "route", r->route);
	item_num(o, f, "cells", r->cells, 0, "{cells}");
	item_str(o, f, "lot", r->lot);
	item_bool(o, f, "reaction", r->reaction);
}

static void write_ae(struct export_odm *o, const struct export_ae *r)
{
	const enum odm_form f = ODM_F_AE;
	item_str(o, f, "term", r->term);
	item_str(o, f, "ctcae_version", r->ctcae_version);
	item_num(o, f, "grade", r->grade, 0, NULL);
	item_bool(o, f, "serious", r->serious);
	item_str(o, f, "relation", r->relation);
	item_bool(o, f, "related", r->related);
	item_str(o, f, "action", r->action);
	item_str(o, f, "outcome", r->outcome);
	item_day(o, f, "onset", r->onset);
	item_day(o, f, "resolved", r->resolved);
}

static void write_qol(struct export_odm *o, const struct export_qol *r)
{
	const enum odm_form f = ODM_F_QOL;
	item_day(o, f, "date", r->date);
	item_str(o, f, "instrument", r->instrument);
	item_str(o, f, "instrument_name", r->instrument_name);
	item_str(o, f, "version", r->version);
	item_num(o, f, "answered", r->answered, 0, NULL);
}

/* The domain scores of a response: a group each, after IG.QOL. */
static void write_domains(struct export_odm *o, const struct export_qol *r)
{
	const enum odm_form f = ODM_F_QOL;
	for (int i = 0; i < r->n_domains; i++) {
		const struct export_domain *d = &r->domains[i];
		group_start(o, "IG.QOL_DOMAIN", i + 1);
		item_str(o, f, "domain", d->domain);
		item_num(o, f, "score", d->score, 1, NULL);
		item_num(o, f, "domain_answered", d->answered, 0, NULL);
		item_num(o, f, "domain_items", d->items, 0, NULL);
		odm_end(&o->x);
	}
}

static void write_med(struct export_odm *o, const struct export_med *r)
{
	const enum odm_form f = ODM_F_MED;
	item_str(o, f, "name", r->name);
	item_str(o, f, "atc", r->atc);
	item_str(o, f, "class", r->class_);
	item_num(o, f, "dose", r->dose, 2, NULL);
	item_str(o, f, "dose_unit", r->unit);
	item_str(o, f, "route", r->route);
	item_str(o, f, "frequency", r->frequency);
	item_day(o, f, "start", r->start);
	item_day(o, f, "stop", r->stop);
	item_str(o, f, "indication", r->indication);
}

static void write_contact(struct export_odm *o, const struct export_contact *r)
{
	const enum odm_form f = ODM_F_CONTACT;
	item_day(o, f, "date", r->date);
	item_str(o, f, "mode", r->phone ? "phone" : "visit");
	item_str(o, f, "vital", r->vital);
	item_day(o, f, "death_date", r->death_date);
	item_day(o, f, "transplant_date", r->transplant_date);
	item_day(o, f, "hcc_date", r->hcc_date);
	item_day(o, f, "decomp_date", r->decomp_date);
	item_str(o, f, "cause", r->cause);
	item_str(o, f, "note", r->note);
}

static void write_form(struct export_odm *o, const struct inst *in, int form_rep)
{
	char oid[32];
	odm_start(&o->x, "FormData");
	odm_attr(&o->x, "FormOID", odm_form_oid(in->form, oid, sizeof oid));
	if (in->form != ODM_F_DEMOG) {
		char b[16];
		snprintf(b, sizeof b, "%d", form_rep);
		odm_attr(&o->x, "FormRepeatKey", b);
	}
	char group[48];
	snprintf(group, sizeof group, "IG.%s", oid + 2);
	group_start(o, group, 0);
	switch (in->form) {
	case ODM_F_DEMOG:
		write_demog(o);
		break;
	case ODM_F_VISIT:
		write_visit(o, &o->vis[in->idx]);
		break;
	case ODM_F_INFUSION:
		write_infusion(o, &o->inf[in->idx]);
		break;
	case ODM_F_AE:
		write_ae(o, &o->ae[in->idx]);
		break;
	case ODM_F_QOL:
		write_qol(o, &o->qol[in->idx]);
		break;
	case ODM_F_MED:
		write_med(o, &o->med[in->idx]);
		break;
	case ODM_F_CONTACT:
		write_contact(o, &o->con[in->idx]);
		break;
	default: /* a lab or score day, a finding row */
		item_day(o, in->form, "date", in->date);
		measures(o, in->form, in->idx, in->n);
		break;
	}
	odm_end(&o->x); /* ItemGroupData */
	if (in->form == ODM_F_QOL)
		write_domains(o, &o->qol[in->idx]);
	odm_end(&o->x); /* FormData */
}

static enum status on_patient_end(void *ctx, const struct export_patient *p, struct err *e)
{
	struct export_odm *o = ctx;
	char oid[32];
	file_all(o);
	odm_start(&o->x, "SubjectData");
	odm_attr(&o->x, "SubjectKey", o->p.pid);
	for (size_t i = 0; i < o->n_in; i++) {
		const struct inst *in = &o->in[i];
		bool new_event = i == 0 || in->ev != in[-1].ev || in->rep != in[-1].rep;
		if (new_event) {
			if (i > 0)
				odm_end(&o->x);
			odm_start(&o->x, "StudyEventData");
			odm_attr(&o->x, "StudyEventOID",
				 odm_ev_oid(&o->ev, in->ev, oid, sizeof oid));
			if (odm_ev_repeating(&o->ev, in->ev)) {
				char b[16];
				snprintf(b, sizeof b, "%d", in->rep);
				odm_attr(&o->x, "StudyEventRepeatKey", b);
			}
		}
		/* Forms of one kind in one event are numbered 1, 2, ... */
		int form_rep = 1;
		for (size_t k = i; k > 0 && !new_event; k--) {
			const struct inst *prev = &o->in[k - 1];
			if (prev->ev != in->ev || prev->rep != in->rep || prev->form != in->form)
				break;
			form_rep++;
		}
		write_form(o, in, form_rep);
	}
	if (o->n_in)
		odm_end(&o->x); /* StudyEventData */
	odm_end(&o->x);		/* SubjectData */
	return io_status(o, e);
}

void export_odm_sink(struct export_odm *o, struct export_sink *k)
{
	*k = (struct export_sink){o,	  on_patient, on_measure, on_infusion, on_ae,
				  on_qol, on_med,     on_visit,	  on_contact,  on_patient_end};
}
