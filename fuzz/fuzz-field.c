/*
 * fuzz-field.c: the check of every field of every action (action.c's
 * field types, as a form checks a field when the cursor leaves it and as
 * `njbt do` checks it before the action runs) with any text. The first
 * byte picks the action, the second its field, the third what the
 * buyer_type beside it says (none, person, org); the rest is the value.
 * A refusal must say why, in valid UTF-8 that fits its buffer.
 */
#include "fuzz.h"

static const char *const fz_types[] = { NULL, "person", "org", "组织" };

static const char *
fz_sib(void *arg, const char *name)
{
	return strcmp(name, "buyer_type") == 0 ? arg : NULL;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fz_clock();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct action	*def;
	char			*s, msg[NJ_MSG_MAX];
	size_t			 nact = 0, nf = 0;
	int			 rc;

	if (size < 3)
		return 0;
	while (action_at(nact) != NULL)
		nact++;
	def = action_at(data[0] % nact);
	while (def->fields[nf].name != NULL)
		nf++;
	if (nf == 0)
		return 0;
	s = fz_str(data + 3, size - 3);
	rc = action_check_field(def, (int)(data[1] % nf), s, fz_sib,
	    (void *)fz_types[data[2] % 4], msg, sizeof msg);
	fz_need(rc == NJ_OK || rc == NJ_REFUSED);
	fz_need(strlen(msg) < sizeof msg);
	if (rc == NJ_REFUSED)
		fz_need(msg[0] != '\0' && utf8_valid(msg, strlen(msg)));
	else
		fz_need(msg[0] == '\0');
	free(s);
	return 0;
}
