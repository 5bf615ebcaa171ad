/* demo.h: a synthetic clinic for trying the program and for benchmarks —
 * realistic names (non-ASCII among them), etiologies, lab histories and
 * imaging, reproducible from a seed. */
#ifndef HEPADESK_DEMO_H
#define HEPADESK_DEMO_H

#include <stdint.h>

#include "date.h"
#include "status.h"
#include "store.h"
#include "store_qol.h"

#define DEMO_VERSION 4 /* bump when the generated data changes */

struct demo_opts {
	int64_t patients;
	uint64_t seed;
	day_t today; /* the day the clinic is generated for */
	/* Patients in follow-up (beside `patients`), 3-DEMO_FOLLOWUP_MAX; -1:
	 * one in twenty of `patients`, at least 3 and at most 50,000. */
	int64_t followup;
};
#define DEMO_FOLLOWUP_MAX 200000

/* splitmix64: a small, seedable generator (reproducibility is the point,
 * not unpredictability); a uniform double in [lo, hi); an int in [0, n). */
uint64_t demo_rand(uint64_t *s);
double demo_uniform(uint64_t *s, double lo, double hi);
int demo_pick(uint64_t *s, int n);

/* Generate and store the clinic in one transaction (nothing on failure). */
enum status demo_generate(struct store *st, const struct demo_opts *o, struct err *e);

/* Inside a demo load (store_demo_begin): three patients whose pre-treatment
 * checklist is, on `today`, READY (signed, with an IV plan), NOT_READY (labs
 * 30 days old, no consent) and EXCLUDED (another malignancy; signed), with
 * MRNs 90000001-90000003. Patients already there are left as they are. */
enum status demo_eval_patients(struct store *st, day_t today, struct err *e);

/* Inside a demo load: the follow-up cohort — cohort patients (-1:
 * patients/20, at least 3, at most 50,000), MRNs from 70000001, evaluated READY and treated from 10
 * days to two years before today, with their infusions, visits (in window, missed with a reason, a
 * few overdue), labs, grades and adverse events — and patient 70000000 with five years of monthly
 * labs. A database that already has patient 70000000 is left as it is. */
enum status demo_followup(struct store *st, int64_t patients, int64_t cohort, uint64_t seed,
			  day_t today, struct err *e);

/* Inside a demo load: what the treated patients bring to the cohort report
 * beside labs and visits (demo_outcomes.c) — product lots, biopsies,
 * symptom questionnaires, medications, deaths and transplants. */
struct qol_instrument;
struct demo_extra {
	struct store *st;
	uint64_t *seed;
	day_t today;
	day_t lots_from; /* the first quarterly lot's first day */
	struct qol_instrument *q;
	struct qol_installed inst;
	bool have_qol;
};
/* What becomes of one treated patient. */
struct demo_patient_fate {
	bool dies, transplanted;
	day_t event;	  /* the day of the death or transplant; DAY_NONE */
	day_t visits_end; /* the last scheduled visit's window closes */
	bool biopsied;	  /* a biopsy before treatment and at W48 */
	double burden;	  /* symptom burden at intake, 0-10 */
};
/* Product lots for every quarter from `from` to today, and the symptom
 * questionnaire installed (kept when installed already). */
enum status demo_extra_begin(struct demo_extra *x, struct store *st, uint64_t *seed, day_t from,
			     day_t today, struct err *e);
void demo_extra_end(struct demo_extra *x);
/* The lot an infusion on day d names. */
void demo_extra_lot(const struct demo_extra *x, day_t d, char *out, size_t n);
/* At intake (t0): the fate drawn, medications, a baseline biopsy for some
 * and a questionnaire. */
enum status demo_extra_intake(struct demo_extra *x, struct demo_patient_fate *f, int64_t pid,
			      day_t t0, bool hbv, bool ascites, struct err *e);
/* At the nth visit done (label "W24"...): a questionnaire at W24, W48 and
 * W72, the second biopsy at W48. */
enum status demo_extra_visit(struct demo_extra *x, const struct demo_patient_fate *f, int64_t pid,
			     const char *label, day_t d, int nth, struct err *e);
/* The death or transplant recorded as the patient's status. */
enum status demo_extra_event(struct demo_extra *x, const struct demo_patient_fate *f, int64_t pid,
			     struct err *e);
/* The survival contacts due by today, the one after the event recording
 * it; a transplanted patient's go on. */
enum status demo_extra_contacts(struct demo_extra *x, const struct demo_patient_fate *f,
				int64_t pid, struct err *e);

#endif
