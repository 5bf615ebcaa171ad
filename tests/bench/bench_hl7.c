/* bench_hl7.c: HL7 import throughput and the listener's memory, for `make
 * bench`. Modes:
 *   bench_hl7 file BIN DB N       N messages of real demo patients written to
 *                                 one batch file, then `BIN import hl7` timed
 *   bench_hl7 listen BIN DB S N M `BIN hl7 listen` on a loopback port; S
 *                                 senders (processes) send N messages each,
 *                                 one after the other on one connection
 *                                 (each waits for its ACK): messages per
 *                                 second; then M messages more from one
 *                                 sender with the listener's RSS and
 *                                 Private_Dirty (/proc) read after the first
 *                                 tenth and at the end (must stay flat).
 * Messages carry one result each (bilirubin, in range) for patients read
 * from DB, every one with its own MSH-10. Prints bench.sh's "row" lines. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_lib.h"

#define PATIENTS 2000

struct pat {
	char mrn[24], family[64], given[64], dob[12];
};

static struct pat pats[PATIENTS];
static int npats;

static void load_patients(const char *db)
{
	sqlite3 *d;
	sqlite3_stmt *q;
	if (sqlite3_open_v2(db, &d, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(d,
			       "SELECT mrn, name, replace(dob, '-', '') FROM patients WHERE name "
			       "LIKE '%, %' ORDER BY id LIMIT ?",
			       -1, &q, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench_hl7: cannot read %s\n", db);
		exit(1);
	}
	sqlite3_bind_int(q, 1, PATIENTS);
	while (npats < PATIENTS && sqlite3_step(q) == SQLITE_ROW) {
		struct pat *p = &pats[npats++];
		const char *name = (const char *)sqlite3_column_text(q, 1);
		const char *comma = strstr(name, ", ");
		snprintf(p->mrn, sizeof p->mrn, "%s", (const char *)sqlite3_column_text(q, 0));
		snprintf(p->family, sizeof p->family, "%.*s", (int)(comma - name), name);
		snprintf(p->given, sizeof p->given, "%s", comma + 2);
		snprintf(p->dob, sizeof p->dob, "%s", (const char *)sqlite3_column_text(q, 2));
	}
	sqlite3_finalize(q);
	sqlite3_close(d);
	if (npats == 0) {
		fprintf(stderr, "bench_hl7: no patients in %s\n", db);
		exit(1);
	}
}

/* Message k of sender s into buf; returns its length. */
static int message(char *buf, size_t n, int s, long k)
{
	const struct pat *p = &pats[(s * 7919 + k) % npats];
	return snprintf(buf, n,
			"MSH|^~\\&|BENCH|LAB%d|HEPADESK|CLINIC|20260301090000||ORU^R01|B%d-%ld|P|"
			"2.5.1\r"
			"PID|1||%s^^^CLINIC^MR||%s^%s||%s\r"
			"OBR|1||O%d-%ld|24323-8^Panel^LN|||202603010730\r"
			"OBX|1|NM|1975-2^Bilirubin^LN||%.1f|mg/dL|0.1-1.2||||F\r",
			s, s, k, p->mrn, p->family, p->given, p->dob, s, k,
			1.0 + (double)(k % 10) / 10);
}

static int file_mode(const char *bin, const char *db, long n)
{
	char path[4096], msg[2048];
	snprintf(path, sizeof path, "%s.bench-hl7.txt", db);
	FILE *f = fopen(path, "w");
	if (!f)
		return 1;
	for (long k = 0; k < n; k++) {
		int len = message(msg, sizeof msg, 99, k);
		fwrite(msg, 1, (size_t)len, f);
	}
	fclose(f);
	char cmd[3 * 4096 + 64];
	snprintf(cmd, sizeof cmd, "'%s' --db '%s' import hl7 '%s' > '%s.out' 2>&1", bin, db, path,
		 path);
	double t0 = bench_now_ms();
	int rc = system(cmd);
	double ms = bench_now_ms() - t0;
	unlink(path);
	if (rc != 0) {
		bench_na("hl7.file_rate", "import hl7 failed (see the .out file)");
		return 0;
	}
	snprintf(cmd, sizeof cmd, "%s.out", path);
	unlink(cmd);
	double rate = (double)n / (ms / 1000);
	bench_row("hl7.file_rate", rate, rate, (size_t)n, "/s");
	return 0;
}

/* Send n messages of sender s on one connection, each after the last ACK;
 * returns the count not acknowledged AA. */
static long send_all(int port, int s, long from, long n)
{
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
	char msg[2048], frame[2100], ack[4096];
	long bad = 0;
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof a) != 0)
		return n;
	for (long k = from; k < from + n; k++) {
		int len = message(msg, sizeof msg, s, k);
		frame[0] = 0x0b;
		memcpy(frame + 1, msg, (size_t)len);
		frame[len + 1] = 0x1c;
		frame[len + 2] = 0x0d;
		if (write(fd, frame, (size_t)len + 3) != len + 3)
			return bad + (from + n - k);
		size_t got = 0;
		while (got < sizeof ack - 1) {
			ssize_t r = read(fd, ack + got, sizeof ack - 1 - got);
			if (r <= 0)
				return bad + (from + n - k);
			got += (size_t)r;
			if (got >= 2 && ack[got - 2] == 0x1c)
				break;
		}
		ack[got] = '\0';
		bad += strstr(ack, "MSA|AA|") == NULL;
	}
	close(fd);
	return bad;
}

/* The listener's resident and privately written memory, in MB. */
static void memory(pid_t pid, double *rss, double *dirty)
{
	char path[64], line[256];
	*rss = *dirty = 0;
	snprintf(path, sizeof path, "/proc/%d/smaps_rollup", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return;
	while (fgets(line, sizeof line, f)) {
		long kb;
		if (sscanf(line, "Rss: %ld kB", &kb) == 1)
			*rss = (double)kb / 1024;
		if (sscanf(line, "Private_Dirty: %ld kB", &kb) == 1)
			*dirty = (double)kb / 1024;
	}
	fclose(f);
}

static pid_t start_listener(const char *bin, const char *db, int *port)
{
	int p[2];
	if (pipe(p) != 0)
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		dup2(p[1], 1);
		dup2(p[1], 2);
		close(p[0]);
		execl(bin, bin, "--db", db, "hl7", "listen", "--port", "0", (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	FILE *f = fdopen(p[0], "r");
	char line[512];
	*port = 0;
	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "listening on 127.0.0.1:%d", port) == 1)
			break;
	/* Keep reading its log so it never blocks on a full pipe. */
	if (fork() == 0) {
		while (f && fgets(line, sizeof line, f))
			;
		_exit(0);
	}
	if (f)
		fclose(f);
	return pid;
}

static int listen_mode(const char *bin, const char *db, int senders, long n, long mem_n)
{
	int port;
	pid_t pid = start_listener(bin, db, &port);
	if (pid <= 0 || port == 0) {
		bench_na("hl7.listen_rate", "the listener did not start");
		return 1;
	}
	double t0 = bench_now_ms();
	for (int s = 0; s < senders; s++)
		if (fork() == 0)
			_exit(send_all(port, s, 0, n) ? 1 : 0);
	long failed = 0;
	for (int s = 0; s < senders; s++) {
		int st;
		wait(&st);
		failed += !WIFEXITED(st) || WEXITSTATUS(st) != 0;
	}
	double ms = bench_now_ms() - t0;
	double rate = (double)(senders * n) / (ms / 1000);
	bench_row("hl7.listen_rate", rate, rate, (size_t)(senders * n), "/s");
	bench_row("hl7.listen_errors", (double)failed, (double)failed, (size_t)senders, "count");

	double rss0, dirty0, rss1, dirty1;
	long tenth = mem_n / 10, bad = send_all(port, senders, 0, tenth);
	memory(pid, &rss0, &dirty0);
	bad += send_all(port, senders, tenth, mem_n - tenth);
	memory(pid, &rss1, &dirty1);
	bench_row("hl7.rss_first", rss0, rss0, (size_t)tenth, "MB");
	bench_row("hl7.rss_last", rss1, rss1, (size_t)mem_n, "MB");
	bench_row("hl7.dirty_first", dirty0, dirty0, (size_t)tenth, "MB");
	bench_row("hl7.dirty_last", dirty1, dirty1, (size_t)mem_n, "MB");
	bench_row("hl7.dirty_growth", dirty1 - dirty0, dirty1 - dirty0, (size_t)mem_n, "MB");
	printf("note listener memory: after %ld messages RSS %.2f MB, Private_Dirty %.2f MB; "
	       "after %ld: RSS %.2f MB, Private_Dirty %.2f MB; %ld not acknowledged AA\n",
	       tenth, rss0, dirty0, mem_n, rss1, dirty1, bad);
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 5 && strcmp(argv[1], "file") == 0) {
		load_patients(argv[3]);
		return file_mode(argv[2], argv[3], atol(argv[4]));
	}
	if (argc >= 7 && strcmp(argv[1], "listen") == 0) {
		load_patients(argv[3]);
		return listen_mode(argv[2], argv[3], atoi(argv[4]), atol(argv[5]), atol(argv[6]));
	}
	fprintf(stderr, "usage: bench_hl7 file BIN DB N | listen BIN DB SENDERS N MEM_N\n");
	return 2;
}
