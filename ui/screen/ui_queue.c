/* ui_queue.c: the lab results queue screen (match, confirm, reject). */
#include "ui_queue.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyte.h"
#include "store_hl7.h"
#include "uc_import.h"
#include "ui_draw.h"
#include "ui_prompt.h"
#include "util.h"

#define QU_MAX 200  /* oldest open items listed; the count gives the rest */
#define QU_LIST_Y 2 /* the title and the column heads above the list */
#define QU_DETAIL 5 /* rows of the selected item's detail below the list */
#define QU_REASON_MAX 200

struct qu_screen {
	struct ui_screen base;
	struct hl7_queued *q;
	int n, sel, top;
	int64_t total;
	bool stale;		     /* read again before the next draw */
	char refusal[ERR_MSG_MAX];   /* the store's refusal or failure */
	int64_t act_id, act_version; /* the item a prompt open acts on */
	char act_mrn[HL7_ID_MAX];
};

static const enum ui_action qu_hints[] = {ACT_HELP,   ACT_MATCH, ACT_CONFIRM_VALUE,
					  ACT_REJECT, ACT_BACK,	 ACT_NONE};

static void keep(const struct hl7_queued *q, void *arg)
{
	struct qu_screen *s = arg;
	if (s->n < QU_MAX)
		s->q[s->n++] = *q;
}

static void load(struct qu_screen *s, struct ui *ui)
{
	struct err e = {""};
	s->stale = false;
	s->n = 0;
	s->refusal[0] = '\0';
	enum status st = store_hl7_queue_count(ui->app->st, &s->total, &e);
	if (st == ST_OK)
		st = store_hl7_queue_each(ui->app->st, QU_MAX, keep, s, &e);
	if (st != ST_OK) {
		s->n = 0;
		snprintf(s->refusal, sizeof s->refusal, "the lab results queue: %s",
			 err_why(&e, st));
	}
	if (s->sel >= s->n)
		s->sel = s->n > 0 ? s->n - 1 : 0;
}

/* The analyte (the code when it maps to none), the value and the unit as sent. */
static void result_text(const struct hl7_item *it, char *buf, size_t n)
{
	snprintf(buf, n, "%s %s %s",
		 it->have_analyte ? analyte_get(it->lab.analyte)->key : it->code, it->value,
		 it->unit);
}

static void draw_row(struct qu_screen *s, struct ui *ui, int k, int y)
{
	const struct hl7_item *it = &s->q[k].item;
	bool sel = k == s->sel;
	enum ui_role role = sel ? ROLE_SELECTED : ROLE_NORMAL;
	char res[HL7_TEXT_MAX + 2 * HL7_ID_MAX];
	result_text(it, res, sizeof res);
	ui_put_pad(ui->body, y, 0, ui->cols, role, sel ? ">" : " ");
	ui_putf(ui->body, y, 1, 4, role, "%4lld", (long long)s->q[k].id);
	ui_put(ui->body, y, 6, 15, role, hl7_queue_reason_short(it->reason));
	ui_put(ui->body, y, 22, 10, role, it->mrn[0] ? it->mrn : "?");
	ui_put(ui->body, y, 33, 15, role, it->name);
	ui_put(ui->body, y, 49, 20, role, res);
	ui_put(ui->body, y, 70, ui->cols - 70, role, it->collected[0] ? it->collected : "no date");
}

/* The selected item in full: why it waits, who it was sent for, where from. */
static void draw_detail(struct qu_screen *s, struct ui *ui, int y)
{
	const struct hl7_queued *q = &s->q[s->sel];
	const struct hl7_item *it = &q->item;
	ui_putf(ui->body, y, 0, ui->cols, ROLE_TITLE, "Result %lld", (long long)q->id);
	char why[ERR_MSG_MAX + 40];
	snprintf(why, sizeof why, "Waits: %s: %s", hl7_queue_reason_label(it->reason), it->detail);
	ui_wrap(ui->body, y + 1, 0, ui->cols, 2, ROLE_WARN, why);
	ui_putf(ui->body, y + 3, 0, ui->cols, ROLE_NORMAL, "Sent for MRN %s  %s  born %s",
		it->mrn[0] ? it->mrn : "(none)", it->name[0] ? it->name : "(no name)",
		it->dob[0] ? it->dob : "(not sent)");
	ui_putf(ui->body, y + 4, 0, ui->cols, ROLE_DIM,
		"%s %s, status %c; from %s, message %s, segment %d", it->code, it->code_text,
		it->status, q->sender, q->control_id, it->obx_line);
}

static void qu_draw(struct ui_screen *sc, struct ui *ui)
{
	struct qu_screen *s = (struct qu_screen *)sc;
	if (s->stale)
		load(s, ui);
	if (s->refusal[0]) {
		ui_wrap(ui->body, 0, 0, ui->cols, 3, ROLE_CRITICAL, s->refusal);
		return;
	}
	int rows = ui->rows - QU_LIST_Y - QU_DETAIL;
	ui_putf(ui->body, 0, 0, ui->cols, ROLE_TITLE,
		"Lab results waiting for a nurse, oldest first: %lld%s", (long long)s->total,
		s->total > s->n ? " (the oldest are listed)" : "");
	ui_putf(ui->body, 1, 0, ui->cols, ROLE_DIM, " %4s %-15s %-10s %-15s %-20s %s", "#", "Why",
		"MRN sent", "Name sent", "Result", "Collected");
	if (s->n == 0) {
		ui_put(ui->body, QU_LIST_Y, 2, ui->cols - 2, ROLE_DIM,
		       "nothing waits: every result from the laboratory was stored or resolved");
		return;
	}
	ui_list_show(s->sel, &s->top, rows);
	for (int k = s->top; k < s->n && k < s->top + rows; k++)
		draw_row(s, ui, k, QU_LIST_Y + k - s->top);
	draw_detail(s, ui, ui->rows - QU_DETAIL);
}

static enum status done_msg(struct qu_screen *s, struct ui *ui, enum status st, const char *what)
{
	if (st == ST_OK) {
		ui_msg(ui, ROLE_OK, "queued result %lld %s", (long long)s->act_id, what);
		s->stale = true;
	}
	return st;
}

/* values: patient MRN, value checked (yes/no), reason. */
static enum status match_save(struct ui *ui, void *arg, const char *const *values, struct err *e)
{
	struct qu_screen *s = arg;
	struct err why = {""};
	bool checked = strcmp(values[1], "yes") == 0;
	enum status st = uc_queue_store(ui->app->st, s->act_id, s->act_version, values[0], checked,
					values[2], &why);
	if (st == ST_CONFIRM)
		return err_set(e, st, "%s: set 'Value checked' to yes to store it as it is",
			       why.msg);
	if (st != ST_OK)
		return err_set(e, st, "%s", why.msg);
	return done_msg(s, ui, st, "stored on the patient named");
}

/* values: reason. */
static enum status confirm_save(struct ui *ui, void *arg, const char *const *values, struct err *e)
{
	struct qu_screen *s = arg;
	enum status st =
	    uc_queue_store(ui->app->st, s->act_id, s->act_version, NULL, true, values[0], e);
	return done_msg(s, ui, st, "confirmed and stored");
}

static enum status reject_save(struct ui *ui, void *arg, const char *const *values, struct err *e)
{
	struct qu_screen *s = arg;
	enum status st = uc_queue_reject(ui->app->st, s->act_id, s->act_version, values[0], e);
	return done_msg(s, ui, st, "rejected");
}

static const char *const yes_no[] = {"no", "yes"};

static void intro(const struct hl7_queued *q, char *buf, size_t n)
{
	char res[HL7_TEXT_MAX + 2 * HL7_ID_MAX];
	result_text(&q->item, res, sizeof res);
	snprintf(buf, n, "%.120s collected %s, sent for MRN %s (%.80s). Waits: %s.", res,
		 q->item.collected[0] ? q->item.collected : "(no date)",
		 q->item.mrn[0] ? q->item.mrn : "(none)", q->item.name,
		 hl7_queue_reason_label(q->item.reason));
}

static void ask(struct qu_screen *s, struct ui *ui, enum ui_action a)
{
	const struct hl7_queued *q = &s->q[s->sel];
	char text[512];
	struct ui_prompt_field match[] = {
	    {"Patient MRN", "whose result it is", UF_TEXT, 22, HL7_ID_MAX - 1, s->act_mrn,
	     .required = true},
	    {"Value checked", "yes: an unusual value checked with the laboratory", UF_CHOICE, 5, 0,
	     NULL, yes_no, 2},
	    {"Reason", NULL, UF_MEMO, 50, QU_REASON_MAX, NULL, .required = true},
	};
	struct ui_prompt_field reason[] = {
	    {"Reason", NULL, UF_MEMO, 50, QU_REASON_MAX, NULL, .required = true},
	};
	s->act_id = q->id;
	s->act_version = q->version;
	strlcpy_(s->act_mrn, q->item.mrn, sizeof s->act_mrn);
	intro(q, text, sizeof text);
	s->stale = true; /* read again when the prompt closes, stored or not */
	if (a == ACT_MATCH)
		ui_prompt(ui, "Store the result on a patient", text, match, 3, match_save, s);
	else if (a == ACT_CONFIRM_VALUE)
		ui_prompt(ui, "Confirm the value and store it", text, reason, 1, confirm_save, s);
	else
		ui_prompt(ui, "Reject the result (nothing is stored)", text, reason, 1, reject_save,
			  s);
}

static int qu_key(struct ui_screen *sc, struct ui *ui, int key)
{
	struct qu_screen *s = (struct qu_screen *)sc;
	static const enum ui_action acts[] = {ACT_MATCH, ACT_CONFIRM_VALUE, ACT_REJECT};
	if (s->refusal[0])
		return UI_PASS;
	if (ui_key_move(key, &s->sel, s->n, ui->rows - QU_LIST_Y - QU_DETAIL))
		return UI_DONE;
	for (size_t i = 0; i < ARRAY_SIZE(acts); i++) {
		if (!ui_key_is(key, acts[i]))
			continue;
		if (s->n == 0)
			ui_msg(ui, ROLE_HINT, "nothing waits in the queue");
		else
			ask(s, ui, acts[i]);
		return UI_DONE;
	}
	return UI_PASS;
}

static void qu_done(struct ui_screen *sc)
{
	struct qu_screen *s = (struct qu_screen *)sc;
	free(s->q);
	free(s);
}

static const struct ui_screen_ops qu_ops = {
    "Lab queue",
    qu_draw,
    qu_key,
    NULL,
    qu_done,
    qu_hints,
    "Results from the laboratory that could not be stored by themselves, oldest first: why "
    "each waits (unknown MRN, a name or birth date that disagrees, an unknown code or unit, a "
    "value to confirm, refused by the limits, no collection date), the MRN and name the "
    "laboratory sent, the result and when it was collected; below, the selected one in "
    "full. {MATCH} stores it on the patient you name by MRN; {CONFIRM_VALUE} stores an "
    "unusual value on its own patient once you checked it; {REJECT} rejects it. Each asks "
    "for the reason, checks the value again as typed entry does (a value beyond a hard limit "
    "is never stored) and is audited with who and when.",
    .scope = SC_QUEUE | SC_LIST,
};

struct ui_screen *ui_queue_new(struct ui *ui)
{
	struct qu_screen *s = xcalloc(1, sizeof *s);
	s->base.ops = &qu_ops;
	s->q = xcalloc(QU_MAX, sizeof *s->q);
	load(s, ui);
	if (s->refusal[0])
		ui_msg(ui, ROLE_CRITICAL, "%s", s->refusal);
	return &s->base;
}
