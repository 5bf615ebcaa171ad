/* ui_scores.h: the score lines the overview and the scores review show, from
 * the model's score result (nothing is computed here). */
#ifndef HEPADESK_UI_SCORES_H
#define HEPADESK_UI_SCORES_H

#include <stdbool.h>

#include "overview.h"
#include "ui_lines.h"

/* Append the scores of ov to ls — one line each, or with detail: the lab
 * values and dates each used, what was clamped and why, the warnings.
 * Results older than stale_days (display:lab_stale_days) say "old".
 * Returns the index of the first line. */
int ui_scores_lines(struct ui_lines *ls, const struct overview *ov, bool detail, int stale_days);

/* Append the latest result of a: label, value in the conventional unit, flag
 * mark (H, L, !!H, !!L), reference range, collection date and "old" when
 * it is more than stale_days before ov->today; "missing" when there is none. */
void ui_scores_lab_line(struct ui_lines *ls, const struct overview *ov, enum analyte_id a,
			int indent, int stale_days);

#endif
