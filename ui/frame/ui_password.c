/* ui_password.c: the no-echo password prompt of a signature. */
#include "ui_password.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "ui_draw.h"
#include "util.h"

struct pw_dialog {
	struct ui_screen base;
	char *what, *meaning;
	char pw[AUTH_PASSWORD_MAX + 1];
	size_t len;
	ui_password_fn fn;
	void *arg;
};

static const enum ui_action pw_hints[] = {ACT_SIGN_NOW, ACT_BACK, ACT_NONE};

static void pw_draw(struct ui_screen *s, struct ui *ui)
{
	struct pw_dialog *d = (struct pw_dialog *)s;
	char line[400];
	int w = ui->cols - 8 < 72 ? ui->cols - 8 : 72;
	int h = 10, y = (ui->rows - h) / 2, x = (ui->cols - w) / 2;
	ui_box(ui->body, y, x, h, w, "Sign with your password");
	snprintf(line, sizeof line, "You are signing %s.", d->what);
	ui_wrap(ui->body, y + 1, x + 2, w - 4, 2, ROLE_NORMAL, line);
	snprintf(line, sizeof line, "Meaning: \"%s\"", d->meaning);
	ui_wrap(ui->body, y + 3, x + 2, w - 4, 2, ROLE_WARN, line);
	ui_put(ui->body, y + 5, x + 2, w - 4, ROLE_DIM,
	       "Recorded with your name, the time and this meaning.");
	ui_put(ui->body, y + 7, x + 2, w - 4, ROLE_TITLE, "Password (not shown):");
	ui_cursor(ui, y + 7, x + 24);
}

static void wipe(struct pw_dialog *d)
{
	sodium_memzero(d->pw, sizeof d->pw);
	d->len = 0;
}

static int pw_key(struct ui_screen *s, struct ui *ui, int key)
{
	struct pw_dialog *d = (struct pw_dialog *)s;
	if (key >= ' ' && key < 127) {
		if (d->len < AUTH_PASSWORD_MAX)
			d->pw[d->len++] = (char)key;
		return UI_DONE;
	}
	if (key == UI_FN(KEY_BACKSPACE) || key == 127 || key == 8) {
		if (d->len > 0)
			d->pw[--d->len] = '\0';
		return UI_DONE;
	}
	if (ui_key_is(key, ACT_SIGN_NOW)) {
		char pw[AUTH_PASSWORD_MAX + 1];
		ui_password_fn fn = d->fn;
		void *arg = d->arg;
		memcpy(pw, d->pw, sizeof pw);
		pw[d->len] = '\0';
		wipe(d);
		ui_pop(ui);
		int r = fn(ui, arg, pw);
		sodium_memzero(pw, sizeof pw);
		return r;
	}
	if (ui_key_is(key, ACT_BACK) || key == UI_CTRL('C')) {
		wipe(d);
		ui_pop(ui);
		ui_msg(ui, ROLE_HINT, "not signed");
		return UI_DONE;
	}
	if (ui_key_is(key, ACT_REDRAW))
		return UI_PASS;
	return UI_DONE;
}

static void pw_done(struct ui_screen *s)
{
	struct pw_dialog *d = (struct pw_dialog *)s;
	wipe(d);
	free(d->what);
	free(d->meaning);
	free(d);
}

static const struct ui_screen_ops pw_ops = {
    "Sign",
    pw_draw,
    pw_key,
    NULL,
    pw_done,
    pw_hints,
    "Signing: your password is checked again (PAM) before the signature is recorded; "
    "it is not shown as you type. {SIGN_NOW} signs; {BACK} closes without signing.",
    NULL,
    .scope = SC_PASSWORD | SC_TEXT | SC_DIALOG};

void ui_password(struct ui *ui, const char *what, const char *meaning, ui_password_fn fn, void *arg)
{
	struct pw_dialog *d = xcalloc(1, sizeof *d);
	d->base.ops = &pw_ops;
	d->base.overlay = true;
	d->what = xstrdup(what);
	d->meaning = xstrdup(meaning);
	d->fn = fn;
	d->arg = arg;
	ui_push(ui, &d->base);
}
