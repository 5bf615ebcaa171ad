/* uc_scores.h: the one use case that chooses a patient's score inputs on a
 * day — the latest labs, the newest examination findings from storage, the
 * dialysis rule — and computes the scores (score_basis.h). The overview,
 * `show`, the Scores step, the checklist and the exports call it. */
#ifndef HEPADESK_UC_SCORES_H
#define HEPADESK_UC_SCORES_H

#include "config.h"
#include "date.h"
#include "lab.h"
#include "patient.h"
#include "score_basis.h"
#include "status.h"
#include "store.h"

/* The score basis of patient p on `on`: labs are the latest results on or
 * before on (store_lab_latest), the findings are read here. */
enum status uc_scores_load(struct store *st, const struct config *cfg, const struct patient *p,
			   const struct lab_latest *labs, day_t on, struct score_basis *out,
			   struct err *e);

#endif
