/* mllp.c: MLLP framing (<VT> message <FS><CR>) for the HL7 listener: a
 * per-connection receive state fed with whatever bytes arrive. */
#include <string.h>

#include "hl7.h"

void mllp_init(struct mllp *p)
{
	memset(p, 0, sizeof *p);
	sb_init(&p->buf);
}

void mllp_done(struct mllp *p)
{
	sb_done(&p->buf);
	memset(p, 0, sizeof *p);
}

static void frame_start(struct mllp *p)
{
	sb_reset(&p->buf);
	p->in_frame = true;
	p->end_seen = false;
	p->too_long = false;
}

enum mllp_event mllp_feed(struct mllp *p, const char *data, size_t len, size_t *used)
{
	while (*used < len) {
		unsigned char c = (unsigned char)data[(*used)++];
		if (!p->in_frame) {
			if (c == MLLP_START)
				frame_start(p);
			continue;
		}
		if (p->end_seen) {
			p->in_frame = false;
			p->end_seen = false;
			if (c != MLLP_CR) { /* FS not followed by CR: not a frame end */
				p->in_frame = true;
				if (!p->too_long)
					sb_addc(&p->buf, (char)MLLP_END);
				(*used)--;
				continue;
			}
			if (p->too_long) {
				p->too_long = false;
				return MLLP_TOO_LONG;
			}
			return MLLP_FRAME;
		}
		if (c == MLLP_END) {
			p->end_seen = true;
		} else if (c == MLLP_START) {
			frame_start(p); /* a new frame: the unfinished one is dropped */
		} else if (!p->too_long) {
			if (p->buf.len >= HL7_MESSAGE_MAX) {
				p->too_long = true;
				sb_done(&p->buf);
				sb_init(&p->buf);
			} else {
				sb_addc(&p->buf, (char)c);
			}
		}
	}
	return MLLP_NONE;
}

const char *mllp_frame(const struct mllp *p, size_t *len)
{
	*len = p->buf.len;
	return sb_str(&p->buf);
}

bool mllp_pending(const struct mllp *p)
{
	return p->in_frame;
}

void mllp_wrap(const char *msg, size_t len, struct strbuf *out)
{
	sb_addc(out, (char)MLLP_START);
	sb_addn(out, msg, len);
	sb_addc(out, (char)MLLP_END);
	sb_addc(out, (char)MLLP_CR);
}
