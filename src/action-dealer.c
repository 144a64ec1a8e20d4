/*
 * action-dealer.c: the dealer's side of the trade (000 一(二)1-2, 二(一)4):
 * dealer.register (a dealer signs itself up, required fields marked *, and
 * waits), dealer.pick (a maker picks it, which makes it active),
 * dealer.unpick, and dealer.authorize (销售机具设置: which of the maker's
 * products the dealer may sell, and in which counties).
 */
#include <stdlib.h>
#include <string.h>

#include "actions.h"

static const struct field register_fields[] = {
	{ "name", FT_TEXT, FF_REQ, "经销商名称", NULL, 60 },
	{ "uscc", FT_USCC, FF_REQ, "统一社会信用代码", NULL, 18 },
	{ "legal_rep", FT_TEXT, FF_REQ, "法定代表人", NULL, 20 },
	{ "address", FT_TEXT, FF_REQ, "经营地址", NULL, 80 },
	{ "phone", FT_PHONE, FF_REQ | FF_PRIVATE, "联系电话", NULL, 20 },
	{ "login", FT_LOGIN, FF_REQ, "登录名", NULL, 32 },
	{ "password", FT_PASSWORD, FF_REQ | FF_SECRET, "密码", NULL, 128 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

static const struct org_kind dealer_kind = {
	"经销商", ROLE_DEALER, SQL_DEALER_ID_BY_USCC, SQL_DEALER_INSERT,
	"dealers.phone", "已注册"
};

/* 000 二(一)4: a dealer signs itself up; the legal representative logs in. */
static int
dealer_register(struct act *a)
{
	return org_open(a, &dealer_kind, act_str(a, "legal_rep"), 0);
}

const struct action action_dealer_register = {
	"dealer.register", "经销商注册", R_ANY, register_fields,
	dealer_register, 0, NULL
};

static const struct field pick_fields[] = {
	{ "dealer", FT_REF, FF_REQ, "经销商（信用代码）", "dealer", 18 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

static int
dealer_pick(struct act *a)
{
	struct org_row	maker, dealer;
	char		at[32];
	int		rc;

	if ((rc = own_maker(a, &maker)) != NJ_OK)
		return rc;
	if ((rc = active_dealer(a, "dealer", &dealer)) != NJ_OK)
		return rc;
	if ((rc = dealer_picked(maker.id, dealer.id)) < 0)
		return act_fail(a, "查询经销商");
	if (rc == 1)
		return act_refuse(a, "dealer", "已选择过经销商 %s", dealer.name);
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_MAKER_DEALER_INSERT, "iit", maker.id, dealer.id,
	    at) != 0 || sql_exec(SQL_DEALER_ACTIVATE, "i", dealer.id) != 0)
		return act_fail(a, "保存经销商选择");
	act_key(a, "%s", dealer.uscc);
	return NJ_OK;
}

const struct action action_dealer_pick = {
	"dealer.pick", "选择经销商", R(ROLE_MAKER), pick_fields,
	dealer_pick, 0, NULL
};

/*
 * A maker drops a dealer it picked (000 一(二)1: 取消合作). Its sales
 * settings go with it; machines already supplied stay with the dealer
 * until it sends them back. A dealer nobody picks any more is pending.
 */
static int
dealer_unpick(struct act *a)
{
	struct org_row	maker, dealer;
	int		rc;

	if ((rc = own_maker(a, &maker)) != NJ_OK)
		return rc;
	if ((rc = find_dealer_uscc(a, "dealer", act_str(a, "dealer"),
	    &dealer)) != NJ_OK)
		return rc;
	if ((rc = picked_by_me(a, "dealer", &dealer)) != NJ_OK)
		return rc;
	if (sql_exec(SQL_MAKER_DEALER_DELETE, "ii", maker.id, dealer.id) != 0 ||
	    sql_exec(SQL_DEALER_PRODUCTS_DROP, "ii", dealer.id, maker.id) != 0 ||
	    sql_exec(SQL_DEALER_MAYBE_PENDING, "i", dealer.id) != 0)
		return act_fail(a, "取消经销商");
	act_key(a, "%s", dealer.uscc);
	return NJ_OK;
}

const struct action action_dealer_unpick = {
	"dealer.unpick", "取消经销商", R(ROLE_MAKER), pick_fields,
	dealer_unpick, 0, NULL
};

static const struct field authorize_fields[] = {
	{ "dealer", FT_REF, FF_REQ, "经销商（信用代码）", "dealer", 18 },
	{ "model", FT_REF, FF_REQ, "机具型号", "model", 40 },
	{ "counties", FT_LIST, FF_REQ, "销售区域（县代码）", "county", 200 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

static int
dealer_authorize(struct act *a)
{
	struct org_row		 maker, dealer;
	struct product_row	 p;
	struct region_row	 r;
	char			*list, *code, *save = NULL, at[32];
	int			 rc;

	if ((rc = own_maker(a, &maker)) != NJ_OK)
		return rc;
	if ((rc = active_dealer(a, "dealer", &dealer)) != NJ_OK)
		return rc;
	if ((rc = picked_by_me(a, "dealer", &dealer)) != NJ_OK)
		return rc;
	if ((rc = my_product(a, "model", &p)) != NJ_OK)
		return rc;
	clock_stamp(a->now, at, sizeof at);
	list = xstrdup(act_str(a, "counties"));
	for (code = strtok_r(list, ",", &save); code != NULL;
	    code = strtok_r(NULL, ",", &save)) {
		if ((rc = find_region(a, "counties", code, "county", &r)) !=
		    NJ_OK)
			break;
		if (sql_exec(SQL_DEALER_PRODUCT_INSERT, "iitt", dealer.id, p.id,
		    code, at) != 0) {
			rc = act_fail(a, "保存销售机具设置");
			break;
		}
	}
	free(list);
	if (rc != NJ_OK)
		return rc;
	act_key(a, "%s/%s", dealer.uscc, p.model);
	return NJ_OK;
}

const struct action action_dealer_authorize = {
	"dealer.authorize", "销售机具设置", R(ROLE_MAKER), authorize_fields,
	dealer_authorize, 0, NULL
};
