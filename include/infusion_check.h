/* infusion_check.h: the check before every infusion — each item with the
 * data it used, judged against the protocol, the plan, the signed
 * evaluation, the patient's status and adverse events. Pure: the use case
 * (uc_infusion.h) loads the input; nothing here reads storage or a clock.
 * A refused item stops the infusion; an item that needs confirmation lets
 * it through only with a physician's confirmed reason. */
#ifndef HEPADESK_INFUSION_CHECK_H
#define HEPADESK_INFUSION_CHECK_H

#include <stdbool.h>
#include <stdint.h>

#include "ae.h"
#include "checklist.h"
#include "date.h"
#include "ihgate.h"
#include "infusion.h"
#include "json.h"
#include "lab.h"
#include "plan.h"
#include "product.h"
#include "protocol.h"
#include "pstate.h"
#include "schedule.h"

/* The items, in the order they are shown: enum, code (JSON "item", the
 * refusal's name) and label. */
#define ICHECK_ITEM_INFO(_)                                                                 \
	_(STATUS, "status", "Patient alive and in treatment")                               \
	_(EVALUATION, "evaluation", "Signed READY evaluation still valid")                  \
	_(CONSENT, "consent", "Consent on file")                                            \
	_(LABS, "labs", "Labs within the protocol's window")                                \
	_(ADVERSE, "adverse_events", "No adverse event or stopping rule halting infusions") \
	_(PLAN, "plan", "Active plan with an infusion still to give")                       \
	_(INTERVAL, "interval", "Interval since the last infusion inside its window")       \
	_(DOSE, "dose", "Dose within the protocol's tolerance of the plan")                 \
	_(ROUTE, "route", "Route matches the plan")                                         \
	_(INTRAHEPATIC, "intrahepatic",                                                     \
	  "Intrahepatic route: INR, platelets, ascites, portal vein")                       \
	_(LOT, "lot", "Product lot on file, released and not expired")

enum icheck_item {
#define ICHECK_ENUM_(id, ...) ICHECK_##id,
	ICHECK_ITEM_INFO(ICHECK_ENUM_)
#undef ICHECK_ENUM_
	    ICHECK_COUNT
};

/* pass; confirm (a physician may override with a reason); refuse (no
 * override); pending (the infusion's own values are not given yet). */
enum icheck_state { ICHK_PASS, ICHK_PENDING, ICHK_CONFIRM, ICHK_REFUSE };

#define ICHECK_TEXT_MAX 320
#define ICHECK_AE_MAX 64

struct icheck_line {
	enum icheck_item item;
	enum icheck_state state;
	char reason[ICHECK_TEXT_MAX]; /* why it does not pass; "" when it does */
	char data[ICHECK_TEXT_MAX];   /* the data the item used */
};

struct icheck_result {
	day_t day;		 /* the day of the infusion checked */
	enum icheck_state state; /* the worst line's state */
	struct icheck_line lines[ICHECK_COUNT];
	char summary[ICHECK_TEXT_MAX]; /* "REFUSED: dose, interval" */
};

/* Everything the check looks at, loaded by the use case. */
struct icheck_input {
	day_t today;
	struct pstatus status; /* id 0: nothing recorded (screening) */
	bool have_plan;
	struct plan plan;
	bool have_eval;
	struct evaluation ev; /* the current signed evaluation */
	bool have_consent;
	struct checklist_answer consent; /* the newest answer of the consent item */
	struct lab_latest labs;		 /* newest on or before the infusion's day */
	struct ae aes[ICHECK_AE_MAX];	 /* the patient's adverse events */
	int naes;
	int ngiven; /* infusions given under the plan */
	bool have_last;
	struct infusion last; /* the last infusion given before this one */
	bool have_item;
	struct schedule_item item; /* the scheduled infusion this one closes */
	double weight_kg;	   /* the patient's latest weight; NAN when none */
	day_t weight_date;
	struct ih_input ih; /* the intrahepatic gates' data (loaded for that route) */
	bool have_infusion; /* f holds the infusion's values */
	struct infusion f;  /* route, cells, lot, lot_expiry, given_at, date */
	bool have_product;  /* the lot f names is on file (product_lots) */
	struct product product;
};

const char *icheck_item_str(enum icheck_item i);   /* "dose" */
const char *icheck_item_label(enum icheck_item i); /* "Dose within ..." */
const char *icheck_state_str(enum icheck_state s); /* "pass", "pending", "confirm", "refuse" */
/* The glyph a screen and the text output show: "ok", "..", "??", "NO". */
const char *icheck_state_mark(enum icheck_state s);

/* Run every item of the check against in under p into out. */
void infusion_check_run(const struct protocol *p, const struct icheck_input *in,
			struct icheck_result *out);

/* The check of a correction of infusion `was` (as stored) to in->f: the
 * items the changed fields bear on are judged again as infusion_check_run
 * judges them — the time: interval, dose (the weight's window) and lot
 * expiry; the cells: dose; the route: route, dose and the intrahepatic
 * gates; the lot or its expiry: lot — and the others stand as recorded
 * (pass, "not changed by the correction"): they judged the patient at the
 * time, not the values typed. The scheduled infusion `was` closed counts as
 * its own, not as "already done". in->last must be the infusion before
 * `was`, not `was` itself. */
void infusion_check_correction(const struct protocol *p, const struct icheck_input *in,
			       const struct infusion *was, struct icheck_result *out);

/* The labs the check requires (bilirubin, INR, creatinine, platelets). */
#define ICHECK_LABS_N 4
extern const enum analyte_id icheck_labs[ICHECK_LABS_N];

/* An adverse event that halts infusions under p (the stopping rules): not
 * reviewed by a physician, with onset on or before `day`, and either
 * serious (when the protocol halts on serious events), or related
 * (possible, probable, definite), still open and at or above the stopping
 * grade, or fatal. */
bool infusion_ae_halts(const struct protocol *p, const struct ae *a, day_t day);

/* The check as JSON members: "day", "result", "items" [{item, label,
 * state, reason, data}] into an open object of j. */
void infusion_check_json(struct json *j, const struct icheck_result *r);

/* The first line in state s, or NULL. */
const struct icheck_line *infusion_check_first(const struct icheck_result *r, enum icheck_state s);

#endif
