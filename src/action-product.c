/*
 * action-product.c: product.add, a maker files a product under a tier of
 * the year's catalogue (投档, 003 附件4): the subsidy it files may not be
 * above the tier's amount (就低不就高); blacklisted makers and makers
 * within a suspension cannot file (maker_may_file, action-filing-check.c),
 * nor can a model that is suspended (or in any state but filed) file again.
 */
#include <string.h>

#include "actions.h"

static const struct field product_fields[] = {
	{ "item", FT_REF, FF_REQ, "品目", "item", 20 },
	{ "tier", FT_REF, FF_REQ, "分档", "tier", 20 },
	{ "model", FT_TEXT, FF_REQ, "机具型号", NULL, 40 },
	{ "name", FT_TEXT, FF_REQ, "产品名称", NULL, 60 },
	{ "subsidy", FT_MONEY, 0, "申报补贴额（元）", NULL, 0 },
	{ "cert_no", FT_TEXT, 0, "证书编号", NULL, 40 },
	{ "cert_until", FT_DATE, 0, "证书有效期至", NULL, 0 },
	{ "params", FT_TEXT, 0, "主要参数", NULL, 200 },
	{ "year", FT_YEAR, 0, "年度", NULL, 0 },
	{ "powered", FT_CHOICE, 0, "动力机械（需发动机号）", "0:否,1:是", 0 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

static int
product_add(struct act *a)
{
	struct tier_row	 t;
	char		 status[16];
	int64_t		 amount, subsidy;
	char		 at[32], s1[32], s2[32];
	int		 rc, powered;

	/* R-003-A4-13.1 003 附件4 第十三条(一): no blacklisted maker files */
	if ((rc = maker_may_file(a, NULL, a->who->org)) != NJ_OK)
		return rc;
	if ((rc = find_tier(a, "tier", year_of(a, "year"), act_str(a, "item"),
	    act_str(a, "tier"), &t)) != NJ_OK)
		return rc;
	rc = sql_text(status, sizeof status, SQL_PRODUCT_STATUS_BY_MODEL,
	    act_str(a, "model"));
	if (rc < 0)
		return act_fail(a, "查询产品");
	/* R-003-A4-13.2 003 附件4 第十三条(二): a suspended (or cancelled)
	 * model does not file again */
	if (rc == 1 && strcmp(status, "filed") != 0 &&
	    strcmp(status, "published") != 0 && strcmp(status, "failed") != 0)
		return act_refuse(a, "model", "型号 %s %s，不得投档",
		    act_str(a, "model"), state_long("product", status));
	if (rc == 1)
		return act_refuse(a, "model", "型号 %s 已投档（%s）",
		    act_str(a, "model"), state_long("product", status));
	amount = t.central + t.provincial + t.city + t.county;
	subsidy = act_has(a, "subsidy") ? act_num(a, "subsidy") : amount;
	/* R-003-A4-7a 003 附件4 第七条: 投档补贴额就低不就高 */
	if (subsidy > amount) {
		money_format(subsidy, s1, sizeof s1);
		money_format(amount, s2, sizeof s2);
		return act_refuse(a, "subsidy", "申报补贴额 %s 元高于该档补贴额 "
		    "%s 元（就低不就高）", s1, s2);
	}
	if (subsidy <= 0)
		return act_refuse(a, "subsidy", "申报补贴额应大于 0");
	if (act_has(a, "cert_until") && act_num(a, "cert_until") < a->today)
		return act_refuse(a, "cert_until", "证书已过有效期%s",
		    act_today(a));
	/* R-004-M-8.2.6a licensed machines (tractors, harvesters) are powered: 004 八(二)六 */
	powered = t.licensed || (act_has(a, "powered") &&
	    strcmp(act_str(a, "powered"), "1") == 0);
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_PRODUCT_INSERT, a->who->org, t.id,
	    act_str(a, "model"), act_str(a, "name"), act_str(a, "params") ?
	    act_str(a, "params") : "", subsidy, act_str(a, "cert_no"),
	    act_str(a, "cert_until"), powered, at) != 0)
		return act_fail(a, "保存产品");
	act_key(a, "%s", act_str(a, "model"));
	return NJ_OK;
}

const struct action action_product_add = {
	"product.add", "产品投档", R(ROLE_MAKER), product_fields,
	product_add, 0, NULL, "已投档"
};
