/*
 * action-finance.c: the county finance bureau's part (004 附件4 四(五)、
 * (六); 004 六(一)2): it spot-checks at least 10% of a batch's machines,
 * every machine that had an objection included, from a recorded seed so
 * the same draw can be made again (finance.sample, finance.check); it
 * approves the batch (finance.approve) and pays each machine's subsidy
 * into the buyer's account, one payment per machine marked 农机购置补贴
 * (finance.pay). Finance acts only in its own county.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"

static const struct field sample_fields[] = {
	{ "batch", FT_REF, FF_REQ, "结算批次", "finance_queue", 24 },
	{ "ratio", FT_RATIO, 0, "抽查比例（不低于 0.10）", NULL, 0 },
	{ "seed", FT_INT, 0, "随机种子（留空自动生成）", NULL, 0 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/* R-004-M-6.1.2.3 004 六(一)2(3): 按照不低于10%的比例抽查; reproducible from its seed. */
static int
finance_sample(struct act *a)
{
	struct batch_row	 b;
	struct program_row	 p;
	sqlite3_stmt		*st;
	int64_t			*ids = NULL, *drawn = NULL, *obj = NULL, one;
	size_t			 n = 0, nobj = 0, k, i, j, used = 0;
	char			*list = NULL, at[32];
	uint64_t		 seed;
	int			 rc, bp;

	if ((rc = find_batch(a, "batch", &b)) != NJ_OK ||
	    (rc = batch_in_state(a, &b, "submitted")) != NJ_OK)
		return rc;
	rc = sql_int(&one, SQL_FSAMPLE_GET, b.id);
	if (rc < 0)
		return act_fail(a, "查询抽查");
	if (rc == 1)
		return act_refuse(a, "batch", "结算批次 %s 已抽查取样", b.no);
	if (program_get(b.year, &p) < 0)
		return act_fail(a, "查询年度方案");
	bp = act_has(a, "ratio") ? (int)act_num(a, "ratio") :
	    p.finance_sample_bp;
	if (bp < 1000)
		return act_refuse(a, "ratio", "抽查比例不得低于 10%%");
	seed = act_has(a, "seed") ? (uint64_t)act_num(a, "seed") :
	    (uint64_t)a->now * 2654435761u ^ (uint64_t)b.id;
	seed &= INT64_MAX;
	st = sql_query(SQL_BATCH_SALES, b.id);
	while ((rc = sql_step(st)) == 1) {
		ids = realloc(ids, (n + 1) * sizeof *ids);
		if (ids == NULL)
			abort();
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (rc == 0) {
		st = sql_query(SQL_OBJECTION_SALES, b.id);
		while ((rc = sql_step(st)) == 1) {
			obj = realloc(obj, (nobj + 1) * sizeof *obj);
			if (obj == NULL)
				abort();
			obj[nobj++] = sqlite3_column_int64(st, 0);
		}
		sqlite3_reset(st);
	}
	if (rc < 0) {
		rc = act_fail(a, "查询结算批次");
		goto out;
	}
	k = sample_size(n, bp);
	drawn = xcalloc(k + nobj + 1, sizeof *drawn);
	k = sample_draw(seed, ids, n, k, drawn);
	/* every machine with an objection is checked too */
	for (i = 0; i < nobj; i++) {
		for (j = 0; j < k && drawn[j] != obj[i]; j++)
			;
		if (j == k)
			drawn[k++] = obj[i];
	}
	list = xcalloc(k + 1, 24);
	clock_stamp(a->now, at, sizeof at);
	for (i = 0; i < k; i++) {
		used += (size_t)snprintf(list + used, 24, "%s%lld", i ? "," : "",
		    (long long)drawn[i]);
		if (sql_exec(SQL_FCHECK_INSERT, b.id, drawn[i]) != 0) {
			rc = act_fail(a, "保存抽查");
			goto out;
		}
		act_out(a, "%lld", (long long)drawn[i]);
	}
	if (sql_exec(SQL_FSAMPLE_INSERT, b.id, (int64_t)seed, bp,
	    list, a->who->id, at) != 0) {
		rc = act_fail(a, "保存抽查");
		goto out;
	}
	act_key(a, "%s", b.no);
	rc = NJ_OK;
out:
	free(ids);
	free(obj);
	free(drawn);
	free(list);
	return rc;
}

const struct action action_finance_sample = {
	"finance.sample", "抽查取样", R(ROLE_FINANCE), sample_fields,
	finance_sample, 0, NULL, "已抽取样本"
};

static const struct field check_fields[] = {
	{ "sale", FT_REF, FF_REQ, "销售编号", "finance_checks", 20 },
	{ "result", FT_CHOICE, FF_REQ, "抽查结果", "pass:属实,fail:不属实", 0 },
	{ "note", FT_TEXT, 0, "核实情况", NULL, 200 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/* One machine of the sample: in use as claimed (pass), or not. */
static int
finance_check(struct act *a)
{
	sqlite3_stmt	*st;
	struct batch_row b;
	int64_t		 sale, cid = 0;
	char		 result[16] = "", no[32] = "", state[16] = "";
	int		 rc;

	if (parse_int(act_str(a, "sale"), &sale) != 0)
		return act_refuse(a, "sale", "销售编号应为数字");
	st = sql_query(SQL_FCHECK_GET, sale);
	if ((rc = sql_step(st)) == 1) {
		cid = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 2, result, sizeof result);
		sql_col_copy(st, 3, no, sizeof no);
		sql_col_copy(st, 4, state, sizeof state);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询抽查");
	if (rc == 0)
		return act_refuse(a, "sale", "销售 %s 不在抽查样本中",
		    sale_ref(sale));
	st = sql_query(SQL_BATCH_BY_NO, no);
	memset(&b, 0, sizeof b);
	if (sql_step(st) == 1)
		load_batch(st, &b);
	sqlite3_reset(st);
	if ((rc = need_scope(a, "sale", b.county)) != NJ_OK)
		return rc;
	if (strcmp(state, "submitted") != 0)
		return act_refuse(a, "sale", "结算批次 %s 不在财政审核中", no);
	if (result[0] != '\0')
		return act_refuse(a, "sale", "销售 %s 已抽查核实", sale_ref(sale));
	return batch_record_check(a, SQL_FCHECK_SET, cid, sale, "note",
	    "财政抽查不属实");
}

const struct action action_finance_check = {
	"finance.check", "抽查核实", R(ROLE_FINANCE), check_fields,
	finance_check, 0, NULL, "已核实"
};

static const struct field batch_fields[] = {
	{ "batch", FT_REF, FF_REQ, "结算批次", "finance_queue", 24 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/* R-004-A4-4.5 004 附件4 四(五): approve once the sample has been checked. */
static int
finance_approve(struct act *a)
{
	struct batch_row	b;
	int64_t			n;
	char			at[32];
	int			rc;

	if ((rc = find_batch(a, "batch", &b)) != NJ_OK ||
	    (rc = batch_may(a, &b, "approved")) != NJ_OK)
		return rc;
	rc = sql_int(&n, SQL_FSAMPLE_GET, b.id);
	if (rc < 0)
		return act_fail(a, "查询抽查");
	if (rc == 0)
		return act_refuse(a, "batch", "结算批次 %s 尚未抽查取样", b.no);
	if (sql_int(&n, SQL_FCHECKS_PENDING, b.id) < 0)
		return act_fail(a, "查询抽查");
	if (n > 0)
		return act_refuse(a, "batch", "还有 %lld 台抽查机具未核实",
		    (long long)n);
	if (sql_int(&n, SQL_BATCH_TOTALS, b.id) < 0)
		return act_fail(a, "查询结算批次");
	if (n == 0)
		return act_refuse(a, "batch", "结算批次 %s 中已没有机具", b.no);
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_BATCH_APPROVE, a->who->id, at, b.id) != 0)
		return act_fail(a, "审核批准");
	act_key(a, "%s", b.no);
	return NJ_OK;
}

const struct action action_finance_approve = {
	"finance.approve", "审核批准结算批次", R(ROLE_FINANCE), batch_fields,
	finance_approve, 0, NULL, "已审核批准"
};

static const struct field pay_fields[] = {
	{ "batch", FT_REF, FF_REQ, "结算批次", "finance_queue", 24 },
	{ "paid_on", FT_DATE, FF_REQ, "支付日期", NULL, 0 },
	{ "ref", FT_TEXT, 0, "支付凭证号", NULL, 40 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/* Issue 11 (5): the batch paid, with the numbers of its payments. */
static void
pay_done(struct act *a, const struct batch_row *b)
{
	sqlite3_stmt	*st = sql_query(SQL_PAYMENT_RANGE, b->id);
	char		 first[40] = "", last[40] = "", tail[160];
	int64_t		 n = 0;

	if (sql_step(st) == 1) {
		sql_col_copy(st, 0, first, sizeof first);
		sql_col_copy(st, 1, last, sizeof last);
		n = sqlite3_column_int64(st, 2);
	}
	sqlite3_reset(st);
	if (n == 1)
		xsnprintf(tail, sizeof tail, "，支付 1 笔 %s", first);
	else
		xsnprintf(tail, sizeof tail, "，支付 %lld 笔 %s 至 %s",
		    (long long)n, first, last);
	done_batch(a, b->no, tail);
}

/*
 * R-004-A4-4.6 004 附件4 四(六): one payment per machine into the buyer's own account,
 * marked 农机购置补贴; the budget's paid parts grow by the same.
 */
static int
finance_pay(struct act *a)
{
	struct batch_row	 b;
	sqlite3_stmt		*st;
	int64_t			 count = 0;
	char			 at[32];
	int			 rc;

	if ((rc = find_batch(a, "batch", &b)) != NJ_OK)
		return rc;
	if (strcmp(b.state, "paid") == 0)
		return act_refuse(a, "batch", "结算批次 %s 已支付，不能重复支付",
		    b.no);
	if ((rc = batch_may(a, &b, "paid")) != NJ_OK)
		return rc;
	if (act_num(a, "paid_on") > a->today)
		return act_refuse(a, "paid_on", "支付日期不能晚于今天%s",
		    act_today(a));
	if (strcmp(act_str(a, "paid_on"), b.approved) < 0)
		return act_refuse(a, "paid_on", "支付日期不能早于财政审核批准日期 %s",
		    b.approved);
	/* every machine returned since the approval: nothing to pay */
	if (sql_int(&count, SQL_BATCH_TOTALS, b.id) < 0)
		return act_fail(a, "查询结算批次");
	if (count == 0)
		return act_refuse(a, "batch", "结算批次 %s 中已没有机具", b.no);
	/* R-SEC-8.1c issue 8 (1): into the account frozen at verification */
	if (sql_int(&count, SQL_PAY_UNFROZEN, b.id) < 0)
		return act_fail(a, "查询结算批次");
	if (count != 0)
		return act_refuse(a, "batch", "销售 %s 没有核验时确认的收款账户，"
		    "须重新核验", sale_ref(count));
	/* R-004-A4-4.6a 004 附件4 四(六): never a payment into an empty account */
	if ((rc = account_batch_check(a, b.id, "batch")) != NJ_OK)
		return rc;
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_PAY_BATCH, b.id, act_str(a, "paid_on"),
	    act_str(a, "ref"), a->who->id, at) != 0 ||
	    sql_exec(SQL_PAY_SET_ACCOUNT, b.id) != 0)
		return act_fail(a, "支付");
	/* issue 11 (5): each payment its readable number */
	if ((rc = payment_numbers(a, b.id)) != NJ_OK)
		return rc;
	st = sql_query(SQL_PAY_SUMS, b.id);
	while ((rc = sql_step(st)) == 1) {
		int	year = sqlite3_column_int(st, 0);
		int64_t	c = sqlite3_column_int64(st, 1);
		int64_t	p = sqlite3_column_int64(st, 2);

		count += sqlite3_column_int64(st, 3);
		if (sql_exec(SQL_BUDGET_PAY, c, p, year, b.county) != 0)
			rc = -1;
		if (rc < 0)
			break;
	}
	sqlite3_reset(st);
	if (rc < 0 || sql_exec(SQL_PAY_MARK_SALES, b.id) != 0 ||
	    sql_exec(SQL_PAY_MARK_MACHINES, b.id) != 0 ||
	    sql_exec(SQL_BATCH_PAID, at, b.id) != 0)
		return act_fail(a, "支付");
	act_out(a, "%s", b.no);
	act_key(a, "%lld", (long long)count);
	pay_done(a, &b);
	return NJ_OK;
}

const struct action action_finance_pay = {
	"finance.pay", "支付补贴资金", R(ROLE_FINANCE), pay_fields, finance_pay,
	0, NULL, "已支付"
};
