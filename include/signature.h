/* signature.h: electronic signatures (21 CFR 11.50): what a signature
 * means, the canonical text of what was signed and its SHA-256, and the
 * manifestation shown with the record (who signed, when, what it meant).
 * Pure: the store writes and reads them (store_sig.h). */
#ifndef HEPADESK_SIGNATURE_H
#define HEPADESK_SIGNATURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "checklist.h"
#include "infusion.h"
#include "plan.h"
#include "user.h"
#include "util.h"

/* kind, its text, the table of the signed record */
#define SIG_KIND_INFO(_)                           \
	_(EVALUATION, "evaluation", "evaluations") \
	_(AMENDMENT, "amendment", "evaluations")   \
	_(PLAN, "plan", "plans")                   \
	_(OVERRIDE, "override", "infusions")

enum sig_kind {
#define SIG_KIND_ENUM_(name, text, tbl) SIG_##name,
	SIG_KIND_INFO(SIG_KIND_ENUM_)
#undef SIG_KIND_ENUM_
	    SIG_KIND_COUNT
};

const char *sig_kind_str(enum sig_kind k);   /* "evaluation"; "?" out of range */
const char *sig_kind_table(enum sig_kind k); /* "evaluations" */
/* Parse sig_kind_str text; false for anything else. */
bool sig_kind_parse(const char *s, enum sig_kind *out);

#define SIG_MEANING_MAX 300
/* The version line the canonical text starts with. */
#define SIG_CANON_HEADER "hepadesk signature 1\n"

struct signature {
	int64_t id;
	enum sig_kind kind;
	int64_t row_id; /* the signed record in sig_kind_table(kind) */
	int64_t patient_id;
	char signer[USER_LOGIN_MAX + 1];
	int64_t signed_at; /* seconds since the epoch (the injected clock) */
	char meaning[SIG_MEANING_MAX + 1];
	char hash[65]; /* SHA-256 of the canonical text, lower-case hex */
};

/* The meaning a signer affirms, into out (n bytes):
 * "I approve this evaluation: READY",
 * "I approve this amended evaluation: NOT READY",
 * "I approve this treatment plan",
 * "I override the pre-infusion check: dose, interval" (items: the names of
 * the items overridden, comma separated). */
void sig_meaning_eval(enum eval_status s, bool amendment, char *out, size_t n);
void sig_meaning_plan(char *out, size_t n);
void sig_meaning_override(const char *items, char *out, size_t n);

/* The canonical text of a signature over a record, into sb (reset first):
 * SIG_CANON_HEADER, then one line per field, "KEY LEN:VALUE\n" where LEN is
 * VALUE's length in bytes (so no value needs escaping and none can run into
 * the next): kind, table, row, patient, signer, signed_at (seconds), meaning,
 * then the record's own fields:
 * - evaluation/amendment: as_of, status, protocol_hash, amends, reason, detail
 *   (the stored checklist JSON);
 * - plan: route, cells_per_kg (%.6g), weight_kg (%.1f), weight_date,
 *   cells_per_infusion (%.0f), infusions, interval_days, first_date,
 *   evaluation;
 * - override: given_at (seconds), date, route, cells (%.0f), lot,
 *   lot_expiry ("" when none), given_by, override_reason, check (the stored
 *   check JSON).
 * Dates are YYYY-MM-DD. */
void sig_canon_eval(struct strbuf *sb, const struct signature *s, const struct evaluation *ev,
		    const char *detail);
void sig_canon_plan(struct strbuf *sb, const struct signature *s, const struct plan *pl);
void sig_canon_override(struct strbuf *sb, const struct signature *s, const struct infusion *f,
			const char *check);

/* One "KEY LEN:VALUE\n" line appended to sb. */
void sig_canon_field(struct strbuf *sb, const char *key, const char *value);

/* SHA-256 of text as 64 lower-case hex digits and a NUL. */
void sig_hash(const char *text, char out[65]);

/* The manifestation: "signed by LOGIN at YYYY-MM-DD HH:MM UTC: MEANING"
 * into out (n bytes). The login and meaning are stored text: callers
 * neutralise it on output as any other. */
void sig_manifest(const struct signature *s, char *out, size_t n);

#endif
