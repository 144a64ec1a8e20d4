/*
 * cmd-list.c: `njbt list NAME [--as LOGIN] [--arg KEY] [FILTER]` prints a
 * named list (what a screen's list shows) as tab-separated lines, its
 * column heads first, all pages, with the same scope and private-data
 * rules as the screens. Without NAME it lists the lists. A seekable list
 * (list_by_key: the big ones) is walked by key, each page after the last
 * key printed (issue 15), so that a million rows cost a million rows'
 * reads, not the sum of the offsets; the small ones page by offset.
 */
#include <stdio.h>

#include "cmd.h"

static const struct cmd_opt cmd_list_opts[] = {
	{ "as", "LOGIN", 0, 0, "以该用户身份（其范围与查看个人信息的权限）" },
	{ "arg", "KEY", 0, 0, "列表的参数（如某申请的编号）" },
	{ NULL, NULL, 0, 0, NULL }
};

static int
cmd_list(struct cmd_ctx *ctx, struct cmd_args *a)
{
	const struct list_def	*def;
	struct list_page	 page;
	struct actor		 who;
	const char		*name, *as = cmd_arg(a, "as");
	const char		*arg = cmd_arg(a, "arg"), *filter;
	char			 msg[NJ_MSG_MAX];
	size_t			 i, r, c;
	int64_t			 from = LIST_EDGE;
	int			 offset = 0, rc, more, keyed;

	if (a->argc > 2)
		return cmd_usage(ctx->entry);
	name = a->argc > 0 ? a->argv[0] : NULL;
	filter = a->argc > 1 ? a->argv[1] : "";
	if (name == NULL) {
		for (i = 0; (def = list_at(i)) != NULL; i++)
			printf("%s\t%s\n", list_name(def), list_title(def));
		return 0;
	}
	if ((def = list_find(name)) == NULL) {
		fprintf(stderr, "njbt: 未知的列表：%s\n", name);
		return 2;
	}
	if (cmd_open(ctx) != 0)
		return 1;
	if (cmd_actor(as, &who) != 0) {
		db_close();
		return 1;
	}
	for (c = 0; c < list_ncols(def); c++)
		printf("%s%c", list_col_label(def, c), c + 1 < list_ncols(def) ?
		    '\t' : '\n');
	keyed = list_by_key(def);
	do {
		rc = keyed ? list_seek(&who, name, filter, arg, from, 1, 500,
		    &page, msg, sizeof msg) : list_fetch(&who, name, filter,
		    arg, offset, 500, &page, msg, sizeof msg);
		if (rc != NJ_OK) {
			fprintf(stderr, "njbt: %s\n", msg);
			db_close();
			return rc == NJ_USAGE ? 2 : 1;
		}
		for (r = 0; r < page.nrows; r++)
			for (c = 0; c < page.ncols; c++)
				printf("%s%c", list_cellv(&page, r, c),
				    c + 1 < page.ncols ? '\t' : '\n');
		offset += (int)page.nrows;
		if (page.nrows > 0)
			from = page.keys[page.nrows - 1];
		more = page.more;
		list_page_free(&page);
	} while (more);
	db_close();
	return 0;
}

const struct cmd_entry cmd_list_entry = {
	"list", "[NAME [--as LOGIN] [--arg KEY] [筛选]]",
	"按屏幕上的列表输出记录（制表符分隔），不带名称则列出所有列表", cmd_list,
	cmd_list_opts, 0
};
