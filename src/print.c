/*
 * print.c: the printers (SPEC section 6): the seed's forms as CSV sheets
 * that Excel and WPS open, or as xlsx laid out as the forms (--format
 * xlsx, print-xlsx.c), for the offices to sign, keep and publish.
 *
 * One table of printers: name, Chinese title, the roles that may print
 * it, the roles that see its private columns (ID number, phone, bank
 * account) in clear, the filters it takes, its columns (the seed's column
 * names) and its function. A function finds what to print: one record by
 * its public key (--id), whose place is checked against the printing
 * user's scope before anything is written, or an area (--county, --month)
 * narrowed to that scope: a township clerk its township, a county clerk
 * or finance its county, a city its counties, a dealer its own sales,
 * the admin, the auditor and the console everything. Rows stream from
 * the statement into the CSV writer one at a time, so a sheet of any
 * length needs the memory of one row; money and counts marked PC_SUM add
 * up into the totals row (合计).
 *
 * Private columns are opened only for the roles allowed and masked
 * (***1234) for the others. Printing runs inside one read snapshot; the
 * audit row (who, which report, which filter, whether private data was in
 * clear) is written after it: by print_file() for `njbt print`, by the
 * action engine for the screens' print action (action-print.c).
 *
 * The settlement printers (print-settle.c) print by batch (--batch) or by
 * the batches of an area (--county, --month: the month whose sales a
 * batch collects); a batch is checked against the scope like a record.
 *
 * This file holds the table and the running of a printer (check, write,
 * audit, to a file); the journey's printers are in print-form.c, the
 * scope in print-scope.c, the rows in print-row.c, the CSV writer in
 * print-csv.c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "print.h"
#include "xlsx-lib.h"
#include "log.h"

#define R_OFFICES (R(ROLE_TOWNSHIP) | R(ROLE_COUNTY) | R(ROLE_CITY) | \
	R(ROLE_FINANCE) | R(ROLE_ADMIN) | R(ROLE_AUDITOR))
#define R_CLEAR (R(ROLE_TOWNSHIP) | R(ROLE_COUNTY) | R(ROLE_ADMIN) | \
	R(ROLE_AUDITOR))
/* the county's and finance's sheets of a batch: no township */
#define R_SETTLE (R(ROLE_COUNTY) | R(ROLE_CITY) | R(ROLE_FINANCE) | \
	R(ROLE_ADMIN) | R(ROLE_AUDITOR))
/* who pays sees the accounts (004 附件4 四(六)) */
#define R_PAYS (R(ROLE_FINANCE) | R(ROLE_ADMIN))

/*
 * The table of printers; adding a printer is adding a row here. The
 * console prints everything and sees private data; the public sheet
 * (publicity) has no private column at all (R-004-M-8.4 004 八(四)), so nobody can see one there.
 */
static const struct printer printer_table[] = {
	{ "application", "农业机械购置补贴申请表", R_OFFICES, R_CLEAR,
	    PF_ID | PF_AREA, "申请编号", print_application_cols,
	    print_application, PM_AREA, NULL },
	{ "notice", "农机购置补贴指标确认通知书", R_OFFICES, 0,
	    PF_ID | PF_AREA, "确认通知书编号", print_notice_cols,
	    print_notice, PM_AREA, NULL },
	{ "supply", "补贴机具供货与核实表", R_OFFICES | R(ROLE_DEALER),
	    R_CLEAR, PF_ID | PF_AREA, "销售编号", print_supply_cols,
	    print_supply, PM_AREA, NULL },
	{ "review", "农机购置补贴机具复核表", R_OFFICES, R_CLEAR,
	    PF_BATCH | PF_AREA, NULL, print_review_cols, print_review,
	    PM_BATCH, NULL },
	{ "payment", "农业机械购置补贴资金支付报告单", R_SETTLE, 0,
	    PF_BATCH | PF_AREA, NULL, print_payment_cols, print_payment,
	    PM_BATCH, NULL },
	{ "detail", "补贴机具结算明细表", R_SETTLE, R(ROLE_COUNTY) | R_PAYS |
	    R(ROLE_AUDITOR), PF_BATCH | PF_AREA, NULL, print_detail_cols,
	    print_detail, PM_BATCH, NULL },
	{ "publicity", "享受农机购置补贴的购机者信息公示表", R_OFFICES, 0,
	    PF_BATCH | PF_AREA, NULL, print_publicity_cols, print_publicity,
	    PM_BATCH, NULL },
	{ "bank", "补贴资金银行支付文件", R_PAYS, R_PAYS, PF_BATCH | PF_AREA,
	    NULL, print_bank_cols, print_bank, PM_BATCH, "approved,paid" },
	{ "anomalies", "异常情形", R_SETTLE, 0, PF_AREA, NULL,
	    print_anomaly_cols, print_anomalies, PM_AREA, NULL },
	{ "budget", "农机购置补贴资金计划表", R_SETTLE, 0, PF_AREA, NULL,
	    print_budget_cols, print_budget, PM_YEAR, NULL },
	{ "deadlines", "农机购置补贴结算期限", R_SETTLE, 0, PF_AREA, NULL,
	    print_deadline_cols, print_deadlines, PM_NONE, NULL },
	{ "lottery", "补贴对象公开摇号结果", R_SETTLE, 0, PF_AREA, NULL,
	    print_lottery_cols, print_lottery, PM_NONE, NULL },
	/* issue 13 item 5: public lists, no private data (print-violation.c) */
	{ "violations", "农机购置补贴产品违规经营行为处理通报", R_OFFICES, 0, 0,
	    NULL, print_violation_cols, print_violations, PM_NONE, NULL },
	{ "blacklist", "农机购置补贴产品经营黑名单", R_OFFICES, 0, 0, NULL,
	    print_blacklist_cols, print_blacklist, PM_NONE, NULL },
	/* issue 13 item 3: complaints' 处理通报, public (no private column) */
	{ "complaints", "投诉举报处理通报", R(ROLE_COUNTY) | R(ROLE_CITY) |
	    R(ROLE_ADMIN) | R(ROLE_AUDITOR), 0, PF_AREA, NULL,
	    print_complaint_cols, print_complaints, PM_NONE, NULL },
	/* issue 13 item 4: the audit log, for the auditor and the admin */
	{ "audit", "审计日志", R(ROLE_ADMIN) | R(ROLE_AUDITOR), 0,
	    PF_AREA | PF_AUDIT, NULL, print_auditlog_cols, print_auditlog,
	    PM_NONE, NULL },
	/* issue 13 item 1: product filing, public lists (no private data) */
	{ "products", "农机购置补贴机具信息表", R_OFFICES, 0, 0, NULL,
	    print_products_cols, print_products, PM_NONE, NULL },
	{ "filing", "农机购置补贴投档审核结果公示表", R_OFFICES, 0, PF_ID,
	    "公示编号", print_filing_cols, print_filing, PM_NONE, NULL },
	/* issue 12 (forms): 003 附件3, the record of a check */
	{ "verification", "补贴机具核验记录表", R_OFFICES, R_CLEAR,
	    PF_ID | PF_AREA, "销售编号", print_verification_cols,
	    print_verification, PM_NONE, NULL },
};
#define NPRINTERS (sizeof printer_table / sizeof printer_table[0])

const struct printer *
print_find(const char *name)
{
	size_t i;

	for (i = 0; i < NPRINTERS; i++)
		if (name != NULL && strcmp(printer_table[i].name, name) == 0)
			return &printer_table[i];
	return NULL;
}

const struct printer *
print_at(size_t i)
{
	return i < NPRINTERS ? &printer_table[i] : NULL;
}

/* The name of printer i (NULL past the end) and its title. */
const char *
print_name_at(size_t i, const char **title)
{
	if (i >= NPRINTERS)
		return NULL;
	if (title != NULL)
		*title = printer_table[i].title;
	return printer_table[i].name;
}

int
print_allowed(const struct printer *def, const struct actor *who)
{
	if (role_scope(who->role)->every)
		return 1;
	return (def->roles & R(who->role)) != 0;
}

int
print_sees_private(const struct printer *def, const struct actor *who)
{
	if (role_scope(who->role)->every)
		return 1;
	return (def->private_roles & R(who->role)) != 0;
}


/* --- running ------------------------------------------------------------ */

/*
 * What can be said without the database: the report, the encoding, the
 * filters it takes, the role. NJ_OK, NJ_USAGE or NJ_REFUSED, msg set.
 */
int
print_check(const struct actor *who, const struct print_req *req, char *msg,
    size_t msglen)
{
	const struct printer	*def = print_find(req->report);
	size_t			 i, used = 0;
	int			 area = req->county != NULL || req->month != NULL;
	char			 names[256] = "";

	if (def == NULL) {
		for (i = 0; i < NPRINTERS && used < sizeof names; i++)
			used += (size_t)snprintf(names + used, sizeof names -
			    used, "%s%s（%s）", i ? "、" : "", printer_table[i].name,
			    printer_table[i].title);
		xsnprintf(msg, msglen, "未知的报表：%s；可打印：%s",
		    req->report ? req->report : "", names);
		return NJ_USAGE;
	}
	if (csvw_encoding(req->encoding) < 0) {
		xsnprintf(msg, msglen, "未知的编码：%s；可用 utf-8-bom、utf-8、"
		    "gb18030", req->encoding);
		return NJ_USAGE;
	}
	if (print_format(req->format) < 0) {
		xsnprintf(msg, msglen, "未知的格式：%s；可用 csv、xlsx",
		    req->format);
		return NJ_USAGE;
	}
	if ((req->id != NULL && !(def->filters & PF_ID)) ||
	    (area && !(def->filters & PF_AREA)) ||
	    (req->batch != NULL && !(def->filters & PF_BATCH))) {
		xsnprintf(msg, msglen, "“%s”不能按%s打印", def->title,
		    req->id != NULL && !(def->filters & PF_ID) ? "编号" :
		    req->batch != NULL && !(def->filters & PF_BATCH) ?
		    "结算批次" : "县、月份");
		return NJ_USAGE;
	}
	if ((req->from != NULL || req->to != NULL || req->user != NULL ||
	    req->action != NULL || req->record != NULL) &&
	    !(def->filters & PF_AUDIT)) {
		xsnprintf(msg, msglen, "“%s”不能按日期、用户、操作或记录打印",
		    def->title);
		return NJ_USAGE;
	}
	if (req->id != NULL && (area || req->batch != NULL)) {
		xsnprintf(msg, msglen, "按编号打印时不能再指定县、月份或批次");
		return NJ_USAGE;
	}
	if (req->batch != NULL && area) {
		xsnprintf(msg, msglen, "按结算批次打印时不能再指定县或月份");
		return NJ_USAGE;
	}
	if (!print_allowed(def, who)) {
		xsnprintf(msg, msglen, "您的角色（%s）无权打印“%s”",
		    role_label(who->role), def->title);
		return NJ_REFUSED;
	}
	return NJ_OK;
}

/*
 * Print req as who onto out, inside the caller's read snapshot. *rows gets
 * the rows printed, *clear whether private data went out in clear. out is
 * opened only once the request has passed every check.
 */
int
print_write(const struct actor *who, const struct print_req *req,
    struct print_out *out, int64_t *rows, int *clear, char *msg,
    size_t msglen)
{
	struct print_job	 j;
	int			 rc, has_private = 0;

	*rows = 0;
	*clear = 0;
	if ((rc = print_check(who, req, msg, msglen)) != NJ_OK)
		return rc;
	memset(&j, 0, sizeof j);
	j.who = who;
	j.req = req;
	j.def = print_find(req->report);
	j.msg = msg;
	j.msglen = msglen;
	j.clear = print_sees_private(j.def, who);
	while (j.def->cols[j.ncols].label != NULL)
		has_private |= (j.def->cols[j.ncols++].flags & PC_PRIVATE) != 0;
	j.sums = xcalloc(j.ncols, sizeof *j.sums);
	clock_stamp(clock_now(), j.stamp, sizeof j.stamp);
	if (req->id == NULL && (rc = print_resolve(&j)) != NJ_OK)
		goto out;
	if (req->batch != NULL && (rc = print_batch_locate(&j)) != NJ_OK)
		goto out;
	if (print_format(req->format) == 1) {
		/* the library is loaded for the first xlsx (xlsx-lib.c) */
		if (xlsx_lib_load(msg, msglen) != 0) {
			rc = NJ_ERROR;
			goto out;
		}
		if ((j.w = csvw_xlsx(out, &j)) == NULL) {
			xsnprintf(msg, msglen, "无法建立 xlsx 文件：%s",
			    strerror(errno));
			rc = NJ_ERROR;
			goto out;
		}
	} else if ((j.w = csvw_new(out, req->encoding)) == NULL) {
		xsnprintf(msg, msglen, "系统不支持编码 %s", req->encoding);
		rc = NJ_ERROR;
		goto out;
	}
	rc = j.def->run(&j);
	if (csvw_free(&j.w) != 0 && rc == NJ_OK) {
		if (out->fp == NULL)
			xsnprintf(msg, msglen, "%s", out->msg);
		else
			xsnprintf(msg, msglen, "写入失败：%s", strerror(errno));
		rc = NJ_ERROR;
	}
	*rows = j.rows;
	*clear = j.clear && has_private && j.rows > 0;
out:
	free(j.sums);
	return rc;
}

/* R-001-A1-16b 001 查询日志化: who printed which report, of what, and how. */
int
print_audit(const struct actor *who, const struct print_req *req,
    const char *record, int64_t rows, int clear, char *msg, size_t msglen)
{
	const char	*names[] = { "id", "county", "month", "batch", "from",
	    "to", "user", "action", "record" };
	const char	*values[] = { req->id, req->county, req->month,
	    req->batch, req->from, req->to, req->user, req->action,
	    req->record };
	char		 detail[1024];
	size_t		 i, used;

	used = (size_t)snprintf(detail, sizeof detail, "report=%s", req->report);
	for (i = 0; i < sizeof names / sizeof names[0] && used < sizeof detail;
	    i++)
		if (values[i] != NULL)
			used += (size_t)snprintf(detail + used, sizeof detail -
			    used, " %s=%s", names[i], values[i]);
	if (used < sizeof detail)
		snprintf(detail + used, sizeof detail - used, " encoding=%s "
		    "rows=%lld private=%s", req->encoding ? req->encoding :
		    "utf-8-bom", (long long)rows, clear ? "clear" : "masked");
	used = strlen(detail);
	if (print_format(req->format) == 1 && used < sizeof detail)
		snprintf(detail + used, sizeof detail - used, " format=xlsx");
	if (store_begin() != 0) {
		xsnprintf(msg, msglen, "系统繁忙，无法记录打印日志");
		return NJ_ERROR;
	}
	if (audit_write(who, "print", record, detail) != NJ_OK ||
	    store_commit() != 0) {
		store_rollback();
		xsnprintf(msg, msglen, "无法记录打印日志：%s", store_errmsg());
		return NJ_ERROR;
	}
	return NJ_OK;
}

/*
 * Issue 12 (5): -o never replaces what is not a regular file: a device, a
 * directory, a fifo, a socket or a symbolic link (rename would replace the
 * link, not what it names) is refused before anything is written.
 */
static int
print_path_ok(const char *path, char *msg, size_t msglen)
{
	struct stat sb;

	if (lstat(path, &sb) != 0 || S_ISREG(sb.st_mode))
		return NJ_OK;
	xsnprintf(msg, msglen, "不能写入 %s：它不是普通文件（%s），未写入任何内容",
	    path, S_ISDIR(sb.st_mode) ? "是目录" : S_ISLNK(sb.st_mode) ?
	    "是符号链接" : S_ISFIFO(sb.st_mode) ? "是管道" :
	    S_ISCHR(sb.st_mode) || S_ISBLK(sb.st_mode) ? "是设备" : "是特殊文件");
	return NJ_REFUSED;
}

/*
 * The output of `njbt print -o FILE`: a file beside it, made 0600, written
 * through a large buffer (a province's sheet is hundreds of megabytes).
 */
#define PRINT_FILE_BUF	(1 << 20)

struct file_out {
	const char	*path;
	char		*tmp;
	char		*buf;
};

static int
file_open(struct print_out *o)
{
	struct file_out	*f = o->arg;
	size_t		 n = strlen(f->path);
	int		 fd;

	f->tmp = xcalloc(1, n + 8);
	memcpy(f->tmp, f->path, n);
	memcpy(f->tmp + n, ".XXXXXX", 7);
	if ((fd = mkstemp(f->tmp)) < 0) {
		xsnprintf(o->msg, sizeof o->msg, "无法创建文件 %s：%s", f->path,
		    strerror(errno));
		free(f->tmp);
		f->tmp = NULL;
		return -1;
	}
	if ((o->fp = fdopen(fd, "w")) == NULL) {
		xsnprintf(o->msg, sizeof o->msg, "无法创建文件 %s：%s", f->path,
		    strerror(errno));
		close(fd);
		return -1;
	}
	f->buf = xcalloc(1, PRINT_FILE_BUF);
	setvbuf(o->fp, f->buf, _IOFBF, PRINT_FILE_BUF);
	return 0;
}

/*
 * Close the file of a print that ended with rc: renamed over its path if
 * all went well, removed if not. Returns rc, or NJ_ERROR if closing or
 * renaming failed (msg says why).
 */
static int
file_finish(struct print_out *out, struct file_out *f, int rc, char *msg,
    size_t msglen)
{
	if (out->fp != NULL && fclose(out->fp) != 0 && rc == NJ_OK) {
		xsnprintf(msg, msglen, "写入 %s 失败：%s", f->path,
		    strerror(errno));
		rc = NJ_ERROR;
	}
	out->fp = NULL;
	if (f->tmp != NULL) {
		/* ... nor what was put in its place while printing */
		if (rc == NJ_OK)
			rc = print_path_ok(f->path, msg, msglen);
		if (rc == NJ_OK && rename(f->tmp, f->path) != 0) {
			xsnprintf(msg, msglen, "无法写入 %s：%s", f->path,
			    strerror(errno));
			rc = NJ_ERROR;
		}
		if (rc != NJ_OK)
			unlink(f->tmp);
		free(f->tmp);
		f->tmp = NULL;
	}
	free(f->buf);
	f->buf = NULL;
	return rc;
}

/*
 * Print req as who into the file path (made 0600, replaced only if the
 * print succeeded), inside the caller's read snapshot; no audit row.
 */
int
print_to_path(const struct actor *who, const struct print_req *req,
    const char *path, int64_t *rows, int *clear, char *msg, size_t msglen)
{
	struct print_out	 out;
	struct file_out		 f;
	int			 rc;

	*rows = 0;
	*clear = 0;
	if ((rc = print_path_ok(path, msg, msglen)) != NJ_OK)
		return rc;
	memset(&out, 0, sizeof out);
	memset(&f, 0, sizeof f);
	f.path = path;
	out.open = file_open;
	out.arg = &f;
	rc = print_write(who, req, &out, rows, clear, msg, msglen);
	return file_finish(&out, &f, rc, msg, msglen);
}

/*
 * `njbt print`: print req as who into path (NULL: stdout) in one read
 * snapshot, then log it. The file is written beside path and renamed over
 * it only when all went well, so a refused print makes no file and leaves
 * an old one untouched; it is made 0600, as it may hold private data.
 */
int
print_file(const struct actor *who, const struct print_req *req,
    const char *path, char *msg, size_t msglen)
{
	struct print_out	 out;
	struct file_out		 f;
	int64_t			 rows = 0;
	int			 rc, clear = 0;

	msg[0] = '\0';
	memset(&out, 0, sizeof out);
	memset(&f, 0, sizeof f);
	if (path == NULL)
		out.fp = stdout;
	else {
		f.path = path;
		out.open = file_open;
		out.arg = &f;
	}
	if ((rc = print_check(who, req, msg, msglen)) != NJ_OK)
		return rc;
	if (path != NULL && (rc = print_path_ok(path, msg, msglen)) != NJ_OK)
		return rc;
	if (store_begin_read() != 0) {
		xsnprintf(msg, msglen, "系统繁忙，请稍后重试");
		return NJ_ERROR;
	}
	rc = print_write(who, req, &out, &rows, &clear, msg, msglen);
	sql_reset_all();
	store_rollback();
	if (rc == NJ_OK)
		rc = print_audit(who, req, path != NULL ? path : "stdout", rows,
		    clear, msg, msglen);
	if (path == NULL) {
		if (fflush(stdout) != 0 && rc == NJ_OK) {
			xsnprintf(msg, msglen, "写入失败：%s", strerror(errno));
			rc = NJ_ERROR;
		}
		return rc;
	}
	return file_finish(&out, &f, rc, msg, msglen);
}
