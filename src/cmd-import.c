/*
 * cmd-import.c: `njbt import regions|catalog|budget|users|holidays FILE.csv
 * [--year YYYY]`, run as the console operator. Prints the number of rows
 * stored; a bad file stores nothing and the reason names line and column.
 */
#include <stdio.h>

#include "cmd.h"

static const struct cmd_opt cmd_import_opts[] = {
	{ "year", "YYYY", 0, 0, "资金计划的年度（2000 到 2100）" },
	{ NULL, NULL, 0, 0, NULL }
};

static int
cmd_import(struct cmd_ctx *ctx, struct cmd_args *a)
{
	struct actor	 who;
	const char	*kind, *file, *y = cmd_arg(a, "year");
	char		 msg[NJ_MSG_MAX];
	int64_t		 year = 0;
	int		 rows, rc;

	if (y != NULL && (parse_int(y, &year) != 0 || year < 2000 ||
	    year > 2100)) {
		fprintf(stderr, "njbt: 年度有误：%s\n", y);
		return 2;
	}
	if (a->argc != 2)
		return cmd_usage(ctx->entry);
	kind = a->argv[0];
	file = a->argv[1];
	if (cmd_open(ctx) != 0)
		return 1;
	actor_console(&who);
	rc = import_file(&who, kind, file, (int)year, &rows, msg, sizeof msg);
	db_close();
	if (rc != NJ_OK) {
		fprintf(stderr, "njbt: %s: %s\n", file, msg);
		return rc == NJ_USAGE ? 2 : 1;
	}
	printf("%d\n", rows);
	return 0;
}

const struct cmd_entry cmd_import_entry = {
	"import",
	"regions|catalog|budget|users|holidays|penalties FILE.csv [--year YYYY]",
	"导入 CSV 文件（整个文件全部导入，或一行也不导入）", cmd_import,
	cmd_import_opts, 0
};
