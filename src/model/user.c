/* user.c: roles and what each may do. */
#include "user.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "text.h"

static const char *const role_names[] = {
#define ROLE_NAME_(name, text) text,
    ROLE_INFO(ROLE_NAME_)
#undef ROLE_NAME_
};

static const char *const perm_names[] = {
#define PERM_NAME_(name, text) text,
    PERM_INFO(PERM_NAME_)
#undef PERM_NAME_
};

/* Which roles may do what: viewers read; nurses record and prepare;
 * physicians also sign evaluations, make and cancel plans, sign off
 * intrahepatic routes, amend signed evaluations, confirm overrides of the
 * infusion check and review adverse events; admins manage users and the
 * protocol and read the audit trail, and take no clinical action unless they
 * also hold a clinical role. */
static const unsigned char allowed[PERM_COUNT][ROLE_COUNT] = {
    /*                        viewer nurse physician admin */
    [PERM_READ] = {1, 1, 1, 1},
    [PERM_RECORD] = {0, 1, 1, 0},
    [PERM_SIGN_EVALUATION] = {0, 0, 1, 0},
    [PERM_PLAN] = {0, 0, 1, 0},
    [PERM_SIGN_INTRAHEPATIC] = {0, 0, 1, 0},
    [PERM_AMEND_SIGNED] = {0, 0, 1, 0},
    [PERM_CONFIRM_OVERRIDE] = {0, 0, 1, 0},
    [PERM_REVIEW_AE] = {0, 0, 1, 0},
    [PERM_MANAGE_USERS] = {0, 0, 0, 1},
    [PERM_MANAGE_PROTOCOL] = {0, 0, 0, 1},
    [PERM_AUDIT] = {0, 0, 0, 1},
};

const char *role_str(enum role r)
{
	return (unsigned)r < ROLE_COUNT ? role_names[r] : "unknown";
}

bool role_parse(const char *s, enum role *out)
{
	for (int r = 0; r < ROLE_COUNT; r++) {
		if (s && strcmp(s, role_names[r]) == 0) {
			*out = (enum role)r;
			return true;
		}
	}
	return false;
}

char *roles_str(unsigned roles, char *buf, size_t n)
{
	size_t len = 0;
	buf[0] = '\0';
	for (int r = 0; r < ROLE_COUNT && len < n; r++)
		if (roles & ROLE_BIT(r))
			len += (size_t)snprintf(buf + len, n - len, "%s%s", len ? "," : "",
						role_names[r]);
	return buf;
}

bool roles_parse(const char *s, unsigned *out)
{
	unsigned set = 0;
	char word[16];
	while (s && *s) {
		size_t k = strcspn(s, ",");
		if (k == 0 || k >= sizeof word)
			return false;
		memcpy(word, s, k);
		word[k] = '\0';
		enum role r;
		if (!role_parse(word, &r))
			return false;
		set |= ROLE_BIT(r);
		s += k + (s[k] == ',');
	}
	if (!set)
		return false;
	*out = set;
	return true;
}

bool role_allows(unsigned roles, enum perm p)
{
	if ((unsigned)p >= PERM_COUNT)
		return false;
	for (int r = 0; r < ROLE_COUNT; r++)
		if ((roles & ROLE_BIT(r)) && allowed[p][r])
			return true;
	return false;
}

const char *perm_roles(enum perm p)
{
	static char buf[PERM_COUNT][64];
	if ((unsigned)p >= PERM_COUNT)
		return "";
	if (!buf[p][0]) {
		size_t len = 0;
		int count = 0, total = 0;
		for (int r = 0; r < ROLE_COUNT; r++)
			total += allowed[p][r];
		for (int r = 0; r < ROLE_COUNT; r++) {
			if (!allowed[p][r])
				continue;
			count++;
			const char *sep = count == 1 ? "" : count == total ? " or " : ", ";
			len += (size_t)snprintf(buf[p] + len, sizeof buf[p] - len, "%s%s", sep,
						role_names[r]);
		}
	}
	return buf[p];
}

enum status user_may(const struct user *u, enum perm p, struct err *e)
{
	if (!u || u->disabled)
		return err_set(e, ST_DENIED, "not authorised — ask the administrator");
	if (role_allows(u->roles, p))
		return ST_OK;
	char held[ROLES_TEXT_MAX];
	return err_set(e, ST_DENIED, "not permitted: to %s you need the role %s (you are %s)",
		       perm_names[p], perm_roles(p), roles_str(u->roles, held, sizeof held));
}

enum status user_validate(const struct user *u, struct err *e)
{
	const char *l = u->login;
	size_t n = strlen(l);
	if (n == 0 || n > USER_LOGIN_MAX || l[0] == '-')
		return err_set(e, ST_INVALID,
			       "login: must be 1-%d characters, not starting with '-'",
			       USER_LOGIN_MAX);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)l[i];
		if (!isalnum(c) && c != '.' && c != '_' && c != '-')
			return err_set(
			    e, ST_INVALID,
			    "login: only letters, digits, '.', '_' and '-' are accepted");
	}
	n = strlen(u->display);
	if (n == 0 || n > USER_DISPLAY_MAX || !text_is_clean(u->display, false))
		return err_set(e, ST_INVALID,
			       "display name: 1-%d characters of text, no control characters",
			       USER_DISPLAY_MAX);
	if (!u->roles || (u->roles & ~ROLES_ALL))
		return err_set(e, ST_INVALID, "role: accepted viewer, nurse, physician, admin");
	return ST_OK;
}
