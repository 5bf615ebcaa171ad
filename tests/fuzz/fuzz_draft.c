/* fuzz_draft.c: libFuzzer target for the draft text codec. The decoder
 * (draft_get) reads any content with keys from a fixed list and from the
 * input into buffers of exactly n bytes; and draft_put then draft_get gives
 * back every value, whatever its bytes (the round-trip property). */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "draft.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Real keys (form fields, lab rows) and prefixes of one another. */
static const char *const keys[] = {
    "date", "date_of_birth",	  "visit",	   "visit_label", "note", "a",
    "ab",   "Name (LAST, First)", "bilirubin.unit"};
#define NKEYS (sizeof keys / sizeof keys[0])

/* draft_get into a heap buffer of exactly n bytes (n == 0: a buffer it must
 * not touch at all, which draft_get must refuse). */
static void get(const char *content, const char *key, size_t n)
{
	char *buf = malloc(n ? n : 1);
	buf[0] = 'x';
	bool got = draft_get(content, key, buf, n);
	if ((got && (n == 0 || strlen(buf) >= n)) || (n == 0 && buf[0] != 'x'))
		abort();
	free(buf);
}

static void decode(const char *content, const char *key, uint8_t n)
{
	for (size_t i = 0; i < NKEYS; i++)
		get(content, keys[i], 16);
	get(content, key, (size_t)n);
	get(content, key, DRAFT_CONTENT_MAX);
}

/* Put value under every key (each a different rotation of it), then read
 * each back: equal with room for it and its NUL, refused with one byte less. */
static void round_trip(const char *value)
{
	size_t len = strlen(value);
	char *v[NKEYS], *got = malloc(len + 1);
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < NKEYS; i++) {
		v[i] = malloc(len + 1);
		size_t r = len ? i % len : 0;
		memcpy(v[i], value + r, len - r);
		memcpy(v[i] + len - r, value, r);
		v[i][len] = '\0';
		draft_put(&sb, keys[i], v[i]);
	}
	for (size_t i = 0; i < NKEYS; i++) {
		if (!draft_get(sb_str(&sb), keys[i], got, len + 1) || strcmp(got, v[i]) != 0)
			abort();
		if (len && draft_get(sb_str(&sb), keys[i], got, len))
			abort();
		free(v[i]);
	}
	sb_done(&sb);
	free(got);
}

/* Input: n, then key NUL content (content also the round-trip value). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	char *buf = malloc(size);
	memcpy(buf, data + 1, size - 1);
	buf[size - 1] = '\0';
	const char *key = buf;
	size_t klen = strlen(key);
	const char *content = klen + 1 < size ? buf + klen + 1 : "";
	decode(content, key, data[0]);
	decode(buf, key, data[0]);
	round_trip(content);
	round_trip(key);
	free(buf);
	return 0;
}
