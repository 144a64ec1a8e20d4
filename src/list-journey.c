/*
 * list-journey.c: the lists of the buyer's journey: a clerk's applications,
 * the county's approval queue, its notices, the verification queue (with
 * the anomaly marks), buy-first sales waiting for the buyer's claim, the
 * anomalies themselves, and a dealer's own sales. Marks in the queues:
 * 重 key machine; 多 one buyer many units; 批 a dealer's burst of sales;
 * 连 the same item the year before; 号 a duplicate engine number; 比 a
 * high subsidy-to-price ratio; 期 recorded after the notice's window;
 * 价 a price that moves with the subsidy.
 */
#include "lists.h"

static const struct list_col app_cols[] = {
	{ "申请编号", 17, LC_KEY, NULL },
	{ "购机者", 10, 0, NULL },
	{ "乡镇", 6, 0, NULL },
	{ "申购机具", 12, 0, NULL },
	{ "台数", 4, 0, NULL },
	{ "补贴额", 10, LC_MONEY, NULL },
	{ "状态", 12, LC_STATE, "application" },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_applications = {
	"applications", "补贴申请", R(ROLE_TOWNSHIP) | R(ROLE_COUNTY) |
	    R(ROLE_CITY) | R(ROLE_ADMIN) | R(ROLE_AUDITOR), 0,
	SQL_LIST_APPLICATIONS, app_cols, "application"
};

const struct list_def list_approve_queue = {
	"approve_queue", "待审核的申请", R(ROLE_COUNTY), 0,
	SQL_LIST_APPROVE_QUEUE, app_cols, "application"
};

static const struct list_col notice_cols[] = {
	{ "通知书编号", 17, LC_KEY, NULL },
	{ "申请编号", 17, 0, NULL },
	{ "购机者", 12, 0, NULL },
	{ "有效期自", 10, 0, NULL },
	{ "有效期至", 10, 0, NULL },
	{ "状态", 6, LC_STATE, "notice" },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_notices = {
	"notices", "确认通知书", R(ROLE_TOWNSHIP) | R(ROLE_COUNTY) |
	    R(ROLE_CITY) | R(ROLE_ADMIN) | R(ROLE_AUDITOR), 0,
	SQL_LIST_NOTICES, notice_cols, "notice"
};

static const struct list_col sale_cols[] = {
	{ "销售号", 17, LC_KEY, NULL },
	{ "购机者", 8, 0, NULL },
	{ "品目/型号", 14, 0, NULL },
	{ "出厂编号", 10, 0, NULL },
	{ "售价", 10, LC_MONEY, NULL },
	{ "补贴额", 9, LC_MONEY, NULL },
	{ "提示", 6, 0, NULL },
	{ "状态", 6, LC_STATE, "sale" },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_verify_queue = {
	"verify_queue", "待核验的机具", R(ROLE_COUNTY) | R(ROLE_TOWNSHIP), 0,
	SQL_LIST_VERIFY_QUEUE, sale_cols, "sale"
};

const struct list_def list_sales = {
	"sales", "销售登记", R(ROLE_COUNTY) | R(ROLE_TOWNSHIP) | R(ROLE_CITY) |
	    R(ROLE_FINANCE) | R(ROLE_ADMIN) | R(ROLE_AUDITOR), 0,
	SQL_LIST_SALES_SCOPED, sale_cols, "sale"	/* R-SEC-8.12a */
};

const struct list_def list_my_sales = {
	"my_sales", "本店销售", R(ROLE_DEALER), 0, SQL_LIST_MY_SALES, sale_cols,
	"sale"
};

static const struct list_col claim_cols[] = {
	{ "出厂编号", 14, LC_KEY, NULL },
	{ "销售号", 17, 0, NULL },
	{ "购机者", 12, 0, NULL },
	{ "型号", 12, 0, NULL },
	{ "经销商", 20, 0, NULL },
	{ "购机日期", 10, 0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_claims = {
	"claims", "待受理的购机（先购后补）", R(ROLE_COUNTY) | R(ROLE_TOWNSHIP),
	0, SQL_LIST_CLAIMS, claim_cols, "machine"
};

static const struct list_col anomaly_cols[] = {
	{ "销售号", 17, LC_KEY, NULL },
	{ "异常情形", 60, LC_STATE | LC_DETAIL, "anomaly" },
	{ "购机者", 10, 0, NULL },
	{ NULL, 0, 0, NULL }
};

/* issue 10 item 9: the flags of applications (action-dup.c) */
static const struct list_col app_flag_cols[] = {
	{ "申请编号", 18, LC_KEY, NULL },
	{ "异常情形", 50, LC_STATE | LC_DETAIL, "app_flag" },
	{ "购机者", 10, 0, NULL },
	{ "时间", 19, 0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_app_flags = {
	"app_flags", "申请异常情形", R(ROLE_COUNTY) | R(ROLE_CITY) |
	    R(ROLE_ADMIN) | R(ROLE_AUDITOR), 0, SQL_LIST_APP_FLAGS,
	app_flag_cols, "application"
};

const struct list_def list_anomalies = {
	"anomalies", "异常情形", R(ROLE_COUNTY) | R(ROLE_CITY) | R(ROLE_ADMIN) |
	    R(ROLE_AUDITOR) | R(ROLE_FINANCE), 0, SQL_LIST_ANOMALIES,
	anomaly_cols, "sale"
};
