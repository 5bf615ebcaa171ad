/* store_ro.c: findings of a read-only open (see store_ro.h). */
#include "store_ro.h"

#include "store_int.h"

const char *store_exposed(const struct store *st)
{
	return st && st->exposed[0] ? st->exposed : NULL;
}
