/* lab.c: entry of one lab value through the analyte table's rules. */
#include "lab.h"

#include <string.h>

#include "util.h"

enum status lab_entry(enum analyte_id a, enum unit_system u, const char *text, bool confirmed,
		      struct lab_result *r, struct err *e)
{
	double canonical, value;
	enum lab_flag flag;
	enum status s = analyte_parse_value(a, u, text, &canonical, &flag, e);
	if (s == ST_CONFIRM && confirmed)
		s = ST_OK;
	else if (s == ST_OK)
		confirmed = false;
	if (s != ST_OK)
		return s;
	parse_double(text, &value);
	r->analyte = a;
	r->value = value;
	strlcpy_(r->unit, analyte_unit(a, u), sizeof r->unit);
	r->canonical = canonical;
	r->flag = flag;
	r->confirmed = confirmed;
	return ST_OK;
}
