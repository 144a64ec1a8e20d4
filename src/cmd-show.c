/*
 * cmd-show.c: `njbt show KIND KEY [--as LOGIN]` prints one record as the
 * record view shows it (record.h): a line per field (label, tab, value),
 * then its state, flags, related records, history and the actions LOGIN
 * may take on it now, each line led by what it is. The same scope and
 * masks as the screens; a record out of scope is refused (exit 1).
 */
#include <stdio.h>

#include "cmd.h"
#include "record.h"

static const struct cmd_opt cmd_show_opts[] = {
	{ "as", "LOGIN", 0, 0, "以该用户身份（其范围与查看个人信息的权限）" },
	{ NULL, NULL, 0, 0, NULL }
};

static void
show_print(const struct record *r)
{
	size_t i;

	printf("%s\t%s\n", r->kind_title, r->key);
	if (r->state[0] != '\0')
		printf("状态\t%s\n", r->state);
	for (i = 0; i < r->nfields; i++)
		printf("%s\t%s\n", r->fields[i].label, r->fields[i].value);
	for (i = 0; i < r->nflags; i++)
		printf("异常\t%s\n", r->flags[i]);
	for (i = 0; i < r->nlinks; i++)
		printf("相关\t%s\t%s\t%s\n", r->links[i].kind, r->links[i].key,
		    r->links[i].summary);
	for (i = 0; i < r->nphotos; i++)
		printf("照片\t%s\n", r->photos[i]);
	for (i = 0; i < r->nevents; i++)
		printf("经过\t%s\t%s\t%s\n", r->events[i].at, r->events[i].who,
		    r->events[i].what);
	for (i = 0; i < r->nacts; i++)
		printf("操作\t%s\t%s\n", r->acts[i].action, r->acts[i].title);
}

static int
cmd_show(struct cmd_ctx *ctx, struct cmd_args *a)
{
	struct record	 r;
	struct actor	 who;
	char		 msg[NJ_MSG_MAX];
	int		 rc;

	if (a->argc != 2)
		return cmd_usage(ctx->entry);
	if (record_kind_title(a->argv[0]) == NULL) {
		fprintf(stderr, "njbt: 未知的记录种类：%s\n", a->argv[0]);
		return 2;
	}
	if (cmd_open(ctx) != 0)
		return 1;
	if (cmd_actor(cmd_arg(a, "as"), &who) != 0) {
		db_close();
		return 1;
	}
	rc = record_open(&who, a->argv[0], a->argv[1], &r, msg, sizeof msg);
	if (rc != NJ_OK) {
		fprintf(stderr, "njbt: %s\n", msg);
		db_close();
		return 1;
	}
	show_print(&r);
	record_free(&r);
	db_close();
	return 0;
}

const struct cmd_entry cmd_show_entry = {
	"show", "KIND KEY [--as LOGIN]",
	"查看一条记录（与屏幕上的记录查看相同）：application、notice、sale、"
	"batch、machine、buyer、dealer、product、user、audit", cmd_show,
	cmd_show_opts, 0
};
