/* ui_help.c: the help overlay — the screen's paragraph and the key table. */
#include "ui_help.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_draw.h"
#include "util.h"

#define HELP_KEYCOL 16

struct help {
	struct ui_screen base;
	char title[64];
	char *para;
	int top;   /* first row shown */
	int total; /* rows of the last draw */
};

static const enum ui_action help_hints[] = {ACT_DOWN, ACT_UP, ACT_BACK, ACT_NONE};

/* Draw one entry at virtual row *row, visible rows [top, top+h). */
static void help_entry(struct help *hp, struct ui *ui, int *row, const char *keys, const char *text,
		       enum ui_role r)
{
	int width = ui->cols - HELP_KEYCOL - 2;
	int n = ui_wrap(NULL, 0, 0, width, INT_MAX, r, text);
	int y = *row - hp->top;
	if (y >= 0 && y < ui->rows - 1) {
		if (keys)
			ui_put(ui->body, y, 1, HELP_KEYCOL - 2, ROLE_TITLE, keys);
		ui_wrap(ui->body, y, HELP_KEYCOL, width, ui->rows - 1 - y, r, text);
	}
	*row += n;
}

static void help_draw(struct ui_screen *s, struct ui *ui)
{
	struct help *hp = (struct help *)s;
	int row = 0;
	ui_putf(ui->body, ui->rows - 1, 0, ui->cols, ROLE_DIM,
		"Help for: %s   (Down/Up scroll, q or Esc close)", hp->title);
	help_entry(hp, ui, &row, "This screen", hp->para, ROLE_NORMAL);
	row++;
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
		help_entry(hp, ui, &row, ui_key_shown((enum ui_action)a),
			   ui_key_help((enum ui_action)a), ROLE_NORMAL);
	hp->total = row;
}

static int help_key(struct ui_screen *s, struct ui *ui, int key)
{
	struct help *hp = (struct help *)s;
	int page = ui->rows - 2, max = hp->total - page;
	if (ui_key_is(key, ACT_BACK) || ui_key_is(key, ACT_HELP))
		return UI_POP;
	if (ui_key_is(key, ACT_DOWN))
		hp->top++;
	else if (ui_key_is(key, ACT_UP))
		hp->top--;
	else if (ui_key_is(key, ACT_PGDN))
		hp->top += page;
	else if (ui_key_is(key, ACT_PGUP))
		hp->top -= page;
	else if (ui_key_is(key, ACT_FIRST))
		hp->top = 0;
	else if (ui_key_is(key, ACT_LAST))
		hp->top = max;
	else
		return ui_key_is(key, ACT_REDRAW) ? UI_PASS : UI_DONE;
	if (hp->top > max)
		hp->top = max;
	if (hp->top < 0)
		hp->top = 0;
	return UI_DONE;
}

static void help_done(struct ui_screen *s)
{
	struct help *hp = (struct help *)s;
	free(hp->para);
	free(hp);
}

static const struct ui_screen_ops help_ops = {"Help",
					      help_draw,
					      help_key,
					      NULL,
					      help_done,
					      help_hints,
					      "The keys of hepadesk, from its one key table.",
					      NULL};

struct ui_screen *ui_help_new(const struct ui_screen *s)
{
	struct help *hp = xcalloc(1, sizeof *hp);
	hp->base.ops = &help_ops;
	strlcpy_(hp->title, s->ops->title, sizeof hp->title);
	hp->para = xstrdup(s->ops->help ? s->ops->help : "");
	return &hp->base;
}
