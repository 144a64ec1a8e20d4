/*
 * action-freeze-check.c: the freeze of a complaint (先行封闭, issue 13
 * item 3; 003 附件2 第十三条(二)) as supply.new, supply.bulk and sale.new
 * ask it: while a complaint under investigation holds a freeze on the
 * dealer, the product or the product's maker, no new supply and no new
 * sale; the refusal names the complaint. The freeze is set by
 * complaint.investigate (freeze=1) and lifted when the complaint is
 * decided (action-complaint.c).
 */
#include "actions.h"

/*
 * R-003-A2-13.2 003 附件2 第十三条(二) 对涉及的产品或企业先行采取封闭:
 * refuse field when dealer or product (or its maker) is frozen.
 */
int
freeze_check(struct act *a, const char *field, int64_t dealer,
    int64_t product)
{
	sqlite3_stmt	*st = sql_query(SQL_COMPLAINT_FROZEN, dealer, product);
	char		 no[16], what[64], name[NJ_NAME_MAX];
	int		 rc = sql_step(st);

	if (rc == 1) {
		sql_col_copy(st, 0, no, sizeof no);
		sql_col_copy(st, 1, what, sizeof what);
		sql_col_copy(st, 2, name, sizeof name);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询先行封闭");
	if (rc == 0)
		return NJ_OK;
	return act_refuse(a, field, "因投诉 %s 调查，%s%s已被先行封闭，"
	    "处理决定作出前不能供货或销售", no, what, name);
}
