/*
 * cmd-check.c: `njbt check`: the database's integrity check, its foreign
 * keys, the books (budget counters against the records), the audit chain
 * and its anchor outside the database, the keyed MACs of security-relevant
 * columns and the binding of sealed values to their rows (issue 8 items 4,
 * 5; complaints and violations too), the photo files against their hashes
 * (issue 12 item 4). Prints one line per check; exits 1 if any fails.
 */
#include <stdio.h>

#include "cmd.h"

static void
check_line(void *arg, int ok, const char *what, const char *detail)
{
	(void)arg;
	printf("%s：%s%s%s\n", what, ok ? "正常" : "异常", *detail ? "，" : "",
	    detail);
}

static int
cmd_check(struct cmd_ctx *ctx, struct cmd_args *a)
{
	int rc;

	if (a->argc != 0)
		return cmd_usage(ctx->entry);
	if (cmd_open(ctx) != 0)
		return 1;
	rc = check_run(check_line, NULL);
	db_close();
	return rc == 0 ? 0 : 1;
}

const struct cmd_entry cmd_check_entry = {
	"check", "", "检查数据库完整性、外键、资金台账、审计日志链及其锚点、安全字段校验值和加密字段",
	cmd_check, NULL, 0
};
