/*
 * action-batch.c: monthly settlement at the county (004 附件4 四): on days
 * 1-5 the county collects last month's verified sales into a batch
 * (batch.new); by the 10th it publicises the batch's buyers for the
 * year's publicity length, in calendar or working days (batch.publicize);
 * objections are recorded and resolved (objection.new/resolve: an upheld
 * one takes the machine out of the batch); during publicity every key or
 * licensed machine and a sample of the rest is reviewed by someone who did
 * not verify it (batch.review, 004 附件4 四(三)); after publicity, with
 * every review done and no objection open, the batch goes to finance
 * (batch.submit).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"

/* The batch named in field, within the acting user's county. */
int
find_batch(struct act *a, const char *field, struct batch_row *b)
{
	sqlite3_stmt	*st = sql_query(SQL_BATCH_BY_NO, act_str(a, field));
	int		 rc = sql_step(st);

	memset(b, 0, sizeof *b);
	if (rc == 1)
		load_batch(st, b);
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询结算批次");
	if (rc == 0)
		return act_refuse(a, field, "未知的结算批次：%s", act_str(a, field));
	return need_scope(a, field, b->county);
}

static int
batch_refuse_state(struct act *a, const struct batch_row *b)
{
	return act_refuse(a, "batch", "结算批次 %s 的状态为“%s”，不能%s",
	    b->no, state_label("batch", b->state), a->def->title);
}

int
batch_in_state(struct act *a, const struct batch_row *b, const char *want)
{
	if (strcmp(b->state, want) != 0)
		return batch_refuse_state(a, b);
	return NJ_OK;
}

/* Whether the state table lets the batch go to state to. */
int
batch_may(struct act *a, const struct batch_row *b, const char *to)
{
	if (!state_may("batch", b->state, to))
		return batch_refuse_state(a, b);
	return NJ_OK;
}

/*
 * Take a sale out of its batch because a check found it wanting: it goes
 * back to the county as failed (to be mended and checked again), with why
 * recorded as a failed verification.
 */
int
batch_take_out(struct act *a, int64_t sale, const char *why)
{
	char at[32];

	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_BATCH_DROP_SALE, sale) != 0 ||
	    sql_exec(SQL_REVIEW_DROP_SALE, sale) != 0 ||
	    sql_exec(SQL_FCHECK_DROP_SALE, sale) != 0 ||
	    sql_exec(SQL_SALE_SET_STATE, "failed", sale) != 0 ||
	    sql_exec(SQL_MACHINE_OF_SALE, "sold", sale) != 0 ||
	    sql_exec(SQL_VERIFY_INSERT, sale, a->who->id, at, SQL_NULL,
	    "fail", why, SQL_NULL) != 0)
		return act_fail(a, "移出结算批次");
	return NJ_OK;
}

/*
 * Record one machine's check (a review, a finance spot check) in row of
 * the statement set: result, note, who, when. A machine that fails it
 * leaves the batch, saying what (what) and the note.
 */
int
batch_record_check(struct act *a, enum sql set, int64_t row, int64_t sale,
    const char *note, const char *what)
{
	char	at[32], why[300];
	int	rc;

	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(set, act_str(a, "result"), act_str(a, note),
	    a->who->id, at, row) != 0)
		return act_fail(a, "保存核实结果");
	if (strcmp(act_str(a, "result"), "fail") == 0) {
		xsnprintf(why, sizeof why, "%s：%s", what, act_has(a, note) ?
		    act_str(a, note) : "");
		if ((rc = batch_take_out(a, sale, why)) != NJ_OK)
			return rc;
	}
	act_key(a, "%lld", (long long)sale);
	return NJ_OK;
}

/* A sale of the batch (by its id in field). */
static int
sale_of_batch(struct act *a, const char *field, const struct batch_row *b,
    int64_t *sale)
{
	char	no[32];
	int	rc;

	if (parse_int(act_str(a, field), sale) != 0 || *sale <= 0)
		return act_refuse(a, field, "销售编号应为数字");
	rc = sql_text(no, sizeof no, SQL_BATCH_OF_SALE, *sale);
	if (rc < 0)
		return act_fail(a, "查询结算批次");
	if (rc == 0 || (b != NULL && strcmp(no, b->no) != 0))
		return act_refuse(a, field, "销售 %s 不在结算批次%s%s%s中",
		    sale_ref(*sale), b ? " " : "", b ? b->no : "",
		    b ? " " : "");
	return NJ_OK;
}

/* Is day a public holiday (1), an adjusted working day (-1), or neither? */
static int
holiday_kind(int day, void *arg)
{
	char	text[16], kind[16];

	(void)arg;
	date_format(day, text, sizeof text);
	if (sql_text(kind, sizeof kind, SQL_HOLIDAY_KIND, text) != 1)
		return 0;
	return strcmp(kind, "holiday") == 0 ? 1 : -1;
}

static const struct field new_fields[] = {
	{ "month", FT_MONTH, FF_REQ, "结算月份", NULL, 0 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/*
 * R-004-A4-4.1 004 附件4 四(一): collect the county's verified sales not yet in a batch,
 * verified before the end of the month; draw the machines to review.
 */
static int
batch_new(struct act *a)
{
	struct program_row	 p;
	sqlite3_stmt		*st;
	int64_t			 seq, id, n, total, *rest = NULL, *drawn = NULL;
	char			 no[40], at[32], end[16], month[8], sum[32];
	int			 y = (int)act_num(a, "month") / 100, ty, tm, td, rc;
	int			 m = (int)act_num(a, "month") % 100;
	size_t			 nrest = 0, k, i;
	uint64_t		 seed = 1469598103934665603ULL;
	const char		*p0;

	if (a->who->role != ROLE_COUNTY)
		return act_refuse(a, NULL, "只有县级农机部门可以汇总结算批次");
	date_to_ymd(a->today, &ty, &tm, &td);
	if (y * 100 + m > ty * 100 + tm)
		return act_refuse(a, "month", "不能汇总未来月份的结算批次");
	if (program_get(y, &p) < 0)
		return act_fail(a, "查询年度方案");
	xsnprintf(month, sizeof month, "%04d-%02d", y, m);
	xsnprintf(end, sizeof end, "%04d-%02d-01", m == 12 ? y + 1 : y,
	    m == 12 ? 1 : m + 1);
	if (sql_int(&seq, SQL_BATCH_NEXT_SEQ, a->who->region, y) < 0)
		return act_fail(a, "编号");
	xsnprintf(no, sizeof no, "JS%s%04d%02d-%02lld", a->who->region, y, m,
	    (long long)seq);
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_BATCH_INSERT, no, a->who->region, y, month,
	    (int)seq, a->who->id, at) != 0)
		return act_fail(a, "保存结算批次");
	id = store_last_id();
	if (sql_exec(SQL_BATCH_COLLECT, id, a->who->region, end) != 0)
		return act_fail(a, "汇总结算批次");
	if (store_changes() == 0)
		return act_refuse(a, "month", "本县 %s 月底前没有待结算的已核验机具",
		    month);
	/* R-004-A4-3b 004 附件4 三: no sale without the buyer's own valid account */
	if ((rc = account_batch_check(a, id, "month")) != NJ_OK)
		return rc;
	if (sql_exec(SQL_BATCH_MARK, id) != 0)
		return act_fail(a, "汇总结算批次");
	/* R-004-A4-4.3 004 附件4 四(三): every key or licensed machine, a sample of the rest */
	st = sql_query(SQL_BATCH_SALES, id);
	while ((rc = sql_step(st)) == 1) {
		int64_t sale = sqlite3_column_int64(st, 0);

		if (sqlite3_column_int(st, 1) || sqlite3_column_int(st, 2)) {
			if (sql_exec(SQL_REVIEW_INSERT, id, sale,
			    sqlite3_column_int(st, 1) ? "key" : "licensed") != 0)
				rc = -1;
			continue;
		}
		rest = realloc(rest, (nrest + 1) * sizeof *rest);
		if (rest == NULL)
			abort();
		rest[nrest++] = sale;
	}
	sqlite3_reset(st);
	if (rc < 0) {
		free(rest);
		return act_fail(a, "复核名单");
	}
	for (p0 = no; *p0 != '\0'; p0++)
		seed = (seed ^ (unsigned char)*p0) * 1099511628211ULL;
	k = sample_size(nrest, p.review_sample_bp);
	drawn = xcalloc(k ? k : 1, sizeof *drawn);
	k = sample_draw(seed, rest, nrest, k, drawn);
	for (i = 0; i < k; i++)
		if (sql_exec(SQL_REVIEW_INSERT, id, drawn[i],
		    "sample") != 0) {
			free(rest);
			free(drawn);
			return act_fail(a, "复核名单");
		}
	free(rest);
	free(drawn);
	st = sql_query(SQL_BATCH_TOTALS, id);
	n = total = 0;
	if (sql_step(st) == 1) {
		n = sqlite3_column_int64(st, 0);
		total = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	money_format(total, sum, sizeof sum);
	act_out(a, "%lld 台，补贴 %s 元", (long long)n, sum);
	act_key(a, "%s", no);
	return NJ_OK;
}

const struct action action_batch_new = {
	"batch.new", "汇总结算批次", R(ROLE_COUNTY), new_fields, batch_new, 0,
	NULL, "已汇总"
};

/*
 * A publicity period from..to (fields from, to) of at least the year's
 * length p, in calendar or working days (holidays from the table): the
 * settlement batches' (batch.publicize) and the filings'
 * (filing.publicize, action-filing.c).
 */
int
publicity_length(struct act *a, const struct program_row *p, int from,
    int to)
{
	int days;

	if (to < from)
		return act_refuse(a, "to", "公示结束日期早于开始日期");
	days = p->publicity_working ? date_working_between(from, to,
	    holiday_kind, NULL) : to - from + 1;
	if (days < p->publicity_days)
		return act_refuse(a, "to", "公示期不少于 %d 个%s，所填为 %d 个",
		    p->publicity_days, p->publicity_working ? "工作日" :
		    "自然日", days);
	return NJ_OK;
}

static const struct field publicize_fields[] = {
	{ "batch", FT_REF, FF_REQ, "结算批次", "batches", 24 },
	{ "from", FT_DATE, FF_REQ, "公示开始日期", NULL, 0 },
	{ "to", FT_DATE, FF_REQ, "公示结束日期", NULL, 0 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/*
 * R-004-A4-4.2 004 附件4 四(二): publicity of at least the year's length (7 days in
 * Ningxia; 5 working days in most provinces), holidays from the table.
 */
static int
batch_publicize(struct act *a)
{
	struct batch_row	b;
	struct program_row	p;
	int			rc, from = (int)act_num(a, "from");
	int			to = (int)act_num(a, "to"), created;

	if ((rc = find_batch(a, "batch", &b)) != NJ_OK ||
	    (rc = batch_may(a, &b, "publicized")) != NJ_OK)
		return rc;
	if (program_get(b.year, &p) < 0)
		return act_fail(a, "查询年度方案");
	date_parse(b.created, &created);
	if (from < created)
		return act_refuse(a, "from", "公示不能早于批次汇总日期 %s", b.created);
	if ((rc = publicity_length(a, &p, from, to)) != NJ_OK)
		return rc;
	if (sql_exec(SQL_BATCH_PUBLICIZE, act_str(a, "from"),
	    act_str(a, "to"), b.id) != 0)
		return act_fail(a, "保存公示");
	act_key(a, "%s", b.no);
	return NJ_OK;
}

const struct action action_batch_publicize = {
	"batch.publicize", "公示结算批次", R(ROLE_COUNTY), publicize_fields,
	batch_publicize, 0, NULL, "已公示"
};

static const struct field objection_fields[] = {
	{ "sale", FT_REF, FF_REQ, "销售编号", "batch_sales", 20 },
	{ "text", FT_TEXT, FF_REQ, "异议内容", NULL, 200 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/* An objection during publicity: the machine is held until it is settled. */
static int
objection_new(struct act *a)
{
	char			 no[32], at[32];
	struct batch_row	 b;
	int64_t			 sale;
	int			 rc;

	if ((rc = sale_of_batch(a, "sale", NULL, &sale)) != NJ_OK)
		return rc;
	rc = sql_text(no, sizeof no, SQL_BATCH_OF_SALE, sale);
	if (rc != 1)
		return act_fail(a, "查询结算批次");
	{
		sqlite3_stmt *st = sql_query(SQL_BATCH_BY_NO, no);

		memset(&b, 0, sizeof b);
		if (sql_step(st) == 1)
			load_batch(st, &b);
		sqlite3_reset(st);
	}
	if ((rc = need_scope(a, "sale", b.county)) != NJ_OK)
		return rc;
	if (strcmp(b.state, "open") != 0 && strcmp(b.state, "publicized") != 0)
		return act_refuse(a, "sale", "结算批次 %s 已报财政，异议请向财政部门"
		    "反映", b.no);
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_OBJECTION_INSERT, b.id, sale,
	    act_str(a, "text"), a->who->id, at) != 0)
		return act_fail(a, "保存异议");
	act_key(a, "%lld", (long long)store_last_id());
	return NJ_OK;
}

const struct action action_objection_new = {
	"objection.new", "登记公示异议", R(ROLE_COUNTY),
	objection_fields, objection_new, 0, NULL, "已登记异议"
};

static const struct field resolve_fields[] = {
	{ "objection", FT_REF, FF_REQ, "异议编号", "objections", 12 },
	{ "upheld", FT_CHOICE, FF_REQ, "异议是否成立", "1:成立,0:不成立", 0 },
	{ "resolution", FT_TEXT, FF_REQ, "调查处理结果", NULL, 200 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/* Settle an objection; an upheld one takes the machine out of the batch. */
static int
objection_resolve(struct act *a)
{
	sqlite3_stmt	*st;
	int64_t		 id, sale = 0;
	char		 county[NJ_REGION_MAX] = "", state[16] = "", at[32];
	char		 why[300];
	int		 rc, open = 0, upheld, inside = 0;

	if (parse_int(act_str(a, "objection"), &id) != 0)
		return act_refuse(a, "objection", "异议编号应为数字");
	st = sql_query(SQL_OBJECTION_GET, id);
	if ((rc = sql_step(st)) == 1) {
		sale = sqlite3_column_int64(st, 2);
		sql_col_copy(st, 3, county, sizeof county);
		sql_col_copy(st, 4, state, sizeof state);
		open = sqlite3_column_int(st, 5);
		inside = sqlite3_column_int(st, 6);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询异议");
	if (rc == 0)
		return act_refuse(a, "objection", "未知的异议编号：%lld",
		    (long long)id);
	if ((rc = need_scope(a, "objection", county)) != NJ_OK)
		return rc;
	if (!open)
		return act_refuse(a, "objection", "异议 %lld 已处理", (long long)id);
	upheld = strcmp(act_str(a, "upheld"), "1") == 0;
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_OBJECTION_RESOLVE, act_str(a, "resolution"),
	    upheld, a->who->id, at, id) != 0)
		return act_fail(a, "处理异议");
	/* a machine that already left the batch (returned, failed) stays out */
	if (upheld && inside) {
		xsnprintf(why, sizeof why, "公示异议成立：%s",
		    act_str(a, "resolution"));
		if ((rc = batch_take_out(a, sale, why)) != NJ_OK)
			return rc;
	}
	act_key(a, "%lld", (long long)id);
	return NJ_OK;
}

const struct action action_objection_resolve = {
	"objection.resolve", "处理公示异议", R(ROLE_COUNTY), resolve_fields,
	objection_resolve, 0, NULL, "已处理异议"
};

static const struct field review_fields[] = {
	{ "batch", FT_REF, 0, "结算批次", "batches", 24 },
	{ "sale", FT_REF, FF_REQ, "销售编号", "review_queue", 20 },
	{ "result", FT_CHOICE, FF_REQ, "复核结论",
	    "pass:实际购机与申请一致,fail:不一致", 0 },
	{ "opinion", FT_TEXT, 0, "复核人员意见", NULL, 200 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/*
 * R-004-A4-4.3a R-003-A1-1b 004 附件4 四(三); 003 附件1: the review, by someone who did not verify the
 * machine. A machine that fails it leaves the batch.
 */
static int
batch_review(struct act *a)
{
	struct batch_row	 b;
	sqlite3_stmt		*st;
	int64_t			 sale, rid = 0, one;
	char			 result[16] = "", no[32];
	int			 rc;

	/* the batch may be left out: a machine is in one batch at most */
	if (!act_has(a, "batch")) {
		if ((rc = sale_of_batch(a, "sale", NULL, &sale)) != NJ_OK)
			return rc;
		if (sql_text(no, sizeof no, SQL_BATCH_OF_SALE, sale) != 1)
			return act_fail(a, "查询结算批次");
		a->own[action_field_index(a->def, "batch")] = xstrdup(no);
	}
	if ((rc = find_batch(a, "batch", &b)) != NJ_OK)
		return rc;
	if (strcmp(b.state, "open") != 0 && strcmp(b.state, "publicized") != 0)
		return act_refuse(a, "batch", "结算批次 %s 的状态为“%s”，复核应在"
		    "公示期间完成", b.no, state_label("batch", b.state));
	if ((rc = sale_of_batch(a, "sale", &b, &sale)) != NJ_OK)
		return rc;
	rc = sql_int(&one, SQL_VERIFIED_BY, sale, a->who->id);
	if (rc < 0)
		return act_fail(a, "查询核验");
	if (rc == 1)
		return act_refuse(a, "sale", "复核人员不能是该机具的核验人员");
	/* R-SEC-8.6 issue 8 (6): only an approver, and no puppets */
	if ((rc = review_check(a, "sale", sale)) != NJ_OK)
		return rc;
	st = sql_query(SQL_REVIEW_GET, b.id, sale);
	if ((rc = sql_step(st)) == 1) {
		rid = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 1, result, sizeof result);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询复核");
	if (result[0] != '\0')
		return act_refuse(a, "sale", "销售 %s 已复核", sale_ref(sale));
	if (rid == 0) {		/* a machine outside the list, reviewed too */
		if (sql_exec(SQL_REVIEW_INSERT, b.id, sale, "extra") != 0)
			return act_fail(a, "保存复核");
		rid = store_last_id();
	}
	return batch_record_check(a, SQL_REVIEW_SET, rid, sale, "opinion",
	    "复核不一致");
}

const struct action action_batch_review = {
	"batch.review", "复核", R(ROLE_COUNTY), review_fields, batch_review, 0,
	NULL, "已复核"
};

static const struct field submit_fields[] = {
	{ "batch", FT_REF, FF_REQ, "结算批次", "batches", 24 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/* R-004-A4-4.4 004 附件4 四(四): after publicity, reviews done, objections settled. */
static int
batch_submit(struct act *a)
{
	struct batch_row	b;
	int64_t			n;
	char			at[32];
	int			rc, to;

	if ((rc = find_batch(a, "batch", &b)) != NJ_OK ||
	    (rc = batch_may(a, &b, "submitted")) != NJ_OK)
		return rc;
	date_parse(b.pub_to, &to);
	if (a->today <= to)
		return act_refuse(a, "batch", "公示期至 %s，尚未结束%s", b.pub_to,
		    act_today(a));
	if (sql_int(&n, SQL_REVIEWS_PENDING, b.id) < 0)
		return act_fail(a, "查询复核");
	if (n > 0)
		return act_refuse(a, "batch", "还有 %lld 台机具未复核", (long long)n);
	if (sql_int(&n, SQL_OBJECTIONS_OPEN, b.id) < 0)
		return act_fail(a, "查询异议");
	if (n > 0)
		return act_refuse(a, "batch", "还有 %lld 条公示异议未处理",
		    (long long)n);
	if (sql_int(&n, SQL_BATCH_TOTALS, b.id) < 0)
		return act_fail(a, "查询结算批次");
	if (n == 0)
		return act_refuse(a, "batch", "结算批次 %s 中已没有机具", b.no);
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_BATCH_SUBMIT, at, b.id) != 0)
		return act_fail(a, "报送财政");
	act_key(a, "%s", b.no);
	/* issue 11 (5): whose turn it is now */
	done_batch(a, b.no, "，待县财政部门抽查审核");
	return NJ_OK;
}

const struct action action_batch_submit = {
	"batch.submit", "报送财政部门", R(ROLE_COUNTY), submit_fields,
	batch_submit, 0, NULL, "已报送财政"
};
