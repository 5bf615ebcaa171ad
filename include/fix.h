/* fix.h: corrections and voids of recorded results (labs, imaging notes):
 * the reason each needs. Pure. */
#ifndef HEPADESK_FIX_H
#define HEPADESK_FIX_H

#include "status.h"

#define FIX_REASON_MAX 200

enum fix_kind { FIX_CORRECT, FIX_VOID };

/* A reason: 1-FIX_REASON_MAX bytes of one line of text. ST_INVALID names
 * what (e.g. "lab result") and whether it was to be corrected or voided. */
enum status fix_check_reason(enum fix_kind k, const char *what, const char *text, struct err *e);

#endif
