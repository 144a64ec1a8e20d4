/*
 * cmd-print.c: `njbt print REPORT [--as LOGIN] [--id KEY] [--county CODE]
 * [--month YYYY-MM] [--batch ID] [--publicity NO]
 * [--encoding utf-8-bom|utf-8|gb18030]
 * [--format csv|xlsx] [-o FILE|-]`, one printer of print.c as a batch
 * command. The CSV (or xlsx: --format xlsx, or FILE ending in .xlsx) goes
 * to stdout (no -o, or -o -), or to FILE (made 0600, replaced only when
 * the print succeeded; never a FILE that is not a regular file).
 * With --as it prints as that user, with that user's scope and right to
 * see private data; without, as the console operator, who sees all.
 *
 * `njbt print --all --county CODE --month YYYY-MM -o DIR` is month end
 * (print-month.c): every sheet of the county's month into the folder DIR
 * (made 0700), with a progress bar on stderr when stderr is a terminal.
 *
 * Exits 0 printed, 1 refused (the Chinese reason on stderr, nothing
 * printed) or failed, 2 a usage error, as `njbt do`.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cmd.h"

struct print_opts {
	const char		*as;
	const char		*out;
	int			 all;		/* --all: month end */
	struct print_req	 req;
};

/* stdout through a large buffer: a province's sheet is big */
static char print_stdout_buf[1 << 20];

/* Each option at most once, never empty: "--as=" is not the console. */
static const struct cmd_opt cmd_print_opts[] = {
	{ "as", "LOGIN", 0, CMD_OPT_ONCE,
	    "以该用户身份打印（其范围与查看个人信息的权限）" },
	{ "id", "编号", 0, CMD_OPT_ONCE, "申请或通知书的编号" },
	{ "county", "县代码", 0, CMD_OPT_ONCE, "县级行政区划代码" },
	{ "month", "YYYY-MM", 0, CMD_OPT_ONCE, "月份" },
	{ "batch", "批次", 0, CMD_OPT_ONCE, "结算批次编号" },
	{ "publicity", "公示编号", 0, CMD_OPT_ONCE,
	    "投档公示编号（filing 报表），如 GS2026-001" },
	{ "encoding", "编码", 0, CMD_OPT_ONCE,
	    "utf-8-bom（默认）、utf-8 或 gb18030" },
	{ "format", "格式", 0, CMD_OPT_ONCE,
	    "csv（默认）或 xlsx；-o 的文件名以 .xlsx 结尾时为 xlsx" },
	{ "output", "FILE", 'o', CMD_OPT_ONCE,
	    "写入该文件（0600），而非标准输出；- 为标准输出；--all 时为目录" },
	{ "all", NULL, 0, CMD_OPT_ONCE, "某县某月的全部报表（月末）" },
	/* issue 13 (4): the audit log's search (report audit) */
	{ "from", "YYYY-MM-DD", 0, CMD_OPT_ONCE, "审计日志：起始日期" },
	{ "to", "YYYY-MM-DD", 0, CMD_OPT_ONCE, "审计日志：截止日期" },
	{ "user", "LOGIN", 0, CMD_OPT_ONCE, "审计日志：用户" },
	{ "action", "操作", 0, CMD_OPT_ONCE, "审计日志：操作名称前缀" },
	{ "record", "编号", 0, CMD_OPT_ONCE, "审计日志：记录编号" },
	{ NULL, NULL, 0, 0, NULL }
};

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
 * The month end's progress on a terminal: a bar, the sheets done and the
 * one being written, redrawn on one line; a newline when all are done.
 */
static void
print_progress(void *arg, size_t done, size_t total, const char *name)
{
	char	bar[32];
	size_t	i, fill = total > 0 ? done * 20 / total : 20;

	(void)arg;
	for (i = 0; i < 20; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[20] = '\0';
	fprintf(stderr, "\r[%s] %zu/%zu %-48.48s", bar, done, total,
	    name != NULL ? name : "完成");
	if (name == NULL)
		fputc('\n', stderr);
	fflush(stderr);
}

/* --all: every sheet of the month into the folder -o names. */
static int
print_all(struct cmd_ctx *ctx, struct print_opts *o)
{
	struct actor	who;
	char		msg[NJ_MSG_MAX];
	int		rc;

	if (o->req.report != NULL || o->req.id != NULL ||
	    o->req.batch != NULL || o->out == NULL || o->req.month == NULL ||
	    strcmp(o->out, "-") == 0) {
		fprintf(stderr, "njbt: 月末报表：njbt print --all [--county 县代码] "
		    "--month YYYY-MM -o 目录（不能再指定报表、编号或批次；"
		    "-o - 不是目录）\n");
		return print_usage(ctx->entry);
	}
	if (cmd_open(ctx) != 0)
		return 1;
	if (cmd_actor(o->as, &who) != 0) {
		db_close();
		return 1;
	}
	rc = print_month(&who, &o->req, o->out, isatty(STDERR_FILENO) ?
	    print_progress : NULL, NULL, msg, sizeof msg);
	db_close();
	if (rc == NJ_OK)
		return 0;
	fprintf(stderr, "njbt: %s\n", msg);
	return rc == NJ_USAGE ? 2 : 1;
}

static int
cmd_print(struct cmd_ctx *ctx, struct cmd_args *a)
{
	struct print_opts	 o;
	struct actor		 who;
	const char		*name;
	char			 msg[NJ_MSG_MAX];
	size_t			 k;
	int			 rc;

	memset(&o, 0, sizeof o);
	o.as = cmd_arg(a, "as");
	o.out = cmd_arg(a, "output");
	o.all = cmd_flag(a, "all");
	o.req.id = cmd_arg(a, "id");
	o.req.county = cmd_arg(a, "county");
	o.req.month = cmd_arg(a, "month");
	o.req.batch = cmd_arg(a, "batch");
	/* issue 13: --publicity names a filing publicity, as --id would */
	if (cmd_arg(a, "publicity") != NULL) {
		if (o.req.id != NULL)
			return print_usage(ctx->entry);
		o.req.id = cmd_arg(a, "publicity");
	}
	o.req.encoding = cmd_arg(a, "encoding");
	o.req.format = cmd_arg(a, "format");
	o.req.from = cmd_arg(a, "from");
	o.req.to = cmd_arg(a, "to");
	o.req.user = cmd_arg(a, "user");
	o.req.action = cmd_arg(a, "action");
	o.req.record = cmd_arg(a, "record");
	if (a->argc > 1)
		return print_usage(ctx->entry);
	o.req.report = a->argc > 0 ? a->argv[0] : NULL;
	if (o.all)
		return print_all(ctx, &o);
	if (o.req.report == NULL)
		return print_usage(ctx->entry);
	for (k = 0; (name = print_name_at(k, NULL)) != NULL; k++)
		if (strcmp(name, o.req.report) == 0)
			break;
	if (name == NULL) {
		fprintf(stderr, "njbt: 未知的报表：%s\n", o.req.report);
		return print_usage(ctx->entry);
	}
	/* -o -: standard output; -o X.xlsx: xlsx unless --format says */
	if (o.out != NULL && strcmp(o.out, "-") == 0)
		o.out = NULL;
	else if (o.out != NULL && o.req.format == NULL && (k = strlen(o.out)) >
	    5 && strcasecmp(o.out + k - 5, ".xlsx") == 0)
		o.req.format = "xlsx";
	if (cmd_open(ctx) != 0)
		return 1;
	if (cmd_actor(o.as, &who) != 0) {
		db_close();
		return 1;
	}
	if (o.out == NULL)
		setvbuf(stdout, print_stdout_buf, _IOFBF,
		    sizeof print_stdout_buf);
	rc = print_file(&who, &o.req, o.out, msg, sizeof msg);
	db_close();
	if (rc == NJ_OK)
		return 0;
	fprintf(stderr, "njbt: %s\n", msg);
	return rc == NJ_USAGE ? 2 : 1;
}

const struct cmd_entry cmd_print_entry = {
	"print", "REPORT [--db FILE] [--as LOGIN] [--id 编号] [--county 县代码] "
	"[--month YYYY-MM] [--batch 批次] [--publicity 公示编号] "
	"[--encoding utf-8-bom|utf-8|gb18030] "
	"[--format csv|xlsx] [--from 日期] [--to 日期] [--user LOGIN] "
	"[--action 操作] [--record 编号] [-o FILE|-] | --all [--county 县代码] "
	"--month YYYY-MM -o 目录",
	"打印报表（CSV 或 xlsx）：申请表、确认通知书、供货与核实表、复核表、"
	"资金支付报告单、结算明细表、公示表、资金计划表、银行支付文件、异常情形、"
	"补贴机具信息表、投档审核结果公示表、违规处理通报、黑名单、投诉举报处理通报、"
	"审计日志；"
	"--all 为某县某月的全部报表", cmd_print, cmd_print_opts, 0
};
