/* score_basis.h: the one choice of what the scores are fed, for a patient on
 * a day — the newest lab result of each analyte and the newest examination
 * findings (ascites, encephalopathy, dialysis) on or before the day and no
 * older than the window (display:lab_stale_days) — and the scores computed
 * from it. The overview, `show`, the Scores step, the checklist and the
 * dashboard all take their scores from here, so a patient on a day has the
 * same MELD, MELD-Na, MELD 3.0 and Child-Pugh everywhere; each names the
 * inputs it used, their dates, and any clamp or dialysis rule applied. */
#ifndef HEPADESK_SCORE_BASIS_H
#define HEPADESK_SCORE_BASIS_H

#include <stdbool.h>

#include "config.h"
#include "date.h"
#include "exam.h"
#include "lab.h"
#include "patient.h"
#include "score.h"

struct score_basis {
	day_t on;
	int window_days;
	struct lab_latest labs;		 /* the results used: on or before on, within the window */
	bool lab_too_old[ANALYTE_COUNT]; /* a result exists but is older than the window */
	struct exam_findings findings;	 /* the findings used (have false when none or too old) */
	struct exam_findings too_old;	 /* findings older than the window, not used */
	struct score_input in;
	struct score_result scores;
	bool valid; /* score_compute accepted the inputs (else every score is not computable) */
};

/* Fill the patient and settings part of a score input and the labs given
 * (every analyte that labs->have): age on `on`, sex, etiology (PBC/PSC ->
 * cholestatic), INR band, ALBI coefficient, AST ULN from cfg. */
void score_basis_input(const struct patient *p, const struct lab_latest *labs, day_t on,
		       const struct config *cfg, struct score_input *in);

/* The Child-Pugh ascites points class of an ICA grade 0-3: 0 none, 1 slight,
 * 2 slight or moderate as the clinic chose (scores:ascites_ica_grade2_points),
 * 3 moderate; ASCITES_UNKNOWN for anything else. */
enum ascites score_basis_ascites(int ica, int ica2_points);

/* Choose the inputs from the latest labs and findings on or before on (a
 * record after on did not exist that day) within cfg->lab_window_days, and
 * compute every score. labs and f may hold newer or older records than
 * that; they are dropped here, the older ones listed as too old. */
void score_basis_build(const struct patient *p, const struct lab_latest *labs,
		       const struct exam_findings *f, day_t on, const struct config *cfg,
		       struct score_basis *out);

/* score_basis_build computing only score id (score_compute_one): the same
 * inputs, validity and value of id; the other scores are left not
 * computable. For the trend of one score over many days. */
void score_basis_build_one(const struct patient *p, const struct lab_latest *labs,
			   const struct exam_findings *f, day_t on, const struct config *cfg,
			   enum score_id id, struct score_basis *out);

/* One line naming a finding the scores used: "ascites ICA 2 (examination
 * 2026-02-27, 3 days old)", "dialysis yes (...)", or "encephalopathy: not
 * assessed within 30 days". kind is "ascites", "encephalopathy" or
 * "dialysis". Writes at most n bytes to buf. */
void score_basis_finding_text(const struct score_basis *b, const char *kind, char *buf, size_t n);

#endif
