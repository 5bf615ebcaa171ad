/* ui_formdef.h: the one form engine. A form is a const table of fields —
 * label, kind, the model's validator, the unit shown beside it, choices from
 * the model's own label tables — plus a small save function that calls the
 * model and storage. The engine draws it, checks each field as it is left,
 * keeps the draft at each change, offers it back or resumes it, asks before
 * leaving unsaved input, asks when the model warns about the whole record,
 * and on a version conflict shows both versions and lets the nurse choose. */
#ifndef HEPADESK_UI_FORMDEF_H
#define HEPADESK_UI_FORMDEF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "draft.h"
#include "status.h"
#include "ui_draft.h"
#include "ui_form.h"
#include "ui_screen.h"
#include "vital.h"

/* What a field holds, and so which validator it calls and where the checked
 * value lands in the record (at off):
 * FK_TEXT, FK_MEMO  text(t, e); the text is copied into size bytes at off
 * FK_NUMBER         number(t, &double, e); NAN when optional and empty
 * FK_DATE           date_parse_field(label, t, today, ...); DAY_NONE if empty
 * FK_TIME           visit_parse_time(label, t, ...): int64_t at off, the
 *                   clinic's day_t at off_day
 * FK_CHOICE         the chosen index as an int at off (-1: none chosen)
 * A field with check set calls it instead, for anything else. */
enum ui_fkind { FK_TEXT, FK_NUMBER, FK_DATE, FK_TIME, FK_CHOICE, FK_MEMO };

struct ui_fform;

#define UI_VITAL(id) (1 + (int)(id))
#define UI_FORM_HINT_MAX 64
#define UI_FORM_REASON_MAX 200

struct ui_fielddef {
	const char *label;
	const char *name; /* in messages and dates ("visit date"); NULL: label */
	/* UI_VITAL(id): a measure of the vitals table (vital.h), whose unit and
	 * accepted range are shown and whose validator checks FK_NUMBER; 0: none. */
	int vital;
	enum ui_fkind kind;
	const char *unit;	   /* shown beside the entry ("°C"), or NULL */
	const char *hint;	   /* format or range ("YYYY-MM-DD", "30-45"); keys as {=ACTION} */
	int width;		   /* entry columns */
	size_t max;		   /* text bytes (FK_TEXT, FK_NUMBER, FK_DATE, FK_TIME) */
	int rows;		   /* FK_MEMO */
	bool optional;		   /* empty means not given / not measured */
	size_t off, size, off_day; /* where the value lands (see enum ui_fkind) */
	enum status (*text)(const char *t, struct err *e);
	enum status (*number)(const char *t, double *out, struct err *e);
	/* FK_CHOICE: choice i is named by choice_label(i), i < nchoices; none
	 * is shown while nothing is chosen; first is chosen at start (-1: none). */
	const char *(*choice_label)(int i);
	int nchoices;
	const char *none;
	int first;
	/* Instead of the kind's validator: t is the field's text. */
	enum status (*check)(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			     struct err *e);
};

struct ui_formdef {
	enum draft_kind kind; /* the draft it keeps (draft.h) */
	const char *title;    /* the screen's name (header, help) */
	const char *noun;     /* the record, in a conflict ("patient") */
	const char *heading;  /* the body's first line */
	const char *help;     /* the help paragraph */
	const enum ui_action *hints;
	const struct ui_fielddef *fields;
	int n;
	size_t rec_size;    /* bytes of the record the fields fill */
	size_t version_off; /* its int64_t version, for conflicts */
	size_t note_max;    /* bytes of a memo field */
	/* Store the record: ST_OK; ST_CONFIRM (a warning about the whole record,
	 * asked y/n, then called again with confirmed); ST_CONFLICT (stored
	 * since it was read: fill ff->theirs with the stored version); else the
	 * refusal, shown. On ST_OK, set the message saying what was stored. */
	enum status (*save)(struct ui_fform *ff, struct ui *ui, bool confirmed, struct err *e);
	/* ST_CONFIRM from save asks for a reason (ff->reason, audited by save)
	 * instead of y/n: a soft limit that needs one. */
	bool confirm_reason;
	/* One line describing a record, for a conflict's two versions (or NULL:
	 * a conflict is refused with its message). */
	void (*describe)(const struct ui_fform *ff, const void *rec, char *buf, size_t n);
	/* After a save, the form closed: open what follows (or NULL). */
	void (*after)(struct ui_fform *ff, struct ui *ui);
	/* Each draw, after the fields (or NULL): hints that depend on values. */
	void (*draw_more)(struct ui_fform *ff, struct ui *ui);
	/* A key the engine does not use (or NULL): enum ui_reaction, UI_PASS
	 * when not used either. */
	int (*key)(struct ui_fform *ff, struct ui *ui, int key);
};

/* An open form. Definitions read and write rec, and keep their own state
 * in ctx (ctx_size bytes given to ui_fform_new, zeroed). */
struct ui_fform {
	struct ui_screen base;
	const struct ui_formdef *def;
	struct ui_form form;
	struct ui_form_field *f;	 /* def->n */
	const char **items;		 /* the choice texts of every FK_CHOICE field */
	char (*hints)[UI_FORM_HINT_MAX]; /* each field's hint, key names filled in */
	struct ui_draft draft;
	bool offered;	/* a kept draft was offered (or there was none) */
	bool confirmed; /* the whole-record warning was accepted */
	/* Set by save returning ST_OK when it pushed a dialog (a signature's
	 * password) that stores the record and calls ui_fform_finish. */
	bool pending;
	char reason[UI_FORM_REASON_MAX + 1]; /* why, when def->confirm_reason */
	void *rec, *theirs, *ctx;
	char heading[160]; /* def->heading, or one the definition sets */
	day_t today;
	int tz; /* the clinic's offset, seconds east of UTC */
	int64_t (*clock)(void);
	int64_t patient_id, record_id;
	int64_t started_version; /* the record's version the form (or its draft) began from */
};

/* A form of def for patient_id (0: none) over record_id (the record a
 * per-record draft kind names; 0 otherwise), with ctx_size bytes of the
 * definition's own state. rec is zeroed: the caller fills it (record
 * defaults, the stored record) and then calls ui_fform_fill and
 * ui_fform_ready. Never NULL. */
struct ui_fform *ui_fform_new(const struct ui_formdef *def, struct ui *ui, int64_t patient_id,
			      int64_t record_id, size_t ctx_size);

/* Field i offers the n choices items (caller-owned, outliving the form),
 * replacing its model labels. */
void ui_fform_choices(struct ui_fform *ff, int i, const char *const *items, int n);

/* Set field i's text (a text kind) or choice (FK_CHOICE, from text as a
 * number); the value the form starts with, not a change. */
void ui_fform_set(struct ui_fform *ff, int i, const char *text);
void ui_fform_choose(struct ui_fform *ff, int i, int choice);

/* Show rec's values in every field that lands in it (numbers with %g, NAN
 * and DAY_NONE as empty). */
void ui_fform_fill(struct ui_fform *ff);

/* Finish opening. resume true: the kept draft is loaded into the fields now
 * (the nurse chose it from the list of drafts); false: a kept draft is
 * offered y/n when the form is first drawn. Returns the screen for ui_push. */
struct ui_screen *ui_fform_ready(struct ui_fform *ff, struct ui *ui, bool resume);

/* Free a form that was never pushed. */
void ui_fform_free(struct ui_fform *ff);

/* The text of field i ("" for no choice) and its choice (-1: none). */
const char *ui_fform_text(const struct ui_fform *ff, int i);
int ui_fform_choice(const struct ui_fform *ff, int i);

/* Re-check field i after the definition changed its value (a term picked
 * from a list): marks it changed and keeps the draft. */
void ui_fform_changed(struct ui_fform *ff, struct ui *ui, int i);

/* The record is stored: drop the draft, close the form (wherever it is on
 * the stack) and open what follows it (def->after). */
void ui_fform_finish(struct ui_fform *ff, struct ui *ui);

#endif
