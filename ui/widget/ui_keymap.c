/* ui_keymap.c: lookups over the one key table (UI_KEYMAP). */
#include "ui_keymap.h"

#include <stdio.h>
#include <string.h>
#include <wctype.h>

static const struct {
	const char *shown;
	int keys[3];
	const char *hint;
	const char *help;
} keymap[ACT_COUNT] = {[ACT_NONE] = {"", {0, 0, 0}, NULL, ""},
#define UI_ACT_ROW_(name, shown, k1, k2, k3, hint, help) \
	[ACT_##name] = {shown, {k1, k2, k3}, hint, help},
		       UI_KEYMAP(UI_ACT_ROW_)
#undef UI_ACT_ROW_
};

int ui_key_digit(int key)
{
	return key >= '1' && key <= '9' ? key - '0' : 0;
}

bool ui_key_move(int key, int *sel, int n, int page)
{
	if (ui_key_is(key, ACT_UP))
		(*sel)--;
	else if (ui_key_is(key, ACT_DOWN))
		(*sel)++;
	else if (ui_key_is(key, ACT_PGUP))
		*sel -= page;
	else if (ui_key_is(key, ACT_PGDN))
		*sel += page;
	else if (ui_key_is(key, ACT_FIRST))
		*sel = 0;
	else if (ui_key_is(key, ACT_LAST))
		*sel = n - 1;
	else
		return false;
	if (*sel >= n)
		*sel = n - 1;
	if (*sel < 0)
		*sel = 0;
	return true;
}

void ui_list_show(int sel, int *top, int rows)
{
	if (sel < *top)
		*top = sel;
	if (sel >= *top + rows)
		*top = sel - rows + 1;
}

bool ui_key_is(int key, enum ui_action a)
{
	if ((unsigned)a >= ACT_COUNT || a == ACT_NONE || key == 0)
		return false;
	if (a == ACT_PICK)
		return ui_key_digit(key) != 0;
	for (int i = 0; i < 3; i++)
		if (keymap[a].keys[i] == key)
			return true;
	return false;
}

bool ui_key_printable(int key)
{
	return key >= ' ' && key < UI_FN_BASE && key != 127 && iswprint((wint_t)key);
}

const char *ui_key_shown(enum ui_action a)
{
	return (unsigned)a < ACT_COUNT ? keymap[a].shown : "";
}

const char *ui_key_help(enum ui_action a)
{
	return (unsigned)a < ACT_COUNT ? keymap[a].help : "";
}

void ui_key_hints(const enum ui_action *acts, char *buf, int n)
{
	int len = 0;
	buf[0] = '\0';
	for (; acts && *acts != ACT_NONE && len < n - 1; acts++) {
		const char *hint = keymap[*acts].hint;
		const char *shown = keymap[*acts].shown;
		if (!hint)
			continue;
		size_t klen = strcspn(shown, " ");
		int w = snprintf(buf + len, (size_t)(n - len), "%s%.*s %s", len ? "  " : "",
				 (int)klen, shown, hint);
		if (w < 0)
			break;
		len += w;
	}
}
