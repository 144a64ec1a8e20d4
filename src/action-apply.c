/*
 * action-apply.c: applications (补贴申请) and the confirmation notice
 * (指标确认通知书) of the quota-first flow (004 附件4 一、二): a township or
 * county clerk enters the buyer and the machine lines and submits; a county
 * approver who neither entered nor submitted it (003 附件1: 经办/审核
 * 分设) approves within the county's budget for the year, central and
 * provincial parts separately (open-ended items exempt, 004 三(三)5), and
 * the system issues the numbered notice with its purchase window; or the
 * county rejects it, or withdraws it when the buyer gives up.
 */
#include <stdlib.h>
#include <string.h>

#include "actions.h"

/* The application named in field, within the acting user's scope. */
static int
find_app(struct act *a, const char *field, struct app_row *r)
{
	sqlite3_stmt	*st = sql_query(SQL_APP_BY_NO, act_str(a, field));
	int		 rc = sql_step(st);

	if (rc == 1)
		load_app(st, r);
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询申请");
	if (rc == 0)
		return act_refuse(a, field, "未知的申请编号：%s", act_str(a, field));
	/* a township clerk sees its township, a county clerk its county */
	return need_scope(a, field, a->who->role == ROLE_TOWNSHIP &&
	    r->township[0] ? r->township : r->county);
}

static int
app_refuse_state(struct act *a, const struct app_row *r)
{
	return act_refuse(a, "application", "申请 %s 的状态为“%s”，不能%s",
	    r->no, state_label("application", r->state), a->def->title);
}

static int
app_in_state(struct act *a, const struct app_row *r, const char *want)
{
	if (strcmp(r->state, want) != 0)
		return app_refuse_state(a, r);
	return NJ_OK;
}

/* Whether the state table lets the application go to state to. */
static int
app_may(struct act *a, const struct app_row *r, const char *to)
{
	if (!state_may("application", r->state, to))
		return app_refuse_state(a, r);
	return NJ_OK;
}

/*
 * R-003-A1-1a 003 附件1 一: the one who entered or submitted it may not decide it, nor
 * whoever opened their accounts; only an approver (action-post.c).
 */
static int
not_the_clerk(struct act *a, const struct app_row *r)
{
	/* R-SEC-8.6 issue 8 (6): only an approver, and no puppets */
	return decide_check(a, "application", r->entered_by, r->submitted_by);
}

/* Add one machine line: item and tier of the year, subsidy per unit. */
static int
add_line(struct act *a, int64_t app, int year, const char *county,
    int service_org)
{
	struct tier_row		t;
	struct subsidy_out	s;
	int64_t			line;
	int			rc, confirmed;

	if ((rc = find_tier(a, "tier", year, act_str(a, "item"),
	    act_str(a, "tier"), &t)) != NJ_OK)
		return rc;
	/* issue 10 item 3: the row's regional limit (action-limit.c) */
	if ((rc = limit_check(a, "tier", t.id, county, LIMIT_CONFIRM,
	    &confirmed)) != NJ_OK)
		return rc;
	if (act_num(a, "qty") < 1)
		return act_refuse(a, "qty", "数量至少为 1");
	/* R-003-A1-2a 003 附件1 二: the amount in force today (分段结算) */
	if ((rc = tier_at(a, &t, a->today)) != NJ_OK ||
	    (rc = unit_subsidy(a, &t, 0, 0, service_org, &s)) != NJ_OK)
		return rc;
	subsidy_note(a, &t, &s);
	if (sql_exec(SQL_LINE_INSERT, app, t.id, act_num(a, "qty"),
	    (int64_t)0, s.central, s.provincial, s.city, s.county) != 0)
		return act_fail(a, "保存申购机具");
	line = store_last_id();
	if (sql_exec(SQL_LINE_PRICE, s.central, s.provincial, s.city,
	    s.county, s.topup, t.segment, line) != 0 ||
	    (confirmed && sql_exec(SQL_LINE_LIMIT_CONFIRMED, line) != 0))
		return act_fail(a, "保存申购机具");
	/* issue 10 item 9: a second open application is flagged */
	return dup_flag(a, app, t.item);
}

static const struct field new_fields[] = {
	{ "buyer_type", FT_CHOICE, FF_REQ, "购机者类型", "person:个人,org:组织", 0 },
	{ "buyer_name", FT_TEXT, FF_REQ, "姓名/组织名称", NULL, 40 },
	{ "id_no", FT_IDNO, FF_REQ | FF_PRIVATE, "身份证号/信用代码", NULL, 18 },
	{ "township", FT_REF, FF_REQ, "乡镇", "townships", 12 },
	{ "item", FT_REF, FF_REQ, "品目", "items", 20 },
	{ "tier", FT_REF, FF_REQ, "分档", "tiers", 20 },
	{ "qty", FT_INT, FF_REQ, "数量（台）", NULL, 99 },
	{ "gender", FT_CHOICE, 0, "性别", "男:男,女:女", 0 },
	FIELDS_BUYER_ADDRESS,
	{ "legal_rep", FT_TEXT, 0, "法定代表人（组织）", NULL, 20 },
	{ "service_org", FT_CHOICE, 0, "农机作业服务组织", "0:否,1:是", 0 },
	{ "note", FT_TEXT, 0, "备注", NULL, 100 },
	FIELD_CONFIRM_LIMIT,
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/*
 * R-004-A4-1 004 附件4 一: the clerk checks the buyer (not banned), enters buyer and
 * lines; the application waits to be submitted (申请上报).
 */
static int
application_new(struct act *a)
{
	struct program_row	 p;
	struct region_row	 tw;
	struct buyer_in		 in;
	struct buyer_row	 b;
	char			 no[32], at[32];
	int64_t			 seq, app;
	int			 rc, year = year_of(a, NULL);

	if (program_get(year, &p) < 0)
		return act_fail(a, "查询年度方案");
	if (strcmp(p.flow, "buy-first") == 0)
		return act_refuse(a, NULL, "%d 年度实行先购后补：请在经销商登记销售后"
		    "受理补贴申请", year);
	if ((rc = find_region(a, "township", act_str(a, "township"),
	    "township", &tw)) != NJ_OK ||
	    (rc = need_scope(a, "township", tw.code)) != NJ_OK)
		return rc;
	memset(&in, 0, sizeof in);
	in.kind = act_str(a, "buyer_type");
	in.name = act_str(a, "buyer_name");
	in.idno = act_str(a, "id_no");
	in.gender = act_str(a, "gender");
	in.legal_rep = act_str(a, "legal_rep");
	in.township = tw.code;
	in.village = act_str(a, "village");
	in.address = act_str(a, "address");
	in.phone = act_str(a, "phone");
	in.bank_name = act_str(a, "bank_name");
	in.account = act_str(a, "bank_account");
	if ((rc = buyer_get(a, &in, &b)) != NJ_OK)
		return rc;
	if (act_has(a, "service_org") && strcmp(act_str(a, "service_org"),
	    "1") == 0 && !b.service_org) {
		if (strcmp(b.kind, "org") != 0)
			return act_refuse(a, "service_org", "农机作业服务组织须为组织");
		/* R-004-M-3.3.3a 004 三(三)3: recognised by the county */
		if (a->who->role != ROLE_COUNTY)
			return act_refuse(a, "service_org", "农机作业服务组织由县级"
			    "农机部门认定");
		if (sql_exec(SQL_BUYER_SET_SERVICE, b.id) != 0)
			return act_fail(a, "保存购机者");
		b.service_org = 1;
	}
	if ((rc = number_next(a, "application", tw.parent, year, &seq)) !=
	    NJ_OK)
		return rc;
	xsnprintf(no, sizeof no, "SQ%s%d%05lld", tw.parent, year,
	    (long long)seq);
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_APP_INSERT, no, year, "quota-first",
	    tw.parent, tw.code, b.id, "draft", act_str(a, "note"),
	    a->who->id, at) != 0)
		return act_fail(a, "保存申请");
	app = store_last_id();
	if ((rc = add_line(a, app, year, tw.parent, b.service_org)) != NJ_OK)
		return rc;
	act_key(a, "%s", no);
	return NJ_OK;
}

/* As the clerk chooses item and tier: what one unit and the line get. */
static void
preview_subsidy(struct act *a, char *buf, size_t len)
{
	struct tier_row		t;
	struct subsidy_out	s;
	char			unit[32], c[32], p[32], all[32], lim[256];
	int64_t			qty = act_has(a, "qty") ? act_num(a, "qty") : 1;
	int			service = act_has(a, "service_org") &&
				    strcmp(act_str(a, "service_org"), "1") == 0;

	if (!act_has(a, "item") || !act_has(a, "tier") ||
	    find_tier(a, "tier", year_of(a, NULL), act_str(a, "item"),
	    act_str(a, "tier"), &t) != NJ_OK ||
	    tier_at(a, &t, a->today) != NJ_OK ||
	    unit_subsidy(a, &t, 0, 0, service, &s) != NJ_OK)
		return;
	money_format(s.total, unit, sizeof unit);
	money_format(s.central, c, sizeof c);
	money_format(s.provincial + s.city + s.county, p, sizeof p);
	money_format(s.total * qty, all, sizeof all);
	/* issue 10 item 3: the row's limit, to confirm or to heed */
	limit_label(t.id, lim, sizeof lim);
	xsnprintf(buf, len, "%s：单台补贴 %s 元（中央 %s，地方 %s）× %lld 台 = %s "
	    "元%s%s%s%s", t.name, unit, c, p, (long long)qty, all, t.open_ended ?
	    "；敞开补贴" : "", t.is_key ? "；重点机具须现场核验" : "",
	    lim[0] ? "；" : "", lim);
}

const struct action action_application_new = {
	"application.new", "录入补贴申请", R(ROLE_TOWNSHIP) | R(ROLE_COUNTY),
	new_fields, application_new, 0, preview_subsidy, "已录入"
};

static const struct field line_fields[] = {
	{ "application", FT_REF, FF_REQ, "申请编号", "applications", 20 },
	{ "item", FT_REF, FF_REQ, "品目", "items", 20 },
	{ "tier", FT_REF, FF_REQ, "分档", "tiers", 20 },
	{ "qty", FT_INT, FF_REQ, "数量（台）", NULL, 99 },
	FIELD_CONFIRM_LIMIT,
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/* Another machine line on an application not yet submitted. */
static int
application_line(struct act *a)
{
	struct app_row	r;
	int64_t		n;
	int		rc, service_org = 0;

	if ((rc = find_app(a, "application", &r)) != NJ_OK ||
	    (rc = app_in_state(a, &r, "draft")) != NJ_OK)
		return rc;
	if (sql_int(&n, SQL_APP_LINE_COUNT, r.id) < 0)
		return act_fail(a, "查询申购机具");
	if (n >= 10)
		return act_refuse(a, "application", "一份申请最多 10 行机具");
	{
		sqlite3_stmt		*st = sql_query(SQL_BUYER_BY_ID, r.buyer);
		struct buyer_row	 b;

		if (sql_step(st) == 1) {
			load_buyer(st, &b);
			service_org = b.service_org;
		}
		sqlite3_reset(st);
	}
	if ((rc = add_line(a, r.id, r.year, r.county, service_org)) != NJ_OK)
		return rc;
	act_key(a, "%s", r.no);
	return NJ_OK;
}

const struct action action_application_line = {
	"application.line", "增加申购机具", R(ROLE_TOWNSHIP) | R(ROLE_COUNTY),
	line_fields, application_line, 0, preview_subsidy, "已增加机具"
};

static const struct field app_fields[] = {
	{ "application", FT_REF, FF_REQ, "申请编号", "applications", 20 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

static int
application_submit(struct act *a)
{
	struct app_row	r;
	char		at[32];
	int		rc;

	if ((rc = find_app(a, "application", &r)) != NJ_OK ||
	    (rc = app_may(a, &r, "submitted")) != NJ_OK)
		return rc;
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_APP_SUBMIT, a->who->id, at, r.id) != 0)
		return act_fail(a, "上报申请");
	act_key(a, "%s", r.no);
	/* issue 11 (5): whose turn it is now */
	done_app(a, r.id, "，待县级农机部门审核");
	return NJ_OK;
}

const struct action action_application_submit = {
	"application.submit", "上报申请", R(ROLE_TOWNSHIP) | R(ROLE_COUNTY),
	app_fields, application_submit, 0, NULL, "已上报"
};

/* A line of an application as approval prices it. */
struct priced_line {
	int64_t	 id, tier, qty;
	int	 open;
};

/*
 * R-003-A1-2a 003 附件1 二 分段结算: approval prices each line afresh at the
 * amount in force on the day of approval (the notice shows it), with the
 * buyer's top-ups; an open-ended line's top-up is held to the provincial
 * plan (R-004-M-3.3.6a 004 三(三)6). Adds the line's money to the sums.
 */
static int
approve_price_line(struct act *a, const struct app_row *r,
    const struct priced_line *l, int service, int64_t sum[4])
{
	struct tier_row		t;
	struct subsidy_out	s;
	int			rc;

	if ((rc = tier_by_id(a, l->tier, &t)) != NJ_OK ||
	    (rc = tier_at(a, &t, a->today)) != NJ_OK ||
	    (rc = unit_subsidy(a, &t, 0, 0, service, &s)) != NJ_OK)
		return rc;
	if (l->open && (rc = topup_fit(a, r->county, r->year, sum[1] + sum[3] +
	    l->qty * (s.provincial - s.topup + s.city + s.county), l->qty, 0,
	    &s)) != NJ_OK)
		return rc;
	if (sql_exec(SQL_LINE_PRICE, s.central, s.provincial, s.city,
	    s.county, s.topup, t.segment, l->id) != 0)
		return act_fail(a, "保存申购机具");
	sum[l->open ? 2 : 0] += l->qty * s.central;
	sum[l->open ? 3 : 1] += l->qty * (s.provincial + s.city + s.county);
	return NJ_OK;
}

/*
 * Approve: commit the lines' subsidies against the county's budget (open
 * items exempt) and issue the notice with its window (R-004-A4-2a 004 附件4 二:
 * 20 日内购机, the year's notice_days).
 */
static int
application_approve(struct act *a)
{
	struct program_row	 p;
	struct app_row		 r;
	struct priced_line	 l[16];
	sqlite3_stmt		*st;
	int64_t			 sum[4] = { 0, 0, 0, 0 }, cseq, pseq;
	char			 no[32], at[32], from[16], to[16];
	int			 rc, n = 0, i, service = 0;

	if ((rc = find_app(a, "application", &r)) != NJ_OK ||
	    (rc = app_may(a, &r, "approved")) != NJ_OK ||
	    (rc = not_the_clerk(a, &r)) != NJ_OK ||
	    (rc = buyer_not_banned(a, "application", r.buyer)) != NJ_OK)
		return rc;
	if (program_get(r.year, &p) < 0)
		return act_fail(a, "查询年度方案");
	/* R-004-T2-3.1 004 附表2 三1: lapsed notices give their money back first */
	if ((rc = notice_expire_due(a, r.county, NULL)) != NJ_OK)
		return rc;
	st = sql_query(SQL_BUYER_BY_ID, r.buyer);
	if (sql_step(st) == 1) {
		struct buyer_row b;

		load_buyer(st, &b);
		service = b.service_org;
	}
	sqlite3_reset(st);
	st = sql_query(SQL_LINES_PRICED, r.id);
	while ((rc = sql_step(st)) == 1 && n < 16) {
		l[n].id = sqlite3_column_int64(st, 0);
		l[n].tier = sqlite3_column_int64(st, 1);
		l[n].qty = sqlite3_column_int64(st, 2);
		/* R-004-M-3.3.5 004 三(三)5: 敞开补贴, committed but not limited */
		l[n++].open = sqlite3_column_int(st, 8);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询申购机具");
	/* the limited lines first: the open ones' top-ups get what is left */
	for (i = 0; i < n; i++)
		if (!l[i].open && (rc = approve_price_line(a, &r, &l[i],
		    service, sum)) != NJ_OK)
			return rc;
	for (i = 0; i < n; i++)
		if (l[i].open && (rc = approve_price_line(a, &r, &l[i],
		    service, sum)) != NJ_OK)
			return rc;
	if ((rc = budget_commit(a, "application", r.county, r.year, sum[0],
	    sum[1], 1)) != NJ_OK || (rc = budget_commit(a, "application",
	    r.county, r.year, sum[2], sum[3], 0)) != NJ_OK)
		return rc;
	/* the county's sequence and the province's (migration 024) */
	if ((rc = number_next(a, "notice", r.county, r.year, &cseq)) !=
	    NJ_OK || (rc = number_next(a, "notice", "", r.year, &pseq)) !=
	    NJ_OK)
		return rc;
	xsnprintf(no, sizeof no, "TZ%s%d%05lld", r.county, r.year,
	    (long long)cseq);
	clock_stamp(a->now, at, sizeof at);
	date_format(a->today, from, sizeof from);
	date_format(a->today + p.notice_days - 1, to, sizeof to);
	if (sql_exec(SQL_APP_DECIDE, "approved", a->who->id, at, SQL_NULL,
	    r.id, "submitted") != 0 || store_changes() != 1 ||
	    sql_exec(SQL_NOTICE_INSERT, no, r.id, cseq, pseq, from,
	    from, to) != 0)
		return act_fail(a, "批准申请");
	act_out(a, "%s", r.no);
	act_key(a, "%s", no);
	{	/* issue 11 (5): the application, and the notice it got */
		char tail[96];

		xsnprintf(tail, sizeof tail, "，确认通知书 %s 已发放"
		    "（有效期至 %s）", no, to);
		done_app(a, r.id, tail);
	}
	return NJ_OK;
}

const struct action action_application_approve = {
	"application.approve", "审核批准申请", R(ROLE_COUNTY), app_fields,
	application_approve, 0, NULL, "已批准"
};

static const struct field reason_fields[] = {
	{ "application", FT_REF, FF_REQ, "申请编号", "applications", 20 },
	{ "reason", FT_TEXT, FF_REQ, "原因", NULL, 100 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

static int
application_reject(struct act *a)
{
	struct app_row	r;
	char		at[32];
	int		rc;

	if ((rc = find_app(a, "application", &r)) != NJ_OK ||
	    (rc = app_may(a, &r, "rejected")) != NJ_OK ||
	    (rc = not_the_clerk(a, &r)) != NJ_OK)
		return rc;
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_APP_DECIDE, "rejected", a->who->id, at,
	    act_str(a, "reason"), r.id, "submitted") != 0)
		return act_fail(a, "退回申请");
	act_key(a, "%s", r.no);
	return NJ_OK;
}

const struct action action_application_reject = {
	"application.reject", "退回申请", R(ROLE_COUNTY), reason_fields,
	application_reject, 0, NULL, "已退回"
};

/*
 * Withdraw (the buyer gives up and hands the notice back, R-004-T2-3.2 004 附表2 三2):
 * before purchase only; what the approval committed is released.
 */
static int
application_withdraw(struct act *a)
{
	struct app_row	 r;
	sqlite3_stmt	*st;
	int64_t		 central = 0, provincial = 0, left, nid = 0;
	int		 rc, used = 0;

	if ((rc = find_app(a, "application", &r)) != NJ_OK)
		return rc;
	if (!state_may("application", r.state, "withdrawn"))
		return act_refuse(a, "application", "申请 %s 的状态为“%s”，不能撤销",
		    r.no, state_label("application", r.state));
	if (strcmp(r.state, "approved") == 0) {
		st = sql_query(SQL_APP_LINES, r.id);
		while ((rc = sql_step(st)) == 1) {
			used += sqlite3_column_int(st, 3);
			left = sqlite3_column_int64(st, 2) -
			    sqlite3_column_int64(st, 3);
			central += left * sqlite3_column_int64(st, 4);
			provincial += left * (sqlite3_column_int64(st, 5) +
			    sqlite3_column_int64(st, 6) +
			    sqlite3_column_int64(st, 7));
		}
		sqlite3_reset(st);
		if (rc < 0)
			return act_fail(a, "查询申购机具");
		if (used > 0)
			return act_refuse(a, "application", "申请 %s 已有购机记录，"
			    "请办理退货", r.no);
		if ((rc = budget_commit(a, "application", r.county, r.year,
		    -central, -provincial, 0)) != NJ_OK)
			return rc;
		if (sql_int(&nid, SQL_NOTICE_ID_BY_APP, r.id) < 0 ||
		    sql_exec(SQL_NOTICE_SET_STATE, "returned", nid) != 0)
			return act_fail(a, "交回通知书");
		if ((rc = notice_withdrawn(a, nid, central, provincial)) !=
		    NJ_OK)
			return rc;
	}
	/* R-004-M-8.1 the approver stays on record (004 八(一) 谁办理、谁负责); the one
	 * who withdrew it is in the audit log */
	if (sql_exec(SQL_APP_WITHDRAW, act_str(a, "reason"), r.id,
	    r.state) != 0 || store_changes() != 1)
		return act_fail(a, "撤销申请");
	act_key(a, "%s", r.no);
	return NJ_OK;
}

const struct action action_application_withdraw = {
	"application.withdraw", "撤销申请（放弃购机）", R(ROLE_COUNTY),
	reason_fields, application_withdraw, 0, NULL, "已撤销"
};
