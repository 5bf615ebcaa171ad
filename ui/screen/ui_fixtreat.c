/* ui_fixtreat.c: the correction forms of an infusion and an adverse event
 * (field tables over the stored record on the form engine), and what every
 * correction form shares: its hint lines and the save's first step — both
 * versions shown when the record moved on, else the reason asked. */
#include "ui_fixtreat.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ae.h"
#include "infusion.h"
#include "sae.h"
#include "store_eval.h"
#include "store_followup.h"
#include "store_infix.h"
#include "uc_ae.h"
#include "uc_infusion.h"
#include "util.h"
#include "visit.h"

const enum ui_action ui_fix_hints[] = {ACT_HELP, ACT_NEXT, ACT_SAVE, ACT_BACK, ACT_NONE};
const enum ui_action ui_fix_choice_hints[] = {ACT_HELP, ACT_NEXT, ACT_CHOOSE,
					      ACT_SAVE, ACT_BACK, ACT_NONE};

static int64_t version_of(const struct ui_fform *ff, const void *rec)
{
	return *(const int64_t *)((const char *)rec + ff->def->version_off);
}

/* The engine's reason prompt is how a save asks why: the first save (s: the
 * stored record read into ff->theirs) shows both versions when it moved on
 * since the form (or its draft) began, else says what the reason is for;
 * the second (confirmed, with the reason) stores. */
enum status ui_fix_need_reason(struct ui_fform *ff, enum status s, const char *what, struct err *e)
{
	if (s != ST_OK)
		return s;
	if (version_of(ff, ff->theirs) != version_of(ff, ff->rec))
		return err_set(e, ST_CONFLICT,
			       "the %s was changed by someone else since it was read (version "
			       "%lld, now %lld)",
			       what, (long long)version_of(ff, ff->rec),
			       (long long)version_of(ff, ff->theirs));
	return err_set(e, ST_CONFIRM, "Say why the %s is corrected (kept in the audit trail)",
		       what);
}

/* --- an infusion --- */

enum { NF_AT, NF_CELLS, NF_LOT, NF_BY, NF_REACTION, NF_NOTE, NF_N };

static enum status inf_cells(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			     struct err *e)
{
	struct infusion *f = ff->rec;
	enum status s = infusion_check_cells(t, &f->cells, e);
	if (s == ST_CONFIRM) {
		struct err ignored = {""};
		double v;
		if (infusion_check_cells(t, &v, &ignored) != ST_INVALID)
			f->cells = v;
	}
	return s;
}

/* A lot changed takes the lot's expiry on file (the check reads it). */
static enum status inf_lot(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			   struct err *e)
{
	struct infusion *f = ff->rec;
	enum status s = infusion_check_lot(t, e);
	if (s == ST_OK && strcmp(f->lot, t) != 0) {
		strlcpy_(f->lot, t, sizeof f->lot);
		f->lot_expiry = DAY_NONE;
	}
	return s;
}

static enum status inf_reaction(const char *t, struct err *e)
{
	return infusion_check_reaction(t, e);
}

static enum status inf_note(const char *t, struct err *e)
{
	return visit_check_note(t, e);
}

static const struct ui_fielddef inf_fields[NF_N] = {
    {.label = "Given at",
     .name = "given at",
     .kind = FK_TIME,
     .hint = "YYYY-MM-DD HH:MM",
     .width = 17,
     .max = 16,
     .off = offsetof(struct infusion, given_at),
     .off_day = offsetof(struct infusion, date)},
    {.label = "Cells given",
     .kind = FK_TEXT,
     .unit = "cells",
     .hint = "e.g. 6e7",
     .width = 12,
     .max = 16,
     .check = inf_cells},
    {.label = "Product lot",
     .kind = FK_TEXT,
     .width = 20,
     .max = INFUSION_LOT_MAX,
     .check = inf_lot},
    {.label = "Given by",
     .kind = FK_TEXT,
     .width = 30,
     .max = INFUSION_BY_MAX,
     .off = offsetof(struct infusion, given_by),
     .size = sizeof(((struct infusion *)0)->given_by),
     .text = infusion_check_given_by},
    {.label = "Reaction (24 h)",
     .kind = FK_TEXT,
     .hint = "empty: none",
     .width = 40,
     .max = INFUSION_REACTION_MAX,
     .optional = true,
     .off = offsetof(struct infusion, reaction),
     .size = sizeof(((struct infusion *)0)->reaction),
     .text = inf_reaction},
    {.label = "Note",
     .kind = FK_MEMO,
     .width = 50,
     .rows = 2,
     .optional = true,
     .off = offsetof(struct infusion, note),
     .size = sizeof(((struct infusion *)0)->note),
     .text = inf_note},
};

static enum status inf_theirs(struct ui_fform *ff, struct ui *ui, struct err *e)
{
	const struct infusion *f = ff->rec;
	struct infusion_row row;
	enum status s = store_infusion_get(ui->app->st, f->patient_id, f->id, &row, e);
	if (s == ST_OK)
		*(struct infusion *)ff->theirs = row.f;
	return s;
}

static enum status inf_save(struct ui_fform *ff, struct ui *ui, bool confirmed, struct err *e)
{
	struct infusion *f = ff->rec;
	char t[20];
	if (!confirmed || !ff->reason[0])
		return ui_fix_need_reason(ff, inf_theirs(ff, ui, e), "infusion", e);
	struct protocol *p = xcalloc(1, sizeof *p);
	enum status s = store_protocol_active(ui->app->st, p, NULL, e);
	if (s == ST_OK)
		s = uc_infusion_correct(ui->app->st, p, f, ff->reason, true, ff->today, NULL, e);
	free(p);
	if (s == ST_OK)
		ui_msg(ui, ROLE_OK,
		       "corrected infusion %lld of %s: %.3g cells, lot %s, now version %lld",
		       (long long)f->id, visit_format_time(f->given_at, ff->tz, t), f->cells,
		       f->lot, (long long)f->version);
	return s;
}

static void inf_describe(const struct ui_fform *ff, const void *rec, char *buf, size_t n)
{
	const struct infusion *f = rec;
	char t[20];
	snprintf(buf, n, "v%lld %s, %.3g cells, lot %s", (long long)f->version,
		 visit_format_time(f->given_at, ff->tz, t), f->cells, f->lot);
}

const struct ui_formdef ui_fix_infusion_def = {
    .kind = DRAFT_INFUSION_CORRECT,
    .title = "Correct infusion",
    .noun = "infusion",
    .heading = "Correct the infusion",
    .help = "Correct an infusion typed wrong: the time, the cells given, the product lot, who "
	    "gave it, a reaction within 24 hours, the note. The dose, interval and lot are "
	    "checked again against the infusion's plan where a value changed; a dose outside "
	    "the plan's tolerance is refused. {SAVE} asks why, then saves a new version; the "
	    "old one is kept in the audit trail.",
    .hints = ui_fix_hints,
    .fields = inf_fields,
    .n = NF_N,
    .rec_size = sizeof(struct infusion),
    .version_off = offsetof(struct infusion, version),
    .note_max = INFUSION_NOTE_MAX,
    .save = inf_save,
    .confirm_reason = true,
    .describe = inf_describe,
};

bool ui_fix_open_infusion(struct ui_fform *ff, struct ui *ui, struct err *e)
{
	struct infusion_row row;
	char buf[32];
	if (store_infusion_get(ui->app->st, ff->patient_id, ff->record_id, &row, e) != ST_OK)
		return false;
	*(struct infusion *)ff->rec = row.f;
	snprintf(ff->heading, sizeof ff->heading, "Correct the %s infusion of %s, v%lld",
		 plan_route_str(row.f.route), visit_format_time(row.f.given_at, ff->tz, buf),
		 (long long)row.f.version);
	snprintf(buf, sizeof buf, "%g", row.f.cells);
	ui_fform_set(ff, NF_CELLS, buf);
	ui_fform_set(ff, NF_LOT, row.f.lot);
	return true;
}

/* --- an adverse event --- */

enum { AF_TERM, AF_GRADE, AF_ONSET, AF_RELATION, AF_SERIOUS, AF_N };

static const char *relation_label(int i)
{
	return ae_relation_str((enum ae_relation)i);
}

static const char *yes_no(int i)
{
	return i ? "yes" : "no";
}

static enum status ae_term(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			   struct err *e)
{
	struct ae *a = ff->rec;
	return ae_check_term(t, a->term, sizeof a->term, &a->term_listed, e);
}

static enum status ae_grade(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			    struct err *e)
{
	return ae_check_grade(t, &((struct ae *)ff->rec)->grade, e);
}

static enum status ae_serious(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			      struct err *e)
{
	((struct ae *)ff->rec)->serious = ui_fform_choice(ff, AF_SERIOUS) == 1;
	return ST_OK;
}

static const struct ui_fielddef ae_fields[AF_N] = {
    {.label = "Term",
     .kind = FK_TEXT,
     .hint = "CTCAE term",
     .width = 36,
     .max = AE_TERM_MAX,
     .check = ae_term},
    {.label = "Grade",
     .kind = FK_TEXT,
     .hint = "1-5 (CTCAE)",
     .width = 3,
     .max = 1,
     .check = ae_grade},
    {.label = "Onset",
     .name = "onset",
     .kind = FK_TIME,
     .hint = "YYYY-MM-DD HH:MM",
     .width = 17,
     .max = 16,
     .off = offsetof(struct ae, onset_at),
     .off_day = offsetof(struct ae, onset)},
    {.label = "Relation",
     .kind = FK_CHOICE,
     .width = 12,
     .off = offsetof(struct ae, relation),
     .choice_label = relation_label,
     .nchoices = AE_REL_COUNT},
    {.label = "Serious",
     .kind = FK_CHOICE,
     .width = 5,
     .choice_label = yes_no,
     .nchoices = 2,
     .check = ae_serious},
};

static enum status ae_save(struct ui_fform *ff, struct ui *ui, bool confirmed, struct err *e)
{
	struct ae *a = ff->rec;
	struct sae_due due[2];
	int ndue = 0;
	if (!confirmed || !ff->reason[0])
		return ui_fix_need_reason(
		    ff, store_ae_get(ui->app->st, a->patient_id, a->id, ff->theirs, e),
		    "adverse event", e);
	struct protocol *p = xcalloc(1, sizeof *p);
	enum status s = store_protocol_active(ui->app->st, p, NULL, e);
	if (s == ST_OK)
		s = uc_ae_correct(ui->app->st, p, a, ff->reason, true, due, &ndue, e);
	free(p);
	if (s == ST_OK)
		ui_msg(ui, ROLE_OK,
		       "corrected adverse event %lld: %s grade %d, %s, now version %lld",
		       (long long)a->id, a->term, a->grade, a->serious ? "SERIOUS" : "not serious",
		       (long long)a->version);
	return s;
}

static void ae_describe(const struct ui_fform *ff, const void *rec, char *buf, size_t n)
{
	const struct ae *a = rec;
	snprintf(buf, n, "v%lld %s grade %d, %s, %s", (long long)a->version, a->term, a->grade,
		 ae_relation_str(a->relation), a->serious ? "serious" : "not serious");
}

const struct ui_formdef ui_fix_ae_def = {
    .kind = DRAFT_AE_CORRECT,
    .title = "Correct adverse event",
    .noun = "adverse event",
    .heading = "Correct the adverse event",
    .help = "Correct an adverse event's details: the CTCAE term and grade, the onset, the "
	    "relation to the infusion and whether it is serious. The rules of a new event "
	    "apply (an event with reports on its clock stays serious). {SAVE} asks why, then "
	    "saves a new version; the old one is kept in the audit trail.",
    .hints = ui_fix_choice_hints,
    .fields = ae_fields,
    .n = AF_N,
    .rec_size = sizeof(struct ae),
    .version_off = offsetof(struct ae, version),
    .note_max = AE_NOTE_MAX,
    .save = ae_save,
    .confirm_reason = true,
    .describe = ae_describe,
};

bool ui_fix_open_ae(struct ui_fform *ff, struct ui *ui, struct err *e)
{
	struct ae *a = ff->rec;
	char buf[20];
	enum status s = store_ae_get(ui->app->st, ff->patient_id, ff->record_id, a, e);
	if (s == ST_OK && a->voided)
		s = err_set(e, ST_INVALID, "it was voided (%s)", a->void_reason);
	if (s != ST_OK)
		return false;
	snprintf(ff->heading, sizeof ff->heading, "Correct the adverse event of %s, v%lld",
		 visit_format_time(a->onset_at, ff->tz, buf), (long long)a->version);
	ui_fform_set(ff, AF_TERM, a->term);
	snprintf(buf, sizeof buf, "%d", a->grade);
	ui_fform_set(ff, AF_GRADE, buf);
	ui_fform_choose(ff, AF_SERIOUS, a->serious ? 1 : 0);
	return true;
}
