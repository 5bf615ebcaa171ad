/* cli_checklist.c: `checklist`, `checklist answer`, `checklist sign` and `checklist amend`. */
#include "cli_int.h"
#include "uc_checklist.h"

#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "checklist.h"
#include "json.h"
#include "signature.h"
#include "store_eval.h"
#include "store_sig.h"
#include "uc_sign.h"
#include "util.h"

int cli_protocol(struct cli *c, struct protocol *p, char **text)
{
	struct err e = {""};
	enum status s = store_protocol_active(c->app->st, p, text, &e);
	return s == ST_OK ? 0 : cli_fail(c, s, &e);
}

/* The patient named by MRN and the day given by --date (default today). */
static int patient_and_day(struct cli *c, const char *mrn, const struct cli_opt *date,
			   struct patient *pt, day_t *on)
{
	struct err e = {""};
	enum status s = store_patient_by_mrn(c->app->st, mrn, pt, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	*on = app_today(c->app);
	if (date && date->set) {
		s = date_parse_field("date", date->value, *on, false, on, &e);
		if (s != ST_OK)
			return cli_fail(c, s, &e);
	}
	return 0;
}

static void print_text(struct cli *c, const struct patient *pt, const struct protocol *p,
		       const struct checklist_result *r, const struct evaluation *ev,
		       const struct signature *sig)
{
	char d[16], t[20];
	cli_putf(c, "Checklist for %s %s on %s — %s %s (%.12s)\n", pt->mrn, pt->name,
		 date_format(r->on, d), p->name, p->version, p->hash);
	cli_putf(c, "STATUS: %s\n", r->summary);
	for (int i = 0; i < r->n; i++) {
		const struct checklist_line *l = &r->lines[i];
		const struct protocol_item *it = &p->items[l->item];
		cli_putf(c, "%s %-8s %-18s %s%s\n", l->blocking ? "!" : " ",
			 item_state_str(l->state), it->id, it->label,
			 it->required ? "" : " (optional)");
		cli_putf(c, "    %s\n", l->reason);
		if (l->data[0])
			cli_putf(c, "    data: %s\n", l->data);
	}
	if (!ev) {
		cli_put(c, "not signed\n");
		return;
	}
	cli_putf(c, "signed: version %d, %s as of %s, by %s at %s\n", ev->chain_version,
		 eval_status_str(ev->status), date_format(ev->as_of, d), ev->signed_by,
		 date_format_time(ev->signed_at, t));
	cli_sig_text(c, sig);
}

int cli_checklist(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"date", OPT_VALUE}, {"json", OPT_FLAG}};
	const char *pos[1];
	struct patient pt;
	struct protocol p;
	struct evaluation ev;
	struct signature sig;
	struct err e = {""};
	day_t on = DAY_NONE;
	bool have_sig = false;
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 1, 1);
	if (rc || (rc = patient_and_day(c, pos[0], &o[0], &pt, &on)) ||
	    (rc = cli_protocol(c, &p, NULL)))
		return rc;
	struct checklist_result *r = xmalloc(sizeof *r);
	enum status s = uc_checklist_load(c->app->st, &c->app->cfg, &p, pt.id, on, r, &e);
	bool have = s == ST_OK && store_eval_current(c->app->st, pt.id, &ev, &e) == ST_OK;
	if (s == ST_OK)
		s = store_patient_viewed(c->app->st, pt.id, "checklist", &e);
	if (s == ST_OK && have)
		s = store_sig_get(c->app->st, "evaluations", ev.id, &sig, &have_sig, &e);
	if (s != ST_OK) {
		free(r);
		return cli_fail(c, s, &e);
	}
	if (o[1].set) {
		struct json j;
		json_init(&j, false);
		json_obj_begin(&j, NULL);
		json_string(&j, "mrn", pt.mrn);
		checklist_json(&j, &p, r, have ? &ev : NULL);
		cli_sig_json(&j, have_sig ? &sig : NULL);
		json_obj_end(&j);
		fprintf(c->out, "%s\n", json_str(&j));
		json_done(&j);
	} else {
		print_text(c, &pt, &p, r, have ? &ev : NULL, have_sig ? &sig : NULL);
	}
	free(r);
	return 0;
}

int cli_checklist_answer(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"value", OPT_VALUE}, {"note", OPT_VALUE}, {"date", OPT_VALUE}};
	const char *pos[3];
	struct patient pt;
	struct protocol p;
	struct checklist_answer a = {0};
	struct err e = {""};
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 3, 3);
	if (rc)
		return rc;
	if (strcmp(pos[2], "yes") != 0 && strcmp(pos[2], "no") != 0)
		return cli_usage(c, "answer '%s': accepted yes or no", pos[2]);
	if ((rc = patient_and_day(c, pos[0], &o[2], &pt, &a.answered_on)) ||
	    (rc = cli_protocol(c, &p, NULL)))
		return rc;
	if (strlen(pos[1]) > PROTOCOL_ID_MAX ||
	    (o[0].set && strlen(o[0].value) > ANSWER_VALUE_MAX) ||
	    (o[1].set && strlen(o[1].value) > ANSWER_NOTE_MAX))
		return cli_usage(c,
				 "item at most %d, --value at most %d and --note at most %d "
				 "characters",
				 PROTOCOL_ID_MAX, ANSWER_VALUE_MAX, ANSWER_NOTE_MAX);
	a.patient_id = pt.id;
	strlcpy_(a.item, pos[1], sizeof a.item);
	a.yes = strcmp(pos[2], "yes") == 0;
	strlcpy_(a.value, o[0].set ? o[0].value : "", sizeof a.value);
	strlcpy_(a.note, o[1].set ? o[1].value : "", sizeof a.note);
	enum status s = store_answer_add(c->app->st, &p, &a, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	char d[16];
	cli_putf(c, "recorded %s: %s%s%s for %s on %s\n", a.item, pos[2], *a.value ? " " : "",
		 a.value, pt.mrn, date_format(a.answered_on, d));
	return 0;
}

/* sign (reason NULL) or amend: the meaning shown, the password read, then
 * the signature (uc_sign_eval). */
static int sign_or_amend(struct cli *c, const char *mrn, const struct cli_opt *date,
			 const struct cli_opt *pwfd, const char *reason)
{
	struct patient pt;
	struct protocol p;
	struct evaluation ev;
	struct err e = {""};
	char *text = NULL, d[16], meaning[SIG_MEANING_MAX + 1], what[96];
	char pw[AUTH_PASSWORD_MAX + 2];
	day_t on = DAY_NONE;
	int rc = patient_and_day(c, mrn, date, &pt, &on);
	if (rc || (rc = cli_protocol(c, &p, &text)))
		return rc;
	enum status s =
	    store_may(c->app->st, reason ? PERM_AMEND_SIGNED : PERM_SIGN_EVALUATION, &e);
	if (s == ST_OK)
		s = uc_sign_eval_meaning(c->app->st, &c->app->cfg, &p, pt.id, on, reason != NULL,
					 meaning, sizeof meaning, &e);
	if (s != ST_OK) {
		free(text);
		return cli_fail(c, s, &e);
	}
	snprintf(what, sizeof what, "the %s of %s as of %s",
		 reason ? "amended evaluation" : "evaluation", pt.mrn, date_format(on, d));
	if ((rc = cli_sign_password(c, what, meaning, pwfd, pw, sizeof pw))) {
		free(text);
		return rc;
	}
	s = uc_sign_eval(c->app->st, &c->app->cfg, &p, text, pt.id, on, reason, pw, &ev, &e);
	free(text);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	cli_putf(c, "%s %s: version %d, %s as of %s, by %s\n", reason ? "amended" : "signed",
		 pt.mrn, ev.chain_version, eval_status_str(ev.status), date_format(ev.as_of, d),
		 ev.signed_by);
	struct signature sig;
	bool found = false;
	if ((rc = cli_sig_load(c, "evaluations", ev.id, &sig, &found)))
		return rc;
	cli_sig_text(c, found ? &sig : NULL);
	return 0;
}

int cli_checklist_sign(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"date", OPT_VALUE}, {"password-fd", OPT_VALUE}};
	const char *pos[1];
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 1, 1);
	return rc ? rc : sign_or_amend(c, pos[0], &o[0], &o[1], NULL);
}

int cli_checklist_amend(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {
	    {"date", OPT_VALUE}, {"reason", OPT_VALUE}, {"password-fd", OPT_VALUE}};
	const char *pos[1];
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 1, 1);
	if (rc)
		return rc;
	if (!o[1].set || !*o[1].value)
		return cli_usage(c, "--reason is required: say why the evaluation is amended");
	return sign_or_amend(c, pos[0], &o[0], &o[2], o[1].value);
}
