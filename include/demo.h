/* demo.h: a synthetic clinic for trying the program and for benchmarks —
 * realistic names (non-ASCII among them), etiologies, lab histories and
 * imaging, reproducible from a seed. */
#ifndef HEPADESK_DEMO_H
#define HEPADESK_DEMO_H

#include <stdint.h>

#include "date.h"
#include "status.h"
#include "store.h"

#define DEMO_VERSION 3 /* bump when the generated data changes */

struct demo_opts {
	int64_t patients;
	uint64_t seed;
	day_t today; /* the day the clinic is generated for */
	/* Patients in follow-up (DEMO_FOLLOWUP_MAX at most); 0: one in twenty
	 * of patients, at least 3, at most DEMO_FOLLOWUP_MAX. */
	int64_t follow_up;
};

#define DEMO_FOLLOWUP_MAX 50000 /* issue 14: home at 50,000 patients in follow-up */

/* Generate and store the clinic in one transaction (nothing on failure). */
enum status demo_generate(struct store *st, const struct demo_opts *o, struct err *e);

/* Inside a demo load (store_demo_begin): three patients whose pre-treatment
 * checklist is, on `today`, READY (signed, with an IV plan), NOT_READY (labs
 * 30 days old, no consent) and EXCLUDED (another malignancy; signed), with
 * MRNs 90000001-90000003. Patients already there are left as they are. */
enum status demo_eval_patients(struct store *st, day_t today, struct err *e);

/* Inside a demo load: the follow-up cohort — cohort patients (0: patients/20,
 * at least 3, at most DEMO_FOLLOWUP_MAX), MRNs from 70000001, evaluated READY and treated from 10
 * days to two years before today, with their infusions, visits (in window, missed with a reason, a
 * few overdue), labs, grades and adverse events — and patient 70000000 with five years of monthly
 * labs. A database that already has patient 70000000 is left as it is. */
enum status demo_followup(struct store *st, int64_t patients, int64_t cohort, uint64_t seed,
			  day_t today, struct err *e);

#endif
