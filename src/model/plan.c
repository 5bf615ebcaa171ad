/* plan.c: dose arithmetic and the infusion and follow-up schedule of a plan. */
#include "plan.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util.h"
#include "vital.h"

static const struct {
	const char *code, *label;
} routes[ROUTE_COUNT] = {
#define PLAN_ROUTE_ROW_(id, code, label) [ROUTE_##id] = {code, label},
    PLAN_ROUTE_INFO(PLAN_ROUTE_ROW_)
#undef PLAN_ROUTE_ROW_
};

const char *plan_route_str(enum plan_route r)
{
	return (unsigned)r < ROUTE_COUNT ? routes[r].code : "";
}

const char *plan_route_label(enum plan_route r)
{
	return (unsigned)r < ROUTE_COUNT ? routes[r].label : "";
}

bool plan_route_parse(const char *s, enum plan_route *out)
{
	for (int r = 0; s && r < ROUTE_COUNT; r++) {
		if (strcmp(s, routes[r].code) == 0) {
			*out = (enum plan_route)r;
			return true;
		}
	}
	return false;
}

char *plan_route_choices(char *buf, size_t n)
{
	size_t len = 0;
	if (n)
		buf[0] = '\0';
	for (int r = 0; r < ROUTE_COUNT && len < n; r++) {
		int k = snprintf(buf + len, n - len, "%s%s",
				 r == 0			? ""
				 : r == ROUTE_COUNT - 1 ? " or "
							: ", ",
				 routes[r].code);
		len += k > 0 ? (size_t)k : 0;
	}
	return buf;
}

void plan_format_cells(double cells, char *buf, size_t n)
{
	if (!(cells > 0) || !isfinite(cells)) {
		snprintf(buf, n, "0");
		return;
	}
	int exp10 = (int)floor(log10(cells));
	double m = cells / pow(10, exp10);
	/* Round to two decimals; 9.996 becomes 10.00, i.e. 1.0 x 10^(e+1). */
	m = round(m * 100) / 100;
	if (m >= 10) {
		m /= 10;
		exp10++;
	}
	char mant[16];
	snprintf(mant, sizeof mant, "%.2f", m);
	size_t len = strlen(mant);
	if (mant[len - 1] == '0')
		mant[len - 1] = '\0'; /* "3.00" -> "3.0", "3.67" stays */
	snprintf(buf, n, "%s x 10^%d", mant, exp10);
}

void plan_arithmetic(const struct plan *pl, char *buf, size_t n)
{
	char per[32], total[32];
	/* cells/kg in units of 10^6, as protocols and trials write it. */
	snprintf(per, sizeof per, "%g x 10^6", pl->cells_per_kg / 1e6);
	plan_format_cells(pl->cells_per_infusion, total, sizeof total);
	snprintf(buf, n, "%s cells/kg x %.1f kg = %s cells", per, pl->weight_kg, total);
}

static enum status check_request(const struct protocol *p, const struct plan_request *rq,
				 day_t today, struct plan *out, struct err *e)
{
	char lo[32], hi[32], v[32];
	out->cells_per_kg = isnan(rq->cells_per_kg) ? p->cells_per_kg : rq->cells_per_kg;
	out->infusions = rq->infusions ? rq->infusions : p->infusions;
	out->interval_days = rq->interval_days ? rq->interval_days : p->interval_days;
	if (!(out->cells_per_kg >= p->cells_per_kg_min &&
	      out->cells_per_kg <= p->cells_per_kg_max)) {
		plan_format_cells(p->cells_per_kg_min, lo, sizeof lo);
		plan_format_cells(p->cells_per_kg_max, hi, sizeof hi);
		plan_format_cells(out->cells_per_kg, v, sizeof v);
		return err_set(e, ST_INVALID,
			       "cells per kg: %s (%g) is outside the protocol's "
			       "%s - %s cells/kg",
			       v, out->cells_per_kg, lo, hi);
	}
	if (out->infusions < p->infusions_min || out->infusions > p->infusions_max)
		return err_set(e, ST_INVALID, "infusions: %d is outside the protocol's %d-%d",
			       out->infusions, p->infusions_min, p->infusions_max);
	if (out->interval_days < p->interval_days_min || out->interval_days > p->interval_days_max)
		return err_set(e, ST_INVALID,
			       "interval: %d days is outside the protocol's %d-%d days",
			       out->interval_days, p->interval_days_min, p->interval_days_max);
	if (rq->first_date == DAY_NONE || rq->first_date < today)
		return err_set(e, ST_INVALID, "first infusion date: %s; accepted today or later",
			       rq->first_date == DAY_NONE ? "missing"
							  : date_format(rq->first_date, v));
	return ST_OK;
}

static enum status check_weight(const struct protocol *p, const struct patient *pt, day_t today,
				struct err *e)
{
	char d[16];
	if (isnan(pt->weight_kg) || pt->weight_date == DAY_NONE)
		return err_set(e, ST_INVALID,
			       "weight: not recorded; measure it before the dose "
			       "is planned");
	int age = (int)(today - pt->weight_date);
	if (age > p->weight_window_days)
		return err_set(e, ST_INVALID,
			       "weight: %.1f kg was measured on %s, %d days ago; "
			       "the protocol accepts at most %d days: re-measure the weight first",
			       pt->weight_kg, date_format(pt->weight_date, d), age,
			       p->weight_window_days);
	return vital_check(VITAL_WEIGHT, pt->weight_kg, true, e);
}

static void add_item(struct schedule_item *it, const struct plan *pl, enum sched_kind k,
		     const char *label, day_t target, int window)
{
	memset(it, 0, sizeof *it);
	it->patient_id = pl->patient_id;
	it->kind = k;
	strlcpy_(it->label, label, sizeof it->label);
	it->target = it->due = target;
	it->window_before = it->window_after = window;
	it->state = SCHED_OPEN;
}

enum status plan_compute(const struct protocol *p, const struct patient *pt,
			 const struct plan_request *rq, day_t today, struct plan *out,
			 struct schedule_item *items, int *n, struct err *e)
{
	struct plan pl = {0};
	char label[SCHEDULE_LABEL_MAX + 1];
	*n = 0;
	enum status s = check_request(p, rq, today, &pl, e);
	if (s == ST_OK)
		s = check_weight(p, pt, today, e);
	if (s != ST_OK)
		return s;
	pl.patient_id = pt->id;
	pl.route = rq->route;
	pl.weight_kg = pt->weight_kg;
	pl.weight_date = pt->weight_date;
	/* Rounded to whole cells: the product of two decimals is not exact. */
	pl.cells_per_infusion = round(pl.cells_per_kg * pl.weight_kg);
	pl.first_date = rq->first_date;
	pl.active = true;
	strlcpy_(pl.physician, rq->physician, sizeof pl.physician);
	for (int i = 0; i < pl.infusions; i++) {
		snprintf(label, sizeof label, "Infusion %d", i + 1);
		add_item(&items[(*n)++], &pl, SCHED_INFUSION, label,
			 pl.first_date + i * pl.interval_days, p->infusion_window_days);
	}
	for (int i = 0; i < p->nvisits; i++) {
		snprintf(label, sizeof label, "W%d", p->visit_weeks[i]);
		add_item(&items[(*n)++], &pl, SCHED_VISIT, label,
			 pl.first_date + 7 * p->visit_weeks[i], p->visit_window_days);
	}
	*out = pl;
	return ST_OK;
}
