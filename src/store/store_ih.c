/* store_ih.c: the data the intrahepatic route's gates judge. */
#include "store_ih.h"

#include <stdlib.h>
#include <string.h>

#include "store_exam.h"
#include "util.h"

#define IH_IMAGING_MAX 64 /* newest notes looked through for a Doppler */

static void newest_doppler(const struct imaging_note *notes, int n, day_t day, struct ih_input *out)
{
	for (int i = 0; i < n; i++) { /* newest first */
		const struct imaging_note *x = &notes[i];
		if (x->modality != MOD_DOPPLER || x->thrombosis == FIND_NA || x->date > day)
			continue;
		out->have_doppler = true;
		out->doppler_date = x->date;
		out->thrombosis = x->thrombosis;
		return;
	}
}

enum status store_ih_input(struct store *st, int64_t patient_id, day_t day, struct ih_input *out,
			   struct err *e)
{
	struct exam_findings f;
	struct imaging_note *notes = xcalloc(IH_IMAGING_MAX, sizeof *notes);
	int n = 0;
	memset(out, 0, sizeof *out);
	out->day = day;
	out->thrombosis = FIND_NA;
	enum status s = store_lab_latest(st, patient_id, day, &out->labs, e);
	if (s == ST_OK && (s = store_exam_findings(st, patient_id, day, &f, e)) == ST_OK)
		out->ascites = f.ascites;
	if (s == ST_OK &&
	    (s = store_imaging_list(st, patient_id, notes, IH_IMAGING_MAX, &n, e)) == ST_OK)
		newest_doppler(notes, n, day, out);
	free(notes);
	return s;
}
