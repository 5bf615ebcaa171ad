/* ui_field.c: the one-line UTF-8 text field. */
#include "ui_field.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text.h"
#include "ui_draw.h"
#include "ui_keymap.h"
#include "util.h"

void ui_field_init(struct ui_field *f, size_t max)
{
	memset(f, 0, sizeof *f);
	f->max = max && max < UI_FIELD_MAX ? max : UI_FIELD_MAX;
}

size_t ui_field_fit(const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	return n;
}

void ui_field_set(struct ui_field *f, const char *s)
{
	size_t n = ui_field_fit(s, f->max);
	memcpy(f->buf, s, n);
	f->buf[n] = '\0';
	f->len = f->cur = n;
	ui_field_begin(f);
}

void ui_field_begin(struct ui_field *f)
{
	memcpy(f->saved, f->buf, f->len + 1);
	f->fresh = f->len > 0;
}

size_t ui_field_prev(const char *s, size_t at)
{
	if (at == 0)
		return 0;
	do
		at--;
	while (at > 0 && ((unsigned char)s[at] & 0xC0) == 0x80);
	return at;
}

size_t ui_field_next(const char *s, size_t len, size_t at)
{
	if (at >= len)
		return len;
	do
		at++;
	while (at < len && ((unsigned char)s[at] & 0xC0) == 0x80);
	return at;
}

size_t ui_field_encode(int key, char *out)
{
	mbstate_t ps;
	memset(&ps, 0, sizeof ps);
	size_t n = wcrtomb(out, (wchar_t)key, &ps);
	return n == (size_t)-1 ? 0 : n;
}

static bool insert(struct ui_field *f, int key)
{
	char mb[MB_LEN_MAX];
	if (f->accept && (key > 127 || !strchr(f->accept, key)))
		return false;
	size_t n = ui_field_encode(key, mb);
	if (n == 0 || f->len + n > f->max)
		return false;
	memmove(f->buf + f->cur + n, f->buf + f->cur, f->len - f->cur + 1);
	memcpy(f->buf + f->cur, mb, n);
	f->len += n;
	f->cur += n;
	return true;
}

static void cut(struct ui_field *f, size_t from, size_t to)
{
	memmove(f->buf + from, f->buf + to, f->len - to + 1);
	f->len -= to - from;
	f->cur = from;
}

bool ui_field_key(struct ui_field *f, int key, bool *changed)
{
	size_t before = f->len;
	if (changed)
		*changed = false;
	char old[UI_FIELD_MAX + 1];
	memcpy(old, f->buf, f->len + 1);
	bool fresh = f->fresh;
	f->fresh = false;
	if (ui_key_printable(key)) {
		if (fresh && !(f->accept && (key > 127 || !strchr(f->accept, key))))
			cut(f, 0, f->len); /* typed over a value put there: replace it */
		if (!insert(f, key)) {
			f->fresh = fresh && f->accept != NULL;
			return f->accept == NULL; /* full: swallow; not accepted: pass on */
		}
	} else if (key == UI_FN(KEY_BACKSPACE) || key == 127 || key == UI_CTRL('H')) {
		if (f->cur > 0)
			cut(f, ui_field_prev(f->buf, f->cur), f->cur);
	} else if (key == UI_FN(KEY_DC)) {
		if (f->cur < f->len)
			cut(f, f->cur, ui_field_next(f->buf, f->len, f->cur));
	} else if (key == UI_FN(KEY_LEFT)) {
		f->cur = ui_field_prev(f->buf, f->cur);
	} else if (key == UI_FN(KEY_RIGHT)) {
		f->cur = ui_field_next(f->buf, f->len, f->cur);
	} else if (key == UI_FN(KEY_HOME) || key == UI_CTRL('A')) {
		f->cur = 0;
	} else if (key == UI_FN(KEY_END) || key == UI_CTRL('E')) {
		f->cur = f->len;
	} else if (key == UI_CTRL('U')) {
		cut(f, 0, f->len);
	} else if (key == UI_CTRL('C')) {
		ui_field_set(f, f->saved);
	} else {
		f->fresh = fresh; /* not an editing key: the value stays as it was */
		return false;
	}
	if (changed)
		*changed = before != f->len || strcmp(old, f->buf) != 0;
	return true;
}

int ui_field_draw(const struct ui_field *f, WINDOW *w, int y, int x, int width, enum ui_role r)
{
	char *head = xstrndup(f->buf, f->cur);
	int curcol = text_width(head);
	free(head);
	const char *start = f->buf;
	int shift = 0;
	/* Scroll whole characters off the left until the cursor fits. */
	while (curcol - shift > width - 1 && *start) {
		size_t step = 1;
		while (((unsigned char)start[step] & 0xC0) == 0x80)
			step++;
		char *ch = xstrndup(start, step);
		shift += text_width(ch);
		free(ch);
		start += step;
	}
	/* A fresh value in the focused field is shown selected: typing
	 * replaces it, as in any form a nurse has used. */
	enum ui_role shown = f->fresh && r == ROLE_FOCUS ? ROLE_SELECTED : r;
	ui_put_pad(w, y, x, width, shown, start);
	if (shift > 0)
		mvwaddch(w, y, x, '<' | ui_color(r));
	return x + curcol - shift;
}
