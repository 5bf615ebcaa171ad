/* fuzz_protocol.c: libFuzzer target for the protocol INI parser
 * (protocol_parse): any text is either a protocol that keeps its own limits
 * or a refusal that names the file and line; never a crash, leak or UB. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "protocol.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_item(const struct protocol *p, const struct protocol_item *it)
{
	if (!it->id[0] || strlen(it->id) > PROTOCOL_ID_MAX || !it->label[0])
		abort();
	if ((unsigned)it->kind >= PITEM_KIND_COUNT || it->window_days < 0)
		abort();
	if (it->nanalytes < 0 || it->nanalytes > ANALYTE_COUNT)
		abort();
	if (!isnan(it->min) && !isnan(it->max) && it->min > it->max)
		abort();
	if (protocol_item(p, it->id) == NULL)
		abort();
}

static void check(const struct protocol *p)
{
	if (p->nitems < 1 || p->nitems > PROTOCOL_ITEMS_MAX)
		abort();
	if (strlen(p->hash) != 64 || strcmp(p->path, "fuzz.ini") != 0)
		abort();
	if (p->nvisits < 0 || p->nvisits > PROTOCOL_VISITS_MAX)
		abort();
	if (p->cells_per_kg_min > p->cells_per_kg_max || p->infusions_min > p->infusions_max ||
	    p->interval_days_min > p->interval_days_max)
		abort();
	for (int i = 0; i < p->nitems; i++)
		check_item(p, &p->items[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	struct protocol *p = malloc(sizeof *p);
	struct err e = {""};
	memcpy(text, data, size);
	text[size] = '\0';
	enum status s = protocol_parse("fuzz.ini", text, p, &e);
	if (s == ST_OK)
		check(p);
	else if (s != ST_INVALID || strncmp(e.msg, "fuzz.ini:", 9) != 0)
		abort(); /* every refusal names the file and the line */
	free(p);
	free(text);
	return 0;
}
