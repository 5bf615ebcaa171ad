/* ui_keymap.h: the one key table — actions, their default keys, the label of
 * the hint line and the help text. The help overlay and every hint line are
 * generated from it. */
#ifndef HEPADESK_UI_KEYMAP_H
#define HEPADESK_UI_KEYMAP_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "user.h"

/* Keys are one int: a character (Unicode code point) or, for curses key
 * codes (arrows, function keys), UI_FN(code). */
#define UI_FN_BASE 0x200000
#define UI_FN(code) (UI_FN_BASE + (code))
#define UI_CTRL(c) ((c)&0x1f)
#define UI_ESC 27

/* Where an action works: the scope column of the table. A screen declares
 * the scopes it acts on (struct ui_screen_ops.scope); its hint line and help
 * name only actions of those scopes, and only keys that act there. */
#define UI_SCOPES(_)                                                  \
	_(GLOBAL, "Everywhere")                                       \
	_(LIST, "Lists and read views")                               \
	_(FORM, "Forms")                                              \
	_(TEXT, "Text fields (letters, digits, ? / and q are typed)") \
	_(HOME, "Home screen")                                        \
	_(PATIENT, "Patient overview")                                \
	_(FOLLOWUP, "Patient overview and dashboard")                 \
	_(EVAL, "Evaluation")                                         \
	_(LABS, "Lab entry (evaluation and visit labs)")              \
	_(AE, "Adverse event form")                                   \
	_(FIXES, "Records to correct")                                \
	_(CHECKLIST, "Checklist")                                     \
	_(PLAN, "Plan")                                               \
	_(STATUS, "Patient status")                                   \
	_(AUDIT, "Audit trail")                                       \
	_(QUEUE, "Lab results queue")                                 \
	_(REPORT, "Outcomes report")                                  \
	_(DIALOG, "Questions and choices")                            \
	_(LOCK, "Idle lock")                                          \
	_(PASSWORD, "Password for a signature")                       \
	_(QOL, "Questionnaire")                                       \
	_(RECORDS, "Contacts and questionnaires recorded")

enum ui_scope_bit {
#define UI_SCOPE_BIT_(name, title) UI_SCOPE_BIT_##name,
	UI_SCOPES(UI_SCOPE_BIT_)
#undef UI_SCOPE_BIT_
	    UI_SCOPE_COUNT
};

enum ui_scope {
#define UI_SCOPE_ENUM_(name, title) SC_##name = 1u << UI_SCOPE_BIT_##name,
	UI_SCOPES(UI_SCOPE_ENUM_)
#undef UI_SCOPE_ENUM_
};

/* Scopes where printable keys are typed into a field, not commands. */
#define UI_SCOPE_TYPES SC_TEXT

/* Anyone may: the permission column of actions every role may take. */
#define UI_PERM_ANY PERM_COUNT

/* action, scopes, permission, up to three keys, hint label (NULL: not on the
 * hint line), help text. The key names shown come from the keys themselves
 * (ui_key_names), so no text can name a key the table does not bind. A
 * function key always has a letter or control alias; nothing needs Alt. */
#define UI_KEYMAP(_)                                                                               \
	_(HELP, SC_GLOBAL, UI_PERM_ANY, '?', UI_FN(KEY_F(1)), 0, "help",                           \
	  "show this help (any screen)")                                                           \
	_(LOOKUP, SC_GLOBAL, UI_PERM_ANY, '/', UI_FN(KEY_F(3)), 0, "find",                         \
	  "find a patient by MRN (exact or prefix) or name (\"SMI\", \"smith, j\"), from any "     \
	  "screen")                                                                                \
	_(BACK, SC_GLOBAL, UI_PERM_ANY, 'q', UI_ESC, UI_FN(KEY_F(10)), "back",                     \
	  "go back, asking first when a form has unsaved changes; q on the home screen quits")     \
	_(QUIT, SC_HOME, UI_PERM_ANY, 'q', UI_FN(KEY_F(10)), 0, "quit",                            \
	  "home screen: leave hepadesk")                                                           \
	_(REDRAW, SC_GLOBAL, UI_PERM_ANY, UI_CTRL('L'), 0, 0, NULL, "redraw the whole screen")     \
	_(CANCEL, SC_FORM | SC_DIALOG, UI_PERM_ANY, UI_CTRL('C'), 0, 0, NULL,                      \
	  "cancel the edit of the current field (its previous value comes back)")                  \
	_(UP, SC_LIST | SC_FORM, UI_PERM_ANY, UI_FN(KEY_UP), 'k', 0, NULL, "move up")              \
	_(DOWN, SC_LIST | SC_FORM, UI_PERM_ANY, UI_FN(KEY_DOWN), 'j', 0, NULL, "move down")        \
	_(PGUP, SC_LIST, UI_PERM_ANY, UI_FN(KEY_PPAGE), UI_CTRL('B'), 0, NULL, "page up")          \
	_(PGDN, SC_LIST, UI_PERM_ANY, UI_FN(KEY_NPAGE), UI_CTRL('F'), 0, NULL, "page down")        \
	_(FIRST, SC_LIST, UI_PERM_ANY, UI_FN(KEY_HOME), 'g', 0, NULL, "first row")                 \
	_(LAST, SC_LIST, UI_PERM_ANY, UI_FN(KEY_END), 'G', 0, NULL, "last row")                    \
	_(NEXT, SC_FORM, UI_PERM_ANY, '\t', 0, 0, "next",                                          \
	  "next field (the field is checked as you leave it)")                                     \
	_(PREV, SC_FORM, UI_PERM_ANY, UI_FN(KEY_BTAB), 0, 0, NULL, "previous field")               \
	_(ENTER, SC_LIST | SC_FORM | SC_DIALOG, UI_PERM_ANY, '\r', '\n', UI_FN(KEY_ENTER), "open", \
	  "open the highlighted row; in a form, accept the field and go to the next one")          \
	_(PICK, SC_LIST | SC_DIALOG, UI_PERM_ANY, 0, 0, 0, NULL,                                   \
	  "open the numbered row; in the lookup, only after moving into the list with Down or "    \
	  "Tab (digits typed at the prompt are part of an MRN)")                                   \
	_(CHOOSE, SC_FORM, UI_PERM_ANY, ' ', UI_FN(KEY_LEFT), UI_FN(KEY_RIGHT), NULL,              \
	  "in a choice field: Space opens the list, Left/Right change the choice")                 \
	_(SAVE, SC_FORM, UI_PERM_ANY, UI_FN(KEY_F(2)), UI_CTRL('S'), 0, "save",                    \
	  "save the form (nothing is stored until every field is valid)")                          \
	_(NEW, SC_HOME, PERM_RECORD, 'n', UI_FN(KEY_F(4)), 0, "new patient",                       \
	  "register a new patient")                                                                \
	_(EDIT, SC_PATIENT, PERM_RECORD, 'E', 0, 0, "edit",                                        \
	  "patient: edit the details (a re-measured weight, a corrected name)")                    \
	_(LABS, SC_PATIENT, UI_PERM_ANY, 'l', 0, 0, "labs", "overview: jump to the latest labs")   \
	_(IMAGING, SC_PATIENT, UI_PERM_ANY, 'i', 0, 0, "imaging",                                  \
	  "overview: jump to the imaging notes")                                                   \
	_(SCORES, SC_PATIENT, UI_PERM_ANY, 's', 0, 0, "scores", "overview: jump to the scores")    \
	_(EVAL, SC_PATIENT, PERM_RECORD, 'e', UI_FN(KEY_F(5)), 0, "evaluate",                      \
	  "intake evaluation: Labs > Imaging > Exam > Scores")                                     \
	_(DASHBOARD, SC_FOLLOWUP, UI_PERM_ANY, 'd', 0, 0, "dashboard",                             \
	  "patient: the follow-up dashboard (baseline, latest, change, trends, visits, AEs)")      \
	_(VISIT, SC_FOLLOWUP, PERM_RECORD, 'v', 0, 0, "visit",                                     \
	  "patient: record a follow-up visit (or a missed one)")                                   \
	_(AE, SC_FOLLOWUP, PERM_RECORD, 'a', 0, 0, "adverse event",                                \
	  "patient: record an adverse event (CTCAE grade)")                                        \
	_(INFUSION, SC_FOLLOWUP, PERM_RECORD, 'f', 0, 0, "infusion",                               \
	  "patient: record an infusion given")                                                     \
	_(CONTACT, SC_FOLLOWUP, PERM_RECORD, 'o', 0, 0, "contact",                                 \
	  "patient: record a survival contact (long-term follow-up: alive, transplant, HCC, "      \
	  "decompensation)")                                                                       \
	_(QOL, SC_FOLLOWUP, PERM_RECORD, 'Q', 0, 0, "questionnaire",                               \
	  "patient: give a quality-of-life questionnaire, item by item with number keys")          \
	_(RECORDS, SC_FOLLOWUP, PERM_RECORD, 'O', 0, 0, "fix contact/questionnaire",               \
	  "patient: the survival contacts and questionnaires recorded; Enter corrects one, "       \
	  "the void key voids one with a reason")                                                  \
	_(VOID, SC_RECORDS, PERM_RECORD, 'X', 0, 0, "void",                                        \
	  "contacts and questionnaires: void the selected one, with a reason (it stays, marked)")  \
	_(CORRECT, SC_FOLLOWUP, PERM_RECORD, 'C', 0, 0, "correct visit",                           \
	  "patient: the recorded visits; Enter corrects one (a value typed wrong, the wrong day)") \
	_(FIXES, SC_FOLLOWUP, PERM_RECORD, 'R', 0, 0, "corrections",                               \
	  "patient: the recorded labs, imaging notes, infusions, adverse events and visits; "      \
	  "Enter "                                                                                 \
	  "corrects one, V voids one recorded in error")                                           \
	_(EXAM, SC_FOLLOWUP, PERM_RECORD, 'x', 0, 0, "exam",                                       \
	  "patient: record examination findings (ascites, encephalopathy, dialysis, weight)")      \
	_(HISTOLOGY, SC_FOLLOWUP, PERM_RECORD, 'b', 0, 0, "biopsy",                                \
	  "patient: record a biopsy's histology (fibrosis stage, grade, CPA, Ki-67, CK-19)")       \
	_(MED, SC_FOLLOWUP, PERM_RECORD, 'm', 0, 0, "medication",                                  \
	  "patient: record a medication or supplement (ATC code from the shipped list)")           \
	_(PRODUCT, SC_FOLLOWUP, PERM_RECORD, 'P', 0, 0, "product lot",                             \
	  "record a lot of the cell product with its release tests (the clinic's, no patient's)")  \
	_(TERMS, SC_AE, UI_PERM_ANY, UI_FN(KEY_F(9)), UI_CTRL('T'), 0, "terms",                    \
	  "adverse event: pick the term from the CTCAE list (or type free text)")                  \
	_(UNITS, SC_LABS, UI_PERM_ANY, 'u', UI_FN(KEY_F(6)), 0, "units",                           \
	  "labs: switch the row between conventional and SI units")                                \
	_(STEP_PREV, SC_EVAL, UI_PERM_ANY, UI_FN(KEY_F(7)), UI_CTRL('P'), 0, "prev step",          \
	  "evaluation: previous step")                                                             \
	_(STEP_NEXT, SC_EVAL, UI_PERM_ANY, UI_FN(KEY_F(8)), UI_CTRL('N'), 0, "next step",          \
	  "evaluation: next step")                                                                 \
	_(CHECKLIST, SC_PATIENT, UI_PERM_ANY, 'c', 0, 0, "checklist",                              \
	  "overview: the pre-treatment checklist (READY, NOT READY or EXCLUDED, and why)")         \
	_(PLAN, SC_PATIENT, UI_PERM_ANY, 'p', 0, 0, "plan",                                        \
	  "overview: the treatment plan and its calendar")                                         \
	_(STATUS, SC_PATIENT, UI_PERM_ANY, 't', 0, 0, "status",                                    \
	  "patient: the status (in treatment, withdrawn, deceased...) and its history")            \
	_(STATUS_SET, SC_STATUS, PERM_RECORD, 'r', 0, 0, "record change",                          \
	  "status: record a change (withdrawn, lost, transplanted, deceased ... with date and "    \
	  "reason)")                                                                               \
	_(AUDIT, SC_HOME, PERM_AUDIT, 'A', 0, 0, "audit",                                          \
	  "home: the audit trail (administrators)")                                                \
	_(QUEUE, SC_HOME, PERM_READ, 'L', 0, 0, "lab queue",                                       \
	  "home: lab results from the laboratory that wait for a nurse (unknown MRN or code, a "   \
	  "name that disagrees, a value to confirm)")                                              \
	_(REPORT, SC_HOME, PERM_READ, 'R', 0, 0, "report",                                         \
	  "home: the clinic's outcomes report (change from baseline, safety, survival)")           \
	_(REPORT_MEASURE_NEXT, SC_REPORT, UI_PERM_ANY, UI_FN(KEY_RIGHT), 'm', 0, "measure",        \
	  "report: the next measure's change from baseline")                                       \
	_(REPORT_MEASURE_PREV, SC_REPORT, UI_PERM_ANY, UI_FN(KEY_LEFT), 'M', 0, NULL,              \
	  "report: the previous measure's change from baseline")                                   \
	_(REPORT_DATES, SC_REPORT, UI_PERM_ANY, 'f', 0, 0, "dates",                                \
	  "report: only patients whose first infusion is from one date and/or to another")         \
	_(REPORT_ETIOLOGY, SC_REPORT, UI_PERM_ANY, 'e', 0, 0, "etiology",                          \
	  "report: only patients of one etiology (ICD-10), or any")                                \
	_(REPORT_ROUTE, SC_REPORT, UI_PERM_ANY, 'r', 0, 0, "route",                                \
	  "report: only patients given an infusion by one route, or any")                          \
	_(REPORT_PRODUCT, SC_REPORT, UI_PERM_ANY, 'p', 0, 0, "product",                            \
	  "report: only patients given an infusion of one product type, or any")                   \
	_(REPORT_CLEAR, SC_REPORT, UI_PERM_ANY, 'x', 0, 0, NULL,                                   \
	  "report: clear every filter (every treated patient)")                                    \
	_(REPORT_SAFETY, SC_REPORT, UI_PERM_ANY, 's', 0, 0, NULL,                                  \
	  "report: jump to the safety table")                                                      \
	_(REPORT_SURVIVAL, SC_REPORT, UI_PERM_ANY, 'K', 0, 0, NULL,                                \
	  "report: jump to the Kaplan-Meier survival curves")                                      \
	_(REPORT_CHANGE, SC_REPORT, UI_PERM_ANY, 'c', 0, 0, NULL,                                  \
	  "report: jump back to the change from baseline")                                         \
	_(MATCH, SC_QUEUE, PERM_RECORD, 'm', 0, 0, "match",                                        \
	  "lab queue: store the result on the patient it belongs to (by MRN), with a reason")      \
	_(CONFIRM_VALUE, SC_QUEUE, PERM_RECORD, 'c', 0, 0, "confirm",                              \
	  "lab queue: confirm an unusual value on its own patient, with a reason")                 \
	_(REJECT, SC_QUEUE, PERM_RECORD, 'x', 0, 0, "reject",                                      \
	  "lab queue: reject the result (nothing stored), with a reason")                          \
	_(SIGN, SC_CHECKLIST, PERM_SIGN_EVALUATION, 'S', 0, 0, "sign",                             \
	  "checklist: sign the evaluation (physicians; asks first)")                               \
	_(ANSWER_YES, SC_CHECKLIST, PERM_RECORD, 'y', 0, 0, "yes",                                 \
	  "checklist: answer yes to the highlighted question and go to the next")                  \
	_(ANSWER_NO, SC_CHECKLIST, PERM_RECORD, 'n', 0, 0, "no",                                   \
	  "checklist: answer no to the highlighted question and go to the next")                   \
	_(AMEND, SC_CHECKLIST, PERM_AMEND_SIGNED, 'a', 0, 0, "amend",                              \
	  "checklist: amend the signed evaluation, with a reason (physicians)")                    \
	_(RESCHEDULE, SC_PLAN, PERM_RECORD, 'r', 0, 0, "reschedule",                               \
	  "plan: move the highlighted visit to a new date, with a reason")                         \
	_(CANCEL_PLAN, SC_PLAN, PERM_PLAN, 'X', 0, 0, "cancel plan",                               \
	  "plan: cancel the plan and its open infusions and visits, with a reason (physicians)")   \
	_(KIND_NEXT, SC_FIXES, UI_PERM_ANY, '\t', UI_FN(KEY_RIGHT), 0, "next kind",                \
	  "records: show the next kind (labs, imaging notes, infusions, adverse events, visits)")  \
	_(KIND_PREV, SC_FIXES, UI_PERM_ANY, UI_FN(KEY_BTAB), UI_FN(KEY_LEFT), 0, NULL,             \
	  "records: show the previous kind")                                                       \
	_(FIX_VOID, SC_FIXES, PERM_RECORD, 'V', 0, 0, "void",                                      \
	  "records: void the highlighted record recorded in error, with a reason (it stays in "    \
	  "the audit trail, marked, and leaves scores, checklists and dashboards)")                \
	_(FILTER, SC_AUDIT, UI_PERM_ANY, 'f', 0, 0, "filter",                                      \
	  "audit: show one patient (MRN) or one user only")                                        \
	_(VERIFY, SC_AUDIT, UI_PERM_ANY, 'v', 0, 0, "verify",                                      \
	  "audit: check the hash chain of the audit trail")                                        \
	_(QOL_SKIP, SC_QOL, UI_PERM_ANY, '-', ' ', 0, "not answered",                              \
	  "questionnaire: leave the item unanswered and go to the next")                           \
	_(QOL_PREV, SC_QOL, UI_PERM_ANY, UI_FN(KEY_UP), UI_FN(KEY_BACKSPACE), 'k', "previous",     \
	  "questionnaire: back to the previous item (its answer can be changed)")                  \
	_(YES, SC_DIALOG, UI_PERM_ANY, 'y', 'Y', 0, "yes", "answer yes to a question")             \
	_(NO, SC_DIALOG, UI_PERM_ANY, 'n', 'N', UI_ESC, "no", "answer no to a question")           \
	_(UNLOCK, SC_LOCK, UI_PERM_ANY, '\r', '\n', UI_FN(KEY_ENTER), "unlock",                    \
	  "idle lock: type your password (not shown), then this key unlocks")                      \
	_(SIGN_NOW, SC_PASSWORD, UI_PERM_ANY, '\r', '\n', UI_FN(KEY_ENTER), "sign",                \
	  "signing: type your password (not shown), then this key signs")

enum ui_action {
	ACT_NONE,
#define UI_ACT_ENUM_(name, scope, perm, k1, k2, k3, hint, help) ACT_##name,
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

/* The help text, hint label (NULL: none), scopes (enum ui_scope bits) and
 * permission (UI_PERM_ANY or an enum perm) of action a. */
const char *ui_key_help(enum ui_action a);
const char *ui_key_label(enum ui_action a);
unsigned ui_key_scope(enum ui_action a);
int ui_key_perm(enum ui_action a);

/* The action named name ("SAVE", as in the table), else ACT_NONE. */
enum ui_action ui_key_find(const char *name, size_t len);
const char *ui_key_name(enum ui_action a);

/* The title of scope bit b ("Forms ..."), "" past the end. */
const char *ui_scope_title(int b);

/* The names of one key: "F2", "^S", "Esc", "Tab", "q". */
const char *ui_key_text(int key, char *buf, size_t n);

/* The names of the keys of a that act on a screen of scope (a screen that
 * types text does not offer printable keys), joined by sep, into buf of size
 * n; "" when no key of a acts there. Returns buf. */
const char *ui_key_names(enum ui_action a, unsigned scope, const char *sep, char *buf, size_t n);

/* True when action a is offered on a screen of scope to role: a's scope
 * meets the screen's, the role may do it, and a key of it acts there. */
bool ui_key_offered(enum ui_action a, unsigned scope, unsigned role);

/* The hint line of a screen of scope for role: "F1 help  Esc back" — the
 * first acting key of each action of acts (ended by ACT_NONE) that is
 * offered there; others are left out. Into buf of size n. */
void ui_key_hints(const enum ui_action *acts, unsigned scope, unsigned role, char *buf, int n);

/* Copy text into buf (size n), each "{NAME}" replaced by the names of the
 * keys of action NAME that act in scope, the first then the others in
 * brackets ("{SAVE}" -> "F2 (^S)", "{BACK}" in a form -> "Esc (F10)"); "{=NAME}"
 * names the first key only ("{=SAVE}" -> "F2"), for a line that must stay short. A name not in the
 * table, or not of scope, becomes "{?NAME}" and is counted. Returns the count of such bad names (0:
 * all good). */
int ui_key_format(const char *text, unsigned scope, char *buf, size_t n);

/* Check a screen's keys: every action of hints (ended by ACT_NONE) has a
 * scope of the screen and a key that acts there, and every {NAME} of help
 * resolves in scope. Returns the count of faults; the first is described in
 * why (size n). */
int ui_key_check(const enum ui_action *hints, const char *help, unsigned scope, char *why,
		 size_t n);

#endif
