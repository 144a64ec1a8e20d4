/*
 * state.c: the one state table per record kind. Each kind that has a
 * state (or status) column in db/schema.sql has its codes here, each with
 * a short label that fits the list column it is shown in at 80x24 and a
 * long one for printed sheets, and the transitions it allows. Lists and
 * printers take labels from here (SQL through njbt_state, db.c); actions
 * ask state_may before they write, and the store's TEMP triggers refuse
 * any UPDATE of a state to a pair not listed here (njbt_state_ok, db.c).
 * Rows, not ladders: adding a state is adding a row.
 */
#include <stddef.h>
#include <string.h>

#include "state.h"

/* 生产企业 */
static const struct state_code maker_codes[] = {
	{ "active",	"正常",		"正常" },
	{ "suspended",	"暂停",		"暂停补贴资格" },
	{ "blacklisted", "黑名单",	"列入黑名单" },
	{ NULL, NULL, NULL }
};
static const struct state_move maker_moves[] = {
	{ "active", "suspended" },	{ "suspended", "active" },
	{ "active", "blacklisted" },	{ "suspended", "blacklisted" },
	{ NULL, NULL }
};

/* 经销商: pending until a maker picks it, and back when none is left */
static const struct state_code dealer_codes[] = {
	{ "pending",	"待选择",	"待生产企业选择" },
	{ "active",	"正常",		"正常" },
	{ "suspended",	"暂停",		"暂停补贴资格" },
	{ "blacklisted", "黑名单",	"列入黑名单" },
	{ NULL, NULL, NULL }
};
static const struct state_move dealer_moves[] = {
	{ "pending", "active" },	{ "active", "pending" },
	{ "active", "suspended" },	{ "suspended", "active" },
	{ "active", "blacklisted" },	{ "suspended", "blacklisted" },
	{ "pending", "blacklisted" },
	{ NULL, NULL }
};

/* 投档产品 */
static const struct state_code product_codes[] = {
	{ "filed",	"已投档",	"已投档，待审核" },
	{ "published",	"已公布",	"已公布" },
	{ "failed",	"未通过",	"审核未通过" },
	{ "suspended",	"暂停",		"暂停补贴" },
	{ NULL, NULL, NULL }
};
static const struct state_move product_moves[] = {
	{ "filed", "published" },	{ "filed", "failed" },
	{ "published", "suspended" },	{ "suspended", "published" },
	{ NULL, NULL }
};

/* 机具: supplied to a dealer, sold, verified, paid; or back */
static const struct state_code machine_codes[] = {
	{ "supplied",	"在库",		"已供货，在库" },
	{ "returned",	"已退回",	"已退回生产企业" },
	{ "sold",	"已售",		"已售出" },
	{ "verified",	"已核验",	"已核验" },
	{ "paid",	"已兑付",	"补贴已兑付" },
	{ "refunded",	"已退款",	"已退货退款" },
	{ NULL, NULL, NULL }
};
static const struct state_move machine_moves[] = {
	{ "supplied", "sold" },		{ "supplied", "returned" },
	{ "returned", "supplied" },	/* supplied again */
	{ "sold", "verified" },		{ "verified", "paid" },
	{ "verified", "sold" },		/* taken out of its batch */
	{ "sold", "supplied" },		{ "verified", "supplied" },
	{ "paid", "supplied" },		/* the sale returned */
	{ NULL, NULL }
};

/* 补贴申请 */
static const struct state_code application_codes[] = {
	{ "draft",	"未上报",	"未上报" },
	{ "submitted",	"已上报待审核",	"已上报待审核" },
	{ "approved",	"已批准",	"已批准" },
	{ "rejected",	"已退回",	"已退回" },
	{ "withdrawn",	"已撤销",	"已撤销" },
	{ "used",	"已购机",	"已购机" },
	{ "cancelled",	"已作废",	"已作废" },
	{ NULL, NULL, NULL }
};
static const struct state_move application_moves[] = {
	{ "draft", "submitted" },	{ "submitted", "approved" },
	{ "submitted", "rejected" },	{ "draft", "withdrawn" },
	{ "submitted", "withdrawn" },	{ "approved", "withdrawn" },
	{ "approved", "used" },		{ "approved", "cancelled" },
	{ "used", "cancelled" },	/* its sale returned */
	{ NULL, NULL }
};

/* 指标确认通知书 */
static const struct state_code notice_codes[] = {
	{ "valid",	"有效",		"有效" },
	{ "used",	"已使用",	"已使用" },
	{ "returned",	"已交回",	"已交回" },
	{ "cancelled",	"已作废",	"已作废" },
	{ NULL, NULL, NULL }
};
static const struct state_move notice_moves[] = {
	{ "valid", "used" },		{ "valid", "returned" },
	{ "valid", "cancelled" },	{ "used", "cancelled" },
	{ NULL, NULL }
};

/* 销售 */
static const struct state_code sale_codes[] = {
	{ "recorded",	"待核验",	"已录入，待核验" },
	{ "claimed",	"待核验",	"已申领，待核验" },
	{ "verified",	"已核验",	"已核验" },
	{ "failed",	"待补正",	"核验未通过，待补正" },
	{ "batched",	"结算中",	"已列入结算批次" },
	{ "paid",	"已兑付",	"补贴已兑付" },
	{ "cancelled",	"已退货",	"已退货，作废" },
	{ "refunded",	"已退款",	"已退货，补贴已退回" },
	{ NULL, NULL, NULL }
};
static const struct state_move sale_moves[] = {
	{ "recorded", "claimed" },	{ "recorded", "verified" },
	{ "claimed", "verified" },	{ "failed", "verified" },
	{ "recorded", "failed" },	{ "claimed", "failed" },
	{ "failed", "recorded" },	{ "failed", "claimed" },
	{ "verified", "batched" },	{ "batched", "failed" },
	{ "verified", "failed" },	/* its buyer's account changed (R-SEC-8.1) */
	{ "batched", "paid" },
	{ "recorded", "cancelled" },	{ "claimed", "cancelled" },
	{ "verified", "cancelled" },	{ "failed", "cancelled" },
	{ "batched", "cancelled" },	{ "paid", "refunded" },
	{ NULL, NULL }
};

/* 结算批次 (004 附件4 四) */
static const struct state_code batch_codes[] = {
	{ "open",	"已汇总",	"已汇总，待公示" },
	{ "publicized",	"公示中",	"公示中" },
	{ "submitted",	"已报财政",	"已报财政" },
	{ "approved",	"财政已审核",	"财政已审核" },
	{ "paid",	"已支付",	"已支付" },
	{ NULL, NULL, NULL }
};
static const struct state_move batch_moves[] = {
	{ "open", "publicized" },	{ "publicized", "submitted" },
	{ "submitted", "approved" },	{ "approved", "paid" },
	{ NULL, NULL }
};

/* 退货 */
static const struct state_code return_codes[] = {
	{ "awaiting_refund", "待退款",	"待退回补贴" },
	{ "done",	"已办结",	"已办结" },
	{ NULL, NULL, NULL }
};
static const struct state_move return_moves[] = {
	{ "awaiting_refund", "done" },
	{ NULL, NULL }
};

/* 投诉举报 (issue 13 item 3; 003 附件2 第十三条): registered (受理登记),
 * investigated (调查核实, again as findings come), interviewed (约谈告知),
 * decided (处理通报); an anonymous one without a concrete lead declined
 * (不予登记, kept all the same) */
static const struct state_code complaint_codes[] = {
	{ "registered",	"已登记",	"已受理登记" },
	{ "investigating", "调查中",	"调查核实中" },
	{ "interviewed", "已约谈",	"已约谈告知" },
	{ "decided",	"已处理",	"已作出处理决定" },
	{ "declined",	"不予登记",	"不予登记" },
	{ NULL, NULL, NULL }
};
static const struct state_move complaint_moves[] = {
	{ "registered", "investigating" },	{ "registered", "declined" },
	{ "investigating", "interviewed" },	{ "investigating", "decided" },
	{ "interviewed", "decided" },
	{ NULL, NULL }
};

/* 违规行为 (issue 13 item 2, action-violation.c): recorded, decided (a
 * measure applied), restored (a suspension lifted, 003 附件2 第十一条) */
static const struct state_code violation_codes[] = {
	{ "open",	"待处理",	"待处理" },
	{ "decided",	"已处理",	"已作出处理决定" },
	{ "restored",	"已恢复",	"已恢复资格" },
	{ NULL, NULL, NULL }
};
static const struct state_move violation_moves[] = {
	{ "open", "decided" },		{ "decided", "restored" },
	{ NULL, NULL }
};

/* issue 13 item 1: 投档审核结果 (an upheld objection swaps them) */
static const struct state_code filing_review_codes[] = {
	{ "pass",	"通过",		"审核通过" },
	{ "fail",	"不通过",	"审核不通过" },
	{ NULL, NULL, NULL }
};
static const struct state_move filing_review_moves[] = {
	{ "pass", "fail" },		{ "fail", "pass" },
	{ NULL, NULL }
};

/* issue 13 item 1: 投档审核结果公示 */
static const struct state_code filing_publicity_codes[] = {
	{ "publicized",	"公示中",	"公示中" },
	{ "published",	"已公布",	"已公布" },
	{ NULL, NULL, NULL }
};
static const struct state_move filing_publicity_moves[] = {
	{ "publicized", "published" },
	{ NULL, NULL }
};

/* issue 13 item 1: 投档异议 */
static const struct state_code filing_objection_codes[] = {
	{ "open",	"待复核",	"已提出，待复核" },
	{ "upheld",	"成立",		"异议成立，已更正" },
	{ "dismissed",	"不成立",	"异议不成立" },
	{ NULL, NULL, NULL }
};
static const struct state_move filing_objection_moves[] = {
	{ "open", "upheld" },		{ "open", "dismissed" },
	{ NULL, NULL }
};

const struct state_kind state_kinds[] = {
	{ "maker", "makers", "status", maker_codes, maker_moves },
	{ "dealer", "dealers", "status", dealer_codes, dealer_moves },
	{ "product", "products", "status", product_codes, product_moves },
	{ "machine", "machines", "state", machine_codes, machine_moves },
	{ "application", "applications", "state", application_codes,
	    application_moves },
	{ "notice", "notices", "state", notice_codes, notice_moves },
	{ "sale", "sales", "state", sale_codes, sale_moves },
	{ "batch", "batches", "state", batch_codes, batch_moves },
	{ "return", "returns", "state", return_codes, return_moves },
	{ "complaint", "complaints", "state", complaint_codes,
	    complaint_moves },
	/* issue 13 item 2: violations */
	{ "violation", "violations", "state", violation_codes,
	    violation_moves },
	/* issue 13 item 1: product filing */
	{ "filing_review", "filing_reviews", "result", filing_review_codes,
	    filing_review_moves },
	{ "filing_publicity", "filing_publicities", "state",
	    filing_publicity_codes, filing_publicity_moves },
	{ "filing_objection", "filing_objections", "state",
	    filing_objection_codes, filing_objection_moves },
	{ NULL, NULL, NULL, NULL, NULL }
};

const struct state_kind *
state_kind(const char *kind)
{
	const struct state_kind *k;

	if (kind == NULL)
		return NULL;
	for (k = state_kinds; k->kind != NULL; k++)
		if (strcmp(k->kind, kind) == 0)
			return k;
	return NULL;
}

/* The row of code among codes (NULL-terminated; label.c's too), or NULL. */
const struct state_code *
state_codes_find(const struct state_code *codes, const char *code)
{
	const struct state_code *c;

	if (codes == NULL || code == NULL)
		return NULL;
	for (c = codes; c->code != NULL; c++)
		if (strcmp(c->code, code) == 0)
			return c;
	return NULL;
}

/* Row c's short label, or its long one; a code no table has reads as itself. */
const char *
state_text(const struct state_code *c, const char *code, int long_label)
{
	if (c == NULL)
		return code;
	return long_label ? c->long_label : c->label;
}

const struct state_code *
state_code(const char *kind, const char *code)
{
	const struct state_kind *k = state_kind(kind);

	return k != NULL ? state_codes_find(k->codes, code) : NULL;
}

/* The short label of code; a code the table lacks reads as itself. */
const char *
state_label(const char *kind, const char *code)
{
	return state_text(state_code(kind, code), code, 0);
}

/* The long label of code, for printed sheets. */
const char *
state_long(const char *kind, const char *code)
{
	return state_text(state_code(kind, code), code, 1);
}

/*
 * Whether a record of kind may go from one state to another: the pair is
 * a row of the kind's moves. Staying put is not a move (the triggers let
 * an UPDATE that keeps the state pass without asking).
 */
int
state_may(const char *kind, const char *from, const char *to)
{
	const struct state_kind	*k = state_kind(kind);
	const struct state_move	*m;

	if (k == NULL || from == NULL || to == NULL)
		return 0;
	for (m = k->moves; m->from != NULL; m++)
		if (strcmp(m->from, from) == 0 && strcmp(m->to, to) == 0)
			return 1;
	return 0;
}
