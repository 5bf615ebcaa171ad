/* ui_form.h: a form of labelled fields (text, choice, multi-line note), each
 * checked by its owner as the nurse leaves it: a refusal goes to the message
 * line, a warning asks y/n. The form only moves focus and keeps state; what a
 * value means is the owner's (and the model's) business. */
#ifndef HEPADESK_UI_FORM_H
#define HEPADESK_UI_FORM_H

#include <stdbool.h>

#include "status.h"
#include "ui_editor.h"
#include "ui_field.h"
#include "ui_screen.h"
#include "util.h"

enum ui_form_kind { UF_TEXT, UF_CHOICE, UF_MEMO };
enum ui_form_state { UFS_UNCHECKED, UFS_OK, UFS_BAD, UFS_ASK };

struct ui_form_field {
	const char *label;
	const char *hint; /* shown after the field ("YYYY-MM-DD"), or NULL */
	const char *unit; /* shown right after the entry ("kg"), or NULL */
	enum ui_form_kind kind;
	int width;			    /* columns of the entry area */
	struct ui_field edit;		    /* UF_TEXT */
	const char *const *choices;	    /* UF_CHOICE */
	const char *none;		    /* shown when nothing is chosen */
	int nchoices, choice, saved_choice; /* -1: nothing chosen */
	struct ui_editor memo;		    /* UF_MEMO */
	int memo_rows;
	enum ui_form_state state;
	bool confirmed;			       /* a warning was accepted ... */
	char confirmed_text[UI_FIELD_MAX + 1]; /* ... for this value */
};

/* Check field i of owner's form (read its value with ui_form_text/choice).
 * ST_OK, ST_CONFIRM (a warning; confirmed tells whether the nurse already
 * accepted this very value) or ST_INVALID, with the message in e. */
typedef enum status (*ui_form_check_fn)(void *owner, int i, bool confirmed, struct err *e);

struct ui_form {
	struct ui_form_field *f;
	int n, focus;
	int label_w;
	ui_form_check_fn check;
	void *owner;
	bool dirty;   /* changed since built or saved */
	bool settled; /* a field was left or a choice made: time to keep a draft */
	int asking;   /* field whose warning is being asked, -1 */
};

/* Set up a form over fields f[0..n-1] (caller-owned, zeroed, with label, kind,
 * width and choices filled). Memo fields get an editor of memo_max bytes. */
void ui_form_init(struct ui_form *fm, struct ui_form_field *f, int n, ui_form_check_fn check,
		  void *owner, size_t memo_max);
void ui_form_done(struct ui_form *fm);

/* Describe field f (zeroed): its label, hint, kind and entry width; a text
 * field gets an editor of at most max bytes; nothing is chosen yet. */
void ui_form_field_set(struct ui_form_field *f, const char *label, const char *hint,
		       enum ui_form_kind kind, int width, size_t max);
/* The n items a choice field offers, and what it shows when none is chosen. */
void ui_form_field_choices(struct ui_form_field *f, const char *const *items, int n,
			   const char *none);

/* The text of a field (the choice's text for UF_CHOICE, "" when none). */
const char *ui_form_text(const struct ui_form *fm, int i);

/* Draw the fields from body row y; places the cursor on the focused field. */
void ui_form_draw(struct ui_form *fm, struct ui *ui, int y);

/* Handle a key: typing, field moves (Tab, Shift-Tab, Up, Down, Enter) that
 * check the field being left, choice keys. UI_PASS for keys it does not use
 * (save, back, help...). */
int ui_form_key(struct ui_form *fm, struct ui *ui, int key);

/* Every field's value as draft lines ("label=text"; a choice as its index),
 * and back (fields missing from content stay as they are). */
void ui_form_encode(const struct ui_form *fm, struct strbuf *sb);
void ui_form_decode(struct ui_form *fm, const char *content);

/* Check every field; true when all are OK. Otherwise focuses the first
 * field that is not, shows its message or asks its question. */
bool ui_form_valid(struct ui_form *fm, struct ui *ui);

#endif
