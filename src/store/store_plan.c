/* store_plan.c: treatment plans and their generated schedule, stored in one transaction. */
#include "store_int.h"
#include "store_longterm.h"
#include "store_sig_int.h"

#include "text.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ihgate.h"
#include "pstate.h"
#include "store_eval.h"
#include "store_ih.h"
#include "util.h"

#define PLAN_COLS                                                                      \
	"id, patient_id, evaluation_id, route, cells_per_kg, weight_kg, weight_date, " \
	"cells_per_infusion, infusions, interval_days, first_date, physician, "        \
	"physician_signed_at, status, version, created"

static void read_plan(sqlite3_stmt *q, struct plan *pl)
{
	memset(pl, 0, sizeof *pl);
	pl->id = sqlite3_column_int64(q, 0);
	pl->patient_id = sqlite3_column_int64(q, 1);
	pl->evaluation_id = sqlite3_column_int64(q, 2);
	plan_route_parse((const char *)sqlite3_column_text(q, 3), &pl->route);
	pl->cells_per_kg = sqlite3_column_double(q, 4);
	pl->weight_kg = sqlite3_column_double(q, 5);
	pl->weight_date = store_col_day(q, 6);
	pl->cells_per_infusion = sqlite3_column_double(q, 7);
	pl->infusions = sqlite3_column_int(q, 8);
	pl->interval_days = sqlite3_column_int(q, 9);
	pl->first_date = store_col_day(q, 10);
	store_col_text(q, 11, pl->physician, sizeof pl->physician);
	pl->physician_signed_at = sqlite3_column_int64(q, 12);
	const char *status = (const char *)sqlite3_column_text(q, 13);
	pl->active = status && strcmp(status, "active") == 0;
	pl->version = sqlite3_column_int64(q, 14);
	pl->created = sqlite3_column_int64(q, 15);
}

static void plan_row(sqlite3_stmt *q, void *row)
{
	read_plan(q, row);
}

static enum status active_plan(struct store *st, int64_t patient_id, struct plan *out,
			       struct err *e)
{
	static const char sql[] = "SELECT " PLAN_COLS " FROM plans WHERE patient_id = ? "
				  "AND status = 'active' ORDER BY id DESC LIMIT 1";
	return store_patient_row(st, sql, patient_id, out, plan_row, "reading the plan",
				 "no active treatment plan", e);
}

enum status store_plan_current(struct store *st, int64_t patient_id, struct plan *out,
			       struct err *e)
{
	enum status s = store_may(st, PERM_READ, e);
	return s == ST_OK ? active_plan(st, patient_id, out, e) : s;
}

enum status store_plan_get(struct store *st, int64_t plan_id, struct plan *out, struct err *e)
{
	static const char sql[] = "SELECT " PLAN_COLS " FROM plans WHERE id = ?";
	enum status s = store_may(st, PERM_READ, e);
	return s == ST_OK ? store_patient_row(st, sql, plan_id, out, plan_row, "reading the plan",
					      "no such plan", e)
			  : s;
}

/* Who may make this plan: a physician; for an intrahepatic route the
 * physician signs it themself. */
static enum status plan_perms(struct store *st, const struct plan_request *rq, struct err *e)
{
	enum status s = store_may(st, PERM_PLAN, e);
	if (s == ST_OK && rq->route == ROUTE_INTRAHEPATIC)
		s = store_may(st, PERM_SIGN_INTRAHEPATIC, e);
	if (s != ST_OK)
		return s;
	if (*rq->physician && strcmp(rq->physician, st->actor.login) != 0)
		return err_set(e, ST_DENIED,
			       "physician: %s cannot sign for %s; the physician signs "
			       "the plan in their own session",
			       st->actor.login, rq->physician);
	return ST_OK;
}

static enum status insert_plan(struct store *st, struct plan *pl, struct err *e)
{
	static const char sql[] =
	    "INSERT INTO plans (patient_id, evaluation_id, route, cells_per_kg, weight_kg, "
	    "weight_date, cells_per_infusion, infusions, interval_days, first_date, physician, "
	    "physician_signed_at, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
	    "?11, ?12, ?13)";
	sqlite3_stmt *q = store_stmt(st, sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_int64(q, 1, pl->patient_id);
	sqlite3_bind_int64(q, 2, pl->evaluation_id);
	sqlite3_bind_text(q, 3, plan_route_str(pl->route), -1, SQLITE_STATIC);
	sqlite3_bind_double(q, 4, pl->cells_per_kg);
	sqlite3_bind_double(q, 5, pl->weight_kg);
	store_bind_day(q, 6, pl->weight_date);
	sqlite3_bind_double(q, 7, pl->cells_per_infusion);
	sqlite3_bind_int(q, 8, pl->infusions);
	sqlite3_bind_int(q, 9, pl->interval_days);
	store_bind_day(q, 10, pl->first_date);
	store_bind_text(q, 11, *pl->physician ? pl->physician : NULL);
	if (pl->physician_signed_at)
		sqlite3_bind_int64(q, 12, pl->physician_signed_at);
	sqlite3_bind_int64(q, 13, st->now);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "saving the plan");
	pl->id = sqlite3_last_insert_rowid(st->db);
	pl->version = 1;
	pl->created = st->now;
	return ST_OK;
}

/* The plan's evaluation: the current signed one, and READY. */
static enum status ready_evaluation(struct store *st, int64_t patient_id, int64_t *id, day_t *as_of,
				    struct err *e)
{
	struct evaluation ev;
	char d[16];
	enum status s = store_eval_current(st, patient_id, &ev, e);
	if (s == ST_NOT_FOUND)
		return err_set(e, ST_INVALID,
			       "a plan needs a signed READY evaluation; sign the "
			       "checklist first");
	if (s != ST_OK)
		return s;
	if (ev.status != EVAL_READY)
		return err_set(e, ST_INVALID,
			       "a plan needs a READY evaluation; the signed "
			       "evaluation (version %d, as of %s) is %s",
			       ev.chain_version, date_format(ev.as_of, d),
			       eval_status_str(ev.status));
	*id = ev.id;
	*as_of = ev.as_of;
	return ST_OK;
}

/* The first infusion inside the evaluation's validity, and a patient whose
 * status lets treatment start. */
static enum status plan_safety(struct store *st, const struct protocol *p,
			       const struct plan_request *rq, int64_t patient_id, day_t as_of,
			       struct err *e)
{
	char a[16], u[16], f[16];
	int valid = (int)p->safety[SAFE_EVAL_VALID];
	if (rq->first_date > as_of + valid)
		return err_set(e, ST_INVALID,
			       "first infusion date: %s is %d days after the evaluation of %s; "
			       "the protocol accepts %d days (until %s) — amend the evaluation",
			       date_format(rq->first_date, f), rq->first_date - as_of,
			       date_format(as_of, a), valid, date_format(as_of + valid, u));
	struct pstatus ps;
	enum status s = store_status_read(st, patient_id, &ps, e);
	if (s == ST_OK && ps.id && pstate_ends_treatment(ps.state))
		s = err_set(e, ST_INVALID, "status: the patient is %s since %s; no plan can start",
			    pstate_label(ps.state), date_format(ps.date, a));
	if (s == ST_OK && ps.id && ps.state == PSTATE_COMPLETED)
		s = err_set(e, ST_INVALID, "status: the patient completed treatment on %s",
			    date_format(ps.date, a));
	return s;
}

/* The intrahepatic route's gates as of the day the plan is made (the
 * physician making it approves the route). */
static enum status intrahepatic_gates(struct store *st, const struct protocol *p,
				      int64_t patient_id, day_t today, struct err *e)
{
	struct ih_input in;
	char data[320];
	enum status s = store_ih_input(st, patient_id, today, &in, e);
	if (s == ST_OK && (s = ih_check(p, &in, data, sizeof data, e)) != ST_OK) {
		size_t used = strlen(e->msg);
		snprintf(e->msg + used, sizeof e->msg - used, " (data: %s)", data);
	}
	return s;
}

static enum status plan_tx(struct store *st, const struct protocol *p,
			   const struct plan_request *rq, int64_t patient_id, day_t today,
			   struct plan *out, struct schedule_item *items, int *n, struct err *e)
{
	struct plan existing;
	struct patient pt;
	struct err none;
	int64_t eval_id = 0;
	day_t as_of = DAY_NONE;
	enum status s = ready_evaluation(st, patient_id, &eval_id, &as_of, e);
	if (s == ST_OK)
		s = plan_safety(st, p, rq, patient_id, as_of, e);
	if (s == ST_OK && active_plan(st, patient_id, &existing, &none) == ST_OK)
		s = err_set(e, ST_DUPLICATE,
			    "the patient already has an active plan (%s, %d "
			    "infusions)",
			    plan_route_str(existing.route), existing.infusions);
	if (s == ST_OK)
		s = store_patient_get(st, patient_id, &pt, e);
	if (s == ST_OK)
		s = plan_compute(p, &pt, rq, today, out, items, n, e);
	if (s == ST_OK && out->route == ROUTE_INTRAHEPATIC)
		s = intrahepatic_gates(st, p, patient_id, today, e);
	if (s != ST_OK)
		return s;
	out->evaluation_id = eval_id;
	if (out->route == ROUTE_INTRAHEPATIC) {
		strlcpy_(out->physician, st->actor.login, sizeof out->physician);
		out->physician_signed_at = st->now;
	}
	if ((s = insert_plan(st, out, e)) != ST_OK)
		return s;
	struct pstatus ps = {.patient_id = patient_id, .state = PSTATE_IN_TREATMENT, .date = today};
	if ((s = store_status_insert(st, &ps, e)) != ST_OK)
		return s;
	for (int i = 0; i < *n && s == ST_OK; i++) {
		items[i].plan_id = out->id;
		s = store_schedule_insert(st, &items[i], e);
	}
	/* Survival contacts and HCC surveillance after the last visit. */
	if (s == ST_OK)
		s = store_lt_plan_insert(st, p, out, items, *n, e);
	return s;
}

enum status store_plan_add(struct store *st, const struct protocol *p,
			   const struct plan_request *rq, int64_t patient_id, day_t today,
			   struct plan *out, struct schedule_item *items, int *n, struct err *e)
{
	enum status s = plan_perms(st, rq, e);
	*n = 0;
	if (s != ST_OK || (s = store_begin(st, e)) != ST_OK)
		return s;
	s = plan_tx(st, p, rq, patient_id, today, out, items, n, e);
	out->patient_id = patient_id;
	if (s == ST_OK)
		s = store_sig_plan(st, out, e);
	if (s != ST_OK) {
		store_rollback(st);
		*n = 0;
		return s;
	}
	return store_commit(st, e);
}

enum status store_demo_plan(struct store *st, const struct protocol *p,
			    const struct plan_request *rq, int64_t patient_id, day_t today,
			    struct plan *out, struct schedule_item *items, int *n, struct err *e)
{
	enum status s = plan_perms(st, rq, e);
	*n = 0;
	return s == ST_OK ? plan_tx(st, p, rq, patient_id, today, out, items, n, e) : s;
}

static enum status cancel_tx(struct store *st, int64_t plan_id, int64_t version, const char *reason,
			     struct err *e)
{
	static const char plan_sql[] =
	    "UPDATE plans SET status = 'cancelled', cancel_reason = ?1, version = version + 1 "
	    "WHERE id = ?2 AND version = ?3 AND status = 'active'";
	static const char items_sql[] =
	    "UPDATE schedule SET state = 'cancelled', "
	    "version = version + 1 WHERE plan_id = ? AND state = 'open'";
	sqlite3_stmt *q = store_stmt(st, plan_sql, e);
	if (!q)
		return ST_IO;
	sqlite3_bind_text(q, 1, reason, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 2, plan_id);
	sqlite3_bind_int64(q, 3, version);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "cancelling the plan");
	if (sqlite3_changes(st->db) == 0)
		return err_set(e, ST_CONFLICT,
			       "the plan was changed or cancelled by someone else; reload it");
	if (!(q = store_stmt(st, items_sql, e)))
		return ST_IO;
	sqlite3_bind_int64(q, 1, plan_id);
	if (sqlite3_step(q) != SQLITE_DONE)
		return store_fail(st, e, "cancelling the schedule");
	return store_lt_close(st, 0, plan_id, false, e);
}

enum status store_plan_cancel(struct store *st, int64_t plan_id, int64_t version,
			      const char *reason, struct err *e)
{
	enum status s = store_may(st, PERM_PLAN, e);
	if (s != ST_OK)
		return s;
	if (!reason || !*reason || strlen(reason) > 200 || !text_is_clean(reason, false))
		return err_set(e, ST_INVALID,
			       "reason: say why the plan is cancelled (1-200 characters of text)");
	if ((s = store_begin(st, e)) != ST_OK)
		return s;
	s = cancel_tx(st, plan_id, version, reason, e);
	if (s != ST_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, e);
}
