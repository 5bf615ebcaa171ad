/* cli_export.h: what the export commands share (cli_export*.c) — the output
 * file (created 0600 beside its target, never through a symbolic link,
 * renamed into place only when the export and its audit row succeeded) and
 * the formats' sinks. */
#ifndef HEPADESK_CLI_EXPORT_H
#define HEPADESK_CLI_EXPORT_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "export.h"
#include "status.h"

struct export_out {
	FILE *f;		 /* standard output when path is "" */
	char path[PATH_MAX];	 /* the target, "" for standard output */
	char tmp[PATH_MAX + 16]; /* the file written, renamed to path at the end */
};

/* Open path for an export (NULL or "": standard output): a new file mode
 * 0600 in path's folder, O_EXCL (so no link is followed); ST_INVALID when
 * path is a symbolic link or a folder, ST_IO naming it otherwise. */
enum status export_out_open(const char *path, struct export_out *o, struct err *e);
/* The same for the file name in folder dir ("Patient.ndjson"). */
enum status export_out_open_in(const char *dir, const char *name, struct export_out *o,
			       struct err *e);
/* Flush, sync and rename into place (nothing for standard output). */
enum status export_out_commit(struct export_out *o, struct err *e);
/* Close and remove the file written (nothing for standard output). */
void export_out_abort(struct export_out *o);

/* The folder dir for a bulk export, made 0700 when missing; ST_INVALID when
 * it is a symbolic link or not a folder. */
enum status export_out_dir(const char *dir, struct err *e);

/* CSV: long (one row per patient, date and measure) or wide (one row per
 * patient and visit) into f; *rows counts the data rows written. */
struct export_csv;
struct export_csv *export_csv_new(FILE *f, bool wide);
void export_csv_sink(struct export_csv *c, struct export_sink *k);
const int64_t *export_csv_rows(const struct export_csv *c);
/* The header row when no row was written (an empty export still has it). */
void export_csv_finish(struct export_csv *c);
void export_csv_free(struct export_csv *c);

/* CDISC ODM 1.3.2 XML into f through libxml2's streaming writer, the study
 * events from protocol p (kept by the caller until export_odm_free), the
 * creation time now (seconds, the injected clock); *rows counts the ItemData
 * written. begin writes the document head and the metadata, finish closes
 * the document; both ST_IO when a write failed. */
struct protocol;
struct export_odm;
struct export_odm *export_odm_new(FILE *f, const struct protocol *p, int64_t now, bool deid);
enum status export_odm_begin(struct export_odm *o, struct err *e);
void export_odm_sink(struct export_odm *o, struct export_sink *k);
const int64_t *export_odm_rows(const struct export_odm *o);
enum status export_odm_finish(struct export_odm *o, struct err *e);
void export_odm_free(struct export_odm *o);

/* FHIR R4: a Bundle (type collection) into one when bundle, else NDJSON,
 * each resource type into files[type] (files NULL or an entry NULL: into
 * one). *rows counts the resources written. export_fhir_finish closes the
 * Bundle. The resource types: export_fhir_types() of them, names by
 * export_fhir_type(i) ("Patient", ...). */
struct export_fhir;
struct export_fhir *export_fhir_new(FILE *one, FILE *const files[], bool bundle);
void export_fhir_sink(struct export_fhir *x, struct export_sink *k);
const int64_t *export_fhir_rows(const struct export_fhir *x);
void export_fhir_finish(struct export_fhir *x);
void export_fhir_free(struct export_fhir *x);
int export_fhir_types(void);
const char *export_fhir_type(int i);

/* One RFC 4180 cell: quoted when it holds a comma, quote, CR or LF; text
 * neutralised (control characters) and, for text cells, a leading = + - @
 * (or tab, CR) prefixed with ' against spreadsheet formula injection. */
void export_csv_cell(FILE *f, const char *s, bool text);

#endif
