/* store_snapshot.c: one read snapshot over several reads (store_snapshot.h). */
#include "store_snapshot.h"

#include "store_int.h"

enum status store_snapshot_begin(struct store *st, struct err *e)
{
	store_release(st);
	return store_exec(st, "BEGIN", e);
}

void store_snapshot_end(struct store *st)
{
	if (!st || sqlite3_get_autocommit(st->db))
		return;
	store_release(st);
	sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
}
