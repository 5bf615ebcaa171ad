/* store_auth.h: the record of re-authentication attempts (auth_attempts:
 * who, for what, whether the password was accepted, when — never the
 * password), audited like every table, and the lockout read from it.
 * Implemented in src/store/store_auth.c; used by auth.c. */
#ifndef HEPADESK_STORE_AUTH_H
#define HEPADESK_STORE_AUTH_H

#include <stdbool.h>

#include "status.h"
#include "store.h"

/* ST_OK when the actor may try a password now; ST_DENIED "too many wrong
 * passwords ... try again after HH:MM UTC" when their last max_failures
 * attempts all failed and the last of them is less than lock_seconds old
 * (by the store's clock). */
enum status store_auth_allowed(struct store *st, int max_failures, int lock_seconds, struct err *e);

/* Record an attempt of the actor for purpose ("signature" or "unlock") in
 * its own transaction (audited): every failure, and an accepted password
 * only when it ends a run of failures (so a signature refused for another
 * reason leaves no row behind). An accepted password for "signature"
 * allows the actor one signature (store_sig.h) in this run. */
enum status store_auth_record(struct store *st, const char *purpose, bool ok, struct err *e);

/* Forget an accepted password not used for a signature (after the action
 * it was typed for, whatever its outcome). */
void store_auth_forget(struct store *st);

#endif
