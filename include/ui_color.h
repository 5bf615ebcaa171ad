/* ui_color.h: semantic colour roles with a monochrome fallback; screens never
 * name a colour or a pair, only a role. */
#ifndef HEPADESK_UI_COLOR_H
#define HEPADESK_UI_COLOR_H

#include <curses.h>
#include <stdbool.h>

/* role, foreground, background, extra attribute with colour, attribute
 * without colour (NO_COLOR or a monochrome terminal). -1 is the default. */
#define UI_ROLES(_)                                                            \
	_(NORMAL, -1, -1, A_NORMAL, A_NORMAL)                                  \
	_(HEADER, COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE)                  \
	_(TITLE, -1, -1, A_BOLD, A_BOLD)                                       \
	_(SELECTED, COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE)              \
	_(FOCUS, COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE | A_UNDERLINE) \
	_(FIELD, -1, -1, A_UNDERLINE, A_UNDERLINE)                             \
	_(ABNORMAL, COLOR_YELLOW, -1, A_BOLD, A_BOLD)                          \
	_(CRITICAL, COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE)               \
	_(OK, COLOR_GREEN, -1, A_NORMAL, A_NORMAL)                             \
	_(WARN, COLOR_YELLOW, -1, A_BOLD, A_BOLD)                              \
	_(HINT, COLOR_CYAN, -1, A_NORMAL, A_NORMAL)                            \
	_(DIM, -1, -1, A_DIM, A_NORMAL)

enum ui_role {
#define UI_ROLE_ENUM_(name, fg, bg, cattr, mattr) ROLE_##name,
	UI_ROLES(UI_ROLE_ENUM_)
#undef UI_ROLE_ENUM_
	    UI_ROLE_COUNT
};

/* Set up the roles after initscr: colour pairs when the terminal has colours
 * and NO_COLOR is not set (any value), monochrome attributes otherwise. */
void ui_color_init(void);

/* The attribute of a role (pair and attributes); A_NORMAL for a bad role. */
attr_t ui_color(enum ui_role r);

#endif
