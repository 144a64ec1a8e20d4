/*
 * action-filing-check.c: who may trade a filed product and who may file
 * (投档, 003 附件4; issue 13 item 1). product_usable is the one check that
 * supply.new/bulk, sale.new and dealer.authorize call: only a published
 * product with a certificate valid on the day. maker_may_file is what
 * product.add and product.review ask of the maker: not blacklisted, not
 * within a suspension (one whose status_until is past has ended).
 */
#include <string.h>

#include "actions.h"

/* Has a certificate valid to until ("" none: not expired) expired today? */
int
cert_expired(const struct act *a, const char *until)
{
	int day;

	return until[0] != '\0' && date_parse(until, &day) == 0 &&
	    day < a->today;
}

/*
 * R-003-A4-12a 003 附件4 第十二条: only products published after review and
 * publicity are traded with a subsidy, and only while the certificate
 * (鉴定证书, 第八条(二)) is valid on the day. Refuses in field, naming the
 * model and why.
 */
int
product_usable(struct act *a, int64_t product, const char *field)
{
	sqlite3_stmt	*st = sql_query(SQL_FILING_USABLE, product);
	char		 model[64] = "", status[16] = "", until[16] = "";
	char		 what[96];
	int		 rc = sql_step(st);

	if (rc == 1) {
		sql_col_copy(st, 0, model, sizeof model);
		sql_col_copy(st, 1, status, sizeof status);
		sql_col_copy(st, 2, until, sizeof until);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询产品");
	if (rc == 0)
		return act_refuse(a, field, "未知的产品");
	/* a suspended product was published (state.c): whether its
	 * suspension still holds is the party check's (issue 13 item 2) */
	if (strcmp(status, "suspended") == 0) {
		xsnprintf(what, sizeof what, "型号 %s", model);
		if ((rc = party_check(a, field, "product", model, what,
		    status)) != NJ_OK)
			return rc;
	} else if (strcmp(status, "published") != 0)
		return act_refuse(a, field, "型号 %s 未公布（%s），不能供货、销售或"
		    "授权销售", model, state_long("product", status));
	if (cert_expired(a, until))
		return act_refuse(a, field, "型号 %s 的证书已过期 %s%s", model,
		    until, act_today(a));
	return NJ_OK;
}

/*
 * R-003-A4-13.1a 003 附件4 第十三条(一): a blacklisted maker, or one within
 * its suspension (or one that let the six months after it pass), does not
 * file and its products do not pass review: the one party check of
 * issue 13 (action-party-check.c) decides.
 */
int
maker_may_file(struct act *a, const char *field, int64_t maker)
{
	sqlite3_stmt	*st = sql_query(SQL_FILING_MAKER, maker);
	char		 name[NJ_NAME_MAX] = "", status[16] = "";
	char		 uscc[32] = "";
	int		 rc = sql_step(st);

	if (rc == 1) {
		sql_col_copy(st, 0, name, sizeof name);
		sql_col_copy(st, 1, status, sizeof status);
		sql_col_copy(st, 2, uscc, sizeof uscc);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询生产企业");
	if (rc == 0)
		return act_refuse(a, field, "当前用户不属于任何生产企业");
	return party_check(a, field, "maker", uscc, name, status);
}
