/* visit.c: follow-up visit rules — field checks, grade texts, the visit
 * calendar (windows, due, overdue, missed) and local date-times. */
#include "visit.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "util.h"
#include "vital.h"

static const char *const severity_names[] = {
#define SEVERITY_NAME_(name, text) text,
    SEVERITY_INFO(SEVERITY_NAME_)
#undef SEVERITY_NAME_
};

static const struct {
	const char *key, *label;
} symptoms[] = {
#define SYMPTOM_ROW_(name, key, label) {key, label},
    SYMPTOM_INFO(SYMPTOM_ROW_)
#undef SYMPTOM_ROW_
};

static const struct {
	const char *name, *glyph;
} marks[] = {
#define VISIT_MARK_ROW_(name, text, glyph) {text, glyph},
    VISIT_MARK_INFO(VISIT_MARK_ROW_)
#undef VISIT_MARK_ROW_
};

void visit_init(struct visit *v)
{
	memset(v, 0, sizeof *v);
	v->date = DAY_NONE;
	v->temp_c = v->weight_kg = v->paracentesis_ml = NAN;
	v->stiffness_kpa = v->iqr_kpa = NAN;
	for (int i = 0; i < SYM_COUNT; i++)
		v->symptom[i] = VISIT_UNGRADED;
	v->ascites = v->he = VISIT_UNGRADED;
}

const char *severity_str(int s)
{
	return s >= 0 && s < SEV_COUNT ? severity_names[s] : "";
}

bool severity_parse(const char *s, int *out)
{
	for (int i = 0; s && i < SEV_COUNT; i++) {
		if (strcmp(s, severity_names[i]) == 0) {
			*out = i;
			return true;
		}
	}
	return false;
}

const char *symptom_key(enum symptom s)
{
	return (unsigned)s < SYM_COUNT ? symptoms[s].key : "";
}

const char *symptom_label(enum symptom s)
{
	return (unsigned)s < SYM_COUNT ? symptoms[s].label : "";
}

static const struct {
	const char *code, *label, *detail;
} timings[VT_COUNT] = {
#define VISIT_TIMING_ROW_(id, code, label, detail) [VT_##id] = {code, label, detail},
    VISIT_TIMING_INFO(VISIT_TIMING_ROW_)
#undef VISIT_TIMING_ROW_
};

const char *visit_timing_str(enum visit_timing t)
{
	return (unsigned)t < VT_COUNT ? timings[t].code : "";
}

const char *visit_timing_label(enum visit_timing t)
{
	return (unsigned)t < VT_COUNT ? timings[t].label : "";
}

const char *visit_timing_detail(enum visit_timing t)
{
	return (unsigned)t < VT_COUNT ? timings[t].detail : "";
}

bool visit_timing_parse(const char *code, enum visit_timing *out)
{
	for (int t = 0; code && t < VT_COUNT; t++) {
		if (strcmp(code, timings[t].code) == 0) {
			*out = (enum visit_timing)t;
			return true;
		}
	}
	return false;
}

const char *visit_state_str(enum visit_state s)
{
	return s == VISIT_MISSED ? "missed" : "done";
}

const char *visit_ascites_text(int grade)
{
	static const char *const text[] = {
	    "0: no ascites",
	    "1 (mild): detectable only by ultrasound",
	    "2 (moderate): moderate symmetrical abdominal distension",
	    "3 (large): marked abdominal distension",
	};
	return grade >= 0 && (size_t)grade < ARRAY_SIZE(text) ? text[grade] : "";
}

const char *visit_he_text(int grade)
{
	static const char *const text[] = {
	    "0: normal (minimal HE only on psychometric tests)",
	    "1: trivial lack of awareness, euphoria or anxiety, shortened attention span, "
	    "impaired addition/subtraction, altered sleep",
	    "2: lethargy or apathy, disorientation to time, inappropriate behaviour, asterixis",
	    "3: somnolence to semi-stupor but responsive to stimuli, confusion, gross "
	    "disorientation",
	    "4: coma",
	};
	return grade >= 0 && (size_t)grade < ARRAY_SIZE(text) ? text[grade] : "";
}

enum status visit_check_temperature(const char *text, double *out, struct err *e)
{
	return vital_parse(VITAL_TEMPERATURE, text, false, out, e);
}

static bool parse_bp(const char *text, long *sys, long *dia)
{
	const char *slash = text ? strchr(text, '/') : NULL;
	char left[16];
	if (!slash || (size_t)(slash - text) >= sizeof left)
		return false;
	memcpy(left, text, (size_t)(slash - text));
	left[slash - text] = '\0';
	return parse_long(left, 0, 1000, sys) && parse_long(slash + 1, 0, 1000, dia);
}

/* Both values within their hard limits and diastolic below systolic, before
 * either warning is asked: a refusal comes first. */
static enum status check_bp_pair(long s, long d, bool confirmed, struct err *e)
{
	struct err dia;
	enum status ss = vital_check(VITAL_SYSTOLIC, (double)s, confirmed, e);
	if (ss == ST_INVALID)
		return ss;
	enum status ds = vital_check(VITAL_DIASTOLIC, (double)d, confirmed, &dia);
	if (ds == ST_INVALID) {
		*e = dia;
		return ds;
	}
	if (d >= s)
		return err_set(e, ST_INVALID,
			       "blood pressure: diastolic %ld mmHg must be below systolic %ld mmHg",
			       d, s);
	if (ss == ST_CONFIRM)
		return ss;
	if (ds == ST_CONFIRM)
		*e = dia;
	return ds;
}

enum status visit_check_bp(const char *text, int *sbp, int *dbp, struct err *e)
{
	char b[48];
	long s, d;
	if (!parse_bp(text, &s, &d))
		return err_set(e, ST_INVALID,
			       "blood pressure: '%s' is not SYS/DIA in mmHg (e.g. 120/80)",
			       text_sanitize_buf(b, sizeof b, text ? text : ""));
	enum status st = check_bp_pair(s, d, false, e);
	if (st == ST_OK || st == ST_CONFIRM) {
		*sbp = (int)s;
		*dbp = (int)d;
	}
	return st;
}

enum status visit_check_severity(const char *field, const char *text, int *out, struct err *e)
{
	char b[48];
	if (severity_parse(text, out))
		return ST_OK;
	return err_set(e, ST_INVALID,
		       "%s: '%s' is not a severity; accepted none, mild, moderate, "
		       "severe",
		       field, text_sanitize_buf(b, sizeof b, text ? text : ""));
}

/* A grade as an int: vital_parse gives it as a whole number. */
static enum status check_grade(enum vital_id id, const char *text, int *out, struct err *e)
{
	double g;
	enum status s = vital_parse(id, text, false, &g, e);
	if (s == ST_OK)
		*out = (int)g;
	return s;
}

enum status visit_check_ascites(const char *text, int *out, struct err *e)
{
	return check_grade(VITAL_ASCITES, text, out, e);
}

enum status visit_check_he(const char *text, int *out, struct err *e)
{
	return check_grade(VITAL_ENCEPHALOPATHY, text, out, e);
}

enum status visit_check_paracentesis(const char *text, double *out, struct err *e)
{
	return vital_parse(VITAL_PARACENTESIS, text, false, out, e);
}

enum status visit_check_reason(const char *text, struct err *e)
{
	if (!text || !*text || strlen(text) > VISIT_REASON_MAX || !text_is_clean(text, false))
		return err_set(e, ST_INVALID,
			       "reason: say why the visit was missed (1-%d characters, one line)",
			       VISIT_REASON_MAX);
	return ST_OK;
}

enum status visit_check_correction(const char *text, struct err *e)
{
	if (!text || !*text || strlen(text) > VISIT_REASON_MAX || !text_is_clean(text, false))
		return err_set(
		    e, ST_INVALID,
		    "correction reason: say why the visit is corrected (1-%d characters, "
		    "one line)",
		    VISIT_REASON_MAX);
	return ST_OK;
}

enum status visit_check_note(const char *text, struct err *e)
{
	if (text && (strlen(text) > VISIT_NOTE_MAX || !text_is_clean(text, true)))
		return err_set(e, ST_INVALID,
			       "note: at most %d bytes of text without control characters",
			       VISIT_NOTE_MAX);
	return ST_OK;
}

/* A grade a record carries: ungraded, or within the table's range. */
static enum status validate_grade(enum vital_id id, int g, struct err *e)
{
	return g == VISIT_UNGRADED ? ST_OK : vital_check(id, g, true, e);
}

/* A value a record carries must be one its field check accepts (the
 * confirmations were answered at entry). */
static enum status validate_values(const struct visit *v, struct err *e)
{
	enum status s = ST_OK;
	if (!isnan(v->temp_c))
		s = vital_check(VITAL_TEMPERATURE, v->temp_c, true, e);
	if (s == ST_OK && !isnan(v->weight_kg))
		s = vital_check(VITAL_WEIGHT, v->weight_kg, true, e);
	if (s == ST_OK && (v->sbp || v->dbp))
		s = check_bp_pair(v->sbp, v->dbp, true, e);
	for (int i = 0; s == ST_OK && i < SYM_COUNT; i++)
		if (v->symptom[i] < VISIT_UNGRADED || v->symptom[i] >= SEV_COUNT)
			s = err_set(e, ST_INVALID, "%s: grade %d is outside none-severe (0-3)",
				    symptoms[i].key, v->symptom[i]);
	if (s == ST_OK)
		s = validate_grade(VITAL_ASCITES, v->ascites, e);
	if (s == ST_OK)
		s = validate_grade(VITAL_ENCEPHALOPATHY, v->he, e);
	if (s == ST_OK && !isnan(v->paracentesis_ml))
		s = vital_check(VITAL_PARACENTESIS, v->paracentesis_ml, true, e);
	if (s == ST_OK && !isnan(v->stiffness_kpa))
		s = vital_check(VITAL_STIFFNESS, v->stiffness_kpa, true, e);
	if (s == ST_OK && !isnan(v->iqr_kpa) &&
	    (isnan(v->stiffness_kpa) || v->iqr_kpa < 0 || v->iqr_kpa > v->stiffness_kpa))
		s = err_set(e, ST_INVALID,
			    "stiffness IQR: %g kPa needs a stiffness and must lie "
			    "within 0-stiffness kPa",
			    v->iqr_kpa);
	return s;
}

enum status visit_validate(const struct visit *v, day_t today, struct err *e)
{
	char d[16];
	if (v->date == DAY_NONE)
		return err_set(e, ST_INVALID, "visit date: required (YYYY-MM-DD)");
	if (v->date > today)
		return err_set(e, ST_INVALID, "visit date: %s is after today",
			       date_format(v->date, d));
	if (v->state == VISIT_MISSED) {
		if (!v->schedule_id)
			return err_set(e, ST_INVALID,
				       "missed: only a scheduled visit can be missed");
		return visit_check_reason(v->reason, e);
	}
	if (!isnan(v->paracentesis_ml) && v->ascites < 1)
		return err_set(e, ST_INVALID, "paracentesis: %g mL given without ascites grade 1-3",
			       v->paracentesis_ml);
	enum status s = validate_values(v, e);
	return s == ST_OK ? visit_check_note(v->note, e) : s;
}

const char *visit_mark_str(enum visit_mark m)
{
	return (unsigned)m < VMARK_COUNT ? marks[m].name : "";
}

const char *visit_mark_glyph(enum visit_mark m)
{
	return (unsigned)m < VMARK_COUNT ? marks[m].glyph : " ";
}

day_t visit_window_start(const struct schedule_item *it)
{
	return it->due - it->window_before;
}

day_t visit_window_end(const struct schedule_item *it)
{
	return it->due + it->window_after;
}

enum visit_mark visit_mark(const struct schedule_item *it, day_t today)
{
	switch (it->state) {
	case SCHED_DONE:
		return VMARK_DONE;
	case SCHED_MISSED:
		return VMARK_MISSED;
	case SCHED_CANCELLED:
		return VMARK_CANCELLED;
	case SCHED_OPEN:
		break;
	}
	if (today < visit_window_start(it))
		return VMARK_UPCOMING;
	return today > visit_window_end(it) ? VMARK_OVERDUE : VMARK_DUE;
}

int visit_days_overdue(const struct schedule_item *it, day_t today)
{
	return visit_mark(it, today) == VMARK_OVERDUE ? (int)(today - visit_window_end(it)) : 0;
}

enum visit_timing visit_timing_of(const struct schedule_item *it, day_t date)
{
	if (date < visit_window_start(it))
		return VT_EARLY;
	return date > visit_window_end(it) ? VT_LATE : VT_IN_WINDOW;
}

int visit_next(const struct schedule_item *items, int n, day_t today)
{
	int best = -1;
	for (int i = 0; i < n; i++) {
		const struct schedule_item *it = &items[i];
		if (it->state != SCHED_OPEN || visit_window_end(it) < today)
			continue;
		if (best < 0 || it->due < items[best].due)
			best = i;
	}
	return best;
}

static bool all_digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

enum status visit_parse_time(const char *field, const char *text, int tz_offset_s, int64_t now_t,
			     int64_t *t, day_t *day, struct err *e)
{
	char b[48], date[11];
	day_t d;
	if (!text || strlen(text) != 16 || (text[10] != ' ' && text[10] != 'T') ||
	    !all_digits(text + 11, 2) || !all_digits(text + 14, 2) || text[13] != ':')
		return err_set(e, ST_INVALID, "%s: '%s' is not YYYY-MM-DD HH:MM", field,
			       text_sanitize_buf(b, sizeof b, text ? text : ""));
	int h = (text[11] - '0') * 10 + (text[12] - '0');
	int m = (text[14] - '0') * 10 + (text[15] - '0');
	memcpy(date, text, 10);
	date[10] = '\0';
	if (!date_parse(date, &d) || h < 0 || h > 23 || m < 0 || m > 59)
		return err_set(e, ST_INVALID,
			       "%s: '%s' is not a real date and time (YYYY-MM-DD "
			       "HH:MM, 00:00-23:59)",
			       field, text_sanitize_buf(b, sizeof b, text));
	int64_t v = date_to_time(d) + h * 3600 + m * 60 - tz_offset_s;
	if (v > now_t)
		return err_set(e, ST_INVALID, "%s: %s is in the future", field,
			       text_sanitize_buf(b, sizeof b, text));
	*t = v;
	*day = d;
	return ST_OK;
}

char *visit_format_time(int64_t t, int tz_offset_s, char *buf)
{
	return date_format_time(t + tz_offset_s, buf);
}
