/* cli_export_odm_meta.c: the metadata of the ODM export — the study events
 * from the active protocol's visit weeks, one form per kind of record, their
 * items (the measures from the walker's own tables, export_measure_def, so
 * the metadata cannot drift from the data), units and code lists. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "ae.h"
#include "cli_odm.h"
#include "imaging.h"
#include "text.h"
#include "util.h"

void odm_start(struct odm_xml *x, const char *name)
{
	if (xmlTextWriterStartElement(x->w, BAD_CAST name) < 0)
		x->bad = true;
}

void odm_end(struct odm_xml *x)
{
	if (xmlTextWriterEndElement(x->w) < 0)
		x->bad = true;
}

void odm_attr(struct odm_xml *x, const char *name, const char *value)
{
	char clean[4096];
	text_sanitize_buf(clean, sizeof clean, value ? value : "");
	if (xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST clean) < 0)
		x->bad = true;
}

/* Element text, neutralised first. */
static void text(struct odm_xml *x, const char *s)
{
	char clean[4096];
	text_sanitize_buf(clean, sizeof clean, s);
	if (xmlTextWriterWriteString(x->w, BAD_CAST clean) < 0)
		x->bad = true;
}

void odm_translated(struct odm_xml *x, const char *name, const char *s)
{
	odm_start(x, name);
	odm_start(x, "TranslatedText");
	odm_attr(x, "xml:lang", "en");
	text(x, s);
	odm_end(x);
	odm_end(x);
}

static const struct {
	const char *oid, *name;
	bool repeating;
} forms[] = {
#define ODM_FORM_ROW_(id, oid, name, rep) {oid, name, rep},
    ODM_FORM_INFO(ODM_FORM_ROW_)
#undef ODM_FORM_ROW_
};

char *odm_form_oid(enum odm_form f, char *buf, size_t n)
{
	snprintf(buf, n, "F.%s", forms[f].oid);
	return buf;
}

char *odm_item_oid(enum odm_form f, const char *key, char *buf, size_t n)
{
	int len = snprintf(buf, n, "IT.%s.", forms[f].oid);
	for (size_t i = (size_t)len; *key && i + 1 < n; key++, i++) {
		buf[i] = (char)toupper((unsigned char)*key);
		buf[i + 1] = '\0';
	}
	return buf;
}

char *odm_unit_oid(const char *ucum, char *buf, size_t n)
{
	size_t i = (size_t)snprintf(buf, n, "MU.");
	for (const char *p = ucum; *p && i + 4 < n; p++) {
		if (isalnum((unsigned char)*p) || *p == '.')
			buf[i++] = *p;
		else if (*p == '/')
			buf[i++] = '_';
		else if (*p == '*' || *p == '^')
			buf[i++] = 'E';
		else if (*p == '%')
			i += (size_t)snprintf(buf + i, n - i, "PCT");
	}
	buf[i] = '\0';
	return buf;
}

enum odm_form odm_measure_form(enum export_source src)
{
	switch (src) {
	case EXPORT_SRC_LAB:
		return ODM_F_LAB;
	case EXPORT_SRC_SCORE:
		return ODM_F_SCORE;
	case EXPORT_SRC_IMAGING:
		return ODM_F_IMAGING;
	case EXPORT_SRC_EXAM:
		return ODM_F_EXAM;
	case EXPORT_SRC_HISTOLOGY:
		return ODM_F_HISTOLOGY;
	default:
		return ODM_F_VISIT;
	}
}

/* The measures whose value is 1 yes, 0 no. */
static bool yes_no(const char *key)
{
	static const char *const keys[] = {"hcc", "thrombosis", "ascites", "dialysis"};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (strcmp(key, keys[i]) == 0)
			return true;
	return false;
}

const char *odm_measure_type(enum export_source src, const struct export_measure_def *d)
{
	if (d->coded)
		return "text";
	return src != EXPORT_SRC_LAB && d->decimals == 0 ? "integer" : "float";
}

/* --- study events --- */

int odm_ev_contact(const struct odm_events *v)
{
	return ODM_EV_WEEK0 + v->nweeks;
}
int odm_ev_unsched(const struct odm_events *v)
{
	return odm_ev_contact(v) + 1;
}
int odm_ev_log(const struct odm_events *v)
{
	return odm_ev_contact(v) + 2;
}
int odm_ev_count(const struct odm_events *v)
{
	return odm_ev_contact(v) + 3;
}

bool odm_ev_repeating(const struct odm_events *v, int ev)
{
	return ev == ODM_EV_INFUSION || ev == odm_ev_contact(v) || ev == odm_ev_unsched(v);
}

char *odm_ev_oid(const struct odm_events *v, int ev, char *buf, size_t n)
{
	if (ev >= ODM_EV_WEEK0 && ev < odm_ev_contact(v))
		snprintf(buf, n, "SE.W%d", v->weeks[ev - ODM_EV_WEEK0]);
	else
		snprintf(buf, n, "SE.%s",
			 ev == ODM_EV_BASELINE	   ? "BASELINE"
			 : ev == ODM_EV_INFUSION   ? "INFUSION"
			 : ev == odm_ev_contact(v) ? "CONTACT"
			 : ev == odm_ev_unsched(v) ? "UNSCHEDULED"
						   : "LOG");
	return buf;
}

static void ev_name(const struct odm_events *v, int ev, char *buf, size_t n)
{
	if (ev >= ODM_EV_WEEK0 && ev < odm_ev_contact(v))
		snprintf(buf, n, "Week %d follow-up visit", v->weeks[ev - ODM_EV_WEEK0]);
	else
		snprintf(buf, n, "%s",
			 ev == ODM_EV_BASELINE	   ? "Baseline (on or before the first infusion)"
			 : ev == ODM_EV_INFUSION   ? "Infusion"
			 : ev == odm_ev_contact(v) ? "Long-term survival contact"
			 : ev == odm_ev_unsched(v) ? "Unscheduled"
						   : "Adverse events and medications");
}

/* The forms of an event, in order; the dated measure forms go wherever a
 * record of their date is filed. */
static int ev_forms(const struct odm_events *v, int ev, enum odm_form out[ODM_F_COUNT])
{
	static const enum odm_form dated[] = {ODM_F_LAB,  ODM_F_SCORE,	   ODM_F_IMAGING,
					      ODM_F_EXAM, ODM_F_HISTOLOGY, ODM_F_QOL};
	int k = 0;
	if (ev == ODM_EV_INFUSION) {
		out[k++] = ODM_F_INFUSION;
		return k;
	}
	if (ev == odm_ev_log(v)) {
		out[k++] = ODM_F_AE;
		out[k++] = ODM_F_MED;
		return k;
	}
	out[k++] = ev == ODM_EV_BASELINE     ? ODM_F_DEMOG
		   : ev == odm_ev_contact(v) ? ODM_F_CONTACT
					     : ODM_F_VISIT;
	for (size_t i = 0; i < sizeof dated / sizeof dated[0]; i++)
		out[k++] = dated[i];
	return k;
}

/* --- items --- */

struct odm_item {
	const char *key, *name, *type, *ucum, *unit, *loinc, *codelist;
	bool domain; /* in the questionnaire's domain group */
};

#define DATE_ITEM                                                     \
	{                                                             \
		"date", "Date", "date", NULL, NULL, NULL, NULL, false \
	}

static const struct odm_item demog_items[] = {
    {"sex", "Sex", "text", NULL, NULL, NULL, "CL.SEX", false},
    {"dob", "Date of birth (withheld when 90 or over, de-identified)", "date", NULL, NULL, NULL,
     NULL, false},
    {"age", "Age on the export day (years; 90+ grouped)", "text", NULL, NULL, NULL, NULL, false},
    {"etiology", "Etiology (ICD-10)", "text", NULL, NULL, NULL, NULL, false},
    {"status", "Treatment status", "text", NULL, NULL, NULL, NULL, false},
    {"status_date", "Treatment status since", "date", NULL, NULL, NULL, NULL, false},
};
static const struct odm_item dated_items[] = {DATE_ITEM};
static const struct odm_item score_tail[] = {
    {"child_pugh_class", "Child-Pugh class", "text", NULL, NULL, NULL, "CL.CP_CLASS", false},
};
static const struct odm_item visit_head[] = {
    DATE_ITEM,
    {"label", "Scheduled visit", "text", NULL, NULL, NULL, NULL, false},
    {"state", "Visit state", "text", NULL, NULL, NULL, "CL.VISIT_STATE", false},
    {"timing", "Timing against the visit window", "text", NULL, NULL, NULL, "CL.TIMING", false},
};
static const struct odm_item visit_tail[] = {
    {"note", "Note (left out when de-identified)", "text", NULL, NULL, NULL, NULL, false},
};
static const struct odm_item infusion_items[] = {
    DATE_ITEM,
    {"given_at", "Given at", "datetime", NULL, NULL, NULL, NULL, false},
    {"route", "Route", "text", NULL, NULL, NULL, "CL.ROUTE", false},
    {"cells", "Cells given", "float", "{cells}", "cells", NULL, NULL, false},
    {"lot", "Product lot (a keyed token when de-identified)", "text", NULL, NULL, NULL, NULL,
     false},
    {"reaction", "Infusion reaction within 24 h", "integer", NULL, NULL, NULL, "CL.YN", false},
};
static const struct odm_item ae_items[] = {
    {"term", "CTCAE term", "text", NULL, NULL, NULL, NULL, false},
    {"ctcae_version", "CTCAE version", "text", NULL, NULL, NULL, NULL, false},
    {"grade", "CTCAE grade", "integer", NULL, NULL, NULL, "CL.CTCAE_GRADE", false},
    {"serious", "Serious (ICH E2A)", "integer", NULL, NULL, NULL, "CL.YN", false},
    {"relation", "Relation to the infusion", "text", NULL, NULL, NULL, "CL.AE_RELATION", false},
    {"related", "Related (possible, probable or definite)", "integer", NULL, NULL, NULL, "CL.YN",
     false},
    {"action", "Action taken", "text", NULL, NULL, NULL, "CL.AE_ACTION", false},
    {"outcome", "Outcome", "text", NULL, NULL, NULL, "CL.AE_OUTCOME", false},
    {"onset", "Onset", "date", NULL, NULL, NULL, NULL, false},
    {"resolved", "Resolved", "date", NULL, NULL, NULL, NULL, false},
};
static const struct odm_item qol_items[] = {
    DATE_ITEM,
    {"instrument", "Instrument code", "text", NULL, NULL, NULL, NULL, false},
    {"instrument_name", "Instrument", "text", NULL, NULL, NULL, NULL, false},
    {"version", "Instrument version", "text", NULL, NULL, NULL, NULL, false},
    {"answered", "Items answered", "integer", NULL, NULL, NULL, NULL, false},
    {"domain", "Domain", "text", NULL, NULL, NULL, NULL, true},
    {"score", "Domain score (the instrument's scale)", "float", NULL, NULL, NULL, NULL, true},
    {"domain_answered", "Domain items answered", "integer", NULL, NULL, NULL, NULL, true},
    {"domain_items", "Domain items", "integer", NULL, NULL, NULL, NULL, true},
};
static const struct odm_item med_items[] = {
    {"name", "Medication", "text", NULL, NULL, NULL, NULL, false},
    {"atc", "ATC code", "text", NULL, NULL, NULL, NULL, false},
    {"class", "Class", "text", NULL, NULL, NULL, NULL, false},
    {"dose", "Dose (in dose_unit)", "float", NULL, NULL, NULL, NULL, false},
    {"dose_unit", "Dose unit", "text", NULL, NULL, NULL, NULL, false},
    {"route", "Route", "text", NULL, NULL, NULL, NULL, false},
    {"frequency", "Frequency", "text", NULL, NULL, NULL, NULL, false},
    {"start", "Start", "date", NULL, NULL, NULL, NULL, false},
    {"stop", "Stop (none: ongoing)", "date", NULL, NULL, NULL, NULL, false},
    {"indication", "Indication (left out when de-identified)", "text", NULL, NULL, NULL, NULL,
     false},
};
static const struct odm_item contact_items[] = {
    DATE_ITEM,
    {"mode", "Contact by", "text", NULL, NULL, NULL, "CL.CONTACT_MODE", false},
    {"vital", "Vital status", "text", NULL, NULL, NULL, "CL.VITAL", false},
    {"death_date", "Date of death", "date", NULL, NULL, NULL, NULL, false},
    {"transplant_date", "Date of liver transplant", "date", NULL, NULL, NULL, NULL, false},
    {"hcc_date", "Date HCC found", "date", NULL, NULL, NULL, NULL, false},
    {"decomp_date", "Date of decompensation", "date", NULL, NULL, NULL, NULL, false},
    {"cause", "Cause of death (left out when de-identified)", "text", NULL, NULL, NULL, NULL,
     false},
    {"note", "Note (left out when de-identified)", "text", NULL, NULL, NULL, NULL, false},
};

#define N_(t) (sizeof t / sizeof t[0])

static bool measure_item(enum export_source src, size_t i, struct odm_item *out)
{
	struct export_measure_def d;
	if (!export_measure_def(src, i, &d))
		return false;
	*out = (struct odm_item){
	    d.key, d.label, odm_measure_type(src, &d), *d.ucum ? d.ucum : NULL, d.unit, d.loinc,
	    NULL,  false};
	if (strcmp(d.key, "lirads") == 0)
		out->codelist = "CL.LIRADS";
	else if (yes_no(d.key))
		out->codelist = "CL.YN";
	return true;
}

/* A measure form's items: head, then the measures of src, then tail. */
static bool measure_form_item(const struct odm_item *head, size_t nh, enum export_source src,
			      const struct odm_item *tail, size_t nt, size_t i,
			      struct odm_item *out)
{
	if (i < nh) {
		*out = head[i];
		return true;
	}
	i -= nh;
	struct export_measure_def d;
	size_t nm = 0;
	while (export_measure_def(src, nm, &d))
		nm++;
	if (i < nm)
		return measure_item(src, i, out);
	i -= nm;
	if (i < nt) {
		*out = tail[i];
		return true;
	}
	return false;
}

static bool table_item(const struct odm_item *t, size_t n, size_t i, struct odm_item *out)
{
	if (i >= n)
		return false;
	*out = t[i];
	return true;
}

/* The i-th item of form f (from 0); false past the last. */
static bool form_item(enum odm_form f, size_t i, struct odm_item *out)
{
	switch (f) {
	case ODM_F_DEMOG:
		return table_item(demog_items, N_(demog_items), i, out);
	case ODM_F_LAB:
		return measure_form_item(dated_items, 1, EXPORT_SRC_LAB, NULL, 0, i, out);
	case ODM_F_SCORE:
		return measure_form_item(dated_items, 1, EXPORT_SRC_SCORE, score_tail,
					 N_(score_tail), i, out);
	case ODM_F_IMAGING:
		return measure_form_item(dated_items, 1, EXPORT_SRC_IMAGING, NULL, 0, i, out);
	case ODM_F_EXAM:
		return measure_form_item(dated_items, 1, EXPORT_SRC_EXAM, NULL, 0, i, out);
	case ODM_F_HISTOLOGY:
		return measure_form_item(dated_items, 1, EXPORT_SRC_HISTOLOGY, NULL, 0, i, out);
	case ODM_F_VISIT:
		return measure_form_item(visit_head, N_(visit_head), EXPORT_SRC_VISIT, visit_tail,
					 N_(visit_tail), i, out);
	case ODM_F_INFUSION:
		return table_item(infusion_items, N_(infusion_items), i, out);
	case ODM_F_AE:
		return table_item(ae_items, N_(ae_items), i, out);
	case ODM_F_QOL:
		return table_item(qol_items, N_(qol_items), i, out);
	case ODM_F_MED:
		return table_item(med_items, N_(med_items), i, out);
	case ODM_F_CONTACT:
		return table_item(contact_items, N_(contact_items), i, out);
	default:
		return false;
	}
}

/* --- code lists --- */

struct code {
	const char *value, *decode;
};

static const struct code cl_yn[] = {{"1", "Yes"}, {"0", "No"}};
static const struct code cl_sex[] = {{"F", "Female"}, {"M", "Male"}};
static const struct code cl_route[] = {{"iv", "Intravenous"},
				       {"intrahepatic", "Intrahepatic (ultrasound-guided)"}};
static const struct code cl_cp[] = {
    {"A", "Child-Pugh A"}, {"B", "Child-Pugh B"}, {"C", "Child-Pugh C"}};
static const struct code cl_lirads[] = {
#define LIRADS_CODE_(id, text, act) {text, text},
    LIRADS_INFO(LIRADS_CODE_)
#undef LIRADS_CODE_
};
static const struct code cl_state[] = {{"done", "Done"}, {"missed", "Missed"}};
static const struct code cl_timing[] = {
    {"early", "Before the window"}, {"in_window", "In the window"}, {"late", "After the window"}};
static const struct code cl_mode[] = {{"phone", "By telephone"}, {"visit", "In person"}};
static const struct code cl_vital[] = {{"alive", "Alive"}, {"dead", "Dead"}};
static const struct code cl_grade[] = {{"1", "Grade 1 mild"},
				       {"2", "Grade 2 moderate"},
				       {"3", "Grade 3 severe"},
				       {"4", "Grade 4 life-threatening"},
				       {"5", "Grade 5 death"}};
static const struct code cl_relation[] = {
#define AE_REL_CODE_(id, name) {name, name},
    AE_RELATION_INFO(AE_REL_CODE_)
#undef AE_REL_CODE_
};
static const struct code cl_action[] = {
#define AE_ACT_CODE_(id, name, label) {name, label},
    AE_ACTION_INFO(AE_ACT_CODE_)
#undef AE_ACT_CODE_
};
static const struct code cl_outcome[] = {
#define AE_OUT_CODE_(id, name, label) {name, label},
    AE_OUTCOME_INFO(AE_OUT_CODE_)
#undef AE_OUT_CODE_
};

static const struct {
	const char *oid, *name, *type;
	const struct code *codes;
	size_t n;
} codelists[] = {
    {"CL.YN", "Yes or no", "integer", cl_yn, N_(cl_yn)},
    {"CL.SEX", "Sex", "text", cl_sex, N_(cl_sex)},
    {"CL.ROUTE", "Infusion route", "text", cl_route, N_(cl_route)},
    {"CL.CP_CLASS", "Child-Pugh class", "text", cl_cp, N_(cl_cp)},
    {"CL.LIRADS", "LI-RADS category", "text", cl_lirads, N_(cl_lirads)},
    {"CL.VISIT_STATE", "Visit state", "text", cl_state, N_(cl_state)},
    {"CL.TIMING", "Visit timing", "text", cl_timing, N_(cl_timing)},
    {"CL.CONTACT_MODE", "Contact by", "text", cl_mode, N_(cl_mode)},
    {"CL.VITAL", "Vital status", "text", cl_vital, N_(cl_vital)},
    {"CL.CTCAE_GRADE", "CTCAE grade", "integer", cl_grade, N_(cl_grade)},
    {"CL.AE_RELATION", "Relation to the infusion", "text", cl_relation, N_(cl_relation)},
    {"CL.AE_ACTION", "Action taken", "text", cl_action, N_(cl_action)},
    {"CL.AE_OUTCOME", "Outcome", "text", cl_outcome, N_(cl_outcome)},
};

static void write_codelists(struct odm_xml *x)
{
	for (size_t i = 0; i < N_(codelists); i++) {
		odm_start(x, "CodeList");
		odm_attr(x, "OID", codelists[i].oid);
		odm_attr(x, "Name", codelists[i].name);
		odm_attr(x, "DataType", codelists[i].type);
		for (size_t k = 0; k < codelists[i].n; k++) {
			odm_start(x, "CodeListItem");
			odm_attr(x, "CodedValue", codelists[i].codes[k].value);
			odm_translated(x, "Decode", codelists[i].codes[k].decode);
			odm_end(x);
		}
		odm_end(x);
	}
}

/* --- units --- */

/* Every unit an item uses, once, in item order (a linear search: a few
 * dozen). */
static void write_units(struct odm_xml *x)
{
	const char *seen[64];
	size_t n = 0;
	struct odm_item it;
	odm_start(x, "BasicDefinitions");
	for (int f = 0; f < ODM_F_COUNT; f++)
		for (size_t i = 0; form_item((enum odm_form)f, i, &it); i++) {
			if (!it.ucum)
				continue;
			size_t k = 0;
			while (k < n && strcmp(seen[k], it.ucum) != 0)
				k++;
			if (k < n || n == N_(seen))
				continue;
			seen[n++] = it.ucum;
			char oid[64];
			odm_start(x, "MeasurementUnit");
			odm_attr(x, "OID", odm_unit_oid(it.ucum, oid, sizeof oid));
			odm_attr(x, "Name", it.ucum);
			odm_translated(x, "Symbol", it.unit && *it.unit ? it.unit : it.ucum);
			odm_end(x);
		}
	odm_end(x);
}

/* --- the metadata version --- */

static void write_protocol(struct odm_xml *x, const struct odm_events *v)
{
	char oid[32];
	odm_start(x, "Protocol");
	for (int ev = 0; ev < odm_ev_count(v); ev++) {
		char order[16];
		snprintf(order, sizeof order, "%d", ev + 1);
		odm_start(x, "StudyEventRef");
		odm_attr(x, "StudyEventOID", odm_ev_oid(v, ev, oid, sizeof oid));
		odm_attr(x, "OrderNumber", order);
		odm_attr(x, "Mandatory", ev == ODM_EV_BASELINE ? "Yes" : "No");
		odm_end(x);
	}
	odm_end(x);
}

static void write_events(struct odm_xml *x, const struct odm_events *v)
{
	char oid[32], name[64];
	enum odm_form fl[ODM_F_COUNT];
	for (int ev = 0; ev < odm_ev_count(v); ev++) {
		ev_name(v, ev, name, sizeof name);
		odm_start(x, "StudyEventDef");
		odm_attr(x, "OID", odm_ev_oid(v, ev, oid, sizeof oid));
		odm_attr(x, "Name", name);
		odm_attr(x, "Repeating", odm_ev_repeating(v, ev) ? "Yes" : "No");
		odm_attr(x, "Type",
			 ev == odm_ev_unsched(v) ? "Unscheduled"
			 : ev == odm_ev_log(v)	 ? "Common"
						 : "Scheduled");
		int k = ev_forms(v, ev, fl);
		for (int i = 0; i < k; i++) {
			odm_start(x, "FormRef");
			odm_attr(x, "FormOID", odm_form_oid(fl[i], oid, sizeof oid));
			odm_attr(x, "Mandatory", "No");
			odm_end(x);
		}
		odm_end(x);
	}
}

static void write_forms(struct odm_xml *x)
{
	char oid[32];
	for (int f = 0; f < ODM_F_COUNT; f++) {
		odm_start(x, "FormDef");
		odm_attr(x, "OID", odm_form_oid((enum odm_form)f, oid, sizeof oid));
		odm_attr(x, "Name", forms[f].name);
		odm_attr(x, "Repeating", forms[f].repeating ? "Yes" : "No");
		snprintf(oid, sizeof oid, "IG.%s", forms[f].oid);
		odm_start(x, "ItemGroupRef");
		odm_attr(x, "ItemGroupOID", oid);
		odm_attr(x, "Mandatory", "Yes");
		odm_end(x);
		if (f == ODM_F_QOL) {
			odm_start(x, "ItemGroupRef");
			odm_attr(x, "ItemGroupOID", "IG.QOL_DOMAIN");
			odm_attr(x, "Mandatory", "No");
			odm_end(x);
		}
		odm_end(x);
	}
}

static void item_group(struct odm_xml *x, enum odm_form f, const char *oid, const char *name,
		       bool domain)
{
	char ioid[64];
	struct odm_item it;
	odm_start(x, "ItemGroupDef");
	odm_attr(x, "OID", oid);
	odm_attr(x, "Name", name);
	odm_attr(x, "Repeating", domain ? "Yes" : "No");
	for (size_t i = 0; form_item(f, i, &it); i++) {
		if (it.domain != domain)
			continue;
		odm_start(x, "ItemRef");
		odm_attr(x, "ItemOID", odm_item_oid(f, it.key, ioid, sizeof ioid));
		odm_attr(x, "Mandatory", "No");
		odm_end(x);
	}
	odm_end(x);
}

static void write_groups(struct odm_xml *x)
{
	char oid[32];
	for (int f = 0; f < ODM_F_COUNT; f++) {
		snprintf(oid, sizeof oid, "IG.%s", forms[f].oid);
		item_group(x, (enum odm_form)f, oid, forms[f].name, false);
		if (f == ODM_F_QOL)
			item_group(x, ODM_F_QOL, "IG.QOL_DOMAIN", "Questionnaire domain scores",
				   true);
	}
}

static void write_items(struct odm_xml *x)
{
	char oid[64];
	struct odm_item it;
	for (int f = 0; f < ODM_F_COUNT; f++)
		for (size_t i = 0; form_item((enum odm_form)f, i, &it); i++) {
			odm_start(x, "ItemDef");
			odm_attr(x, "OID", odm_item_oid((enum odm_form)f, it.key, oid, sizeof oid));
			odm_attr(x, "Name", it.key);
			odm_attr(x, "DataType", it.type);
			odm_translated(x, "Question", it.name);
			if (it.ucum) {
				odm_start(x, "MeasurementUnitRef");
				odm_attr(x, "MeasurementUnitOID",
					 odm_unit_oid(it.ucum, oid, sizeof oid));
				odm_end(x);
			}
			if (it.codelist) {
				odm_start(x, "CodeListRef");
				odm_attr(x, "CodeListOID", it.codelist);
				odm_end(x);
			}
			if (it.loinc) {
				odm_start(x, "Alias");
				odm_attr(x, "Context", "LOINC");
				odm_attr(x, "Name", it.loinc);
				odm_end(x);
			}
			odm_end(x);
		}
}

void odm_write_study(struct odm_xml *x, const struct protocol *p, const struct odm_events *v)
{
	char version[PROTOCOL_NAME_MAX + PROTOCOL_VERSION_MAX + 4];
	snprintf(version, sizeof version, "%s %s", p->name, p->version);
	odm_start(x, "Study");
	odm_attr(x, "OID", ODM_STUDY_OID);
	odm_start(x, "GlobalVariables");
	odm_start(x, "StudyName");
	text(x, "hepadesk UC-MSC liver clinic");
	odm_end(x);
	odm_start(x, "StudyDescription");
	text(x, "Umbilical-cord mesenchymal stem-cell infusions for end-stage liver disease: "
		"evaluation, infusions and follow-up");
	odm_end(x);
	odm_start(x, "ProtocolName");
	text(x, version);
	odm_end(x);
	odm_end(x);
	write_units(x);
	odm_start(x, "MetaDataVersion");
	odm_attr(x, "OID", ODM_MDV_OID);
	odm_attr(x, "Name", version);
	write_protocol(x, v);
	write_events(x, v);
	write_forms(x);
	write_groups(x);
	write_items(x);
	write_codelists(x);
	odm_end(x);
	odm_end(x);
}
