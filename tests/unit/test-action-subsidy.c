/*
 * test-action-subsidy.c: the subsidy rules of issue 10 items 1, 2 and 10
 * through the actions: a rule that lowers a subsidy says so with both
 * amounts (R-003-A4-7b, R-004-M-3.3.1a); a county recognises service
 * organisations (buyer.service_org, R-004-M-3.3.3a) and their top-up
 * applies; open-ended items' top-ups stop at the provincial plan at
 * approval, sale and claim (R-004-M-3.3.6a); a tier's amount changes
 * mid-year by segments (tier.amount, 分段结算, R-003-A1-2a): lines are
 * priced at approval, sales at their sale date.
 *
 * Demo facts used: fs_dealer (FS) holds XG26A001-006 (1GQN-200, 1.1.3/03,
 * 2800 yuan), MS26A001-004 (4U-170, 4.3.1/02, 3500 yuan + 20%,
 * open-ended), BZ26A001-002 (2BMSF-6, 2.1.6/01, tier 8500 yuan, filed
 * 8000). hl_jb (经办) and hl_sh (审核) are county 640122's clerks, xg_zhen
 * a township clerk of it, yn_jb county 640121's.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#define ID_A	"640122198001011238"
#define ID_B	"640122197512034568"
#define ORG_NAME "贺兰县丰源农机专业合作社"

/* An approved application in 640122; its notice number into notice. */
static void
notice_in(char *notice, const char *id, const char *name, const char *item,
    const char *tier, const char *qty)
{
	char no[NJ_KEY_MAX];

	fx_ok("xg_zhen", "application.new", "buyer_type=person",
	    kv("buyer_name", name), kv("id_no", id), "township=640122100",
	    kv("item", item), kv("tier", tier), kv("qty", qty), NULL);
	snprintf(no, sizeof no, "%s", fx_key);
	fx_ok("xg_zhen", "application.submit", kv("application", no), NULL);
	fx_ok("hl_sh", "application.approve", kv("application", no), NULL);
	snprintf(notice, NJ_KEY_MAX, "%s", fx_key);
}

/* A quota-first sale by fs_dealer that must succeed; its sale id. */
static int64_t
sell(const char *notice, const char *id, const char *serial,
    const char *price, const char *sold_on, const char *invoice)
{
	fx_ok("fs_dealer", "sale.new", kv("notice", notice), kv("id_no", id),
	    kv("serial", serial), kv("price", price), kv("sold_on", sold_on),
	    kv("invoice_no", invoice), NULL);
	return atoll(fx_key);
}

/* The sale's money as "central/provincial/topup/subsidy/segment". */
static void
sale_money(char *buf, size_t len, int64_t sale)
{
	char id[32];

	snprintf(id, sizeof id, "%lld", (long long)sale);
	q_text(buf, len, "SELECT central || '/' || provincial || '/' || topup "
	    "|| '/' || subsidy || '/' || segment FROM sales WHERE id = ?1", id,
	    NULL);
}

static int64_t
committed(const char *part)
{
	char sql[160];

	snprintf(sql, sizeof sql, "SELECT committed_%s FROM budgets WHERE "
	    "year = 2026 AND region = '640122'", part);
	return fx_int(sql, NULL);
}

/* Leave yuan of the provincial plan of 640122 uncommitted. */
static void
provincial_left(int64_t yuan)
{
	char sql[160];

	snprintf(sql, sizeof sql, "UPDATE budgets SET provincial = "
	    "committed_provincial + %lld WHERE year = 2026 AND region = "
	    "'640122'", (long long)yuan * 100);
	q_exec(sql);
}

/* --- issue 10 (1): the note when a rule lowers a subsidy ----------------- */

/*
 * R-003-A4-7b 003 附件4 就低不就高: a product filed at 8000 under an 8500
 * tier gets 8000, and the dealer is told both amounts and why.
 */
static void
note_when_filed_amount_lowers(void **state)
{
	char notice[NJ_KEY_MAX], money[128];

	(void)state;
	notice_in(notice, ID_A, "张三", "2.1.6", "01", "1");
	sale_money(money, sizeof money, sell(notice, ID_A, "BZ26A001",
	    "30000", "2026-03-02", "FP1"));
	assert_string_equal(money, "800000/0/0/800000/");
	assert_non_null(strstr(fx_outbuf, "分档 01 的补贴额由定额 8500.00 元降为 "
	    "8000.00 元：就低不就高，不超过该产品的投档补贴额"));
}

/* R-004-M-3.3.1 004 三(三)1: the tier's amount, no note, whatever the price. */
static void
no_note_at_the_tier_amount(void **state)
{
	char notice[NJ_KEY_MAX], money[128];

	(void)state;
	notice_in(notice, ID_A, "张三", "1.1.3", "03", "1");
	sale_money(money, sizeof money, sell(notice, ID_A, "XG26A001",
	    "3000", "2026-03-02", "FP1"));
	assert_string_equal(money, "280000/0/0/280000/");
	assert_string_equal(fx_outbuf, "");
}

/* --- issue 10 (2): service organisations and the provincial plan --------- */

/* An organisation buyer of 640122 on an application of hl_jb; its code. */
static void
org_buyer(char *uscc)
{
	make_uscc(uscc, "93", "640122", 4711);
	fx_ok("hl_jb", "application.new", "buyer_type=org",
	    "buyer_name=" ORG_NAME, kv("id_no", uscc), "township=640122100",
	    "item=1.1.3", "tier=03", "qty=1", NULL);
}

/*
 * R-004-M-3.3.3a R-004-M-3.3.3 004 三(三)3: the county recognises the
 * organisation (audited); its lines then get the +20% top-up; it can be
 * withdrawn again.
 */
static void
service_org_recognised_by_county(void **state)
{
	char uscc[20], app[NJ_KEY_MAX];

	(void)state;
	q_exec("INSERT INTO topups(year, kind, bp, note) VALUES (2026, "
	    "'service_org', 2000, '农机作业服务组织累加补贴')");
	org_buyer(uscc);
	snprintf(app, sizeof app, "%s", fx_key);
	assert_int_equal(fx_int("SELECT provincial FROM application_lines "
	    "WHERE id = (SELECT max(id) FROM application_lines)", NULL), 0);
	fx_ok("hl_jb", "buyer.service_org", kv("uscc", uscc), "recognised=1",
	    NULL);
	assert_string_equal(fx_key, uscc);
	assert_int_equal(fx_int("SELECT service_org FROM buyers WHERE name = "
	    "'" ORG_NAME "'", NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'buyer.service_org' AND login = 'hl_jb' AND record = ?1", uscc,
	    NULL), 1);
	/* the next line gets 2800 + 560 */
	fx_ok("hl_jb", "application.line", kv("application", app),
	    "item=1.1.3", "tier=03", "qty=1", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM application_lines WHERE "
	    "id = (SELECT max(id) FROM application_lines) AND central = "
	    "280000 AND provincial = 56000 AND topup = 56000", NULL), 1);
	/* and approval prices every line with it */
	fx_ok("hl_jb", "application.submit", kv("application", app), NULL);
	fx_ok("hl_sh", "application.approve", kv("application", app), NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM application_lines l "
	    "JOIN applications a ON a.id = l.app_id WHERE a.no = ?1 AND "
	    "l.topup = 56000", app, NULL), 2);
	fx_ok("hl_sh", "buyer.service_org", kv("uscc", uscc), "recognised=0",
	    NULL);
	assert_int_equal(fx_int("SELECT service_org FROM buyers WHERE name = "
	    "'" ORG_NAME "'", NULL), 0);
}

/* R-004-M-3.3.3a: only the buyer's county says so; the rest is refused. */
static void
service_org_refused(void **state)
{
	char uscc[20], other[20];

	(void)state;
	org_buyer(uscc);
	/* a township clerk may neither run it nor set it on an application */
	fx_refused("无权", "xg_zhen", "buyer.service_org", kv("uscc", uscc),
	    "recognised=1", NULL);
	make_uscc(other, "93", "640122", 4712);
	fx_refused("农机作业服务组织由县级农机部门认定", "xg_zhen",
	    "application.new", "buyer_type=org", "buyer_name=贺兰县兴旺合作社",
	    kv("id_no", other), "township=640122100", "item=1.1.3", "tier=03",
	    "qty=1", "service_org=1", NULL);
	/* another county's clerk is told what an unknown code gets */
	fx_refused(BUYER_UNKNOWN, "yn_jb", "buyer.service_org",
	    kv("uscc", uscc), "recognised=1", NULL);
	fx_refused(BUYER_UNKNOWN, "hl_jb", "buyer.service_org",
	    kv("uscc", other), "recognised=1", NULL);
	/* a person has no credit code */
	fx_refused("统一社会信用代码", "hl_jb", "buyer.service_org",
	    "uscc=" ID_A, "recognised=1", NULL);
	fx_refused("本未认定为农机作业服务组织", "hl_jb", "buyer.service_org",
	    kv("uscc", uscc), "recognised=0", NULL);
	fx_ok("hl_jb", "buyer.service_org", kv("uscc", uscc), "recognised=1",
	    NULL);
	fx_refused("已认定为农机作业服务组织", "hl_jb", "buyer.service_org",
	    kv("uscc", uscc), "recognised=1", NULL);
	fx_refused("请填写", "hl_jb", "buyer.service_org", kv("uscc", uscc),
	    NULL);
}

/*
 * R-004-M-3.3.6a 004 三(三)6 不得突破自治区累加补贴资金上限: an open-ended
 * item's top-up stops at the provincial plan. Approved with nothing left
 * of the plan, the notice grants no top-up; when the plan has 300 yuan
 * left at the sale, the sale gets 300 of the 700, never more.
 */
static void
open_ended_topup_stops_at_plan(void **state)
{
	char notice[NJ_KEY_MAX], money[128];
	int64_t c0;

	(void)state;
	provincial_left(0);
	c0 = committed("central");
	notice_in(notice, ID_A, "张三", "4.3.1", "02", "2");
	assert_non_null(strstr(fx_outbuf, "累加补贴由每台 700.00 元降为 0.00 元"));
	assert_int_equal(committed("central"), c0 + 2 * 350000);
	sale_money(money, sizeof money, sell(notice, ID_A, "MS26A001",
	    "15000", "2026-03-02", "FP1"));
	assert_string_equal(money, "350000/0/0/350000/");
	assert_non_null(strstr(fx_outbuf, "累加补贴由每台 700.00 元降为 0.00 元"));
	provincial_left(300);
	sale_money(money, sizeof money, sell(notice, ID_A, "MS26A002",
	    "15000", "2026-03-02", "FP2"));
	assert_string_equal(money, "350000/30000/30000/380000/");
	assert_non_null(strstr(fx_outbuf, "累加补贴由每台 700.00 元降为 300.00 "
	    "元：不得突破本县 2026 年度省级累加补贴资金计划"));
	assert_int_equal(fx_int("SELECT committed_provincial = provincial FROM "
	    "budgets WHERE year = 2026 AND region = '640122'", NULL), 1);
	assert_int_equal(committed("central"), c0 + 2 * 350000);
}

/* R-004-M-3.3.6a: with the plan's money, the whole top-up is granted. */
static void
open_ended_topup_within_plan(void **state)
{
	char notice[NJ_KEY_MAX], money[128];
	int64_t p0;

	(void)state;
	provincial_left(1400);
	p0 = committed("provincial");
	notice_in(notice, ID_A, "张三", "4.3.1", "02", "2");
	assert_string_equal(fx_outbuf, "SQ640122202600001\n");
	assert_int_equal(committed("provincial"), p0 + 140000);
	sale_money(money, sizeof money, sell(notice, ID_A, "MS26A001",
	    "15000", "2026-03-02", "FP1"));
	assert_string_equal(money, "350000/70000/70000/420000/");
}

/*
 * R-004-M-3.3.6a: buy-first, the top-up recorded at the sale is held to
 * the plan when the county accepts the claim and commits it.
 */
static void
open_ended_claim_topup_stops_at_plan(void **state)
{
	char card[24], money[128];
	int64_t sale;

	(void)state;
	fx_ok("admin", "program.set", "year=2026", "flow=buy-first", NULL);
	fx_ok("fs_dealer", "sale.new", "buyer_type=person", "buyer_name=张三",
	    "id_no=" ID_A, "serial=MS26A001", "price=15000",
	    "sold_on=2026-03-01", "invoice_no=FP1", "county=640122", NULL);
	sale = atoll(fx_key);
	sale_money(money, sizeof money, sale);
	assert_string_equal(money, "350000/70000/70000/420000/");
	provincial_left(200);
	make_card(card, "621226120201158434");
	fx_ok("hl_jb", "claim.new", "serial=MS26A001", "id_no=" ID_A,
	    kv("bank_account", card), NULL);
	assert_non_null(strstr(fx_outbuf, "累加补贴由每台 700.00 元降为 200.00 "
	    "元"));
	sale_money(money, sizeof money, sale);
	assert_string_equal(money, "350000/20000/20000/370000/");
	assert_int_equal(fx_int("SELECT count(*) FROM application_lines WHERE "
	    "central = 350000 AND provincial = 20000", NULL), 1);
	assert_int_equal(fx_int("SELECT committed_provincial = provincial FROM "
	    "budgets WHERE year = 2026 AND region = '640122'", NULL), 1);
}

/* --- issue 10 (10): 分段结算 ------------------------------------------------ */

/*
 * R-003-A1-2a 003 附件1 二 对补贴额变更的产品分段结算补贴资金: the admin lowers
 * 1.1.3/03 from 2800 to 2500 yuan from 2026-04-01. A notice approved in
 * March shows 2800; bought in March it pays 2800, bought in April 2500
 * (the amount in force on the sale date) and the budget gives back the
 * difference. An application entered in March and approved in April is
 * priced at approval: 2500.
 */
static void
segment_by_sale_date(void **state)
{
	char n1[NJ_KEY_MAX], n2[NJ_KEY_MAX], app[NJ_KEY_MAX], money[128];
	int64_t c0;

	(void)state;
	now("2026-03-10T09:00:00");
	fx_ok("admin", "program.set", "year=2026", "notice_days=30", NULL);
	notice_in(n1, ID_A, "张三", "1.1.3", "03", "2");
	fx_ok("xg_zhen", "application.new", "buyer_type=person",
	    "buyer_name=李四", "id_no=" ID_B, "township=640122100",
	    "item=1.1.3", "tier=03", "qty=1", NULL);
	snprintf(app, sizeof app, "%s", fx_key);
	fx_ok("xg_zhen", "application.submit", kv("application", app), NULL);
	fx_ok("admin", "tier.amount", "year=2026", "item=1.1.3", "tier=03",
	    "from=2026-04-01", "subsidy=2500", "note=动态监管调整", NULL);
	assert_string_equal(fx_key, "1.1.3/03@2026-04-01");
	assert_string_equal(fx_outbuf, "品目 1.1.3 分档 03：自 2026-04-01 起补贴额 "
	    "2500.00 元（此前 2800.00 元）\n");
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'tier.amount' AND login = 'admin'", NULL), 1);
	c0 = committed("central");
	/* bought before the change: the year's first amount */
	now("2026-03-20T09:00:00");
	sale_money(money, sizeof money, sell(n1, ID_A, "XG26A001", "12000",
	    "2026-03-20", "FP1"));
	assert_string_equal(money, "280000/0/0/280000/");
	assert_int_equal(committed("central"), c0);
	/* bought after it, on the same notice: the new amount */
	now("2026-04-02T09:00:00");
	sale_money(money, sizeof money, sell(n1, ID_A, "XG26A002", "12000",
	    "2026-04-01", "FP2"));
	assert_string_equal(money, "250000/0/0/250000/2026-04-01");
	assert_int_equal(committed("central"), c0 - 30000);
	/* approved after it: the notice shows the new amount */
	fx_ok("hl_sh", "application.approve", kv("application", app), NULL);
	snprintf(n2, sizeof n2, "%s", fx_key);
	assert_int_equal(fx_int("SELECT count(*) FROM application_lines l JOIN "
	    "applications a ON a.id = l.app_id WHERE a.no = ?1 AND l.central "
	    "= 250000 AND l.segment = '2026-04-01'", app, NULL), 1);
	assert_int_equal(committed("central"), c0 - 30000 + 250000);
	sale_money(money, sizeof money, sell(n2, ID_B, "XG26A003", "12000",
	    "2026-04-02", "FP3"));
	assert_string_equal(money, "250000/0/0/250000/2026-04-01");
}

/*
 * R-003-A1-2a: a sale dated before a change keeps the old amount, however
 * late it is recorded; a change may raise an amount (and its provincial
 * part), but a product still gets no more than it filed (R-003-A4-7b).
 */
static void
segment_sale_recorded_late(void **state)
{
	char notice[NJ_KEY_MAX], money[128];

	(void)state;
	notice_in(notice, ID_A, "张三", "1.1.3", "03", "2");
	fx_ok("admin", "tier.amount", "year=2026", "item=1.1.3", "tier=03",
	    "from=2026-03-05", "subsidy=3000", "subsidy_provincial=200", NULL);
	now("2026-03-06T09:00:00");
	sale_money(money, sizeof money, sell(notice, ID_A, "XG26A001", "12000",
	    "2026-03-04", "FP1"));
	assert_string_equal(money, "280000/0/0/280000/");
	sale_money(money, sizeof money, sell(notice, ID_A, "XG26A002", "12000",
	    "2026-03-05", "FP2"));
	/* 1GQN-200 was filed at 2800: the higher amount stops there */
	assert_string_equal(money, "280000/0/0/280000/2026-03-05");
	assert_non_null(strstr(fx_outbuf, "分档 03 的补贴额由定额 3200.00 元降为 "
	    "2800.00 元：就低不就高"));
}

/* R-003-A1-2a: a change is never retroactive, nor above the cap. */
static void
segment_refused(void **state)
{
	char notice[NJ_KEY_MAX];

	(void)state;
	fx_refused("补贴额调整不能追溯：生效日期 2026-03-01 早于今天", "admin",
	    "tier.amount", "year=2026", "item=1.1.3", "tier=03",
	    "from=2026-03-01", "subsidy=2500", NULL);
	assert_string_equal(fx_field, "from");
	fx_refused("生效日期 2027-01-01 不在 2026 年度内", "admin", "tier.amount",
	    "year=2026", "item=1.1.3", "tier=03", "from=2027-01-01",
	    "subsidy=2500", NULL);
	fx_refused("补贴额超过该分档的单机补贴限额 50000.00 元", "admin",
	    "tier.amount", "year=2026", "item=1.1.3", "tier=03",
	    "from=2026-05-01", "subsidy=50000", "subsidy_provincial=0.01",
	    NULL);
	fx_refused("品目 1.1.3 没有分档 99", "admin", "tier.amount", "year=2026",
	    "item=1.1.3", "tier=99", "from=2026-05-01", "subsidy=2500", NULL);
	fx_refused("无权", "hl_jb", "tier.amount", "year=2026", "item=1.1.3",
	    "tier=03", "from=2026-05-01", "subsidy=2500", NULL);
	fx_ok("admin", "tier.amount", "year=2026", "item=1.1.3", "tier=03",
	    "from=2026-05-01", "subsidy=2500", NULL);
	fx_refused("分档 03 已有自 2026-05-01 起的补贴额", "admin",
	    "tier.amount", "year=2026", "item=1.1.3", "tier=03",
	    "from=2026-05-01", "subsidy=2400", NULL);
	/* a sale recorded today may not be repriced by a change from today */
	notice_in(notice, ID_A, "张三", "1.1.3", "03", "1");
	sell(notice, ID_A, "XG26A001", "12000", "2026-03-02", "FP1");
	fx_refused("已有 1 台该分档机具登记在 2026-03-02 以后购机，其补贴额不能"
	    "改变", "admin", "tier.amount", "year=2026", "item=1.1.3",
	    "tier=03", "from=2026-03-02", "subsidy=2500", NULL);
}

/* Tear down, and put the clock back should a test have moved it. */
static int
js_teardown(void **state)
{
	setenv("NJBT_NOW", FX_NOW, 1);
	return fx_teardown(state);
}

#define JS_TEST(f) cmocka_unit_test_setup_teardown(f, fx_setup, js_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		JS_TEST(note_when_filed_amount_lowers),
		JS_TEST(no_note_at_the_tier_amount),
		JS_TEST(service_org_recognised_by_county),
		JS_TEST(service_org_refused),
		JS_TEST(open_ended_topup_stops_at_plan),
		JS_TEST(open_ended_topup_within_plan),
		JS_TEST(open_ended_claim_topup_stops_at_plan),
		JS_TEST(segment_by_sale_date),
		JS_TEST(segment_sale_recorded_late),
		JS_TEST(segment_refused),
	};

	return FX_RUN(tests);
}
