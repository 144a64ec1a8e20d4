/*
 * print.c: the printers (SPEC section 6): the seed's forms as CSV sheets
 * that Excel and WPS open, for the offices to sign, keep and publish.
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
 */
#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "print.h"
#include "log.h"

/* --- the CSV writer ---------------------------------------------------- */

static const struct encoding {
	const char	*name;
	const char	*iconv;		/* NULL: UTF-8 as stored */
	int		 bom;
} encodings[] = {
	{ "utf-8-bom",	NULL,		1 },	/* the default */
	{ "utf-8",	NULL,		0 },
	{ "gb18030",	"GB18030",	0 },
};
#define NENCODINGS (sizeof encodings / sizeof encodings[0])

struct csvw {
	struct print_out	*out;
	const struct encoding	*enc;
	iconv_t			 cd;
	char			*rec;		/* the record being built */
	size_t			 len;
	size_t			 cap;
	size_t			 cells;
	int			 started;	/* the BOM is out */
	int			 err;
};

/* The index of an encoding by name (NULL: the default), or -1. */
int
csvw_encoding(const char *name)
{
	size_t i;

	if (name == NULL || *name == '\0')
		return 0;
	for (i = 0; i < NENCODINGS; i++)
		if (strcmp(encodings[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* A writer onto out; NULL if the encoding is unknown or unavailable. */
struct csvw *
csvw_new(struct print_out *out, const char *encoding)
{
	struct csvw	*w;
	int		 e = csvw_encoding(encoding);

	if (e < 0)
		return NULL;
	w = xcalloc(1, sizeof *w);
	w->out = out;
	w->enc = &encodings[e];
	w->cd = (iconv_t)-1;
	if (w->enc->iconv != NULL &&
	    (w->cd = iconv_open(w->enc->iconv, "UTF-8")) == (iconv_t)-1) {
		free(w);
		return NULL;
	}
	return w;
}

static void
rec_add(struct csvw *w, const char *p, size_t n)
{
	if (w->len + n + 1 > w->cap) {
		w->cap = (w->len + n + 1) * 2;
		if ((w->rec = realloc(w->rec, w->cap)) == NULL)
			abort();
	}
	memcpy(w->rec + w->len, p, n);
	w->len += n;
}

/*
 * One cell. A text cell that a spreadsheet would run as a formula (it
 * starts with = + - @, a tab or a CR) gets a leading apostrophe; a cell
 * with a comma, quote or line break is quoted, its quotes doubled
 * (RFC 4180).
 */
static void
csvw_cell(struct csvw *w, const char *s, int guard)
{
	const char	*q;
	int		 quote = strpbrk(s, ",\"\r\n") != NULL;

	if (w->cells++ > 0)
		rec_add(w, ",", 1);
	if (quote)
		rec_add(w, "\"", 1);
	if (guard && s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL)
		rec_add(w, "'", 1);
	while ((q = strchr(s, '"')) != NULL) {
		rec_add(w, s, (size_t)(q - s) + 1);
		rec_add(w, "\"", 1);
		s = q + 1;
	}
	rec_add(w, s, strlen(s));
	if (quote)
		rec_add(w, "\"", 1);
}

void
csvw_text(struct csvw *w, const char *s)
{
	csvw_cell(w, s != NULL ? s : "", 1);
}

/* A number we formatted ourselves: never a formula, written as it is. */
void
csvw_number(struct csvw *w, const char *s)
{
	csvw_cell(w, s, 0);
}

/*
 * Digits of v ending at end (not NUL-terminated); the first digit. Money
 * and counts are most of a big sheet's cells: no printf for them.
 */
static char *
csvw_digits(char *end, uint64_t v)
{
	do {
		*--end = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	return end;
}

/* fen as yuan with two decimals, "-" when negative (money_format()). */
void
csvw_money(struct csvw *w, int64_t fen)
{
	char		 buf[32], *p = buf + sizeof buf - 1;
	uint64_t	 mag = fen < 0 ? (uint64_t)0 - (uint64_t)fen :
	    (uint64_t)fen;

	*p = '\0';
	*--p = (char)('0' + mag % 10);
	*--p = (char)('0' + mag / 10 % 10);
	*--p = '.';
	p = csvw_digits(p, mag / 100);
	if (fen < 0)
		*--p = '-';
	csvw_number(w, p);
}

void
csvw_int(struct csvw *w, int64_t v)
{
	char		 buf[32], *p = buf + sizeof buf - 1;
	uint64_t	 mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

	*p = '\0';
	p = csvw_digits(p, mag);
	if (v < 0)
		*--p = '-';
	csvw_number(w, p);
}

static void
csvw_put(struct csvw *w, const char *p, size_t n)
{
	if (n > 0 && !w->err && fwrite(p, 1, n, w->out->fp) != n)
		w->err = 1;
}

/*
 * Write the record in the writer's encoding. GB18030 encodes every
 * Unicode character; a byte sequence that is not UTF-8 (which the actions
 * never store) becomes '?'.
 */
static void
csvw_flush(struct csvw *w)
{
	char	 out[4096], *in = w->rec, *o;
	size_t	 inleft = w->len, outleft;

	if (!w->started) {
		w->started = 1;
		if (w->out->fp == NULL && (w->out->open == NULL ||
		    w->out->open(w->out) != 0 || w->out->fp == NULL)) {
			w->err = 1;
			return;
		}
		if (w->enc->bom)
			csvw_put(w, "\xef\xbb\xbf", 3);
	}
	if (w->cd == (iconv_t)-1) {
		csvw_put(w, w->rec, w->len);
		return;
	}
	while (inleft > 0) {
		o = out;
		outleft = sizeof out;
		if (iconv(w->cd, &in, &inleft, &o, &outleft) == (size_t)-1 &&
		    errno != E2BIG) {
			/* skip one bad character */
			in++;
			inleft--;
			while (inleft > 0 && ((unsigned char)*in & 0xc0) == 0x80) {
				in++;
				inleft--;
			}
			if (outleft > 0) {
				*o++ = '?';
				outleft--;
			}
		}
		csvw_put(w, out, (size_t)(o - out));
	}
}

/* End the record: CRLF, then out it goes. */
void
csvw_end(struct csvw *w)
{
	rec_add(w, "\r\n", 2);
	csvw_flush(w);
	w->len = 0;
	w->cells = 0;
}

/* Free the writer (not its file); -1 if anything failed to be written. */
int
csvw_free(struct csvw **wp)
{
	struct csvw	*w = *wp;
	int		 rc;

	if (w == NULL)
		return 0;
	rc = w->err || (w->out->fp != NULL && (fflush(w->out->fp) != 0 ||
	    ferror(w->out->fp))) ? -1 : 0;
	if (w->cd != (iconv_t)-1)
		iconv_close(w->cd);
	free(w->rec);
	free(w);
	*wp = NULL;
	return rc;
}

/* --- the printers ------------------------------------------------------ */

/* The buyer block of 附表1 and 附表3, in the seed's order. */
#define COLS_BUYER \
	{ "姓名/组织", 0, NULL }, \
	{ "申请购机者身份", 0, NULL }, \
	{ "性别/性质", 0, NULL }, \
	{ "身份证/组织机构代码证号", PC_PRIVATE, "buyers.idno" }, \
	{ "乡镇", 0, NULL }, \
	{ "村组", 0, NULL }, \
	{ "身份证地址", 0, NULL }, \
	{ "现居住地址", 0, NULL }

/* 004 附表1 农业机械购置补贴申请表: the buyer and each requested line. */
static const struct print_col application_cols[] = {
	{ "申请编号", 0, NULL },
	{ "确认书编号", 0, NULL },
	{ "购机方式", 0, NULL },
	COLS_BUYER,
	{ "机具大类", 0, NULL },
	{ "机具小类", 0, NULL },
	{ "机具品目", 0, NULL },
	{ "数量", PC_NUM | PC_SUM, NULL },
	{ "设备类实际数量", PC_BLANK, NULL },
	{ "分档名称", 0, NULL },
	{ "备注", 0, NULL },
	{ "中央补贴", PC_MONEY, NULL },
	{ "省级补贴", PC_MONEY, NULL },
	{ "市级补贴", PC_MONEY, NULL },
	{ "县级补贴", PC_MONEY, NULL },
	{ "单台补贴合计(元)", PC_MONEY, NULL },
	{ "补贴额合计(元)", PC_MONEY | PC_SUM, NULL },
	{ "报废补贴额(元)", PC_BLANK, NULL },
	{ "县农机局审批情况", 0, NULL },
	{ "申请日期", 0, NULL },
	{ "状态", 0, NULL },
	{ "获取打印日期时间", PC_STAMP, NULL },
	{ NULL, 0, NULL }
};

/*
 * 004 附表2 农机购置补贴指标确认通知书. No ID number, no phone, whoever
 * prints it (附表2 三4: 不得存入农机购置补贴管理信息系统); the phone is
 * written in by hand.
 */
static const struct print_col notice_cols[] = {
	{ "编号", 0, NULL },
	{ "县排序", PC_NUM, NULL },
	{ "省排序", PC_NUM, NULL },
	{ "购机方式", 0, NULL },
	{ "姓名或组织名称", 0, NULL },
	{ "住址", 0, NULL },
	{ "联系电话（手填）", PC_BLANK, NULL },
	{ "大类", 0, NULL },
	{ "小类", 0, NULL },
	{ "品目", 0, NULL },
	{ "分档名称", 0, NULL },
	{ "数量（台）", PC_NUM | PC_SUM, NULL },
	{ "合计", PC_MONEY | PC_SUM, NULL },
	{ "中央", PC_MONEY | PC_SUM, NULL },
	{ "省", PC_MONEY | PC_SUM, NULL },
	{ "市", PC_MONEY | PC_SUM, NULL },
	{ "县", PC_MONEY | PC_SUM, NULL },
	{ "购机期限起", 0, NULL },
	{ "购机期限止", 0, NULL },
	{ "签发日期", 0, NULL },
	{ "状态", 0, NULL },
	{ NULL, 0, NULL }
};

/* 004 附表3 补贴机具供货与核实表: one machine sold, and its check. */
static const struct print_col supply_cols[] = {
	{ "销售编号", PC_NUM, NULL },
	{ "确认书编号", 0, NULL },
	COLS_BUYER,
	{ "机具大类", 0, NULL },
	{ "机具小类", 0, NULL },
	{ "机具品目", 0, NULL },
	{ "生产企业", 0, NULL },
	{ "机具型号", 0, NULL },
	{ "功率(千瓦)", PC_BLANK, NULL },
	{ "数量(设备类实际数量)", PC_NUM | PC_SUM, NULL },
	{ "分档名称", 0, NULL },
	{ "备注", 0, NULL },
	{ "中央补贴", PC_MONEY | PC_SUM, NULL },
	{ "省级补贴", PC_MONEY | PC_SUM, NULL },
	{ "市级补贴", PC_MONEY | PC_SUM, NULL },
	{ "县级补贴", PC_MONEY | PC_SUM, NULL },
	{ "单台补贴合计(元)", PC_MONEY | PC_SUM, NULL },
	{ "补贴额合计(元)", PC_MONEY | PC_SUM, NULL },
	{ "报废补贴额(元)", PC_BLANK, NULL },
	{ "经销商", 0, NULL },
	{ "销售总价(元)", PC_MONEY | PC_SUM, NULL },
	{ "经销商备注", PC_BLANK, NULL },
	{ "出厂编号[发动机号]", 0, NULL },
	{ "发票号", 0, NULL },
	{ "购机日期", 0, NULL },
	{ "经销商录入时间", 0, NULL },
	{ "核实结果", 0, NULL },
	{ "核实人", 0, NULL },
	{ "核实单位", 0, NULL },
	{ "核实时间", 0, NULL },
	{ NULL, 0, NULL }
};

static int	print_application(struct print_job *);
static int	print_notice(struct print_job *);
static int	print_supply(struct print_job *);

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
 * (publicity) has no private column at all, so nobody can see one there.
 */
static const struct printer printer_table[] = {
	{ "application", "农业机械购置补贴申请表", R_OFFICES, R_CLEAR,
	    PF_ID | PF_AREA, "申请编号", application_cols, print_application,
	    PM_AREA, NULL },
	{ "notice", "农机购置补贴指标确认通知书", R_OFFICES, 0,
	    PF_ID | PF_AREA, "确认通知书编号", notice_cols, print_notice,
	    PM_AREA, NULL },
	{ "supply", "补贴机具供货与核实表", R_OFFICES | R(ROLE_DEALER),
	    R_CLEAR, PF_ID | PF_AREA, "销售编号", supply_cols, print_supply,
	    PM_AREA, NULL },
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
	if (who->role == ROLE_CONSOLE)
		return 1;
	return (def->roles & R(who->role)) != 0;
}

int
print_sees_private(const struct printer *def, const struct actor *who)
{
	if (who->role == ROLE_CONSOLE)
		return 1;
	return (def->private_roles & R(who->role)) != 0;
}

/* --- scope -------------------------------------------------------------- */

/* What part of the province each role prints (SPEC section 1). */
enum { SC_NONE = 0, SC_ALL, SC_CITY, SC_COUNTY, SC_TOWNSHIP, SC_DEALER };

static const struct {
	int		 scope;
	const char	*own;		/* what is "yours", in a refusal */
} role_scope[ROLE__COUNT] = {
	[ROLE_ADMIN] =		{ SC_ALL, "" },
	[ROLE_AUDITOR] =	{ SC_ALL, "" },
	[ROLE_CONSOLE] =	{ SC_ALL, "" },
	[ROLE_CITY] =		{ SC_CITY, "本市" },
	[ROLE_COUNTY] =		{ SC_COUNTY, "本县" },
	[ROLE_FINANCE] =	{ SC_COUNTY, "本县" },
	[ROLE_TOWNSHIP] =	{ SC_TOWNSHIP, "本乡镇" },
	[ROLE_DEALER] =		{ SC_DEALER, "本店的销售" },
	[ROLE_MAKER] =		{ SC_NONE, "" },
	[ROLE_REGISTER] =	{ SC_NONE, "" },
};

int
print_refuse(struct print_job *j, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vxsnprintf(j->msg, j->msglen, fmt, ap);
	va_end(ap);
	return NJ_REFUSED;
}

int
print_dberr(struct print_job *j)
{
	log_error("print %s: %s", j->def->name, store_errmsg());
	xsnprintf(j->msg, j->msglen, "数据库错误，未能打印");
	return NJ_ERROR;
}

/* A region's level and parent: 1 found, 0 not, -1 error. */
static int
region_get(const char *code, char *level, size_t llen, char *parent,
    size_t plen)
{
	sqlite3_stmt	*st = sql_query(SQL_PRINT_REGION, code);
	int		 rc = sql_step(st);

	if (rc == 1) {
		sql_col_copy(st, 0, level, llen);
		sql_col_copy(st, 1, parent, plen);
	}
	sqlite3_reset(st);
	return rc;
}

/*
 * Is a record in county, township, sold by dealer, within the printing
 * user's scope? 1 yes, 0 no, -1 error.
 */
static int
print_in_scope(struct print_job *j, const char *county, const char *township,
    int64_t dealer)
{
	const struct actor	*who = j->who;
	char			 level[16], parent[NJ_REGION_MAX];
	int			 rc;

	switch (role_scope[who->role].scope) {
	case SC_ALL:
		return 1;
	case SC_DEALER:
		return dealer != 0 && dealer == who->org;
	case SC_TOWNSHIP:
		return township[0] != '\0' && strcmp(township, who->region) == 0;
	case SC_COUNTY:
		return strcmp(county, who->region) == 0;
	case SC_CITY:
		if ((rc = region_get(county, level, sizeof level, parent,
		    sizeof parent)) != 1)
			return rc;
		return strcmp(parent, who->region) == 0;
	default:
		return 0;
	}
}

/*
 * The area to print: the filters within the user's scope. A county
 * outside it is refused; without one, the whole scope is printed.
 */
static int
print_resolve(struct print_job *j)
{
	const struct print_req	*r = j->req;
	const struct actor	*who = j->who;
	struct print_scope	*s = &j->scope;
	char			 level[16] = "", parent[NJ_REGION_MAX] = "";
	int			 y, m, rc;

	memset(s, 0, sizeof *s);
	if (r->month != NULL) {
		if (month_parse(r->month, &y, &m) != 0)
			return print_refuse(j, "月份应为 YYYY-MM 格式，如 2026-03："
			    "%s", r->month);
		xsnprintf(s->from, sizeof s->from, "%04d-%02d-01", y, m);
		xsnprintf(s->to, sizeof s->to, "%04d-%02d-01", m == 12 ? y + 1 :
		    y, m == 12 ? 1 : m + 1);
	}
	if (r->county != NULL) {
		if ((rc = region_get(r->county, level, sizeof level, parent,
		    sizeof parent)) < 0)
			return print_dberr(j);
		if (rc == 0 || strcmp(level, "county") != 0)
			return print_refuse(j, "未知的县级行政区划代码：%s",
			    r->county);
		strlcpy0(s->county, r->county, sizeof s->county);
	}
	switch (role_scope[who->role].scope) {
	case SC_ALL:
		break;
	case SC_DEALER:
		s->dealer = who->org;
		if (s->dealer == 0)
			return print_refuse(j, "您的账号没有关联经销商");
		break;
	case SC_CITY:
		if (r->county != NULL && strcmp(parent, who->region) != 0)
			goto out_of_scope;
		if (r->county == NULL)
			strlcpy0(s->city, who->region, sizeof s->city);
		break;
	case SC_COUNTY:
		if (r->county != NULL && strcmp(r->county, who->region) != 0)
			goto out_of_scope;
		strlcpy0(s->county, who->region, sizeof s->county);
		break;
	case SC_TOWNSHIP:
		if ((rc = region_get(who->region, level, sizeof level, parent,
		    sizeof parent)) < 0)
			return print_dberr(j);
		if (rc == 0)
			return print_refuse(j, "您的账号没有有效的管辖乡镇");
		if (r->county != NULL && strcmp(r->county, parent) != 0)
			goto out_of_scope;
		strlcpy0(s->county, parent, sizeof s->county);
		strlcpy0(s->township, who->region, sizeof s->township);
		break;
	default:
		return print_refuse(j, "您的角色（%s）无权打印“%s”",
		    role_label(who->role), j->def != NULL ? j->def->title :
		    "报表");
	}
	return NJ_OK;
out_of_scope:
	return print_refuse(j, "超出您的管辖范围：%s 不属于%s", r->county,
	    role_scope[who->role].own);
}

/*
 * The area req names within who's scope, for the month-end run: NJ_OK,
 * or NJ_REFUSED with the reason in msg.
 */
int
print_scope_of(const struct actor *who, const struct print_req *req,
    struct print_scope *scope, char *msg, size_t msglen)
{
	struct print_job	j;
	int			rc;

	memset(&j, 0, sizeof j);
	j.who = who;
	j.req = req;
	j.msg = msg;
	j.msglen = msglen;
	rc = print_resolve(&j);
	*scope = j.scope;
	return rc;
}

/* Is state one of the comma list states? */
int
print_state_in(const char *state, const char *states)
{
	size_t n = strlen(state);

	while (states != NULL && *states != '\0') {
		if (strncmp(states, state, n) == 0 && (states[n] == ',' ||
		    states[n] == '\0'))
			return 1;
		states = strchr(states, ',');
		if (states != NULL)
			states++;
	}
	return 0;
}

/*
 * --batch: find the batch by its number and check it against the area
 * of the user's scope (a county, a city's counties, all); a printer that
 * applies to some states only (the bank file: once finance approved)
 * refuses the others.
 */
static int
print_batch_locate(struct print_job *j)
{
	struct print_scope	*s = &j->scope;
	const char		*no = j->req->batch;
	sqlite3_stmt		*st = sql_query(SQL_PRINT_BATCH_WHERE, no);
	char			 county[NJ_REGION_MAX], parent[NJ_REGION_MAX];
	char			 state[16];
	int64_t			 id = 0;
	int			 rc = sql_step(st);

	if (rc == 1) {
		id = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 1, county, sizeof county);
		sql_col_copy(st, 2, state, sizeof state);
		sql_col_copy(st, 3, parent, sizeof parent);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return print_dberr(j);
	if (rc == 0)
		return print_refuse(j, "未知的结算批次：%s", no);
	if ((s->county[0] != '\0' && strcmp(s->county, county) != 0) ||
	    (s->city[0] != '\0' && strcmp(s->city, parent) != 0) ||
	    s->dealer != 0)
		return print_refuse(j, "超出您的管辖范围：结算批次 %s 不属于%s",
		    no, role_scope[j->who->role].own);
	if (j->def->states != NULL && !print_state_in(state, j->def->states))
		return print_refuse(j, "结算批次 %s %s，财政审核同意后才能打印“%s”",
		    no, state_label("batch", state), j->def->title);
	s->batch = id;
	return NJ_OK;
}

/*
 * Check the one record a *_WHERE statement found (county, township,
 * dealer) against the user's scope. key is what --id said.
 */
int
print_locate(struct print_job *j, sqlite3_stmt *st, const char *key)
{
	char	 county[NJ_REGION_MAX], township[NJ_REGION_MAX];
	int64_t	 dealer = 0;
	int	 rc = sql_step(st);

	if (rc == 1) {
		sql_col_copy(st, 0, county, sizeof county);
		sql_col_copy(st, 1, township, sizeof township);
		dealer = sqlite3_column_int64(st, 2);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return print_dberr(j);
	if (rc == 0)
		return print_refuse(j, "未知的%s：%s", j->def->id_label, key);
	if ((rc = print_in_scope(j, county, township, dealer)) < 0)
		return print_dberr(j);
	if (rc == 0)
		return print_refuse(j, "超出您的管辖范围：%s %s 不属于%s",
		    j->def->id_label, key, role_scope[j->who->role].own);
	return NJ_OK;
}

/* An *_AREA statement bound to the resolved area (store-sql-print.def). */
sqlite3_stmt *
print_area(struct print_job *j, enum sql id)
{
	const struct print_scope *s = &j->scope;

	return sql_query(id, s->county, s->township, s->city,
	    s->dealer, s->from, s->to);
}

/*
 * A *_BATCH statement bound to the resolved area and batch: ?1-?6 as
 * print_area(), ?7 the batch's id (0 any); ?5 names the month whose sales
 * a batch collects (batches.month).
 */
sqlite3_stmt *
print_batch_area(struct print_job *j, enum sql id)
{
	const struct print_scope *s = &j->scope;

	return sql_query(id, s->county, s->township, s->city,
	    s->dealer, s->from, s->to, s->batch);
}

/* --- rows --------------------------------------------------------------- */

void
print_header(struct print_job *j)
{
	size_t i;

	for (i = 0; i < j->ncols; i++)
		csvw_text(j->w, j->def->cols[i].label);
	csvw_end(j->w);
}

/*
 * A private cell: opened for those allowed, ***1234 for the others. Its
 * SQL columns are the blob, its last four and the id of its row.
 */
static void
print_private(struct print_job *j, sqlite3_stmt *st, int col,
    const struct print_col *c)
{
	char buf[256];

	if (sqlite3_column_type(st, col) == SQLITE_NULL) {
		csvw_text(j->w, "");
		return;
	}
	if (!j->clear) {
		xsnprintf(buf, sizeof buf, "***%s", sql_col(st, col + 1));
		csvw_text(j->w, buf);
		return;
	}
	/* R-SEC-8.5a issue 8 (5): opened only in the row it was sealed for */
	if (crypt_open(sqlite3_column_blob(st, col),
	    (size_t)sqlite3_column_bytes(st, col), c->ad,
	    sqlite3_column_int64(st, col + 2), buf, sizeof buf) != 0)
		csvw_text(j->w, "（无法解密）");
	else
		csvw_text(j->w, buf);
	memset(buf, 0, sizeof buf);
}

/* One row of the statement, its columns as the printer's table says. */
void
print_row(struct print_job *j, sqlite3_stmt *st)
{
	const struct print_col	*c;
	size_t			 i;
	int64_t			 v;
	int			 col = 0, agg = 0;

	for (i = 0; i < j->ncols; i++) {
		c = &j->def->cols[i];
		if (c->flags & PC_BLANK)
			csvw_text(j->w, "");
		else if (c->flags & PC_STAMP)
			csvw_text(j->w, j->stamp);
		else if (c->flags & PC_SEQ)
			csvw_int(j->w, j->rows + 1);
		else if (c->flags & PC_PRIVATE) {
			print_private(j, st, col, c);
			col += 3;	/* the blob, its last four, its row */
		} else if (c->flags & (PC_MONEY | PC_NUM)) {
			v = sqlite3_column_int64(st, col++);
			if ((c->flags & PC_AGG) && agg < j->nagg)
				v = j->agg[agg++];
			if (c->flags & PC_SUM)
				j->sums[i] += v;
			if (c->flags & PC_MONEY)
				csvw_money(j->w, v);
			else
				csvw_int(j->w, v);
		} else
			csvw_text(j->w, sql_col(st, col++));
	}
	csvw_end(j->w);
	j->rows++;
}

/* The totals row (合计), for printers with columns that add up. */
void
print_totals(struct print_job *j)
{
	const struct print_col	*c;
	size_t			 i;
	int			 any = 0;

	for (i = 0; i < j->ncols; i++)
		any |= (j->def->cols[i].flags & PC_SUM) != 0;
	if (!any)
		return;
	for (i = 0; i < j->ncols; i++) {
		c = &j->def->cols[i];
		if (i == 0)
			csvw_text(j->w, "合计");
		else if (!(c->flags & PC_SUM))
			csvw_text(j->w, "");
		else if (c->flags & PC_MONEY)
			csvw_money(j->w, j->sums[i]);
		else
			csvw_int(j->w, j->sums[i]);
	}
	csvw_end(j->w);
}

/* Header, every row of st as it comes, totals. */
int
print_stream(struct print_job *j, sqlite3_stmt *st)
{
	int rc;

	print_header(j);
	while ((rc = sql_step(st)) == 1)
		print_row(j, st);
	sqlite3_reset(st);
	if (rc < 0)
		return print_dberr(j);
	print_totals(j);
	return NJ_OK;
}

/* --- the printers' functions ------------------------------------------- */

/* The common shape: one record by its text key, or the area. */
static int
print_keyed(struct print_job *j, enum sql where, enum sql one, enum sql area)
{
	const char	*key = j->req->id;
	int		 rc;

	if (key == NULL)
		return print_stream(j, print_area(j, area));
	if ((rc = print_locate(j, sql_query(where, key), key)) != NJ_OK)
		return rc;
	return print_stream(j, sql_query(one, key));
}

/* 附表1: by application number, or the county's (month of entry). */
static int
print_application(struct print_job *j)
{
	return print_keyed(j, SQL_PRINT_APP_WHERE, SQL_PRINT_APP_ONE,
	    SQL_PRINT_APP_AREA);
}

/* 附表2: by notice number, or the county's (month of issue). */
static int
print_notice(struct print_job *j)
{
	return print_keyed(j, SQL_PRINT_NOTICE_WHERE, SQL_PRINT_NOTICE_ONE,
	    SQL_PRINT_NOTICE_AREA);
}

/* 附表3: by sale number, or the county's (month of sale). */
static int
print_supply(struct print_job *j)
{
	int64_t	id;
	int	rc;

	if (j->req->id == NULL)
		return print_stream(j, print_area(j, SQL_PRINT_SALE_AREA));
	if (parse_int(j->req->id, &id) != 0 || id <= 0)
		return print_refuse(j, "销售编号应为数字：%s", j->req->id);
	if ((rc = print_locate(j, sql_query(SQL_PRINT_SALE_WHERE, id),
	    j->req->id)) != NJ_OK)
		return rc;
	return print_stream(j, sql_query(SQL_PRINT_SALE_ONE, id));
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
	if ((req->id != NULL && !(def->filters & PF_ID)) ||
	    (area && !(def->filters & PF_AREA)) ||
	    (req->batch != NULL && !(def->filters & PF_BATCH))) {
		xsnprintf(msg, msglen, "“%s”不能按%s打印", def->title,
		    req->id != NULL && !(def->filters & PF_ID) ? "编号" :
		    req->batch != NULL && !(def->filters & PF_BATCH) ?
		    "结算批次" : "县、月份");
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
	if ((j.w = csvw_new(out, req->encoding)) == NULL) {
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

/* 001 查询日志化: who printed which report, of what, and how. */
int
print_audit(const struct actor *who, const struct print_req *req,
    const char *record, int64_t rows, int clear, char *msg, size_t msglen)
{
	const char	*names[] = { "id", "county", "month", "batch" };
	const char	*values[] = { req->id, req->county, req->month,
	    req->batch };
	char		 detail[1024];
	size_t		 i, used;

	used = (size_t)snprintf(detail, sizeof detail, "report=%s", req->report);
	for (i = 0; i < 4 && used < sizeof detail; i++)
		if (values[i] != NULL)
			used += (size_t)snprintf(detail + used, sizeof detail -
			    used, " %s=%s", names[i], values[i]);
	if (used < sizeof detail)
		snprintf(detail + used, sizeof detail - used, " encoding=%s "
		    "rows=%lld private=%s", req->encoding ? req->encoding :
		    "utf-8-bom", (long long)rows, clear ? "clear" : "masked");
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
