/* ihgate.h: the gates of the ultrasound-guided intrahepatic route
 * (REFERENCE 14.8): INR, platelets and ascites within the protocol's
 * [intrahepatic] limits, measured within the labs window, and a Doppler
 * showing a patent portal vein within doppler_days. Pure: the caller loads
 * the data; checked when such a plan is made and before each infusion. */
#ifndef HEPADESK_IHGATE_H
#define HEPADESK_IHGATE_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "exam.h"
#include "imaging.h"
#include "lab.h"
#include "protocol.h"
#include "status.h"

struct ih_input {
	day_t day;		     /* the day of the plan's first infusion or the infusion */
	struct lab_latest labs;	     /* newest on or before day */
	struct finding_pick ascites; /* newest ICA grade on or before day */
	bool have_doppler;	     /* a Doppler that assessed thrombosis, on or before day */
	day_t doppler_date;
	enum finding thrombosis;
};

/* Check every gate under p. ST_OK when all pass; otherwise ST_INVALID with
 * e naming the first gate that fails, its value, the limit and the unit (or
 * the missing or stale data). data (n bytes) receives what was used, for
 * display: "INR 1.3 (2026-03-01), platelets 80 10^9/L (...), ...". */
enum status ih_check(const struct protocol *p, const struct ih_input *in, char *data, size_t n,
		     struct err *e);

#endif
