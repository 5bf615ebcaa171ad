/* ui_audit.c: the audit trail screen (administrators). */
#include "ui_audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "patient.h"
#include "store.h"
#include "ui_draw.h"
#include "ui_prompt.h"
#include "util.h"

#define AU_ROWS_MAX 2000 /* rows read per listing, newest first */
#define AU_LIST_Y 3

struct au_row {
	int64_t seq, ts, row_id;
	char actor[USER_LOGIN_MAX + 1];
	char action[16];
	char tbl[32];
	char mrn[PATIENT_MRN_MAX + 1];
};

struct au_screen {
	struct ui_screen base;
	struct au_row *rows;
	int n, sel, top;
	char refusal[ERR_MSG_MAX]; /* not permitted, or the listing failed */
	struct audit_filter f;
	char f_mrn[PATIENT_MRN_MAX + 1];
	char f_actor[USER_LOGIN_MAX + 1];
	char verify[ERR_MSG_MAX + 64];
	enum ui_role verify_role;
};

static const enum ui_action au_hints[] = {ACT_HELP, ACT_FILTER, ACT_VERIFY, ACT_BACK, ACT_NONE};

static void keep_row(const struct audit_row *r, void *arg)
{
	struct au_screen *a = arg;
	if (a->n >= AU_ROWS_MAX)
		return;
	struct au_row *o = &a->rows[a->n++];
	o->seq = r->seq;
	o->ts = r->ts;
	o->row_id = r->row_id;
	strlcpy_(o->actor, r->actor, sizeof o->actor);
	strlcpy_(o->action, r->action, sizeof o->action);
	strlcpy_(o->tbl, r->tbl, sizeof o->tbl);
	strlcpy_(o->mrn, r->mrn, sizeof o->mrn);
}

/* List the rows again (the reading is itself audited by the store). */
static enum status list(struct au_screen *a, struct ui *ui, struct err *e)
{
	a->n = a->sel = a->top = 0;
	a->f.limit = AU_ROWS_MAX;
	a->f.actor = a->f_actor[0] ? a->f_actor : NULL;
	return store_audit_each(ui->app->st, &a->f, keep_row, a, e);
}

static void draw_row(struct au_screen *a, struct ui *ui, int k, int y)
{
	const struct au_row *r = &a->rows[k];
	char when[32], tbl[48];
	bool sel = k == a->sel;
	enum ui_role role = sel ? ROLE_SELECTED : ROLE_NORMAL;
	if (r->row_id)
		snprintf(tbl, sizeof tbl, "%s #%lld", r->tbl, (long long)r->row_id);
	else
		snprintf(tbl, sizeof tbl, "%s", r->tbl);
	ui_put_pad(ui->body, y, 0, ui->cols, role, sel ? ">" : " ");
	ui_putf(ui->body, y, 1, 8, role, "%7lld", (long long)r->seq);
	ui_put(ui->body, y, 9, 16, role, date_format_time(r->ts, when));
	ui_put(ui->body, y, 27, 12, role, r->actor);
	ui_put(ui->body, y, 40, 8, role, r->action);
	ui_put(ui->body, y, 49, 16, role, tbl);
	ui_put(ui->body, y, 66, ui->cols - 66, role, r->mrn);
}

static void au_draw(struct ui_screen *s, struct ui *ui)
{
	struct au_screen *a = (struct au_screen *)s;
	int rows = ui->rows - AU_LIST_Y;
	if (a->refusal[0]) {
		ui_wrap(ui->body, 0, 0, ui->cols, 3, ROLE_CRITICAL, a->refusal);
		return;
	}
	ui_putf(ui->body, 0, 0, ui->cols, ROLE_TITLE, "Audit trail, newest first: %d row%s%s%s%s%s",
		a->n, a->n == 1 ? "" : "s", a->f_mrn[0] ? "  patient " : "", a->f_mrn,
		a->f_actor[0] ? "  user " : "", a->f_actor);
	if (a->verify[0])
		ui_put(ui->body, 1, 0, ui->cols, a->verify_role, a->verify);
	else
		ui_put(ui->body, 1, 0, ui->cols, ROLE_DIM, "v verifies the hash chain");
	ui_putf(ui->body, 2, 0, ui->cols, ROLE_DIM, " %7s %-17s %-12s %-8s %-16s %s", "Seq",
		"When (UTC)", "Who", "Action", "Table", "MRN");
	ui_list_show(a->sel, &a->top, rows);
	for (int k = a->top; k < a->n && k < a->top + rows; k++)
		draw_row(a, ui, k, AU_LIST_Y + k - a->top);
}

static void verify(struct au_screen *a, struct ui *ui)
{
	struct audit_verify v;
	struct err e = {""};
	enum status s = store_audit_verify(ui->app->st, &v, &e);
	if (s != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "cannot verify: %s", err_why(&e, s));
		return;
	}
	a->verify_role = v.nproblems ? ROLE_CRITICAL : ROLE_OK;
	if (v.nproblems == 0)
		snprintf(a->verify, sizeof a->verify,
			 "verify: %lld rows, chain intact (newest seq %lld)", (long long)v.rows,
			 (long long)v.last_seq);
	else
		snprintf(a->verify, sizeof a->verify,
			 "verify: %d problem%s in %lld rows, first: %s", v.nproblems,
			 v.nproblems == 1 ? "" : "s", (long long)v.rows, v.problems[0].what);
}

/* values: patient MRN, user login (either may be empty: any). */
static enum status filter_save(struct ui *ui, void *arg, const char *const *values, struct err *e)
{
	struct au_screen *a = arg;
	struct patient p;
	a->f.patient_id = 0;
	a->f_mrn[0] = '\0';
	if (values[0][0]) {
		enum status s = store_patient_by_mrn(ui->app->st, values[0], &p, e);
		if (s != ST_OK)
			return s;
		a->f.patient_id = p.id;
		strlcpy_(a->f_mrn, p.mrn, sizeof a->f_mrn);
	}
	strlcpy_(a->f_actor, values[1], sizeof a->f_actor);
	enum status s = list(a, ui, e);
	if (s == ST_OK)
		ui_msg(ui, ROLE_OK, "%d audit row%s", a->n, a->n == 1 ? "" : "s");
	return s;
}

static void ask_filter(struct au_screen *a, struct ui *ui)
{
	struct ui_prompt_field f[] = {
	    {"Patient MRN", "empty: every patient", UF_TEXT, 22, PATIENT_MRN_MAX, a->f_mrn},
	    {"User", "login; empty: every user", UF_TEXT, 22, USER_LOGIN_MAX, a->f_actor},
	};
	ui_prompt(ui, "Filter the audit trail", "Show the rows of one patient, one user, or both.",
		  f, 2, filter_save, a);
}

static int au_key(struct ui_screen *s, struct ui *ui, int key)
{
	struct au_screen *a = (struct au_screen *)s;
	int page = ui->rows - AU_LIST_Y;
	if (a->refusal[0])
		return UI_PASS;
	if (ui_key_is(key, ACT_FILTER))
		ask_filter(a, ui);
	else if (ui_key_is(key, ACT_VERIFY))
		verify(a, ui);
	else if (!ui_key_move(key, &a->sel, a->n, page))
		return UI_PASS;
	return UI_DONE;
}

static void au_done(struct ui_screen *s)
{
	struct au_screen *a = (struct au_screen *)s;
	free(a->rows);
	free(a);
}

static const struct ui_screen_ops au_ops = {
    "Audit",
    au_draw,
    au_key,
    NULL,
    au_done,
    au_hints,
    "The audit trail, newest first: sequence number, time (UTC), user, action, table and "
    "row, and the patient's MRN. {FILTER} filters by patient MRN and/or user login; {VERIFY} "
    "walks the hash chain and says whether the trail is intact. Reading the trail is itself "
    "audited. Administrators only.",
    .scope = SC_AUDIT | SC_LIST,
};

struct ui_screen *ui_audit_new(struct ui *ui)
{
	struct err e = {""};
	struct au_screen *a = xcalloc(1, sizeof *a);
	a->base.ops = &au_ops;
	a->rows = xcalloc(AU_ROWS_MAX, sizeof *a->rows);
	/* The store decides who may read the trail and says why not. */
	enum status s = store_may(ui->app->st, PERM_AUDIT, &e);
	if (s == ST_OK)
		s = list(a, ui, &e);
	if (s != ST_OK) {
		snprintf(a->refusal, sizeof a->refusal, "%s", err_why(&e, s));
		ui_msg(ui, ROLE_CRITICAL, "%s", a->refusal);
	}
	return &a->base;
}
