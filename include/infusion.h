/* infusion.h: UC-MSC infusions as given — date and time, route, cells given,
 * product lot, who gave it, reactions within 24 hours — and their checks. */
#ifndef HEPADESK_INFUSION_H
#define HEPADESK_INFUSION_H

#include <stdbool.h>
#include <stdint.h>

#include "date.h"
#include "plan.h"
#include "status.h"
#include "user.h"

#define INFUSION_LOT_MAX 40
#define INFUSION_BY_MAX 80
#define INFUSION_REACTION_MAX 500
#define INFUSION_NOTE_MAX 2000
#define INFUSION_REASON_MAX 200

struct infusion {
	int64_t id;
	int64_t patient_id;
	int64_t schedule_id;   /* the scheduled infusion it closes, 0 if none */
	int64_t given_at;      /* seconds since the epoch (UTC) */
	day_t date;	       /* the clinic's day */
	enum plan_route route; /* as in plan.h: plan_route_str/plan_route_parse */
	double cells;	       /* total cells given */
	char lot[INFUSION_LOT_MAX + 1];
	char given_by[INFUSION_BY_MAX + 1];
	char reaction[INFUSION_REACTION_MAX + 1]; /* within 24 h; "" for none */
	char note[INFUSION_NOTE_MAX + 1];
	day_t lot_expiry; /* the product lot's expiry day; DAY_NONE when not given */
	/* A physician's confirmed override of the pre-infusion check's soft
	 * failures ("" when none was needed). */
	char override_reason[INFUSION_REASON_MAX + 1];
	char override_by[USER_LOGIN_MAX + 1];
	int64_t version;
};

void infusion_init(struct infusion *f);
/* Cells given: refused outside 1e6-1e10, ST_CONFIRM outside 1e7-1e9
 * (UC-MSC doses are about 1e6 cells/kg). Accepts "1e8", "100000000". */
enum status infusion_check_cells(const char *text, double *out, struct err *e);
/* Product lot 1-40 and given-by 1-80 characters of one-line text; reaction
 * up to 500 ("none" or "" for none). */
enum status infusion_check_lot(const char *text, struct err *e);
enum status infusion_check_given_by(const char *text, struct err *e);
enum status infusion_check_reaction(const char *text, struct err *e);

/* Whole record: every field within its limits, date not after today. */
enum status infusion_validate(const struct infusion *f, day_t today, struct err *e);

#endif
