/* draft.c: the text of a draft — escaped "key=value" lines. */
#include "draft.h"

#include <string.h>

void draft_put(struct strbuf *sb, const char *key, const char *value)
{
	sb_add(sb, key);
	sb_addc(sb, '=');
	for (const char *p = value; *p; p++) {
		if (*p == '\n')
			sb_add(sb, "\\n");
		else if (*p == '\\')
			sb_add(sb, "\\\\");
		else
			sb_addc(sb, *p);
	}
	sb_addc(sb, '\n');
}

bool draft_get(const char *content, const char *key, char *buf, size_t n)
{
	size_t klen = strlen(key);
	for (const char *p = content; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (strncmp(p, key, klen) != 0 || p[klen] != '=')
			continue;
		size_t o = 0;
		for (p += klen + 1; *p && *p != '\n'; p++) {
			if (o + 1 >= n)
				return false;
			if (*p == '\\' && (p[1] == 'n' || p[1] == '\\'))
				buf[o++] = *++p == 'n' ? '\n' : '\\';
			else
				buf[o++] = *p;
		}
		buf[o] = '\0';
		return true;
	}
	return false;
}
