/* uc_lab.h: entering lab results with unit sense across the patient's
 * history — each new result is compared with the previous result of its
 * analyte on or before its day (unitsense.h) — for the screens, the command
 * line and any importer alike. */
#ifndef HEPADESK_UC_LAB_H
#define HEPADESK_UC_LAB_H

#include <stdbool.h>

#include "config.h"
#include "lab.h"
#include "status.h"
#include "store.h"

/* Unit sense for rows (patient_id, analyte, value, canonical and date
 * filled, the unit as entered): ST_CONFIRM with the message of the first row
 * that asks, naming the likely unit and the earlier value; ST_OK when none
 * asks; a storage error otherwise. Two rows of one analyte in rows are
 * compared with each other too. */
enum status uc_lab_sense(struct store *st, const struct config *cfg, const struct lab_result *rows,
			 int n, struct err *e);

/* Store rows in one transaction after uc_lab_sense. With confirmed, a row
 * that asked is stored marked confirmed (the audit keeps it); without it,
 * nothing is written and ST_CONFIRM is returned. */
enum status uc_lab_add(struct store *st, const struct config *cfg, struct lab_result *rows, int n,
		       bool confirmed, struct err *e);

/* Correct stored row r->id (r filled as for uc_lab_add, r->version the
 * version read) with a reason: unit sense against the latest other result
 * of the analyte on or before its day; with confirmed, a row that asked is
 * stored marked confirmed, without it nothing is written and ST_CONFIRM is
 * returned. Then store_lab_fix. */
enum status uc_lab_correct(struct store *st, const struct config *cfg, struct lab_result *r,
			   const char *reason, bool confirmed, struct err *e);

#endif
