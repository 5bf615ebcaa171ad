/* ui_visit.c: the follow-up visit form (scheduled, unscheduled or missed)
 * and the same fields correcting a recorded visit — two field tables over
 * struct visit and their saves, on the form engine (ui_formdef). */
#include "ui_visit.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ae.h"
#include "dashboard.h"
#include "imaging.h"
#include "patient.h"
#include "store.h"
#include "store_followup.h"
#include "ui_draw.h"
#include "ui_formdef.h"
#include "ui_visit_labs.h"
#include "util.h"
#include "visit.h"

enum {
	VF_ITEM,
	VF_STATE,
	VF_DATE,
	VF_REASON,
	VF_TEMP,
	VF_WEIGHT,
	VF_BP,
	VF_SYM,
	VF_ASCITES = VF_SYM + SYM_COUNT,
	VF_PARA,
	VF_HE,
	VF_STIFF,
	VF_IQR,
	VF_NOTE,
	VF_N
};

#define VF_ITEMS_MAX 24
#define VF_ITEM_TEXT 64

static const char *const states[] = {"seen", "missed"};

/* The open scheduled visits (the choice after them is "unscheduled"); when
 * correcting, the visit as stored and why it is corrected. */
struct vctx {
	struct schedule_item items[VF_ITEMS_MAX];
	char text[VF_ITEMS_MAX + 1][VF_ITEM_TEXT];
	const char *list[VF_ITEMS_MAX + 1];
	int n;
	struct visit orig;
	char why[VISIT_REASON_MAX + 1];
};

static bool correcting(const struct ui_fform *ff)
{
	return ((const struct vctx *)ff->ctx)->orig.id > 0;
}

static bool missed(const struct ui_fform *ff)
{
	return ui_fform_choice(ff, VF_STATE) == 1;
}

static const char *state_label(int i)
{
	return states[i];
}

static enum status check_item(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			      struct err *e)
{
	struct vctx *c = ff->ctx;
	struct visit *v = ff->rec;
	int i = ui_fform_choice(ff, VF_ITEM);
	if (correcting(ff))
		return ST_OK; /* a correction keeps the visit's scheduled item */
	if (i < 0)
		return err_set(e, ST_INVALID,
			       "visit: none chosen; choose the scheduled visit, or "
			       "unscheduled, from the list");
	v->schedule_id = i < c->n ? c->items[i].id : 0;
	strlcpy_(v->label, i < c->n ? c->items[i].label : "", sizeof v->label);
	return ST_OK;
}

static enum status check_state(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			       struct err *e)
{
	if (missed(ff) && correcting(ff))
		return err_set(e, ST_INVALID,
			       "seen or missed: a correction keeps the visit as seen");
	if (missed(ff) && ui_fform_choice(ff, VF_ITEM) >= ((struct vctx *)ff->ctx)->n)
		return err_set(e, ST_INVALID, "missed: only a scheduled visit can be missed");
	return ST_OK;
}

static enum status check_reason(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
				struct err *e)
{
	struct visit *v = ff->rec;
	struct vctx *c = ff->ctx;
	bool corr = correcting(ff);
	if (!corr && !missed(ff))
		return *t ? err_set(e, ST_INVALID, "reason: only for a missed visit") : ST_OK;
	enum status s = corr ? visit_check_correction(t, e) : visit_check_reason(t, e);
	if (s == ST_OK)
		strlcpy_(corr ? c->why : v->reason, t, VISIT_REASON_MAX + 1);
	return s;
}

static enum status check_bp(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			    struct err *e)
{
	struct visit *v = ff->rec;
	v->sbp = v->dbp = 0;
	return *t ? visit_check_bp(t, &v->sbp, &v->dbp, e) : ST_OK;
}

static enum status check_iqr(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			     struct err *e)
{
	struct visit *v = ff->rec;
	v->iqr_kpa = NAN;
	enum status s = *t ? imaging_check_iqr(t, v->stiffness_kpa, &v->iqr_kpa, e) : ST_OK;
	/* A poorly reliable measurement asks (the engine's y/n). */
	return s == ST_OK ? imaging_check_reliability(v->stiffness_kpa, v->iqr_kpa, false, e) : s;
}

#define VO(m) offsetof(struct visit, m)
#define SYM_ROW(name, key, text)         \
	{.label = text,                  \
	 .kind = FK_CHOICE,              \
	 .width = 16,                    \
	 .optional = true,               \
	 .off = VO(symptom[SYM_##name]), \
	 .choice_label = severity_str,   \
	 .nchoices = SEV_COUNT,          \
	 .none = "not assessed",         \
	 .first = -1},
/* Every row after the reason: the measurements, same in both tables. */
#define VISIT_MEASURES                                                                      \
	{.label = "Temperature",                                                            \
	 .kind = FK_NUMBER,                                                                 \
	 .vital = UI_VITAL(VITAL_TEMPERATURE),                                              \
	 .width = 8,                                                                        \
	 .max = 8,                                                                          \
	 .optional = true,                                                                  \
	 .off = VO(temp_c)},                                                                \
	    {.label = "Weight",                                                             \
	     .kind = FK_NUMBER,                                                             \
	     .vital = UI_VITAL(VITAL_WEIGHT),                                               \
	     .width = 8,                                                                    \
	     .max = 8,                                                                      \
	     .optional = true,                                                              \
	     .off = VO(weight_kg)},                                                         \
	    {.label = "Blood pressure",                                                     \
	     .kind = FK_TEXT,                                                               \
	     .unit = "mmHg",                                                                \
	     .hint = "SYS/DIA",                                                             \
	     .width = 10,                                                                   \
	     .max = 9,                                                                      \
	     .optional = true,                                                              \
	     .check = check_bp},                                                            \
	    SYMPTOM_INFO(SYM_ROW){.label = "Ascites (ICA)",                                 \
				  .kind = FK_CHOICE,                                        \
				  .vital = UI_VITAL(VITAL_ASCITES),                         \
				  .width = 46,                                              \
				  .optional = true,                                         \
				  .off = VO(ascites),                                       \
				  .choice_label = visit_ascites_text,                       \
				  .nchoices = 4,                                            \
				  .none = "not assessed",                                   \
				  .first = -1},                                             \
	    {.label = "Paracentesis",                                                       \
	     .kind = FK_NUMBER,                                                             \
	     .vital = UI_VITAL(VITAL_PARACENTESIS),                                         \
	     .width = 8,                                                                    \
	     .max = 8,                                                                      \
	     .optional = true,                                                              \
	     .off = VO(paracentesis_ml)},                                                   \
	    {.label = "HE (West Haven)",                                                    \
	     .kind = FK_CHOICE,                                                             \
	     .vital = UI_VITAL(VITAL_ENCEPHALOPATHY),                                       \
	     .width = 46,                                                                   \
	     .optional = true,                                                              \
	     .off = VO(he),                                                                 \
	     .choice_label = visit_he_text,                                                 \
	     .nchoices = 5,                                                                 \
	     .none = "not assessed",                                                        \
	     .first = -1},                                                                  \
	    {.label = "Stiffness",                                                          \
	     .kind = FK_NUMBER,                                                             \
	     .unit = "kPa",                                                                 \
	     .width = 8,                                                                    \
	     .max = 8,                                                                      \
	     .optional = true,                                                              \
	     .off = VO(stiffness_kpa),                                                      \
	     .number = imaging_check_stiffness},                                            \
	    {.label = "IQR",                                                                \
	     .kind = FK_NUMBER,                                                             \
	     .unit = "kPa",                                                                 \
	     .width = 8,                                                                    \
	     .max = 8,                                                                      \
	     .optional = true,                                                              \
	     .check = check_iqr},                                                           \
	{                                                                                   \
		.label = "Note", .kind = FK_MEMO, .width = 50, .rows = 2, .optional = true, \
		.off = VO(note), .size = sizeof(((struct visit *)0)->note),                 \
		.text = visit_check_note                                                    \
	}

/* The rows after the visit: seen or missed, and the day (both tables). */
#define VISIT_STATE_AND_DATE          \
	{.label = "Seen or missed",   \
	 .kind = FK_CHOICE,           \
	 .width = 12,                 \
	 .choice_label = state_label, \
	 .nchoices = 2,               \
	 .check = check_state},       \
	    {.label = "Date",         \
	     .name = "visit date",    \
	     .kind = FK_DATE,         \
	     .hint = "YYYY-MM-DD",    \
	     .width = 12,             \
	     .max = 10,               \
	     .off = VO(date)},

static const struct ui_fielddef vf_fields[VF_N] = {
    {.label = "Visit",
     .kind = FK_CHOICE,
     .hint = "{=CHOOSE}: list",
     .width = 36,
     .none = "choose",
     .first = -1,
     .check = check_item},
    VISIT_STATE_AND_DATE{.label = "Reason (missed)",
			 .kind = FK_TEXT,
			 .hint = "only when missed",
			 .width = 40,
			 .max = VISIT_REASON_MAX,
			 .check = check_reason},
    VISIT_MEASURES,
};

static const struct ui_fielddef vc_fields[VF_N] = {
    {.label = "Visit", .kind = FK_CHOICE, .width = 36, .check = check_item},
    VISIT_STATE_AND_DATE{.label = "Why corrected",
			 .kind = FK_TEXT,
			 .hint = "required",
			 .width = 40,
			 .max = VISIT_REASON_MAX,
			 .check = check_reason},
    VISIT_MEASURES,
};
#undef VO

static void vf_draw_more(struct ui_fform *ff, struct ui *ui)
{
	if (!correcting(ff))
		ui_put(ui->body, 0, 0, ui->cols, ROLE_TITLE,
		       missed(ff) ? "Missed visit: visit, date and reason only" : ff->heading);
}

static void fever_hint(const struct visit *v, char *buf, size_t n)
{
	int g = isnan(v->temp_c) ? 0 : ae_fever_grade(v->temp_c, -1);
	buf[0] = '\0';
	if (g > 0)
		snprintf(buf, n, "; fever %.1f °C suggests CTCAE grade %d%s: press a to record it",
			 v->temp_c, g, g == 3 ? " (4 if it lasts > 24 h)" : "");
}

static enum status store_missed(struct ui_fform *ff, struct ui *ui, struct err *e)
{
	struct visit *v = ff->rec, m;
	visit_init(&m);
	m.state = VISIT_MISSED;
	m.patient_id = v->patient_id;
	m.schedule_id = v->schedule_id;
	m.date = v->date;
	strlcpy_(m.reason, v->reason, sizeof m.reason);
	strlcpy_(m.label, v->label, sizeof m.label);
	if (!m.reason[0])
		return err_set(e, ST_INVALID, "reason: say why the visit was missed");
	*v = m;
	return store_visit_missed(ui->app->st, v, e);
}

static enum status vf_save(struct ui_fform *ff, struct ui *ui, bool confirmed, struct err *e)
{
	struct visit *v = ff->rec;
	char d[16], fever[128];
	enum status s;
	if (missed(ff)) {
		s = store_missed(ff, ui, e);
	} else {
		v->state = VISIT_DONE;
		s = visit_validate(v, ff->today, e);
		if (s == ST_CONFIRM)
			s = ST_OK; /* each warning was confirmed as its field was left */
		if (s == ST_OK)
			s = store_visit_add(ui->app->st, v, NULL, 0, e);
	}
	if (s != ST_OK)
		return s;
	fever_hint(v, fever, sizeof fever);
	ui_msg(ui, ROLE_OK, "recorded %s %s on %s%s",
	       v->schedule_id ? v->label : "unscheduled visit",
	       v->state == VISIT_MISSED ? "as missed" : "visit", date_format(v->date, d), fever);
	return ST_OK;
}

/* The visit's labs next, with the same rows as at intake. */
static void vf_after(struct ui_fform *ff, struct ui *ui)
{
	const struct visit *v = ff->rec;
	if (v->state != VISIT_MISSED)
		ui_push(ui, ui_visit_labs_new(ui, v->patient_id, v->id, v->date,
					      v->schedule_id ? v->label : NULL));
}

static enum status vc_save(struct ui_fform *ff, struct ui *ui, bool confirmed, struct err *e)
{
	struct vctx *c = ff->ctx;
	struct visit *v = ff->rec;
	struct err e2 = {""};
	char d[16];
	v->id = c->orig.id;
	v->patient_id = c->orig.patient_id;
	enum status s = store_visit_correct(ui->app->st, v, c->why, e);
	if (s == ST_CONFLICT &&
	    store_visit_get(ui->app->st, v->patient_id, v->id, ff->theirs, &e2) != ST_OK)
		return err_set(e, ST_CONFLICT, "%s; %s", e->msg, e2.msg);
	if (s == ST_OK)
		ui_msg(ui, ROLE_OK, "corrected the visit of %s (%s), now version %lld",
		       date_format(v->date, d), v->schedule_id ? v->label : "unscheduled",
		       (long long)v->version);
	return s;
}

/* One line of a visit's values, for the two versions of a conflict. */
static void vc_describe(const struct ui_fform *ff, const void *rec, char *buf, size_t n)
{
	const struct visit *v = rec;
	char d[16];
	snprintf(buf, n, "v%lld %s, %.1f °C, %.1f kg, BP %d/%d, note \"%.40s\"",
		 (long long)v->version, date_format(v->date, d), v->temp_c, v->weight_kg, v->sbp,
		 v->dbp, v->note);
}

static const enum ui_action vf_hints[] = {ACT_HELP, ACT_NEXT, ACT_CHOOSE,
					  ACT_SAVE, ACT_BACK, ACT_NONE};

static const struct ui_formdef vf_def = {
    .kind = DRAFT_VISIT,
    .title = "Visit",
    .noun = "visit",
    .heading = "Follow-up visit (empty fields: not measured / not assessed)",
    .help = "Record a follow-up visit. Choose the scheduled visit (open visits are listed with "
	    "their due day and mark) or unscheduled; 'missed' records a scheduled visit as "
	    "missed with its reason. Vitals, symptoms (none, mild, moderate, severe), ascites "
	    "(ICA grade 0-3, the definitions are listed), paracentesis, encephalopathy (West "
	    "Haven 0-4), liver stiffness and IQR are optional: empty means not measured. Each "
	    "field is checked as you leave it; {SAVE} saves. What you type is kept as a draft "
	    "until it is saved.",
    .hints = vf_hints,
    .fields = vf_fields,
    .n = VF_N,
    .rec_size = sizeof(struct visit),
    .version_off = offsetof(struct visit, version),
    .note_max = VISIT_NOTE_MAX,
    .save = vf_save,
    .after = vf_after,
    .draw_more = vf_draw_more,
};

static const struct ui_formdef vc_def = {
    .kind = DRAFT_VISIT_CORRECT,
    .title = "Correct visit",
    .noun = "visit",
    .heading = "Correct the visit: change what was wrong and say why",
    .help = "Correct a recorded visit: a value typed wrong, a value that was not measured "
	    "(empty it), or the wrong day (its lab results move with it; early, in window or "
	    "late is worked out again). Say why in 'Why corrected'. The visit stays the same "
	    "scheduled visit and stays seen. {SAVE} saves a new version; the old one is kept in "
	    "the audit trail. If someone else corrected it since you opened it, both versions "
	    "are shown: y keeps yours, n theirs.",
    .hints = vf_hints,
    .fields = vc_fields,
    .n = VF_N,
    .rec_size = sizeof(struct visit),
    .version_off = offsetof(struct visit, version),
    .note_max = VISIT_NOTE_MAX,
    .save = vc_save,
    .describe = vc_describe,
};

/* The open scheduled visits, each with its due day and mark today. */
static enum status load_items(struct ui_fform *ff, struct ui *ui, struct err *e)
{
	struct vctx *c = ff->ctx;
	struct dash_cal *cal = xcalloc(DASH_SCHED_MAX, sizeof *cal);
	char d[16];
	int n = 0;
	enum status s =
	    store_dash_calendar(ui->app->st, ff->patient_id, cal, DASH_SCHED_MAX, &n, e);
	for (int i = 0; s == ST_OK && i < n && c->n < VF_ITEMS_MAX; i++) {
		const struct schedule_item *it = &cal[i].item;
		if (it->kind != SCHED_VISIT || it->state != SCHED_OPEN)
			continue;
		c->items[c->n] = *it;
		snprintf(c->text[c->n], VF_ITEM_TEXT, "%s due %s (%s)", it->label,
			 date_format(it->due, d), visit_mark_str(visit_mark(it, ff->today)));
		c->list[c->n] = c->text[c->n];
		c->n++;
	}
	strlcpy_(c->text[c->n], "unscheduled", VF_ITEM_TEXT);
	c->list[c->n] = c->text[c->n];
	free(cal);
	return s;
}

static struct ui_screen *open_visit(struct ui *ui, int64_t patient_id, bool resume)
{
	struct err e = {""};
	struct ui_fform *ff = ui_fform_new(&vf_def, ui, patient_id, 0, sizeof(struct vctx));
	struct vctx *c = ff->ctx;
	struct visit *v = ff->rec;
	char d[16];
	enum status s = load_items(ff, ui, &e);
	if (s != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "cannot open the visit form: %s", err_why(&e, s));
		ui_fform_free(ff);
		return NULL;
	}
	visit_init(v);
	v->patient_id = patient_id;
	ui_fform_choices(ff, VF_ITEM, c->list, c->n + 1);
	ui_fform_choose(ff, VF_ITEM, c->n > 0 ? 0 : -1);
	ui_fform_set(ff, VF_DATE, date_format(ff->today, d));
	return ui_fform_ready(ff, ui, resume);
}

struct ui_screen *ui_visit_new(struct ui *ui, int64_t patient_id)
{
	return open_visit(ui, patient_id, false);
}

struct ui_screen *ui_visit_resume(struct ui *ui, int64_t patient_id)
{
	return open_visit(ui, patient_id, true);
}

/* The stored visit in the fields the engine does not fill itself. */
static void fill_rest(struct ui_fform *ff, const struct visit *v)
{
	char buf[32] = "";
	if (v->sbp)
		snprintf(buf, sizeof buf, "%d/%d", v->sbp, v->dbp);
	ui_fform_set(ff, VF_BP, buf);
	buf[0] = '\0';
	if (!isnan(v->iqr_kpa))
		snprintf(buf, sizeof buf, "%g", v->iqr_kpa);
	ui_fform_set(ff, VF_IQR, buf);
}

static struct ui_screen *open_correct(struct ui *ui, int64_t patient_id, int64_t visit_id,
				      bool resume)
{
	struct err e = {""};
	struct ui_fform *ff = ui_fform_new(&vc_def, ui, patient_id, visit_id, sizeof(struct vctx));
	struct vctx *c = ff->ctx;
	char d[16];
	enum status s = store_visit_get(ui->app->st, patient_id, visit_id, &c->orig, &e);
	if (s == ST_OK && c->orig.state != VISIT_DONE)
		s = err_set(&e, ST_INVALID,
			    "it was recorded as missed; only a visit that was "
			    "done can be corrected");
	if (s != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "cannot correct the visit: %s", err_why(&e, s));
		ui_fform_free(ff);
		return NULL;
	}
	*(struct visit *)ff->rec = c->orig;
	snprintf(c->text[0], VF_ITEM_TEXT, "%s on %s, v%lld",
		 c->orig.schedule_id ? c->orig.label : "unscheduled", date_format(c->orig.date, d),
		 (long long)c->orig.version);
	c->list[0] = c->text[0];
	ui_fform_choices(ff, VF_ITEM, c->list, 1);
	ui_fform_choose(ff, VF_ITEM, 0);
	ui_fform_fill(ff);
	fill_rest(ff, &c->orig);
	return ui_fform_ready(ff, ui, resume);
}

struct ui_screen *ui_visit_correct_new(struct ui *ui, int64_t patient_id, int64_t visit_id)
{
	return open_correct(ui, patient_id, visit_id, false);
}

struct ui_screen *ui_visit_correct_resume(struct ui *ui, int64_t patient_id, int64_t visit_id)
{
	return open_correct(ui, patient_id, visit_id, true);
}
