/* cli_hl7.c: `import hl7` (files and folders of HL7 ORU^R01 messages, with
 * --dry-run), `import queue` (what waits for a nurse) and `import resolve`
 * (store or reject a queued result, with the reason). */
#include "cli_int.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "json.h"
#include "uc_import.h"

struct import_run {
	struct cli *c;
	bool dry_run;
	int messages, refused, duplicates, failed;
	struct hl7_saved total;
};

static void import_opts(struct cli *c, bool dry_run, struct uc_import_opts *o)
{
	*o = (struct uc_import_opts){"file",
				     dry_run,
				     c->app->cfg.hl7_authority,
				     c->app->cfg.hl7_local_codes,
				     app_today(c->app),
				     &c->app->cfg};
}

static void print_item(struct cli *c, const struct hl7_item *it, bool dry)
{
	static const char *const verbs[][2] = {
	    [HL7_STORE] = {"stored", "would store"},
	    [HL7_CORRECT] = {"corrected", "would correct"},
	    [HL7_QUEUE] = {"queued", "would queue"},
	    [HL7_NOTE] = {"noted", "would note"},
	};
	char v[32];
	cli_putf(c, "  %-13s %s ", verbs[it->action][dry], it->mrn[0] ? it->mrn : "?");
	if (it->action == HL7_STORE || it->action == HL7_CORRECT) {
		analyte_format(it->lab.analyte, UNITS_US, it->lab.canonical, v, sizeof v);
		cli_putf(c, "%s %s %s on %s\n", analyte_get(it->lab.analyte)->key, it->value,
			 it->lab.unit, it->collected);
	} else if (it->action == HL7_QUEUE) {
		cli_putf(c, "%s %s %s (%s): %s\n", it->code, it->value, it->unit,
			 hl7_queue_reason_label(it->reason), it->detail);
	} else {
		cli_putf(c, "%s %s %s: %s\n", it->code, it->value, it->unit, it->detail);
	}
}

static void one_message(struct import_run *run, const char *file, const char *text, size_t len)
{
	struct cli *c = run->c;
	struct uc_import_opts o;
	struct uc_import r;
	struct err e = {""};

	import_opts(c, run->dry_run, &o);
	enum status s = uc_import_message(c->app->st, text, len, &o, &r, &e);
	run->messages++;
	if (s != ST_OK) {
		struct err why;
		err_set(&why, s, "%s: message refused, nothing stored: %s", file, err_why(&e, s));
		cli_fail(c, s, &why);
		run->refused += s == ST_INVALID;
		run->failed += s != ST_INVALID;
		return;
	}
	cli_putf(c, "%s: message %s from %s: ", file, r.control_id, r.sender);
	if (r.duplicate) {
		cli_put(c, "taken in before, nothing stored\n");
		run->duplicates++;
	} else {
		cli_putf(c, "%d %sstored, %d corrected, %d queued, %d noted\n", r.saved.stored,
			 run->dry_run ? "to be " : "", r.saved.corrected, r.saved.queued,
			 r.saved.noted);
		for (int i = 0; i < r.nitems; i++)
			print_item(c, &r.items[i], run->dry_run);
		run->total.stored += r.saved.stored;
		run->total.corrected += r.saved.corrected;
		run->total.queued += r.saved.queued;
		run->total.noted += r.saved.noted;
	}
	uc_import_done(&r);
}

/* Is p the start of a line "MSH" + delimiter? */
static bool msh_at(const char *text, size_t len, size_t p)
{
	return p + 4 <= len && memcmp(text + p, "MSH", 3) == 0 &&
	       (p == 0 || text[p - 1] == '\r' || text[p - 1] == '\n');
}

/* A file holds one message or several (each from its MSH; batch header and
 * trailer segments FHS, BHS, BTS, FTS around them are skipped). */
static void one_file(struct import_run *run, const char *path, const char *text, size_t len)
{
	size_t start = 0;
	while (start < len && !msh_at(text, len, start))
		start++;
	if (start == len) {
		struct err e;
		err_set(&e, ST_INVALID, "%s: no MSH segment: not an HL7 v2 message", path);
		cli_fail(run->c, ST_INVALID, &e);
		run->refused++;
		return;
	}
	while (start < len) {
		size_t end = start + 1;
		while (end < len && !msh_at(text, len, end))
			end++;
		size_t stop = end;
		for (size_t p = start; p < end; p++) /* cut a batch trailer off */
			if ((p == start || text[p - 1] == '\r' || text[p - 1] == '\n') &&
			    p + 3 <= end &&
			    (!memcmp(text + p, "BTS", 3) || !memcmp(text + p, "FTS", 3) ||
			     !memcmp(text + p, "BHS", 3) || !memcmp(text + p, "FHS", 3))) {
				stop = p;
				break;
			}
		one_message(run, path, text + start, stop - start);
		start = end;
	}
}

static int read_file(struct cli *c, const char *path, char **text, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct strbuf sb;
	char buf[65536];
	size_t n;
	if (!f) {
		struct err e;
		err_set(&e, ST_IO, "%s: %s", path, strerror(errno));
		return cli_fail(c, ST_IO, &e);
	}
	sb_init(&sb);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0 && sb.len <= 64u * HL7_MESSAGE_MAX)
		sb_addn(&sb, buf, n);
	fclose(f);
	*len = sb.len;
	*text = sb_take(&sb);
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void one_path(struct import_run *run, const char *path);

/* The regular files of a folder, in name order (not its sub-folders). */
static void one_dir(struct import_run *run, const char *path)
{
	DIR *d = opendir(path);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0;
	if (!d)
		return;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		names = xrealloc(names, (n + 1) * sizeof *names);
		names[n++] = xasprintf("%s/%s", path, de->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_str);
	for (size_t i = 0; i < n; i++) {
		struct stat sbuf;
		if (stat(names[i], &sbuf) == 0 && S_ISREG(sbuf.st_mode))
			one_path(run, names[i]);
		free(names[i]);
	}
	free(names);
}

static void one_path(struct import_run *run, const char *path)
{
	struct stat sbuf;
	char *text = NULL;
	size_t len = 0;
	if (stat(path, &sbuf) == 0 && S_ISDIR(sbuf.st_mode)) {
		one_dir(run, path);
		return;
	}
	if (read_file(run->c, path, &text, &len) != 0) {
		run->failed++;
		return;
	}
	one_file(run, path, text, len);
	free(text);
}

int cli_import_hl7(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"dry-run", OPT_FLAG}};
	const char *pos[256] = {NULL};
	struct import_run run = {c, false};
	struct err e = {""};
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 1, 256);
	if (rc)
		return rc;
	run.dry_run = o[0].set;
	if (hl7map_local_check(c->app->cfg.hl7_local_codes, &e) != ST_OK)
		return cli_fail(c, ST_INVALID, &e);
	for (int i = 0; i < 256 && pos[i]; i++)
		one_path(&run, pos[i]);
	cli_putf(c,
		 "%s%d message%s: %d stored, %d corrected, %d queued, %d noted; %d duplicate%s, "
		 "%d refused\n",
		 run.dry_run ? "dry run, nothing written: " : "", run.messages,
		 run.messages == 1 ? "" : "s", run.total.stored, run.total.corrected,
		 run.total.queued, run.total.noted, run.duplicates, run.duplicates == 1 ? "" : "s",
		 run.refused);
	return run.failed ? 1 : run.refused ? 2 : 0;
}

struct queue_out {
	struct cli *c;
	bool json;
	struct json j;
	int n;
};

static void queue_row(const struct hl7_queued *q, void *arg)
{
	struct queue_out *o = arg;
	const struct hl7_item *it = &q->item;
	o->n++;
	if (!o->json) {
		cli_putf(o->c, "%4lld  %-12s %-10s %-24.24s %-8s %s %s  (%s) %s\n",
			 (long long)q->id, hl7_queue_reason_label(it->reason),
			 it->mrn[0] ? it->mrn : "?", it->name, it->code, it->value, it->unit,
			 it->collected[0] ? it->collected : "no date", it->detail);
		return;
	}
	json_obj_begin(&o->j, NULL);
	json_int(&o->j, "id", q->id);
	json_int(&o->j, "version", q->version);
	json_string(&o->j, "reason", hl7_queue_reason_key(it->reason));
	json_string(&o->j, "detail", it->detail);
	json_string(&o->j, "sender", q->sender);
	json_string(&o->j, "control_id", q->control_id);
	json_int(&o->j, "segment", it->obx_line);
	json_string(&o->j, "mrn", it->mrn);
	json_string(&o->j, "name", it->name);
	json_string(&o->j, "dob", it->dob[0] ? it->dob : NULL);
	json_string(&o->j, "analyte", it->have_analyte ? analyte_get(it->lab.analyte)->key : NULL);
	json_string(&o->j, "code", it->code);
	json_string(&o->j, "code_text", it->code_text);
	json_string(&o->j, "value", it->value);
	json_string(&o->j, "unit", it->unit);
	json_string(&o->j, "collected", it->collected[0] ? it->collected : NULL);
	json_string(&o->j, "result_status", (char[]){it->status, 0});
	json_obj_end(&o->j);
}

int cli_import_queue(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"json", OPT_FLAG}};
	struct queue_out out = {c, false};
	struct err e = {""};
	int64_t count = 0;
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), NULL, 0, 0);
	if (rc)
		return rc;
	out.json = o[0].set;
	json_init(&out.j, false);
	json_arr_begin(&out.j, NULL);
	enum status s = store_hl7_queue_count(c->app->st, &count, &e);
	if (s == ST_OK)
		s = store_hl7_queue_each(c->app->st, 0, queue_row, &out, &e);
	json_arr_end(&out.j);
	if (s == ST_OK && out.json)
		fprintf(c->out, "%s\n", json_str(&out.j));
	else if (s == ST_OK)
		cli_putf(c, "%lld result%s waiting in the queue\n", (long long)count,
			 count == 1 ? "" : "s");
	json_done(&out.j);
	return s == ST_OK ? 0 : cli_fail(c, s, &e);
}

int cli_import_resolve(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"store", OPT_FLAG},
			      {"reject", OPT_FLAG},
			      {"mrn", OPT_VALUE},
			      {"confirm", OPT_FLAG},
			      {"reason", OPT_VALUE}};
	const char *pos[1];
	struct hl7_queued q;
	struct err e = {""};
	long id;
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), pos, 1, 1);
	if (rc)
		return rc;
	if (!parse_long(pos[0], 1, INT64_MAX > LONG_MAX ? LONG_MAX : INT64_MAX, &id))
		return cli_usage(c, "'%s' is not a queued result number", pos[0]);
	if (o[0].set == o[1].set)
		return cli_usage(c, "give --store or --reject");
	if (!o[4].set)
		return cli_usage(c, "--reason is required");
	if (o[1].set && (o[2].set || o[3].set))
		return cli_usage(c, "--mrn and --confirm go with --store");
	enum status s = store_hl7_queue_get(c->app->st, id, &q, &e);
	if (s == ST_OK && o[1].set)
		s = uc_queue_reject(c->app->st, id, q.version, o[4].value, &e);
	else if (s == ST_OK)
		s = uc_queue_store(c->app->st, id, q.version, o[2].set ? o[2].value : NULL,
				   o[3].set, o[4].value, &e);
	if (s == ST_CONFIRM)
		return cli_usage(c, "%s (add --confirm to accept)", e.msg);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	cli_putf(c, "queued result %ld %s\n", id, o[1].set ? "rejected" : "stored");
	return 0;
}
