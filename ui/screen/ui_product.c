/* ui_product.c: the product lot form — a field table over struct product
 * and its save, on the form engine (ui_formdef); each release test chooses
 * among its own result words. */
#include "ui_product.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "product.h"
#include "store_product.h"
#include "ui_formdef.h"
#include "util.h"
#include "visit.h"

enum {
	PF_LOT,
	PF_TYPE,
	PF_DONOR,
	PF_PASSAGE,
	PF_PER_VIAL,
	PF_VIABILITY,
	PF_TEST, /* the release tests, PRODUCT_TEST_INFO's order */
	PF_EXPIRY = PF_TEST + PTEST_COUNT,
	PF_RECEIVED,
	PF_THAWED,
	PF_NOTE,
	PF_N
};

/* Each test's results as its own words, in enum product_result's order. */
struct pctx {
	const char *words[PTEST_COUNT][3];
};

static const char *type_label(int i)
{
	return product_type_label((enum product_type)i);
}

static enum status check_lot(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			     struct err *e)
{
	struct product *p = ff->rec;
	enum status s = product_check_lot(t, e);
	if (s == ST_OK)
		strlcpy_(p->lot, t, sizeof p->lot);
	return s;
}

static enum status check_donor(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			       struct err *e)
{
	struct product *p = ff->rec;
	enum status s = product_check_donor(t, e);
	if (s == ST_OK)
		strlcpy_(p->donor, t, sizeof p->donor);
	return s;
}

static enum status check_type(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			      struct err *e)
{
	((struct product *)ff->rec)->type = (enum product_type)ui_fform_choice(ff, PF_TYPE);
	return ST_OK;
}

/* A number against its row of the limits table (empty: not given). */
static enum status limited(const char *t, enum product_limit_id id, double *out, struct err *e)
{
	const struct product_limit *l = product_limit(id);
	*out = NAN;
	if (!*t)
		return ST_OK;
	if (!parse_double(t, out))
		return err_set(e, ST_INVALID, "%s: '%s' is not a number", l->field, t);
	return product_check_limit(id, *out, false, e);
}

static enum status check_passage(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
				 struct err *e)
{
	struct product *p = ff->rec;
	double v;
	enum status s = limited(t, PRLIM_PASSAGE, &v, e);
	if (s != ST_INVALID && !isnan(v) && v != floor(v))
		s = err_set(e, ST_INVALID, "passage: '%s' is not a whole number (0-10)", t);
	p->passage = isnan(v) ? -1 : (int)v;
	return s;
}

static enum status check_per_vial(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
				  struct err *e)
{
	struct product *p = ff->rec;
	static const enum product_limit_id by_type[PTYPE_COUNT] = {PRLIM_CELLS, PRLIM_PARTICLES,
								   PRLIM_PROTEIN};
	p->type = (enum product_type)ui_fform_choice(ff, PF_TYPE);
	return limited(t, by_type[p->type], &p->per_vial, e);
}

static enum status check_viability(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
				   struct err *e)
{
	return limited(t, PRLIM_VIABILITY, &((struct product *)ff->rec)->viability, e);
}

static enum status check_test(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
			      struct err *e)
{
	int i = (int)(fd - &ff->def->fields[PF_TEST]);
	int c = ui_fform_choice(ff, PF_TEST + i);
	((struct product *)ff->rec)->tests[i] = c < 0 ? PRES_PENDING : (enum product_result)c;
	return ST_OK;
}

static enum status check_expiry(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
				struct err *e)
{
	return date_parse_field("expiry", t, ff->today, true, &((struct product *)ff->rec)->expiry,
				e);
}

static enum status check_received(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
				  struct err *e)
{
	day_t d;
	return visit_parse_time("received", t, ff->tz, ff->clock(),
				&((struct product *)ff->rec)->received_at, &d, e);
}

static enum status check_thawed(struct ui_fform *ff, const struct ui_fielddef *fd, const char *t,
				struct err *e)
{
	struct product *p = ff->rec;
	day_t d;
	p->thawed_at = 0;
	return *t ? visit_parse_time("thawed", t, ff->tz, ff->clock(), &p->thawed_at, &d, e)
		  : ST_OK;
}

#define P_(f) offsetof(struct product, f)
#define TEST(label_)                                                                    \
	{                                                                               \
		.label = label_, .kind = FK_CHOICE, .width = 12, .first = PRES_PENDING, \
		.check = check_test                                                     \
	}
static const struct ui_fielddef pf_fields[PF_N] = {
    {.label = "Lot", .kind = FK_TEXT, .width = 24, .max = PRODUCT_LOT_MAX, .check = check_lot},
    {.label = "Type",
     .kind = FK_CHOICE,
     .width = 24,
     .choice_label = type_label,
     .nchoices = PTYPE_COUNT,
     .first = PTYPE_UCMSC,
     .check = check_type},
    {.label = "Donor code",
     .kind = FK_TEXT,
     .width = 24,
     .max = PRODUCT_DONOR_MAX,
     .check = check_donor},
    {.label = "Passage",
     .kind = FK_TEXT,
     .hint = "0-10; UC-MSC cells",
     .width = 4,
     .max = 4,
     .optional = true,
     .check = check_passage},
    {.label = "Per vial",
     .kind = FK_TEXT,
     .hint = "cells, particles or µg protein by type",
     .width = 10,
     .max = 16,
     .check = check_per_vial},
    {.label = "Viability",
     .kind = FK_TEXT,
     .unit = "%",
     .hint = "0-100; release 70",
     .width = 6,
     .max = 6,
     .optional = true,
     .check = check_viability},
    TEST("Sterility"),
    TEST("Endotoxin"),
    TEST("Mycoplasma"),
    TEST("Identity markers"),
    {.label = "Expiry",
     .kind = FK_TEXT,
     .hint = "YYYY-MM-DD",
     .width = 12,
     .max = 10,
     .check = check_expiry},
    {.label = "Received",
     .kind = FK_TEXT,
     .hint = "YYYY-MM-DD HH:MM",
     .width = 17,
     .max = 16,
     .check = check_received},
    {.label = "Thawed",
     .kind = FK_TEXT,
     .hint = "YYYY-MM-DD HH:MM; empty if not yet",
     .width = 17,
     .max = 16,
     .optional = true,
     .check = check_thawed},
    {.label = "Note",
     .kind = FK_MEMO,
     .width = 50,
     .rows = 1,
     .optional = true,
     .off = P_(note),
     .size = sizeof(((struct product *)0)->note)},
};
#undef TEST
#undef P_

static enum status pf_save(struct ui_fform *ff, struct ui *ui, bool confirmed, struct err *e)
{
	struct product *p = ff->rec;
	enum status s = product_validate(p, ff->clock(), confirmed, e);
	if (s == ST_CONFIRM)
		s = ST_OK; /* each warning was confirmed as its field was left */
	if (s == ST_OK)
		s = store_product_add(ui->app->st, p, e);
	if (s == ST_OK)
		ui_msg(ui, ROLE_OK, "recorded product lot %s: %s", p->lot,
		       product_released(p) ? "released" : "NOT released (tests pending or failed)");
	return s;
}

static const enum ui_action pf_hints[] = {ACT_HELP, ACT_NEXT, ACT_CHOOSE,
					  ACT_SAVE, ACT_BACK, ACT_NONE};

static const struct ui_formdef pf_def = {
    .kind = DRAFT_PRODUCT,
    .title = "Product lot",
    .noun = "product lot",
    .heading = "Product lot (UC-MSC or cell-free)",
    .help = "Record a lot of the cell product as received: its type (UC-MSC cells, or a "
	    "cell-free exosome or secretome product with its own unit per vial), lot and donor "
	    "code, passage, amount per vial, viability, each release test's result, expiry and "
	    "when it was received and thawed. Only a lot whose every release test passed, and "
	    "that has not expired, can be infused. {SAVE} saves.",
    .hints = pf_hints,
    .fields = pf_fields,
    .n = PF_N,
    .rec_size = sizeof(struct product),
    .version_off = offsetof(struct product, version),
    .note_max = PRODUCT_NOTE_MAX,
    .save = pf_save,
};

static struct ui_screen *open_form(struct ui *ui, int64_t patient_id, bool resume)
{
	struct ui_fform *ff = ui_fform_new(&pf_def, ui, 0, 0, sizeof(struct pctx));
	struct pctx *c = ff->ctx;
	struct product *p = ff->rec;
	char t[20];
	product_init(p);
	for (int i = 0; i < PTEST_COUNT; i++) {
		for (int r = 0; r < 3; r++)
			c->words[i][r] =
			    product_result_word((enum product_test)i, (enum product_result)r);
		ui_fform_choices(ff, PF_TEST + i, c->words[i], 3);
		ui_fform_choose(ff, PF_TEST + i, PRES_PENDING);
	}
	ui_fform_set(ff, PF_RECEIVED, visit_format_time(ff->clock(), ff->tz, t));
	(void)patient_id;
	return ui_fform_ready(ff, ui, resume);
}

struct ui_screen *ui_product_new(struct ui *ui, int64_t patient_id)
{
	return open_form(ui, patient_id, false);
}

struct ui_screen *ui_product_resume(struct ui *ui, int64_t patient_id)
{
	return open_form(ui, patient_id, true);
}
