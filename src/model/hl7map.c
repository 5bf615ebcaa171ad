/* hl7map.c: LOINC/local code and UCUM mapping, the patient match check and
 * the fate of each ORU result through the typed-entry validators. */
#include "hl7map.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

static const struct {
	const char *key, *label, *short_label;
} reasons[] = {
#define HL7_QR_ROW_(id, key, label, short_label) [HL7_Q_##id] = {key, label, short_label},
    HL7_QUEUE_REASON_INFO(HL7_QR_ROW_)
#undef HL7_QR_ROW_
};

static const struct {
	const char *loinc;
	enum analyte_id a;
	int implied;
} loinc_extra[] = {
#define HL7_LOINC_ROW_(code, id, u) {code, ANALYTE_##id, u},
    HL7_LOINC_EXTRA_INFO(HL7_LOINC_ROW_)
#undef HL7_LOINC_ROW_
};

/* UCUM spellings the analyte table does not carry, and its own spelling. */
static const struct {
	const char *ucum, *unit;
} ucum_alias[] = {
    {"[IU]/mL", "IU/mL"}, {"[IU]/L", "U/L"},	  {"[iU]/mL", "IU/mL"}, {"[iU]/L", "U/L"},
    {"{ratio}", "ratio"}, {"{INR}", "ratio"},	  {"1", "ratio"},	{"meq/L", "mEq/L"},
    {"10*9/L", "10^9/L"}, {"10*3/uL", "10^3/uL"}, {"ug/L", "ug/L"},	{"umol/L", "µmol/L"},
};

const char *hl7_queue_reason_key(enum hl7_queue_reason r)
{
	return (unsigned)r < HL7_Q_COUNT ? reasons[r].key : "";
}

const char *hl7_queue_reason_label(enum hl7_queue_reason r)
{
	return (unsigned)r < HL7_Q_COUNT ? reasons[r].label : "";
}

const char *hl7_queue_reason_short(enum hl7_queue_reason r)
{
	return (unsigned)r < HL7_Q_COUNT ? reasons[r].short_label : "";
}

bool hl7_queue_reason_parse(const char *key, enum hl7_queue_reason *out)
{
	for (int i = 0; key && i < HL7_Q_COUNT; i++)
		if (strcmp(reasons[i].key, key) == 0) {
			*out = (enum hl7_queue_reason)i;
			return true;
		}
	return false;
}

const char *hl7map_mrn(const struct hl7_patient *pid, const char *authority)
{
	const struct hl7_pid *mr = NULL;

	for (int i = 0; i < pid->nids; i++) {
		const struct hl7_pid *id = &pid->ids[i];
		if (authority && authority[0]) {
			if (strcmp(id->authority, authority) == 0)
				return id->id;
		} else if (!mr && strcmp(id->id_type, "MR") == 0) {
			mr = id;
		}
	}
	if (authority && authority[0])
		return "";
	return mr ? mr->id : pid->nids ? pid->ids[0].id : "";
}

/* Folded "LAST" and "FIRST" of "LAST, First ..." (heap; caller frees). */
static void split_name(const char *name, char **last, char **first)
{
	char *fold = text_fold_key(name);
	char *comma = strchr(fold, ',');
	*first = xstrdup(comma ? comma + 1 : "");
	if (comma)
		*comma = '\0';
	*last = fold;
}

static bool given_agrees(const char *sent, const char *reg)
{
	size_t n = strcspn(reg, " ");
	size_t m = strcspn(sent, " ");
	return !sent[0] || strcmp(sent, reg) == 0 || (m == n && strncmp(sent, reg, n) == 0);
}

void hl7map_patient_check(const struct hl7_patient *pid, struct hl7_match *m)
{
	char *last, *first, *slast = text_fold_key(pid->family),
			    *sfirst = text_fold_key(pid->given);
	char sent_dob[11], reg_dob[11];

	split_name(m->p.name, &last, &first);
	m->agrees = false;
	if (!slast[0])
		snprintf(m->why, sizeof m->why, "PID-5: no family name to check against %s",
			 m->p.mrn);
	else if (strcmp(slast, last) != 0 || !given_agrees(sfirst, first))
		snprintf(m->why, sizeof m->why, "name '%.60s^%.40s' disagrees with '%.100s'",
			 pid->family, pid->given, m->p.name);
	else if (pid->dob[0] && !hl7_ts_date(pid->dob, sent_dob, sizeof sent_dob))
		snprintf(m->why, sizeof m->why, "PID-7: birth date '%.20s' is not a date",
			 pid->dob);
	else if (pid->dob[0] && strcmp(sent_dob, date_format(m->p.dob, reg_dob)) != 0)
		snprintf(m->why, sizeof m->why, "birth date %s disagrees with %s", sent_dob,
			 reg_dob);
	else
		m->agrees = true;
	free(last);
	free(first);
	free(slast);
	free(sfirst);
}

void hl7map_sender(const struct hl7_oru *o, char *out, size_t n)
{
	snprintf(out, n, "%s^%s", o->sending_app, o->sending_facility);
}

/* Find code in "CODE=analyte,..."; false when absent or malformed. */
static bool local_lookup(const char *list, const char *code, enum analyte_id *a)
{
	size_t clen = strlen(code);
	for (const char *p = list; p && *p && clen;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const char *eq = memchr(p, '=', len);
		if (eq && (size_t)(eq - p) == clen && strncmp(p, code, clen) == 0) {
			char key[32];
			size_t klen = len - clen - 1;
			if (klen >= sizeof key)
				return false;
			memcpy(key, eq + 1, klen);
			key[klen] = '\0';
			return analyte_from_key(key, a);
		}
		p = end ? end + 1 : NULL;
	}
	return false;
}

enum status hl7map_local_check(const char *list, struct err *e)
{
	for (const char *p = list; p && *p;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const char *eq = memchr(p, '=', len);
		char key[64];
		enum analyte_id a;
		size_t klen = eq ? len - (size_t)(eq - p) - 1 : 0;
		snprintf(key, sizeof key, "%.*s", (int)(klen > 40 ? 40 : klen), eq ? eq + 1 : "");
		if (!eq || eq == p || !analyte_from_key(key, &a))
			return err_set(e, ST_INVALID,
				       "hl7 local_codes: '%.*s' is not CODE=analyte with a known "
				       "analyte (e.g. TBIL=bilirubin)",
				       (int)(len > 60 ? 60 : len), p);
		p = end ? end + 1 : NULL;
	}
	return ST_OK;
}

static bool loinc_lookup(const char *code, enum analyte_id *a, int *implied)
{
	for (int i = 0; i < ANALYTE_COUNT; i++)
		if (strcmp(analyte_get((enum analyte_id)i)->loinc, code) == 0) {
			*a = (enum analyte_id)i;
			*implied = -1;
			return true;
		}
	for (size_t i = 0; i < ARRAY_SIZE(loinc_extra); i++)
		if (strcmp(loinc_extra[i].loinc, code) == 0) {
			*a = loinc_extra[i].a;
			*implied = loinc_extra[i].implied;
			return true;
		}
	return false;
}

bool hl7map_code(const struct hl7_obs *x, const char *local_codes, enum analyte_id *a, int *implied)
{
	*implied = -1;
	if (x->code[0] && loinc_lookup(x->code, a, implied))
		return true;
	if (strcmp(x->alt_system, "LN") == 0 && x->alt_code[0] &&
	    loinc_lookup(x->alt_code, a, implied))
		return true;
	return local_lookup(local_codes, x->code, a) ||
	       (x->alt_code[0] && local_lookup(local_codes, x->alt_code, a));
}

bool hl7map_unit(enum analyte_id a, const char *ucum, enum unit_system *u)
{
	const char *unit = ucum;
	for (size_t i = 0; i < ARRAY_SIZE(ucum_alias); i++)
		if (strcmp(ucum_alias[i].ucum, ucum) == 0)
			unit = ucum_alias[i].unit;
	if (!unit[0] && a != ANALYTE_INR)
		return false;
	return analyte_unit_parse(a, unit, u);
}

/* What storing the laboratory's limit as the value would do, per analyte:
 * the decision for each is to queue it (REFERENCE.md: scores and rules take
 * numbers; "<20 IU/mL" is not 20). */
static const char *const censored_why[ANALYTE_COUNT] = {
    [ANALYTE_BILIRUBIN] = "MELD, Child-Pugh and ALBI would read the limit as the value",
    [ANALYTE_INR] = "MELD, Child-Pugh and the intrahepatic gate would read the limit as the "
		    "value",
    [ANALYTE_PT] = "Child-Pugh would read the limit as the prothrombin time",
    [ANALYTE_PTA] = "the coagulation trend would read the limit as the value",
    [ANALYTE_CREATININE] = "MELD would read the limit as the value",
    [ANALYTE_SODIUM] = "MELD-Na and MELD 3.0 would read the limit as the value",
    [ANALYTE_ALBUMIN] = "Child-Pugh, ALBI and MELD 3.0 would read the limit as the value",
    [ANALYTE_ALT] = "FIB-4 and the change from baseline would read the limit as the value",
    [ANALYTE_AST] = "FIB-4 and APRI would read the limit as the value",
    [ANALYTE_PLATELETS] = "FIB-4, APRI and the intrahepatic gate would read the limit as the "
			  "value",
    [ANALYTE_AFP] = "the checklist's AFP threshold would read the limit as the value",
    [ANALYTE_HBV_DNA] = "the viral-replication rule would read the limit of quantification as "
			"the viral load",
};

const char *hl7map_censored_why(enum analyte_id a)
{
	if ((unsigned)a < ANALYTE_COUNT && censored_why[a])
		return censored_why[a];
	return "its trend and limits would read the limit as the value";
}

bool hl7map_censored(const char *value, char *cmp, double *limit)
{
	size_t n = value[0] == '<' || value[0] == '>' ? 1 : 0;
	char *end;
	if (n == 0)
		return false;
	if (value[1] == '=')
		n = 2;
	memcpy(cmp, value, n);
	cmp[n] = '\0';
	while (value[n] == ' ')
		n++;
	if (!isdigit((unsigned char)value[n]) && value[n] != '.')
		return false;
	*limit = strtod(value + n, &end);
	while (*end == ' ')
		end++;
	return *end == '\0';
}

static bool queue(struct hl7_item *it, enum hl7_queue_reason r, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Queue it with the reason; returns false (the value is not to be stored). */
static bool queue(struct hl7_item *it, enum hl7_queue_reason r, const char *fmt, ...)
{
	va_list ap;
	it->action = HL7_QUEUE;
	it->reason = r;
	va_start(ap, fmt);
	vsnprintf(it->detail, sizeof it->detail, fmt, ap);
	va_end(ap);
	return false;
}

/* The copy of the message's own text the queue keeps. */
static void fill_text(const struct hl7_oru *o, const struct hl7_obs *x, const struct hl7_match *m,
		      struct hl7_item *it)
{
	const struct hl7_patient *pid = &o->patients[x->patient];
	memset(it, 0, sizeof *it);
	it->obx_line = 0;
	it->status = x->status_text[0] && !x->status_text[1] ? x->status_text[0] : '?';
	it->patient_id = m->known ? m->p.id : 0;
	snprintf(it->name, sizeof it->name, "%s%s%s", pid->family, pid->given[0] ? ", " : "",
		 pid->given);
	if (!hl7_ts_date(pid->dob, it->dob, sizeof it->dob))
		it->dob[0] = '\0';
	strlcpy_(it->code, x->code, sizeof it->code);
	strlcpy_(it->code_text, x->code_text, sizeof it->code_text);
	strlcpy_(it->value, x->value, sizeof it->value);
	strlcpy_(it->unit, x->units, sizeof it->unit);
	if (!hl7_ts_date(x->collected, it->collected, sizeof it->collected) &&
	    !hl7_ts_date(x->observed, it->collected, sizeof it->collected))
		it->collected[0] = '\0';
}

/* The analyte, unit and value checks; the item is STORE/CORRECT or queued. */
static bool check_value(const struct hl7_obs *x, const char *local_codes, day_t today,
			struct hl7_item *it)
{
	enum analyte_id a;
	enum unit_system u;
	int implied;
	day_t d;
	struct err e = {""};

	if (!hl7map_code(x, local_codes, &a, &implied))
		return queue(it, HL7_Q_UNKNOWN_CODE, "code '%s' (%s) is not mapped to an analyte",
			     x->code, x->code_system[0] ? x->code_system : "no system");
	it->have_analyte = true;
	it->lab.analyte = a;
	if (!hl7map_unit(a, x->units, &u) || (implied >= 0 && (int)u != implied))
		return queue(it, HL7_Q_UNIT, "%s: unit '%s' is not accepted (%s%s%s)",
			     analyte_get(a)->key, x->units, analyte_unit(a, UNITS_US),
			     strcmp(analyte_unit(a, UNITS_US), analyte_unit(a, UNITS_SI)) ? " or "
											  : "",
			     strcmp(analyte_unit(a, UNITS_US), analyte_unit(a, UNITS_SI))
				 ? analyte_unit(a, UNITS_SI)
				 : "");
	if (strcmp(x->value_type, "NM") != 0 && strcmp(x->value_type, "SN") != 0)
		return queue(it, HL7_Q_INVALID, "%s: value type '%s' is not numeric (NM or SN)",
			     analyte_get(a)->key, x->value_type);
	char cmp[4];
	double limit;
	if (hl7map_censored(x->value, cmp, &limit))
		return queue(it, HL7_Q_CENSORED,
			     "%s %s %g %s: a censored result (%s the laboratory's limit), not a "
			     "value; not stored as %g, because %s",
			     analyte_get(a)->key, cmp, limit, analyte_unit(a, u),
			     cmp[0] == '<' ? "below" : "above", limit, hl7map_censored_why(a));
	if (!it->collected[0] || !date_parse(it->collected, &d))
		return queue(it, HL7_Q_NO_DATE, "%s: no collection time (OBR-7 or OBX-14)",
			     analyte_get(a)->key);
	if (d > today + 1)
		return queue(it, HL7_Q_INVALID, "%s: collection date %s is in the future",
			     analyte_get(a)->key, it->collected);
	enum status st = lab_entry(a, u, x->value, false, &it->lab, &e);
	it->lab.date = d;
	if (st == ST_CONFIRM)
		return queue(it, HL7_Q_CONFIRM, "%s", e.msg);
	if (st != ST_OK)
		return queue(it, HL7_Q_INVALID, "%s", e.msg);
	it->action = x->status == HL7_CORRECTED ? HL7_CORRECT : HL7_STORE;
	return true;
}

void hl7map_item(const struct hl7_oru *o, const struct hl7_obs *x, const struct hl7_match *m,
		 const char *local_codes, day_t today, struct hl7_item *it)
{
	fill_text(o, x, m, it);
	it->obx_line = x->seg + 1;
	strlcpy_(it->mrn, m->p.mrn[0] ? m->p.mrn : "", sizeof it->mrn);
	if (x->status == HL7_PRELIMINARY || x->status == HL7_CANCELLED || x->status == HL7_OTHER) {
		it->action = HL7_NOTE;
		snprintf(it->detail, sizeof it->detail, "%s result (OBX-11 '%s'): not stored%s",
			 hl7_status_str(x->status), x->status_text,
			 x->status == HL7_CANCELLED ? "; nothing earlier was removed" : "");
		return;
	}
	/* The value is checked for an unknown or disagreeing patient too, so
	 * the queued item carries its analyte and a nurse who matches it can
	 * store it; the patient comes first in the reason. */
	check_value(x, local_codes, today, it);
	if (!m->known || !m->agrees) {
		enum hl7_queue_reason r = m->known ? HL7_Q_MISMATCH : HL7_Q_UNKNOWN_MRN;
		char value_why[sizeof it->detail];
		strlcpy_(value_why, it->action == HL7_QUEUE ? it->detail : "", sizeof value_why);
		queue(it, r, "%s%s%s", m->why, value_why[0] ? "; and " : "", value_why);
	}
	snprintf(it->result_key, sizeof it->result_key, "%s^%s|%s|%s", o->sending_app,
		 o->sending_facility, x->order, x->code);
	if (it->action != HL7_QUEUE) {
		it->lab.patient_id = m->p.id;
		snprintf(it->lab.source, sizeof it->lab.source, "hl7:%.27s", o->sending_app);
	}
}
