/* ae.c: adverse-event rules — CTCAE grades and the fever table, the term
 * list, relation/action/outcome names and the record check. */
#include "ae.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "assets.h"
#include "text.h"
#include "util.h"
#include "vital.h"

#define AE_TERMS_MAX 256

static const char *const relation_names[] = {
#define AE_NAME_(name, text) text,
    AE_RELATION_INFO(AE_NAME_)
#undef AE_NAME_
};
static const char *const action_names[][2] = {
#define AE_NAME_(name, text, label) {text, label},
    AE_ACTION_INFO(AE_NAME_)
#undef AE_NAME_
};
static const char *const outcome_names[][2] = {
#define AE_NAME_(name, text, label) {text, label},
    AE_OUTCOME_INFO(AE_NAME_)
#undef AE_NAME_
};

static const char *const criterion_names[][2] = {
#define AE_NAME_(name, text, label) {text, label},
    AE_CRITERION_INFO(AE_NAME_)
#undef AE_NAME_
};

const char *ae_criterion_str(enum ae_criterion c)
{
	return (unsigned)c < AE_CRIT_COUNT ? criterion_names[c][0] : "?";
}

const char *ae_criterion_label(enum ae_criterion c)
{
	return (unsigned)c < AE_CRIT_COUNT ? criterion_names[c][1] : "?";
}

static bool criterion_word(const char *w, size_t len, unsigned *out)
{
	for (int i = 0; i < AE_CRIT_COUNT; i++)
		if (strlen(criterion_names[i][0]) == len &&
		    strncasecmp(criterion_names[i][0], w, len) == 0) {
			*out |= 1u << i;
			return true;
		}
	return false;
}

enum status ae_criteria_parse(const char *text, unsigned *out, struct err *e)
{
	unsigned bits = 0;
	const char *p = text;
	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		size_t len = strcspn(p, " ,");
		if (!len)
			break;
		if (!(len == 4 && strncasecmp(p, "none", 4) == 0) && !criterion_word(p, len, &bits))
			return err_set(
			    e, ST_INVALID,
			    "criteria: '%.*s' is not an ICH E2A criterion; accepted death, "
			    "life_threatening, hospitalisation, disability, congenital, "
			    "important (or none)",
			    (int)(len > 40 ? 40 : len), p);
		p += len;
	}
	*out = bits;
	return ST_OK;
}

void ae_criteria_format(unsigned bits, char *out, size_t n)
{
	size_t used = 0;
	if (n)
		out[0] = '\0';
	for (int i = 0; i < AE_CRIT_COUNT && n; i++)
		if (bits & (1u << i)) {
			int w = snprintf(out + used, n - used, "%s%s", used ? ", " : "",
					 criterion_names[i][0]);
			if (w < 0 || (size_t)w >= n - used)
				return;
			used += (size_t)w;
		}
}

unsigned ae_criteria_implied(const struct ae *a)
{
	unsigned bits = 0;
	if (a->grade >= 5 || a->outcome == AE_OUT_FATAL)
		bits |= 1u << AE_CRIT_DEATH;
	if (a->action == AE_ACT_HOSPITALISED)
		bits |= 1u << AE_CRIT_HOSPITAL;
	return bits;
}

bool ae_is_open(const struct ae *a)
{
	return a->outcome != AE_OUT_RESOLVED && a->outcome != AE_OUT_SEQUELAE;
}

bool ae_is_related(enum ae_relation r)
{
	return r == AE_REL_POSSIBLE || r == AE_REL_PROBABLE || r == AE_REL_DEFINITE;
}

/* ICH E2A: serious exactly when a criterion is ticked or implied. */
static enum status check_seriousness(const struct ae *a, struct err *e)
{
	unsigned all = a->criteria | ae_criteria_implied(a);
	if (a->serious && !all && a->aware_at) /* older records kept no criteria */
		return err_set(e, ST_INVALID,
			       "serious: name the ICH E2A criterion that makes it serious "
			       "(death, life_threatening, hospitalisation, disability, "
			       "congenital or important)");
	if (!a->serious && all) {
		char names[120];
		ae_criteria_format(all, names, sizeof names);
		return err_set(e, ST_INVALID,
			       "serious: 'no' is refused with %s; an event that %s is serious "
			       "(ICH E2A)",
			       names,
			       all & (1u << AE_CRIT_HOSPITAL)
				   ? "requires or prolongs inpatient hospitalisation"
				   : "meets an ICH E2A criterion");
	}
	return ST_OK;
}

void ae_init(struct ae *a)
{
	memset(a, 0, sizeof *a);
	a->onset = DAY_NONE;
	a->resolved = DAY_NONE;
	a->days_since_infusion = -1;
	a->relation = AE_REL_POSSIBLE;
	a->action = AE_ACT_NONE;
	a->outcome = AE_OUT_UNKNOWN;
	a->temp_c = NAN;
}

const char *ae_grade_text(int grade)
{
	static const char *const text[] = {
	    "Mild; asymptomatic or mild symptoms; clinical or diagnostic observations only; "
	    "intervention not indicated.",
	    "Moderate; minimal, local or noninvasive intervention indicated; limiting "
	    "age-appropriate instrumental ADL.",
	    "Severe or medically significant but not immediately life-threatening; "
	    "hospitalization or prolongation of hospitalization indicated; disabling; "
	    "limiting self-care ADL.",
	    "Life-threatening consequences; urgent intervention indicated.",
	    "Death related to AE.",
	};
	return grade >= 1 && grade <= 5 ? text[grade - 1] : "";
}

const char *ae_relation_str(enum ae_relation r)
{
	return (unsigned)r < AE_REL_COUNT ? relation_names[r] : "";
}

const char *ae_action_str(enum ae_action a)
{
	return (unsigned)a < AE_ACT_COUNT ? action_names[a][0] : "";
}

const char *ae_action_label(enum ae_action a)
{
	return (unsigned)a < AE_ACT_COUNT ? action_names[a][1] : "";
}

const char *ae_outcome_str(enum ae_outcome o)
{
	return (unsigned)o < AE_OUT_COUNT ? outcome_names[o][0] : "";
}

const char *ae_outcome_label(enum ae_outcome o)
{
	return (unsigned)o < AE_OUT_COUNT ? outcome_names[o][1] : "";
}

bool ae_relation_parse(const char *s, enum ae_relation *out)
{
	for (int i = 0; s && i < AE_REL_COUNT; i++) {
		if (strcmp(s, relation_names[i]) == 0) {
			*out = (enum ae_relation)i;
			return true;
		}
	}
	return false;
}

bool ae_action_parse(const char *s, enum ae_action *out)
{
	for (int i = 0; s && i < AE_ACT_COUNT; i++) {
		if (strcmp(s, action_names[i][0]) == 0) {
			*out = (enum ae_action)i;
			return true;
		}
	}
	return false;
}

bool ae_outcome_parse(const char *s, enum ae_outcome *out)
{
	for (int i = 0; s && i < AE_OUT_COUNT; i++) {
		if (strcmp(s, outcome_names[i][0]) == 0) {
			*out = (enum ae_outcome)i;
			return true;
		}
	}
	return false;
}

/* The table's boundaries are inclusive at the top of each band: 39.0 is
 * grade 1, 40.0 grade 2 (CTCAE v5.0: "38.0-39.0", ">39.0-40.0", ">40.0").
 * Temperatures are entered to a tenth; comparing at tenths keeps a value
 * such as 39.0 from falling on the wrong side through binary rounding. */
int ae_fever_grade(double temp_c, double hours)
{
	if (isnan(temp_c))
		return -1;
	long tenths = lround(temp_c * 10);
	if (tenths < 380)
		return 0;
	if (tenths <= 390)
		return 1;
	if (tenths <= 400)
		return 2;
	return hours > 24 ? 4 : 3;
}

static char term_store[AE_TERMS_MAX][AE_TERM_MAX + 1];
static const char *term_list[AE_TERMS_MAX];
static size_t term_count;
static bool terms_loaded;

static void load_terms(void)
{
	const char *t = asset_text("assets/ctcae_terms.txt");
	terms_loaded = true;
	while (t && *t && term_count < AE_TERMS_MAX) {
		size_t len = strcspn(t, "\n");
		if (len > 0 && len <= AE_TERM_MAX && t[0] != '#') {
			memcpy(term_store[term_count], t, len);
			term_store[term_count][len] = '\0';
			term_list[term_count] = term_store[term_count];
			term_count++;
		}
		t += len + (t[len] == '\n');
	}
}

const char *const *ae_terms(size_t *n)
{
	if (!terms_loaded)
		load_terms();
	*n = term_count;
	return term_list;
}

enum status ae_check_term(const char *text, char *out, size_t n, bool *listed, struct err *e)
{
	size_t count;
	const char *const *list = ae_terms(&count);
	if (!text || !*text || strlen(text) > AE_TERM_MAX || !text_is_clean(text, false))
		return err_set(e, ST_INVALID,
			       "term: a CTCAE term or a short description (1-%d characters, one "
			       "line)",
			       AE_TERM_MAX);
	*listed = false;
	strlcpy_(out, text, n);
	for (size_t i = 0; i < count; i++) {
		if (strcasecmp(text, list[i]) == 0) {
			strlcpy_(out, list[i], n);
			*listed = true;
			break;
		}
	}
	return ST_OK;
}

enum status ae_check_grade(const char *text, int *out, struct err *e)
{
	char b[48];
	long g;
	if (!parse_long(text, 1, 5, &g))
		return err_set(e, ST_INVALID, "grade: '%s' is not a CTCAE grade; accepted 1-5",
			       text_sanitize_buf(b, sizeof b, text ? text : ""));
	*out = (int)g;
	return ST_OK;
}

static enum status check_outcome(const struct ae *a, day_t today, struct err *e)
{
	char d[16];
	bool fatal = a->outcome == AE_OUT_FATAL;
	if ((a->grade == 5) != fatal)
		return err_set(e, ST_INVALID,
			       "outcome: %s with grade %d; grade 5 (death) and the "
			       "outcome fatal go together",
			       ae_outcome_str(a->outcome), a->grade);
	if (a->grade == 5 && !a->serious)
		return err_set(e, ST_INVALID, "serious: a grade 5 event (death) is serious");
	bool needs_date = a->outcome == AE_OUT_RESOLVED || a->outcome == AE_OUT_SEQUELAE;
	if (needs_date && a->resolved == DAY_NONE)
		return err_set(e, ST_INVALID, "resolved: outcome %s needs the resolution date",
			       ae_outcome_str(a->outcome));
	if (!needs_date && a->resolved != DAY_NONE)
		return err_set(e, ST_INVALID,
			       "resolved: a resolution date goes with the outcome "
			       "resolved or sequelae, not %s",
			       ae_outcome_str(a->outcome));
	if (needs_date && (a->resolved < a->onset || a->resolved > today))
		return err_set(e, ST_INVALID, "resolved: %s is not between onset and today",
			       date_format(a->resolved, d));
	return ST_OK;
}

enum status ae_validate(const struct ae *a, day_t today, struct err *e)
{
	char d[16];
	if (!a->term[0] || strlen(a->term) > AE_TERM_MAX || !text_is_clean(a->term, false))
		return err_set(e, ST_INVALID, "term: 1-%d characters, one line", AE_TERM_MAX);
	if (a->grade < 1 || a->grade > 5)
		return err_set(e, ST_INVALID, "grade: %d is not a CTCAE grade; accepted 1-5",
			       a->grade);
	if (a->onset == DAY_NONE)
		return err_set(e, ST_INVALID, "onset: required (YYYY-MM-DD HH:MM)");
	if (a->onset > today)
		return err_set(e, ST_INVALID, "onset: %s is after today", date_format(a->onset, d));
	if (!isnan(a->temp_c) && vital_check(VITAL_TEMPERATURE, a->temp_c, true, e) != ST_OK)
		return ST_INVALID;
	if (strlen(a->note) > AE_NOTE_MAX || !text_is_clean(a->note, true))
		return err_set(e, ST_INVALID, "note: at most %d bytes of text", AE_NOTE_MAX);
	enum status s = check_outcome(a, today, e);
	if (s == ST_OK)
		s = check_seriousness(a, e);
	if (s == ST_OK && a->aware_at && a->aware_at < a->onset_at)
		return err_set(e, ST_INVALID,
			       "aware: the site cannot become aware before the onset");
	if (s == ST_OK && a->grade == 4 && !a->serious)
		return err_set(e, ST_CONFIRM,
			       "serious: a grade 4 event is life-threatening and "
			       "usually serious — confirm it is not serious");
	return s;
}

int ae_days_since(day_t infusion, day_t onset)
{
	if (infusion == DAY_NONE || onset == DAY_NONE || infusion > onset)
		return -1;
	return (int)(onset - infusion);
}
