/*
 * list-violation.c: the list of violations (issue 13 item 2): number,
 * party, level, state, measure and its last day, newest first; Enter
 * opens the record view (kind "violation", action-record.c). The admin
 * and the auditor see all; a city or a county every company's and
 * product's, and the buyers' and persons' of its region only. No ID
 * number is in it.
 */
#include "lists.h"

static const struct list_col violation_cols[] = {
	{ "违规编号", 8, LC_KEY, NULL },
	{ "类别", 8, LC_STATE, "vio_party" },
	{ "当事方", 20, 0, NULL },
	{ "等级", 4, LC_STATE, "vio_level" },
	{ "状态", 6, LC_STATE, "violation" },
	{ "措施", 8, LC_STATE, "vio_measure" },
	{ "截止日期", 10, 0, NULL },
	{ "查实日期", 10, 0, NULL },
	{ "外省", 8, 0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct list_def list_violations = {
	"violations", "违规行为", R(ROLE_ADMIN) | R(ROLE_CITY) | R(ROLE_COUNTY) |
	    R(ROLE_AUDITOR), 0, SQL_LIST_VIOLATIONS, violation_cols,
	"violation"
};
