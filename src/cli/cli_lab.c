/* cli_lab.c: `lab add` and `imaging add`. */
#include "cli_int.h"

#include <math.h>
#include <string.h>

#include "text.h"
#include "uc_lab.h"
#include "util.h"
#include "vital.h"

/* "--hbv-dna" for the analyte key "hbv_dna". */
static void option_name(const char *key, char *out, size_t n)
{
	strlcpy_(out, key, n);
	for (char *p = out; *p; p++)
		if (*p == '_')
			*p = '-';
}

static enum status lookup(struct cli *c, const char *mrn, struct patient *p, struct err *e)
{
	return store_patient_by_mrn(c->app->st, mrn, p, e);
}

int cli_lab_add(struct cli *c, int argc, char **argv)
{
	enum { O_DATE = ANALYTE_COUNT, O_UNITS, O_SOURCE, O_CONFIRM, O_HBV_LOG10, O_N };
	char names[ANALYTE_COUNT][24];
	struct cli_opt o[O_N];
	const char *pos[1];
	struct err e = {""};
	enum unit_system u;

	for (int a = 0; a < ANALYTE_COUNT; a++) {
		option_name(analyte_get((enum analyte_id)a)->key, names[a], sizeof names[a]);
		o[a] = (struct cli_opt){names[a], OPT_VALUE, NULL, false};
	}
	o[O_DATE] = (struct cli_opt){"date", OPT_VALUE, NULL, false};
	o[O_UNITS] = (struct cli_opt){"units", OPT_VALUE, NULL, false};
	o[O_SOURCE] = (struct cli_opt){"source", OPT_VALUE, NULL, false};
	o[O_CONFIRM] = (struct cli_opt){"confirm", OPT_FLAG, NULL, false};
	o[O_HBV_LOG10] = (struct cli_opt){"hbv-dna-log10", OPT_VALUE, NULL, false};
	int rc = cli_parse(c, argc, argv, o, O_N, pos, 1, 1);
	if (rc)
		return rc;
	if (!cli_units(c, &o[O_UNITS], &u))
		return 2;
	if (!o[O_DATE].set)
		return cli_usage(c, "--date is required");
	if (o[O_SOURCE].set && (strlen(o[O_SOURCE].value) > LAB_SOURCE_MAX ||
				!text_is_clean(o[O_SOURCE].value, false)))
		return cli_usage(c, "--source: at most %d characters of plain text",
				 LAB_SOURCE_MAX);

	day_t date;
	enum status s = date_parse_field("collection date", o[O_DATE].value, app_today(c->app),
					 false, &date, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	struct patient p;
	if ((s = lookup(c, pos[0], &p, &e)) != ST_OK)
		return cli_fail(c, s, &e);

	struct lab_result rows[ANALYTE_COUNT];
	int n = 0;
	if (o[ANALYTE_HBV_DNA].set && o[O_HBV_LOG10].set)
		return cli_usage(c,
				 "--hbv-dna (IU/mL) and --hbv-dna-log10 (log10 IU/mL): give one");
	for (int a = 0; a < ANALYTE_COUNT; a++) {
		bool log10 = a == ANALYTE_HBV_DNA && o[O_HBV_LOG10].set;
		if (!o[a].set && !log10)
			continue;
		struct lab_result *r = &rows[n++];
		memset(r, 0, sizeof *r);
		s = log10 ? lab_entry_log10(ANALYTE_HBV_DNA, o[O_HBV_LOG10].value, o[O_CONFIRM].set,
					    r, &e)
			  : lab_entry((enum analyte_id)a, u, o[a].value, o[O_CONFIRM].set, r, &e);
		if (s == ST_CONFIRM)
			return cli_usage(c, "%s (add --confirm to accept)", e.msg);
		if (s != ST_OK)
			return cli_fail(c, s, &e);
		r->patient_id = p.id;
		r->date = date;
		strlcpy_(r->source, o[O_SOURCE].set ? o[O_SOURCE].value : "cli", sizeof r->source);
	}
	if (n == 0)
		return cli_usage(c, "give at least one analyte value (e.g. --bilirubin 2.1)");
	s = uc_lab_add(c->app->st, &c->app->cfg, rows, n, o[O_CONFIRM].set, &e);
	if (s == ST_CONFIRM)
		return cli_usage(c, "%s (add --confirm to accept)", e.msg);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	cli_putf(c, "recorded %d result%s for %s on %s\n", n, n == 1 ? "" : "s", p.mrn,
		 o[O_DATE].value);
	return 0;
}

static bool finding(struct cli *c, const struct cli_opt *o, enum finding *f)
{
	*f = FIND_NA;
	if (!o->set)
		return true;
	if (strcmp(o->value, "yes") == 0)
		*f = FIND_YES;
	else if (strcmp(o->value, "no") == 0)
		*f = FIND_NO;
	else
		return cli_usage(c, "--%s '%s': accepted yes or no", o->name, o->value) == 0;
	return true;
}

static enum status imaging_values(struct cli *c, struct cli_opt *o, struct imaging_note *n,
				  struct err *e)
{
	enum status s = ST_OK;
	bool confirm = o[9].set;
	if (o[2].set)
		s = vital_parse(VITAL_STIFFNESS, o[2].value, confirm, &n->stiffness_kpa, e);
	if (s == ST_OK && o[3].set)
		s = imaging_check_iqr(o[3].value, n->stiffness_kpa, &n->iqr_kpa, e);
	if (s == ST_OK && o[3].set)
		s = imaging_check_reliability(n->stiffness_kpa, n->iqr_kpa, confirm, e);
	if (s == ST_OK && o[4].set)
		s = imaging_check_fibrosis(o[4].value, &n->fibrosis_stage, e);
	if (s == ST_OK && o[5].set) {
		if (strlen(o[5].value) > IMAGING_NOTE_MAX || !text_is_clean(o[5].value, true))
			return err_set(e, ST_INVALID,
				       "note: at most %d bytes of text without control characters",
				       IMAGING_NOTE_MAX);
		strlcpy_(n->note, o[5].value, sizeof n->note);
	}
	if (s == ST_OK && o[10].set && !lirads_parse(o[10].value, &n->lirads))
		return err_set(e, ST_INVALID,
			       "LI-RADS: '%.20s' is not accepted; accepted LR-1, LR-2, LR-3, LR-4, "
			       "LR-5, LR-M, LR-TIV",
			       o[10].value);
	/* A category that needs action is a lesion suspicious for HCC. */
	if (s == ST_OK && lirads_needs_action(n->lirads) && n->hcc == FIND_NA)
		n->hcc = FIND_YES;
	if (s == ST_OK && o[11].set)
		s = vital_parse(VITAL_LESION, o[11].value, confirm, &n->lesion_mm, e);
	return s;
}

int cli_imaging_add(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {
	    {"date", OPT_VALUE},   {"modality", OPT_VALUE},   {"stiffness", OPT_VALUE},
	    {"iqr", OPT_VALUE},	   {"fibrosis", OPT_VALUE},   {"note", OPT_VALUE},
	    {"hcc", OPT_VALUE},	   {"thrombosis", OPT_VALUE}, {"ascites", OPT_VALUE},
	    {"confirm", OPT_FLAG}, {"lirads", OPT_VALUE},     {"lesion-mm", OPT_VALUE}};
	const char *pos[1];
	struct imaging_note n;
	struct err e = {""};
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 1, 1);
	if (rc)
		return rc;
	imaging_init(&n);
	if (!o[0].set || !o[1].set)
		return cli_usage(c, "--date and --modality are required");
	if (!modality_parse(o[1].value, &n.modality))
		return cli_usage(c,
				 "--modality '%s': accepted ultrasound, doppler, ct, mri, "
				 "elastography",
				 o[1].value);
	if (!finding(c, &o[6], &n.hcc) || !finding(c, &o[7], &n.thrombosis) ||
	    !finding(c, &o[8], &n.ascites))
		return 2;
	enum status s =
	    date_parse_field("imaging date", o[0].value, app_today(c->app), false, &n.date, &e);
	if (s == ST_OK)
		s = imaging_values(c, o, &n, &e);
	if (s == ST_CONFIRM)
		return cli_usage(c, "%s (add --confirm to accept)", e.msg);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	struct patient p;
	if ((s = lookup(c, pos[0], &p, &e)) != ST_OK)
		return cli_fail(c, s, &e);
	n.patient_id = p.id;
	if ((s = store_imaging_add(c->app->st, &n, &e)) != ST_OK)
		return cli_fail(c, s, &e);
	cli_putf(c, "recorded %s imaging for %s on %s\n", modality_str(n.modality), p.mrn,
		 o[0].value);
	return 0;
}
