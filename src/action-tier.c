/*
 * action-tier.c: tier.amount, the admin changes a tier's amount from a
 * date on (分段结算, 003 附件1 二: 对补贴额变更的产品分段结算补贴资金).
 * The catalogue's row stays the amount from the start of the year; each
 * change is a segment in tier_amounts, and a sale gets the amount in
 * force on its sale date (tier_at, action-subsidy.c). A change is never
 * retroactive: it starts today or later, and never reprices a sale
 * already recorded on or after its first day.
 */
#include <string.h>

#include "actions.h"

static const struct field tier_amount_fields[] = {
	{ "year", FT_YEAR, FF_REQ, "年度", NULL, 0 },
	{ "item", FT_REF, FF_REQ, "品目", "items", 20 },
	{ "tier", FT_REF, FF_REQ, "分档", "tiers", 20 },
	{ "from", FT_DATE, FF_REQ, "生效日期", NULL, 0 },
	/* R-SEC-8.11c issue 8 (11): an amount of one machine */
	{ "subsidy", FT_MONEY, FF_REQ, "中央补贴额（元）", "0.01-10000000", 0 },
	{ "subsidy_provincial", FT_MONEY, 0, "省级补贴额（元）", "0-10000000",
	    0 },
	{ "note", FT_TEXT, 0, "调整依据", NULL, 100 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/* Refuse a first day outside the year, in the past, or taken. */
static int
tier_amount_when(struct act *a, const struct tier_row *t, const char *from)
{
	int64_t	n;
	int	y, m, d, rc;

	date_to_ymd((int)act_num(a, "from"), &y, &m, &d);
	if (y != t->year)
		return act_refuse(a, "from", "生效日期 %s 不在 %d 年度内", from,
		    t->year);
	/* R-003-A1-2a 003 附件1 二: 公布实施, never back in time */
	if (act_num(a, "from") < a->today)
		return act_refuse(a, "from", "补贴额调整不能追溯：生效日期 %s 早于"
		    "今天%s", from, act_today(a));
	if ((rc = sql_int(&n, SQL_TIER_SOLD_SINCE, t->id, from)) < 0)
		return act_fail(a, "查询销售");
	if (n > 0)
		return act_refuse(a, "from", "已有 %lld 台该分档机具登记在 %s 以后"
		    "购机，其补贴额不能改变", (long long)n, from);
	if ((rc = sql_int(&n, SQL_TIER_AMOUNT_EXISTS, t->id, from)) < 0)
		return act_fail(a, "查询分段补贴额");
	if (rc == 1)
		return act_refuse(a, "from", "分档 %s 已有自 %s 起的补贴额", t->code,
		    from);
	return NJ_OK;
}

/*
 * R-003-A1-2a 003 附件1 二: a new amount of the tier from a date; the
 * provincial part stays what is in force then unless given.
 */
static int
tier_amount(struct act *a)
{
	struct tier_row	 t;
	char		 from[16], at[32], was[32], now[32];
	int64_t		 before;
	int		 rc;

	if ((rc = find_tier(a, "tier", (int)act_num(a, "year"),
	    act_str(a, "item"), act_str(a, "tier"), &t)) != NJ_OK)
		return rc;
	date_format((int)act_num(a, "from"), from, sizeof from);
	if ((rc = tier_amount_when(a, &t, from)) != NJ_OK ||
	    (rc = tier_at(a, &t, (int)act_num(a, "from"))) != NJ_OK)
		return rc;
	before = t.central + t.provincial + t.city + t.county;
	t.central = act_num(a, "subsidy");
	if (act_has(a, "subsidy_provincial"))
		t.provincial = act_num(a, "subsidy_provincial");
	/* R-004-M-3.3.2 004 三(三)2: never above the row's single-machine cap */
	if (t.cap > 0 && t.central + t.provincial + t.city + t.county > t.cap) {
		money_format(t.cap, now, sizeof now);
		return act_refuse(a, "subsidy", "补贴额超过该分档的单机补贴限额 %s "
		    "元", now);
	}
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_TIER_AMOUNT_INSERT, t.id, from, t.central,
	    t.provincial, t.city, t.county, act_has(a, "note") ? act_str(a,
	    "note") : "", a->who->id, at) != 0)
		return act_fail(a, "保存分段补贴额");
	money_format(before, was, sizeof was);
	money_format(t.central + t.provincial + t.city + t.county, now,
	    sizeof now);
	act_out(a, "品目 %s 分档 %s：自 %s 起补贴额 %s 元（此前 %s 元）",
	    t.item, t.code, from, now, was);
	act_key(a, "%s/%s@%s", t.item, t.code, from);
	return NJ_OK;
}

const struct action action_tier_amount = {
	"tier.amount", "调整分档补贴额（分段结算）", R(ROLE_ADMIN),
	tier_amount_fields, tier_amount, 0, NULL, "已调整补贴额"
};
