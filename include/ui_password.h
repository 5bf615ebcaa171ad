/* ui_password.h: the password prompt of a signature — a dialog that shows
 * what is signed and what the signature means, and reads the user's
 * password without echoing it (nothing of it is drawn, not even its
 * length). */
#ifndef HEPADESK_UI_PASSWORD_H
#define HEPADESK_UI_PASSWORD_H

#include "ui_screen.h"

/* Called after the dialog closed (it is off the stack) with the password
 * typed; the callee hands it to the signing use case (uc_sign.h), which
 * wipes it, and the dialog wipes it again when fn returns. Returns reaction
 * flags for the screen below. arg is the caller's. */
typedef int (*ui_password_fn)(struct ui *ui, void *arg, char *password);

/* Push the prompt: what ("the evaluation of MRN as of DATE") and meaning
 * ("I approve this evaluation: READY") are copied. Esc or Ctrl-C closes it
 * without calling fn ("not signed" on the message line). */
void ui_password(struct ui *ui, const char *what, const char *meaning, ui_password_fn fn,
		 void *arg);

#endif
