/*
 * test-anomaly.c: the anomaly flags of SPEC section 5 (异常情形,
 * 003 附件3 第七条、第十二条; 003 附件2 第七条(一)4; 004 八(二)三), each
 * provoked through the real actions and checked in sales.flags and in the
 * anomalies table: one buyer many units in a year (单人多台套), a dealer
 * selling many units in a short time (短期内大批量), the same buyer the
 * same item the year before (同人连年购置同类机具), engine numbers that
 * are the same written differently, a subsidy-to-price ratio above the
 * year's flag, a sale recorded after its notice's window, and a price that
 * moves with the subsidy. A flag never blocks: every flagged sale is
 * stored and can be verified.
 *
 * Demo facts used: fs_dealer's XG26A001-006 (1GQN-200, 1.1.3/03, 2800
 * yuan), TL26A001-004 (SS-904, engines ETL26A001-004), MS26A001-004
 * (4U-170, 3500 yuan + 20%); js_dealer's XG26B001-004; the year's flag
 * thresholds set by program.set.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#define FS	"91640122MA76F2K349"

#define ID_A	"640122198001011238"
#define ID_B	"640122197512034568"
#define ID_E	"640122199205210014"

/* the bits of sales.flags (actions.h AN_*) */
#define F_BUYER_UNITS	0x01
#define F_DEALER_BURST	0x02
#define F_REPEAT_ITEM	0x04
#define F_ENGINE_DUP	0x08
#define F_RATIO		0x10
#define F_WINDOW	0x20
#define F_PRICE		0x40

/* --- helpers ------------------------------------------------------------ */

/* A quota-first sale that must be stored, flagged or not; its id. */
static void
sell(char *sale, const char *dealer, const char *notice, const char *id,
    const char *serial, const char *price, const char *sold_on)
{
	char inv[64];

	snprintf(inv, sizeof inv, "FP-%s", serial);
	fx_ok(dealer, "sale.new", kv("notice", notice), kv("id_no", id),
	    kv("serial", serial), kv("price", price), kv("sold_on", sold_on),
	    kv("invoice_no", inv), NULL);
	snprintf(sale, NJ_KEY_MAX, "%s", fx_key);
}

static int64_t
flags(const char *sale)
{
	return fx_int("SELECT flags FROM sales WHERE id = ?1", sale, NULL);
}

/* How many anomaly rows of kind the sale has (kind NULL: of any kind). */
static int64_t
rows(const char *sale, const char *kind)
{
	if (kind == NULL)
		return fx_int("SELECT count(*) FROM anomalies WHERE sale_id = ?1",
		    sale, NULL);
	return fx_int("SELECT count(*) FROM anomalies WHERE sale_id = ?1 AND "
	    "kind = ?2", sale, kind, NULL);
}

static void
detail(char *buf, size_t len, const char *sale, const char *kind)
{
	q_text(buf, len, "SELECT detail FROM anomalies WHERE sale_id = ?1 AND "
	    "kind = ?2", sale, kind, NULL);
}

/* Nothing flagged on the sale: no bit, no row. */
static void
clean(const char *sale)
{
	assert_int_equal(flags(sale), 0);
	assert_int_equal(rows(sale, NULL), 0);
}

/* --- 单人多台套 ---------------------------------------------------------- */

/*
 * 003 附件3 第七条: one buyer, many units in a year (as many as the setting,
 * like the dealer's burst).
 */
static void
flag_buyer_units(void **state)
{
	char n1[NJ_KEY_MAX], n2[NJ_KEY_MAX], s[NJ_KEY_MAX], d[256];

	(void)state;
	fx_ok("admin", "program.set", "year=2026", "flag_buyer_units=2", NULL);
	fx_notice_for(n1, ID_A, "张三", "1.1.3", "03", "2");
	sell(s, "fs_dealer", n1, ID_A, "XG26A001", "12000", "2026-03-02");
	clean(s);
	sell(s, "js_dealer", n1, ID_A, "XG26B001", "12000", "2026-03-02");
	assert_int_equal(flags(s), F_BUYER_UNITS);
	assert_int_equal(rows(s, "buyer_units"), 1);
	detail(d, sizeof d, s, "buyer_units");
	assert_string_equal(d, "同一购机者 2026 年度购机 2 台（提示阈值 2 台）");
	assert_int_equal(fx_int("SELECT count(*) FROM anomalies WHERE sale_id "
	    "= ?1 AND at = '2026-03-02 09:30:00'", s, NULL), 1);
	/* counted across notices; another buyer is not */
	fx_notice_for(n2, ID_A, "张三", "4.3.1", "02", "1");
	sell(s, "fs_dealer", n2, ID_A, "MS26A001", "15000", "2026-03-02");
	detail(d, sizeof d, s, "buyer_units");
	assert_string_equal(d, "同一购机者 2026 年度购机 3 台（提示阈值 2 台）");
	fx_notice_for(n2, ID_B, "李四", "1.1.3", "03", "1");
	sell(s, "fs_dealer", n2, ID_B, "XG26A002", "12000", "2026-03-02");
	clean(s);
}

/* R-002-A2-10.5a 002 附件2 第十条(五); 003 附件3 第七条 单人多台套: the year's default (3 units) flags the 3rd. */
static void
flag_buyer_units_default(void **state)
{
	char n[NJ_KEY_MAX], s[NJ_KEY_MAX];

	(void)state;
	fx_notice_for(n, ID_A, "张三", "1.1.3", "03", "4");
	sell(s, "fs_dealer", n, ID_A, "XG26A001", "12000", "2026-03-02");
	sell(s, "fs_dealer", n, ID_A, "XG26A002", "12000", "2026-03-02");
	clean(s);
	sell(s, "fs_dealer", n, ID_A, "XG26A003", "12000", "2026-03-02");
	assert_int_equal(flags(s), F_BUYER_UNITS);
}

/* --- 短期内大批量 -------------------------------------------------------- */

/* R-002-A2-10.5b 002 附件2 第十条(五); 003 附件3 第十二条: a dealer selling many units in a few days. */
static void
flag_dealer_burst(void **state)
{
	char n[5][NJ_KEY_MAX], id[5][20], s[NJ_KEY_MAX], d[256];
	int i;

	(void)state;
	fx_ok("admin", "program.set", "year=2026", "flag_dealer_units=3",
	    "flag_dealer_days=2", NULL);
	/* five buyers approved on 20 February */
	setenv("NJBT_NOW", "2026-02-20T10:00:00", 1);
	for (i = 0; i < 5; i++) {
		char name[32];

		make_id(id[i], "640122", "19700101", 100u + (unsigned)i);
		snprintf(name, sizeof name, "购机者%d", i + 1);
		fx_notice_for(n[i], id[i], name, "1.1.3", "03", "1");
	}
	setenv("NJBT_NOW", FX_NOW, 1);
	sell(s, "fs_dealer", n[0], id[0], "XG26A001", "12000", "2026-02-25");
	clean(s);
	sell(s, "fs_dealer", n[1], id[1], "XG26A002", "12000", "2026-03-01");
	clean(s);
	/* 2 units on 1-2 March: not yet */
	sell(s, "fs_dealer", n[2], id[2], "XG26A003", "12000", "2026-03-02");
	clean(s);
	/* another dealer's sales are its own */
	sell(s, "js_dealer", n[3], id[3], "XG26B001", "12000", "2026-03-02");
	clean(s);
	/* the third in two days */
	sell(s, "fs_dealer", n[4], id[4], "XG26A004", "12000", "2026-03-02");
	assert_int_equal(flags(s), F_DEALER_BURST);
	detail(d, sizeof d, s, "dealer_burst");
	assert_string_equal(d, "经销商 2026-03-01 至 2026-03-02 共销售 3 台（提示阈值 "
	    "2 天 3 台）");
}

/* --- 同人连年购置同类机具 ------------------------------------------------ */

static const char catalog_2025[] =
    "class_code,class_name,subclass_code,subclass_name,item_code,item_name,"
    "note,tier_code,tier_name,tier_params,subsidy,subsidy_provincial,cap,"
    "key,licensed,open,region_limit,topup\n"
    "1,耕整地机械,1.1,耕地机械,1.1.3,旋耕机,,03,2米及以上,"
    "工作幅宽2米及以上,2600,,,0,0,0,,\n";

/*
 * 2025 (a buy-first year): its catalogue, a product filed under it, a
 * unit at fs_dealer, and its sale to the buyer on 10 June 2025.
 */
static void
sold_in_2025(const char *id, const char *name)
{
	struct actor	console;
	char		msg[NJ_MSG_MAX];
	int		n = 0;

	setenv("NJBT_NOW", "2025-06-10T10:00:00", 1);
	actor_console(&console);
	if (import_text(&console, "catalog", "catalog-2025.csv", catalog_2025,
	    sizeof catalog_2025 - 1, 2025, &n, msg, sizeof msg) != NJ_OK) {
		fprintf(stderr, "import: %s\n", msg);
		fail();
	}
	fx_ok("admin", "program.set", "year=2025", "flow=buy-first", NULL);
	fx_ok("ss_maker", "product.add", "item=1.1.3", "tier=03",
	    "model=1GQN-180", "name=旋耕机", "subsidy=2600", "year=2025",
	    "cert_no=NJ-2024-0088", "cert_until=2029-12-31", NULL);
	fx_publish("1GQN-180");
	fx_ok("ss_maker", "dealer.authorize", "dealer=" FS, "model=1GQN-180",
	    "counties=640122", NULL);
	fx_ok("ss_maker", "supply.new", "dealer=" FS, "model=1GQN-180",
	    "serial=XG25A001", NULL);
	fx_ok("fs_dealer", "sale.new", "buyer_type=person",
	    kv("buyer_name", name), kv("id_no", id), "serial=XG25A001",
	    "price=11000", "sold_on=2025-06-10", "invoice_no=FP2025-0001",
	    "county=640122", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM sales WHERE year = 2025",
	    NULL), 1);
	setenv("NJBT_NOW", FX_NOW, 1);
}

/* R-002-A2-10.5c 002 附件2 第十条(五); 003 附件3 第七条: the same buyer, the same item, the year before. */
static void
flag_repeat_item(void **state)
{
	char n[NJ_KEY_MAX], s[NJ_KEY_MAX], d[256];

	(void)state;
	sold_in_2025(ID_A, "张三");
	fx_notice_for(n, ID_A, "张三", "1.1.3", "03", "1");
	sell(s, "fs_dealer", n, ID_A, "XG26A001", "12000", "2026-03-02");
	assert_int_equal(flags(s), F_REPEAT_ITEM);
	detail(d, sizeof d, s, "repeat_item");
	assert_string_equal(d, "同一购机者 2025 年度已购置同品目（1.1.3）机具");
	/* another item for the same buyer is not the same kind */
	fx_notice_for(n, ID_A, "张三", "4.3.1", "02", "1");
	sell(s, "fs_dealer", n, ID_A, "MS26A001", "15000", "2026-03-02");
	assert_int_equal(flags(s) & F_REPEAT_ITEM, 0);
	/* another buyer of the same item is not the same person */
	fx_notice_for(n, ID_B, "李四", "1.1.3", "03", "1");
	sell(s, "fs_dealer", n, ID_B, "XG26A002", "12000", "2026-03-02");
	clean(s);
}

/* --- 发动机号重复 -------------------------------------------------------- */

/* R-002-A2-10.3 002 附件2 第十条(三) / SPEC 5: one engine number written two ways. */
static void
flag_engine_duplicate(void **state)
{
	char n[NJ_KEY_MAX], s[NJ_KEY_MAX], d[256];

	(void)state;
	/* ETL26A001 is on TL26A001 already; e-tl26a.001 is the same */
	fx_ok("ss_maker", "supply.new", "dealer=" FS, "model=SS-904",
	    "serial=TL26A009", "engine_no=e-tl26a.001", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM machines WHERE serial = "
	    "'TL26A009' AND engine_no = 'E-TL26A.001' AND engine_norm = "
	    "'ETL26A001'", NULL), 1);
	fx_notice_for(n, ID_A, "张三", "9.1.1", "03", "2");
	sell(s, "fs_dealer", n, ID_A, "TL26A009", "68000", "2026-03-02");
	assert_int_equal(flags(s), F_ENGINE_DUP);
	detail(d, sizeof d, s, "engine_dup");
	assert_string_equal(d, "发动机号与另外 1 台机具的发动机号实质相同");
	/* the unit it collides with is flagged too when sold */
	sell(s, "fs_dealer", n, ID_A, "TL26A001", "68000", "2026-03-02");
	assert_int_equal(flags(s), F_ENGINE_DUP);
	/* a distinct engine number is not */
	fx_notice_for(n, ID_B, "李四", "9.1.1", "03", "1");
	sell(s, "fs_dealer", n, ID_B, "TL26A002", "68000", "2026-03-02");
	clean(s);
	/* machines without engines never collide */
	fx_notice_for(n, ID_E, "赵六", "1.1.3", "03", "1");
	sell(s, "fs_dealer", n, ID_E, "XG26A001", "12000", "2026-03-02");
	clean(s);
}

/* --- 补贴额占售价比例 ---------------------------------------------------- */

/* R-002-A2-10.6 002 附件2 第十条(六); 003 附件1 三: 无视补贴额比例过大的事实 — flag a ratio above the setting. */
static void
flag_ratio(void **state)
{
	char n[NJ_KEY_MAX], s[NJ_KEY_MAX], d[256];

	(void)state;
	/*
	 * R-004-M-3.3.1 定额补贴 (issue 10 (1)): no share cap by default, so
	 * 3500 + 20% top-up on 10000 is 42% > 35% (the default flag)
	 */
	fx_notice_for(n, ID_A, "张三", "4.3.1", "02", "2");
	sell(s, "fs_dealer", n, ID_A, "MS26A001", "10000", "2026-03-02");
	assert_int_equal(flags(s), F_RATIO);
	detail(d, sizeof d, s, "ratio");
	assert_string_equal(d, "补贴额占售价 0.42，高于提示值");
	/* 4200 on 15000 is 28% */
	sell(s, "fs_dealer", n, ID_A, "MS26A002", "15000", "2026-03-02");
	clean(s);
	/* the year's setting: 2800 on 12000 is 23.33% > 20% */
	fx_ok("admin", "program.set", "year=2026", "flag_ratio=0.20", NULL);
	fx_notice_for(n, ID_B, "李四", "1.1.3", "03", "2");
	sell(s, "fs_dealer", n, ID_B, "XG26A001", "12000", "2026-03-02");
	assert_int_equal(flags(s), F_RATIO);
	detail(d, sizeof d, s, "ratio");
	assert_string_equal(d, "补贴额占售价 0.2333，高于提示值");
	/* exactly at the setting is not above it: 2800 on 8000 at 35% */
	fx_ok("admin", "program.set", "year=2026", "flag_ratio=0.35", NULL);
	sell(s, "fs_dealer", n, ID_B, "XG26A002", "8000", "2026-03-02");
	clean(s);
}

/* --- 超出确认通知书有效期 ------------------------------------------------ */

/* R-004-A4-2b 004 附件4 二: bought in the window, but entered after it closed. */
static void
flag_entered_after_window(void **state)
{
	char n1[NJ_KEY_MAX], n2[NJ_KEY_MAX], s[NJ_KEY_MAX], d[256];

	(void)state;
	fx_notice_for(n1, ID_A, "张三", "1.1.3", "03", "1");
	fx_notice_for(n2, ID_B, "李四", "1.1.3", "03", "1");
	/* entered on the window's last day: in time */
	setenv("NJBT_NOW", "2026-03-21T17:00:00", 1);
	sell(s, "fs_dealer", n2, ID_B, "XG26A002", "12000", "2026-03-20");
	clean(s);
	/* entered four days after it: a date after the window is refused */
	setenv("NJBT_NOW", "2026-03-25T10:00:00", 1);
	fx_refused("购机日期超过确认通知书有效期", "fs_dealer", "sale.new",
	    kv("notice", n1), "id_no=" ID_A, "serial=XG26A001",
	    "price=12000", "sold_on=2026-03-22", "invoice_no=FP-XG26A001",
	    NULL);
	/* one in it is stored, and flagged */
	sell(s, "fs_dealer", n1, ID_A, "XG26A001", "12000", "2026-03-20");
	assert_int_equal(flags(s), F_WINDOW);
	detail(d, sizeof d, s, "window");
	assert_string_equal(d, "确认通知书有效期至 2026-03-21，销售于 2026-03-25 "
	    "才录入");
	assert_int_equal(fx_int("SELECT count(*) FROM anomalies WHERE sale_id "
	    "= ?1 AND at = '2026-03-25 10:00:00'", s, NULL), 1);
	setenv("NJBT_NOW", FX_NOW, 1);
}

/* R-004-A4-2b 004 附件4 二, SPEC 3: buy-first sales have no notice window to miss. */
static void
flag_window_not_in_buy_first(void **state)
{
	(void)state;
	fx_ok("admin", "program.set", "year=2026", "flow=buy-first", NULL);
	setenv("NJBT_NOW", "2026-05-30T10:00:00", 1);
	fx_ok("fs_dealer", "sale.new", "buyer_type=person", "buyer_name=张三",
	    "id_no=" ID_A, "serial=XG26A001", "price=12000",
	    "sold_on=2026-03-01", "invoice_no=FP1", "county=640122", NULL);
	clean(fx_key);
	setenv("NJBT_NOW", FX_NOW, 1);
}

/* --- 售价随补贴额变动 ---------------------------------------------------- */

/*
 * R-003-A2-7.1.4 003 附件2 第七条(一)4 根据补贴额变动情况，随意调动销售价格: the same
 * model at the same dealer, a different price, the same price net of the
 * subsidy. The earlier sale is flagged too when it is checked again.
 */
static void
flag_price_moves_with_subsidy(void **state)
{
	char n[NJ_KEY_MAX], app[NJ_KEY_MAX], s1[NJ_KEY_MAX], s2[NJ_KEY_MAX];
	char s[NJ_KEY_MAX], uscc[20], d[256];

	(void)state;
	q_exec("INSERT INTO topups(year, kind, bp, note) VALUES (2026, "
	    "'service_org', 2000, '农机作业服务组织累加补贴')");
	/* a farmer pays 12000 and gets 2800: 9200 net */
	fx_notice_for(n, ID_A, "张三", "1.1.3", "03", "1");
	sell(s1, "fs_dealer", n, ID_A, "XG26A001", "12000", "2026-03-02");
	clean(s1);
	/* a service organisation gets 3360: the price is 560 higher */
	make_uscc(uscc, "93", "640122", 2024);
	fx_ok("hl_jb", "application.new", "buyer_type=org",
	    "buyer_name=贺兰县丰源农机专业合作社", kv("id_no", uscc),
	    "township=640122100", "item=1.1.3", "tier=03", "qty=2",
	    "service_org=1", "bank_name=黄河农村商业银行",
	    "bank_account=2900012345678", NULL);
	snprintf(app, sizeof app, "%s", fx_key);
	fx_ok("hl_jb", "application.submit", kv("application", app), NULL);
	fx_ok("hl_sh", "application.approve", kv("application", app), NULL);
	snprintf(n, sizeof n, "%s", fx_key);
	fx_ok("fs_dealer", "sale.new", kv("notice", n), "buyer_type=org",
	    kv("id_no", uscc), "serial=XG26A002", "price=12560",
	    "sold_on=2026-03-02", "invoice_no=FP-XG26A002", NULL);
	snprintf(s2, sizeof s2, "%s", fx_key);
	assert_int_equal(flags(s2), F_PRICE);
	detail(d, sizeof d, s2, "price");
	assert_string_equal(d, "同型号在本店的售价不同而扣除补贴后的价格相同，疑似售价"
	    "随补贴额变动");
	/* the same price twice is not a price that moved */
	fx_ok("fs_dealer", "sale.new", kv("notice", n), "buyer_type=org",
	    kv("id_no", uscc), "serial=XG26A003", "price=12560",
	    "sold_on=2026-03-02", "invoice_no=FP-XG26A003", NULL);
	snprintf(s, sizeof s, "%s", fx_key);
	assert_int_equal(flags(s), F_PRICE);
	/* another dealer's prices are its own */
	fx_notice_for(n, ID_B, "李四", "1.1.3", "03", "1");
	sell(s, "js_dealer", n, ID_B, "XG26B001", "12000", "2026-03-02");
	clean(s);
	/* checked again, the first sale shows it too */
	fx_ok("hl_jb", "verify.pass", kv("sale", s1), "method=office",
	    "check_identity=1", "check_invoice=1",
	    "check_nameplate=1", "check_dealer=1", "check_licence=1",
	    "check_account=1", "check_promise=1", "partner=hl_sh", NULL);
	assert_int_equal(flags(s1), F_PRICE);
	assert_int_equal(rows(s1, NULL), 1);
}

/* --- a flag never blocks ------------------------------------------------ */

/* SPEC 5: flags ask a person to look; the sale is stored and goes on. */
static void
flags_never_block(void **state)
{
	char n[NJ_KEY_MAX], s[NJ_KEY_MAX], st[32];

	(void)state;
	fx_ok("admin", "program.set", "year=2026", "flag_buyer_units=2",
	    "flag_dealer_units=1", "flag_dealer_days=1", NULL);
	fx_ok("ss_maker", "supply.new", "dealer=" FS, "model=4U-170",
	    "serial=MS26A009", NULL);
	fx_notice_for(n, ID_A, "张三", "4.3.1", "02", "2");
	setenv("NJBT_NOW", "2026-03-28T10:00:00", 1);
	sell(s, "fs_dealer", n, ID_A, "MS26A001", "10000", "2026-03-21");
	assert_int_equal(flags(s), F_DEALER_BURST | F_RATIO | F_WINDOW);
	sell(s, "fs_dealer", n, ID_A, "MS26A009", "10000", "2026-03-21");
	assert_int_equal(flags(s), F_BUYER_UNITS | F_DEALER_BURST | F_RATIO |
	    F_WINDOW);
	assert_int_equal(rows(s, NULL), 4);
	/* stored as any other: the machine sold, the notice used */
	assert_int_equal(fx_int("SELECT count(*) FROM notices WHERE no = ?1 "
	    "AND state = 'used'", n, NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM machines WHERE serial = "
	    "'MS26A009' AND state = 'sold'", NULL), 1);
	/* and verified as any other; the flags are computed afresh, once */
	fx_ok("hl_jb", "verify.pass", kv("sale", s), "method=office",
	    "check_identity=1", "check_invoice=1",
	    "check_nameplate=1", "check_dealer=1", "check_licence=1",
	    "check_account=1", "check_promise=1", "partner=hl_sh", NULL);
	q_text(st, sizeof st, "SELECT state FROM sales WHERE id = ?1", s, NULL);
	assert_string_equal(st, "verified");
	assert_int_equal(flags(s), F_BUYER_UNITS | F_DEALER_BURST | F_RATIO |
	    F_WINDOW);
	assert_int_equal(rows(s, NULL), 4);
	assert_int_equal(fx_int("SELECT count(*) FROM anomalies WHERE sale_id "
	    "= ?1 AND at = '2026-03-28 10:00:00'", s, NULL), 4);
	setenv("NJBT_NOW", FX_NOW, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(flag_buyer_units),
		FX_TEST(flag_buyer_units_default),
		FX_TEST(flag_dealer_burst),
		FX_TEST(flag_repeat_item),
		FX_TEST(flag_engine_duplicate),
		FX_TEST(flag_ratio),
		FX_TEST(flag_entered_after_window),
		FX_TEST(flag_window_not_in_buy_first),
		FX_TEST(flag_price_moves_with_subsidy),
		FX_TEST(flags_never_block),
	};

	return FX_RUN(tests);
}
