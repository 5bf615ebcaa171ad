/* ui_term.c: curses start and restore, signal flags and the crash handler. */
#include "ui_term.h"

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

#include "ui_color.h"

static volatile sig_atomic_t term_active;
static volatile sig_atomic_t quit_signal;
static bool acs_ok;

static void on_quit_signal(int sig)
{
	quit_signal = sig;
}

/* Restore the terminal, then die of the same signal with its default action
 * so core dumps and sanitizers still see it. endwin is not async-signal-safe;
 * as htop does, we accept that risk for a usable terminal after a crash. */
static void on_crash(int sig)
{
	ui_term_stop();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void install(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static void install_signals(void)
{
	/* No SA_RESTART: a hang-up interrupts the read and the loop sees it. */
	install(SIGHUP, on_quit_signal, 0);
	install(SIGTERM, on_quit_signal, 0);
	install(SIGINT, on_quit_signal, 0);
	install(SIGPIPE, SIG_IGN, 0);
	install(SIGSEGV, on_crash, SA_RESETHAND);
	install(SIGBUS, on_crash, SA_RESETHAND);
	install(SIGABRT, on_crash, SA_RESETHAND);
	install(SIGFPE, on_crash, SA_RESETHAND);
}

static bool terminal_has_acs(void)
{
	const char *acsc = tigetstr("acsc");
	/* tigetstr answers (char *)-1 for a name that is not a string
	 * capability: the one integer-to-pointer the terminfo API makes us test. */
	// NOLINTNEXTLINE(performance-no-int-to-ptr)
	return acsc != NULL && acsc != (char *)-1 && *acsc != '\0';
}

static bool utf8_ok = true;

bool ui_term_utf8(void)
{
	return utf8_ok;
}

bool ui_term_start(char *why, int n)
{
	setlocale(LC_ALL, "");
	utf8_ok = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(why, (size_t)n, "the screens need a terminal (use a command, see --help)");
		return false;
	}
	if (!newterm(NULL, stdout, stdin)) {
		/* getenv: a privileged run has scrubbed the environment and
		 * kept TERM (a name, never a path). */
		const char *term = getenv("TERM");
		snprintf(why, (size_t)n, "cannot use terminal type '%s'", term ? term : "(unset)");
		return false;
	}
	term_active = 1;
	atexit(ui_term_stop);
	install_signals();
	set_escdelay(25);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	acs_ok = terminal_has_acs();
	ui_color_init();
	return true;
}

void ui_term_stop(void)
{
	if (!term_active)
		return;
	term_active = 0;
	curs_set(1);
	endwin();
}

int ui_term_signal(void)
{
	return quit_signal;
}

bool ui_term_has_acs(void)
{
	return acs_ok;
}
