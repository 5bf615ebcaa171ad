/* store_protocol.h: protocols live in the database. An administrator
 * (PERM_MANAGE_PROTOCOL) installs a protocol file — validated by
 * protocol_parse, its text and SHA-256 kept — and activates one by name and
 * version; both are audited. Every checklist, plan and infusion check runs on
 * the active protocol, never on a file named by the caller. Implemented in
 * src/store/store_protocol.c. */
#ifndef HEPADESK_STORE_PROTOCOL_H
#define HEPADESK_STORE_PROTOCOL_H

#include <stdbool.h>
#include <stdint.h>

#include "protocol.h"
#include "status.h"
#include "store.h"
#include "user.h"

/* The protocol built into the program: what a database with no activation
 * runs on, and what `hepadesk init` installs and activates. */
#define PROTOCOL_BUILTIN "assets/protocols/ucmsc-default.ini"

struct protocol_row {
	int64_t id;
	char name[PROTOCOL_NAME_MAX + 1];
	char version[PROTOCOL_VERSION_MAX + 1];
	char hash[65];
	int64_t installed_at; /* 0: kept by an evaluation, never installed */
	char installed_by[USER_LOGIN_MAX + 1];
	bool active;
};

/* Validate text (display names it in messages) and keep it. A text already
 * kept is marked installed; the same name and version with another text is
 * ST_DUPLICATE ("give it a new version"). *out receives the parsed protocol. */
enum status store_protocol_install(struct store *st, const char *display, const char *text,
				   struct protocol *out, struct err *e);

/* Make the installed protocol NAME VERSION the active one (audited).
 * ST_NOT_FOUND names what is installed. */
enum status store_protocol_activate(struct store *st, const char *name, const char *version,
				    struct protocol *out, struct err *e);

/* Installed and kept protocols, newest first, at most max. */
enum status store_protocol_list(struct store *st, struct protocol_row *out, int max, int *n,
				struct err *e);

#endif
