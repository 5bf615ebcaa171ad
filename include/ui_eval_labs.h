/* ui_eval_labs.h: the labs step — one row per analyte (value, unit, flag,
 * reference range, last result), units switchable per row, limits and unit
 * mix-ups from the model (lab_entry), one collection date, one store call. */
#ifndef HEPADESK_UI_EVAL_LABS_H
#define HEPADESK_UI_EVAL_LABS_H

#include <stdbool.h>

#include "lab.h"
#include "ui_field.h"
#include "ui_screen.h"
#include "util.h"

enum ui_lab_state { LAB_EMPTY, LAB_OK, LAB_BAD, LAB_ASK };

struct ui_lab_row {
	struct ui_field value;
	enum unit_system unit;
	enum ui_lab_state state;
	bool confirmed;			 /* a warning was accepted ... */
	char confirmed_text[32];	 /* ... for this text ... */
	enum unit_system confirmed_unit; /* ... in this unit */
	struct lab_result r;		 /* filled when LAB_OK */
};

struct ui_eval_labs {
	int64_t patient_id;
	int64_t visit_id; /* the follow-up visit the results belong to, 0 at intake */
	day_t today;
	struct ui_field date;
	struct ui_lab_row rows[ANALYTE_COUNT];
	int focus;  /* 0: the date, 1 + analyte: a row */
	int asking; /* row whose warning is being asked, -1 */
	struct lab_latest latest;
	bool dirty;
	bool settled; /* a row was left or its unit switched: keep a draft */
	int saved;    /* results stored by the last save, 0 before */
};

/* Start empty for a patient, with the date set to today; loads the latest
 * results for the "last" column (a failure only leaves it blank). */
void ui_eval_labs_init(struct ui_eval_labs *l, struct ui *ui, int64_t patient_id);

/* Draw from body row y. */
void ui_eval_labs_draw(struct ui_eval_labs *l, struct ui *ui, int y);

/* Handle a key (typing, row moves, u for units, F2 saves). Returns reaction
 * flags, UI_PASS for keys it does not use. */
int ui_eval_labs_key(struct ui_eval_labs *l, struct ui *ui, int key);

/* The typed values, units and date as draft lines, and back. */
void ui_eval_labs_encode(const struct ui_eval_labs *l, struct strbuf *sb);
void ui_eval_labs_decode(struct ui_eval_labs *l, const char *content);

#endif
