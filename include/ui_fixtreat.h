/* ui_fixtreat.h: the correction forms of an infusion and an adverse event,
 * for the table of correction forms (ui_fixforms.h), and what every
 * correction form shares. */
#ifndef HEPADESK_UI_FIXTREAT_H
#define HEPADESK_UI_FIXTREAT_H

#include <stdbool.h>

#include "status.h"
#include "ui_formdef.h"

/* The hint lines of a correction form: without and with choice fields. */
extern const enum ui_action ui_fix_hints[];
extern const enum ui_action ui_fix_choice_hints[];

/* A save's first step (s: the stored record read into ff->theirs): when its
 * version moved on since the form or its draft began, ST_CONFLICT (the
 * engine shows both versions); else ST_CONFIRM asking why the `what` is
 * corrected (the engine's reason prompt, then the save again, confirmed,
 * with ff->reason). */
enum status ui_fix_need_reason(struct ui_fform *ff, enum status s, const char *what, struct err *e);

/* The forms, over struct infusion and struct ae. */
extern const struct ui_formdef ui_fix_infusion_def;
extern const struct ui_formdef ui_fix_ae_def;

/* Fill ff (ff->patient_id, ff->record_id) with the stored record, its
 * heading and the fields the engine does not fill; false (e says why) when
 * it cannot be read or is voided. */
bool ui_fix_open_infusion(struct ui_fform *ff, struct ui *ui, struct err *e);
bool ui_fix_open_ae(struct ui_fform *ff, struct ui *ui, struct err *e);

#endif
