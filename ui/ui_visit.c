/* ui_visit.c: the follow-up visit form (scheduled, unscheduled or missed),
 * and the same form correcting a recorded visit. */
#include "ui_visit.h"

#include <math.h>
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
#include "ui_fdraft.h"
#include "ui_form.h"
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
static const char *const severities[] = {"none", "mild", "moderate", "severe"};

struct vform {
	struct ui_screen base;
	struct ui_form form;
	struct ui_form_field f[VF_N];
	struct ui_fdraft draft;
	struct visit v;
	day_t today;
	struct schedule_item items[VF_ITEMS_MAX];
	char item_text[VF_ITEMS_MAX + 1][VF_ITEM_TEXT];
	const char *item_items[VF_ITEMS_MAX + 1];
	int nitems; /* open scheduled visits; the choice after them is "unscheduled" */
	const char *ascites_items[4], *he_items[5];
	/* Correcting: the visit as stored (id > 0), why, and the draft's name. */
	struct visit orig;
	char why[VISIT_REASON_MAX + 1];
	char draft_form[DRAFT_FORM_MAX + 1];
};

static bool correcting(const struct vform *vf)
{
	return vf->orig.id > 0;
}

static const enum ui_action vf_hints[] = {ACT_HELP, ACT_NEXT, ACT_CHOOSE,
					  ACT_SAVE, ACT_BACK, ACT_NONE};

static bool missed(const struct vform *vf)
{
	return vf->f[VF_STATE].choice == 1;
}

static enum status check_item(struct vform *vf, struct err *e)
{
	int c = vf->f[VF_ITEM].choice;
	if (correcting(vf))
		return ST_OK; /* a correction keeps the visit's scheduled item */
	if (c < 0)
		return err_set(e, ST_INVALID,
			       "visit: choose the scheduled visit, or unscheduled "
			       "(Space lists them)");
	vf->v.schedule_id = c < vf->nitems ? vf->items[c].id : 0;
	if (c < vf->nitems)
		strlcpy_(vf->v.label, vf->items[c].label, sizeof vf->v.label);
	return ST_OK;
}

/* Optional numeric fields: empty is "not measured". */
static enum status check_number(struct vform *vf, int i, const char *t, struct err *e)
{
	double *out = i == VF_TEMP     ? &vf->v.temp_c
		      : i == VF_WEIGHT ? &vf->v.weight_kg
		      : i == VF_PARA   ? &vf->v.paracentesis_ml
		      : i == VF_STIFF  ? &vf->v.stiffness_kpa
				       : &vf->v.iqr_kpa;
	*out = NAN;
	if (!*t)
		return ST_OK;
	switch (i) {
	case VF_TEMP:
		return visit_check_temperature(t, out, e);
	case VF_WEIGHT:
		return patient_check_weight(t, out, e);
	case VF_PARA:
		return visit_check_paracentesis(t, out, e);
	case VF_STIFF:
		return imaging_check_stiffness(t, out, e);
	default:
		return imaging_check_iqr(t, vf->v.stiffness_kpa, out, e);
	}
}

static enum status check_text(struct vform *vf, int i, const char *t, struct err *e)
{
	if (i == VF_DATE)
		return date_parse_field("visit date", t, vf->today, false, &vf->v.date, e);
	if (i == VF_REASON && correcting(vf)) {
		enum status s = visit_check_correction(t, e);
		if (s == ST_OK)
			strlcpy_(vf->why, t, sizeof vf->why);
		return s;
	}
	if (i == VF_REASON) {
		if (!missed(vf))
			return *t ? err_set(e, ST_INVALID, "reason: only for a missed visit")
				  : ST_OK;
		enum status s = visit_check_reason(t, e);
		if (s == ST_OK)
			strlcpy_(vf->v.reason, t, sizeof vf->v.reason);
		return s;
	}
	if (i == VF_BP) {
		vf->v.sbp = vf->v.dbp = 0;
		return *t ? visit_check_bp(t, &vf->v.sbp, &vf->v.dbp, e) : ST_OK;
	}
	enum status s = visit_check_note(t, e);
	if (s == ST_OK)
		strlcpy_(vf->v.note, t, sizeof vf->v.note);
	return s;
}

/* Each field through the model's own check; values land in vf->v. */
static enum status vf_check(void *owner, int i, bool confirmed, struct err *e)
{
	struct vform *vf = owner;
	const char *t = ui_form_text(&vf->form, i);
	enum status s;
	if (i == VF_ITEM)
		return check_item(vf, e);
	if (i == VF_STATE && correcting(vf))
		return missed(vf) ? err_set(e, ST_INVALID,
					    "seen or missed: a correction keeps the "
					    "visit as seen")
				  : ST_OK;
	if (i == VF_STATE)
		return missed(vf) && vf->f[VF_ITEM].choice >= vf->nitems
			   ? err_set(e, ST_INVALID, "missed: only a scheduled visit can be missed")
			   : ST_OK;
	if (i >= VF_SYM && i < VF_SYM + SYM_COUNT) {
		vf->v.symptom[i - VF_SYM] = vf->f[i].choice;
		return ST_OK;
	}
	if (i == VF_ASCITES || i == VF_HE) {
		*(i == VF_ASCITES ? &vf->v.ascites : &vf->v.he) = vf->f[i].choice;
		return ST_OK;
	}
	if (i == VF_TEMP || i == VF_WEIGHT || i == VF_PARA || i == VF_STIFF || i == VF_IQR)
		s = check_number(vf, i, t, e);
	else
		s = check_text(vf, i, t, e);
	return s == ST_CONFIRM && confirmed ? ST_OK : s;
}

static void vf_draw(struct ui_screen *s, struct ui *ui)
{
	struct vform *vf = (struct vform *)s;
	int a = vf->f[VF_ASCITES].choice, h = vf->f[VF_HE].choice;
	vf->f[VF_ASCITES].hint = a >= 0 ? "" : "ICA 0-3; Space: list";
	vf->f[VF_HE].hint = h >= 0 ? "" : "West Haven 0-4; Space: list";
	ui_put(ui->body, 0, 0, ui->cols, ROLE_TITLE,
	       correcting(vf) ? "Correct the visit: change what was wrong and say why"
	       : missed(vf)   ? "Missed visit: visit, date and reason only"
			      : "Follow-up visit (empty fields: not measured / not assessed)");
	ui_form_draw(&vf->form, ui, 1);
	ui_fdraft_offer(&vf->draft, ui);
}

static void fever_hint(const struct vform *vf, char *buf, size_t n)
{
	int g = isnan(vf->v.temp_c) ? 0 : ae_fever_grade(vf->v.temp_c, -1);
	buf[0] = '\0';
	if (g > 0)
		snprintf(buf, n, "; fever %.1f °C suggests CTCAE grade %d%s: press a to record it",
			 vf->v.temp_c, g, g == 3 ? " (4 if it lasts > 24 h)" : "");
}

static enum status store_it(struct vform *vf, struct ui *ui, struct err *e)
{
	if (correcting(vf)) {
		vf->v.id = vf->orig.id;
		vf->v.patient_id = vf->orig.patient_id;
		vf->v.version = vf->orig.version;
		return store_visit_correct(ui->app->st, &vf->v, vf->why, e);
	}
	if (missed(vf)) {
		struct visit m;
		visit_init(&m);
		m.state = VISIT_MISSED;
		m.patient_id = vf->v.patient_id;
		m.schedule_id = vf->v.schedule_id;
		m.date = vf->v.date;
		strlcpy_(m.reason, vf->v.reason, sizeof m.reason);
		strlcpy_(m.label, vf->v.label, sizeof m.label);
		if (!m.reason[0])
			return err_set(e, ST_INVALID, "reason: say why the visit was missed");
		vf->v = m;
		return store_visit_missed(ui->app->st, &vf->v, e);
	}
	vf->v.state = VISIT_DONE;
	enum status s = visit_validate(&vf->v, vf->today, e);
	if (s == ST_CONFIRM)
		s = ST_OK; /* each warning was confirmed as its field was left */
	return s == ST_OK ? store_visit_add(ui->app->st, &vf->v, NULL, 0, e) : s;
}

static int vf_save(struct vform *vf, struct ui *ui)
{
	struct err e = {""};
	char d[16], fever[128];
	if (!ui_form_valid(&vf->form, ui))
		return UI_DONE;
	enum status s = store_it(vf, ui, &e);
	if (s != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "not saved: %s", err_why(&e, s));
		return UI_DONE;
	}
	ui_fdraft_drop(&vf->draft, ui);
	vf->base.dirty = false;
	if (correcting(vf)) {
		ui_msg(ui, ROLE_OK, "corrected the visit of %s (%s), now version %lld",
		       date_format(vf->v.date, d), vf->v.schedule_id ? vf->v.label : "unscheduled",
		       (long long)vf->v.version);
		return UI_POP;
	}
	fever_hint(vf, fever, sizeof fever);
	ui_msg(ui, ROLE_OK, "recorded %s %s on %s%s",
	       vf->v.schedule_id ? vf->v.label : "unscheduled visit",
	       vf->v.state == VISIT_MISSED ? "as missed" : "visit", date_format(vf->v.date, d),
	       fever);
	if (vf->v.state == VISIT_MISSED)
		return UI_POP;
	/* The visit's labs next, with the same rows as at intake. */
	struct ui_screen *labs = ui_visit_labs_new(ui, vf->v.patient_id, vf->v.id, vf->v.date,
						   vf->v.schedule_id ? vf->v.label : NULL);
	ui_pop(ui);
	ui_push(ui, labs);
	return UI_DONE;
}

static int vf_key(struct ui_screen *s, struct ui *ui, int key)
{
	struct vform *vf = (struct vform *)s;
	if (ui_key_is(key, ACT_SAVE))
		return vf_save(vf, ui);
	int r = ui_form_key(&vf->form, ui, key);
	vf->base.dirty = vf->form.dirty;
	ui_fdraft_changed(&vf->draft, ui);
	return r;
}

static void vf_done(struct ui_screen *s)
{
	struct vform *vf = (struct vform *)s;
	ui_fdraft_done(&vf->draft);
	ui_form_done(&vf->form);
	free(vf);
}

static const struct ui_screen_ops vf_ops = {
    "Visit",
    vf_draw,
    vf_key,
    NULL,
    vf_done,
    vf_hints,
    "Record a follow-up visit. Choose the scheduled visit (open visits are listed with their "
    "due day and mark) or unscheduled; 'missed' records a scheduled visit as missed with its "
    "reason. Vitals, symptoms (none, mild, moderate, severe), ascites (ICA grade 0-3, the "
    "definitions are listed), paracentesis, encephalopathy (West Haven 0-4), liver stiffness "
    "and IQR are optional: empty means not measured. Each field is checked as you leave it; "
    "F2 saves. What you type is kept as a draft until it is saved.",
};

static const struct ui_screen_ops vc_ops = {
    "Correct visit",
    vf_draw,
    vf_key,
    NULL,
    vf_done,
    vf_hints,
    "Correct a recorded visit: a value typed wrong, a value that was not measured (empty "
    "it), or the wrong day (its lab results move with it; early, in window or late is "
    "worked out again). Say why in 'Why corrected'. The visit stays the same scheduled "
    "visit and stays seen. F2 saves a new version; the old one is kept in the audit trail. "
    "If someone else corrected it since you opened it, nothing is saved: open it again.",
};

static void vf_fields(struct vform *vf)
{
	struct ui_form_field *f = vf->f;
	ui_form_field_set(&f[VF_ITEM], "Visit", "Space: list", UF_CHOICE, 36, 0);
	ui_form_field_choices(&f[VF_ITEM], vf->item_items, vf->nitems + 1, "choose");
	ui_form_field_set(&f[VF_STATE], "Seen or missed", NULL, UF_CHOICE, 12, 0);
	ui_form_field_choices(&f[VF_STATE], states, 2, NULL);
	f[VF_STATE].choice = f[VF_STATE].saved_choice = 0;
	ui_form_field_set(&f[VF_DATE], "Date", "YYYY-MM-DD", UF_TEXT, 12, 10);
	ui_form_field_set(&f[VF_REASON], "Reason (missed)", "only when missed", UF_TEXT, 40,
			  VISIT_REASON_MAX);
	ui_form_field_set(&f[VF_TEMP], "Temperature (C)", "30-45", UF_TEXT, 8, 8);
	ui_form_field_set(&f[VF_WEIGHT], "Weight (kg)", "20-250", UF_TEXT, 8, 8);
	ui_form_field_set(&f[VF_BP], "Blood pressure", "SYS/DIA mmHg", UF_TEXT, 10, 9);
	for (int i = 0; i < SYM_COUNT; i++) {
		ui_form_field_set(&f[VF_SYM + i], symptom_label((enum symptom)i), NULL, UF_CHOICE,
				  14, 0);
		ui_form_field_choices(&f[VF_SYM + i], severities, 4, "not assessed");
	}
	ui_form_field_set(&f[VF_ASCITES], "Ascites (ICA)", NULL, UF_CHOICE, 46, 0);
	ui_form_field_choices(&f[VF_ASCITES], vf->ascites_items, 4, "not assessed");
	ui_form_field_set(&f[VF_PARA], "Paracentesis (mL)", "0-20000", UF_TEXT, 8, 8);
	ui_form_field_set(&f[VF_HE], "HE (West Haven)", NULL, UF_CHOICE, 46, 0);
	ui_form_field_choices(&f[VF_HE], vf->he_items, 5, "not assessed");
	ui_form_field_set(&f[VF_STIFF], "Stiffness (kPa)", NULL, UF_TEXT, 8, 8);
	ui_form_field_set(&f[VF_IQR], "IQR (kPa)", NULL, UF_TEXT, 8, 8);
	ui_form_field_set(&f[VF_NOTE], "Note", NULL, UF_MEMO, 50, 0);
	f[VF_NOTE].memo_rows = 2;
}

/* The open scheduled visits, each with its due day and mark today. */
static enum status load_items(struct vform *vf, struct ui *ui, int64_t patient_id, struct err *e)
{
	struct dash_cal *cal = xcalloc(DASH_SCHED_MAX, sizeof *cal);
	char d[16];
	int n = 0;
	enum status s = store_dash_calendar(ui->app->st, patient_id, cal, DASH_SCHED_MAX, &n, e);
	for (int i = 0; s == ST_OK && i < n && vf->nitems < VF_ITEMS_MAX; i++) {
		const struct schedule_item *it = &cal[i].item;
		if (it->kind != SCHED_VISIT || it->state != SCHED_OPEN)
			continue;
		vf->items[vf->nitems] = *it;
		snprintf(vf->item_text[vf->nitems], VF_ITEM_TEXT, "%s due %s (%s)", it->label,
			 date_format(it->due, d), visit_mark_str(visit_mark(it, vf->today)));
		vf->item_items[vf->nitems] = vf->item_text[vf->nitems];
		vf->nitems++;
	}
	strlcpy_(vf->item_text[vf->nitems], "unscheduled", VF_ITEM_TEXT);
	vf->item_items[vf->nitems] = vf->item_text[vf->nitems];
	free(cal);
	return s;
}

/* The stored values into the fields (after ui_form_init: the note's editor). */
static void fill_fields(struct vform *vf, const struct visit *v)
{
	static const int nums[] = {VF_TEMP, VF_WEIGHT, VF_PARA, VF_STIFF, VF_IQR};
	const double vals[] = {v->temp_c, v->weight_kg, v->paracentesis_ml, v->stiffness_kpa,
			       v->iqr_kpa};
	char buf[32];
	ui_field_set(&vf->f[VF_DATE].edit, date_format(v->date, buf));
	for (size_t i = 0; i < ARRAY_SIZE(nums); i++) {
		snprintf(buf, sizeof buf, "%g", vals[i]);
		ui_field_set(&vf->f[nums[i]].edit, isnan(vals[i]) ? "" : buf);
	}
	snprintf(buf, sizeof buf, "%d/%d", v->sbp, v->dbp);
	ui_field_set(&vf->f[VF_BP].edit, v->sbp ? buf : "");
	for (int i = 0; i < SYM_COUNT; i++)
		vf->f[VF_SYM + i].choice = vf->f[VF_SYM + i].saved_choice = v->symptom[i];
	vf->f[VF_ASCITES].choice = vf->f[VF_ASCITES].saved_choice = v->ascites;
	vf->f[VF_HE].choice = vf->f[VF_HE].saved_choice = v->he;
	ui_editor_set(&vf->f[VF_NOTE].memo, v->note);
}

struct ui_screen *ui_visit_correct_new(struct ui *ui, int64_t patient_id, int64_t visit_id)
{
	struct err e = {""};
	char d[16];
	struct vform *vf = xcalloc(1, sizeof *vf);
	enum status s = store_visit_get(ui->app->st, patient_id, visit_id, &vf->orig, &e);
	if (s == ST_OK && vf->orig.state != VISIT_DONE)
		s = err_set(&e, ST_INVALID,
			    "it was recorded as missed; only a visit that was done "
			    "can be corrected");
	if (s != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "cannot correct the visit: %s", err_why(&e, s));
		free(vf);
		return NULL;
	}
	vf->base.ops = &vc_ops;
	vf->base.patient = patient_id;
	vf->today = app_today(ui->app);
	vf->v = vf->orig;
	for (int i = 0; i < 5; i++) {
		if (i < 4)
			vf->ascites_items[i] = visit_ascites_text(i);
		vf->he_items[i] = visit_he_text(i);
	}
	snprintf(vf->item_text[0], VF_ITEM_TEXT, "%s on %s, v%lld",
		 vf->orig.schedule_id ? vf->orig.label : "unscheduled",
		 date_format(vf->orig.date, d), (long long)vf->orig.version);
	vf->item_items[0] = vf->item_text[0];
	vf_fields(vf);
	ui_form_field_choices(&vf->f[VF_ITEM], vf->item_items, 1, NULL);
	vf->f[VF_ITEM].choice = vf->f[VF_ITEM].saved_choice = 0;
	vf->f[VF_ITEM].hint = NULL;
	vf->f[VF_REASON].label = "Why corrected";
	vf->f[VF_REASON].hint = "required";
	ui_form_init(&vf->form, vf->f, VF_N, vf_check, vf, VISIT_NOTE_MAX);
	fill_fields(vf, &vf->orig);
	snprintf(vf->draft_form, sizeof vf->draft_form, UI_DRAFT_VISIT_CORRECT "%lld",
		 (long long)visit_id);
	ui_fdraft_init(&vf->draft, vf->draft_form, patient_id, &vf->form);
	return &vf->base;
}

struct ui_screen *ui_visit_new(struct ui *ui, int64_t patient_id)
{
	struct err e = {""};
	char d[16];
	struct vform *vf = xcalloc(1, sizeof *vf);
	vf->base.ops = &vf_ops;
	vf->base.patient = patient_id;
	vf->today = app_today(ui->app);
	visit_init(&vf->v);
	vf->v.patient_id = patient_id;
	vf->v.date = vf->today;
	for (int i = 0; i < 5; i++) {
		if (i < 4)
			vf->ascites_items[i] = visit_ascites_text(i);
		vf->he_items[i] = visit_he_text(i);
	}
	enum status s = load_items(vf, ui, patient_id, &e);
	if (s != ST_OK) {
		ui_msg(ui, ROLE_CRITICAL, "cannot open the visit form: %s", err_why(&e, s));
		free(vf);
		return NULL;
	}
	vf_fields(vf);
	ui_form_init(&vf->form, vf->f, VF_N, vf_check, vf, VISIT_NOTE_MAX);
	ui_field_set(&vf->f[VF_DATE].edit, date_format(vf->today, d));
	if (vf->nitems > 0)
		vf->f[VF_ITEM].choice = vf->f[VF_ITEM].saved_choice = 0;
	ui_fdraft_init(&vf->draft, "visit", patient_id, &vf->form);
	return &vf->base;
}
