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
	{ "补贴额", 10, LC_MONEY, NULL },
	{ "状态", 10, LC_STATE, "batch" },
	{ "尚待办理", 24, 0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_batches = {
	"batches", "结算批次", R(ROLE_COUNTY) | R(ROLE_FINANCE) | R(ROLE_CITY) |
	    R(ROLE_ADMIN) | R(ROLE_AUDITOR), 0, SQL_LIST_BATCHES, batch_cols, "batch"
};

const struct list_def list_finance_queue = {
	"finance_queue", "待财政审核的结算批次", R(ROLE_FINANCE) |
	    R(ROLE_ADMIN) | R(ROLE_AUDITOR), 0, SQL_LIST_FINANCE_QUEUE,
	batch_cols, "batch"
};

/* a batch's machines: what waits (kept at 80 columns, its kind differs
 * by list), then the batch (issue 11 (2), (5)) */
#define BSALE_COLS							\
	{ "销售号", 17, LC_KEY, NULL },					\
	{ "购机者", 8, 0, NULL },					\
	{ "品目/型号", 13, 0, NULL },					\
	{ "出厂编号", 10, 0, NULL },					\
	{ "补贴额", 9, LC_MONEY, NULL }
#define BSALE_BATCH	{ "结算批次", 17, 0, NULL }

static const struct list_col sale_cols[] = {
	BSALE_COLS,
	{ "待办", 6, LC_STATE, "batch_sale_mark" },
	BSALE_BATCH,
	{ NULL, 0, 0, NULL }
};

static const struct list_col review_cols[] = {
	BSALE_COLS,
	{ "待办", 8, LC_STATE, "review_why" },
	BSALE_BATCH,
	{ NULL, 0, 0, NULL }
};

static const struct list_col check_cols[] = {
	BSALE_COLS,
	{ "待办", 6, LC_STATE, "finance_check" },
	BSALE_BATCH,
	{ NULL, 0, 0, NULL }
};

static const struct list_col refund_cols[] = {
	BSALE_COLS,
	{ "待办", 6, LC_STATE, "return" },
	BSALE_BATCH,
	{ NULL, 0, 0, NULL }
};

const struct list_def list_batch_sales = {
	"batch_sales", "结算批次中的机具", R(ROLE_COUNTY) | R(ROLE_FINANCE) |
	    R(ROLE_CITY) | R(ROLE_ADMIN) | R(ROLE_AUDITOR), 0,
	SQL_LIST_BATCH_SALES, sale_cols, "sale"
};

const struct list_def list_review_queue = {
	"review_queue", "待复核的机具", R(ROLE_COUNTY), 0, SQL_LIST_REVIEW_QUEUE,
	review_cols, "sale"
};

const struct list_def list_finance_checks = {
	"finance_checks", "财政抽查样本", R(ROLE_FINANCE), 0,
	SQL_LIST_FINANCE_CHECKS, check_cols, "sale"
};

const struct list_def list_refunds = {
	"refunds", "待登记退款的退货", R(ROLE_FINANCE) | R(ROLE_COUNTY), 0,
	SQL_LIST_REFUNDS, refund_cols, "sale"
};

static const struct list_col objection_cols[] = {
	{ "异议号", 6, LC_KEY, NULL },
	{ "销售号", 17, 0, NULL },
	{ "购机者", 10, 0, NULL },
	{ "异议内容", 30, 0, NULL },
	{ "处理", 16, LC_STATE | LC_DETAIL, "objection" },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_objections = {
	"objections", "公示异议", R(ROLE_COUNTY) | R(ROLE_FINANCE) |
	    R(ROLE_CITY) | R(ROLE_ADMIN) | R(ROLE_AUDITOR), 0,
	SQL_LIST_OBJECTIONS, objection_cols, NULL
};
