/* infusion_check.c: the pre-infusion check — status, evaluation, consent,
 * labs, adverse events and stopping rules, plan, interval, dose, route and
 * lot, each judged from the data it is given. */
#include "infusion_check.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static const struct {
	const char *code, *label;
} items[ICHECK_COUNT] = {
#define ICHECK_ROW_(id, code, label) [ICHECK_##id] = {code, label},
    ICHECK_ITEM_INFO(ICHECK_ROW_)
#undef ICHECK_ROW_
};

const enum analyte_id icheck_labs[ICHECK_LABS_N] = {ANALYTE_BILIRUBIN, ANALYTE_INR,
						    ANALYTE_CREATININE, ANALYTE_PLATELETS};

const char *icheck_item_str(enum icheck_item i)
{
	return (unsigned)i < ICHECK_COUNT ? items[i].code : "";
}

const char *icheck_item_label(enum icheck_item i)
{
	return (unsigned)i < ICHECK_COUNT ? items[i].label : "";
}

const char *icheck_state_str(enum icheck_state s)
{
	static const char *const names[] = {"pass", "pending", "confirm", "refuse"};
	return (unsigned)s < 4 ? names[s] : "?";
}

const char *icheck_state_mark(enum icheck_state s)
{
	static const char *const marks[] = {"ok", "..", "??", "NO"};
	return (unsigned)s < 4 ? marks[s] : "?";
}

static void set(struct icheck_line *l, enum icheck_state s, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void set(struct icheck_line *l, enum icheck_state s, const char *fmt, ...)
{
	va_list ap;
	l->state = s;
	va_start(ap, fmt);
	vsnprintf(l->reason, sizeof l->reason, fmt, ap);
	va_end(ap);
}

static void data(struct icheck_line *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void data(struct icheck_line *l, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(l->data, sizeof l->data, fmt, ap);
	va_end(ap);
}

static void check_status(const struct icheck_input *in, struct icheck_line *l)
{
	char d[16];
	const struct pstatus *st = &in->status;
	if (!st->id) {
		data(l, "no status recorded (screening)");
		set(l, ICHK_REFUSE, "the patient is in screening, not in treatment");
		return;
	}
	data(l, "%s since %s%s%s", pstate_label(st->state), date_format(st->date, d),
	     *st->reason ? ": " : "", st->reason);
	if (st->state == PSTATE_DECEASED)
		set(l, ICHK_REFUSE, "the patient is recorded as deceased");
	else if (st->state != PSTATE_IN_TREATMENT)
		set(l, ICHK_REFUSE, "the patient is %s, not in treatment", pstate_label(st->state));
}

static void check_evaluation(const struct protocol *p, const struct icheck_input *in, day_t day,
			     struct icheck_line *l)
{
	char d[16], u[16];
	int valid = (int)p->safety[SAFE_EVAL_VALID];
	if (!in->have_eval) {
		data(l, "no signed evaluation");
		set(l, ICHK_REFUSE, "no signed evaluation; sign the checklist first");
		return;
	}
	day_t until = in->ev.as_of + valid;
	data(l, "%s as of %s, signed by %s; valid %d days, until %s",
	     eval_status_str(in->ev.status), date_format(in->ev.as_of, d), in->ev.signed_by, valid,
	     date_format(until, u));
	if (in->ev.status != EVAL_READY)
		set(l, ICHK_REFUSE, "the signed evaluation is %s, not READY",
		    eval_status_str(in->ev.status));
	else if (day > until)
		set(l, ICHK_REFUSE, "the evaluation expired %d days before the infusion; amend it",
		    day - until);
}

static void check_consent(const struct icheck_input *in, struct icheck_line *l)
{
	if (!in->have_consent) {
		data(l, "no consent answer");
		set(l, ICHK_REFUSE, "no informed consent on file");
		return;
	}
	char d[16];
	data(l, "answered %s on %s%s%s", in->consent.yes ? "yes" : "no",
	     date_format(in->consent.answered_on, d), *in->consent.value ? ", signed " : "",
	     in->consent.value);
	if (!in->consent.yes)
		set(l, ICHK_REFUSE, "consent is recorded as not given");
}

static void check_labs(const struct protocol *p, const struct icheck_input *in, day_t day,
		       struct icheck_line *l)
{
	int window = (int)p->safety[SAFE_LAB_WINDOW];
	size_t len = 0;
	day_t oldest = DAY_NONE;
	const char *missing = NULL;
	char d[16];
	for (int i = 0; i < ICHECK_LABS_N; i++) {
		enum analyte_id a = icheck_labs[i];
		const struct analyte *an = analyte_get(a);
		if (!in->labs.have[a]) {
			missing = missing ? missing : an->key;
			len += (size_t)snprintf(l->data + len, sizeof l->data - len, "%s%s none",
						i ? ", " : "", an->short_label);
			continue;
		}
		day_t t = in->labs.r[a].date;
		char v[32];
		oldest = oldest == DAY_NONE || t < oldest ? t : oldest;
		analyte_format(a, UNITS_US, in->labs.r[a].canonical, v, sizeof v);
		len += (size_t)snprintf(l->data + len, sizeof l->data - len, "%s%s %s%s%s (%s)",
					i ? ", " : "", an->short_label, v,
					*analyte_unit(a, UNITS_US) ? " " : "",
					analyte_unit(a, UNITS_US), date_format(t, d));
		if (len >= sizeof l->data)
			len = sizeof l->data - 1;
	}
	if (missing)
		set(l, ICHK_REFUSE, "no %s result on file; labs are needed within %d days", missing,
		    window);
	else if (day - oldest > window)
		set(l, ICHK_CONFIRM,
		    "the oldest of the labs is %d days before the infusion (window "
		    "%d days)",
		    day - oldest, window);
}

static bool related(enum ae_relation r)
{
	return r == AE_REL_POSSIBLE || r == AE_REL_PROBABLE || r == AE_REL_DEFINITE;
}

bool infusion_ae_halts(const struct protocol *p, const struct ae *a, day_t day)
{
	if (a->onset > day || a->reviewed_at)
		return false;
	bool open = a->outcome != AE_OUT_RESOLVED && a->outcome != AE_OUT_SEQUELAE;
	if (a->grade >= 5)
		return true;
	if (a->serious && p->safety[SAFE_STOP_SERIOUS] >= 1)
		return true;
	return open && related(a->relation) && a->grade >= (int)p->safety[SAFE_STOP_GRADE];
}

static void check_adverse(const struct protocol *p, const struct icheck_input *in, day_t day,
			  struct icheck_line *l)
{
	int halting = 0;
	char d[16];
	data(l, "%d adverse event%s on file; stopping: related grade >= %d%s", in->naes,
	     in->naes == 1 ? "" : "s", (int)p->safety[SAFE_STOP_GRADE],
	     p->safety[SAFE_STOP_SERIOUS] >= 1 ? ", any serious event until reviewed" : "");
	for (int i = 0; i < in->naes; i++) {
		const struct ae *a = &in->aes[i];
		if (!infusion_ae_halts(p, a, day))
			continue;
		if (halting++ == 0)
			set(l, ICHK_REFUSE,
			    "%s grade %d (%s%s, onset %s, event %lld) halts infusions until a "
			    "physician reviews it",
			    a->term, a->grade, a->serious ? "serious, " : "",
			    ae_relation_str(a->relation), date_format(a->onset, d),
			    (long long)a->id);
	}
}

/* The plan is active and an infusion is left to give. */
static void check_plan(const struct icheck_input *in, struct icheck_line *l)
{
	char d[16];
	if (!in->have_plan) {
		data(l, "no active plan");
		set(l, ICHK_REFUSE, "no active treatment plan");
		return;
	}
	data(l, "%s, %d infusions %d days apart from %s; %d given", plan_route_str(in->plan.route),
	     in->plan.infusions, in->plan.interval_days, date_format(in->plan.first_date, d),
	     in->ngiven);
	if (in->ngiven >= in->plan.infusions)
		set(l, ICHK_REFUSE, "all %d planned infusions were given", in->plan.infusions);
}

static void check_interval(const struct protocol *p, const struct icheck_input *in, day_t day,
			   struct icheck_line *l)
{
	char d[16], t[20];
	size_t len = 0;
	if (!in->have_plan) {
		set(l, ICHK_REFUSE, "no plan gives the interval");
		return;
	}
	int min_days = in->plan.interval_days - p->infusion_window_days;
	if (in->have_item && in->item.state != SCHED_OPEN) {
		data(l, "%s due %s", in->item.label, date_format(in->item.due, d));
		set(l, ICHK_REFUSE, "%s is already %s", in->item.label,
		    sched_state_str(in->item.state));
		return;
	}
	if (in->have_last) {
		int days = day - in->last.date;
		len += (size_t)snprintf(l->data, sizeof l->data,
					"last infusion %s (%d days before); interval %d days "
					"(window -%d)",
					date_format_time(in->last.given_at, t), days,
					in->plan.interval_days, p->infusion_window_days);
		if (days < min_days) {
			set(l, ICHK_REFUSE,
			    "%d days after the last infusion; the plan needs at least %d", days,
			    min_days);
			return;
		}
	}
	if (!in->have_item)
		return;
	const struct schedule_item *it = &in->item;
	if (len < sizeof l->data)
		snprintf(l->data + len, sizeof l->data - len, "%s%s due %s (-%d/+%d days)",
			 len ? "; " : "", it->label, date_format(it->due, d), it->window_before,
			 it->window_after);
	if (day < it->due - it->window_before)
		set(l, ICHK_REFUSE, "%d days before %s is due (window %d days before)",
		    it->due - day, it->label, it->window_before);
	else if (day > it->due + it->window_after)
		set(l, ICHK_CONFIRM, "%d days after %s was due (window %d days after)",
		    day - it->due, it->label, it->window_after);
}

static void check_dose(const struct protocol *p, const struct icheck_input *in, day_t day,
		       struct icheck_line *l)
{
	char per[32], plan[32], given[32], d[16];
	double tol = p->safety[SAFE_DOSE_TOLERANCE];
	if (!in->have_plan) {
		set(l, ICHK_REFUSE, "no plan gives the dose");
		return;
	}
	if (isnan(in->weight_kg) || in->weight_date == DAY_NONE ||
	    day - in->weight_date > p->weight_window_days) {
		data(l, "weight %s",
		     isnan(in->weight_kg) ? "none" : date_format(in->weight_date, d));
		set(l, ICHK_REFUSE, "no weight within %d days of the infusion; re-measure it",
		    p->weight_window_days);
		return;
	}
	double planned = in->plan.cells_per_kg * in->weight_kg;
	plan_format_cells(in->plan.cells_per_kg, per, sizeof per);
	plan_format_cells(planned, plan, sizeof plan);
	if (!in->have_infusion) {
		data(l, "%s cells/kg x %.1f kg (%s) = %s cells, within %g %%", per, in->weight_kg,
		     date_format(in->weight_date, d), plan, tol);
		set(l, ICHK_PENDING, "checked against the cells given");
		return;
	}
	double pct = (in->f.cells - planned) / planned * 100.0;
	plan_format_cells(in->f.cells, given, sizeof given);
	data(l,
	     "%s cells given; planned %s cells/kg x %.1f kg (%s) = %s cells; %+.0f %% (within %g "
	     "%%)",
	     given, per, in->weight_kg, date_format(in->weight_date, d), plan, pct, tol);
	if (fabs(pct) > tol + 1e-9)
		set(l, ICHK_REFUSE, "%s cells is %.0f %% %s the planned %s (tolerance %g %%)",
		    given, fabs(pct), pct > 0 ? "over" : "under", plan, tol);
}

static void check_route(const struct icheck_input *in, struct icheck_line *l)
{
	if (!in->have_plan) {
		set(l, ICHK_REFUSE, "no plan gives the route");
		return;
	}
	if (!in->have_infusion) {
		data(l, "planned %s", plan_route_str(in->plan.route));
		set(l, ICHK_PENDING, "checked against the route given");
		return;
	}
	data(l, "given %s, planned %s", plan_route_str(in->f.route),
	     plan_route_str(in->plan.route));
	if (in->f.route != in->plan.route)
		set(l, ICHK_REFUSE, "route %s does not match the plan's %s",
		    plan_route_str(in->f.route), plan_route_str(in->plan.route));
}

/* The intrahepatic route's gates again before each infusion by that route
 * (the plan's, or the one given). */
static void check_intrahepatic(const struct protocol *p, const struct icheck_input *in,
			       struct icheck_line *l)
{
	bool ih = (in->have_plan && in->plan.route == ROUTE_INTRAHEPATIC) ||
		  (in->have_infusion && in->f.route == ROUTE_INTRAHEPATIC);
	if (!ih) {
		data(l, "not the intrahepatic route");
		return;
	}
	struct err e = {""};
	if (ih_check(p, &in->ih, l->data, sizeof l->data, &e) != ST_OK)
		set(l, ICHK_REFUSE, "%s", e.msg + strlen("intrahepatic: "));
}

/* The lot must be on file as a UC-MSC lot, released (every release test
 * passed), not voided and not expired on the infusion day; an expiry typed
 * with the infusion must be the lot's own. */
static void check_lot(const struct icheck_input *in, day_t day, struct icheck_line *l)
{
	char d[16], g[16];
	const struct product *p = &in->product;
	if (!in->have_infusion) {
		set(l, ICHK_PENDING, "checked against the lot on file: released and not expired");
		return;
	}
	if (!*in->f.lot) {
		data(l, "lot none");
		set(l, ICHK_REFUSE, "no product lot recorded");
		return;
	}
	if (!in->have_product) {
		data(l, "lot %s: not on file", in->f.lot);
		set(l, ICHK_REFUSE, "lot %s is not on file; record it first (product add)",
		    in->f.lot);
		return;
	}
	size_t len =
	    (size_t)snprintf(l->data, sizeof l->data, "lot %s, %s, expires %s; release", p->lot,
			     product_type_label(p->type), date_format(p->expiry, d));
	for (int i = 0; i < PTEST_COUNT && len < sizeof l->data; i++)
		len += (size_t)snprintf(l->data + len, sizeof l->data - len, " %s %s",
					product_test_str((enum product_test)i),
					product_result_word((enum product_test)i, p->tests[i]));
	struct err e = {""};
	if (p->type != PTYPE_UCMSC)
		set(l, ICHK_REFUSE, "lot %s is %s, not UC-MSC cells", p->lot,
		    product_type_label(p->type));
	else if (product_usable(p, day, &e) != ST_OK)
		set(l, ICHK_REFUSE, "%s", e.msg);
	else if (in->f.lot_expiry != DAY_NONE && in->f.lot_expiry != p->expiry)
		set(l, ICHK_REFUSE, "the expiry given (%s) is not lot %s's on file (%s)",
		    date_format(in->f.lot_expiry, g), p->lot, d);
}

/* The worst line's state and the summary naming the items not passing. */
static void summarize(struct icheck_result *out)
{
	size_t len = 0;
	for (int i = 0; i < ICHECK_COUNT; i++)
		if (out->lines[i].state > out->state)
			out->state = out->lines[i].state;
	const char *head = out->state == ICHK_REFUSE	? "REFUSED"
			   : out->state == ICHK_CONFIRM ? "NEEDS CONFIRMATION"
			   : out->state == ICHK_PENDING ? "PASSES SO FAR"
							: "PASSES";
	len = (size_t)snprintf(out->summary, sizeof out->summary, "%s", head);
	for (int i = 0, k = 0; i < ICHECK_COUNT && len < sizeof out->summary; i++)
		if (out->lines[i].state >= ICHK_CONFIRM)
			len += (size_t)snprintf(out->summary + len, sizeof out->summary - len,
						"%s%s", k++ ? ", " : ": ", items[i].code);
}

void infusion_check_run(const struct protocol *p, const struct icheck_input *in,
			struct icheck_result *out)
{
	memset(out, 0, sizeof *out);
	day_t day = in->have_infusion && in->f.date != DAY_NONE ? in->f.date : in->today;
	out->day = day;
	for (int i = 0; i < ICHECK_COUNT; i++)
		out->lines[i].item = (enum icheck_item)i;
	check_status(in, &out->lines[ICHECK_STATUS]);
	check_evaluation(p, in, day, &out->lines[ICHECK_EVALUATION]);
	check_consent(in, &out->lines[ICHECK_CONSENT]);
	check_labs(p, in, day, &out->lines[ICHECK_LABS]);
	check_adverse(p, in, day, &out->lines[ICHECK_ADVERSE]);
	check_plan(in, &out->lines[ICHECK_PLAN]);
	check_interval(p, in, day, &out->lines[ICHECK_INTERVAL]);
	check_dose(p, in, day, &out->lines[ICHECK_DOSE]);
	check_route(in, &out->lines[ICHECK_ROUTE]);
	check_intrahepatic(p, in, &out->lines[ICHECK_INTRAHEPATIC]);
	check_lot(in, day, &out->lines[ICHECK_LOT]);
	summarize(out);
}

const struct icheck_line *infusion_check_first(const struct icheck_result *r, enum icheck_state s)
{
	for (int i = 0; i < ICHECK_COUNT; i++)
		if (r->lines[i].state == s)
			return &r->lines[i];
	return NULL;
}

void infusion_check_json(struct json *j, const struct icheck_result *r)
{
	char d[16];
	json_string(j, "day", date_format(r->day, d));
	json_string(j, "result", icheck_state_str(r->state));
	json_arr_begin(j, "items");
	for (int i = 0; i < ICHECK_COUNT; i++) {
		const struct icheck_line *l = &r->lines[i];
		json_obj_begin(j, NULL);
		json_string(j, "item", items[i].code);
		json_string(j, "label", items[i].label);
		json_string(j, "state", icheck_state_str(l->state));
		json_string(j, "reason", l->reason);
		json_string(j, "data", l->data);
		json_obj_end(j);
	}
	json_arr_end(j);
}

/* The items a changed field bears on, as bits (1u << item). */
static unsigned touched(const struct infusion *was, const struct infusion *f)
{
	unsigned m = 0;
	if (f->given_at != was->given_at || f->date != was->date)
		m |= 1u << ICHECK_INTERVAL | 1u << ICHECK_DOSE | 1u << ICHECK_LOT;
	if (fabs(f->cells - was->cells) > 0.5)
		m |= 1u << ICHECK_DOSE;
	if (f->route != was->route)
		m |= 1u << ICHECK_ROUTE | 1u << ICHECK_DOSE | 1u << ICHECK_INTRAHEPATIC;
	if (strcmp(f->lot, was->lot) != 0 || f->lot_expiry != was->lot_expiry)
		m |= 1u << ICHECK_LOT;
	return m;
}

void infusion_check_correction(const struct protocol *p, const struct icheck_input *in,
			       const struct infusion *was, struct icheck_result *out)
{
	struct icheck_input *own = xmalloc(sizeof *own);
	*own = *in;
	/* The scheduled infusion it closed is its own, not "already done". */
	if (own->have_item && own->item.id == was->schedule_id && was->schedule_id)
		own->item.state = SCHED_OPEN;
	infusion_check_run(p, own, out);
	free(own);
	unsigned m = touched(was, &in->f);
	out->state = ICHK_PASS;
	for (int i = 0; i < ICHECK_COUNT; i++) {
		struct icheck_line *l = &out->lines[i];
		if (m & (1u << i))
			continue;
		l->state = ICHK_PASS;
		l->reason[0] = '\0';
		snprintf(l->data, sizeof l->data, "as recorded; not changed by the correction");
	}
	summarize(out);
}
