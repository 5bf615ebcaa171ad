/* patient.c: patient field rules and the etiology list (WHO ICD-10). */
#include "patient.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "text.h"
#include "util.h"
#include "vital.h"

#define AGE_MAX 120
#define AGE_WARN 18

static const struct etiology etiologies[] = {
    {"B18.1", "Chronic hepatitis B", false},
    {"B18.2", "Chronic hepatitis C", false},
    {"K70.3", "Alcoholic cirrhosis", false},
    {"K75.8", "MASH/NASH (metabolic steatohepatitis)", false},
    {"K75.4", "Autoimmune hepatitis", false},
    {"K74.3", "Primary biliary cholangitis (PBC)", true},
    {"K83.0", "Primary sclerosing cholangitis (PSC)", true},
    {"K74.6", "Cryptogenic / other cirrhosis", false},
};

const struct etiology *etiology_list(size_t *n)
{
	*n = ARRAY_SIZE(etiologies);
	return etiologies;
}

const struct etiology *etiology_find(const char *code)
{
	for (size_t i = 0; code && i < ARRAY_SIZE(etiologies); i++)
		if (strcasecmp(code, etiologies[i].code) == 0)
			return &etiologies[i];
	return NULL;
}

/* The user's text, made safe and short for a message. */
static const char *shown(const char *s, char *buf, size_t n)
{
	return text_sanitize_buf(buf, n, s ? s : "");
}

enum status patient_check_mrn(const char *mrn, struct err *e)
{
	char b[48];
	size_t n = mrn ? strlen(mrn) : 0;
	if (n == 0 || n > PATIENT_MRN_MAX)
		return err_set(e, ST_INVALID, "MRN: '%s' must be 1-%d characters",
			       shown(mrn, b, sizeof b), PATIENT_MRN_MAX);
	/* "-" or "--HELP" would read as an option on every command line. */
	if (mrn[0] == '-')
		return err_set(e, ST_INVALID,
			       "MRN: '%s' is not accepted; it must start with a letter or digit",
			       shown(mrn, b, sizeof b));
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)mrn[i];
		if (!isalnum(c) && c != '-')
			return err_set(e, ST_INVALID,
				       "MRN: '%s' is not accepted; use letters A-Z, digits and '-'",
				       shown(mrn, b, sizeof b));
	}
	return ST_OK;
}

enum status patient_check_reason(const char *reason, struct err *e)
{
	char b[48];
	size_t n = reason ? strlen(reason) : 0;
	if (n == 0 || n > PATIENT_REASON_MAX || !text_is_clean(reason, false))
		return err_set(e, ST_INVALID,
			       "reason: '%s' (%zu bytes) must be 1-%d bytes of one-line text",
			       shown(reason, b, sizeof b), n, PATIENT_REASON_MAX);
	return ST_OK;
}

enum status patient_check_name(const char *name, struct err *e)
{
	char b[48];
	size_t n = name ? strlen(name) : 0;
	bool letter = false;
	if (n == 0 || n > PATIENT_NAME_MAX)
		return err_set(e, ST_INVALID, "name: must be 1-%d bytes (\"LAST, First\")",
			       PATIENT_NAME_MAX);
	if (!text_is_clean(name, false))
		return err_set(
		    e, ST_INVALID,
		    "name: '%s' contains control or formatting characters; type plain text",
		    shown(name, b, sizeof b));
	for (size_t i = 0; i < n; i++)
		if (isalpha((unsigned char)name[i]) || (unsigned char)name[i] >= 0x80)
			letter = true;
	if (!letter || name[0] == ',' || name[n - 1] == ',')
		return err_set(e, ST_INVALID, "name: '%s' is not a name; use \"LAST, First\"",
			       shown(name, b, sizeof b));
	return ST_OK;
}

enum status patient_check_dob(const char *text, day_t today, day_t *out, struct err *e)
{
	day_t d;
	enum status s = date_parse_field("date of birth", text, today, false, &d, e);
	if (s != ST_OK)
		return s;
	int age = date_age_years(d, today);
	if (age > AGE_MAX)
		return err_set(e, ST_INVALID, "date of birth: %s gives age %d; accepted ages 0-%d",
			       text, age, AGE_MAX);
	*out = d;
	if (age < AGE_WARN)
		return err_set(e, ST_CONFIRM,
			       "date of birth: %s gives age %d, under %d — confirm (adult clinic)",
			       text, age, AGE_WARN);
	return ST_OK;
}

enum status patient_check_sex(const char *text, char *out, struct err *e)
{
	char b[48];
	if (text && (strcmp(text, "F") == 0 || strcmp(text, "f") == 0)) {
		*out = 'F';
		return ST_OK;
	}
	if (text && (strcmp(text, "M") == 0 || strcmp(text, "m") == 0)) {
		*out = 'M';
		return ST_OK;
	}
	return err_set(e, ST_INVALID, "sex: '%s'; accepted F or M", shown(text, b, sizeof b));
}

enum status patient_check_etiology(const char *text, struct err *e)
{
	char b[48];
	if (!text || !*text || etiology_find(text))
		return ST_OK;
	return err_set(e, ST_INVALID,
		       "etiology: '%s' is not in the list; accepted B18.1, B18.2, K70.3, K75.8, "
		       "K75.4, K74.3, K83.0, K74.6",
		       shown(text, b, sizeof b));
}

enum status patient_check_weight(const char *text, double *out, struct err *e)
{
	return vital_parse(VITAL_WEIGHT, text, false, out, e);
}

/* Hard rules only: warnings (ST_CONFIRM) were answered at entry. */
enum status patient_validate(const struct patient *p, day_t today, struct err *e)
{
	enum status s;
	char buf[16];
	day_t d;
	if ((s = patient_check_mrn(p->mrn, e)) != ST_OK ||
	    (s = patient_check_name(p->name, e)) != ST_OK)
		return s;
	s = patient_check_dob(date_format(p->dob, buf), today, &d, e);
	if (s != ST_OK && s != ST_CONFIRM)
		return s;
	if (p->sex != 'F' && p->sex != 'M')
		return err_set(e, ST_INVALID, "sex: accepted F or M");
	if ((s = patient_check_etiology(p->etiology, e)) != ST_OK)
		return s;
	if (!isnan(p->weight_kg))
		return vital_check(VITAL_WEIGHT, p->weight_kg, true, e);
	return ST_OK;
}

int patient_age(const struct patient *p, day_t on)
{
	return date_age_years(p->dob, on);
}
