/* ui_help.c: the help overlay — the screen's paragraph with its key names
 * taken from the key table, the keys that act on the screen, then the whole
 * table by scope. */
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
	char *para;	 /* the screen's paragraph, key names filled in */
	char fault[160]; /* the first key named there but not acting there */
	int nfault;
	unsigned scope; /* the scopes of the screen it is about */
	unsigned role;	/* the roles held, ROLE_BIT set */
	int top;	/* first row shown */
	int total;	/* rows of the last draw */
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

static void help_heading(struct help *hp, struct ui *ui, int *row, const char *text)
{
	int y = ++*row - hp->top;
	if (y >= 0 && y < ui->rows - 1)
		ui_put(ui->body, y, 0, ui->cols, ROLE_TITLE, text);
	++*row;
}

/* The lowest scope bit of a: where the table lists it. */
static int home_bit(enum ui_action a)
{
	unsigned sc = ui_key_scope(a);
	for (int b = 0; b < UI_SCOPE_COUNT; b++)
		if (sc & (1u << b))
			return b;
	return -1;
}

/* Every action of the table, under the scope it belongs to, with all its
 * keys as they act there. */
static void help_table(struct help *hp, struct ui *ui, int *row)
{
	char names[64];
	help_heading(hp, ui, row, "Every key of hepadesk");
	for (int b = 0; b < UI_SCOPE_COUNT; b++) {
		int a = ACT_NONE + 1;
		while (a < ACT_COUNT && home_bit((enum ui_action)a) != b)
			a++;
		if (a == ACT_COUNT)
			continue;
		help_heading(hp, ui, row, ui_scope_title(b));
		for (a = ACT_NONE + 1; a < ACT_COUNT; a++)
			if (home_bit((enum ui_action)a) == b)
				help_entry(hp, ui, row,
					   ui_key_names((enum ui_action)a, 1u << b, "  ", names,
							sizeof names),
					   ui_key_help((enum ui_action)a), ROLE_NORMAL);
	}
}

static void help_draw(struct ui_screen *s, struct ui *ui)
{
	struct help *hp = (struct help *)s;
	char names[64], foot[128];
	int row = 0;
	ui_key_format("({DOWN}, {UP} scroll; {BACK} close)", SC_LIST | SC_GLOBAL, foot,
		      sizeof foot);
	ui_putf(ui->body, ui->rows - 1, 0, ui->cols, ROLE_DIM, "Help for: %s   %s", hp->title,
		foot);
	help_entry(hp, ui, &row, "This screen", hp->para, ROLE_NORMAL);
	if (hp->nfault)
		help_entry(hp, ui, &row, "Key table", hp->fault, ROLE_CRITICAL);
	help_heading(hp, ui, &row, "Keys on this screen");
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
		if (ui_key_offered((enum ui_action)a, hp->scope, hp->role))
			help_entry(
			    hp, ui, &row,
			    ui_key_names((enum ui_action)a, hp->scope, "  ", names, sizeof names),
			    ui_key_help((enum ui_action)a), ROLE_NORMAL);
	help_table(hp, ui, &row);
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

static const struct ui_screen_ops help_ops = {
    .title = "Help",
    .draw = help_draw,
    .key = help_key,
    .done = help_done,
    .hints = help_hints,
    .help = "The keys of hepadesk, from its one key table: first those that act on the "
	    "screen you came from, then every key by where it works.",
    .scope = SC_LIST,
};

struct ui_screen *ui_help_new(struct ui *ui, const struct ui_screen *s)
{
	struct help *hp = xcalloc(1, sizeof *hp);
	const char *para = s->ops->help ? s->ops->help : "";
	size_t n = strlen(para) + 512;
	const enum ui_action *hints = ui_screen_keys(s, &hp->scope);
	/* The paragraph tells of every state of the screen: its declared
	 * scope; the keys listed are those acting now. */
	unsigned all = s->ops->scope ? s->ops->scope | SC_GLOBAL : hp->scope;
	hp->base.ops = &help_ops;
	hp->role = ui_role(ui);
	strlcpy_(hp->title, s->ops->title, sizeof hp->title);
	hp->para = xcalloc(1, n);
	ui_key_format(para, all, hp->para, n);
	hp->nfault = ui_key_check(hints, NULL, hp->scope, hp->fault, sizeof hp->fault);
	if (!hp->nfault)
		hp->nfault = ui_key_check(NULL, para, all, hp->fault, sizeof hp->fault);
	return &hp->base;
}
