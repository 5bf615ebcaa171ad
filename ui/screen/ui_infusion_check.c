/* ui_infusion_check.c: the pre-infusion check before the infusion form —
 * item by item like the checklist, with the data each item used. */
#include "ui_infusion_check.h"

#include <stdlib.h>
#include <string.h>

#include "infusion_check.h"
#include "protocol.h"
#include "store.h"
#include "store_eval.h"
#include "uc_infusion.h"
#include "ui_infusion.h"
#include "ui_lines.h"
#include "util.h"

#define IC_INDENT 5

struct ic_screen {
	struct ui_screen base;
	int64_t id;
	struct icheck_result res;
	struct ui_lines lines;
};

static const enum ui_action ic_hints_open[] = {ACT_HELP, ACT_ENTER, ACT_BACK, ACT_NONE};
static const enum ui_action ic_hints_closed[] = {ACT_HELP, ACT_BACK, ACT_NONE};

static enum ui_role state_role(enum icheck_state s)
{
	return s == ICHK_REFUSE	   ? ROLE_CRITICAL
	       : s == ICHK_CONFIRM ? ROLE_WARN
	       : s == ICHK_PENDING ? ROLE_DIM
				   : ROLE_NORMAL;
}

/* text as lines of at most width columns after indent blanks, broken at
 * blanks (a word longer than a line is cut by the drawing). */
static void add_wrapped(struct ui_lines *ls, enum ui_role r, int indent, int width,
			const char *text)
{
	while (*text) {
		int n = (int)strlen(text);
		if (n > width) {
			n = width;
			while (n > 0 && text[n] != ' ')
				n--;
			if (n == 0)
				n = width;
		}
		ui_lines_add(ls, r, "%*s%.*s", indent, "", n, text);
		text += n;
		while (*text == ' ')
			text++;
	}
}

static void build(struct ic_screen *c, const struct protocol *p, int cols)
{
	struct ui_lines *ls = &c->lines;
	const struct icheck_line *no = infusion_check_first(&c->res, ICHK_REFUSE);
	char d[16];
	int w = cols - IC_INDENT - 1;
	ui_lines_clear(ls);
	ui_lines_add(ls, no ? ROLE_CRITICAL : state_role(c->res.state), "Infusion check for %s: %s",
		     date_format(c->res.day, d), c->res.summary);
	ui_lines_add(ls, ROLE_DIM, "Protocol %s %s", p->name, p->version);
	if (no)
		ui_lines_add(ls, ROLE_CRITICAL, "The infusion form stays closed: %s.",
			     icheck_item_label(no->item));
	else
		ui_lines_add(ls, ROLE_HINT,
			     "[..] checked with the form's values; [??] needs a "
			     "physician's reason");
	for (int i = 0; i < ICHECK_COUNT; i++) {
		const struct icheck_line *l = &c->res.lines[i];
		enum ui_role r = state_role(l->state);
		ui_lines_add(ls, r, "[%s] %-52s %s", icheck_state_mark(l->state),
			     icheck_item_label(l->item), icheck_state_str(l->state));
		add_wrapped(ls, ROLE_DIM, IC_INDENT, w, l->data);
		add_wrapped(ls, r, IC_INDENT, w, l->reason);
	}
}

static bool run(struct ic_screen *c, struct ui *ui)
{
	struct err e = {""};
	struct protocol *p = xcalloc(1, sizeof *p);
	enum status s = store_protocol_active(ui->app->st, p, NULL, &e);
	if (s == ST_OK)
		s = uc_infusion_check(ui->app->st, p, c->id, NULL, app_today(ui->app), &c->res, &e);
	if (s == ST_OK)
		build(c, p, ui->cols);
	else
		ui_msg(ui, ROLE_CRITICAL, "cannot run the infusion check: %s", err_why(&e, s));
	free(p);
	return s == ST_OK;
}

static bool refused(const struct ic_screen *c)
{
	return infusion_check_first(&c->res, ICHK_REFUSE) != NULL;
}

static void ic_draw(struct ui_screen *s, struct ui *ui)
{
	struct ic_screen *c = (struct ic_screen *)s;
	ui_lines_draw(&c->lines, ui->body, 0, ui->rows);
}

static int ic_key(struct ui_screen *s, struct ui *ui, int key)
{
	struct ic_screen *c = (struct ic_screen *)s;
	if (!ui_key_is(key, ACT_ENTER))
		return ui_lines_key(&c->lines, key, ui->rows) ? UI_DONE : UI_PASS;
	const struct icheck_line *no = infusion_check_first(&c->res, ICHK_REFUSE);
	if (no) {
		ui_msg(ui, ROLE_CRITICAL, "the infusion check refuses: %s: %s",
		       icheck_item_str(no->item), no->reason);
		return UI_DONE;
	}
	struct ui_screen *form = ui_infusion_new(ui, c->id);
	if (!form)
		return UI_DONE;
	strlcpy_(form->banner, c->base.banner, sizeof form->banner);
	/* The form takes the check's place: saved or left, it returns to the
	 * patient, and the next check is run afresh. */
	ui_pop(ui);
	ui_push(ui, form);
	return UI_DONE;
}

static const enum ui_action *ic_keys_now(const struct ui_screen *s, unsigned *scope)
{
	const struct ic_screen *c = (const struct ic_screen *)s;
	*scope = SC_LIST;
	return refused(c) ? ic_hints_closed : ic_hints_open;
}

static void ic_done(struct ui_screen *s)
{
	struct ic_screen *c = (struct ic_screen *)s;
	ui_lines_done(&c->lines);
	free(c);
}

static const struct ui_screen_ops ic_ops = {
    "Infusion check",
    ic_draw,
    ic_key,
    NULL,
    ic_done,
    ic_hints_open,
    "The check before every infusion, item by item, with the data each item used: the "
    "patient's status, the signed READY evaluation, consent, labs within the protocol's "
    "window, adverse events and stopping rules, the plan, the interval, the dose, the route, "
    "the intrahepatic gates and the product lot. [ok] passes, [..] is checked against the "
    "values given on the form, [??] needs a physician's confirmed reason, [NO] refuses: the "
    "form stays closed until the missing item is recorded. When nothing refuses, {ENTER} "
    "opens the infusion form; saving it runs the same check again.",
    NULL,
    .scope = SC_LIST,
    .keys_now = ic_keys_now,
};

struct ui_screen *ui_infusion_check_new(struct ui *ui, int64_t patient_id)
{
	struct ic_screen *c = xcalloc(1, sizeof *c);
	c->base.ops = &ic_ops;
	c->base.patient = patient_id;
	c->id = patient_id;
	ui_lines_init(&c->lines);
	if (!run(c, ui)) {
		ic_done(&c->base);
		return NULL;
	}
	return &c->base;
}
