/* ini.h: what iniparser does not keep — the line of a key in an INI text, so
 * a refused setting or protocol item is reported as file:line. */
#ifndef HEPADESK_INI_H
#define HEPADESK_INI_H

/* The last line (1-based; the one that takes effect) of text that sets key
 * in section, or the section's header line when key is NULL; 0 when none.
 * section "" means keys before any section header. Names compare without
 * case, as iniparser does. */
int ini_find_line(const char *text, const char *section, const char *key);

/* The line where key is given a second time in section (a section may be
 * opened more than once), or 0: iniparser would silently keep the last. */
int ini_repeat_line(const char *text, const char *section, const char *key);

#include <iniparser.h>

#include "status.h"

/* Parse INI text held in memory (exactly what was given: a protocol's or an
 * instrument's stored text). NULL with e naming path, the line and what
 * could not be read ("the protocol" is what for a staging error). */
dictionary *ini_load_text(const char *text, const char *path, const char *what, struct err *e);

#endif
