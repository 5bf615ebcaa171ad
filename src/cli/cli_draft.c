/* cli_draft.c: `drafts` — the acting user's unsaved form input. */
#include "cli_int.h"

#include "date.h"
#include "draft.h"
#include "json.h"
#include "util.h"

struct drafts_out {
	struct cli *c;
	bool json;
	struct json j;
	int n;
};

static void draft_out(const struct draft_info *d, void *arg)
{
	struct drafts_out *o = arg;
	char when[32];
	date_format_time(d->updated, when);
	o->n++;
	if (!o->json) {
		cli_putf(o->c, "%-22s %s  %-12s %-30s %lld bytes\n", draft_title(d), when,
			 d->mrn[0] ? d->mrn : "-", d->name, (long long)d->size);
		return;
	}
	json_obj_begin(&o->j, NULL);
	json_string(&o->j, "form", d->form);
	json_string(&o->j, "title", draft_title(d));
	json_string(&o->j, "mrn", d->mrn[0] ? d->mrn : NULL);
	json_string(&o->j, "name", d->name[0] ? d->name : NULL);
	json_string(&o->j, "updated", when);
	json_int(&o->j, "bytes", d->size);
	json_obj_end(&o->j);
}

int cli_drafts(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {{"json", OPT_FLAG}};
	struct drafts_out out = {c, false};
	struct err e = {""};
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), NULL, 0, 0);
	if (rc)
		return rc;
	out.json = o[0].set;
	json_init(&out.j, false);
	json_arr_begin(&out.j, NULL);
	enum status s = store_draft_each(c->app->st, draft_out, &out, &e);
	json_arr_end(&out.j);
	if (s == ST_OK && out.json)
		fprintf(c->out, "%s\n", json_str(&out.j));
	else if (s == ST_OK && out.n == 0)
		cli_put(c, "no drafts\n");
	json_done(&out.j);
	return s == ST_OK ? 0 : cli_fail(c, s, &e);
}
