/* cli_exam.c: `exam add` — clinical examination findings with their date:
 * ascites, encephalopathy, dialysis, weight and dry weight. */
#include "cli_int.h"

#include <math.h>

#include "app.h"
#include "exam.h"
#include "store_exam.h"
#include "vital.h"

enum { O_DATE, O_ASC, O_HE, O_DIAL, O_WEIGHT, O_DRY, O_CONFIRM, O_N };

static enum status grade(const struct cli_opt *o, enum vital_id id, int *out, struct err *e)
{
	double g;
	enum status s = o->set ? vital_parse(id, o->value, true, &g, e) : ST_OK;
	if (o->set && s == ST_OK)
		*out = (int)g;
	return s;
}

static enum status weight(const struct cli_opt *o, enum vital_id id, double *out, struct err *e)
{
	/* Parsed against the hard limits here; exam_validate asks about the
	 * warning limits once the whole examination is known. */
	return o->set ? vital_parse(id, o->value, true, out, e) : ST_OK;
}

static enum status findings(struct cli *c, const struct cli_opt *o, struct exam *x, struct err *e)
{
	enum status s = ST_OK;
	x->date = app_today(c->app);
	if (o[O_DATE].set)
		s = date_parse_field("examination date", o[O_DATE].value, app_today(c->app), false,
				     &x->date, e);
	if (s == ST_OK)
		s = grade(&o[O_ASC], VITAL_ASCITES, &x->ascites, e);
	if (s == ST_OK)
		s = grade(&o[O_HE], VITAL_ENCEPHALOPATHY, &x->he, e);
	if (s == ST_OK && o[O_DIAL].set)
		s = exam_parse_dialysis(o[O_DIAL].value, &x->dialysis, e);
	if (s == ST_OK)
		s = weight(&o[O_WEIGHT], VITAL_WEIGHT, &x->weight_kg, e);
	if (s == ST_OK)
		s = weight(&o[O_DRY], VITAL_DRY_WEIGHT, &x->dry_weight_kg, e);
	if (s == ST_OK)
		s = exam_validate(x, app_today(c->app), o[O_CONFIRM].set, e);
	return s;
}

int cli_exam_add(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[O_N] = {
	    [O_DATE] = {"date", OPT_VALUE},	    [O_ASC] = {"ascites", OPT_VALUE},
	    [O_HE] = {"encephalopathy", OPT_VALUE}, [O_DIAL] = {"dialysis", OPT_VALUE},
	    [O_WEIGHT] = {"weight", OPT_VALUE},	    [O_DRY] = {"dry-weight", OPT_VALUE},
	    [O_CONFIRM] = {"confirm", OPT_FLAG}};
	const char *pos[1];
	struct err e = {""};
	struct exam x;
	struct patient p;
	char d[16];
	int rc = cli_parse(c, argc, argv, o, O_N, pos, 1, 1);
	if (rc)
		return rc;
	exam_init(&x);
	enum status s = findings(c, o, &x, &e);
	if (s == ST_CONFIRM)
		return cli_usage(c, "%s (add --confirm to accept)", e.msg);
	if (s == ST_OK)
		s = store_patient_by_mrn(c->app->st, pos[0], &p, &e);
	if (s == ST_OK) {
		x.patient_id = p.id;
		s = store_exam_add(c->app->st, &x, &e);
	}
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	cli_putf(c, "recorded examination for %s on %s:", p.mrn, date_format(x.date, d));
	if (x.ascites != EXAM_UNGRADED)
		cli_putf(c, " ascites ICA %d", x.ascites);
	if (x.he != EXAM_UNGRADED)
		cli_putf(c, " encephalopathy West Haven %d", x.he);
	if (x.dialysis != EXAM_UNGRADED)
		cli_putf(c, " dialysis %s", x.dialysis ? "yes" : "no");
	if (!isnan(x.weight_kg))
		cli_putf(c, " weight %.1f kg", x.weight_kg);
	if (!isnan(x.dry_weight_kg))
		cli_putf(c, " dry weight %.1f kg", x.dry_weight_kg);
	cli_put(c, "\n");
	return 0;
}
