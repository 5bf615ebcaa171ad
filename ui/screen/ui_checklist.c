/* ui_checklist.c: the pre-treatment checklist screen. */
#include "ui_checklist.h"
#include "uc_checklist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist.h"
#include "date.h"
#include "signature.h"
#include "store.h"
#include "store_eval.h"
#include "store_sig.h"
#include "uc_sign.h"
#include "ui_banner.h"
#include "ui_dialog.h"
#include "ui_draw.h"
#include "ui_password.h"
#include "ui_prompt.h"
#include "util.h"

#define CL_LIST_Y 5 /* first item row */
#define CL_LABEL_W 34

struct cl_screen {
	struct ui_screen base;
	struct patient pt;
	struct protocol proto;
	char *proto_text;
	bool proto_ok;
	struct checklist_result res;
	bool loaded;
	struct evaluation ev;
	bool have_ev;
	struct signature sig; /* the signature of ev */
	bool have_sig;
	char amend_reason[EVAL_REASON_MAX + 1]; /* typed, waiting for the password */
	struct err failure;			/* why nothing could be evaluated */
	int sel, top;
	bool stale;   /* evaluate again before drawing */
	bool advance; /* after the next evaluation, go to the next item to answer */
	bool detail;  /* the selected item's data is shown */
};

static const enum ui_action cl_hints[] = {ACT_HELP, ACT_ANSWER_YES, ACT_ANSWER_NO, ACT_ENTER,
					  ACT_SIGN, ACT_AMEND,	    ACT_BACK,	   ACT_NONE};

/* The mark of a state: readable without colour. */
static const char *mark(enum item_state s)
{
	switch (s) {
	case ITEM_MET:
		return "[x]";
	case ITEM_NOT_MET:
		return "[!]";
	case ITEM_STALE:
		return "[~]";
	default:
		return "[ ]";
	}
}

static enum ui_role status_role(enum eval_status s)
{
	return s == EVAL_READY ? ROLE_OK : s == EVAL_EXCLUDED ? ROLE_CRITICAL : ROLE_WARN;
}

static bool nurse_item(const struct protocol_item *it)
{
	return pitem_answerable(it);
}

/* After an answer: the next item below that a nurse answers and that is
 * not met yet (missing or stale), else the next row. */
static void next_to_answer(struct cl_screen *c)
{
	for (int k = c->sel + 1; k < c->res.n; k++) {
		const struct checklist_line *l = &c->res.lines[k];
		if (nurse_item(&c->proto.items[l->item]) &&
		    (l->state == ITEM_MISSING || l->state == ITEM_STALE)) {
			c->sel = k;
			return;
		}
	}
	if (c->sel + 1 < c->res.n)
		c->sel++;
}

static void evaluate(struct cl_screen *c, struct ui *ui)
{
	struct err e = {""};
	c->stale = false;
	if (!c->proto_ok)
		return;
	enum status s = uc_checklist_load(ui->app->st, &ui->app->cfg, &c->proto, c->pt.id,
					  app_today(ui->app), &c->res, &e);
	c->loaded = s == ST_OK;
	if (s != ST_OK)
		err_set(&c->failure, s, "cannot evaluate: %s", err_why(&e, s));
	c->have_ev = s == ST_OK && store_eval_current(ui->app->st, c->pt.id, &c->ev, &e) == ST_OK;
	c->have_sig = false;
	if (c->have_ev &&
	    store_sig_get(ui->app->st, "evaluations", c->ev.id, &c->sig, &c->have_sig, &e) != ST_OK)
		c->have_sig = false;
	if (c->sel >= c->res.n)
		c->sel = c->res.n > 0 ? c->res.n - 1 : 0;
	if (c->advance && c->loaded)
		next_to_answer(c);
	c->advance = false;
}

static void draw_signed(struct cl_screen *c, struct ui *ui, int y)
{
	char d[16], t[20];
	const struct evaluation *ev = &c->ev;
	char say[80];
	/* Only a physician is offered the key; others are told who signs. */
	ui_key_format(ui_key_offered(ACT_SIGN, SC_CHECKLIST, ui_role(ui))
			  ? "Not signed ({=SIGN} signs)"
			  : "Not signed: awaiting a physician's sign-off",
		      SC_CHECKLIST, say, sizeof say);
	if (!c->have_ev)
		ui_put(ui->body, y, 0, ui->cols, ROLE_DIM, say);
	else
		ui_putf(ui->body, y, 0, ui->cols, ROLE_NORMAL, "Signed v%d %s as of %s by %s at %s",
			ev->chain_version, eval_status_str(ev->status), date_format(ev->as_of, d),
			ev->signed_by, date_format_time(ev->signed_at, t));
	if (c->have_sig)
		ui_putf(ui->body, y + 1, 0, ui->cols, ROLE_NORMAL, "Meaning: %s; protocol %s %s",
			c->sig.meaning, ev->protocol_name, ev->protocol_version);
	else if (c->have_ev)
		ui_putf(ui->body, y + 1, 0, ui->cols, ROLE_DIM,
			"Signed under protocol %s %s (%.12s)", ev->protocol_name,
			ev->protocol_version, ev->protocol_hash);
	else
		ui_putf(ui->body, y + 1, 0, ui->cols, ROLE_DIM, "Protocol %s %s (%.12s)",
			c->proto.name, c->proto.version, c->proto.hash);
}

static void draw_item(struct cl_screen *c, struct ui *ui, int k, int y)
{
	const struct checklist_line *l = &c->res.lines[k];
	const struct protocol_item *it = &c->proto.items[l->item];
	bool sel = k == c->sel;
	enum ui_role r = sel			? ROLE_SELECTED
			 : l->state == ITEM_MET ? ROLE_NORMAL
			 : l->blocking ? (l->state == ITEM_NOT_MET ? ROLE_CRITICAL : ROLE_WARN)
				       : ROLE_DIM;
	ui_put_pad(ui->body, y, 0, ui->cols, r, sel ? ">" : " ");
	ui_put(ui->body, y, 1, 4, r, mark(l->state));
	ui_put(ui->body, y, 5, CL_LABEL_W, r, it->label);
	ui_put(ui->body, y, 6 + CL_LABEL_W, ui->cols - 6 - CL_LABEL_W, r, l->reason);
}

/* The selected item's data (or its help) under the list. */
static void draw_foot(struct cl_screen *c, struct ui *ui, int y)
{
	const struct checklist_line *l = &c->res.lines[c->sel];
	const struct protocol_item *it = &c->proto.items[l->item];
	char text[CHECKLIST_TEXT_MAX + 16];
	snprintf(text, sizeof text, "%s: %s", it->id, l->data[0] ? l->data : it->help);
	ui_hline(ui->body, y, 0, ui->cols);
	ui_wrap(ui->body, y + 1, 0, ui->cols, 1, ROLE_DIM, text);
}

static void draw_detail(struct cl_screen *c, struct ui *ui)
{
	const struct checklist_line *l = &c->res.lines[c->sel];
	const struct protocol_item *it = &c->proto.items[l->item];
	int w = ui->cols - 6, h = ui->rows - 4, y = 2, x = 3, r;
	ui_box(ui->body, y, x, h, w, it->id);
	r = y + 1;
	ui_putf(ui->body, r++, x + 2, w - 4, ROLE_TITLE, "%s %s (%s, %s)", mark(l->state),
		it->label, item_state_str(l->state), pitem_kind_str(it->kind));
	r += ui_wrap(ui->body, r, x + 2, w - 4, 4, ROLE_NORMAL, l->reason) + 1;
	ui_put(ui->body, r++, x + 2, w - 4, ROLE_TITLE, "Data");
	r += ui_wrap(ui->body, r, x + 2, w - 4, 5, ROLE_NORMAL,
		     l->data[0] ? l->data : "no data recorded") +
	     1;
	if (it->help[0])
		ui_wrap(ui->body, r, x + 2, w - 4, y + h - 2 - r, ROLE_DIM, it->help);
	ui_put(ui->body, y + h - 2, x + 2, w - 4, ROLE_HINT, "any key closes");
}

static void cl_draw(struct ui_screen *s, struct ui *ui)
{
	struct cl_screen *c = (struct cl_screen *)s;
	if (c->stale)
		evaluate(c, ui);
	if (!c->loaded) {
		ui_wrap(ui->body, 0, 0, ui->cols, 3, ROLE_CRITICAL, c->failure.msg);
		return;
	}
	int rows = ui->rows - CL_LIST_Y - 2;
	ui_wrap(ui->body, 0, 0, ui->cols, 2, status_role(c->res.status), c->res.summary);
	/* More blockers than two rows hold: say so rather than cut silently. */
	if (ui_wrap(NULL, 0, 0, ui->cols, 99, ROLE_NORMAL, c->res.summary) > 2)
		ui_put(ui->body, 1, ui->cols - 1, 1, status_role(c->res.status), ">");
	draw_signed(c, ui, 2);
	ui_putf(ui->body, 4, 0, ui->cols, ROLE_DIM, "    %-*s %s", CL_LABEL_W, "Item", "Reason");
	ui_list_show(c->sel, &c->top, rows);
	for (int k = c->top; k < c->res.n && k < c->top + rows; k++)
		draw_item(c, ui, k, CL_LIST_Y + k - c->top);
	if (c->res.n > 0)
		draw_foot(c, ui, ui->rows - 2);
	if (c->detail && c->res.n > 0)
		draw_detail(c, ui);
}

/* values: answer, [grade or consent date,] note — as asked in ask(). */
static enum status answer_save(struct ui *ui, void *arg, const char *const *values, struct err *e)
{
	struct cl_screen *c = arg;
	const struct protocol_item *it = &c->proto.items[c->res.lines[c->sel].item];
	bool has_value = it->kind == PITEM_GRADE || it->kind == PITEM_CONSENT;
	struct checklist_answer a = {0};
	a.patient_id = c->pt.id;
	a.yes = strcmp(values[0], "yes") == 0;
	a.answered_on = app_today(ui->app);
	strlcpy_(a.item, it->id, sizeof a.item);
	/* A consent date or grade goes with yes only; with no it is left out. */
	strlcpy_(a.value, has_value && a.yes ? values[1] : "", sizeof a.value);
	strlcpy_(a.note, values[has_value ? 2 : 1], sizeof a.note);
	enum status s = store_answer_add(ui->app->st, &c->proto, &a, e);
	if (s != ST_OK)
		return s;
	c->stale = true;
	ui_msg(ui, ROLE_OK, "recorded %s: %s%s%s", a.item, values[0], a.value[0] ? " " : "",
	       a.value);
	return ST_OK;
}

/* The full answer prompt; answer is the answer already given ("yes" after
 * y on an item that needs a date or grade) or NULL. */
static void ask(struct cl_screen *c, struct ui *ui, const struct protocol_item *it,
		const char *answer)
{
	static const char *const yesno[] = {"yes", "no"};
	char today[16], title[PROTOCOL_LABEL_MAX + 16], intro[PROTOCOL_HELP_MAX + 80];
	struct ui_prompt_field f[3] = {
	    {"Answer", "yes or no; y or n", UF_CHOICE, 10, 0, answer, yesno, 2, true},
	};
	int n = 1;
	if (it->kind == PITEM_GRADE)
		f[n++] = (struct ui_prompt_field){"Grade", "1-4, with yes only", UF_TEXT, 4, 2};
	else if (it->kind == PITEM_CONSENT)
		f[n++] = (struct ui_prompt_field){"Consent date",
						  "YYYY-MM-DD, with yes",
						  UF_TEXT,
						  12,
						  10,
						  date_format(app_today(ui->app), today)};
	f[n++] = (struct ui_prompt_field){"Note", "optional", UF_MEMO, 56, ANSWER_NOTE_MAX};
	snprintf(title, sizeof title, "Answer: %s", it->label);
	snprintf(intro, sizeof intro, "%s%s%s", it->help, it->help[0] ? " " : "",
		 it->kind == PITEM_QUESTION
		     ? (it->yes_fails ? "(yes fails the item)" : "(no fails the item)")
		 : it->kind == PITEM_VIRAL ? "Answer yes when the patient is on antiviral therapy."
					   : "");
	ui_prompt(ui, title, intro, f, n, answer_save, c);
}

static int sign_password(struct ui *ui, void *arg, char *password)
{
	struct cl_screen *c = arg;
	struct evaluation ev;
	struct err e = {""};
	char d[16];
	enum status s = uc_sign_eval(ui->app->st, &ui->app->cfg, &c->proto, c->proto_text, c->pt.id,
				     app_today(ui->app), NULL, password, &ev, &e);
	c->stale = true;
	if (s != ST_OK)
		ui_msg(ui, ROLE_CRITICAL, "not signed: %s", err_why(&e, s));
	else
		ui_msg(ui, ROLE_OK, "signed %s: version %d, %s as of %s, by %s", c->pt.mrn,
		       ev.chain_version, eval_status_str(ev.status), date_format(ev.as_of, d),
		       ev.signed_by);
	return UI_DONE;
}

/* Signing shows what is signed and its meaning and asks for the password
 * (no echo); the signature is recorded only when PAM accepts it. */
static void sign(struct cl_screen *c, struct ui *ui)
{
	char what[CHECKLIST_TEXT_MAX + 200], meaning[SIG_MEANING_MAX + 1], d[16];
	struct err e = {""};
	if (store_may(ui->app->st, PERM_SIGN_EVALUATION, &e) != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "%s", e.msg);
		return;
	}
	snprintf(what, sizeof what, "the evaluation of %s as of %s under %s %s", c->pt.mrn,
		 date_format(app_today(ui->app), d), c->proto.name, c->proto.version);
	sig_meaning_eval(c->res.status, false, meaning, sizeof meaning);
	ui_password(ui, what, meaning, sign_password, c);
}

static int amend_password(struct ui *ui, void *arg, char *password)
{
	struct cl_screen *c = arg;
	struct evaluation ev;
	struct err e = {""};
	enum status s = uc_sign_eval(ui->app->st, &ui->app->cfg, &c->proto, c->proto_text, c->pt.id,
				     app_today(ui->app), c->amend_reason, password, &ev, &e);
	c->stale = true;
	if (s != ST_OK)
		ui_msg(ui, ROLE_CRITICAL, "not amended: %s", err_why(&e, s));
	else
		ui_msg(ui, ROLE_OK, "amended %s: version %d, %s, by %s", c->pt.mrn,
		       ev.chain_version, eval_status_str(ev.status), ev.signed_by);
	return UI_DONE;
}

/* The reason typed: the amendment is signed like the evaluation. */
static enum status amend_save(struct ui *ui, void *arg, const char *const *values, struct err *e)
{
	struct cl_screen *c = arg;
	char what[CHECKLIST_TEXT_MAX + 200], meaning[SIG_MEANING_MAX + 1];
	if (!*values[0] || strlen(values[0]) > EVAL_REASON_MAX)
		return err_set(e, ST_INVALID, "reason: 1-%d characters", EVAL_REASON_MAX);
	strlcpy_(c->amend_reason, values[0], sizeof c->amend_reason);
	enum status s = uc_sign_eval_meaning(ui->app->st, &ui->app->cfg, &c->proto, c->pt.id,
					     app_today(ui->app), true, meaning, sizeof meaning, e);
	if (s != ST_OK)
		return s;
	snprintf(what, sizeof what, "an amendment of the evaluation of %s (reason: %s)", c->pt.mrn,
		 c->amend_reason);
	ui_password(ui, what, meaning, amend_password, c);
	return ST_OK;
}

static void amend(struct cl_screen *c, struct ui *ui)
{
	static const struct ui_prompt_field f[] = {
	    {"Reason", "why the evaluation is amended", UF_TEXT, 50, 0, NULL, NULL, 0, true},
	};
	struct err e = {""};
	if (store_may(ui->app->st, PERM_AMEND_SIGNED, &e) != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "%s", e.msg);
		return;
	}
	ui_prompt(ui, "Amend the signed evaluation",
		  "The checklist is evaluated again today and recorded as a new version signed "
		  "by you; the old version stays as it was.",
		  f, 1, amend_save, c);
}

static void open_item(struct cl_screen *c, struct ui *ui)
{
	if (c->res.n == 0)
		return;
	const struct protocol_item *it = &c->proto.items[c->res.lines[c->sel].item];
	if (nurse_item(it))
		ask(c, ui, it, NULL);
	else
		c->detail = true;
}

/* y, n, or a grade 0-4 typed on an item a nurse answers: recorded at once
 * and the cursor goes on to the next item to answer. What needs more (the
 * consent date, a grade after y) opens the full answer prompt; Enter always
 * does, for a note. */
static void quick_answer(struct cl_screen *c, struct ui *ui, bool yes, int grade)
{
	if (c->res.n == 0 || !ui_may(ui, ACT_ANSWER_YES))
		return;
	const struct protocol_item *it = &c->proto.items[c->res.lines[c->sel].item];
	if (!nurse_item(it)) {
		ui_msg(ui, ROLE_HINT, "%s comes from the recorded data, not an answer", it->label);
		return;
	}
	if (grade >= 0 && it->kind != PITEM_GRADE) {
		ui_msg(ui, ROLE_HINT, "%s is answered yes or no", it->label);
		return;
	}
	if (yes && grade < 0 && (it->kind == PITEM_CONSENT || it->kind == PITEM_GRADE)) {
		ask(c, ui, it, "yes"); /* the date or the grade goes with yes */
		return;
	}
	struct checklist_answer a = {0};
	struct err e = {""};
	a.patient_id = c->pt.id;
	a.yes = grade > 0 || (grade < 0 && yes);
	a.answered_on = app_today(ui->app);
	strlcpy_(a.item, it->id, sizeof a.item);
	if (grade > 0)
		snprintf(a.value, sizeof a.value, "%d", grade);
	enum status s = store_answer_add(ui->app->st, &c->proto, &a, &e);
	if (s != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "not recorded: %s", err_why(&e, s));
		return;
	}
	ui_msg(ui, ROLE_OK, "recorded %s: %s%s%s", a.item, a.yes ? "yes" : "no",
	       a.value[0] ? " grade " : "", a.value);
	c->stale = true;
	c->advance = true;
}

static int select_key(struct cl_screen *c, struct ui *ui, int key)
{
	int page = ui->rows - CL_LIST_Y - 2;
	/* Digits answer a grade (0: none), so they do not pick rows here. */
	if (key >= '0' && key <= '4')
		quick_answer(c, ui, key > '0', key - '0');
	else if (!ui_key_move(key, &c->sel, c->res.n, page))
		return UI_PASS;
	return UI_DONE;
}

static int cl_key(struct ui_screen *s, struct ui *ui, int key)
{
	struct cl_screen *c = (struct cl_screen *)s;
	if (c->detail) {
		c->detail = false;
		return ui_key_is(key, ACT_HELP) ? UI_PASS : UI_DONE;
	}
	if (!c->loaded)
		return UI_PASS;
	if (ui_key_is(key, ACT_ENTER))
		open_item(c, ui);
	else if (ui_key_is(key, ACT_SIGN)) {
		if (ui_may(ui, ACT_SIGN))
			sign(c, ui);
	} else if (ui_key_is(key, ACT_AMEND))
		amend(c, ui);
	else if (ui_key_is(key, ACT_ANSWER_YES) || ui_key_is(key, ACT_ANSWER_NO))
		quick_answer(c, ui, ui_key_is(key, ACT_ANSWER_YES), -1);
	else
		return select_key(c, ui, key);
	return UI_DONE;
}

static void cl_done(struct ui_screen *s)
{
	struct cl_screen *c = (struct cl_screen *)s;
	free(c->proto_text);
	free(c);
}

static const struct ui_screen_ops cl_ops = {
    "Checklist",
    cl_draw,
    cl_key,
    NULL,
    cl_done,
    cl_hints,
    "The pre-treatment checklist under the protocol in force: the result (READY, NOT READY "
    "or EXCLUDED) and what blocks it at the top, then every item with its mark — [x] met, "
    "[ ] missing, [!] not met, [~] stale — and the reason. {ENTER} on a data item (labs, "
    "imaging, scores, weight) shows the data behind it. On an item a nurse answers, "
    "{ANSWER_YES} or {ANSWER_NO} records the answer at once and moves on to the next item "
    "still to answer; a grade item also takes 0-4 (0: none); yes on the consent or a grade "
    "item asks the date or grade, and {ENTER} asks the full answer with a note. A physician signs "
    "the evaluation with {SIGN} and amends a signed one with {AMEND} and a reason.",
    .scope = SC_CHECKLIST | SC_LIST,
};

static void load_protocol(struct cl_screen *c, struct ui *ui)
{
	struct err e = {""};
	enum status s = store_protocol_active(ui->app->st, &c->proto, &c->proto_text, &e);
	c->proto_ok = s == ST_OK;
	if (s != ST_OK)
		err_set(&c->failure, s, "no protocol to evaluate with: %s", err_why(&e, s));
}

struct ui_screen *ui_checklist_new(struct ui *ui, const struct patient *p)
{
	struct err e = {""};
	struct cl_screen *c = xcalloc(1, sizeof *c);
	c->base.ops = &cl_ops;
	c->base.patient = p->id;
	c->pt = *p;
	ui_banner_patient(p, app_today(ui->app), c->base.banner, sizeof c->base.banner);
	load_protocol(c, ui);
	/* Every view is logged: a view that cannot be logged is not shown. */
	enum status s = store_patient_viewed(ui->app->st, p->id, "checklist", &e);
	if (s != ST_OK) {
		c->proto_ok = false;
		err_set(&c->failure, s,
			"cannot open the checklist (the view "
			"could not be logged): %s",
			err_why(&e, s));
	}
	/* It opens on the first item a nurse still has to answer. */
	c->sel = -1;
	c->advance = true;
	evaluate(c, ui);
	if (c->sel < 0)
		c->sel = 0;
	return &c->base;
}
