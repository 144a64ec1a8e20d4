/*
 * action-sale.c: the dealer records a sale (004 附件4 二; 000 二(二)2), in
 * either flow, and the county accepts a buy-first claim.
 *
 * Quota-first (先定后买): the sale is made against a confirmation notice:
 * the buyer's ID number and the notice number must belong together, the
 * date must fall in the notice's window, the machine must be in the
 * dealer's stock, of an item and tier on the notice, and authorised for
 * this dealer in the buyer's county. Buy-first (先购后补): the dealer
 * records the sale of a machine of its stock to a buyer; the buyer then
 * claims at the county (claim.new), which is when the budget is committed.
 * Either way the subsidy is computed once (tier, filed amount, cap, share
 * of the price, top-ups) and frozen on the sale, and the anomaly flags of
 * SPEC section 5 are computed.
 */
#include <stdlib.h>
#include <string.h>

#include "actions.h"

struct machine_row {
	int64_t	 id;
	int64_t	 dealer;
	char	 state[16];
	int64_t	 product;
	int64_t	 tier;
	int64_t	 filed;
	char	 model[64];
};

/*
 * A unit of this dealer's stock, of a product that may still be sold with
 * a subsidy: not failed in filing or suspended, of a maker neither
 * suspended nor blacklisted (R-003-A2-8b SPEC 5; 003 附件2 第八条).
 */
static int
machine_in_stock(struct act *a, const char *serial, int64_t dealer,
    struct machine_row *m)
{
	sqlite3_stmt	*st = sql_query(SQL_MACHINE_FOR_SALE, serial);
	char		 pstatus[16] = "", kstatus[16] = "", maker[NJ_NAME_MAX];
	char		 uscc[24] = "", what[NJ_NAME_MAX + 32];
	int		 rc = sql_step(st);

	memset(m, 0, sizeof *m);
	maker[0] = '\0';
	if (rc == 1) {
		m->id = sqlite3_column_int64(st, 0);
		m->dealer = sqlite3_column_int64(st, 1);
		sql_col_copy(st, 2, m->state, sizeof m->state);
		m->product = sqlite3_column_int64(st, 3);
		m->tier = sqlite3_column_int64(st, 4);
		m->filed = sqlite3_column_int64(st, 5);
		sql_col_copy(st, 6, m->model, sizeof m->model);
		sql_col_copy(st, 8, pstatus, sizeof pstatus);
		sql_col_copy(st, 9, kstatus, sizeof kstatus);
		sql_col_copy(st, 10, maker, sizeof maker);
		sql_col_copy(st, 11, uscc, sizeof uscc);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询机具");
	if (rc == 0 || m->dealer != dealer || strcmp(m->state, "supplied") != 0)
		return act_refuse(a, "serial", "出厂编号 %s 不在本店库存中%s",
		    serial, rc == 1 && m->dealer == dealer &&
		    strcmp(m->state, "returned") != 0 ? "（已销售）" : "");
	if (strcmp(pstatus, "failed") == 0)
		return act_refuse(a, "serial", "型号 %s 的投档未通过，不能享受补贴",
		    m->model);
	/* issue 13: the product's and its maker's penalties (暂停至 ...) */
	xsnprintf(what, sizeof what, "型号 %s", m->model);
	if ((rc = party_check(a, "serial", "product", m->model, what,
	    pstatus)) != NJ_OK)
		return rc;
	xsnprintf(what, sizeof what, "生产企业%s", maker);
	return party_check(a, "serial", "maker", uscc, what, kstatus);
}

/*
 * R-000-M-1.2.2b 000 一(二)2: authorised by its maker to sell here. With
 * no sales-region setting (销售机具设置) for the model, a dealer its maker
 * picked sells it in the whole province (R-004-M-4.1c 004 四(一): 补贴
 * 对象可以在全区范围内自主选机购机，不受区域限制).
 */
static int
authorized(struct act *a, int64_t dealer, const struct machine_row *m,
    const char *county)
{
	struct region_row	r;
	int64_t			one;
	int			rc = sql_int(&one, SQL_DEALER_AUTHORIZED,
	    dealer, m->product, county);

	if (rc == 1)
		return NJ_OK;
	if (rc == 0)
		rc = sql_int(&one, SQL_DEALER_ANY_AUTH, dealer, m->product);
	if (rc == 0) {
		/* no setting for the model: the whole province */
		rc = sql_int(&one, SQL_DEALER_PICKED_FOR, dealer, m->product);
		if (rc == 1)
			return NJ_OK;
		if (rc == 0)
			return act_refuse(a, "serial", "本店未获生产企业授权销售"
			    "型号 %s", m->model);
	}
	if (rc < 0)
		return act_fail(a, "查询销售授权");
	/* a setting that leaves this county out */
	if (find_region(a, "county", county, NULL, &r) != NJ_OK)
		return NJ_REFUSED;
	return act_refuse(a, "serial", "本店未获生产企业授权在%s销售型号 %s",
	    r.name, m->model);
}

/* Price, date and invoice as on the invoice; the subsidy of the unit. */
static int
sale_money(struct act *a, int64_t dealer, const struct tier_row *t,
    const struct machine_row *m, int service_org, struct subsidy_out *s)
{
	int64_t		 other;
	char		 s1[32], s2[32];
	int		 rc;

	if (act_num(a, "sold_on") > a->today)
		return act_refuse(a, "sold_on", "购机日期不能晚于今天%s",
		    act_today(a));
	if (act_num(a, "price") <= 0)
		return act_refuse(a, "price", "售价应大于 0");
	rc = sql_int(&other, SQL_INVOICE_USED, dealer,
	    act_str(a, "invoice_no"));
	if (rc < 0)
		return act_fail(a, "查询发票");
	if (rc == 1)
		return act_refuse(a, "invoice_no", "发票号 %s 已用于本店的其他销售",
		    act_str(a, "invoice_no"));
	/* a price below the unit's fixed subsidy is not a real invoice */
	if ((rc = unit_subsidy(a, t, m->filed, 0, service_org, s)) != NJ_OK)
		return rc;
	if (act_num(a, "price") < s->total) {
		money_format(act_num(a, "price"), s1, sizeof s1);
		money_format(s->total, s2, sizeof s2);
		return act_refuse(a, "price", "售价 %s 元低于该机具的补贴额 %s 元",
		    s1, s2);
	}
	if ((rc = unit_subsidy(a, t, m->filed, act_num(a, "price"),
	    service_org, s)) != NJ_OK)
		return rc;
	/* issue 10 (1): a rule that lowered it is told, with both amounts */
	subsidy_note(a, t, s);
	return NJ_OK;
}

/* Store the sale and mark the machine sold; its id into *sale. */
static int
sale_store(struct act *a, int year, const char *county, int64_t dealer,
    const struct machine_row *m, int64_t buyer, int64_t app, int64_t line,
    int64_t notice, const struct tier_row *t, const struct subsidy_out *s,
    int64_t *sale)
{
	struct program_row	p;
	char			at[32], photo_key[24];
	int			key;

	if (program_get(year, &p) < 0)
		return act_fail(a, "查询年度方案");
	/* R-003-A3-7.3.1 003 附件3 第七条(三): 补贴额一万元以上的机具须现场核验 */
	key = t->is_key || s->total >= p.key_threshold;
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_SALE_INSERT, year, county,
	    dealer, m->id, buyer, app, line, notice, t->id,
	    act_num(a, "price"), act_str(a, "sold_on"),
	    act_str(a, "invoice_no"), act_str(a, "licence_no"),
	    act_str(a, "photo"), s->central, s->provincial, s->city, s->county,
	    s->total, key, t->licensed, a->who->id, at) != 0)
		return act_fail(a, "保存销售");
	*sale = store_last_id();
	/* issue 11 (5): its readable number, XS<county><year><seq> */
	if (sale_number(a, *sale, county, year) != NJ_OK)
		return NJ_ERROR;
	/* R-003-A1-2a 003 附件1 二: which segment's amount the sale got */
	if (sql_exec(SQL_SALE_SEGMENT, s->topup, t->segment, *sale) != 0)
		return act_fail(a, "保存销售");
	if (sql_exec(SQL_MACHINE_SET_STATE, "sold", m->id) != 0)
		return act_fail(a, "保存机具");
	/*
	 * R-004-A4-2c issue 12 item 4: photo=NAME of an upload in the
	 * dealer's /inbox attaches it as the sale's 人机合照; any other text
	 * is kept on the sale as before
	 */
	if (act_has(a, "photo") && photo_waiting(a, act_str(a, "photo"))) {
		xsnprintf(photo_key, sizeof photo_key, "%lld", (long long)*sale);
		return photo_add(a, "photo", act_str(a, "photo"), "sale",
		    photo_key, "person");
	}
	return NJ_OK;
}

/* The quota-first sale, against a notice. */
static int
sale_on_notice(struct act *a, const struct org_row *dealer,
    const struct machine_row *m)
{
	sqlite3_stmt		*st;
	struct tier_row		 t;
	struct subsidy_out	 s;
	struct notice_row	 n;
	struct buyer_row	 b;
	unsigned char		 h[CRYPT_HASH_LEN];
	int64_t			 nid = 0, app = 0, buyer = 0, line = 0, left;
	int64_t			 lc = 0, lp = 0, lt = 0;
	char			 state[16] = "", from[16] = "", to[16] = "";
	char			 county[NJ_REGION_MAX] = "", hash[CRYPT_HASH_LEN];
	int			 rc, year = 0, from_day, to_day, service = 0;

	st = sql_query(SQL_NOTICE_BY_NO, act_str(a, "notice"));
	rc = sql_step(st);
	if (rc == 1) {
		load_notice(st, &n);
		nid = n.id;
		app = n.app;
		strlcpy0(state, n.state, sizeof state);
		strlcpy0(from, n.valid_from, sizeof from);
		strlcpy0(to, n.valid_to, sizeof to);
		strlcpy0(county, n.county, sizeof county);
		buyer = n.buyer;
		year = n.year;
		memcpy(hash, n.idno_hash, CRYPT_HASH_LEN);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询确认通知书");
	if (rc == 0)
		return act_refuse(a, "notice", "未知的确认通知书编号：%s",
		    act_str(a, "notice"));
	if (!state_may("notice", state, "used"))
		return act_refuse(a, "notice", "确认通知书 %s %s", act_str(a,
		    "notice"), strcmp(state, "used") == 0 ? "已使用" :
		    "已交回或作废");
	/* R-000-M-2.2.2 000 二(二)2: 身份证号、指标确认书编号两个号码需相互对应 */
	/* R-SEC-8.2b issue 8 (2): a look-up by ID number, logged if refused */
	if ((rc = lookup_begin(a, "id_no", act_str(a, "id_no"))) != NJ_OK)
		return rc;
	crypt_hash("idno", act_str(a, "id_no"), h);
	if (memcmp(h, hash, CRYPT_HASH_LEN) != 0)
		return lookup_miss(a, "id_no", "身份证号码与确认通知书不符");
	if ((rc = buyer_not_banned(a, "id_no", buyer)) != NJ_OK)
		return rc;
	/* R-004-A4-2a 004 附件4 二: 领取指标确认书后20日内购机 */
	date_parse(from, &from_day);
	date_parse(to, &to_day);
	if (act_num(a, "sold_on") < from_day)
		return act_refuse(a, "sold_on", "购机日期早于确认通知书签发日期 %s",
		    from);
	if (act_num(a, "sold_on") > to_day)
		return act_refuse(a, "sold_on", "购机日期超过确认通知书有效期（%s 至 "
		    "%s）", from, to);
	/* R-004-M-8.2.4 004 八(二)四: a line of the notice with this machine's tier, not yet used up */
	st = sql_query(SQL_APP_LINES, app);
	while ((rc = sql_step(st)) == 1)
		if (sqlite3_column_int64(st, 1) == m->tier &&
		    sqlite3_column_int64(st, 3) < sqlite3_column_int64(st, 2)) {
			line = sqlite3_column_int64(st, 0);
			lc = sqlite3_column_int64(st, 4);
			lp = sqlite3_column_int64(st, 5) +
			    sqlite3_column_int64(st, 6) +
			    sqlite3_column_int64(st, 7);
			break;
		}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询确认通知书");
	if (line == 0)
		return act_refuse(a, "serial", "确认通知书中没有型号 %s 所属的品目"
		    "分档，或该分档数量已用完", m->model);
	if ((rc = authorized(a, dealer->id, m, county)) != NJ_OK ||
	    (rc = limit_check(a, "serial", m->tier, county, LIMIT_REGION,
	    NULL)) != NJ_OK)
		return rc;
	/* R-003-A1-2a 003 附件1 二: the amount in force on the sale date */
	if ((rc = tier_by_id(a, m->tier, &t)) != NJ_OK ||
	    (rc = tier_at(a, &t, (int)act_num(a, "sold_on"))) != NJ_OK)
		return rc;
	st = sql_query(SQL_BUYER_BY_ID, buyer);
	if (sql_step(st) == 1) {
		load_buyer(st, &b);
		service = b.service_org;
	}
	sqlite3_reset(st);
	if ((rc = sale_money(a, dealer->id, &t, m, service, &s)) != NJ_OK)
		return rc;
	/* R-004-M-3.3.6a 004 三(三)6: more top-up than the notice granted
	 * only within what is left of the provincial plan */
	if (sql_int(&lt, SQL_LINE_TOPUP, line) < 0)
		return act_fail(a, "查询确认通知书");
	if ((rc = topup_fit(a, county, year, s.provincial - s.topup + s.city +
	    s.county - (lp - lt), 1, lt, &s)) != NJ_OK)
		return rc;
	{
		int64_t sale;

		if ((rc = sale_store(a, year, county, dealer->id, m, buyer, app,
		    line, nid, &t, &s, &sale)) != NJ_OK)
			return rc;
		/* the budget holds what the unit really gets now */
		if ((rc = budget_commit(a, "price", county, year, s.central -
		    lc, s.provincial + s.city + s.county - lp, 0)) != NJ_OK)
			return rc;
		if (sql_exec(SQL_LINE_USE, (int64_t)1, line) != 0 ||
		    sql_int(&left, SQL_LINES_LEFT, app) < 0)
			return act_fail(a, "保存确认通知书");
		if (left == 0 && (sql_exec(SQL_NOTICE_SET_STATE, "used",
		    nid) != 0 || sql_exec(SQL_APP_SET_STATE, "used",
		    app, "approved") != 0))
			return act_fail(a, "保存确认通知书");
		if ((rc = anomaly_check(a, sale)) != NJ_OK)
			return rc;
		act_key(a, "%lld", (long long)sale);
	}
	return NJ_OK;
}

/* The buy-first sale: the buyer claims at the county afterwards. */
static int
sale_first(struct act *a, const struct org_row *dealer,
    const struct machine_row *m, int year)
{
	struct buyer_in		 in;
	struct buyer_row	 b;
	struct tier_row		 t;
	struct subsidy_out	 s;
	struct region_row	 r;
	sqlite3_stmt		*st;
	char			 county[NJ_REGION_MAX] = "";
	int64_t			 sale;
	int			 rc, n = 0;

	if (!act_has(a, "buyer_type"))
		return act_refuse(a, "buyer_type", "请填写：购机者类型");
	if (!act_has(a, "buyer_name"))
		return act_refuse(a, "buyer_name", "请填写：购机者姓名/组织名称");
	if (act_has(a, "county")) {
		if ((rc = find_region(a, "county", act_str(a, "county"),
		    "county", &r)) != NJ_OK)
			return rc;
		strlcpy0(county, r.code, sizeof county);
	} else {
		/* the one county this dealer may sell the model in */
		st = sql_query(SQL_DEALER_AUTH_COUNTIES, dealer->id,
		    m->product);
		while (sql_step(st) == 1 && n++ == 0)
			sql_col_copy(st, 0, county, sizeof county);
		sqlite3_reset(st);
		/* R-004-M-4.1c 004 四(一): no setting, the whole province */
		if (n == 0 && (rc = authorized(a, dealer->id, m, "")) !=
		    NJ_OK)
			return rc;
		if (n != 1)
			return act_refuse(a, "county", n == 0 ? "请填写：购机者所在县"
			    "（型号 %s 可在全区销售）" : "请填写：购机者所在县（型号 %s "
			    "授权在多个县销售）", m->model);
	}
	if ((rc = authorized(a, dealer->id, m, county)) != NJ_OK ||
	    (rc = limit_check(a, "county", m->tier, county, LIMIT_REGION,
	    NULL)) != NJ_OK)
		return rc;
	memset(&in, 0, sizeof in);
	in.kind = act_str(a, "buyer_type");
	in.name = act_str(a, "buyer_name");
	in.idno = act_str(a, "id_no");
	if ((rc = buyer_get(a, &in, &b)) != NJ_OK)
		return rc;
	if ((rc = tier_by_id(a, m->tier, &t)) != NJ_OK ||
	    (rc = tier_at(a, &t, (int)act_num(a, "sold_on"))) != NJ_OK)
		return rc;
	if (t.year != year)
		return act_refuse(a, "serial", "型号 %s 投档于 %d 年度补贴目录，"
		    "不在 %d 年度目录中", m->model, t.year, year);
	if ((rc = sale_money(a, dealer->id, &t, m, b.service_org, &s)) !=
	    NJ_OK)
		return rc;
	if ((rc = sale_store(a, year, county, dealer->id, m, b.id, 0, 0, 0, &t,
	    &s, &sale)) != NJ_OK)
		return rc;
	if ((rc = anomaly_check(a, sale)) != NJ_OK)
		return rc;
	act_key(a, "%lld", (long long)sale);
	return NJ_OK;
}

static const struct field sale_fields[] = {
	{ "notice", FT_REF, 0, "确认通知书编号", NULL, 24 },
	{ "id_no", FT_IDNO, FF_REQ | FF_PRIVATE, "身份证号/信用代码", NULL, 18 },
	{ "serial", FT_REF, FF_REQ, "出厂编号", "stock", 40 },
	/* R-SEC-8.11c issue 8 (11): a machine's price, 1 元 to 1000 万元 */
	{ "price", FT_MONEY, FF_REQ, "销售价格（元）", "1-10000000", 0 },
	{ "sold_on", FT_DATE, FF_REQ, "购机日期", NULL, 0 },
	{ "invoice_no", FT_TEXT, FF_REQ, "发票号", NULL, 40 },
	{ "buyer_type", FT_CHOICE, 0, "购机者类型", "person:个人,org:组织", 0 },
	{ "buyer_name", FT_TEXT, 0, "购机者姓名/组织名称", NULL, 40 },
	{ "county", FT_REF, 0, "购机者所在县", "counties", 12 },
	{ "licence_no", FT_TEXT, 0, "牌证号码", NULL, 30 },
	{ "photo", FT_TEXT, 0, "人机合照文件", NULL, 100 },
	{ NULL, 0, 0, NULL, NULL, 0 }
};

static int
sale_new(struct act *a)
{
	struct program_row	p;
	struct org_row		dealer;
	struct machine_row	m;
	char			serial[64];
	int			rc, y, mo, d;

	if ((rc = own_dealer(a, &dealer)) != NJ_OK)
		return rc;
	serial_norm(act_str(a, "serial"), serial, sizeof serial);
	if ((rc = machine_in_stock(a, serial, dealer.id, &m)) != NJ_OK)
		return rc;
	if ((rc = product_usable(a, m.product, "serial")) != NJ_OK)
		return rc;
	if ((rc = freeze_check(a, "serial", dealer.id, m.product)) != NJ_OK)
		return rc;
	/* a notice carries its own year's flow, even into the next year */
	if (act_has(a, "notice"))
		return sale_on_notice(a, &dealer, &m);
	date_to_ymd((int)act_num(a, "sold_on"), &y, &mo, &d);
	if (program_get(y, &p) < 0)
		return act_fail(a, "查询年度方案");
	if (strcmp(p.flow, "buy-first") != 0)
		return act_refuse(a, "notice", "%d 年度实行先定后买：请填写确认通知书"
		    "编号", y);
	return sale_first(a, &dealer, &m, y);
}

const struct action action_sale_new = {
	"sale.new", "销售登记", R(ROLE_DEALER), sale_fields, sale_new, 0, NULL,
	"已登记销售"
};

/*
 * buyer_type tells the field checks that an organisation's credit code
 * and basic account (基本账户) are meant, when the code has no letters.
 */
static const struct field claim_fields[] = {
	{ "serial", FT_REF, FF_REQ, "出厂编号", NULL, 40 },
	{ "id_no", FT_IDNO, FF_REQ | FF_PRIVATE, "身份证号/信用代码", NULL, 18 },
	FIELDS_BUYER_CONTACT,
	FIELD_CONFIRM_LIMIT,
	{ NULL, 0, 0, NULL, NULL, 0 }
};

/*
 * The top-up of a buy-first sale of an open-ended item, held to what is
 * left of the provincial plan when the claim commits it; the sale's
 * money is lowered with it and *provincial with the sale.
 */
static int
claim_topup_fit(struct act *a, const char *county, int year, int64_t sale,
    int64_t local, int64_t *provincial)
{
	struct subsidy_out	s;
	int64_t			topup;
	int			rc;

	if (sql_int(&topup, SQL_SALE_TOPUP, sale) < 0)
		return act_fail(a, "查询销售");
	memset(&s, 0, sizeof s);
	s.topup = topup;
	s.provincial = *provincial;
	if ((rc = topup_fit(a, county, year, *provincial - topup + local, 1, 0,
	    &s)) != NJ_OK)
		return rc;
	if (s.topup < topup && sql_exec(SQL_SALE_LOWER_TOPUP,
	    topup - s.topup, sale) != 0)
		return act_fail(a, "保存销售");
	*provincial = s.provincial;
	return NJ_OK;
}

/*
 * Buy-first: the buyer claims with the invoice; the county accepts it,
 * which creates the application from the sale and commits the budget.
 */
static int
claim_new(struct act *a)
{
	struct buyer_in		 in;
	struct buyer_row	 b;
	struct region_row	 tw;
	sqlite3_stmt		*st;
	unsigned char		 h[CRYPT_HASH_LEN];
	char			 serial[64], county[NJ_REGION_MAX] = "", state[16] = "";
	char			 no[32], at[32], hash[CRYPT_HASH_LEN];
	int64_t			 sale = 0, buyer = 0, app_id = 0, tier = 0, seq, app;
	int64_t			 c = 0, p = 0, ci = 0, co = 0, has, line;
	int			 rc, year = 0, confirmed;
	struct tier_row		 t;
	struct sale_row		 r;

	serial_norm(act_str(a, "serial"), serial, sizeof serial);
	if (sql_int(&sale, SQL_SALE_BY_SERIAL, serial) < 0)
		return act_fail(a, "查询销售");
	st = sql_query(SQL_SALE_GET, sale);
	if ((rc = sql_step(st)) == 1) {
		load_sale(st, &r);
		year = r.year;
		strlcpy0(county, r.county, sizeof county);
		buyer = r.buyer;
		app_id = r.app;
		tier = r.tier;
		c = r.central;
		p = r.provincial;
		ci = r.city;
		co = r.county_part;
		strlcpy0(state, r.state, sizeof state);
		memcpy(hash, r.idno_hash, CRYPT_HASH_LEN);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询销售");
	if (rc == 0 || app_id != 0 || strcmp(state, "recorded") != 0)
		return act_refuse(a, "serial", "出厂编号 %s 没有待受理的销售登记%s",
		    serial, rc == 1 && app_id != 0 ? "（已受理）" : "");
	/* a township clerk takes claims of its county's sales for its township */
	if (a->who->role != ROLE_TOWNSHIP &&
	    (rc = need_scope(a, "serial", county)) != NJ_OK)
		return rc;
	/* R-SEC-8.2b issue 8 (2): a look-up by ID number, logged if refused */
	if ((rc = lookup_begin(a, "id_no", act_str(a, "id_no"))) != NJ_OK)
		return rc;
	crypt_hash("idno", act_str(a, "id_no"), h);
	if (memcmp(h, hash, CRYPT_HASH_LEN) != 0)
		return lookup_miss(a, "id_no", "身份证号码与销售登记的购机者不符");
	if (act_has(a, "township")) {
		if ((rc = find_region(a, "township", act_str(a, "township"),
		    "township", &tw)) != NJ_OK)
			return rc;
		if (strcmp(tw.parent, county) != 0)
			return act_refuse(a, "township", "乡镇 %s 不在销售登记的县",
			    tw.name);
		if ((rc = need_scope(a, "township", tw.code)) != NJ_OK)
			return rc;
	} else if (a->who->role == ROLE_TOWNSHIP) {
		if ((rc = find_region(a, "township", a->who->region,
		    "township", &tw)) != NJ_OK)
			return rc;
		if (strcmp(tw.parent, county) != 0)
			return act_refuse(a, "serial", "该销售登记不在本乡镇所在的县");
	} else
		tw.code[0] = '\0';
	memset(&in, 0, sizeof in);
	in.kind = act_str(a, "buyer_type");
	in.idno = act_str(a, "id_no");
	in.township = tw.code[0] ? tw.code : NULL;
	in.village = act_str(a, "village");
	in.address = act_str(a, "address");
	in.phone = act_str(a, "phone");
	in.bank_name = act_str(a, "bank_name");
	in.account = act_str(a, "bank_account");
	if ((rc = buyer_get(a, &in, &b)) != NJ_OK)
		return rc;
	if (b.id != buyer)
		abort();
	/* the payment goes to the buyer's own account: it must be known */
	if (sql_int(&has, SQL_BUYER_HAS_ACCOUNT, b.id) < 0)
		return act_fail(a, "查询购机者");
	if (!has)
		return act_refuse(a, "bank_account", "请填写：购机者本人的银行账号");
	if ((rc = tier_by_id(a, tier, &t)) != NJ_OK)
		return rc;
	/* issue 10 item 3: the limit again, a condition confirmed here */
	if ((rc = limit_check(a, "serial", tier, county, LIMIT_CONFIRM,
	    &confirmed)) != NJ_OK)
		return rc;
	/* R-004-M-3.3.6a 004 三(三)6: an open-ended item's top-up within the
	 * provincial plan (the limited ones are refused below) */
	if (t.open_ended && (rc = claim_topup_fit(a, county, year, sale,
	    ci + co, &p)) != NJ_OK)
		return rc;
	if ((rc = budget_commit(a, "serial", county, year, c, p + ci + co,
	    !t.open_ended)) != NJ_OK)
		return rc;
	if ((rc = number_next(a, "application", county, year, &seq)) !=
	    NJ_OK)
		return rc;
	xsnprintf(no, sizeof no, "SQ%s%d%05lld", county, year, (long long)seq);
	clock_stamp(a->now, at, sizeof at);
	if (sql_exec(SQL_APP_INSERT, no, year, "buy-first",
	    county, tw.code[0] ? tw.code : b.township[0] ? b.township : NULL,
	    b.id, "used", SQL_NULL, a->who->id, at) != 0)
		return act_fail(a, "保存申请");
	app = store_last_id();
	if (sql_exec(SQL_LINE_INSERT, app, tier, (int64_t)1,
	    (int64_t)1, c, p, ci, co) != 0 ||
	    (line = store_last_id()) == 0 ||
	    (confirmed && sql_exec(SQL_LINE_LIMIT_CONFIRMED, line) != 0) ||
	    sql_exec(SQL_SALE_CLAIM, app, line, at, sale) != 0)
		return act_fail(a, "受理申请");
	act_out(a, "%lld", (long long)sale);
	act_key(a, "%s", no);
	return NJ_OK;
}

const struct action action_claim_new = {
	"claim.new", "受理补贴申请（先购后补）", R(ROLE_TOWNSHIP) | R(ROLE_COUNTY),
	claim_fields, claim_new, 0, NULL, "已受理"
};
