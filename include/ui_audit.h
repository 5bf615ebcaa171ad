/* ui_audit.h: the audit trail for administrators — newest rows first (when,
 * who, action, table, patient MRN), a filter by patient or user, and a check
 * of the hash chain. Others see the store's refusal. */
#ifndef HEPADESK_UI_AUDIT_H
#define HEPADESK_UI_AUDIT_H

#include "ui_screen.h"

/* The audit screen; never NULL (a refusal is shown on it). */
struct ui_screen *ui_audit_new(struct ui *ui);

#endif
