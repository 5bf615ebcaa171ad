/* ui_screen.c: the screen stack, the message line and the tables the app
 * fills (global keys, the patient opener). The loop is ui_loop.c. */
#include "ui_screen.h"

#include <stdio.h>
#include <string.h>

#include "store.h"

void ui_push(struct ui *ui, struct ui_screen *s)
{
	if (ui->depth >= UI_STACK_MAX) {
		s->ops->done(s);
		ui_msg(ui, ROLE_WARN, "too many screens open: go back first");
		return;
	}
	ui->stack[ui->depth++] = s;
}

void ui_remove(struct ui *ui, struct ui_screen *s)
{
	for (int i = ui->depth - 1; i >= 0; i--) {
		if (ui->stack[i] != s)
			continue;
		memmove(&ui->stack[i], &ui->stack[i + 1],
			(size_t)(ui->depth - i - 1) * sizeof(struct ui_screen *));
		ui->depth--;
		if (ui->ndead < (int)(sizeof ui->dead / sizeof ui->dead[0]))
			ui->dead[ui->ndead++] = s;
		else
			s->ops->done(s);
		return;
	}
}

void ui_switch_patient(struct ui *ui, struct ui_screen *s)
{
	int kept = 0;
	while (ui->depth > 0 && !ui->stack[ui->depth - 1]->home) {
		struct ui_screen *top = ui->stack[ui->depth - 1];
		if (top->dirty && top->ops->draft) {
			top->ops->draft(top, ui, true);
			kept++;
		}
		ui_remove(ui, top);
	}
	ui_push(ui, s);
	if (kept)
		ui_msg(ui, ROLE_HINT, "what you typed in %d form%s is kept as a draft", kept,
		       kept == 1 ? "" : "s");
}

void ui_pop(struct ui *ui)
{
	if (ui->depth > 0)
		ui_remove(ui, ui->stack[ui->depth - 1]);
}

struct ui_screen *ui_top(struct ui *ui)
{
	return ui->depth > 0 ? ui->stack[ui->depth - 1] : NULL;
}

void ui_msg(struct ui *ui, enum ui_role role, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	va_end(ap);
	ui->msg_role = role;
	ui->msg_new = true;
}

void ui_msg_clear(struct ui *ui)
{
	ui->msg[0] = '\0';
}

void ui_cursor(struct ui *ui, int y, int x)
{
	ui->want_cursor = true;
	ui->cur_y = y;
	ui->cur_x = x;
}

bool ui_global_key(struct ui *ui, enum ui_action a, ui_global_fn fn)
{
	for (int i = 0; i < ui->nglobals; i++)
		if (ui->globals[i].act == a) {
			ui->globals[i].fn = fn;
			return true;
		}
	if (ui->nglobals >= UI_GLOBAL_MAX)
		return false;
	ui->globals[ui->nglobals].act = a;
	ui->globals[ui->nglobals++].fn = fn;
	return true;
}

ui_global_fn ui_global_find(const struct ui *ui, int key)
{
	for (int i = 0; i < ui->nglobals; i++)
		if (ui_key_is(key, ui->globals[i].act))
			return ui->globals[i].fn;
	return NULL;
}

void ui_patient_opener(struct ui *ui, ui_patient_fn open)
{
	ui->open_patient = open;
}

struct ui_screen *ui_open_patient(struct ui *ui, int64_t patient_id)
{
	if (!ui->open_patient) {
		ui_msg(ui, ROLE_WARN, "no patient screen in this program");
		return NULL;
	}
	return ui->open_patient(ui, patient_id);
}

const enum ui_action *ui_screen_keys(const struct ui_screen *s, unsigned *scope)
{
	const enum ui_action *hints = s->ops->hints;
	*scope = s->ops->scope;
	if (s->ops->keys_now)
		hints = s->ops->keys_now(s, scope);
	/* Not declared: the scopes of its hints; a form types letters. */
	if (!*scope) {
		for (const enum ui_action *a = hints; a && *a != ACT_NONE; a++)
			*scope |= ui_key_scope(*a);
		if (*scope & SC_FORM)
			*scope |= SC_TEXT;
	}
	*scope |= SC_GLOBAL;
	return hints;
}

unsigned ui_role(const struct ui *ui)
{
	const struct user *u = ui->app ? store_actor(ui->app->st) : NULL;
	return u ? u->roles : ROLE_BIT(ROLE_VIEWER);
}

bool ui_may(struct ui *ui, enum ui_action a)
{
	struct err e = {""};
	int perm = ui_key_perm(a);
	if (perm == UI_PERM_ANY || store_may(ui->app->st, (enum perm)perm, &e) == ST_OK)
		return true;
	ui_msg(ui, ROLE_CRITICAL, "%s", e.msg);
	return false;
}
