/* ui_screen.h: screens as small vtables on a stack, the reactions their key
 * handlers return, the state every screen shares (header, body, message line,
 * key-hint line), and the tables the app fills: global keys, the screen that
 * opens a patient, the draft kinds (ui_resume.h). The framework knows no
 * concrete screen. */
#ifndef HEPADESK_UI_SCREEN_H
#define HEPADESK_UI_SCREEN_H

#include <curses.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

#include "app.h"
#include "draft.h"
#include "patient.h"
#include "ui_color.h"
#include "ui_keymap.h"
#include "user.h"

#define UI_MIN_COLS 80
#define UI_MIN_ROWS 24
#define UI_STACK_MAX 16
#define UI_AHEAD_MAX 64
#define UI_MSG_MAX 512
#define UI_GLOBAL_MAX 8

/* Reactions a key handler returns; the loop acts on them. */
enum ui_reaction {
	UI_DONE = 0,	  /* handled; the screen is drawn again */
	UI_PASS = 1 << 0, /* not this screen's key: the loop applies the global keys */
	UI_POP = 1 << 1,  /* close this screen */
	UI_QUIT = 1 << 2, /* leave the program */
	UI_FULL = 1 << 3  /* repaint the whole terminal (Ctrl-L) */
};

struct ui;
struct ui_screen;

/* A global key's handler: key was passed on by top, the screen on top.
 * Returns enum ui_reaction flags. */
typedef int (*ui_global_fn)(struct ui *ui, struct ui_screen *top, int key);
/* Opens patient id's main screen (heap, for ui_push), or NULL with the reason
 * on the message line. */
typedef struct ui_screen *(*ui_patient_fn)(struct ui *ui, int64_t patient_id);

struct ui_screen_ops {
	const char *title;
	/* Draw into ui->body (werase'd already); place the cursor with
	 * ui_cursor() when a field has focus. */
	void (*draw)(struct ui_screen *s, struct ui *ui);
	/* Handle one key; return enum ui_reaction flags. */
	int (*key)(struct ui_screen *s, struct ui *ui, int key);
	/* The body changed size (may be NULL). */
	void (*resize)(struct ui_screen *s, struct ui *ui);
	/* Free the screen (called once, after it left the stack). */
	void (*done)(struct ui_screen *s);
	const enum ui_action *hints; /* ended by ACT_NONE */
	const char *help;	     /* this screen's own paragraph in the help */
	/* A form's input as a draft: keep it now (hang-up, lost terminal, idle
	 * exit) or drop it (the nurse discarded the form). NULL: no form. */
	void (*draft)(struct ui_screen *s, struct ui *ui, bool keep);
	/* The scopes this screen acts on (enum ui_scope bits; SC_GLOBAL is
	 * implied): its hint line and help offer only keys of these scopes, and
	 * with SC_TEXT (letters are typed) no printable key. 0: the scopes of
	 * its hint actions, plus SC_TEXT for a form (screens that do not say
	 * yet). */
	unsigned scope;
	/* For a screen whose keys change with its state (the evaluation's
	 * steps, the lookup's prompt and list): the hints as they are now, and
	 * the scope in *scope. NULL: hints and scope above. */
	const enum ui_action *(*keys_now)(const struct ui_screen *s, unsigned *scope);
	/* Work done between keys (a report being built), in slices: the loop
	 * calls it after every key and every tick, then draws. top false:
	 * another screen or the idle lock is over this one, or the program is
	 * leaving: stop whatever holds storage (a read snapshot refuses every
	 * write of the session) and return false. Returns true when it wants
	 * to be called again at once (the loop then polls the keyboard rather
	 * than waiting); false waits for the next key or tick. NULL: none. */
	bool (*idle)(struct ui_screen *s, struct ui *ui, bool top);
};

/* Embedded as the first member of every screen. */
struct ui_screen {
	const struct ui_screen_ops *ops;
	bool overlay;	  /* a dialog: the screen below is drawn first */
	bool dirty;	  /* a form with unsaved changes ("[+]", ask on back) */
	bool home;	  /* the bottom screen: back quits */
	int64_t patient;  /* the open patient's id (banner), 0 when none */
	char banner[160]; /* the banner text shown in the header */
};

struct ui {
	struct app *app;
	struct ui_screen *stack[UI_STACK_MAX];
	int depth;
	struct ui_screen *dead[UI_STACK_MAX * 2];
	int ndead;
	WINDOW *hdr, *body, *foot;
	int rows, cols; /* body size */
	bool too_small;
	char msg[UI_MSG_MAX];
	enum ui_role msg_role;
	bool msg_new; /* set during this key: keep it on screen */
	bool want_cursor;
	int cur_y, cur_x;
	bool locked;
	char unlock[256]; /* the password typed at the lock (never drawn; wiped) */
	int unlock_len;
	bool unlock_bad;
	bool quit;
	int exit_code;
	/* Keys typed while a question was up that were not its answer: given to
	 * the screen below once it is answered, never dropped. */
	int ahead[UI_AHEAD_MAX];
	int nahead;
	struct ui_screen *ahead_for; /* the screen they were typed for */
	/* Filled by the app before ui_loop (ui_global_key, ui_patient_opener,
	 * ui_resume_register). */
	struct {
		enum ui_action act;
		ui_global_fn fn;
	} globals[UI_GLOBAL_MAX];
	int nglobals;
	ui_patient_fn open_patient;
	/* per draft kind (draft.h), the function that resumes it, or NULL */
	void (*resume[DRAFT_KIND_COUNT])(struct ui *ui, const struct draft_info *d);
};

/* Push s (heap, owned by the stack from now on). A full stack frees s and
 * says so on the message line. */
void ui_push(struct ui *ui, struct ui_screen *s);
/* Take the top screen off; it is freed after the current key. */
void ui_pop(struct ui *ui);
/* The top screen, or NULL. */
struct ui_screen *ui_top(struct ui *ui);

/* Show a message on the message line (text neutralised when drawn). */
void ui_msg(struct ui *ui, enum ui_role role, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Put the hardware cursor at body position y, x (else it is hidden). */
void ui_cursor(struct ui *ui, int y, int x);

/* The hint actions of s as they are now (ended by ACT_NONE), its scope in
 * *scope (SC_GLOBAL included). */
const enum ui_action *ui_screen_keys(const struct ui_screen *s, unsigned *scope);

/* The acting user's roles (ROLE_BIT of each; viewer when nobody is logged in). */
unsigned ui_role(const struct ui *ui);

/* True when the acting user may take action a (the key table's permission
 * column, checked by storage); otherwise false, with the refusal naming the
 * role needed on the message line. */
bool ui_may(struct ui *ui, enum ui_action a);

/* Register fn as what key action a does on every screen that passes it on
 * (UI_PASS). Later registrations of the same action replace earlier ones;
 * false when the table is full. */
bool ui_global_key(struct ui *ui, enum ui_action a, ui_global_fn fn);

/* The handler of the global action key belongs to, or NULL. */
ui_global_fn ui_global_find(const struct ui *ui, int key);

/* Set the function that opens a patient's main screen (the app's choice). */
void ui_patient_opener(struct ui *ui, ui_patient_fn open);

/* Open patient id's main screen through the app's opener: the screen (not
 * yet pushed), or NULL with the reason on the message line. */
struct ui_screen *ui_open_patient(struct ui *ui, int64_t patient_id);

/* Open patient screen s as the patient context: every screen above home
 * goes first (a form's typed input kept as its draft, said on the message
 * line), so opening patient after patient never stacks up. */
void ui_switch_patient(struct ui *ui, struct ui_screen *s);

/* Take screen s off the stack wherever it is (freed after the current key). */
void ui_remove(struct ui *ui, struct ui_screen *s);

/* Clear the message line. */
void ui_msg_clear(struct ui *ui);

#endif
