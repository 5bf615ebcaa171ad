/* cli_audit.c: `audit` (listing as text, JSON or CSV), `audit verify`,
 * `check`, and the CSV cell writer that guards against formula injection. */
#include "cli_int.h"

#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "json.h"
#include "store_ro.h"
#include "text.h"
#include "util.h"

#define AUDIT_LIMIT_MAX 10000000L

enum audit_format { FMT_TEXT, FMT_JSON, FMT_CSV };

void cli_csv_cell(struct strbuf *sb, const char *s)
{
	struct strbuf clean;
	sb_init(&clean);
	text_sanitize(&clean, s ? s : "", false);
	const char *t = sb_str(&clean);
	/* A spreadsheet runs a cell that starts with one of these as a formula;
	 * tab and CR are checked on the raw text (the neutraliser replaces them). */
	bool formula = (s && s[0] && strchr("=+-@\t\r", s[0])) || (t[0] && strchr("=+-@", t[0]));
	sb_addc(sb, '"');
	if (formula)
		sb_addc(sb, '\'');
	for (; *t; t++) {
		if (*t == '"')
			sb_addc(sb, '"');
		sb_addc(sb, *t);
	}
	sb_addc(sb, '"');
	sb_done(&clean);
}

struct audit_out {
	struct cli *c;
	enum audit_format fmt;
	struct json j;
	struct strbuf line;
	long n;
};

static void audit_text(struct audit_out *o, const struct audit_row *r)
{
	char when[32];
	char seq[24];
	snprintf(seq, sizeof seq, "%s%lld", r->access ? "a" : "", (long long)r->seq);
	cli_putf(o->c, "%6s %s %-12s %-8s %s", seq, date_format_time(r->ts, when), r->actor,
		 r->action, r->tbl);
	if (r->row_id)
		cli_putf(o->c, "#%lld", (long long)r->row_id);
	if (r->mrn[0])
		cli_putf(o->c, " MRN %s", r->mrn);
	cli_put(o->c, "\n");
	if (r->before)
		cli_putf(o->c, "       before: %s\n", r->before);
	if (r->after)
		cli_putf(o->c, "       after:  %s\n", r->after);
}

static void audit_csv(struct audit_out *o, const struct audit_row *r)
{
	char when[32];
	struct strbuf *l = &o->line;
	sb_reset(l);
	sb_addf(l, "%s%lld,", r->access ? "a" : "", (long long)r->seq);
	const char *cells[] = {date_format_time(r->ts, when), r->actor, r->action, r->tbl};
	for (size_t i = 0; i < ARRAY_SIZE(cells); i++) {
		cli_csv_cell(l, cells[i]);
		sb_addc(l, ',');
	}
	if (r->row_id)
		sb_addf(l, "%lld", (long long)r->row_id);
	sb_addc(l, ',');
	cli_csv_cell(l, r->mrn);
	sb_addc(l, ',');
	cli_csv_cell(l, r->before);
	sb_addc(l, ',');
	cli_csv_cell(l, r->after);
	sb_add(l, "\r\n");
	fputs(sb_str(l), o->c->out);
}

static void audit_json(struct audit_out *o, const struct audit_row *r)
{
	char when[32];
	struct json *j = &o->j;
	json_obj_begin(j, NULL);
	json_int(j, "seq", r->seq);
	json_string(j, "trail", r->access ? "access" : "audit");
	json_string(j, "time", date_format_time(r->ts, when));
	json_string(j, "user", r->actor);
	json_string(j, "action", r->action);
	json_string(j, "table", r->tbl);
	if (r->row_id)
		json_int(j, "row", r->row_id);
	else
		json_null(j, "row");
	json_string(j, "mrn", r->mrn[0] ? r->mrn : NULL);
	json_string(j, "before", r->before);
	json_string(j, "after", r->after);
	json_obj_end(j);
}

static void audit_row_out(const struct audit_row *r, void *arg)
{
	struct audit_out *o = arg;
	o->n++;
	if (o->fmt == FMT_TEXT)
		audit_text(o, r);
	else if (o->fmt == FMT_CSV)
		audit_csv(o, r);
	else
		audit_json(o, r);
}

/* --patient, --user, --since and --limit into a filter; 0 or an exit code. */
static int audit_filter(struct cli *c, struct cli_opt *o, struct audit_filter *f)
{
	struct err e = {""};
	long limit = 100;
	if (o[0].set) {
		struct patient p;
		enum status s = store_patient_by_mrn(c->app->st, o[0].value, &p, &e);
		if (s != ST_OK)
			return cli_fail(c, s, &e);
		f->patient_id = p.id;
	}
	if (o[1].set)
		f->actor = o[1].value;
	if (o[2].set) {
		day_t d;
		if (!date_parse(o[2].value, &d))
			return cli_usage(c, "--since '%s': a date YYYY-MM-DD", o[2].value);
		f->since = date_to_time(d) - (int64_t)c->app->cfg.tz_offset_minutes * 60;
	}
	if (o[3].set && !parse_long(o[3].value, 1, AUDIT_LIMIT_MAX, &limit))
		return cli_usage(c, "--limit '%s': %saccepted 1-%ld", o[3].value,
				 cli_nan(o[3].value), AUDIT_LIMIT_MAX);
	f->limit = (int)limit;
	return 0;
}

int cli_audit(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"patient", OPT_VALUE}, {"user", OPT_VALUE}, {"since", OPT_VALUE},
			      {"limit", OPT_VALUE},   {"json", OPT_FLAG},  {"csv", OPT_FLAG}};
	struct audit_filter f = {0};
	struct audit_out out = {c, FMT_TEXT};
	struct err e = {""};
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), NULL, 0, 0);
	if (rc)
		return rc;
	if (o[4].set && o[5].set)
		return cli_usage(c, "--json and --csv: choose one");
	/* Only auditors learn even whether an MRN exists. */
	enum status s = store_may(c->app->st, PERM_AUDIT, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	if ((rc = audit_filter(c, o, &f)) != 0)
		return rc;
	out.fmt = o[4].set ? FMT_JSON : o[5].set ? FMT_CSV : FMT_TEXT;
	f.export = out.fmt != FMT_TEXT;
	json_init(&out.j, false);
	json_arr_begin(&out.j, NULL);
	sb_init(&out.line);
	if (out.fmt == FMT_CSV)
		fputs("seq,time,user,action,table,row,mrn,before,after\r\n", c->out);
	s = store_audit_each(c->app->st, &f, audit_row_out, &out, &e);
	json_arr_end(&out.j);
	if (s == ST_OK && out.fmt == FMT_JSON)
		fprintf(c->out, "%s\n", json_str(&out.j));
	json_done(&out.j);
	sb_done(&out.line);
	return s == ST_OK ? 0 : cli_fail(c, s, &e);
}

/* Print a verification; returns the exit code (0 intact, 1 problems). */
static int report_verify(struct cli *c, const struct audit_verify *v)
{
	for (int i = 0; i < v->nproblems && i < AUDIT_VERIFY_KEEP; i++)
		cli_putf(c, "audit: %s\n", v->problems[i].what);
	if (v->nproblems > AUDIT_VERIFY_KEEP)
		cli_putf(c, "audit: ... and %d more problems\n", v->nproblems - AUDIT_VERIFY_KEEP);
	if (v->nproblems == 0) {
		cli_putf(c, "audit: %lld rows, chain intact (newest seq %lld)\n",
			 (long long)v->rows, (long long)v->last_seq);
		if (v->access_present)
			cli_putf(c, "access: %lld rows, chain intact (newest seq a%lld)\n",
				 (long long)v->access_rows, (long long)v->access_last_seq);
		return 0;
	}
	cli_putf(c, "audit: %d problem%s in %lld rows — the trail was altered outside hepadesk\n",
		 v->nproblems, v->nproblems == 1 ? "" : "s", (long long)v->rows);
	return 1;
}

static enum status check_open(struct cli *c, struct err *e);

int cli_audit_verify(struct cli *c, int argc, char **argv)
{
	struct audit_verify v;
	struct err e = {""};
	int rc = cli_parse(c, argc, argv, NULL, 0, NULL, 0, 0);
	if (rc)
		return rc;
	enum status s = check_open(c, &e);
	if (s == ST_OK)
		s = store_may(c->app->st, PERM_AUDIT, &e);
	if (s == ST_OK && store_exposed(c->app->st))
		fprintf(c->err, "hepadesk audit: warning: %s\n", store_exposed(c->app->st));
	if (s == ST_OK)
		s = store_audit_verify(c->app->st, &v, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	return report_verify(c, &v);
}

static void integrity_line(const char *problem, void *arg)
{
	cli_putf(arg, "integrity: %s\n", problem);
}

/* Open an existing database as the logged-in OS user, for reading only:
 * check and audit verify write nothing, so they verify a read-only backup
 * copy too (even one other users may read: check reports that), and a
 * damaged file is reported as the finding. */
static enum status check_open(struct cli *c, struct err *e)
{
	return app_open_readonly(c->app, e);
}

int cli_check(struct cli *c, int argc, char **argv)
{
	struct audit_verify v;
	struct err e = {""};
	int bad = 0;
	int rc = cli_parse(c, argc, argv, NULL, 0, NULL, 0, 0);
	if (rc)
		return rc;
	enum status s = check_open(c, &e);
	if (s == ST_OK)
		s = store_may(c->app->st, PERM_AUDIT, &e);
	if (s == ST_OK)
		s = store_integrity_check(c->app->st, integrity_line, c, &bad, &e);
	if (s == ST_CORRUPT)
		err_set(&e, s,
			"integrity: DAMAGED — %s is not a sound database; restore it from "
			"backup",
			c->app->db_path);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	if (bad == 0)
		cli_put(c, "integrity: ok\n");
	if (store_exposed(c->app->st)) {
		cli_putf(c, "permissions: %s\n", store_exposed(c->app->st));
		bad++;
	}
	if ((s = store_audit_verify(c->app->st, &v, &e)) != ST_OK)
		return cli_fail(c, s, &e);
	rc = report_verify(c, &v);
	return bad || rc ? 1 : 0;
}
