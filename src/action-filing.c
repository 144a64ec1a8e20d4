/*
 * action-filing.c: after a maker files a product (product.add) the
 * provincial admin reviews it (product.review, 003 附件4 第九条),
 * publicises the reviewed list for the year's publicity length
 * (filing.publicize, 第十条), the maker may object during it
 * (filing.objection, 第十一条), the admin resolves each objection and an
 * upheld one corrects the result (filing.resolve), and after the period
 * the admin publishes (filing.publish, 第十二条): passed products become
 * 'published' and may be traded (action-filing-check.c), failed ones
 * 'failed'. Publicity numbers read GS<year>-<nnn>, objection numbers
 * YY<year>-<nnn>, the year being today's.
 */
#include <string.h>

#include "actions.h"

/* A filed product by its model in field, and its certificate. */
static int
filed_product(struct act *a, const char *field, struct product_row *p)
{
	int rc;

	if ((rc = find_product(a, field, act_str(a, field), p)) != NJ_OK)
		return rc;
	if (strcmp(p->status, "filed") != 0)
		return act_refuse(a, field, "型号 %s 的状态为“%s”，只能审核已投档"
		    "待审核的产品", p->model, state_label("product", p->status));
	return NJ_OK;
}

/* R-003-A4-8.2 003 附件4 第八条(二): a filing passes only with its
 * certificate, valid today */
static int
review_cert(struct act *a, const struct product_row *p)
{
	sqlite3_stmt	*st = sql_query(SQL_FILING_CERT, p->id);
	char		 no[64] = "", until[16] = "";
	int		 rc = sql_step(st);

	if (rc == 1) {
		sql_col_copy(st, 0, no, sizeof no);
		sql_col_copy(st, 1, until, sizeof until);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询证书");
	if (no[0] == '\0' || until[0] == '\0')
		return act_refuse(a, "result", "型号 %s 没有鉴定（认证）证书编号或"
		    "有效期，不能审核通过", p->model);
	if (cert_expired(a, until))
		return act_refuse(a, "result", "型号 %s 的证书已过期 %s%s，不能审核"
		    "通过", p->model, until, act_today(a));
	return NJ_OK;
}

static const struct field review_fields[] = {
	{ "model", FT_REF, FF_REQ, "机具型号", "filing_queue", 40 },
	{ "result", FT_CHOICE, FF_REQ, "审核结果", "pass:通过,fail:不通过", 0 },
	{ "reason", FT_TEXT, 0, "不通过理由", NULL, 200 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/*
 * R-003-A4-9 003 附件4 第九条: the review of a filing, pass or fail; a
 * fail names its reason. Again until the review is publicised.
 */
static int
product_review(struct act *a)
{
	struct product_row	 p;
	sqlite3_stmt		*st;
	int64_t			 rid = 0;
	char			 pub[32] = "", at[32];
	int			 rc, pass = strcmp(act_str(a, "result"), "pass") == 0;

	if ((rc = filed_product(a, "model", &p)) != NJ_OK)
		return rc;
	if (!pass && !act_has(a, "reason"))
		return act_refuse(a, "reason", "审核不通过须注明理由");
	if (pass && ((rc = maker_may_file(a, "result", p.maker_id)) != NJ_OK ||
	    (rc = review_cert(a, &p)) != NJ_OK))
		return rc;
	st = sql_query(SQL_FILING_REVIEW_GET, p.id);
	if ((rc = sql_step(st)) == 1) {
		rid = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 2, pub, sizeof pub);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询审核");
	if (pub[0] != '\0')
		return act_refuse(a, "model", "型号 %s 的审核结果已在公示 %s 中，"
		    "只能经异议复核更正", p.model, pub);
	clock_stamp(a->now, at, sizeof at);
	if (rid != 0)
		rc = sql_exec(SQL_FILING_REVIEW_UPDATE, act_str(a, "result"),
		    act_str(a, "reason"), a->who->id, at, rid);
	else
		rc = sql_exec(SQL_FILING_REVIEW_INSERT, p.id,
		    act_str(a, "result"), act_str(a, "reason"), a->who->id, at);
	if (rc != 0)
		return act_fail(a, "保存审核结果");
	act_key(a, "%s", p.model);
	return NJ_OK;
}

const struct action action_product_review = {
	"product.review", "投档审核", R(ROLE_ADMIN), review_fields,
	product_review, 0, NULL, "已审核"
};

static const struct field publicize_fields[] = {
	{ "from", FT_DATE, FF_REQ, "公示开始日期", NULL, 0 },
	{ "to", FT_DATE, FF_REQ, "公示结束日期", NULL, 0 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/*
 * R-003-A4-10 003 附件4 第十条: every review not yet publicised goes into
 * one publicity, for at least the year's publicity length (the year of
 * its first day; calendar or working days, as batch.publicize).
 */
static int
filing_publicize(struct act *a)
{
	struct program_row	p;
	int64_t			seq, id;
	char			no[32], at[32];
	int			rc, y, m, d, year;

	date_to_ymd((int)act_num(a, "from"), &year, &m, &d);
	if (program_get(year, &p) < 0)
		return act_fail(a, "查询年度方案");
	if ((rc = publicity_length(a, &p, (int)act_num(a, "from"),
	    (int)act_num(a, "to"))) != NJ_OK)
		return rc;
	date_to_ymd(a->today, &y, &m, &d);
	if (sql_int(&seq, SQL_FILING_PUB_NEXT_SEQ, y) < 0)
		return act_fail(a, "编号");
	xsnprintf(no, sizeof no, "GS%04d-%03lld", y, (long long)seq);
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_FILING_PUB_INSERT, no, y, (int)seq,
	    act_str(a, "from"), act_str(a, "to"), a->who->id, at) != 0)
		return act_fail(a, "保存公示");
	id = store_last_id();
	if (sql_exec(SQL_FILING_PUB_TAKE, id) != 0)
		return act_fail(a, "保存公示");
	if (store_changes() == 0)
		return act_refuse(a, NULL, "没有已审核待公示的投档产品");
	act_key(a, "%s", no);
	return NJ_OK;
}

const struct action action_filing_publicize = {
	"filing.publicize", "投档审核结果公示", R(ROLE_ADMIN), publicize_fields,
	filing_publicize, 0, NULL, "已公示投档审核结果"
};

/* The publicity a product's review is in: its row, or a refusal. */
struct pub_row {
	int64_t	 id;
	char	 no[32];
	char	 from[16], to[16];
	char	 state[16];
	int64_t	 review;
	char	 result[8];
};

static int
product_publicity(struct act *a, const struct product_row *p,
    struct pub_row *r)
{
	sqlite3_stmt	*st = sql_query(SQL_FILING_PUB_OF_PRODUCT, p->id);
	int		 rc = sql_step(st);

	memset(r, 0, sizeof *r);
	if (rc == 1) {
		r->id = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 1, r->no, sizeof r->no);
		sql_col_copy(st, 2, r->from, sizeof r->from);
		sql_col_copy(st, 3, r->to, sizeof r->to);
		sql_col_copy(st, 4, r->state, sizeof r->state);
		r->review = sqlite3_column_int64(st, 5);
		sql_col_copy(st, 6, r->result, sizeof r->result);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询公示");
	if (rc == 0 || strcmp(r->state, "publicized") != 0)
		return act_refuse(a, "model", "型号 %s 的审核结果不在公示中",
		    p->model);
	return NJ_OK;
}

static const struct field objection_fields[] = {
	{ "model", FT_REF, FF_REQ, "机具型号", "my_filings", 40 },
	{ "reason", FT_TEXT, FF_REQ, "异议理由", NULL, 200 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/*
 * R-003-A4-11a 003 附件4 第十一条: the maker of the product objects to its
 * review result during the publicity period, not before or after it.
 */
static int
filing_objection(struct act *a)
{
	struct product_row	p;
	struct pub_row		r;
	int64_t			seq;
	char			no[32], at[32];
	int			rc, from, to, y, m, d;

	if ((rc = find_product(a, "model", act_str(a, "model"), &p)) != NJ_OK)
		return rc;
	if (p.maker_id != a->who->org)
		return act_refuse(a, "model", "型号 %s 不是本企业投档的产品",
		    p.model);
	if ((rc = product_publicity(a, &p, &r)) != NJ_OK)
		return rc;
	if (date_parse(r.from, &from) != 0 || date_parse(r.to, &to) != 0)
		return act_fail(a, "公示日期");
	if (a->today < from || a->today > to)
		return act_refuse(a, NULL, "公示 %s 的公示期为 %s 至 %s，不在公示期"
		    "内不能提出异议%s", r.no, r.from, r.to, act_today(a));
	rc = sql_text(no, sizeof no, SQL_FILING_OBJ_OPEN_OF, p.id);
	if (rc < 0)
		return act_fail(a, "查询异议");
	if (rc == 1)
		return act_refuse(a, "model", "型号 %s 已有未处理的异议 %s",
		    p.model, no);
	date_to_ymd(a->today, &y, &m, &d);
	if (sql_int(&seq, SQL_FILING_OBJ_NEXT_SEQ, y) < 0)
		return act_fail(a, "编号");
	xsnprintf(no, sizeof no, "YY%04d-%03lld", y, (long long)seq);
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_FILING_OBJ_INSERT, no, y, (int)seq, p.id, r.id,
	    act_str(a, "reason"), a->who->id, at) != 0)
		return act_fail(a, "保存异议");
	act_key(a, "%s", no);
	return NJ_OK;
}

const struct action action_filing_objection = {
	"filing.objection", "投档审核结果异议", R(ROLE_MAKER), objection_fields,
	filing_objection, 0, NULL, "已提出异议"
};

static const struct field resolve_fields[] = {
	{ "objection", FT_REF, FF_REQ, "异议编号", "filing_objections", 16 },
	{ "result", FT_CHOICE, FF_REQ, "复核结论",
	    "upheld:异议成立（更正审核结果）,dismissed:异议不成立", 0 },
	{ "note", FT_TEXT, 0, "复核意见", NULL, 200 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/*
 * R-003-A4-11b 003 附件4 第十一条: the admin re-checks; an upheld objection
 * corrects the result (pass and fail swap), which the audit row says.
 */
static int
filing_resolve(struct act *a)
{
	sqlite3_stmt	*st = sql_query(SQL_FILING_OBJ_BY_NO,
	    act_str(a, "objection"));
	int64_t		 id = 0, review = 0;
	char		 state[16] = "", model[64] = "", result[8] = "", at[32];
	const char	*to;
	int		 rc = sql_step(st), upheld;

	if (rc == 1) {
		id = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 1, state, sizeof state);
		sql_col_copy(st, 2, model, sizeof model);
		review = sqlite3_column_int64(st, 3);
		sql_col_copy(st, 4, result, sizeof result);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询异议");
	if (rc == 0)
		return act_refuse(a, "objection", "未知的异议编号：%s",
		    act_str(a, "objection"));
	if (strcmp(state, "open") != 0)
		return act_refuse(a, "objection", "异议 %s 已处理（%s）",
		    act_str(a, "objection"), state_label("filing_objection",
		    state));
	upheld = strcmp(act_str(a, "result"), "upheld") == 0;
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_FILING_OBJ_RESOLVE, act_str(a, "result"),
	    act_str(a, "note"), a->who->id, at, id) != 0)
		return act_fail(a, "保存复核结论");
	if (upheld) {
		to = strcmp(result, "pass") == 0 ? "fail" : "pass";
		if (sql_exec(SQL_FILING_REVIEW_SET, to, review) != 0)
			return act_fail(a, "更正审核结果");
		xsnprintf(a->audit_note, sizeof a->audit_note,
		    "更正审核结果 %s：%s→%s", model,
		    state_label("filing_review", result),
		    state_label("filing_review", to));
	}
	act_key(a, "%s", act_str(a, "objection"));
	return NJ_OK;
}

const struct action action_filing_resolve = {
	"filing.resolve", "处理投档异议", R(ROLE_ADMIN), resolve_fields,
	filing_resolve, 0, NULL, "已复核投档异议"
};

static const struct field publish_fields[] = {
	{ "publicity", FT_REF, FF_REQ, "公示编号", "filing_publicities", 16 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/*
 * R-003-A4-12 003 附件4 第十二条: after the publicity period, with every
 * objection resolved, the passed products are published and the failed
 * ones stay failed; the records are kept (no row is ever deleted).
 */
static int
filing_publish(struct act *a)
{
	sqlite3_stmt	*st = sql_query(SQL_FILING_PUB_BY_NO,
	    act_str(a, "publicity"));
	int64_t		 id = 0, open, n;
	char		 from[16] = "", to[16] = "", state[16] = "", at[32];
	int		 rc = sql_step(st), end;

	if (rc == 1) {
		id = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 1, from, sizeof from);
		sql_col_copy(st, 2, to, sizeof to);
		sql_col_copy(st, 3, state, sizeof state);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询公示");
	if (rc == 0)
		return act_refuse(a, "publicity", "未知的公示编号：%s",
		    act_str(a, "publicity"));
	if (!state_may("filing_publicity", state, "published"))
		return act_refuse(a, "publicity", "公示 %s 已公布",
		    act_str(a, "publicity"));
	if (date_parse(to, &end) != 0)
		return act_fail(a, "公示日期");
	if (a->today <= end)
		return act_refuse(a, "publicity", "公示 %s 的公示期至 %s，期满后"
		    "才能公布%s", act_str(a, "publicity"), to, act_today(a));
	if (sql_int(&open, SQL_FILING_PUB_OPEN_OBJ, id) < 0)
		return act_fail(a, "查询异议");
	if (open > 0)
		return act_refuse(a, "publicity", "公示 %s 还有 %lld 条异议未处理",
		    act_str(a, "publicity"), (long long)open);
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_FILING_PUBLISH_PASS, id) != 0)
		return act_fail(a, "公布");
	n = store_changes();
	if (sql_exec(SQL_FILING_PUBLISH_FAIL, id) != 0 ||
	    sql_exec(SQL_FILING_PUB_DONE, a->who->id, at, id) != 0)
		return act_fail(a, "公布");
	act_out(a, "%s", act_str(a, "publicity"));
	act_key(a, "%lld", (long long)n);
	return NJ_OK;
}

const struct action action_filing_publish = {
	"filing.publish", "公布补贴机具信息", R(ROLE_ADMIN), publish_fields,
	filing_publish, 0, NULL, "已公布"
};
