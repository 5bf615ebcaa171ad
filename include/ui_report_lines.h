/* ui_report_lines.h: the outcomes report (report.h) laid out as lines for
 * the report screen — the change from baseline of one measure by visit
 * week with who is missing and why, the safety table, the paired biopsies,
 * and the Kaplan-Meier
 * curves with the numbers at risk. Formats only; computes nothing. */
#ifndef HEPADESK_UI_REPORT_LINES_H
#define HEPADESK_UI_REPORT_LINES_H

#include <stdbool.h>

#include "report.h"
#include "ui_lines.h"

/* What to lay out and where; the anchors are set by ui_report_lines. */
struct ui_report_view {
	const struct report *r;		       /* finished */
	int measure;			       /* index into r->measures */
	bool ascii;			       /* "+-", '*' and '|' instead of "±" and braille */
	int cols;			       /* the width the lines are for */
	struct ui_lines *lines;		       /* cleared, then filled */
	int at_change, at_safety, at_survival; /* the first line of each section */
};

/* Lay the report out into v->lines and set the anchors. */
void ui_report_lines(struct ui_report_view *v);

#endif
