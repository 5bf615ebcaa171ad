/* lookup.h: what a typed lookup asks for, and the keys a patient is found
 * by. One prompt takes an MRN or its prefix, the MRN's last 4 digits, an
 * initial and those digits ("S1234"), "LAST, FIRST" partials, a first name,
 * a date of birth (ISO, or the clinic's local form), with or without accents
 * and punctuation. Each kind is a prefix range over an index. */
#ifndef HEPADESK_LOOKUP_H
#define HEPADESK_LOOKUP_H

#include <stdbool.h>

#include "date.h"
#include "patient.h"

/* The kinds of lookup key, as the first character of a key. */
#define LOOKUP_PLAIN 'N' /* the name without punctuation, when that differs */
#define LOOKUP_FIRST 'F' /* the given names (after the comma) */
#define LOOKUP_TAIL 'T'	 /* the MRN's last 4 digits, then the last name's initial */
#define LOOKUP_BORN 'D'	 /* the date of birth, YYYY-MM-DD */

#define LOOKUP_RANGES 6 /* at most, of each list below */

struct lookup_query {
	char mrn[PATIENT_MRN_MAX + 1]; /* MRN prefix, "" when the text is not one */
	int nnames;
	char *names[LOOKUP_RANGES]; /* name_key prefixes */
	int nkeys;
	char *keys[LOOKUP_RANGES]; /* lookup key prefixes */
};

/* Parse typed text. date_form is the clinic's local date form (e.g.
 * "DD/MM/YYYY"; see lookup_date_form_ok), or NULL for ISO only. Free with
 * lookup_query_done. */
void lookup_parse(const char *text, const char *date_form, struct lookup_query *q);
void lookup_query_done(struct lookup_query *q);

/* The lookup keys of a patient, beyond the MRN and name_key columns: up to
 * LOOKUP_RANGES malloc'd strings in keys; returns how many. */
int lookup_patient_keys(const char *mrn, const char *name, day_t dob, char **keys);

/* The name folded for lookup: upper case, no accents (text_fold_key),
 * without punctuation; hyphens and slashes become blanks. malloc'd. */
char *lookup_plain(const char *name);

/* A local date form: DD, MM and YYYY once each, joined by one separator
 * that is not a letter or digit ("DD/MM/YYYY", "MM-DD-YYYY", "DD.MM.YYYY"). */
bool lookup_date_form_ok(const char *form);
/* Read s in that form; false when it is not a valid date in it. */
bool lookup_date_parse(const char *s, const char *form, day_t *out);

/* Whether an existing patient may be the same person as a new
 * registration: the same date of birth, the same last name and the same
 * initial of the given names, accent- and punctuation-insensitive. */
bool lookup_similar(const struct patient_hit *old, const struct patient *p);

#endif
