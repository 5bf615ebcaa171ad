/* ui_fdraft.h: the draft of a whole ui_form (ui_draft.h keeps the text):
 * saved at each change, offered back when the form opens again, and dropped
 * once the form is saved or discarded. */
#ifndef HEPADESK_UI_FDRAFT_H
#define HEPADESK_UI_FDRAFT_H

#include <stdbool.h>
#include <stdint.h>

#include "ui_draft.h"
#include "ui_form.h"
#include "ui_screen.h"

struct ui_fdraft {
	struct ui_draft draft; /* the kept text (ui_draft.h) */
	struct ui_form *fm;    /* the form it keeps */
	bool offered;	       /* the resume question was asked (or nothing to ask) */
	void (*applied)(void *owner, struct ui *ui); /* after a resume, or NULL */
	void *owner;
};

/* Keep form fm of patient_id as draft `form`. */
void ui_fdraft_init(struct ui_fdraft *d, const char *form, int64_t patient_id, struct ui_form *fm);
void ui_fdraft_done(struct ui_fdraft *d);
/* Once, when the form is first drawn: when a draft is kept, ask whether to
 * resume it (yes fills the fields and calls d->applied; no drops it). */
void ui_fdraft_offer(struct ui_fdraft *d, struct ui *ui);
/* After a key: save the fields when they changed since the last save. A
 * failure goes to the message line (the typed text stays in the form). */
void ui_fdraft_changed(struct ui_fdraft *d, struct ui *ui);
/* The form was saved or discarded: forget the draft. */
void ui_fdraft_drop(struct ui_fdraft *d, struct ui *ui);

#endif
