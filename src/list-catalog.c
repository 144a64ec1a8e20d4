/*
 * list-catalog.c: look-up lists of the catalogue and the regions: items
 * and tiers of the year's 补贴额一览表 (a tier's amount as in force
 * today), the segments of changed amounts (分段结算, issue 10 item 10),
 * counties, townships, all regions.
 */
#include "lists.h"

static const struct list_col item_cols[] = {
	{ "品目代码", 9, LC_KEY, NULL },
	{ "品目", 24, 0, NULL },
	{ "小类", 16, 0, NULL },
	{ "说明", 20, 0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_items = {
	"items", "补贴品目", R_ANY & ~R(ROLE_REGISTER), 0, SQL_LIST_ITEMS,
	item_cols, NULL
};

static const struct list_col tier_cols[] = {
	{ "分档", 5, LC_KEY, NULL },
	{ "分档名称", 26, 0, NULL },
	{ "补贴额（元）", 12, LC_MONEY, NULL },
	{ "主要参数", 24, 0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_tiers = {
	"tiers", "分档及补贴额", R_ANY & ~R(ROLE_REGISTER), 0, SQL_LIST_TIERS,
	tier_cols, NULL
};

/* R-003-A1-2a 003 附件1 二: every change of a tier's amount of the year */
static const struct list_col tier_amount_cols[] = {
	{ "品目/分档", 12, LC_KEY, NULL },
	{ "分档名称", 22, 0, NULL },
	{ "生效日期", 10, 0, NULL },
	{ "补贴额（元）", 12, LC_MONEY, NULL },
	{ "调整依据", 20, 0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_tier_amounts = {
	"tier_amounts", "分段补贴额", R_ANY & ~R(ROLE_REGISTER), 0,
	SQL_LIST_TIER_AMOUNTS, tier_amount_cols, NULL
};

static const struct list_col region_cols[] = {
	{ "代码", 12, LC_KEY, NULL },
	{ "名称", 16, 0, NULL },
	{ "上级", 16, 0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_counties = {
	"counties", "县（市、区）", R_ANY & ~R(ROLE_REGISTER), 0,
	SQL_LIST_COUNTIES, region_cols, NULL
};

const struct list_def list_townships = {
	"townships", "乡镇", R_ANY & ~R(ROLE_REGISTER), 0, SQL_LIST_TOWNSHIPS,
	region_cols, NULL
};

const struct list_def list_regions = {
	"regions", "行政区划", R_ANY & ~R(ROLE_REGISTER), 0, SQL_LIST_REGIONS,
	region_cols, NULL
};
