/* ui_draw.c: neutralised, width-aware text output and line drawing. */
#include "ui_draw.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui_term.h"
#include "util.h"

/* Draw already-clean text s, cut to width columns with a '>' marker. */
static int put_clean(WINDOW *w, int y, int x, int width, attr_t a, const char *s)
{
	if (width <= 0)
		return 0;
	int used = text_width(s);
	size_t len = strlen(s);
	bool cut = used > width;
	if (cut) {
		len = text_fit(s, width - 1);
		char *head = xstrndup(s, len);
		used = text_width(head) + 1;
		free(head);
	}
	wattrset(w, a);
	mvwaddnstr(w, y, x, s, (int)len);
	if (cut)
		waddch(w, '>');
	wattrset(w, A_NORMAL);
	return used;
}

/* s neutralised, and in ASCII when the terminal's locale has no UTF-8. */
static char *drawable(const char *s)
{
	struct strbuf sb;
	sb_init(&sb);
	text_sanitize(&sb, s ? s : "", false);
	if (ui_term_utf8())
		return sb_take(&sb);
	char *a = text_ascii(sb_str(&sb));
	sb_done(&sb);
	return a;
}

int ui_put(WINDOW *w, int y, int x, int width, enum ui_role r, const char *s)
{
	char *d = drawable(s);
	int used = put_clean(w, y, x, width, ui_color(r), d);
	free(d);
	return used;
}

int ui_put_pad(WINDOW *w, int y, int x, int width, enum ui_role r, const char *s)
{
	int used = ui_put(w, y, x, width, r, s);
	if (used < width) {
		wattrset(w, ui_color(r));
		mvwhline(w, y, x + used, ' ', width - used);
		wattrset(w, A_NORMAL);
	}
	return width;
}

int ui_putf(WINDOW *w, int y, int x, int width, enum ui_role r, const char *fmt, ...)
{
	struct strbuf sb;
	va_list ap;
	sb_init(&sb);
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	int used = ui_put(w, y, x, width, r, sb_str(&sb));
	sb_done(&sb);
	return used;
}

int ui_text_width(const char *s)
{
	char *d = drawable(s);
	int wd = text_width(d);
	free(d);
	return wd;
}

void ui_hline(WINDOW *w, int y, int x, int n)
{
	if (n > 0)
		mvwhline(w, y, x, ui_term_has_acs() ? ACS_HLINE : '-', n);
}

void ui_box(WINDOW *w, int y, int x, int h, int wd, const char *title)
{
	bool acs = ui_term_has_acs();
	for (int r = 0; r < h; r++)
		mvwhline(w, y + r, x, ' ', wd);
	mvwhline(w, y, x + 1, acs ? ACS_HLINE : '-', wd - 2);
	mvwhline(w, y + h - 1, x + 1, acs ? ACS_HLINE : '-', wd - 2);
	mvwvline(w, y + 1, x, acs ? ACS_VLINE : '|', h - 2);
	mvwvline(w, y + 1, x + wd - 1, acs ? ACS_VLINE : '|', h - 2);
	mvwaddch(w, y, x, acs ? ACS_ULCORNER : '+');
	mvwaddch(w, y, x + wd - 1, acs ? ACS_URCORNER : '+');
	mvwaddch(w, y + h - 1, x, acs ? ACS_LLCORNER : '+');
	mvwaddch(w, y + h - 1, x + wd - 1, acs ? ACS_LRCORNER : '+');
	if (title && *title)
		ui_putf(w, y, x + 2, wd - 4, ROLE_TITLE, " %s ", title);
}

/* Length in bytes of the next line of s that fits width columns, breaking
 * after a blank when one is in reach. *skip receives the blanks to skip. */
static size_t wrap_line(const char *s, int width, size_t *skip)
{
	size_t nl = strcspn(s, "\n");
	size_t fit = text_fit(s, width);
	*skip = 0;
	if (nl <= fit) {
		*skip = s[nl] == '\n';
		return nl;
	}
	size_t cut = fit;
	while (cut > 0 && s[cut] != ' ')
		cut--;
	if (cut == 0)
		return fit ? fit : 1;
	*skip = 1;
	return cut;
}

int ui_wrap(WINDOW *w, int y, int x, int width, int maxrows, enum ui_role r, const char *s)
{
	struct strbuf sb;
	sb_init(&sb);
	text_sanitize(&sb, s ? s : "", true);
	const char *p = sb_str(&sb);
	int rows = 0;
	while (*p && rows < maxrows) {
		size_t skip, len = wrap_line(p, width, &skip);
		if (w) {
			char *line = xstrndup(p, len);
			put_clean(w, y + rows, x, width, ui_color(r), line);
			free(line);
		}
		rows++;
		p += len + skip;
	}
	sb_done(&sb);
	return rows;
}
