/* cli_export_fhir.c: `export fhir` — FHIR R4 JSON written through jansson:
 * one Bundle (type collection) for --patient, else FHIR Bulk Data NDJSON,
 * one resource per line, one file per resource type in the --out folder
 * (Patient.ndjson, Observation.ndjson, ...), streamed patient by patient. */
#include "cli_export.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "patient.h"
#include "text.h"
#include "util.h"

/* The project's own JSON writer (json.h) has a json_string() and a
 * json_null() of its own, which the linker takes over jansson's of the same
 * names; so this file builds strings with json_stringn(), never
 * json_string(), and never parses JSON (jansson's parser would call them). */
static json_t *jstr(const char *s)
{
	return json_stringn(s, strlen(s));
}

#define UCUM "http://unitsofmeasure.org"
#define LOCAL_BASE "https://hepadesk.org/fhir/"
#define OBS_CATEGORY "http://terminology.hl7.org/CodeSystem/observation-category"

/* The resource types written, one NDJSON file each in a bulk export. */
#define FHIR_TYPE_INFO(_)                       \
	_(PATIENT, "Patient")                   \
	_(CONDITION, "Condition")               \
	_(OBSERVATION, "Observation")           \
	_(MEDADMIN, "MedicationAdministration") \
	_(AE, "AdverseEvent")                   \
	_(QR, "QuestionnaireResponse")          \
	_(MEDSTMT, "MedicationStatement")

enum fhir_type {
#define FHIR_TYPE_ENUM_(id, name) FT_##id,
	FHIR_TYPE_INFO(FHIR_TYPE_ENUM_)
#undef FHIR_TYPE_ENUM_
	    FT_COUNT
};

static const char *const type_names[] = {
#define FHIR_TYPE_NAME_(id, name) name,
    FHIR_TYPE_INFO(FHIR_TYPE_NAME_)
#undef FHIR_TYPE_NAME_
};

struct export_fhir {
	bool bundle;
	FILE *one;	       /* the Bundle, or NDJSON of every type */
	FILE *files[FT_COUNT]; /* bulk into a folder: one per type */
	bool first_entry;
	int64_t rows; /* resources written */
	int64_t patients;
	char pat_id[EXPORT_PID_MAX + 8]; /* the current Patient's resource id */
	int64_t seq;			 /* resources of the current patient */
	day_t today;
};

/* --- JSON helpers --- */

static json_t *str(const char *s)
{
	char clean[1024];
	return jstr(text_sanitize_buf(clean, sizeof clean, s ? s : ""));
}

static json_t *day(day_t d)
{
	char b[16];
	return jstr(date_format(d, b));
}

/* A number with its decimals: an integer when it has none. */
static json_t *number(double v, int decimals)
{
	if (decimals <= 0 && v == floor(v) && fabs(v) < 1e15)
		return json_integer((json_int_t)v);
	double f = pow(10, decimals > 0 ? decimals : 6);
	return json_real(round(v * f) / f);
}

static json_t *coding(const char *system, const char *code, const char *display)
{
	json_t *c = json_object();
	json_object_set_new(c, "system", jstr(system));
	json_object_set_new(c, "code", str(code));
	if (display && *display)
		json_object_set_new(c, "display", str(display));
	return c;
}

static json_t *concept(const char *system, const char *code, const char *display, const char *text)
{
	json_t *c = json_object();
	if (system) {
		json_t *a = json_array();
		json_array_append_new(a, coding(system, code, display));
		json_object_set_new(c, "coding", a);
	}
	if (text && *text)
		json_object_set_new(c, "text", str(text));
	return c;
}

static json_t *quantity(double v, int decimals, const char *unit, const char *ucum)
{
	json_t *q = json_object();
	json_object_set_new(q, "value", number(v, decimals));
	if (unit && *unit)
		json_object_set_new(q, "unit", str(unit));
	if (ucum && *ucum) {
		json_object_set_new(q, "system", jstr(UCUM));
		json_object_set_new(q, "code", str(ucum));
	}
	return q;
}

static json_t *resource(struct export_fhir *x, enum fhir_type t, bool with_subject)
{
	char id[EXPORT_PID_MAX + 32];
	json_t *r = json_object();
	json_object_set_new(r, "resourceType", jstr(type_names[t]));
	snprintf(id, sizeof id, "%s-%lld", x->pat_id, (long long)++x->seq);
	json_object_set_new(r, "id", jstr(id));
	if (with_subject) {
		char ref[EXPORT_PID_MAX + 16];
		snprintf(ref, sizeof ref, "Patient/%s", x->pat_id);
		json_t *s = json_object();
		json_object_set_new(s, "reference", jstr(ref));
		json_object_set_new(r, "subject", s);
	}
	return r;
}

/* Write r (taking it) to its file: a Bundle entry or an NDJSON line. */
static enum status put(struct export_fhir *x, enum fhir_type t, json_t *r, struct err *e)
{
	char *s = json_dumps(r, JSON_COMPACT | JSON_REAL_PRECISION(15));
	json_decref(r);
	if (!s)
		return err_set(e, ST_IO, "writing a FHIR resource failed");
	FILE *f = x->files[t] ? x->files[t] : x->one;
	if (x->bundle) {
		fputs(x->first_entry ? "" : ",", f);
		fprintf(f, "{\"resource\":%s}", s);
		x->first_entry = false;
	} else {
		fprintf(f, "%s\n", s);
	}
	free(s);
	x->rows++;
	return ferror(f) ? err_set(e, ST_IO, "writing the export failed") : ST_OK;
}

/* --- resources --- */

static enum status fhir_patient(void *ctx, const struct export_patient *p, struct err *e)
{
	struct export_fhir *x = ctx;
	x->seq = 0;
	x->patients++;
	if (p->deidentified)
		strlcpy_(x->pat_id, p->pid, sizeof x->pat_id);
	else
		snprintf(x->pat_id, sizeof x->pat_id, "p%lld", (long long)x->patients);
	json_t *r = json_object();
	json_object_set_new(r, "resourceType", jstr("Patient"));
	json_object_set_new(r, "id", jstr(x->pat_id));
	if (!p->deidentified) {
		json_t *id = json_object(), *ids = json_array();
		json_object_set_new(id, "system", jstr(LOCAL_BASE "NamingSystem/mrn"));
		json_object_set_new(id, "value", str(p->pid));
		json_array_append_new(ids, id);
		json_object_set_new(r, "identifier", ids);
		json_t *n = json_object(), *names = json_array();
		json_object_set_new(n, "text", str(p->name));
		json_array_append_new(names, n);
		json_object_set_new(r, "name", names);
	}
	json_object_set_new(r, "gender", jstr(p->sex == 'F' ? "female" : "male"));
	if (p->dob != DAY_NONE)
		json_object_set_new(r, "birthDate", day(p->dob));
	enum status s = put(x, FT_PATIENT, r, e);
	const struct etiology *et = *p->etiology ? etiology_find(p->etiology) : NULL;
	if (s == ST_OK && *p->etiology) {
		json_t *c = resource(x, FT_CONDITION, true);
		json_object_set_new(c, "code",
				    concept("http://hl7.org/fhir/sid/icd-10", p->etiology,
					    et ? et->name : NULL, et ? et->name : NULL));
		s = put(x, FT_CONDITION, c, e);
	}
	return s;
}

static const char *category(enum export_source s)
{
	switch (s) {
	case EXPORT_SRC_LAB:
	case EXPORT_SRC_HISTOLOGY:
		return "laboratory";
	case EXPORT_SRC_IMAGING:
		return "imaging";
	case EXPORT_SRC_VISIT:
		return "vital-signs";
	default:
		return "exam";
	}
}

static json_t *observation(struct export_fhir *x, const char *cat, const char *system,
			   const char *code, const char *label, day_t date)
{
	json_t *o = resource(x, FT_OBSERVATION, true);
	json_object_set_new(o, "status", jstr("final"));
	json_t *cats = json_array();
	json_array_append_new(cats, concept(OBS_CATEGORY, cat, NULL, NULL));
	json_object_set_new(o, "category", cats);
	json_object_set_new(o, "code", concept(system, code, label, label));
	json_object_set_new(o, "effectiveDateTime", day(date));
	return o;
}

static enum status fhir_measure(void *ctx, const struct export_patient *p,
				const struct export_measure *m, struct err *e)
{
	struct export_fhir *x = ctx;
	json_t *o = observation(x, category(m->source), m->system, m->code, m->label, m->date);
	if (!isnan(m->value))
		json_object_set_new(o, "valueQuantity",
				    quantity(m->value, m->decimals, m->unit, m->ucum));
	else
		json_object_set_new(o, "valueString", str(m->text));
	if (!isnan(m->value) && m->text) {
		/* A coded value beside the number (the Child-Pugh class). */
		json_t *c = json_object(), *cs = json_array();
		char key[64];
		snprintf(key, sizeof key, "%s_class", m->key);
		json_object_set_new(c, "code", concept(EXPORT_LOCAL_SYSTEM, key, NULL, NULL));
		json_object_set_new(c, "valueString", str(m->text));
		json_array_append_new(cs, c);
		json_object_set_new(o, "component", cs);
	}
	return put(x, FT_OBSERVATION, o, e);
}

static enum status fhir_infusion(void *ctx, const struct export_patient *p,
				 const struct export_infusion *r, struct err *e)
{
	struct export_fhir *x = ctx;
	char when[32];
	time_t t = (time_t)r->given_at;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	json_t *a = resource(x, FT_MEDADMIN, true);
	json_t *med = json_object(), *contained = json_array(), *batch = json_object();
	json_object_set_new(med, "resourceType", jstr("Medication"));
	json_object_set_new(med, "id", jstr("product"));
	json_object_set_new(med, "code",
			    concept(EXPORT_LOCAL_SYSTEM, "uc_msc", "Umbilical cord MSC product",
				    "Umbilical cord mesenchymal stromal cell product"));
	json_object_set_new(batch, "lotNumber", str(r->lot));
	json_object_set_new(med, "batch", batch);
	json_array_append_new(contained, med);
	json_object_set_new(a, "contained", contained);
	json_object_set_new(a, "status", jstr("completed"));
	json_t *ref = json_object();
	json_object_set_new(ref, "reference", jstr("#product"));
	json_object_set_new(a, "medicationReference", ref);
	json_object_set_new(a, "effectiveDateTime", jstr(when));
	json_t *dosage = json_object();
	json_object_set_new(dosage, "route",
			    concept(EXPORT_LOCAL_SYSTEM, r->route, NULL, r->route));
	json_object_set_new(dosage, "dose", quantity(r->cells, 0, "cells", "{cells}"));
	json_object_set_new(a, "dosage", dosage);
	return put(x, FT_MEDADMIN, a, e);
}

static const char *ae_outcome(const char *o)
{
	static const char *const map[][2] = {
	    {"resolved", "resolved"},	 {"resolving", "recovering"},
	    {"not_resolved", "ongoing"}, {"sequelae", "resolvedWithSequelae"},
	    {"fatal", "fatal"},		 {"unknown", "unknown"}};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(o, map[i][0]) == 0)
			return map[i][1];
	return "unknown";
}

static json_t *extension(const char *name, const char *type, json_t *value)
{
	char url[128];
	snprintf(url, sizeof url, LOCAL_BASE "StructureDefinition/%s", name);
	json_t *x = json_object();
	json_object_set_new(x, "url", jstr(url));
	json_object_set_new(x, type, value);
	return x;
}

static enum status fhir_ae(void *ctx, const struct export_patient *p, const struct export_ae *r,
			   struct err *e)
{
	struct export_fhir *x = ctx;
	json_t *a = resource(x, FT_AE, true);
	json_t *ext = json_array();
	json_array_append_new(ext,
			      extension("ctcae-grade", "valueInteger", json_integer(r->grade)));
	json_array_append_new(ext,
			      extension("ctcae-version", "valueString", str(r->ctcae_version)));
	json_array_append_new(ext, extension("relatedness", "valueCode", str(r->relation)));
	json_array_append_new(ext, extension("related", "valueBoolean", json_boolean(r->related)));
	json_object_set_new(a, "extension", ext);
	json_object_set_new(a, "actuality", jstr("actual"));
	json_object_set_new(a, "event", concept(NULL, NULL, NULL, r->term));
	json_object_set_new(a, "date", day(r->onset));
	json_object_set_new(
	    a, "seriousness",
	    concept("http://terminology.hl7.org/CodeSystem/adverse-event-seriousness",
		    r->serious ? "serious" : "non-serious", r->serious ? "Serious" : "Non-serious",
		    NULL));
	json_object_set_new(a, "severity",
			    concept("http://terminology.hl7.org/CodeSystem/adverse-event-severity",
				    r->grade <= 1   ? "mild"
				    : r->grade == 2 ? "moderate"
						    : "severe",
				    NULL, NULL));
	json_object_set_new(a, "outcome",
			    concept("http://terminology.hl7.org/CodeSystem/adverse-event-outcome",
				    ae_outcome(r->outcome), NULL, NULL));
	return put(x, FT_AE, a, e);
}

static enum status fhir_qol(void *ctx, const struct export_patient *p, const struct export_qol *r,
			    struct err *e)
{
	struct export_fhir *x = ctx;
	char url[200];
	snprintf(url, sizeof url, LOCAL_BASE "Questionnaire/%s|%s", r->instrument, r->version);
	json_t *q = resource(x, FT_QR, true);
	json_object_set_new(q, "questionnaire", str(url));
	json_object_set_new(q, "status", jstr("completed"));
	json_object_set_new(q, "authored", day(r->date));
	json_t *items = json_array();
	for (int i = 0; i < r->n_domains; i++) {
		const struct export_domain *d = &r->domains[i];
		json_t *it = json_object();
		json_object_set_new(it, "linkId", str(d->domain));
		json_object_set_new(it, "text", str(d->domain));
		if (!isnan(d->score)) {
			json_t *ans = json_array(), *v = json_object();
			json_object_set_new(v, "valueDecimal", number(d->score, 1));
			json_array_append_new(ans, v);
			json_object_set_new(it, "answer", ans);
		}
		json_array_append_new(items, it);
	}
	if (json_array_size(items))
		json_object_set_new(q, "item", items);
	else
		json_decref(items);
	return put(x, FT_QR, q, e);
}

static enum status fhir_med(void *ctx, const struct export_patient *p, const struct export_med *r,
			    struct err *e)
{
	struct export_fhir *x = ctx;
	json_t *m = resource(x, FT_MEDSTMT, true);
	bool stopped = r->stop != DAY_NONE;
	json_object_set_new(m, "status", jstr(stopped ? "completed" : "active"));
	json_object_set_new(
	    m, "medicationCodeableConcept",
	    concept(*r->atc ? "http://www.whocc.no/atc" : NULL, r->atc, r->name, r->name));
	json_t *period = json_object();
	json_object_set_new(period, "start", day(r->start));
	if (stopped)
		json_object_set_new(period, "end", day(r->stop));
	json_object_set_new(m, "effectivePeriod", period);
	json_t *dosage = json_object(), *dosages = json_array();
	json_object_set_new(dosage, "text", str(r->frequency));
	json_object_set_new(dosage, "route", concept(NULL, NULL, NULL, r->route));
	if (!isnan(r->dose)) {
		json_t *dr = json_object(), *drs = json_array();
		json_object_set_new(dr, "doseQuantity", quantity(r->dose, 3, r->unit, NULL));
		json_array_append_new(drs, dr);
		json_object_set_new(dosage, "doseAndRate", drs);
	}
	json_array_append_new(dosages, dosage);
	json_object_set_new(m, "dosage", dosages);
	if (*r->indication) {
		json_t *rc = json_array();
		json_array_append_new(rc, concept(NULL, NULL, NULL, r->indication));
		json_object_set_new(m, "reasonCode", rc);
	}
	return put(x, FT_MEDSTMT, m, e);
}

/* A survival contact: the vital status observed that day. */
static enum status fhir_contact(void *ctx, const struct export_patient *p,
				const struct export_contact *r, struct err *e)
{
	struct export_fhir *x = ctx;
	json_t *o =
	    observation(x, "survey", EXPORT_LOCAL_SYSTEM, "vital_status", "Vital status", r->date);
	json_object_set_new(o, "valueString", str(r->vital));
	return put(x, FT_OBSERVATION, o, e);
}

struct export_fhir *export_fhir_new(FILE *one, FILE *const files[], bool bundle)
{
	struct export_fhir *x = xcalloc(1, sizeof *x);
	x->bundle = bundle;
	x->one = one;
	x->first_entry = true;
	for (int i = 0; files && i < FT_COUNT; i++)
		x->files[i] = files[i];
	if (bundle)
		fputs("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[", one);
	return x;
}

void export_fhir_finish(struct export_fhir *x)
{
	if (x->bundle)
		fputs("]}\n", x->one);
}

void export_fhir_sink(struct export_fhir *x, struct export_sink *k)
{
	memset(k, 0, sizeof *k);
	k->ctx = x;
	k->patient = fhir_patient;
	k->measure = fhir_measure;
	k->infusion = fhir_infusion;
	k->ae = fhir_ae;
	k->qol = fhir_qol;
	k->med = fhir_med;
	k->contact = fhir_contact;
}

const int64_t *export_fhir_rows(const struct export_fhir *x)
{
	return &x->rows;
}

int export_fhir_types(void)
{
	return FT_COUNT;
}

const char *export_fhir_type(int i)
{
	return i >= 0 && i < FT_COUNT ? type_names[i] : NULL;
}

void export_fhir_free(struct export_fhir *x)
{
	free(x);
}
