/* cli_score.h: score output shared by `score` and `show`. */
#ifndef HEPADESK_CLI_SCORE_H
#define HEPADESK_CLI_SCORE_H

#include "cli_int.h"
#include "json.h"
#include "score.h"
#include "score_basis.h"

/* The score keys (meld, meld_na, meld3, child_pugh_score, child_pugh_class,
 * albi, albi_grade, fib4, apri; null where not computable), "not_computable"
 * reasons, "clamped" and "warnings", as members of the current object. */
void cli_score_json(struct json *j, const struct score_result *r);

/* The same as aligned text lines. */
void cli_score_text(struct cli *c, const struct score_result *r);

/* What the scores were fed: the window, the findings used (with their date
 * and source) and the labs left out as too old, as text lines. */
void cli_basis_text(struct cli *c, const struct score_basis *b);

#endif
