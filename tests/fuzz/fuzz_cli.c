/* fuzz_cli.c: libFuzzer target for the command line: the global options and
 * command lookup (cli_begin) and a command's option parser (cli_parse) with
 * the option table of `lab add`, argv split from the input on NUL bytes.
 * Output goes to /dev/null; the results must stay inside argv. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/cli/cli_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define ARGS_MAX 64

static FILE *devnull(void)
{
	static FILE *f;
	if (!f && !(f = fopen("/dev/null", "w")))
		abort();
	return f;
}

/* True when s points into one of the n strings of argv. */
static int in_argv(const char *s, char **argv, int n)
{
	for (int i = 0; i < n; i++)
		if (s >= argv[i] && s <= argv[i] + strlen(argv[i]))
			return 1;
	return 0;
}

static void parse(char **argv, int argc)
{
	struct cli c = {NULL, devnull(), devnull(), "lab add", "lab add MRN --date YYYY-MM-DD"};
	struct cli_opt o[] = {{"date", OPT_VALUE}, {"units", OPT_VALUE},  {"bilirubin", OPT_VALUE},
			      {"inr", OPT_VALUE},  {"source", OPT_VALUE}, {"confirm", OPT_FLAG},
			      {"json", OPT_FLAG}};
	const int n = (int)(sizeof o / sizeof o[0]);
	const char *pos[2] = {NULL, NULL};
	int rc = cli_parse(&c, argc, argv, o, n, pos, 1, 2);
	if (rc != 0 && rc != -1 && rc != 2)
		abort();
	if (rc != 0)
		return;
	if (!pos[0] || !in_argv(pos[0], argv, argc) || (pos[1] && !in_argv(pos[1], argv, argc)))
		abort();
	for (int i = 0; i < n; i++) {
		if (!o[i].set && o[i].value)
			abort();
		if (o[i].set && (o[i].kind == OPT_FLAG) != (o[i].value == NULL))
			abort();
		if (o[i].value && !in_argv(o[i].value, argv, argc))
			abort();
	}
	enum unit_system u;
	cli_units(&c, &o[1], &u);
}

static void begin(char **argv, int argc)
{
	struct cli_call call;
	int rc = cli_begin(&call, argc, argv, devnull(), devnull());
	if (rc != -1 && rc != 0 && rc != 2)
		abort();
	if (rc != -1)
		return;
	if (call.argc < 0 || call.argv + call.argc != argv + argc)
		abort();
	if (call.db_flag && !in_argv(call.db_flag, argv, argc))
		abort();
	if (call.config_flag && !in_argv(call.config_flag, argv, argc))
		abort();
	if (cli_has_command(&call) != (call.cmd != NULL))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1);
	char *argv[ARGS_MAX + 2];
	int argc = 1;
	memcpy(buf, data, size);
	buf[size] = '\0';
	argv[0] = "hepadesk";
	for (size_t i = 0; i < size && argc <= ARGS_MAX; i += strlen(buf + i) + 1)
		argv[argc++] = buf + i;
	argv[argc] = NULL;
	parse(argv + 1, argc - 1);
	begin(argv, argc);
	free(buf);
	return 0;
}
