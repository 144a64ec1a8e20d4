/*
 * action-dealer.c: the dealer's side of the trade (000 一(二)1-2, 二(一)4):
 * dealer.register (a dealer signs itself up, required fields marked *, and
 * waits), dealer.pick (a maker picks it, which makes it active),
 * dealer.unpick, and dealer.authorize (销售机具设置: which of the maker's
 * products the dealer may sell, and in which counties).
 *
 * Issue 8 item 8: a registration no maker has picked within
 * DEALER_REG_DAYS days expires (R-SEC-8.8g): it is removed, dealer row and
 * logins, so that its credit code and login are free again. Expiry is
 * swept by the actions that meet pending registrations (dealer.register,
 * dealer.pick, dealer.contest), each expiry an audit row of its own
 * (dealer.expire). And the admin can contest a credit code held by a
 * pending registration (dealer.contest, R-SEC-8.8h), which removes it the
 * same way, audited with the reason (and a dealer.cancel row naming what
 * was removed), so that the real company can
 * register. A registration is removed only while nothing refers to it:
 * the foreign keys refuse the removal of a dealer or login that has done
 * anything, and that removal is then left undone (a savepoint).
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
	/* issue 13 item 2: checked against the blacklist */
	{ "legal_rep_id", FT_IDNO, FF_PRIVATE, "法定代表人身份证号", NULL, 18 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

static const struct org_kind dealer_kind = {
	"经销商", ROLE_DEALER, SQL_DEALER_ID_BY_USCC, SQL_DEALER_INSERT,
	"dealers.phone", "已注册"
};

/* Days a pending registration waits for a maker before it expires. */
#define DEALER_REG_DAYS		30

/*
 * Remove the pending registration of dealer id (credit code uscc): its
 * logins with what hangs on them, then the dealer, inside a savepoint,
 * and write the audit row what (dealer.expire, or dealer.cancel beside
 * the row of dealer.contest) with detail and the logins removed. 1 removed, 0 left (something refers to it), -1 an error.
 */
static int
dealer_reg_drop(struct act *a, int64_t id, const char *uscc,
    const char *what, const char *detail)
{
	static const enum sql drops[] = {
		SQL_SRV_REG_DROP_KEYS, SQL_SRV_REG_DROP_FAILURES,
		SQL_SRV_REG_DROP_PAIR_LOCKS, SQL_SRV_REG_DROP_SESSIONS,
		SQL_SRV_REG_DROP_DRAFTS, SQL_SRV_REG_DROP_USERS,
		SQL_SRV_REG_DROP_DEALER
	};
	char	logins[256], text[512];
	size_t	i;

	if (sql_text(logins, sizeof logins, SQL_SRV_REG_LOGINS, id) < 0 ||
	    sql_exec(SQL_SRV_REG_SAVEPOINT) != 0)
		return -1;
	for (i = 0; i < sizeof drops / sizeof drops[0]; i++)
		if (sql_exec(drops[i], id) != 0) {
			/* referred to by something done: keep it */
			if (sql_exec(SQL_SRV_REG_ROLLBACK_TO) != 0 ||
			    sql_exec(SQL_SRV_REG_RELEASE) != 0)
				return -1;
			return 0;
		}
	if (sql_exec(SQL_SRV_REG_RELEASE) != 0)
		return -1;
	xsnprintf(text, sizeof text, "%s logins=%s", detail, logins);
	if (audit_write(a->who, what, uscc, text) != NJ_OK)
		return -1;
	return 1;
}

/*
 * R-SEC-8.8g issue 8 (8): remove the registrations no maker has picked
 * within DEALER_REG_DAYS days. NJ_OK, or a failure.
 */
static int
dealer_reg_expire(struct act *a)
{
	sqlite3_stmt	*st;
	int64_t		 ids[64];
	char		 usccs[64][NJ_KEY_MAX], made[64][32], before[32];
	char		 detail[96];
	size_t		 n = 0, i;
	int		 rc;

	clock_stamp(a->now - (time_t)DEALER_REG_DAYS * 86400, before,
	    sizeof before);
	st = sql_query(SQL_SRV_REG_EXPIRED, before);
	while ((rc = sql_step(st)) == 1 && n < 64) {
		ids[n] = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 1, usccs[n], sizeof usccs[n]);
		sql_col_copy(st, 2, made[n], sizeof made[n]);
		n++;
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询待选经销商");
	for (i = 0; i < n; i++) {
		xsnprintf(detail, sizeof detail, "registered=%s days=%d",
		    made[i], DEALER_REG_DAYS);
		if (dealer_reg_drop(a, ids[i], usccs[i], "dealer.expire",
		    detail) < 0)
			return act_fail(a, "清理过期的经销商注册");
	}
	return NJ_OK;
}

/* R-000-M-2.1.4 000 二(一)4: a dealer signs itself up; the legal representative logs in. */
static int
dealer_register(struct act *a)
{
	int rc;

	if ((rc = dealer_reg_expire(a)) != NJ_OK)
		return rc;
	/* R-003-A2-8.3b: not a blacklisted company or legal representative */
	if ((rc = party_rep_register(a, SQL_VIO_DEALER_REP, 0)) != NJ_OK ||
	    (rc = org_open(a, &dealer_kind, act_str(a, "legal_rep"), 0)) !=
	    NJ_OK)
		return rc;
	return party_rep_register(a, SQL_VIO_DEALER_REP, 1);
}

const struct action action_dealer_register = {
	"dealer.register", "经销商注册", R_ANY, register_fields,
	dealer_register, 0, NULL, "已注册"
};

static const struct field pick_fields[] = {
	{ "dealer", FT_REF, FF_REQ, "经销商（信用代码）", "dealer", 18 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/* R-000-M-1.2.1a 000 一(二)1: 自行指定经销商, a registered one. */
static int
dealer_pick(struct act *a)
{
	struct org_row	maker, dealer;
	char		at[32];
	int		rc;

	if ((rc = own_maker(a, &maker)) != NJ_OK)
		return rc;
	/* R-SEC-8.8g: an expired registration cannot be picked */
	if ((rc = dealer_reg_expire(a)) != NJ_OK)
		return rc;
	if ((rc = active_dealer(a, "dealer", &dealer)) != NJ_OK)
		return rc;
	if ((rc = dealer_picked(maker.id, dealer.id)) < 0)
		return act_fail(a, "查询经销商");
	if (rc == 1)
		return act_refuse(a, "dealer", "已选择过经销商 %s", dealer.name);
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_MAKER_DEALER_INSERT, maker.id, dealer.id,
	    at) != 0 || sql_exec(SQL_DEALER_ACTIVATE, dealer.id) != 0)
		return act_fail(a, "保存经销商选择");
	act_key(a, "%s", dealer.uscc);
	return NJ_OK;
}

const struct action action_dealer_pick = {
	"dealer.pick", "选择经销商", R(ROLE_MAKER), pick_fields,
	dealer_pick, 0, NULL, "已选定"
};

/*
 * R-000-M-1.2.1b A maker drops a dealer it picked (000 一(二)1: 取消合作). Its sales
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
	if (sql_exec(SQL_MAKER_DEALER_DELETE, maker.id, dealer.id) != 0 ||
	    sql_exec(SQL_DEALER_PRODUCTS_DROP, dealer.id, maker.id) != 0 ||
	    sql_exec(SQL_DEALER_MAYBE_PENDING, dealer.id) != 0)
		return act_fail(a, "取消经销商");
	act_key(a, "%s", dealer.uscc);
	return NJ_OK;
}

const struct action action_dealer_unpick = {
	"dealer.unpick", "取消经销商", R(ROLE_MAKER), pick_fields,
	dealer_unpick, 0, NULL, "已取消选定"
};

static const struct field authorize_fields[] = {
	{ "dealer", FT_REF, FF_REQ, "经销商（信用代码）", "dealer", 18 },
	{ "model", FT_REF, FF_REQ, "机具型号", "model", 40 },
	{ "counties", FT_LIST, FF_REQ, "销售区域（县代码）", "county", 200 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/* R-000-M-1.2.2a 000 一(二)2: 销售机具设置, its products, in counties. */
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
	if ((rc = product_usable(a, p.id, "model")) != NJ_OK)
		return rc;
	clock_stamp(a->now, at, sizeof at);
	list = xstrdup(act_str(a, "counties"));
	for (code = strtok_r(list, ",", &save); code != NULL;
	    code = strtok_r(NULL, ",", &save)) {
		if ((rc = find_region(a, "counties", code, "county", &r)) !=
		    NJ_OK)
			break;
		if (sql_exec(SQL_DEALER_PRODUCT_INSERT, dealer.id, p.id,
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
	dealer_authorize, 0, NULL, "已授权"
};

static const struct field contest_fields[] = {
	{ "uscc", FT_USCC, FF_REQ, "统一社会信用代码", NULL, 18 },
	{ "reason", FT_TEXT, FF_REQ, "理由", NULL, 200 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/*
 * R-SEC-8.8h issue 8 (8): the admin cancels the pending registration
 * that holds a credit code (someone registered another company's code),
 * so that the real company can register. Only a registration no maker
 * has picked; a dealer in business is suspended or banned instead.
 */
static int
dealer_contest(struct act *a)
{
	sqlite3_stmt	*st;
	int64_t		 id = 0;
	char		 name[NJ_NAME_MAX], made[32], detail[512];
	int		 rc;

	if ((rc = dealer_reg_expire(a)) != NJ_OK)
		return rc;
	st = sql_query(SQL_SRV_REG_GET, act_str(a, "uscc"));
	if ((rc = sql_step(st)) == 1) {
		id = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 1, name, sizeof name);
		sql_col_copy(st, 2, made, sizeof made);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询经销商注册");
	if (rc == 0)
		return act_refuse(a, "uscc", "没有统一社会信用代码为 %s 的待选经销商"
		    "注册（已被生产企业选择的经销商不能撤销注册）",
		    act_str(a, "uscc"));
	xsnprintf(detail, sizeof detail, "name=%s registered=%s reason=%s",
	    name, made, act_str(a, "reason"));
	if ((rc = dealer_reg_drop(a, id, act_str(a, "uscc"), "dealer.cancel",
	    detail)) < 0)
		return act_fail(a, "撤销经销商注册");
	if (rc == 0)
		return act_refuse(a, "uscc", "经销商注册 %s 已有业务记录，不能撤销",
		    act_str(a, "uscc"));
	act_key(a, "%s", act_str(a, "uscc"));
	return NJ_OK;
}

const struct action action_dealer_contest = {
	"dealer.contest", "撤销冒用信用代码的经销商注册", R(ROLE_ADMIN),
	contest_fields, dealer_contest, 0, NULL, "已撤销注册"
};
