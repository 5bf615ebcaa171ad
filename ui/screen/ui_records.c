/* ui_records.c: a patient's survival contacts and questionnaires as
 * recorded, to pick one to correct (the contact form or the questionnaire
 * screen over it) or to void with a reason. Read again when the screen
 * comes back on top, so a correction just saved shows at once. */
#include "ui_records.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "longterm.h"
#include "store.h"
#include "store_longterm.h"
#include "store_qol.h"
#include "ui_contact.h"
#include "ui_draw.h"
#include "ui_prompt.h"
#include "ui_qol.h"
#include "util.h"

#define RL_CONTACTS_MAX 48
#define RL_QOL_MAX 48
#define RL_MAX (RL_CONTACTS_MAX + RL_QOL_MAX)
#define RL_LIST_Y 2

struct rl_row {
	bool qol; /* a questionnaire; else a contact */
	int64_t id, version;
	day_t date;
	bool voided;
	char what[64];	 /* "alive, decompensated" or "SYMPTOMS overall 4.71" */
	char reason[64]; /* why voided or last corrected */
};

struct rl_screen {
	struct ui_screen base;
	struct rl_row *rows;
	struct lt_contact *contacts;
	struct qol_response *qr;
	int n, sel, top;
	bool stale; /* re-read before the next draw */
};

static const enum ui_action rl_hints[] = {ACT_HELP, ACT_ENTER, ACT_VOID, ACT_BACK, ACT_NONE};

static void contact_row(struct rl_row *r, const struct lt_contact *c)
{
	r->qol = false;
	r->id = c->id;
	r->version = c->version;
	r->date = c->date;
	r->voided = *c->void_reason != '\0';
	snprintf(r->what, sizeof r->what, "%s%s%s%s%s", c->phone ? "phone: " : "",
		 c->dead ? "dead" : "alive", c->transplant == FIND_YES ? ", transplanted" : "",
		 c->hcc == FIND_YES ? ", new HCC" : "",
		 lt_contact_decompensated(c) ? ", decompensated" : "");
	strlcpy_(r->reason, r->voided ? c->void_reason : c->correction_reason, sizeof r->reason);
}

static void qol_row(struct rl_row *r, const struct qol_response *q)
{
	const struct qol_score *last = q->scores.n ? &q->scores.s[q->scores.n - 1] : NULL;
	r->qol = true;
	r->id = q->id;
	r->version = q->version_no;
	r->date = q->date;
	if (last && !isnan(last->score))
		snprintf(r->what, sizeof r->what, "%s %s %.2f", q->code, last->id, last->score);
	else
		snprintf(r->what, sizeof r->what, "%s (%d answered)", q->code, q->answered);
	strlcpy_(r->reason, q->correction_reason, sizeof r->reason);
}

static enum status load(struct rl_screen *s, struct ui *ui, struct err *e)
{
	int nc = 0, nq = 0;
	s->stale = false;
	s->n = 0;
	enum status st = store_contact_list(ui->app->st, s->base.patient, true, s->contacts,
					    RL_CONTACTS_MAX, &nc, e);
	if (st == ST_OK)
		st = store_qol_list(ui->app->st, s->base.patient, NULL, s->qr, RL_QOL_MAX, &nq, e);
	for (int i = 0; st == ST_OK && i < nc; i++)
		contact_row(&s->rows[s->n++], &s->contacts[i]);
	for (int i = 0; st == ST_OK && i < nq; i++)
		qol_row(&s->rows[s->n++], &s->qr[i]);
	if (s->sel >= s->n)
		s->sel = s->n > 0 ? s->n - 1 : 0;
	return st;
}

static void draw_row(struct rl_screen *s, struct ui *ui, int k, int y)
{
	const struct rl_row *r = &s->rows[k];
	bool sel = k == s->sel;
	enum ui_role role = sel ? ROLE_SELECTED : r->voided ? ROLE_DIM : ROLE_NORMAL;
	char d[16];
	ui_put_pad(ui->body, y, 0, ui->cols, role, sel ? ">" : " ");
	ui_putf(ui->body, y, 2, 16, role, "%s %lld", r->qol ? "questionnaire" : "contact",
		(long long)r->id);
	ui_put(ui->body, y, 19, 10, role, date_format(r->date, d));
	ui_put(ui->body, y, 30, 26, role, r->what);
	ui_putf(ui->body, y, 57, 4, role, "v%lld", (long long)r->version);
	ui_putf(ui->body, y, 62, ui->cols - 62, role, "%s%s", r->voided ? "VOID " : "", r->reason);
}

static void rl_draw(struct ui_screen *sc, struct ui *ui)
{
	struct rl_screen *s = (struct rl_screen *)sc;
	struct err e = {""};
	enum status st = s->stale ? load(s, ui, &e) : ST_OK;
	if (st != ST_OK)
		ui_msg(ui, ROLE_CRITICAL, "cannot read the records: %s", err_why(&e, st));
	int rows = ui->rows - RL_LIST_Y;
	char how[32], vo[32];
	ui_putf(ui->body, 0, 0, ui->cols, ROLE_TITLE,
		"Contacts and questionnaires (%d): %s corrects, %s voids", s->n,
		ui_key_names(ACT_ENTER, SC_LIST, " ", how, sizeof how),
		ui_key_names(ACT_VOID, SC_RECORDS, " ", vo, sizeof vo));
	ui_putf(ui->body, 1, 0, ui->cols, ROLE_DIM, "  %-16s %-10s %-26s %-4s %s", "Record", "Date",
		"Recorded", "Ver", "Why corrected / voided");
	if (s->n == 0) {
		ui_put(ui->body, RL_LIST_Y, 2, ui->cols - 2, ROLE_DIM,
		       "no survival contact or questionnaire recorded yet");
		return;
	}
	ui_list_show(s->sel, &s->top, rows);
	for (int k = s->top; k < s->n && k < s->top + rows; k++)
		draw_row(s, ui, k, RL_LIST_Y + k - s->top);
}

static enum status void_save(struct ui *ui, void *arg, const char *const *values, struct err *e)
{
	struct rl_screen *s = arg;
	const struct rl_row *r = &s->rows[s->sel];
	enum status st =
	    r->qol
		? store_qol_void(ui->app->st, s->base.patient, r->id, r->version, values[0], e)
		: store_contact_void(ui->app->st, s->base.patient, r->id, r->version, values[0], e);
	if (st == ST_OK) {
		ui_msg(ui, ROLE_OK, "voided %s %lld; it is kept, marked",
		       r->qol ? "questionnaire" : "contact", (long long)r->id);
		s->stale = true;
	}
	return st;
}

static void ask_void(struct rl_screen *s, struct ui *ui)
{
	const struct rl_row *r = &s->rows[s->sel];
	char title[64];
	struct ui_prompt_field f[] = {
	    {"Why voided", NULL, UF_TEXT, 50, 200, NULL, NULL, 0, true},
	};
	if (r->voided) {
		ui_msg(ui, ROLE_WARN, "%s %lld is voided already",
		       r->qol ? "questionnaire" : "contact", (long long)r->id);
		return;
	}
	snprintf(title, sizeof title, "Void %s %lld", r->qol ? "questionnaire" : "contact",
		 (long long)r->id);
	ui_prompt(ui, title,
		  r->qol
		      ? "The questionnaire is kept with its scores, no longer trended."
		      : "The contact is kept, marked; its scheduled contact opens again. A status "
			"it recorded stays.",
		  f, 1, void_save, s);
}

static int rl_key(struct ui_screen *sc, struct ui *ui, int key)
{
	struct rl_screen *s = (struct rl_screen *)sc;
	if (ui_key_move(key, &s->sel, s->n, ui->rows - RL_LIST_Y))
		return UI_DONE;
	bool fix = ui_key_is(key, ACT_ENTER), kill = ui_key_is(key, ACT_VOID);
	if (!fix && !kill)
		return UI_PASS;
	if (s->n == 0) {
		ui_msg(ui, ROLE_WARN, "nothing recorded yet to correct or void");
		return UI_DONE;
	}
	if (kill) {
		if (ui_may(ui, ACT_VOID))
			ask_void(s, ui);
		return UI_DONE;
	}
	const struct rl_row *r = &s->rows[s->sel];
	struct ui_screen *next = r->qol ? ui_qol_correct_new(ui, s->base.patient, r->id)
					: ui_contact_correct_new(ui, s->base.patient, r->id);
	if (next) {
		strlcpy_(next->banner, s->base.banner, sizeof next->banner);
		ui_push(ui, next);
		s->stale = true;
	}
	return UI_DONE;
}

static void rl_done(struct ui_screen *sc)
{
	struct rl_screen *s = (struct rl_screen *)sc;
	free(s->rows);
	free(s->contacts);
	free(s->qr);
	free(s);
}

static const struct ui_screen_ops rl_ops = {
    "Contacts and questionnaires",
    rl_draw,
    rl_key,
    NULL,
    rl_done,
    rl_hints,
    "The patient's survival contacts (voided ones too, marked) and questionnaires, each with "
    "its date, what it recorded, its version and why it was last corrected or voided. "
    "{ENTER} corrects the selected one: a contact opens its form with the values filled in "
    "and 'Why corrected'; a questionnaire opens its answers for review, changed item by "
    "item, and asks why on save. {VOID} voids it with a reason (it stays, marked).",
    .scope = SC_LIST | SC_RECORDS,
};

struct ui_screen *ui_records_new(struct ui *ui, int64_t patient_id)
{
	struct err e = {""};
	struct rl_screen *s = xcalloc(1, sizeof *s);
	s->base.ops = &rl_ops;
	s->base.patient = patient_id;
	s->rows = xcalloc(RL_MAX, sizeof *s->rows);
	s->contacts = xcalloc(RL_CONTACTS_MAX, sizeof *s->contacts);
	s->qr = xcalloc(RL_QOL_MAX, sizeof *s->qr);
	/* Every view is logged: a view that cannot be logged is not shown. */
	enum status st = store_patient_viewed(ui->app->st, patient_id, "records", &e);
	if (st == ST_OK)
		st = load(s, ui, &e);
	if (st != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "cannot show the records: %s", err_why(&e, st));
		rl_done(&s->base);
		return NULL;
	}
	return &s->base;
}
