/* lab.c: entry of one lab value through the analyte table's rules. */
#include "lab.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "util.h"

enum status lab_entry(enum analyte_id a, enum unit_system u, const char *text, bool confirmed,
		      struct lab_result *r, struct err *e)
{
	double canonical, value;
	enum lab_flag flag;
	bool asked = confirmed; /* the caller's answer to any question */
	enum status s = analyte_parse_value(a, u, text, &canonical, &flag, e);
	if (s == ST_CONFIRM && confirmed)
		s = ST_OK;
	else if (s == ST_OK)
		confirmed = false;
	if (s != ST_OK)
		return s;
	parse_double(text, &value);
	if (a == ANALYTE_HBV_DNA && value > 0 && value < 10 && !asked)
		return err_set(e, ST_CONFIRM,
			       "hbv_dna %g IU/mL is under 10: was it %g log10 IU/mL (about %.0f "
			       "IU/mL)? Enter it in log10 IU/mL, or confirm %g IU/mL",
			       value, value, pow(10, value), value);
	if (a == ANALYTE_HBV_DNA && value > 0 && value < 10)
		confirmed = true;
	r->analyte = a;
	r->value = value;
	strlcpy_(r->unit, analyte_unit(a, u), sizeof r->unit);
	r->canonical = canonical;
	r->flag = flag;
	r->confirmed = confirmed;
	return ST_OK;
}

enum status lab_entry_log10(enum analyte_id a, const char *text, bool confirmed,
			    struct lab_result *r, struct err *e)
{
	double value, canonical;
	char b[32];
	enum lab_flag flag;
	if (a != ANALYTE_HBV_DNA)
		return err_set(e, ST_INVALID, "%s: log10 IU/mL is accepted for HBV DNA only",
			       analyte_get(a) ? analyte_get(a)->key : "?");
	if (!parse_double(text, &value) || value < 0 || value > LAB_LOG10_MAX)
		return err_set(e, ST_INVALID,
			       "hbv_dna: '%s' is not accepted; accepted 0-%g log10 IU/mL",
			       text_sanitize_buf(b, sizeof b, text), LAB_LOG10_MAX);
	enum status s = analyte_check(a, UNITS_US, pow(10, value), &canonical, &flag, e);
	if (s == ST_CONFIRM && confirmed)
		s = ST_OK;
	else if (s == ST_OK)
		confirmed = false;
	if (s != ST_OK)
		return s;
	r->analyte = a;
	r->value = value;
	strlcpy_(r->unit, LAB_UNIT_LOG10, sizeof r->unit);
	r->canonical = canonical;
	r->flag = flag;
	r->confirmed = confirmed;
	return ST_OK;
}

bool lab_is_log10(const struct lab_result *r)
{
	return r->analyte == ANALYTE_HBV_DNA && strcmp(r->unit, LAB_UNIT_LOG10) == 0;
}

void lab_entered_text(const struct lab_result *r, char *buf, size_t n)
{
	if (n == 0)
		return;
	*buf = '\0';
	if (lab_is_log10(r))
		snprintf(buf, n, "%.2f %s", r->value, LAB_UNIT_LOG10);
}
