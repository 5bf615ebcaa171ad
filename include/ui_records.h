/* ui_records.h: a patient's survival contacts and questionnaires as
 * recorded; Enter corrects the selected one (ui_contact_correct_new,
 * ui_qol_correct_new), the void key voids it with a reason. */
#ifndef HEPADESK_UI_RECORDS_H
#define HEPADESK_UI_RECORDS_H

#include <stdint.h>

#include "ui_screen.h"

/* NULL, with the reason on the message line, when they cannot be read. */
struct ui_screen *ui_records_new(struct ui *ui, int64_t patient_id);

#endif
