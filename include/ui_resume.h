/* ui_resume.h: resuming drafts. The kinds of draft, their stored names and
 * titles are the model's one table (draft.h); the app registers, for each
 * kind, the function that opens the screens it was typed in (the framework
 * knows no form). At start the acting user's drafts are offered in a menu
 * and the chosen one is handed to its kind's function. */
#ifndef HEPADESK_UI_RESUME_H
#define HEPADESK_UI_RESUME_H

#include <stddef.h>

#include "draft.h"
#include "ui_screen.h"

/* Open the screens draft d was typed in, filled from it (pushing them; a
 * failure goes to the message line). d is valid during the call only. */
typedef void (*ui_resume_fn)(struct ui *ui, const struct draft_info *d);

/* The function that resumes drafts of kind k. */
void ui_resume_register(struct ui *ui, enum draft_kind k, ui_resume_fn fn);

/* The menu line of draft d: its kind's title (the form name for a kind this
 * version does not know), whose patient, and when it was kept; into buf of
 * size n. Raw database text: the caller neutralises it when drawn. */
void ui_resume_describe(const struct draft_info *d, char *buf, size_t n);

/* Resume draft d through its kind's function; a kind nobody registered is
 * said on the message line. */
void ui_resume(struct ui *ui, const struct draft_info *d);

/* At start: offer the acting user's drafts in a menu (Enter resumes one,
 * Esc keeps them all for later). Nothing when there are none. */
void ui_resume_offer(struct ui *ui);

#endif
