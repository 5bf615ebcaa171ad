/* cli_sign.c: what the command line shares for signing — showing what is
 * signed and its meaning, reading the password (from --password-fd N, else
 * the controlling terminal with echo off; never an argument or the
 * environment), and the signature's manifestation in text and JSON. */
#include "cli_int.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "auth.h"
#include "json.h"
#include "store_sig.h"

/* One line from fd into buf (n bytes), without its newline; false when
 * nothing could be read (a closed or unreadable descriptor). */
static bool read_line(int fd, char *buf, size_t n)
{
	size_t len = 0;
	bool got = false;
	for (;;) {
		char ch;
		ssize_t r = read(fd, &ch, 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got = true;
		if (ch == '\n')
			break;
		if (len + 1 < n)
			buf[len++] = ch;
	}
	if (len && buf[len - 1] == '\r')
		len--;
	buf[len] = '\0';
	return got;
}

/* The password from the controlling terminal, echo off. */
static bool read_tty(const char *login, char *buf, size_t n)
{
	int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
	struct termios old, quiet;
	if (fd < 0)
		return false;
	bool termios_ok = tcgetattr(fd, &old) == 0;
	if (termios_ok) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
		quiet.c_lflag |= ICANON;
		tcsetattr(fd, TCSAFLUSH, &quiet);
	}
	dprintf(fd, "Password for %s: ", login);
	bool got = read_line(fd, buf, n);
	if (termios_ok)
		tcsetattr(fd, TCSAFLUSH, &old);
	dprintf(fd, "\n");
	close(fd);
	return got;
}

/* The line read from --password-fd before the database was opened (its
 * descriptor number may be reused by then: reading it later could read the
 * database file itself). */
static struct {
	bool read, got;
	char pw[AUTH_PASSWORD_MAX + 2];
} early;

void cli_sign_preread(int argc, char **argv)
{
	long fd;
	for (int i = 0; i + 1 < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return;
		if (strcmp(argv[i], "--password-fd") != 0 || !parse_long(argv[i + 1], 0, 1023, &fd))
			continue;
		early.read = true;
		early.got = read_line((int)fd, early.pw, sizeof early.pw);
		if (fd > 2)
			close((int)fd);
		return;
	}
}

int cli_sign_password(struct cli *c, const char *what, const char *meaning,
		      const struct cli_opt *fd_opt, char *buf, size_t n)
{
	const struct user *u = store_actor(c->app->st);
	const char *login = u ? u->login : "";
	long fd = -1;
	buf[0] = '\0';
	if (fd_opt->set && !parse_long(fd_opt->value, 0, 1023, &fd))
		return cli_usage(c, "--password-fd '%s': a file descriptor number 0-1023",
				 fd_opt->value);
	cli_putf(c, "signing %s as %s: \"%s\"\n", what, login, meaning);
	fflush(c->out);
	bool got;
	if (fd_opt->set && early.read) {
		got = early.got;
		strlcpy_(buf, early.pw, n);
		sodium_memzero(early.pw, sizeof early.pw);
		early.read = false;
	} else {
		got = fd_opt->set ? read_line((int)fd, buf, n) : read_tty(login, buf, n);
	}
	if (!got)
		sodium_memzero(buf, n);
	return 0;
}

void cli_sig_json(struct json *j, const struct signature *s)
{
	char t[20];
	if (!s) {
		json_string(j, "signature", NULL);
		return;
	}
	json_obj_begin(j, "signature");
	json_string(j, "signer", s->signer);
	json_string(j, "time", date_format_time(s->signed_at, t));
	json_string(j, "meaning", s->meaning);
	json_string(j, "hash", s->hash);
	json_obj_end(j);
}

void cli_sig_text(struct cli *c, const struct signature *s)
{
	char m[SIG_MEANING_MAX + 96];
	if (!s) {
		cli_put(c, "signature: none recorded\n");
		return;
	}
	sig_manifest(s, m, sizeof m);
	cli_putf(c, "signature: %s (sha256 %.16s)\n", m, s->hash);
}

int cli_sig_load(struct cli *c, const char *tbl, int64_t row_id, struct signature *s, bool *found)
{
	struct err e = {""};
	enum status st = store_sig_get(c->app->st, tbl, row_id, s, found, &e);
	return st == ST_OK ? 0 : cli_fail(c, st, &e);
}
