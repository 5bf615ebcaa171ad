/* unitsense.c: a new lab result against the previous one of its analyte. */
#include "unitsense.h"

#include <math.h>
#include <stdio.h>

void unitsense_opts_of(const struct config *cfg, struct unitsense_opts *o)
{
	o->jump_factor = cfg->lab_jump_factor;
	o->jump_days = cfg->lab_jump_days;
	o->same_day_factor = cfg->lab_same_day_factor;
}

/* max(a, b) / min(a, b); 1 (nothing to say) when either is not above zero. */
static double ratio(double a, double b)
{
	if (!(a > 0) || !(b > 0))
		return 1.0;
	return a > b ? a / b : b / a;
}

/* "171 µmol/L (10.0 mg/dL) on 2026-02-20": a stored result as entered,
 * and in system u when that is another unit. */
static void earlier(const struct lab_result *p, enum unit_system u, char *out, size_t n)
{
	char v[32], d[16];
	enum analyte_id a = p->analyte;
	enum unit_system as = UNITS_US;
	bool known = analyte_unit_parse(a, p->unit, &as);
	const char *unit = analyte_unit(a, u);
	analyte_format(a, u, p->canonical, v, sizeof v);
	if (!known || as == u || analyte_get(a)->si_factor == 1.0) {
		snprintf(out, n, "%s%s%s on %s", v, *unit ? " " : "", unit,
			 date_format(p->date, d));
		return;
	}
	char e[32];
	analyte_format(a, as, p->canonical, e, sizeof e);
	snprintf(out, n, "%s %s (%s %s) on %s", e, analyte_unit(a, as), v, unit,
		 date_format(p->date, d));
}

enum status unitsense_check(const struct lab_result *r, const struct lab_result *prev,
			    const struct unitsense_opts *o, struct err *e)
{
	enum unit_system u = UNITS_US;
	const struct analyte *an = analyte_get(r->analyte);
	if (!an || !prev || prev->analyte != r->analyte || r->analyte == ANALYTE_HBV_DNA ||
	    prev->date > r->date)
		return ST_OK;
	if (!analyte_unit_parse(r->analyte, r->unit, &u))
		u = UNITS_US;
	char was[96], v[32];
	const char *unit = analyte_unit(r->analyte, u);
	snprintf(v, sizeof v, "%g%s%s", r->value, *unit ? " " : "", unit);
	double now = ratio(r->canonical, prev->canonical);
	int days = (int)(r->date - prev->date);
	bool recent = days <= o->jump_days;
	if (days == 0 && now > o->same_day_factor) {
		earlier(prev, u, was, sizeof was);
		return err_set(e, ST_CONFIRM,
			       "%s %s differs from %s the same day by more than %g times; "
			       "confirm both are right",
			       an->key, v, was, o->same_day_factor);
	}
	if (an->si_factor != 1.0 && now > o->jump_factor) {
		enum unit_system other = u == UNITS_US ? UNITS_SI : UNITS_US;
		double as_other = analyte_to_canonical(r->analyte, other, r->value);
		if (ratio(as_other, prev->canonical) <= o->jump_factor) {
			earlier(prev, other, was, sizeof was);
			return err_set(e, ST_CONFIRM,
				       "%s %s looks like %s given the previous result %s; "
				       "enter it in %s, or confirm %s",
				       an->key, v, analyte_unit(r->analyte, other), was,
				       analyte_unit(r->analyte, other), v);
		}
	}
	earlier(prev, u, was, sizeof was);
	if (recent && now > o->jump_factor)
		return err_set(e, ST_CONFIRM,
			       "%s %s changed more than %g-fold from the previous result %s, "
			       "%d day%s before; confirm the value",
			       an->key, v, o->jump_factor, was, days, days == 1 ? "" : "s");
	return ST_OK;
}
