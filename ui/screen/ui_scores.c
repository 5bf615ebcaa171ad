/* ui_scores.c: score and lab lines of the read views. */
#include "ui_scores.h"

#include <stdio.h>
#include <string.h>

#include "analyte.h"
#include "date.h"
#include "ui_keymap.h"

static enum ui_role flag_role(enum lab_flag f)
{
	if (f == FLAG_CRIT_LOW || f == FLAG_CRIT_HIGH)
		return ROLE_CRITICAL;
	return f == FLAG_NONE ? ROLE_NORMAL : ROLE_ABNORMAL;
}

void ui_scores_lab_line(struct ui_lines *ls, const struct overview *ov, enum analyte_id a,
			int indent, int stale_days)
{
	const struct analyte *an = analyte_get(a);
	const char *label = strlen(an->label) <= 22 ? an->label : an->short_label;
	char val[32], lo[32], hi[32], day[16];
	if (!ov->labs.have[a]) {
		ui_lines_add(ls, ROLE_DIM, "%*s%-22s %8s", indent, "", label, "missing");
		return;
	}
	const struct lab_result *r = &ov->labs.r[a];
	bool old = ov->today - r->date > stale_days;
	analyte_format(a, UNITS_US, r->canonical, val, sizeof val);
	analyte_format(a, UNITS_US, an->ref_lo, lo, sizeof lo);
	analyte_format(a, UNITS_US, an->ref_hi, hi, sizeof hi);
	ui_lines_add(ls, flag_role(r->flag), "%*s%-22s %8s %-7s %-3s %7s-%-7s %s%s", indent, "",
		     label, val, an->unit[UNITS_US], lab_flag_mark(r->flag), lo, hi,
		     date_format(r->date, day), old ? " old" : "");
}

static void score_detail(struct ui_lines *ls, const struct overview *ov, enum score_id id,
			 int stale_days)
{
	enum analyte_id used[ANALYTE_COUNT];
	int n = overview_score_analytes(id, used);
	for (int k = 0; k < n; k++)
		ui_scores_lab_line(ls, ov, used[k], 6, stale_days);
	/* The findings the score took (score_basis.h): Child-Pugh's grades, the
	 * MELD family's dialysis rule. */
	static const char *const cp[] = {"ascites", "encephalopathy"}, *const meld[] = {"dialysis"};
	const char *const *kinds = id == SCORE_CHILD_PUGH ? cp : meld;
	int nk = id == SCORE_CHILD_PUGH						? 2
		 : id == SCORE_MELD || id == SCORE_MELD_NA || id == SCORE_MELD3 ? 1
										: 0;
	for (int k = 0; k < nk; k++) {
		char f[160];
		score_basis_finding_text(&ov->basis, kinds[k], f, sizeof f);
		ui_lines_add(ls, ROLE_NORMAL, "      %s", f);
	}
	const struct score_result *r = &ov->basis.scores;
	for (size_t c = 0; c < r->n_clamps; c++)
		if (r->clamps[c].score == id)
			ui_lines_add(ls, ROLE_WARN, "      clamped: %s %g -> %g (%s)",
				     r->clamps[c].input, r->clamps[c].given, r->clamps[c].used,
				     r->clamps[c].reason);
}

int ui_scores_lines(struct ui_lines *ls, const struct overview *ov, bool detail, int stale_days)
{
	int first = ls->n;
	const struct score_result *r = &ov->basis.scores;
	for (int i = 0; i < SCORE_COUNT; i++) {
		enum score_id id = (enum score_id)i;
		char val[128];
		bool ok = score_get(r, id)->computable;
		score_format(r, id, val, sizeof val);
		ui_lines_add(ls, ok ? ROLE_NORMAL : ROLE_DIM, "  %-11s %s%s", score_name(id),
			     ok ? "" : "--   ", val);
		if (detail)
			score_detail(ls, ov, id, stale_days);
	}
	for (size_t w = 0; w < r->n_warnings; w++)
		ui_lines_add(ls, ROLE_WARN, "  warning: %s", r->warnings[w]);
	if (!detail && r->n_clamps) {
		char how[64];
		ui_key_format("{EVAL}, then {STEP_NEXT} twice", SC_PATIENT | SC_EVAL, how,
			      sizeof how);
		ui_lines_add(ls, ROLE_WARN, "  %zu input%s clamped: see the scores review (%s)",
			     r->n_clamps, r->n_clamps == 1 ? "" : "s", how);
	}
	return first;
}
