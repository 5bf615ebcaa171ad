/* ui_patient_form.c: registering a patient and editing one's details — a
 * field table over struct patient and its save, on the form engine. */
#include "ui_patient_form.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "store.h"
#include "ui_formdef.h"
#include "util.h"

enum { PF_MRN, PF_NAME, PF_DOB, PF_SEX, PF_ETIOLOGY, PF_WEIGHT, PF_N };
#define PF_ETIOLOGY_MAX 16

/* The model's codes are 'F' and 'M' (patient_check_sex); this is how they
 * are offered. */
static const char *const sexes[] = {"F (female)", "M (male)"};

/* The etiology list as offered ("K70.3 Alcohol-related cirrhosis"); when
 * editing, the stored weight as shown and its day, so an unchanged weight
 * keeps the day it was measured. */
struct pctx {
	char text[PF_ETIOLOGY_MAX][96];
	const char *items[PF_ETIOLOGY_MAX];
	const struct etiology *etio;
	size_t n;
	bool edit;
	char weight_was[16];
	day_t weight_date_was;
};

static const char *sex_label(int i)
{
	return sexes[i];
}

static enum status check_dob(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			     struct err *e)
{
	return patient_check_dob(t, ff->today, &((struct patient *)ff->rec)->dob, e);
}

static enum status check_sex(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			     struct err *e)
{
	int c = ui_fform_choice(ff, PF_SEX);
	char code[2] = {c >= 0 ? sexes[c][0] : '\0', '\0'};
	return patient_check_sex(code, &((struct patient *)ff->rec)->sex, e);
}

static enum status check_etiology(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
				  struct err *e)
{
	struct pctx *c = ff->ctx;
	struct patient *p = ff->rec;
	int i = ui_fform_choice(ff, PF_ETIOLOGY);
	strlcpy_(p->etiology, i >= 0 ? c->etio[i].code : "", sizeof p->etiology);
	return patient_check_etiology(p->etiology, e);
}

static enum status check_weight(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
				struct err *e)
{
	struct pctx *c = ff->ctx;
	struct patient *p = ff->rec;
	p->weight_kg = NAN;
	p->weight_date = DAY_NONE;
	if (!*t)
		return ST_OK;
	enum status s = patient_check_weight(t, &p->weight_kg, e);
	p->weight_date = c->edit && strcmp(t, c->weight_was) == 0 ? c->weight_date_was : ff->today;
	return s;
}

#define PO(m) offsetof(struct patient, m)
static const struct ui_fielddef pf_fields[PF_N] = {
    {.label = "MRN",
     .kind = FK_TEXT,
     .hint = "letters, digits, '-'",
     .width = 22,
     .max = PATIENT_MRN_MAX,
     .off = PO(mrn),
     .size = PATIENT_MRN_MAX + 1,
     .text = patient_check_mrn},
    {.label = "Name",
     .kind = FK_TEXT,
     .hint = "LAST, First",
     .width = 40,
     .max = PATIENT_NAME_MAX,
     .off = PO(name),
     .size = PATIENT_NAME_MAX + 1,
     .text = patient_check_name},
    {.label = "Date of birth",
     .kind = FK_DATE,
     .hint = "YYYY-MM-DD",
     .width = 12,
     .max = 10,
     .off = PO(dob),
     .check = check_dob},
    {.label = "Sex",
     .kind = FK_CHOICE,
     .hint = "F or M",
     .width = 16,
     .choice_label = sex_label,
     .nchoices = 2,
     .first = -1,
     .check = check_sex},
    {.label = "Etiology",
     .kind = FK_CHOICE,
     .hint = "optional; {=CHOOSE}",
     .width = 44,
     .none = "not given",
     .first = -1,
     .check = check_etiology},
    {.label = "Weight",
     .kind = FK_NUMBER,
     .vital = UI_VITAL(VITAL_WEIGHT),
     .width = 8,
     .max = 8,
     .optional = true,
     .check = check_weight},
};
#undef PO

static void pf_describe(const struct ui_fform *ff, const void *rec, char *buf, size_t n)
{
	const struct patient *p = rec;
	char dob[16], w[24] = "no weight";
	if (!isnan(p->weight_kg))
		snprintf(w, sizeof w, "%.1f kg", p->weight_kg);
	snprintf(buf, n, "%s, %s, %s, %c, %s, %s", p->mrn, p->name, date_format(p->dob, dob),
		 p->sex, p->etiology[0] ? p->etiology : "no etiology", w);
}

static enum status pf_save(struct ui_fform *ff, struct ui *ui, bool confirmed, struct err *e)
{
	struct pctx *c = ff->ctx;
	struct patient *p = ff->rec;
	enum status s = patient_validate(p, ff->today, e);
	if (s == ST_OK)
		s = c->edit
			? store_patient_update(ui->app->st, p, ff->theirs, e)
			: store_patient_register(ui->app->st, p,
						 confirmed && ff->reason[0] ? ff->reason : NULL, e);
	if (s == ST_DUPLICATE)
		ff->form.focus = PF_MRN;
	if (s == ST_OK)
		ui_msg(ui, ROLE_OK, "%s %s %s", c->edit ? "saved" : "registered", p->mrn, p->name);
	return s;
}

/* A registration goes on to the new patient's overview. */
static void pf_after(struct ui_fform *ff, struct ui *ui)
{
	char msg[UI_MSG_MAX];
	if (((struct pctx *)ff->ctx)->edit)
		return;
	strlcpy_(msg, ui->msg, sizeof msg);
	struct ui_screen *ov = ui_open_patient(ui, ((struct patient *)ff->rec)->id);
	if (ov)
		ui_push(ui, ov);
	ui_msg(ui, ROLE_OK, "%s", msg);
}

static const enum ui_action pf_hints[] = {ACT_HELP, ACT_NEXT, ACT_SAVE, ACT_BACK, ACT_NONE};

#define PF_HELP                                                                               \
	"Register a patient. Each field is checked when you leave it ({NEXT}, {ENTER}, "      \
	"{DOWN}): a refused value is marked '! invalid' with the reason on the message "      \
	"line; an unusual one (a weight outside its usual range, an age under 18) asks y/n. " \
	"Sex and etiology are choices: {CHOOSE} change it, a letter jumps. Weight is "        \
	"optional. Nothing is stored until every field is valid and you press {SAVE}. In a "  \
	"text field letters are typed, so use {HELP} for help, {LOOKUP} to find a patient "   \
	"and {BACK} to leave."

#define PF_DEF(t, h)                                                                \
	{                                                                           \
		.kind = DRAFT_PATIENT, .title = t, .noun = "patient", .heading = h, \
		.help = PF_HELP, .hints = pf_hints, .fields = pf_fields, .n = PF_N, \
		.rec_size = sizeof(struct patient),                                 \
		.version_off = offsetof(struct patient, version), .save = pf_save,  \
		.describe = pf_describe, .after = pf_after, .confirm_reason = true  \
	}
static const struct ui_formdef pf_new_def = PF_DEF("New patient", "New patient");
static const struct ui_formdef pf_edit_def = PF_DEF("Edit patient", "Edit patient");

static struct ui_fform *pf_open(struct ui *ui, const struct ui_formdef *def, int64_t patient_id)
{
	struct ui_fform *ff = ui_fform_new(def, ui, patient_id, 0, sizeof(struct pctx));
	struct pctx *c = ff->ctx;
	struct patient *p = ff->rec;
	p->weight_kg = NAN;
	p->weight_date = DAY_NONE;
	c->etio = etiology_list(&c->n);
	c->n = c->n > PF_ETIOLOGY_MAX ? PF_ETIOLOGY_MAX : c->n;
	for (size_t i = 0; i < c->n; i++) {
		snprintf(c->text[i], sizeof c->text[i], "%s %s", c->etio[i].code, c->etio[i].name);
		c->items[i] = c->text[i];
	}
	ui_fform_choices(ff, PF_ETIOLOGY, c->items, (int)c->n);
	return ff;
}

static struct ui_screen *new_form(struct ui *ui, bool resume)
{
	return ui_fform_ready(pf_open(ui, &pf_new_def, 0), ui, resume);
}

struct ui_screen *ui_patient_form_new(struct ui *ui)
{
	return new_form(ui, false);
}

struct ui_screen *ui_patient_form_resume(struct ui *ui)
{
	return new_form(ui, true);
}

/* The stored record in the fields. */
static void fill(struct ui_fform *ff, const struct patient *p)
{
	struct pctx *c = ff->ctx;
	ui_fform_fill(ff); /* MRN, name */
	ui_fform_set(ff, PF_DOB, date_format(p->dob, (char[16]){0}));
	ui_fform_choose(ff, PF_SEX, p->sex == 'F' ? 0 : 1);
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->etio[i].code, p->etiology) == 0)
			ui_fform_choose(ff, PF_ETIOLOGY, (int)i);
	if (!isnan(p->weight_kg))
		snprintf(c->weight_was, sizeof c->weight_was, "%.1f", p->weight_kg);
	ui_fform_set(ff, PF_WEIGHT, c->weight_was);
	c->weight_date_was = p->weight_date;
}

static struct ui_screen *edit_form(struct ui *ui, int64_t patient_id, bool resume)
{
	struct err e = {""};
	struct patient p;
	if (store_patient_get(ui->app->st, patient_id, &p, &e) != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "%s", e.msg);
		return NULL;
	}
	struct ui_fform *ff = pf_open(ui, &pf_edit_def, patient_id);
	((struct pctx *)ff->ctx)->edit = true;
	*(struct patient *)ff->rec = p;
	fill(ff, &p);
	return ui_fform_ready(ff, ui, resume);
}

struct ui_screen *ui_patient_form_edit(struct ui *ui, int64_t patient_id)
{
	return edit_form(ui, patient_id, false);
}

struct ui_screen *ui_patient_form_edit_resume(struct ui *ui, int64_t patient_id)
{
	return edit_form(ui, patient_id, true);
}
