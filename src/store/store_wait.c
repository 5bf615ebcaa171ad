/* store_wait.c: the waiting writer's listener (see store_wait.h); the busy
 * handler that calls it is in store_open.c. */
#include "store_wait.h"

#include "store_int.h"

void store_on_wait(struct store *st, store_wait_fn fn, void *arg)
{
	if (!st)
		return;
	st->on_wait = fn;
	st->on_wait_arg = arg;
}
