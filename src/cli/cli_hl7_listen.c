/* cli_hl7_listen.c: `hl7 listen`, the MLLP listener: several connections
 * at once through poll(), each message taken in by the same use case as a
 * file and acknowledged (AA, AE or AR); SIGTERM and SIGINT only set a flag,
 * and the loop closes every connection and leaves. A message half received
 * when its connection drops is never stored. */
#include "cli_int.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "uc_import.h"

#define LISTEN_CONNS 64

static volatile sig_atomic_t stop_flag;

static void on_stop(int sig)
{
	(void)sig;
	stop_flag = 1;
}

struct conn {
	int fd;
	struct mllp rx;
	char peer[64];
};

static void log_line(struct cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void log_line(struct cli *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	cli_putf(c, "%s\n", s);
	fflush(c->out);
	free(s);
}

/* Write all of buf (the socket is non-blocking: wait for room, 5 s at most). */
static bool send_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = send(fd, buf, len, MSG_NOSIGNAL);
		if (n > 0) {
			buf += n;
			len -= (size_t)n;
		} else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
			struct pollfd p = {fd, POLLOUT, 0};
			if (poll(&p, 1, 5000) <= 0)
				return false;
		} else {
			return false;
		}
	}
	return true;
}

static void now_text(struct cli *c, char out[16])
{
	time_t t = (time_t)c->app->clock();
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 16, "%Y%m%d%H%M%S", &tm);
}

static void take_frame(struct cli *c, struct conn *k)
{
	size_t len;
	const char *msg = mllp_frame(&k->rx, &len);
	struct uc_import_opts o = {"mllp",
				   false,
				   c->app->cfg.hl7_authority,
				   c->app->cfg.hl7_local_codes,
				   app_today(c->app),
				   &c->app->cfg};
	struct uc_import r;
	struct err e = {""};
	struct strbuf ack, wire;
	char now[16];

	enum status s = uc_import_message(c->app->st, msg, len, &o, &r, &e);
	now_text(c, now);
	sb_init(&ack);
	sb_init(&wire);
	uc_import_ack(msg, len, s, &r, &e, now, &ack);
	mllp_wrap(ack.buf, ack.len, &wire);
	if (s == ST_OK)
		log_line(c,
			 "%s: message %s from %s: %s%d stored, %d corrected, %d queued, %d noted",
			 k->peer, r.control_id, r.sender, r.duplicate ? "duplicate, " : "",
			 r.duplicate ? 0 : r.saved.stored, r.duplicate ? 0 : r.saved.corrected,
			 r.duplicate ? 0 : r.saved.queued, r.duplicate ? 0 : r.saved.noted);
	else
		log_line(c, "%s: message refused (%s): %s", k->peer, s == ST_INVALID ? "AE" : "AR",
			 err_why(&e, s));
	if (!send_all(k->fd, wire.buf, wire.len))
		log_line(c, "%s: the ACK could not be sent", k->peer);
	sb_done(&ack);
	sb_done(&wire);
	uc_import_done(&r);
}

static void drop(struct cli *c, struct conn *k, const char *why)
{
	if (mllp_pending(&k->rx))
		log_line(c, "%s: %s in the middle of a message: nothing of it stored", k->peer,
			 why);
	close(k->fd);
	mllp_done(&k->rx);
	k->fd = -1;
}

/* Read what arrived; false when the connection is to be closed. */
static bool serve(struct cli *c, struct conn *k)
{
	char buf[65536];
	ssize_t n = recv(k->fd, buf, sizeof buf, 0);
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return true;
	if (n <= 0)
		return false;
	size_t used = 0;
	enum mllp_event ev;
	while ((ev = mllp_feed(&k->rx, buf, (size_t)n, &used)) != MLLP_NONE) {
		if (ev == MLLP_FRAME) {
			take_frame(c, k);
		} else {
			struct strbuf ack, wire;
			char now[16], why[96];
			now_text(c, now);
			snprintf(why, sizeof why, "message: more than the %d bytes accepted",
				 HL7_MESSAGE_MAX);
			sb_init(&ack);
			sb_init(&wire);
			hl7_ack(NULL, HL7_AR, why, now, &ack);
			mllp_wrap(ack.buf, ack.len, &wire);
			send_all(k->fd, wire.buf, wire.len);
			log_line(c, "%s: %s", k->peer, why);
			sb_done(&ack);
			sb_done(&wire);
		}
	}
	return true;
}

static int open_listener(struct cli *c, const char *address, long port, int *fd_out)
{
	struct sockaddr_in a = {0};
	socklen_t alen = sizeof a;
	struct err e;
	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t)port);
	if (inet_pton(AF_INET, address, &a.sin_addr) != 1)
		return cli_usage(c, "--address '%s': an IPv4 address such as 127.0.0.1", address);
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	int one = 1;
	if (fd >= 0)
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(fd, 16) != 0) {
		err_set(&e, ST_IO, "listening on %s:%ld: %s", address, port, strerror(errno));
		if (fd >= 0)
			close(fd);
		return cli_fail(c, ST_IO, &e);
	}
	getsockname(fd, (struct sockaddr *)&a, &alen);
	log_line(c, "listening on %s:%d (MLLP)", address, ntohs(a.sin_port));
	*fd_out = fd;
	return 0;
}

static void accept_one(struct cli *c, int lfd, struct conn *conns)
{
	struct sockaddr_in a;
	socklen_t alen = sizeof a;
	int fd = accept(lfd, (struct sockaddr *)&a, &alen);
	if (fd < 0)
		return;
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	for (int i = 0; i < LISTEN_CONNS; i++) {
		if (conns[i].fd >= 0)
			continue;
		conns[i].fd = fd;
		mllp_init(&conns[i].rx);
		char ip[INET_ADDRSTRLEN] = "?";
		inet_ntop(AF_INET, &a.sin_addr, ip, sizeof ip);
		snprintf(conns[i].peer, sizeof conns[i].peer, "%s:%d", ip, ntohs(a.sin_port));
		return;
	}
	log_line(c, "refused a connection: %d connections already open", LISTEN_CONNS);
	close(fd);
}

static void loop(struct cli *c, int lfd, struct conn *conns)
{
	struct pollfd p[LISTEN_CONNS + 1];
	int who[LISTEN_CONNS + 1];

	while (!stop_flag) {
		int n = 0;
		p[n++] = (struct pollfd){lfd, POLLIN, 0};
		for (int i = 0; i < LISTEN_CONNS; i++)
			if (conns[i].fd >= 0) {
				who[n] = i;
				p[n++] = (struct pollfd){conns[i].fd, POLLIN, 0};
			}
		if (poll(p, (nfds_t)n, 1000) <= 0)
			continue;
		for (int j = 1; j < n; j++)
			if (p[j].revents && !serve(c, &conns[who[j]]))
				drop(c, &conns[who[j]], "connection closed");
		if (p[0].revents & POLLIN)
			accept_one(c, lfd, conns);
	}
}

int cli_hl7_listen(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"address", OPT_VALUE}, {"port", OPT_VALUE}};
	struct conn conns[LISTEN_CONNS];
	struct sigaction sa = {0};
	struct err e = {""};
	long port = 2575;
	int lfd = -1;
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), NULL, 0, 0);
	if (rc)
		return rc;
	if (o[1].set && !parse_long(o[1].value, 0, 65535, &port))
		return cli_usage(c, "--port '%s': 0-65535 (0: any free port)", o[1].value);
	if (hl7map_local_check(c->app->cfg.hl7_local_codes, &e) != ST_OK)
		return cli_fail(c, ST_INVALID, &e);
	if ((rc = open_listener(c, o[0].set ? o[0].value : "127.0.0.1", port, &lfd)) != 0)
		return rc;
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	for (int i = 0; i < LISTEN_CONNS; i++)
		conns[i].fd = -1;
	loop(c, lfd, conns);
	for (int i = 0; i < LISTEN_CONNS; i++)
		if (conns[i].fd >= 0)
			drop(c, &conns[i], "stopping");
	close(lfd);
	log_line(c, "stopped");
	return 0;
}
