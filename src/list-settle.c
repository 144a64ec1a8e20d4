/*
 * list-settle.c: the lists of settlement: the county's batches with what
 * blocks each (publicity not over, reviews or objections pending, the
 * finance sample unchecked), the machines of a batch, the review queue,
 * objections, finance's queue of batches and its sample, and paid
 * machines whose return awaits the refund.
 */
#include "lists.h"

static const struct list_col batch_cols[] = {
	{ "结算批次", 17, LC_KEY, NULL },
	{ "月份", 7, 0, NULL },
	{ "台数", 4, 0, NULL },
	{ "补贴额", 12, LC_MONEY, NULL },
	{ "状态", 10, 0, NULL },
	{ "尚待办理", 24, 0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_batches = {
	"batches", "结算批次", R(ROLE_COUNTY) | R(ROLE_FINANCE) | R(ROLE_CITY) |
	    R(ROLE_ADMIN) | R(ROLE_AUDITOR), 0, SQL_LIST_BATCHES, batch_cols
};

const struct list_def list_finance_queue = {
	"finance_queue", "待财政审核的结算批次", R(ROLE_FINANCE) |
	    R(ROLE_ADMIN) | R(ROLE_AUDITOR), 0, SQL_LIST_FINANCE_QUEUE,
	batch_cols
};

static const struct list_col sale_cols[] = {
	{ "销售号", 17, LC_KEY, NULL },
	{ "购机者", 8, 0, NULL },
	{ "品目/型号", 14, 0, NULL },
	{ "出厂编号", 10, 0, NULL },
	{ "补贴额", 9, LC_MONEY, NULL },
	{ "待办", 6, 0, NULL },
	{ "结算批次", 17, 0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_batch_sales = {
	"batch_sales", "结算批次中的机具", R(ROLE_COUNTY) | R(ROLE_FINANCE) |
	    R(ROLE_CITY) | R(ROLE_ADMIN) | R(ROLE_AUDITOR), 0,
	SQL_LIST_BATCH_SALES, sale_cols
};

const struct list_def list_review_queue = {
	"review_queue", "待复核的机具", R(ROLE_COUNTY), 0, SQL_LIST_REVIEW_QUEUE,
	sale_cols
};

const struct list_def list_finance_checks = {
	"finance_checks", "财政抽查样本", R(ROLE_FINANCE), 0,
	SQL_LIST_FINANCE_CHECKS, sale_cols
};

const struct list_def list_refunds = {
	"refunds", "待登记退款的退货", R(ROLE_FINANCE) | R(ROLE_COUNTY), 0,
	SQL_LIST_REFUNDS, sale_cols
};

static const struct list_col objection_cols[] = {
	{ "异议号", 6, LC_KEY, NULL },
	{ "销售号", 17, 0, NULL },
	{ "购机者", 10, 0, NULL },
	{ "异议内容", 30, 0, NULL },
	{ "处理", 16, 0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_objections = {
	"objections", "公示异议", R(ROLE_COUNTY) | R(ROLE_FINANCE) |
	    R(ROLE_CITY) | R(ROLE_ADMIN) | R(ROLE_AUDITOR), 0,
	SQL_LIST_OBJECTIONS, objection_cols
};
