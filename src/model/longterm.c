/* longterm.c: survival contacts and HCC surveillance after the last visit,
 * a contact's checks, and the event history with time-to-event data. */
#include "longterm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

static const struct {
	const char *code, *label;
} decomps[LT_DECOMP_COUNT] = {
#define LT_DECOMP_ROW_(id, code, label) [LT_DECOMP_##id] = {code, label},
    LT_DECOMP_INFO(LT_DECOMP_ROW_)
#undef LT_DECOMP_ROW_
};

static const struct {
	const char *code, *label;
} events[LT_EV_COUNT] = {
#define LT_EVENT_ROW_(id, code, label) [LT_EV_##id] = {code, label},
    LT_EVENT_INFO(LT_EVENT_ROW_)
#undef LT_EVENT_ROW_
};

static const struct lt_limit limits[LT_LIM_COUNT] = {
#define LT_LIMIT_ROW_(id, field, label, unit, lo, hi) [LT_LIM_##id] = {field, label, unit, lo, hi},
    LT_LIMIT_INFO(LT_LIMIT_ROW_)
#undef LT_LIMIT_ROW_
};

const char *lt_kind_str(enum lt_kind k)
{
	return k == LT_HCC ? "hcc" : "contact";
}

const char *lt_decomp_str(enum lt_decomp d)
{
	return (unsigned)d < LT_DECOMP_COUNT ? decomps[d].code : "";
}

const char *lt_decomp_label(enum lt_decomp d)
{
	return (unsigned)d < LT_DECOMP_COUNT ? decomps[d].label : "";
}

const char *lt_event_str(enum lt_event_kind k)
{
	return (unsigned)k < LT_EV_COUNT ? events[k].code : "";
}

const char *lt_event_label(enum lt_event_kind k)
{
	return (unsigned)k < LT_EV_COUNT ? events[k].label : "";
}

const struct lt_limit *lt_limit(enum lt_limit_id id)
{
	return (unsigned)id < LT_LIM_COUNT ? &limits[id] : NULL;
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

day_t lt_add_months(day_t d, int months)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	char buf[40];
	int y, m, dd;
	if (d == DAY_NONE)
		return DAY_NONE;
	date_format(d, buf); /* YYYY-MM-DD */
	y = (int)strtol(buf, NULL, 10);
	m = (int)strtol(buf + 5, NULL, 10);
	dd = (int)strtol(buf + 8, NULL, 10);
	int idx = y * 12 + (m - 1) + months;
	y = idx / 12;
	m = idx % 12 + 1;
	int last = mdays[m - 1] + (m == 2 && leap(y));
	if (dd > last)
		dd = last;
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, dd);
	day_t out;
	return date_parse(buf, &out) ? out : DAY_NONE;
}

static void put_item(struct lt_item *it, enum lt_kind k, const char *label, day_t due, int window)
{
	memset(it, 0, sizeof *it);
	it->kind = k;
	strlcpy_(it->label, label, sizeof it->label);
	it->due = due;
	it->window_days = window;
	it->state = SCHED_OPEN;
}

int lt_schedule(const struct protocol *p, day_t first_date, day_t last_visit, struct lt_item *out,
		int max)
{
	int years = (int)p->safety[SAFE_LT_YEARS];
	int every = (int)p->safety[SAFE_LT_CONTACT_MONTHS];
	int hcc = (int)p->safety[SAFE_LT_HCC_MONTHS];
	int window = (int)p->safety[SAFE_LT_WINDOW];
	int n = 0, ncontacts = every > 0 ? years * 12 / every : 0;
	char label[LT_LABEL_MAX + 1];
	day_t end = last_visit;
	for (int k = 1; k <= ncontacts && n < max; k++) {
		snprintf(label, sizeof label, "Contact %d", k);
		end = lt_add_months(last_visit, k * every);
		put_item(&out[n++], LT_CONTACT, label, end, window);
	}
	for (int k = 1; hcc > 0 && n < max; k++) {
		day_t due = lt_add_months(first_date, k * hcc);
		if (due > end)
			break;
		snprintf(label, sizeof label, "HCC US%s %d",
			 p->safety[SAFE_LT_HCC_AFP] > 0 ? "+AFP" : "", k);
		put_item(&out[n++], LT_HCC, label, due, window);
	}
	return n;
}

void lt_contact_init(struct lt_contact *c)
{
	memset(c, 0, sizeof *c);
	c->date = c->death_date = c->transplant_date = c->hcc_date = c->decomp_date = DAY_NONE;
	c->transplant = c->hcc = FIND_NA;
	c->admissions = -1;
}

enum status lt_parse_admissions(const char *t, int *out, struct err *e)
{
	const struct lt_limit *l = &limits[LT_LIM_ADMISSIONS];
	long n;
	if (!t || !*t) {
		*out = -1;
		return ST_OK;
	}
	if (!parse_long(t, l->min, l->max, &n))
		return err_set(e, ST_INVALID, "%s: '%s' is not accepted; %d-%d %s", l->field, t,
			       l->min, l->max, l->unit);
	*out = (int)n;
	return ST_OK;
}

bool lt_contact_decompensated(const struct lt_contact *c)
{
	for (int i = 0; i < LT_DECOMP_COUNT; i++)
		if (c->decomp[i])
			return true;
	return false;
}

/* An event's date: only with its answer, not after the contact, defaulting
 * to the contact's day. */
static enum status event_date(const char *field, bool happened, const char *what, day_t contact,
			      day_t *d, struct err *e)
{
	char a[16], b[16];
	if (!happened) {
		if (*d != DAY_NONE)
			return err_set(e, ST_INVALID, "%s: '%s' is given without %s", field,
				       date_format(*d, a), what);
		return ST_OK;
	}
	if (*d == DAY_NONE)
		*d = contact;
	if (*d > contact)
		return err_set(e, ST_INVALID,
			       "%s: '%s' is after the contact (%s); accepted: on or before it",
			       field, date_format(*d, a), date_format(contact, b));
	return ST_OK;
}

enum status lt_contact_validate(struct lt_contact *c, day_t today, struct err *e)
{
	char a[16], b[16];
	const struct lt_limit *adm = &limits[LT_LIM_ADMISSIONS];
	enum status s;
	if (c->date == DAY_NONE)
		return err_set(e, ST_INVALID, "date: required (the day of the contact)");
	if (c->date > today)
		return err_set(e, ST_INVALID, "date: '%s' is in the future; accepted: up to %s",
			       date_format(c->date, a), date_format(today, b));
	if ((s = event_date("death-date", c->dead, "--vital dead", c->date, &c->death_date, e)) ||
	    (s = event_date("transplant-date", c->transplant == FIND_YES, "--transplant yes",
			    c->date, &c->transplant_date, e)) ||
	    (s = event_date("hcc-date", c->hcc == FIND_YES, "--hcc yes", c->date, &c->hcc_date,
			    e)) ||
	    (s = event_date("decompensation-date", lt_contact_decompensated(c),
			    "a decompensation event", c->date, &c->decomp_date, e)))
		return s;
	if (c->dead && (!*c->cause || strlen(c->cause) > LT_CAUSE_MAX))
		return err_set(e, ST_INVALID,
			       "cause: required with --vital dead (the cause of death, 1-%d "
			       "characters)",
			       LT_CAUSE_MAX);
	if (!c->dead && *c->cause)
		return err_set(e, ST_INVALID, "cause: given for a patient alive at the contact");
	if (c->admissions != -1 && (c->admissions < adm->min || c->admissions > adm->max))
		return err_set(e, ST_INVALID, "%s: '%d' is out of range; accepted %d-%d %s",
			       adm->field, c->admissions, adm->min, adm->max, adm->unit);
	if (!text_is_clean(c->cause, false) || !text_is_clean(c->note, true) ||
	    strlen(c->note) > LT_NOTE_MAX)
		return err_set(e, ST_INVALID,
			       "note: at most %d characters of text, without control characters",
			       LT_NOTE_MAX);
	return ST_OK;
}

enum status lt_contact_correction(const struct lt_contact *was, const struct lt_contact *now,
				  bool *death, bool *transplant, struct err *e)
{
	char a[16], b[16];
	*death = now->dead && !was->dead;
	*transplant = now->transplant == FIND_YES && was->transplant != FIND_YES;
	if (was->dead && (!now->dead || now->death_date != was->death_date ||
			  strcmp(now->cause, was->cause) != 0))
		return err_set(e, ST_INVALID,
			       "vital: '%s' (died %s) is not accepted; contact %lld recorded the "
			       "death on %s as the patient's status, which a correction cannot "
			       "take back or change (hepadesk status)",
			       now->dead ? "dead" : "alive",
			       now->dead ? date_format(now->death_date, a) : "-",
			       (long long)was->id, date_format(was->death_date, b));
	if (was->transplant == FIND_YES &&
	    (now->transplant != FIND_YES || now->transplant_date != was->transplant_date))
		return err_set(
		    e, ST_INVALID,
		    "transplant: '%s' (on %s) is not accepted; contact %lld recorded the "
		    "transplant of %s as the patient's status, which a correction "
		    "cannot take back or change (hepadesk status)",
		    now->transplant == FIND_YES ? "yes" : "no",
		    now->transplant == FIND_YES ? date_format(now->transplant_date, a) : "-",
		    (long long)was->id, date_format(was->transplant_date, b));
	return ST_OK;
}

int lt_match_contact(const struct lt_item *items, int n, day_t d)
{
	int overdue = -1;
	for (int i = 0; i < n; i++) {
		const struct lt_item *it = &items[i];
		if (it->kind != LT_CONTACT || it->state != SCHED_OPEN)
			continue;
		if (d >= it->due - it->window_days && d <= it->due + it->window_days)
			return i;
		if (it->due + it->window_days < d && (overdue < 0 || it->due > items[overdue].due))
			overdue = i;
	}
	return overdue;
}

static void add_event(struct lt_history *h, day_t d, enum lt_event_kind k, const char *source,
		      int64_t id, const char *detail)
{
	if (h->nevents >= LT_EVENTS_MAX || d == DAY_NONE)
		return;
	struct lt_event *ev = &h->events[h->nevents++];
	ev->date = d;
	ev->kind = k;
	ev->source = source;
	ev->source_id = id;
	strlcpy_(ev->detail, detail, sizeof ev->detail);
}

static void contact_events(struct lt_history *h, const struct lt_contact *c)
{
	char detail[160];
	if (c->dead)
		add_event(h, c->death_date, LT_EV_DEATH, "contact", c->id, c->cause);
	if (c->transplant == FIND_YES)
		add_event(h, c->transplant_date, LT_EV_TRANSPLANT, "contact", c->id, "");
	if (c->hcc == FIND_YES)
		add_event(h, c->hcc_date, LT_EV_HCC, "contact", c->id, "");
	if (lt_contact_decompensated(c)) {
		size_t len = 0;
		detail[0] = '\0';
		for (int i = 0; i < LT_DECOMP_COUNT; i++)
			if (c->decomp[i] && len < sizeof detail) {
				int k = snprintf(detail + len, sizeof detail - len, "%s%s",
						 len ? ", " : "", decomps[i].label);
				len += k > 0 ? (size_t)k : 0;
			}
		add_event(h, c->decomp_date, LT_EV_DECOMPENSATION, "contact", c->id, detail);
	}
	if (c->admissions > 0) {
		snprintf(detail, sizeof detail, "%d since the last contact", c->admissions);
		add_event(h, c->date, LT_EV_ADMISSION, "contact", c->id, detail);
	}
}

/* Insertion sort by date, then kind: a history is short. */
static void sort_events(struct lt_history *h)
{
	for (int i = 1; i < h->nevents; i++) {
		struct lt_event t = h->events[i];
		int j = i;
		while (j > 0 &&
		       (h->events[j - 1].date > t.date ||
			(h->events[j - 1].date == t.date && h->events[j - 1].kind > t.kind))) {
			h->events[j] = h->events[j - 1];
			j--;
		}
		h->events[j] = t;
	}
}

/* Two records of one event (a contact and the status it set) show once. */
static void drop_repeats(struct lt_history *h)
{
	int n = 0;
	for (int i = 0; i < h->nevents; i++) {
		bool twice = false;
		for (int j = 0; j < n && !twice; j++)
			twice = h->events[j].kind == h->events[i].kind &&
				h->events[j].date == h->events[i].date &&
				(h->events[i].kind == LT_EV_DEATH ||
				 h->events[i].kind == LT_EV_TRANSPLANT);
		if (!twice)
			h->events[n++] = h->events[i];
	}
	h->nevents = n;
}

static void time_to_events(struct lt_history *h)
{
	day_t death = DAY_NONE;
	for (int i = 0; i < h->nevents; i++)
		if (h->events[i].kind == LT_EV_DEATH && h->events[i].date >= h->origin &&
		    death == DAY_NONE)
			death = h->events[i].date;
	for (int k = 0; k < LT_ENDPOINTS; k++) {
		struct lt_tte *t = &h->tte[k];
		t->endpoint = (enum lt_event_kind)k;
		t->event = false;
		t->days = -1;
		/* Time is counted from the first infusion: without one an event
		 * keeps its day but has no time, and nothing is censored. */
		t->date = h->origin == DAY_NONE ? DAY_NONE
			  : death != DAY_NONE	? death
						: h->last_contact;
		for (int i = 0; i < h->nevents; i++) {
			const struct lt_event *ev = &h->events[i];
			if (ev->kind == t->endpoint &&
			    (h->origin == DAY_NONE || ev->date >= h->origin)) {
				t->event = true;
				t->date = ev->date;
				break;
			}
		}
		t->days = h->origin != DAY_NONE && t->date != DAY_NONE ? t->date - h->origin : -1;
	}
}

void lt_history(const struct lt_facts *f, struct lt_history *out)
{
	memset(out, 0, sizeof *out);
	out->origin = f->origin;
	out->last_contact = f->last_visit;
	for (int i = 0; i < f->ncontacts; i++) {
		const struct lt_contact *c = &f->contacts[i];
		if (out->last_contact == DAY_NONE || c->date > out->last_contact)
			out->last_contact = c->date;
		contact_events(out, c);
	}
	for (int i = 0; i < f->nstatuses; i++) {
		const struct pstatus *ps = &f->statuses[i];
		if (ps->state == PSTATE_DECEASED)
			add_event(out, ps->date, LT_EV_DEATH, "status", ps->id, ps->reason);
		else if (ps->state == PSTATE_TRANSPLANTED)
			add_event(out, ps->date, LT_EV_TRANSPLANT, "status", ps->id, ps->reason);
	}
	for (int i = 0; i < f->nhcc_imaging; i++)
		add_event(out, f->hcc_imaging[i], LT_EV_HCC, "imaging", 0, "imaging found HCC");
	/* A transplant, an HCC or a decompensation on a day says the patient
	 * was alive that day: survival is not censored before it (a transplant
	 * recorded as the status after the last visit was). */
	for (int i = 0; i < out->nevents; i++)
		if (out->events[i].kind != LT_EV_DEATH &&
		    (out->last_contact == DAY_NONE || out->events[i].date > out->last_contact))
			out->last_contact = out->events[i].date;
	sort_events(out);
	drop_repeats(out);
	time_to_events(out);
}
