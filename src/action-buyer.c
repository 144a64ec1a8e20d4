/*
 * action-buyer.c: what the journey's actions share about buyers, money and
 * budgets: a buyer found by the keyed hash of its ID number (or credit
 * code) or added, banned buyers refused (SPEC section 5); the subsidy per
 * unit from the tier, the product's filed amount, the cap, the share of
 * the price and the top-ups (subsidy.c does the arithmetic); and the
 * county budget, committed on approval and released on withdrawal or
 * return, central and provincial parts separately (004 五). A known
 * buyer is never changed by an application (R-SEC-8.1 issue 8 (1): only
 * buyer.update, action-buyer-update.c, does that, through buyer_change
 * here), and a look-up by ID number answers without showing the record
 * (R-SEC-8.2: lookup_begin, lookup_miss).
 */
#include <stddef.h>
#include <string.h>

#include "actions.h"

/*
 * R-SEC-8.2c issue 8 (2): a login whose look-ups by a private value were
 * refused LOOKUP_REFUSALS_MAX times within LOOKUP_WINDOW_SECS is refused
 * every further such look-up until the window has moved on; the admin
 * sees it in the list lookup_refusals.
 */
#define LOOKUP_REFUSALS_MAX	10
#define LOOKUP_WINDOW_SECS	600

/*
 * R-SEC-8.2b issue 8 (2): this action looks up private data by the value
 * of field. From here on a refusal is audited (action.c); a user over the
 * rate limit is refused outright. Returns NJ_OK or the refusal.
 */
int
lookup_begin(struct act *a, const char *field, const char *value)
{
	char	last4[32], since[32];
	int64_t	n = 0;

	a->lookup = 1;
	text_last4(value ? value : "", last4, sizeof last4);
	xsnprintf(a->lookup_what, sizeof a->lookup_what, "%s=***%s", field,
	    last4);
	clock_stamp(a->now - LOOKUP_WINDOW_SECS, since, sizeof since);
	if (sql_int(&n, SQL_LOOKUP_REFUSED_COUNT, "tt", a->who->login,
	    since) < 0)
		return act_fail(a, "查询");
	if (n >= LOOKUP_REFUSALS_MAX)
		return lookup_miss(a, field, LOOKUP_THROTTLED);
	return NJ_OK;
}

/* A refusal of the look-up itself (no match): counted for the limit. */
int
lookup_miss(struct act *a, const char *field, const char *msg)
{
	a->lookup_miss = 1;
	return act_refuse(a, field, "%s", msg);
}

/*
 * What a clerk may change on a buyer's record (R-SEC-8.1 issue 8 (1)):
 * the action's field, its label, how it is stored and compared, its
 * statement, where the record's plain value sits, where an application's
 * value sits (struct buyer_in), and whether an application carries its
 * own value (the township: a different one is not the buyer's change).
 */
enum bf_kind { BF_PLAIN, BF_PHONE, BF_ACCOUNT };
static const struct bfield {
	const char	*name;
	const char	*label;
	enum bf_kind	 kind;
	enum sql	 set;
	size_t		 off;
	size_t		 in;
	int		 app_own;
} bfields[] = {
	{ "township", "乡镇", BF_PLAIN, SQL_BUYER_SET_TOWNSHIP,
	    offsetof(struct buyer_rec, township),
	    offsetof(struct buyer_in, township), 1 },
	{ "village", "村组", BF_PLAIN, SQL_BUYER_SET_VILLAGE,
	    offsetof(struct buyer_rec, village),
	    offsetof(struct buyer_in, village), 0 },
	{ "address", "住址", BF_PLAIN, SQL_BUYER_SET_ADDRESS,
	    offsetof(struct buyer_rec, address),
	    offsetof(struct buyer_in, address), 0 },
	{ "phone", "联系电话", BF_PHONE, SQL_BUYER_SET_PHONE,
	    offsetof(struct buyer_rec, phone),
	    offsetof(struct buyer_in, phone), 0 },
	{ "bank_name", "开户行", BF_PLAIN, SQL_BUYER_SET_BANK,
	    offsetof(struct buyer_rec, bank_name),
	    offsetof(struct buyer_in, bank_name), 0 },
	{ "bank_account", "账号", BF_ACCOUNT, SQL_BUYER_SET_ACCOUNT, 0,
	    offsetof(struct buyer_in, account), 0 },
	{ "legal_rep", "法定代表人", BF_PLAIN, SQL_BUYER_SET_REP,
	    offsetof(struct buyer_rec, legal_rep),
	    offsetof(struct buyer_in, legal_rep), 0 },
};
#define NBFIELDS (sizeof bfields / sizeof bfields[0])

static const char *
bf_text(const struct buyer_rec *r, size_t i)
{
	return (const char *)r + bfields[i].off;
}

/*
 * The buyer with this (normalised) ID number or credit code into r.
 * Returns 1 found, 0 not, NJ_ERROR (reported) on a database error.
 */
int
buyer_find(struct act *a, const char *idno, struct buyer_rec *r)
{
	sqlite3_stmt	*st;
	unsigned char	 h[CRYPT_HASH_LEN];
	int		 rc, ok = 0;

	memset(r, 0, sizeof *r);
	crypt_hash("idno", idno, h);
	st = sql_query(SQL_BUYER_REC, "b", h, sizeof h);
	if ((rc = sql_step(st)) == 1) {
		r->id = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 1, r->name, sizeof r->name);
		sql_col_copy(st, 2, r->kind, sizeof r->kind);
		sql_col_copy(st, 3, r->banned, sizeof r->banned);
		r->service_org = sqlite3_column_int(st, 4);
		sql_col_copy(st, 5, r->township, sizeof r->township);
		sql_col_copy(st, 6, r->village, sizeof r->village);
		sql_col_copy(st, 7, r->address, sizeof r->address);
		if (sqlite3_column_type(st, 8) != SQLITE_NULL) {
			r->has_phone = 1;
			if (crypt_open(sqlite3_column_blob(st, 8),
			    (size_t)sqlite3_column_bytes(st, 8), "buyers.phone",
			    r->phone, sizeof r->phone) != 0)
				ok = -1;
		}
		sql_col_copy(st, 9, r->bank_name, sizeof r->bank_name);
		if (sqlite3_column_bytes(st, 10) == CRYPT_HASH_LEN) {
			r->has_account = 1;
			memcpy(r->account_hash, sqlite3_column_blob(st, 10),
			    CRYPT_HASH_LEN);
		}
		sql_col_copy(st, 11, r->legal_rep, sizeof r->legal_rep);
		r->version = sqlite3_column_int64(st, 12);
		sql_col_copy(st, 13, r->phone_last4, sizeof r->phone_last4);
		sql_col_copy(st, 14, r->account_last4, sizeof r->account_last4);
	}
	sqlite3_reset(st);
	if (rc < 0 || ok < 0)
		return act_fail(a, "查询购机者");
	return rc;
}

/* Is field i empty on the record? Does the record hold value v? */
static int
bf_empty(const struct buyer_rec *r, size_t i)
{
	switch (bfields[i].kind) {
	case BF_PHONE:
		return !r->has_phone;
	case BF_ACCOUNT:
		return !r->has_account;
	default:
		return bf_text(r, i)[0] == '\0';
	}
}

static int
bf_same(const struct buyer_rec *r, size_t i, const char *v)
{
	unsigned char h[CRYPT_HASH_LEN];

	if (bfields[i].kind == BF_ACCOUNT) {
		if (!r->has_account)
			return 0;
		crypt_hash("account", v, h);
		return memcmp(h, r->account_hash, sizeof h) == 0;
	}
	if (bfields[i].kind == BF_PHONE && !r->has_phone)
		return 0;
	return strcmp(bf_text(r, i), v) == 0;
}

/* The record's value of field i as it may be shown: private ones masked. */
static void
bf_old_masked(const struct buyer_rec *r, size_t i, char *buf, size_t len)
{
	if (bf_empty(r, i))
		strlcpy0(buf, "（空）", len);
	else if (bfields[i].kind == BF_PHONE)
		xsnprintf(buf, len, "***%s", r->phone_last4);
	else if (bfields[i].kind == BF_ACCOUNT)
		xsnprintf(buf, len, "***%s", r->account_last4);
	else
		strlcpy0(buf, bf_text(r, i), len);
}

static void
bf_new_masked(size_t i, const char *v, char *buf, size_t len)
{
	char last4[32];

	if (bfields[i].kind == BF_PLAIN) {
		strlcpy0(buf, v, len);
		return;
	}
	text_last4(v, last4, sizeof last4);
	xsnprintf(buf, len, "***%s", last4);
}

/* Store value v of field i on buyer r, sealing the private ones. */
static int
bf_write(struct act *a, const struct buyer_rec *r, size_t i, const char *v)
{
	struct sealed	s;
	int		rc;

	switch (bfields[i].kind) {
	case BF_PHONE:
		sealed_make(&s, "buyers.phone", "phone", v);
		rc = sql_exec(bfields[i].set, "bti", s.blob, s.len, s.last4,
		    r->id);
		sealed_free(&s);
		break;
	case BF_ACCOUNT:
		sealed_make(&s, "buyers.account", "account", v);
		rc = sql_exec(bfields[i].set, "bbti", s.blob, s.len, s.hash,
		    (size_t)CRYPT_HASH_LEN, s.last4, r->id);
		sealed_free(&s);
		break;
	default:
		rc = sql_exec(bfields[i].set, "ti", v, r->id);
		break;
	}
	return rc == 0 ? NJ_OK : act_fail(a, "保存购机者");
}

/*
 * R-SEC-8.1 issue 8 (1): change the buyer's record: every value of want
 * (indexed as bfields, NULL: unchanged) that differs is written, with a
 * row in buyer_changes (masked old and new) and a note for the audit row;
 * the version moves on only from the one read (r->version), so that the
 * second of two clerks changing one buyer is refused. *changed gets a
 * mask of the bfields written (bit i: row i). A change of nothing writes nothing.
 */
int
buyer_change(struct act *a, const struct buyer_rec *r,
    const char *const *want, const char *reason, unsigned *changed)
{
	char	at[32], o[200], n[200], note[300];
	size_t	i, used = strlen(a->audit_note);
	int	rc;

	*changed = 0;
	clock_stamp(a->now, at, sizeof at);
	for (i = 0; i < NBFIELDS; i++) {
		if (want[i] == NULL || bf_same(r, i, want[i]))
			continue;
		bf_old_masked(r, i, o, sizeof o);
		bf_new_masked(i, want[i], n, sizeof n);
		if ((rc = bf_write(a, r, i, want[i])) != NJ_OK)
			return rc;
		if (sql_exec(SQL_BUYER_CHANGE_INSERT, "itttttti", r->id, at,
		    a->who->login, bfields[i].name, o, n, reason,
		    r->version + 1) != 0)
			return act_fail(a, "保存修改记录");
		xsnprintf(note, sizeof note, "%s%s: %s -> %s", used ? "; " :
		    "changed ", bfields[i].name, o, n);
		strlcpy0(a->audit_note + used, note, sizeof a->audit_note -
		    used);
		used = strlen(a->audit_note);
		*changed |= 1u << i;
	}
	if (*changed == 0)
		return NJ_OK;
	if (sql_exec(SQL_BUYER_BUMP, "ii", r->id, r->version) != 0)
		return act_fail(a, "保存购机者");
	if (store_changes() != 1)
		return act_refuse(a, "version", "%s", BUYER_STALE);
	return NJ_OK;
}

/* The index of field name in the buyer's changeable fields (or -1). */
int
buyer_field(const char *name)
{
	size_t i;

	for (i = 0; i < NBFIELDS; i++)
		if (strcmp(bfields[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* Did a change (buyer_change's mask) touch the bank or the account? */
int
buyer_account_changed(unsigned changed)
{
	size_t i;

	for (i = 0; i < NBFIELDS; i++)
		if ((changed & (1u << i)) && (strcmp(bfields[i].name,
		    "bank_name") == 0 || bfields[i].kind == BF_ACCOUNT))
			return 1;
	return 0;
}

/*
 * An application (or claim) for a known buyer never changes the buyer
 * (R-SEC-8.1a issue 8 (1)). A value typed that the record holds already
 * is fine; a value for a field empty on record is filled in when the
 * buyer is of this clerk's county (or township), or has no township yet
 * (a buyer a dealer registered); the township the application carries is
 * its own, so a different one is not written. Any other difference is
 * refused with the way to change it (buyer.update, in the buyer's own
 * county): nothing typed is lost silently.
 */
static int
buyer_keep(struct act *a, const struct buyer_in *in,
    const struct buyer_rec *r)
{
	const char	*want[NBFIELDS], *typed;
	char		 msg[NJ_MSG_MAX];
	unsigned	 changed;
	size_t		 i;
	int		 mine;

	mine = r->township[0] == '\0' || scope_has(a, a->who,
	    r->township) == 1;
	for (i = 0; i < NBFIELDS; i++) {
		want[i] = NULL;
		typed = *(const char *const *)((const char *)in +
		    bfields[i].in);
		if (typed == NULL || bf_same(r, i, typed))
			continue;
		if (bf_empty(r, i) && mine)
			want[i] = typed;
		else if (!bfields[i].app_own) {
			xsnprintf(msg, sizeof msg, "所填%s与购机者登记的不同：本申请"
			    "不能修改购机者信息，如需修改，请由购机者所在县（乡镇）"
			    "使用“修改购机者信息”办理", bfields[i].label);
			return lookup_miss(a, bfields[i].name, msg);
		}
	}
	return buyer_change(a, r, want, a->def->title, &changed);
}

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
	sealed_make(&phone, "buyers.phone", "phone", in->phone);
	sealed_make(&acct, "buyers.account", "account", in->account);
	sealed_make(&idno, "buyers.idno", "idno", in->idno);
	if (strcmp(in->kind, "person") == 0)
		strlcpy0(gender, in->gender ? in->gender :
		    idcard_gender(in->idno) == 1 ? "男" : "女", sizeof gender);
	clock_stamp(a->now, at, sizeof at);
	rc = sql_exec(SQL_BUYER_INSERT, "ttbbttttttbttbbtt", in->kind,
	    in->name, idno.blob, idno.len, idno.hash, (size_t)CRYPT_HASH_LEN,
	    idno.last4, gender[0] ? gender : NULL, in->legal_rep, in->township,
	    in->village, in->address, phone.blob, phone.len,
	    SEALED_LAST4(&phone), in->bank_name, acct.blob, acct.len,
	    SEALED_HASH(&acct), (size_t)CRYPT_HASH_LEN, SEALED_LAST4(&acct), at);
	sealed_free(&idno);
	sealed_free(&phone);
	sealed_free(&acct);
	if (rc != 0)
		return act_fail(a, "保存购机者");
	b->id = store_last_id();
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
	    sql_int(&bp, SQL_TOPUP_ITEM_BP, "dt", t->year, t->item) < 0 ||
	    (service_org && sql_int(&more, SQL_TOPUP_SERVICE_BP, "d",
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
	sqlite3_stmt	*st = sql_query(SQL_TIER_BY_ID, "i", id);
	int		 rc = sql_step(st);

	if (rc == 1) {
		t->id = id;
		t->year = sqlite3_column_int(st, 0);
		sql_col_copy(st, 1, t->item, sizeof t->item);
		sql_col_copy(st, 2, t->code, sizeof t->code);
		sql_col_copy(st, 3, t->name, sizeof t->name);
		t->central = sqlite3_column_int64(st, 4);
		t->provincial = sqlite3_column_int64(st, 5);
		t->city = sqlite3_column_int64(st, 6);
		t->county = sqlite3_column_int64(st, 7);
		t->cap = sqlite3_column_int64(st, 8);
		t->is_key = sqlite3_column_int(st, 9);
		t->licensed = sqlite3_column_int(st, 10);
		t->open_ended = sqlite3_column_int(st, 11);
	}
	sqlite3_reset(st);
	if (rc != 1)
		return act_fail(a, "查询分档");
	return NJ_OK;
}

/*
 * Commit central and provincial amounts against the county's plan for the
 * year, or refuse (at field) saying how much is left (004 五; SPEC section
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

	st = sql_query(SQL_BUDGET_GET, "dt", year, county);
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
	if (limited && central > 0 && cc + central > pc) {
		money_format(central, need, sizeof need);
		money_format(pc - cc > 0 ? pc - cc : 0, left, sizeof left);
		return act_refuse(a, field, "中央补贴资金不足：本次需 %s "
		    "元，本县 %d 年度剩余 %s 元", need, year, left);
	}
	if (limited && provincial > 0 && cp + provincial > pp) {
		money_format(provincial, need, sizeof need);
		money_format(pp - cp > 0 ? pp - cp : 0, left, sizeof left);
		return act_refuse(a, field, "省级补贴资金不足：本次需 %s "
		    "元，本县 %d 年度剩余 %s 元", need, year, left);
	}
	if (sql_exec(SQL_BUDGET_COMMIT, "iidt", central, provincial, year,
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

/* SPEC section 5: a banned buyer gets no subsidy (003 附件2 第八条). */
int
buyer_not_banned(struct act *a, const char *field, int64_t buyer)
{
	sqlite3_stmt	*st = sql_query(SQL_BUYER_BY_ID, "i", buyer);
	char		 until[16] = "";
	int		 rc = sql_step(st), day;

	/* R-SEC-8.2a issue 8 (2): the refusal names nobody */
	if (rc == 1)
		sql_col_copy(st, 3, until, sizeof until);
	sqlite3_reset(st);
	if (rc != 1)
		return act_fail(a, "查询购机者");
	if (until[0] != '\0' && date_parse(until, &day) == 0 &&
	    day >= a->today)
		return act_refuse(a, field, "%s", BUYER_BANNED);
	return NJ_OK;
}
