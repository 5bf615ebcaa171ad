/* checklist.c: evaluates a protocol's checklist items for a patient on a day. */
#include "checklist.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "overview.h"
#include "text.h"
#include "util.h"

static const char *const state_names[] = {"met", "not_met", "missing", "stale"};
static const char *const status_names[] = {"READY", "NOT_READY", "EXCLUDED"};

static void put(char *dst, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void append(char *dst, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

const char *item_state_str(enum item_state s)
{
	return (unsigned)s < ITEM_STATE_COUNT ? state_names[s] : "?";
}

const char *eval_status_str(enum eval_status s)
{
	return (unsigned)s < EVAL_STATUS_COUNT ? status_names[s] : "?";
}

bool eval_status_parse(const char *s, enum eval_status *out)
{
	for (int i = 0; s && i < EVAL_STATUS_COUNT; i++)
		if (strcmp(s, status_names[i]) == 0) {
			*out = (enum eval_status)i;
			return true;
		}
	return false;
}

static void put(char *dst, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(dst, CHECKLIST_TEXT_MAX, fmt, ap);
	va_end(ap);
}

static void append(char *dst, const char *fmt, ...)
{
	size_t len = strlen(dst);
	va_list ap;
	if (len >= CHECKLIST_TEXT_MAX - 1)
		return;
	va_start(ap, fmt);
	vsnprintf(dst + len, CHECKLIST_TEXT_MAX - len, fmt, ap);
	va_end(ap);
}

static bool stale(const struct protocol_item *it, day_t on, day_t d)
{
	return it->window_days > 0 && on - d > it->window_days;
}

static void set_state(struct checklist_line *l, enum item_state s)
{
	l->state = s;
}

/* "bilirubin 2.3 mg/dL on 2026-11-02, 21 days old" */
static void describe_lab(char *dst, const struct lab_result *r, day_t on)
{
	char v[32], d[16], entered[40];
	analyte_format(r->analyte, UNITS_US, r->canonical, v, sizeof v);
	const char *unit = analyte_unit(r->analyte, UNITS_US);
	lab_entered_text(r, entered, sizeof entered);
	append(dst, "%s%s %s%s%s%s%s%s on %s, %d day%s old", *dst ? "; " : "",
	       analyte_get(r->analyte)->key, v, *unit ? " " : "", unit, *entered ? " (" : "",
	       entered, *entered ? ")" : "", date_format(r->date, d), (int)(on - r->date),
	       on - r->date == 1 ? "" : "s");
}

static void eval_lab(const struct protocol_item *it, const struct checklist_input *in,
		     struct checklist_line *l)
{
	char missing[CHECKLIST_TEXT_MAX] = "", old[CHECKLIST_TEXT_MAX] = "",
	     out_of[CHECKLIST_TEXT_MAX] = "";
	for (int i = 0; i < it->nanalytes; i++) {
		enum analyte_id a = it->analytes[i];
		if (!in->labs.have[a]) {
			append(missing, "%s%s", *missing ? ", " : "", analyte_get(a)->key);
			continue;
		}
		const struct lab_result *r = &in->labs.r[a];
		describe_lab(l->data, r, in->on);
		if (stale(it, in->on, r->date))
			describe_lab(old, r, in->on);
		if ((!isnan(it->min) && r->canonical < it->min) ||
		    (!isnan(it->max) && r->canonical > it->max))
			describe_lab(out_of, r, in->on);
	}
	if (*missing) {
		set_state(l, ITEM_MISSING);
		put(l->reason, "no result on or before this day for %s", missing);
	} else if (*old) {
		set_state(l, ITEM_STALE);
		put(l->reason, "%s; window %d days", old, it->window_days);
	} else if (*out_of) {
		set_state(l, ITEM_NOT_MET);
		put(l->reason, "%s; accepted ", out_of);
		if (!isnan(it->min))
			append(l->reason, "at least %g", it->min);
		if (!isnan(it->max))
			append(l->reason, "%sat most %g", isnan(it->min) ? "" : " and ", it->max);
	} else {
		set_state(l, ITEM_MET);
		put(l->reason, "%d result%s within %d days", it->nanalytes,
		    it->nanalytes == 1 ? "" : "s", it->window_days);
		if (!isnan(it->min) || !isnan(it->max))
			append(l->reason, " and within bounds");
	}
}

static void modalities_text(const struct protocol_item *it, char *dst)
{
	for (int m = 0; m < MOD_COUNT; m++)
		if (it->modality[m])
			append(dst, "%s%s", *dst ? "/" : "", modality_str((enum modality)m));
}

/* How sensitive a modality is for a finding: 2 for the studies that may
 * overrule a positive one (contrast CT or MRI for HCC; Doppler, CT or MRI
 * for thrombosis), 1 for ultrasound, 0 for a study that cannot tell. */
static int sensitivity(enum pfinding f, enum modality m)
{
	if (m == MOD_CT || m == MOD_MRI)
		return 2;
	if (m == MOD_DOPPLER)
		return f == PFIND_THROMBOSIS ? 2 : 0;
	return m == MOD_ULTRASOUND ? 1 : 0;
}

static enum finding finding_of(const struct protocol_item *it, const struct imaging_note *n)
{
	return it->finding == PFIND_HCC ? n->hcc : n->thrombosis;
}

/* "mri on 2026-01-02, 60 days old: HCC present" */
static void describe_study(char *dst, const struct protocol_item *it, const struct imaging_note *n,
			   day_t on)
{
	const char *what = it->finding == PFIND_HCC ? "HCC" : "portal/hepatic vein thrombosis";
	char d[16];
	int age = (int)(on - n->date);
	append(dst, "%s%s on %s, %d day%s old: %s %s", *dst ? "; " : "", modality_str(n->modality),
	       date_format(n->date, d), age, age == 1 ? "" : "s", what,
	       finding_of(it, n) == FIND_YES ? "present" : "absent");
	if (n->lirads)
		append(dst, ", %s", lirads_str(n->lirads));
	if (!isnan(n->lesion_mm))
		append(dst, ", largest lesion %.0f mm", n->lesion_mm);
}

/* A positive finding within the window excludes until a later study at
 * least as sensitive (and able to overrule it) says absent. Returns true
 * when it decided the line. in->imaging is newest first. */
static bool eval_positive(const struct protocol_item *it, const struct checklist_input *in,
			  struct checklist_line *l)
{
	const char *what = it->finding == PFIND_HCC ? "HCC" : "portal/hepatic vein thrombosis";
	char d[16];
	int pos = -1;
	for (int i = 0; i < in->nimaging; i++) {
		const struct imaging_note *n = &in->imaging[i];
		if (n->date <= in->on && !stale(it, in->on, n->date) &&
		    finding_of(it, n) == FIND_YES) {
			pos = i;
			break;
		}
	}
	if (pos < 0)
		return false;
	const struct imaging_note *p = &in->imaging[pos];
	const int need = 2;		     /* the studies that may overrule a positive one */
	for (int i = pos - 1; i >= 0; i--) { /* later studies, oldest first */
		const struct imaging_note *n = &in->imaging[i];
		if (n->date > in->on || finding_of(it, n) != FIND_NO)
			continue;
		if (sensitivity(it->finding, n->modality) >= need) {
			describe_study(l->data, it, p, in->on);
			describe_study(l->data, it, n, in->on);
			set_state(l, ITEM_MET);
			put(l->reason, "%s found on %s %s was ruled out by a later %s on %s", what,
			    modality_str(p->modality), date_format(p->date, d),
			    modality_str(n->modality), date_format(n->date, (char[16]){0}));
			return true;
		}
	}
	describe_study(l->data, it, p, in->on);
	for (int i = pos - 1; i >= 0; i--)
		if (in->imaging[i].date <= in->on && finding_of(it, &in->imaging[i]) == FIND_NO)
			describe_study(l->data, it, &in->imaging[i], in->on);
	set_state(l, ITEM_NOT_MET);
	put(l->reason, "%s found on %s %s; only a later %s saying absent can overrule it", what,
	    modality_str(p->modality), date_format(p->date, d),
	    it->finding == PFIND_HCC ? "contrast CT or MRI" : "Doppler, CT or MRI");
	return true;
}

static void eval_imaging(const struct protocol_item *it, const struct checklist_input *in,
			 struct checklist_line *l)
{
	const char *what = it->finding == PFIND_HCC ? "HCC" : "portal/hepatic vein thrombosis";
	char mods[64] = "";
	modalities_text(it, mods);
	if (eval_positive(it, in, l))
		return;
	for (int i = 0; i < in->nimaging; i++) {
		const struct imaging_note *n = &in->imaging[i];
		enum finding f = finding_of(it, n);
		if (n->date > in->on || !it->modality[n->modality] || f == FIND_NA)
			continue;
		describe_study(l->data, it, n, in->on);
		if (stale(it, in->on, n->date)) {
			set_state(l, ITEM_STALE);
			put(l->reason, "%s; window %d days", l->data, it->window_days);
		} else {
			set_state(l, ITEM_MET);
			put(l->reason, "%s excluded by %s within %d days", what,
			    modality_str(n->modality), it->window_days);
		}
		return;
	}
	set_state(l, ITEM_MISSING);
	put(l->reason, "no %s on or before this day that assessed %s", mods, what);
}

static const struct score_value *score_of(const struct score_result *r, enum pscore s, double *v)
{
	static const enum score_id ids[] = {SCORE_MELD,	      SCORE_MELD_NA,	SCORE_MELD3,
					    SCORE_CHILD_PUGH, SCORE_CHILD_PUGH, SCORE_ALBI,
					    SCORE_FIB4,	      SCORE_APRI};
	const struct score_value *sv = score_get(r, ids[s]);
	if (s == PSCORE_CHILD_PUGH_CLASS)
		*v = r->child_pugh_class ? r->child_pugh_class - 'A' + 1 : NAN;
	else if (s == PSCORE_ALBI_GRADE)
		*v = r->albi_grade;
	else if (s == PSCORE_FIB4 || s == PSCORE_APRI)
		*v = sv->raw;
	else
		*v = sv->value;
	return sv;
}

static void bound_text(const struct protocol_item *it, char *dst)
{
	bool cls = it->score == PSCORE_CHILD_PUGH_CLASS;
	if (!isnan(it->min) && !isnan(it->max))
		cls ? put(dst, "%c-%c", 'A' + (int)it->min - 1, 'A' + (int)it->max - 1)
		    : put(dst, "%g-%g", it->min, it->max);
	else if (!isnan(it->min))
		cls ? put(dst, "at least %c", 'A' + (int)it->min - 1)
		    : put(dst, "at least %g", it->min);
	else
		cls ? put(dst, "at most %c", 'A' + (int)it->max - 1)
		    : put(dst, "at most %g", it->max);
}

/* The labs and findings a score used: data text, and the oldest date among
 * them. */
static day_t score_labs(const struct protocol_item *it, const struct checklist_input *in,
			char *data)
{
	static const enum score_id ids[] = {SCORE_MELD,	      SCORE_MELD_NA,	SCORE_MELD3,
					    SCORE_CHILD_PUGH, SCORE_CHILD_PUGH, SCORE_ALBI,
					    SCORE_FIB4,	      SCORE_APRI};
	const struct score_basis *b = &in->basis;
	enum analyte_id used[ANALYTE_COUNT];
	char f[160];
	int n = overview_score_analytes(ids[it->score], used);
	day_t oldest = DAY_NONE;
	for (int i = 0; i < n; i++) {
		if (!b->labs.have[used[i]])
			continue;
		describe_lab(data, &b->labs.r[used[i]], in->on);
		if (oldest == DAY_NONE || b->labs.r[used[i]].date < oldest)
			oldest = b->labs.r[used[i]].date;
	}
	bool cp = ids[it->score] == SCORE_CHILD_PUGH;
	const char *kinds[] = {"ascites", "encephalopathy", "dialysis"};
	for (int k = cp ? 0 : 2; k < (cp ? 2 : 3); k++) {
		if (it->score >= PSCORE_ALBI_GRADE)
			break;
		score_basis_finding_text(b, kinds[k], f, sizeof f);
		append(data, "%s%s", *data ? "; " : "", f);
	}
	return oldest;
}

static void eval_score(const struct protocol_item *it, const struct checklist_input *in,
		       const struct score_result *sr, struct checklist_line *l)
{
	char bounds[CHECKLIST_TEXT_MAX], shown[16];
	double v;
	const struct score_value *sv = score_of(sr, it->score, &v);
	day_t oldest = score_labs(it, in, l->data);
	bound_text(it, bounds);
	if (!sv->computable || isnan(v)) {
		set_state(l, ITEM_MISSING);
		put(l->reason, "%s not computable: %s", pscore_str(it->score), sv->why_not);
		return;
	}
	if (it->score == PSCORE_CHILD_PUGH_CLASS)
		snprintf(shown, sizeof shown, "%c (%d points)", sr->child_pugh_class, sv->value);
	else if (it->score == PSCORE_FIB4 || it->score == PSCORE_APRI)
		snprintf(shown, sizeof shown, "%.2f", v);
	else
		snprintf(shown, sizeof shown, "%d", (int)v);
	if (oldest != DAY_NONE && stale(it, in->on, oldest)) {
		set_state(l, ITEM_STALE);
		put(l->reason, "%s %s uses labs %d days old; window %d days", pscore_str(it->score),
		    shown, (int)(in->on - oldest), it->window_days);
	} else if ((!isnan(it->min) && v < it->min) || (!isnan(it->max) && v > it->max)) {
		set_state(l, ITEM_NOT_MET);
		put(l->reason, "%s %s is outside %s", pscore_str(it->score), shown, bounds);
	} else {
		set_state(l, ITEM_MET);
		put(l->reason, "%s %s is within %s", pscore_str(it->score), shown, bounds);
	}
}

static void eval_weight(const struct protocol_item *it, const struct checklist_input *in,
			struct checklist_line *l)
{
	const struct patient *p = &in->patient;
	char d[16];
	if (isnan(p->weight_kg) || p->weight_date == DAY_NONE || p->weight_date > in->on) {
		set_state(l, ITEM_MISSING);
		put(l->reason, "no weight measured on or before this day");
		return;
	}
	int age = (int)(in->on - p->weight_date);
	put(l->data, "weight %.1f kg on %s, %d day%s old", p->weight_kg,
	    date_format(p->weight_date, d), age, age == 1 ? "" : "s");
	if (stale(it, in->on, p->weight_date)) {
		set_state(l, ITEM_STALE);
		put(l->reason, "%s; window %d days: re-measure", l->data, it->window_days);
	} else {
		set_state(l, ITEM_MET);
		put(l->reason, "weight measured within %d days", it->window_days);
	}
}

static const struct checklist_answer *answer_of(const struct checklist_input *in, const char *id)
{
	for (int i = 0; i < in->nanswers; i++)
		if (strcmp(in->answers[i].item, id) == 0 && in->answers[i].answered_on <= in->on)
			return &in->answers[i];
	return NULL;
}

/* The grade an answer gives: 0 for "no", the value for "yes"; -1 if none. */
static int answer_grade(const struct checklist_answer *a)
{
	long g;
	if (!a)
		return -1;
	if (!a->yes)
		return 0;
	return parse_long(a->value, 1, 4, &g) ? (int)g : -1;
}

/* A question item answered by the medication list: an entry of its class
 * within its days is a "yes", whatever was answered (the answer is shown
 * beside it). False when the list has none. */
static bool eval_from_meds(const struct protocol_item *it, const struct checklist_input *in,
			   struct checklist_line *l)
{
	char d[16], s[16];
	if (it->kind != PITEM_QUESTION || it->med_class >= MEDC_COUNT)
		return false;
	const struct med *m =
	    med_of_class(in->meds, in->nmeds, it->med_class, in->on, it->med_days);
	if (!m)
		return false;
	const struct checklist_answer *a = answer_of(in, it->id);
	put(l->data, "medication list: %s%s%s%s from %s%s%s", m->name, *m->atc ? " (" : "", m->atc,
	    *m->atc ? ")" : "", date_format(m->start, d),
	    m->stop == DAY_NONE ? ", ongoing" : " to ",
	    m->stop == DAY_NONE ? "" : date_format(m->stop, s));
	if (a)
		append(l->data, "; answered %s on %s", a->yes ? "yes" : "no",
		       date_format(a->answered_on, d));
	put(l->reason, "yes, from the medication list (%s within %d days)",
	    med_class_label(it->med_class), it->med_days);
	set_state(l, it->yes_fails ? ITEM_NOT_MET : ITEM_MET);
	return true;
}

static void eval_answer(const struct protocol_item *it, const struct checklist_input *in,
			struct checklist_line *l)
{
	if (eval_from_meds(it, in, l))
		return;
	const struct checklist_answer *a = answer_of(in, it->id);
	char d[16];
	day_t when;
	if (!a) {
		set_state(l, ITEM_MISSING);
		put(l->reason, "not answered");
		return;
	}
	when = a->answered_on;
	if (it->kind == PITEM_CONSENT && a->yes && !date_parse(a->value, &when))
		when = a->answered_on;
	put(l->data, "answered %s on %s%s%s%s%s", a->yes ? "yes" : "no",
	    date_format(a->answered_on, d), *a->value ? ", value " : "", a->value,
	    *a->note ? ", note: " : "", a->note);
	int age = (int)(in->on - when);
	if (stale(it, in->on, when)) {
		set_state(l, ITEM_STALE);
		put(l->reason, "%s %d days ago; window %d days: ask again",
		    it->kind == PITEM_CONSENT ? "consent signed" : "answered", age,
		    it->window_days);
		return;
	}
	bool ok;
	if (it->kind == PITEM_QUESTION) {
		ok = a->yes != it->yes_fails;
		put(l->reason, "answered %s", a->yes ? "yes" : "no");
	} else if (it->kind == PITEM_GRADE) {
		int g = answer_grade(a);
		ok = g >= 0 && g <= it->max_grade;
		put(l->reason, "grade %d; accepted at most %d", g, it->max_grade);
	} else {
		ok = a->yes;
		ok ? put(l->reason, "signed on %s", date_format(when, d))
		   : put(l->reason, "consent not signed");
	}
	set_state(l, ok ? ITEM_MET : ITEM_NOT_MET);
}

/* A West Haven grade from an examination or a visit on or after the day of
 * the answer (on one day the examination wins, as in finding_pick_newer). */
static bool newer_he(const struct protocol_item *it, const struct checklist_input *in)
{
	const struct finding_pick *f = &in->basis.findings.he;
	const struct checklist_answer *a = answer_of(in, it->id);
	return f->have && f->source != FSRC_ANSWER && (!a || f->date >= a->answered_on);
}

static void eval_age(const struct protocol_item *it, const struct checklist_input *in,
		     struct checklist_line *l)
{
	const struct patient *p = &in->patient;
	char d[16];
	if (p->dob == DAY_NONE) {
		set_state(l, ITEM_MISSING);
		put(l->reason, "no date of birth on record");
		return;
	}
	int age = patient_age(p, in->on);
	put(l->data, "born %s, age %d years on this day", date_format(p->dob, d), age);
	bool lo = !isnan(it->min) && age < it->min, hi = !isnan(it->max) && age > it->max;
	set_state(l, lo || hi ? ITEM_NOT_MET : ITEM_MET);
	put(l->reason, "age %d years is %s ", age, lo || hi ? "outside" : "within");
	if (!isnan(it->min) && !isnan(it->max))
		append(l->reason, "%g-%g years", it->min, it->max);
	else if (!isnan(it->min))
		append(l->reason, "at least %g years", it->min);
	else
		append(l->reason, "at most %g years", it->max);
}

/* HBV DNA below the threshold, or (when the item allows it) a "yes, on
 * antiviral therapy" answer. Applies to hepatitis B (B18.1) and to any
 * patient with an HBV DNA on record. */
static void eval_viral(const struct protocol_item *it, const struct checklist_input *in,
		       struct checklist_line *l)
{
	const struct checklist_answer *a = it->or_antiviral ? answer_of(in, it->id) : NULL;
	bool hbv = strcmp(in->patient.etiology, "B18.1") == 0;
	bool have = in->labs.have[ANALYTE_HBV_DNA];
	const struct lab_result *r = &in->labs.r[ANALYTE_HBV_DNA];
	char d[16];
	if (!hbv && !have) {
		set_state(l, ITEM_MET);
		put(l->reason, "not hepatitis B (etiology %s) and no HBV DNA on record",
		    *in->patient.etiology ? in->patient.etiology : "not recorded");
		return;
	}
	if (have)
		describe_lab(l->data, r, in->on);
	bool fresh = have && !stale(it, in->on, r->date);
	bool below = fresh && r->canonical < it->max;
	bool antiviral = a && a->yes && !stale(it, in->on, a->answered_on);
	const struct med *av =
	    it->or_antiviral ? med_of_class(in->meds, in->nmeds, MEDC_ANTIVIRAL, in->on, 0) : NULL;
	if (a)
		append(l->data, "%son antiviral therapy: answered %s on %s", *l->data ? "; " : "",
		       a->yes ? "yes" : "no", date_format(a->answered_on, d));
	if (av)
		append(l->data, "%smedication list: %s (%s) since %s", *l->data ? "; " : "",
		       av->name, av->atc, date_format(av->start, d));
	if (below) {
		set_state(l, ITEM_MET);
		put(l->reason, "HBV DNA below %g IU/mL", it->max);
	} else if (antiviral) {
		set_state(l, ITEM_MET);
		put(l->reason, "on antiviral therapy (answered %s)",
		    date_format(a->answered_on, d));
	} else if (av) {
		set_state(l, ITEM_MET);
		put(l->reason, "on antiviral therapy (medication list: %s since %s)", av->name,
		    date_format(av->start, d));
	} else if (fresh) {
		set_state(l, ITEM_NOT_MET);
		put(l->reason, "HBV DNA %g IU/mL is not below %g IU/mL%s", r->canonical, it->max,
		    it->or_antiviral ? " and antiviral therapy is not confirmed" : "");
	} else if (have) {
		set_state(l, ITEM_STALE);
		put(l->reason, "HBV DNA %d days old; window %d days", (int)(in->on - r->date),
		    it->window_days);
	} else {
		set_state(l, ITEM_MISSING);
		put(l->reason, "hepatitis B: no HBV DNA on or before this day%s",
		    it->or_antiviral ? ", and antiviral therapy not confirmed" : "");
	}
}

/* The newest ascites or encephalopathy finding (examination, visit,
 * imaging or checklist answer; the score basis chose it) at most max_grade. */
static void eval_exam(const struct protocol_item *it, enum pexam which,
		      const struct checklist_input *in, struct checklist_line *l)
{
	const struct score_basis *b = &in->basis;
	bool asc = which == PEXAM_ASCITES;
	const struct finding_pick *f = asc ? &b->findings.ascites : &b->findings.he;
	const struct finding_pick *old = asc ? &b->too_old.ascites : &b->too_old.he;
	const char *what = asc ? "ascites ICA grade" : "encephalopathy West Haven grade";
	char d[16];
	if (f->ungraded) {
		int seen = (int)(in->on - f->date);
		set_state(l, ITEM_MISSING);
		put(l->reason,
		    "ascites seen on %s %s (%d day%s old) but not graded: record the ICA "
		    "grade (0-3)",
		    finding_source_str(f->source), date_format(f->date, d), seen,
		    seen == 1 ? "" : "s");
		return;
	}
	if (!f->have)
		f = old;
	if (!f->have) {
		set_state(l, ITEM_MISSING);
		put(l->reason, "%s not assessed on or before this day", what);
		return;
	}
	int age = (int)(in->on - f->date);
	put(l->data, "%s %d (%s %s, %d day%s old)", what, f->value, finding_source_str(f->source),
	    date_format(f->date, d), age, age == 1 ? "" : "s");
	if (f == old || stale(it, in->on, f->date)) {
		set_state(l, ITEM_STALE);
		put(l->reason, "%s; window %d days: examine again", l->data,
		    it->window_days ? it->window_days : b->window_days);
		return;
	}
	set_state(l, f->value <= it->max_grade ? ITEM_MET : ITEM_NOT_MET);
	put(l->reason, "%s %d; accepted at most %d", what, f->value, it->max_grade);
}

static void eval_line(const struct protocol *p, int i, const struct checklist_input *in,
		      const struct score_result *sr, struct checklist_line *l)
{
	const struct protocol_item *it = &p->items[i];
	memset(l, 0, sizeof *l);
	l->item = i;
	switch (it->kind) {
	case PITEM_LAB:
		eval_lab(it, in, l);
		break;
	case PITEM_IMAGING:
		eval_imaging(it, in, l);
		break;
	case PITEM_SCORE:
		eval_score(it, in, sr, l);
		break;
	case PITEM_WEIGHT:
		eval_weight(it, in, l);
		break;
	case PITEM_AGE:
		eval_age(it, in, l);
		break;
	case PITEM_VIRAL:
		eval_viral(it, in, l);
		break;
	case PITEM_EXAM:
		eval_exam(it, it->exam, in, l);
		break;
	case PITEM_GRADE:
		/* An encephalopathy grade also takes a newer finding recorded
		 * at an examination or a visit. */
		if (it->feeds_encephalopathy && newer_he(it, in)) {
			eval_exam(it, PEXAM_ENCEPHALOPATHY, in, l);
			break;
		}
		eval_answer(it, in, l);
		break;
	case PITEM_QUESTION:
	case PITEM_CONSENT:
	case PITEM_KIND_COUNT:
		eval_answer(it, in, l);
		break;
	}
}

void checklist_evaluate(const struct protocol *p, const struct checklist_input *in,
			struct checklist_result *out)
{
	const struct score_result *sr = &in->basis.scores;
	bool excluded = false, held = false;
	memset(out, 0, sizeof *out);
	out->on = in->on;
	for (int i = 0; i < p->nitems; i++) {
		struct checklist_line *l = &out->lines[out->n++];
		const struct protocol_item *it = &p->items[i];
		eval_line(p, i, in, sr, l);
		if (l->state == ITEM_NOT_MET && it->excludes)
			excluded = l->blocking = true;
		else if (l->state != ITEM_MET && it->required)
			held = l->blocking = true;
	}
	out->status = excluded ? EVAL_EXCLUDED : held ? EVAL_NOT_READY : EVAL_READY;
	put(out->summary, "%s",
	    out->status == EVAL_EXCLUDED    ? "EXCLUDED"
	    : out->status == EVAL_NOT_READY ? "NOT READY"
					    : "READY");
	for (int i = 0, first = 1; i < out->n; i++) {
		const struct checklist_line *l = &out->lines[i];
		bool show = out->status == EVAL_EXCLUDED
				? l->blocking && l->state == ITEM_NOT_MET && p->items[i].excludes
				: l->blocking;
		if (!show)
			continue;
		append(out->summary, "%s%s %s", first ? ": " : ", ", p->items[i].id,
		       item_state_str(l->state));
		first = 0;
	}
}

static enum status check_value(const struct protocol_item *it, const struct checklist_answer *a,
			       day_t on, struct err *e)
{
	char b[64];
	long g;
	day_t d;
	const char *v = text_sanitize_buf(b, sizeof b, a->value);
	if (it->kind == PITEM_GRADE && a->yes && !parse_long(a->value, 1, 4, &g))
		return err_set(e, ST_INVALID,
			       "%s: value '%s' is not accepted; with yes give the "
			       "grade present, 1-4 (answer no for grade 0)",
			       it->id, v);
	if (it->kind == PITEM_GRADE && !a->yes && *a->value && strcmp(a->value, "0") != 0)
		return err_set(e, ST_INVALID,
			       "%s: value '%s' is not accepted with no (grade 0); "
			       "answer yes with the grade 1-4",
			       it->id, v);
	if (it->kind == PITEM_CONSENT && a->yes) {
		if (!date_parse(a->value, &d))
			return err_set(e, ST_INVALID,
				       "%s: value '%s' is not accepted; give the day "
				       "consent was signed as YYYY-MM-DD",
				       it->id, v);
		if (d > on)
			return err_set(e, ST_INVALID,
				       "%s: consent date %s is after the answer "
				       "date; accepted up to the day it is recorded",
				       it->id, v);
	}
	return ST_OK;
}

enum status checklist_check_answer(const struct protocol *p, const struct checklist_answer *a,
				   day_t on, struct err *e)
{
	char b[64];
	const struct protocol_item *it = protocol_item(p, a->item);
	if (!it)
		return err_set(e, ST_INVALID, "item '%s' is not in protocol %s %s",
			       text_sanitize_buf(b, sizeof b, a->item), p->name, p->version);
	if (!pitem_answerable(it))
		return err_set(e, ST_INVALID,
			       "%s is a %s item: it is computed from the record, "
			       "not answered",
			       it->id, pitem_kind_str(it->kind));
	if (strlen(a->value) > ANSWER_VALUE_MAX || !text_is_clean(a->value, false))
		return err_set(e, ST_INVALID, "value: at most %d characters of plain text",
			       ANSWER_VALUE_MAX);
	if (strlen(a->note) > ANSWER_NOTE_MAX || !text_is_clean(a->note, true))
		return err_set(e, ST_INVALID, "note: at most %d characters of plain text",
			       ANSWER_NOTE_MAX);
	if (a->answered_on == DAY_NONE || a->answered_on > on)
		return err_set(e, ST_INVALID, "answer date: accepted up to today");
	return check_value(it, a, a->answered_on, e);
}

void checklist_json(struct json *j, const struct protocol *p, const struct checklist_result *r,
		    const struct evaluation *signed_ev)
{
	char d[16], t[20];
	json_string(j, "status", eval_status_str(r->status));
	json_string(j, "date", date_format(r->on, d));
	json_string(j, "summary", r->summary);
	json_obj_begin(j, "protocol");
	json_string(j, "name", p->name);
	json_string(j, "version", p->version);
	json_string(j, "hash", p->hash);
	json_obj_end(j);
	json_arr_begin(j, "items");
	for (int i = 0; i < r->n; i++) {
		const struct checklist_line *l = &r->lines[i];
		const struct protocol_item *it = &p->items[l->item];
		json_obj_begin(j, NULL);
		json_string(j, "id", it->id);
		json_string(j, "label", it->label);
		json_string(j, "kind", pitem_kind_str(it->kind));
		json_bool(j, "required", it->required);
		json_bool(j, "excludes", it->excludes);
		json_string(j, "state", item_state_str(l->state));
		json_string(j, "reason", l->reason);
		json_string(j, "data", l->data);
		json_obj_end(j);
	}
	json_arr_end(j);
	json_arr_begin(j, "blocking");
	for (int i = 0; i < r->n; i++)
		if (r->lines[i].blocking)
			json_string(j, NULL, p->items[r->lines[i].item].id);
	json_arr_end(j);
	if (!signed_ev) {
		json_null(j, "signed");
		return;
	}
	json_obj_begin(j, "signed");
	json_string(j, "by", signed_ev->signed_by);
	json_string(j, "at", date_format_time(signed_ev->signed_at, t));
	json_int(j, "version", signed_ev->chain_version);
	json_string(j, "status", eval_status_str(signed_ev->status));
	json_string(j, "as_of", date_format(signed_ev->as_of, d));
	json_string(j, "protocol_hash", signed_ev->protocol_hash);
	json_obj_end(j);
}
