/* ui_eval_labs.c: the labs step of the intake evaluation. */
#include "ui_eval_labs.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "store.h"
#include "uc_lab.h"
#include "ui_dialog.h"
#include "ui_draft.h"
#include "ui_draw.h"
#include "util.h"

#define LABS_NUMBER_CHARS "0123456789.-+eE"
#define LABS_ROW0 3 /* first analyte row below the date and the column titles */

void ui_eval_labs_init(struct ui_eval_labs *l, struct ui *ui, int64_t patient_id)
{
	struct err e = {""};
	char day[16];
	memset(l, 0, sizeof *l);
	l->patient_id = patient_id;
	l->today = app_today(ui->app);
	l->asking = -1;
	ui_field_init(&l->date, 10);
	l->date.accept = "0123456789-";
	ui_field_set(&l->date, date_format(l->today, day));
	for (int a = 0; a < ANALYTE_COUNT; a++) {
		ui_field_init(&l->rows[a].value, 20);
		l->rows[a].value.accept = LABS_NUMBER_CHARS;
	}
	/* Every lab grid (intake, visit) starts on its first analyte, so one
	 * Tab sequence means the same rows everywhere; the date is one Up. */
	l->focus = 1;
	if (store_lab_latest(ui->app->st, patient_id, l->today, &l->latest, &e) != ST_OK)
		memset(&l->latest, 0, sizeof l->latest);
}

static int check_row(struct ui_eval_labs *l, struct ui *ui, int a);

static int answer(struct ui *ui, void *arg, bool yes)
{
	struct ui_eval_labs *l = arg;
	int a = l->asking;
	l->asking = -1;
	if (a < 0)
		return UI_DONE;
	struct ui_lab_row *row = &l->rows[a];
	if (!yes) {
		row->state = LAB_BAD;
		l->focus = 1 + a;
		ui_msg(ui, ROLE_WARN, "%s: not accepted — correct the value or clear it (Ctrl-U)",
		       analyte_get((enum analyte_id)a)->label);
		return UI_DONE;
	}
	row->confirmed = true;
	row->confirmed_unit = row->unit;
	strlcpy_(row->confirmed_text, row->value.buf, sizeof row->confirmed_text);
	check_row(l, ui, a);
	return UI_DONE;
}

/* The model's lab_entry on one row: refusals to the message line, warnings
 * to a y/n question. Returns the status. */
static int check_row(struct ui_eval_labs *l, struct ui *ui, int a)
{
	struct ui_lab_row *row = &l->rows[a];
	struct err e = {""};
	if (row->value.len == 0) {
		row->state = LAB_EMPTY;
		return ST_OK;
	}
	bool confirmed = row->confirmed && row->confirmed_unit == row->unit &&
			 strcmp(row->confirmed_text, row->value.buf) == 0;
	enum status s =
	    lab_entry((enum analyte_id)a, row->unit, row->value.buf, confirmed, &row->r, &e);
	if (s == ST_OK) {
		row->state = LAB_OK;
	} else if (s == ST_CONFIRM) {
		char q[ERR_MSG_MAX + 40];
		row->state = LAB_ASK;
		l->asking = a;
		snprintf(q, sizeof q, "%s. Is the value correct?", e.msg);
		ui_confirm(ui, q, answer, l);
	} else {
		row->state = LAB_BAD;
		ui_msg(ui, ROLE_CRITICAL, "refused: %s", err_why(&e, s));
	}
	return s;
}

static void draw_row(struct ui_eval_labs *l, struct ui *ui, int a, int y)
{
	const struct analyte *an = analyte_get((enum analyte_id)a);
	struct ui_lab_row *row = &l->rows[a];
	bool focus = l->focus == 1 + a;
	char lo[24], hi[24], last[48] = "", day[16];
	ui_put(ui->body, y, 0, 2, ROLE_TITLE, focus ? ">" : " ");
	ui_put(ui->body, y, 2, 24, focus ? ROLE_TITLE : ROLE_NORMAL,
	       ui_text_width(an->label) <= 24 ? an->label : an->short_label);
	int cx = ui_field_draw(&row->value, ui->body, y, 27, 9, focus ? ROLE_FOCUS : ROLE_FIELD);
	if (focus)
		ui_cursor(ui, y, cx);
	ui_put(ui->body, y, 37, 7, ROLE_NORMAL, an->unit[row->unit][0] ? an->unit[row->unit] : "-");
	if (row->state == LAB_BAD)
		ui_put(ui->body, y, 45, 8, ROLE_CRITICAL, "refused");
	else if (row->state == LAB_ASK)
		ui_put(ui->body, y, 45, 8, ROLE_WARN, "confirm?");
	else if (row->state == LAB_OK)
		ui_put(ui->body, y, 45, 8,
		       row->r.flag >= FLAG_CRIT_LOW ? ROLE_CRITICAL
		       : row->r.flag != FLAG_NONE   ? ROLE_ABNORMAL
						    : ROLE_OK,
		       row->r.flag == FLAG_NONE ? "ok" : lab_flag_mark(row->r.flag));
	analyte_format((enum analyte_id)a, row->unit, an->ref_lo, lo, sizeof lo);
	analyte_format((enum analyte_id)a, row->unit, an->ref_hi, hi, sizeof hi);
	ui_putf(ui->body, y, 54, 10, ROLE_DIM, "%s-%s", lo, hi);
	if (l->latest.have[a]) {
		char v[24];
		analyte_format((enum analyte_id)a, row->unit, l->latest.r[a].canonical, v,
			       sizeof v);
		snprintf(last, sizeof last, "%s %s", v, date_format(l->latest.r[a].date, day));
	}
	ui_put(ui->body, y, 65, ui->cols - 65, ROLE_DIM, last);
}

void ui_eval_labs_draw(struct ui_eval_labs *l, struct ui *ui, int y)
{
	ui_put(ui->body, y, 0, 2, ROLE_TITLE, l->focus == 0 ? ">" : " ");
	ui_put(ui->body, y, 2, 24, ROLE_NORMAL, "Collection date");
	int cx =
	    ui_field_draw(&l->date, ui->body, y, 27, 12, l->focus == 0 ? ROLE_FOCUS : ROLE_FIELD);
	if (l->focus == 0)
		ui_cursor(ui, y, cx);
	char hint[64];
	ui_key_format("YYYY-MM-DD   {=UNITS}: unit   {=SAVE}: save all", SC_LABS | SC_FORM, hint,
		      sizeof hint);
	ui_put(ui->body, y, 41, ui->cols - 41, ROLE_DIM, hint);
	ui_putf(ui->body, y + 1, 0, ui->cols, ROLE_DIM, "  %-24s %-9s %-7s %-8s %-10s %s",
		"Analyte", "Value", "Unit", "Flag", "Reference", "Last");
	for (int a = 0; a < ANALYTE_COUNT && y + 2 + a < ui->rows; a++)
		draw_row(l, ui, a, y + 2 + a);
}

/* Leave the focused row (checking it) for row `to`. */
static void focus_move(struct ui_eval_labs *l, struct ui *ui, int to)
{
	if (l->focus > 0 && l->rows[l->focus - 1].state != LAB_OK)
		check_row(l, ui, l->focus - 1);
	l->focus = (to + ANALYTE_COUNT + 1) % (ANALYTE_COUNT + 1);
	l->settled = l->dirty;
	ui_field_begin(l->focus ? &l->rows[l->focus - 1].value : &l->date);
}

static int toggle_unit(struct ui_eval_labs *l, struct ui *ui)
{
	if (l->focus == 0)
		return UI_DONE;
	int a = l->focus - 1;
	const struct analyte *an = analyte_get((enum analyte_id)a);
	struct ui_lab_row *row = &l->rows[a];
	if (strcmp(an->unit[UNITS_US], an->unit[UNITS_SI]) == 0) {
		ui_msg(ui, ROLE_HINT, "%s: the same unit in both systems", an->label);
		return UI_DONE;
	}
	row->unit = row->unit == UNITS_US ? UNITS_SI : UNITS_US;
	l->dirty = l->settled = true;
	ui_msg(ui, ROLE_HINT, "%s now in %s", an->label, an->unit[row->unit]);
	if (row->value.len)
		check_row(l, ui, a);
	return UI_DONE;
}

/* Every entered row valid and the date right; returns the rows in out. */
static int collect(struct ui_eval_labs *l, struct ui *ui, struct lab_result *out)
{
	struct err e = {""};
	day_t day;
	enum status s = date_parse_field("collection date", l->date.buf, l->today, false, &day, &e);
	if (s != ST_OK) {
		l->focus = 0;
		ui_msg(ui, ROLE_CRITICAL, "not saved: %s", e.msg);
		return -1;
	}
	int n = 0;
	for (int a = 0; a < ANALYTE_COUNT; a++) {
		if (l->rows[a].value.len == 0)
			continue;
		if (l->rows[a].state != LAB_OK && check_row(l, ui, a) != ST_OK) {
			l->focus = 1 + a;
			if (l->rows[a].state == LAB_BAD)
				ui_msg(ui, ROLE_CRITICAL,
				       "not saved: %s is refused — correct or clear it",
				       analyte_get((enum analyte_id)a)->label);
			return -1;
		}
		out[n] = l->rows[a].r;
		out[n].patient_id = l->patient_id;
		out[n].date = day;
		out[n].visit_id = l->visit_id;
		strlcpy_(out[n].source, l->visit_id ? "visit" : "screen", sizeof out[n].source);
		n++;
	}
	return n;
}

/* Store the collected rows (unit sense confirmed when asked) and clear the
 * form. */
static int store_rows(struct ui_eval_labs *l, struct ui *ui, bool confirmed)
{
	struct lab_result rows[ANALYTE_COUNT];
	struct err e = {""};
	int n = collect(l, ui, rows);
	if (n <= 0)
		return UI_DONE;
	enum status s = uc_lab_add(ui->app->st, &ui->app->cfg, rows, n, confirmed, &e);
	if (s != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "not saved: %s", err_why(&e, s));
		return UI_DONE;
	}
	for (int a = 0; a < ANALYTE_COUNT; a++) {
		ui_field_set(&l->rows[a].value, "");
		l->rows[a].state = LAB_EMPTY;
		l->rows[a].confirmed = false;
	}
	store_lab_latest(ui->app->st, l->patient_id, l->today, &l->latest, &e);
	l->dirty = false;
	l->saved = n;
	l->focus = 1;
	ui_msg(ui, ROLE_OK, "stored %d lab result%s for %s", n, n == 1 ? "" : "s", l->date.buf);
	return UI_DONE;
}

/* The answer to unit sense's question (uc_lab.h). */
static int sense_answer(struct ui *ui, void *arg, bool yes)
{
	struct ui_eval_labs *l = arg;
	if (!yes) {
		ui_msg(ui, ROLE_WARN, "not saved: correct the value or its unit, or clear it");
		return UI_DONE;
	}
	return store_rows(l, ui, true);
}

static int save(struct ui_eval_labs *l, struct ui *ui)
{
	struct lab_result rows[ANALYTE_COUNT];
	struct err e = {""};
	int n = collect(l, ui, rows);
	if (n < 0)
		return UI_DONE;
	if (n == 0) {
		ui_msg(ui, ROLE_WARN, "nothing to save: enter at least one value");
		return UI_DONE;
	}
	/* Unit sense against the patient's history asks before anything is
	 * written. */
	enum status s = uc_lab_sense(ui->app->st, &ui->app->cfg, rows, n, &e);
	if (s == ST_CONFIRM) {
		char q[ERR_MSG_MAX + 40];
		snprintf(q, sizeof q, "%s. Save it as entered?", e.msg);
		ui_confirm(ui, q, sense_answer, l);
		return UI_DONE;
	}
	if (s != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "not saved: %s", err_why(&e, s));
		return UI_DONE;
	}
	return store_rows(l, ui, false);
}

int ui_eval_labs_key(struct ui_eval_labs *l, struct ui *ui, int key)
{
	bool changed = false;
	if (ui_key_is(key, ACT_SAVE))
		return save(l, ui);
	if (ui_key_is(key, ACT_NEXT) || ui_key_is(key, ACT_ENTER) || key == UI_FN(KEY_DOWN)) {
		focus_move(l, ui, l->focus + 1);
		return UI_DONE;
	}
	if (ui_key_is(key, ACT_PREV) || key == UI_FN(KEY_UP)) {
		focus_move(l, ui, l->focus - 1);
		return UI_DONE;
	}
	if (ui_key_is(key, ACT_UNITS))
		return toggle_unit(l, ui);
	struct ui_field *f = l->focus ? &l->rows[l->focus - 1].value : &l->date;
	if (!ui_field_key(f, key, &changed))
		return UI_PASS;
	if (changed) {
		l->dirty = true;
		if (l->focus)
			l->rows[l->focus - 1].state = LAB_EMPTY;
	}
	if (key == UI_CTRL('C'))
		ui_msg(ui, ROLE_HINT, "edit cancelled");
	return UI_DONE;
}

void ui_eval_labs_encode(const struct ui_eval_labs *l, struct strbuf *sb)
{
	draft_put(sb, "date", l->date.buf);
	for (int a = 0; a < ANALYTE_COUNT; a++) {
		char key[40];
		const char *k = analyte_get((enum analyte_id)a)->key;
		draft_put(sb, k, l->rows[a].value.buf);
		snprintf(key, sizeof key, "%s.unit", k);
		draft_put(sb, key, l->rows[a].unit == UNITS_SI ? "si" : "us");
	}
}

void ui_eval_labs_decode(struct ui_eval_labs *l, const char *content)
{
	char v[UI_FIELD_MAX + 1], key[40];
	if (draft_get(content, "date", v, sizeof v))
		ui_field_set(&l->date, v);
	for (int a = 0; a < ANALYTE_COUNT; a++) {
		const char *k = analyte_get((enum analyte_id)a)->key;
		if (draft_get(content, k, v, sizeof v) && v[0]) {
			ui_field_set(&l->rows[a].value, v);
			l->rows[a].state = LAB_EMPTY;
			l->dirty = true;
		}
		snprintf(key, sizeof key, "%s.unit", k);
		if (draft_get(content, key, v, sizeof v))
			l->rows[a].unit = strcmp(v, "si") == 0 ? UNITS_SI : UNITS_US;
	}
}
