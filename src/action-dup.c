/*
 * action-dup.c: a second open application of one buyer for one item
 * (issue 10 item 9). An application line whose buyer (the same ID
 * number: buyers are one row per ID number) already has another open
 * application (draft, submitted or approved with its notice not used) of
 * the same year for the same item is flagged for the county in
 * application_flags and told to the clerk; it is never refused (SPEC
 * section 5: anomalies are flagged, never blocked silently). The flags
 * are the list app_flags (申请异常情形).
 */
#include <string.h>

#include "actions.h"

/*
 * R-002-A2-10.3b 002 附件2 第十条(三) 重复报补: flag application app's line
 * of item if its buyer has another open application for that item.
 */
int
dup_flag(struct act *a, int64_t app, const char *item)
{
	char	other[32] = "", detail[256], at[32];
	int	rc = sql_text(other, sizeof other, SQL_APP_DUP_OPEN, app, item);

	if (rc < 0)
		return act_fail(a, "查询重复申请");
	if (rc == 0)
		return NJ_OK;
	xsnprintf(detail, sizeof detail, "同一身份证号已有未办结的品目 %s 申请 "
	    "%s", item, other);
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_APP_FLAG_INSERT, app, "dup_open", detail, at) != 0)
		return act_fail(a, "异常提示");
	act_note(a, "提示：%s（已记入申请异常情形，请县级核实）", detail);
	return NJ_OK;
}
