/*
 * print-form.c: the printers of the buyer's journey, rows of print.c's
 * table: 004 附表1 申请表, 附表2 确认通知书 and 附表3 供货与核实表, and 003
 * 附件3's 核验记录表 (issue 12), each a
 * column table in the seed's order and a function that finds one record
 * (--id) or an area and streams it (print-row.c).
 */
#include <stdio.h>

#include "print.h"

/* The buyer block of 附表1 and 附表3, in the seed's order. */
#define COLS_BUYER \
	{ "姓名/组织", 0, NULL }, \
	{ "申请购机者身份", 0, NULL }, \
	{ "性别/性质", 0, NULL }, \
	{ "身份证/组织机构代码证号", PC_PRIVATE | PC_TEXT, "buyers.idno" }, \
	{ "乡镇", 0, NULL }, \
	{ "村组", 0, NULL }, \
	{ "身份证地址", 0, NULL }, \
	{ "现居住地址", 0, NULL }

/* 004 附表1 农业机械购置补贴申请表: the buyer and each requested line. */
const struct print_col print_application_cols[] = {
	{ "申请编号", PC_TEXT, NULL },
	{ "确认书编号", PC_TEXT, NULL },
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
 * R-004-T2-3.4 004 附表2 农机购置补贴指标确认通知书. No ID number, no phone, whoever
 * prints it (附表2 三4: 不得存入农机购置补贴管理信息系统); the phone is
 * written in by hand.
 */
const struct print_col print_notice_cols[] = {
	{ "编号", PC_TEXT, NULL },
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
const struct print_col print_supply_cols[] = {
	{ "销售编号", PC_TEXT, NULL },	/* XS...: issue 11 (5) */
	{ "确认书编号", PC_TEXT, NULL },
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
	{ "出厂编号[发动机号]", PC_TEXT, NULL },
	{ "发票号", PC_TEXT, NULL },
	{ "购机日期", 0, NULL },
	{ "经销商录入时间", 0, NULL },
	{ "核实结果", 0, NULL },
	{ "核实人", 0, NULL },
	{ "核实单位", 0, NULL },
	{ "核实时间", 0, NULL },
	{ NULL, 0, NULL }
};

/*
 * 003 附件3 第六条 核验记录表 (issue 12): one check of a sale, what it
 * checked (the buyer, the purchase, the machine, the account) and each
 * item of the checklist (action-verify.c) as it was ticked.
 */
const struct print_col print_verification_cols[] = {
	{ "销售编号", PC_TEXT, NULL },
	{ "核验时间", 0, NULL },
	{ "核验方式", 0, NULL },
	{ "购机者", 0, NULL },
	{ "身份证/统一社会信用代码", PC_PRIVATE | PC_TEXT, "buyers.idno" },
	{ "发票号", PC_TEXT, NULL },
	{ "购机日期", 0, NULL },
	{ "销售总价(元)", PC_MONEY | PC_SUM, NULL },
	{ "补贴额(元)", PC_MONEY | PC_SUM, NULL },
	{ "经销商", 0, NULL },
	{ "机具品目", 0, NULL },
	{ "生产企业", 0, NULL },
	{ "机具型号", 0, NULL },
	{ "出厂编号", PC_TEXT, NULL },
	{ "发动机号", PC_TEXT, NULL },
	{ "银行卡（折）账号", PC_PRIVATE | PC_TEXT, "buyers.account" },
	{ "购机者本人与身份证件、申请人一致", 0, NULL },
	{ "发票上的购机者姓名（名称）与金额", 0, NULL },
	{ "铭牌与发票、系统一致（生产企业、型号、出厂编号、发动机号）", 0, NULL },
	{ "发票上的经销商与系统一致", 0, NULL },
	{ "牌证材料（行驶证或登记证书）", 0, NULL },
	{ "银行卡（折）账号、开户名与购机者一致", 0, NULL },
	{ "购机者签署购机价格真实性承诺", 0, NULL },
	{ "核验结果", 0, NULL },
	{ "存在问题", 0, NULL },
	{ "核验人", 0, NULL },
	{ "第二核验人", 0, NULL },
	{ NULL, 0, NULL }
};

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
int
print_application(struct print_job *j)
{
	return print_keyed(j, SQL_PRINT_APP_WHERE, SQL_PRINT_APP_ONE,
	    SQL_PRINT_APP_AREA);
}

/* 附表2: by notice number, or the county's (month of issue). */
int
print_notice(struct print_job *j)
{
	return print_keyed(j, SQL_PRINT_NOTICE_WHERE, SQL_PRINT_NOTICE_ONE,
	    SQL_PRINT_NOTICE_AREA);
}

/*
 * A sale's printer: by sale number (or id), checked against the scope,
 * the statement one; else the area's.
 */
static int
print_by_sale(struct print_job *j, enum sql one, enum sql area)
{
	int64_t	id;
	int	rc;

	if (j->req->id == NULL)
		return print_stream(j, print_area(j, area));
	/* issue 11 (5): the sale's number XS..., or its id as before */
	if ((parse_int(j->req->id, &id) != 0 || id <= 0) &&
	    sql_int(&id, SQL_SALE_ID_BY_NO, j->req->id) != 1)
		return print_refuse(j, "未知的销售编号：%s", j->req->id);
	if ((rc = print_locate(j, sql_query(SQL_PRINT_SALE_WHERE, id),
	    j->req->id)) != NJ_OK)
		return rc;
	return print_stream(j, sql_query(one, id));
}

/* 附表3: by sale number, or the county's (month of sale). */
int
print_supply(struct print_job *j)
{
	return print_by_sale(j, SQL_PRINT_SALE_ONE, SQL_PRINT_SALE_AREA);
}

/* 003 附件3: a sale's checks by its number, or the area's of a month. */
int
print_verification(struct print_job *j)
{
	return print_by_sale(j, SQL_PRINT_VERIFY_ONE, SQL_PRINT_VERIFY_AREA);
}
