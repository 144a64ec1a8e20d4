/*
 * cmd-open.c: what every batch command does first: open the database
 * named by --db (reporting why not in Chinese) and, for commands run as a
 * user, load that user.
 */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include "cmd.h"

int
cmd_open(struct cmd_ctx *ctx)
{
	char err[NJ_MSG_MAX];

	/* issue 14 item 6: a clerk's shell is told plainly, not "no file" */
	if (access(ctx->db, R_OK | W_OK) != 0 && errno == EACCES) {
		fprintf(stderr, "njbt: 无权读写数据库 %s：数据库只有 njbt 服务用户可以"
		    "读写；请用 ssh 登录后在界面中操作（njbt tui）\n", ctx->db);
		return -1;
	}
	/* issue 14 item 6: another Unix user acts only as its mapped login */
	if (unix_users_may_act(ctx->db, ctx->as, err, sizeof err) != 0) {
		fprintf(stderr, "njbt: %s\n", err);
		return -1;
	}
	/* the screens' own (njbt tui): their smaller cache, and the drafts'
	   file made if missing (issue 15 items 2 and 4) */
	if ((ctx->screens ? db_open_session(ctx->db, err, sizeof err) :
	    db_open(ctx->db, err, sizeof err)) != 0) {
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
