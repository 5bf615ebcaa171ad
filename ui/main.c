/* main.c: the composition root — the command line, with the screens as its
 * no-command program. */
#include <stdio.h>

#include "cli.h"
#include "ui_app.h"

int main(int argc, char **argv)
{
	return cli_main(argc, argv, ui_run, stdout, stderr);
}
