/* uc_checklist.h: a patient's checklist as of a day: inputs
 * loaded from storage, evaluated by the model (checklist.h). */
#ifndef HEPADESK_UC_CHECKLIST_H
#define HEPADESK_UC_CHECKLIST_H

#include <stdint.h>

#include "checklist.h"
#include "config.h"
#include "date.h"
#include "protocol.h"
#include "status.h"
#include "store.h"
#include "store_eval.h"

/* Load the inputs of a patient as of on: patient, labs, imaging, answers. */
enum status uc_checklist_input(struct store *st, const struct config *cfg, int64_t patient_id,
			       day_t on, struct checklist_input *in, struct err *e);

/* uc_checklist_input then checklist_evaluate. */
enum status uc_checklist_load(struct store *st, const struct config *cfg, const struct protocol *p,
			      int64_t patient_id, day_t on, struct checklist_result *out,
			      struct err *e);

/* Evaluate the patient on `on` under p and record the evaluation signed by
 * the actor, in one transaction (store_eval_sign). */
enum status uc_eval_sign(struct store *st, const struct config *cfg, const struct protocol *p,
			 const char *protocol_text, int64_t patient_id, day_t on,
			 struct evaluation *out, struct err *e);
/* Evaluate again and record an amendment with its reason (store_eval_amend). */
enum status uc_eval_amend(struct store *st, const struct config *cfg, const struct protocol *p,
			  const char *protocol_text, int64_t patient_id, day_t on,
			  const char *reason, struct evaluation *out, struct err *e);
/* store_demo_sign with this evaluation, inside a demo load. */
enum status uc_demo_sign(struct store *st, const struct config *cfg, const struct protocol *p,
			 const char *protocol_text, int64_t patient_id, day_t on, struct err *e);
#endif
