/* ui_report.h: the clinic's outcomes report as a screen (issue 16) — the
 * filter line, each measure's change from baseline by visit week (n, mean
 * ± SD of the value and the change, median [IQR], paired t and Wilcoxon p,
 * who is missing and why), the safety table, and the Kaplan-Meier curves
 * with numbers at risk and the median. Everything shown comes from struct
 * report (app_report_build_*, built in slices between keys under a
 * progress line); the screen computes no statistic. */
#ifndef HEPADESK_UI_REPORT_H
#define HEPADESK_UI_REPORT_H

#include "ui_screen.h"

/* The report of every treated patient as of today; never NULL (a refusal
 * or a failure to build it is shown on it). Heap screen for ui_push. */
struct ui_screen *ui_report_new(struct ui *ui);

/* A test build only (main.c): slice() gives the patients to walk in each
 * slice, asked before every slice: 0 holds the build (asked again at the
 * next tick), less than 0 the screen's own count. NULL: the count. */
void ui_report_slice_hook(int (*slice)(void));

#endif
