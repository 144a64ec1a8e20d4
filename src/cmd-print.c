/*
 * cmd-print.c: `njbt print REPORT [--as LOGIN] [--id KEY] [--county CODE]
 * [--month YYYY-MM] [--batch ID] [--encoding utf-8-bom|utf-8|gb18030]
 * [-o FILE]`, one printer of print.c as a batch command. The CSV goes to
 * stdout, or to FILE (made 0600, replaced only when the print succeeded).
 * With --as it prints as that user, with that user's scope and right to
 * see private data; without, as the console operator, who sees all.
 * Exits 0 printed, 1 refused (the Chinese reason on stderr, nothing
 * printed) or failed, 2 a usage error, as `njbt do`.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"

struct print_opts {
	const char		*as;
	const char		*out;
	struct print_req	 req;
};

/* The options, each with the place it fills. */
static const struct {
	const char	*name;
	size_t		 off;
} print_options[] = {
	{ "--as",	offsetof(struct print_opts, as) },
	{ "--id",	offsetof(struct print_opts, req.id) },
	{ "--county",	offsetof(struct print_opts, req.county) },
	{ "--month",	offsetof(struct print_opts, req.month) },
	{ "--batch",	offsetof(struct print_opts, req.batch) },
	{ "--encoding",	offsetof(struct print_opts, req.encoding) },
	{ "-o",		offsetof(struct print_opts, out) },
	{ "--output",	offsetof(struct print_opts, out) },
};
#define NOPTIONS (sizeof print_options / sizeof print_options[0])

/* The usage, with the reports there are; the usage exit status. */
static int
print_usage(const struct cmd_entry *e)
{
	const char	*name, *title;
	size_t		 i;

	cmd_usage(e);
	fprintf(stderr, "报表：\n");
	for (i = 0; (name = print_name_at(i, &title)) != NULL; i++)
		fprintf(stderr, "  %-12s %s\n", name, title);
	return 2;
}

/*
 * Take "--opt VALUE" or "--opt=VALUE" at argv[*i] into o; 0, or -1 if it
 * is not an option of ours, lacks its value (an empty one too: "--as="
 * must not mean the console) or comes twice.
 */
static int
print_option(struct print_opts *o, int argc, char **argv, int *i)
{
	const char	**slot, *arg = argv[*i], *value;
	size_t		  k, n;

	for (k = 0; k < NOPTIONS; k++) {
		n = strlen(print_options[k].name);
		if (strncmp(arg, print_options[k].name, n) != 0)
			continue;
		if (arg[n] == '=')
			value = arg + n + 1;
		else if (arg[n] == '\0' && *i + 1 < argc)
			value = argv[++*i];
		else
			continue;
		slot = (const char **)(void *)((char *)o +
		    print_options[k].off);
		if (*slot != NULL || *value == '\0') {
			fprintf(stderr, "njbt: 选项 %s %s\n",
			    print_options[k].name, *slot != NULL ? "重复" :
			    "缺少值");
			return -1;
		}
		*slot = value;
		return 0;
	}
	fprintf(stderr, "njbt: 未知的选项：%s\n", arg);
	return -1;
}

static int
cmd_print(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct print_opts	 o;
	struct actor		 who;
	const char		*name;
	char			 msg[NJ_MSG_MAX];
	size_t			 k;
	int			 i, rc;

	memset(&o, 0, sizeof o);
	for (i = 1; i < argc; i++) {
		if (argv[i][0] == '-' && argv[i][1] != '\0') {
			if (print_option(&o, argc, argv, &i) != 0)
				return print_usage(ctx->entry);
		} else if (o.req.report == NULL)
			o.req.report = argv[i];
		else
			return print_usage(ctx->entry);
	}
	if (o.req.report == NULL)
		return print_usage(ctx->entry);
	for (k = 0; (name = print_name_at(k, NULL)) != NULL; k++)
		if (strcmp(name, o.req.report) == 0)
			break;
	if (name == NULL) {
		fprintf(stderr, "njbt: 未知的报表：%s\n", o.req.report);
		return print_usage(ctx->entry);
	}
	if (cmd_open(ctx) != 0)
		return 1;
	if (cmd_actor(o.as, &who) != 0) {
		db_close();
		return 1;
	}
	rc = print_file(&who, &o.req, o.out, msg, sizeof msg);
	db_close();
	if (rc == NJ_OK)
		return 0;
	fprintf(stderr, "njbt: %s\n", msg);
	return rc == NJ_USAGE ? 2 : 1;
}

const struct cmd_entry cmd_print_entry = {
	"print", "REPORT [--db FILE] [--as LOGIN] [--id 编号] [--county 县代码] "
	"[--month YYYY-MM] [--batch 批次] [--encoding utf-8-bom|utf-8|gb18030] "
	"[-o FILE]",
	"打印报表（CSV）：application 申请表、notice 确认通知书、"
	"supply 供货与核实表", cmd_print
};
