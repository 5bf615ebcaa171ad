/* ui_loop.c: the screen loop — the one input choke point (the only
 * wget_wch caller), layout, the shared header/message/hint lines, the keys
 * every screen honours and the idle lock. Global keys beyond back, redraw
 * and cancel come from the table the app fills (ui_global_key). */
#include "ui_loop.h"

#include <errno.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "auth.h"
#include "store.h"
#include "text.h"
#include "ui_dialog.h"
#include "ui_draw.h"
#include "ui_term.h"

#define UI_TICK_MS 1000
#define UI_LOST_AFTER 50 /* reads failing at once in a row: the terminal is gone */

enum ui_input { IN_KEY, IN_TICK, IN_RESIZE, IN_SIGNAL, IN_LOST };

static int64_t last_input_ms;
static int fast_errors;

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void reap(struct ui *ui)
{
	for (int i = 0; i < ui->ndead; i++)
		ui->dead[i]->ops->done(ui->dead[i]);
	ui->ndead = 0;
}

static void drop_windows(struct ui *ui)
{
	WINDOW **w[] = {&ui->hdr, &ui->body, &ui->foot};
	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++) {
		if (*w[i])
			delwin(*w[i]);
		*w[i] = NULL;
	}
}

/* Windows for the current terminal size; every screen keeps its state (it
 * lives in the screen structs, never in curses windows). */
static void layout(struct ui *ui)
{
	drop_windows(ui);
	ui->too_small = LINES < UI_MIN_ROWS || COLS < UI_MIN_COLS;
	wtimeout(stdscr, UI_TICK_MS);
	if (ui->too_small)
		return;
	ui->hdr = newwin(1, COLS, 0, 0);
	ui->body = newwin(LINES - 3, COLS, 1, 0);
	ui->foot = newwin(2, COLS, LINES - 2, 0);
	keypad(ui->body, TRUE);
	wtimeout(ui->body, UI_TICK_MS);
	getmaxyx(ui->body, ui->rows, ui->cols);
	for (int i = 0; i < ui->depth; i++)
		if (ui->stack[i]->ops->resize)
			ui->stack[i]->ops->resize(ui->stack[i], ui);
	clearok(curscr, TRUE);
}

/* The one place that reads the keyboard: waits up to a tick, or (wait
 * false: a screen has work between keys) only looks. */
static enum ui_input input(struct ui *ui, int *key, bool wait)
{
	WINDOW *w = ui->too_small ? stdscr : ui->body;
	wint_t ch = 0;
	int64_t t0 = now_ms();
	errno = 0;
	wtimeout(w, wait ? UI_TICK_MS : 0);
	int r = wget_wch(w, &ch);
	if (ui_term_signal())
		return IN_SIGNAL;
	if (r == ERR && !wait && errno != EIO)
		return IN_TICK; /* no key yet: not a lost terminal */
	if (r == ERR) {
		if (errno == EIO || now_ms() - t0 < UI_TICK_MS / 10)
			return ++fast_errors >= UI_LOST_AFTER ? IN_LOST : IN_TICK;
		fast_errors = 0;
		return IN_TICK;
	}
	fast_errors = 0;
	if (r == KEY_CODE_YES && ch == KEY_RESIZE)
		return IN_RESIZE;
	*key = r == KEY_CODE_YES ? UI_FN((int)ch) : (int)ch;
	last_input_ms = now_ms();
	return IN_KEY;
}

static const struct ui_screen *banner_screen(const struct ui *ui)
{
	for (int i = ui->depth - 1; i >= 0; i--)
		if (ui->stack[i]->patient)
			return ui->stack[i];
	return NULL;
}

static bool any_dirty(const struct ui *ui)
{
	for (int i = 0; i < ui->depth; i++)
		if (ui->stack[i]->dirty)
			return true;
	return false;
}

/* "| NAME  MRN ...": a name too long for the room is cut with "..." so the
 * MRN and what follows it always show. */
static void draw_banner(struct ui *ui, int x, int room, const char *banner)
{
	const char *mrn = strstr(banner, "  MRN ");
	int rest = mrn ? ui_text_width(mrn) : 0;
	if (!mrn || ui_text_width(banner) + 2 <= room || room - 2 - rest < 8) {
		ui_putf(ui->hdr, 0, x, room, ROLE_HEADER, "| %s", banner);
		return;
	}
	int name_room = room - 2 - rest - 3;
	size_t cut = text_fit(banner, name_room);
	ui_putf(ui->hdr, 0, x, room, ROLE_HEADER, "| %.*s...%s", (int)cut, banner, mrn);
}

static void draw_header(struct ui *ui)
{
	const struct user *u = store_actor(ui->app->st);
	const struct ui_screen *b = banner_screen(ui);
	const struct ui_screen *top = ui_top(ui);
	char right[96];
	werase(ui->hdr);
	ui_put_pad(ui->hdr, 0, 0, COLS, ROLE_HEADER, "");
	snprintf(right, sizeof right, "%s%s", any_dirty(ui) ? "[+] " : "",
		 top ? top->ops->title : "");
	int rw = ui_text_width(right);
	/* Locked: no name of the user (nor of a patient) is shown. */
	int x = ui_putf(ui->hdr, 0, 0, COLS - rw - 2, ROLE_HEADER, " hepadesk | %s ",
			ui->locked	     ? "locked"
			: u && u->display[0] ? u->display
					     : (u ? u->login : ""));
	if (b && !ui->locked)
		draw_banner(ui, x, COLS - rw - 2 - x, b->banner);
	ui_put(ui->hdr, 0, COLS - rw - 1, rw, ROLE_HEADER, right);
	wnoutrefresh(ui->hdr);
}

/* The idle lock acts on its own keys only: the password and Enter. */
static const enum ui_action lock_hints[] = {ACT_UNLOCK, ACT_NONE};

static void draw_foot(struct ui *ui)
{
	char hints[512];
	const struct ui_screen *top = ui_top(ui);
	const enum ui_action *acts = lock_hints;
	unsigned scope = SC_LOCK | SC_TEXT;
	werase(ui->foot);
	/* A message wider than the line borrows the hint line: the keys are
	 * one ? away, the message is what the nurse must read now. */
	if (ui->msg[0] && ui_wrap(ui->foot, 0, 0, COLS, 2, ui->msg_role, ui->msg) == 2)
		goto out;
	if (!ui->locked && top)
		acts = ui_screen_keys(top, &scope);
	else if (!ui->locked)
		acts = NULL;
	ui_key_hints(acts, scope, ui_role(ui), hints, sizeof hints);
	ui_put(ui->foot, 1, 0, COLS, ROLE_HINT, hints);
out:
	wnoutrefresh(ui->foot);
}

static void draw_plain(struct ui *ui, const char *l1, const char *l2)
{
	WINDOW *w = ui->too_small ? stdscr : ui->body;
	int h, wd;
	getmaxyx(w, h, wd);
	werase(w);
	ui_put(w, h / 2 - 1, 0, wd, ROLE_WARN, l1);
	ui_put(w, h / 2, 0, wd, ROLE_NORMAL, l2);
	curs_set(0);
	wnoutrefresh(w);
}

static void draw_screens(struct ui *ui)
{
	int base = ui->depth - 1;
	while (base > 0 && ui->stack[base]->overlay)
		base--;
	werase(ui->body);
	for (int i = base; i < ui->depth; i++) {
		ui->want_cursor = false;
		ui->stack[i]->ops->draw(ui->stack[i], ui);
	}
	if (ui->want_cursor) {
		curs_set(1);
		wmove(ui->body, ui->cur_y, ui->cur_x);
	} else {
		curs_set(0);
	}
	wnoutrefresh(ui->body);
}

/* Draw what changed: windows are erased and drawn in memory, and doupdate
 * sends only the difference to the terminal. */
static void paint(struct ui *ui)
{
	char l1[128];
	if (ui->too_small) {
		snprintf(l1, sizeof l1, "terminal too small (need %dx%d, have %dx%d)", UI_MIN_COLS,
			 UI_MIN_ROWS, COLS, LINES);
		draw_plain(ui, l1, "enlarge the window: nothing is lost");
	} else if (ui->locked) {
		draw_header(ui);
		draw_foot(ui);
		char l2[128];
		snprintf(l2, sizeof l2, "%stype your password (not shown) and Enter",
			 ui->unlock_bad ? "password not accepted; " : "");
		draw_plain(ui, "hepadesk is locked after being idle", l2);
	} else {
		draw_header(ui);
		draw_foot(ui);
		draw_screens(ui);
	}
	doupdate();
}

static int discard_answer(struct ui *ui, void *arg, bool yes)
{
	struct ui_screen *s = arg;
	if (!yes)
		return UI_DONE;
	if (s->ops->draft)
		s->ops->draft(s, ui, false);
	ui_remove(ui, s);
	return UI_DONE;
}

/* The screens' work between keys (ui_screen_ops.idle): the top one's
 * goes on; the others (and every one while locked, or with stop) are told
 * to stop holding storage. True when one wants to be called again at once. */
static bool idle_work(struct ui *ui, bool stop)
{
	bool more = false;
	for (int i = 0; i < ui->depth; i++) {
		struct ui_screen *s = ui->stack[i];
		bool top = !stop && !ui->locked && i == ui->depth - 1;
		if (s->ops->idle && s->ops->idle(s, ui, top))
			more = true;
	}
	return more;
}

static bool any_idle(const struct ui *ui)
{
	for (int i = 0; i < ui->depth; i++)
		if (ui->stack[i]->ops->idle)
			return true;
	return false;
}

/* Leaving without the nurse (hang-up, lost terminal, idle): keep every
 * form's input as a draft first (no screen's work holding storage). */
static void keep_drafts(struct ui *ui)
{
	idle_work(ui, true);
	for (int i = 0; i < ui->depth; i++)
		if (ui->stack[i]->ops->draft && ui->stack[i]->dirty)
			ui->stack[i]->ops->draft(ui->stack[i], ui, true);
}

/* A hint naming the keys of action a as they act on s (fmt has one %s). */
static void key_msg(struct ui *ui, const struct ui_screen *s, enum ui_action a, const char *fmt)
{
	char names[64];
	unsigned scope;
	ui_screen_keys(s, &scope);
	ui_msg(ui, ROLE_HINT, fmt, ui_key_names(a, scope, " or ", names, sizeof names));
}

static int quit_answer(struct ui *ui, void *arg, bool yes)
{
	(void)ui;
	(void)arg;
	return yes ? UI_QUIT : UI_DONE;
}

static int back(struct ui *ui, struct ui_screen *s, int key)
{
	if (s->home) {
		/* One q too many, coming back from deep inside, must not quit. */
		if (ui_key_is(key, ACT_QUIT))
			ui_confirm(ui, "Leave hepadesk? (y leaves, n stays)", quit_answer, NULL);
		else
			key_msg(ui, s, ACT_QUIT, "press %s to quit hepadesk");
		return UI_DONE;
	}
	if (s->dirty) {
		ui_confirm(ui,
			   "Leave this form? y discards what you typed (and its draft); n stays.",
			   discard_answer, s);
		return UI_DONE;
	}
	return UI_POP;
}

/* The keys every screen honours, for keys the screen passed on. */
static int global_key(struct ui *ui, struct ui_screen *s, int key)
{
	ui_global_fn fn = ui_global_find(ui, key);
	if (fn)
		return fn(ui, s, key);
	if (ui_key_is(key, ACT_BACK))
		return back(ui, s, key);
	if (ui_key_is(key, ACT_REDRAW))
		return UI_FULL;
	if (ui_key_is(key, ACT_CANCEL)) {
		key_msg(ui, s, ACT_BACK, "nothing to cancel here (%s goes back)");
		return UI_DONE;
	}
	key_msg(ui, s, ACT_HELP, "that key does nothing here: %s shows the keys");
	return UI_DONE;
}

/* At the lock only the session user's own password, then Enter, unlocks:
 * checked through PAM (auth_verify, which wipes it); a failure is audited
 * and counts towards the lockout of signatures and the lock alike. */
static void unlock_key(struct ui *ui, int key)
{
	if (ui_key_is(key, ACT_UNLOCK)) {
		struct err e = {""};
		ui->unlock[ui->unlock_len] = '\0';
		enum status s = auth_verify(ui->app->st, &ui->app->cfg, "unlock", ui->unlock, &e);
		sodium_memzero(ui->unlock, sizeof ui->unlock);
		ui->unlock_bad = s != ST_OK;
		ui->locked = ui->unlock_bad;
		ui->unlock_len = 0;
		if (!ui->locked)
			clearok(curscr, TRUE);
	} else if (key == UI_FN(KEY_BACKSPACE) || key == 127 || key == 8) {
		if (ui->unlock_len > 0)
			ui->unlock[--ui->unlock_len] = '\0';
	} else if (key >= ' ' && key < 127 && ui->unlock_len < (int)sizeof ui->unlock - 1) {
		ui->unlock[ui->unlock_len++] = (char)key;
	}
}

#define WAIT_MSG "saving\u2026 (waiting for another user"

/* A write waiting on another session's lock (app_on_wait): the loop is
 * inside the key that saves, so the message line is drawn and sent now;
 * after the first second it counts the seconds. */
static void waiting(void *arg, long waited_ms)
{
	struct ui *ui = arg;
	if (waited_ms < 1000)
		ui_msg(ui, ROLE_WARN, WAIT_MSG ")");
	else
		ui_msg(ui, ROLE_WARN, WAIT_MSG ": %ld s)", waited_ms / 1000);
	draw_foot(ui);
	doupdate();
}

/* The wait is over once the key is handled: a message the save left
 * replaces ours; if it left none, ours goes. */
static void waited_clear(struct ui *ui)
{
	if (!strncmp(ui->msg, WAIT_MSG, strlen(WAIT_MSG)))
		ui_msg_clear(ui);
}

static void handle_key(struct ui *ui, int key)
{
	struct ui_screen *s = ui_top(ui);
	if (ui->locked) {
		unlock_key(ui, key);
		return;
	}
	if (ui->too_small || !s)
		return;
	ui->msg_new = false;
	int r = s->ops->key(s, ui, key);
	if (r & UI_PASS)
		r = global_key(ui, s, key);
	if (!ui->msg_new)
		ui_msg_clear(ui);
	waited_clear(ui);
	if (r & UI_POP)
		ui_remove(ui, s);
	if (r & UI_QUIT)
		ui->quit = true;
	if (r & UI_FULL)
		clearok(curscr, TRUE);
}

/* Idle lock after the configured seconds, and the exit some seconds later
 * (drafts kept first). Returns true when the screen must be drawn again. */
static bool tick(struct ui *ui)
{
	int64_t idle = now_ms() - last_input_ms;
	int lock = ui->app->cfg.idle_lock_seconds, leave = ui->app->cfg.idle_exit_seconds;
	if (ui->locked && leave > 0 && idle >= (int64_t)(lock + leave) * 1000) {
		keep_drafts(ui);
		ui->quit = true;
		return false;
	}
	if (!ui->locked && lock > 0 && idle >= (int64_t)lock * 1000) {
		/* Nothing of a patient stays on screen: the body, banner and
		 * message line are cleared while locked. */
		ui->locked = true;
		sodium_memzero(ui->unlock, sizeof ui->unlock);
		ui->unlock_len = 0;
		ui->unlock_bad = false;
		ui_msg_clear(ui);
		return true;
	}
	return false;
}

void ui_loop(struct ui *ui)
{
	bool busy = false; /* a screen has work between keys: poll, do not wait */
	last_input_ms = now_ms();
	app_on_wait(ui->app, waiting, ui);
	layout(ui);
	paint(ui);
	while (!ui->quit && ui->depth > 0) {
		int key = 0;
		/* Keys kept while a question was up go to the screen now on top,
		 * in order, before anything new is read. */
		if (ui->nahead > 0 && !ui_top(ui)->overlay && !ui->locked) {
			/* Only into the screen they were typed for: not into
			 * whatever the answer led to. */
			if (ui_top(ui) != ui->ahead_for) {
				ui_msg(ui, ROLE_HINT, "%d key%s typed during the question not used",
				       ui->nahead, ui->nahead == 1 ? "" : "s");
				ui->nahead = 0;
				paint(ui);
				continue;
			}
			key = ui->ahead[0];
			memmove(ui->ahead, ui->ahead + 1, (size_t)--ui->nahead * sizeof *ui->ahead);
			handle_key(ui, key);
			reap(ui);
			busy = !ui->quit && idle_work(ui, false);
			if (!ui->quit)
				paint(ui);
			continue;
		}
		switch (input(ui, &key, !busy)) {
		case IN_SIGNAL:
			keep_drafts(ui);
			ui->exit_code = 128 + ui_term_signal();
			ui->quit = true;
			break;
		case IN_LOST:
			keep_drafts(ui);
			ui->exit_code = 1;
			ui->quit = true;
			break;
		case IN_RESIZE:
			layout(ui);
			break;
		case IN_TICK:
			if (!tick(ui) && !ui->quit && !any_idle(ui))
				continue;
			break;
		case IN_KEY:
			handle_key(ui, key);
			break;
		}
		reap(ui);
		busy = !ui->quit && idle_work(ui, false);
		if (!ui->quit)
			paint(ui);
	}
	idle_work(ui, true);
	while (ui->depth > 0)
		ui_pop(ui);
	reap(ui);
	drop_windows(ui);
	app_on_wait(ui->app, NULL, NULL);
}
