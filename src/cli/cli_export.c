/* cli_export.c: `export csv|fhir|odm` — the scope options, the output file
 * (0600, never through a symbolic link, renamed into place when complete)
 * and the run of the walker (export.h) into the format's sink. */
#include "cli_export.h"

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "cli_int.h"
#include "json.h"
#include "store_eval.h"
#include "util.h"

/* Refuse a target that is a symbolic link or a folder; a missing one is
 * fine. */
static enum status target_ok(const char *path, struct err *e)
{
	struct stat sb;
	if (lstat(path, &sb) != 0)
		return errno == ENOENT ? ST_OK
				       : err_set(e, ST_IO, "out: %s: %s", path, strerror(errno));
	if (S_ISLNK(sb.st_mode))
		return err_set(e, ST_INVALID,
			       "out: '%s' is a symbolic link; an export never writes through one",
			       path);
	if (!S_ISREG(sb.st_mode))
		return err_set(e, ST_INVALID, "out: '%s' is not a regular file", path);
	return ST_OK;
}

enum status export_out_open(const char *path, struct export_out *o, struct err *e)
{
	memset(o, 0, sizeof *o);
	if (!path || !*path) {
		o->f = stdout;
		return ST_OK;
	}
	if (strlen(path) >= sizeof o->path)
		return err_set(e, ST_INVALID, "out: the path is longer than %zu bytes",
			       sizeof o->path - 1);
	enum status s = target_ok(path, e);
	if (s != ST_OK)
		return s;
	strlcpy_(o->path, path, sizeof o->path);
	snprintf(o->tmp, sizeof o->tmp, "%s.XXXXXX", path);
	/* mkstemp: O_CREAT | O_EXCL, mode 0600 — a new file, no link followed. */
	int fd = mkstemp(o->tmp);
	if (fd < 0)
		return err_set(e, ST_IO, "out: cannot create a file beside %s: %s", path,
			       strerror(errno));
	if (fchmod(fd, 0600) != 0 || !(o->f = fdopen(fd, "w"))) {
		s = err_set(e, ST_IO, "out: %s: %s", o->tmp, strerror(errno));
		close(fd);
		unlink(o->tmp);
		return s;
	}
	return ST_OK;
}

enum status export_out_open_in(const char *dir, const char *name, struct export_out *o,
			       struct err *e)
{
	char path[PATH_MAX];
	if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path)
		return err_set(e, ST_INVALID, "out: the path is too long");
	return export_out_open(path, o, e);
}

enum status export_out_commit(struct export_out *o, struct err *e)
{
	if (!o->f)
		return ST_OK;
	if (!*o->path) {
		bool ok = fflush(o->f) == 0 && !ferror(o->f);
		o->f = NULL;
		return ok ? ST_OK : err_set(e, ST_IO, "writing the export failed");
	}
	bool ok = fflush(o->f) == 0 && !ferror(o->f) && fsync(fileno(o->f)) == 0;
	ok = fclose(o->f) == 0 && ok;
	o->f = NULL;
	enum status s = ok ? target_ok(o->path, e)
			   : err_set(e, ST_IO, "out: writing %s: %s", o->tmp, strerror(errno));
	if (s == ST_OK && rename(o->tmp, o->path) != 0)
		s = err_set(e, ST_IO, "out: cannot rename to %s: %s", o->path, strerror(errno));
	if (s != ST_OK)
		unlink(o->tmp);
	return s;
}

void export_out_abort(struct export_out *o)
{
	if (!o->f || !*o->path) {
		o->f = NULL;
		return;
	}
	fclose(o->f);
	o->f = NULL;
	unlink(o->tmp);
}

enum status export_out_dir(const char *dir, struct err *e)
{
	struct stat sb;
	if (lstat(dir, &sb) != 0) {
		if (errno != ENOENT || mkdir(dir, 0700) != 0)
			return err_set(e, ST_IO, "out: cannot make the folder %s: %s", dir,
				       strerror(errno));
		return ST_OK;
	}
	if (S_ISLNK(sb.st_mode))
		return err_set(e, ST_INVALID,
			       "out: '%s' is a symbolic link; an export never writes through one",
			       dir);
	if (!S_ISDIR(sb.st_mode))
		return err_set(e, ST_INVALID,
			       "out: '%s' is not a folder (a bulk FHIR export writes one file per "
			       "resource type into a folder)",
			       dir);
	return ST_OK;
}

/* The options every format takes; O_WIDE only csv. */
enum { O_PATIENT, O_FROM, O_TO, O_DEID, O_OUT, O_JSON, O_WIDE, O_N };

static void export_opts(struct cli_opt *o)
{
	static const struct cli_opt defs[O_N] = {{"patient", OPT_VALUE}, {"from", OPT_VALUE},
						 {"to", OPT_VALUE},	 {"deidentify", OPT_FLAG},
						 {"out", OPT_VALUE},	 {"json", OPT_FLAG},
						 {"wide", OPT_FLAG}};
	memcpy(o, defs, sizeof defs);
}

static int parse(struct cli *c, int argc, char **argv, struct cli_opt *o, int nopts,
		 struct export_scope *sc)
{
	struct err e = {""};
	memset(sc, 0, sizeof *sc);
	export_opts(o);
	int rc = cli_parse(c, argc, argv, o, nopts, NULL, 0, 0);
	if (rc)
		return rc;
	if (o[O_OUT].set && !*o[O_OUT].value)
		return cli_usage(c, "out: '' is not a file name");
	/* SQLite allocates and frees a block of about 85 KB for each of the
	 * walk's many short reads; at the top of the heap glibc gave it back to
	 * the system and took it again every time (77,000 brk calls, 60 % of a
	 * wide export's time at 10,000 patients). A trim threshold above it
	 * keeps it; the peak memory stays under 8 MB (make bench). */
	mallopt(M_TRIM_THRESHOLD, 4 << 20);
	enum status s = export_scope_parse(
	    o[O_PATIENT].set ? o[O_PATIENT].value : NULL, o[O_FROM].set ? o[O_FROM].value : NULL,
	    o[O_TO].set ? o[O_TO].value : NULL, o[O_DEID].set, sc, &e);
	return s == ST_OK ? 0 : cli_fail(c, s, &e);
}

/* With --out, a line saying what was written (text, or --json). Without
 * --out the data is standard output: the summary goes to standard error,
 * and only when --json asks for it. */
static void summary(struct cli *c, const struct cli_opt *o, const char *format, int64_t rows)
{
	if (!o[O_OUT].set && !o[O_JSON].set)
		return;
	FILE *f = o[O_OUT].set ? c->out : c->err;
	if (!o[O_JSON].set) {
		fprintf(f, "exported %lld row%s (%s%s) to ", (long long)rows, rows == 1 ? "" : "s",
			format, o[O_DEID].set ? ", de-identified" : "");
		struct cli tmp = *c;
		tmp.out = f;
		cli_put(&tmp, o[O_OUT].value);
		fputc('\n', f);
		return;
	}
	struct json j;
	json_init(&j, false);
	json_obj_begin(&j, NULL);
	json_string(&j, "format", format);
	json_int(&j, "rows", rows);
	json_bool(&j, "deidentified", o[O_DEID].set);
	json_string(&j, "out", o[O_OUT].set ? o[O_OUT].value : NULL);
	json_obj_end(&j);
	fprintf(f, "%s\n", json_str(&j));
	json_done(&j);
}

int cli_export_csv(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[O_N];
	struct export_scope sc;
	struct export_out out;
	struct err e = {""};
	int rc = parse(c, argc, argv, o, O_N, &sc);
	if (rc)
		return rc;
	enum status s = export_out_open(o[O_OUT].set ? o[O_OUT].value : NULL, &out, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	if (!*out.path)
		out.f = c->out;
	const char *format = o[O_WIDE].set ? "csv-wide" : "csv";
	struct export_csv *csv = export_csv_new(out.f, o[O_WIDE].set);
	struct export_sink sink;
	export_csv_sink(csv, &sink);
	s = export_run(c->app, &sc, format, &sink, export_csv_rows(csv), &e);
	if (s == ST_OK)
		export_csv_finish(csv);
	int64_t rows = *export_csv_rows(csv);
	export_csv_free(csv);
	if (s == ST_OK)
		s = export_out_commit(&out, &e);
	else
		export_out_abort(&out);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	summary(c, o, format, rows);
	return 0;
}

int cli_export_odm(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[O_N];
	struct export_scope sc;
	struct export_out out;
	struct err e = {""};
	int rc = parse(c, argc, argv, o, O_WIDE, &sc);
	if (rc)
		return rc;
	struct protocol *p = xcalloc(1, sizeof *p);
	enum status s = store_protocol_active(c->app->st, p, NULL, &e);
	if (s == ST_OK)
		s = export_out_open(o[O_OUT].set ? o[O_OUT].value : NULL, &out, &e);
	if (s != ST_OK) {
		free(p);
		return cli_fail(c, s, &e);
	}
	if (!*out.path)
		out.f = c->out;
	struct export_odm *odm = export_odm_new(out.f, p, c->app->clock(), sc.deidentify);
	struct export_sink sink;
	export_odm_sink(odm, &sink);
	s = export_odm_begin(odm, &e);
	if (s == ST_OK)
		s = export_run(c->app, &sc, "odm", &sink, export_odm_rows(odm), &e);
	if (s == ST_OK)
		s = export_odm_finish(odm, &e);
	int64_t rows = *export_odm_rows(odm);
	export_odm_free(odm);
	free(p);
	if (s == ST_OK)
		s = export_out_commit(&out, &e);
	else
		export_out_abort(&out);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	summary(c, o, "odm", rows);
	return 0;
}

/* Bulk FHIR into a folder: one output per resource type. */
struct bulk {
	struct export_out out[16];
	FILE *files[16];
	int n;
};

static enum status bulk_open(const char *dir, struct bulk *b, struct err *e)
{
	enum status s = export_out_dir(dir, e);
	b->n = 0;
	for (int i = 0; s == ST_OK && i < export_fhir_types(); i++) {
		char name[64];
		snprintf(name, sizeof name, "%s.ndjson", export_fhir_type(i));
		s = export_out_open_in(dir, name, &b->out[i], e);
		if (s == ST_OK)
			b->files[b->n++] = b->out[i].f;
	}
	return s;
}

static enum status bulk_end(struct bulk *b, enum status s, struct err *e)
{
	for (int i = 0; i < b->n; i++) {
		if (s == ST_OK)
			s = export_out_commit(&b->out[i], e);
		else
			export_out_abort(&b->out[i]);
	}
	return s;
}

int cli_export_fhir(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[O_N];
	struct export_scope sc;
	struct export_out out = {0};
	struct bulk bulk = {0};
	struct err e = {""};
	int rc = parse(c, argc, argv, o, O_WIDE, &sc);
	if (rc)
		return rc;
	bool bundle = *sc.mrn != '\0';
	bool folder = !bundle && o[O_OUT].set;
	enum status s = folder ? bulk_open(o[O_OUT].value, &bulk, &e)
			       : export_out_open(o[O_OUT].set ? o[O_OUT].value : NULL, &out, &e);
	if (s != ST_OK) {
		bulk_end(&bulk, s, &e);
		return cli_fail(c, s, &e);
	}
	if (!folder && !*out.path)
		out.f = c->out;
	struct export_fhir *x = export_fhir_new(out.f, folder ? bulk.files : NULL, bundle);
	struct export_sink sink;
	export_fhir_sink(x, &sink);
	s = export_run(c->app, &sc, bundle ? "fhir-bundle" : "fhir-ndjson", &sink,
		       export_fhir_rows(x), &e);
	if (s == ST_OK)
		export_fhir_finish(x);
	int64_t rows = *export_fhir_rows(x);
	export_fhir_free(x);
	if (folder) {
		s = bulk_end(&bulk, s, &e);
	} else if (s == ST_OK) {
		s = export_out_commit(&out, &e);
	} else {
		export_out_abort(&out);
	}
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	summary(c, o, bundle ? "fhir-bundle" : "fhir-ndjson", rows);
	return 0;
}
