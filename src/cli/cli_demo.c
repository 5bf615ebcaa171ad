/* cli_demo.c: `demo` — fill a database with a synthetic clinic. */
#include "cli_int.h"

#include <stdlib.h>

#include "demo.h"
#include "util.h"

int cli_demo(struct cli *c, int argc, char **argv)
{
	struct cli_opt o[] = {
	    {"patients", OPT_VALUE}, {"seed", OPT_VALUE}, {"follow-up", OPT_VALUE}};
	struct err e = {""};
	long patients = 1000, seed = 1, follow = 0;
	int rc = cli_parse(c, argc, argv, o, ARRAY_SIZE(o), NULL, 0, 0);
	if (rc)
		return rc;
	if (o[0].set && !parse_long(o[0].value, 1, 10000000, &patients))
		return cli_usage(c, "--patients '%s': %saccepted 1-10000000", o[0].value,
				 cli_nan(o[0].value));
	if (o[1].set && !parse_long(o[1].value, 0, 2147483647L, &seed))
		return cli_usage(c, "--seed '%s': %saccepted 0-2147483647", o[1].value,
				 cli_nan(o[1].value));
	if (o[2].set && !parse_long(o[2].value, 3, DEMO_FOLLOWUP_MAX, &follow))
		return cli_usage(c, "--follow-up '%s': %saccepted 3-%d patients in follow-up",
				 o[2].value, cli_nan(o[2].value), DEMO_FOLLOWUP_MAX);
	struct demo_opts d = {patients, (uint64_t)seed, app_today(c->app), follow};
	enum status s = demo_generate(c->app->st, &d, &e);
	if (s != ST_OK)
		return cli_fail(c, s, &e);
	cli_putf(c, "demo clinic: %ld patients added (seed %ld); %lld in the database\n", patients,
		 seed, (long long)store_patient_count(c->app->st));
	return 0;
}
