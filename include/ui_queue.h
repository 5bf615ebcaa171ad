/* ui_queue.h: the lab results queue — results from the laboratory's HL7
 * feed that wait for a nurse (unknown MRN or code, a name or birth date
 * that disagrees, a value to confirm, refused by the limits), oldest first,
 * with why each waits; the nurse matches one to a patient, confirms its
 * value, or rejects it, each with a reason, through the same use case as
 * `hepadesk import resolve`. */
#ifndef HEPADESK_UI_QUEUE_H
#define HEPADESK_UI_QUEUE_H

#include "ui_screen.h"

/* The queue screen; never NULL (a refusal or failure is shown on it). It
 * reads the queue again whenever it comes back on top. */
struct ui_screen *ui_queue_new(struct ui *ui);

#endif
