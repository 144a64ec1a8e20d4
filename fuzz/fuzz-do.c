/*
 * fuzz-do.c: `njbt do` from its arguments on: cmd_run_action() splits
 * "field=value" arguments and runs the action (roles, every field's check,
 * the action's rules, the transaction and its audit row) in the demo
 * province of a temporary database. The first byte picks who acts (one of
 * each role of the demo); the rest, split at newlines, is the action's
 * name and its arguments. What an action stores stays for the next input,
 * as a real database would. Inputs that name a password are skipped: the
 * argon2id hash costs a fifth of a second and fuzz-field checks the field.
 */
#include "cmd.h"
#include "fuzz.h"

#define FZ_MAXARGS	32

static const char *const fz_logins[] = {
	"admin", "jjjc", "yc_city", "hl_jb", "hl_sh", "hl_cz", "xg_zhen",
	"yn_jb", "ss_maker", "js_dealer", "fs_dealer"
};
#define FZ_NWHO (sizeof fz_logins / sizeof fz_logins[0])
static struct actor fz_who[FZ_NWHO + 1];	/* the last: the console */

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char	err[NJ_MSG_MAX];
	size_t	i;

	(void)argc;
	(void)argv;
	fz_db();
	for (i = 0; i < FZ_NWHO; i++)
		if (actor_load(fz_logins[i], &fz_who[i], err, sizeof err) != 0) {
			fprintf(stderr, "fuzz: %s: %s\n", fz_logins[i], err);
			abort();
		}
	actor_console(&fz_who[FZ_NWHO]);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*s, *argv[FZ_MAXARGS], *p;
	int	 argc = 0, rc;

	if (size < 2 || memmem(data, size, "password", 8) != NULL)
		return 0;
	s = fz_str(data + 1, size - 1);
	for (p = s; p != NULL && argc < FZ_MAXARGS; argc++) {
		argv[argc] = p;
		if ((p = strchr(p, '\n')) != NULL)
			*p++ = '\0';
	}
	rc = cmd_run_action(&fz_who[data[0] % (FZ_NWHO + 1)], argv[0],
	    argc - 1, argv + 1);
	fz_need(rc == 0 || rc == 1 || rc == 2);
	free(s);
	return 0;
}
