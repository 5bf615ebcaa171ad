/* user.h: who is acting — users, roles, and what each role may do. */
#ifndef HEPADESK_USER_H
#define HEPADESK_USER_H

#include <stdbool.h>
#include <stddef.h>
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
#define PERM_INFO(_)                                                     \
	_(READ, "read patient records")                                  \
	_(RECORD, "record patients, labs, imaging, visits and events")   \
	_(SIGN_EVALUATION, "sign an evaluation")                         \
	_(PLAN, "make, approve or cancel a treatment plan")              \
	_(SIGN_INTRAHEPATIC, "sign off an intrahepatic route")           \
	_(AMEND_SIGNED, "amend a signed evaluation")                     \
	_(CONFIRM_OVERRIDE, "confirm an override of the infusion check") \
	_(REVIEW_AE, "review an adverse event that halts infusions")     \
	_(MANAGE_USERS, "manage users")                                  \
	_(MANAGE_PROTOCOL, "manage the protocol")                        \
	_(AUDIT, "read the audit trail")

enum perm {
#define PERM_ENUM_(name, text) PERM_##name,
	PERM_INFO(PERM_ENUM_)
#undef PERM_ENUM_
	    PERM_COUNT
};

/* A set of roles: one user may hold several (a physician who is also the
 * administrator). */
#define ROLE_BIT(r) (1u << (r))
#define ROLES_ALL ((1u << ROLE_COUNT) - 1)

struct user {
	int64_t id;
	char login[USER_LOGIN_MAX + 1];
	char display[USER_DISPLAY_MAX + 1];
	unsigned roles; /* ROLE_BIT of each role held; at least one */
	bool disabled;
};

const char *role_str(enum role r);
bool role_parse(const char *s, enum role *out);
/* The roles of a set as "nurse,physician" (the stored form, and the list
 * command's) into buf of size n; returns buf. */
#define ROLES_TEXT_MAX 40
char *roles_str(unsigned roles, char *buf, size_t n);
/* Parse "nurse,physician" (also one role); false for an unknown name or an
 * empty list. */
bool roles_parse(const char *s, unsigned *out);

/* True when a user holding roles may do p. */
bool role_allows(unsigned roles, enum perm p);

/* The roles that may do p, as text ("physician or admin"). Static storage. */
const char *perm_roles(enum perm p);

/* ST_OK when u may do p; otherwise ST_DENIED with a message naming the
 * action and the role it needs. */
enum status user_may(const struct user *u, enum perm p, struct err *e);

/* Validate a login name (POSIX portable user name) and a display name. */
enum status user_validate(const struct user *u, struct err *e);

#endif
