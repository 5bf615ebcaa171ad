/* ini.c: finding the line of a key in an INI text (iniparser keeps none),
 * and parsing INI text held in memory. */
#define _GNU_SOURCE /* memfd_create */
#include "ini.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>

#include "text.h"

/* True when line (at its first non-blank) starts with name followed by
 * blanks and then stop ('=' for a key, ']' for a section name). */
static bool line_names(const char *line, const char *end, const char *name, char stop)
{
	size_t len = strlen(name);

	while (line < end && (*line == ' ' || *line == '\t'))
		line++;
	if ((size_t)(end - line) < len || strncasecmp(line, name, len) != 0)
		return false;
	line += len;
	while (line < end && (*line == ' ' || *line == '\t'))
		line++;
	return line < end && *line == stop;
}

int ini_find_line(const char *text, const char *section, const char *key)
{
	bool in = !*section;
	int line = 1, found = 0;

	for (const char *p = text; *p; line++) {
		const char *end = strchr(p, '\n');
		if (!end)
			end = p + strlen(p);
		const char *sec = p + strspn(p, " \t");
		if (sec < end && *sec == '[') {
			in = *section && line_names(sec + 1, end, section, ']');
			if (in && !key)
				found = line;
		} else if (in && key && line_names(p, end, key, '=')) {
			found = line;
		}
		p = *end ? end + 1 : end;
	}
	return found;
}

int ini_repeat_line(const char *text, const char *section, const char *key)
{
	bool in = !*section;
	int line = 1, seen = 0;

	for (const char *p = text; *p; line++) {
		const char *end = strchr(p, '\n');
		if (!end)
			end = p + strlen(p);
		const char *sec = p + strspn(p, " \t");
		if (sec < end && *sec == '[')
			in = *section && line_names(sec + 1, end, section, ']');
		else if (in && *sec != ';' && *sec != '#' && line_names(p, end, key, '=') && seen++)
			return line;
		p = *end ? end + 1 : end;
	}
	return 0;
}

/* iniparser reports a parse error through a printf-like callback: the first
 * message of a load is kept here instead of going to stderr. */
static char parse_msg[256];

static int capture(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int capture(const char *fmt, ...)
{
	va_list ap;
	if (parse_msg[0])
		return 0;
	va_start(ap, fmt);
	vsnprintf(parse_msg, sizeof parse_msg, fmt, ap);
	va_end(ap);
	return 0;
}

/* iniparser 4.1 reads only files: the text goes through an anonymous
 * in-memory file (never on disk), so what is parsed is exactly what was
 * given (and hashed). */
dictionary *ini_load_text(const char *text, const char *path, const char *what, struct err *e)
{
	char proc[64];
	int fd = memfd_create("hepadesk-ini", MFD_CLOEXEC);
	dictionary *d = NULL;
	size_t len = strlen(text);
	if (fd < 0 || write(fd, text, len) != (ssize_t)len) {
		err_set(e, ST_IO, "%s: cannot stage the %s: %s", path, what, strerror(errno));
		goto out;
	}
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	parse_msg[0] = '\0';
	iniparser_set_error_callback(capture);
	d = iniparser_load(proc);
	iniparser_set_error_callback(NULL);
	if (!d || parse_msg[0]) {
		const char *open = strrchr(parse_msg, '(');
		int line = open ? (int)strtol(open + 1, NULL, 10) : 0;
		const char *arrow = strstr(parse_msg, "->");
		char bad[128];
		text_sanitize_buf(bad, sizeof bad, arrow ? arrow + 2 : "unreadable");
		bad[strcspn(bad, "\n")] = '\0';
		err_set(e, ST_INVALID, "%s:%d: cannot parse the line:%s", path, line, bad);
		if (d)
			iniparser_freedict(d);
		d = NULL;
	}
out:
	if (fd >= 0)
		close(fd);
	return d;
}
