/* ui_app.c: ui_run — start the terminal, run the screen stack from the home
 * screen, and leave it as it was. */
#include "ui_app.h"

#include <stdio.h>

#include "ui_clinic.h"
#include "ui_draft.h"
#include "ui_screen.h"
#include "ui_term.h"

int ui_run(struct app *app)
{
	struct ui ui = {0};
	char why[160];
	ui.app = app;
	if (!ui_term_start(why, sizeof why)) {
		fprintf(stderr, "hepadesk: %s\n", why);
		return 1;
	}
	ui_push(&ui, ui_clinic_new(&ui));
	ui_draft_offer(&ui);
	ui_loop(&ui);
	ui_term_stop();
	return ui.exit_code;
}
