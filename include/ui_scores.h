/* ui_scores.h: the score lines the overview and the scores review show, from
 * the model's score result (nothing is computed here). */
#ifndef HEPADESK_UI_SCORES_H
#define HEPADESK_UI_SCORES_H

#include <stdbool.h>

#include "overview.h"
#include "ui_lines.h"

/* Append the scores of ov to ls — one line each, or with detail: the lab
 * values and dates each used, what was clamped and why, the warnings.
 * Returns the index of the first line. */
int ui_scores_lines(struct ui_lines *ls, const struct overview *ov, bool detail);

/* Append one lab result line: label, value in the conventional unit, flag
 * mark (H, L, !!H, !!L), reference range and collection date. */
void ui_scores_lab_line(struct ui_lines *ls, const struct lab_latest *labs, enum analyte_id a,
			int indent);

#endif
