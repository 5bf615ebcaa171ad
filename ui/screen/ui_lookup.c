/* ui_lookup.c: the lookup prompt and result list (also the home screen). */
#include "ui_lookup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "store.h"
#include "ui_audit.h"
#include "ui_draw.h"
#include "ui_field.h"
#include "ui_overview.h"
#include "ui_patient_form.h"
#include "util.h"

#define LOOKUP_MAX 100
#define LOOKUP_LIST_Y 4 /* first result row */

struct lookup {
	struct ui_screen base;
	struct ui_field prompt;
	bool in_list;
	bool stale; /* results need asking again */
	struct patient_hit hits[LOOKUP_MAX];
	int n, sel, top;
};

static const enum ui_action home_hints[] = {ACT_HELP,  ACT_LOOKUP, ACT_NEW,
					    ACT_ENTER, ACT_QUIT,   ACT_NONE};
/* At the prompt letters are typed: Tab or Down moves into the list. */
static const enum ui_action prompt_hints[] = {ACT_HELP, ACT_ENTER, ACT_NEXT, ACT_BACK, ACT_NONE};
static const enum ui_action list_hints[] = {ACT_HELP, ACT_ENTER, ACT_LOOKUP, ACT_BACK, ACT_NONE};

static const enum ui_action *lookup_keys(const struct ui_screen *s, unsigned *scope)
{
	const struct lookup *lk = (const struct lookup *)s;
	if (!lk->in_list) {
		*scope = SC_FORM | SC_TEXT;
		return prompt_hints;
	}
	*scope = SC_LIST | (lk->base.home ? SC_HOME : 0);
	return lk->base.home ? home_hints : list_hints;
}

static void query(struct lookup *lk, struct ui *ui)
{
	struct err e = {""};
	enum status s;
	/* Nothing typed, or blanks only: the recent patients, so Space then
	 * Enter opens the last one (as in VistA). */
	if (lk->prompt.buf[strspn(lk->prompt.buf, " ")] == '\0')
		s = store_patient_recent(ui->app->st, lk->hits, LOOKUP_MAX, &lk->n, &e);
	else
		s = app_patient_find(ui->app, lk->prompt.buf, lk->hits, LOOKUP_MAX, &lk->n, &e);
	if (s != ST_OK) {
		lk->n = 0;
		ui_msg(ui, ROLE_CRITICAL, "lookup: %s", err_why(&e, s));
	}
	lk->sel = lk->top = 0;
	lk->stale = false;
	if (lk->n == 0 && !lk->base.home)
		lk->in_list = false;
}

static int list_rows(const struct lookup *lk, const struct ui *ui)
{
	return ui->rows - LOOKUP_LIST_Y - (lk->base.home ? 2 : 0);
}

static void draw_row(struct lookup *lk, struct ui *ui, int k, int y)
{
	const struct patient_hit *h = &lk->hits[k];
	char num[16] = "", dob[16];
	int row = k - lk->top + 1;
	bool sel = k == lk->sel && lk->in_list;
	enum ui_role r = sel ? ROLE_SELECTED : ROLE_NORMAL;
	int namew = ui->cols - 42;
	if (lk->in_list && row <= 9)
		snprintf(num, sizeof num, "%c%d", sel ? '>' : ' ', row);
	else
		snprintf(num, sizeof num, "%c", sel ? '>' : ' ');
	ui_put_pad(ui->body, y, 0, ui->cols, r, num);
	ui_put(ui->body, y, 4, 15, r, h->mrn);
	ui_put(ui->body, y, 20, namew, r, h->name);
	ui_putf(ui->body, y, 21 + namew, 21, r, "%-10s %3d %c", date_format(h->dob, dob),
		date_age_years(h->dob, app_today(ui->app)), h->sex);
}

static void lookup_draw(struct ui_screen *s, struct ui *ui)
{
	struct lookup *lk = (struct lookup *)s;
	if (lk->stale)
		query(lk, ui);
	int rows = list_rows(lk, ui);
	ui_put(ui->body, 0, 0, 14, ROLE_TITLE, "Find patient:");
	int cx =
	    ui_field_draw(&lk->prompt, ui->body, 0, 14, 40, lk->in_list ? ROLE_FIELD : ROLE_FOCUS);
	char say[64];
	if (lk->in_list)
		ui_key_format("{LOOKUP}: type", SC_LIST, say, sizeof say);
	else
		ui_key_format("MRN or name; {NEXT}: list", SC_FORM | SC_TEXT, say, sizeof say);
	ui_put(ui->body, 0, 56, ui->cols - 56, ROLE_DIM, say);
	if (lk->prompt.buf[strspn(lk->prompt.buf, " ")] == '\0')
		ui_putf(ui->body, 2, 0, ui->cols, ROLE_TITLE, "Recent patients (%d)", lk->n);
	else if (lk->n == 0)
		ui_put(ui->body, 2, 0, ui->cols, ROLE_WARN, "No patient matches what you typed");
	else
		ui_putf(ui->body, 2, 0, ui->cols, ROLE_TITLE, "%d match%s%s", lk->n,
			lk->n == 1 ? "" : "es",
			lk->n == LOOKUP_MAX ? " (first shown; type more)" : "");
	ui_putf(ui->body, 3, 0, ui->cols, ROLE_DIM, " #  %-15s %-*s %-10s %3s %s", "MRN",
		ui->cols - 42, "Name", "Born", "Age", "Sex");
	ui_list_show(lk->sel, &lk->top, rows);
	for (int k = lk->top; k < lk->n && k < lk->top + rows; k++)
		draw_row(lk, ui, k, LOOKUP_LIST_Y + k - lk->top);
	if (lk->base.home) {
		char hints[160];
		ui_key_hints(home_hints, SC_GLOBAL | SC_HOME | SC_LIST, ui_role(ui), hints,
			     sizeof hints);
		ui_put(ui->body, ui->rows - 1, 0, ui->cols, ROLE_HINT, hints);
	}
	if (!lk->in_list)
		ui_cursor(ui, 0, cx);
}

static int open_patient(struct lookup *lk, struct ui *ui, int k)
{
	if (k < 0 || k >= lk->n)
		return UI_DONE;
	struct ui_screen *ov = ui_overview_new(ui, lk->hits[k].id);
	if (!ov)
		return UI_DONE;
	lk->stale = true;
	if (lk->base.home) {
		/* Back home, the nurse sees the recent list, this patient on top. */
		ui_field_set(&lk->prompt, "");
		lk->in_list = true;
	}
	/* The patient opened replaces the one open before (and this lookup). */
	ui_switch_patient(ui, ov);
	return UI_DONE;
}

static int prompt_key(struct lookup *lk, struct ui *ui, int key)
{
	bool changed = false;
	if (ui_key_is(key, ACT_ENTER))
		return lk->n ? open_patient(lk, ui, lk->sel) : UI_DONE;
	if (ui_key_is(key, ACT_NEXT) || key == UI_FN(KEY_DOWN)) {
		lk->in_list = lk->n > 0;
		return UI_DONE;
	}
	if (key == UI_ESC && lk->base.home) {
		lk->in_list = true;
		return UI_DONE;
	}
	if (ui_field_key(&lk->prompt, key, &changed)) {
		if (changed)
			query(lk, ui);
		return UI_DONE;
	}
	return UI_PASS;
}

static int list_key(struct lookup *lk, struct ui *ui, int key)
{
	int page = list_rows(lk, ui), d = ui_key_digit(key);
	if (d)
		return lk->top + d - 1 < lk->n ? open_patient(lk, ui, lk->top + d - 1) : UI_DONE;
	if (ui_key_is(key, ACT_ENTER))
		return open_patient(lk, ui, lk->sel);
	bool leave = (ui_key_is(key, ACT_UP) && lk->sel == 0) || ui_key_is(key, ACT_LOOKUP) ||
		     ui_key_is(key, ACT_NEXT) || ui_key_is(key, ACT_PREV);
	if (leave)
		lk->in_list = false;
	else if (ui_key_move(key, &lk->sel, lk->n, page))
		return UI_DONE;
	else if (lk->base.home && ui_key_is(key, ACT_NEW)) {
		lk->stale = true;
		ui_push(ui, ui_patient_form_new(ui));
	} else if (lk->base.home && ui_key_is(key, ACT_AUDIT))
		ui_push(ui, ui_audit_new(ui));
	else
		return UI_PASS;
	return UI_DONE;
}

static int lookup_key(struct ui_screen *s, struct ui *ui, int key)
{
	struct lookup *lk = (struct lookup *)s;
	int r = lk->in_list ? list_key(lk, ui, key) : prompt_key(lk, ui, key);
	if (r & UI_PASS)
		lk->stale = lk->stale || lk->base.home;
	return r;
}

static void lookup_done(struct ui_screen *s)
{
	free(s);
}

/* What the prompt takes, in the help of both screens. */
#define LOOKUP_TYPE                                                                             \
	"an MRN (or its start), its last 4 digits (\"1234\"), the last name's initial and "     \
	"those digits (\"S1234\"), a name (\"SMI\", \"smith, j\", \"obrien\"), a first name, "  \
	"or a date of birth (YYYY-MM-DD, YYYY-MM or the clinic's own form); accents, case and " \
	"punctuation do not matter"

static const struct ui_screen_ops home_ops = {
    "Home",
    lookup_draw,
    lookup_key,
    NULL,
    lookup_done,
    home_hints,
    "Recent patients are listed; {UP} and {DOWN} choose, {ENTER} opens, {PICK} open the "
    "numbered row. {LOOKUP} (or {NEXT}) moves to the prompt: " LOOKUP_TYPE " and the list "
    "follows each key; a blank then {ENTER} opens the last patient. At the prompt digits are part "
    "of the MRN; press {NEXT} to move into the list, where "
    "{PICK} pick a row. {NEW} registers a new patient; {QUIT} quits.",
    NULL,
    .scope = SC_HOME | SC_LIST | SC_FORM,
    .keys_now = lookup_keys};

static const struct ui_screen_ops find_ops = {
    "Find patient",
    lookup_draw,
    lookup_key,
    NULL,
    lookup_done,
    prompt_hints,
    "Type " LOOKUP_TYPE "; the list follows each key; a blank then {ENTER} opens the last "
    "patient. {ENTER} opens the highlighted patient. Digits "
    "typed at the prompt are part of the MRN: press {NEXT} to move into the list, where "
    "{PICK} open the numbered row and {LOOKUP} goes back to the prompt. {BACK} closes the "
    "lookup.",
    NULL,
    .scope = SC_LIST | SC_FORM,
    .keys_now = lookup_keys};

struct ui_screen *ui_lookup_new(struct ui *ui, bool home)
{
	struct lookup *lk = xcalloc(1, sizeof *lk);
	lk->base.ops = home ? &home_ops : &find_ops;
	lk->base.home = home;
	ui_field_init(&lk->prompt, 60);
	lk->in_list = home;
	lk->stale = true;
	return &lk->base;
}
