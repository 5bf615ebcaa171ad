/* product.h: the cell product and its traceability — a lot of UC-MSC cells,
 * or of a cell-free product (exosomes, secretome) with its own dose unit:
 * lot and donor code, passage, amount per vial, viability, the release tests
 * with their results, expiry, and when it was received, thawed and
 * administered. Limits in one table (PRODUCT_LIMIT_INFO); whether a lot may
 * be given on a day is product_usable, used by the pre-infusion check. */
#ifndef HEPADESK_PRODUCT_H
#define HEPADESK_PRODUCT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "status.h"
#include "user.h"

#define PRODUCT_LOT_MAX 40
#define PRODUCT_DONOR_MAX 40
#define PRODUCT_NOTE_MAX 1000
#define PRODUCT_REASON_MAX 200

/* The product types: id, key (--type, JSON, the database), label, the
 * unit of its amount per vial and the limit (PRODUCT_LIMIT_INFO) that
 * checks that amount. */
#define PRODUCT_TYPE_INFO(_)                                                        \
	_(UCMSC, "uc-msc", "UC-MSC cells", "cells", PRLIM_CELLS)                    \
	_(EXOSOME, "exosome", "exosomes (cell-free)", "particles", PRLIM_PARTICLES) \
	_(SECRETOME, "secretome", "secretome (cell-free)", "µg protein", PRLIM_PROTEIN)

/* The limits table: id, key (command-line option), field (named in
 * messages), unit, hard limits (refused outside), warning limits (asked to
 * confirm outside; equal to the hard limit: no warning on that side), why.
 * Viability: ISCT release of MSC products asks >= 70 % viable cells
 * (Dominici 2006 minimal criteria; the clinic's release threshold, [U]).
 * Passage: clinical UC-MSC lots are usually passage 2-5; later passages ask. */
#define PRODUCT_LIMIT_INFO(_)                                                                      \
	_(PASSAGE, "passage", "passage", "", 0.0, 10.0, 0.0, 5.0, "a late passage")                \
	_(CELLS, "per-vial", "cells per vial", "cells", 1e6, 1e10, 1e7, 5e9, "")                   \
	_(PARTICLES, "per-vial", "particles per vial", "particles", 1e8, 1e15, 1e9, 1e14, "")      \
	_(PROTEIN, "per-vial", "protein per vial", "µg protein", 1.0, 100000.0, 10.0, 20000.0, "") \
	_(VIABILITY, "viability", "viability", "%", 0.0, 100.0, 70.0, 100.0,                       \
	  "below the 70 % release threshold")

enum product_limit_id {
#define PRLIM_ENUM_(id, ...) PRLIM_##id,
	PRODUCT_LIMIT_INFO(PRLIM_ENUM_)
#undef PRLIM_ENUM_
	    PRLIM_COUNT
};

struct product_limit {
	const char *key, *field, *unit;
	double lo, hi, warn_lo, warn_hi;
	const char *why;
};
/* The row of a limit (NULL for a bad id). */
const struct product_limit *product_limit(enum product_limit_id id);
/* v against a limit: ST_INVALID outside the hard limits ("viability: 120 %
 * is outside 0-100 %"), ST_CONFIRM outside the warning limits unless
 * confirmed, else ST_OK. */
enum status product_check_limit(enum product_limit_id id, double v, bool confirmed, struct err *e);

enum product_type {
#define PTYPE_ENUM_(id, ...) PTYPE_##id,
	PRODUCT_TYPE_INFO(PTYPE_ENUM_)
#undef PTYPE_ENUM_
	    PTYPE_COUNT
};

/* The release tests: id, key (option and JSON), label, the word of a
 * passing result and of a failing one (either, "pass"/"fail" or "pending"
 * is accepted as input). */
#define PRODUCT_TEST_INFO(_)                                                                      \
	_(STERILITY, "sterility", "Sterility (culture)", "negative", "positive")                  \
	_(ENDOTOXIN, "endotoxin", "Endotoxin (within the release limit)", "pass", "fail")         \
	_(MYCOPLASMA, "mycoplasma", "Mycoplasma", "negative", "positive")                         \
	_(IDENTITY, "identity", "Identity markers (CD73/CD90/CD105+, CD34/CD45/HLA-DR-)", "pass", \
	  "fail")

enum product_test {
#define PTEST_ENUM_(id, ...) PTEST_##id,
	PRODUCT_TEST_INFO(PTEST_ENUM_)
#undef PTEST_ENUM_
	    PTEST_COUNT
};

enum product_result { PRES_PENDING, PRES_PASS, PRES_FAIL };

struct product {
	int64_t id;
	enum product_type type;
	char lot[PRODUCT_LOT_MAX + 1];
	char donor[PRODUCT_DONOR_MAX + 1];
	int passage;	  /* -1 when not given */
	double per_vial;  /* in the type's unit */
	double viability; /* %, NAN when not given */
	enum product_result tests[PTEST_COUNT];
	day_t expiry;
	int64_t received_at;	 /* seconds (UTC) */
	int64_t thawed_at;	 /* 0 when not thawed */
	int64_t administered_at; /* 0 when not given */
	char note[PRODUCT_NOTE_MAX + 1];
	char created_by[USER_LOGIN_MAX + 1];
	char reason[PRODUCT_REASON_MAX + 1]; /* the latest correction's or the void's */
	bool voided;
	int64_t version;
};

/* One infusion of a patient with the lot it names, for the dashboard: the
 * lot's record when it is on file (infusions before product lots were
 * recorded name lots that are not). */
struct product_use {
	int64_t infusion_id;
	int64_t given_at; /* seconds (UTC) */
	day_t date;	  /* the clinic's day of the infusion */
	double cells;
	char lot[PRODUCT_LOT_MAX + 1];
	bool on_file;
	struct product p; /* when on_file */
};

/* Nothing given: UC-MSC, passage -1, viability NAN, every test pending. */
void product_init(struct product *p);

const char *product_type_str(enum product_type t);   /* "uc-msc" */
const char *product_type_label(enum product_type t); /* "UC-MSC cells" */
const char *product_type_unit(enum product_type t);  /* "cells" */
bool product_type_parse(const char *s, enum product_type *out);
/* "uc-msc|exosome|secretome" into out. */
char *product_type_choices(char *out, size_t n);

const char *product_test_str(enum product_test t);   /* "sterility" */
const char *product_test_label(enum product_test t); /* "Sterility (culture)" */
/* The result as the test words it: "negative", "positive", "pass", "fail",
 * "pending". */
const char *product_result_word(enum product_test t, enum product_result r);
/* The stored form: "pending", "pass", "fail". */
const char *product_result_str(enum product_result r);
bool product_result_from_str(const char *s, enum product_result *out);
/* Parse a test's result from input: its own words, pass, fail or pending;
 * ST_INVALID naming the test and the accepted words. */
enum status product_result_parse(enum product_test t, const char *text, enum product_result *out,
				 struct err *e);

/* The amount per vial with its unit ("2.0 x 10^8 cells") into out. */
char *product_format_amount(const struct product *p, char *out, size_t n);

/* Lot and donor code: 1-40 characters of one-line text. */
enum status product_check_lot(const char *text, struct err *e);
enum status product_check_donor(const char *text, struct err *e);

/* The whole record: lot, donor, passage, the amount per vial within its
 * type's limits, viability, expiry given, received time given and not after
 * now, thawed not before received, administered not before thawed (or
 * received), note. ST_CONFIRM for a warning limit unless confirmed. */
enum status product_validate(const struct product *p, int64_t now, bool confirmed, struct err *e);

/* Released: every release test passed. */
bool product_released(const struct product *p);

/* May the lot be given on day? ST_OK when released, not voided and not
 * expired on that day (the expiry day itself is usable); else ST_INVALID
 * saying why: voided, the tests pending or failed by name, expired on. */
enum status product_usable(const struct product *p, day_t day, struct err *e);

#endif
