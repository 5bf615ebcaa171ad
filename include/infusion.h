/* infusion.h: UC-MSC infusions as given — date and time, route, cells given,
 * product lot, who gave it, reactions within 24 hours — and their checks. */
#ifndef HEPADESK_INFUSION_H
#define HEPADESK_INFUSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "plan.h"
#include "status.h"
#include "user.h"
#include "vital.h"

#define INFUSION_LOT_MAX 40
#define INFUSION_BY_MAX 80
#define INFUSION_REACTION_MAX 500
#define INFUSION_NOTE_MAX 2000
#define INFUSION_REASON_MAX 200

/* The observations taken before and after an infusion: id, the column
 * stem in the infusions table (temp -> temp_before, temp_after), the
 * command line's option stem (--temp-before) and the measure in vital.h
 * that gives the unit and the limits. Blood pressure is given as
 * SYSTOLIC/DIASTOLIC (--bp-before 120/80). */
#define INFUSION_OBS_INFO(_)                             \
	_(TEMP, "temp", "temp", VITAL_TEMPERATURE)       \
	_(PULSE, "pulse", "pulse", VITAL_PULSE)          \
	_(SYSTOLIC, "systolic", "bp", VITAL_SYSTOLIC)    \
	_(DIASTOLIC, "diastolic", "bp", VITAL_DIASTOLIC) \
	_(SPO2, "spo2", "spo2", VITAL_SPO2)

enum infusion_obs_id {
#define IOBS_ENUM_(id, ...) IOBS_##id,
	INFUSION_OBS_INFO(IOBS_ENUM_)
#undef IOBS_ENUM_
	    IOBS_COUNT
};

/* The measure of an observation (vital.h), VITAL_COUNT for a bad id. */
enum vital_id infusion_obs_vital(enum infusion_obs_id id);

struct infusion_obs {
	double v[IOBS_COUNT]; /* NAN when not taken */
};

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
	struct infusion_obs before, after;	  /* observations around the infusion */
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

/* A physician's reason for overriding the check's soft failures: up to 200
 * characters of one-line text ("" for none). */
enum status infusion_check_override_reason(const char *text, struct err *e);

/* Observations: each within its measure's hard limits (vital_check,
 * warnings accepted), the diastolic below the systolic and neither without
 * the other. which names the set in messages ("before", "after"). */
enum status infusion_check_obs(const struct infusion_obs *o, const char *which, struct err *e);

/* The observations taken, with their units, into out ("37.1 °C, pulse 78
 * /min, BP 120/80 mmHg, SpO2 97 %"; "none" when none was taken). */
void infusion_obs_format(const struct infusion_obs *o, char *out, size_t n);

/* Whole record: every field within its limits (observations too), date
 * not after today. */
enum status infusion_validate(const struct infusion *f, day_t today, struct err *e);

#endif
