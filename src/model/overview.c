/* overview.c: a patient's overview — latest labs, imaging, current scores. */
#include "overview.h"

#include <math.h>
#include <string.h>

#include "util.h"

static double latest(const struct lab_latest *l, enum analyte_id a)
{
	return l->have[a] ? l->r[a].canonical : NAN;
}

void overview_score_input(const struct patient *p, const struct lab_latest *labs,
			  const struct imaging_note *img, int nimg, day_t today,
			  const struct config *cfg, struct score_input *in)
{
	score_input_init(in);
	in->bilirubin = latest(labs, ANALYTE_BILIRUBIN);
	in->inr = latest(labs, ANALYTE_INR);
	in->creatinine = latest(labs, ANALYTE_CREATININE);
	in->sodium = latest(labs, ANALYTE_SODIUM);
	in->albumin = latest(labs, ANALYTE_ALBUMIN);
	in->ast = latest(labs, ANALYTE_AST);
	in->alt = latest(labs, ANALYTE_ALT);
	in->platelets = latest(labs, ANALYTE_PLATELETS);
	in->sex = p->sex;
	in->age = patient_age(p, today);
	const struct etiology *et = etiology_find(p->etiology);
	in->cholestatic = et && et->cholestatic;
	in->cp_inr_low = cfg->cp_inr_low;
	in->cp_inr_high = cfg->cp_inr_high;
	in->albi_coef = cfg->albi_albumin_coef;
	in->ast_uln = cfg->apri_ast_uln;
	/* Imaging that found no ascites is "none" for Child-Pugh; ascites
	 * that was seen needs a graded clinical assessment, not a guess. */
	for (int i = 0; i < nimg; i++) {
		if (img[i].ascites == FIND_NA)
			continue;
		if (img[i].ascites == FIND_NO)
			in->ascites = ASCITES_NONE;
		break;
	}
}

int overview_score_analytes(enum score_id id, enum analyte_id *out)
{
	static const enum analyte_id meld[] = {ANALYTE_BILIRUBIN, ANALYTE_INR, ANALYTE_CREATININE};
	static const enum analyte_id meld_na[] = {ANALYTE_BILIRUBIN, ANALYTE_INR,
						  ANALYTE_CREATININE, ANALYTE_SODIUM};
	static const enum analyte_id meld3[] = {ANALYTE_BILIRUBIN, ANALYTE_INR, ANALYTE_CREATININE,
						ANALYTE_SODIUM, ANALYTE_ALBUMIN};
	static const enum analyte_id cp[] = {ANALYTE_BILIRUBIN, ANALYTE_ALBUMIN, ANALYTE_INR};
	static const enum analyte_id albi[] = {ANALYTE_BILIRUBIN, ANALYTE_ALBUMIN};
	static const enum analyte_id fib4[] = {ANALYTE_AST, ANALYTE_ALT, ANALYTE_PLATELETS};
	static const enum analyte_id apri[] = {ANALYTE_AST, ANALYTE_PLATELETS};
	static const struct {
		const enum analyte_id *a;
		int n;
	} table[SCORE_COUNT] = {
	    [SCORE_MELD] = {meld, 3},	[SCORE_MELD_NA] = {meld_na, 4},
	    [SCORE_MELD3] = {meld3, 5}, [SCORE_CHILD_PUGH] = {cp, 3},
	    [SCORE_ALBI] = {albi, 2},	[SCORE_FIB4] = {fib4, 3},
	    [SCORE_APRI] = {apri, 2},
	};
	if ((unsigned)id >= SCORE_COUNT)
		return 0;
	memcpy(out, table[id].a, (size_t)table[id].n * sizeof *out);
	return table[id].n;
}
