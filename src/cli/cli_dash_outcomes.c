/* cli_dash_outcomes.c: the dashboard's outcome sections (issue 15, first
 * part) in text and JSON — biopsy histology with the change from the
 * baseline biopsy. Called by cli_dashboard.c. */
#include "cli_int.h"

#include <math.h>

#include "dashboard.h"
#include "histology.h"
#include "json.h"

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
