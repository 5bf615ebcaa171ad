/* store_eval.h: storage of the pre-treatment checklist and the plan — the
 * nurse's answers, signed evaluations and their amendments, the text of
 * every protocol used, treatment plans with their schedule. Each write is one
 * transaction, checks the actor's role itself and is audited. */
#ifndef HEPADESK_STORE_EVAL_H
#define HEPADESK_STORE_EVAL_H

#include <stdint.h>

#include "checklist.h"
#include "config.h"
#include "plan.h"
#include "protocol.h"
#include "status.h"
#include "store.h"

/* --- protocols --- */
/* The text of the protocol kept most recently (by first use) into *text
 * (heap, caller frees); ST_NOT_FOUND when none was kept. */
enum status store_protocol_newest(struct store *st, char **text, struct err *e);

/* The protocol to run on: the one an administrator activated last
 * (store_protocol.h); in a database with no activation, the one built
 * into the program. Never a file named by the
 * caller or found in the current directory. *text (when text is not NULL)
 * receives the protocol's text (heap, caller frees). ST_INVALID when the
 * active protocol no longer passes this program's checks. A read: it writes
 * nothing, so it works on a read-only database. */
enum status store_protocol_active(struct store *st, struct protocol *out, char **text,
				  struct err *e);

/* --- answers --- */
/* Record a nurse's answer (PERM_RECORD) after checklist_check_answer against
 * p with today = the store's day; a->id is set. */
enum status store_answer_add(struct store *st, const struct protocol *p, struct checklist_answer *a,
			     struct err *e);
/* The newest answer of each item answered on or before `on`, at most max. */
enum status store_answer_latest(struct store *st, int64_t patient_id, day_t on,
				struct checklist_answer *out, int max, int *n, struct err *e);

/* --- evaluations --- */
/* How a patient is evaluated, supplied by the layer above (uc_checklist.h):
 * storage calls fn inside its signing transaction, so the inputs read and
 * the row written are one snapshot, without storage knowing the use case. */
struct store_evaluator {
	enum status (*fn)(void *ctx, struct store *st, int64_t patient_id, day_t on,
			  struct checklist_result *out, struct err *e);
	void *ctx;
};

/* Evaluate the patient on `on` (ev) under p inside one transaction and record it
 * signed by the actor (PERM_RECORD), with the protocol's name, version and
 * hash (its text kept) and the items' data as detail. Refused (ST_DUPLICATE)
 * when the patient already has a current signed evaluation: amend it. */
enum status store_eval_sign(struct store *st, const struct store_evaluator *ev,
			    const struct protocol *p, const char *protocol_text, int64_t patient_id,
			    day_t on, struct evaluation *out, struct err *e);
/* Amend the current signed evaluation (PERM_AMEND_SIGNED): evaluate again on
 * `on`, record the new version signed by the actor with amends and reason,
 * and point the old one's superseded_by at it. The old row stays as it was.
 * ST_NOT_FOUND when there is nothing signed to amend. */
enum status store_eval_amend(struct store *st, const struct store_evaluator *ev,
			     const struct protocol *p, const char *protocol_text,
			     int64_t patient_id, day_t on, const char *reason,
			     struct evaluation *out, struct err *e);
/* The current (not superseded) signed evaluation; ST_NOT_FOUND if none. */
enum status store_eval_current(struct store *st, int64_t patient_id, struct evaluation *out,
			       struct err *e);
/* Every evaluation of a patient, oldest first, at most max. */
enum status store_eval_history(struct store *st, int64_t patient_id, struct evaluation *out,
			       int max, int *n, struct err *e);
/* The stored detail JSON of an evaluation (heap, caller frees). */
enum status store_eval_detail(struct store *st, int64_t id, char **json, struct err *e);

/* --- plans --- */
/* Make a plan from rq on day today (plan_compute) for the patient's current
 * signed evaluation, which must be READY, and store it with its schedule in
 * one transaction. Needs PERM_RECORD; an intrahepatic route also needs the
 * actor to hold PERM_SIGN_INTRAHEPATIC and is signed by the actor. A named
 * physician must be the actor. Refused while an active plan exists.
 * out and the generated items (room for PLAN_SCHEDULE_MAX) are filled. */
enum status store_plan_add(struct store *st, const struct protocol *p,
			   const struct plan_request *rq, int64_t patient_id, day_t today,
			   struct plan *out, struct schedule_item *items, int *n, struct err *e);
/* The active plan of a patient; ST_NOT_FOUND if none. */
/* Cancel the patient's active plan with a reason (1-200 characters): the
 * plan and its open scheduled items are cancelled in one transaction, done
 * and missed ones stay as they were. version is the plan's as read
 * (ST_CONFLICT if it changed). Nurses, physicians and admins may. */
enum status store_plan_cancel(struct store *st, int64_t plan_id, int64_t version,
			      const char *reason, struct err *e);

enum status store_plan_current(struct store *st, int64_t patient_id, struct plan *out,
			       struct err *e);
/* Plan plan_id, active or not; ST_NOT_FOUND when there is none. */
enum status store_plan_get(struct store *st, int64_t plan_id, struct plan *out, struct err *e);

/* --- synthetic demo (inside store_demo_begin/store_demo_end) --- */
/* The same checks and rows as store_answer_add, store_eval_sign and
 * store_plan_add, inside the demo load's one transaction. */
enum status store_demo_answer(struct store *st, const struct protocol *p,
			      struct checklist_answer *a, struct err *e);
enum status store_demo_sign(struct store *st, const struct store_evaluator *ev,
			    const struct protocol *p, const char *protocol_text, int64_t patient_id,
			    day_t on, struct err *e);
enum status store_demo_plan(struct store *st, const struct protocol *p,
			    const struct plan_request *rq, int64_t patient_id, day_t today,
			    struct plan *out, struct schedule_item *items, int *n, struct err *e);

#endif
