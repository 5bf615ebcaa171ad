/* json.h: a small JSON writer for command output and exports. Strings are
 * neutralised (text_sanitize) before escaping, so no control or escape
 * character from data reaches a consumer. */
#ifndef HEPADESK_JSON_H
#define HEPADESK_JSON_H

#include <stdbool.h>
#include <stdint.h>

#include "util.h"

struct json {
	struct strbuf sb;
	int depth;
	bool need_comma[32];
	bool pretty;
};

void json_init(struct json *j, bool pretty);
void json_done(struct json *j);
const char *json_str(const struct json *j);

void json_obj_begin(struct json *j, const char *key);
void json_obj_end(struct json *j);
void json_arr_begin(struct json *j, const char *key);
void json_arr_end(struct json *j);
/* key is NULL inside arrays. */
void json_string(struct json *j, const char *key, const char *v); /* NULL -> null */
void json_int(struct json *j, const char *key, int64_t v);
void json_num(struct json *j, const char *key, double v, int decimals); /* NAN -> null */
void json_bool(struct json *j, const char *key, bool v);
void json_null(struct json *j, const char *key);

/* Append s as a quoted, escaped, neutralised JSON string. */
void json_quote(struct strbuf *sb, const char *s);

#endif
