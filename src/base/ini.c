/* ini.c: finding the line of a key in an INI text (iniparser keeps none). */
#include "ini.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

/* True when line (at its first non-blank) starts with name followed by
 * blanks and then stop ('=' for a key, ']' for a section name). */
static bool line_names(const char *line, const char *end, const char *name, char stop)
{
	size_t len = strlen(name);

	while (line < end && (*line == ' ' || *line == '\t'))
		line++;
	if ((size_t)(end - line) < len || strncasecmp(line, name, len) != 0)
		return false;
	line += len;
	while (line < end && (*line == ' ' || *line == '\t'))
		line++;
	return line < end && *line == stop;
}

int ini_find_line(const char *text, const char *section, const char *key)
{
	bool in = !*section;
	int line = 1, found = 0;

	for (const char *p = text; *p; line++) {
		const char *end = strchr(p, '\n');
		if (!end)
			end = p + strlen(p);
		const char *sec = p + strspn(p, " \t");
		if (sec < end && *sec == '[') {
			in = *section && line_names(sec + 1, end, section, ']');
			if (in && !key)
				found = line;
		} else if (in && key && line_names(p, end, key, '=')) {
			found = line;
		}
		p = *end ? end + 1 : end;
	}
	return found;
}

int ini_repeat_line(const char *text, const char *section, const char *key)
{
	bool in = !*section;
	int line = 1, seen = 0;

	for (const char *p = text; *p; line++) {
		const char *end = strchr(p, '\n');
		if (!end)
			end = p + strlen(p);
		const char *sec = p + strspn(p, " \t");
		if (sec < end && *sec == '[')
			in = *section && line_names(sec + 1, end, section, ']');
		else if (in && *sec != ';' && *sec != '#' && line_names(p, end, key, '=') && seen++)
			return line;
		p = *end ? end + 1 : end;
	}
	return 0;
}
