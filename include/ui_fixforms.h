/* ui_fixforms.h: the correction forms of recorded results — a lab result,
 * an imaging note, an infusion, an adverse event — each a field table on
 * the form engine (ui_formdef) over the stored record, prefilled; saving
 * asks for the reason and stores a correction with the version read. Each
 * keeps a per-record draft ("lab-correct.17"). */
#ifndef HEPADESK_UI_FIXFORMS_H
#define HEPADESK_UI_FIXFORMS_H

#include <stdbool.h>
#include <stdint.h>

#include "draft.h"
#include "ui_screen.h"

/* The kinds of record corrected here, in the order the records screen
 * shows them. */
enum ui_fix_kind { UI_FIX_LAB, UI_FIX_IMAGING, UI_FIX_INFUSION, UI_FIX_AE, UI_FIX_COUNT };

/* The draft kind of a correction form (draft.h). */
enum draft_kind ui_fix_draft_kind(enum ui_fix_kind k);
/* The correction form kind of a draft kind; UI_FIX_COUNT when none. */
enum ui_fix_kind ui_fix_of_draft(enum draft_kind d);

/* The correction form of record_id of patient_id, prefilled with the stored
 * record; resume true loads the kept draft at once (the start-up list).
 * NULL (with the reason on the message line) when the record cannot be
 * read or is voided. */
struct ui_screen *ui_fix_form_new(struct ui *ui, enum ui_fix_kind k, int64_t patient_id,
				  int64_t record_id, bool resume);

#endif
