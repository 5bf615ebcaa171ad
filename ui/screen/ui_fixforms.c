/* ui_fixforms.c: the correction forms of a lab result and an imaging note
 * — field tables over the stored record on the form engine; each save asks
 * for the reason (ui_fix_need_reason) and stores the correction with the
 * version read, through the same use cases as the command line — and the
 * table of every correction form (the infusion's and the adverse event's
 * are in ui_fixtreat.c). */
#include "ui_fixforms.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyte.h"
#include "imaging.h"
#include "lab.h"
#include "store_fix.h"
#include "store_imgfix.h"
#include "uc_lab.h"
#include "ui_fixtreat.h"
#include "ui_formdef.h"
#include "util.h"
#include "visit.h"

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
		return ui_fix_need_reason(ff, lab_theirs(ff, ui, e), "lab result", e);
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
    .hints = ui_fix_hints,
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
		return ui_fix_need_reason(ff, img_theirs(ff, ui, e), "imaging note", e);
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
    .hints = ui_fix_choice_hints,
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

/* --- the table of kinds --- */

static const struct {
	const struct ui_formdef *def;
	bool (*open)(struct ui_fform *ff, struct ui *ui, struct err *e);
	const char *noun;
} kinds[UI_FIX_COUNT] = {
    [UI_FIX_LAB] = {&lab_def, open_lab, "lab result"},
    [UI_FIX_IMAGING] = {&img_def, open_imaging, "imaging note"},
    [UI_FIX_INFUSION] = {&ui_fix_infusion_def, ui_fix_open_infusion, "infusion"},
    [UI_FIX_AE] = {&ui_fix_ae_def, ui_fix_open_ae, "adverse event"},
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
