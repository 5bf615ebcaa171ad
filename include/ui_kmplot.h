/* ui_kmplot.h: a Kaplan-Meier curve of the report as text lines — the
 * model's plot (report_km_plot: braille, or '*' and '|' in ASCII) framed
 * with the survival axis (1.0, 0.5, 0.0) and a time axis in months. A
 * widget: it places what the model drew, never estimates anything. */
#ifndef HEPADESK_UI_KMPLOT_H
#define HEPADESK_UI_KMPLOT_H

#include <stdbool.h>

#include "report.h"
#include "ui_lines.h"

#define UI_KMPLOT_LABEL 5 /* columns left of the plot: "1.0 |" */

/* Append height + 2 lines to ls: curve c over days 0..tmax (tmax > 0, at
 * least its last time) in width columns of plot, drawn up to its last time
 * only, then the axis and the month labels under it. */
void ui_kmplot(struct ui_lines *ls, const struct report_curve *c, double tmax, int width,
	       int height, bool ascii);

/* The time axis's end for curves lasting up to days: a whole number of
 * 6-month spans (at least one). */
double ui_kmplot_span(double days);

#endif
