/*
 * cmd-import.c: `njbt import regions|catalog|budget|users|holidays FILE.csv
 * [--year YYYY]`, run as the console operator. Prints the number of rows
 * stored; a bad file stores nothing and the reason names line and column.
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"

static int
cmd_import(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct actor	 who;
	const char	*kind = NULL, *file = NULL;
	char		 msg[NJ_MSG_MAX];
	int64_t		 year = 0;
	int		 i, rows, rc;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--year") == 0 && i + 1 < argc) {
			if (parse_int(argv[++i], &year) != 0 || year < 2000 ||
			    year > 2100) {
				fprintf(stderr, "njbt: 年度有误：%s\n", argv[i]);
				return 2;
			}
		} else if (kind == NULL)
			kind = argv[i];
		else if (file == NULL)
			file = argv[i];
		else
			return cmd_usage(ctx->entry);
	}
	if (file == NULL)
		return cmd_usage(ctx->entry);
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
	"import", "regions|catalog|budget|users|holidays FILE.csv [--year YYYY]",
	"导入 CSV 文件（整个文件全部导入，或一行也不导入）", cmd_import
};
