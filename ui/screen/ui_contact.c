/* ui_contact.c: the survival contact form — a field table over struct
 * lt_contact and its save, on the form engine (ui_formdef) — and the same
 * table with a "Why corrected" field to correct a recorded contact. */
#include "ui_contact.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "longterm.h"
#include "store.h"
#include "store_longterm.h"
#include "text.h"
#include "ui_formdef.h"
#include "util.h"
#include "visit.h"

enum {
	CF_DATE,
	CF_PHONE,
	CF_VITAL,
	CF_DEATH_DATE,
	CF_CAUSE,
	CF_TRANSPLANT,
	CF_TRANSPLANT_DATE,
	CF_HCC,
	CF_HCC_DATE,
	CF_DECOMP, /* then one field per decompensation event */
	CF_DECOMP_DATE = CF_DECOMP + LT_DECOMP_COUNT,
	CF_ADMISSIONS,
	CF_NOTE,
	CF_REASON, /* the correction form only */
	CF_N
};

/* A correction: the contact as stored and why it is corrected. */
struct cctx {
	struct lt_contact orig;
	char why[SCHEDULE_REASON_MAX + 1];
};

static const char *yesno_label(int i)
{
	return i == 1 ? "yes" : "no";
}

static const char *vital_label(int i)
{
	return i == 1 ? "dead" : "alive";
}

static enum status check_phone(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			       struct err *e)
{
	((struct lt_contact *)ff->rec)->phone = ui_fform_choice(ff, CF_PHONE) == 1;
	return ST_OK;
}

static enum status check_vital(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			       struct err *e)
{
	((struct lt_contact *)ff->rec)->dead = ui_fform_choice(ff, CF_VITAL) == 1;
	return ST_OK;
}

static enum status check_cause(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			       struct err *e)
{
	struct lt_contact *c = ff->rec;
	if (strlen(t) > LT_CAUSE_MAX || !text_is_clean(t, false))
		return err_set(e, ST_INVALID, "cause: at most %d characters of text", LT_CAUSE_MAX);
	strlcpy_(c->cause, t, sizeof c->cause);
	return ST_OK;
}

static enum status check_decomp(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
				struct err *e)
{
	struct lt_contact *c = ff->rec;
	for (int k = 0; k < LT_DECOMP_COUNT; k++)
		c->decomp[k] = ui_fform_choice(ff, CF_DECOMP + k) == 1;
	return ST_OK;
}

static enum status check_admissions(struct ui_fform *ff, const struct ui_fielddef *fd,
				    const char *t, struct err *e)
{
	return lt_parse_admissions(t, &((struct lt_contact *)ff->rec)->admissions, e);
}

static enum status check_note(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			      struct err *e)
{
	struct lt_contact *c = ff->rec;
	enum status s = visit_check_note(t, e);
	if (s == ST_OK)
		strlcpy_(c->note, t, sizeof c->note);
	return s;
}

static enum status check_reason(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
				struct err *e)
{
	struct cctx *x = ff->ctx;
	if (!*t || strlen(t) > SCHEDULE_REASON_MAX || !text_is_clean(t, false))
		return err_set(e, ST_INVALID, "reason: required, 1-%d characters of text",
			       SCHEDULE_REASON_MAX);
	strlcpy_(x->why, t, sizeof x->why);
	return ST_OK;
}

#define LT_(m) offsetof(struct lt_contact, m)
#define DATE_FIELD(lbl, nm, member)                                                     \
	{                                                                               \
		.label = lbl, .name = nm, .kind = FK_DATE,                              \
		.hint = "YYYY-MM-DD; empty: the contact's day", .width = 12, .max = 10, \
		.optional = true, .off = LT_(member)                                    \
	}
#define FINDING_FIELD(lbl, member)                                                            \
	{                                                                                     \
		.label = lbl, .kind = FK_CHOICE, .width = 12, .off = LT_(member),             \
		.choice_label = yesno_label, .nchoices = 2, .none = "not asked", .first = -1, \
		.optional = true                                                              \
	}
#define DECOMP_FIELD(lbl)                                                                 \
	{                                                                                 \
		.label = lbl, .kind = FK_CHOICE, .width = 6, .choice_label = yesno_label, \
		.nchoices = 2, .first = 0, .check = check_decomp                          \
	}
static const struct ui_fielddef cf_fields[CF_N] = {
    {.label = "Contact date",
     .name = "contact date",
     .kind = FK_DATE,
     .hint = "YYYY-MM-DD",
     .width = 12,
     .max = 10,
     .off = LT_(date)},
    {.label = "By phone",
     .kind = FK_CHOICE,
     .width = 6,
     .choice_label = yesno_label,
     .nchoices = 2,
     .first = 1,
     .check = check_phone},
    {.label = "Vital status",
     .kind = FK_CHOICE,
     .width = 8,
     .choice_label = vital_label,
     .nchoices = 2,
     .first = 0,
     .check = check_vital},
    DATE_FIELD("Died on", "death date", death_date),
    {.label = "Cause of death",
     .kind = FK_TEXT,
     .hint = "required when dead",
     .width = 40,
     .max = LT_CAUSE_MAX,
     .optional = true,
     .check = check_cause},
    FINDING_FIELD("Transplanted", transplant),
    DATE_FIELD("Transplant on", "transplant date", transplant_date),
    FINDING_FIELD("New HCC", hcc),
    DATE_FIELD("HCC found on", "HCC date", hcc_date),
    DECOMP_FIELD("Variceal bleed"),
    DECOMP_FIELD("SBP"),
    DECOMP_FIELD("HE admission"),
    DECOMP_FIELD("Refract. ascites"),
    DECOMP_FIELD("HRS"),
    DATE_FIELD("First began on", "decompensation date", decomp_date),
    {.label = "Admissions",
     .kind = FK_TEXT,
     .unit = "since the last contact",
     .hint = "0-30; empty: not asked",
     .width = 4,
     .max = 4,
     .optional = true,
     .check = check_admissions},
    {.label = "Note",
     .kind = FK_MEMO,
     .width = 50,
     .rows = 1,
     .optional = true,
     .check = check_note},
    {.label = "Why corrected",
     .kind = FK_TEXT,
     .hint = "required",
     .width = 40,
     .max = SCHEDULE_REASON_MAX,
     .check = check_reason},
};
#undef DECOMP_FIELD
#undef FINDING_FIELD
#undef DATE_FIELD
#undef LT_

static enum status cf_save(struct ui_fform *ff, struct ui *ui, bool confirmed, struct err *e)
{
	struct lt_contact *c = ff->rec;
	char d[16];
	c->patient_id = ff->patient_id;
	enum status s = store_contact_add(ui->app->st, c, ff->today, e);
	if (s == ST_OK)
		ui_msg(ui, ROLE_OK, "recorded the contact of %s (%s): %s%s%s",
		       date_format(c->date, d), *c->item_label ? c->item_label : "unscheduled",
		       c->dead ? "dead; the schedule is closed" : "alive",
		       c->transplant == FIND_YES ? ", transplanted" : "",
		       lt_contact_decompensated(c) ? ", decompensated" : "");
	return s;
}

static const enum ui_action cf_hints[] = {ACT_HELP, ACT_NEXT, ACT_CHOOSE,
					  ACT_SAVE, ACT_BACK, ACT_NONE};

static const struct ui_formdef cf_def = {
    .kind = DRAFT_CONTACT,
    .title = "Survival contact",
    .noun = "contact",
    .heading = "Survival contact (long-term follow-up)",
    .help = "Record a survival contact, by phone or in person: vital status (dead needs the "
	    "date and the cause, and records the patient as deceased), a liver transplant "
	    "(records the status transplanted), a new HCC, each decompensation event since the "
	    "last contact with the day the first began, and hospital admissions. An empty date "
	    "is the contact's day. The contact closes the scheduled one whose window holds its "
	    "date. {SAVE} saves.",
    .hints = cf_hints,
    .fields = cf_fields,
    .n = CF_REASON,
    .rec_size = sizeof(struct lt_contact),
    .version_off = offsetof(struct lt_contact, version),
    .note_max = LT_NOTE_MAX,
    .save = cf_save,
};

static enum status cc_save(struct ui_fform *ff, struct ui *ui, bool confirmed, struct err *e)
{
	struct cctx *x = ff->ctx;
	struct lt_contact *c = ff->rec;
	struct err e2 = {""};
	char d[16];
	c->id = x->orig.id;
	c->patient_id = x->orig.patient_id;
	enum status s = store_contact_correct(ui->app->st, c, x->why, ff->today, e);
	if (s == ST_CONFLICT &&
	    store_contact_get(ui->app->st, c->patient_id, c->id, ff->theirs, &e2) != ST_OK)
		return err_set(e, ST_CONFLICT, "%s; %s", e->msg, e2.msg);
	if (s == ST_OK)
		ui_msg(ui, ROLE_OK, "corrected contact %lld of %s, now version %lld: %s%s%s",
		       (long long)c->id, date_format(c->date, d), (long long)c->version,
		       c->dead ? "dead" : "alive",
		       c->transplant == FIND_YES ? ", transplanted" : "",
		       lt_contact_decompensated(c) ? ", decompensated" : "");
	return s;
}

/* One line of a contact, for the two versions of a conflict. */
static void cc_describe(const struct ui_fform *ff, const void *rec, char *buf, size_t n)
{
	const struct lt_contact *c = rec;
	char d[16];
	snprintf(buf, n, "v%lld %s %s%s%s, admissions %d, note \"%.40s\"", (long long)c->version,
		 date_format(c->date, d), c->dead ? "dead" : "alive",
		 c->transplant == FIND_YES ? ", transplanted" : "",
		 lt_contact_decompensated(c) ? ", decompensated" : "", c->admissions, c->note);
}

static const struct ui_formdef cc_def = {
    .kind = DRAFT_CONTACT_CORRECT,
    .title = "Correct contact",
    .noun = "contact",
    .heading = "Correct the survival contact: change what was wrong and say why",
    .help = "Correct a recorded survival contact: any answer, a date, the admissions or the "
	    "note; say why in 'Why corrected'. The same checks as a new contact. A death or a "
	    "transplant it now records becomes the patient's status; one it recorded already "
	    "cannot be taken back here (the status history keeps it). It stays the same "
	    "scheduled contact. {SAVE} saves a new version; the old one is kept in the audit "
	    "trail. If someone else corrected it since you opened it, both versions are shown: "
	    "y keeps yours, n theirs.",
    .hints = cf_hints,
    .fields = cf_fields,
    .n = CF_N,
    .rec_size = sizeof(struct lt_contact),
    .version_off = offsetof(struct lt_contact, version),
    .note_max = LT_NOTE_MAX,
    .save = cc_save,
    .describe = cc_describe,
};

static struct ui_screen *open_form(struct ui *ui, int64_t patient_id, bool resume)
{
	struct ui_fform *ff = ui_fform_new(&cf_def, ui, patient_id, 0, 0);
	struct lt_contact *c = ff->rec;
	char d[16];
	lt_contact_init(c);
	c->patient_id = patient_id;
	c->date = ff->today;
	ui_fform_fill(ff);
	ui_fform_set(ff, CF_DATE, date_format(ff->today, d));
	return ui_fform_ready(ff, ui, resume);
}

struct ui_screen *ui_contact_new(struct ui *ui, int64_t patient_id)
{
	return open_form(ui, patient_id, false);
}

struct ui_screen *ui_contact_resume(struct ui *ui, int64_t patient_id)
{
	return open_form(ui, patient_id, true);
}

/* The stored contact in the fields the engine does not fill itself. */
static void fill_rest(struct ui_fform *ff, const struct lt_contact *c)
{
	char buf[16] = "";
	ui_fform_choose(ff, CF_PHONE, c->phone);
	ui_fform_choose(ff, CF_VITAL, c->dead);
	for (int k = 0; k < LT_DECOMP_COUNT; k++)
		ui_fform_choose(ff, CF_DECOMP + k, c->decomp[k]);
	ui_fform_set(ff, CF_CAUSE, c->cause);
	if (c->admissions >= 0)
		snprintf(buf, sizeof buf, "%d", c->admissions);
	ui_fform_set(ff, CF_ADMISSIONS, buf);
	ui_fform_set(ff, CF_NOTE, c->note);
}

static struct ui_screen *open_correct(struct ui *ui, int64_t patient_id, int64_t contact_id,
				      bool resume)
{
	struct err e = {""};
	struct ui_fform *ff =
	    ui_fform_new(&cc_def, ui, patient_id, contact_id, sizeof(struct cctx));
	struct cctx *x = ff->ctx;
	enum status s = store_contact_get(ui->app->st, patient_id, contact_id, &x->orig, &e);
	if (s == ST_OK && *x->orig.void_reason)
		s = err_set(&e, ST_DUPLICATE, "contact %lld is voided", (long long)contact_id);
	if (s != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "cannot correct the contact: %s", err_why(&e, s));
		ui_fform_free(ff);
		return NULL;
	}
	*(struct lt_contact *)ff->rec = x->orig;
	ui_fform_fill(ff);
	fill_rest(ff, &x->orig);
	return ui_fform_ready(ff, ui, resume);
}

struct ui_screen *ui_contact_correct_new(struct ui *ui, int64_t patient_id, int64_t contact_id)
{
	return open_correct(ui, patient_id, contact_id, false);
}

struct ui_screen *ui_contact_correct_resume(struct ui *ui, int64_t patient_id, int64_t contact_id)
{
	return open_correct(ui, patient_id, contact_id, true);
}
