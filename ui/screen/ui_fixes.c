/* ui_fixes.c: a patient's lab results, imaging notes, infusions and
 * adverse events, one kind at a time, newest first and voided ones marked,
 * to pick one to correct (Enter) or void with a reason (V). The list is
 * read again when the screen comes back on top, so a correction just saved
 * shows at once. */
#include "ui_fixes.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ae.h"
#include "analyte.h"
#include "date.h"
#include "fix.h"
#include "imaging.h"
#include "store.h"
#include "store_aefix.h"
#include "store_fix.h"
#include "store_followup.h"
#include "store_imgfix.h"
#include "store_infix.h"
#include "ui_draw.h"
#include "ui_fixforms.h"
#include "ui_prompt.h"
#include "ui_visit.h"
#include "util.h"
#include "visit.h"

#define RC_MAX 300 /* newest records of a kind listed */
#define RC_LIST_Y 2
#define RC_LINE 96
#define RC_VISITS UI_FIX_COUNT /* the last kind: visits (ui_visit.h corrects them) */
#define RC_KINDS (UI_FIX_COUNT + 1)

/* One listed record of any kind, as shown. */
struct rc_row {
	int64_t id, version;
	bool voided;
	char line[RC_LINE];	      /* date, what, value */
	char why[FIX_REASON_MAX + 1]; /* void or correction reason */
};

struct rc_screen {
	struct ui_screen base;
	int kind; /* an enum ui_fix_kind, or RC_VISITS */
	struct rc_row *rows;
	int n, sel, top;
	bool stale;
	int64_t void_id; /* the record the void prompt is about */
};

static const char *const kind_names[RC_KINDS] = {"Lab results", "Imaging notes", "Infusions",
						 "Adverse events", "Visits"};

static const enum ui_action rc_hints[] = {ACT_HELP,	 ACT_ENTER, ACT_FIX_VOID,
					  ACT_KIND_NEXT, ACT_BACK,  ACT_NONE};

static enum status load_labs(struct rc_screen *s, struct ui *ui, struct err *e)
{
	struct lab_entry_row *x = xcalloc(RC_MAX, sizeof *x);
	char d[16];
	enum status st = store_lab_rows(ui->app->st, s->base.patient, x, RC_MAX, &s->n, e);
	for (int i = 0; st == ST_OK && i < s->n; i++) {
		struct rc_row *r = &s->rows[i];
		r->id = x[i].r.id;
		r->version = x[i].r.version;
		r->voided = x[i].voided;
		snprintf(r->line, sizeof r->line, "%s  %-12.12s %10g %-10.10s",
			 date_format(x[i].r.date, d), analyte_get(x[i].r.analyte)->key,
			 x[i].r.value, x[i].r.unit);
		strlcpy_(r->why, x[i].voided ? x[i].void_reason : x[i].correction, sizeof r->why);
	}
	free(x);
	return st;
}

static enum status load_imaging(struct rc_screen *s, struct ui *ui, struct err *e)
{
	struct imaging_entry_row *x = xcalloc(RC_MAX, sizeof *x);
	char d[16], k[16] = "";
	enum status st = store_imaging_rows(ui->app->st, s->base.patient, x, RC_MAX, &s->n, e);
	for (int i = 0; st == ST_OK && i < s->n; i++) {
		struct rc_row *r = &s->rows[i];
		const struct imaging_note *n = &x[i].n;
		r->id = n->id;
		r->version = n->version;
		r->voided = x[i].voided;
		k[0] = '\0';
		if (!isnan(n->stiffness_kpa))
			snprintf(k, sizeof k, "%.1f kPa", n->stiffness_kpa);
		snprintf(r->line, sizeof r->line, "%s  %-12.12s HCC %-3.3s %s",
			 date_format(n->date, d), modality_str(n->modality),
			 n->hcc == FIND_NA ? "-" : finding_str(n->hcc), k);
		strlcpy_(r->why, x[i].voided ? x[i].void_reason : x[i].correction, sizeof r->why);
	}
	free(x);
	return st;
}

static enum status load_infusions(struct rc_screen *s, struct ui *ui, struct err *e)
{
	struct infusion_row *x = xcalloc(RC_MAX, sizeof *x);
	char t[20];
	enum status st = store_infusion_rows(ui->app->st, s->base.patient, x, RC_MAX, &s->n, e);
	for (int i = 0; st == ST_OK && i < s->n; i++) {
		struct rc_row *r = &s->rows[i];
		const struct infusion *f = &x[i].f;
		r->id = f->id;
		r->version = f->version;
		snprintf(r->line, sizeof r->line, "%s  %-12.12s %.3g cells, lot %.14s",
			 visit_format_time(f->given_at, ui->app->cfg.tz_offset_minutes * 60, t),
			 plan_route_str(f->route), f->cells, f->lot);
		strlcpy_(r->why, x[i].correction, sizeof r->why);
	}
	free(x);
	return st;
}

static enum status load_aes(struct rc_screen *s, struct ui *ui, struct err *e)
{
	struct ae *x = xcalloc(RC_MAX, sizeof *x);
	char d[16];
	enum status st = store_ae_rows(ui->app->st, s->base.patient, x, RC_MAX, &s->n, e);
	for (int i = 0; st == ST_OK && i < s->n; i++) {
		struct rc_row *r = &s->rows[i];
		r->id = x[i].id;
		r->version = x[i].version;
		r->voided = x[i].voided;
		snprintf(r->line, sizeof r->line, "%s  %-24.24s gr %d %s",
			 date_format(x[i].onset, d), x[i].term, x[i].grade,
			 x[i].serious ? "SERIOUS" : "");
		strlcpy_(r->why, x[i].voided ? x[i].void_reason : "", sizeof r->why);
	}
	free(x);
	return st;
}

static enum status load_visits(struct rc_screen *s, struct ui *ui, struct err *e)
{
	struct visit *x = xcalloc(RC_MAX, sizeof *x);
	char d[16];
	enum status st = store_visit_list(ui->app->st, s->base.patient, x, RC_MAX, &s->n, e);
	for (int i = 0; st == ST_OK && i < s->n; i++) {
		struct rc_row *r = &s->rows[i];
		r->id = x[i].id;
		r->version = x[i].version;
		snprintf(r->line, sizeof r->line, "%s  %-12.12s %s", date_format(x[i].date, d),
			 x[i].schedule_id ? x[i].label : "unscheduled",
			 x[i].state == VISIT_MISSED ? "missed" : "seen");
		strlcpy_(r->why, x[i].state == VISIT_MISSED ? x[i].reason : x[i].correction,
			 sizeof r->why);
	}
	free(x);
	return st;
}

static enum status load(struct rc_screen *s, struct ui *ui, struct err *e)
{
	static enum status (*const loaders[RC_KINDS])(struct rc_screen *, struct ui *,
						      struct err *) = {
	    load_labs, load_imaging, load_infusions, load_aes, load_visits};
	s->stale = false;
	memset(s->rows, 0, RC_MAX * sizeof *s->rows);
	s->n = 0;
	enum status st = loaders[s->kind](s, ui, e);
	if (st != ST_OK)
		s->n = 0;
	if (s->sel >= s->n)
		s->sel = s->n > 0 ? s->n - 1 : 0;
	return st;
}

static void draw_row(struct rc_screen *s, struct ui *ui, int k, int y)
{
	const struct rc_row *r = &s->rows[k];
	bool sel = k == s->sel;
	enum ui_role role = sel ? ROLE_SELECTED : r->voided ? ROLE_DIM : ROLE_NORMAL;
	ui_put_pad(ui->body, y, 0, ui->cols, role, sel ? ">" : " ");
	ui_put(ui->body, y, 2, 44, role, r->line);
	ui_putf(ui->body, y, 47, 5, role, "v%lld", (long long)r->version);
	ui_putf(ui->body, y, 53, ui->cols - 53, role, "%s%s", r->voided ? "VOIDED: " : "", r->why);
}

static void rc_draw(struct ui_screen *sc, struct ui *ui)
{
	struct rc_screen *s = (struct rc_screen *)sc;
	struct err e = {""};
	enum status st = s->stale ? load(s, ui, &e) : ST_OK;
	char next[32];
	if (st != ST_OK)
		ui_msg(ui, ROLE_CRITICAL, "cannot read the records: %s", err_why(&e, st));
	ui_putf(ui->body, 0, 0, ui->cols, ROLE_TITLE, "%s, newest first (%d)  [%s: next kind]",
		kind_names[s->kind], s->n,
		ui_key_names(ACT_KIND_NEXT, SC_LIST | SC_FIXES, " ", next, sizeof next));
	ui_putf(ui->body, 1, 0, ui->cols, ROLE_DIM, "  %-44s %-5s %s", "Record", "Ver",
		"Why corrected (or voided)");
	if (s->n == 0) {
		ui_putf(ui->body, RC_LIST_Y, 2, ui->cols - 2, ROLE_DIM, "nothing recorded: no %s",
			kind_names[s->kind]);
		return;
	}
	int rows = ui->rows - RC_LIST_Y;
	ui_list_show(s->sel, &s->top, rows);
	for (int k = s->top; k < s->n && k < s->top + rows; k++)
		draw_row(s, ui, k, RC_LIST_Y + k - s->top);
}

static enum status void_given(struct ui *ui, void *arg, const char *const *values, struct err *e)
{
	struct rc_screen *s = arg;
	struct ae a;
	enum status st;
	if (s->kind == UI_FIX_LAB)
		st = store_lab_void(ui->app->st, s->base.patient, s->void_id, values[0], e);
	else if (s->kind == UI_FIX_IMAGING)
		st = store_imaging_void(ui->app->st, s->base.patient, s->void_id, values[0], e);
	else
		st = store_ae_void(ui->app->st, s->base.patient, s->void_id, 0, values[0], &a, e);
	if (st == ST_OK) {
		ui_msg(ui, ROLE_OK, "voided %s %lld: %s",
		       s->kind == UI_FIX_LAB	   ? "lab result"
		       : s->kind == UI_FIX_IMAGING ? "imaging note"
						   : "adverse event",
		       (long long)s->void_id, values[0]);
		s->stale = true;
	}
	return st;
}

static void ask_void(struct rc_screen *s, struct ui *ui)
{
	static const struct ui_prompt_field f[] = {
	    {"Reason", "why it was recorded in error", UF_TEXT, 50, FIX_REASON_MAX, NULL, NULL, 0,
	     true},
	};
	const struct rc_row *r = &s->rows[s->sel];
	char intro[256];
	if (s->kind == UI_FIX_INFUSION || s->kind == RC_VISITS) {
		ui_msg(ui, ROLE_WARN, "%s is not voided (%s): correct it with Enter",
		       s->kind == RC_VISITS ? "a visit" : "an infusion given",
		       s->kind == RC_VISITS ? "it closes its scheduled item" : "its lot is traced");
		return;
	}
	if (r->voided) {
		ui_msg(ui, ROLE_WARN, "this record is voided already");
		return;
	}
	s->void_id = r->id;
	snprintf(intro, sizeof intro,
		 "Void %.80s: it stays in the audit trail, marked, and leaves every score, "
		 "checklist and dashboard.",
		 r->line);
	ui_prompt(ui, "Void a record", intro, f, 1, void_given, s);
}

static void open_form(struct rc_screen *s, struct ui *ui)
{
	const struct rc_row *r = &s->rows[s->sel];
	if (r->voided) {
		ui_msg(ui, ROLE_WARN, "a voided record is not corrected");
		return;
	}
	struct ui_screen *form =
	    s->kind == RC_VISITS
		? ui_visit_correct_new(ui, s->base.patient, r->id)
		: ui_fix_form_new(ui, (enum ui_fix_kind)s->kind, s->base.patient, r->id, false);
	if (form) {
		strlcpy_(form->banner, s->base.banner, sizeof form->banner);
		ui_push(ui, form);
		s->stale = true;
	}
}

static int rc_key(struct ui_screen *sc, struct ui *ui, int key)
{
	struct rc_screen *s = (struct rc_screen *)sc;
	bool next = ui_key_is(key, ACT_KIND_NEXT), prev = ui_key_is(key, ACT_KIND_PREV);
	if (next || prev) {
		s->kind = (s->kind + (next ? 1 : RC_KINDS - 1)) % RC_KINDS;
		s->sel = s->top = 0;
		s->stale = true;
		return UI_DONE;
	}
	if (ui_key_move(key, &s->sel, s->n, ui->rows - RC_LIST_Y))
		return UI_DONE;
	bool enter = ui_key_is(key, ACT_ENTER), void_key = ui_key_is(key, ACT_FIX_VOID);
	if (!enter && !void_key)
		return UI_PASS;
	if (void_key && !ui_may(ui, ACT_FIX_VOID))
		return UI_DONE;
	if (s->n == 0) {
		ui_msg(ui, ROLE_WARN, "nothing recorded of this kind");
		return UI_DONE;
	}
	if (enter)
		open_form(s, ui);
	else
		ask_void(s, ui);
	return UI_DONE;
}

static void rc_done(struct ui_screen *sc)
{
	struct rc_screen *s = (struct rc_screen *)sc;
	free(s->rows);
	free(s);
}

static const struct ui_screen_ops rc_ops = {
    "Records",
    rc_draw,
    rc_key,
    NULL,
    rc_done,
    rc_hints,
    "The patient's recorded results, one kind at a time: lab results, imaging notes, "
    "infusions, adverse events and visits, newest first, with their version and why each was last "
    "corrected (or voided). {KIND_NEXT} shows the next kind. {ENTER} opens the selected record "
    "in its form to correct it; {VOID} voids a record recorded in error, with a reason (an "
    "infusion given and a visit are corrected, not voided).",
    .scope = SC_LIST | SC_FIXES,
};

struct ui_screen *ui_fixes_new(struct ui *ui, int64_t patient_id)
{
	struct err e = {""};
	struct rc_screen *s = xcalloc(1, sizeof *s);
	s->base.ops = &rc_ops;
	s->base.patient = patient_id;
	s->rows = xcalloc(RC_MAX, sizeof *s->rows);
	/* Every view is logged: a view that cannot be logged is not shown. */
	enum status st = store_patient_viewed(ui->app->st, patient_id, "records", &e);
	if (st == ST_OK)
		st = load(s, ui, &e);
	if (st != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "cannot show the records: %s", err_why(&e, st));
		rc_done(&s->base);
		return NULL;
	}
	return &s->base;
}
