/* ui_kmplot.h: a Kaplan-Meier curve drawn as text lines — braille dots in
 * UTF-8 (2 x 4 dots a cell), '*' and '|' in ASCII — with the survival axis
 * (1.0, 0.5, 0.0) and a time axis in months. A widget: it plots the steps
 * the model computed (km_surv_at), never estimates anything itself. */
#ifndef HEPADESK_UI_KMPLOT_H
#define HEPADESK_UI_KMPLOT_H

#include <stdbool.h>

#include "stats.h"
#include "ui_lines.h"

#define UI_KMPLOT_LABEL 5 /* columns left of the plot: "1.0 |" */

/* Append height + 2 lines to ls: the curve of steps[0..nsteps-1] over days
 * 0..tmax (tmax > 0) in width columns of plot, the axis and the month
 * labels under it. ascii: '*' and '|' instead of braille. */
void ui_kmplot(struct ui_lines *ls, const struct km_step *steps, int nsteps, double tmax, int width,
	       int height, bool ascii);

/* The time axis's end for curves lasting up to days: a whole number of
 * 6-month spans (at least one). */
double ui_kmplot_span(double days);

#endif
