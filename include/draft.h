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

/* Draft content is "key=value" lines; a value's newlines and backslashes
 * are escaped as \n and \\. Append one line to sb. */
void draft_put(struct strbuf *sb, const char *key, const char *value);

/* The value of key in content (the first line that has it), unescaped into
 * buf of size n. false when the key is not there, or when its value does not
 * fit in n bytes (never cut short). An unknown escape is kept as it is. */
bool draft_get(const char *content, const char *key, char *buf, size_t n);

#endif
