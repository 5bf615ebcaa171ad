/* bench_pty.c: figures measured on the real program — start-up to the first
 * output of `hepadesk show MRN`, start-up to the first complete screen, bytes
 * written to the terminal per keystroke, peak resident memory of a session
 * (all inside an 80x24 pseudo-terminal), the outcomes report screen from its
 * key to the complete screen, and concurrent writers.
 *
 *   bench_pty show BIN DB MRN REPS LABEL
 *   bench_pty screen BIN DB MRN REPS LABEL
 *   bench_pty report BIN DB REPS LABEL
 *   bench_pty writers BIN DB PROCS WRITES MRN_FIRST MRN_COUNT
 *   bench_pty readers BIN DB PROCS WRITES MRN_FIRST MRN_COUNT
 *
 * Prints "row ID MEDIAN P99 COUNT UNIT" and "na ID REASON" lines for
 * bench.sh (see bench_lib.h). */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench_lib.h"

#define QUIET_MS 150.0 /* no output for this long: the screen is complete */
#define TIMEOUT_MS 5000.0

struct child {
	pid_t pid;
	int fd;		    /* pty master */
	double t0;	    /* just before fork */
	double first, last; /* times of the first and last byte read (ms since t0) */
	long bytes;
	bool eof;
	char tail[4096]; /* the last bytes read, for finding a known string */
	size_t ntail;
};

static FILE *trace; /* $BENCH_TRACE: a copy of everything the program wrote */

static void die(const char *what)
{
	fprintf(stderr, "bench_pty: %s: %s\n", what, strerror(errno));
	exit(1);
}

/* Run argv in a new 80x24 pseudo-terminal. */
static void spawn(struct child *c, char *const argv[])
{
	struct winsize ws = {.ws_row = 24, .ws_col = 80};
	memset(c, 0, sizeof *c);
	c->first = c->last = -1;
	c->t0 = bench_now_ms();
	c->pid = forkpty(&c->fd, NULL, NULL, &ws);
	if (c->pid < 0)
		die("forkpty");
	if (c->pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		setenv("LANG", "C.UTF-8", 1);
		setenv("TZ", "UTC", 1);
		unsetenv("COLUMNS");
		unsetenv("LINES");
		execv(argv[0], argv);
		_exit(127);
	}
}

static void keep_tail(struct child *c, const char *b, size_t n)
{
	if (n >= sizeof c->tail) {
		memcpy(c->tail, b + n - sizeof c->tail, sizeof c->tail);
		c->ntail = sizeof c->tail;
		return;
	}
	if (c->ntail + n > sizeof c->tail) {
		size_t drop = c->ntail + n - sizeof c->tail;
		memmove(c->tail, c->tail + drop, c->ntail - drop);
		c->ntail -= drop;
	}
	memcpy(c->tail + c->ntail, b, n);
	c->ntail += n;
}

/* Read until quiet_ms pass with no output (or EOF, or timeout); returns the
 * bytes read in this call. */
static long pump(struct child *c, double quiet_ms)
{
	char buf[8192];
	long got = 0;
	double start = bench_now_ms();
	while (!c->eof) {
		double now = bench_now_ms();
		double since = c->last >= 0 && got ? now - (c->t0 + c->last) : now - start;
		if (since >= quiet_ms || now - start > TIMEOUT_MS)
			break;
		struct pollfd p = {c->fd, POLLIN, 0};
		int r = poll(&p, 1, (int)(quiet_ms - since) + 1);
		if (r < 0 && errno != EINTR)
			die("poll");
		if (r <= 0)
			continue;
		ssize_t n = read(c->fd, buf, sizeof buf);
		if (n <= 0) { /* EIO: the slave side closed */
			c->eof = true;
			break;
		}
		double t = bench_now_ms() - c->t0;
		if (c->first < 0)
			c->first = t;
		c->last = t;
		c->bytes += n;
		got += n;
		if (trace)
			fwrite(buf, 1, (size_t)n, trace);
		keep_tail(c, buf, (size_t)n);
	}
	return got;
}

/* Wait for the child; returns its peak resident set in KiB, exit status in
 * *status. */
static long reap(struct child *c, int *status)
{
	struct rusage ru;
	while (!c->eof)
		pump(c, TIMEOUT_MS);
	if (wait4(c->pid, status, 0, &ru) < 0)
		die("wait4");
	close(c->fd);
	return ru.ru_maxrss;
}

static bool tail_has(const struct child *c, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i + n <= c->ntail; i++)
		if (memcmp(c->tail + i, s, n) == 0)
			return true;
	return false;
}

/* --- show: exec to first output and to the complete output --- */

static int cmd_show(char **argv)
{
	char *bin = argv[0], *db = argv[1], *mrn = argv[2], *label = argv[4];
	int reps = atoi(argv[3]);
	struct samples first = {0}, done = {0}, rss = {0};
	char *args[] = {bin, "--db", db, "show", mrn, NULL};
	for (int i = 0; i < reps; i++) {
		struct child c;
		int status;
		spawn(&c, args);
		long kb = reap(&c, &status);
		double end = bench_now_ms() - c.t0;
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || c.first < 0) {
			fprintf(stderr, "bench_pty: show %s failed (status %d)\n", mrn, status);
			return 1;
		}
		samples_add(&first, c.first);
		samples_add(&done, end);
		samples_add(&rss, (double)kb / 1024.0);
	}
	char id[64];
	snprintf(id, sizeof id, "startup_show_first.%s", label);
	bench_samples_row(id, &first, "ms");
	snprintf(id, sizeof id, "startup_show_done.%s", label);
	bench_samples_row(id, &done, "ms");
	snprintf(id, sizeof id, "rss_show.%s", label);
	bench_samples_row(id, &rss, "MB");
	return 0;
}

/* --- screen: start-up, terminal traffic per keystroke, session memory --- */

/* xterm keys as ncurses expects them in keypad-transmit mode. */
#define K_DOWN "\033OB"
#define K_PGDN "\033[6~"
#define K_BACK "\033[21~" /* F10: back / quit, no Esc delay */
#define K_REDRAW "\014"	  /* ^L: repaint the whole screen */

/* Send keys and return the bytes the program wrote in answer. */
static long key(struct child *c, const char *k)
{
	if (trace)
		fprintf(trace, "\n\n======== key %s\n", k[0] == '\033' ? k + 1 : k);
	if (write(c->fd, k, strlen(k)) < 0)
		die("write");
	return pump(c, QUIET_MS);
}

/* Peak resident set of a live process (VmHWM, KiB), or -1. */
static long vm_hwm(pid_t pid)
{
	char path[64], line[256];
	long kb = -1;
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	FILE *f = fopen(path, "r");
	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
			break;
	if (f)
		fclose(f);
	return kb;
}

/* Memory this session has written (Private_Dirty, KiB): its heap, stack and
 * copied-on-write library data. This, not the resident set, is what one more
 * session costs a server: clean pages of the program and its libraries are
 * the same file pages in every session (a lone process shows them as
 * "private" only because nobody else maps them yet). */
static long dirty_kb(pid_t pid)
{
	char path[64], line[256];
	long kb, sum = -1;
	snprintf(path, sizeof path, "/proc/%d/smaps_rollup", (int)pid);
	FILE *f = fopen(path, "r");
	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "Private_Dirty: %ld kB", &kb) == 1)
			sum = kb;
	if (f)
		fclose(f);
	return sum;
}

static void row_of(const char *what, const char *label, struct samples *s, const char *unit)
{
	char id[64];
	snprintf(id, sizeof id, "%s.%s", what, label);
	bench_samples_row(id, s, unit);
}

static void screens_missing(struct child *c, const char *label)
{
	int status;
	char id[64];
	reap(c, &status);
	const char *why = tail_has(c, "usage: hepadesk")
			      ? "no screens in this build: `hepadesk` with no command prints its "
				"help and exits (ui/ not merged)"
			      : "the program exited before drawing a screen";
	const char *ids[] = {"startup_screen", "rss_session",	 "tty_list_move",   "tty_page",
			     "tty_page_ratio", "tty_field_move", "tty_full_repaint"};
	for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++) {
		snprintf(id, sizeof id, "%s.%s", ids[k], label);
		bench_na(id, why);
	}
}

/* Leave with F10 until the program exits (SIGTERM if it will not). */
static void quit(struct child *c)
{
	int status;
	for (int i = 0; i < 6 && !c->eof; i++)
		key(c, K_BACK);
	if (!c->eof)
		kill(c->pid, SIGTERM);
	reap(c, &status);
}

/* One session: home, lookup, list moves, pages, a patient, a form. */
static void session(char **args, const char *query, const char *label)
{
	struct child c;
	struct samples full = {0}, move = {0}, page = {0}, ratio = {0}, field = {0}, typed = {0};
	struct samples rss = {0}, dirty = {0};
	spawn(&c, args);
	pump(&c, QUIET_MS);
	key(&c, "/");
	for (const char *q = query; *q; q++) {
		char k[2] = {*q, 0};
		samples_add(&typed, (double)key(&c, k));
	}
	key(&c, K_DOWN); /* into the list: now every row of the screen is used */
	for (int i = 0; i < 3; i++)
		samples_add(&full, (double)key(&c, K_REDRAW));
	double repaint = samples_pct(&full, 0.5);
	for (int i = 0; i < 12; i++)
		samples_add(&move, (double)key(&c, K_DOWN));
	for (int i = 0; i < 3; i++) {
		long b = key(&c, K_PGDN);
		samples_add(&page, (double)b);
		samples_add(&ratio, repaint > 0 ? (double)b / repaint : 0);
	}
	key(&c, "\r");	 /* open the patient */
	key(&c, K_BACK); /* back to the lookup (a second F10 would quit) */
	key(&c, "n");	 /* new-patient form */
	for (int i = 0; i < 6; i++)
		samples_add(&field, (double)key(&c, "\t"));
	key(&c, K_BACK);
	samples_add(&rss, (double)vm_hwm(c.pid) / 1024.0);
	samples_add(&dirty, (double)dirty_kb(c.pid) / 1024.0);
	if (getenv("BENCH_SMAPS")) { /* where the memory is, for the closing note */
		char cmd[128];
		snprintf(cmd, sizeof cmd, "cp /proc/%d/smaps '%s'", (int)c.pid,
			 getenv("BENCH_SMAPS"));
		if (system(cmd) != 0)
			fprintf(stderr, "bench_pty: could not copy smaps\n");
	}
	quit(&c);
	row_of("tty_full_repaint", label, &full, "bytes");
	row_of("tty_lookup_type", label, &typed, "bytes");
	row_of("tty_list_move", label, &move, "bytes");
	row_of("tty_page", label, &page, "bytes");
	row_of("tty_page_ratio", label, &ratio, "x");
	row_of("tty_field_move", label, &field, "bytes");
	row_of("rss_session", label, &rss, "MB");
	row_of("dirty_session", label, &dirty, "MB");
}

static int cmd_screen(char **argv)
{
	char *bin = argv[0], *db = argv[1], *label = argv[4];
	int reps = atoi(argv[3]);
	char *args[] = {bin, "--db", db, NULL};
	struct samples start = {0};
	for (int i = 0; i < reps; i++) {
		struct child c;
		spawn(&c, args);
		pump(&c, QUIET_MS);
		if (c.eof) {
			screens_missing(&c, label);
			return 0;
		}
		samples_add(&start, c.last);
		quit(&c);
	}
	row_of("startup_screen", label, &start, "ms");
	session(args, "wang", label);
	return 0;
}

/* --- report: the outcomes report screen, key to complete screen --- */

#define K_RIGHT "\033OC"	  /* the report's next measure */
#define REPORT_TIMEOUT_MS 60000.0 /* the cohort of the largest demo takes long */

/* CPU time the process has run (ms; /proc/PID/schedstat, in ns), or -1:
 * on a loaded machine the wall time from key to screen includes waiting
 * for a core, this does not. */
static double cpu_ms(pid_t pid)
{
	char path[64];
	unsigned long long ns = 0;
	snprintf(path, sizeof path, "/proc/%d/schedstat", (int)pid);
	FILE *f = fopen(path, "r");
	int ok = f && fscanf(f, "%llu", &ns) == 1;
	if (f)
		fclose(f);
	return ok ? (double)ns / 1e6 : -1;
}

/* Send key k with an empty tail; the ms since the child started. */
static double send_key(struct child *c, const char *k)
{
	double sent = bench_now_ms() - c->t0;
	c->ntail = 0;
	if (write(c->fd, k, strlen(k)) < 0)
		die("write");
	return sent;
}

/* Read until text shows (text NULL: any output), in bursts that end after
 * quiet_ms without output. With QUIET_MS the answer is complete (the screen
 * is quiet after it); with a short quiet it is the first burst holding the
 * text (a frame drawn while more follows). Returns the ms from sent to the
 * last byte read, or -1. */
static double read_until(struct child *c, double sent, const char *text, double quiet_ms)
{
	long got = 0;
	double start = bench_now_ms();
	while (!c->eof && (text ? !tail_has(c, text) : got == 0) &&
	       bench_now_ms() - start < REPORT_TIMEOUT_MS)
		got += pump(c, quiet_ms);
	if (text ? !tail_has(c, text) : got == 0)
		return -1;
	if (quiet_ms >= QUIET_MS)
		pump(c, QUIET_MS);
	return c->last - sent;
}

/* Send key k and read until the answer is complete (read_until). */
static double key_until(struct child *c, const char *k, const char *text)
{
	return read_until(c, send_key(c, k), text, QUIET_MS);
}

/* bench_pty report BIN DB REPS LABEL: R on the home screen until its first
 * frame (the progress line of the build, or the report: either says
 * "treated patient"), until the report is drawn (built from every treated
 * patient in slices between keys, then drawn; its first row says "Change
 * from baseline" — the title is no marker, curses writes only the part that
 * differs from the progress frame's), and the next measure (a redraw from
 * the built report), REPS times each. */
static int cmd_report(char **argv)
{
	char *bin = argv[0], *db = argv[1], *label = argv[3];
	int reps = atoi(argv[2]);
	char *args[] = {bin, "--db", db, NULL};
	struct samples first = {0}, open = {0}, cpu = {0}, measure = {0};
	struct child c;
	char id[64];
	spawn(&c, args);
	pump(&c, QUIET_MS);
	for (int i = 0; i < reps && !c.eof; i++) {
		double cpu0 = cpu_ms(c.pid);
		double sent = send_key(&c, "R");
		double ms = read_until(&c, sent, "treated patient", 1.0);
		if (ms < 0)
			break;
		samples_add(&first, ms);
		if ((ms = read_until(&c, sent, "Change from baseline", QUIET_MS)) < 0)
			break;
		samples_add(&open, ms);
		if (cpu0 >= 0 && cpu_ms(c.pid) >= cpu0)
			samples_add(&cpu, cpu_ms(c.pid) - cpu0);
		/* Only the changed characters are written: wait for any. */
		if ((ms = key_until(&c, K_RIGHT, NULL)) >= 0)
			samples_add(&measure, ms);
		key(&c, K_BACK);
	}
	quit(&c);
	snprintf(id, sizeof id, "report_screen_first.%s", label);
	if (first.n == 0)
		bench_na(id, "the report screen never showed (no screens, or R is not bound)");
	else
		bench_samples_row(id, &first, "ms");
	snprintf(id, sizeof id, "report_screen.%s", label);
	if (open.n == 0)
		bench_na(id, "the report screen never showed (no screens, or R is not bound)");
	else
		bench_samples_row(id, &open, "ms");
	snprintf(id, sizeof id, "report_screen_cpu.%s", label);
	if (cpu.n == 0)
		bench_na(id, "no /proc/PID/schedstat, or the report screen never showed");
	else
		bench_samples_row(id, &cpu, "ms");
	snprintf(id, sizeof id, "report_measure.%s", label);
	if (measure.n == 0)
		bench_na(id, "the report screen never showed a measure");
	else
		bench_samples_row(id, &measure, "ms");
	return 0;
}

/* --- writers: PROCS processes, each WRITES `hepadesk lab add` --- */

struct wresult {
	double ms;
	int ok;
};

static void writer(char *bin, char *db, int id, int writes, long first, long count, int out)
{
	unsigned long long seed = 1000 + (unsigned long long)id;
	char today[16];
	time_t now = time(NULL);
	strftime(today, sizeof today, "%Y-%m-%d", gmtime(&now));
	for (int i = 0; i < writes; i++) {
		char mrn[32], bili[16];
		snprintf(mrn, sizeof mrn, "%08ld",
			 first + (long)(bench_rand(&seed) % (unsigned long)count));
		snprintf(bili, sizeof bili, "%.1f", 0.5 + (double)(bench_rand(&seed) % 50) / 10);
		char *args[] = {bin,
				"--db",
				db,
				"lab",
				"add",
				mrn,
				"--date",
				today,
				"--bilirubin",
				bili,
				"--inr",
				"1.2",
				"--creatinine",
				"0.9",
				"--confirm",
				NULL};
		struct wresult r;
		double t0 = bench_now_ms();
		pid_t pid = fork();
		if (pid == 0) {
			int null = open("/dev/null", O_WRONLY);
			dup2(null, 1);
			execv(bin, args);
			_exit(127);
		}
		int status = 0;
		waitpid(pid, &status, 0);
		r.ms = bench_now_ms() - t0;
		r.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
		if (write(out, &r, sizeof r) != sizeof r)
			_exit(1);
	}
	_exit(0);
}

/* Start PROCS writer processes; their results come on the returned fd. */
static int start_writers(char *bin, char *db, int procs, int writes, long first, long count)
{
	int p[2];
	if (pipe(p) != 0)
		die("pipe");
	for (int i = 0; i < procs; i++) {
		pid_t pid = fork();
		if (pid < 0)
			die("fork");
		if (pid == 0) {
			close(p[0]);
			writer(bin, db, i, writes, first, count, p[1]);
		}
	}
	close(p[1]);
	return p[0];
}

static int cmd_writers(char **argv)
{
	char *bin = argv[0], *db = argv[1];
	int procs = atoi(argv[2]), writes = atoi(argv[3]);
	long first = atol(argv[4]), count = atol(argv[5]);
	double t0 = bench_now_ms();
	int p[2] = {start_writers(bin, db, procs, writes, first, count), -1};
	struct samples lat = {0};
	struct wresult r;
	long errors = 0;
	while (read(p[0], &r, sizeof r) == (ssize_t)sizeof r) {
		samples_add(&lat, r.ms);
		errors += !r.ok;
	}
	while (wait(NULL) > 0)
		;
	double wall = bench_now_ms() - t0;
	long total = (long)lat.n;
	if (getenv("BENCH_DUMP"))
		for (size_t i = 0; i < lat.n; i++)
			fprintf(stderr, "%.1f\n", lat.v[i]);
	errors += (long)procs * writes - total; /* writes never reported */
	bench_samples_row("writers_latency", &lat, "ms");
	bench_row("writers_slowest", samples_max(&lat), samples_max(&lat), lat.n, "ms");
	bench_row("writers_per_s", total / (wall / 1e3), total / (wall / 1e3), lat.n, "/s");
	bench_row("writers_errors", (double)errors, (double)errors, (size_t)procs * writes,
		  "count");
	return 0;
}

/* --- a reader among writers: `show MRN` (an audited read) again and again
 * while PROCS processes each make WRITES `lab add` --- */

static double one_show(char *bin, char *db, const char *mrn, bool *ok)
{
	/* BENCH_READ_CMD=drafts: a read that writes nothing, for comparison. */
	const char *cmd = getenv("BENCH_READ_CMD") ? getenv("BENCH_READ_CMD") : "show";
	char *args[] = {bin, "--db", db, (char *)cmd, (char *)mrn, NULL};
	if (strcmp(cmd, "show") != 0)
		args[4] = NULL;
	double t0 = bench_now_ms();
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		dup2(null, 2);
		execv(bin, args);
		_exit(127);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	*ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
	return bench_now_ms() - t0;
}

static int cmd_readers(char **argv)
{
	char *bin = argv[0], *db = argv[1];
	int procs = atoi(argv[2]), writes = atoi(argv[3]);
	long first = atol(argv[4]), count = atol(argv[5]);
	char mrn[32];
	snprintf(mrn, sizeof mrn, "%08ld", first);
	int fd = start_writers(bin, db, procs, writes, first, count);
	/* The writers report on a pipe; the reader shows until they are done. */
	fcntl(fd, F_SETFL, O_NONBLOCK);
	struct samples shows = {0}, lat = {0};
	long show_errors = 0, errors = 0, timeouts = 0;
	struct wresult r;
	bool done = false;
	while (!done) {
		bool ok;
		samples_add(&shows, one_show(bin, db, mrn, &ok));
		show_errors += !ok;
		for (;;) {
			ssize_t n = read(fd, &r, sizeof r);
			if (n == (ssize_t)sizeof r) {
				samples_add(&lat, r.ms);
				errors += !r.ok;
				timeouts += r.ms >= 5000.0;
				continue;
			}
			done = n == 0;
			break;
		}
	}
	close(fd);
	while (wait(NULL) > 0)
		;
	errors += (long)procs * writes - (long)lat.n;
	bench_samples_row("readers_show", &shows, "ms");
	bench_row("readers_show_errors", (double)show_errors, (double)show_errors, shows.n,
		  "count");
	bench_row("readers_writers_slowest", samples_max(&lat), samples_max(&lat), lat.n, "ms");
	bench_row("readers_writers_timeout", (double)timeouts, (double)timeouts, lat.n, "count");
	bench_row("readers_writers_errors", (double)errors, (double)errors, lat.n, "count");
	return 0;
}

/* A reference program in the same 80x24 terminal (e.g. vim -u NONE): its
 * peak resident set and written memory once it has drawn its first screen,
 * so the session's figures have a yardstick measured on this machine. */
static int cmd_reference(char *id, char **args)
{
	struct child c;
	struct samples rss = {0}, dirty = {0};
	spawn(&c, args);
	pump(&c, QUIET_MS);
	if (c.eof || c.bytes == 0) {
		char what[64];
		snprintf(what, sizeof what, "rss.%s", id);
		bench_na(what, "the reference program drew nothing");
		snprintf(what, sizeof what, "dirty.%s", id);
		bench_na(what, "the reference program drew nothing");
	} else {
		samples_add(&rss, (double)vm_hwm(c.pid) / 1024.0);
		samples_add(&dirty, (double)dirty_kb(c.pid) / 1024.0);
		row_of("rss", id, &rss, "MB");
		row_of("dirty", id, &dirty, "MB");
	}
	if (!c.eof)
		kill(c.pid, SIGKILL);
	int status;
	reap(&c, &status);
	return 0;
}

int main(int argc, char **argv)
{
	if (getenv("BENCH_TRACE"))
		trace = fopen(getenv("BENCH_TRACE"), "w");
	if (argc == 7 && strcmp(argv[1], "show") == 0)
		return cmd_show(argv + 2);
	if (argc == 7 && strcmp(argv[1], "screen") == 0)
		return cmd_screen(argv + 2);
	if (argc == 6 && strcmp(argv[1], "report") == 0)
		return cmd_report(argv + 2);
	if (argc >= 4 && strcmp(argv[1], "reference") == 0)
		return cmd_reference(argv[2], argv + 3);
	if (argc == 8 && strcmp(argv[1], "writers") == 0)
		return cmd_writers(argv + 2);
	if (argc == 8 && strcmp(argv[1], "readers") == 0)
		return cmd_readers(argv + 2);
	fprintf(stderr, "usage: bench_pty show|screen BIN DB MRN REPS LABEL\n"
			"       bench_pty report BIN DB REPS LABEL\n"
			"       bench_pty writers|readers BIN DB PROCS WRITES MRN_FIRST MRN_COUNT\n"
			"       bench_pty reference ID PROGRAM [ARG...]\n");
	return 2;
}
