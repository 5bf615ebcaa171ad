/* ui_app.h: the screen program's entry point, called by main.c when no
 * command is given. */
#ifndef HEPADESK_UI_APP_H
#define HEPADESK_UI_APP_H

#include "app.h"

/* Run the screens on the controlling terminal with an open, authorised app
 * (app->st belongs to the caller). Returns the process exit code: 0 after a
 * normal quit, 1 when the terminal could not be opened or was lost, 129/143
 * after SIGHUP/SIGTERM (drafts saved first). Restores the terminal on every
 * path. */
int ui_run(struct app *app);

/* A test build only (main.c): the report screen's patients per slice come
 * from slice() (ui_report_slice_hook). */
void ui_run_report_slice(int (*slice)(void));

#endif
