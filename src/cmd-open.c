/*
 * cmd-open.c: what every batch command does first: open the database
 * named by --db (reporting why not in Chinese) and, for commands run as a
 * user, load that user.
 */
#include <stdio.h>

#include "cmd.h"

int
cmd_open(struct cmd_ctx *ctx)
{
	char err[NJ_MSG_MAX];

	if (db_open(ctx->db, err, sizeof err) != 0) {
		fprintf(stderr, "njbt: %s\n", err);
		return -1;
	}
	return 0;
}

/* The actor for --as LOGIN, or the console operator when login is NULL. */
int
cmd_actor(const char *login, struct actor *who)
{
	char err[NJ_MSG_MAX];

	if (login == NULL) {
		actor_console(who);
		return 0;
	}
	if (actor_load(login, who, err, sizeof err) != 0) {
		fprintf(stderr, "njbt: %s\n", err);
		return -1;
	}
	return 0;
}

/* Print a command's usage; the exit status of a usage error. */
int
cmd_usage(const struct cmd_entry *e)
{
	fprintf(stderr, "用法：njbt %s %s\n", e->name, e->usage);
	return 2;
}
