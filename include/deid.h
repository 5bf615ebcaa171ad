/* deid.h: de-identification of exported records — a pseudonymous patient ID
 * and a per-patient date offset, both from a keyed hash (HMAC-SHA-256 under
 * the export sub-key, libsodium), and the grouping of ages over 89 (HIPAA
 * Safe Harbor). Pure: the key is passed in; nothing here reads a file. */
#ifndef HEPADESK_DEID_H
#define HEPADESK_DEID_H

#include <stdbool.h>
#include <stdint.h>

#include "date.h"

#define DEID_KEY_BYTES 32
#define DEID_ID_MAX 24	   /* "P" + 16 hex digits + NUL, with room */
#define DEID_SHIFT_MAX 180 /* days; offsets are -180..-1 and 1..180 */
#define DEID_AGE_TOP 90	   /* ages from this up are given as "90+" */

/* The pseudonym of patient id under key: "P" and 16 lower-case hex digits
 * (64 bits of HMAC-SHA-256 over "patient:" and the id), the same for the
 * same key and id in every export. Writes into out[DEID_ID_MAX]. */
void deid_pseudonym(const unsigned char key[DEID_KEY_BYTES], int64_t patient_id,
		    char out[DEID_ID_MAX]);

/* A pseudonym for another identifier that must stay linkable but not
 * readable (a product lot): prefix and 12 hex digits of HMAC-SHA-256 over
 * "what:" and text. Writes at most n bytes (n >= 16). */
void deid_token(const unsigned char key[DEID_KEY_BYTES], const char *what, const char *text,
		const char *prefix, char *out, size_t n);

/* The date offset of patient id in days: -180..-1 or 1..180, never 0, from
 * its own HMAC-SHA-256 (over "shift:" and the id), so the same patient is
 * shifted alike in every record and every export. */
int deid_shift_days(const unsigned char key[DEID_KEY_BYTES], int64_t patient_id);

/* A day shifted by days; DAY_NONE stays DAY_NONE. */
day_t deid_shift_day(day_t d, int days);

/* The age on `on` of someone born on dob as export text: whole years
 * ("67"), "90+" from DEID_AGE_TOP up, "" when dob is DAY_NONE. *withhold
 * (may be NULL) is set true when the birth date must be withheld (90+). */
void deid_age_text(day_t dob, day_t on, char out[8], bool *withhold);

#endif
