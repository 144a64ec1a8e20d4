/*
 * list-filing.c: the lists of product filing (issue 13 item 1): the
 * admin's review queue (filed products, Enter opens the product's record
 * view), the publicities and the objections; a maker's own filings with
 * their review, publicity and objection states.
 */
#include "lists.h"

#define R_FILING_READ	(R(ROLE_ADMIN) | R(ROLE_AUDITOR))

static const struct list_col queue_cols[] = {
	{ "型号", 14, LC_KEY, NULL },
	{ "生产企业", 20, 0, NULL },
	{ "产品名称", 14, 0, NULL },
	{ "审核", 6, LC_STATE, "filing_review" },
	{ "公示编号", 10, 0, NULL },
	{ "投档日期", 10, 0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_filing_queue = {
	"filing_queue", "投档审核", R_FILING_READ, 0, SQL_LIST_FILING_QUEUE,
	queue_cols, "product"
};

static const struct list_col my_cols[] = {
	{ "型号", 14, LC_KEY, NULL },
	{ "产品名称", 14, 0, NULL },
	{ "状态", 6, LC_STATE, "product" },
	{ "审核", 6, LC_STATE, "filing_review" },
	{ "公示编号", 10, 0, NULL },
	{ "公示期", 21, 0, NULL },
	{ "异议", 6, LC_STATE, "filing_objection" },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_my_filings = {
	"my_filings", "本企业的投档", R(ROLE_MAKER), 0, SQL_LIST_MY_FILINGS,
	my_cols, "product"
};

static const struct list_col publicity_cols[] = {
	{ "公示编号", 10, LC_KEY, NULL },
	{ "公示开始", 10, 0, NULL },
	{ "公示结束", 10, 0, NULL },
	{ "产品数", 6, 0, NULL },
	{ "未处理异议", 10, 0, NULL },
	{ "状态", 6, LC_STATE, "filing_publicity" },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_filing_publicities = {
	"filing_publicities", "投档审核结果公示", R_FILING_READ, 0,
	SQL_LIST_FILING_PUBLICITIES, publicity_cols, NULL
};

static const struct list_col objection_cols[] = {
	{ "异议编号", 10, LC_KEY, NULL },
	{ "型号", 14, 0, NULL },
	{ "生产企业", 16, 0, NULL },
	{ "异议理由", 16, 0, NULL },
	{ "状态", 6, LC_STATE, "filing_objection" },
	{ "复核意见", 16, 0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_filing_objections = {
	"filing_objections", "投档异议", R_FILING_READ | R(ROLE_MAKER), 0,
	SQL_LIST_FILING_OBJECTIONS, objection_cols, NULL
};
