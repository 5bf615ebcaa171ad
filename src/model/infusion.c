/* infusion.c: infusion record rules — route, cell count, lot, who gave it,
 * reactions within 24 hours. */
#include "infusion.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "util.h"

static const enum vital_id obs_vitals[IOBS_COUNT] = {
#define IOBS_VITAL_(id, col, opt, vital) [IOBS_##id] = vital,
    INFUSION_OBS_INFO(IOBS_VITAL_)
#undef IOBS_VITAL_
};

enum vital_id infusion_obs_vital(enum infusion_obs_id id)
{
	return (unsigned)id < IOBS_COUNT ? obs_vitals[id] : VITAL_COUNT;
}

enum status infusion_check_obs(const struct infusion_obs *o, const char *which, struct err *e)
{
	for (int i = 0; i < IOBS_COUNT; i++) {
		if (isnan(o->v[i]))
			continue;
		if (vital_check(obs_vitals[i], o->v[i], true, e) != ST_OK) {
			char why[sizeof e->msg];
			snprintf(why, sizeof why, "%s", e->msg);
			return err_set(e, ST_INVALID, "%s the infusion: %s", which, why);
		}
	}
	double sbp = o->v[IOBS_SYSTOLIC], dbp = o->v[IOBS_DIASTOLIC];
	if (isnan(sbp) != isnan(dbp))
		return err_set(
		    e, ST_INVALID,
		    "%s the infusion: blood pressure needs both values (SYSTOLIC/DIASTOLIC "
		    "mmHg)",
		    which);
	if (!isnan(sbp) && dbp >= sbp)
		return err_set(
		    e, ST_INVALID,
		    "%s the infusion: blood pressure %.0f/%.0f mmHg: the diastolic must be "
		    "below the systolic",
		    which, sbp, dbp);
	return ST_OK;
}

void infusion_obs_format(const struct infusion_obs *o, char *out, size_t n)
{
	size_t used = 0;
	const double *v = o->v;
	out[0] = '\0';
#define OBS_PUT_(...)                                                            \
	do {                                                                     \
		int w_ = snprintf(out + used, n - used, "%s", used ? ", " : ""); \
		if (w_ > 0 && (size_t)w_ < n - used)                             \
			used += (size_t)w_;                                      \
		w_ = snprintf(out + used, n - used, __VA_ARGS__);                \
		if (w_ > 0 && (size_t)w_ < n - used)                             \
			used += (size_t)w_;                                      \
	} while (0)
	if (!isnan(v[IOBS_TEMP]))
		OBS_PUT_("%.1f °C", v[IOBS_TEMP]);
	if (!isnan(v[IOBS_PULSE]))
		OBS_PUT_("pulse %.0f /min", v[IOBS_PULSE]);
	if (!isnan(v[IOBS_SYSTOLIC]))
		OBS_PUT_("BP %.0f/%.0f mmHg", v[IOBS_SYSTOLIC], v[IOBS_DIASTOLIC]);
	if (!isnan(v[IOBS_SPO2]))
		OBS_PUT_("SpO2 %.0f %%", v[IOBS_SPO2]);
#undef OBS_PUT_
	if (!used)
		snprintf(out, n, "none");
}

void infusion_init(struct infusion *f)
{
	memset(f, 0, sizeof *f);
	for (int i = 0; i < IOBS_COUNT; i++)
		f->before.v[i] = f->after.v[i] = NAN;
	f->date = DAY_NONE;
	f->lot_expiry = DAY_NONE;
}

enum status infusion_check_cells(const char *text, double *out, struct err *e)
{
	char b[48];
	double v;
	if (!parse_double(text, &v))
		return err_set(e, ST_INVALID,
			       "cells: '%s' is not a number; accepted 1e6-1e10 cells (total given)",
			       text_sanitize_buf(b, sizeof b, text ? text : ""));
	if (v < 1e6 || v > 1e10)
		return err_set(e, ST_INVALID, "cells: '%s' is outside 1e6-1e10 cells (total given)",
			       text_sanitize_buf(b, sizeof b, text ? text : ""));
	*out = v;
	if (v < 1e7 || v > 1e9)
		return err_set(e, ST_CONFIRM,
			       "cells: %.3g cells is outside the usual 1e7-1e9 — "
			       "confirm the total (not per kg)",
			       v);
	return ST_OK;
}

static enum status check_line(const char *field, const char *text, size_t max, struct err *e)
{
	if (!text || !*text || strlen(text) > max || !text_is_clean(text, false))
		return err_set(e, ST_INVALID, "%s: 1-%zu characters of one-line text", field, max);
	return ST_OK;
}

enum status infusion_check_lot(const char *text, struct err *e)
{
	return check_line("lot", text, INFUSION_LOT_MAX, e);
}

enum status infusion_check_given_by(const char *text, struct err *e)
{
	return check_line("given by", text, INFUSION_BY_MAX, e);
}

enum status infusion_check_reaction(const char *text, struct err *e)
{
	if (!text || !*text)
		return ST_OK;
	if (strlen(text) > INFUSION_REACTION_MAX || !text_is_clean(text, true))
		return err_set(e, ST_INVALID,
			       "reaction: at most %d characters of text ('none' for "
			       "none)",
			       INFUSION_REACTION_MAX);
	return ST_OK;
}

enum status infusion_check_override_reason(const char *text, struct err *e)
{
	if (!text || !*text)
		return ST_OK;
	if (strlen(text) > INFUSION_REASON_MAX || !text_is_clean(text, false))
		return err_set(e, ST_INVALID, "override reason: 1-%d characters of one-line text",
			       INFUSION_REASON_MAX);
	return ST_OK;
}

enum status infusion_validate(const struct infusion *f, day_t today, struct err *e)
{
	char d[16];
	if (f->date == DAY_NONE || f->date > today)
		return err_set(e, ST_INVALID, "given at: '%s' must be a day up to today",
			       date_format(f->date, d));
	char routes[PLAN_ROUTE_CHOICES_MAX];
	if (!*plan_route_str(f->route))
		return err_set(e, ST_INVALID, "route: accepted %s",
			       plan_route_choices(routes, sizeof routes));
	if (!(f->cells >= 1e6 && f->cells <= 1e10))
		return err_set(e, ST_INVALID, "cells: %.3g is outside 1e6-1e10 cells", f->cells);
	enum status s = infusion_check_lot(f->lot, e);
	if (s == ST_OK)
		s = infusion_check_given_by(f->given_by, e);
	if (s == ST_OK)
		s = infusion_check_reaction(f->reaction, e);
	if (s == ST_OK && (strlen(f->note) > INFUSION_NOTE_MAX || !text_is_clean(f->note, true)))
		s = err_set(e, ST_INVALID, "note: at most %d bytes of text", INFUSION_NOTE_MAX);
	if (s == ST_OK)
		s = infusion_check_obs(&f->before, "before", e);
	if (s == ST_OK)
		s = infusion_check_obs(&f->after, "after", e);
	return s;
}
