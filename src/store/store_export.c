/* store_export.c: the reads of an export (store_export.h) — one snapshot,
 * bound parameters, a row at a time through the caller's callback — the
 * export sub-key and the export's access row. */
#include "store_export.h"

#include <math.h>
#include <sodium.h>
#include <string.h>

#include "store_int.h"
#include "store_snapshot.h"
#include "util.h"

typedef void row_reader(sqlite3_stmt *q, void *row);

enum status store_export_begin(struct store *st, struct err *e)
{
	enum status s = store_may(st, PERM_READ, e);
	return s == ST_OK ? store_snapshot_begin(st, e) : s;
}

void store_export_end(struct store *st)
{
	store_snapshot_end(st);
}

/* Run sql (?1 patient, ?2 from, ?3 to, NULL for no bound) and hand each row,
 * read into row by read, to fn. */
static enum status each(struct store *st, const char *sql, int64_t patient_id, day_t from, day_t to,
			row_reader *read, void *row, store_export_fn *fn, void *ctx,
			const char *what, struct err *e)
{
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, patient_id);
	store_bind_day(q, 2, from);
	store_bind_day(q, 3, to);
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		read(q, row);
		enum status s = fn(ctx, row, e);
		if (s != ST_OK) {
			sqlite3_reset(q);
			return s;
		}
	}
	return store_rows_end(st, q, rc, what, e);
}

#define IN_RANGE(col) " AND (?2 IS NULL OR " col " >= ?2) AND (?3 IS NULL OR " col " <= ?3)"

static void read_patient(sqlite3_stmt *q, void *row)
{
	struct export_patient *p = row;
	char sex[4];
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(q, 0);
	store_col_text(q, 1, p->pid, sizeof p->pid);
	store_col_text(q, 2, p->name, sizeof p->name);
	p->dob = store_col_day(q, 3);
	store_col_text(q, 4, sex, sizeof sex);
	p->sex = sex[0];
	store_col_text(q, 5, p->etiology, sizeof p->etiology);
	store_col_text(q, 6, p->status, sizeof p->status);
	p->status_date = store_col_day(q, 7);
}

enum status store_export_patients(struct store *st, const char *mrn, day_t today,
				  store_export_fn *fn, void *ctx, struct err *e)
{
	/* The newest status row of each patient by its index (patient_id, id).
	 * One patient by its MRN, not "?1 IS NULL OR p.mrn = ?1": that walked
	 * every patient's MRN for a one-patient export. */
#define EXPORT_PATIENTS                                                              \
	"SELECT p.id, p.mrn, p.name, p.dob, p.sex, p.etiology, s.state, s.date "     \
	"FROM patients p LEFT JOIN patient_status s ON s.id = (SELECT max(id) FROM " \
	"patient_status WHERE patient_id = p.id) "
	static const char all[] = EXPORT_PATIENTS "ORDER BY p.mrn";
	static const char one[] = EXPORT_PATIENTS "WHERE p.mrn = ?1";
#undef EXPORT_PATIENTS
	sqlite3_stmt *q = store_stmt(st, *mrn ? one : all, e);
	if (!q)
		return ST_IO;
	if (*mrn)
		store_bind_text(q, 1, mrn);
	struct export_patient p;
	int rc, n = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		read_patient(q, &p);
		if (p.status[0] == '\0')
			p.status_date = DAY_NONE;
		deid_age_text(p.dob, today, p.age, NULL);
		n++;
		enum status s = fn(ctx, &p, e);
		if (s != ST_OK) {
			sqlite3_reset(q);
			return s;
		}
	}
	enum status s = store_rows_end(st, q, rc, "reading patients", e);
	if (s == ST_OK && *mrn && n == 0)
		s = err_set(e, ST_NOT_FOUND, "no patient with MRN %s", mrn);
	return s;
}

static void read_lab(sqlite3_stmt *q, void *row)
{
	store_lab_read(q, row);
}

enum status store_export_labs(struct store *st, int64_t patient_id, day_t to, store_export_fn *fn,
			      void *ctx, struct err *e)
{
	static const char sql[] = "SELECT " STORE_LAB_COLS " FROM labs WHERE patient_id = ?1 "
				  "AND voided_at IS NULL AND (?3 IS NULL OR date <= ?3) "
				  "ORDER BY date, id";
	struct lab_result r;
	return each(st, sql, patient_id, DAY_NONE, to, read_lab, &r, fn, ctx, "reading lab results",
		    e);
}

static void read_imaging(sqlite3_stmt *q, void *row)
{
	struct export_imaging *r = row;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(q, 0);
	r->date = store_col_day(q, 1);
	store_col_text(q, 2, r->modality, sizeof r->modality);
	r->stiffness_kpa = store_col_real(q, 3);
	r->iqr_kpa = store_col_real(q, 4);
	r->fibrosis_stage = store_col_real(q, 5);
	r->hcc = store_col_real(q, 6);
	r->thrombosis = store_col_real(q, 7);
	r->ascites = store_col_real(q, 8);
	store_col_text(q, 9, r->lirads, sizeof r->lirads);
	r->lesion_mm = store_col_real(q, 10);
}

enum status store_export_imaging(struct store *st, int64_t patient_id, day_t from, day_t to,
				 store_export_fn *fn, void *ctx, struct err *e)
{
	static const char sql[] =
	    "SELECT id, date, modality, stiffness_kpa, iqr_kpa, fibrosis_stage, hcc, thrombosis, "
	    "ascites, lirads, lesion_mm FROM imaging WHERE patient_id = ?1 AND voided_at IS "
	    "NULL" IN_RANGE("date") " ORDER BY date, id";
	struct export_imaging r;
	return each(st, sql, patient_id, from, to, read_imaging, &r, fn, ctx, "reading imaging", e);
}

static void read_exam(sqlite3_stmt *q, void *row)
{
	struct export_exam *r = row;
	r->id = sqlite3_column_int64(q, 0);
	r->date = store_col_day(q, 1);
	r->ascites_grade = store_col_real(q, 2);
	r->he_grade = store_col_real(q, 3);
	r->dialysis = store_col_real(q, 4);
	r->weight_kg = store_col_real(q, 5);
}

enum status store_export_exams(struct store *st, int64_t patient_id, day_t from, day_t to,
			       store_export_fn *fn, void *ctx, struct err *e)
{
	static const char sql[] =
	    "SELECT id, date, ascites_grade, he_grade, dialysis, weight_kg FROM exams WHERE "
	    "patient_id = ?1" IN_RANGE("date") " ORDER BY date, id";
	struct export_exam r;
	return each(st, sql, patient_id, from, to, read_exam, &r, fn, ctx, "reading examinations",
		    e);
}

static void read_histology(sqlite3_stmt *q, void *row)
{
	struct export_histology *r = row;
	r->id = sqlite3_column_int64(q, 0);
	r->date = store_col_day(q, 1);
	r->metavir = store_col_real(q, 2);
	r->ishak = store_col_real(q, 3);
	r->grade = store_col_real(q, 4);
	r->cpa = store_col_real(q, 5);
	r->ki67 = store_col_real(q, 6);
	r->ck19 = store_col_real(q, 7);
}

enum status store_export_histology(struct store *st, int64_t patient_id, day_t from, day_t to,
				   store_export_fn *fn, void *ctx, struct err *e)
{
	/* The pathologist, site and note are never read: an export carries the
	 * findings only. */
	static const char sql[] =
	    "SELECT id, date, metavir, ishak, grade, cpa, ki67, ck19 FROM histology WHERE "
	    "patient_id = ?1 AND voided = 0" IN_RANGE("date") " ORDER BY date, id";
	struct export_histology r;
	return each(st, sql, patient_id, from, to, read_histology, &r, fn, ctx, "reading histology",
		    e);
}

static void read_infusion(sqlite3_stmt *q, void *row)
{
	struct export_infusion *r = row;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(q, 0);
	r->date = store_col_day(q, 1);
	r->given_at = sqlite3_column_int64(q, 2);
	store_col_text(q, 3, r->route, sizeof r->route);
	r->cells = sqlite3_column_double(q, 4);
	store_col_text(q, 5, r->lot, sizeof r->lot);
	r->reaction = sqlite3_column_type(q, 6) != SQLITE_NULL;
}

enum status store_export_infusions(struct store *st, int64_t patient_id, day_t from, day_t to,
				   store_export_fn *fn, void *ctx, struct err *e)
{
	static const char sql[] =
	    "SELECT id, date, given_at, route, cells, lot, reaction FROM infusions WHERE "
	    "patient_id = ?1" IN_RANGE("date") " ORDER BY given_at, id";
	struct export_infusion r;
	return each(st, sql, patient_id, from, to, read_infusion, &r, fn, ctx, "reading infusions",
		    e);
}

static void read_ae(sqlite3_stmt *q, void *row)
{
	struct export_ae *r = row;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(q, 0);
	store_col_text(q, 1, r->term, sizeof r->term);
	store_col_text(q, 2, r->ctcae_version, sizeof r->ctcae_version);
	r->grade = sqlite3_column_int(q, 3);
	r->serious = sqlite3_column_int(q, 4) != 0;
	store_col_text(q, 5, r->relation, sizeof r->relation);
	r->related = strcmp(r->relation, "possible") == 0 || strcmp(r->relation, "probable") == 0 ||
		     strcmp(r->relation, "definite") == 0;
	store_col_text(q, 6, r->action, sizeof r->action);
	store_col_text(q, 7, r->outcome, sizeof r->outcome);
	r->onset = store_col_day(q, 8);
	r->resolved = store_col_day(q, 9);
	r->infusion_id = sqlite3_column_int64(q, 10);
}

enum status store_export_aes(struct store *st, int64_t patient_id, day_t from, day_t to,
			     store_export_fn *fn, void *ctx, struct err *e)
{
	static const char sql[] =
	    "SELECT id, term, ctcae_version, grade, serious, relation, action, outcome, onset, "
	    "resolved, infusion_id FROM adverse_events WHERE patient_id = ?1" IN_RANGE(
		"onset") " ORDER BY onset, id";
	struct export_ae r;
	return each(st, sql, patient_id, from, to, read_ae, &r, fn, ctx, "reading adverse events",
		    e);
}

static void read_qol(sqlite3_stmt *q, void *row)
{
	struct export_qol *r = row;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(q, 0);
	r->date = store_col_day(q, 1);
	store_col_text(q, 2, r->instrument, sizeof r->instrument);
	store_col_text(q, 3, r->instrument_name, sizeof r->instrument_name);
	store_col_text(q, 4, r->version, sizeof r->version);
	r->answered = sqlite3_column_int(q, 5);
}

/* The domain scores of one response (a second statement, stepped while the
 * responses' statement is on its row). */
static enum status qol_domains(struct store *st, struct export_qol *r, struct err *e)
{
	static const char sql[] = "SELECT domain, answered, items, score FROM qol_scores WHERE "
				  "response_id = ?1 ORDER BY id LIMIT ?2";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, r->id);
	sqlite3_bind_int(q, 2, QOL_DOMAINS_MAX + 1);
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct export_domain *d = &r->domains[r->n_domains++];
		store_col_text(q, 0, d->domain, sizeof d->domain);
		d->answered = sqlite3_column_int(q, 1);
		d->items = sqlite3_column_int(q, 2);
		d->score = store_col_real(q, 3);
	}
	return store_rows_end(st, q, rc, "reading questionnaire scores", e);
}

struct qol_pass {
	struct store *st;
	store_export_fn *fn;
	void *ctx;
};

static enum status qol_with_domains(void *ctx, const void *row, struct err *e)
{
	struct qol_pass *p = ctx;
	struct export_qol *r = (struct export_qol *)row;
	enum status s = qol_domains(p->st, r, e);
	return s == ST_OK ? p->fn(p->ctx, r, e) : s;
}

enum status store_export_qol(struct store *st, int64_t patient_id, day_t from, day_t to,
			     store_export_fn *fn, void *ctx, struct err *e)
{
	static const char sql[] =
	    "SELECT r.id, r.date, i.code, i.name, i.version, r.answered FROM qol_responses r "
	    "JOIN instruments i ON i.id = r.instrument_id WHERE r.patient_id = ?1 AND "
	    "r.void_reason IS NULL" IN_RANGE("r.date") " ORDER BY r.date, r.id";
	struct export_qol r;
	struct qol_pass pass = {st, fn, ctx};
	return each(st, sql, patient_id, from, to, read_qol, &r, qol_with_domains, &pass,
		    "reading questionnaires", e);
}

static void read_med(sqlite3_stmt *q, void *row)
{
	struct export_med *r = row;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(q, 0);
	store_col_text(q, 1, r->name, sizeof r->name);
	store_col_text(q, 2, r->atc, sizeof r->atc);
	store_col_text(q, 3, r->class_, sizeof r->class_);
	r->dose = store_col_real(q, 4);
	store_col_text(q, 5, r->unit, sizeof r->unit);
	store_col_text(q, 6, r->route, sizeof r->route);
	store_col_text(q, 7, r->frequency, sizeof r->frequency);
	r->start = store_col_day(q, 8);
	r->stop = store_col_day(q, 9);
	store_col_text(q, 10, r->indication, sizeof r->indication);
}

enum status store_export_meds(struct store *st, int64_t patient_id, day_t from, day_t to,
			      store_export_fn *fn, void *ctx, struct err *e)
{
	/* A medication is in the range when it was taken during it. */
	static const char sql[] =
	    "SELECT id, name, atc, class, dose, unit, route, frequency, start, stop, indication "
	    "FROM medications WHERE patient_id = ?1 AND voided = 0 AND (?2 IS NULL OR stop IS "
	    "NULL OR stop >= ?2) AND (?3 IS NULL OR start <= ?3) ORDER BY start, id";
	struct export_med r;
	return each(st, sql, patient_id, from, to, read_med, &r, fn, ctx, "reading medications", e);
}

static void read_visit(sqlite3_stmt *q, void *row)
{
	struct export_visit *r = row;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(q, 0);
	r->date = store_col_day(q, 1);
	store_col_text(q, 2, r->state, sizeof r->state);
	store_col_text(q, 3, r->timing, sizeof r->timing);
	double *v[] = {&r->temp_c,	  &r->weight_kg, &r->sbp,	    &r->dbp,
		       &r->ascites_grade, &r->he_grade,	 &r->stiffness_kpa, &r->iqr_kpa};
	for (int i = 0; i < 8; i++)
		*v[i] = store_col_real(q, 4 + i);
	store_col_text(q, 12, r->note, sizeof r->note);
	store_col_text(q, 13, r->label, sizeof r->label);
}

enum status store_export_visits(struct store *st, int64_t patient_id, day_t from, day_t to,
				store_export_fn *fn, void *ctx, struct err *e)
{
	static const char sql[] =
	    "SELECT v.id, v.date, v.state, v.timing, v.temp_c, v.weight_kg, v.sbp, v.dbp, "
	    "v.ascites_grade, v.he_grade, v.stiffness_kpa, v.iqr_kpa, v.note, s.label FROM visits "
	    "v "
	    "LEFT JOIN schedule s ON s.id = v.schedule_id WHERE v.patient_id = ?1" IN_RANGE(
		"v.date") " ORDER BY v.date, v.id";
	struct export_visit r;
	return each(st, sql, patient_id, from, to, read_visit, &r, fn, ctx, "reading visits", e);
}

static void read_contact(sqlite3_stmt *q, void *row)
{
	struct export_contact *r = row;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(q, 0);
	r->date = store_col_day(q, 1);
	r->phone = sqlite3_column_int(q, 2) != 0;
	store_col_text(q, 3, r->vital, sizeof r->vital);
	r->death_date = store_col_day(q, 4);
	r->transplant_date = store_col_day(q, 5);
	r->hcc_date = store_col_day(q, 6);
	r->decomp_date = store_col_day(q, 7);
	store_col_text(q, 8, r->cause, sizeof r->cause);
	store_col_text(q, 9, r->note, sizeof r->note);
}

enum status store_export_contacts(struct store *st, int64_t patient_id, day_t from, day_t to,
				  store_export_fn *fn, void *ctx, struct err *e)
{
	static const char sql[] =
	    "SELECT id, date, phone, vital, death_date, transplant_date, hcc_date, decomp_date, "
	    "cause, note FROM contacts WHERE patient_id = ?1 AND void_reason IS NULL" IN_RANGE(
		"date") " ORDER BY date, id";
	struct export_contact r;
	return each(st, sql, patient_id, from, to, read_contact, &r, fn, ctx,
		    "reading survival contacts", e);
}

enum status store_export_key(struct store *st, unsigned char out[DEID_KEY_BYTES], struct err *e)
{
	_Static_assert(sizeof st->key == crypto_kdf_KEYBYTES, "the audit key is a KDF key");
	if (!st->have_key)
		return err_set(e, ST_IO,
			       "de-identification needs the database's key file, which is not "
			       "readable here");
	crypto_kdf_derive_from_key(out, DEID_KEY_BYTES, 1, "hdexport", st->key);
	return ST_OK;
}

enum status store_export_audit(struct store *st, int64_t patient_id, const char *after,
			       struct err *e)
{
	enum status s = store_may(st, PERM_READ, e);
	if (s == ST_OK)
		s = store_access_log(st, "export", "patients", 0, patient_id, after, 0, NULL, e);
	if (s == ST_READONLY)
		err_set(e, ST_READONLY,
			"the database cannot be written (read-only file or folder), and every "
			"export is recorded in its audit trail");
	return s;
}
