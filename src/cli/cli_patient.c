/* cli_patient.c: `patient add`, `find` and `user` commands. */
#include "cli_int.h"

#include <math.h>
#include <string.h>

#include "json.h"
#include "text.h"
#include "util.h"
#include "vital.h"

#define FIND_MAX 200

/* Each field through the model's rules; a warning needs --confirm. */
static enum status check_fields(struct cli *c, struct cli_opt *o, bool confirm, struct patient *p,
				struct err *e)
{
	day_t today = app_today(c->app);
	enum status s;
	strlcpy_(p->mrn, o[0].value, sizeof p->mrn);
	if ((s = patient_check_mrn(o[0].value, e)) != ST_OK ||
	    (s = patient_check_name(o[1].value, e)) != ST_OK)
		return s;
	strlcpy_(p->name, o[1].value, sizeof p->name);
	s = patient_check_dob(o[2].value, today, &p->dob, e);
	if (s == ST_CONFIRM && confirm)
		s = ST_OK;
	if (s != ST_OK || (s = patient_check_sex(o[3].value, &p->sex, e)) != ST_OK)
		return s;
	if (o[4].set) {
		if ((s = patient_check_etiology(o[4].value, e)) != ST_OK)
			return s;
		strlcpy_(p->etiology, o[4].value, sizeof p->etiology);
	}
	if (o[5].set) {
		s = vital_parse(VITAL_WEIGHT, o[5].value, confirm, &p->weight_kg, e);
		p->weight_date = today;
	}
	return s;
}

int cli_patient_add(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"mrn", OPT_VALUE},    {"name", OPT_VALUE},     {"dob", OPT_VALUE},
			      {"sex", OPT_VALUE},    {"etiology", OPT_VALUE}, {"weight", OPT_VALUE},
			      {"confirm", OPT_FLAG}, {"reason", OPT_VALUE}};
	struct patient p = {0};
	struct err e = {""};
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), NULL, 0, 0);
	if (rc)
		return rc;
	for (int i = 0; i < 4; i++)
		if (!o[i].set)
			return cli_usage(c, "--%s is required", o[i].name);
	p.weight_kg = NAN;
	p.weight_date = DAY_NONE;
	enum status s = check_fields(c, o, o[6].set, &p, &e);
	if (s == ST_CONFIRM)
		return cli_usage(c, "%s (add --confirm to accept)", e.msg);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	s = store_patient_register(c->app->st, &p, o[7].set ? o[7].value : NULL, &e);
	if (s == ST_CONFIRM)
		return cli_usage(c, "%s: --reason TEXT", e.msg);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	cli_putf(c, "registered %s %s\n", p.mrn, p.name);
	return 0;
}

static void print_csv(struct cli *c, const struct patient_hit *h, int n)
{
	char dob[16];
	struct strbuf sb;
	sb_init(&sb);
	sb_add(&sb, "mrn,name,dob,sex\r\n");
	for (int i = 0; i < n; i++) {
		cli_csv_cell(&sb, h[i].mrn);
		sb_addc(&sb, ',');
		cli_csv_cell(&sb, h[i].name);
		sb_addf(&sb, ",%s,%c\r\n", date_format(h[i].dob, dob), h[i].sex == 'F' ? 'F' : 'M');
	}
	fputs(sb_str(&sb), c->out);
	sb_done(&sb);
}

/* The options given, applied to the stored record through the model's
 * checks; a new weight is dated today (a re-measurement). */
static enum status apply_update(struct cli *c, struct cli_opt *o, bool confirm, struct patient *p,
				struct err *e)
{
	enum status s = ST_OK;
	if (o[0].set && (s = patient_check_name(o[0].value, e)) == ST_OK)
		strlcpy_(p->name, o[0].value, sizeof p->name);
	if (s == ST_OK && o[1].set)
		s = patient_check_dob(o[1].value, app_today(c->app), &p->dob, e);
	if (s == ST_CONFIRM && confirm)
		s = ST_OK;
	if (s == ST_OK && o[2].set)
		s = patient_check_sex(o[2].value, &p->sex, e);
	if (s == ST_OK && o[3].set && (s = patient_check_etiology(o[3].value, e)) == ST_OK)
		strlcpy_(p->etiology, o[3].value, sizeof p->etiology);
	if (s == ST_OK && o[4].set) {
		s = vital_parse(VITAL_WEIGHT, o[4].value, confirm, &p->weight_kg, e);
		p->weight_date = app_today(c->app);
	}
	return s;
}

int cli_patient_update(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"name", OPT_VALUE},   {"dob", OPT_VALUE},
			      {"sex", OPT_VALUE},    {"etiology", OPT_VALUE},
			      {"weight", OPT_VALUE}, {"if-version", OPT_VALUE},
			      {"confirm", OPT_FLAG}};
	const char *pos[1];
	struct patient p, theirs;
	struct err e = {""};
	long version = 0;
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 1, 1);
	if (rc)
		return rc;
	if (o[5].set && !parse_long(o[5].value, 1, 2147483647L, &version))
		return cli_usage(c, "--if-version '%s': a version number from `show --json`",
				 o[5].value);
	enum status s = store_patient_by_mrn(c->app->st, pos[0], &p, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	if (version)
		p.version = version;
	s = apply_update(c, o, o[6].set, &p, &e);
	if (s == ST_CONFIRM)
		return cli_usage(c, "%s (add --confirm to accept)", e.msg);
	if (s == ST_OK)
		s = store_patient_update(c->app->st, &p, &theirs, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	cli_putf(c, "saved %s %s (version %lld)\n", p.mrn, p.name, (long long)p.version);
	return 0;
}

static void print_hits(struct cli *c, const struct patient_hit *h, int n, bool json)
{
	char dob[16], name[PATIENT_NAME_MAX + 48];
	if (!json) {
		/* Aligned by display width: accents, CJK and combining marks. */
		for (int i = 0; i < n; i++)
			cli_putf(c, "%-12s %s %s %c\n", h[i].mrn,
				 text_pad(h[i].name, 40, name, sizeof name),
				 date_format(h[i].dob, dob), h[i].sex);
		return;
	}
	struct json j;
	json_init(&j, false);
	json_arr_begin(&j, NULL);
	for (int i = 0; i < n; i++) {
		json_obj_begin(&j, NULL);
		json_string(&j, "mrn", h[i].mrn);
		json_string(&j, "name", h[i].name);
		json_string(&j, "dob", date_format(h[i].dob, dob));
		json_string(&j, "sex", h[i].sex == 'F' ? "F" : "M");
		json_obj_end(&j);
	}
	json_arr_end(&j);
	fprintf(c->out, "%s\n", json_str(&j));
	json_done(&j);
}

int cli_find(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"json", OPT_FLAG}, {"limit", OPT_VALUE}, {"csv", OPT_FLAG}};
	const char *q[1];
	long limit = 20;
	struct err e = {""};
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), q, 1, 1);
	if (rc)
		return rc;
	if (o[0].set && o[2].set)
		return cli_usage(c, "--json and --csv: choose one");
	if (o[1].set && !parse_long(o[1].value, 1, FIND_MAX, &limit))
		return cli_usage(c, "--limit '%s': %saccepted 1-%d", o[1].value,
				 cli_nan(o[1].value), FIND_MAX);
	struct patient_hit hits[FIND_MAX];
	int n = 0;
	enum status s = app_patient_find(c->app, q[0], hits, (int)limit, &n, &e);
	/* Every list is audited before the data leaves, plain text too. */
	if (s == ST_OK && n > 0)
		s = store_patient_exported(c->app->st, hits, n,
					   o[2].set   ? "csv"
					   : o[0].set ? "json"
						      : "text",
					   &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	if (n == 0) { /* like grep: no match is exit 1, with a word on stderr */
		err_set(&e, ST_NOT_FOUND, "no patient matches '%.60s'", q[0]);
		cli_fail(c, ST_NOT_FOUND, &e);
		return 1;
	}
	if (o[2].set)
		print_csv(c, hits, n);
	else
		print_hits(c, hits, n, o[0].set);
	return 0;
}

static void print_user(const struct user *u, void *arg)
{
	struct cli *c = arg;
	char roles[ROLES_TEXT_MAX];
	cli_putf(c, "%-20s %-24s %s%s\n", u->login, roles_str(u->roles, roles, sizeof roles),
		 u->display, u->disabled ? " (disabled)" : "");
}

static int user_add(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"role", OPT_VALUE}, {"name", OPT_VALUE}};
	const char *pos[1];
	struct user u = {0};
	struct err e = {""};
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 1, 1);
	if (rc)
		return rc;
	char roles[ROLES_TEXT_MAX];
	if (!o[0].set || !roles_parse(o[0].value, &u.roles))
		return cli_usage(c, "--role: accepted viewer, nurse, physician, admin, or several "
				    "joined by commas (nurse,admin)");
	/* Refused, never cut: a cut login would be another person's. */
	const char *display = o[1].set ? o[1].value : pos[0];
	if (strlen(pos[0]) > USER_LOGIN_MAX)
		return cli_usage(c, "login '%s' is %zu bytes; accepted 1-%d", pos[0],
				 strlen(pos[0]), USER_LOGIN_MAX);
	if (strlen(display) > USER_DISPLAY_MAX)
		return cli_usage(c, "--name '%s' is %zu bytes; accepted 1-%d", display,
				 strlen(display), USER_DISPLAY_MAX);
	strlcpy_(u.login, pos[0], sizeof u.login);
	strlcpy_(u.display, display, sizeof u.display);
	enum status s = store_user_add(c->app->st, &u, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	cli_putf(c, "added %s as %s\n", u.login, roles_str(u.roles, roles, sizeof roles));
	return 0;
}

int cli_user(struct cli *c, int argc, char **argv)
{
	struct err e = {""};
	enum status s;
	enum role r;
	const char *sub = argc > 0 ? argv[0] : "";
	c->name = "user";
	if (strcmp(sub, "add") == 0)
		return user_add(c, argc - 1, argv + 1);
	if (strcmp(sub, "list") == 0 && argc == 1) {
		if ((s = store_may(c->app->st, PERM_MANAGE_USERS, &e)) == ST_OK)
			s = store_user_each(c->app->st, print_user, c, &e);
	} else if ((strcmp(sub, "role") == 0 || strcmp(sub, "grant") == 0 ||
		    strcmp(sub, "revoke") == 0) &&
		   argc == 3) {
		if (!role_parse(argv[2], &r))
			return cli_usage(c, "role '%s': accepted viewer, nurse, physician, admin",
					 argv[2]);
		s = sub[0] == 'r' && sub[2] == 'l' ? store_user_set_role(c->app->st, argv[1], r, &e)
		    : sub[0] == 'g'		   ? store_user_grant(c->app->st, argv[1], r, &e)
						   : store_user_revoke(c->app->st, argv[1], r, &e);
		if (s == ST_OK)
			cli_putf(c, "%s: %s %s\n", argv[1],
				 sub[0] == 'g'	 ? "granted"
				 : sub[2] == 'v' ? "revoked"
						 : "role set to",
				 argv[2]);
	} else if (strcmp(sub, "disable") == 0 && argc == 2) {
		s = store_user_disable(c->app->st, argv[1], &e);
		if (s == ST_OK)
			cli_putf(c, "disabled %s: they can no longer sign in\n", argv[1]);
	} else if (strcmp(sub, "--help") == 0) {
		fprintf(c->out, "usage: hepadesk %s\n", c->usage);
		return 0;
	} else {
		return cli_usage(c, "expected add, list, role, grant, revoke or disable");
	}
	return s == ST_OK ? 0 : cli_fail(c, s, &e);
}
