/* assets.h: files from assets/ embedded in the binary at build time (SQL
 * migrations, the default configuration, protocols, term lists). */
#ifndef HEPADESK_ASSETS_H
#define HEPADESK_ASSETS_H

struct asset {
	const char *path; /* as in the source tree, e.g. "assets/sql/001-base.sql" */
	const char *text; /* NUL-terminated contents */
};

/* Terminated by an entry whose path is NULL. */
extern const struct asset assets[];

/* The embedded text of a path, or NULL. */
const char *asset_text(const char *path);

#endif
