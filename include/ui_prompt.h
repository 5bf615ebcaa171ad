/* ui_prompt.h: a small form screen that asks for a few values (text, a
 * choice, a note) and hands them to the caller's save function; it closes
 * when the save succeeds and stays open with the model's message when not. */
#ifndef HEPADESK_UI_PROMPT_H
#define HEPADESK_UI_PROMPT_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"
#include "ui_form.h"
#include "ui_screen.h"

#define UI_PROMPT_MAX 6

struct ui_prompt_field {
	const char *label;
	const char *hint; /* shown after the field, or NULL */
	enum ui_form_kind kind;
	int width;
	size_t max;		    /* byte limit of text and notes (0: the field's) */
	const char *value;	    /* initial text, or NULL */
	const char *const *choices; /* UF_CHOICE */
	int nchoices;
	bool required; /* empty is refused ("label: required") */
};

/* Called with the fields' texts (a choice gives its text, "" when none); the
 * values live until it returns. ST_OK closes the prompt; otherwise e's
 * message goes to the message line and the prompt stays. */
typedef enum status (*ui_prompt_fn)(struct ui *ui, void *arg, const char *const *values,
				    struct err *e);

/* Push a prompt titled title with an intro paragraph (may be NULL) over
 * fields f[0..n-1] (n <= UI_PROMPT_MAX; copied). arg is the caller's and
 * must outlive the prompt (the screen below it). */
void ui_prompt(struct ui *ui, const char *title, const char *intro, const struct ui_prompt_field *f,
	       int n, ui_prompt_fn fn, void *arg);

#endif
