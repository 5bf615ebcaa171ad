/* uc_scores.c: a patient's score inputs on a day — findings loaded from
 * storage, the choice and the scores made by the model (score_basis.c). */
#include "uc_scores.h"

#include "store_exam.h"

enum status uc_scores_load(struct store *st, const struct config *cfg, const struct patient *p,
			   const struct lab_latest *labs, day_t on, struct score_basis *out,
			   struct err *e)
{
	struct exam_findings f;
	enum status s = store_exam_findings(st, p->id, on, &f, e);
	if (s != ST_OK)
		return s;
	score_basis_build(p, labs, &f, on, cfg, out);
	return ST_OK;
}
