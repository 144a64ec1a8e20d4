/*
 * test-action-sale.c: the dealer records the sale (004 附件4 二; 000
 * 二(二)2) in both flows, and the county accepts a buy-first claim:
 * sale.new against a confirmation notice (quota-first, 先定后买), sale.new
 * without one (buy-first, 先购后补) and claim.new. Every refusal (notice,
 * ID number, dates, stock, product and maker status, tier, authorisation,
 * price, invoice, scope, bank account, budget), and what each stores: the
 * subsidy frozen on the sale (tier, filed amount, cap, share of the price,
 * top-ups), the key and licensed flags, the budget commitment, the states
 * of the notice, the application, the sale and the machine.
 *
 * Demo facts used: fs_dealer (FS) holds XG26A001-006 (1GQN-200, 1.1.3/03,
 * 2800 yuan), TL26A001-004 (SS-904, 9.1.1/03, 18000 yuan, key, licensed),
 * LS26A001-002 (4LZ-6, 4.1.1/01, 22000 yuan), MS26A001-004 (4U-170,
 * 4.3.1/02, 3500 yuan + 20%, open-ended), BZ26A001-002 (2BMSF-6, 2.1.6/01,
 * tier 8500 yuan, filed 8000); js_dealer (JS) holds XG26B001-004 and
 * TL26B001-002, authorised in 640104 and 640122 only.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#define FS	"91640122MA76F2K349"
#define JS	"91640104MA77H8C58B"

#define ID_A	"640122198001011238"
#define ID_B	"640122197512034568"
#define ID_C	"640121199006157891"
#define ID_D	"640422198503102347"
#define ID_E	"640122199205210014"

/* --- helpers ------------------------------------------------------------ */

/*
 * An approved application of a person in county 640122 (entered and
 * submitted by xg_zhen, approved by hl_sh) or 640121 (yn_jb, yn_sh); its
 * notice number into notice.
 */
static void
notice_in(char *notice, const char *county, const char *id,
    const char *name, const char *item, const char *tier, const char *qty)
{
	int	 yn = strcmp(county, "640121") == 0;
	char	 no[NJ_KEY_MAX];

	fx_ok(yn ? "yn_jb" : "xg_zhen", "application.new", "buyer_type=person",
	    kv("buyer_name", name), kv("id_no", id),
	    kv("township", yn ? "640121100" : "640122100"), kv("item", item),
	    kv("tier", tier), kv("qty", qty), NULL);
	snprintf(no, sizeof no, "%s", fx_key);
	fx_ok(yn ? "yn_jb" : "xg_zhen", "application.submit",
	    kv("application", no), NULL);
	fx_ok(yn ? "yn_sh" : "hl_sh", "application.approve",
	    kv("application", no), NULL);
	snprintf(notice, NJ_KEY_MAX, "%s", fx_key);
}

/* A quota-first sale by dealer that must succeed; its sale id. */
static int64_t
sell(const char *dealer, const char *notice, const char *id,
    const char *serial, const char *price, const char *sold_on,
    const char *invoice)
{
	fx_ok(dealer, "sale.new", kv("notice", notice), kv("id_no", id),
	    kv("serial", serial), kv("price", price), kv("sold_on", sold_on),
	    kv("invoice_no", invoice), NULL);
	return atoll(fx_key);
}

/* A buy-first sale to a person in county by fs_dealer; its sale id. */
static int64_t
sell_first(const char *serial, const char *id, const char *name,
    const char *county, const char *price, const char *invoice)
{
	fx_ok("fs_dealer", "sale.new", "buyer_type=person",
	    kv("buyer_name", name), kv("id_no", id), kv("serial", serial),
	    kv("price", price), "sold_on=2026-03-01",
	    kv("invoice_no", invoice), kv("county", county), NULL);
	return atoll(fx_key);
}

/* The sale's money as "central/provincial/city/county/subsidy" (fen). */
static void
sale_money(char *buf, size_t len, int64_t sale)
{
	char id[32];

	snprintf(id, sizeof id, "%lld", (long long)sale);
	q_text(buf, len, "SELECT central || '/' || provincial || '/' || city "
	    "|| '/' || county_part || '/' || subsidy FROM sales WHERE id = ?1",
	    id, NULL);
}

static int64_t
committed(const char *part, const char *county)
{
	char sql[160];

	snprintf(sql, sizeof sql, "SELECT committed_%s FROM budgets WHERE "
	    "year = 2026 AND region = ?1", part);
	return fx_int(sql, county, NULL);
}

static void
buy_first(void)
{
	fx_ok("admin", "program.set", "year=2026", "flow=buy-first", NULL);
}

/*
 * A dealer authorised by ss_maker for 1GQN-200 in 640121 only, holding
 * XG26C001 and XG26C002; login yn_dealer.
 */
static void
one_county_dealer(void)
{
	char uscc[20];

	make_uscc(uscc, "91", "640121", 5150);
	fx_ok("register", "dealer.register", "name=永宁县兴农农机有限公司",
	    kv("uscc", uscc), "legal_rep=杨军", "address=永宁县杨和镇",
	    "phone=13895012346", "login=yn_dealer", "password=dealer-pass",
	    NULL);
	fx_ok("ss_maker", "dealer.pick", kv("dealer", uscc), NULL);
	fx_ok("ss_maker", "dealer.authorize", kv("dealer", uscc),
	    "model=1GQN-200", "counties=640121", NULL);
	fx_ok("ss_maker", "supply.new", kv("dealer", uscc), "model=1GQN-200",
	    "serial=XG26C001", NULL);
	fx_ok("ss_maker", "supply.new", kv("dealer", uscc), "model=1GQN-200",
	    "serial=XG26C002", NULL);
}

/* --- sale.new, quota-first: what it stores ------------------------------ */

/* 004 附件4 二: the sale against the notice; notice and application used. */
static void
sale_on_notice_stores_sale(void **state)
{
	char notice[NJ_KEY_MAX], money[128], id[32];
	int64_t sale, c0;

	(void)state;
	notice_in(notice, "640122", ID_A, "张三", "1.1.3", "03", "1");
	c0 = committed("central", "640122");
	fx_ok("fs_dealer", "sale.new", kv("notice", notice), "id_no=" ID_A,
	    "serial=xg26a001", "price=12000", "sold_on=2026-03-02",
	    "invoice_no=FP20260001", "photo=photos/xg26a001.jpg", NULL);
	sale = atoll(fx_key);
	assert_true(sale > 0);
	snprintf(id, sizeof id, "%lld", (long long)sale);
	assert_int_equal(fx_int("SELECT count(*) FROM sales s JOIN machines m "
	    "ON m.id = s.machine_id JOIN dealers d ON d.id = s.dealer_id JOIN "
	    "buyers b ON b.id = s.buyer_id JOIN applications a ON a.id = "
	    "s.app_id JOIN notices n ON n.id = s.notice_id JOIN "
	    "application_lines l ON l.id = s.line_id JOIN tiers t ON t.id = "
	    "s.tier_id JOIN users u ON u.id = s.entered_by WHERE s.id = ?1 "
	    "AND m.serial = 'XG26A001' AND d.uscc = '" FS "' AND b.name = "
	    "'张三' AND n.no = ?2 AND l.app_id = a.id AND t.item_code = "
	    "'1.1.3' AND t.code = '03' AND s.year = 2026 AND s.county = "
	    "'640122' AND s.price = 1200000 AND s.sold_on = '2026-03-02' AND "
	    "s.invoice_no = 'FP20260001' AND s.photo = 'photos/xg26a001.jpg' "
	    "AND s.state = 'recorded' AND u.login = 'fs_dealer' AND "
	    "s.entered_at = '2026-03-02 09:30:00' AND s.is_key = 0 AND "
	    "s.licensed = 0 AND s.flags = 0", id, notice, NULL), 1);
	sale_money(money, sizeof money, sale);
	assert_string_equal(money, "280000/0/0/0/280000");
	/* the machine is sold; the notice and its application are used */
	assert_int_equal(fx_int("SELECT count(*) FROM machines WHERE serial = "
	    "'XG26A001' AND state = 'sold'", NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM notices n JOIN "
	    "applications a ON a.id = n.app_id JOIN application_lines l ON "
	    "l.app_id = a.id WHERE n.no = ?1 AND n.state = 'used' AND "
	    "a.state = 'used' AND l.used = 1", notice, NULL), 1);
	/* the tier's amount was committed at approval: nothing moves */
	assert_int_equal(committed("central", "640122"), c0);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'sale.new' AND record = ?1 AND login = 'fs_dealer' AND detail "
	    "NOT LIKE '%" ID_A "%'", id, NULL), 1);
}

/* 附表2: a notice for two units is used when both are bought. */
static void
sale_uses_notice_line_by_line(void **state)
{
	char notice[NJ_KEY_MAX];

	(void)state;
	notice_in(notice, "640122", ID_A, "张三", "1.1.3", "03", "2");
	sell("fs_dealer", notice, ID_A, "XG26A001", "12000", "2026-03-02",
	    "FP1");
	assert_int_equal(fx_int("SELECT count(*) FROM notices n JOIN "
	    "applications a ON a.id = n.app_id JOIN application_lines l ON "
	    "l.app_id = a.id WHERE n.no = ?1 AND n.state = 'valid' AND "
	    "a.state = 'approved' AND l.used = 1 AND l.qty = 2", notice, NULL),
	    1);
	/* the second unit may come from another authorised dealer */
	sell("js_dealer", notice, ID_A, "XG26B001", "11800", "2026-03-02",
	    "FP1");
	assert_int_equal(fx_int("SELECT count(*) FROM notices n JOIN "
	    "applications a ON a.id = n.app_id WHERE n.no = ?1 AND n.state = "
	    "'used' AND a.state = 'used'", notice, NULL), 1);
}

/* --- sale.new, quota-first: refusals ------------------------------------ */

/* 000 二(二)2: the notice must exist and be unused. */
static void
sale_refused_notice_unknown_used_returned(void **state)
{
	char notice[NJ_KEY_MAX], app[NJ_KEY_MAX];

	(void)state;
	fx_refused("未知的确认通知书编号：TZ640122202699999", "fs_dealer",
	    "sale.new", "notice=TZ640122202699999", "id_no=" ID_A,
	    "serial=XG26A001", "price=12000", "sold_on=2026-03-02",
	    "invoice_no=FP1", NULL);
	assert_string_equal(fx_field, "notice");
	fx_refused("2026 年度实行先定后买：请填写确认通知书编号", "fs_dealer",
	    "sale.new", "id_no=" ID_A, "serial=XG26A001", "price=12000",
	    "sold_on=2026-03-02", "invoice_no=FP1", NULL);
	notice_in(notice, "640122", ID_A, "张三", "1.1.3", "03", "1");
	sell("fs_dealer", notice, ID_A, "XG26A001", "12000", "2026-03-02",
	    "FP1");
	/* used twice */
	fx_refused("已使用", "fs_dealer", "sale.new", kv("notice", notice),
	    "id_no=" ID_A, "serial=XG26A002", "price=12000",
	    "sold_on=2026-03-02", "invoice_no=FP2", NULL);
	fx_refused("已使用", "js_dealer", "sale.new", kv("notice", notice),
	    "id_no=" ID_A, "serial=XG26B001", "price=12000",
	    "sold_on=2026-03-02", "invoice_no=FP2", NULL);
	/* handed back (004 附表2 三2) */
	notice_in(notice, "640122", ID_B, "李四", "1.1.3", "03", "1");
	q_text(app, sizeof app, "SELECT a.no FROM applications a JOIN notices "
	    "n ON n.app_id = a.id WHERE n.no = ?1", notice, NULL);
	fx_ok("hl_jb", "application.withdraw", kv("application", app),
	    "reason=放弃购机", NULL);
	fx_refused("已交回或作废", "fs_dealer", "sale.new", kv("notice", notice),
	    "id_no=" ID_B, "serial=XG26A002", "price=12000",
	    "sold_on=2026-03-02", "invoice_no=FP2", NULL);
}

/* R-000-M-2.2.2 000 二(二)2: 身份证号、指标确认书编号两个号码需相互对应. */
static void
sale_refused_id_not_on_notice(void **state)
{
	char notice[NJ_KEY_MAX];

	(void)state;
	notice_in(notice, "640122", ID_A, "张三", "1.1.3", "03", "1");
	fx_refused("身份证号码与确认通知书不符", "fs_dealer", "sale.new",
	    kv("notice", notice), "id_no=" ID_B, "serial=XG26A001",
	    "price=12000", "sold_on=2026-03-02", "invoice_no=FP1", NULL);
	assert_string_equal(fx_field, "id_no");
	/* another applicant's own notice does not help either */
	notice_in(notice, "640122", ID_B, "李四", "1.1.3", "03", "1");
	fx_refused("身份证号码与确认通知书不符", "fs_dealer", "sale.new",
	    kv("notice", notice), "id_no=" ID_A, "serial=XG26A001",
	    "price=12000", "sold_on=2026-03-02", "invoice_no=FP1", NULL);
	sell("fs_dealer", notice, ID_B, "XG26A001", "12000", "2026-03-02",
	    "FP1");
}

/* R-004-A4-2a 004 附件4 二: bought within the window (20 days), not in the future. */
static void
sale_refused_dates(void **state)
{
	char notice[NJ_KEY_MAX];

	(void)state;
	notice_in(notice, "640122", ID_A, "张三", "1.1.3", "03", "1");
	fx_refused("购机日期早于确认通知书签发日期 2026-03-02", "fs_dealer",
	    "sale.new", kv("notice", notice), "id_no=" ID_A,
	    "serial=XG26A001", "price=12000", "sold_on=2026-03-01",
	    "invoice_no=FP1", NULL);
	assert_string_equal(fx_field, "sold_on");
	fx_refused("购机日期不能晚于今天", "fs_dealer", "sale.new",
	    kv("notice", notice), "id_no=" ID_A, "serial=XG26A001",
	    "price=12000", "sold_on=2026-03-03", "invoice_no=FP1", NULL);
	assert_string_equal(fx_field, "sold_on");
	/* weeks later: a date past the window is refused */
	setenv("NJBT_NOW", "2026-04-10T10:00:00", 1);
	fx_refused("购机日期超过确认通知书有效期（2026-03-02 至 2026-03-21）",
	    "fs_dealer", "sale.new", kv("notice", notice), "id_no=" ID_A,
	    "serial=XG26A001", "price=12000", "sold_on=2026-03-22",
	    "invoice_no=FP1", NULL);
	/* the last day of the window is in it */
	sell("fs_dealer", notice, ID_A, "XG26A001", "12000", "2026-03-21",
	    "FP1");
	setenv("NJBT_NOW", FX_NOW, 1);
}

/* 004 附件4 二 / SPEC 3: the machine must be in this dealer's stock. */
static void
sale_refused_machine_not_in_stock(void **state)
{
	char notice[NJ_KEY_MAX];

	(void)state;
	notice_in(notice, "640122", ID_A, "张三", "1.1.3", "03", "2");
	/* another dealer's */
	fx_refused("出厂编号 XG26B001 不在本店库存中", "fs_dealer", "sale.new",
	    kv("notice", notice), "id_no=" ID_A, "serial=XG26B001",
	    "price=12000", "sold_on=2026-03-02", "invoice_no=FP1", NULL);
	assert_string_equal(fx_field, "serial");
	fx_refused("出厂编号 NOSUCH001 不在本店库存中", "fs_dealer", "sale.new",
	    kv("notice", notice), "id_no=" ID_A, "serial=nosuch001",
	    "price=12000", "sold_on=2026-03-02", "invoice_no=FP1", NULL);
	/* already sold */
	sell("fs_dealer", notice, ID_A, "XG26A001", "12000", "2026-03-02",
	    "FP1");
	fx_refused("出厂编号 XG26A001 不在本店库存中（已销售）", "fs_dealer",
	    "sale.new", kv("notice", notice), "id_no=" ID_A,
	    "serial=XG26A001", "price=12000", "sold_on=2026-03-02",
	    "invoice_no=FP2", NULL);
	/* sent back to the maker */
	fx_ok("fs_dealer", "supply.return", "serial=XG26A002",
	    "reason=型号不符", NULL);
	fx_refused("出厂编号 XG26A002 不在本店库存中", "fs_dealer", "sale.new",
	    kv("notice", notice), "id_no=" ID_A, "serial=XG26A002",
	    "price=12000", "sold_on=2026-03-02", "invoice_no=FP2", NULL);
	assert_null(strstr(fx_err, "已销售"));
	/* verified or paid units are not stock either */
	q_exec("UPDATE machines SET state = 'verified' WHERE serial = "
	    "'XG26A003'");
	fx_refused("出厂编号 XG26A003 不在本店库存中（已销售）", "fs_dealer",
	    "sale.new", kv("notice", notice), "id_no=" ID_A,
	    "serial=XG26A003", "price=12000", "sold_on=2026-03-02",
	    "invoice_no=FP2", NULL);
	sell("fs_dealer", notice, ID_A, "XG26A004", "12000", "2026-03-02",
	    "FP2");
}

/* R-004-M-8.2.4 004 八(二)四: 购买机具是否为补贴指标确认书确认的机具. */
static void
sale_refused_tier_not_on_notice(void **state)
{
	char notice[NJ_KEY_MAX], app[NJ_KEY_MAX];

	(void)state;
	notice_in(notice, "640122", ID_A, "张三", "1.1.3", "03", "1");
	fx_refused("确认通知书中没有型号 SS-904 所属的品目分档", "fs_dealer",
	    "sale.new", kv("notice", notice), "id_no=" ID_A,
	    "serial=TL26A001", "price=60000", "sold_on=2026-03-02",
	    "invoice_no=FP1", NULL);
	assert_string_equal(fx_field, "serial");
	/* a line used up while another is still open */
	fx_ok("xg_zhen", "application.new", "buyer_type=person",
	    "buyer_name=李四", "id_no=" ID_B, "township=640122100",
	    "item=1.1.3", "tier=03", "qty=1", NULL);
	snprintf(app, sizeof app, "%s", fx_key);
	fx_ok("xg_zhen", "application.line", kv("application", app),
	    "item=4.3.1", "tier=02", "qty=1", NULL);
	fx_ok("xg_zhen", "application.submit", kv("application", app), NULL);
	fx_ok("hl_sh", "application.approve", kv("application", app), NULL);
	snprintf(notice, sizeof notice, "%s", fx_key);
	sell("fs_dealer", notice, ID_B, "XG26A001", "12000", "2026-03-02",
	    "FP1");
	fx_refused("或该分档数量已用完", "fs_dealer", "sale.new",
	    kv("notice", notice), "id_no=" ID_B, "serial=XG26A002",
	    "price=12000", "sold_on=2026-03-02", "invoice_no=FP2", NULL);
	sell("fs_dealer", notice, ID_B, "MS26A001", "15000", "2026-03-02",
	    "FP2");
	assert_int_equal(fx_int("SELECT count(*) FROM notices WHERE no = ?1 "
	    "AND state = 'used'", notice, NULL), 1);
}

/* R-000-M-1.2.2b 000 一(二)2 销售机具设置: authorised for that model in the county. */
static void
sale_refused_not_authorised_in_county(void **state)
{
	char notice[NJ_KEY_MAX];

	(void)state;
	/* js_dealer sells 1GQN-200 in 640104 and 640122, not in 永宁县 */
	notice_in(notice, "640121", ID_C, "王五", "1.1.3", "03", "1");
	fx_refused("本店未获生产企业授权在永宁县销售型号 1GQN-200", "js_dealer",
	    "sale.new", kv("notice", notice), "id_no=" ID_C,
	    "serial=XG26B001", "price=12000", "sold_on=2026-03-02",
	    "invoice_no=FP1", NULL);
	assert_string_equal(fx_field, "serial");
	fx_ok("ss_maker", "dealer.authorize", "dealer=" JS, "model=1GQN-200",
	    "counties=640121", NULL);
	sell("js_dealer", notice, ID_C, "XG26B001", "12000", "2026-03-02",
	    "FP1");
	assert_int_equal(fx_int("SELECT count(*) FROM sales WHERE county = "
	    "'640121'", NULL), 1);
}

/* 004 附件4 二 支付全额购机款: the price as on the invoice, above nothing. */
static void
sale_refused_price(void **state)
{
	char notice[NJ_KEY_MAX];

	(void)state;
	notice_in(notice, "640122", ID_A, "张三", "1.1.3", "03", "1");
	/* R-SEC-8.11c: a price below 1 元 is refused by the field's range */
	fx_refused("销售价格（元）：应在 1 元至 10000000 元之间", "fs_dealer",
	    "sale.new", kv("notice", notice),
	    "id_no=" ID_A, "serial=XG26A001", "price=0", "sold_on=2026-03-02",
	    "invoice_no=FP1", NULL);
	assert_string_equal(fx_field, "price");
	fx_refused("销售价格（元）：", "fs_dealer", "sale.new",
	    kv("notice", notice), "id_no=" ID_A, "serial=XG26A001",
	    "price=-100", "sold_on=2026-03-02", "invoice_no=FP1", NULL);
	fx_refused("销售价格（元）：", "fs_dealer", "sale.new",
	    kv("notice", notice), "id_no=" ID_A, "serial=XG26A001",
	    "price=12000.123", "sold_on=2026-03-02", "invoice_no=FP1", NULL);
	fx_refused("请填写：发票号", "fs_dealer", "sale.new",
	    kv("notice", notice), "id_no=" ID_A, "serial=XG26A001",
	    "price=12000", "sold_on=2026-03-02", NULL);
}

/* 003 附件3 第六条(二): one invoice, one sale, per dealer. */
static void
sale_refused_invoice_reused(void **state)
{
	char n1[NJ_KEY_MAX], n2[NJ_KEY_MAX], n3[NJ_KEY_MAX];
	int64_t sale;

	(void)state;
	notice_in(n1, "640122", ID_A, "张三", "1.1.3", "03", "1");
	notice_in(n2, "640122", ID_B, "李四", "1.1.3", "03", "1");
	notice_in(n3, "640122", ID_E, "赵六", "1.1.3", "03", "1");
	sale = sell("fs_dealer", n1, ID_A, "XG26A001", "12000", "2026-03-02",
	    "FP0001");
	fx_refused("发票号 FP0001 已用于本店的其他销售", "fs_dealer", "sale.new",
	    kv("notice", n2), "id_no=" ID_B, "serial=XG26A002", "price=12000",
	    "sold_on=2026-03-02", "invoice_no=FP0001", NULL);
	assert_string_equal(fx_field, "invoice_no");
	/* another dealer's invoices are its own */
	sell("js_dealer", n2, ID_B, "XG26B001", "12000", "2026-03-02",
	    "FP0001");
	/* a cancelled sale's invoice number is not issued again */
	{
		char sql[128];

		snprintf(sql, sizeof sql, "UPDATE sales SET state = "
		    "'cancelled' WHERE id = %lld", (long long)sale);
		q_exec(sql);
	}
	fx_refused("发票号 FP0001 已用于本店的其他销售", "fs_dealer", "sale.new",
	    kv("notice", n3), "id_no=" ID_E, "serial=XG26A003", "price=12000",
	    "sold_on=2026-03-02", "invoice_no=FP0001", NULL);
}

/* SPEC 5: suspended or blacklisted dealers cannot act; only dealers sell. */
static void
sale_refused_dealer_or_role(void **state)
{
	char notice[NJ_KEY_MAX];

	(void)state;
	notice_in(notice, "640122", ID_A, "张三", "1.1.3", "03", "1");
	fx_refused("无权执行", "hl_jb", "sale.new", kv("notice", notice),
	    "id_no=" ID_A, "serial=XG26A001", "price=12000",
	    "sold_on=2026-03-02", "invoice_no=FP1", NULL);
	fx_refused("无权执行", "ss_maker", "sale.new", kv("notice", notice),
	    "id_no=" ID_A, "serial=XG26A001", "price=12000",
	    "sold_on=2026-03-02", "invoice_no=FP1", NULL);
	q_exec("UPDATE dealers SET status = 'suspended' WHERE uscc = '" FS "'");
	fx_refused("已被暂停补贴资格", "fs_dealer", "sale.new",
	    kv("notice", notice), "id_no=" ID_A, "serial=XG26A001",
	    "price=12000", "sold_on=2026-03-02", "invoice_no=FP1", NULL);
	q_exec("UPDATE dealers SET status = 'blacklisted' WHERE uscc = '" FS
	    "'");
	fx_refused("已被列入黑名单", "fs_dealer", "sale.new",
	    kv("notice", notice), "id_no=" ID_A, "serial=XG26A001",
	    "price=12000", "sold_on=2026-03-02", "invoice_no=FP1", NULL);
}

/*
 * R-003-A2-8b SPEC 5, 003 附件2 第八条: a product suspended (or failed in filing), or
 * a maker suspended or blacklisted, sells no more with a subsidy.
 */
static void
sale_refused_product_or_maker_status(void **state)
{
	char notice[NJ_KEY_MAX];

	(void)state;
	notice_in(notice, "640122", ID_A, "张三", "1.1.3", "03", "1");
	q_exec("UPDATE products SET status = 'suspended' WHERE model = "
	    "'1GQN-200'");
	fx_refused("型号 1GQN-200已被暂停补贴资格",
	    "fs_dealer", "sale.new", kv("notice", notice), "id_no=" ID_A,
	    "serial=XG26A001", "price=12000", "sold_on=2026-03-02",
	    "invoice_no=FP1", NULL);
	assert_string_equal(fx_field, "serial");
	q_exec("UPDATE products SET status = 'failed' WHERE model = "
	    "'1GQN-200'");
	fx_refused("的投档未通过，不能享受补贴", "fs_dealer", "sale.new",
	    kv("notice", notice), "id_no=" ID_A, "serial=XG26A001",
	    "price=12000", "sold_on=2026-03-02", "invoice_no=FP1", NULL);
	q_exec("UPDATE products SET status = 'published' WHERE model = "
	    "'1GQN-200'");
	q_exec("UPDATE makers SET status = 'suspended'");
	fx_refused("生产企业宁夏塞上农业机械有限公司已被暂停补贴资格",
	    "fs_dealer", "sale.new", kv("notice", notice),
	    "id_no=" ID_A, "serial=XG26A001", "price=12000",
	    "sold_on=2026-03-02", "invoice_no=FP1", NULL);
	q_exec("UPDATE makers SET status = 'blacklisted'");
	fx_refused("生产企业宁夏塞上农业机械有限公司已被列入黑名单", "fs_dealer",
	    "sale.new",
	    kv("notice", notice), "id_no=" ID_A, "serial=XG26A001",
	    "price=12000", "sold_on=2026-03-02", "invoice_no=FP1", NULL);
	q_exec("UPDATE makers SET status = 'active'");
	sell("fs_dealer", notice, ID_A, "XG26A001", "12000", "2026-03-02",
	    "FP1");
}

/* --- the subsidy frozen on the sale (004 三(三), SPEC 5) ---------------- */

/* R-004-M-3.3.1 004 三(三)1: the tier's fixed amount when nothing lowers it. */
static void
subsidy_is_tier_amount(void **state)
{
	char notice[NJ_KEY_MAX], money[128];
	int64_t sale;

	(void)state;
	notice_in(notice, "640122", ID_A, "张三", "9.1.1", "03", "1");
	sale = sell("fs_dealer", notice, ID_A, "TL26A001", "68000",
	    "2026-03-02", "FP1");
	sale_money(money, sizeof money, sale);
	assert_string_equal(money, "1800000/0/0/0/1800000");
}

/* R-003-A4-7b 003 附件4 就低不就高: never above the product's filed subsidy. */
static void
subsidy_limited_by_filed_amount(void **state)
{
	char notice[NJ_KEY_MAX], money[128];
	int64_t sale, c0;

	(void)state;
	notice_in(notice, "640122", ID_A, "张三", "2.1.6", "01", "1");
	/* approval commits the tier's 8500 */
	c0 = committed("central", "640122");
	sale = sell("fs_dealer", notice, ID_A, "BZ26A001", "40000",
	    "2026-03-02", "FP1");
	sale_money(money, sizeof money, sale);
	assert_string_equal(money, "800000/0/0/0/800000");
	/* the commitment follows what the unit really gets */
	assert_int_equal(committed("central", "640122"), c0 - 50000);
}

/* R-004-M-3.3.2 004 三(三)2: never above the single-machine cap of the row. */
static void
subsidy_limited_by_cap(void **state)
{
	char notice[NJ_KEY_MAX], money[128];
	int64_t sale;

	(void)state;
	notice_in(notice, "640122", ID_A, "张三", "9.1.1", "03", "1");
	q_exec("UPDATE tiers SET cap = 1500000 WHERE year = 2026 AND "
	    "item_code = '9.1.1' AND code = '03'");
	sale = sell("fs_dealer", notice, ID_A, "TL26A001", "68000",
	    "2026-03-02", "FP1");
	sale_money(money, sizeof money, sale);
	assert_string_equal(money, "1500000/0/0/0/1500000");
	assert_int_equal(committed("central", "640122"), 1500000);
}

/*
 * R-004-M-3.3.1 004 三(三)1 定额补贴 (issue 10 (1)): the tier's fixed amount
 * does not move with the invoice price: a 2,800-yuan tier sold at 3,000
 * yuan pays 2,800 (the old 30% cap would have given 900); the ratio is
 * flagged instead (R-002-A2-10.6 002 附件2 第十条(六)).
 */
static void
subsidy_fixed_whatever_the_price(void **state)
{
	char notice[NJ_KEY_MAX], money[128];
	int64_t sale;

	(void)state;
	notice_in(notice, "640122", ID_A, "张三", "1.1.3", "03", "1");
	assert_int_equal(committed("central", "640122"), 280000);
	/* a price below the unit's fixed subsidy is refused */
	fx_refused("售价 2000.00 元低于该机具的补贴额 2800.00 元", "fs_dealer",
	    "sale.new", kv("notice", notice), "id_no=" ID_A,
	    "serial=XG26A001", "price=2000", "sold_on=2026-03-02",
	    "invoice_no=FP1", NULL);
	sale = sell("fs_dealer", notice, ID_A, "XG26A001", "3000",
	    "2026-03-02", "FP1");
	sale_money(money, sizeof money, sale);
	assert_string_equal(money, "280000/0/0/0/280000");
	assert_string_equal(fx_outbuf, "");
	assert_int_equal(committed("central", "640122"), 280000);
	assert_int_equal(fx_int("SELECT flags & 16 FROM sales WHERE id = "
	    "(SELECT max(id) FROM sales)", NULL), 16);
}

/*
 * R-004-M-3.3.1a 004 三(三)1: a province may switch a per-sale share cap
 * on (program.set max_ratio): a cheap sale then gets that share of its
 * price, the commitment shrinks with it, and `njbt do` says so with both
 * amounts and the reason (issue 10 (1)).
 */
static void
subsidy_limited_by_price_share(void **state)
{
	char notice[NJ_KEY_MAX], money[128];
	int64_t sale;

	(void)state;
	fx_ok("admin", "program.set", "year=2026", "max_ratio=0.30", NULL);
	notice_in(notice, "640122", ID_A, "张三", "1.1.3", "03", "1");
	/* 30% of 9000 is less than the tier's 2800 */
	sale = sell("fs_dealer", notice, ID_A, "XG26A001", "9000",
	    "2026-03-02", "FP1");
	sale_money(money, sizeof money, sale);
	assert_string_equal(money, "270000/0/0/0/270000");
	assert_non_null(strstr(fx_outbuf, "分档 03 的补贴额由定额 2800.00 元降为 "
	    "2700.00 元：本年度方案设定了补贴占售价比例上限"));
	assert_int_equal(committed("central", "640122"), 270000);
	/* the year's max_ratio sets the share: 35% of 5000.01, rounded down */
	fx_ok("admin", "program.set", "year=2026", "max_ratio=0.35", NULL);
	notice_in(notice, "640122", ID_B, "李四", "1.1.3", "03", "1");
	sale = sell("fs_dealer", notice, ID_B, "XG26A002", "5000.01",
	    "2026-03-02", "FP2");
	sale_money(money, sizeof money, sale);
	assert_string_equal(money, "175000/0/0/0/175000");
}

/* R-004-M-3.3.4 004 三(三)4: +20% on listed items (4.3.1), paid from provincial funds. */
static void
subsidy_item_topup(void **state)
{
	char notice[NJ_KEY_MAX], money[128];
	int64_t sale, c0, p0;

	(void)state;
	notice_in(notice, "640122", ID_A, "张三", "4.3.1", "02", "2");
	c0 = committed("central", "640122");
	p0 = committed("provincial", "640122");
	sale = sell("fs_dealer", notice, ID_A, "MS26A001", "15000",
	    "2026-03-02", "FP1");
	sale_money(money, sizeof money, sale);
	assert_string_equal(money, "350000/70000/0/0/420000");
	/* R-004-M-3.3.1 定额补贴: a cheaper sale gets the same amount */
	sale = sell("fs_dealer", notice, ID_A, "MS26A002", "10000",
	    "2026-03-02", "FP2");
	sale_money(money, sizeof money, sale);
	assert_string_equal(money, "350000/70000/0/0/420000");
	/* 004 三(三)5 open-ended: committed at approval, nothing moves */
	assert_int_equal(committed("central", "640122"), c0);
	assert_int_equal(committed("provincial", "640122"), p0);
}

/* R-004-M-3.3.3 004 三(三)3: +20% for a recognised service organisation. */
static void
subsidy_service_org_topup(void **state)
{
	char notice[NJ_KEY_MAX], money[128], uscc[20], app[NJ_KEY_MAX];
	int64_t sale;

	(void)state;
	q_exec("INSERT INTO topups(year, kind, bp, note) VALUES (2026, "
	    "'service_org', 2000, '农机作业服务组织累加补贴')");
	make_uscc(uscc, "93", "640122", 4711);
	fx_ok("hl_jb", "application.new", "buyer_type=org",
	    "buyer_name=贺兰县丰源农机专业合作社", kv("id_no", uscc),
	    "township=640122100", "item=1.1.3", "tier=03", "qty=1",
	    "service_org=1", "legal_rep=马海", NULL);
	snprintf(app, sizeof app, "%s", fx_key);
	fx_ok("hl_jb", "application.line", kv("application", app),
	    "item=4.3.1", "tier=02", "qty=1", NULL);
	fx_ok("hl_jb", "application.submit", kv("application", app), NULL);
	fx_ok("hl_sh", "application.approve", kv("application", app), NULL);
	snprintf(notice, sizeof notice, "%s", fx_key);
	/* 1.1.3: 2800 + 20%; 4.3.1 (open-ended): 3500 + 20% + 20% */
	assert_int_equal(committed("central", "640122"), 280000 + 350000);
	assert_int_equal(committed("provincial", "640122"), 56000 + 140000);
	fx_ok("fs_dealer", "sale.new", kv("notice", notice), "buyer_type=org",
	    kv("id_no", uscc), "serial=XG26A001", "price=12000",
	    "sold_on=2026-03-02", "invoice_no=FP1", NULL);
	sale = atoll(fx_key);
	sale_money(money, sizeof money, sale);
	assert_string_equal(money, "280000/56000/0/0/336000");
	/* both top-ups on a listed item: 3500 + 40% */
	fx_ok("fs_dealer", "sale.new", kv("notice", notice), "buyer_type=org",
	    kv("id_no", uscc), "serial=MS26A001", "price=15000",
	    "sold_on=2026-03-02", "invoice_no=FP2", NULL);
	sale = atoll(fx_key);
	sale_money(money, sizeof money, sale);
	assert_string_equal(money, "350000/140000/0/0/490000");
	assert_int_equal(committed("central", "640122"), 280000 + 350000);
	assert_int_equal(committed("provincial", "640122"), 56000 + 140000);
}

/* R-003-A3-7.3.1 003 附件3 第七条(三): a key machine: tier flag, or subsidy >= key_threshold. */
static void
sale_key_and_licensed_flags(void **state)
{
	char notice[NJ_KEY_MAX], id[32];
	int64_t sale;

	(void)state;
	/* SS-904: 重点机具 and 牌证管理 in the catalogue */
	notice_in(notice, "640122", ID_A, "张三", "9.1.1", "03", "1");
	sale = sell("fs_dealer", notice, ID_A, "TL26A001", "68000",
	    "2026-03-02", "FP1");
	snprintf(id, sizeof id, "%lld", (long long)sale);
	assert_int_equal(fx_int("SELECT is_key * 10 + licensed FROM sales "
	    "WHERE id = ?1", id, NULL), 11);
	/* 2BMSF-6 (8000 yuan) is not key under the 10,000 yuan threshold */
	notice_in(notice, "640122", ID_B, "李四", "2.1.6", "01", "2");
	sale = sell("fs_dealer", notice, ID_B, "BZ26A001", "40000",
	    "2026-03-02", "FP2");
	snprintf(id, sizeof id, "%lld", (long long)sale);
	assert_int_equal(fx_int("SELECT is_key * 10 + licensed FROM sales "
	    "WHERE id = ?1", id, NULL), 0);
	/* the year's threshold at exactly its subsidy makes it key */
	fx_ok("admin", "program.set", "year=2026", "key_threshold=8000", NULL);
	sale = sell("fs_dealer", notice, ID_B, "BZ26A002", "40000",
	    "2026-03-02", "FP3");
	snprintf(id, sizeof id, "%lld", (long long)sale);
	assert_int_equal(fx_int("SELECT is_key * 10 + licensed FROM sales "
	    "WHERE id = ?1", id, NULL), 10);
}

/* --- sale.new, buy-first ------------------------------------------------ */

/* SPEC 3 先购后补: the dealer records the sale; the buyer claims later. */
static void
first_sale_stores_sale_without_application(void **state)
{
	char id[32], money[128];
	int64_t sale, c0;

	(void)state;
	buy_first();
	one_county_dealer();
	c0 = committed("central", "640121");
	/* the one county the dealer may sell the model in */
	fx_ok("yn_dealer", "sale.new", "buyer_type=person", "buyer_name=王五",
	    "id_no=" ID_C, "serial=XG26C001", "price=12000",
	    "sold_on=2026-03-01", "invoice_no=YN0001", NULL);
	sale = atoll(fx_key);
	snprintf(id, sizeof id, "%lld", (long long)sale);
	assert_int_equal(fx_int("SELECT count(*) FROM sales s JOIN buyers b "
	    "ON b.id = s.buyer_id JOIN machines m ON m.id = s.machine_id WHERE "
	    "s.id = ?1 AND s.county = '640121' AND s.app_id IS NULL AND "
	    "s.line_id IS NULL AND s.notice_id IS NULL AND s.state = "
	    "'recorded' AND s.year = 2026 AND s.price = 1200000 AND "
	    "s.sold_on = '2026-03-01' AND b.name = '王五' AND b.kind = "
	    "'person' AND b.idno_last4 = '7891' AND m.serial = 'XG26C001' AND "
	    "m.state = 'sold'", id, NULL), 1);
	sale_money(money, sizeof money, sale);
	assert_string_equal(money, "280000/0/0/0/280000");
	/* no application, no budget until the claim */
	assert_int_equal(fx_int("SELECT count(*) FROM applications", NULL), 0);
	assert_int_equal(committed("central", "640121"), c0);
	/* a county named for a model sold in several */
	sale = sell_first("XG26A001", ID_A, "张三", "640122", "12000", "FP1");
	snprintf(id, sizeof id, "%lld", (long long)sale);
	assert_int_equal(fx_int("SELECT count(*) FROM sales WHERE id = ?1 AND "
	    "county = '640122'", id, NULL), 1);
	/* an organisation buys too */
	{
		char uscc[20];

		make_uscc(uscc, "93", "640122", 808);
		fx_ok("fs_dealer", "sale.new", "buyer_type=org",
		    "buyer_name=金贵镇农机合作社", kv("id_no", uscc),
		    "serial=XG26A002", "price=12000", "sold_on=2026-03-01",
		    "invoice_no=FP2", "county=640122", NULL);
		assert_int_equal(fx_int("SELECT count(*) FROM buyers WHERE "
		    "kind = 'org' AND name = '金贵镇农机合作社'", NULL), 1);
	}
}

/* 003 附件3 第六条(一): who bought; the same checks of stock, date, invoice. */
static void
first_sale_refused_without_buyer(void **state)
{
	(void)state;
	buy_first();
	fx_refused("请填写：购机者类型", "fs_dealer", "sale.new",
	    "buyer_name=张三", "id_no=" ID_A, "serial=XG26A001",
	    "price=12000", "sold_on=2026-03-01", "invoice_no=FP1",
	    "county=640122", NULL);
	assert_string_equal(fx_field, "buyer_type");
	fx_refused("请填写：购机者姓名/组织名称", "fs_dealer", "sale.new",
	    "buyer_type=person", "id_no=" ID_A, "serial=XG26A001",
	    "price=12000", "sold_on=2026-03-01", "invoice_no=FP1",
	    "county=640122", NULL);
	assert_string_equal(fx_field, "buyer_name");
	/* a notice, if given, is a quota-first notice of its own year */
	fx_refused("未知的确认通知书编号：TZ640122202600001", "fs_dealer",
	    "sale.new", "notice=TZ640122202600001", "buyer_type=person",
	    "buyer_name=张三", "id_no=" ID_A, "serial=XG26A001",
	    "price=12000", "sold_on=2026-03-01", "invoice_no=FP1", NULL);
	/* 实名制: a known ID number keeps its name */
	sell_first("XG26A001", ID_A, "张三", "640122", "12000", "FP1");
	fx_refused("证件号码与姓名（名称）不符", "fs_dealer", "sale.new",
	    "buyer_type=person", "buyer_name=张叁", "id_no=" ID_A,
	    "serial=XG26A002", "price=12000", "sold_on=2026-03-01",
	    "invoice_no=FP2", "county=640122", NULL);
	/* the same checks of stock, date and price as quota-first */
	fx_refused("出厂编号 XG26A001 不在本店库存中（已销售）", "fs_dealer",
	    "sale.new", "buyer_type=person", "buyer_name=李四",
	    "id_no=" ID_B, "serial=XG26A001", "price=12000",
	    "sold_on=2026-03-01", "invoice_no=FP3", "county=640122", NULL);
	fx_refused("购机日期不能晚于今天", "fs_dealer", "sale.new",
	    "buyer_type=person", "buyer_name=李四", "id_no=" ID_B,
	    "serial=XG26A002", "price=12000", "sold_on=2026-03-03",
	    "invoice_no=FP3", "county=640122", NULL);
	fx_refused("发票号 FP1 已用于本店的其他销售", "fs_dealer", "sale.new",
	    "buyer_type=person", "buyer_name=李四", "id_no=" ID_B,
	    "serial=XG26A002", "price=12000", "sold_on=2026-03-01",
	    "invoice_no=FP1", "county=640122", NULL);
}

/* R-000-M-1.2.2b 000 一(二)2: the county is asked when the model sells in several. */
static void
first_sale_county_asked_and_checked(void **state)
{
	(void)state;
	buy_first();
	fx_refused("请填写：购机者所在县（型号 1GQN-200 授权在多个县销售）",
	    "fs_dealer", "sale.new", "buyer_type=person", "buyer_name=张三",
	    "id_no=" ID_A, "serial=XG26A001", "price=12000",
	    "sold_on=2026-03-01", "invoice_no=FP1", NULL);
	assert_string_equal(fx_field, "county");
	fx_refused("本店未获生产企业授权在西吉县销售型号 1GQN-200", "fs_dealer",
	    "sale.new", "buyer_type=person", "buyer_name=赵四",
	    "id_no=" ID_D, "serial=XG26A001", "price=12000",
	    "sold_on=2026-03-01", "invoice_no=FP1", "county=640422", NULL);
	fx_refused("不是县级行政区划", "fs_dealer", "sale.new",
	    "buyer_type=person", "buyer_name=张三", "id_no=" ID_A,
	    "serial=XG26A001", "price=12000", "sold_on=2026-03-01",
	    "invoice_no=FP1", "county=640122100", NULL);
	/* 4U-170 is authorised in 西吉县 */
	fx_ok("fs_dealer", "sale.new", "buyer_type=person", "buyer_name=赵四",
	    "id_no=" ID_D, "serial=MS26A001", "price=15000",
	    "sold_on=2026-03-01", "invoice_no=FP1", "county=640422", NULL);
	/*
	 * R-004-M-4.1c 004 四(一): a model with no sales-region setting
	 * sells in the whole province (issue 10 item 9): the county is asked
	 */
	q_exec("DELETE FROM dealer_products WHERE dealer_id = (SELECT id FROM "
	    "dealers WHERE uscc = '" FS "') AND product_id = (SELECT id FROM "
	    "products WHERE model = '2BMSF-6')");
	fx_refused("请填写：购机者所在县（型号 2BMSF-6 可在全区销售）",
	    "fs_dealer", "sale.new", "buyer_type=person", "buyer_name=张三",
	    "id_no=" ID_A, "serial=BZ26A001", "price=40000",
	    "sold_on=2026-03-01", "invoice_no=FP2", NULL);
	assert_string_equal(fx_field, "county");
	fx_ok("fs_dealer", "sale.new", "buyer_type=person", "buyer_name=赵四",
	    "id_no=" ID_D, "serial=BZ26A001", "price=40000",
	    "sold_on=2026-03-01", "invoice_no=FP2", "county=640422", NULL);
}

/*
 * R-004-M-4.1c 004 四(一) 补贴对象可以在全区范围内自主选机购机: a dealer of
 * 永宁县 that its maker picked but set no sales region for sells to a
 * buyer of 贺兰县 (the whole province by default, 000's setting absent);
 * once the maker drops it, it may not.
 */
static void
sale_other_county_without_setting(void **state)
{
	char notice[NJ_KEY_MAX], uscc[20];

	(void)state;
	make_uscc(uscc, "91", "640121", 5151);
	fx_ok("register", "dealer.register", "name=永宁县丰收农机有限公司",
	    kv("uscc", uscc), "legal_rep=杨林", "address=永宁县望远镇",
	    "phone=13895012347", "login=yn_dealer2", "password=dealer-pass",
	    NULL);
	fx_ok("ss_maker", "dealer.pick", kv("dealer", uscc), NULL);
	fx_ok("ss_maker", "supply.new", kv("dealer", uscc), "model=1GQN-200",
	    "serial=XG26D001", NULL);
	fx_ok("ss_maker", "supply.new", kv("dealer", uscc), "model=1GQN-200",
	    "serial=XG26D002", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM dealer_products d JOIN "
	    "dealers x ON x.id = d.dealer_id WHERE x.uscc = ?1", uscc, NULL),
	    0);
	notice_in(notice, "640122", ID_A, "张三", "1.1.3", "03", "2");
	sell("yn_dealer2", notice, ID_A, "XG26D001", "3000", "2026-03-02",
	    "YN1");
	assert_int_equal(fx_int("SELECT count(*) FROM sales s JOIN dealers x "
	    "ON x.id = s.dealer_id WHERE x.uscc = ?1 AND s.county = '640122' "
	    "AND s.subsidy = 280000", uscc, NULL), 1);
	/* the maker's pick gone (the row alone): no authorisation at all */
	q_run("DELETE FROM maker_dealers WHERE dealer_id = (SELECT id FROM "
	    "dealers WHERE uscc = ?1)", uscc, NULL);
	fx_refused("本店未获生产企业授权销售型号 1GQN-200", "yn_dealer2",
	    "sale.new", kv("notice", notice), "id_no=" ID_A,
	    "serial=XG26D002", "price=3000", "sold_on=2026-03-02",
	    "invoice_no=YN2", NULL);
}

/* R-004-M-3.1 004 三(一): a model filed in one year's catalogue sells in that year. */
static void
first_sale_refused_other_year(void **state)
{
	(void)state;
	fx_ok("admin", "program.set", "year=2025", "flow=buy-first", NULL);
	fx_refused("型号 1GQN-200 投档于 2026 年度补贴目录，不在 2025 年度目录中",
	    "fs_dealer", "sale.new", "buyer_type=person", "buyer_name=张三",
	    "id_no=" ID_A, "serial=XG26A001", "price=12000",
	    "sold_on=2025-12-30", "invoice_no=FP1", "county=640122", NULL);
	assert_string_equal(fx_field, "serial");
	/* 2025 not set at all: quota-first by default, a notice is needed */
	fx_ok("admin", "program.set", "year=2026", "flow=buy-first", NULL);
	q_exec("DELETE FROM programs WHERE year = 2025");
	fx_refused("2025 年度实行先定后买：请填写确认通知书编号", "fs_dealer",
	    "sale.new", "buyer_type=person", "buyer_name=张三", "id_no=" ID_A,
	    "serial=XG26A001", "price=12000", "sold_on=2025-12-30",
	    "invoice_no=FP1", "county=640122", NULL);
}

/* --- claim.new ---------------------------------------------------------- */

/* SPEC 3 先购后补: the claim creates the application and commits money. */
static void
claim_stores_application_and_commits(void **state)
{
	char card[24], id[32], no[NJ_KEY_MAX];
	int64_t sale, c0, p0;

	(void)state;
	buy_first();
	make_card(card, "621226120201158434");
	sell_first("MS26A001", ID_A, "张三", "640122", "15000", "FP1");
	sale = sell_first("XG26A001", ID_A, "张三", "640122", "12000", "FP2");
	snprintf(id, sizeof id, "%lld", (long long)sale);
	c0 = committed("central", "640122");
	p0 = committed("provincial", "640122");
	fx_ok("xg_zhen", "claim.new", "serial=XG26A001", "id_no=" ID_A,
	    "bank_name=黄河农村商业银行", kv("bank_account", card),
	    "phone=13995011111", "village=习岗村二组", NULL);
	snprintf(no, sizeof no, "%s", fx_key);
	assert_string_equal(no, "SQ640122202600001");
	assert_int_equal(atoll(fx_outbuf), sale);
	assert_int_equal(fx_int("SELECT count(*) FROM applications a JOIN "
	    "buyers b ON b.id = a.buyer_id JOIN users u ON u.id = a.entered_by "
	    "WHERE a.no = ?1 AND a.flow = 'buy-first' AND a.state = 'used' AND "
	    "a.year = 2026 AND a.county = '640122' AND a.township = "
	    "'640122100' AND b.name = '张三' AND u.login = 'xg_zhen' AND "
	    "a.entered_at = '2026-03-02 09:30:00'", no, NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM application_lines l JOIN "
	    "applications a ON a.id = l.app_id JOIN sales s ON s.line_id = "
	    "l.id AND s.app_id = a.id WHERE a.no = ?1 AND s.id = ?2 AND "
	    "l.qty = 1 AND l.used = 1 AND l.central = 280000 AND l.provincial "
	    "= 0 AND l.tier_id = s.tier_id", no, id, NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM sales WHERE id = ?1 AND "
	    "state = 'claimed' AND claimed_at = '2026-03-02 09:30:00'", id,
	    NULL), 1);
	/* the account for the payment, sealed */
	assert_int_equal(fx_int("SELECT count(*) FROM buyers WHERE name = "
	    "'张三' AND account_last4 = ?1 AND account_enc IS NOT NULL AND "
	    "bank_name = '黄河农村商业银行' AND township = '640122100' AND "
	    "village = '习岗村二组' AND phone_last4 = '1111'", card + 15, NULL),
	    1);
	assert_int_equal(committed("central", "640122"), c0 + 280000);
	assert_int_equal(committed("provincial", "640122"), p0);
	/* 004 三(三)5: an open-ended item is committed beyond the plan */
	fx_ok("hl_jb", "claim.new", "serial=MS26A001", "id_no=" ID_A, NULL);
	assert_string_equal(fx_key, "SQ640122202600002");
	assert_int_equal(committed("central", "640122"), c0 + 280000 + 350000);
	assert_int_equal(committed("provincial", "640122"), p0 + 70000);
	assert_int_equal(fx_int("SELECT count(*) FROM applications WHERE no = "
	    "'SQ640122202600002' AND township = '640122100'", NULL), 1);
}

/* 003 附件3 第七条(二) 资料审验: the buyer in person, one claim a sale. */
static void
claim_refused_wrong_id_or_twice(void **state)
{
	char card[24];

	(void)state;
	buy_first();
	make_card(card, "621226120201158434");
	sell_first("XG26A001", ID_A, "张三", "640122", "12000", "FP1");
	fx_refused("身份证号码与销售登记的购机者不符", "hl_jb", "claim.new",
	    "serial=XG26A001", "id_no=" ID_B, kv("bank_account", card), NULL);
	assert_string_equal(fx_field, "id_no");
	fx_refused("出厂编号 XG26A002 没有待受理的销售登记", "hl_jb",
	    "claim.new", "serial=XG26A002", "id_no=" ID_A,
	    kv("bank_account", card), NULL);
	fx_ok("hl_jb", "claim.new", "serial=xg26a001", "id_no=" ID_A,
	    kv("bank_account", card), NULL);
	fx_refused("出厂编号 XG26A001 没有待受理的销售登记（已受理）", "hl_sh",
	    "claim.new", "serial=XG26A001", "id_no=" ID_A,
	    kv("bank_account", card), NULL);
	fx_refused("无权执行", "fs_dealer", "claim.new", "serial=XG26A002",
	    "id_no=" ID_A, NULL);
	/* R-003-A2-8.2 004 附件5 / SPEC 5: a buyer banned since cannot claim */
	sell_first("XG26A002", ID_B, "李四", "640122", "12000", "FP2");
	q_exec("UPDATE buyers SET banned_until = '2029-01-01' WHERE name = "
	    "'李四'");
	fx_refused("该购机者因违规被禁止申请补贴", "hl_jb", "claim.new",
	    "serial=XG26A002", "id_no=" ID_B, kv("bank_account", card), NULL);
}

/* SPEC 1: the county of the sale, or a township of it. */
static void
claim_refused_out_of_scope(void **state)
{
	char card[24];

	(void)state;
	buy_first();
	make_card(card, "621226120201158434");
	sell_first("XG26A001", ID_A, "张三", "640122", "12000", "FP1");
	fx_refused("超出您的管辖范围：640122", "yn_jb", "claim.new",
	    "serial=XG26A001", "id_no=" ID_A, kv("bank_account", card), NULL);
	assert_string_equal(fx_field, "serial");
	/* a township clerk of another county */
	fx_ok("yn_jb", "user.add", "login=yh_zhen", "name=马兰",
	    "role=township", "region=640121100", "password=township-pass",
	    NULL);
	fx_refused("该销售登记不在本乡镇所在的县", "yh_zhen", "claim.new",
	    "serial=XG26A001", "id_no=" ID_A, kv("bank_account", card), NULL);
	fx_refused("乡镇 杨和镇 不在销售登记的县", "hl_jb", "claim.new",
	    "serial=XG26A001", "id_no=" ID_A, "township=640121100",
	    kv("bank_account", card), NULL);
	/* a township clerk takes claims for its own township only */
	fx_refused("超出您的管辖范围：640122101", "xg_zhen", "claim.new",
	    "serial=XG26A001", "id_no=" ID_A, "township=640122101",
	    kv("bank_account", card), NULL);
	fx_refused("乡镇 杨和镇 不在销售登记的县", "yh_zhen", "claim.new",
	    "serial=XG26A001", "id_no=" ID_A, "township=640121100",
	    kv("bank_account", card), NULL);
	fx_ok("jg_zhen", "claim.new", "serial=XG26A001", "id_no=" ID_A,
	    "township=640122101", kv("bank_account", card), NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM applications WHERE "
	    "township = '640122101' AND county = '640122'", NULL), 1);
}

/*
 * 003 附件3 第六条(二): an organisation claims with its credit code and
 * its basic account (基本账户, not a bank card), which may be all digits.
 */
static void
claim_by_organisation(void **state)
{
	char uscc[20];

	(void)state;
	buy_first();
	make_uscc(uscc, "93", "640122", 4711);
	fx_ok("fs_dealer", "sale.new", "buyer_type=org",
	    "buyer_name=贺兰县丰源农机专业合作社", kv("id_no", uscc),
	    "serial=XG26A001", "price=12000", "sold_on=2026-03-01",
	    "invoice_no=FP1", "county=640122", NULL);
	/* without the type, a code of digits only reads as an ID number */
	fx_refused("身份证号/信用代码：", "hl_jb", "claim.new",
	    "serial=XG26A001", kv("id_no", uscc),
	    "bank_account=2900012345678", NULL);
	fx_ok("hl_jb", "claim.new", "serial=XG26A001", "buyer_type=org",
	    kv("id_no", uscc), "bank_name=宁夏银行贺兰支行",
	    "bank_account=2900012345678", "township=640122100", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM buyers WHERE kind = "
	    "'org' AND account_last4 = '5678' AND township = '640122100'",
	    NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM sales WHERE state = "
	    "'claimed'", NULL), 1);
	/* a person's account must be a bank card (Luhn) */
	sell_first("XG26A002", ID_A, "张三", "640122", "12000", "FP2");
	fx_refused("银行卡号有误", "hl_jb", "claim.new", "serial=XG26A002",
	    "buyer_type=person", "id_no=" ID_A, "bank_account=2900012345678",
	    NULL);
}

/* R-004-A4-4.6 004 附件4 四(六): paid into the buyer's own account: it must be known. */
static void
claim_refused_without_bank_account(void **state)
{
	char card[24];

	(void)state;
	buy_first();
	sell_first("XG26A001", ID_A, "张三", "640122", "12000", "FP1");
	fx_refused("请填写：购机者本人的银行账号", "hl_jb", "claim.new",
	    "serial=XG26A001", "id_no=" ID_A, "bank_name=黄河农村商业银行",
	    NULL);
	assert_string_equal(fx_field, "bank_account");
	fx_refused("银行卡号有误", "hl_jb", "claim.new", "serial=XG26A001",
	    "id_no=" ID_A, "bank_account=6212261202011584349", NULL);
	make_card(card, "622848031234567890");
	fx_ok("hl_jb", "claim.new", "serial=XG26A001", "id_no=" ID_A,
	    kv("bank_account", card), NULL);
	/* the account on record from the first claim will do */
	sell_first("XG26A002", ID_A, "张三", "640122", "12000", "FP2");
	fx_ok("hl_jb", "claim.new", "serial=XG26A002", "id_no=" ID_A, NULL);
}

/* R-004-A2-0a 004 附件2 资金计划表: the claim commits within the county's plan, or is refused. */
static void
claim_refused_when_budget_short(void **state)
{
	char card[24];
	int64_t c0;

	(void)state;
	buy_first();
	make_card(card, "621226120201158434");
	sell_first("TL26A001", ID_A, "张三", "640122", "68000", "FP1");
	q_exec("UPDATE budgets SET central = committed_central + 1000000 "
	    "WHERE year = 2026 AND region = '640122'");
	c0 = committed("central", "640122");
	fx_refused("中央补贴资金不足：本次需 18000.00 元，本县 2026 年度剩余 "
	    "10000.00 元", "hl_jb", "claim.new", "serial=TL26A001",
	    "id_no=" ID_A, kv("bank_account", card), NULL);
	assert_int_equal(committed("central", "640122"), c0);
	assert_int_equal(fx_int("SELECT count(*) FROM sales WHERE state = "
	    "'recorded'", NULL), 1);
	q_exec("UPDATE budgets SET central = committed_central + 1800000 "
	    "WHERE year = 2026 AND region = '640122'");
	fx_ok("hl_jb", "claim.new", "serial=TL26A001", "id_no=" ID_A,
	    kv("bank_account", card), NULL);
	assert_int_equal(committed("central", "640122"), c0 + 1800000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(sale_on_notice_stores_sale),
		FX_TEST(sale_uses_notice_line_by_line),
		FX_TEST(sale_refused_notice_unknown_used_returned),
		FX_TEST(sale_refused_id_not_on_notice),
		FX_TEST(sale_refused_dates),
		FX_TEST(sale_refused_machine_not_in_stock),
		FX_TEST(sale_refused_tier_not_on_notice),
		FX_TEST(sale_refused_not_authorised_in_county),
		FX_TEST(sale_refused_price),
		FX_TEST(sale_refused_invoice_reused),
		FX_TEST(sale_refused_dealer_or_role),
		FX_TEST(sale_refused_product_or_maker_status),
		FX_TEST(subsidy_is_tier_amount),
		FX_TEST(subsidy_limited_by_filed_amount),
		FX_TEST(subsidy_limited_by_cap),
		FX_TEST(subsidy_fixed_whatever_the_price),
		FX_TEST(subsidy_limited_by_price_share),
		FX_TEST(subsidy_item_topup),
		FX_TEST(subsidy_service_org_topup),
		FX_TEST(sale_key_and_licensed_flags),
		FX_TEST(first_sale_stores_sale_without_application),
		FX_TEST(first_sale_refused_without_buyer),
		FX_TEST(first_sale_county_asked_and_checked),
		FX_TEST(sale_other_county_without_setting),
		FX_TEST(first_sale_refused_other_year),
		FX_TEST(claim_stores_application_and_commits),
		FX_TEST(claim_refused_wrong_id_or_twice),
		FX_TEST(claim_refused_out_of_scope),
		FX_TEST(claim_by_organisation),
		FX_TEST(claim_refused_without_bank_account),
		FX_TEST(claim_refused_when_budget_short),
	};

	return FX_RUN(tests);
}
