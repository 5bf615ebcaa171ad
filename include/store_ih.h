/* store_ih.h: what the intrahepatic route's gates look at (ihgate.h),
 * loaded for a patient as of a day: the newest labs, the ascites grade and
 * the newest Doppler that assessed thrombosis. Reads only; runs inside the
 * caller's transaction when there is one. */
#ifndef HEPADESK_STORE_IH_H
#define HEPADESK_STORE_IH_H

#include <stdint.h>

#include "ihgate.h"
#include "status.h"
#include "store.h"

enum status store_ih_input(struct store *st, int64_t patient_id, day_t day, struct ih_input *out,
			   struct err *e);

#endif
