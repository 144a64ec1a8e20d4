/*
 * action-return.c: returns (退货, 004 附件5). Before payment the county
 * agrees, the notice and the sale are cancelled and the machine goes back
 * to the dealer's stock (return.new). After payment the buyer must first
 * pay the whole subsidy back into the finance account: the county records
 * the request (return.new), finance records the refund (return.refund),
 * and only then is the sale cancelled and the machine returned. The
 * budget's committed and paid parts follow. Once the sale's batch is with
 * finance (submitted, approved) and not yet paid, finance first confirms
 * that nothing was paid (return.confirm, 004 附件5 一, second case), then
 * the county's return proceeds.
 */
#include <string.h>

#include "actions.h"

struct ret_sale {
	int64_t	 id;
	int	 year;
	char	 county[NJ_REGION_MAX];
	char	 state[16];
	int64_t	 app;
	int64_t	 central;
	int64_t	 others;	/* provincial, city, county parts */
	int64_t	 tier;
};

static int
ret_find(struct act *a, struct ret_sale *s)
{
	struct sale_row	 r;
	sqlite3_stmt	*st;
	int		 rc;

	memset(s, 0, sizeof *s);
	if (parse_int(act_str(a, "sale"), &s->id) != 0 || s->id <= 0)
		return act_refuse(a, "sale", "销售编号应为数字");
	st = sql_query(SQL_SALE_GET, s->id);
	if ((rc = sql_step(st)) == 1) {
		load_sale(st, &r);
		s->year = r.year;
		strlcpy0(s->county, r.county, sizeof s->county);
		s->app = r.app;
		s->tier = r.tier;
		s->central = r.central;
		s->others = r.provincial + r.city + r.county_part;
		strlcpy0(s->state, r.state, sizeof s->state);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询销售");
	if (rc == 0)
		return act_refuse(a, "sale", "未知的销售编号：%lld",
		    (long long)s->id);
	return need_scope(a, "sale", s->county);
}

/*
 * Cancel the sale: out of any batch, notice and application cancelled,
 * the machine back in the dealer's stock, the commitment released: the
 * sale's, and what the cancelled notice still held for units not bought.
 */
static int
ret_cancel(struct act *a, const struct ret_sale *s, const char *state)
{
	sqlite3_stmt	*st;
	int64_t		 central = s->central, others = s->others, left;
	int		 rc;

	/*
	 * A machine paid and refunded stays in its paid batch: the batch's
	 * sheets record what was paid; the refund is recorded beside it.
	 */
	if ((strcmp(state, "refunded") != 0 &&
	    sql_exec(SQL_BATCH_DROP_SALE, s->id) != 0) ||
	    sql_exec(SQL_REVIEW_DROP_SALE, s->id) != 0 ||
	    sql_exec(SQL_FCHECK_DROP_SALE, s->id) != 0 ||
	    sql_exec(SQL_SALE_SET_STATE, state, s->id) != 0 ||
	    sql_exec(SQL_SALE_MACHINE_BACK, s->id) != 0 ||
	    sql_exec(SQL_SALE_CANCEL_NOTICE, s->id) != 0 ||
	    sql_exec(SQL_SALE_CANCEL_APP, s->id) != 0)
		return act_fail(a, "退货");
	/* a buy-first sale not yet claimed committed nothing */
	if (s->app == 0)
		return NJ_OK;
	/* the application cancelled just now: its lines' units not bought */
	if (store_changes() == 1) {
		st = sql_query(SQL_APP_LINES, s->app);
		while ((rc = sql_step(st)) == 1) {
			left = sqlite3_column_int64(st, 2) -
			    sqlite3_column_int64(st, 3);
			central += left * sqlite3_column_int64(st, 4);
			others += left * (sqlite3_column_int64(st, 5) +
			    sqlite3_column_int64(st, 6) +
			    sqlite3_column_int64(st, 7));
		}
		sqlite3_reset(st);
		if (rc < 0)
			return act_fail(a, "查询申购机具");
	}
	return budget_commit(a, "sale", s->county, s->year, -central, -others,
	    0);
}

/* The batch holding the sale, if any: id, number, state. */
struct ret_batch {
	int64_t	 id;
	char	 no[32];
	char	 state[16];
};

static int
ret_batch_of(struct act *a, const struct ret_sale *s, struct ret_batch *b)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(b, 0, sizeof *b);
	st = sql_query(SQL_RETURN_BATCH_OF_SALE, s->id);
	rc = sql_step(st);
	if (rc == 1) {
		b->id = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 1, b->no, sizeof b->no);
		sql_col_copy(st, 2, b->state, sizeof b->state);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询结算批次");
	return NJ_OK;
}

/* Is the batch with finance (submitted or approved, not paid)? */
static int
with_finance(const struct ret_batch *b)
{
	return b->id != 0 && (strcmp(b->state, "submitted") == 0 ||
	    strcmp(b->state, "approved") == 0);
}

/*
 * R-004-A5-1a 004 附件5 一: 如已报送至县财政局，经县财政局核实补贴资金未发放
 * 的 ... 方可退货: an unpaid sale of a batch with finance is returned only
 * after finance's return.confirm.
 */
static int
finance_confirmed(struct act *a, const struct ret_sale *s)
{
	struct ret_batch	b;
	int64_t			n = 0;
	int			rc;

	if ((rc = ret_batch_of(a, s, &b)) != NJ_OK)
		return rc;
	if (!with_finance(&b))
		return NJ_OK;
	if (sql_int(&n, SQL_RETURN_CONFIRMED, s->id, b.id) < 0)
		return act_fail(a, "查询财政确认");
	if (n == 0)
		return act_refuse(a, "sale", "销售 %s 所在结算批次 %s 已报送财政："
		    "须由财政部门先确认补贴资金未发放（财政确认未支付），再办理退货"
		    "（004 附件5 一）", sale_ref(s->id), b.no);
	return NJ_OK;
}

static const struct field new_fields[] = {
	{ "sale", FT_REF, FF_REQ, "销售编号", "sales", 20 },
	{ "reason", FT_TEXT, FF_REQ, "退货原因", NULL, 200 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/* R-004-A5-1 004 附件5 一: before payment the county agrees and cancels. */
static int
return_new(struct act *a)
{
	struct ret_sale	 s;
	sqlite3_stmt	*st;
	char		 at[32], rstate[24] = "";
	int		 rc, paid;

	if ((rc = ret_find(a, &s)) != NJ_OK)
		return rc;
	if (strcmp(s.state, "cancelled") == 0 ||
	    strcmp(s.state, "refunded") == 0)
		return act_refuse(a, "sale", "销售 %s 已退货", sale_ref(s.id));
	st = sql_query(SQL_RETURN_GET, s.id);
	if ((rc = sql_step(st)) == 1)
		sql_col_copy(st, 1, rstate, sizeof rstate);
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询退货");
	if (rc == 1)
		return act_refuse(a, "sale", "销售 %s 已申请退货，等待财政部门登记"
		    "退款", sale_ref(s.id));
	paid = strcmp(s.state, "paid") == 0;
	if (!paid && (rc = finance_confirmed(a, &s)) != NJ_OK)
		return rc;
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_RETURN_INSERT, s.id, act_str(a, "reason"),
	    paid, paid ? "awaiting_refund" : "done", a->who->id, at) != 0)
		return act_fail(a, "保存退货");
	if (paid)
		act_out(a, "补贴已支付：须购机者将补贴款全额退回财政补贴专户，"
		    "由财政部门登记退款后方可退货");
	else if ((rc = ret_cancel(a, &s, "cancelled")) != NJ_OK)
		return rc;
	act_key(a, "%lld", (long long)s.id);
	/* issue 11 (5): who must act next, when someone must */
	done_sale(a, s.id, paid ? "；补贴已支付，请县财政部门登记退回的补贴款"
	    "（购机者全额退回后）" : "，销售已撤销，机具退回经销商库存");
	return NJ_OK;
}

const struct action action_return_new = {
	"return.new", "退货", R(ROLE_COUNTY), new_fields, return_new, 0, NULL,
	"已登记退货"
};

static const struct field refund_fields[] = {
	{ "sale", FT_REF, FF_REQ, "销售编号", "refunds", 20 },
	{ "amount", FT_MONEY, FF_REQ, "退回补贴款（元）", NULL, 0 },
	{ "paid_on", FT_DATE, FF_REQ, "退款到账日期", NULL, 0 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/* R-004-A5-2 004 附件5 二: the whole subsidy back first, then the return. */
static int
return_refund(struct act *a)
{
	struct ret_sale	 s;
	sqlite3_stmt	*st;
	int64_t		 rid = 0, amount = 0, pc = 0, pp = 0;
	char		 rstate[24] = "", at[32], s1[32], s2[32], asked[16] = "";
	int		 rc;

	if ((rc = ret_find(a, &s)) != NJ_OK)
		return rc;
	st = sql_query(SQL_RETURN_GET, s.id);
	if ((rc = sql_step(st)) == 1) {
		rid = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 1, rstate, sizeof rstate);
		sql_col_copy(st, 3, asked, sizeof asked);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询退货");
	if (rc == 0 || !state_may("return", rstate, "done"))
		return act_refuse(a, "sale", "销售 %s 没有待登记退款的退货申请",
		    sale_ref(s.id));
	st = sql_query(SQL_PAYMENT_OF_SALE, s.id);
	if ((rc = sql_step(st)) == 1) {
		amount = sqlite3_column_int64(st, 0);
		pc = sqlite3_column_int64(st, 1);
		pp = sqlite3_column_int64(st, 2);
	}
	sqlite3_reset(st);
	if (rc != 1)
		return act_fail(a, "查询支付");
	if (act_num(a, "amount") != amount) {
		money_format(act_num(a, "amount"), s1, sizeof s1);
		money_format(amount, s2, sizeof s2);
		return act_refuse(a, "amount", "退回 %s 元与已支付的补贴 %s 元不符："
		    "须全额退回", s1, s2);
	}
	if (act_num(a, "paid_on") > a->today)
		return act_refuse(a, "paid_on", "退款日期不能晚于今天%s",
		    act_today(a));
	if (strcmp(act_str(a, "paid_on"), asked) < 0)
		return act_refuse(a, "paid_on", "退款日期不能早于退货申请日期 %s",
		    asked);
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_RETURN_REFUND, amount, act_str(a, "paid_on"),
	    a->who->id, at, rid) != 0 ||
	    sql_exec(SQL_BUDGET_PAY, -pc, -pp, s.year, s.county) != 0)
		return act_fail(a, "登记退款");
	if ((rc = ret_cancel(a, &s, "refunded")) != NJ_OK)
		return rc;
	act_key(a, "%lld", (long long)s.id);
	return NJ_OK;
}

const struct action action_return_refund = {
	"return.refund", "登记退回的补贴款", R(ROLE_FINANCE), refund_fields,
	return_refund, 0, NULL, "已登记退款"
};

static const struct field confirm_fields[] = {
	{ "sale", FT_REF, FF_REQ, "销售编号", "sales", 20 },
	{ "note", FT_TEXT, 0, "核实情况", NULL, 200 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/*
 * R-004-A5-1a 004 附件5 一: finance confirms that nothing was paid on a
 * sale of a batch it holds, so that the county may take the return.
 */
static int
return_confirm(struct act *a)
{
	struct ret_sale		s;
	struct ret_batch	b;
	char			at[32];
	int64_t			n = 0;
	int			rc;

	if ((rc = ret_find(a, &s)) != NJ_OK ||
	    (rc = ret_batch_of(a, &s, &b)) != NJ_OK)
		return rc;
	if (strcmp(s.state, "paid") == 0 || strcmp(s.state, "refunded") == 0)
		return act_refuse(a, "sale", "销售 %s 的补贴已支付：须购机者全额"
		    "退回补贴款，由财政部门登记退款", sale_ref(s.id));
	if (strcmp(s.state, "cancelled") == 0)
		return act_refuse(a, "sale", "销售 %s 已退货", sale_ref(s.id));
	if (!with_finance(&b))
		return act_refuse(a, "sale", "销售 %s 不在已报送财政的结算批次中，"
		    "退货无需财政确认", sale_ref(s.id));
	if (sql_int(&n, SQL_RETURN_CONFIRMED, s.id, b.id) < 0)
		return act_fail(a, "查询财政确认");
	if (n > 0)
		return act_refuse(a, "sale", "销售 %s 已确认补贴资金未发放",
		    sale_ref(s.id));
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_RETURN_CONFIRM_INSERT, s.id, b.id,
	    act_has(a, "note") ? act_str(a, "note") : NULL, a->who->id,
	    at) != 0)
		return act_fail(a, "保存财政确认");
	act_out(a, "结算批次 %s：补贴资金未发放，可由县农机部门办理退货", b.no);
	act_key(a, "%lld", (long long)s.id);
	return NJ_OK;
}

const struct action action_return_confirm = {
	"return.confirm", "确认补贴资金未发放（退货）", R(ROLE_FINANCE),
	confirm_fields, return_confirm, 0, NULL, "已确认未发放"
};
