/* auth.c: re-authentication through PAM, its audited failures and the
 * lockout after too many in a row. */
#include "auth.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "store_auth.h"
#include "util.h"

int auth_conv(int n, const struct pam_message **msg, struct pam_response **resp, void *appdata)
{
	const char *password = appdata;
	if (n <= 0 || n > PAM_MAX_NUM_MSG || !resp)
		return PAM_CONV_ERR;
	*resp = NULL;
	struct pam_response *r = calloc((size_t)n, sizeof *r);
	if (!r)
		return PAM_BUF_ERR;
	for (int i = 0; i < n; i++) {
		const char *answer = NULL;
		switch (msg[i]->msg_style) {
		case PAM_PROMPT_ECHO_OFF:
			answer = password;
			break;
		case PAM_ERROR_MSG:
		case PAM_TEXT_INFO:
			answer = "";
			break;
		default:
			break;
		}
		if (!answer || !(r[i].resp = strdup(answer)))
			goto fail;
	}
	*resp = r;
	return PAM_SUCCESS;
fail:
	for (int i = 0; i < n; i++)
		if (r[i].resp) {
			sodium_memzero(r[i].resp, strlen(r[i].resp));
			free(r[i].resp);
		}
	free(r);
	return PAM_CONV_ERR;
}

enum status auth_pam(const char *login, const char *password, struct err *e)
{
	/* PAM takes appdata as void *; auth_conv only reads it. */
	struct pam_conv conv = {auth_conv, (void *)password};
	pam_handle_t *h = NULL;
	if (!login || !*login)
		return err_set(e, ST_DENIED, "password: no user to authenticate");
	int rc = pam_start(AUTH_SERVICE, login, &conv, &h);
	if (rc != PAM_SUCCESS)
		return err_set(e, ST_DENIED, "password: PAM service %s cannot start: %s",
			       AUTH_SERVICE, pam_strerror(h, rc));
	rc = pam_authenticate(h, PAM_SILENT | PAM_DISALLOW_NULL_AUTHTOK);
	const char *step = "not accepted";
	if (rc == PAM_SUCCESS) {
		rc = pam_acct_mgmt(h, PAM_SILENT | PAM_DISALLOW_NULL_AUTHTOK);
		step = "account refused";
	}
	enum status s = ST_OK;
	if (rc != PAM_SUCCESS)
		s = err_set(e, ST_DENIED, "password %s for %s (%s)", step, login,
			    pam_strerror(h, rc));
	pam_end(h, rc);
	return s;
}

enum status auth_verify(struct store *st, const struct config *cfg, const char *purpose,
			char *password, struct err *e)
{
	const struct user *u = store_actor(st);
	size_t len = password ? strlen(password) : 0;
	enum status s = ST_OK;
	struct err pe = {""};
	if (!u) {
		s = err_set(e, ST_DENIED, "password: no user to authenticate");
		goto out;
	}
	s = store_auth_allowed(st, cfg->auth_max_failures, cfg->auth_lock_seconds, e);
	if (s != ST_OK)
		goto out;
	bool ok;
	if (len == 0)
		ok = err_set(&pe, ST_DENIED, "no password given") == ST_OK;
	else
		ok = auth_pam(u->login, password, &pe) == ST_OK;
	s = store_auth_record(st, purpose, ok, e);
	if (s == ST_OK && !ok)
		s = err_set(e, ST_DENIED, "%s refused: %s", purpose, pe.msg);
out:
	if (password)
		sodium_memzero(password, len);
	return s;
}
