/*
 * test-settle-year.c: a whole programme year of one county, 贺兰县
 * (640122), in one test, through the real actions with the clock moved
 * month by month (NJBT_NOW), and at the end the books: every payment is
 * the subsidy of a machine verified and not returned, the budget sheet
 * (附件2) agrees with the payments and the commitments, the sheets of each
 * batch (附表5 payment report, 附表6 detail, 附表7 publicity, the bank
 * file) agree with each other and with the batch's payments, the capital
 * numerals (人民币大写) are the total's, `njbt check` passes and the audit
 * chain holds.
 *
 * The year (SPEC section 3; 004 附件4 and 附件5):
 *   January     ss_maker supplies both dealers in bulk;
 *   Jan - Mar   quota-first (先定后买): 120 buyers apply (at the township
 *               or the county), hl_sh approves, they buy within the
 *               notice's window, hl_jb verifies (key machines on site
 *               with hl_sh);
 *   April       the year switches to buy-first (先购后补); batch 1
 *               (March) is collected, publicised, an objection upheld, a
 *               machine returned before payment, a review failed (the
 *               buyer mends it, it is verified again), submitted,
 *               sampled, checked, approved and paid; 40 buyers buy first
 *               and claim;
 *   May         40 more buyers; the returned machine is sold again; the
 *               admin lowered 1.1.3/03 from 2800 to 2500 yuan from May
 *               on (分段结算, R-003-A1-2a 003 附件1 二): May's sales of it
 *               are paid 2500, the earlier ones 2800;
 *   June        batch 2 (May): an objection dismissed (so finance must
 *               check that machine), a finance check fails, paid;
 *   March       beside 贺兰县's books, 永宁县 (640121) asks for more than
 *               its budget: a draw by lot (R-004-M-4.1 004 四(一)), never
 *               without a seed nor twice; the one drawn is approved and
 *               its notice handed back late (R-004-T2-3.2b 004 附表2
 *               三2); a third notice is left to expire (R-004-T2-3.1
 *               004 附表2 三1), swept in June: 永宁县 commits nothing;
 *   Jul - Sep   two returns after payment, each refunded in full;
 *   Oct - Dec   nothing new; at the end of December, the books.
 * 200 buyers: persons with GB 11643 ID numbers and organisations with
 * GB 32100 credit codes, made here; a 15th of them buy two machines.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "settle.h"
#include "printed.h"

#define NBUYERS	200
#define NQUOTA	120		/* buyers 0-119 quota-first, the rest buy first */
#define B1	"JS640122202603-01"
#define B2	"JS640122202605-02"

/* The models sold, their catalogue line and their subsidy (fen). */
enum { K_XG, K_TL, K_MS, K_BZ, K__COUNT };
static const struct {
	const char	*model, *item, *tier, *price;
	int64_t		 central, local;
	int		 key;
} models[K__COUNT] = {
	{ "1GQN-200", "1.1.3", "03", "12000", 280000, 0, 0 },
	{ "SS-904", "9.1.1", "03", "150000", 1800000, 0, 1 },
	{ "4U-170", "4.3.1", "02", "15000", 350000, 70000, 0 },
	{ "2BMSF-6", "2.1.6", "01", "40000", 800000, 0, 0 },
};

/* The stock: per dealer (0 fs_dealer, 1 js_dealer) and model. */
static const struct {
	int		 dealer, kind, n;
	const char	*prefix;
} pools[] = {
	{ 0, K_XG, 110, "XGF26" }, { 1, K_XG, 110, "XGJ26" },
	{ 0, K_TL, 6, "TLF26" }, { 1, K_TL, 6, "TLJ26" },
	{ 0, K_MS, 11, "MSF26" }, { 0, K_BZ, 7, "BZF26" },
};
#define NPOOLS (sizeof pools / sizeof pools[0])
static int	pool_next[NPOOLS];
static char	resale[32];		/* a returned machine, to sell again */

static const char *const dealer_login[2] = { "fs_dealer", "js_dealer" };
static const char *const dealer_uscc[2] = { FS, JS };

/* How each sale should end. */
enum fate { F_PAID, F_FAILED, F_CANCELLED, F_REFUNDED };

struct ybuyer {
	char	 id[24];
	char	 name[64];
	char	 acct[24];
	char	 township[16];
	int	 org, kind, units, dealer;
	int	 sale[2];		/* indexes into sales[] */
};

struct ysale {
	char	 id[32];
	int	 buyer, kind, batch;	/* batch 1 or 2 */
	enum fate fate;
	int64_t	 central, local;	/* its subsidy, by the sale date */
};

/* R-003-A1-2a: 1.1.3/03 is 2500 yuan from this day on (month 4) */
#define XG_CHANGE	"2026-05-01"
#define XG_CENTRAL2	250000

static struct ybuyer	buyers[NBUYERS];
static struct ysale	sales[NBUYERS * 2];
static int		nsales;

static const char *const townships[5] = { "640122100", "640122101",
    "640122102", "640122103", "640122200" };

/* --- the buyers --------------------------------------------------------- */

static void
make_buyers(void)
{
	static const char *const sur[20] = { "王", "李", "张", "刘", "陈",
	    "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
	    "何", "高", "林", "罗" };
	static const char *const given[10] = { "建国", "秀英", "志强", "桂兰",
	    "永福", "玉梅", "德胜", "春花", "海军", "金花" };
	char	birth[16], body[24];
	int	i;

	for (i = 0; i < NBUYERS; i++) {
		struct ybuyer *b = &buyers[i];

		memset(b, 0, sizeof *b);
		b->org = i % 10 == 7;
		if (b->org) {
			make_uscc(b->id, "93", "640122", 4000u + (unsigned)i);
			snprintf(b->name, sizeof b->name, "贺兰县%s%s农机专业合作社",
			    sur[i % 20], given[i % 10]);
			snprintf(b->acct, sizeof b->acct, "2900%09d", 100000 + i);
		} else {
			snprintf(birth, sizeof birth, "%04d%02d%02d",
			    1955 + i % 45, 1 + i % 12, 1 + i % 28);
			make_id(b->id, "640122", birth, (unsigned)i);
			snprintf(b->name, sizeof b->name, "%s%s", sur[i % 20],
			    given[(i / 20) % 10]);
			snprintf(body, sizeof body, "62284804%010d", 5000 + i);
			make_card(b->acct, body);
		}
		snprintf(b->township, sizeof b->township, "%s",
		    townships[i % 5]);
		b->kind = i % 20 == 3 ? K_TL : i % 20 == 11 ? K_MS :
		    i % 25 == 13 ? K_BZ : K_XG;
		b->units = i % 15 == 0 ? 2 : 1;
		b->dealer = b->kind == K_MS || b->kind == K_BZ ? 0 :
		    b->kind == K_TL ? (i / 20) % 2 : i % 2;
	}
}

/* --- the stock ----------------------------------------------------------- */

static void
supply_all(void)
{
	char	list[1100];
	size_t	p, used;
	int	i, from;

	for (p = 0; p < NPOOLS; p++)
		for (from = 1; from <= pools[p].n; from += 40) {
			used = 0;
			list[0] = '\0';
			for (i = from; i < from + 40 && i <= pools[p].n; i++) {
				if (models[pools[p].kind].key)
					used += (size_t)snprintf(list + used,
					    sizeof list - used, "%s%s%03d/E%s%03d",
					    used ? "," : "", pools[p].prefix, i,
					    pools[p].prefix, i);
				else
					used += (size_t)snprintf(list + used,
					    sizeof list - used, "%s%s%03d",
					    used ? "," : "", pools[p].prefix, i);
			}
			fx_ok("ss_maker", "supply.bulk",
			    kv("dealer", dealer_uscc[pools[p].dealer]),
			    kv("model", models[pools[p].kind].model),
			    kv("serials", list), "shipment_no=FH-2026-01",
			    "made_on=2025-12-01", NULL);
		}
	assert_int_equal(fx_int("SELECT count(*) FROM machines WHERE "
	    "supplied_at LIKE '2026-01-%'", NULL), 250);
}

/* The next unit of the dealer's stock of the model (a returned one first). */
static const char *
take(int dealer, int kind)
{
	static char	serial[32];
	size_t		p;

	if (resale[0] != '\0' && dealer == 0 && kind == K_XG) {
		snprintf(serial, sizeof serial, "%s", resale);
		resale[0] = '\0';
		return serial;
	}
	for (p = 0; p < NPOOLS; p++)
		if (pools[p].dealer == dealer && pools[p].kind == kind)
			break;
	assert_true(p < NPOOLS);
	assert_true(pool_next[p] < pools[p].n);
	snprintf(serial, sizeof serial, "%s%03d", pools[p].prefix,
	    ++pool_next[p]);
	return serial;
}

/* --- the journey ---------------------------------------------------------- */

static int
add_sale(int buyer, const char *id)
{
	struct ysale *s = &sales[nsales];

	strlcpy0(s->id, id, sizeof s->id);
	s->buyer = buyer;
	s->kind = buyers[buyer].kind;
	s->fate = F_PAID;
	s->central = models[s->kind].central;
	s->local = models[s->kind].local;
	/* R-003-A1-2a: sold on or after the change, the new amount */
	{
		char day[16];

		date_format(clock_today(), day, sizeof day);
		if (s->kind == K_XG && strcmp(day, XG_CHANGE) >= 0)
			s->central = XG_CENTRAL2;
	}
	return nsales++;
}

static void
verify(const struct ysale *s)
{
	char licence[48];

	if (models[s->kind].key) {
		snprintf(licence, sizeof licence, "宁A-Y%s", s->id);
		st_verify_key(s->id, licence);
	} else if (buyers[s->buyer].org)
		st_verify_onsite("hl_jb", s->id);
	else
		st_verify("hl_jb", s->id);
	assert_string_equal(sale_state(s->id), "verified");
}

/* Quota-first: apply, approve, buy within the window, verify. */
static void
quota_first(int i)
{
	struct ybuyer	*b = &buyers[i];
	const char	*clerk = strcmp(b->township, "640122100") == 0 ?
			    "xg_zhen" : strcmp(b->township, "640122101") == 0 ?
			    "jg_zhen" : "hl_jb";
	char		 app[NJ_KEY_MAX], notice[NJ_KEY_MAX], day[16];
	int		 u;

	fx_ok(clerk, "application.new", kv("buyer_type", b->org ? "org" :
	    "person"), kv("buyer_name", b->name), kv("id_no", b->id),
	    kv("township", b->township), kv("item", models[b->kind].item),
	    kv("tier", models[b->kind].tier), kvi("qty", b->units),
	    "village=一组", "bank_name=黄河农村商业银行",
	    kv("bank_account", b->acct), kv("legal_rep", b->org ? "马成" :
	    ""), NULL);
	snprintf(app, sizeof app, "%s", fx_key);
	fx_ok(clerk, "application.submit", kv("application", app), NULL);
	fx_ok("hl_sh", "application.approve", kv("application", app), NULL);
	snprintf(notice, sizeof notice, "%s", fx_key);
	date_format(clock_today(), day, sizeof day);
	for (u = 0; u < b->units; u++) {
		fx_ok(dealer_login[b->dealer], "sale.new", kv("notice", notice),
		    kv("buyer_type", b->org ? "org" : "person"),
		    kv("id_no", b->id), kv("serial", take(b->dealer, b->kind)),
		    kv("price", models[b->kind].price), kv("sold_on", day),
		    st_invoice(), NULL);
		b->sale[u] = add_sale(i, fx_key);
		verify(&sales[b->sale[u]]);
	}
}

/*
 * Issue 10 item 4 in 永宁县 (640121), whose plan is 10,000,000 yuan
 * central: two buyers ask for ten lines of 99 units of 1.1.2/02 (8,000
 * yuan) each, 7,920,000 yuan apiece; only one fits, so the county draws
 * by lot (R-004-M-4.1 004 四(一)): refused without a seed, drawn once,
 * refused the second time. The one drawn is approved, then its notice
 * handed back six days before the window's end: late (R-004-T2-3.2b 004
 * 附表2 三2), and released at once. A third buyer's notice is left to
 * expire (R-004-T2-3.1 004 附表2 三1); quota_expired() sweeps it.
 */
static char	yn_notice[NJ_KEY_MAX];

static void
quota_extras(void)
{
	char	id[3][24], app[3][NJ_KEY_MAX], notice[NJ_KEY_MAX], no[32];
	int	i, l;

	for (i = 0; i < 3; i++) {
		make_id(id[i], "640121", "19700101", 900u + (unsigned)i);
		fx_ok("yn_jb", "application.new", "buyer_type=person",
		    kv("buyer_name", i == 0 ? "马永宁" : i == 1 ? "杨永宁" :
		    "何永宁"), kv("id_no", id[i]), "township=640121100",
		    "item=1.1.2", "tier=02", i < 2 ? "qty=99" : "qty=1", NULL);
		snprintf(app[i], sizeof app[i], "%s", fx_key);
		for (l = 1; i < 2 && l < 10; l++)
			fx_ok("yn_jb", "application.line", kv("application",
			    app[i]), "item=1.1.2", "tier=02", "qty=99", NULL);
		if (i < 2)
			fx_ok("yn_jb", "application.submit", kv("application",
			    app[i]), NULL);
	}
	fx_refused("请填写：摇号种子", "yn_jb", "lottery.draw", "year=2026",
	    NULL);
	fx_ok("yn_jb", "lottery.draw", "year=2026", "seed=20260310", NULL);
	assert_int_equal(fx_int("SELECT candidates * 10 + drawn FROM "
	    "lotteries WHERE county = '640121'", NULL), 21);
	fx_refused("不能重复摇号", "yn_jb", "lottery.draw", "year=2026",
	    "seed=20260310", NULL);
	q_text(no, sizeof no, "SELECT a.no FROM lottery_entries e JOIN "
	    "applications a ON a.id = e.app_id WHERE e.drawn = 1", NULL);
	fx_ok("yn_sh", "application.approve", kv("application", no), NULL);
	snprintf(notice, sizeof notice, "%s", fx_key);
	assert_int_equal(fx_int("SELECT committed_central FROM budgets WHERE "
	    "year = 2026 AND region = '640121'", NULL), 792000000);
	/* the third, after the draw, approved on the 10th: left to expire */
	fx_ok("yn_jb", "application.submit", kv("application", app[2]), NULL);
	fx_ok("yn_sh", "application.approve", kv("application", app[2]), NULL);
	snprintf(yn_notice, sizeof yn_notice, "%s", fx_key);
	now("2026-03-23T10:00:00");
	fx_ok("yn_jb", "notice.handback", kv("notice", notice), NULL);
	assert_int_equal(fx_int("SELECT late FROM notice_ends e JOIN notices n "
	    "ON n.id = e.notice_id WHERE n.no = ?1", notice, NULL), 1);
	assert_int_equal(fx_int("SELECT committed_central FROM budgets WHERE "
	    "year = 2026 AND region = '640121'", NULL), 800000);
}

/* June: the third notice lapsed on 9 April; the sweep releases it. */
static void
quota_expired(void)
{
	fx_ok("yn_jb", "notice.expire", NULL);
	assert_string_equal(fx_key, "1");
	assert_int_equal(fx_int("SELECT count(*) FROM notice_ends e JOIN "
	    "notices n ON n.id = e.notice_id WHERE n.no = ?1 AND e.kind = "
	    "'expired' AND n.state = 'cancelled'", yn_notice, NULL), 1);
	assert_int_equal(fx_int("SELECT committed_central + "
	    "committed_provincial FROM budgets WHERE year = 2026 AND region = "
	    "'640121'", NULL), 0);
}

/* Buy-first: the dealer records the sale, the county takes the claim. */
static void
buy_first(int i)
{
	struct ybuyer	*b = &buyers[i];
	const char	*type = b->org ? "org" : "person";
	char		 day[16], serial[32];
	int		 u;

	date_format(clock_today(), day, sizeof day);
	for (u = 0; u < b->units; u++) {
		snprintf(serial, sizeof serial, "%s", take(b->dealer, b->kind));
		fx_ok(dealer_login[b->dealer], "sale.new", kv("buyer_type", type),
		    kv("buyer_name", b->name), kv("id_no", b->id),
		    kv("serial", serial), kv("price", models[b->kind].price),
		    kv("sold_on", day), st_invoice(), "county=640122", NULL);
		b->sale[u] = add_sale(i, fx_key);
		fx_ok(strcmp(b->township, "640122100") == 0 ? "xg_zhen" :
		    "hl_jb", "claim.new", kv("serial", serial),
		    kv("buyer_type", type), kv("id_no", b->id),
		    kv("township", b->township), "village=二组",
		    "bank_name=宁夏银行", kv("bank_account", b->acct), NULL);
		assert_int_equal(atoll(fx_outbuf), atoll(sales[b->sale[u]].id));
		verify(&sales[b->sale[u]]);
	}
}

/* The sale of buyer i (its first). */
static struct ysale *
sale_of(int i)
{
	return &sales[buyers[i].sale[0]];
}

/* The record of sale id. */
static struct ysale *
sale_by_id(int64_t id)
{
	int k;

	for (k = 0; k < nsales; k++)
		if (atoll(sales[k].id) == id)
			return &sales[k];
	fail_msg("no sale %lld", (long long)id);
	return NULL;
}

/* The machines the year's batch b should hold at the end, and money. */
static void
expected_as(int b, int refunded_too, int64_t *n, int64_t *total,
    int64_t *central, int64_t *keys)
{
	int k;

	*n = *total = *central = *keys = 0;
	for (k = 0; k < nsales; k++)
		if (sales[k].batch == b && (sales[k].fate == F_PAID ||
		    (refunded_too && sales[k].fate == F_REFUNDED))) {
			(*n)++;
			*total += sales[k].central + sales[k].local;
			*central += sales[k].central;
			*keys += models[sales[k].kind].key;
		}
}

/* What a batch pays for good: its paid machines not refunded since. */
static void
expected(int b, int64_t *n, int64_t *total, int64_t *central, int64_t *keys)
{
	expected_as(b, 0, n, total, central, keys);
}

/* Collect month into a batch (key no) and publicise it for 7 days. */
static void
collect(const char *month, const char *no, int b, const char *from,
    const char *to)
{
	char	out[96], yuan[32];
	int64_t	n = 0, total = 0;
	int	k;

	fx_ok("hl_jb", "batch.new", kv("month", month), NULL);
	assert_string_equal(fx_key, no);
	for (k = 0; k < nsales; k++)
		if (in_batch(sales[k].id, no)) {
			sales[k].batch = b;
			n++;
			total += sales[k].central + sales[k].local;
		}
	money_format(total, yuan, sizeof yuan);
	snprintf(out, sizeof out, "%lld 台，补贴 %s 元\n", (long long)n, yuan);
	assert_string_equal(fx_outbuf, out);
	fx_ok("hl_jb", "batch.publicize", kv("batch", no), kv("from", from),
	    kv("to", to), NULL);
}

/* Finance checks the batch's sample (failing the sale fail, if any). */
static void
finance(const char *no, const char *seed, int64_t fail)
{
	if (seed != NULL)
		fx_ok("hl_cz", "finance.sample", kv("batch", no), kv("seed", seed),
		    NULL);
	else
		fx_ok("hl_cz", "finance.sample", kv("batch", no), NULL);
	assert_true(fx_int("SELECT count(*) FROM finance_checks c JOIN "
	    "batches b ON b.id = c.batch_id WHERE b.no = ?1", no, NULL) * 10 >=
	    fx_int("SELECT count(*) FROM batch_sales x JOIN batches b ON b.id "
	    "= x.batch_id WHERE b.no = ?1", no, NULL));
	if (fail > 0) {
		fx_ok("hl_cz", "finance.check", kvi("sale", fail), "result=fail",
		    "note=入户核查机具已转卖", NULL);
		sale_by_id(fail)->fate = F_FAILED;
	}
	st_check_all("hl_cz", no);
}

/* --- the months ------------------------------------------------------------ */

static int64_t	mended;		/* the sale a failed review sent back */

static void
month(int m)
{
	char	obj[NJ_KEY_MAX];
	int64_t	sale;
	int	i;

	switch (m) {
	case 1:
	case 2:
	case 3:
		now(m == 1 ? "2026-01-12T10:00:00" : m == 2 ?
		    "2026-02-10T10:00:00" : "2026-03-10T10:00:00");
		if (m == 1) {
			/* a third county clerk, who verifies nothing, reviews */
			fx_ok("admin", "user.add", "login=hl_fh", "name=孙复核",
			    "role=county", "region=640122",
			    "password=njbt-demo-1", "post=approver", NULL);
			supply_all();
		}
		for (i = (m - 1) * 40; i < m * 40; i++)
			quota_first(i);
		if (m == 3)
			quota_extras();
		break;
	case 4:
		now("2026-04-01T09:00:00");
		/* one notice is still out: the switch is confirmed
		 * (issue 11 (6)) */
		fx_ok("admin", "program.set", "year=2026", "flow=buy-first",
		    "confirm=yes", NULL);
		now("2026-04-02T09:30:00");
		collect("2026-03", B1, 1, "2026-04-03", "2026-04-10");
		/* an objection, upheld on the 8th: the machine leaves */
		now("2026-04-05T10:00:00");
		fx_ok("hl_sh", "objection.new", kv("sale", sale_of(5)->id),
		    "text=村民反映购机者未实际购机", NULL);
		snprintf(obj, sizeof obj, "%s", fx_key);
		/* returned before payment: back to the dealer */
		now("2026-04-06T10:00:00");
		fx_ok("hl_jb", "return.new", kv("sale", sale_of(6)->id),
		    "reason=三包期内质量问题，协商退货", NULL);
		assert_string_equal(fx_outbuf, "");
		sale_of(6)->fate = F_CANCELLED;
		q_text(resale, sizeof resale, "SELECT m.serial FROM machines m "
		    "JOIN sales s ON s.machine_id = m.id WHERE s.id = ?1",
		    sale_of(6)->id, NULL);
		/* reviews: one drawn machine fails, to be mended */
		now("2026-04-07T10:00:00");
		mended = fx_int("SELECT r.sale_id FROM reviews r JOIN batches b "
		    "ON b.id = r.batch_id WHERE b.no = '" B1 "' AND "
		    "r.required_why = 'sample' AND r.result IS NULL AND "
		    "r.sale_id NOT IN (?1, ?2) ORDER BY r.sale_id LIMIT 1",
		    sale_of(10)->id, sale_of(5)->id, NULL);
		assert_true(mended > 0);
		fx_ok("hl_fh", "batch.review", kvi("sale", mended),
		    "result=fail", "opinion=铭牌模糊，出厂编号无法辨认", NULL);
		st_review_all("hl_fh", B1);
		now("2026-04-08T10:00:00");
		fx_ok("hl_jb", "objection.resolve", kv("objection", obj),
		    "upheld=1", "resolution=经查属实，不予补贴", NULL);
		sale_of(5)->fate = F_FAILED;
		now("2026-04-11T09:30:00");
		fx_ok("hl_jb", "batch.submit", "batch=" B1, NULL);
		now("2026-04-14T10:00:00");
		finance(B1, NULL, 0);
		now("2026-04-15T10:00:00");
		for (i = NQUOTA; i < NQUOTA + 40; i++)
			buy_first(i);
		now("2026-04-16T10:00:00");
		fx_ok("hl_cz", "finance.approve", "batch=" B1, NULL);
		/* the buyer had the nameplate mended: verified again */
		now("2026-04-20T10:00:00");
		verify(sale_by_id(mended));
		now("2026-04-24T16:00:00");
		fx_ok("hl_cz", "finance.pay", "batch=" B1, "paid_on=2026-04-24",
		    "ref=HL-2026-04", NULL);
		assert_int_equal(atoll(fx_key), fx_int("SELECT count(*) FROM "
		    "batch_sales x JOIN batches b ON b.id = x.batch_id WHERE "
		    "b.no = '" B1 "'", NULL));
		/* R-003-A1-2a 分段结算: 1.1.3/03 at 2500 yuan from May on */
		now("2026-04-28T10:00:00");
		fx_ok("admin", "tier.amount", "year=2026", "item=1.1.3",
		    "tier=03", "from=" XG_CHANGE, "subsidy=2500", NULL);
		break;
	case 5:
		now("2026-05-12T10:00:00");
		fx_refused("结算批次 " B1 " 已支付，不能重复支付", "hl_cz",
		    "finance.pay", "batch=" B1, "paid_on=2026-05-12", NULL);
		for (i = NQUOTA + 40; i < NBUYERS; i++)
			buy_first(i);
		assert_string_equal(resale, "");
		break;
	case 6:
		now("2026-06-01T09:00:00");
		quota_expired();
		now("2026-06-02T09:30:00");
		collect("2026-05", B2, 2, "2026-06-03", "2026-06-09");
		assert_int_equal(sale_by_id(mended)->batch, 2);
		/* an objection dismissed: the machine stays, finance checks it */
		now("2026-06-04T10:00:00");
		fx_ok("hl_jb", "objection.new", kv("sale", sale_of(170)->id),
		    "text=反映售价偏高", NULL);
		snprintf(obj, sizeof obj, "%s", fx_key);
		now("2026-06-05T10:00:00");
		fx_ok("hl_sh", "objection.resolve", kv("objection", obj),
		    "upheld=0", "resolution=经核实售价与发票一致", NULL);
		now("2026-06-08T10:00:00");
		st_review_all("hl_fh", B2);
		now("2026-06-10T09:30:00");
		fx_ok("hl_jb", "batch.submit", "batch=" B2, NULL);
		now("2026-06-15T10:00:00");
		fx_ok("hl_cz", "finance.sample", "batch=" B2, "seed=20260615",
		    NULL);
		assert_int_equal(fx_int("SELECT count(*) FROM finance_checks "
		    "WHERE sale_id = ?1", sale_of(170)->id, NULL), 1);
		/* not the machine sold again, nor one returned later */
		sale = fx_int("SELECT c.sale_id FROM finance_checks c JOIN "
		    "batches b ON b.id = c.batch_id JOIN sales s ON s.id = "
		    "c.sale_id WHERE b.no = '" B2 "' AND c.sale_id NOT IN (?1, "
		    "?2) AND s.machine_id <> (SELECT machine_id FROM sales WHERE "
		    "id = ?3) ORDER BY c.sale_id LIMIT 1", sale_of(170)->id,
		    sale_of(143)->id, sale_of(6)->id, NULL);
		assert_true(sale > 0);
		fx_ok("hl_cz", "finance.check", kvi("sale", sale),
		    "result=fail", "note=入户核查机具已转卖", NULL);
		sale_by_id(sale)->fate = F_FAILED;
		st_check_all("hl_cz", B2);
		now("2026-06-16T10:00:00");
		fx_ok("hl_cz", "finance.approve", "batch=" B2, NULL);
		now("2026-06-24T16:00:00");
		fx_ok("hl_cz", "finance.pay", "batch=" B2, "paid_on=2026-06-24",
		    "ref=HL-2026-06", NULL);
		break;
	case 7:
		/* returned after payment: the subsidy comes back first */
		now("2026-07-06T10:00:00");
		fx_ok("hl_jb", "return.new", kv("sale", sale_of(10)->id),
		    "reason=协商退货", NULL);
		assert_non_null(strstr(fx_outbuf, "补贴已支付"));
		assert_string_equal(sale_state(sale_of(10)->id), "paid");
		now("2026-07-20T10:00:00");
		fx_ok("hl_cz", "return.refund", kv("sale", sale_of(10)->id),
		    "amount=2800", "paid_on=2026-07-18", NULL);
		sale_of(10)->fate = F_REFUNDED;
		break;
	case 8:
		now("2026-08-05T10:00:00");
		fx_ok("hl_sh", "return.new", kv("sale", sale_of(143)->id),
		    "reason=三包期内发动机故障，退货", NULL);
		break;
	case 9:
		now("2026-09-10T10:00:00");
		fx_ok("hl_cz", "return.refund", kv("sale", sale_of(143)->id),
		    "amount=18000", "paid_on=2026-09-08", NULL);
		sale_of(143)->fate = F_REFUNDED;
		break;
	default:
		/* the rest of the year: nothing new, the books still agree */
		now(m == 10 ? "2026-10-15T10:00:00" : m == 11 ?
		    "2026-11-16T10:00:00" : "2026-12-28T10:00:00");
		fx_refused("月底前没有待结算的已核验机具", "hl_jb", "batch.new",
		    kv("month", m == 10 ? "2026-09" : m == 11 ? "2026-10" :
		    "2026-11"), NULL);
		assert_int_equal(st_check(), 0);
		break;
	}
}

/* --- the sheets ----------------------------------------------------------- */

/* Print as the console, read it into pr_buf; the print must be done. */
static void
print(const char *report, const char *batch, const char *county,
    const char *mon)
{
	struct print_req	req;

	memset(&req, 0, sizeof req);
	req.report = report;
	req.batch = batch;
	req.county = county;
	req.month = mon;
	req.encoding = "utf-8";
	if (pr_req(NULL, &req) != NJ_OK) {
		fprintf(stderr, "print %s: %s\n", report, pr_msg);
		fail();
	}
}

/* Line n (negative: from the end) split at commas into cells. */
static int
cells(int n, char cell[][128], int max)
{
	const char	*p = pr_buf, *e;
	int		 k = 0;
	size_t		 len;

	if (n < 0)
		n += lines();
	while (n-- > 0 && (p = strstr(p, "\r\n")) != NULL)
		p += 2;
	assert_non_null(p);
	e = strstr(p, "\r\n");
	assert_non_null(e);
	while (k < max) {
		const char *c = memchr(p, ',', (size_t)(e - p));

		len = (size_t)((c ? c : e) - p);
		assert_true(len < 128);
		memcpy(cell[k], p, len);
		cell[k++][len] = '\0';
		if (c == NULL)
			break;
		p = c + 1;
	}
	return k;
}

static int64_t
fen(const char *yuan)
{
	int64_t v;

	if (money_parse(yuan, &v) != 0)
		fail_msg("not money: %s", yuan);
	return v;
}

/* The batch's payments of sales not refunded: count and sum. */
static void
batch_payments(const char *no, int64_t *n, int64_t *sum)
{
	*n = fx_int("SELECT count(*) FROM payments y JOIN batches b ON b.id = "
	    "y.batch_id JOIN sales s ON s.id = y.sale_id WHERE b.no = ?1 AND "
	    "s.state <> 'refunded'", no, NULL);
	*sum = fx_int("SELECT ifnull(sum(y.amount), 0) FROM payments y JOIN "
	    "batches b ON b.id = y.batch_id JOIN sales s ON s.id = y.sale_id "
	    "WHERE b.no = ?1 AND s.state <> 'refunded'", no, NULL);
}

/*
 * 附表5 合计 = 附表6 合计 = 附表7 合计 = the bank file's = the batch's
 * payments = what the test expects; the capital numerals are the total's.
 */
static void
sheets_agree(const char *no, int b)
{
	char	c[16][128], cap[512], small[64], yuan[32];
	int64_t	n, total, central, keys, pn, psum, refunded;
	int	k, buyers_in = 0, i;

	expected(b, &n, &total, &central, &keys);
	batch_payments(no, &pn, &psum);
	assert_int_equal(pn, n);
	assert_int_equal(psum, total);
	/*
	 * A payment refunded later stays on record with its batch, and its
	 * machine stays in the paid batch (action-return.c): the batch's
	 * sheets show what was paid, refunded payment included.
	 */
	for (k = 0, refunded = 0; k < nsales; k++)
		refunded += sales[k].batch == b && sales[k].fate == F_REFUNDED;
	assert_int_equal(refunded, 1);
	assert_int_equal(fx_int("SELECT count(*) FROM payments y JOIN batches "
	    "bt ON bt.id = y.batch_id WHERE bt.no = ?1", no, NULL), n +
	    refunded);
	expected_as(b, 1, &n, &total, &central, &keys);

	print("payment", no, NULL, NULL);
	assert_int_equal(lines(), 5);
	assert_int_equal(cells(1, c, 16), 9);		/* 主机: licensed */
	assert_string_equal(c[2], "主机");
	assert_int_equal(atoll(c[3]), keys);
	assert_int_equal(cells(3, c, 16), 9);
	assert_string_equal(c[0], no);
	assert_string_equal(c[1], "贺兰县");
	assert_string_equal(c[2], "合计");
	assert_int_equal(atoll(c[3]), n);
	assert_int_equal(fen(c[4]), total);
	assert_int_equal(fen(c[5]), central);
	assert_int_equal(fen(c[6]), total - central);
	assert_int_equal(fen(c[7]), total);
	assert_non_null(strstr(c[8], "已支付"));
	cells(4, c, 16);
	assert_string_equal(c[2], "合计（大写）");
	assert_int_equal(money_capital(total, cap, sizeof cap), 0);
	assert_string_equal(c[3], cap);
	money_format(total, yuan, sizeof yuan);
	snprintf(small, sizeof small, "小写：￥%s", yuan);
	assert_string_equal(c[4], small);

	print("detail", no, NULL, NULL);
	assert_int_equal(cells(-1, c, 16), 13);
	assert_string_equal(c[0], "合计");
	assert_int_equal(atoll(c[7]), n);
	assert_int_equal(fen(c[8]), total);
	assert_int_equal(fen(c[9]), central);
	assert_int_equal(fen(c[10]), total - central);
	/* one row per buyer */
	for (i = 0; i < NBUYERS; i++)
		for (k = 0; k < buyers[i].units; k++)
			if (sales[buyers[i].sale[k]].batch == b &&
			    (sales[buyers[i].sale[k]].fate == F_PAID ||
			    sales[buyers[i].sale[k]].fate == F_REFUNDED)) {
				buyers_in++;
				break;
			}
	assert_int_equal(lines(), buyers_in + 2);

	/*
	 * R-004-A5-2a 004 附件5 二、附表7: the refunded machine leaves the
	 * beneficiary table, though it stays in the batch's other sheets.
	 */
	expected(b, &pn, &psum, &central, &keys);
	print("publicity", no, NULL, NULL);
	assert_int_equal(lines(), pn + 2);
	assert_int_equal(cells(-1, c, 16), 12);
	assert_string_equal(c[0], "合计");
	assert_int_equal(atoll(c[7]), pn);
	assert_int_equal(fen(c[11]), psum);
	expected_as(b, 1, &n, &total, &central, &keys);

	print("bank", no, NULL, NULL);
	assert_int_equal(lines(), n + 2);
	assert_int_equal(cells(-1, c, 16), 9);
	assert_string_equal(c[0], "合计");
	assert_int_equal(fen(c[4]), total);
	cells(1, c, 16);
	assert_string_equal(c[5], "农机购置补贴");
	assert_string_equal(c[6], no);
}

/* --- the year --------------------------------------------------------------- */

static void
one_year(void **state)
{
	int64_t	pc = 0, pp = 0, cc = 0, cp = 0, rows, bad;
	int64_t	npaid = 0, sum = 0;
	char	c[16][128], msg[NJ_MSG_MAX];
	int	k, m;

	(void)state;
	make_buyers();
	for (m = 1; m <= 12; m++)
		month(m);

	/* both flows, both kinds of buyer, all 200 */
	assert_int_equal(fx_int("SELECT count(*) FROM applications WHERE "
	    "flow = 'quota-first' AND county = '640122'", NULL), NQUOTA);
	assert_int_equal(fx_int("SELECT count(DISTINCT buyer_id) FROM "
	    "applications WHERE flow = 'buy-first'", NULL), NBUYERS - NQUOTA);
	assert_int_equal(fx_int("SELECT count(*) FROM buyers WHERE kind = "
	    "'org'", NULL), 20);
	assert_int_equal(fx_int("SELECT count(*) FROM buyers WHERE kind = "
	    "'person' AND township LIKE '640122%'", NULL), 180);
	assert_int_equal(fx_int("SELECT count(*) FROM sales", NULL), nsales);

	/*
	 * Machine by machine: each sale ends as expected; each one paid has
	 * exactly one payment of its subsidy (by the catalogue, not the
	 * database), split central and local.
	 */
	for (k = 0; k < nsales; k++) {
		struct ysale	*s = &sales[k];
		const char	*want = s->fate == F_PAID ? "paid" :
				    s->fate == F_FAILED ? "failed" :
				    s->fate == F_CANCELLED ? "cancelled" :
				    "refunded";
		int64_t		 sub = s->central + s->local;

		if (strcmp(sale_state(s->id), want) != 0)
			fail_msg("sale %s is %s, not %s", s->id,
			    sale_state(s->id), want);
		assert_int_equal(fx_int("SELECT count(*) FROM payments WHERE "
		    "sale_id = ?1", s->id, NULL), s->fate == F_PAID ||
		    s->fate == F_REFUNDED ? 1 : 0);
		if (s->fate == F_PAID) {
			assert_int_equal(fx_int("SELECT count(*) FROM payments "
			    "y JOIN sales x ON x.id = y.sale_id WHERE y.sale_id "
			    "= ?1 AND y.amount = x.subsidy AND y.memo = "
			    "'农机购置补贴'", s->id, NULL), 1);
			assert_int_equal(fx_int("SELECT amount FROM payments "
			    "WHERE sale_id = ?1", s->id, NULL), sub);
			assert_int_equal(fx_int("SELECT central FROM payments "
			    "WHERE sale_id = ?1", s->id, NULL), s->central);
			npaid++;
			sum += sub;
			pc += s->central;
			pp += s->local;
		}
		if (s->fate == F_PAID || s->fate == F_FAILED) {
			cc += s->central;
			cp += s->local;
		}
		if (s->fate == F_REFUNDED)
			assert_int_equal(fx_int("SELECT count(*) FROM returns r "
			    "JOIN payments y ON y.sale_id = r.sale_id WHERE "
			    "r.sale_id = ?1 AND r.state = 'done' AND "
			    "r.paid_before = 1 AND r.refund = y.amount", s->id,
			    NULL), 1);
	}
	/* the resold machine: its second sale, paid in batch 2 */
	assert_int_equal(fx_int("SELECT count(*) FROM sales s JOIN payments y "
	    "ON y.sale_id = s.id JOIN batches b ON b.id = y.batch_id WHERE "
	    "s.machine_id = (SELECT machine_id FROM sales WHERE id = ?1) AND "
	    "s.id <> ?1 AND b.no = '" B2 "'", sale_of(6)->id, NULL), 1);
	/* the payments equal the subsidies of the paid machines, no more */
	assert_int_equal(fx_int("SELECT count(*) FROM payments y JOIN sales s "
	    "ON s.id = y.sale_id WHERE s.state = 'paid'", NULL), npaid);
	assert_int_equal(fx_int("SELECT sum(y.amount) FROM payments y JOIN "
	    "sales s ON s.id = y.sale_id WHERE s.state = 'paid'", NULL), sum);
	assert_int_equal(fx_int("SELECT sum(subsidy) FROM sales WHERE state = "
	    "'paid'", NULL), sum);
	assert_int_equal(fx_int("SELECT count(*) FROM sales WHERE state IN "
	    "('recorded', 'claimed', 'verified', 'batched')", NULL), 0);
	assert_int_equal(fx_int("SELECT count(*) FROM sales WHERE state = "
	    "'paid'", NULL), npaid);
	assert_int_equal(fx_int("SELECT count(*) FROM returns", NULL), 3);

	/* 附件2: the budget sheet and the budgets table agree with them */
	assert_int_equal(budget("paid_central"), pc);
	assert_int_equal(budget("paid_provincial"), pp);
	assert_int_equal(budget("committed_central"), cc);
	assert_int_equal(budget("committed_provincial"), cp);
	print("budget", NULL, "640122", "2026-12");
	assert_int_equal(lines(), 3);
	assert_int_equal(cells(1, c, 16), 12);
	assert_string_equal(c[0], "贺兰县");
	assert_int_equal(fen(c[1]), 980000000);
	assert_int_equal(fen(c[5]), cc);
	assert_int_equal(fen(c[6]), cp);
	assert_int_equal(fen(c[7]), pc);
	assert_int_equal(fen(c[8]), pp);
	assert_int_equal(fen(c[9]), fen(c[1]) - cc);
	assert_int_equal(fen(c[10]), fen(c[2]) - cp);

	/* every sheet of each batch agrees */
	sheets_agree(B1, 1);
	sheets_agree(B2, 2);

	/*
	 * R-003-A1-2a 分段结算: 1.1.3/03 was paid 2800 before May and 2500
	 * from May on, and batch 2's payment report says how many machines
	 * the changed amount paid
	 */
	assert_true(fx_int("SELECT count(*) FROM sales WHERE state = 'paid' "
	    "AND subsidy = 280000 AND segment = ''", NULL) > 0);
	k = (int)fx_int("SELECT count(*) FROM sales s JOIN batch_sales x ON "
	    "x.sale_id = s.id JOIN batches b ON b.id = x.batch_id WHERE "
	    "b.no = '" B2 "' AND s.subsidy = 250000 AND s.segment = '"
	    XG_CHANGE "'", NULL);
	assert_true(k > 0);
	print("payment", B2, NULL, NULL);
	snprintf(msg, sizeof msg, "；%d 台按自" XG_CHANGE "起调整后的补贴额结算",
	    k);
	assert_true(has(msg));
	print("payment", B1, NULL, NULL);
	assert_false(has("调整后的补贴额"));

	/* njbt check, and the audit chain */
	assert_int_equal(st_check(), 0);
	assert_int_equal(audit_verify(&rows, &bad, msg, sizeof msg), 0);
	assert_true(rows > 1000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		ST_TEST(one_year),
	};

	return FX_RUN(tests);
}
