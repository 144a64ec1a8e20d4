/*
 * fuzz-import.c: the CSV import (import.c: BOM, UTF-8 check, libcsv in
 * strict mode, header mapping, each kind's rows through the same checks
 * as the actions) on any bytes, as the console operator, in the demo
 * province of a temporary database. The first byte picks the kind
 * (regions, catalog, budget, holidays); the rest is the file. Each import
 * runs inside a batch that is then rolled back, so that every input meets
 * the same database (NJBT_FUZZ_VERBOSE=1 prints each outcome). Users are left out: each of their rows hashes a
 * password (argon2id, a fifth of a second), and their fields are the
 * user.add fields that fuzz-field checks.
 */
#include "fuzz.h"

static const char *const fz_kinds[] = {
	"regions", "catalog", "budget", "holidays"
};
static struct actor fz_who;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fz_db();
	actor_console(&fz_who);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	msg[NJ_MSG_MAX];
	int	rows = -1, rc;

	if (size < 1)
		return 0;
	msg[0] = '\0';
	fz_need(action_batch_begin() == NJ_OK);
	rc = import_nested(&fz_who, fz_kinds[data[0] % 4], "fuzz.csv",
	    (const char *)data + 1, size - 1, 2026, &rows, msg, sizeof msg);
	fz_need(action_batch_end(&fz_who, 0, NULL, NULL, NULL) == NJ_OK);
	if (getenv("NJBT_FUZZ_VERBOSE") != NULL)
		fprintf(stderr, "import %s: rc %d, %d rows: %s\n",
		    fz_kinds[data[0] % 4], rc, rows, msg);
	fz_need(rc == NJ_OK || rc == NJ_REFUSED);
	if (rc == NJ_OK)
		fz_need(rows >= 0);
	else
		fz_need(rows == 0 && msg[0] != '\0');
	fz_need(strlen(msg) < sizeof msg && utf8_valid(msg, strlen(msg)));
	return 0;
}
