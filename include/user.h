/* user.h: who is acting — users, roles, and what each role may do. */
#ifndef HEPADESK_USER_H
#define HEPADESK_USER_H

#include <stdbool.h>
#include <stdint.h>

#include "status.h"

#define USER_LOGIN_MAX 32
#define USER_DISPLAY_MAX 80

#define ROLE_INFO(_)              \
	_(VIEWER, "viewer")       \
	_(NURSE, "nurse")         \
	_(PHYSICIAN, "physician") \
	_(ADMIN, "admin")

enum role {
#define ROLE_ENUM_(name, text) ROLE_##name,
	ROLE_INFO(ROLE_ENUM_)
#undef ROLE_ENUM_
	    ROLE_COUNT
};

/* Actions that roles limit. */
#define PERM_INFO(_)                                                   \
	_(READ, "read patient records")                                \
	_(RECORD, "record patients, labs, imaging, visits and events") \
	_(SIGN_INTRAHEPATIC, "sign off an intrahepatic route")         \
	_(AMEND_SIGNED, "amend a signed evaluation")                   \
	_(MANAGE_USERS, "manage users")                                \
	_(MANAGE_PROTOCOL, "manage the protocol")                      \
	_(AUDIT, "read the audit trail")

enum perm {
#define PERM_ENUM_(name, text) PERM_##name,
	PERM_INFO(PERM_ENUM_)
#undef PERM_ENUM_
	    PERM_COUNT
};

struct user {
	int64_t id;
	char login[USER_LOGIN_MAX + 1];
	char display[USER_DISPLAY_MAX + 1];
	enum role role;
	bool disabled;
};

const char *role_str(enum role r);
bool role_parse(const char *s, enum role *out);

/* True when role r may do p. */
bool role_allows(enum role r, enum perm p);

/* The roles that may do p, as text ("physician or admin"). Static storage. */
const char *perm_roles(enum perm p);

/* ST_OK when u may do p; otherwise ST_DENIED with a message naming the
 * action and the role it needs. */
enum status user_may(const struct user *u, enum perm p, struct err *e);

/* Validate a login name (POSIX portable user name) and a display name. */
enum status user_validate(const struct user *u, struct err *e);

#endif
