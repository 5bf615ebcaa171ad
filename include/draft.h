/* draft.h: a form's input kept in the database while it is typed, so a
 * dropped session loses nothing; the record type the drafts listing gives. */
#ifndef HEPADESK_DRAFT_H
#define HEPADESK_DRAFT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "patient.h"
#include "util.h"

#define DRAFT_FORM_MAX 32	/* bytes: [a-z0-9_.-] */
#define DRAFT_CONTENT_MAX 65536 /* bytes of content */

/* One of the acting user's drafts, as store_draft_each lists it. */
struct draft_info {
	char form[DRAFT_FORM_MAX + 1];
	int64_t patient_id;		 /* 0: not about a patient (e.g. registration) */
	char mrn[PATIENT_MRN_MAX + 1];	 /* "" when patient_id is 0 or the patient is gone */
	char name[PATIENT_NAME_MAX + 1]; /* raw database text: neutralise before output */
	int64_t updated;		 /* store time of the last save */
	int64_t size;			 /* bytes of content */
};

/* The forms that keep drafts: X(kind, stored form name, title). A name
 * ending in '.' is per record: the record's id follows it ("visit-correct.17").
 * One table for the start-up offer, the screens that resume and `drafts`. */
#define DRAFT_KINDS(X)                                                                \
	X(DRAFT_PATIENT, "patient.new", "Patient details")                            \
	X(DRAFT_EVAL_LABS, "eval.labs", "Labs")                                       \
	X(DRAFT_EVAL_IMAGING, "eval.imaging", "Imaging note")                         \
	X(DRAFT_VISIT, "visit", "Visit")                                              \
	X(DRAFT_VISIT_LABS, "visit.labs", "Visit labs")                               \
	X(DRAFT_VISIT_CORRECT, "visit-correct.", "Correction of a visit")             \
	X(DRAFT_AE, "ae", "Adverse event")                                            \
	X(DRAFT_INFUSION, "infusion", "Infusion")                                     \
	X(DRAFT_EXAM, "exam", "Examination")                                          \
	X(DRAFT_CONTACT, "contact", "Survival contact")                               \
	X(DRAFT_QOL, "qol", "Questionnaire")                                          \
	X(DRAFT_HISTOLOGY, "histology", "Biopsy histology")                           \
	X(DRAFT_MED, "med", "Medication")                                             \
	X(DRAFT_PRODUCT, "product", "Product lot")                                    \
	X(DRAFT_CONTACT_CORRECT, "contact-correct.", "Correction of a contact")       \
	X(DRAFT_QOL_CORRECT, "qol-correct.", "Correction of a questionnaire")         \
	X(DRAFT_LAB_CORRECT, "lab-correct.", "Correction of a lab result")            \
	X(DRAFT_IMAGING_CORRECT, "imaging-correct.", "Correction of an imaging note") \
	X(DRAFT_INFUSION_CORRECT, "infusion-correct.", "Correction of an infusion")   \
	X(DRAFT_AE_CORRECT, "ae-correct.", "Correction of an adverse event")

#define DRAFT_KIND_ENUM(k, form, title) k,
enum draft_kind { DRAFT_KIND_NONE = -1, DRAFT_KINDS(DRAFT_KIND_ENUM) DRAFT_KIND_COUNT };
#undef DRAFT_KIND_ENUM

/* The stored form name of kind k ("visit-correct." for a per-record kind),
 * "" for a bad k. Static. */
const char *draft_kind_form(enum draft_kind k);
/* What the kind is called on screen and in `drafts` ("Adverse event"); a
 * registration (DRAFT_PATIENT without a patient) is "New patient form" when
 * patient_id is 0. Static; "" for a bad k. */
const char *draft_kind_title(enum draft_kind k, int64_t patient_id);
/* The kind of a stored form name; for a per-record kind *record gets the id
 * after the prefix (0 otherwise; record may be NULL). DRAFT_KIND_NONE when
 * the name is no known kind, or its id is not a positive number. */
enum draft_kind draft_kind_of(const char *form, int64_t *record);
/* The stored form name of kind k for record (ignored unless per record)
 * into buf; returns buf. */
char *draft_form_name(enum draft_kind k, int64_t record, char buf[DRAFT_FORM_MAX + 1]);
/* The title of a listed draft: its kind's title, or the raw form name of a
 * kind this version does not know (raw text: neutralise before output). */
const char *draft_title(const struct draft_info *d);

/* Draft content is "key=value" lines; a value's newlines and backslashes
 * are escaped as \n and \\. Append one line to sb. */
void draft_put(struct strbuf *sb, const char *key, const char *value);

/* The value of key in content (the first line that has it), unescaped into
 * buf of size n. false when the key is not there, or when its value does not
 * fit in n bytes (never cut short). An unknown escape is kept as it is. */
bool draft_get(const char *content, const char *key, char *buf, size_t n);

#endif
