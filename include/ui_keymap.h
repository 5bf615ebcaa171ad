/* ui_keymap.h: the one key table — actions, their default keys, the label of
 * the hint line and the help text. The help overlay and every hint line are
 * generated from it. */
#ifndef HEPADESK_UI_KEYMAP_H
#define HEPADESK_UI_KEYMAP_H

#include <curses.h>
#include <stdbool.h>

/* Keys are one int: a character (Unicode code point) or, for curses key
 * codes (arrows, function keys), UI_FN(code). */
#define UI_FN_BASE 0x200000
#define UI_FN(code) (UI_FN_BASE + (code))
#define UI_CTRL(c) ((c)&0x1f)
#define UI_ESC 27

/* action, keys as shown, up to three keys, hint label (NULL: not on the hint
 * line), help text. A function key always has a letter or control alias;
 * nothing needs Alt. */
#define UI_KEYMAP(_)                                                                               \
	_(HELP, "?  F1", '?', UI_FN(KEY_F(1)), 0, "help", "show this help (any screen)")           \
	_(LOOKUP, "/  F3", '/', UI_FN(KEY_F(3)), 0, "find",                                        \
	  "find a patient by MRN (exact or prefix) or name (\"SMI\", \"smith, j\"), from any "     \
	  "screen")                                                                                \
	_(BACK, "q  Esc", 'q', UI_ESC, UI_FN(KEY_F(10)), "back",                                   \
	  "go back, asking first when a form has unsaved changes; q on the home screen quits")     \
	_(QUIT, "q  F10", 'q', UI_FN(KEY_F(10)), 0, "quit", "home screen: leave hepadesk")         \
	_(REDRAW, "^L", UI_CTRL('L'), 0, 0, NULL, "redraw the whole screen")                       \
	_(CANCEL, "^C", UI_CTRL('C'), 0, 0, NULL,                                                  \
	  "cancel the edit of the current field (its previous value comes back)")                  \
	_(UP, "Up  k", UI_FN(KEY_UP), 'k', 0, NULL, "move up")                                     \
	_(DOWN, "Down  j", UI_FN(KEY_DOWN), 'j', 0, NULL, "move down")                             \
	_(PGUP, "PgUp  ^B", UI_FN(KEY_PPAGE), UI_CTRL('B'), 0, NULL, "page up")                    \
	_(PGDN, "PgDn  ^F", UI_FN(KEY_NPAGE), UI_CTRL('F'), 0, NULL, "page down")                  \
	_(FIRST, "Home  g", UI_FN(KEY_HOME), 'g', 0, NULL, "first row")                            \
	_(LAST, "End  G", UI_FN(KEY_END), 'G', 0, NULL, "last row")                                \
	_(NEXT, "Tab", '\t', 0, 0, "next", "next field (the field is checked as you leave it)")    \
	_(PREV, "S-Tab", UI_FN(KEY_BTAB), 0, 0, NULL, "previous field")                            \
	_(ENTER, "Enter", '\r', '\n', UI_FN(KEY_ENTER), "open",                                    \
	  "open the highlighted row; in a form, accept the field and go to the next one")          \
	_(PICK, "1-9", 0, 0, 0, NULL,                                                              \
	  "open the numbered row; in the lookup, only after moving into the list with Down or "    \
	  "Tab (digits typed at the prompt are part of an MRN)")                                   \
	_(CHOOSE, "Space  <- ->", ' ', UI_FN(KEY_LEFT), UI_FN(KEY_RIGHT), NULL,                    \
	  "in a choice field: Space opens the list, Left/Right change the choice")                 \
	_(SAVE, "F2  ^S", UI_FN(KEY_F(2)), UI_CTRL('S'), 0, "save",                                \
	  "save the form (nothing is stored until every field is valid)")                          \
	_(NEW, "n  F4", 'n', UI_FN(KEY_F(4)), 0, "new patient", "register a new patient")          \
	_(EDIT, "E", 'E', 0, 0, "edit",                                                            \
	  "patient: edit the details (a re-measured weight, a corrected name)")                    \
	_(LABS, "l", 'l', 0, 0, "labs", "overview: jump to the latest labs")                       \
	_(IMAGING, "i", 'i', 0, 0, "imaging", "overview: jump to the imaging notes")               \
	_(SCORES, "s", 's', 0, 0, "scores", "overview: jump to the scores")                        \
	_(EVAL, "e  F5", 'e', UI_FN(KEY_F(5)), 0, "evaluate",                                      \
	  "intake evaluation: Labs > Imaging > Scores")                                            \
	_(DASHBOARD, "d", 'd', 0, 0, "dashboard",                                                  \
	  "patient: the follow-up dashboard (baseline, latest, change, trends, visits, AEs)")      \
	_(VISIT, "v", 'v', 0, 0, "visit", "patient: record a follow-up visit (or a missed one)")   \
	_(AE, "a", 'a', 0, 0, "adverse event", "patient: record an adverse event (CTCAE grade)")   \
	_(INFUSION, "f", 'f', 0, 0, "infusion", "patient: record an infusion given")               \
	_(CORRECT, "C", 'C', 0, 0, "correct visit",                                                \
	  "patient: the recorded visits; Enter corrects one (a value typed wrong, the wrong day)") \
	_(TERMS, "F9  ^T", UI_FN(KEY_F(9)), UI_CTRL('T'), 0, "terms",                              \
	  "adverse event: pick the term from the CTCAE list (or type free text)")                  \
	_(UNITS, "u  F6", 'u', UI_FN(KEY_F(6)), 0, "units",                                        \
	  "labs: switch the row between conventional and SI units")                                \
	_(STEP_PREV, "F7  ^P", UI_FN(KEY_F(7)), UI_CTRL('P'), 0, "prev step",                      \
	  "evaluation: previous step")                                                             \
	_(STEP_NEXT, "F8  ^N", UI_FN(KEY_F(8)), UI_CTRL('N'), 0, "next step",                      \
	  "evaluation: next step")                                                                 \
	_(CHECKLIST, "c", 'c', 0, 0, "checklist",                                                  \
	  "overview: the pre-treatment checklist (READY, NOT READY or EXCLUDED, and why)")         \
	_(PLAN, "p", 'p', 0, 0, "plan", "overview: the treatment plan and its calendar")           \
	_(AUDIT, "A", 'A', 0, 0, "audit", "home: the audit trail (administrators)")                \
	_(SIGN, "S", 'S', 0, 0, "sign", "checklist: sign the evaluation (asks first)")             \
	_(AMEND, "a", 'a', 0, 0, "amend",                                                          \
	  "checklist: amend the signed evaluation, with a reason (physicians)")                    \
	_(RESCHEDULE, "r", 'r', 0, 0, "reschedule",                                                \
	  "plan: move the highlighted visit to a new date, with a reason")                         \
	_(CANCEL_PLAN, "X", 'X', 0, 0, "cancel plan",                                              \
	  "plan: cancel the plan and its open infusions and visits, with a reason")                \
	_(FILTER, "f", 'f', 0, 0, "filter", "audit: show one patient (MRN) or one user only")      \
	_(VERIFY, "v", 'v', 0, 0, "verify", "audit: check the hash chain of the audit trail")      \
	_(YES, "y", 'y', 'Y', 0, "yes", "answer yes to a question")                                \
	_(NO, "n  Esc", 'n', 'N', UI_ESC, "no", "answer no to a question")

enum ui_action {
	ACT_NONE,
#define UI_ACT_ENUM_(name, shown, k1, k2, k3, hint, help) ACT_##name,
	UI_KEYMAP(UI_ACT_ENUM_)
#undef UI_ACT_ENUM_
	    ACT_COUNT
};

/* True when key is bound to action a (digits 1-9 are ACT_PICK). */
bool ui_key_is(int key, enum ui_action a);

/* True for a key that types text: a printable character, not a control key. */
bool ui_key_printable(int key);

/* The row number 1-9 of a digit key, else 0. */
int ui_key_digit(int key);

/* Move a list selection *sel over n rows for an up/down/page/first/last key
 * (page rows a page), kept within the list; false for any other key. */
bool ui_key_move(int key, int *sel, int n, int page);

/* The first row *top of a list of `rows` visible rows, moved just enough to
 * show row sel. */
void ui_list_show(int sel, int *top, int rows);

/* The keys as shown ("?  F1") and the help text of an action; static. */
const char *ui_key_shown(enum ui_action a);
const char *ui_key_help(enum ui_action a);

/* Write the hint line for a list of actions (ended by ACT_NONE) into buf of
 * size n: "?/F1 help  / find  q back"; the first key of each action is shown. */
void ui_key_hints(const enum ui_action *acts, char *buf, int n);

#endif
