/* hl7.h: HL7 v2.x messages (2.3 to 2.5.1) as laboratories send them: the
 * parser (delimiters from MSH-1/MSH-2, escapes, repetitions, components,
 * CR/LF/CRLF segment ends, size limits), the ORU^R01 fields hepadesk reads,
 * MLLP framing and the ACK reply. Pure: no I/O, no clock, no storage. */
#ifndef HEPADESK_HL7_H
#define HEPADESK_HL7_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"
#include "util.h"

/* Limits: a message or a field beyond them is refused, never truncated. */
#define HL7_MESSAGE_MAX (1024 * 1024) /* bytes of one message */
#define HL7_SEGMENTS_MAX 4000	      /* segments of one message */
#define HL7_FIELDS_MAX 64	      /* fields of one segment */
#define HL7_FIELD_MAX 4096	      /* raw bytes of one field */
#define HL7_TEXT_MAX 200	      /* decoded bytes of one value hepadesk keeps */

struct hl7_delims {
	char field; /* MSH-1, usually '|' */
	char comp;  /* '^' */
	char rep;   /* '~' */
	char esc;   /* '\\' */
	char sub;   /* '&' */
};

/* One segment: its id and its raw fields (not yet unescaped). raw[0] is the
 * segment id; for MSH, raw[1] is MSH-1 (the field separator) and raw[2]
 * MSH-2 (the encoding characters), so raw[n] is always field n. */
struct hl7_seg {
	char id[4];
	int line;    /* 1-based segment number in the message */
	int nfields; /* highest field number present */
	const char *raw[HL7_FIELDS_MAX + 1];
	size_t len[HL7_FIELDS_MAX + 1];
};

/* A parsed message. It owns a copy of the text; hl7_msg_done frees it. */
struct hl7_msg {
	struct hl7_delims d;
	char *text;
	char sep_text[2]; /* MSH-1 as a string */
	int nsegs;
	struct hl7_seg *segs;
};

/* Parse text (len bytes, need not be NUL-terminated). The message must
 * start with MSH; segments end in CR, LF or CRLF (blank lines are skipped).
 * ST_INVALID with "segment N (XYZ), field F: reason" for a malformed message
 * or one beyond the limits above; m is then empty. On ST_OK m owns memory
 * released by hl7_msg_done. */
enum status hl7_parse(const char *text, size_t len, struct hl7_msg *m, struct err *e);
void hl7_msg_done(struct hl7_msg *m);

/* Where in a field: repetition rep (0-based), component comp and
 * subcomponent sub (1-based, HL7's numbering). */
struct hl7_at {
	int rep, comp, sub;
};

/* Number of repetitions of field f of s (0 when empty or absent). */
int hl7_reps(const struct hl7_msg *m, const struct hl7_seg *s, int f);

/* The decoded value at field f, position at, into out of size n: escapes
 * \F\ \S\ \T\ \R\ \E\ \Xhh..\ decoded, \.br\ as a newline, other formatting
 * escapes dropped. An absent position gives "" and ST_OK. ST_INVALID naming
 * segment and field for a bad escape, a decoded NUL byte, or a value that
 * does not fit in n. */
enum status hl7_get(const struct hl7_msg *m, const struct hl7_seg *s, int f, struct hl7_at at,
		    char *out, size_t n, struct err *e);

/* The first segment with this id at or after index from, or -1. */
int hl7_find(const struct hl7_msg *m, const char *id, int from);

/* --- ORU^R01 --- */

enum hl7_result_status {
	HL7_FINAL,	 /* F */
	HL7_CORRECTED,	 /* C */
	HL7_PRELIMINARY, /* P */
	HL7_CANCELLED,	 /* X */
	HL7_OTHER	 /* anything else (I, R, S, D, W, ...): not stored */
};

#define HL7_ID_MAX 64
#define HL7_IDS_MAX 8

struct hl7_pid {
	char id[HL7_ID_MAX];	    /* PID-3.1 */
	char authority[HL7_ID_MAX]; /* PID-3.4.1 (namespace) */
	char id_type[8];	    /* PID-3.5 */
};

struct hl7_patient {
	int seg; /* index of the PID segment */
	int nids;
	struct hl7_pid ids[HL7_IDS_MAX];
	char family[HL7_TEXT_MAX]; /* PID-5.1.1 */
	char given[HL7_TEXT_MAX];  /* PID-5.2 */
	char dob[32];		   /* PID-7 as sent (TS) */
};

struct hl7_obs {
	int seg;		       /* index of the OBX segment */
	int patient;		       /* index into hl7_oru.patients */
	char collected[32];	       /* OBR-7 of its order (TS), "" if none */
	char order[HL7_ID_MAX];	       /* OBR-3.1 filler order number (else OBR-2.1) */
	char value_type[4];	       /* OBX-2 */
	char code[HL7_ID_MAX];	       /* OBX-3.1 */
	char code_text[HL7_TEXT_MAX];  /* OBX-3.2 */
	char code_system[24];	       /* OBX-3.3 ("LN" for LOINC) */
	char alt_code[HL7_ID_MAX];     /* OBX-3.4 */
	char alt_system[24];	       /* OBX-3.6 */
	char value[HL7_TEXT_MAX];      /* OBX-5 (first repetition) */
	char units[HL7_ID_MAX];	       /* OBX-6.1 (UCUM or the lab's text) */
	char range[HL7_ID_MAX];	       /* OBX-7 */
	char abnormal[16];	       /* OBX-8 */
	char status_text[4];	       /* OBX-11 as sent */
	enum hl7_result_status status; /* OBX-11 */
	char observed[32];	       /* OBX-14 (TS) */
	char note[HL7_TEXT_MAX];       /* NTE-3 after it, joined by "; " */
};

struct hl7_oru {
	char sending_app[HL7_ID_MAX];	   /* MSH-3.1 */
	char sending_facility[HL7_ID_MAX]; /* MSH-4.1 */
	char time[32];			   /* MSH-7 */
	char type[16];			   /* MSH-9 as "ORU^R01" */
	char control_id[HL7_ID_MAX];	   /* MSH-10 */
	char processing[4];		   /* MSH-11 */
	char version[16];		   /* MSH-12 */
	int npatients;
	struct hl7_patient *patients;
	int nobs;
	struct hl7_obs *obs;
};

/* Read the ORU^R01 fields of a parsed message into o (heap arrays released
 * by hl7_oru_done). ST_INVALID naming the segment and field for a message
 * that is not ORU^R01, has no MSH-10, an OBX before any PID, a value too
 * long, a version outside 2.3-2.5.1, or a bad escape. */
enum status hl7_oru_read(const struct hl7_msg *m, struct hl7_oru *o, struct err *e);
void hl7_oru_done(struct hl7_oru *o);

/* The text of a result status ("final", "corrected", ...); static. */
const char *hl7_status_str(enum hl7_result_status s);

/* HL7 TS "YYYYMMDD[HHMM[SS[.S]]][+-ZZZZ]" to its date part "YYYY-MM-DD" in
 * out (>= 11 bytes). False when ts does not start with a valid date. */
bool hl7_ts_date(const char *ts, char *out, size_t n);

/* --- ACK --- */

enum hl7_ack_code { HL7_AA, HL7_AE, HL7_AR };

/* The ACK of a message: MSH (sender and receiver swapped, MSH-10 of its own:
 * "ACK" + the original's), MSA (code, the original's control id, text) and,
 * for AE/AR, ERR with the reason (escaped). m may be NULL when the message
 * could not be parsed: the ACK then uses '|^~\&' and an empty control id.
 * now is "YYYYMMDDHHMMSS". Segments end in CR. Appended to out. */
void hl7_ack(const struct hl7_msg *m, enum hl7_ack_code code, const char *text, const char *now,
	     struct strbuf *out);

/* Escape text for a field with delimiters d (\F\ \S\ \T\ \R\ \E\; control
 * bytes as \Xhh\) and append it to out. */
void hl7_escape(const struct hl7_delims *d, const char *text, struct strbuf *out);

/* --- MLLP framing: <VT> message <FS><CR> --- */

#define MLLP_START 0x0b
#define MLLP_END 0x1c
#define MLLP_CR 0x0d

/* A connection's receive state: bytes are fed as they arrive; whole frames
 * come out. Bytes outside a frame are ignored; a frame above HL7_MESSAGE_MAX
 * is dropped whole and reported. */
struct mllp {
	struct strbuf buf;
	bool in_frame;
	bool end_seen; /* FS seen, waiting for its CR */
	bool too_long; /* the frame in progress outgrew the limit */
};

enum mllp_event { MLLP_NONE, MLLP_FRAME, MLLP_TOO_LONG };

void mllp_init(struct mllp *p);
void mllp_done(struct mllp *p);
/* Consume bytes from data[*used..len): stops after a whole frame
 * (MLLP_FRAME: the message is mllp_frame(), valid until the next feed), an
 * overlong frame (MLLP_TOO_LONG), or when the input is used up (MLLP_NONE).
 * *used is advanced past what was consumed. */
enum mllp_event mllp_feed(struct mllp *p, const char *data, size_t len, size_t *used);
const char *mllp_frame(const struct mllp *p, size_t *len);
/* True while a frame has started and not ended (a half-received message). */
bool mllp_pending(const struct mllp *p);
/* Wrap msg in an MLLP frame, appended to out. */
void mllp_wrap(const char *msg, size_t len, struct strbuf *out);

#endif
