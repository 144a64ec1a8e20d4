/*
 * print-settle.c: the printers of monthly settlement (SPEC section 3
 * steps 5-7, section 6): 附表4 复核表 (review), 附表5 资金支付报告单
 * (payment), 附表6 结算明细表 (detail), 附表7 / 002 附件5 公示表
 * (publicity), 附件2 资金计划表 (budget), the bank file finance pays from
 * (bank) and the anomaly flags of section 5 (anomalies). Each is a column
 * table and a function, named by a row of print.c's printer table, which
 * also says who may print it and who sees its private columns in clear.
 *
 * The sheets of a batch print one batch (--batch) or every batch of an
 * area (--county, --month: the month whose sales the batches collect);
 * their machines are the batch's rows in batch_sales, so that payment,
 * detail, publicity and bank agree on count and money. Rows stream from
 * the statements one at a time: the province's monthly detail, a million
 * machines, needs the memory of one row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "print.h"

/* --- 附表4 农机购置补贴机具复核表 --------------------------------------- */

/*
 * One row per machine to review (004 附件4 四(三): every key or licensed
 * machine, a sample of the rest), with the form's four checks.
 */
const struct print_col print_review_cols[] = {
	{ "结算批次", 0, NULL },
	{ "销售编号", PC_TEXT, NULL },
	{ "姓名", 0, NULL },
	{ "家庭住址", 0, NULL },
	{ "联系电话", PC_PRIVATE | PC_TEXT, "buyers.phone" },
	{ "身份证号码", PC_PRIVATE | PC_TEXT, "buyers.idno" },
	{ "机具名称", 0, NULL },
	{ "规格型号", 0, NULL },
	{ "数量", PC_NUM | PC_SUM, NULL },
	{ "生产企业", 0, NULL },
	{ "经销商", 0, NULL },
	{ "购机日期", 0, NULL },
	{ "机具价格", PC_MONEY | PC_SUM, NULL },
	{ "补贴金额", PC_MONEY | PC_SUM, NULL },
	{ "发动机号码", PC_TEXT, NULL },
	{ "出厂编号", PC_TEXT, NULL },
	{ "行驶证号码", PC_TEXT, NULL },
	{ "1、购机人与补贴指标申领人是否一致", 0, NULL },
	{ "2、是否与《农机购置补贴指标确认通知书》的品目相符", 0, NULL },
	{ "3、机具是否有永久性铭牌", 0, NULL },
	{ "4、出厂编号、发动机号是否与《补贴机具供货与核实表》一致", 0, NULL },
	{ "实际购机与申请补贴信息（材料）", 0, NULL },
	{ "复核人员意见", 0, NULL },
	{ "复核人", 0, NULL },
	{ "复核日期", 0, NULL },
	{ "复核原因", 0, NULL },
	{ NULL, 0, NULL }
};

int
print_review(struct print_job *j)
{
	return print_stream(j, print_batch_area(j, SQL_PRINT_REVIEW_BATCH));
}

/* --- 附表5 农业机械购置补贴资金支付报告单 ------------------------------- */

/*
 * Per batch: 主机 (licensed machines), 机具 (the rest), 合计, and the
 * total approved in capital numerals (人民币大写) beside its figure.
 */
const struct print_col print_payment_cols[] = {
	{ "结算批次", 0, NULL },
	{ "县（区）", 0, NULL },
	{ "机具种类", 0, NULL },
	{ "数量（台）", PC_NUM, NULL },
	{ "财政补贴金额合计", PC_MONEY, NULL },
	{ "中央", PC_MONEY, NULL },
	{ "地方", PC_MONEY, NULL },
	{ "本次核拨金额", PC_MONEY, NULL },
	{ "备注", 0, NULL },
	{ NULL, 0, NULL }
};

/* What a line of the report adds up: machines, subsidy, central, paid. */
struct pay_sums {
	int64_t	 n;
	int64_t	 subsidy;
	int64_t	 central;
	int64_t	 amount;
};

static void
pay_line(struct print_job *j, const char *no, const char *county,
    const char *kind, const struct pay_sums *p, const char *note)
{
	csvw_text(j->w, no);
	csvw_text(j->w, county);
	csvw_text(j->w, kind);
	csvw_int(j->w, p->n);
	csvw_money(j->w, p->subsidy);
	csvw_money(j->w, p->central);
	csvw_money(j->w, p->subsidy - p->central);
	csvw_money(j->w, p->amount);
	csvw_text(j->w, note);
	csvw_end(j->w);
	j->rows++;
}

/* 合计（大写）：壹万陆仟肆佰零玖元零贰分 ... 小写：￥16409.02 */
static void
pay_capital(struct print_job *j, const char *no, const char *county,
    const char *label, int64_t fen)
{
	char	cap[512], small[64], yuan[32];
	size_t	i;

	if (money_capital(fen, cap, sizeof cap) != 0)
		cap[0] = '\0';
	money_format(fen, yuan, sizeof yuan);
	xsnprintf(small, sizeof small, "小写：￥%s", yuan);
	csvw_text(j->w, no);
	csvw_text(j->w, county);
	csvw_text(j->w, label);
	csvw_text(j->w, cap);
	csvw_text(j->w, small);
	for (i = 5; i < j->ncols; i++)
		csvw_text(j->w, "");
	csvw_end(j->w);
	j->rows++;
}

static void
pay_add(struct pay_sums *to, const struct pay_sums *p)
{
	to->n += p->n;
	to->subsidy += p->subsidy;
	to->central += p->central;
	to->amount += p->amount;
}

/*
 * R-003-A1-2a 003 附件1 二 分段结算: the remark of a batch adds how many of
 * its machines got an amount changed mid-year, by segment.
 */
static void
pay_segments(int64_t batch, char *note, size_t len)
{
	sqlite3_stmt	*g = sql_query(SQL_PRINT_BATCH_SEGMENTS, batch);
	size_t		 n;

	while (sql_step(g) == 1) {
		n = strlen(note);
		xsnprintf(note + n, len - n, "；%d 台按自%s起调整后的补贴额结算",
		    sqlite3_column_int(g, 1), sql_col(g, 0));
	}
	sqlite3_reset(g);
}

int
print_payment(struct print_job *j)
{
	sqlite3_stmt	*st = print_batch_area(j, SQL_PRINT_BATCH_AREA), *g;
	struct pay_sums	 main, all, rest, grand;
	char		 no[64], county[NJ_NAME_MAX], note[384], paid[16];
	const char	*state;
	int		 rc, nb = 0;

	memset(&grand, 0, sizeof grand);
	print_header(j);
	while ((rc = sql_step(st)) == 1) {
		sql_col_copy(st, 1, no, sizeof no);
		sql_col_copy(st, 2, county, sizeof county);
		state = state_long("batch", sql_col(st, 4));
		g = sql_query(SQL_PRINT_PAYMENT_SUMS,
		    sqlite3_column_int64(st, 0));
		if (sql_step(g) != 1) {
			sqlite3_reset(g);
			rc = -1;
			break;
		}
		/* paid: on the day of the payments (or of paying) */
		sql_col_copy(g, 8, paid, sizeof paid);
		if (paid[0] == '\0')
			sql_col_copy(st, 5, paid, sizeof paid);
		if (paid[0] != '\0' && strcmp(sql_col(st, 4), "paid") == 0)
			xsnprintf(note, sizeof note, "第%d批，%s（%s）",
			    sqlite3_column_int(st, 3), state, paid);
		else
			xsnprintf(note, sizeof note, "第%d批，%s",
			    sqlite3_column_int(st, 3), state);
		main.n = sqlite3_column_int64(g, 0);
		main.subsidy = sqlite3_column_int64(g, 1);
		main.central = sqlite3_column_int64(g, 2);
		main.amount = sqlite3_column_int64(g, 3);
		all.n = sqlite3_column_int64(g, 4);
		all.subsidy = sqlite3_column_int64(g, 5);
		all.central = sqlite3_column_int64(g, 6);
		all.amount = sqlite3_column_int64(g, 7);
		sqlite3_reset(g);
		rest.n = all.n - main.n;
		rest.subsidy = all.subsidy - main.subsidy;
		rest.central = all.central - main.central;
		rest.amount = all.amount - main.amount;
		pay_line(j, no, county, "主机", &main, "");
		pay_line(j, no, county, "机具", &rest, "");
		pay_segments(sqlite3_column_int64(st, 0), note, sizeof note);
		pay_line(j, no, county, "合计", &all, note);
		pay_capital(j, no, county, "合计（大写）", all.amount);
		pay_add(&grand, &all);
		nb++;
	}
	sqlite3_reset(st);
	if (rc < 0)
		return print_dberr(j);
	/* several batches (a county's month, a province): their total */
	if (nb != 1) {
		pay_line(j, "", "", nb == 0 ? "合计" : "总计", &grand, "");
		pay_capital(j, "", "", nb == 0 ? "合计（大写）" : "总计（大写）",
		    grand.amount);
	}
	return NJ_OK;
}

/* --- 附表6 补贴机具结算明细表 ------------------------------------------- */

/*
 * One row per buyer of a batch: bank, account and ID for finance to pay
 * (in clear for those who pay, masked for the others), units and the
 * subsidy split into the central part and the region's (every other).
 */
const struct print_col print_detail_cols[] = {
	{ "序号", PC_SEQ, NULL },
	{ "姓名", 0, NULL },
	{ "县乡村", 0, NULL },
	{ "电话/手机号码", PC_PRIVATE | PC_TEXT, "buyers.phone" },
	{ "开户行", 0, NULL },
	{ "帐号", PC_PRIVATE | PC_TEXT, "buyers.account" },
	{ "身份证号码", PC_PRIVATE | PC_TEXT, "buyers.idno" },
	{ "数量", PC_NUM | PC_SUM | PC_AGG, NULL },
	{ "补贴金额合计", PC_MONEY | PC_SUM | PC_AGG, NULL },
	{ "国补金额", PC_MONEY | PC_SUM | PC_AGG, NULL },
	{ "自治区补金额", PC_MONEY | PC_SUM | PC_AGG, NULL },
	{ "备注", PC_BLANK, NULL },
	{ "结算批次", 0, NULL },
	{ NULL, 0, NULL }
};

/* SQL_PRINT_DETAIL_FROZEN's columns after the printed ones */
enum { D_BATCH = 17, D_BUYER, D_SALE, D_COUNT };

int
print_detail(struct print_job *j)
{
	sqlite3_stmt	*st = print_batch_area(j, SQL_PRINT_DETAIL_FROZEN), *g;
	int		 rc, k;

	print_header(j);
	while ((rc = sql_step(st)) == 1) {
		j->nagg = 0;
		if (sqlite3_column_int64(st, D_COUNT) > 1) {
			/* a buyer with several machines: once, with the sums */
			g = sql_query(SQL_PRINT_DETAIL_BUYER,
			    sqlite3_column_int64(st, D_BATCH),
			    sqlite3_column_int64(st, D_BUYER));
			if (sql_step(g) != 1) {
				sqlite3_reset(g);
				rc = -1;
				break;
			}
			if (sqlite3_column_int64(g, 0) !=
			    sqlite3_column_int64(st, D_SALE)) {
				sqlite3_reset(g);
				continue;
			}
			for (k = 0; k < 4; k++)
				j->agg[k] = sqlite3_column_int64(g, k + 1);
			j->nagg = 4;
			sqlite3_reset(g);
		}
		print_row(j, st);
	}
	j->nagg = 0;
	sqlite3_reset(st);
	if (rc < 0)
		return print_dberr(j);
	print_totals(j);
	return NJ_OK;
}

/* --- 附表7 / 002 附件5 公示表 ------------------------------------------- */

/*
 * The public table: where the buyer lives, who, what, from whom, for how
 * much. No ID number, phone, account or photo, whoever prints it (R-004-M-8.4 004 八(四)).
 */
const struct print_col print_publicity_cols[] = {
	{ "序号", PC_SEQ, NULL },
	{ "所在乡（镇）", 0, NULL },
	{ "所在村组", 0, NULL },
	{ "购机者姓名", 0, NULL },
	{ "机具品目", 0, NULL },
	{ "生产厂家", 0, NULL },
	{ "购买机型", 0, NULL },
	{ "购买数量（台）", PC_NUM | PC_SUM, NULL },
	{ "经销商", 0, NULL },
	{ "单台销售价格（元）", PC_MONEY, NULL },
	{ "单台补贴额（元）", PC_MONEY, NULL },
	{ "总补贴额（元）", PC_MONEY | PC_SUM, NULL },
	{ NULL, 0, NULL }
};

int
print_publicity(struct print_job *j)
{
	return print_stream(j, print_batch_area(j,
	    SQL_PRINT_PUBLICITY_BATCH));
}

/* --- the bank file ------------------------------------------------------ */

/*
 * One payment per machine, into the buyer's own account, marked
 * "农机购置补贴" (004 附件4 四(六)): what finance hands to the bank. The
 * account is the one frozen on the sale at verification, never the
 * buyer's current one (R-SEC-8.1c issue 8 (1)).
 */
const struct print_col print_bank_cols[] = {
	{ "序号", PC_SEQ, NULL },
	{ "户名", 0, NULL },
	{ "开户行", 0, NULL },
	{ "账号", PC_PRIVATE | PC_TEXT, "buyers.account" },
	{ "金额（元）", PC_MONEY | PC_SUM, NULL },
	{ "用途", 0, NULL },
	{ "批次", 0, NULL },
	{ "销售编号", PC_TEXT, NULL },
	{ "支付编号", PC_TEXT, NULL },	/* ZF...: issue 11 (5), once paid */
	{ NULL, 0, NULL }
};

int
print_bank(struct print_job *j)
{
	return print_stream(j, print_batch_area(j, SQL_PRINT_BANK_FROZEN));
}

/* --- anomalies ---------------------------------------------------------- */

/* The flags of SPEC section 5, each with the sale behind it. */
const struct print_col print_anomaly_cols[] = {
	{ "销售编号", PC_TEXT, NULL },
	{ "购机日期", 0, NULL },
	{ "购机者", 0, NULL },
	{ "经销商", 0, NULL },
	{ "机具型号", 0, NULL },
	{ "出厂编号", PC_TEXT, NULL },
	{ "异常情形", 0, NULL },
	{ "情况说明", 0, NULL },
	{ "发现时间", 0, NULL },
	{ NULL, 0, NULL }
};

int
print_anomalies(struct print_job *j)
{
	return print_stream(j, print_area(j, SQL_PRINT_ANOMALY_AREA));
}

/* --- 摇号结果 (004 四(一)) ------------------------------------------------ */

/*
 * R-004-M-4.1 004 四(一) 公开摇号: the draw as the county posts it: the
 * seed, every candidate in the drawn order and whether drawn; those not
 * drawn keep next-year priority (R-004-M-3.2b 004 三(二)). Names only:
 * no ID number, phone or account.
 */
const struct print_col print_lottery_cols[] = {
	{ "摇号编号", PC_TEXT, NULL },
	{ "县区", 0, NULL },
	{ "年度", PC_NUM, NULL },
	{ "轮次", PC_NUM, NULL },
	{ "摇号种子", PC_NUM, NULL },
	{ "顺位", PC_NUM, NULL },
	{ "申请编号", PC_TEXT, NULL },
	{ "购机者", 0, NULL },
	{ "优先", 0, NULL },
	{ "结果", 0, NULL },
	{ "申请补贴额（元）", PC_MONEY | PC_SUM, NULL },
	{ "摇号人", 0, NULL },
	{ "摇号时间", 0, NULL },
	{ NULL, 0, NULL }
};

int
print_lottery(struct print_job *j)
{
	return print_stream(j, print_area(j, SQL_PRINT_LOTTERY));
}

/* --- 附件2 资金计划表 ---------------------------------------------------- */

/*
 * Per county of the year: the plan (central, provincial, work funds),
 * what approvals committed, what was paid, the balance left to approve
 * (plan less committed) and the share of the plan committed.
 */
const struct print_col print_budget_cols[] = {
	{ "县区", 0, NULL },
	{ "计划（中央）", PC_MONEY, NULL },
	{ "计划（省级）", PC_MONEY, NULL },
	{ "计划（工作经费）", PC_MONEY, NULL },
	{ "计划（合计）", PC_MONEY, NULL },
	{ "已占用（中央）", PC_MONEY, NULL },
	{ "已占用（省级）", PC_MONEY, NULL },
	{ "已支付（中央）", PC_MONEY, NULL },
	{ "已支付（省级）", PC_MONEY, NULL },
	{ "结余（中央）", PC_MONEY, NULL },
	{ "结余（省级）", PC_MONEY, NULL },
	{ "使用率（%）", 0, NULL },
	{ NULL, 0, NULL }
};

/* The figures of one line, in the order SQL_PRINT_BUDGET gives them. */
enum { B_CENTRAL, B_PROVINCIAL, B_WORK, B_COM_C, B_COM_P, B_PAID_C,
	B_PAID_P, B__COUNT };

static void
budget_line(struct print_job *j, const char *name, const int64_t *v)
{
	int64_t	plan = v[B_CENTRAL] + v[B_PROVINCIAL], used = v[B_COM_C] +
	    v[B_COM_P], bp;
	char	pct[32] = "";

	csvw_text(j->w, name);
	csvw_money(j->w, v[B_CENTRAL]);
	csvw_money(j->w, v[B_PROVINCIAL]);
	csvw_money(j->w, v[B_WORK]);
	csvw_money(j->w, plan + v[B_WORK]);
	csvw_money(j->w, v[B_COM_C]);
	csvw_money(j->w, v[B_COM_P]);
	csvw_money(j->w, v[B_PAID_C]);
	csvw_money(j->w, v[B_PAID_P]);
	csvw_money(j->w, v[B_CENTRAL] - v[B_COM_C]);
	csvw_money(j->w, v[B_PROVINCIAL] - v[B_COM_P]);
	if (plan > 0) {
		/* hundredths of a per cent, rounded half up: integers only */
		bp = (used * 10000 + plan / 2) / plan;
		xsnprintf(pct, sizeof pct, "%lld.%02lld", (long long)(bp / 100),
		    (long long)(bp % 100));
	}
	csvw_number(j->w, pct);
	csvw_end(j->w);
}

int
print_budget(struct print_job *j)
{
	const struct print_scope *s = &j->scope;
	sqlite3_stmt	*st;
	int64_t		 v[B__COUNT], sum[B__COUNT];
	int		 rc, k, year, m, d;
	char		 name[NJ_NAME_MAX];

	/* the year: of --month, or this year */
	if (s->from[0] != '\0')
		year = (int)strtol(s->from, NULL, 10);
	else
		date_to_ymd(clock_today(), &year, &m, &d);
	memset(sum, 0, sizeof sum);
	print_header(j);
	st = sql_query(SQL_PRINT_BUDGET, s->county, s->township,
	    s->city, year);
	while ((rc = sql_step(st)) == 1) {
		sql_col_copy(st, 0, name, sizeof name);
		for (k = 0; k < B__COUNT; k++) {
			v[k] = sqlite3_column_int64(st, k + 1);
			sum[k] += v[k];
		}
		budget_line(j, name, v);
		j->rows++;
	}
	sqlite3_reset(st);
	if (rc < 0)
		return print_dberr(j);
	budget_line(j, "总计", sum);
	return NJ_OK;
}
