/* hl7_oru.c: the ORU^R01 fields hepadesk reads (MSH, PID, OBR, OBX, NTE),
 * HL7 timestamps, and the ACK reply. */
#include "hl7.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

#define AT(r, c, s) ((struct hl7_at){(r), (c), (s)})

static const char *const versions[] = {"2.3", "2.3.1", "2.4", "2.5", "2.5.1"};

static enum status get(const struct hl7_msg *m, const struct hl7_seg *s, int f, struct hl7_at at,
		       char *out, size_t n, struct err *e)
{
	return hl7_get(m, s, f, at, out, n, e);
}

static enum status read_msh(const struct hl7_msg *m, struct hl7_oru *o, struct err *e)
{
	const struct hl7_seg *s = &m->segs[0];
	char ev[16];
	enum status st = get(m, s, 3, AT(0, 1, 1), o->sending_app, sizeof o->sending_app, e);
	if (st == ST_OK)
		st = get(m, s, 4, AT(0, 1, 1), o->sending_facility, sizeof o->sending_facility, e);
	if (st == ST_OK)
		st = get(m, s, 7, AT(0, 1, 1), o->time, sizeof o->time, e);
	if (st == ST_OK)
		st = get(m, s, 9, AT(0, 1, 1), o->type, 4, e);
	if (st == ST_OK)
		st = get(m, s, 9, AT(0, 2, 1), ev, sizeof ev, e);
	if (st == ST_OK)
		st = get(m, s, 10, AT(0, 1, 1), o->control_id, sizeof o->control_id, e);
	if (st == ST_OK)
		st = get(m, s, 11, AT(0, 1, 1), o->processing, sizeof o->processing, e);
	if (st == ST_OK)
		st = get(m, s, 12, AT(0, 1, 1), o->version, sizeof o->version, e);
	if (st != ST_OK)
		return st;
	if (strcmp(o->type, "ORU") != 0 || strcmp(ev, "R01") != 0)
		return err_set(e, ST_INVALID, "segment 1 (MSH), field 9: '%s^%s' is not ORU^R01",
			       o->type, ev);
	strlcpy_(o->type, "ORU^R01", sizeof o->type);
	if (!o->control_id[0])
		return err_set(e, ST_INVALID,
			       "segment 1 (MSH), field 10: the message control ID is empty");
	bool known = false;
	for (size_t i = 0; i < ARRAY_SIZE(versions); i++)
		known = known || strcmp(o->version, versions[i]) == 0;
	if (!known)
		return err_set(e, ST_INVALID,
			       "segment 1 (MSH), field 12: version '%s'; accepted 2.3, 2.3.1, "
			       "2.4, 2.5, 2.5.1",
			       o->version);
	return ST_OK;
}

static enum status read_pid(const struct hl7_msg *m, int seg, struct hl7_patient *p, struct err *e)
{
	const struct hl7_seg *s = &m->segs[seg];
	int reps = hl7_reps(m, s, 3);
	enum status st = ST_OK;

	memset(p, 0, sizeof *p);
	p->seg = seg;
	if (reps > HL7_IDS_MAX)
		return err_set(e, ST_INVALID,
			       "segment %d (PID), field 3: %d identifiers, more than the %d "
			       "accepted",
			       s->line, reps, HL7_IDS_MAX);
	for (int r = 0; st == ST_OK && r < reps; r++) {
		struct hl7_pid *id = &p->ids[p->nids++];
		st = get(m, s, 3, AT(r, 1, 1), id->id, sizeof id->id, e);
		if (st == ST_OK)
			st = get(m, s, 3, AT(r, 4, 1), id->authority, sizeof id->authority, e);
		if (st == ST_OK)
			st = get(m, s, 3, AT(r, 5, 1), id->id_type, sizeof id->id_type, e);
	}
	if (st == ST_OK)
		st = get(m, s, 5, AT(0, 1, 1), p->family, sizeof p->family, e);
	if (st == ST_OK)
		st = get(m, s, 5, AT(0, 2, 1), p->given, sizeof p->given, e);
	if (st == ST_OK)
		st = get(m, s, 7, AT(0, 1, 1), p->dob, sizeof p->dob, e);
	return st;
}

static enum hl7_result_status parse_status(const char *t)
{
	static const char codes[] = "FCPX";
	const char *q = t[0] && !t[1] ? strchr(codes, t[0]) : NULL;
	return q ? (enum hl7_result_status)(q - codes) : HL7_OTHER;
}

/* A structured numeric OBX-5 (comparator ^ num1 ^ separator ^ num2) as
 * one text: "<^5" is "<5", "^45" is "45", "^1^:^128" is "1:128". Read
 * whole, so a comparator is never lost and never leaves its number bare. */
static enum status read_sn(const struct hl7_msg *m, const struct hl7_seg *s, struct hl7_obs *x,
			   struct err *e)
{
	char part[4][HL7_TEXT_MAX];
	enum status st = ST_OK;
	for (int c = 0; st == ST_OK && c < 4; c++)
		st = get(m, s, 5, AT(0, c + 1, 1), part[c], sizeof part[c], e);
	if (st != ST_OK)
		return st;
	size_t at = 0;
	for (int c = 0; c < 4; c++) {
		size_t len = strlen(part[c]);
		if (at + len >= sizeof x->value)
			return err_set(e, ST_INVALID,
				       "segment %d (OBX), field 5: value longer than %zu bytes",
				       s->line, sizeof x->value - 1);
		memcpy(x->value + at, part[c], len);
		at += len;
	}
	x->value[at] = '\0';
	return ST_OK;
}

static enum status read_obx(const struct hl7_msg *m, int seg, struct hl7_obs *x, struct err *e)
{
	const struct hl7_seg *s = &m->segs[seg];
	struct {
		int f, comp;
		char *out;
		size_t n;
	} const want[] = {
	    {2, 1, x->value_type, sizeof x->value_type},
	    {3, 1, x->code, sizeof x->code},
	    {3, 2, x->code_text, sizeof x->code_text},
	    {3, 3, x->code_system, sizeof x->code_system},
	    {3, 4, x->alt_code, sizeof x->alt_code},
	    {3, 6, x->alt_system, sizeof x->alt_system},
	    {5, 1, x->value, sizeof x->value},
	    {6, 1, x->units, sizeof x->units},
	    {7, 1, x->range, sizeof x->range},
	    {8, 1, x->abnormal, sizeof x->abnormal},
	    {11, 1, x->status_text, sizeof x->status_text},
	    {14, 1, x->observed, sizeof x->observed},
	};
	enum status st = ST_OK;

	x->seg = seg;
	for (size_t i = 0; st == ST_OK && i < ARRAY_SIZE(want); i++)
		st = get(m, s, want[i].f, AT(0, want[i].comp, 1), want[i].out, want[i].n, e);
	if (st == ST_OK && strcmp(x->value_type, "SN") == 0)
		st = read_sn(m, s, x, e);
	if (st == ST_OK && hl7_reps(m, s, 5) > 1)
		st = err_set(e, ST_INVALID,
			     "segment %d (OBX), field 5: %d values where one is accepted", s->line,
			     hl7_reps(m, s, 5));
	x->status = parse_status(x->status_text);
	return st;
}

/* NTE-3 (all repetitions) appended to the observation's note. */
static enum status read_nte(const struct hl7_msg *m, int seg, struct hl7_obs *x, struct err *e)
{
	const struct hl7_seg *s = &m->segs[seg];
	char text[HL7_TEXT_MAX];
	enum status st = ST_OK;

	for (int r = 0; st == ST_OK && r < hl7_reps(m, s, 3); r++) {
		st = get(m, s, 3, AT(r, 1, 1), text, sizeof text, e);
		size_t have = strlen(x->note);
		if (st == ST_OK && text[0] && have + strlen(text) + 3 > sizeof x->note)
			st = err_set(e, ST_INVALID,
				     "segment %d (NTE), field 3: the comments of one result "
				     "exceed %zu bytes",
				     s->line, sizeof x->note - 1);
		else if (st == ST_OK && text[0]) {
			/* Fits: checked just above (the separator, the text, its NUL). */
			if (have) {
				memcpy(x->note + have, "; ", 2);
				have += 2;
			}
			memcpy(x->note + have, text, strlen(text) + 1);
		}
	}
	return st;
}

static enum status read_body(const struct hl7_msg *m, struct hl7_oru *o, struct err *e)
{
	char collected[32] = "", order[HL7_ID_MAX] = "";
	int pcap = 0, ocap = 0;
	bool obx_open = false;
	enum status st = ST_OK;

	for (int i = 1; st == ST_OK && i < m->nsegs; i++) {
		const struct hl7_seg *s = &m->segs[i];
		if (strcmp(s->id, "PID") == 0) {
			if (o->npatients == pcap) {
				pcap = pcap ? pcap * 2 : 2;
				o->patients =
				    xrealloc(o->patients, (size_t)pcap * sizeof *o->patients);
			}
			st = read_pid(m, i, &o->patients[o->npatients++], e);
			collected[0] = '\0';
			order[0] = '\0';
			obx_open = false;
		} else if (strcmp(s->id, "OBR") == 0) {
			st = get(m, s, 7, AT(0, 1, 1), collected, sizeof collected, e);
			if (st == ST_OK)
				st = get(m, s, 3, AT(0, 1, 1), order, sizeof order, e);
			if (st == ST_OK && !order[0])
				st = get(m, s, 2, AT(0, 1, 1), order, sizeof order, e);
			obx_open = false;
		} else if (strcmp(s->id, "OBX") == 0) {
			if (o->npatients == 0)
				return err_set(e, ST_INVALID,
					       "segment %d (OBX): a result before any PID segment",
					       s->line);
			if (o->nobs == ocap) {
				ocap = ocap ? ocap * 2 : 8;
				o->obs = xrealloc(o->obs, (size_t)ocap * sizeof *o->obs);
			}
			struct hl7_obs *x = &o->obs[o->nobs++];
			memset(x, 0, sizeof *x);
			x->patient = o->npatients - 1;
			strlcpy_(x->collected, collected, sizeof x->collected);
			strlcpy_(x->order, order, sizeof x->order);
			st = read_obx(m, i, x, e);
			obx_open = true;
		} else if (strcmp(s->id, "NTE") == 0 && obx_open) {
			st = read_nte(m, i, &o->obs[o->nobs - 1], e);
		}
	}
	return st;
}

enum status hl7_oru_read(const struct hl7_msg *m, struct hl7_oru *o, struct err *e)
{
	enum status st;

	memset(o, 0, sizeof *o);
	err_clear(e);
	if (m->nsegs < 1)
		return err_set(e, ST_INVALID, "segment 1: no MSH segment");
	st = read_msh(m, o, e);
	if (st == ST_OK)
		st = read_body(m, o, e);
	if (st == ST_OK && o->nobs == 0)
		st = err_set(e, ST_INVALID, "message: no OBX result segment");
	if (st != ST_OK)
		hl7_oru_done(o);
	return st;
}

void hl7_oru_done(struct hl7_oru *o)
{
	free(o->patients);
	free(o->obs);
	memset(o, 0, sizeof *o);
}

const char *hl7_status_str(enum hl7_result_status s)
{
	static const char *const names[] = {"final", "corrected", "preliminary", "cancelled",
					    "other"};
	return (unsigned)s < ARRAY_SIZE(names) ? names[s] : "other";
}

bool hl7_ts_date(const char *ts, char *out, size_t n)
{
	day_t d;
	char iso[11];

	for (int i = 0; i < 8; i++)
		if (!ts || !isdigit((unsigned char)ts[i]))
			return false;
	if (ts[8] && !isdigit((unsigned char)ts[8]) && ts[8] != '+' && ts[8] != '-')
		return false;
	snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", ts, ts + 4, ts + 6);
	if (!date_parse(iso, &d) || n < sizeof iso)
		return false;
	memcpy(out, iso, sizeof iso);
	return true;
}

/* Raw field f of the message's MSH (valid under its own delimiters). */
static void msh_raw(const struct hl7_msg *m, int f, struct strbuf *out)
{
	if (m && m->nsegs > 0 && f <= m->segs[0].nfields && m->segs[0].raw[f])
		sb_addn(out, m->segs[0].raw[f], m->segs[0].len[f]);
}

void hl7_ack(const struct hl7_msg *m, enum hl7_ack_code code, const char *text, const char *now,
	     struct strbuf *out)
{
	static const char *const codes[] = {"AA", "AE", "AR"};
	struct hl7_delims d = m ? m->d : (struct hl7_delims){'|', '^', '~', '\\', '&'};
	char f = d.field;

	sb_addf(out, "MSH%c%c%c%c%c%c", f, d.comp, d.rep, d.esc, d.sub, f);
	msh_raw(m, 5, out); /* we are the receiving application... */
	sb_addc(out, f);
	msh_raw(m, 6, out);
	sb_addc(out, f);
	msh_raw(m, 3, out); /* ...answering its sender */
	sb_addc(out, f);
	msh_raw(m, 4, out);
	sb_addf(out, "%c%s%c%cACK%cR01%cACK%cACK", f, now, f, f, d.comp, d.comp, f);
	msh_raw(m, 10, out);
	sb_addf(out, "%cP%c", f, f);
	msh_raw(m, 12, out);
	sb_addf(out, "\rMSA%c%s%c", f, codes[code], f);
	msh_raw(m, 10, out);
	sb_addc(out, f);
	hl7_escape(&d, text, out);
	sb_addc(out, '\r');
	if (code != HL7_AA) {
		/* ERR-3 HL7 error code (table 0357), ERR-4 severity, ERR-8 text. */
		sb_addf(out, "ERR%c%c%c%s%cE%c%c%c%c", f, f, f,
			code == HL7_AR ? "200^Unsupported message type" : "207^Application error",
			f, f, f, f, f);
		hl7_escape(&d, text, out);
		sb_addc(out, '\r');
	}
}
