/* demo_outcomes.c: what the demo clinic's treated patients bring to the
 * cohort report beside labs and visits — the cell product lots their
 * infusions name, biopsies before and after treatment, symptom
 * questionnaires, medications and supplements, and what became of them:
 * most alive at their survival contacts, some transplanted, some dead.
 * Recorded through the ordinary store functions (their checks included)
 * inside the demo's one transaction (store_demo_begin). */
#include "demo.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "histology.h"
#include "longterm.h"
#include "med.h"
#include "product.h"
#include "qol.h"
#include "store_histology.h"
#include "store_longterm.h"
#include "store_med.h"
#include "store_product.h"
#include "store_qol.h"
#include "store_treat.h"
#include "util.h"

#define DX_INSTRUMENT "assets/instruments/symptoms.ini"
#define DX_LOT_DAYS 91 /* one product lot a quarter */
#define DX_CONTACTS_MAX 32
#define DX_OVERDUE_DAYS 21 /* as the visits (demo_followup.c) */

static int lot_index(const struct demo_extra *x, day_t d)
{
	return d < x->lots_from ? 0 : (int)((d - x->lots_from) / DX_LOT_DAYS);
}

void demo_extra_lot(const struct demo_extra *x, day_t d, char *out, size_t n)
{
	day_t start = x->lots_from + lot_index(x, d) * DX_LOT_DAYS;
	char iso[16];
	date_format(start, iso);
	snprintf(out, n, "UCM-%.4s%.2s", iso, iso + 5);
}

static enum status add_lots(struct demo_extra *x, struct err *e)
{
	enum status s = ST_OK;
	for (day_t d = x->lots_from; s == ST_OK && d <= x->today; d += DX_LOT_DAYS) {
		struct product p;
		product_init(&p);
		p.type = PTYPE_UCMSC;
		demo_extra_lot(x, d, p.lot, sizeof p.lot);
		snprintf(p.donor, sizeof p.donor, "D-%03d", demo_pick(x->seed, 900) + 100);
		p.passage = 3 + demo_pick(x->seed, 3);
		p.per_vial = 1e8;
		p.viability = round(demo_uniform(x->seed, 86, 96) * 10) / 10;
		for (int t = 0; t < PTEST_COUNT; t++)
			p.tests[t] = PRES_PASS;
		/* Received a week before its quarter; it keeps a month past it. */
		p.received_at = date_to_time(d - 7) + 10 * 3600;
		p.expiry = d + DX_LOT_DAYS + 30;
		strlcpy_(p.note, "Cryopreserved; released by the cell laboratory.", sizeof p.note);
		s = store_product_add(x->st, &p, e);
	}
	return s;
}

static enum status add_instrument(struct demo_extra *x, struct err *e)
{
	const char *text = asset_text(DX_INSTRUMENT);
	int64_t id = 0;
	x->q = xcalloc(1, sizeof *x->q);
	if (!text)
		return err_set(e, ST_NOT_FOUND, "%s is not built in", DX_INSTRUMENT);
	enum status s = qol_parse(DX_INSTRUMENT, text, x->q, e);
	if (s == ST_OK)
		s = store_instrument_install(x->st, x->q, text, &id, e);
	if (s == ST_DUPLICATE || s == ST_DENIED)
		s = ST_OK; /* installed already, or not this user's to install */
	struct err none;
	x->have_qol =
	    s == ST_OK && store_instrument_get(x->st, x->q->code, x->q, &x->inst, &none) == ST_OK;
	return s;
}

enum status demo_extra_begin(struct demo_extra *x, struct store *st, uint64_t *seed, day_t from,
			     day_t today, struct err *e)
{
	memset(x, 0, sizeof *x);
	x->st = st;
	x->seed = seed;
	x->today = today;
	x->lots_from = from - 14;
	enum status s = add_lots(x, e);
	return s == ST_OK ? add_instrument(x, e) : s;
}

void demo_extra_end(struct demo_extra *x)
{
	free(x->q);
	x->q = NULL;
}

/* A symptom questionnaire on day d; burden 0 (none) to 10 (worst). */
static enum status questionnaire(struct demo_extra *x, int64_t pid, day_t d, double burden,
				 struct err *e)
{
	if (!x->have_qol || d > x->today)
		return ST_OK;
	int answers[QOL_ITEMS_MAX];
	for (int i = 0; i < x->q->nitems; i++) {
		double v = burden + demo_uniform(x->seed, -1.5, 1.5);
		/* The last item rates well-being: high is good (reversed). */
		if (i == x->q->nitems - 1)
			v = 10 - v;
		answers[i] = (int)fmin(10, fmax(0, round(v)));
	}
	struct qol_response r = {.patient_id = pid, .date = d};
	return store_qol_add(x->st, &x->inst, x->q, answers, &r, x->today, e);
}

/* A biopsy on day d; regress is how far fibrosis has come back (0-1). */
static enum status biopsy(struct demo_extra *x, int64_t pid, day_t d, int stage, double regress,
			  struct err *e)
{
	struct histology h;
	histology_init(&h);
	h.patient_id = pid;
	h.date = d;
	strlcpy_(h.site, "right lobe, transjugular", sizeof h.site);
	h.v[HISTO_METAVIR] = stage;
	h.v[HISTO_ISHAK] = stage == 4 ? 5 + (regress < 0.3) : 4;
	h.v[HISTO_GRADE] = 1 + demo_pick(x->seed, 2);
	h.v[HISTO_CPA] = round(demo_uniform(x->seed, 14, 26) * (1 - 0.4 * regress) * 10) / 10;
	h.v[HISTO_KI67] = round(demo_uniform(x->seed, 1, 4) * (1 + 2 * regress) * 10) / 10;
	h.v[HISTO_CK19] = round(demo_uniform(x->seed, 3, 9) * (1 + regress) * 10) / 10;
	strlcpy_(h.pathologist, "demo pathologist", sizeof h.pathologist);
	return store_histology_add(x->st, &h, e);
}

static enum status medication(struct demo_extra *x, int64_t pid, const char *name, double dose,
			      enum med_unit u, enum med_freq f, day_t start, const char *why,
			      struct err *e)
{
	struct med m;
	med_init(&m);
	m.patient_id = pid;
	enum status s = med_set_name(&m, name, e);
	m.dose = dose;
	m.unit = u;
	m.freq = f;
	m.start = start;
	strlcpy_(m.indication, why, sizeof m.indication);
	return s == ST_OK ? store_med_add(x->st, &m, e) : s;
}

enum status demo_extra_intake(struct demo_extra *x, struct demo_patient_fate *f, int64_t pid,
			      day_t t0, bool hbv, bool ascites, struct err *e)
{
	enum status s = ST_OK;
	memset(f, 0, sizeof *f);
	f->event = DAY_NONE;
	/* What becomes of the patient: most live; some are transplanted or
	 * die, a few within the first year. */
	int r = demo_pick(x->seed, 100);
	if (r < 14)
		f->dies = true;
	else if (r < 22)
		f->transplanted = true;
	if (f->dies || f->transplanted)
		f->event = t0 + 60 + demo_pick(x->seed, 700);
	f->biopsied = demo_pick(x->seed, 4) == 0;
	f->burden = demo_uniform(x->seed, 4, 8);
	if (hbv)
		s = medication(x, pid, "entecavir", 0.5, MEDU_MG, MEDF_QD,
			       t0 - 400 - demo_pick(x->seed, 800), "chronic hepatitis B", e);
	if (s == ST_OK && ascites)
		s = medication(x, pid, "spironolactone", 100, MEDU_MG, MEDF_QD, t0 - 90, "ascites",
			       e);
	if (s == ST_OK && demo_pick(x->seed, 3) == 0) {
		static const char *const supp[] = {"acetylcysteine", "vitamin E", "silymarin",
						   "zinc", "vitamin D"};
		s = medication(x, pid, supp[demo_pick(x->seed, ARRAY_SIZE(supp))], 1, MEDU_UNIT,
			       MEDF_QD, t0, "clinic supplement", e);
	}
	if (s == ST_OK && f->biopsied)
		s = biopsy(x, pid, t0 - 3, 3 + demo_pick(x->seed, 2), 0, e);
	if (s == ST_OK)
		s = questionnaire(x, pid, t0 - 1, f->burden, e);
	return s;
}

enum status demo_extra_visit(struct demo_extra *x, const struct demo_patient_fate *f, int64_t pid,
			     const char *label, day_t d, int nth, struct err *e)
{
	enum status s = ST_OK;
	bool qol_visit = label && (strcmp(label, "W24") == 0 || strcmp(label, "W48") == 0 ||
				   strcmp(label, "W72") == 0);
	if (qol_visit)
		s = questionnaire(x, pid, d, fmax(0.5, f->burden - 0.6 * nth), e);
	if (s == ST_OK && f->biopsied && label && strcmp(label, "W48") == 0)
		s = biopsy(x, pid, d, 3 + demo_pick(x->seed, 2) - (demo_pick(x->seed, 3) == 0),
			   demo_uniform(x->seed, 0.1, 0.8), e);
	return s;
}

/* The status for a death or transplant before the survival contacts. */
enum status demo_extra_event(struct demo_extra *x, const struct demo_patient_fate *f, int64_t pid,
			     struct err *e)
{
	struct pstatus ps = {.patient_id = pid, .date = f->event};
	ps.state = f->dies ? PSTATE_DECEASED : PSTATE_TRANSPLANTED;
	strlcpy_(ps.reason, f->dies ? "liver failure" : "liver transplant", sizeof ps.reason);
	return store_status_set(x->st, &ps, e);
}

/* The survival contacts due by today; the one after the event records it
 * (a death or transplant becomes the patient's status). None follow a
 * death; a transplanted patient is still followed for survival. */
enum status demo_extra_contacts(struct demo_extra *x, const struct demo_patient_fate *f,
				int64_t pid, struct err *e)
{
	struct lt_item *it = xcalloc(DX_CONTACTS_MAX, sizeof *it);
	int n = 0;
	/* A transplant during the visits is the patient's status already. */
	bool told = f->transplanted && f->event != DAY_NONE && f->event < f->visits_end;
	enum status s = store_lt_items(x->st, pid, it, DX_CONTACTS_MAX, &n, e);
	for (int i = 0; s == ST_OK && i < n; i++) {
		if (it[i].kind != LT_CONTACT || it[i].state != SCHED_OPEN)
			continue;
		day_t d = it[i].due + demo_pick(x->seed, 7) - 3;
		bool recent = x->today - (it[i].due + it[i].window_days) <= DX_OVERDUE_DAYS;
		if (d > x->today || (recent && demo_pick(x->seed, 3) == 0))
			continue; /* not yet, or not reached yet: overdue by days */
		struct lt_contact c;
		lt_contact_init(&c);
		c.patient_id = pid;
		c.date = d;
		c.phone = demo_pick(x->seed, 2);
		c.hcc = FIND_NO;
		c.admissions = demo_pick(x->seed, 5) == 0;
		bool after = f->event != DAY_NONE && f->event <= d;
		if (after && f->dies) {
			c.dead = true;
			c.death_date = f->event;
			strlcpy_(c.cause, "liver failure", sizeof c.cause);
		} else if (after && !told) {
			c.transplant = FIND_YES; /* learnt now; followed on after it */
			c.transplant_date = f->event;
			told = true;
		} else if (!after) {
			c.transplant = FIND_NO;
		}
		s = store_contact_add(x->st, &c, x->today, e);
		if (after && f->dies)
			break; /* the death closes the rest */
	}
	free(it);
	return s;
}
