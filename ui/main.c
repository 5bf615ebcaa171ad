/* main.c: the composition root — the command line, and the screens when no
 * command is given. */
#include <stdio.h>

#include "cli.h"

int main(int argc, char **argv)
{
	return cli_main(argc, argv, NULL, stdout, stderr);
}
