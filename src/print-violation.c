/*
 * print-violation.c: the public lists of issue 13 item 5 for the
 * province's website: the 通报 of violations decided (party, level,
 * facts, measure and its dates) and the blacklist (黑名单: the companies
 * and their legal representatives, the persons). R-001-A3-0 001 附件3:
 * no private data: no ID number is printed, and a buyer's, a person's
 * or a legal representative's name shows its first character only.
 * CSV, or xlsx through the same writer (print-xlsx.c).
 */
#include "print.h"

const struct print_col print_violation_cols[] = {
	{ "编号", 0, NULL },
	{ "当事方类别", 0, NULL },
	{ "当事方", 0, NULL },
	{ "统一社会信用代码/型号", PC_TEXT, NULL },
	{ "违规等级", 0, NULL },
	{ "违规事实", 0, NULL },
	{ "查实日期", 0, NULL },
	{ "处理措施", 0, NULL },
	{ "起始日期", 0, NULL },
	{ "截止日期", 0, NULL },
	{ "状态", 0, NULL },
	{ "作出决定的外省", 0, NULL },
	{ NULL, 0, NULL }
};

int
print_violations(struct print_job *j)
{
	return print_stream(j, sql_query(SQL_PRINT_VIOLATIONS));
}

const struct print_col print_blacklist_cols[] = {
	{ "类别", 0, NULL },
	{ "名称/姓名", 0, NULL },
	{ "统一社会信用代码", PC_TEXT, NULL },
	{ "法定代表人", 0, NULL },
	{ "列入日期", 0, NULL },
	{ "违规编号", 0, NULL },
	{ "违规等级", 0, NULL },
	{ "违规事实", 0, NULL },
	{ "作出决定的外省", 0, NULL },
	{ NULL, 0, NULL }
};

int
print_blacklist(struct print_job *j)
{
	return print_stream(j, sql_query(SQL_PRINT_BLACKLIST));
}
