/*
 * action-limit.c: regional limits of catalogue rows (issue 10 item 3;
 * 004 三(一), 附件3). A tier's limit (tiers.region_limit, the label the
 * catalogue prints) is either a region list (tiers.limit_regions: the
 * counties, or the cities whose counties, where the row may be
 * subsidised) or, with no list, a condition that the county confirms on
 * the application or the claim (confirm_limit=1). Applications, sales
 * and claims outside the limit are refused with the limit's label.
 */
#include <stdlib.h>
#include <string.h>

#include "actions.h"

/* Whether county lies in one of the comma separated regions of list. */
static int
limit_within(const char *county, const char *list, int *in)
{
	char	*copy = xstrdup(list), *code, *save = NULL;
	int64_t	 one;
	int	 rc = 0;

	*in = 0;
	for (code = strtok_r(copy, ",", &save); code != NULL && !*in &&
	    rc == 0; code = strtok_r(NULL, ",", &save)) {
		rc = sql_int(&one, SQL_REGION_WITHIN, county, code);
		if (rc == 1) {
			*in = 1;
			rc = 0;
		}
	}
	free(copy);
	return rc < 0 ? -1 : 0;
}

/*
 * Check the limit of tier for a record of county. how: LIMIT_REGION
 * checks the region list only (a dealer's sale: the county confirms a
 * condition at the claim); LIMIT_CONFIRM also wants a condition
 * confirmed in the field confirm_limit, by a county clerk. *confirmed
 * tells whether a condition was confirmed (for the line's record).
 */
int
limit_check(struct act *a, const char *field, int64_t tier,
    const char *county, int how, int *confirmed)
{
	sqlite3_stmt		*st = sql_query(SQL_TIER_LIMIT, tier);
	struct region_row	 r;
	char			 label[256] = "", list[512] = "";
	int			 rc = sql_step(st), in;

	if (rc == 1) {
		sql_col_copy(st, 0, label, sizeof label);
		sql_col_copy(st, 1, list, sizeof list);
	}
	sqlite3_reset(st);
	if (confirmed != NULL)
		*confirmed = 0;
	if (rc < 0)
		return act_fail(a, "查询补贴分档");
	if (label[0] == '\0')
		return NJ_OK;
	if (list[0] != '\0') {
		/* R-004-M-3.1b 004 三(一): 手扶拖拉机、稻麦脱粒机、小型铡草机
		 * 仅限南部山区补贴: only in the row's regions */
		if (limit_within(county, list, &in) < 0)
			return act_fail(a, "查询行政区划");
		if (in)
			return NJ_OK;
		if (find_region(a, field, county, NULL, &r) != NJ_OK)
			return NJ_REFUSED;
		return act_refuse(a, field, "该机具%s补贴，%s不在限定区域内（%s）",
		    label, r.name, list);
	}
	if (how != LIMIT_CONFIRM)
		return NJ_OK;
	/* R-004-A3-0 004 附件3 (仅限卷管式, 限设施温棚滴灌): a condition the
	 * county confirms on the application */
	if (!act_has(a, "confirm_limit") ||
	    strcmp(act_str(a, "confirm_limit"), "1") != 0)
		return act_refuse(a, "confirm_limit", "该机具%s补贴：请县级农机部门"
		    "核实后确认符合限制条件（confirm_limit=1）", label);
	if (a->who->role != ROLE_COUNTY)
		return act_refuse(a, "confirm_limit", "该机具%s补贴，限制条件须由"
		    "县级农机部门确认", label);
	if (confirmed != NULL)
		*confirmed = 1;
	return NJ_OK;
}

/* The limit's label of tier into buf ("" for none), for the screens. */
void
limit_label(int64_t tier, char *buf, size_t len)
{
	buf[0] = '\0';
	if (sql_text(buf, len, SQL_TIER_LIMIT, tier) < 0)
		buf[0] = '\0';
}
