/* ui_kmplot.c: Kaplan-Meier curves as braille or ASCII text lines. */
#include "ui_kmplot.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "util.h"

#define KM_WIDTH_MAX 160
#define KM_HEIGHT_MAX 24

/* The dot of braille column dx (0, 1), row dy (0-3) of a cell (U+2800 + bits). */
static unsigned braille_bit(int dx, int dy)
{
	static const unsigned bits[2][4] = {{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}};
	return bits[dx][dy];
}

static size_t put_braille(char *out, unsigned bits)
{
	if (!bits) {
		out[0] = ' ';
		return 1;
	}
	unsigned cp = 0x2800 + bits;
	out[0] = (char)(0xE0 | (cp >> 12));
	out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[2] = (char)(0x80 | (cp & 0x3F));
	return 3;
}

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

/* The dot row of S at each of cols dot columns over 0..tmax (row 0: S = 1,
 * row rows - 1: S = 0), into level; -1 past the last step's time. */
static void plot_levels(const struct km_step *steps, int nsteps, double tmax, int cols, int rows,
			int *level)
{
	double last = nsteps > 0 ? steps[nsteps - 1].time : 0;
	for (int x = 0; x < cols; x++) {
		double t = cols > 1 ? tmax * x / (cols - 1) : 0;
		double s = km_surv_at(steps, nsteps, t);
		/* Past the last time observed the curve is not drawn. */
		level[x] = x > 0 && t > last ? -1 : (int)lround((1.0 - s) * (rows - 1));
	}
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

void ui_kmplot(struct ui_lines *ls, const struct km_step *steps, int nsteps, double tmax, int width,
	       int height, bool ascii)
{
	width = width > KM_WIDTH_MAX ? KM_WIDTH_MAX : width < 10 ? 10 : width;
	height = height > KM_HEIGHT_MAX ? KM_HEIGHT_MAX : height < 3 ? 3 : height;
	int dx = ascii ? 1 : 2, dy = ascii ? 1 : 4;
	int cols = width * dx, rows = height * dy;
	int *level = xcalloc((size_t)cols, sizeof *level);
	unsigned *cell = xcalloc((size_t)width * (size_t)height, sizeof *cell);
	bool *fall = xcalloc((size_t)width * (size_t)height, sizeof *fall);
	plot_levels(steps, nsteps, tmax, cols, rows, level);
	for (int x = 0; x < cols && level[x] >= 0; x++) {
		/* A drop since the previous column is drawn down this column. */
		int from = x > 0 ? level[x - 1] : level[x];
		for (int y = from; y <= level[x]; y++) {
			int c = (y / dy) * width + x / dx;
			cell[c] |= ascii ? 1u : braille_bit(x % dx, y % dy);
			fall[c] = fall[c] || y < level[x];
		}
	}
	char line[KM_WIDTH_MAX * 3 + UI_KMPLOT_LABEL + 8];
	for (int r = 0; r < height; r++) {
		size_t len = (size_t)snprintf(line, sizeof line, "%3s |", row_label(r, height));
		for (int c = 0; c < width; c++) {
			unsigned b = cell[r * width + c];
			if (ascii)
				line[len++] = !b ? ' ' : fall[r * width + c] ? '|' : '*';
			else
				len += put_braille(line + len, b);
		}
		line[len] = '\0';
		ui_lines_add(ls, ROLE_NORMAL, "%s", line);
	}
	memset(line, '-', (size_t)width + UI_KMPLOT_LABEL);
	memcpy(line, "    +", UI_KMPLOT_LABEL);
	line[width + UI_KMPLOT_LABEL] = '\0';
	ui_lines_add(ls, ROLE_DIM, "%s", line);
	month_axis(ls, tmax, width);
	free(fall);
	free(cell);
	free(level);
}
