/* cli_imgfix.c: imaging notes corrected or voided with a reason
 * (`imaging correct`, `imaging void`), and every note of a patient, voided
 * and corrected ones marked (`imaging list`). */
#include "cli_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "store_imgfix.h"
#include "text.h"
#include "util.h"
#include "vital.h"

/* --hcc yes|no|na: the finding as corrected. */
static enum status finding_opt(const struct cli_opt *o, enum finding *f, struct err *e)
{
	if (!o->set)
		return ST_OK;
	if (strcmp(o->value, "yes") == 0)
		*f = FIND_YES;
	else if (strcmp(o->value, "no") == 0)
		*f = FIND_NO;
	else if (strcmp(o->value, "na") == 0)
		*f = FIND_NA;
	else
		return err_set(e, ST_INVALID, "--%s '%.20s': accepted yes, no or na (not assessed)",
			       o->name, o->value);
	return ST_OK;
}

enum {
	O_DATE,
	O_HCC,
	O_THROMBOSIS,
	O_ASCITES,
	O_STIFFNESS,
	O_IQR,
	O_FIBROSIS,
	O_NOTE,
	O_LIRADS,
	O_LESION,
	O_REASON,
	O_VERSION,
	O_CONFIRM,
	O_N
};

/* The stored note with the options applied, through imaging add's field
 * checks: stiffness and lesion within the vitals limits (a warning asks for
 * --confirm), IQR up to the median, a poorly reliable stiffness asks for
 * --confirm, LI-RADS needing action makes an unassessed HCC "yes". */
static enum status corrected(struct cli *c, const struct cli_opt *o, struct imaging_note *n,
			     struct err *e)
{
	bool confirm = o[O_CONFIRM].set;
	enum status s = ST_OK;
	if (o[O_DATE].set)
		s = date_parse_field("imaging date", o[O_DATE].value, app_today(c->app), false,
				     &n->date, e);
	if (s == ST_OK)
		s = finding_opt(&o[O_HCC], &n->hcc, e);
	if (s == ST_OK)
		s = finding_opt(&o[O_THROMBOSIS], &n->thrombosis, e);
	if (s == ST_OK)
		s = finding_opt(&o[O_ASCITES], &n->ascites, e);
	if (s == ST_OK && o[O_STIFFNESS].set) {
		s = vital_parse(VITAL_STIFFNESS, o[O_STIFFNESS].value, confirm, &n->stiffness_kpa,
				e);
		if (s == ST_OK && !o[O_IQR].set && !isnan(n->iqr_kpa) &&
		    n->iqr_kpa > n->stiffness_kpa)
			return err_set(e, ST_INVALID,
				       "stiffness IQR: the stored %g kPa exceeds the corrected "
				       "median; give --iqr too",
				       n->iqr_kpa);
	}
	if (s == ST_OK && o[O_IQR].set)
		s = imaging_check_iqr(o[O_IQR].value, n->stiffness_kpa, &n->iqr_kpa, e);
	if (s == ST_OK && (o[O_STIFFNESS].set || o[O_IQR].set))
		s = imaging_check_reliability(n->stiffness_kpa, n->iqr_kpa, confirm, e);
	if (s == ST_OK && o[O_FIBROSIS].set)
		s = imaging_check_fibrosis(o[O_FIBROSIS].value, &n->fibrosis_stage, e);
	if (s == ST_OK && o[O_NOTE].set) {
		if (strlen(o[O_NOTE].value) > IMAGING_NOTE_MAX ||
		    !text_is_clean(o[O_NOTE].value, true))
			return err_set(e, ST_INVALID,
				       "note: at most %d bytes of text without control characters",
				       IMAGING_NOTE_MAX);
		strlcpy_(n->note, o[O_NOTE].value, sizeof n->note);
	}
	if (s == ST_OK && o[O_LIRADS].set) {
		if (strcmp(o[O_LIRADS].value, "none") == 0)
			n->lirads = LIRADS_NONE;
		else if (!lirads_parse(o[O_LIRADS].value, &n->lirads))
			return err_set(e, ST_INVALID,
				       "LI-RADS: '%.20s' is not accepted; accepted LR-1, LR-2, "
				       "LR-3, LR-4, LR-5, LR-M, LR-TIV or none",
				       o[O_LIRADS].value);
	}
	if (s == ST_OK && lirads_needs_action(n->lirads) && n->hcc == FIND_NA)
		n->hcc = FIND_YES;
	if (s == ST_OK && o[O_LESION].set)
		s = vital_parse(VITAL_LESION, o[O_LESION].value, confirm, &n->lesion_mm, e);
	return s;
}

int cli_imaging_correct(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[O_N] = {[O_DATE] = {"date", OPT_VALUE},
				 [O_HCC] = {"hcc", OPT_VALUE},
				 [O_THROMBOSIS] = {"thrombosis", OPT_VALUE},
				 [O_ASCITES] = {"ascites", OPT_VALUE},
				 [O_STIFFNESS] = {"stiffness", OPT_VALUE},
				 [O_IQR] = {"iqr", OPT_VALUE},
				 [O_FIBROSIS] = {"fibrosis", OPT_VALUE},
				 [O_NOTE] = {"note", OPT_VALUE},
				 [O_LIRADS] = {"lirads", OPT_VALUE},
				 [O_LESION] = {"lesion-mm", OPT_VALUE},
				 [O_REASON] = {"reason", OPT_VALUE},
				 [O_VERSION] = {"if-version", OPT_VALUE},
				 [O_CONFIRM] = {"confirm", OPT_FLAG}};
	const char *pos[2];
	struct err e = {""};
	struct patient p;
	struct imaging_entry_row cur;
	int64_t id = 0;
	long version = 0;
	char d[16];
	int rc = cli_parse(c, argc, argv, o, O_N, pos, 2, 2);
	if (rc)
		return rc;
	if (!o[O_REASON].set)
		return cli_usage(c, "--reason is required: say why the imaging note is corrected");
	bool any = false;
	for (int i = O_DATE; i <= O_LESION; i++)
		any = any || o[i].set;
	if (!any)
		return cli_usage(c, "give at least one value to correct (e.g. --hcc no)");
	if ((rc = cli_if_version(c, &o[O_VERSION], "imaging list", &version)))
		return rc;
	enum status s = cli_row_number(pos[1], "imaging note", "imaging list", &id, &e);
	if (s == ST_OK)
		s = store_patient_by_mrn(c->app->st, pos[0], &p, &e);
	if (s == ST_OK)
		s = store_imaging_get(c->app->st, p.id, id, &cur, &e);
	if (s == ST_OK && version)
		cur.n.version = version;
	if (s == ST_OK)
		s = corrected(c, o, &cur.n, &e);
	if (s == ST_OK)
		s = store_imaging_fix(c->app->st, &cur.n, o[O_REASON].value, &e);
	if (s == ST_CONFIRM)
		return cli_usage(c, "%s (add --confirm to accept)", e.msg);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	cli_putf(c, "corrected %s imaging note %lld of %s on %s: HCC %s, now version %lld\n",
		 modality_str(cur.n.modality), (long long)id, p.mrn, date_format(cur.n.date, d),
		 finding_str(cur.n.hcc), (long long)cur.n.version);
	return 0;
}

static void finding_json(struct json *j, const char *key, enum finding f)
{
	if (f == FIND_NA)
		json_string(j, key, NULL);
	else
		json_bool(j, key, f == FIND_YES);
}

static void real_json(struct json *j, const char *key, double v)
{
	if (isnan(v))
		json_string(j, key, NULL);
	else
		json_num(j, key, v, 6);
}

static void row_json(struct cli *c, struct json *j, const void *row)
{
	const struct imaging_entry_row *x = row;
	char d[16];
	const struct imaging_note *n = &x->n;
	json_obj_begin(j, NULL);
	json_int(j, "id", n->id);
	json_int(j, "version", n->version);
	json_string(j, "date", date_format(n->date, d));
	json_string(j, "modality", modality_str(n->modality));
	finding_json(j, "hcc", n->hcc);
	finding_json(j, "thrombosis", n->thrombosis);
	finding_json(j, "ascites", n->ascites);
	real_json(j, "stiffness_kpa", n->stiffness_kpa);
	real_json(j, "iqr_kpa", n->iqr_kpa);
	if (n->fibrosis_stage >= 0)
		json_int(j, "fibrosis_stage", n->fibrosis_stage);
	else
		json_string(j, "fibrosis_stage", NULL);
	json_string(j, "lirads", n->lirads != LIRADS_NONE ? lirads_str(n->lirads) : NULL);
	real_json(j, "lesion_mm", n->lesion_mm);
	json_string(j, "note", n->note);
	cli_marks_json(j,
		       &(struct cli_marks){x->voided, x->void_reason, x->voided_by, x->correction});
	json_obj_end(j);
}

static void row_text(struct cli *c, const void *row)
{
	const struct imaging_entry_row *x = row;
	char d[16];
	cli_putf(c, "%6lld  %s  %-12s HCC %-12s v%lld", (long long)x->n.id,
		 date_format(x->n.date, d), modality_str(x->n.modality), finding_str(x->n.hcc),
		 (long long)x->n.version);
	cli_marks_text(c,
		       &(struct cli_marks){x->voided, x->void_reason, x->voided_by, x->correction});
}

static enum status load(struct store *st, int64_t patient_id, void *out, int max, int *n,
			struct err *e)
{
	return store_imaging_rows(st, patient_id, out, max, n, e);
}

static const struct cli_rows_kind imaging_rows = {
    .noun = "imaging note",
    .list = "imaging list",
    .size = sizeof(struct imaging_entry_row),
    .load = load,
    .json = row_json,
    .text = row_text,
    .void_row = store_imaging_void,
};

int cli_imaging_void(struct cli *c, int argc, char **argv)
{
	return cli_void_row(c, argc, argv, &imaging_rows);
}

int cli_imaging_list(struct cli *c, int argc, char **argv)
{
	return cli_list_rows(c, argc, argv, &imaging_rows);
}
