/* signature.c: what a signature means, the canonical text it covers and
 * its hash. */
#include "signature.h"

#include <sha2.h>
#include <stdio.h>
#include <string.h>

#include "date.h"

static const struct {
	const char *text, *tbl;
} kinds[] = {
#define SIG_KIND_ROW_(name, text, tbl) {text, tbl},
    SIG_KIND_INFO(SIG_KIND_ROW_)
#undef SIG_KIND_ROW_
};

const char *sig_kind_str(enum sig_kind k)
{
	return (unsigned)k < SIG_KIND_COUNT ? kinds[k].text : "?";
}

const char *sig_kind_table(enum sig_kind k)
{
	return (unsigned)k < SIG_KIND_COUNT ? kinds[k].tbl : "?";
}

bool sig_kind_parse(const char *s, enum sig_kind *out)
{
	for (int k = 0; s && k < SIG_KIND_COUNT; k++)
		if (strcmp(s, kinds[k].text) == 0) {
			*out = (enum sig_kind)k;
			return true;
		}
	return false;
}

void sig_meaning_eval(enum eval_status s, bool amendment, char *out, size_t n)
{
	snprintf(out, n, "I approve this %sevaluation: %s", amendment ? "amended " : "",
		 eval_status_str(s));
}

void sig_meaning_plan(char *out, size_t n)
{
	snprintf(out, n, "I approve this treatment plan");
}

void sig_meaning_override(const char *items, char *out, size_t n)
{
	snprintf(out, n, "I override the pre-infusion check: %s", items);
}

void sig_canon_field(struct strbuf *sb, const char *key, const char *value)
{
	if (!value)
		value = "";
	sb_addf(sb, "%s %zu:", key, strlen(value));
	sb_add(sb, value);
	sb_addc(sb, '\n');
}

static void field_int(struct strbuf *sb, const char *key, int64_t v)
{
	char b[24];
	snprintf(b, sizeof b, "%lld", (long long)v);
	sig_canon_field(sb, key, b);
}

static void field_num(struct strbuf *sb, const char *key, const char *fmt, double v)
{
	char b[48];
	snprintf(b, sizeof b, fmt, v);
	sig_canon_field(sb, key, b);
}

static void field_day(struct strbuf *sb, const char *key, day_t d)
{
	char b[16];
	sig_canon_field(sb, key, d == DAY_NONE ? "" : date_format(d, b));
}

static void head(struct strbuf *sb, const struct signature *s)
{
	sb_reset(sb);
	sb_add(sb, SIG_CANON_HEADER);
	sig_canon_field(sb, "kind", sig_kind_str(s->kind));
	sig_canon_field(sb, "table", sig_kind_table(s->kind));
	field_int(sb, "row", s->row_id);
	field_int(sb, "patient", s->patient_id);
	sig_canon_field(sb, "signer", s->signer);
	field_int(sb, "signed_at", s->signed_at);
	sig_canon_field(sb, "meaning", s->meaning);
}

void sig_canon_eval(struct strbuf *sb, const struct signature *s, const struct evaluation *ev,
		    const char *detail)
{
	head(sb, s);
	field_day(sb, "as_of", ev->as_of);
	sig_canon_field(sb, "status", eval_status_str(ev->status));
	sig_canon_field(sb, "protocol_hash", ev->protocol_hash);
	field_int(sb, "amends", ev->amends);
	sig_canon_field(sb, "reason", ev->amend_reason);
	sig_canon_field(sb, "detail", detail);
}

void sig_canon_plan(struct strbuf *sb, const struct signature *s, const struct plan *pl)
{
	head(sb, s);
	sig_canon_field(sb, "route", plan_route_str(pl->route));
	field_num(sb, "cells_per_kg", "%.6g", pl->cells_per_kg);
	field_num(sb, "weight_kg", "%.1f", pl->weight_kg);
	field_day(sb, "weight_date", pl->weight_date);
	field_num(sb, "cells_per_infusion", "%.0f", pl->cells_per_infusion);
	field_int(sb, "infusions", pl->infusions);
	field_int(sb, "interval_days", pl->interval_days);
	field_day(sb, "first_date", pl->first_date);
	field_int(sb, "evaluation", pl->evaluation_id);
}

void sig_canon_override(struct strbuf *sb, const struct signature *s, const struct infusion *f,
			const char *check)
{
	head(sb, s);
	field_int(sb, "given_at", f->given_at);
	field_day(sb, "date", f->date);
	sig_canon_field(sb, "route", plan_route_str(f->route));
	field_num(sb, "cells", "%.0f", f->cells);
	sig_canon_field(sb, "lot", f->lot);
	field_day(sb, "lot_expiry", f->lot_expiry);
	sig_canon_field(sb, "given_by", f->given_by);
	sig_canon_field(sb, "override_reason", f->override_reason);
	sig_canon_field(sb, "check", check);
}

void sig_hash(const char *text, char out[65])
{
	SHA256Data((const uint8_t *)text, strlen(text), out);
}

void sig_manifest(const struct signature *s, char *out, size_t n)
{
	char t[20];
	snprintf(out, n, "signed by %s at %s UTC: %s", s->signer, date_format_time(s->signed_at, t),
		 s->meaning);
}
