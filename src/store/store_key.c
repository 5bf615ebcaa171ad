/* store_key.c: the audit trail's secret — the key file beside the database,
 * the keyed row hash (HMAC-SHA-256, libsodium), re-keying a trail hashed
 * before keys, and the witness of the chain head kept outside the database
 * (an append-only file beside the key, and the system log). */
#include "store_int.h"

#include <errno.h>
#include <fcntl.h>
#include <sha2.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <syslog.h>
#include <unistd.h>

#include "util.h"

static void side_path(const struct store *st, const char *suffix, char *out, size_t n)
{
	snprintf(out, n, "%s%s", st->path, suffix);
}

void store_key_path(const struct store *st, char *out, size_t n)
{
	side_path(st, ".key", out, n);
}

void store_witness_path(const struct store *st, char *out, size_t n)
{
	side_path(st, ".witness", out, n);
}

/* Read exactly the key's bytes; ST_NOT_FOUND when the file is absent. */
static enum status read_key(struct store *st, const char *path, struct err *e)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0) {
		if (errno == ENOENT)
			return ST_NOT_FOUND;
		return err_set(e, errno == EACCES ? ST_DENIED : ST_IO,
			       "cannot read the audit key %s: %s", path, strerror(errno));
	}
	unsigned char extra;
	ssize_t n = read(fd, st->key, sizeof st->key);
	ssize_t more = n == (ssize_t)sizeof st->key ? read(fd, &extra, 1) : 0;
	close(fd);
	if (n != (ssize_t)sizeof st->key || more != 0)
		return err_set(e, ST_CORRUPT, "the audit key %s is not %zu bytes: it was altered",
			       path, sizeof st->key);
	st->have_key = true;
	return ST_OK;
}

/* A new random key, readable by the owner (and the sharing group) only. */
static enum status make_key(struct store *st, const char *path, gid_t gid, struct err *e)
{
	randombytes_buf(st->key, sizeof st->key);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0400);
	if (fd < 0)
		return err_set(e, ST_IO, "cannot create the audit key %s: %s", path,
			       strerror(errno));
	bool ok = write(fd, st->key, sizeof st->key) == (ssize_t)sizeof st->key;
	if (ok && gid != (gid_t)-1)
		ok = fchown(fd, (uid_t)-1, gid) == 0 && fchmod(fd, 0440) == 0;
	ok = fsync(fd) == 0 && ok;
	if (close(fd) != 0 || !ok) {
		unlink(path);
		return err_set(e, ST_IO, "cannot write the audit key %s: %s", path,
			       strerror(errno));
	}
	st->have_key = true;
	return ST_OK;
}

/* True when the file's trail is already keyed (migration audit-hmac ran). */
static bool trail_keyed(struct store *st)
{
	sqlite3_stmt *q;
	bool keyed = false;
	if (sqlite3_prepare_v2(st->db, "SELECT 1 FROM meta WHERE key = 'audit_keyed'", -1, &q,
			       NULL) != SQLITE_OK)
		return false; /* no meta table yet: a file being created */
	keyed = sqlite3_step(q) == SQLITE_ROW;
	sqlite3_finalize(q);
	return keyed;
}

#define MAIN_HEAD_SQL "SELECT seq, hash FROM main.audit_head WHERE id = 1"
#define ACCESS_HEAD_SQL "SELECT seq, hash FROM access.audit_head WHERE id = 1"

static void read_head_of(struct store *st, const char *sql, int64_t *seq, char hash[65])
{
	sqlite3_stmt *q;
	*seq = 0;
	hash[0] = '\0';
	if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK)
		return;
	if (sqlite3_step(q) == SQLITE_ROW) {
		*seq = sqlite3_column_int64(q, 0);
		store_col_text(q, 1, hash, 65);
	}
	sqlite3_finalize(q);
}

static void read_head(struct store *st, int64_t *seq, char hash[65])
{
	read_head_of(st, MAIN_HEAD_SQL, seq, hash);
}

void store_access_head_read(struct store *st)
{
	read_head_of(st, ACCESS_HEAD_SQL, &st->access_witnessed_seq, st->access_witnessed_hash);
}

void store_access_witness_path(const struct store *st, char *out, size_t n)
{
	side_path(st, ".access.witness", out, n);
}

enum status store_key_open(struct store *st, bool readonly, gid_t gid, struct err *e)
{
	char path[PATH_MAX + 8];
	if (sodium_init() < 0)
		return err_set(e, ST_IO, "cannot start the cryptography library");
	store_key_path(st, path, sizeof path);
	st->gid = gid;
	enum status s = read_key(st, path, e);
	if (s == ST_NOT_FOUND) {
		if (readonly)
			return ST_OK; /* verify says the key is missing */
		if (!st->created && trail_keyed(st))
			return err_set(e, ST_CORRUPT,
				       "the audit key %s is missing: restore it from the backup "
				       "made with the database (without it no audit row can be "
				       "written or checked)",
				       path);
		s = make_key(st, path, gid, e);
	}
	if (s == ST_OK)
		read_head(st, &st->witnessed_seq, st->witnessed_hash);
	return s;
}

/* Each field as type, length and bytes, so no two different rows serialise
 * the same. */
static void fields(sqlite3_value **argv, int argc,
		   void (*update)(void *ctx, const uint8_t *p, size_t n), void *ctx)
{
	for (int i = 0; i < argc; i++) {
		int type = sqlite3_value_type(argv[i]);
		const unsigned char *t = sqlite3_value_text(argv[i]);
		unsigned int n = type == SQLITE_NULL ? 0 : (unsigned)sqlite3_value_bytes(argv[i]);
		uint8_t head[5] = {(uint8_t)type, (uint8_t)(n >> 24), (uint8_t)(n >> 16),
				   (uint8_t)(n >> 8), (uint8_t)n};
		update(ctx, head, sizeof head);
		if (n)
			update(ctx, t, n);
	}
}

static void hmac_update(void *ctx, const uint8_t *p, size_t n)
{
	crypto_auth_hmacsha256_update(ctx, p, n);
}

static void sha_update(void *ctx, const uint8_t *p, size_t n)
{
	SHA256Update(ctx, p, n);
}

bool store_audit_hash(const struct store *st, sqlite3_value **argv, int argc, char out[65])
{
	crypto_auth_hmacsha256_state h;
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	if (!st->have_key)
		return false;
	crypto_auth_hmacsha256_init(&h, st->key, sizeof st->key);
	fields(argv, argc, hmac_update, &h);
	crypto_auth_hmacsha256_final(&h, mac);
	sodium_bin2hex(out, 65, mac, sizeof mac);
	return true;
}

/* The unkeyed SHA-256 of trails written before keys: read only to check a
 * trail once before re-keying it. */
static void legacy_hash(sqlite3_value **argv, int argc, char out[65])
{
	SHA2_CTX ctx;
	SHA256Init(&ctx);
	fields(argv, argc, sha_update, &ctx);
	SHA256End(&ctx, out);
}

static void fn_legacy(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char hex[65];
	legacy_hash(argv, argc, hex);
	sqlite3_result_text(ctx, hex, 64, SQLITE_TRANSIENT);
}

/* Check the unkeyed chain; ST_CORRUPT naming the first broken seq. */
static enum status check_legacy(struct store *st, struct err *e)
{
	static const char sql[] =
	    "SELECT seq, prev, hash, hd_legacy_hash(prev, ts, actor, action, tbl, row_id, "
	    "patient_id, before, after) FROM audit ORDER BY seq";
	sqlite3_stmt *q;
	char expect[65] = "";
	enum status s = ST_OK;
	if (sqlite3_create_function(st->db, "hd_legacy_hash", -1, SQLITE_UTF8, NULL, fn_legacy,
				    NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK)
		return store_fail(st, e, "checking the audit trail before keying it");
	while (sqlite3_step(q) == SQLITE_ROW) {
		const char *prev = (const char *)sqlite3_column_text(q, 1);
		const char *hash = (const char *)sqlite3_column_text(q, 2);
		const char *calc = (const char *)sqlite3_column_text(q, 3);
		if (strcmp(prev, expect) != 0 || strcmp(hash, calc) != 0) {
			s = err_set(e, ST_CORRUPT,
				    "the audit trail is broken at seq %lld, so it cannot be keyed; "
				    "nothing was changed (verify it with the previous hepadesk)",
				    (long long)sqlite3_column_int64(q, 0));
			break;
		}
		strlcpy_(expect, hash, sizeof expect);
	}
	sqlite3_finalize(q);
	return s;
}

/* Saved CREATE statements of the append-only guards, dropped while the
 * chain is re-hashed and put back after. */
static enum status rehash(struct store *st, struct err *e)
{
	static const char sql[] =
	    "SELECT seq, hd_hash(?1, ts, actor, action, tbl, row_id, patient_id, before, after) "
	    "FROM audit WHERE seq > ?2 ORDER BY seq LIMIT 1";
	sqlite3_stmt *q, *u;
	char prev[65] = "";
	int64_t seq = 0;
	if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK)
		return store_fail(st, e, "keying the audit trail");
	if (sqlite3_prepare_v2(st->db, "UPDATE audit SET prev = ?1, hash = ?2 WHERE seq = ?3", -1,
			       &u, NULL) != SQLITE_OK) {
		sqlite3_finalize(q);
		return store_fail(st, e, "keying the audit trail");
	}
	enum status s = ST_OK;
	for (;;) {
		sqlite3_bind_text(q, 1, prev, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(q, 2, seq);
		if (sqlite3_step(q) != SQLITE_ROW)
			break;
		seq = sqlite3_column_int64(q, 0);
		char hash[65];
		store_col_text(q, 1, hash, sizeof hash);
		sqlite3_reset(q);
		sqlite3_bind_text(u, 1, prev, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(u, 2, hash, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(u, 3, seq);
		if (sqlite3_step(u) != SQLITE_DONE) {
			s = store_fail(st, e, "keying the audit trail");
			break;
		}
		sqlite3_reset(u);
		strlcpy_(prev, hash, sizeof prev);
	}
	sqlite3_finalize(q);
	sqlite3_finalize(u);
	if (s == ST_OK && seq > 0) {
		sqlite3_stmt *h;
		if (sqlite3_prepare_v2(st->db, "UPDATE audit_head SET hash = ?1 WHERE id = 1", -1,
				       &h, NULL) != SQLITE_OK)
			return store_fail(st, e, "keying the audit head");
		sqlite3_bind_text(h, 1, prev, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(h) != SQLITE_DONE)
			s = store_fail(st, e, "keying the audit head");
		sqlite3_finalize(h);
	}
	return s;
}

enum status store_audit_rekey(struct store *st, struct err *e)
{
	static const char *const guards[] = {"audit_no_update", "audit_head_follows"};
	char *saved[2] = {NULL, NULL};
	enum status s = check_legacy(st, e);
	for (size_t i = 0; s == ST_OK && i < ARRAY_SIZE(guards); i++) {
		sqlite3_stmt *q;
		if (sqlite3_prepare_v2(st->db, "SELECT sql FROM sqlite_schema WHERE name = ?1", -1,
				       &q, NULL) != SQLITE_OK)
			return store_fail(st, e, "keying the audit trail");
		sqlite3_bind_text(q, 1, guards[i], -1, SQLITE_STATIC);
		if (sqlite3_step(q) == SQLITE_ROW)
			saved[i] = xstrdup((const char *)sqlite3_column_text(q, 0));
		sqlite3_finalize(q);
		char drop[80];
		snprintf(drop, sizeof drop, "DROP TRIGGER IF EXISTS %s", guards[i]);
		s = store_exec(st, drop, e);
	}
	if (s == ST_OK)
		s = rehash(st, e);
	for (size_t i = 0; i < ARRAY_SIZE(guards); i++) {
		if (s == ST_OK && saved[i])
			s = store_exec(st, saved[i], e);
		free(saved[i]);
	}
	if (s == ST_OK)
		s = store_exec(st,
			       "INSERT OR REPLACE INTO meta (key, value) VALUES "
			       "('audit_keyed', 'hmac-sha256')",
			       e);
	if (s == ST_OK)
		read_head(st, &st->witnessed_seq, st->witnessed_hash);
	return s;
}

/* --- the witness --- */

/* The MAC of a witness line's text, so a line cannot be forged or edited. */
static void line_mac(const struct store *st, const char *text, char out[65])
{
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	crypto_auth_hmacsha256(mac, (const unsigned char *)text, strlen(text), st->key);
	sodium_bin2hex(out, 65, mac, sizeof mac);
}

/* After "NAME=" at *p: a whole decimal number; *p moves past it. */
static bool field_num(const char **p, const char *name, long long *out)
{
	size_t n = strlen(name);
	char *end;
	if (strncmp(*p, name, n) != 0 || (*p)[n] != '=')
		return false;
	errno = 0;
	*out = strtoll(*p + n + 1, &end, 10);
	if (errno || end == *p + n + 1)
		return false;
	*p = end;
	return true;
}

/* After "NAME=" at *p: a word of at most size - 1 bytes; *p moves past it. */
static bool field_word(const char **p, const char *name, char *out, size_t size)
{
	size_t n = strlen(name), len;
	if (strncmp(*p, name, n) != 0 || (*p)[n] != '=')
		return false;
	len = strcspn(*p + n + 1, " ");
	if (len == 0 || len >= size)
		return false;
	memcpy(out, *p + n + 1, len);
	out[len] = '\0';
	*p += n + 1 + len;
	return true;
}

/* "seq=N hash=H at=T mac=M", exactly. */
static bool parse_witness(const char *line, long long *seq, char hash[80], long long *at,
			  char mac[80])
{
	const char *p = line;
	return field_num(&p, "seq", seq) && *p++ == ' ' && field_word(&p, "hash", hash, 80) &&
	       *p++ == ' ' && field_num(&p, "at", at) && *p++ == ' ' &&
	       field_word(&p, "mac", mac, 80) && *p == '\0';
}

/* Witness one trail's head (read with head_sql) in the file at path when
 * it moved since *wseq / whash. */
static void witness_head(struct store *st, const char *head_sql, const char *path,
			 const char *trail, int64_t *wseq, char whash[65])
{
	int64_t seq;
	char hash[65], text[160], mac[65], line[260];
	read_head_of(st, head_sql, &seq, hash);
	if (seq == *wseq && strcmp(hash, whash) == 0)
		return;
	/* A head that is no hash of ours was written from outside: the chain
	 * walk reports it; the witness keeps only what the program wrote. */
	if (strlen(hash) != 64 || strspn(hash, "0123456789abcdef") != 64)
		return;
	snprintf(text, sizeof text, "seq=%lld hash=%s at=%lld", (long long)seq, hash,
		 (long long)st->now);
	line_mac(st, text, mac);
	int n = snprintf(line, sizeof line, "%s mac=%s\n", text, mac);
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
		      st->gid != (gid_t)-1 ? 0660 : 0600);
	/* One write of one short line: appends from sessions never interleave. */
	if (fd >= 0) {
		if (write(fd, line, (size_t)n) == n)
			fsync(fd);
		close(fd);
	}
	openlog("hepadesk", LOG_PID, LOG_AUTHPRIV);
	syslog(LOG_NOTICE, "%s head of %s: seq=%lld hash=%s", trail, st->path, (long long)seq,
	       hash);
	closelog();
	*wseq = seq;
	strlcpy_(whash, hash, 65);
}

void store_witness(struct store *st)
{
	char path[PATH_MAX + 16];
	if (!st->have_key || st->readonly)
		return;
	store_witness_path(st, path, sizeof path);
	witness_head(st, MAIN_HEAD_SQL, path, "audit", &st->witnessed_seq, st->witnessed_hash);
	struct err e = {""};
	/* Only a session that used the access trail moved its head. */
	if (!st->have_access || !st->access_head_known || store_access_use(st, &e) != ST_OK)
		return;
	store_access_witness_path(st, path, sizeof path);
	witness_head(st, ACCESS_HEAD_SQL, path, "access", &st->access_witnessed_seq,
		     st->access_witnessed_hash);
	store_access_done(st);
}

enum status store_witness_read(const struct store *st, struct witness_line **lines, int *n,
			       bool *present, struct err *e)
{
	char path[PATH_MAX + 16];
	store_witness_path(st, path, sizeof path);
	return store_witness_read_file(st, path, lines, n, present, e);
}

enum status store_witness_read_file(const struct store *st, const char *path,
				    struct witness_line **lines, int *n, bool *present,
				    struct err *e)
{
	char buf[300];
	int cap = 0;
	*lines = NULL;
	*n = 0;
	FILE *f = fopen(path, "re");
	*present = f != NULL;
	if (!f)
		return errno == ENOENT ? ST_OK
				       : err_set(e, ST_IO, "cannot read the witness %s: %s", path,
						 strerror(errno));
	while (fgets(buf, sizeof buf, f)) {
		struct witness_line w = {0};
		char hash[80] = "", mac[80] = "", text[200];
		long long seq = 0, at = 0;
		w.number = *n + 1;
		buf[strcspn(buf, "\n")] = '\0';
		if (parse_witness(buf, &seq, hash, &at, mac) && strlen(hash) == 64) {
			snprintf(text, sizeof text, "seq=%lld hash=%s at=%lld", seq, hash, at);
			char want[65];
			line_mac(st, text, want);
			w.genuine = st->have_key && strcmp(want, mac) == 0;
			w.seq = seq;
			strlcpy_(w.hash, hash, sizeof w.hash);
		}
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			*lines = xrealloc(*lines, (size_t)cap * sizeof **lines);
		}
		(*lines)[(*n)++] = w;
	}
	fclose(f);
	return ST_OK;
}
