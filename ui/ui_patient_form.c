/* ui_patient_form.c: registering a new patient. */
#include "ui_patient_form.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "ui_dialog.h"
#include "ui_draft.h"
#include "ui_draw.h"
#include "ui_form.h"
#include "util.h"

enum { PF_MRN, PF_NAME, PF_DOB, PF_SEX, PF_ETIOLOGY, PF_WEIGHT, PF_N };
#define PF_ETIOLOGY_MAX 16

static const char *const sexes[] = {"F (female)", "M (male)"};

struct pform {
	struct ui_screen base;
	struct ui_form form;
	struct ui_form_field f[PF_N];
	struct patient p;
	day_t today;
	char etio_text[PF_ETIOLOGY_MAX][96];
	const char *etio_items[PF_ETIOLOGY_MAX];
	const struct etiology *etio;
	size_t netio;
	struct ui_draft draft;
	bool edit;	     /* editing a stored patient */
	char weight_was[16]; /* the stored weight as shown, to keep its date */
	day_t weight_date_was;
};

static const enum ui_action pf_hints[] = {ACT_HELP, ACT_NEXT, ACT_SAVE, ACT_BACK, ACT_NONE};

static enum status check_choice(struct pform *pf, int i, struct err *e)
{
	int c = pf->f[i].choice;
	if (i == PF_SEX) {
		char code[2] = {c >= 0 ? sexes[c][0] : '\0', '\0'};
		return patient_check_sex(code, &pf->p.sex, e);
	}
	pf->p.etiology[0] = '\0';
	if (c >= 0)
		strlcpy_(pf->p.etiology, pf->etio[c].code, sizeof pf->p.etiology);
	return patient_check_etiology(pf->p.etiology, e);
}

/* Each field through the model's own check; values land in pf->p. */
static enum status pf_check(void *owner, int i, bool confirmed, struct err *e)
{
	struct pform *pf = owner;
	const char *t = ui_form_text(&pf->form, i);
	enum status s = ST_OK;
	switch (i) {
	case PF_MRN:
		s = patient_check_mrn(t, e);
		strlcpy_(pf->p.mrn, t, sizeof pf->p.mrn);
		break;
	case PF_NAME:
		s = patient_check_name(t, e);
		strlcpy_(pf->p.name, t, sizeof pf->p.name);
		break;
	case PF_DOB:
		s = patient_check_dob(t, pf->today, &pf->p.dob, e);
		break;
	case PF_SEX:
	case PF_ETIOLOGY:
		return check_choice(pf, i, e);
	case PF_WEIGHT:
		pf->p.weight_kg = NAN;
		pf->p.weight_date = DAY_NONE;
		if (!*t)
			return ST_OK;
		s = patient_check_weight(t, &pf->p.weight_kg, e);
		/* An unchanged weight keeps the day it was measured. */
		pf->p.weight_date =
		    pf->edit && strcmp(t, pf->weight_was) == 0 ? pf->weight_date_was : pf->today;
		break;
	}
	return s == ST_CONFIRM && confirmed ? ST_OK : s;
}

static void pf_draw(struct ui_screen *s, struct ui *ui)
{
	struct pform *pf = (struct pform *)s;
	ui_put(ui->body, 0, 0, ui->cols, ROLE_TITLE, pf->edit ? "Edit patient" : "New patient");
	ui_put(ui->body, 1, 0, ui->cols, ROLE_DIM,
	       "Tab/Enter next field, Space lists the choices, F2 or Ctrl-S saves, Esc leaves");
	ui_form_draw(&pf->form, ui, 3);
}

static void pf_draft(struct ui_screen *s, struct ui *ui, bool keep)
{
	struct pform *pf = (struct pform *)s;
	struct strbuf sb;
	if (!keep) {
		ui_draft_drop(&pf->draft, ui);
		return;
	}
	sb_init(&sb);
	ui_form_encode(&pf->form, &sb);
	ui_draft_keep(&pf->draft, ui, sb_str(&sb));
	sb_done(&sb);
}

static void describe(const struct patient *p, char *buf, size_t n)
{
	char dob[16], w[24] = "no weight";
	if (!isnan(p->weight_kg))
		snprintf(w, sizeof w, "%.1f kg", p->weight_kg);
	snprintf(buf, n, "%s, %s, %s, %c, %s, %s", p->mrn, p->name, date_format(p->dob, dob),
		 p->sex, p->etiology[0] ? p->etiology : "no etiology", w);
}

static int pf_saved(struct pform *pf, struct ui *ui);

/* Someone saved the patient after this form read it: y keeps the nurse's
 * version (theirs stays in the audit trail), n takes theirs. */
static int conflict_answer(struct ui *ui, void *arg, bool yes)
{
	struct pform *pf = arg;
	struct err e = {""};
	struct patient theirs;
	if (!yes) {
		ui_draft_drop(&pf->draft, ui);
		pf->base.dirty = false;
		ui_pop(ui);
		ui_msg(ui, ROLE_HINT, "kept the other version; your changes were not saved");
		return UI_DONE;
	}
	enum status s = store_patient_update(ui->app->st, &pf->p, &theirs, &e);
	if (s != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "not saved: %s", err_why(&e, s));
		if (s == ST_CONFLICT)
			pf->p.version = theirs.version;
		return UI_DONE;
	}
	return pf_saved(pf, ui);
}

static void ask_conflict(struct pform *pf, struct ui *ui, const struct patient *theirs)
{
	char a[256], b[256], q[800];
	describe(theirs, a, sizeof a);
	describe(&pf->p, b, sizeof b);
	snprintf(q, sizeof q,
		 "Someone else saved this patient after you opened it. Theirs: %s. Yours: %s. "
		 "y keeps yours (theirs stays in the audit trail); n takes theirs.",
		 a, b);
	/* Saving again over the version now stored is what "keep yours" means. */
	pf->p.version = theirs->version;
	ui_confirm(ui, q, conflict_answer, pf);
}

static int pf_save(struct pform *pf, struct ui *ui)
{
	struct err e = {""};
	struct patient theirs;
	if (!ui_form_valid(&pf->form, ui))
		return UI_DONE;
	enum status s = patient_validate(&pf->p, pf->today, &e);
	if (s == ST_OK) {
		s = pf->edit ? store_patient_update(ui->app->st, &pf->p, &theirs, &e)
			     : store_patient_add(ui->app->st, &pf->p, &e);
	}
	if (s == ST_CONFLICT) {
		ask_conflict(pf, ui, &theirs);
		return UI_DONE;
	}
	if (s != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "not saved: %s", err_why(&e, s));
		if (s == ST_DUPLICATE)
			pf->form.focus = PF_MRN;
		return UI_DONE;
	}
	return pf_saved(pf, ui);
}

static int pf_saved(struct pform *pf, struct ui *ui)
{
	bool edit = pf->edit;
	char mrn[PATIENT_MRN_MAX + 1], name[PATIENT_NAME_MAX + 1];
	int64_t id = pf->p.id;
	strlcpy_(mrn, pf->p.mrn, sizeof mrn);
	strlcpy_(name, pf->p.name, sizeof name);
	pf->base.dirty = false;
	ui_draft_drop(&pf->draft, ui);
	ui_pop(ui);
	if (!edit) {
		struct ui_screen *ov = ui_open_patient(ui, id);
		if (ov)
			ui_push(ui, ov);
	}
	ui_msg(ui, ROLE_OK, "%s %s %s", edit ? "saved" : "registered", mrn, name);
	return UI_DONE;
}

static int pf_key(struct ui_screen *s, struct ui *ui, int key)
{
	struct pform *pf = (struct pform *)s;
	if (ui_key_is(key, ACT_SAVE))
		return pf_save(pf, ui);
	int r = ui_form_key(&pf->form, ui, key);
	pf->base.dirty = pf->form.dirty;
	if (pf->form.settled) {
		pf->form.settled = false;
		pf_draft(s, ui, true);
	}
	return r;
}

static void pf_done(struct ui_screen *s)
{
	struct pform *pf = (struct pform *)s;
	ui_form_done(&pf->form);
	ui_draft_done(&pf->draft);
	free(pf);
}

static const struct ui_screen_ops pf_ops = {
    "New patient",
    pf_draw,
    pf_key,
    NULL,
    pf_done,
    pf_hints,
    "Register a patient. Each field is checked when you leave it (Tab, Enter, Down): a "
    "refused value is marked '! invalid' with the reason on the message line; an unusual "
    "one (a weight outside 40-150 kg, an age under 18) asks y/n. Sex and etiology are "
    "choices: Space opens the list, Left/Right change, a letter jumps. Weight is optional. "
    "Nothing is stored until every field is valid and you press F2 (or Ctrl-S). In a text "
    "field letters are typed, so use F1 for help, F3 to find a patient and Esc to leave.",
    pf_draft,
};

static void pf_fields(struct pform *pf)
{
	static const struct {
		const char *label, *hint;
		enum ui_form_kind kind;
		int width;
		size_t max;
	} spec[PF_N] = {
	    {"MRN", "letters, digits, '-'", UF_TEXT, 22, PATIENT_MRN_MAX},
	    {"Name", "LAST, First", UF_TEXT, 40, PATIENT_NAME_MAX},
	    {"Date of birth", "YYYY-MM-DD", UF_TEXT, 12, 10},
	    {"Sex", "F or M", UF_CHOICE, 16, 0},
	    {"Etiology", "optional; Space: list", UF_CHOICE, 44, 0},
	    {"Weight (kg)", "optional; 20-250", UF_TEXT, 8, 8},
	};
	for (int i = 0; i < PF_N; i++) {
		pf->f[i].label = spec[i].label;
		pf->f[i].hint = spec[i].hint;
		pf->f[i].kind = spec[i].kind;
		pf->f[i].width = spec[i].width;
		if (spec[i].kind == UF_TEXT)
			ui_field_init(&pf->f[i].edit, spec[i].max);
		pf->f[i].choice = -1;
	}
	pf->f[PF_SEX].choices = sexes;
	pf->f[PF_SEX].nchoices = 2;
	pf->f[PF_ETIOLOGY].choices = pf->etio_items;
	pf->f[PF_ETIOLOGY].nchoices = (int)pf->netio;
	pf->f[PF_ETIOLOGY].none = "not given";
}

static struct pform *pf_alloc(struct ui *ui)
{
	struct pform *pf = xcalloc(1, sizeof *pf);
	pf->base.ops = &pf_ops;
	pf->today = app_today(ui->app);
	pf->p.weight_kg = NAN;
	pf->p.weight_date = DAY_NONE;
	pf->etio = etiology_list(&pf->netio);
	if (pf->netio > PF_ETIOLOGY_MAX)
		pf->netio = PF_ETIOLOGY_MAX;
	for (size_t i = 0; i < pf->netio; i++) {
		snprintf(pf->etio_text[i], sizeof pf->etio_text[i], "%s %s", pf->etio[i].code,
			 pf->etio[i].name);
		pf->etio_items[i] = pf->etio_text[i];
	}
	pf_fields(pf);
	return pf;
}

/* Offer back what an earlier session of this user typed in this form. */
static void pf_resume(struct pform *pf, struct ui *ui, int64_t patient_id)
{
	ui_form_init(&pf->form, pf->f, PF_N, pf_check, pf, 0);
	ui_draft_init(&pf->draft, UI_DRAFT_PATIENT, patient_id);
	char *kept = ui_draft_load(&pf->draft, ui);
	if (kept) {
		ui_form_decode(&pf->form, kept);
		pf->base.dirty = true;
		free(kept);
	}
}

struct ui_screen *ui_patient_form_new(struct ui *ui)
{
	struct pform *pf = pf_alloc(ui);
	pf_resume(pf, ui, 0);
	return &pf->base;
}

/* Fill the form from the stored record. */
static void fill(struct pform *pf, const struct patient *p)
{
	char dob[16];
	ui_field_set(&pf->f[PF_MRN].edit, p->mrn);
	ui_field_set(&pf->f[PF_NAME].edit, p->name);
	ui_field_set(&pf->f[PF_DOB].edit, date_format(p->dob, dob));
	pf->f[PF_SEX].choice = p->sex == 'F' ? 0 : 1;
	for (size_t i = 0; i < pf->netio; i++)
		if (strcmp(pf->etio[i].code, p->etiology) == 0)
			pf->f[PF_ETIOLOGY].choice = (int)i;
	if (!isnan(p->weight_kg))
		snprintf(pf->weight_was, sizeof pf->weight_was, "%.1f", p->weight_kg);
	ui_field_set(&pf->f[PF_WEIGHT].edit, pf->weight_was);
	pf->weight_date_was = p->weight_date;
	for (int i = 0; i < PF_N; i++)
		pf->f[i].saved_choice = pf->f[i].choice;
}

struct ui_screen *ui_patient_form_edit(struct ui *ui, int64_t patient_id)
{
	struct err e = {""};
	struct patient p;
	if (store_patient_get(ui->app->st, patient_id, &p, &e) != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "%s", e.msg);
		return NULL;
	}
	struct pform *pf = pf_alloc(ui);
	pf->edit = true;
	pf->p = p;
	pf->base.patient = patient_id;
	fill(pf, &p);
	pf_resume(pf, ui, patient_id);
	return &pf->base;
}
