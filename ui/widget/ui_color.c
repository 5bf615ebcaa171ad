/* ui_color.c: the colour roles table turned into curses attributes. */
#include "ui_color.h"

#include <stdlib.h>

static const struct {
	short fg, bg;
	attr_t color_attr, mono_attr;
} roles[] = {
#define UI_ROLE_ROW_(name, fg, bg, cattr, mattr) {fg, bg, cattr, mattr},
    UI_ROLES(UI_ROLE_ROW_)
#undef UI_ROLE_ROW_
};

static attr_t attrs[UI_ROLE_COUNT];

void ui_color_init(void)
{
	/* getenv, not secure_getenv: a privileged run has already dropped what
	 * it does not trust (app_scrub_env) and keeps NO_COLOR, which must work
	 * on the clinic server too. */
	bool color_on = has_colors() && getenv("NO_COLOR") == NULL && start_color() == OK;
	bool dflt = color_on && use_default_colors() == OK;
	for (int r = 0; r < UI_ROLE_COUNT; r++) {
		if (!color_on || (roles[r].fg == -1 && roles[r].bg == -1)) {
			attrs[r] = color_on ? roles[r].color_attr : roles[r].mono_attr;
			continue;
		}
		short fg = roles[r].fg, bg = roles[r].bg;
		if (!dflt) {
			fg = fg == -1 ? COLOR_WHITE : fg;
			bg = bg == -1 ? COLOR_BLACK : bg;
		}
		init_pair((short)(r + 1), fg, bg);
		attrs[r] = COLOR_PAIR(r + 1) | roles[r].color_attr;
	}
}

attr_t ui_color(enum ui_role r)
{
	if ((unsigned)r >= UI_ROLE_COUNT)
		return A_NORMAL;
	return attrs[r];
}
