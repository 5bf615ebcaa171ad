/* ui_fixforms.c: the correction forms of a lab result, an imaging note, an
 * infusion and an adverse event — four field tables over the stored record
 * on the form engine; each save asks for the reason (the engine's reason
 * prompt) and stores the correction with the version read, through the
 * same use cases as the command line. */
#include "ui_fixforms.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ae.h"
#include "analyte.h"
#include "imaging.h"
#include "infusion.h"
#include "lab.h"
#include "sae.h"
#include "store_aefix.h"
#include "store_eval.h"
#include "store_fix.h"
#include "store_followup.h"
#include "store_imgfix.h"
#include "store_infix.h"
#include "uc_ae.h"
#include "uc_infusion.h"
#include "uc_lab.h"
#include "ui_formdef.h"
#include "util.h"
#include "visit.h"

static const enum ui_action fx_hints[] = {ACT_HELP, ACT_NEXT, ACT_SAVE, ACT_BACK, ACT_NONE};
static const enum ui_action fx_choice_hints[] = {ACT_HELP, ACT_NEXT, ACT_CHOOSE,
						 ACT_SAVE, ACT_BACK, ACT_NONE};

static int64_t version_of(const struct ui_fform *ff, const void *rec)
{
	return *(const int64_t *)((const char *)rec + ff->def->version_off);
}

/* The engine's reason prompt is how a save asks why: the first save (s: the
 * stored record read into ff->theirs) shows both versions when it moved on
 * since the form (or its draft) began, else says what the reason is for;
 * the second (confirmed, with the reason) stores. */
static enum status need_reason(struct ui_fform *ff, enum status s, const char *what, struct err *e)
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

/* --- a lab result --- */

enum { LF_VALUE, LF_DATE, LF_N };

static enum status lab_value(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			     struct err *e)
{
	struct lab_result *r = ff->rec, x;
	enum unit_system u = UNITS_US;
	bool log10 = strcmp(r->unit, LAB_UNIT_LOG10) == 0;
	if (!log10 && !analyte_unit_parse(r->analyte, r->unit, &u))
		u = UNITS_US;
	memset(&x, 0, sizeof x);
	enum status s = log10 ? lab_entry_log10(r->analyte, t, false, &x, e)
			      : lab_entry(r->analyte, u, t, false, &x, e);
	if (s == ST_CONFIRM) { /* the engine asks; the values are those typed */
		struct err ignored = {""};
		if (log10)
			lab_entry_log10(r->analyte, t, true, &x, &ignored);
		else
			lab_entry(r->analyte, u, t, true, &x, &ignored);
	}
	if (s == ST_OK || s == ST_CONFIRM) {
		r->value = x.value;
		r->canonical = x.canonical;
		r->flag = x.flag;
		r->confirmed = x.confirmed || s == ST_CONFIRM;
		strlcpy_(r->unit, x.unit, sizeof r->unit);
	}
	return s;
}

static const struct ui_fielddef lab_fields[LF_N] = {
    {.label = "Value",
     .kind = FK_TEXT,
     .hint = "in the unit shown",
     .width = 12,
     .max = 16,
     .check = lab_value},
    {.label = "Collection date",
     .name = "collection date",
     .kind = FK_DATE,
     .hint = "YYYY-MM-DD",
     .width = 12,
     .max = 10,
     .off = offsetof(struct lab_result, date)},
};

static enum status lab_theirs(struct ui_fform *ff, struct ui *ui, struct err *e)
{
	const struct lab_result *r = ff->rec;
	struct lab_entry_row row;
	enum status s = store_lab_get(ui->app->st, r->patient_id, r->id, &row, e);
	if (s == ST_OK)
		*(struct lab_result *)ff->theirs = row.r;
	return s;
}

static enum status lab_save(struct ui_fform *ff, struct ui *ui, bool confirmed, struct err *e)
{
	struct lab_result *r = ff->rec;
	char d[16];
	if (!confirmed || !ff->reason[0])
		return need_reason(ff, lab_theirs(ff, ui, e), "lab result", e);
	enum status s = uc_lab_correct(ui->app->st, &ui->app->cfg, r, ff->reason, true, e);
	if (s == ST_OK)
		ui_msg(ui, ROLE_OK, "corrected lab result %lld (%s) of %s: %g %s, now version %lld",
		       (long long)r->id, analyte_get(r->analyte)->key, date_format(r->date, d),
		       r->value, r->unit, (long long)r->version);
	return s;
}

static void lab_describe(const struct ui_fform *ff, const void *rec, char *buf, size_t n)
{
	const struct lab_result *r = rec;
	char d[16];
	snprintf(buf, n, "v%lld %s %g %s on %s", (long long)r->version,
		 analyte_get(r->analyte)->key, r->value, r->unit, date_format(r->date, d));
}

static const struct ui_formdef lab_def = {
    .kind = DRAFT_LAB_CORRECT,
    .title = "Correct lab result",
    .noun = "lab result",
    .heading = "Correct the lab result",
    .help = "Correct a lab result typed wrong: its value (in the unit it was entered in) or "
	    "its collection date (a visit's result keeps the visit's day). The same limits as "
	    "a new result apply. {SAVE} asks why, then saves a new version; the old one is kept "
	    "in the audit trail.",
    .hints = fx_hints,
    .fields = lab_fields,
    .n = LF_N,
    .rec_size = sizeof(struct lab_result),
    .version_off = offsetof(struct lab_result, version),
    .save = lab_save,
    .confirm_reason = true,
    .describe = lab_describe,
};

static bool open_lab(struct ui_fform *ff, struct ui *ui, struct err *e)
{
	struct lab_entry_row row;
	char buf[32];
	enum status s = store_lab_get(ui->app->st, ff->patient_id, ff->record_id, &row, e);
	if (s == ST_OK && row.voided)
		s = err_set(e, ST_INVALID, "it was voided (%s)", row.void_reason);
	if (s != ST_OK)
		return false;
	*(struct lab_result *)ff->rec = row.r;
	snprintf(ff->heading, sizeof ff->heading, "Correct %s (%s) of %s, v%lld",
		 analyte_get(row.r.analyte)->label, row.r.unit[0] ? row.r.unit : "no unit",
		 date_format(row.r.date, buf), (long long)row.r.version);
	snprintf(buf, sizeof buf, "%g", row.r.value);
	ui_fform_set(ff, LF_VALUE, buf);
	return true;
}

/* --- an imaging note --- */

enum { IF_DATE, IF_HCC, IF_THROMBOSIS, IF_ASCITES, IF_STIFFNESS, IF_NOTE, IF_N };

static const char *finding_label(int i)
{
	return finding_str((enum finding)(i - 1)); /* FIND_NA is -1 */
}

/* A finding chosen: the choice is the finding + 1. */
static enum status img_finding(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			       struct err *e)
{
	struct imaging_note *n = ff->rec;
	int i = (int)(fd - ff->def->fields);
	enum finding f = (enum finding)(ui_fform_choice(ff, i) - 1);
	if (ui_fform_choice(ff, i) < 0)
		f = FIND_NA;
	if (i == IF_HCC)
		n->hcc = f;
	else if (i == IF_THROMBOSIS)
		n->thrombosis = f;
	else
		n->ascites = f;
	return ST_OK;
}

static enum status img_stiffness(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
				 struct err *e)
{
	struct imaging_note *n = ff->rec;
	n->stiffness_kpa = NAN;
	if (!*t)
		return ST_OK;
	enum status s = vital_parse(VITAL_STIFFNESS, t, false, &n->stiffness_kpa, e);
	if (s == ST_CONFIRM) {
		struct err ignored = {""};
		vital_parse(VITAL_STIFFNESS, t, true, &n->stiffness_kpa, &ignored);
	}
	if ((s == ST_OK || s == ST_CONFIRM) && !isnan(n->iqr_kpa) && n->iqr_kpa > n->stiffness_kpa)
		return err_set(e, ST_INVALID,
			       "stiffness: the stored IQR %g kPa exceeds %s kPa; correct it "
			       "from the command line (imaging correct --iqr)",
			       n->iqr_kpa, t);
	return s;
}

static enum status img_note(const char *t, struct err *e)
{
	return visit_check_note(t, e);
}

#define FINDING(label_)                                                                         \
	{                                                                                       \
		.label = label_, .kind = FK_CHOICE, .width = 14, .choice_label = finding_label, \
		.nchoices = 3, .check = img_finding                                             \
	}
static const struct ui_fielddef img_fields[IF_N] = {
    {.label = "Imaging date",
     .name = "imaging date",
     .kind = FK_DATE,
     .hint = "YYYY-MM-DD",
     .width = 12,
     .max = 10,
     .off = offsetof(struct imaging_note, date)},
    FINDING("HCC"),
    FINDING("Portal/hepatic vein thrombosis"),
    FINDING("Ascites"),
    {.label = "Liver stiffness",
     .kind = FK_TEXT,
     .vital = UI_VITAL(VITAL_STIFFNESS),
     .unit = "kPa",
     .hint = "empty: not measured",
     .width = 8,
     .max = 8,
     .optional = true,
     .check = img_stiffness},
    {.label = "Note",
     .kind = FK_MEMO,
     .width = 50,
     .rows = 2,
     .optional = true,
     .off = offsetof(struct imaging_note, note),
     .size = sizeof(((struct imaging_note *)0)->note),
     .text = img_note},
};
#undef FINDING

static enum status img_theirs(struct ui_fform *ff, struct ui *ui, struct err *e)
{
	const struct imaging_note *n = ff->rec;
	struct imaging_entry_row row;
	enum status s = store_imaging_get(ui->app->st, n->patient_id, n->id, &row, e);
	if (s == ST_OK)
		*(struct imaging_note *)ff->theirs = row.n;
	return s;
}

static enum status img_save(struct ui_fform *ff, struct ui *ui, bool confirmed, struct err *e)
{
	struct imaging_note *n = ff->rec;
	char d[16];
	if (!confirmed || !ff->reason[0])
		return need_reason(ff, img_theirs(ff, ui, e), "imaging note", e);
	if (lirads_needs_action(n->lirads) && n->hcc == FIND_NA)
		n->hcc = FIND_YES;
	enum status s = store_imaging_fix(ui->app->st, n, ff->reason, e);
	if (s == ST_OK)
		ui_msg(ui, ROLE_OK, "corrected imaging note %lld (%s) of %s, now version %lld",
		       (long long)n->id, modality_str(n->modality), date_format(n->date, d),
		       (long long)n->version);
	return s;
}

static void img_describe(const struct ui_fform *ff, const void *rec, char *buf, size_t n)
{
	const struct imaging_note *x = rec;
	char d[16];
	snprintf(buf, n, "v%lld %s %s: HCC %s, thrombosis %s, ascites %s, %.1f kPa",
		 (long long)x->version, modality_str(x->modality), date_format(x->date, d),
		 finding_str(x->hcc), finding_str(x->thrombosis), finding_str(x->ascites),
		 x->stiffness_kpa);
}

static const struct ui_formdef img_def = {
    .kind = DRAFT_IMAGING_CORRECT,
    .title = "Correct imaging note",
    .noun = "imaging note",
    .heading = "Correct the imaging note",
    .help = "Correct an imaging note: its date, the findings (not assessed, no, yes), the "
	    "liver stiffness (empty: not measured) and the note. {SAVE} asks why, then saves a "
	    "new version; the old one is kept in the audit trail.",
    .hints = fx_choice_hints,
    .fields = img_fields,
    .n = IF_N,
    .rec_size = sizeof(struct imaging_note),
    .version_off = offsetof(struct imaging_note, version),
    .note_max = IMAGING_NOTE_MAX,
    .save = img_save,
    .confirm_reason = true,
    .describe = img_describe,
};

static bool open_imaging(struct ui_fform *ff, struct ui *ui, struct err *e)
{
	struct imaging_entry_row row;
	char buf[32] = "";
	enum status s = store_imaging_get(ui->app->st, ff->patient_id, ff->record_id, &row, e);
	if (s == ST_OK && row.voided)
		s = err_set(e, ST_INVALID, "it was voided (%s)", row.void_reason);
	if (s != ST_OK)
		return false;
	*(struct imaging_note *)ff->rec = row.n;
	snprintf(ff->heading, sizeof ff->heading, "Correct the %s note of %s, v%lld",
		 modality_str(row.n.modality), date_format(row.n.date, buf),
		 (long long)row.n.version);
	ui_fform_choose(ff, IF_HCC, (int)row.n.hcc + 1);
	ui_fform_choose(ff, IF_THROMBOSIS, (int)row.n.thrombosis + 1);
	ui_fform_choose(ff, IF_ASCITES, (int)row.n.ascites + 1);
	buf[0] = '\0';
	if (!isnan(row.n.stiffness_kpa))
		snprintf(buf, sizeof buf, "%g", row.n.stiffness_kpa);
	ui_fform_set(ff, IF_STIFFNESS, buf);
	return true;
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
		return need_reason(ff, inf_theirs(ff, ui, e), "infusion", e);
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

static const struct ui_formdef inf_def = {
    .kind = DRAFT_INFUSION_CORRECT,
    .title = "Correct infusion",
    .noun = "infusion",
    .heading = "Correct the infusion",
    .help = "Correct an infusion typed wrong: the time, the cells given, the product lot, who "
	    "gave it, a reaction within 24 hours, the note. The dose, interval and lot are "
	    "checked again against the infusion's plan where a value changed; a dose outside "
	    "the plan's tolerance is refused. {SAVE} asks why, then saves a new version; the "
	    "old one is kept in the audit trail.",
    .hints = fx_hints,
    .fields = inf_fields,
    .n = NF_N,
    .rec_size = sizeof(struct infusion),
    .version_off = offsetof(struct infusion, version),
    .note_max = INFUSION_NOTE_MAX,
    .save = inf_save,
    .confirm_reason = true,
    .describe = inf_describe,
};

static bool open_infusion(struct ui_fform *ff, struct ui *ui, struct err *e)
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
		return need_reason(ff,
				   store_ae_get(ui->app->st, a->patient_id, a->id, ff->theirs, e),
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

static const struct ui_formdef ae_def = {
    .kind = DRAFT_AE_CORRECT,
    .title = "Correct adverse event",
    .noun = "adverse event",
    .heading = "Correct the adverse event",
    .help = "Correct an adverse event's details: the CTCAE term and grade, the onset, the "
	    "relation to the infusion and whether it is serious. The rules of a new event "
	    "apply (an event with reports on its clock stays serious). {SAVE} asks why, then "
	    "saves a new version; the old one is kept in the audit trail.",
    .hints = fx_choice_hints,
    .fields = ae_fields,
    .n = AF_N,
    .rec_size = sizeof(struct ae),
    .version_off = offsetof(struct ae, version),
    .note_max = AE_NOTE_MAX,
    .save = ae_save,
    .confirm_reason = true,
    .describe = ae_describe,
};

static bool open_ae(struct ui_fform *ff, struct ui *ui, struct err *e)
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

/* --- the table of kinds --- */

static const struct {
	const struct ui_formdef *def;
	size_t rec_size;
	bool (*open)(struct ui_fform *ff, struct ui *ui, struct err *e);
	const char *noun;
} kinds[UI_FIX_COUNT] = {
    [UI_FIX_LAB] = {&lab_def, sizeof(struct lab_result), open_lab, "lab result"},
    [UI_FIX_IMAGING] = {&img_def, sizeof(struct imaging_note), open_imaging, "imaging note"},
    [UI_FIX_INFUSION] = {&inf_def, sizeof(struct infusion), open_infusion, "infusion"},
    [UI_FIX_AE] = {&ae_def, sizeof(struct ae), open_ae, "adverse event"},
};

enum draft_kind ui_fix_draft_kind(enum ui_fix_kind k)
{
	return k < UI_FIX_COUNT ? kinds[k].def->kind : DRAFT_KIND_NONE;
}

enum ui_fix_kind ui_fix_of_draft(enum draft_kind d)
{
	for (int k = 0; k < UI_FIX_COUNT; k++)
		if (kinds[k].def->kind == d)
			return (enum ui_fix_kind)k;
	return UI_FIX_COUNT;
}

struct ui_screen *ui_fix_form_new(struct ui *ui, enum ui_fix_kind k, int64_t patient_id,
				  int64_t record_id, bool resume)
{
	struct err e = {""};
	if (k >= UI_FIX_COUNT)
		return NULL;
	struct ui_fform *ff = ui_fform_new(kinds[k].def, ui, patient_id, record_id, 0);
	if (!kinds[k].open(ff, ui, &e)) {
		ui_msg(ui, ROLE_CRITICAL, "cannot correct the %s: %s", kinds[k].noun,
		       err_why(&e, ST_INVALID));
		ui_fform_free(ff);
		return NULL;
	}
	ui_fform_fill(ff);
	return ui_fform_ready(ff, ui, resume);
}
