/* cli_odm.h: what the two halves of the CDISC ODM 1.3.2 export share — the
 * XML writer (libxml2's xmlTextWriter, streaming into the output file), the
 * forms, items, code lists and study events with their OIDs
 * (cli_export_odm_meta.c, which writes the metadata) and the clinical data
 * (cli_export_odm.c). OIDs are stable: docs/export.md lists them. */
#ifndef HEPADESK_CLI_ODM_H
#define HEPADESK_CLI_ODM_H

#include <libxml/xmlwriter.h>
#include <stdbool.h>
#include <stddef.h>

#include "export.h"
#include "protocol.h"

/* The writer: bad turns true at the first failed write and stays so. */
struct odm_xml {
	xmlTextWriterPtr w;
	bool bad;
};

void odm_start(struct odm_xml *x, const char *name);
void odm_end(struct odm_xml *x);
/* An attribute; value neutralised (text.h) first, then escaped by libxml2. */
void odm_attr(struct odm_xml *x, const char *name, const char *value);
/* <name><TranslatedText xml:lang="en">text</TranslatedText></name> */
void odm_translated(struct odm_xml *x, const char *name, const char *text);

/* The forms, one per kind of record: id, OID suffix, name, repeating. */
#define ODM_FORM_INFO(_)                                          \
	_(DEMOG, "DEMOG", "Demographics", false)                  \
	_(LAB, "LAB", "Laboratory results", true)                 \
	_(SCORE, "SCORE", "Liver scores", true)                   \
	_(IMAGING, "IMAGING", "Imaging", true)                    \
	_(EXAM, "EXAM", "Examination", true)                      \
	_(HISTOLOGY, "HISTOLOGY", "Liver biopsy histology", true) \
	_(VISIT, "VISIT", "Follow-up visit", true)                \
	_(INFUSION, "INFUSION", "UC-MSC infusion", true)          \
	_(AE, "AE", "Adverse event", true)                        \
	_(QOL, "QOL", "Questionnaire", true)                      \
	_(MED, "MED", "Medication", true)                         \
	_(CONTACT, "CONTACT", "Survival contact", true)

enum odm_form {
#define ODM_FORM_ENUM_(id, ...) ODM_F_##id,
	ODM_FORM_INFO(ODM_FORM_ENUM_)
#undef ODM_FORM_ENUM_
	    ODM_F_COUNT
};

/* "F.LAB" into buf; returns buf. */
char *odm_form_oid(enum odm_form f, char *buf, size_t n);
/* "IT.LAB.ALBUMIN": the form's suffix and the key upper-cased; returns buf. */
char *odm_item_oid(enum odm_form f, const char *key, char *buf, size_t n);
/* "MU.umol_L" from a UCUM code; returns buf. */
char *odm_unit_oid(const char *ucum, char *buf, size_t n);

/* The form a measure of source src is filed in. */
enum odm_form odm_measure_form(enum export_source src);
/* The ODM DataType of a measure's value ("integer", "float", "text"). */
const char *odm_measure_type(enum export_source src, const struct export_measure_def *d);

/* The study events: the baseline, the infusions (repeating), one per
 * scheduled visit week of the protocol, the survival contacts (repeating),
 * unscheduled visits (repeating) and the log of adverse events and
 * medications. An event is an index from 0 in this order. */
struct odm_events {
	int weeks[PROTOCOL_VISITS_MAX];
	int nweeks;
};
enum { ODM_EV_BASELINE = 0, ODM_EV_INFUSION = 1, ODM_EV_WEEK0 = 2 };
int odm_ev_contact(const struct odm_events *v);
int odm_ev_unsched(const struct odm_events *v);
int odm_ev_log(const struct odm_events *v);
int odm_ev_count(const struct odm_events *v);
bool odm_ev_repeating(const struct odm_events *v, int ev);
/* "SE.BASELINE", "SE.W12"; returns buf. */
char *odm_ev_oid(const struct odm_events *v, int ev, char *buf, size_t n);

#define ODM_STUDY_OID "HD.UCMSC"
#define ODM_MDV_OID "MDV.HD.1"

/* The Study element: GlobalVariables (the protocol's name and version),
 * BasicDefinitions (the units) and the MetaDataVersion (Protocol, study
 * events, forms, item groups, items, code lists). */
void odm_write_study(struct odm_xml *x, const struct protocol *p, const struct odm_events *v);

#endif
