/* ui_eval_imaging.h: the imaging step — date, modality, stiffness with IQR,
 * fibrosis stage, findings (not assessed / no / yes) and a free-text note,
 * checked by the model's imaging_* functions, stored with store_imaging_add. */
#ifndef HEPADESK_UI_EVAL_IMAGING_H
#define HEPADESK_UI_EVAL_IMAGING_H

#include "imaging.h"
#include "ui_form.h"

enum {
	IMG_DATE,
	IMG_MODALITY,
	IMG_STIFFNESS,
	IMG_IQR,
	IMG_FIBROSIS,
	IMG_HCC,
	IMG_THROMBOSIS,
	IMG_ASCITES,
	IMG_NOTE,
	IMG_N
};

struct ui_eval_imaging {
	int64_t patient_id;
	day_t today;
	struct ui_form form;
	struct ui_form_field f[IMG_N];
	struct imaging_note note;
	bool saved;
};

/* An empty note for a patient, dated today. ui_eval_imaging_done frees it. */
void ui_eval_imaging_init(struct ui_eval_imaging *im, struct ui *ui, int64_t patient_id);
void ui_eval_imaging_done(struct ui_eval_imaging *im);

/* Draw from body row y. */
void ui_eval_imaging_draw(struct ui_eval_imaging *im, struct ui *ui, int y);

/* Handle a key; F2 saves. UI_PASS for keys it does not use. */
int ui_eval_imaging_key(struct ui_eval_imaging *im, struct ui *ui, int key);

#endif
