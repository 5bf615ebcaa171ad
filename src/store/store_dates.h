/* store_dates.h (internal to the store): a date recorded for a patient must
 * be plausible for its field — not before the patient's birth, not after
 * today unless the field is a future appointment, and for treatment events
 * not before the patient's plan was made. The range check itself is the
 * model's (date_check_range); this loads the patient's birth and plan. */
#ifndef HEPADESK_STORE_DATES_H
#define HEPADESK_STORE_DATES_H

#include <stdbool.h>
#include <stdint.h>

#include "date.h"
#include "status.h"

struct store;

enum date_kind {
	DATE_RECORD,	/* a result or event: birth .. today */
	DATE_TREATMENT, /* an infusion or treatment visit: the plan's day .. today */
	DATE_SCHEDULE,	/* a scheduled visit: the plan's day onwards */
};

enum status store_date_plausible(struct store *st, int64_t patient_id, const char *field, day_t d,
				 enum date_kind kind, struct err *e);

#endif
