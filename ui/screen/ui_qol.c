/* ui_qol.c: the questionnaire screen. The nurse picks an installed
 * instrument (when there are several), then reads each item and types the
 * patient's answer with number keys; the answers are kept as a draft after
 * every key, the domain scores shown at the end, and the save records them
 * through storage (store_qol_add). A recorded questionnaire is corrected on
 * the same screen: its answers shown for review, changed item by item, and
 * saved with a reason (store_qol_correct, scored again). */
#include "ui_qol.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qol.h"
#include "store.h"
#include "store_qol.h"
#include "ui_draft.h"
#include "ui_draw.h"
#include "ui_prompt.h"
#include "util.h"

#define QS_INSTRUMENTS_MAX 9

enum qs_phase { QS_PICK, QS_ITEMS, QS_REVIEW };

struct qs_screen {
	struct ui_screen base;
	enum qs_phase phase;
	struct qol_installed list[QS_INSTRUMENTS_MAX];
	int nlist, sel;
	struct qol_installed inst;
	struct qol_instrument q;
	int answers[QOL_ITEMS_MAX];
	int cur;
	int typed; /* a first digit that may take a second (1 of 10); -1 none */
	struct ui_draft draft;
	struct qol_response orig; /* when correcting: the stored one (orig.id) */
};

static const enum ui_action pick_hints[] = {ACT_HELP, ACT_ENTER, ACT_BACK, ACT_NONE};
static const enum ui_action item_hints[] = {ACT_HELP, ACT_QOL_SKIP, ACT_QOL_PREV, ACT_BACK,
					    ACT_NONE};
static const enum ui_action review_hints[] = {ACT_HELP, ACT_SAVE, ACT_QOL_PREV, ACT_BACK, ACT_NONE};

static const enum ui_action *qs_keys_now(const struct ui_screen *sc, unsigned *scope)
{
	const struct qs_screen *s = (const struct qs_screen *)sc;
	*scope = s->phase == QS_PICK ? SC_LIST : s->phase == QS_ITEMS ? SC_QOL : SC_QOL | SC_FORM;
	return s->phase == QS_PICK ? pick_hints : s->phase == QS_ITEMS ? item_hints : review_hints;
}

static void keep(struct qs_screen *s, struct ui *ui)
{
	struct strbuf sb;
	char csv[QOL_ITEMS_MAX * 4], cur[16];
	if (s->phase == QS_PICK)
		return;
	sb_init(&sb);
	qol_format_answers(&s->q, s->answers, csv, sizeof csv);
	snprintf(cur, sizeof cur, "%d", s->cur);
	draft_put(&sb, "instrument", s->q.code);
	draft_put(&sb, "answers", csv);
	draft_put(&sb, "item", cur);
	ui_draft_keep(&s->draft, ui, sb_str(&sb));
	sb_done(&sb);
}

static enum status start(struct qs_screen *s, struct ui *ui, const char *code, struct err *e)
{
	enum status st = store_instrument_get(ui->app->st, code, &s->q, &s->inst, e);
	if (st != ST_OK)
		return st;
	for (int i = 0; i < QOL_ITEMS_MAX; i++)
		s->answers[i] = QOL_MISSING;
	s->cur = 0;
	s->typed = -1;
	s->phase = QS_ITEMS;
	return ST_OK;
}

static void draw_pick(struct qs_screen *s, struct ui *ui)
{
	ui_put(ui->body, 0, 0, ui->cols, ROLE_TITLE, "Questionnaire: choose the instrument");
	for (int i = 0; i < s->nlist; i++) {
		enum ui_role r = i == s->sel ? ROLE_SELECTED : ROLE_NORMAL;
		ui_putf(ui->body, 2 + i, 0, ui->cols, r, "%s %d  %-10s %s (version %s)",
			i == s->sel ? ">" : " ", i + 1, s->list[i].code, s->list[i].name,
			s->list[i].version);
	}
}

static void draw_answers(struct qs_screen *s, struct ui *ui, int y)
{
	char line[QOL_ITEMS_MAX * 4 + 16];
	size_t len = 0;
	for (int i = 0; i < s->q.nitems && len < sizeof line; i++) {
		int k = s->answers[i] == QOL_MISSING
			    ? snprintf(line + len, sizeof line - len, "%s-", i ? " " : "")
			    : snprintf(line + len, sizeof line - len, "%s%d", i ? " " : "",
				       s->answers[i]);
		len += k > 0 ? (size_t)k : 0;
	}
	ui_put(ui->body, y, 0, 9, ROLE_DIM, "Answers:");
	ui_put(ui->body, y, 9, ui->cols - 9, ROLE_NORMAL, line);
}

static void draw_item(struct qs_screen *s, struct ui *ui)
{
	const struct qol_item *it = &s->q.items[s->cur];
	char scale[200];
	ui_putf(ui->body, 0, 0, ui->cols, ROLE_TITLE, "%s  item %d of %d  (%s)", s->q.name,
		s->cur + 1, s->q.nitems, s->q.domains[it->domain].label);
	int rows = ui_wrap(ui->body, 2, 2, ui->cols - 4, 6, ROLE_NORMAL, it->text);
	snprintf(scale, sizeof scale, "Answer %d (%s) to %d (%s) with the number keys", s->q.min,
		 *s->q.low ? s->q.low : "lowest", s->q.max, *s->q.high ? s->q.high : "highest");
	ui_put(ui->body, 3 + rows, 2, ui->cols - 4, ROLE_DIM, scale);
	int y = 5 + rows;
	ui_put(ui->body, y, 2, 8, ROLE_NORMAL, "Answer:");
	if (s->typed >= 0)
		ui_putf(ui->body, y, 10, 30, ROLE_WARN, "%d_  (Enter: %d)", s->typed, s->typed);
	else if (s->answers[s->cur] != QOL_MISSING)
		ui_putf(ui->body, y, 10, 10, ROLE_NORMAL, "%d", s->answers[s->cur]);
	ui_cursor(ui, y, 10);
	draw_answers(s, ui, y + 2);
}

static void draw_review(struct qs_screen *s, struct ui *ui)
{
	struct qol_scores sc;
	char save[32];
	qol_score(&s->q, s->answers, &sc);
	char d[16];
	if (s->orig.id)
		ui_putf(ui->body, 0, 0, ui->cols, ROLE_TITLE,
			"Correct questionnaire %lld of %s (v%lld): %s is better",
			(long long)s->orig.id, date_format(s->orig.date, d),
			(long long)s->orig.version_no, s->q.higher_better ? "higher" : "lower");
	else
		ui_putf(ui->body, 0, 0, ui->cols, ROLE_TITLE, "%s: domain scores (%s is better)",
			s->q.name, s->q.higher_better ? "higher" : "lower");
	for (int i = 0; i < sc.n; i++) {
		if (isnan(sc.s[i].score))
			ui_putf(ui->body, 2 + i, 2, ui->cols - 2, ROLE_DIM,
				"%-32s not scored (%d of %d answered)", sc.s[i].label,
				sc.s[i].answered, sc.s[i].items);
		else
			ui_putf(ui->body, 2 + i, 2, ui->cols - 2, ROLE_NORMAL, "%-32s %6.2f",
				sc.s[i].label, sc.s[i].score);
	}
	draw_answers(s, ui, 3 + sc.n);
	ui_putf(ui->body, 5 + sc.n, 0, ui->cols, ROLE_DIM,
		s->orig.id ? "%s saves the correction (asks why)." : "%s saves the questionnaire.",
		ui_key_names(ACT_SAVE, SC_FORM, " or ", save, sizeof save));
}

static void qs_draw(struct ui_screen *sc, struct ui *ui)
{
	struct qs_screen *s = (struct qs_screen *)sc;
	if (s->phase == QS_PICK)
		draw_pick(s, ui);
	else if (s->phase == QS_ITEMS)
		draw_item(s, ui);
	else
		draw_review(s, ui);
}

/* The answer v to the current item, then the next item (or the review). */
static void answer(struct qs_screen *s, struct ui *ui, int v)
{
	s->answers[s->cur] = v;
	s->typed = -1;
	s->base.dirty = true;
	if (++s->cur >= s->q.nitems) {
		s->cur = s->q.nitems - 1;
		s->phase = QS_REVIEW;
	}
	keep(s, ui);
}

static int digit_of(int key)
{
	return key >= '0' && key <= '9' ? key - '0' : -1;
}

static int item_key(struct qs_screen *s, struct ui *ui, int key)
{
	int d = digit_of(key);
	if (d >= 0) {
		int v = s->typed >= 0 ? s->typed * 10 + d : d;
		if (s->typed < 0 && v * 10 <= s->q.max && v >= s->q.min && v > 0) {
			s->typed = v; /* "1" may become 10: Enter takes 1 */
			return UI_DONE;
		}
		if (v < s->q.min || v > s->q.max) {
			s->typed = -1;
			ui_msg(ui, ROLE_WARN, "item %d: %d is not accepted; %d-%d", s->cur + 1, v,
			       s->q.min, s->q.max);
			return UI_DONE;
		}
		answer(s, ui, v);
		return UI_DONE;
	}
	if (ui_key_is(key, ACT_ENTER) && s->typed >= 0) {
		answer(s, ui, s->typed);
		return UI_DONE;
	}
	if (ui_key_is(key, ACT_QOL_SKIP)) {
		answer(s, ui, QOL_MISSING);
		return UI_DONE;
	}
	if (ui_key_is(key, ACT_QOL_PREV)) {
		s->typed = -1;
		if (s->cur > 0)
			s->cur--;
		return UI_DONE;
	}
	return UI_PASS;
}

static enum status correct_save(struct ui *ui, void *arg, const char *const *values, struct err *e)
{
	struct qs_screen *s = arg;
	struct qol_response r = s->orig;
	enum status st =
	    store_qol_correct(ui->app->st, &s->q, s->answers, &r, values[0], app_today(ui->app), e);
	if (st != ST_OK)
		return st;
	ui_draft_drop(&s->draft, ui);
	s->base.dirty = false;
	ui_remove(ui, &s->base); /* freed after this key */
	ui_msg(ui, ROLE_OK, "corrected questionnaire %lld (%s), now version %lld", (long long)r.id,
	       s->q.code, (long long)r.version_no);
	return ST_OK;
}

static int save(struct qs_screen *s, struct ui *ui)
{
	if (s->orig.id) {
		struct ui_prompt_field f[] = {
		    {"Why corrected", NULL, UF_TEXT, 50, 200, NULL, NULL, 0, true},
		};
		ui_prompt(ui, "Correct the questionnaire",
			  "The answers are saved as a new version and scored again; the old "
			  "version stays in the audit trail.",
			  f, 1, correct_save, s);
		return UI_DONE;
	}
	struct err e = {""};
	struct qol_response r = {.patient_id = s->base.patient, .date = app_today(ui->app)};
	enum status st =
	    store_qol_add(ui->app->st, &s->inst, &s->q, s->answers, &r, app_today(ui->app), &e);
	if (st != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "not saved: %s", err_why(&e, st));
		return UI_DONE;
	}
	ui_draft_drop(&s->draft, ui);
	s->base.dirty = false;
	const struct qol_score *last = &r.scores.s[r.scores.n - 1];
	if (isnan(last->score))
		ui_msg(ui, ROLE_OK, "recorded %s (%d of %d answered)", s->q.code, r.answered,
		       s->q.nitems);
	else
		ui_msg(ui, ROLE_OK, "recorded %s (%d of %d answered): %s %.2f", s->q.code,
		       r.answered, s->q.nitems, last->label, last->score);
	return UI_POP;
}

static int qs_key(struct ui_screen *sc, struct ui *ui, int key)
{
	struct qs_screen *s = (struct qs_screen *)sc;
	if (s->phase == QS_PICK) {
		struct err e = {""};
		int pick = ui_key_digit(key);
		if (ui_key_move(key, &s->sel, s->nlist, s->nlist))
			return UI_DONE;
		if (pick >= 1 && pick <= s->nlist)
			s->sel = pick - 1;
		else if (!ui_key_is(key, ACT_ENTER))
			return UI_PASS;
		enum status st = start(s, ui, s->list[s->sel].code, &e);
		if (st != ST_OK)
			ui_msg(ui, ROLE_CRITICAL, "cannot open %s: %s", s->list[s->sel].code,
			       err_why(&e, st));
		return UI_DONE;
	}
	if (s->phase == QS_REVIEW) {
		if (ui_key_is(key, ACT_SAVE))
			return save(s, ui);
		if (ui_key_is(key, ACT_QOL_PREV)) {
			s->phase = QS_ITEMS;
			return UI_DONE;
		}
		return UI_PASS;
	}
	return item_key(s, ui, key);
}

static void qs_draft(struct ui_screen *sc, struct ui *ui, bool keep_it)
{
	struct qs_screen *s = (struct qs_screen *)sc;
	if (keep_it)
		keep(s, ui);
	else
		ui_draft_drop(&s->draft, ui);
}

static void qs_done(struct ui_screen *sc)
{
	struct qs_screen *s = (struct qs_screen *)sc;
	ui_draft_done(&s->draft);
	free(s);
}

static const struct ui_screen_ops qs_ops = {
    .title = "Questionnaire",
    .draw = qs_draw,
    .key = qs_key,
    .done = qs_done,
    .hints = item_hints,
    .help = "A quality-of-life questionnaire, item by item: read the item to the patient and "
	    "type the answer with the number keys (on a 0-10 scale, 1 waits for a 0 to make "
	    "10; {ENTER} takes it as 1). {QOL_SKIP} leaves an item unanswered, {QOL_PREV} goes "
	    "back one. After the last item the domain scores are shown; {SAVE} saves. The "
	    "answers are kept as a draft after every key.",
    .draft = qs_draft,
    .scope = SC_QOL,
    .keys_now = qs_keys_now,
};

/* The installed instruments, newest version of each code. */
static enum status load_list(struct qs_screen *s, struct ui *ui, struct err *e)
{
	struct qol_installed all[32];
	int n = 0;
	enum status st = store_instrument_list(ui->app->st, all, 32, &n, e);
	s->nlist = 0;
	for (int i = 0; st == ST_OK && i < n && s->nlist < QS_INSTRUMENTS_MAX; i++)
		if (s->nlist == 0 || strcmp(s->list[s->nlist - 1].code, all[i].code) != 0)
			s->list[s->nlist++] = all[i];
	if (st == ST_OK && s->nlist == 0)
		st =
		    err_set(e, ST_NOT_FOUND,
			    "no questionnaire is installed (hepadesk instrument install symptoms)");
	return st;
}

/* Answers and position from a kept draft. */
static enum status restore(struct qs_screen *s, struct ui *ui, const char *content, struct err *e)
{
	char code[QOL_CODE_MAX + 1], csv[QOL_ITEMS_MAX * 4], cur[16];
	long k;
	if (!draft_get(content, "instrument", code, sizeof code) ||
	    !draft_get(content, "answers", csv, sizeof csv))
		return err_set(e, ST_INVALID, "the kept questionnaire is unreadable");
	enum status st = start(s, ui, code, e);
	if (st == ST_OK)
		st = qol_parse_answers(&s->q, csv, s->answers, e);
	if (st == ST_OK && draft_get(content, "item", cur, sizeof cur) &&
	    parse_long(cur, 0, s->q.nitems - 1, &k))
		s->cur = (int)k;
	s->base.dirty = true;
	return st;
}

/* A kept draft is restored whether the screen is opened or resumed: answers
 * a patient gave are never set aside. */
static struct ui_screen *open_screen(struct ui *ui, int64_t patient_id, bool resume)
{
	(void)resume;
	struct err e = {""};
	struct qs_screen *s = xcalloc(1, sizeof *s);
	char form[DRAFT_FORM_MAX + 1];
	s->base.ops = &qs_ops;
	s->base.patient = patient_id;
	s->typed = -1;
	ui_draft_init(&s->draft, draft_form_name(DRAFT_QOL, 0, form), patient_id);
	char *kept = ui_draft_load(&s->draft, ui);
	enum status st = load_list(s, ui, &e);
	if (st == ST_OK && kept)
		st = restore(s, ui, kept, &e);
	else if (st == ST_OK && s->nlist == 1)
		st = start(s, ui, s->list[0].code, &e);
	free(kept);
	if (st != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "cannot open the questionnaire: %s", err_why(&e, st));
		qs_done(&s->base);
		return NULL;
	}
	return &s->base;
}

struct ui_screen *ui_qol_new(struct ui *ui, int64_t patient_id)
{
	return open_screen(ui, patient_id, false);
}

struct ui_screen *ui_qol_resume(struct ui *ui, int64_t patient_id)
{
	return open_screen(ui, patient_id, true);
}

/* A recorded questionnaire to correct: its instrument version and answers,
 * shown for review (a kept correction draft replaces the answers). */
static struct ui_screen *open_correct(struct ui *ui, int64_t patient_id, int64_t id)
{
	struct err e = {""};
	struct qs_screen *s = xcalloc(1, sizeof *s);
	char form[DRAFT_FORM_MAX + 1], csv[QOL_ITEMS_MAX * 4];
	s->base.ops = &qs_ops;
	s->base.patient = patient_id;
	s->typed = -1;
	ui_draft_init(&s->draft, draft_form_name(DRAFT_QOL_CORRECT, id, form), patient_id);
	enum status st = store_qol_get(ui->app->st, patient_id, id, &s->orig, &s->q, &s->inst, &e);
	char *kept = st == ST_OK ? ui_draft_load(&s->draft, ui) : NULL;
	bool resumed = kept && draft_get(kept, "answers", csv, sizeof csv);
	if (st == ST_OK && !resumed)
		strlcpy_(csv, s->orig.answers, sizeof csv);
	if (st == ST_OK)
		st = qol_parse_answers(&s->q, csv, s->answers, &e);
	free(kept);
	if (st != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "cannot correct the questionnaire: %s", err_why(&e, st));
		qs_done(&s->base);
		return NULL;
	}
	s->base.dirty = resumed;
	s->cur = s->q.nitems - 1;
	s->phase = QS_REVIEW;
	return &s->base;
}

struct ui_screen *ui_qol_correct_new(struct ui *ui, int64_t patient_id, int64_t id)
{
	return open_correct(ui, patient_id, id);
}
