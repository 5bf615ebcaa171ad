/* ui_product.h: the product lot form — type, lot and donor code, passage,
 * amount per vial, viability, the release tests with their results,
 * expiry, received and thawed times — a field table on the form engine
 * (ui_formdef.h). A lot belongs to no patient. */
#ifndef HEPADESK_UI_PRODUCT_H
#define HEPADESK_UI_PRODUCT_H

#include <stdint.h>

#include "ui_screen.h"

/* The form (patient_id: the patient screen it is opened from, shown in its
 * banner only; the lot is the clinic's). Heap screen for ui_push. */
struct ui_screen *ui_product_new(struct ui *ui, int64_t patient_id);
/* The same with the kept draft loaded. */
struct ui_screen *ui_product_resume(struct ui *ui, int64_t patient_id);

#endif
