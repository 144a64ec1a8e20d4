/*
 * list-buyer.c: what issue 8 items 1 and 2 make visible. buyer_changes:
 * the change history of the buyers in the viewer's area (who changed
 * which field when, old and new values masked as on the record,
 * R-SEC-8.1 issue 8 (1)); buyers: the buyers of the area with the
 * version a change must name (private values masked for every role);
 * lookup_refusals: per login, the look-ups by a
 * private value that were refused, the last one's time and how many were
 * refused by the rate limit (R-SEC-8.2c issue 8 (2)), for the admin.
 */
#include "lists.h"

static const struct list_col change_cols[] = {
	{ "时间", 19, 0, NULL },
	{ "购机者", 12, 0, NULL },
	{ "证件号", 8, 0, NULL },
	{ "项目", 10, LC_STATE, "buyer_field" },
	{ "原值", 16, 0, NULL },
	{ "新值", 16, 0, NULL },
	{ "修改人", 10, 0, NULL },
	{ "原因", 16, 0, NULL },
	{ "版本", 4, 0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_buyer_changes = {
	"buyer_changes", "购机者信息修改记录", R(ROLE_ADMIN) | R(ROLE_AUDITOR) |
	R(ROLE_CITY) | R(ROLE_COUNTY) | R(ROLE_TOWNSHIP), 0,
	SQL_LIST_BUYER_CHANGES, change_cols, NULL
};

static const struct list_col buyer_cols[] = {
	{ "购机者", 12, 0, NULL },
	{ "证件号", 8, LC_PRIVATE, "buyers.idno" },
	{ "乡镇", 10, 0, NULL },
	{ "村组", 10, 0, NULL },
	{ "联系电话", 8, LC_PRIVATE, "buyers.phone" },
	{ "开户行", 16, 0, NULL },
	{ "账号", 8, LC_PRIVATE, "buyers.account" },
	{ "版本", 4, 0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_buyers = {
	"buyers", "购机者信息", R(ROLE_ADMIN) | R(ROLE_AUDITOR) | R(ROLE_CITY) |
	R(ROLE_COUNTY) | R(ROLE_TOWNSHIP), 0, SQL_LIST_BUYERS, buyer_cols, NULL
};

static const struct list_col refusal_cols[] = {
	{ "登录名", 12, LC_KEY, NULL },
	{ "被拒查询次数", 12, 0, NULL },
	{ "最近一次", 19, 0, NULL },
	{ "因过频被拒", 10, 0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_lookup_refusals = {
	"lookup_refusals", "被拒绝的个人信息查询", R(ROLE_ADMIN) |
	R(ROLE_AUDITOR), 0, SQL_LIST_LOOKUP_REFUSALS, refusal_cols, NULL
};
