/* fuzz_hl7.c: libFuzzer target for the HL7 v2 parser, the ORU^R01 reader,
 * the ACK and MLLP framing. Properties: a parsed message gives every field,
 * repetition and component without a fault, and a value refused only with
 * its segment and field named; a decoded value fits its buffer; the ACK of
 * any parsed message parses again and its MSA-1 is the code sent; escaping
 * then decoding any text gives it back; MLLP framing cut at any point gives
 * the same frames. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hl7.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void walk(const struct hl7_msg *m)
{
	char out[64];
	struct err e;

	for (int i = 0; i < m->nsegs; i++) {
		const struct hl7_seg *s = &m->segs[i];
		for (int f = 0; f <= s->nfields + 1; f++) {
			int reps = hl7_reps(m, s, f);
			for (int r = 0; r <= reps && r < 4; r++)
				for (int c = 1; c <= 3; c++)
					for (int sc = 1; sc <= 2; sc++) {
						enum status st =
						    hl7_get(m, s, f, (struct hl7_at){r, c, sc}, out,
							    sizeof out, &e);
						if (st == ST_OK && strlen(out) >= sizeof out)
							abort();
						if (st != ST_OK && !strstr(e.msg, "segment "))
							abort();
					}
		}
	}
}

static void ack_again(const struct hl7_msg *m)
{
	struct strbuf sb;
	struct hl7_msg a;
	struct err e;
	char code[4];

	sb_init(&sb);
	hl7_ack(m, HL7_AE, "why|^~\\&\r\n\x01", "20260302100000", &sb);
	if (hl7_parse(sb.buf, sb.len, &a, &e) != ST_OK)
		abort();
	int msa = hl7_find(&a, "MSA", 0);
	if (msa < 0 ||
	    hl7_get(&a, &a.segs[msa], 1, (struct hl7_at){0, 1, 1}, code, sizeof code, &e) !=
		ST_OK ||
	    strcmp(code, "AE") != 0)
		abort();
	hl7_msg_done(&a);
	sb_done(&sb);
}

static void escape_round_trip(const char *text)
{
	struct hl7_delims d = {'|', '^', '~', '\\', '&'};
	struct strbuf sb;
	struct hl7_msg m;
	struct err e;
	size_t n = strlen(text) + 1;
	char *out = malloc(n);

	sb_init(&sb);
	sb_add(&sb, "MSH|^~\\&|A\rNTE|1||");
	hl7_escape(&d, text, &sb);
	if (hl7_parse(sb.buf, sb.len, &m, &e) != ST_OK ||
	    hl7_get(&m, &m.segs[1], 3, (struct hl7_at){0, 1, 1}, out, n, &e) != ST_OK ||
	    strcmp(out, text) != 0)
		abort();
	hl7_msg_done(&m);
	sb_done(&sb);
	free(out);
}

/* Frames of data fed whole, then fed in pieces of `step` bytes: the same. */
static void framing(const uint8_t *data, size_t size, size_t step)
{
	struct mllp a, b;
	size_t ua = 0;
	int fa = 0, fb = 0;

	mllp_init(&a);
	mllp_init(&b);
	while (mllp_feed(&a, (const char *)data, size, &ua) != MLLP_NONE)
		fa++;
	for (size_t off = 0; off < size; off += step) {
		size_t len = size - off < step ? size - off : step, u = 0;
		while (mllp_feed(&b, (const char *)data + off, len, &u) != MLLP_NONE)
			fb++;
	}
	if (fa != fb || mllp_pending(&a) != mllp_pending(&b))
		abort();
	mllp_done(&a);
	mllp_done(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct hl7_msg m;
	struct hl7_oru o;
	struct err e;

	if (hl7_parse((const char *)data, size, &m, &e) == ST_OK) {
		walk(&m);
		if (hl7_oru_read(&m, &o, &e) == ST_OK) {
			if (o.nobs < 1 || !o.control_id[0])
				abort();
			hl7_oru_done(&o);
		} else if (o.obs || o.patients) {
			abort();
		}
		ack_again(&m);
		hl7_msg_done(&m);
	} else if (m.segs || m.text) {
		abort();
	}
	if (!memchr(data, 0, size)) {
		char *text = malloc(size + 1);
		memcpy(text, data, size);
		text[size] = '\0';
		escape_round_trip(text);
		free(text);
	}
	framing(data, size, 1 + (size ? data[0] % 7 : 0));
	return 0;
}
