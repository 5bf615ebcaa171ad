/* ui_kmplot.c: the report's Kaplan-Meier curves framed with their axes. */
#include "ui_kmplot.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define KM_WIDTH_MAX 160
#define KM_HEIGHT_MAX 24

double ui_kmplot_span(double days)
{
	double six = 6 * REPORT_DAYS_PER_MONTH;
	double spans = ceil(days / six);
	return (spans < 1 ? 1 : spans) * six;
}

/* The row label of plot row r of h: 1.0 at the top, 0.5 half way, 0.0 at
 * the bottom. */
static const char *row_label(int r, int h)
{
	if (r == 0)
		return "1.0";
	if (r == h - 1)
		return "0.0";
	if (r == (h - 1) / 2)
		return "0.5";
	return "";
}

static void month_axis(struct ui_lines *ls, double tmax, int width)
{
	char line[KM_WIDTH_MAX + UI_KMPLOT_LABEL + 16];
	int months = (int)lround(tmax / REPORT_DAYS_PER_MONTH);
	int step = months <= 6 ? 1 : months <= 18 ? 3 : months <= 36 ? 6 : months <= 72 ? 12 : 24;
	memset(line, ' ', sizeof line);
	int end = 0;
	for (int m = 0; m <= months; m += step) {
		int x = UI_KMPLOT_LABEL + (int)lround((double)m / months * (width - 1));
		char num[16];
		int len = snprintf(num, sizeof num, "%d", m);
		if (x - len / 2 < end + 1 && m > 0)
			continue;
		int at = x - len / 2 < UI_KMPLOT_LABEL ? UI_KMPLOT_LABEL : x - len / 2;
		if (at + len > (int)sizeof line - 8)
			break;
		memcpy(line + at, num, (size_t)len);
		end = at + len;
	}
	line[end] = '\0';
	ui_lines_add(ls, ROLE_DIM, "%s", line);
}

void ui_kmplot(struct ui_lines *ls, const struct report_curve *c, double tmax, int width,
	       int height, bool ascii)
{
	width = width > KM_WIDTH_MAX ? KM_WIDTH_MAX : width < 10 ? 10 : width;
	height = height > KM_HEIGHT_MAX ? KM_HEIGHT_MAX : height < 3 ? 3 : height;
	/* The curve runs to its last time, on the axis of all curves. */
	double last = c->nsteps > 0 ? c->steps[c->nsteps - 1].time : 0;
	int drawn = last > 0 && last < tmax ? (int)lround(width * last / tmax) : width;
	drawn = drawn < 1 ? 1 : drawn;
	size_t n = (size_t)height * ((size_t)drawn * 3 + 1) + 1;
	char *plot = xcalloc(n, 1);
	int lines =
	    report_km_plot(c, last > 0 && last < tmax ? last : tmax, drawn, height, ascii, plot, n);
	char *line = xcalloc(n, 1);
	const char *at = plot;
	for (int r = 0; r < lines; r++) {
		size_t len = 0;
		/* An empty braille cell (U+2800) is drawn as a blank. */
		for (; *at && *at != '\n'; at++)
			if (strncmp(at, "\xE2\xA0\x80", 3) == 0) {
				line[len++] = ' ';
				at += 2;
			} else
				line[len++] = *at;
		line[len] = '\0';
		at += *at == '\n';
		ui_lines_add(ls, ROLE_NORMAL, "%3s |%s", row_label(r, height), line);
	}
	free(line);
	free(plot);
	char axis[KM_WIDTH_MAX + UI_KMPLOT_LABEL + 1];
	memset(axis, '-', (size_t)width + UI_KMPLOT_LABEL);
	memcpy(axis, "    +", UI_KMPLOT_LABEL);
	axis[width + UI_KMPLOT_LABEL] = '\0';
	ui_lines_add(ls, ROLE_DIM, "%s", axis);
	month_axis(ls, tmax, width);
}
