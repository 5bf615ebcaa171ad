/* auth.h: re-authenticating the user this program runs for with their own
 * password, through PAM (service AUTH_SERVICE), before a signature or to
 * open the idle lock. Failures are audited (never the password) and after
 * config session:auth_max_failures in a row the user is refused for
 * session:auth_lock_seconds. Implemented in src/usecase/auth.c. */
#ifndef HEPADESK_AUTH_H
#define HEPADESK_AUTH_H

#include <security/pam_appl.h>
#include <stddef.h>

#include "config.h"
#include "status.h"
#include "store.h"

#define AUTH_SERVICE "hepadesk"
/* The longest password accepted (bytes, without the NUL). */
#define AUTH_PASSWORD_MAX 255

/* The PAM conversation: appdata is the password (const char *). Every
 * PAM_PROMPT_ECHO_OFF is answered with a copy of it; PAM_ERROR_MSG and
 * PAM_TEXT_INFO get an empty answer; PAM_PROMPT_ECHO_ON (a prompt for
 * something visible, such as a login name) fails the conversation
 * (PAM_CONV_ERR), as does a NULL password. On success *resp is an array
 * the caller (PAM) frees; on failure nothing is left allocated. */
int auth_conv(int n, const struct pam_message **msg, struct pam_response **resp, void *appdata);

/* Authenticate login with password through PAM alone (pam_start with
 * AUTH_SERVICE, pam_authenticate, pam_acct_mgmt, pam_end): ST_OK, or
 * ST_DENIED with PAM's reason (never the password). No audit, no lockout. */
enum status auth_pam(const char *login, const char *password, struct err *e);

/* Re-authenticate the store's actor (the OS user of this run) for purpose
 * ("sign", "unlock"): refused without trying while locked out after too many
 * failures; else PAM (auth_pam) and the attempt recorded and audited
 * (store_auth_record). password is wiped (sodium_memzero, its whole length)
 * before this returns, whatever the outcome; NULL or empty is refused
 * (ST_DENIED "no password"). */
enum status auth_verify(struct store *st, const struct config *cfg, const char *purpose,
			char *password, struct err *e);

#endif
