/* store_qol.h: storage of quality-of-life questionnaires — instruments
 * installed with their text and hash (admins), each questionnaire given to
 * a patient with its answers and domain scores (one transaction, audited),
 * and the questionnaires read back for trends. Implemented in
 * src/store/store_qol.c. */
#ifndef HEPADESK_STORE_QOL_H
#define HEPADESK_STORE_QOL_H

#include <stdbool.h>
#include <stdint.h>

#include "date.h"
#include "qol.h"
#include "status.h"
#include "store.h"
#include "user.h"

struct qol_installed {
	int64_t id;
	char code[QOL_CODE_MAX + 1];
	char name[QOL_NAME_MAX + 1];
	char version[QOL_VERSION_MAX + 1];
	char hash[65];
	char installed_by[USER_LOGIN_MAX + 1];
	int64_t created;
};

/* Install instrument q parsed from text (PERM_MANAGE_PROTOCOL). The same
 * code and version installed already: ST_DUPLICATE (the same hash says so;
 * a different text under that version is refused: give it a new version). */
enum status store_instrument_install(struct store *st, const struct qol_instrument *q,
				     const char *text, int64_t *id, struct err *e);
/* Installed instruments, by code then newest first, at most max. PERM_READ. */
enum status store_instrument_list(struct store *st, struct qol_installed *out, int max, int *n,
				  struct err *e);
/* The newest installed version of code (letter case ignored) parsed into
 * *out, its row into *row (either may be NULL). ST_NOT_FOUND naming the
 * installed codes. PERM_READ. */
enum status store_instrument_get(struct store *st, const char *code, struct qol_instrument *out,
				 struct qol_installed *row, struct err *e);

struct qol_response {
	int64_t id;
	int64_t patient_id;
	char code[QOL_CODE_MAX + 1];
	char version[QOL_VERSION_MAX + 1];
	day_t date;
	char answers[QOL_ITEMS_MAX * 4];
	int answered;
	char recorded_by[USER_LOGIN_MAX + 1];
	struct qol_scores scores;
	char correction_reason[201]; /* of the latest correction; "" */
	int64_t version_no;
};

/* Record a questionnaire (PERM_RECORD): answers checked against the
 * instrument, the date not after today, scored by qol_score, in one
 * transaction with its scores. r->id, r->scores and r->recorded_by set. */
enum status store_qol_add(struct store *st, const struct qol_installed *inst,
			  const struct qol_instrument *q, const int *answers,
			  struct qol_response *r, day_t today, struct err *e);
/* Void questionnaire id of the patient with a reason (1-200 characters,
 * PERM_RECORD) at version (0: whatever it is; ST_CONFLICT when it changed):
 * kept with its scores, marked voided, no longer listed nor trended.
 * ST_NOT_FOUND when not this patient's; ST_DUPLICATE if voided. */
enum status store_qol_void(struct store *st, int64_t patient_id, int64_t id, int64_t version,
			   const char *reason, struct err *e);
/* Questionnaire id of the patient (not voided) into *r with its scores,
 * and the instrument version it was given with (parsed, and its row; the
 * one a correction is checked and scored against), either may be NULL.
 * ST_NOT_FOUND when none or another patient's; ST_DUPLICATE if voided.
 * PERM_READ. */
enum status store_qol_get(struct store *st, int64_t patient_id, int64_t id, struct qol_response *r,
			  struct qol_instrument *q, struct qol_installed *inst, struct err *e);
/* Correct questionnaire r->id of r->patient_id in place (PERM_RECORD): its
 * date r->date and answers, checked as by store_qol_add against instrument
 * q it was given with, at version r->version_no (ST_CONFLICT when it
 * changed since read), with a reason (1-200 characters). Its domain
 * scores are scored again in the same transaction; both versions audited.
 * r->answers, r->answered, r->scores and r->version_no set. */
enum status store_qol_correct(struct store *st, const struct qol_instrument *q, const int *answers,
			      struct qol_response *r, const char *reason, day_t today,
			      struct err *e);
/* The patient's questionnaires (code NULL: every instrument), oldest first,
 * with their scores, at most max. PERM_READ. */
enum status store_qol_list(struct store *st, int64_t patient_id, const char *code,
			   struct qol_response *out, int max, int *n, struct err *e);

#endif
