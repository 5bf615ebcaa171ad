/* ui_keymap.c: lookups over the one key table (UI_KEYMAP). */
#include "ui_keymap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

static const struct {
	const char *name;
	unsigned scope;
	int perm;
	int keys[3];
	const char *hint;
	const char *help;
} keymap[ACT_COUNT] = {[ACT_NONE] = {"NONE", 0, UI_PERM_ANY, {0, 0, 0}, NULL, ""},
#define UI_ACT_ROW_(name, scope, perm, k1, k2, k3, hint, help) \
	[ACT_##name] = {#name, scope, perm, {k1, k2, k3}, hint, help},
		       UI_KEYMAP(UI_ACT_ROW_)
#undef UI_ACT_ROW_
};

static const char *const scope_titles[UI_SCOPE_COUNT] = {
#define UI_SCOPE_TITLE_(name, title) title,
    UI_SCOPES(UI_SCOPE_TITLE_)
#undef UI_SCOPE_TITLE_
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

static bool valid(enum ui_action a)
{
	return (unsigned)a < ACT_COUNT && a != ACT_NONE;
}

const char *ui_key_help(enum ui_action a)
{
	return valid(a) ? keymap[a].help : "";
}

const char *ui_key_label(enum ui_action a)
{
	return valid(a) ? keymap[a].hint : NULL;
}

unsigned ui_key_scope(enum ui_action a)
{
	return valid(a) ? keymap[a].scope : 0;
}

int ui_key_perm(enum ui_action a)
{
	return valid(a) ? keymap[a].perm : UI_PERM_ANY;
}

const char *ui_key_name(enum ui_action a)
{
	return valid(a) ? keymap[a].name : "";
}

enum ui_action ui_key_find(const char *name, size_t len)
{
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
		if (strlen(keymap[a].name) == len && strncmp(keymap[a].name, name, len) == 0)
			return (enum ui_action)a;
	return ACT_NONE;
}

const char *ui_scope_title(int b)
{
	return b >= 0 && b < UI_SCOPE_COUNT ? scope_titles[b] : "";
}

static const struct {
	int code;
	const char *name;
} fn_names[] = {
    {KEY_UP, "Up"},	 {KEY_DOWN, "Down"},   {KEY_LEFT, "Left"},	     {KEY_RIGHT, "Right"},
    {KEY_PPAGE, "PgUp"}, {KEY_NPAGE, "PgDn"},  {KEY_HOME, "Home"},	     {KEY_END, "End"},
    {KEY_BTAB, "S-Tab"}, {KEY_ENTER, "Enter"}, {KEY_BACKSPACE, "Backspace"},
};

const char *ui_key_text(int key, char *buf, size_t n)
{
	if (key >= UI_FN_BASE) {
		int code = key - UI_FN_BASE;
		for (size_t i = 0; i < sizeof fn_names / sizeof fn_names[0]; i++)
			if (fn_names[i].code == code)
				return snprintf(buf, n, "%s", fn_names[i].name), buf;
		if (code >= KEY_F(1) && code <= KEY_F(12))
			snprintf(buf, n, "F%d", code - KEY_F(0));
		else
			snprintf(buf, n, "key %d", code);
	} else if (key == '\t') {
		snprintf(buf, n, "Tab");
	} else if (key == '\r' || key == '\n') {
		snprintf(buf, n, "Enter");
	} else if (key == UI_ESC) {
		snprintf(buf, n, "Esc");
	} else if (key == ' ') {
		snprintf(buf, n, "Space");
	} else if (key > 0 && key < ' ') {
		snprintf(buf, n, "^%c", key + '@');
	} else {
		snprintf(buf, n, "%lc", (wint_t)key);
	}
	return buf;
}

/* A key that a screen of scope acts on (in a screen that types text, a
 * printable key other than Space is typed). */
static bool acts_in(int key, unsigned scope)
{
	if (!(scope & UI_SCOPE_TYPES))
		return true;
	return key == ' ' || !ui_key_printable(key);
}

const char *ui_key_names(enum ui_action a, unsigned scope, const char *sep, char *buf, size_t n)
{
	char one[3][32];
	size_t len = 0;
	buf[0] = '\0';
	if (a == ACT_PICK && !(scope & UI_SCOPE_TYPES))
		return snprintf(buf, n, "1-9"), buf;
	for (int i = 0; valid(a) && i < 3; i++) {
		int k = keymap[a].keys[i];
		one[i][0] = '\0';
		if (!k || !acts_in(k, scope))
			continue;
		ui_key_text(k, one[i], sizeof one[i]);
		/* Enter is three codes with one name: name it once. */
		bool dup = false;
		for (int j = 0; j < i; j++)
			dup = dup || strcmp(one[j], one[i]) == 0;
		if (dup)
			continue;
		int w = snprintf(buf + len, n - len, "%s%s", len ? sep : "", one[i]);
		if (w < 0 || (size_t)w >= n - len)
			break;
		len += (size_t)w;
	}
	return buf;
}

bool ui_key_offered(enum ui_action a, unsigned scope, unsigned role)
{
	char names[64];
	if (!valid(a) || !(keymap[a].scope & scope))
		return false;
	if (keymap[a].perm != UI_PERM_ANY && !role_allows(role, (enum perm)keymap[a].perm))
		return false;
	return ui_key_names(a, scope, " ", names, sizeof names)[0] != '\0';
}

void ui_key_hints(const enum ui_action *acts, unsigned scope, unsigned role, char *buf, int n)
{
	int len = 0;
	char names[64];
	buf[0] = '\0';
	for (; acts && *acts != ACT_NONE && len < n - 1; acts++) {
		const char *hint = ui_key_label(*acts);
		if (!hint || !ui_key_offered(*acts, scope, role))
			continue;
		ui_key_names(*acts, scope, " ", names, sizeof names);
		size_t klen = strcspn(names, " ");
		int w = snprintf(buf + len, (size_t)(n - len), "%s%.*s %s", len ? "  " : "",
				 (int)klen, names, hint);
		if (w < 0)
			break;
		len += w;
	}
}

int ui_key_format(const char *text, unsigned scope, char *buf, size_t n)
{
	size_t len = 0;
	int bad = 0;
	char names[64];
	buf[0] = '\0';
	for (const char *p = text; p && *p && len + 1 < n;) {
		const char *end = *p == '{' ? strchr(p, '}') : NULL;
		if (!end) {
			buf[len++] = *p++;
			continue;
		}
		bool first_only = p[1] == '=';
		const char *name = p + 1 + first_only;
		enum ui_action a = ui_key_find(name, (size_t)(end - name));
		char put[80];
		if (a == ACT_NONE || !(ui_key_scope(a) & scope) ||
		    !ui_key_names(a, scope, ", ", names, sizeof names)[0]) {
			snprintf(put, sizeof put, "{?%.*s}", (int)(end - name), name);
			bad++;
		} else {
			/* "F2 (^S)": the first key, the others after it. */
			size_t first = strcspn(names, ",");
			snprintf(put, sizeof put,
				 names[first] && !first_only ? "%.*s (%s)" : "%.*s", (int)first,
				 names, names + first + (names[first] ? 2 : 0));
		}
		int w = snprintf(buf + len, n - len, "%s", put);
		len += w < 0 ? 0 : (size_t)w < n - len ? (size_t)w : n - len - 1;
		p = end + 1;
	}
	buf[len] = '\0';
	return bad;
}

int ui_key_check(const enum ui_action *hints, const char *help, unsigned scope, char *why, size_t n)
{
	int bad = 0;
	char names[64];
	why[0] = '\0';
	for (; hints && *hints != ACT_NONE; hints++) {
		if ((ui_key_scope(*hints) & scope) &&
		    ui_key_names(*hints, scope, " ", names, sizeof names)[0])
			continue;
		if (!bad++)
			snprintf(why, n, "hint %s: no key of it acts on this screen",
				 ui_key_name(*hints));
	}
	if (help) {
		size_t len = strlen(help) + 256;
		char *buf = malloc(len);
		int b = buf ? ui_key_format(help, scope, buf, len) : 0;
		if (b && !bad)
			snprintf(why, n, "help: %s", strstr(buf, "{?") ? strstr(buf, "{?") : buf);
		bad += b;
		free(buf);
	}
	return bad;
}
