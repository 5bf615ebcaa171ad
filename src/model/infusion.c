/* infusion.c: infusion record rules — route, cell count, lot, who gave it,
 * reactions within 24 hours. */
#include "infusion.h"

#include <string.h>

#include "text.h"
#include "util.h"

void infusion_init(struct infusion *f)
{
	memset(f, 0, sizeof *f);
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
	return s;
}
