/* store_demo.c: the bulk load of a synthetic demo clinic — one transaction,
 * one audit row, and never into a database that holds clinic patients. */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

static enum status is_demo_db(struct store *st, bool *demo, int64_t *patients, struct err *e)
{
	sqlite3_stmt *q = store_stmt(st,
				     "SELECT (SELECT count(*) FROM patients), "
				     "(SELECT value FROM meta WHERE key = 'demo')",
				     e);
	if (!q || sqlite3_step(q) != SQLITE_ROW)
		return q ? store_fail(st, e, "reading the database") : ST_IO;
	*patients = sqlite3_column_int64(q, 0);
	*demo = sqlite3_column_type(q, 1) != SQLITE_NULL;
	sqlite3_reset(q);
	return ST_OK;
}

enum status store_demo_begin(struct store *st, int64_t patients, uint64_t seed,
			     int64_t *first_index, struct err *e)
{
	bool demo = false;
	int64_t have = 0;
	enum status s = store_may(st, PERM_RECORD, e);
	/* One transaction for the whole demo, with its statement journals
	 * (each statement's undo inside it) in memory: in a temporary file
	 * they were two million small writes for 2,000 patients in follow-up.
	 * SQLite fixes where they go when the transaction starts, so this
	 * comes first; store_demo_end puts it back. */
	if (s != ST_OK || (s = store_exec(st, "PRAGMA temp_store = MEMORY", e)) != ST_OK ||
	    (s = store_begin(st, e)) != ST_OK)
		return s;
	if ((s = is_demo_db(st, &demo, &have, e)) != ST_OK)
		goto fail;
	if (have > 0 && !demo) {
		s = err_set(
		    e, ST_DENIED,
		    "this database holds %lld clinic patients; a demo goes in a database of "
		    "its own (use --db FILE)",
		    (long long)have);
		goto fail;
	}
	char after[128];
	snprintf(after, sizeof after, "{\"patients\":%lld,\"seed\":%llu}", (long long)patients,
		 (unsigned long long)seed);
	/* A 256 MiB page cache for the load, put back by store_demo_end. */
	if ((s = store_audit(st, "bulk", "demo", 0, 0, NULL, after, e)) != ST_OK ||
	    (s = store_exec(st,
			    "INSERT OR REPLACE INTO meta (key, value) VALUES ('demo', '1');"
			    "PRAGMA cache_size = -262144",
			    e)) != ST_OK)
		goto fail;
	*first_index = have;
	st->audit_on = false;
	st->bulk = true;
	return ST_OK;
fail:
	store_rollback(st);
	return s;
}

enum status store_demo_patient(struct store *st, struct patient *p, struct err *e)
{
	return store_patient_insert(st, p, e);
}

enum status store_demo_lab(struct store *st, struct lab_result *r, struct err *e)
{
	return store_lab_insert(st, r, e);
}

enum status store_demo_imaging(struct store *st, struct imaging_note *n, struct err *e)
{
	return store_imaging_insert(st, n, e);
}

enum status store_demo_end(struct store *st, bool commit, struct err *e)
{
	st->audit_on = true;
	st->bulk = false;
	store_exec(st, "PRAGMA cache_size = -512; PRAGMA temp_store = DEFAULT", NULL);
	if (!commit) {
		store_rollback(st);
		return ST_OK;
	}
	return store_commit(st, e);
}
