/* ui_banner.c: the patient banner of the header line. */
#include "ui_banner.h"

#include <math.h>
#include <stdio.h>

void ui_banner_patient(const struct patient *p, day_t today, char *buf, size_t n)
{
	const struct etiology *et = etiology_find(p->etiology);
	char weight[24] = "";
	if (!isnan(p->weight_kg))
		snprintf(weight, sizeof weight, "  %.1f kg", p->weight_kg);
	snprintf(buf, n, "%s  MRN %s  %dy %c%s%s%s", p->name, p->mrn, patient_age(p, today), p->sex,
		 et ? "  " : "", et ? et->code : "", weight);
}
