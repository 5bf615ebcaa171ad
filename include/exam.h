/* exam.h: clinical examination findings with their date — ascites (ICA
 * grade), hepatic encephalopathy (West Haven grade), dialysis in the 7 days
 * before, weight and dry weight — recorded at intake or any time after, and
 * the newest finding of each kind that Child-Pugh and MELD take, whatever
 * record it came from (an examination, a visit, an imaging note, a checklist
 * answer). Limits come from the vitals table (vital.h). */
#ifndef HEPADESK_EXAM_H
#define HEPADESK_EXAM_H

#include <stdbool.h>
#include <stdint.h>

#include "date.h"
#include "status.h"

#define EXAM_UNGRADED (-1) /* a grade or the dialysis question not assessed */

struct exam {
	int64_t id;
	int64_t patient_id;
	day_t date;
	int ascites;	      /* ICA 0-3 or EXAM_UNGRADED */
	int he;		      /* West Haven 0-4 or EXAM_UNGRADED */
	int dialysis;	      /* 1: >= 2 sessions or 24 h CVVHD in the 7 days before; 0; or
				 EXAM_UNGRADED */
	double weight_kg;     /* NAN when not measured */
	double dry_weight_kg; /* NAN; only with tense ascites (grade 3) */
	int64_t created;
	int64_t version;
};

/* Every finding not assessed, no id, no date. */
void exam_init(struct exam *x);

/* Check a whole examination before it is stored: a date on or before today;
 * at least one finding; grades and weights within the vitals table's hard
 * limits (weights beyond the warning limits need confirmed); dry weight only
 * with ascites grade 3 and not above the weight. ST_INVALID or ST_CONFIRM
 * with e->msg naming the field, the value, the accepted range and the unit. */
enum status exam_validate(const struct exam *x, day_t today, bool confirmed, struct err *e);

/* "yes"/"no" into 1/0; ST_INVALID naming the accepted words otherwise. */
enum status exam_parse_dialysis(const char *text, int *out, struct err *e);

/* The dialysis answer as a choice, index = the stored value: 0 "no", 1
 * "yes (>= 2 sessions or 24 h CVVHD in 7 days)"; NULL beyond. Static. */
const char *exam_dialysis_text(int i);

/* Where a finding came from. */
enum finding_source { FSRC_NONE, FSRC_EXAM, FSRC_VISIT, FSRC_IMAGING, FSRC_ANSWER };
/* "examination", "visit", "imaging", "checklist answer"; "" for none. */
const char *finding_source_str(enum finding_source s);

/* One finding as of a day: its value (a grade, or 0/1 for dialysis), day and
 * source; have is false when no record on or before the day assessed it.
 * ungraded: the newest record saw the finding but gave no grade (imaging
 * that found ascites); have is then false (no grade may be taken from an
 * older record) and date and source name that record. */
struct finding_pick {
	bool have;
	int value;
	day_t date;
	enum finding_source source;
	bool ungraded;
};

/* The newest finding of each kind on or before a day. */
struct exam_findings {
	struct finding_pick ascites, he, dialysis;
};

/* Keep the newer of *best and cand (a later day wins; on the same day the
 * source listed first in enum finding_source wins). */
void finding_pick_newer(struct finding_pick *best, const struct finding_pick *cand);

#endif
