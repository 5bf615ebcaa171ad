/* test_hl7.c: unit tests of the HL7 v2 parser (delimiters, escapes,
 * repetitions, components, segment ends, limits and refusals with their
 * position), the ORU^R01 reader, the ACK and MLLP framing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hl7.h"

#define assert_contains(hay, needle)                                                 \
	do {                                                                         \
		if (!strstr((hay), (needle)))                                        \
			fail_msg("\"%s\" does not contain \"%s\"", (hay), (needle)); \
	} while (0)

#define AT(r, c, s) ((struct hl7_at){(r), (c), (s)})

static const char oru[] =
    "MSH|^~\\&|LIS|CENTRAL LAB|HEPADESK|CLINIC|20260301083000||ORU^R01^ORU_R01|MSG0001|P|2.5.1\r"
    "PID|1||100234^^^CLINIC^MR~555^^^OTHER^PI||M\\XC3BC\\LLER^Hans||19610203|M\r"
    "OBR|1||ORD1|24323-8^Comprehensive metabolic panel^LN|||202602281530\r"
    "OBX|1|NM|1975-2^Bilirubin.total^LN||2.1|mg/dL|0.1-1.2|H|||F|||20260228\r"
    "NTE|1||Sample slightly haemolysed\r"
    "NTE|2||second\\.br\\line\r"
    "OBX|2|NM|6301-6^INR^LN||1.6|{INR}|0.8-1.2|H|||C\r"
    "OBX|3|NM|2160-0^Creatinine^LN||97|umol/L|||||P\r"
    "OBX|4|NM|2951-2^Sodium^LN||131|mmol/L|||||X\r";

static void parse_ok(const char *text, struct hl7_msg *m)
{
	struct err e = {""};
	enum status st = hl7_parse(text, strlen(text), m, &e);
	if (st != ST_OK)
		fail_msg("refused: %s", e.msg);
}

static void expect_refused(const char *text, size_t len, const char *why)
{
	struct hl7_msg m;
	struct err e = {""};
	assert_int_equal(hl7_parse(text, len, &m, &e), ST_INVALID);
	assert_contains(e.msg, why);
	assert_null(m.segs);
	assert_null(m.text);
}

static void field(const struct hl7_msg *m, int seg, int f, struct hl7_at at, const char *want)
{
	char out[256];
	struct err e = {""};
	assert_int_equal(hl7_get(m, &m->segs[seg], f, at, out, sizeof out, &e), ST_OK);
	assert_string_equal(out, want);
}

static void test_fields_components_reps(void **state)
{
	struct hl7_msg m;
	parse_ok(oru, &m);
	assert_int_equal(m.nsegs, 9);
	assert_string_equal(m.segs[0].id, "MSH");
	field(&m, 0, 1, AT(0, 1, 1), "|");
	field(&m, 0, 2, AT(0, 1, 1), "^~\\&");
	field(&m, 0, 3, AT(0, 1, 1), "LIS");
	field(&m, 0, 9, AT(0, 2, 1), "R01");
	field(&m, 0, 10, AT(0, 1, 1), "MSG0001");
	field(&m, 0, 12, AT(0, 1, 1), "2.5.1");
	assert_int_equal(hl7_reps(&m, &m.segs[1], 3), 2);
	field(&m, 1, 3, AT(1, 1, 1), "555");
	field(&m, 1, 3, AT(1, 4, 1), "OTHER");
	field(&m, 1, 5, AT(0, 1, 1), "M\xc3\xbcLLER"); /* \XC3BC\ is UTF-8 ü */
	field(&m, 1, 5, AT(0, 2, 1), "Hans");
	field(&m, 1, 5, AT(0, 9, 1), "");  /* absent component */
	field(&m, 1, 40, AT(0, 1, 1), ""); /* absent field */
	field(&m, 1, 3, AT(5, 1, 1), "");  /* absent repetition */
	assert_int_equal(hl7_find(&m, "OBX", 0), 3);
	assert_int_equal(hl7_find(&m, "OBX", 4), 6);
	assert_int_equal(hl7_find(&m, "ZZZ", 0), -1);
	hl7_msg_done(&m);
}

static void test_escapes(void **state)
{
	struct hl7_msg m;
	parse_ok("MSH|^~\\&|A|B|C|D|20260301||ORU^R01|1|P|2.4\r"
		 "NTE|1||a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f|x\\X41420A\\y|\\H\\bold\\N\\|p\\.br\\q\r"
		 "NTE|2||sub&part^comp2\r",
		 &m);
	field(&m, 1, 3, AT(0, 1, 1), "a|b^c&d~e\\f");
	field(&m, 1, 4, AT(0, 1, 1), "xAB\ny");
	field(&m, 1, 5, AT(0, 1, 1), "bold");
	field(&m, 1, 6, AT(0, 1, 1), "p\nq");
	field(&m, 2, 3, AT(0, 1, 1), "sub");
	field(&m, 2, 3, AT(0, 1, 2), "part");
	field(&m, 2, 3, AT(0, 2, 1), "comp2");

	char out[64];
	struct err e = {""};
	const char *bad[] = {"NTE|1||a\\Q\\b", "NTE|1||a\\X0\\b", "NTE|1||a\\X00\\b",
			     "NTE|1||open\\F", "NTE|1||\\\\",	  "NTE|1||\\XZZ\\"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char msg[200];
		snprintf(msg, sizeof msg, "MSH|^~\\&|A|B|C|D|1||ORU^R01|1|P|2.4\r%s\r", bad[i]);
		struct hl7_msg b;
		parse_ok(msg, &b);
		assert_int_equal(hl7_get(&b, &b.segs[1], 3, AT(0, 1, 1), out, sizeof out, &e),
				 ST_INVALID);
		assert_contains(e.msg, "segment 2 (NTE), field 3: bad escape sequence");
		hl7_msg_done(&b);
	}
	/* A value that does not fit is refused, never cut. */
	assert_int_equal(hl7_get(&m, &m.segs[1], 3, AT(0, 1, 1), out, 5, &e), ST_INVALID);
	assert_contains(e.msg, "segment 2 (NTE), field 3: a value of 11 bytes, more than the 4");
	hl7_msg_done(&m);
}

static void test_other_delimiters(void **state)
{
	struct hl7_msg m;
	parse_ok("MSH#*!$@#LAB#FAC\nPID#1##9*a@b*c*AUTH#x$F$y$S$z$T$w$R$v$E$\n", &m);
	assert_int_equal(m.d.field, '#');
	assert_int_equal(m.d.comp, '*');
	assert_int_equal(m.d.rep, '!');
	assert_int_equal(m.d.esc, '$');
	assert_int_equal(m.d.sub, '@');
	field(&m, 0, 1, AT(0, 1, 1), "#");
	field(&m, 0, 3, AT(0, 1, 1), "LAB");
	field(&m, 1, 3, AT(0, 2, 1), "a");
	field(&m, 1, 3, AT(0, 2, 2), "b");
	field(&m, 1, 3, AT(0, 4, 1), "AUTH");
	field(&m, 1, 4, AT(0, 1, 1), "x#y*z@w!v$");
	/* '|' and '^' are plain characters under these delimiters. */
	hl7_msg_done(&m);
	parse_ok("MSH#*!$@#L|^\r", &m);
	field(&m, 0, 3, AT(0, 1, 1), "L|^");
	hl7_msg_done(&m);
}

static void test_segment_ends(void **state)
{
	const char *ends[] = {"\r", "\n", "\r\n", "\n\n", "\r\r\n"};
	for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		char msg[200];
		snprintf(msg, sizeof msg, "MSH|^~\\&|A%sPID|1||X%sOBX|1|NM%s", ends[i], ends[i],
			 ends[i]);
		struct hl7_msg m;
		parse_ok(msg, &m);
		assert_int_equal(m.nsegs, 3);
		field(&m, 1, 3, AT(0, 1, 1), "X");
		field(&m, 2, 2, AT(0, 1, 1), "NM");
		assert_int_equal(m.segs[2].line, 3);
		hl7_msg_done(&m);
	}
	/* No final terminator at all. */
	struct hl7_msg m;
	parse_ok("MSH|^~\\&|A\rPID|1||X", &m);
	assert_int_equal(m.nsegs, 2);
	hl7_msg_done(&m);
}

static void test_malformed(void **state)
{
	char big[HL7_FIELD_MAX + 200];
	expect_refused("PID|1", 5, "segment 1: a message starts with MSH");
	expect_refused("", 0, "segment 1: a message starts with MSH");
	expect_refused("MSH|^~\\", 7, "starts with MSH");
	expect_refused("MSH|^~\\^|A\r", 11, "segment 1 (MSH), field 2: the delimiters must all be");
	expect_refused("MSHa^~\\&|A\r", 11,
		       "segment 1 (MSH), field 1: delimiters must be printable");
	expect_refused("MSH|^~\\&X|A\r", 12, "four encoding characters");
	expect_refused("MSH|^~\\&|A\rpid|1\r", 17, "segment 2: 'pid' is not a segment id");
	expect_refused("MSH|^~\\&|A\rPI\r", 14, "segment 2: 'PI' is not a segment id");
	expect_refused("MSH|^~\\&|A\rPIDX|1\r", 18, "segment 2: 'PID' is not a segment id");
	expect_refused("MSH|^~\\&|A\rPID|1\rMSH|^~\\&|B\r", 28,
		       "segment 3 (MSH): a second MSH in one message");
	expect_refused("MSH|^~\\&|A\0B\r", 13, "a NUL byte at offset 10");
	int n = snprintf(big, sizeof big, "MSH|^~\\&|A\rOBX|1|NM|");
	memset(big + n, 'x', HL7_FIELD_MAX + 1);
	n += HL7_FIELD_MAX + 1;
	expect_refused(big, (size_t)n, "segment 2 (OBX), field 3: 4097 bytes, more than the 4096");
	n = snprintf(big, sizeof big, "MSH|^~\\&|A\rOBX");
	for (int i = 0; i < HL7_FIELDS_MAX + 1; i++)
		big[n++] = '|';
	expect_refused(big, (size_t)n, "segment 2 (OBX), field 65: more fields than the 64");
	expect_refused("MSH|^~\\&|A", HL7_MESSAGE_MAX + 1, "more than the 1048576 accepted");
}

static void test_exactly_at_limits(void **state)
{
	char *big = malloc(HL7_FIELD_MAX + 100);
	int n = snprintf(big, HL7_FIELD_MAX + 100, "MSH|^~\\&|A\rOBX|1|NM|");
	memset(big + n, 'x', HL7_FIELD_MAX);
	n += HL7_FIELD_MAX;
	struct hl7_msg m;
	struct err e = {""};
	assert_int_equal(hl7_parse(big, (size_t)n, &m, &e), ST_OK);
	assert_int_equal((int)m.segs[1].len[3], HL7_FIELD_MAX);
	hl7_msg_done(&m);
	free(big);
}

static void test_oru_read(void **state)
{
	struct hl7_msg m;
	struct hl7_oru o;
	struct err e = {""};
	parse_ok(oru, &m);
	assert_int_equal(hl7_oru_read(&m, &o, &e), ST_OK);
	assert_string_equal(o.sending_app, "LIS");
	assert_string_equal(o.sending_facility, "CENTRAL LAB");
	assert_string_equal(o.control_id, "MSG0001");
	assert_string_equal(o.type, "ORU^R01");
	assert_string_equal(o.version, "2.5.1");
	assert_string_equal(o.time, "20260301083000");
	assert_int_equal(o.npatients, 1);
	assert_int_equal(o.patients[0].nids, 2);
	assert_string_equal(o.patients[0].ids[0].id, "100234");
	assert_string_equal(o.patients[0].ids[0].authority, "CLINIC");
	assert_string_equal(o.patients[0].ids[0].id_type, "MR");
	assert_string_equal(o.patients[0].family, "M\xc3\xbcLLER");
	assert_string_equal(o.patients[0].dob, "19610203");
	assert_int_equal(o.nobs, 4);
	assert_string_equal(o.obs[0].code, "1975-2");
	assert_string_equal(o.obs[0].code_system, "LN");
	assert_string_equal(o.obs[0].value, "2.1");
	assert_string_equal(o.obs[0].units, "mg/dL");
	assert_string_equal(o.obs[0].range, "0.1-1.2");
	assert_string_equal(o.obs[0].abnormal, "H");
	assert_string_equal(o.obs[0].collected, "202602281530");
	assert_string_equal(o.obs[0].observed, "20260228");
	assert_string_equal(o.obs[0].note, "Sample slightly haemolysed; second\nline");
	assert_int_equal(o.obs[0].status, HL7_FINAL);
	assert_int_equal(o.obs[1].status, HL7_CORRECTED);
	assert_int_equal(o.obs[2].status, HL7_PRELIMINARY);
	assert_int_equal(o.obs[3].status, HL7_CANCELLED);
	assert_string_equal(o.obs[1].note, "");
	hl7_oru_done(&o);
	hl7_msg_done(&m);
}

/* A structured numeric OBX-5 is read whole: comparator and number stay
 * together (found when tried: only the comparator was kept). */
static void test_oru_structured_numeric(void **state)
{
	static const char sn[] = "MSH|^~\\&|LIS|LAB|HD|CLINIC|20260301083000||ORU^R01|SN1|P|2.5.1\r"
				 "PID|1||H1^^^CLINIC^MR||HEPA^Anna||19600506|F\r"
				 "OBR|1||O1|24323-8^Panel^LN|||202603010730\r"
				 "OBX|1|SN|1920-8^AST^LN||>^2000|U/L|||||F\r"
				 "OBX|2|SN|6768-6^ALP^LN||^120|U/L|||||F\r"
				 "OBX|3|SN|5370-2^Titre^LN||^1^:^128||||||F\r"
				 "OBX|4|NM|1742-6^ALT^LN||<5|U/L|||||F\r";
	struct hl7_msg m;
	struct hl7_oru o;
	struct err e = {""};
	parse_ok(sn, &m);
	assert_int_equal(hl7_oru_read(&m, &o, &e), ST_OK);
	assert_int_equal(o.nobs, 4);
	assert_string_equal(o.obs[0].value, ">2000");
	assert_string_equal(o.obs[1].value, "120");
	assert_string_equal(o.obs[2].value, "1:128");
	assert_string_equal(o.obs[3].value, "<5");
	hl7_oru_done(&o);
	hl7_msg_done(&m);
}

static void oru_refused(const char *text, const char *why)
{
	struct hl7_msg m;
	struct hl7_oru o;
	struct err e = {""};
	parse_ok(text, &m);
	assert_int_equal(hl7_oru_read(&m, &o, &e), ST_INVALID);
	assert_contains(e.msg, why);
	assert_null(o.obs);
	hl7_msg_done(&m);
}

static void test_oru_refused(void **state)
{
	oru_refused("MSH|^~\\&|L|F|||1||ADT^A01|9|P|2.5\rPID|1||1\r",
		    "segment 1 (MSH), field 9: 'ADT^A01' is not ORU^R01");
	oru_refused("MSH|^~\\&|L|F|||1||ORU^R01||P|2.5\rPID|1||1\rOBX|1|NM|1975-2^^LN||1\r",
		    "segment 1 (MSH), field 10: the message control ID is empty");
	oru_refused("MSH|^~\\&|L|F|||1||ORU^R01|9|P|2.2\rPID|1||1\rOBX|1|NM|1975-2^^LN||1\r",
		    "segment 1 (MSH), field 12: version '2.2'");
	oru_refused("MSH|^~\\&|L|F|||1||ORU^R01|9|P|2.3\rOBR|1\rOBX|1|NM|1975-2^^LN||1\r",
		    "segment 3 (OBX): a result before any PID segment");
	oru_refused("MSH|^~\\&|L|F|||1||ORU^R01|9|P|2.3\rPID|1||1\r",
		    "message: no OBX result segment");
	oru_refused("MSH|^~\\&|L|F|||1||ORU^R01|9|P|2.3\rPID|1||1\rOBX|1|NM|1975-2^^LN||1~2\r",
		    "segment 3 (OBX), field 5: 2 values where one is accepted");
	oru_refused("MSH|^~\\&|L|F|||1||ORU^R01|9|P|2.3\rPID|1||1~2~3~4~5~6~7~8~9\r"
		    "OBX|1|NM|1975-2^^LN||1\r",
		    "segment 2 (PID), field 3: 9 identifiers, more than the 8");
	/* A value longer than hepadesk keeps: refused with its position. */
	char msg[600];
	snprintf(msg, sizeof msg,
		 "MSH|^~\\&|L|F|||1||ORU^R01|9|P|2.3\rPID|1||1\rOBX|1|NM|1975-2^^LN||%0300d\r", 1);
	oru_refused(msg, "segment 3 (OBX), field 5: a value of 300 bytes, more than the 199");
	oru_refused("MSH|^~\\&|L|F|||1||ORU^R01|9|P|2.3\rPID|1||1\rOBX|1|NM|1975-2^^LN||\\Q\\\r",
		    "segment 3 (OBX), field 5: bad escape sequence \\Q\\");
}

static void test_ts_date(void **state)
{
	char d[16];
	assert_true(hl7_ts_date("20260228", d, sizeof d));
	assert_string_equal(d, "2026-02-28");
	assert_true(hl7_ts_date("202602281530", d, sizeof d));
	assert_true(hl7_ts_date("20260228153000.123+0100", d, sizeof d));
	assert_true(hl7_ts_date("20260228+0100", d, sizeof d));
	assert_string_equal(d, "2026-02-28");
	assert_false(hl7_ts_date("20260230", d, sizeof d));
	assert_false(hl7_ts_date("2026022", d, sizeof d));
	assert_false(hl7_ts_date("20260228x", d, sizeof d));
	assert_false(hl7_ts_date("", d, sizeof d));
	assert_false(hl7_ts_date(NULL, d, sizeof d));
}

static void test_ack(void **state)
{
	struct hl7_msg m;
	struct strbuf sb;
	parse_ok(oru, &m);
	sb_init(&sb);
	hl7_ack(&m, HL7_AA, "2 stored", "20260302100000", &sb);
	assert_string_equal(sb_str(&sb),
			    "MSH|^~\\&|HEPADESK|CLINIC|LIS|CENTRAL LAB|20260302100000||ACK^R01^ACK|"
			    "ACKMSG0001|P|2.5.1\rMSA|AA|MSG0001|2 stored\r");
	sb_reset(&sb);
	hl7_ack(&m, HL7_AE, "segment 4 (OBX), field 5: a|b", "20260302100000", &sb);
	assert_contains(sb_str(&sb), "\rMSA|AE|MSG0001|segment 4 (OBX), field 5: a\\F\\b\r");
	assert_contains(sb_str(&sb), "\rERR|||207^Application error|E||||segment 4 (OBX)");
	/* The ACK parses, and its MSA says what it should. */
	struct hl7_msg a;
	parse_ok(sb_str(&sb), &a);
	field(&a, 1, 1, AT(0, 1, 1), "AE");
	field(&a, 1, 3, AT(0, 1, 1), "segment 4 (OBX), field 5: a|b");
	hl7_msg_done(&a);
	sb_reset(&sb);
	hl7_ack(NULL, HL7_AR, "not HL7", "20260302100000", &sb);
	assert_contains(sb_str(&sb), "MSH|^~\\&|||||20260302100000||ACK^R01^ACK|ACK|P|\r");
	assert_contains(sb_str(&sb), "MSA|AR||not HL7\r");
	sb_done(&sb);
	hl7_msg_done(&m);
}

static void test_mllp(void **state)
{
	struct mllp p;
	struct strbuf wire;
	size_t used = 0, len;
	mllp_init(&p);
	sb_init(&wire);
	sb_add(&wire, "noise");
	mllp_wrap("MSH|a", 5, &wire);
	mllp_wrap("MSH|b\x1cz", 7, &wire); /* an FS inside, not followed by CR */
	sb_addn(&wire, "\x0bMSH|half", 9);
	/* Fed one byte at a time. */
	int frames = 0;
	for (size_t i = 0; i < wire.len; i++) {
		size_t u = 0;
		enum mllp_event ev = mllp_feed(&p, wire.buf + i, 1, &u);
		assert_int_equal(u, 1);
		if (ev == MLLP_FRAME) {
			const char *f = mllp_frame(&p, &len);
			if (frames == 0)
				assert_string_equal(f, "MSH|a");
			else
				assert_string_equal(f, "MSH|b\x1cz");
			frames++;
		}
	}
	assert_int_equal(frames, 2);
	assert_true(mllp_pending(&p));
	mllp_done(&p);

	/* Fed at once: two frames come out in turn. */
	mllp_init(&p);
	assert_int_equal(mllp_feed(&p, wire.buf, wire.len, &used), MLLP_FRAME);
	assert_string_equal(mllp_frame(&p, &len), "MSH|a");
	assert_int_equal(mllp_feed(&p, wire.buf, wire.len, &used), MLLP_FRAME);
	assert_int_equal(len, 5);
	assert_int_equal(mllp_feed(&p, wire.buf, wire.len, &used), MLLP_NONE);
	assert_int_equal(used, wire.len);
	assert_true(mllp_pending(&p));
	mllp_done(&p);

	/* An overlong frame is dropped whole and reported; the next one is fine. */
	mllp_init(&p);
	char *big = malloc(HL7_MESSAGE_MAX + 10);
	memset(big, 'x', HL7_MESSAGE_MAX + 10);
	big[0] = MLLP_START;
	used = 0;
	assert_int_equal(mllp_feed(&p, big, HL7_MESSAGE_MAX + 10, &used), MLLP_NONE);
	used = 0;
	assert_int_equal(mllp_feed(&p, "\x1c\r\x0bok\x1c\r", 7, &used), MLLP_TOO_LONG);
	assert_int_equal(mllp_feed(&p, "\x1c\r\x0bok\x1c\r", 7, &used), MLLP_FRAME);
	assert_string_equal(mllp_frame(&p, &len), "ok");
	assert_false(mllp_pending(&p));
	free(big);
	mllp_done(&p);
	sb_done(&wire);
}

static void test_escape_round_trip(void **state)
{
	struct hl7_delims d = {'|', '^', '~', '\\', '&'};
	struct strbuf sb;
	sb_init(&sb);
	sb_add(&sb, "MSH|^~\\&|A\rNTE|1||");
	hl7_escape(&d, "a|b^c~d\\e&f\tg", &sb);
	assert_contains(sb_str(&sb), "a\\F\\b\\S\\c\\R\\d\\E\\e\\T\\f\\X09\\g");
	struct hl7_msg m;
	parse_ok(sb_str(&sb), &m);
	field(&m, 1, 3, AT(0, 1, 1), "a|b^c~d\\e&f\tg");
	hl7_msg_done(&m);
	sb_done(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fields_components_reps),
	    cmocka_unit_test(test_escapes),
	    cmocka_unit_test(test_other_delimiters),
	    cmocka_unit_test(test_segment_ends),
	    cmocka_unit_test(test_malformed),
	    cmocka_unit_test(test_exactly_at_limits),
	    cmocka_unit_test(test_oru_read),
	    cmocka_unit_test(test_oru_structured_numeric),
	    cmocka_unit_test(test_oru_refused),
	    cmocka_unit_test(test_ts_date),
	    cmocka_unit_test(test_ack),
	    cmocka_unit_test(test_mllp),
	    cmocka_unit_test(test_escape_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
