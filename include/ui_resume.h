/* ui_resume.h: the kinds of draft a session can resume, registered by the
 * app (the framework knows no form): at start the acting user's drafts are
 * offered in a menu titled by their kind, and the chosen one is handed to
 * its kind's resume function. */
#ifndef HEPADESK_UI_RESUME_H
#define HEPADESK_UI_RESUME_H

#include <stdbool.h>

#include "draft.h"
#include "ui_screen.h"

/* One kind of draft. form_prefix is the draft's form name ("eval.labs"), or
 * its beginning when it ends in '.' ("visit-correct." matches
 * "visit-correct.17"). title names it in the resume menu ("Adverse event"
 * shows as "Adverse event of NAME MRN X (when)"); title_new, when not NULL,
 * names a draft that has no patient yet ("New patient form"). resume opens
 * the screens the draft was typed in (pushing them; a failure goes to the
 * message line); d is valid during the call only. The struct must outlive
 * the ui (static). */
struct ui_draft_kind {
	const char *form_prefix;
	const char *title;
	void (*resume)(struct ui *ui, const struct draft_info *d);
	const char *title_new;
};

/* Register kind k (not copied). False when the table is full
 * (UI_DRAFT_KINDS_MAX) or a kind of the same form_prefix is registered. */
bool ui_resume_register(struct ui *ui, const struct ui_draft_kind *k);

/* The registered kind of draft form `form`, or NULL. */
const struct ui_draft_kind *ui_resume_kind(const struct ui *ui, const char *form);

/* The menu line of draft d: its kind's title (the form name for an unknown
 * kind), whose patient, and when it was kept; into buf of size n. */
void ui_resume_describe(const struct ui *ui, const struct draft_info *d, char *buf, size_t n);

/* At start: offer the acting user's drafts in a menu (Enter resumes one
 * through its kind, Esc keeps them all for later). Nothing when there are
 * none. */
void ui_resume_offer(struct ui *ui);

#endif
