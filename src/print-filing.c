/*
 * print-filing.c: the public lists of product filing (issue 13 items 1
 * and 5): the published product list (`njbt print products`, 补贴机具
 * 信息表, 003 附件4 第十二条) and one publicity's sheet (`njbt print filing
 * --publicity GS2026-001`, 投档审核结果公示表, 第十条). Columns of 第十条;
 * no private data, for the province's website.
 */
#include "print.h"

/* R-003-A4-10a 003 附件4 第十条: what the publicity shows */
#define FILING_COLS							\
	{ "序号", PC_SEQ, NULL },					\
	{ "大类", 0, NULL },						\
	{ "小类", 0, NULL },						\
	{ "品目", 0, NULL },						\
	{ "档次", 0, NULL },						\
	{ "企业名称", 0, NULL },					\
	{ "机具名称", 0, NULL },					\
	{ "机具型号", PC_TEXT, NULL },					\
	{ "基本配置和参数", 0, NULL },					\
	{ "补贴额（元）", PC_MONEY, NULL },				\
	{ "鉴定（认证）证书编号", PC_TEXT, NULL },			\
	{ "证书有效期至", 0, NULL },					\
	{ "审核结果", 0, NULL }

const struct print_col print_products_cols[] = {
	FILING_COLS,
	{ NULL, 0, NULL }
};

/* a publicity's sheet: the same, the reason of a fail and the period */
const struct print_col print_filing_cols[] = {
	FILING_COLS,
	{ "不通过理由", 0, NULL },
	{ "公示开始日期", 0, NULL },
	{ "公示结束日期", 0, NULL },
	{ NULL, 0, NULL }
};

int
print_products(struct print_job *j)
{
	return print_stream(j, sql_query(SQL_PRINT_PRODUCTS));
}

/* One publicity, by its number (--publicity, or --id). */
int
print_filing(struct print_job *j)
{
	int64_t n = 0;

	if (j->req->id == NULL)
		return print_refuse(j, "请用 --publicity 指定公示编号，如 "
		    "GS2026-001");
	if (sql_int(&n, SQL_FILING_PUB_EXISTS, j->req->id) < 0)
		return print_dberr(j);
	if (n == 0)
		return print_refuse(j, "未知的公示编号：%s", j->req->id);
	return print_stream(j, sql_query(SQL_PRINT_FILING, j->req->id));
}
