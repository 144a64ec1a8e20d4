/*
 * cmd-backup.c: `njbt backup FILE`, an online, consistent copy of the
 * database while users work (SQLite's backup API), with its own audit
 * anchor beside it (FILE.anchor, R-SEC-8.4 issue 8 (4)) so that a restored
 * copy verifies. The key file is not copied: it must be kept safe
 * separately, or the copy's private data cannot be read.
 */
#include <stdio.h>

#include "cmd.h"

static int
cmd_backup(struct cmd_ctx *ctx, int argc, char **argv)
{
	char msg[NJ_MSG_MAX];

	if (argc != 2)
		return cmd_usage(ctx->entry);
	if (cmd_open(ctx) != 0)
		return 1;
	if (db_backup(argv[1], msg, sizeof msg) != 0) {
		fprintf(stderr, "njbt: %s\n", msg);
		db_close();
		return 1;
	}
	db_close();
	fprintf(stderr, "已备份到 %s（审计锚点 %s.anchor）。注意：密钥文件 %s.key 未"
	    "包含在备份中，请另行妥善保管。\n", argv[1], argv[1], ctx->db);
	return 0;
}

const struct cmd_entry cmd_backup_entry = {
	"backup", "FILE", "在线备份数据库（一致的副本，不含密钥文件）", cmd_backup
};
