/*
 * cmd-init.c: `njbt init [--db FILE] [--demo]` creates the database (with
 * its key file beside it) or upgrades it in place; --demo loads the demo
 * province into a new, empty database.
 */
#include <stdio.h>
#include "cmd.h"

static const struct cmd_opt cmd_init_opts[] = {
	{ "demo", NULL, 0, 0, "载入演示数据（仅限新建的空数据库）" },
	{ NULL, NULL, 0, 0, NULL }
};

static int
cmd_init(struct cmd_ctx *ctx, struct cmd_args *a)
{
	char	err[NJ_MSG_MAX];
	int	from, to, demo = cmd_flag(a, "demo") > 0, rc = 0;

	if (a->argc != 0)
		return cmd_usage(ctx->entry);
	if (db_init(ctx->db, &from, &to, err, sizeof err) != 0) {
		fprintf(stderr, "njbt: %s\n", err);
		return 1;
	}
	if (from == 0)
		printf("已创建数据库 %s（版本 %d），密钥文件 %s.key\n", ctx->db, to,
		    ctx->db);
	else if (from != to)
		printf("已升级数据库 %s：版本 %d -> %d\n", ctx->db, from, to);
	else
		printf("数据库 %s 已是最新版本 %d\n", ctx->db, to);
	if (demo) {
		if (demo_present())
			printf("演示数据已存在\n");
		else if (!demo_is_empty()) {
			fprintf(stderr, "njbt: 数据库中已有数据，不载入演示数据\n");
			rc = 1;
		} else if (demo_load(err, sizeof err) != 0) {
			fprintf(stderr, "njbt: %s\n", err);
			rc = 1;
		} else
			printf("已载入演示数据（宁夏 2014 年补贴目录与资金计划，"
			    "其余为虚构的演示数据）\n");
	}
	db_close();
	return rc;
}

const struct cmd_entry cmd_init_entry = {
	"init", "[--db FILE] [--demo]",
	"创建或升级数据库；--demo 载入演示数据", cmd_init, cmd_init_opts, 0
};
