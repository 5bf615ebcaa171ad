/* ui_eval_imaging.c: the imaging step of the intake evaluation. */
#include "ui_eval_imaging.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "store.h"
#include "text.h"
#include "ui_draw.h"
#include "util.h"

static const char *const modalities[] = {
#define IMG_MOD_TEXT_(name, text) text,
    MODALITY_INFO(IMG_MOD_TEXT_)
#undef IMG_MOD_TEXT_
};
static const char *const stages[] = {"F0", "F1", "F2", "F3", "F4"};
/* Index = enum finding + 1. */
static const char *const findings[] = {"not assessed", "no", "yes"};

static enum status check_number(struct ui_eval_imaging *im, int i, const char *t, struct err *e)
{
	if (i == IMG_STIFFNESS) {
		im->note.stiffness_kpa = NAN;
		return *t ? imaging_check_stiffness(t, &im->note.stiffness_kpa, e) : ST_OK;
	}
	im->note.iqr_kpa = NAN;
	if (!*t)
		return ST_OK;
	enum status s = imaging_check_iqr(t, im->note.stiffness_kpa, &im->note.iqr_kpa, e);
	/* A poorly reliable measurement asks (y/n, as a warning limit does). */
	return s == ST_OK
		   ? imaging_check_reliability(im->note.stiffness_kpa, im->note.iqr_kpa, false, e)
		   : s;
}

static enum status check_choice(struct ui_eval_imaging *im, int i, int c, struct err *e)
{
	enum finding *fd[] = {&im->note.hcc, &im->note.thrombosis, &im->note.ascites};
	switch (i) {
	case IMG_MODALITY:
		if (c < 0)
			return err_set(e, ST_INVALID, "modality: required; Space shows the list");
		im->note.modality = (enum modality)c;
		return ST_OK;
	case IMG_FIBROSIS:
		im->note.fibrosis_stage = -1;
		return c < 0 ? ST_OK
			     : imaging_check_fibrosis(stages[c], &im->note.fibrosis_stage, e);
	default:
		*fd[i - IMG_HCC] = c < 0 ? FIND_NA : (enum finding)(c - 1);
		return ST_OK;
	}
}

/* Each field through the model's imaging checks; values land in im->note. */
static enum status img_check(void *owner, int i, bool confirmed, struct err *e)
{
	struct ui_eval_imaging *im = owner;
	const char *t = ui_form_text(&im->form, i);
	enum status s = ST_OK;
	if (i == IMG_DATE)
		s = date_parse_field("imaging date", t, im->today, false, &im->note.date, e);
	else if (i == IMG_STIFFNESS || i == IMG_IQR)
		s = check_number(im, i, t, e);
	else if (i == IMG_NOTE) {
		if (!text_is_clean(t, true))
			return err_set(e, ST_INVALID, "note: remove the control characters");
		strlcpy_(im->note.note, t, sizeof im->note.note);
	} else
		s = check_choice(im, i, im->f[i].choice, e);
	return s == ST_CONFIRM && confirmed ? ST_OK : s;
}

static void img_fields(struct ui_eval_imaging *im)
{
	static const struct {
		const char *label, *hint;
		enum ui_form_kind kind;
		int width;
	} spec[IMG_N] = {
	    {"Date", "YYYY-MM-DD", UF_TEXT, 12},
	    {"Modality", "Space: list", UF_CHOICE, 18},
	    {"Stiffness (kPa)", "optional; 1.5-75", UF_TEXT, 8},
	    {"IQR (kPa)", "optional; 0 to stiffness", UF_TEXT, 8},
	    {"Fibrosis (METAVIR)", "optional; F0-F4", UF_CHOICE, 15},
	    {"HCC / lesion", "not assessed / no / yes", UF_CHOICE, 18},
	    {"Vein thrombosis", "not assessed / no / yes", UF_CHOICE, 18},
	    {"Ascites", "not assessed / no / yes", UF_CHOICE, 18},
	    {"Note", NULL, UF_MEMO, 56},
	};
	for (int i = 0; i < IMG_N; i++) {
		im->f[i].label = spec[i].label;
		im->f[i].hint = spec[i].hint;
		im->f[i].kind = spec[i].kind;
		im->f[i].width = spec[i].width;
		im->f[i].choice = -1;
		if (spec[i].kind == UF_TEXT)
			ui_field_init(&im->f[i].edit, 12);
	}
	im->f[IMG_DATE].edit.accept = "0123456789-";
	im->f[IMG_MODALITY].choices = modalities;
	im->f[IMG_MODALITY].nchoices = MOD_COUNT;
	im->f[IMG_FIBROSIS].choices = stages;
	im->f[IMG_FIBROSIS].nchoices = 5;
	im->f[IMG_FIBROSIS].none = "not given";
	for (int i = IMG_HCC; i <= IMG_ASCITES; i++) {
		im->f[i].choices = findings;
		im->f[i].nchoices = 3;
		im->f[i].choice = 0;
	}
	im->f[IMG_NOTE].memo_rows = 5;
}

void ui_eval_imaging_init(struct ui_eval_imaging *im, struct ui *ui, int64_t patient_id)
{
	char day[16];
	memset(im, 0, sizeof *im);
	im->patient_id = patient_id;
	im->today = app_today(ui->app);
	imaging_init(&im->note);
	img_fields(im);
	ui_form_init(&im->form, im->f, IMG_N, img_check, im, IMAGING_NOTE_MAX);
	ui_field_set(&im->f[IMG_DATE].edit, date_format(im->today, day));
}

void ui_eval_imaging_done(struct ui_eval_imaging *im)
{
	ui_form_done(&im->form);
}

void ui_eval_imaging_draw(struct ui_eval_imaging *im, struct ui *ui, int y)
{
	ui_form_draw(&im->form, ui, y);
}

static int save(struct ui_eval_imaging *im, struct ui *ui)
{
	struct err e = {""};
	if (!ui_form_valid(&im->form, ui))
		return UI_DONE;
	im->note.patient_id = im->patient_id;
	enum status s = imaging_validate(&im->note, im->today, &e);
	if (s == ST_OK) {
		s = store_imaging_add(ui->app->st, &im->note, &e);
	}
	if (s != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "not saved: %s", err_why(&e, s));
		return UI_DONE;
	}
	ui_msg(ui, ROLE_OK, "stored the %s note of %s", modality_str(im->note.modality),
	       ui_form_text(&im->form, IMG_DATE));
	int64_t id = im->patient_id;
	ui_eval_imaging_done(im);
	ui_eval_imaging_init(im, ui, id);
	im->saved = true;
	return UI_DONE;
}

int ui_eval_imaging_key(struct ui_eval_imaging *im, struct ui *ui, int key)
{
	if (ui_key_is(key, ACT_SAVE))
		return save(im, ui);
	return ui_form_key(&im->form, ui, key);
}
