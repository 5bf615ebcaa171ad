/* fix.c: the reason a correction or a void needs. */
#include "fix.h"

#include <string.h>

#include "text.h"

enum status fix_check_reason(enum fix_kind k, const char *what, const char *text, struct err *e)
{
	if (!text || !*text || strlen(text) > FIX_REASON_MAX || !text_is_clean(text, false))
		return err_set(e, ST_INVALID,
			       "%s reason: say why the %s is %s (1-%d characters, one line)",
			       k == FIX_VOID ? "void" : "correction", what,
			       k == FIX_VOID ? "voided" : "corrected", FIX_REASON_MAX);
	return ST_OK;
}
