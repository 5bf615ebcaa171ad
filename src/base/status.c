/* status.c: names and exit codes of status codes; the error-message helper. */
#include "status.h"

#include <stdarg.h>
#include <stdio.h>

static const struct {
	const char *text;
	int exit_code;
} status_info[] = {
#define STATUS_INFO_(name, text, exitcode) {text, exitcode},
    STATUS_CODE_INFO(STATUS_INFO_)
#undef STATUS_INFO_
};

const char *status_str(enum status st)
{
	if ((unsigned)st >= sizeof status_info / sizeof status_info[0])
		return "unknown status";
	return status_info[st].text;
}

int status_exit_code(enum status st)
{
	if ((unsigned)st >= sizeof status_info / sizeof status_info[0])
		return 1;
	return status_info[st].exit_code;
}

enum status err_set(struct err *e, enum status st, const char *fmt, ...)
{
	if (e) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(e->msg, sizeof e->msg, fmt, ap);
		va_end(ap);
	}
	return st;
}

const char *err_why(const struct err *e, enum status st)
{
	return e && e->msg[0] ? e->msg : status_str(st);
}

void err_clear(struct err *e)
{
	if (e)
		e->msg[0] = '\0';
}
