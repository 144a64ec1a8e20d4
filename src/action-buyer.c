/*
 * action-buyer.c: what the journey's actions share about buyers, money and
 * budgets: a buyer found by the keyed hash of its ID number (or credit
 * code) or added, banned buyers refused (SPEC section 5); the subsidy per
 * unit from the tier, the product's filed amount, the cap, the share of
 * the price and the top-ups (subsidy.c does the arithmetic); and the
 * county budget, committed on approval and released on withdrawal or
 * return, central and provincial parts separately (004 附件2, 三(三)6). A known
 * buyer is never changed by an application (R-SEC-8.1 issue 8 (1),
 * action-buyer-rec.c: only buyer.update changes a buyer), and a look-up
 * by ID number answers without showing the record (R-SEC-8.2,
 * action-lookup.c).
 */
#include <string.h>

#include "actions.h"

/*
 * Find the buyer with this ID number, or add one. A known number must
 * come with the same name and kind, else one neutral answer that shows
 * nothing of the record (R-SEC-8.2a issue 8 (2)); a banned buyer is
 * refused; a known buyer's record is never changed here (buyer_keep).
 */
int
buyer_get(struct act *a, const struct buyer_in *in, struct buyer_row *b)
{
	struct buyer_rec r;
	struct sealed	idno, phone, acct;
	char		gender[8] = "", at[32];
	int64_t		rid;
	int		rc, day;

	memset(b, 0, sizeof *b);
	if ((rc = lookup_begin(a, "id_no", in->idno)) != NJ_OK)
		return rc;
	if ((rc = buyer_find(a, in->idno, &r)) < 0)
		return rc;
	if (rc == 1) {
		/* R-SEC-8.2a issue 8 (2): no oracle */
		if (in->name != NULL && strcmp(in->name, r.name) != 0)
			return lookup_miss(a, "buyer_name", BUYER_MISMATCH);
		if (in->kind != NULL && strcmp(in->kind, r.kind) != 0)
			return lookup_miss(a, "buyer_name", BUYER_MISMATCH);
		/* SPEC section 5: banned buyers cannot apply */
		if (r.banned[0] != '\0' && date_parse(r.banned, &day) == 0 &&
		    day >= a->today)
			return act_refuse(a, "id_no", "%s", BUYER_BANNED);
		if ((rc = buyer_keep(a, in, &r)) != NJ_OK)
			return rc;
		b->id = r.id;
		strlcpy0(b->name, r.name, sizeof b->name);
		strlcpy0(b->kind, r.kind, sizeof b->kind);
		b->service_org = r.service_org;
		strlcpy0(b->township, r.township[0] ? r.township :
		    in->township ? in->township : "", sizeof b->township);
		return NJ_OK;
	}
	if (in->name == NULL || in->kind == NULL)
		return lookup_miss(a, "id_no", "没有此证件号码的购机者登记");
	/* R-SEC-8.5a issue 8 (5): sealed for this row, its id known first */
	if ((rid = store_next_id("buyers")) <= 0)
		return act_fail(a, "保存购机者");
	sealed_make(&phone, "buyers.phone", rid, "phone", in->phone);
	sealed_make(&acct, "buyers.account", rid, "account", in->account);
	sealed_make(&idno, "buyers.idno", rid, "idno", in->idno);
	if (strcmp(in->kind, "person") == 0)
		strlcpy0(gender, in->gender ? in->gender :
		    idcard_gender(in->idno) == 1 ? "男" : "女", sizeof gender);
	clock_stamp(a->now, at, sizeof at);
	rc = sql_exec(SQL_BUYER_INSERT, in->kind,
	    in->name, SQL_BLOB(idno.blob, idno.len),
	    SQL_BLOB(idno.hash, CRYPT_HASH_LEN), idno.last4, gender[0] ? gender : NULL, in->legal_rep, in->township,
	    in->village, in->address, SQL_BLOB(phone.blob, phone.len),
	    SEALED_LAST4(&phone), in->bank_name, SQL_BLOB(acct.blob, acct.len),
	    SQL_BLOB(SEALED_HASH(&acct), CRYPT_HASH_LEN), SEALED_LAST4(&acct),
	    at);
	sealed_free(&idno);
	sealed_free(&phone);
	sealed_free(&acct);
	if (rc != 0)
		return act_fail(a, "保存购机者");
	b->id = store_last_id();
	if (b->id != rid)
		return act_fail(a, "保存购机者");	/* sealed for another row */
	strlcpy0(b->name, in->name, sizeof b->name);
	strlcpy0(b->kind, in->kind, sizeof b->kind);
	strlcpy0(b->township, in->township ? in->township : "",
	    sizeof b->township);
	return NJ_OK;
}

/*
 * The subsidy of one unit of tier t: the tier's fixed amount, never above
 * the product's filed amount, the row's cap or the year's share of the
 * price, plus the top-ups of the item and, for a recognised service
 * organisation, its own (004 三(三)). filed and price may be 0 (unknown).
 */
int
unit_subsidy(struct act *a, const struct tier_row *t, int64_t filed,
    int64_t price, int service_org, struct subsidy_out *out)
{
	struct program_row	p;
	struct subsidy_in	in;
	int64_t			bp = 0, more = 0;

	if (program_get(t->year, &p) < 0 ||
	    sql_int(&bp, SQL_TOPUP_ITEM_BP, t->year, t->item) < 0 ||
	    (service_org && sql_int(&more, SQL_TOPUP_SERVICE_BP,
	    t->year) < 0))
		return act_fail(a, "查询补贴标准");
	memset(&in, 0, sizeof in);
	in.tier_central = t->central;
	in.tier_provincial = t->provincial;
	in.tier_city = t->city;
	in.tier_county = t->county;
	in.filed = filed;
	in.cap = t->cap;
	in.price = price;
	in.share_bp = price > 0 ? p.max_ratio_bp : 0;
	in.topup_bp = (int)(bp + (service_org ? more : 0));
	if (in.topup_bp > 10000)
		in.topup_bp = 10000;
	if (subsidy_compute(&in, out) != 0)
		return act_refuse(a, "tier", "分档 %s 的补贴额有误", t->code);
	return NJ_OK;
}

/* A tier by its id (for a line or a product). */
int
tier_by_id(struct act *a, int64_t id, struct tier_row *t)
{
	sqlite3_stmt	*st = sql_query(SQL_TIER_BY_ID, id);
	int		 rc = sql_step(st);

	if (rc == 1)
		load_tier(st, t);
	sqlite3_reset(st);
	if (rc != 1)
		return act_fail(a, "查询分档");
	return NJ_OK;
}

/*
 * Commit central and provincial amounts against the county's plan for the
 * year, or refuse (at field) saying how much is left (004 附件2; SPEC section
 * 5). Open-ended items (敞开补贴, 004 三(三)5) are committed without the
 * limit: they are paid beyond the plan. Negative amounts release.
 */
int
budget_commit(struct act *a, const char *field, const char *county, int year,
    int64_t central, int64_t provincial, int limited)
{
	sqlite3_stmt	*st;
	int64_t		 pc = 0, pp = 0, cc = 0, cp = 0;
	char		 need[32], left[32];
	int		 rc;

	st = sql_query(SQL_BUDGET_GET, year, county);
	rc = sql_step(st);
	if (rc == 1) {
		pc = sqlite3_column_int64(st, 0);
		pp = sqlite3_column_int64(st, 1);
		cc = sqlite3_column_int64(st, 2);
		cp = sqlite3_column_int64(st, 3);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return act_fail(a, "查询资金计划");
	if (rc == 0)
		return act_refuse(a, field, "本县 %d 年度没有资金计划", year);
	/* R-004-A2-0a 004 附件2 资金计划: the central part within the plan */
	if (limited && central > 0 && cc + central > pc) {
		money_format(central, need, sizeof need);
		money_format(pc - cc > 0 ? pc - cc : 0, left, sizeof left);
		return act_refuse(a, field, "中央补贴资金不足：本次需 %s "
		    "元，本县 %d 年度剩余 %s 元", need, year, left);
	}
	/* R-004-M-3.3.6 004 三(三)6: the provincial part within its plan */
	if (limited && provincial > 0 && cp + provincial > pp) {
		money_format(provincial, need, sizeof need);
		money_format(pp - cp > 0 ? pp - cp : 0, left, sizeof left);
		return act_refuse(a, field, "省级补贴资金不足：本次需 %s "
		    "元，本县 %d 年度剩余 %s 元", need, year, left);
	}
	if (sql_exec(SQL_BUDGET_COMMIT, central, provincial, year,
	    county) != 0)
		return act_fail(a, "保存资金计划");
	return NJ_OK;
}

/* The county of a township (or the county itself). */
int
county_of(struct act *a, const char *field, const char *region, char *county,
    size_t len)
{
	struct region_row	r;
	int			rc;

	if ((rc = find_region(a, field, region, NULL, &r)) != NJ_OK)
		return rc;
	if (strcmp(r.level, "county") == 0) {
		strlcpy0(county, r.code, len);
		return NJ_OK;
	}
	if (strcmp(r.level, "township") != 0)
		return act_refuse(a, field, "%s（%s）不是乡镇", r.name, r.code);
	strlcpy0(county, r.parent, len);
	return NJ_OK;
}

/* R-003-A2-8.2 SPEC 5: a banned buyer gets no subsidy (003 附件2 第八条(二)). */
int
buyer_not_banned(struct act *a, const char *field, int64_t buyer)
{
	sqlite3_stmt		*st = sql_query(SQL_BUYER_BY_ID, buyer);
	struct buyer_row	 b;
	int			 rc = sql_step(st), day;

	/* R-SEC-8.2a issue 8 (2): the refusal names nobody */
	if (rc == 1)
		load_buyer(st, &b);
	sqlite3_reset(st);
	if (rc != 1)
		return act_fail(a, "查询购机者");
	if (b.banned[0] != '\0' && date_parse(b.banned, &day) == 0 &&
	    day >= a->today)
		return act_refuse(a, field, "%s", BUYER_BANNED);
	return NJ_OK;
}
