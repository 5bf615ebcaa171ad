/* ui_med.c: the medication form — a field table over struct med and its
 * save, on the form engine (ui_formdef); a listed name takes its usual unit
 * and route. */
#include "ui_med.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "med.h"
#include "store_med.h"
#include "text.h"
#include "ui_draw.h"
#include "ui_formdef.h"
#include "util.h"

enum { MF_NAME, MF_DOSE, MF_UNIT, MF_ROUTE, MF_FREQ, MF_START, MF_STOP, MF_IND, MF_N };

static const char *unit_label(int i)
{
	return med_unit_str((enum med_unit)i);
}
static const char *route_label(int i)
{
	return med_route_str((enum med_route)i);
}
static const char *freq_label(int i)
{
	return med_freq_label((enum med_freq)i);
}

/* The name: a listed one shows its code below and, when it changes, sets
 * the list's usual unit and route. */
static enum status check_name(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			      struct err *e)
{
	struct med *m = ff->rec;
	char before[MED_NAME_MAX + 1];
	strlcpy_(before, m->name, sizeof before);
	enum status s = med_set_name(m, t, e);
	const struct med_listed *l = s == ST_OK ? med_lookup(t) : NULL;
	enum med_unit u;
	enum med_route r;
	if (l && strcmp(before, m->name) != 0) {
		if (med_unit_parse(l->unit, &u))
			ui_fform_choose(ff, MF_UNIT, (int)u);
		if (med_route_parse(l->route, &r))
			ui_fform_choose(ff, MF_ROUTE, (int)r);
	}
	return s;
}

static enum status check_dose(const char *t, double *out, struct err *e)
{
	if (!parse_double(t, out))
		return err_set(e, ST_INVALID, "dose: '%s' is not a number", t);
	return ST_OK;
}

static enum status check_indication(const char *t, struct err *e)
{
	if (strlen(t) > MED_INDICATION_MAX || !text_is_clean(t, false))
		return err_set(e, ST_INVALID, "indication: at most %d characters of one-line text",
			       MED_INDICATION_MAX);
	return ST_OK;
}

#define M_(f) offsetof(struct med, f)
static const struct ui_fielddef mf_fields[MF_N] = {
    {.label = "Name",
     .kind = FK_TEXT,
     .hint = "name, other name or ATC code",
     .width = 30,
     .max = MED_NAME_MAX,
     .check = check_name},
    {.label = "Dose",
     .kind = FK_NUMBER,
     .hint = "in the unit below",
     .width = 10,
     .max = 12,
     .optional = true,
     .off = M_(dose),
     .number = check_dose},
    {.label = "Unit",
     .kind = FK_CHOICE,
     .width = 8,
     .off = M_(unit),
     .choice_label = unit_label,
     .nchoices = MEDU_COUNT,
     .first = MEDU_MG},
    {.label = "Route",
     .kind = FK_CHOICE,
     .width = 8,
     .off = M_(route),
     .choice_label = route_label,
     .nchoices = MEDR_COUNT,
     .first = MEDR_ORAL},
    {.label = "Frequency",
     .kind = FK_CHOICE,
     .width = 20,
     .off = M_(freq),
     .choice_label = freq_label,
     .nchoices = MEDF_COUNT,
     .first = MEDF_QD},
    {.label = "Started",
     .name = "start",
     .kind = FK_DATE,
     .hint = "YYYY-MM-DD",
     .width = 12,
     .max = 10,
     .off = M_(start)},
    {.label = "Stopped",
     .name = "stop",
     .kind = FK_DATE,
     .hint = "YYYY-MM-DD; empty while taken",
     .width = 12,
     .max = 10,
     .optional = true,
     .off = M_(stop)},
    {.label = "Indication",
     .kind = FK_TEXT,
     .width = 40,
     .max = MED_INDICATION_MAX,
     .optional = true,
     .off = M_(indication),
     .size = sizeof(((struct med *)0)->indication),
     .text = check_indication},
};
#undef M_

static void mf_draw_more(struct ui_fform *ff, struct ui *ui)
{
	const struct med *m = ff->rec;
	char line[120];
	if (!*m->name)
		return;
	if (*m->atc)
		snprintf(line, sizeof line, "ATC %s, %s (shipped list)", m->atc,
			 med_class_label(m->cls));
	else
		snprintf(line, sizeof line, "free name: not on the shipped list, no ATC code");
	ui_put(ui->body, 2 + MF_N + 1, 0, ui->cols, ROLE_DIM, line);
}

static enum status mf_save(struct ui_fform *ff, struct ui *ui, bool confirmed, struct err *e)
{
	struct med *m = ff->rec;
	char desc[300];
	enum status s = med_validate(m, ff->today, confirmed, e);
	if (s == ST_OK)
		s = store_med_add(ui->app->st, m, e);
	if (s == ST_OK)
		ui_msg(ui, ROLE_OK, "recorded %s", med_describe(m, desc, sizeof desc));
	return s;
}

static const enum ui_action mf_hints[] = {ACT_HELP, ACT_NEXT, ACT_CHOOSE,
					  ACT_SAVE, ACT_BACK, ACT_NONE};

static const struct ui_formdef mf_def = {
    .kind = DRAFT_MED,
    .title = "Medication",
    .noun = "medication",
    .heading = "Medication or supplement",
    .help = "Record a medication or supplement the patient takes. Type its name, another "
	    "name (TDF, NAC, milk thistle) or its ATC code: a name on the shipped list takes "
	    "the list's spelling, ATC code, usual unit and route; other names are kept as "
	    "typed. The dose is checked against its unit's limits (a large one asks). Leave "
	    "Stopped empty while it is taken. {SAVE} saves.",
    .hints = mf_hints,
    .fields = mf_fields,
    .n = MF_N,
    .rec_size = sizeof(struct med),
    .version_off = offsetof(struct med, version),
    .note_max = MED_INDICATION_MAX,
    .save = mf_save,
    .draw_more = mf_draw_more,
};

static struct ui_screen *open_form(struct ui *ui, int64_t patient_id, bool resume)
{
	struct ui_fform *ff = ui_fform_new(&mf_def, ui, patient_id, 0, 0);
	struct med *m = ff->rec;
	char d[16];
	med_init(m);
	m->patient_id = patient_id;
	ui_fform_set(ff, MF_START, date_format(ff->today, d));
	return ui_fform_ready(ff, ui, resume);
}

struct ui_screen *ui_med_new(struct ui *ui, int64_t patient_id)
{
	return open_form(ui, patient_id, false);
}

struct ui_screen *ui_med_resume(struct ui *ui, int64_t patient_id)
{
	return open_form(ui, patient_id, true);
}
