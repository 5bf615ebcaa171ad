/* ui_draft.h: a form's input kept as a draft in the database while it is
 * typed (store_draft_*), so a dropped session loses nothing; the content is
 * "key=value" lines (draft_put/draft_get in draft.h). */
#ifndef HEPADESK_UI_DRAFT_H
#define HEPADESK_UI_DRAFT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "draft.h"
#include "ui_screen.h"
#include "util.h"

/* The draft of one form: its name, patient, and what was kept last (so an
 * unchanged form is not written again). */
struct ui_draft {
	char form[DRAFT_FORM_MAX + 1];
	int64_t patient_id;
	char *last; /* heap, NULL when nothing is kept */
};

void ui_draft_init(struct ui_draft *d, const char *form, int64_t patient_id);
void ui_draft_done(struct ui_draft *d);

/* Keep content as the draft unless it is what was kept last. A failure is
 * shown on the message line (the form itself is untouched). */
void ui_draft_keep(struct ui_draft *d, struct ui *ui, const char *content);

/* The kept draft (heap, caller frees) or NULL when there is none; says on
 * the message line that input was restored. */
char *ui_draft_load(struct ui_draft *d, struct ui *ui);

/* Forget the draft (the form was saved, or the nurse discarded it). */
void ui_draft_drop(struct ui_draft *d, struct ui *ui);

#endif
