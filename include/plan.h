/* plan.h: the treatment plan — route, dose (cells/kg x weight, with the
 * arithmetic shown), infusions and their interval, and the infusion days and
 * follow-up visits generated from the protocol. Pure arithmetic: no storage,
 * no clock. */
#ifndef HEPADESK_PLAN_H
#define HEPADESK_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "patient.h"
#include "protocol.h"
#include "schedule.h"
#include "status.h"
#include "user.h"

/* The routes of administration: one table feeds the enum, the code (command
 * line --route, JSON "route", the plans and infusions tables) and the label
 * a screen shows. An intrahepatic route is signed by a physician. */
#define PLAN_ROUTE_INFO(_)             \
	_(IV, "iv", "IV (peripheral)") \
	_(INTRAHEPATIC, "intrahepatic", "Intrahepatic (ultrasound-guided)")

enum plan_route {
#define PLAN_ROUTE_ENUM_(id, code, label) ROUTE_##id,
	PLAN_ROUTE_INFO(PLAN_ROUTE_ENUM_)
#undef PLAN_ROUTE_ENUM_
	    ROUTE_COUNT
};

/* Generated rows at most: every infusion and every visit. */
#define PLAN_SCHEDULE_MAX (24 + PROTOCOL_VISITS_MAX)
#define PLAN_ARITH_MAX 128

/* The code: "iv", "intrahepatic"; "" for a bad id. Static. */
const char *plan_route_str(enum plan_route r);
/* The label: "IV (peripheral)"; "" for a bad id. Static. */
const char *plan_route_label(enum plan_route r);
/* The route of a code (exact, lower case); false (and *out untouched) for
 * anything else or NULL. */
bool plan_route_parse(const char *s, enum plan_route *out);
/* The codes a refusal lists, "iv or intrahepatic", into buf of size n
 * (PLAN_ROUTE_CHOICES_MAX is enough); returns buf. */
#define PLAN_ROUTE_CHOICES_MAX 64
char *plan_route_choices(char *buf, size_t n);

/* What the user asks for; NAN / 0 take the protocol's defaults. */
struct plan_request {
	enum plan_route route;
	double cells_per_kg; /* NAN: protocol default */
	int infusions;	     /* 0: protocol default */
	int interval_days;   /* 0: protocol default */
	day_t first_date;
	char physician[USER_LOGIN_MAX + 1]; /* who signs an intrahepatic route */
};

struct plan {
	int64_t id;
	int64_t patient_id;
	int64_t evaluation_id;
	enum plan_route route;
	double cells_per_kg;
	double weight_kg;
	day_t weight_date;
	double cells_per_infusion;
	int infusions;
	int interval_days;
	day_t first_date;
	char physician[USER_LOGIN_MAX + 1]; /* "" for IV */
	int64_t physician_signed_at;	    /* 0 for IV */
	bool active;
	int64_t version;
	int64_t created;
};

/* Compute a plan for patient pt on day today from the protocol and the
 * request: cells/kg within the protocol's bounds, infusions and interval
 * within theirs, a weight measured within the protocol's weight window
 * (else ST_INVALID "re-measure the weight first"), the first infusion not
 * before today. Fills *out and the schedule rows (infusions "Infusion 1..N"
 * every interval_days from first_date, window +-infusion_window_days; then
 * visits "W<n>" n weeks after the first infusion, window +-visit_window_days)
 * into items (room for PLAN_SCHEDULE_MAX); *n receives the count. Refusals
 * name the field, the value and the accepted range. */
enum status plan_compute(const struct protocol *p, const struct patient *pt,
			 const struct plan_request *rq, day_t today, struct plan *out,
			 struct schedule_item *items, int *n, struct err *e);

/* A cell count as "3.0 x 10^7" (mantissa 1-10, up to two decimals). */
void plan_format_cells(double cells, char *buf, size_t n);

/* The dose arithmetic: "0.5 x 10^6 cells/kg x 60.0 kg = 3.0 x 10^7 cells". */
void plan_arithmetic(const struct plan *pl, char *buf, size_t n);

#endif
