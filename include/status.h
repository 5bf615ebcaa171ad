/* status.h: status codes returned by every model function, and the caller-owned
 * error message that carries the detail (the model never prints). */
#ifndef HEPADESK_STATUS_H
#define HEPADESK_STATUS_H

#include <stddef.h>

/* One table feeds the enum, status_str() and the command-line exit code. */
#define STATUS_CODE_INFO(_)                                \
	_(OK, "ok", 0)                                     \
	_(INVALID, "invalid input", 2)                     \
	_(CONFIRM, "needs confirmation", 2)                \
	_(NOT_FOUND, "not found", 2)                       \
	_(DUPLICATE, "already exists", 2)                  \
	_(NOT_COMPUTABLE, "not computable", 2)             \
	_(DENIED, "not permitted", 1)                      \
	_(CONFLICT, "changed by someone else", 1)          \
	_(BUSY, "database busy", 1)                        \
	_(FULL, "disk full", 1)                            \
	_(READONLY, "database is read-only", 1)            \
	_(CORRUPT, "database is damaged", 1)               \
	_(TOO_NEW, "database is from a newer hepadesk", 1) \
	_(IO, "storage error", 1)

enum status {
#define STATUS_ENUM_(name, text, exitcode) ST_##name,
	STATUS_CODE_INFO(STATUS_ENUM_)
#undef STATUS_ENUM_
};

/* Short English name of a status; never NULL. */
const char *status_str(enum status st);

/* Process exit code for a status: 0 ok, 2 bad usage/input, 1 other failure. */
int status_exit_code(enum status st);

/* Caller-owned detail for a failed call. Always NUL-terminated. */
#define ERR_MSG_MAX 512
struct err {
	char msg[ERR_MSG_MAX];
};

/* Format a message into e (if e is not NULL) and return st, so a function can
 * say `return err_set(e, ST_INVALID, "...", ...);`. */
enum status err_set(struct err *e, enum status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The detail of a failure: the message when one was set, else the status's
 * name. Never NULL. */
const char *err_why(const struct err *e, enum status st);

/* Clear the message. */
void err_clear(struct err *e);

#endif
