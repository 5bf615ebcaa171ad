/* ui_banner.h: the patient banner the header shows on every screen of a
 * patient (name, MRN, age, sex, etiology, weight). */
#ifndef HEPADESK_UI_BANNER_H
#define HEPADESK_UI_BANNER_H

#include <stddef.h>

#include "date.h"
#include "patient.h"

/* Write the banner of p as of today into buf (size n, always ended). */
void ui_banner_patient(const struct patient *p, day_t today, char *buf, size_t n);

#endif
