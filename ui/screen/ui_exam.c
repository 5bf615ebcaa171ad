/* ui_exam.c: the examination form — a field table over struct exam and its
 * save, on the form engine (ui_formdef). The grades' choices, their limits
 * and the weights' units and ranges come from the model (vital.h, visit.h,
 * exam.h); the whole record is checked by exam_validate, as `exam add` does. */
#include "ui_exam.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>

#include "exam.h"
#include "store.h"
#include "store_exam.h"
#include "ui_formdef.h"
#include "visit.h"
#include "vital.h"

enum { EX_DATE, EX_ASCITES, EX_HE, EX_DIALYSIS, EX_WEIGHT, EX_DRY, EX_N };

#define XO(m) offsetof(struct exam, m)
static const struct ui_fielddef ex_fields[EX_N] = {
    {.label = "Examined on",
     .name = "examination date",
     .kind = FK_DATE,
     .hint = "YYYY-MM-DD",
     .width = 12,
     .max = 10,
     .off = XO(date)},
    {.label = "Ascites (ICA)",
     .kind = FK_CHOICE,
     .vital = UI_VITAL(VITAL_ASCITES),
     .width = 46,
     .optional = true,
     .off = XO(ascites),
     .choice_label = visit_ascites_text,
     .nchoices = 4,
     .none = "not assessed",
     .first = -1},
    {.label = "HE (West Haven)",
     .kind = FK_CHOICE,
     .vital = UI_VITAL(VITAL_ENCEPHALOPATHY),
     .width = 46,
     .optional = true,
     .off = XO(he),
     .choice_label = visit_he_text,
     .nchoices = 5,
     .none = "not assessed",
     .first = -1},
    {.label = "Dialysis, 7 days",
     .kind = FK_CHOICE,
     .width = 46,
     .optional = true,
     .off = XO(dialysis),
     .choice_label = exam_dialysis_text,
     .nchoices = 2,
     .none = "not asked",
     .first = -1},
    {.label = "Weight",
     .kind = FK_NUMBER,
     .vital = UI_VITAL(VITAL_WEIGHT),
     .width = 8,
     .max = 8,
     .optional = true,
     .off = XO(weight_kg)},
    {.label = "Dry weight",
     .kind = FK_NUMBER,
     .vital = UI_VITAL(VITAL_DRY_WEIGHT),
     .width = 8,
     .max = 8,
     .optional = true,
     .off = XO(dry_weight_kg)},
};
#undef XO

/* The findings recorded, short enough for the message line: "ascites ICA
 * 2, HE 1, dialysis yes, 78.0 kg". */
static void describe_findings(const struct exam *x, char *buf, size_t n)
{
	char part[5][40];
	int k = 0;
	if (x->ascites != EXAM_UNGRADED)
		snprintf(part[k++], sizeof part[0], "ascites ICA %d", x->ascites);
	if (x->he != EXAM_UNGRADED)
		snprintf(part[k++], sizeof part[0], "HE %d", x->he);
	if (x->dialysis != EXAM_UNGRADED)
		snprintf(part[k++], sizeof part[0], "dialysis %s", x->dialysis ? "yes" : "no");
	if (!isnan(x->weight_kg))
		snprintf(part[k++], sizeof part[0], "%.1f kg", x->weight_kg);
	if (!isnan(x->dry_weight_kg))
		snprintf(part[k++], sizeof part[0], "dry %.1f kg", x->dry_weight_kg);
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < k && used < n; i++)
		used += (size_t)snprintf(buf + used, n - used, "%s%s", i ? ", " : " ", part[i]);
}

static enum status ex_save(struct ui_fform *ff, struct ui *ui, bool confirmed, struct err *e)
{
	struct exam *x = ff->rec;
	char d[16], what[160];
	x->patient_id = ff->patient_id;
	/* The whole examination: at least one finding, dry weight only with
	 * tense ascites, weights beyond the warning limits asked y/n. */
	enum status s = exam_validate(x, ff->today, confirmed, e);
	if (s == ST_OK)
		s = store_exam_add(ui->app->st, x, e);
	if (s == ST_OK) {
		describe_findings(x, what, sizeof what);
		ui_msg(ui, ROLE_OK, "recorded examination of %s:%s", date_format(x->date, d), what);
	}
	return s;
}

static const enum ui_action ex_hints[] = {ACT_HELP, ACT_NEXT, ACT_CHOOSE,
					  ACT_SAVE, ACT_BACK, ACT_NONE};

static const struct ui_formdef ex_def = {
    .kind = DRAFT_EXAM,
    .title = "Examination",
    .noun = "examination",
    .heading = "Examination findings (Child-Pugh and MELD take the newest)",
    .help = "Record what the examination found, with its day: ascites graded by the ICA "
	    "(0 none, 1 mild, 2 moderate, 3 severe), hepatic encephalopathy by West Haven (0-4), "
	    "dialysis in the 7 days before (at least 2 sessions or 24 h of CVVHD: MELD then "
	    "counts creatinine as 4.0 mg/dL), weight and, with tense ascites, the dry weight "
	    "(kg). Leave what was not assessed empty; at least one finding is needed. Impossible "
	    "values are refused, unusual weights ask y/n. {CHOOSE} changes a choice; {SAVE} "
	    "saves.",
    .hints = ex_hints,
    .fields = ex_fields,
    .n = EX_N,
    .rec_size = sizeof(struct exam),
    .version_off = offsetof(struct exam, version),
    .save = ex_save,
};

static struct ui_screen *open_form(struct ui *ui, int64_t patient_id, bool resume)
{
	struct ui_fform *ff = ui_fform_new(&ex_def, ui, patient_id, 0, 0);
	struct exam *x = ff->rec;
	char d[16];
	exam_init(x);
	x->patient_id = patient_id;
	x->date = ff->today;
	ui_fform_set(ff, EX_DATE, date_format(ff->today, d));
	return ui_fform_ready(ff, ui, resume);
}

struct ui_screen *ui_exam_new(struct ui *ui, int64_t patient_id)
{
	return open_form(ui, patient_id, false);
}

struct ui_screen *ui_exam_resume(struct ui *ui, int64_t patient_id)
{
	return open_form(ui, patient_id, true);
}
