/* uc_draft.h: keeping a form's draft when the database cannot take it. A
 * draft goes to the database (store_draft_save); when that fails because
 * the disk is full, the file is read-only or the lock is held too long, it
 * goes to a private file (0600) in the user's runtime folder instead, and
 * the next session moves it into the database, where it is offered. */
#ifndef HEPADESK_UC_DRAFT_H
#define HEPADESK_UC_DRAFT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app.h"
#include "status.h"

/* The folder for drafts kept in files: $XDG_RUNTIME_DIR/hepadesk when it
 * is set and absolute (never in a privileged run: the caller chose it),
 * else /run/user/UID/hepadesk when that folder is the user's own, else
 * /tmp/hepadesk-UID. Made 0700 when missing; refused (ST_DENIED, naming
 * it) unless it is a real folder of the user's with no access for others. */
enum status uc_draft_folder(char *out, size_t n, struct err *e);

/* Keep content as the acting user's draft of form (and patient). In the
 * database; when it cannot take it (ST_FULL, ST_READONLY, ST_BUSY) in a
 * file of uc_draft_folder, and *in_file is set. A draft kept in the
 * database removes an older file of the same form. Fails only when neither
 * could keep it (e says why both failed). */
enum status uc_draft_keep(struct app *app, const char *form, int64_t patient_id,
			  const char *content, bool *in_file, struct err *e);

/* Forget the draft of form (and patient): in the database and its file. */
enum status uc_draft_drop(struct app *app, const char *form, int64_t patient_id, struct err *e);

/* Move the acting user's drafts kept in files for this database into it
 * (each file removed once its draft is in); *moved counts them. Files of
 * other databases or users are left alone; one that cannot be moved yet
 * stays for a later session. */
enum status uc_draft_import(struct app *app, int *moved, struct err *e);

#endif
