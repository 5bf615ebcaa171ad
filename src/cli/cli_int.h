/* cli_int.h: what the command files (src/cli_*.c) share: option parsing,
 * failure reporting and safe text output. */
#ifndef HEPADESK_CLI_INT_H
#define HEPADESK_CLI_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "analyte.h"
#include "cli.h"
#include "status.h"
#include "util.h"

struct cli {
	struct app *app;
	FILE *out;
	FILE *err;
	const char *name; /* "lab add" */
	const char *usage;
};

enum cli_opt_kind { OPT_FLAG, OPT_VALUE };

struct cli_opt {
	const char *name; /* without the leading "--" */
	enum cli_opt_kind kind;
	const char *value; /* set by cli_parse */
	bool set;
};

/* Parse argv (after the command words) into opts and up to maxpos positional
 * arguments. Returns 0, or 2 after printing a usage error. "--help" prints
 * the command's usage and returns -1 (the caller exits 0). */
int cli_parse(struct cli *c, int argc, char **argv, struct cli_opt *opts, int nopts,
	      const char **pos, int minpos, int maxpos);

/* Print "hepadesk NAME: message" (neutralised) and return the exit code of s. */
int cli_fail(struct cli *c, enum status s, const struct err *e);
/* "not a number; " when v does not read as a number, else "": a message
 * about a bad numeric value then says which it is. */
const char *cli_nan(const char *v);
/* Print a usage error and return 2. */
int cli_usage(struct cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Write data text neutralised (no control or escape characters). */
void cli_put(struct cli *c, const char *s);
void cli_putf(struct cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The option's value parsed as a unit system (us|si); false after a usage
 * error was printed. */
bool cli_units(struct cli *c, const struct cli_opt *o, enum unit_system *u);

/* Commands. */
int cli_score(struct cli *c, int argc, char **argv);
int cli_patient_add(struct cli *c, int argc, char **argv);
int cli_patient_update(struct cli *c, int argc, char **argv);
int cli_find(struct cli *c, int argc, char **argv);
int cli_show(struct cli *c, int argc, char **argv);
int cli_lab_add(struct cli *c, int argc, char **argv);
int cli_imaging_add(struct cli *c, int argc, char **argv);
int cli_demo(struct cli *c, int argc, char **argv);
int cli_user(struct cli *c, int argc, char **argv);
int cli_visit_add(struct cli *c, int argc, char **argv);
int cli_visit_missed(struct cli *c, int argc, char **argv);
int cli_visit_correct(struct cli *c, int argc, char **argv);
int cli_infusion_add(struct cli *c, int argc, char **argv);
int cli_ae_add(struct cli *c, int argc, char **argv);
int cli_ae_outcome(struct cli *c, int argc, char **argv);
int cli_infusion_check(struct cli *c, int argc, char **argv);
int cli_status(struct cli *c, int argc, char **argv);
int cli_ae_review(struct cli *c, int argc, char **argv);
/* serious adverse events on their reporting clock (cli_sae.c) */
int cli_sae(struct cli *c, int argc, char **argv);
int cli_sae_report(struct cli *c, int argc, char **argv);
int cli_dashboard(struct cli *c, int argc, char **argv);
int cli_due(struct cli *c, int argc, char **argv);
int cli_checklist(struct cli *c, int argc, char **argv);
int cli_checklist_answer(struct cli *c, int argc, char **argv);
int cli_checklist_sign(struct cli *c, int argc, char **argv);
int cli_checklist_amend(struct cli *c, int argc, char **argv);
int cli_plan(struct cli *c, int argc, char **argv);
int cli_protocol_install(struct cli *c, int argc, char **argv);
int cli_protocol_activate(struct cli *c, int argc, char **argv);
int cli_protocol_list(struct cli *c, int argc, char **argv);
int cli_backup(struct cli *c, int argc, char **argv);
int cli_plan_add(struct cli *c, int argc, char **argv);
int cli_plan_reschedule(struct cli *c, int argc, char **argv);
int cli_plan_cancel(struct cli *c, int argc, char **argv);

struct protocol;
/* The active protocol (store_protocol_active: from the database) into p,
 * and its text into *text when text is not NULL (caller frees).
 * Returns 0, or the exit code after printing a failure. */
int cli_protocol(struct cli *c, struct protocol *p, char **text);

int cli_audit(struct cli *c, int argc, char **argv);
int cli_audit_verify(struct cli *c, int argc, char **argv);
int cli_check(struct cli *c, int argc, char **argv);
int cli_drafts(struct cli *c, int argc, char **argv);
int cli_exam_add(struct cli *c, int argc, char **argv);
int cli_init(struct cli *c, int argc, char **argv);
int cli_import_hl7(struct cli *c, int argc, char **argv);
int cli_import_queue(struct cli *c, int argc, char **argv);
int cli_import_resolve(struct cli *c, int argc, char **argv);
int cli_hl7_listen(struct cli *c, int argc, char **argv);
/* outcomes, first part: the cell product (cli_product.c) */
int cli_product_add(struct cli *c, int argc, char **argv);
int cli_product_list(struct cli *c, int argc, char **argv);
int cli_product_show(struct cli *c, int argc, char **argv);
int cli_product_correct(struct cli *c, int argc, char **argv);
int cli_product_void(struct cli *c, int argc, char **argv);
int cli_product_recipients(struct cli *c, int argc, char **argv);
/* exports (cli_export.c) */
int cli_export_csv(struct cli *c, int argc, char **argv);
int cli_export_odm(struct cli *c, int argc, char **argv);
int cli_export_fhir(struct cli *c, int argc, char **argv);
/* biopsy histology (cli_histology.c) */
int cli_histology_add(struct cli *c, int argc, char **argv);
int cli_histology_list(struct cli *c, int argc, char **argv);
int cli_histology_show(struct cli *c, int argc, char **argv);
int cli_histology_correct(struct cli *c, int argc, char **argv);
int cli_histology_void(struct cli *c, int argc, char **argv);
struct histology;
struct json;
/* A biopsy's members into an open JSON object; its values as one line
 * ("F3 Ishak 4 A2 CPA 12.0 % ..."). */
void cli_histology_json(struct json *j, const struct histology *h);
void cli_histology_values(const struct histology *h, char *out, size_t n);
/* concomitant medications (cli_med.c) */
int cli_med_add(struct cli *c, int argc, char **argv);
int cli_med_stop(struct cli *c, int argc, char **argv);
int cli_med_list(struct cli *c, int argc, char **argv);
int cli_med_correct(struct cli *c, int argc, char **argv);
int cli_med_void(struct cli *c, int argc, char **argv);
int cli_med_names(struct cli *c, int argc, char **argv);
struct med;
/* A medication's members into an open JSON object. */
void cli_med_json(struct json *j, const struct med *m);
/* The dashboard's outcome sections (cli_dash_outcomes.c). */
struct dashboard;
void cli_dash_histology_json(struct json *j, const struct dashboard *db);
void cli_dash_histology_text(struct cli *c, const struct dashboard *db);
void cli_dash_meds_json(struct json *j, const struct dashboard *db);
void cli_dash_meds_text(struct cli *c, const struct dashboard *db);
/* tz: the clinic's offset in seconds, for the infusion times. */
void cli_dash_lots_json(struct json *j, const struct dashboard *db, int tz);
void cli_dash_lots_text(struct cli *c, const struct dashboard *db, int tz);

/* Signing (cli_sign.c). Show "signing WHAT as LOGIN: "MEANING"", then read
 * the password into buf (n bytes) from the descriptor of --password-fd
 * (fd_opt, one line) or else the controlling terminal with echo off. An
 * unreadable source leaves buf empty (the signing is then refused and the
 * attempt audited). Returns 0, or 2 after a usage error. */
int cli_sign_password(struct cli *c, const char *what, const char *meaning,
		      const struct cli_opt *fd_opt, char *buf, size_t n);
/* Read the line of --password-fd N in argv (a command's arguments) now,
 * before the database is opened, and close N (cli_begin calls it). */
void cli_sign_preread(int argc, char **argv);
struct json;
struct signature;
/* "signature": {"signer","time","meaning","hash"} (null when s is NULL). */
void cli_sig_json(struct json *j, const struct signature *s);
/* "signature: signed by LOGIN at TIME UTC: MEANING (sha256 ...)" */
void cli_sig_text(struct cli *c, const struct signature *s);
/* The signature of row_id of tbl; 0, or the exit code after a failure. */
int cli_sig_load(struct cli *c, const char *tbl, int64_t row_id, struct signature *s, bool *found);
/* Long-term follow-up (cli_longterm.c): survival contacts, the event
 * history with time-to-event data, the long-term work list, and the
 * dashboard's long-term section as JSON ("longterm": {...}) or text. */
int cli_contact_add(struct cli *c, int argc, char **argv);
int cli_contact_void(struct cli *c, int argc, char **argv);
int cli_contact_correct(struct cli *c, int argc, char **argv);
int cli_events(struct cli *c, int argc, char **argv);
int cli_longterm_due(struct cli *c, int argc, char **argv);
struct json;
struct uc_longterm;
void cli_longterm_json(struct json *j, const struct uc_longterm *lt);
void cli_longterm_text(struct cli *c, const struct uc_longterm *lt);

/* Quality-of-life questionnaires (cli_qol.c), and the dashboard's
 * questionnaire section as JSON ("questionnaires": [...]). */
int cli_instrument_install(struct cli *c, int argc, char **argv);
int cli_instrument_list(struct cli *c, int argc, char **argv);
int cli_qol(struct cli *c, int argc, char **argv);
int cli_qol_void(struct cli *c, int argc, char **argv);
int cli_qol_correct(struct cli *c, int argc, char **argv);
/* Corrections and voids of lab results (cli_fix.c). */
int cli_lab_correct(struct cli *c, int argc, char **argv);
int cli_lab_void(struct cli *c, int argc, char **argv);
int cli_lab_list(struct cli *c, int argc, char **argv);
int cli_imaging_correct(struct cli *c, int argc, char **argv);
int cli_imaging_void(struct cli *c, int argc, char **argv);
int cli_imaging_list(struct cli *c, int argc, char **argv);
int cli_ae_correct(struct cli *c, int argc, char **argv);
/* The cohort outcomes report (cli_report.c). */
int cli_report_outcomes(struct cli *c, int argc, char **argv);
int cli_ae_void(struct cli *c, int argc, char **argv);
int cli_ae_list(struct cli *c, int argc, char **argv);
int cli_infusion_correct(struct cli *c, int argc, char **argv);
int cli_infusion_list(struct cli *c, int argc, char **argv);
struct store;
void cli_qol_json(struct json *j, struct store *st, int64_t patient_id);

/* Append s to sb as one quoted CSV cell: neutralised (no control, escape or
 * bidi characters), quotes doubled, and prefixed with ' when a spreadsheet
 * would take it for a formula (starts with =, +, -, @, tab or CR). */
void cli_csv_cell(struct strbuf *sb, const char *s);

/* --- rows corrected and voided in place: lab results, imaging notes
 * (cli_rows.c) --- */
/* A row's number as typed ("lab result 'x': the lab result's number from
 * `lab list`"). */
enum status cli_row_number(const char *text, const char *noun, const char *list, int64_t *id,
			   struct err *e);
/* --if-version as a version number into *version (0 when not given);
 * 0, or 2 after a usage error naming `list --json`. */
int cli_if_version(struct cli *c, const struct cli_opt *o, const char *list, long *version);

/* What a listed row carries of its corrections and void. */
struct cli_marks {
	bool voided;
	const char *void_reason, *voided_by, *correction;
};
/* "correction", "voided", "void_reason", "voided_by" into the open object. */
void cli_marks_json(struct json *j, const struct cli_marks *m);
/* "  VOIDED: why" or "  corrected: why" (or nothing), then the newline. */
void cli_marks_text(struct cli *c, const struct cli_marks *m);

struct store;
struct cli_rows_kind {
	const char *noun; /* "lab result" (its plural adds an s) */
	const char *list; /* "lab list" */
	size_t size;	  /* of one row */
	enum status (*load)(struct store *st, int64_t patient_id, void *out, int max, int *n,
			    struct err *e);
	void (*json)(struct cli *c, struct json *j, const void *row);
	void (*text)(struct cli *c, const void *row);
	enum status (*void_row)(struct store *st, int64_t patient_id, int64_t id,
				const char *reason, struct err *e);
};
/* `X list MRN [--json]`: the rows as a JSON array or one text line each. */
int cli_list_rows(struct cli *c, int argc, char **argv, const struct cli_rows_kind *k);
/* `X void MRN ROW --reason TEXT`. */
int cli_void_row(struct cli *c, int argc, char **argv, const struct cli_rows_kind *k);

#endif
