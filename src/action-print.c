/*
 * action-print.c: printing from the screens. The print action runs a
 * printer of print.c (read-only: one read snapshot, then the engine's
 * audit row with the report and its filters) and writes the sheet into
 * the user's outbox on the server,
 *   <directory of the database>/outbox/<login>/<report>-<what>-<time>.csv
 * (.xlsx with format=xlsx, print-xlsx.c)
 * (directories 0700, files 0600: they may hold private data), where the
 * user fetches it with scp/sftp (ssh-sftp.c: it is /outbox/NAME there) or
 * the office's file share. The action's key is the file's path; the
 * sentence the screen shows names it as /outbox/NAME.
 *
 * report=all is month end (print-month.c): every sheet of a county's
 * month into a new folder of the outbox (0700),
 *   <outbox>/<login>/all-<county>-<YYYY-MM>-<time>/
 * whose path is the key; the files written are the action's output.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "print.h"
#include "log.h"

static const struct field print_fields[] = {
	{ "report", FT_CHOICE, FF_REQ, "打印内容", PRINT_CHOICES, 0 },
	{ "id", FT_REF, 0, "编号", NULL, 24 },
	{ "county", FT_REF, 0, "县（市、区）", "counties", 12 },
	{ "month", FT_MONTH, 0, "月份", NULL, 0 },
	{ "batch", FT_REF, 0, "结算批次", "batches", 24 },
	{ "encoding", FT_CHOICE, 0, "文件编码", PRINT_ENCODINGS, 0 },
	/* issue 12 (3): an addition; without it CSV, as before */
	{ "format", FT_CHOICE, 0, "文件格式", PRINT_FORMATS, 0 },
	/* issue 13 (4): the audit log's search (report audit only) */
	{ "from", FT_DATE, 0, "起始日期", NULL, 0 },
	{ "to", FT_DATE, 0, "截止日期", NULL, 0 },
	{ "user", FT_TEXT, 0, "用户", NULL, 32 },
	{ "action", FT_TEXT, 0, "操作（名称前缀）", NULL, 40 },
	{ "record", FT_TEXT, 0, "记录编号", NULL, 60 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/* Where the sheet goes: the act, and the file once made. */
struct outbox {
	struct act	*a;
	char		 dir[PATH_MAX];
	char		 path[PATH_MAX + 128];
};

/* A system failure making the file: the reason for the screen. */
static int
outbox_fail(struct print_out *o, const char *what, const char *path)
{
	log_error("print: %s %s: %s", what, path,
	    strerror(errno));
	xsnprintf(o->msg, sizeof o->msg, "%s失败：%s", what, strerror(errno));
	return -1;
}

/* text as a piece of a file name: letters, digits, . _ - only. */
void
name_part(char *out, size_t len, const char *text, size_t max)
{
	size_t i;

	for (i = 0; text[i] != '\0' && i + 1 < len && i < max; i++) {
		out[i] = text[i];
		if (!((text[i] >= 'a' && text[i] <= 'z') ||
		    (text[i] >= 'A' && text[i] <= 'Z') ||
		    (text[i] >= '0' && text[i] <= '9') || text[i] == '_' ||
		    text[i] == '-' || (text[i] == '.' && i > 0)))
			out[i] = '_';
	}
	out[i] = '\0';
}

/* The user's outbox, made if missing: <dir of the database>/outbox/LOGIN. */
static int
outbox_dir(struct print_out *o, struct outbox *ob)
{
	char	copy[4096], real[PATH_MAX], login[NJ_LOGIN_MAX + 16];

	strlcpy0(copy, store->path, sizeof copy);
	if (realpath(dirname(copy), real) == NULL)
		return outbox_fail(o, "打开数据库目录", store->path);
	xsnprintf(ob->dir, sizeof ob->dir, "%s/outbox", real);
	/* R-SEC-8.12c: 0700 also when it was made otherwise before */
	if ((mkdir(ob->dir, 0700) != 0 && errno != EEXIST) ||
	    chmod(ob->dir, 0700) != 0)
		return outbox_fail(o, "创建发件箱", ob->dir);
	name_part(login, sizeof login, ob->a->who->login, NJ_LOGIN_MAX + 8);
	xsnprintf(ob->dir, sizeof ob->dir, "%s/outbox/%s", real, login);
	if ((mkdir(ob->dir, 0700) != 0 && errno != EEXIST) ||
	    chmod(ob->dir, 0700) != 0)
		return outbox_fail(o, "创建发件箱", ob->dir);
	/* R-SEC-8.12d issue 8 (12): sheets older than the setting go */
	outbox_sweep(login, time(NULL));	/* files age in real time */
	return 0;
}

/*
 * Open the sheet's file once the print has passed its checks: 0600, never
 * over another: report-what-YYYYMMDD-HHMMSS.csv, with -2, -3 ... when two
 * prints share the second.
 */
static int
outbox_open(struct print_out *o)
{
	struct outbox	*ob = o->arg;
	struct act	*a = ob->a;
	char		 what[96], part[40], stamp[32];
	const char	*ext = print_format(act_str(a, "format")) == 1 ?
	    "xlsx" : "csv";
	struct tm	 tm;
	int		 fd, k;

	if (outbox_dir(o, ob) != 0)
		return -1;
	if (act_has(a, "id"))
		name_part(what, sizeof what, act_str(a, "id"), 32);
	else if (act_has(a, "batch"))
		name_part(what, sizeof what, act_str(a, "batch"), 32);
	else {
		/* without a county: the user's own region, or all */
		name_part(part, sizeof part, act_has(a, "county") ?
		    act_str(a, "county") : a->who->region[0] != '\0' &&
		    a->who->role != ROLE_DEALER ? a->who->region : "all", 12);
		if (act_has(a, "month"))
			xsnprintf(what, sizeof what, "%s-%.7s", part,
			    act_str(a, "month"));
		else
			strlcpy0(what, part, sizeof what);
	}
	localtime_r(&a->now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	for (k = 1; k < 100; k++) {
		if (k == 1)
			xsnprintf(ob->path, sizeof ob->path, "%s/%s-%s-%s.%s",
			    ob->dir, act_str(a, "report"), what, stamp, ext);
		else
			xsnprintf(ob->path, sizeof ob->path,
			    "%s/%s-%s-%s-%d.%s", ob->dir, act_str(a, "report"),
			    what, stamp, k, ext);
		fd = open(ob->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
		    0600);
		if (fd >= 0)
			break;
		if (errno != EEXIST)
			return outbox_fail(o, "创建文件", ob->path);
	}
	if (fd < 0)
		return outbox_fail(o, "创建文件", ob->path);
	if (fchmod(fd, 0600) != 0 || (o->fp = fdopen(fd, "w")) == NULL) {
		outbox_fail(o, "创建文件", ob->path);
		close(fd);
		unlink(ob->path);
		ob->path[0] = '\0';
		return -1;
	}
	return 0;
}

/* The refusal of a print that would fill the outbox past its total. */
static int
print_full(struct act *a)
{
	return act_refuse(a, "report", "发件箱已满：打印件合计不能超过 %lld MB，"
	    "本次打印未保留；请在“我的打印件”中删除旧文件后再打印",
	    (long long)(outbox_max() + 1024 * 1024 - 1) / (1024 * 1024));
}

/*
 * report=all: a new folder in the outbox, 0700, named by county, month
 * and time (-2, -3 ... when two share the second); every sheet into it.
 */
static int
print_run_all(struct act *a, const struct print_req *req)
{
	struct print_out	 o;
	struct outbox		 ob;
	struct print_month	 m;
	struct print_req	 area;
	struct print_scope	 s;
	char			 county[24], stamp[32], path[PATH_MAX + 128];
	struct tm		 tm;
	size_t			 i;
	int			 rc, k;

	memset(&o, 0, sizeof o);
	memset(&ob, 0, sizeof ob);
	ob.a = a;
	if (req->month == NULL)
		return act_refuse(a, "month", "月末报表须填写月份");
	if (req->id != NULL || req->batch != NULL)
		return act_refuse(a, "report", "月末报表按县和月份打印，"
		    "不能指定编号或批次");
	/* refusals first: they make no folder */
	memset(&area, 0, sizeof area);
	area.county = req->county;
	area.month = req->month;
	if ((rc = print_scope_of(a->who, &area, &s, a->err, sizeof a->err)) !=
	    NJ_OK)
		return rc == NJ_USAGE ? NJ_REFUSED : rc;
	if (s.county[0] == '\0')
		return act_refuse(a, "county", "月末报表须指定县（区）");
	if (outbox_dir(&o, &ob) != 0) {
		xsnprintf(a->err, sizeof a->err, "%s", o.msg);
		return NJ_ERROR;
	}
	name_part(county, sizeof county, s.county, 12);
	localtime_r(&a->now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	for (k = 1; k < 100; k++) {
		if (k == 1)
			xsnprintf(path, sizeof path, "%s/all-%s-%.7s-%s", ob.dir,
			    county, req->month, stamp);
		else
			xsnprintf(path, sizeof path, "%s/all-%s-%.7s-%s-%d",
			    ob.dir, county, req->month, stamp, k);
		if (access(path, F_OK) != 0)
			break;
	}
	rc = print_month_write(a->who, req, path, &m, NULL, NULL, a->err,
	    sizeof a->err);
	if (rc != NJ_OK) {
		/* a refusal leaves no half-made folder */
		for (i = 0; i < m.n; i++)
			if (m.v[i].done)
				unlink(m.v[i].path);
		rmdir(path);
		print_month_free(&m);
		return rc == NJ_USAGE ? NJ_REFUSED : rc;
	}
	/* issue 12: sheets that would bring the outbox over its total are
	 * not kept, the folder neither */
	if (outbox_over(ob.dir)) {
		for (i = 0; i < m.n; i++)
			if (m.v[i].done)
				unlink(m.v[i].path);
		rmdir(path);
		print_month_free(&m);
		return print_full(a);
	}
	for (i = 0; i < m.n; i++)
		act_out(a, "%s", m.v[i].name);
	print_month_free(&m);
	/* issue 12 (3): the screen says the folder as SFTP shows it */
	act_what(a, "/outbox/%s/", path + strlen(ob.dir) + 1);
	if (strlen(path) < sizeof a->key)
		act_key(a, "%s", path);
	else
		act_key(a, "%s", path + strlen(ob.dir) -
		    strlen(strrchr(ob.dir, '/')) - strlen("outbox"));
	return NJ_OK;
}

static int
print_run(struct act *a)
{
	struct print_req	 req;
	struct print_out	 out;
	struct outbox		 ob;
	int64_t			 rows;
	int			 rc, clear;

	memset(&req, 0, sizeof req);
	req.report = act_str(a, "report");
	req.id = act_str(a, "id");
	req.county = act_str(a, "county");
	req.month = act_str(a, "month");
	req.batch = act_str(a, "batch");
	req.encoding = act_str(a, "encoding");
	req.format = act_str(a, "format");
	req.from = act_str(a, "from");
	req.to = act_str(a, "to");
	req.user = act_str(a, "user");
	req.action = act_str(a, "action");
	req.record = act_str(a, "record");
	if (strcmp(req.report, PRINT_ALL) == 0)
		return print_run_all(a, &req);
	memset(&ob, 0, sizeof ob);
	ob.a = a;
	memset(&out, 0, sizeof out);
	out.open = outbox_open;
	out.arg = &ob;
	rc = print_write(a->who, &req, &out, &rows, &clear, a->err,
	    sizeof a->err);
	if (out.fp != NULL && fclose(out.fp) != 0 && rc == NJ_OK) {
		xsnprintf(a->err, sizeof a->err, "写入文件失败：%s",
		    strerror(errno));
		rc = NJ_ERROR;
	}
	if (rc != NJ_OK) {
		if (out.fp != NULL)
			unlink(ob.path);
		/* a request the print refuses is a refusal on the screen */
		return rc == NJ_USAGE ? NJ_REFUSED : rc;
	}
	/* issue 12: a sheet that would bring the outbox over its total is
	 * not kept */
	if (outbox_over(ob.dir)) {
		unlink(ob.path);
		return print_full(a);
	}
	/* issue 12 (3): the screen says where the sheet is as SFTP shows it
	 * (ssh-sftp.c), in full: /outbox/NAME */
	act_what(a, "/outbox/%s", ob.path + strlen(ob.dir) + 1);
	/* the key is the path; one too long for a key is said in full */
	if (strlen(ob.path) < sizeof a->key)
		act_key(a, "%s", ob.path);
	else {
		act_out(a, "%s", ob.path);
		act_key(a, "%s", ob.path + strlen(ob.dir) -
		    strlen(strrchr(ob.dir, '/')) - strlen("outbox"));
	}
	return NJ_OK;
}

const struct action action_print = {
	.name = "print",
	.title = "打印",
	.roles = R(ROLE_ADMIN) | R(ROLE_CITY) | R(ROLE_COUNTY) |
	    R(ROLE_TOWNSHIP) | R(ROLE_FINANCE) | R(ROLE_MAKER) |
	    R(ROLE_DEALER) | R(ROLE_AUDITOR),
	.fields = print_fields,
	.run = print_run,
	.readonly = 1,
	.done = "已打印",
};
