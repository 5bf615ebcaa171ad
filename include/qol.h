/* qol.h: quality-of-life questionnaires as configuration — an instrument
 * read from an INI file (items with their response scale, domains, scoring
 * by sum or mean, reversed items, the rule for missing items), answers
 * checked against it, and domain scores computed from them. Pure: no
 * storage, no clock. The file's shape:
 *
 *   [instrument]  code (the name commands use), name, version,
 *                 min, max (the response scale), low, high (anchor words),
 *                 scoring = mean | sum, higher = better | worse,
 *                 min_answered_pct (a domain is scored only with at least
 *                 this share of its items answered; a sum is then the mean
 *                 of the answered items x the domain's items), overall = yes|no
 *   [domain.ID]   label
 *   [item.N]      text, domain = ID, reverse = yes|no   (N = 1, 2, ... in order)
 */
#ifndef HEPADESK_QOL_H
#define HEPADESK_QOL_H

#include <stdbool.h>
#include <stdint.h>

#include "status.h"

#define QOL_ITEMS_MAX 60
#define QOL_DOMAINS_MAX 12
#define QOL_CODE_MAX 20
#define QOL_NAME_MAX 80
#define QOL_VERSION_MAX 20
#define QOL_ID_MAX 32
#define QOL_LABEL_MAX 60
#define QOL_TEXT_MAX 300
#define QOL_ANCHOR_MAX 40
#define QOL_FILE_MAX 60000
#define QOL_SCALE_MIN 0
#define QOL_SCALE_MAX 10 /* answered with one number key (0-9) or 10 */
#define QOL_MISSING -1

enum qol_scoring { QOL_MEAN, QOL_SUM };

struct qol_domain {
	char id[QOL_ID_MAX + 1];
	char label[QOL_LABEL_MAX + 1];
	int nitems;
};

struct qol_item {
	char text[QOL_TEXT_MAX + 1];
	int domain; /* index into domains */
	bool reverse;
};

struct qol_instrument {
	char code[QOL_CODE_MAX + 1]; /* upper case: "SYMPTOMS", "CLDQ" */
	char name[QOL_NAME_MAX + 1];
	char version[QOL_VERSION_MAX + 1];
	char hash[65]; /* SHA-256 hex of the text */
	int min, max;  /* every item's response scale */
	char low[QOL_ANCHOR_MAX + 1], high[QOL_ANCHOR_MAX + 1];
	enum qol_scoring scoring;
	bool higher_better;
	int min_answered_pct; /* 1-100 */
	bool overall;	      /* also an overall score of every item */
	struct qol_domain domains[QOL_DOMAINS_MAX];
	int ndomains;
	struct qol_item items[QOL_ITEMS_MAX];
	int nitems;
};

/* Parse and check instrument text (display_path names it in messages).
 * ST_OK fills *out (hash included); else ST_INVALID "path:line: [section]
 * key: problem", *out untouched. Refuses unknown sections and keys, a
 * scale outside 0-10 or with min >= max, items not numbered 1..N, an item
 * naming an unknown domain, a domain with no item, a missing text. */
enum status qol_parse(const char *display_path, const char *text, struct qol_instrument *out,
		      struct err *e);

/* A structure file (every [item.N] without its text, as shipped for a
 * licensed instrument) joined with the clinic's own copy of the item texts
 * (one per line in item order, blank lines and lines starting with '#'
 * skipped): the full instrument text into *out (heap, caller frees). The
 * number of texts must match the items; a text is 1-QOL_TEXT_MAX
 * characters of plain text (a double quote becomes a single one). ST_OK, or
 * ST_INVALID naming the line. */
enum status qol_with_texts(const char *structure, const char *texts, char **out, struct err *e);

/* Parse "4,5,,7" (an empty or "-" entry: not answered) into answers[0..
 * nitems-1]: exactly nitems entries, each within the scale. ST_INVALID
 * names the item, the value and the scale. */
enum status qol_parse_answers(const struct qol_instrument *q, const char *csv, int *answers,
			      struct err *e);
/* The answers as "4,5,,7" into buf (room for 4 per item). */
void qol_format_answers(const struct qol_instrument *q, const int *answers, char *buf, size_t n);

struct qol_score {
	char id[QOL_ID_MAX + 1]; /* the domain's id, or "overall" */
	char label[QOL_LABEL_MAX + 1];
	int answered, items;
	double score; /* NAN when too few items were answered */
};

struct qol_scores {
	struct qol_score s[QOL_DOMAINS_MAX + 1];
	int n;
};

/* Score answers: reversed items counted as min + max - answer; each domain
 * the mean of its answered items (or, for sum scoring, that mean x its
 * items, so a missing item does not lower it), NAN below min_answered_pct;
 * then the overall score when the instrument has one. */
void qol_score(const struct qol_instrument *q, const int *answers, struct qol_scores *out);

#endif
