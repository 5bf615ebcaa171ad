/* ui_histology.c: the biopsy histology form — a field table over struct
 * histology and its save, on the form engine (ui_formdef). */
#include "ui_histology.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "histology.h"
#include "store_histology.h"
#include "text.h"
#include "ui_formdef.h"
#include "util.h"

enum {
	HF_DATE,
	HF_SITE,
	HF_M, /* the measures, HISTO_MEASURE_INFO's order */
	HF_PATH = HF_M + HISTO_COUNT,
	HF_NOTE,
	HF_N
};

static enum status check_line(const char *field, const char *t, size_t max, struct err *e)
{
	if (!*t || strlen(t) > max || !text_is_clean(t, false))
		return err_set(e, ST_INVALID, "%s: 1-%zu characters of one-line text", field, max);
	return ST_OK;
}

static enum status check_site(const char *t, struct err *e)
{
	return check_line("site", t, HISTO_SITE_MAX, e);
}

static enum status check_pathologist(const char *t, struct err *e)
{
	return check_line("pathologist", t, HISTO_PATHOLOGIST_MAX, e);
}

/* A measure as typed ("F3", "12.5"), against its row of the table. */
static enum status check_measure(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
				 struct err *e)
{
	struct histology *h = ff->rec;
	int m = (int)(fd - &ff->def->fields[HF_M]);
	h->v[m] = NAN;
	return *t ? histology_parse((enum histo_measure)m, t, &h->v[m], e) : ST_OK;
}

#define H_(m) offsetof(struct histology, m)
/* A measure: its label as in HISTO_MEASURE_INFO (the draft keeps fields by
 * label), range as the hint. */
#define MEASURE(label_, hint_, unit_)                                                       \
	{                                                                                   \
		.label = label_, .kind = FK_TEXT, .hint = hint_, .unit = unit_, .width = 8, \
		.max = 8, .optional = true, .check = check_measure                          \
	}
static const struct ui_fielddef hf_fields[HF_N] = {
    {.label = "Biopsy date",
     .name = "date",
     .kind = FK_DATE,
     .hint = "YYYY-MM-DD",
     .width = 12,
     .max = 10,
     .off = H_(date)},
    {.label = "Site",
     .kind = FK_TEXT,
     .hint = "lobe, approach",
     .width = 34,
     .max = HISTO_SITE_MAX,
     .off = H_(site),
     .size = sizeof(((struct histology *)0)->site),
     .text = check_site},
    MEASURE("METAVIR fibrosis", "F0-F4", NULL),
    MEASURE("Ishak fibrosis", "0-6", NULL),
    MEASURE("Necro-inflammatory grade", "A0-A3", NULL),
    MEASURE("Collagen proportionate area", "0-100", "%"),
    MEASURE("Ki-67", "0-100 positive", "%"),
    MEASURE("CK-19", "0-100 positive", "%"),
    {.label = "Pathologist",
     .kind = FK_TEXT,
     .width = 30,
     .max = HISTO_PATHOLOGIST_MAX,
     .off = H_(pathologist),
     .size = sizeof(((struct histology *)0)->pathologist),
     .text = check_pathologist},
    {.label = "Note",
     .kind = FK_MEMO,
     .width = 50,
     .rows = 2,
     .optional = true,
     .off = H_(note),
     .size = sizeof(((struct histology *)0)->note)},
};
#undef MEASURE
#undef H_

static enum status hf_save(struct ui_fform *ff, struct ui *ui, bool confirmed, struct err *e)
{
	struct histology *h = ff->rec;
	char d[16];
	enum status s = histology_validate(h, ff->today, confirmed, e);
	if (s == ST_OK)
		s = store_histology_add(ui->app->st, h, e);
	if (s == ST_OK)
		ui_msg(ui, ROLE_OK, "recorded biopsy %lld of %s", (long long)h->id,
		       date_format(h->date, d));
	return s;
}

static const enum ui_action hf_hints[] = {ACT_HELP, ACT_NEXT, ACT_SAVE, ACT_BACK, ACT_NONE};

static const struct ui_formdef hf_def = {
    .kind = DRAFT_HISTOLOGY,
    .title = "Biopsy histology",
    .noun = "biopsy",
    .heading = "Biopsy histology (one biopsy)",
    .help = "Record one biopsy: its date and site, the fibrosis stage as METAVIR (0-4, the "
	    "letter F before it may be typed) and Ishak (0-6), the necro-inflammatory grade "
	    "(0-3, A before it allowed), the collagen proportionate "
	    "area, Ki-67 and CK-19 as per cent, and the pathologist. Leave a measure empty when "
	    "the report does not give it. Stages that do not agree, or an unusual value, ask "
	    "first. The dashboard shows the change from the baseline biopsy. {SAVE} saves.",
    .hints = hf_hints,
    .fields = hf_fields,
    .n = HF_N,
    .rec_size = sizeof(struct histology),
    .version_off = offsetof(struct histology, version),
    .note_max = HISTO_NOTE_MAX,
    .save = hf_save,
};

static struct ui_screen *open_form(struct ui *ui, int64_t patient_id, bool resume)
{
	struct ui_fform *ff = ui_fform_new(&hf_def, ui, patient_id, 0, 0);
	struct histology *h = ff->rec;
	histology_init(h);
	h->patient_id = patient_id;
	return ui_fform_ready(ff, ui, resume);
}

struct ui_screen *ui_histology_new(struct ui *ui, int64_t patient_id)
{
	return open_form(ui, patient_id, false);
}

struct ui_screen *ui_histology_resume(struct ui *ui, int64_t patient_id)
{
	return open_form(ui, patient_id, true);
}
