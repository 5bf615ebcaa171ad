/* test_hl7map.c: unit tests of the HL7 result mapping: LOINC and local
 * codes, UCUM units, the patient match check, and each result's fate
 * through the typed-entry validators (store, correct, queue, note). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "hl7map.h"

#define assert_contains(hay, needle)                                                 \
	do {                                                                         \
		if (!strstr((hay), (needle)))                                        \
			fail_msg("\"%s\" does not contain \"%s\"", (hay), (needle)); \
	} while (0)

static day_t day(const char *iso)
{
	day_t d;
	assert_true(date_parse(iso, &d));
	return d;
}

static void test_codes(void **state)
{
	static const struct {
		const char *code, *system, *key;
		int implied;
	} rows[] = {
	    {"1975-2", "LN", "bilirubin", -1},	{"14631-6", "LN", "bilirubin", UNITS_SI},
	    {"6301-6", "LN", "inr", -1},	{"34714-6", "LN", "inr", -1},
	    {"2160-0", "LN", "creatinine", -1}, {"14682-9", "LN", "creatinine", UNITS_SI},
	    {"2951-2", "LN", "sodium", -1},	{"1751-7", "LN", "albumin", -1},
	    {"1742-6", "LN", "alt", -1},	{"1920-8", "LN", "ast", -1},
	    {"777-3", "LN", "platelets", -1},	{"1834-1", "LN", "afp", -1},
	    {"29615-2", "LN", "hbv_dna", -1},	{"TBIL", "L", "bilirubin", -1},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct hl7_obs x = {0};
		enum analyte_id a;
		int implied;
		strcpy(x.code, rows[i].code);
		strcpy(x.code_system, rows[i].system);
		assert_true(hl7map_code(&x, "TBIL=bilirubin,K-INR=inr", &a, &implied));
		assert_string_equal(analyte_get(a)->key, rows[i].key);
		assert_int_equal(implied, rows[i].implied);
	}
	struct hl7_obs x = {0};
	enum analyte_id a;
	int implied;
	strcpy(x.code, "2345-7");
	assert_false(hl7map_code(&x, "TBIL=bilirubin", &a, &implied));
	strcpy(x.code, "TBI"); /* a prefix of a local code is not it */
	assert_false(hl7map_code(&x, "TBIL=bilirubin", &a, &implied));
	strcpy(x.code, "X1"); /* the LOINC in the alternate code */
	strcpy(x.alt_code, "2951-2");
	strcpy(x.alt_system, "LN");
	assert_true(hl7map_code(&x, "", &a, &implied));
	assert_int_equal(a, ANALYTE_SODIUM);

	struct err e = {""};
	assert_int_equal(hl7map_local_check("TBIL=bilirubin,K-INR=inr", &e), ST_OK);
	assert_int_equal(hl7map_local_check("", &e), ST_OK);
	assert_int_equal(hl7map_local_check("TBIL=bilirubin,GLU=glucose", &e), ST_INVALID);
	assert_contains(e.msg, "'GLU=glucose' is not CODE=analyte");
	assert_int_equal(hl7map_local_check("TBIL", &e), ST_INVALID);
	assert_int_equal(hl7map_local_check("=inr", &e), ST_INVALID);
}

static void test_units(void **state)
{
	static const struct {
		enum analyte_id a;
		const char *ucum;
		bool ok;
		enum unit_system u;
	} rows[] = {
	    {ANALYTE_BILIRUBIN, "mg/dL", true, UNITS_US},
	    {ANALYTE_BILIRUBIN, "umol/L", true, UNITS_SI},
	    {ANALYTE_BILIRUBIN, "mg/L", false, 0},
	    {ANALYTE_BILIRUBIN, "", false, 0},
	    {ANALYTE_ALBUMIN, "g/L", true, UNITS_SI},
	    {ANALYTE_ALBUMIN, "g/dL", true, UNITS_US},
	    {ANALYTE_INR, "{INR}", true, UNITS_US},
	    {ANALYTE_INR, "", true, UNITS_US},
	    {ANALYTE_INR, "1", true, UNITS_US},
	    {ANALYTE_INR, "s", false, 0},
	    {ANALYTE_PLATELETS, "10*9/L", true, UNITS_US},
	    {ANALYTE_PLATELETS, "10*3/uL", true, UNITS_US},
	    {ANALYTE_SODIUM, "meq/L", true, UNITS_US},
	    {ANALYTE_HBV_DNA, "[IU]/mL", true, UNITS_US},
	    {ANALYTE_HBV_DNA, "copies/mL", false, 0},
	    {ANALYTE_ALT, "[IU]/L", true, UNITS_US},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		enum unit_system u = UNIT_SYSTEM_COUNT;
		bool ok = hl7map_unit(rows[i].a, rows[i].ucum, &u);
		if (ok != rows[i].ok)
			fail_msg("%s '%s': %d", analyte_get(rows[i].a)->key, rows[i].ucum, ok);
		if (ok)
			assert_int_equal(u, rows[i].u);
	}
}

static struct hl7_patient pid(const char *family, const char *given, const char *dob)
{
	struct hl7_patient p = {0};
	p.nids = 2;
	strcpy(p.ids[0].id, "N1");
	strcpy(p.ids[0].authority, "NATIONAL");
	strcpy(p.ids[0].id_type, "NI");
	strcpy(p.ids[1].id, "H1");
	strcpy(p.ids[1].authority, "CLINIC");
	strcpy(p.ids[1].id_type, "MR");
	strcpy(p.family, family);
	strcpy(p.given, given);
	strcpy(p.dob, dob);
	return p;
}

static struct hl7_match known(void)
{
	struct hl7_match m = {0};
	m.known = true;
	m.p.id = 7;
	strcpy(m.p.mrn, "H1");
	strcpy(m.p.name, "MÜLLER, Hans Peter");
	m.p.dob = day("1961-02-03");
	return m;
}

static void test_patient(void **state)
{
	struct hl7_patient p = pid("MULLER", "Hans", "19610203");
	assert_string_equal(hl7map_mrn(&p, ""), "H1");
	assert_string_equal(hl7map_mrn(&p, "NATIONAL"), "N1");
	assert_string_equal(hl7map_mrn(&p, "ELSEWHERE"), "");
	p.ids[1].id_type[0] = '\0';
	assert_string_equal(hl7map_mrn(&p, ""), "N1"); /* no MR: the first */

	static const struct {
		const char *family, *given, *dob;
		bool agrees;
		const char *why;
	} rows[] = {
	    {"MULLER", "Hans", "19610203", true, ""},
	    {"Müller", "hans peter", "196102031200", true, ""},
	    {"MÜLLER", "", "", true, ""},
	    {"MILLER", "Hans", "19610203", false,
	     "name 'MILLER^Hans' disagrees with 'MÜLLER, Hans Peter'"},
	    {"MULLER", "Hanna", "19610203", false, "disagrees"},
	    {"MULLER", "Hans", "19610302", false,
	     "birth date 1961-03-02 disagrees with 1961-02-03"},
	    {"MULLER", "Hans", "1961", false, "PID-7: birth date '1961' is not a date"},
	    {"", "Hans", "19610203", false, "PID-5: no family name"},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct hl7_patient q = pid(rows[i].family, rows[i].given, rows[i].dob);
		struct hl7_match m = known();
		hl7map_patient_check(&q, &m);
		if (m.agrees != rows[i].agrees)
			fail_msg("row %zu: agrees %d (%s)", i, m.agrees, m.why);
		if (!m.agrees)
			assert_contains(m.why, rows[i].why);
	}
}

/* One ORU with one patient and one observation built from the arguments. */
struct one {
	struct hl7_oru o;
	struct hl7_patient p;
	struct hl7_obs x;
};

static void one(struct one *w, const char *code, const char *value, const char *unit, char status)
{
	memset(w, 0, sizeof *w);
	strcpy(w->o.sending_app, "LIS");
	w->p = pid("MULLER", "Hans", "19610203");
	w->o.patients = &w->p;
	w->o.npatients = 1;
	w->o.obs = &w->x;
	w->o.nobs = 1;
	strcpy(w->x.value_type, "NM");
	strcpy(w->x.code, code);
	strcpy(w->x.code_system, "LN");
	strcpy(w->x.value, value);
	strcpy(w->x.units, unit);
	strcpy(w->x.collected, "202603010730");
	w->x.status_text[0] = status;
	w->x.status = status == 'F'   ? HL7_FINAL
		      : status == 'C' ? HL7_CORRECTED
		      : status == 'P' ? HL7_PRELIMINARY
		      : status == 'X' ? HL7_CANCELLED
				      : HL7_OTHER;
	w->x.seg = 3;
}

static void fate(struct one *w, struct hl7_match *m, struct hl7_item *it)
{
	hl7map_item(&w->o, &w->x, m, "", day("2026-03-02"), it);
}

static void test_items(void **state)
{
	struct one w;
	struct hl7_item it;
	struct hl7_match m = known();
	m.agrees = true;

	one(&w, "1975-2", "2.1", "mg/dL", 'F');
	fate(&w, &m, &it);
	assert_int_equal(it.action, HL7_STORE);
	assert_int_equal(it.lab.analyte, ANALYTE_BILIRUBIN);
	assert_true(fabs(it.lab.canonical - 2.1) < 1e-9);
	assert_string_equal(it.lab.unit, "mg/dL");
	assert_int_equal(it.lab.date, day("2026-03-01"));
	assert_int_equal(it.lab.patient_id, 7);
	assert_string_equal(it.lab.source, "hl7:LIS");
	assert_false(it.lab.confirmed);
	assert_int_equal(it.obx_line, 4);

	one(&w, "14631-6", "36", "umol/L", 'F'); /* SI, converted explicitly */
	fate(&w, &m, &it);
	assert_int_equal(it.action, HL7_STORE);
	assert_true(fabs(it.lab.canonical - 36 / 17.1) < 1e-9);
	assert_string_equal(it.lab.unit, "µmol/L");

	one(&w, "14631-6", "2.1", "mg/dL", 'F'); /* a molar code with a mass unit */
	fate(&w, &m, &it);
	assert_int_equal(it.action, HL7_QUEUE);
	assert_int_equal(it.reason, HL7_Q_UNIT);

	one(&w, "1975-2", "2.4", "mg/dL", 'C');
	fate(&w, &m, &it);
	assert_int_equal(it.action, HL7_CORRECT);

	one(&w, "1975-2", "2.4", "mg/dL", 'P');
	fate(&w, &m, &it);
	assert_int_equal(it.action, HL7_NOTE);
	assert_contains(it.detail, "preliminary result (OBX-11 'P'): not stored");
	one(&w, "1975-2", "2.4", "mg/dL", 'X');
	fate(&w, &m, &it);
	assert_int_equal(it.action, HL7_NOTE);
	assert_contains(it.detail, "cancelled result (OBX-11 'X'): not stored; nothing earlier");
	one(&w, "1975-2", "2.4", "mg/dL", 'I');
	fate(&w, &m, &it);
	assert_int_equal(it.action, HL7_NOTE);

	one(&w, "6301-6", "7.5", "{INR}", 'F'); /* beyond a warning limit: queued */
	fate(&w, &m, &it);
	assert_int_equal(it.action, HL7_QUEUE);
	assert_int_equal(it.reason, HL7_Q_CONFIRM);
	assert_contains(it.detail, "inr 7.5 is above 6 — confirm it is correct");
	assert_true(it.have_analyte);

	one(&w, "2160-0", "88", "mg/dL", 'F'); /* beyond a hard limit */
	fate(&w, &m, &it);
	assert_int_equal(it.action, HL7_QUEUE);
	assert_int_equal(it.reason, HL7_Q_INVALID);
	assert_contains(it.detail,
			"creatinine 88 mg/dL is outside 0.1-25 mg/dL; looks like µmol/L");

	one(&w, "2345-7", "5.4", "mmol/L", 'F');
	fate(&w, &m, &it);
	assert_int_equal(it.reason, HL7_Q_UNKNOWN_CODE);
	assert_contains(it.detail, "code '2345-7' (LN) is not mapped");

	one(&w, "1975-2", "<0.1", "mg/dL", 'F');
	strcpy(w.x.value_type, "ST");
	fate(&w, &m, &it);
	assert_int_equal(it.reason, HL7_Q_INVALID);
	assert_contains(it.detail, "value type 'ST' is not numeric");

	one(&w, "1975-2", "2.1", "mg/dL", 'F');
	w.x.collected[0] = '\0';
	fate(&w, &m, &it);
	assert_int_equal(it.reason, HL7_Q_NO_DATE);
	strcpy(w.x.observed, "20260301");
	fate(&w, &m, &it);
	assert_int_equal(it.action, HL7_STORE); /* OBX-14 when OBR-7 is empty */
	strcpy(w.x.collected, "20260310");
	fate(&w, &m, &it);
	assert_int_equal(it.reason, HL7_Q_INVALID);
	assert_contains(it.detail, "collection date 2026-03-10 is in the future");

	one(&w, "1975-2", "2.1", "mg/dL", 'F');
	m.agrees = false;
	strcpy(m.why, "name 'X' disagrees");
	fate(&w, &m, &it);
	assert_int_equal(it.reason, HL7_Q_MISMATCH);
	assert_string_equal(it.detail, "name 'X' disagrees");

	struct hl7_match none = {0};
	strcpy(none.why, "MRN 'Z9' is not registered");
	fate(&w, &none, &it);
	assert_int_equal(it.action, HL7_QUEUE);
	assert_int_equal(it.reason, HL7_Q_UNKNOWN_MRN);
	assert_int_equal(it.patient_id, 0);
	/* Its analyte is known, so a nurse who matches it can store it. */
	assert_true(it.have_analyte);
	assert_int_equal(it.lab.analyte, ANALYTE_BILIRUBIN);
	assert_string_equal(it.detail, "MRN 'Z9' is not registered");
	one(&w, "1975-2", "88", "mg/dL", 'F');
	fate(&w, &none, &it);
	assert_int_equal(it.reason, HL7_Q_UNKNOWN_MRN);
	assert_contains(it.detail, "MRN 'Z9' is not registered; and bilirubin");
	assert_string_equal(it.name, "MULLER, Hans");
	assert_string_equal(it.dob, "1961-02-03");
	assert_string_equal(it.collected, "2026-03-01");
}

static void test_censored(void **state)
{
	char cmp[4];
	double lim = 0;
	assert_true(hl7map_censored("<5", cmp, &lim));
	assert_string_equal(cmp, "<");
	assert_true(lim == 5.0);
	assert_true(hl7map_censored(">= 2000", cmp, &lim));
	assert_string_equal(cmp, ">=");
	assert_true(lim == 2000.0);
	assert_true(hl7map_censored("<0.1", cmp, &lim));
	assert_false(hl7map_censored("5", cmp, &lim));
	assert_false(hl7map_censored("<", cmp, &lim));
	assert_false(hl7map_censored("<5x", cmp, &lim));
	assert_false(hl7map_censored("negative", cmp, &lim));
	/* Every analyte has its reason; none is stored as its limit. */
	for (int a = 0; a < ANALYTE_COUNT; a++)
		assert_true(hl7map_censored_why((enum analyte_id)a)[0] != '\0');
	struct one w;
	struct hl7_item it;
	struct hl7_match m = known();
	m.agrees = true;
	one(&w, "1742-6", "<5", "U/L", 'F');
	fate(&w, &m, &it);
	assert_int_equal(it.action, HL7_QUEUE);
	assert_int_equal(it.reason, HL7_Q_CENSORED);
	assert_contains(it.detail, "alt < 5 U/L: a censored result (below the laboratory's limit)");
	strcpy(w.x.value_type, "SN");
	strcpy(w.x.value, "45");
	fate(&w, &m, &it);
	assert_int_equal(it.action, HL7_STORE); /* a plain structured number */
	assert_true(it.lab.value == 45.0);
}

static void test_reasons(void **state)
{
	enum hl7_queue_reason r;
	for (int i = 0; i < HL7_Q_COUNT; i++) {
		assert_true(
		    hl7_queue_reason_parse(hl7_queue_reason_key((enum hl7_queue_reason)i), &r));
		assert_int_equal(r, i);
		assert_true(hl7_queue_reason_label((enum hl7_queue_reason)i)[0] != '\0');
		assert_true(hl7_queue_reason_short((enum hl7_queue_reason)i)[0] != '\0');
		assert_true(strlen(hl7_queue_reason_short((enum hl7_queue_reason)i)) <= 15);
	}
	assert_false(hl7_queue_reason_parse("nope", &r));
	assert_string_equal(hl7_queue_reason_key(HL7_Q_COUNT), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_codes),    cmocka_unit_test(test_units),
	    cmocka_unit_test(test_patient),  cmocka_unit_test(test_items),
	    cmocka_unit_test(test_censored), cmocka_unit_test(test_reasons),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
