/* store_wait.h: telling whoever waits that a write is waiting for another
 * session's lock, so a screen can say so instead of freezing silently. */
#ifndef HEPADESK_STORE_WAIT_H
#define HEPADESK_STORE_WAIT_H

#include "store.h"

/* A write first tells after waiting this long (shorter waits pass unseen). */
#define STORE_WAIT_FIRST_MS 200

/* Called from inside a write that waits on another session's lock (the
 * same thread, never a signal handler): waited_ms so far; first after
 * STORE_WAIT_FIRST_MS, then about every second until the lock comes or
 * database:busy_timeout_ms runs out. */
typedef void (*store_wait_fn)(void *arg, long waited_ms);

/* Tell fn(arg) while a write of st waits; NULL stops telling. */
void store_on_wait(struct store *st, store_wait_fn fn, void *arg);

#endif
