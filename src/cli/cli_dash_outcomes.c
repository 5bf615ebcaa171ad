/* cli_dash_outcomes.c: the dashboard's outcome sections (issue 15, first
 * part) in text and JSON — biopsy histology with the change from the
 * baseline biopsy. Called by cli_dashboard.c. */
#include "cli_int.h"

#include <math.h>

#include "dashboard.h"
#include "histology.h"
#include "json.h"
#include "med.h"
#include "product.h"
#include "text.h"
#include "visit.h"

#include <stdio.h>

static const char *direction(const struct histo_change *c)
{
	return !c->have		  ? NULL
	       : c->direction > 0 ? "improved"
	       : c->direction < 0 ? "worse"
				  : "unchanged";
}

static void biopsy_ref(struct json *j, const char *key, const struct dashboard *db, int i)
{
	char d[16];
	if (i < 0) {
		json_null(j, key);
		return;
	}
	json_obj_begin(j, key);
	json_int(j, "id", db->biopsies[i].id);
	json_string(j, "date", date_format(db->biopsies[i].date, d));
	json_obj_end(j);
}

void cli_dash_histology_json(struct json *j, const struct dashboard *db)
{
	const struct histo_summary *h = &db->histo;
	json_obj_begin(j, "histology");
	biopsy_ref(j, "baseline", db, h->baseline);
	biopsy_ref(j, "latest", db, h->latest);
	json_arr_begin(j, "change");
	for (int m = 0; m < HISTO_COUNT && h->latest >= 0; m++) {
		const struct histo_measure_info *mi = histo_measure((enum histo_measure)m);
		const struct histo_change *c = &h->c[m];
		json_obj_begin(j, NULL);
		json_string(j, "measure", mi->key);
		json_string(j, "unit", mi->unit);
		json_num(j, "baseline", c->base, mi->decimals);
		json_num(j, "latest", c->latest, mi->decimals);
		json_num(j, "change", c->change, mi->decimals);
		json_string(j, "direction", direction(c));
		json_obj_end(j);
	}
	json_arr_end(j);
	json_arr_begin(j, "biopsies");
	for (int i = 0; i < db->nbiopsies; i++) {
		json_obj_begin(j, NULL);
		cli_histology_json(j, &db->biopsies[i]);
		json_obj_end(j);
	}
	json_arr_end(j);
	json_obj_end(j);
}

void cli_dash_histology_text(struct cli *c, const struct dashboard *db)
{
	const struct histo_summary *h = &db->histo;
	char d[16], vals[200], a[32], b[32];
	cli_putf(c, "histology (%d biops%s):\n", db->nbiopsies, db->nbiopsies == 1 ? "y" : "ies");
	for (int i = 0; i < db->nbiopsies; i++) {
		const struct histology *x = &db->biopsies[i];
		cli_histology_values(x, vals, sizeof vals);
		cli_putf(c, "  %-4lld %s %s%s%s\n", (long long)x->id, date_format(x->date, d), vals,
			 i == h->baseline ? "  [baseline]" : "", x->voided ? "  [VOIDED]" : "");
	}
	if (h->baseline < 0) {
		if (db->nbiopsies)
			cli_put(c, "  no baseline biopsy (none on or before the first infusion)\n");
		return;
	}
	if (h->latest < 0)
		return;
	cli_putf(c, "  change from the baseline biopsy (%s) to %s:\n",
		 date_format(db->biopsies[h->baseline].date, d),
		 date_format(db->biopsies[h->latest].date, a));
	for (int m = 0; m < HISTO_COUNT; m++) {
		const struct histo_change *ch = &h->c[m];
		if (!ch->have)
			continue;
		const struct histo_measure_info *mi = histo_measure((enum histo_measure)m);
		histology_format((enum histo_measure)m, ch->base, a, sizeof a);
		histology_format((enum histo_measure)m, ch->latest, b, sizeof b);
		cli_putf(c, "    %-28s %8s -> %-8s %+.*f %s\n", mi->label, a, b, mi->decimals,
			 ch->change, direction(ch));
	}
}

/* The timeline's span: the first start (or the first infusion, if
 * earlier) to today. */
static void span(const struct dashboard *db, day_t *from, day_t *to)
{
	*from = db->have_infusion ? db->first_infusion.date : db->today;
	*to = db->today;
	for (int i = 0; i < db->nmeds; i++)
		if (db->meds[i].start < *from)
			*from = db->meds[i].start;
}

void cli_dash_meds_json(struct json *j, const struct dashboard *db)
{
	char d[16];
	day_t from, to;
	span(db, &from, &to);
	json_obj_begin(j, "medications");
	json_string(j, "from", date_format(from, d));
	json_string(j, "to", date_format(to, d));
	json_arr_begin(j, "timeline");
	for (int i = 0; i < db->nmeds; i++) {
		const struct med *m = &db->meds[i];
		day_t end = m->stop == DAY_NONE ? db->today : m->stop;
		json_obj_begin(j, NULL);
		cli_med_json(j, m);
		json_bool(j, "current", med_taken_on(m, db->today));
		json_int(j, "days", end >= m->start ? end - m->start + 1 : 0);
		json_obj_end(j);
	}
	json_arr_end(j);
	json_obj_end(j);
}

#define TIMELINE_COLS 20

/* One bar: '=' where taken, '.' elsewhere, over [from, to]. */
static void bar(const struct med *m, day_t from, day_t to, day_t today, char *out)
{
	int days = to - from + 1;
	day_t end = m->stop == DAY_NONE ? today : m->stop;
	for (int i = 0; i < TIMELINE_COLS; i++) {
		day_t lo = from + (day_t)((long)i * days / TIMELINE_COLS);
		day_t hi = from + (day_t)((long)(i + 1) * days / TIMELINE_COLS) - 1;
		if (hi < lo)
			hi = lo;
		out[i] = m->start <= hi && end >= lo ? '=' : '.';
	}
	out[TIMELINE_COLS] = '\0';
}

/* One line a medication, within 80 columns: name, code, dose, the bar
 * over the span, "on" or the stop day. */
void cli_dash_meds_text(struct cli *c, const struct dashboard *db)
{
	char a[16], b[16], line[TIMELINE_COLS + 1], name[4 * 18 + 1], padded[4 * 18 + 1], dose[40];
	day_t from, to;
	span(db, &from, &to);
	cli_putf(c, "medications (%d), %s to %s:\n", db->nmeds, date_format(from, a),
		 date_format(to, b));
	for (int i = 0; i < db->nmeds; i++) {
		const struct med *m = &db->meds[i];
		size_t fit = text_fit(m->name, 18);
		snprintf(name, sizeof name, "%.*s", (int)fit, m->name);
		dose[0] = '\0';
		if (!isnan(m->dose))
			snprintf(dose, sizeof dose, "%g %s %s", m->dose, med_unit_str(m->unit),
				 med_freq_str(m->freq));
		bar(m, from, to, db->today, line);
		cli_putf(c, "  %s %-7s %-14.14s |%s| %s%s\n",
			 text_pad(name, 18, padded, sizeof padded), *m->atc ? m->atc : "-", dose,
			 line, m->stop == DAY_NONE ? "on" : "to ",
			 m->stop == DAY_NONE ? "" : date_format(m->stop, b));
	}
}

void cli_dash_lots_json(struct json *j, const struct dashboard *db, int tz)
{
	char d[16], t[20];
	json_arr_begin(j, "product_lots");
	for (int i = 0; i < db->nlots; i++) {
		const struct product_use *u = &db->lots[i];
		json_obj_begin(j, NULL);
		json_int(j, "infusion", u->infusion_id);
		json_string(j, "given_at", visit_format_time(u->given_at, tz, t));
		json_string(j, "lot", u->lot);
		json_bool(j, "on_file", u->on_file);
		if (u->on_file) {
			json_string(j, "type", product_type_str(u->p.type));
			json_string(j, "donor", u->p.donor);
			json_string(j, "expiry", date_format(u->p.expiry, d));
			json_bool(j, "released", product_released(&u->p));
			json_bool(j, "voided", u->p.voided);
		}
		json_obj_end(j);
	}
	json_arr_end(j);
}

/* One line an infusion, within 80 columns: day, lot, type, donor, expiry,
 * release. */
void cli_dash_lots_text(struct cli *c, const struct dashboard *db, int tz)
{
	char d[16], x[16];
	(void)tz;
	cli_putf(c, "product lots given (%d):\n", db->nlots);
	for (int i = 0; i < db->nlots; i++) {
		const struct product_use *u = &db->lots[i];
		if (!u->on_file) {
			cli_putf(c, "  %s  %-14.14s not on file\n", date_format(u->date, d),
				 u->lot);
			continue;
		}
		cli_putf(c, "  %s  %-14.14s %-9s %-12.12s exp %s %s\n", date_format(u->date, d),
			 u->lot, product_type_str(u->p.type), u->p.donor,
			 date_format(u->p.expiry, x),
			 u->p.voided		   ? "VOIDED"
			 : product_released(&u->p) ? "released"
						   : "NOT released");
	}
}
