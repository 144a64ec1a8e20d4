/*
 * list-trade.c: the lists of the trade side (SPEC section 4): dealers
 * (all registered, for a maker to pick), a maker's dealers, models and
 * supplied machines, a dealer's stock.
 */
#include "lists.h"

static const struct list_col dealer_cols[] = {
	{ "信用代码", 18, LC_KEY, NULL },
	{ "经销商", 30, 0, NULL },
	{ "法定代表人", 10, 0, NULL },
	{ "状态", 8, LC_STATE, "dealer" },
	{ "本企业已选", 10, 0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_dealers = {
	"dealers", "经销商名录", R(ROLE_ADMIN) | R(ROLE_MAKER) | R(ROLE_CITY) |
	    R(ROLE_COUNTY) | R(ROLE_AUDITOR), 0, SQL_LIST_DEALERS, dealer_cols,
	"dealer"
};

const struct list_def list_my_dealers = {
	"my_dealers", "本企业的经销商", R(ROLE_MAKER), 0, SQL_LIST_MY_DEALERS,
	dealer_cols,
	"dealer"
};

static const struct list_col model_cols[] = {
	{ "型号", 14, LC_KEY, NULL },
	{ "产品名称", 20, 0, NULL },
	{ "品目", 14, 0, NULL },
	{ "分档", 20, 0, NULL },
	{ "申报补贴额", 11, LC_MONEY, NULL },
	{ "状态", 6, LC_STATE, "product" },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_models = {
	"models", "本企业的产品", R(ROLE_MAKER), 0, SQL_LIST_MODELS, model_cols,
	"product"
};

static const struct list_col stock_cols[] = {
	{ "出厂编号", 16, LC_KEY, NULL },
	{ "型号", 12, 0, NULL },
	{ "产品名称", 16, 0, NULL },
	{ "发动机号", 14, 0, NULL },
	{ "发货单号", 12, 0, NULL },
	{ "供货日期", 10, 0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_stock = {
	"stock", "本店库存", R(ROLE_DEALER), 0, SQL_LIST_STOCK, stock_cols,
	"machine"
};

static const struct list_col supplied_cols[] = {
	{ "出厂编号", 16, LC_KEY, NULL },
	{ "型号", 12, 0, NULL },
	{ "经销商", 24, 0, NULL },
	{ "发动机号", 14, 0, NULL },
	{ "状态", 6, LC_STATE, "machine" },
	{ "供货日期", 10, 0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_supplied = {
	"supplied", "本企业的供货", R(ROLE_MAKER), 0, SQL_LIST_SUPPLIED,
	supplied_cols,
	"machine"
};
