/*
 * test-action-verify.c: the county checks papers and machine, unit by
 * unit (逐台核实, 004 附件4 三; 003 附件3): verify.pass and verify.fail.
 * Scope, which sales may be checked (a buy-first sale only once claimed),
 * the checklist (a 不符 item refuses a pass), licence numbers for licensed
 * machines, key machines (on-site, two different people), the one-time
 * notice of every problem (一次性告知) and checking a failed sale again;
 * what each stores: the verifications rows, the sale's and the machine's
 * states.
 *
 * Demo facts used: fs_dealer's XG26A001-006 (1GQN-200, 2800 yuan, not
 * key), TL26A001-004 (SS-904, 18000 yuan, key and licensed); clerks
 * xg_zhen, jg_zhen (townships of 640122), hl_jb, hl_sh (640122), yn_jb
 * (640121).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#define ID_A	"640122198001011238"
#define ID_B	"640122197512034568"

/* R-002-A3-2.2 R-002-A3-2.3 002 附件3 二(二)、(三): every item ticked */
#define ALL_OK	"check_identity=1", "check_invoice=1", "check_nameplate=1", \
		"check_dealer=1", "check_licence=1", "check_account=1", \
		"check_promise=1"
/* R-002-A3-2.3a 002 附件3 二(三) 双人交叉核验: the second verifier */
#define WITH_SH	"partner=hl_sh"
#define WITH_JB	"partner=hl_jb"

/* --- helpers ------------------------------------------------------------ */

/*
 * A quota-first sale in 640122 (application by xg_zhen in 640122100,
 * approved by hl_sh), of serial at price by fs_dealer, with a licence
 * number or none; the sale id into sale (text).
 */
static void
sold(char *sale, const char *id, const char *name, const char *item,
    const char *tier, const char *serial, const char *price,
    const char *licence)
{
	char no[NJ_KEY_MAX], notice[NJ_KEY_MAX], inv[64];

	/* R-SEC-8.1c issue 8 (1): no pass without the buyer's account */
	fx_ok("xg_zhen", "application.new", "buyer_type=person",
	    kv("buyer_name", name), kv("id_no", id), "township=640122100",
	    kv("item", item), kv("tier", tier), "qty=1",
	    "bank_name=黄河农村商业银行", "bank_account=6228480402564890018",
	    NULL);
	snprintf(no, sizeof no, "%s", fx_key);
	fx_ok("xg_zhen", "application.submit", kv("application", no), NULL);
	fx_ok("hl_sh", "application.approve", kv("application", no), NULL);
	snprintf(notice, sizeof notice, "%s", fx_key);
	snprintf(inv, sizeof inv, "FP-%s", serial);
	if (licence != NULL)
		fx_ok("fs_dealer", "sale.new", kv("notice", notice),
		    kv("id_no", id), kv("serial", serial), kv("price", price),
		    "sold_on=2026-03-02", kv("invoice_no", inv),
		    kv("licence_no", licence), NULL);
	else
		fx_ok("fs_dealer", "sale.new", kv("notice", notice),
		    kv("id_no", id), kv("serial", serial), kv("price", price),
		    "sold_on=2026-03-02", kv("invoice_no", inv), NULL);
	snprintf(sale, NJ_KEY_MAX, "%s", fx_key);
}

/* A buy-first sale of serial to a person in 640122; its id into sale. */
static void
sold_first(char *sale, const char *id, const char *name, const char *serial,
    const char *price)
{
	char inv[64];

	snprintf(inv, sizeof inv, "FP-%s", serial);
	fx_ok("fs_dealer", "sale.new", "buyer_type=person",
	    kv("buyer_name", name), kv("id_no", id), kv("serial", serial),
	    kv("price", price), "sold_on=2026-03-01", kv("invoice_no", inv),
	    "county=640122", NULL);
	snprintf(sale, NJ_KEY_MAX, "%s", fx_key);
}

static void
sale_state(char *buf, size_t len, const char *sale)
{
	q_text(buf, len, "SELECT state FROM sales WHERE id = ?1", sale, NULL);
}

static void
machine_state(char *buf, size_t len, const char *sale)
{
	q_text(buf, len, "SELECT m.state FROM machines m JOIN sales s ON "
	    "s.machine_id = m.id WHERE s.id = ?1", sale, NULL);
}

/* --- verify.pass -------------------------------------------------------- */

/* R-004-A4-3 004 附件4 三: 核实无误: the sale and the machine are verified. */
static void
pass_verifies_sale_and_machine(void **state)
{
	char sale[NJ_KEY_MAX], st[32];

	(void)state;
	sold(sale, ID_A, "张三", "1.1.3", "03", "XG26A001", "12000", NULL);
	fx_ok("hl_jb", "verify.pass", kv("sale", sale), "method=office",
	    ALL_OK, WITH_SH, NULL);
	assert_string_equal(fx_key, sale);
	sale_state(st, sizeof st, sale);
	assert_string_equal(st, "verified");
	machine_state(st, sizeof st, sale);
	assert_string_equal(st, "verified");
	assert_int_equal(fx_int("SELECT count(*) FROM sales WHERE id = ?1 AND "
	    "verified_at = '2026-03-02 09:30:00'", sale, NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM verifications v JOIN "
	    "users u ON u.id = v.user_id WHERE v.sale_id = ?1 AND u.login = "
	    "'hl_jb' AND v.at = '2026-03-02 09:30:00' AND v.method = 'office' "
	    "AND v.result = 'pass' AND v.problems IS NULL", sale, NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM audit WHERE action = "
	    "'verify.pass' AND record = ?1 AND login = 'hl_jb'", sale, NULL),
	    1);
	/* each item of the checklist is stored, with the second verifier */
	assert_int_equal(fx_int("SELECT count(*) FROM verification_checks c "
	    "JOIN verifications v ON v.id = c.verification_id WHERE v.sale_id "
	    "= ?1 AND c.result = 1", sale, NULL), 7);
	assert_int_equal(fx_int("SELECT count(*) FROM verifications v JOIN "
	    "users u ON u.id = v.partner WHERE v.sale_id = ?1 AND u.login = "
	    "'hl_sh'", sale, NULL), 1);
	/* R-002-A3-2.2 002 附件3 二(二): items left out are unticked: refused */
	sold(sale, ID_B, "李四", "1.1.3", "03", "XG26A002", "12000", NULL);
	fx_refused("核验清单未逐项核对：购机者本人与身份证件、申请人一致、发票上"
	    "的购机者姓名（名称）与金额、铭牌与发票、系统一致（生产企业、型号、出厂"
	    "编号、发动机号）、发票上的经销商与系统一致、银行卡（折）账号、开户名与"
	    "购机者一致、购机者签署购机价格真实性承诺", "xg_zhen", "verify.pass",
	    kv("sale", sale), "method=video", WITH_JB, NULL);
	fx_refused("核验清单未逐项核对：购机者签署购机价格真实性承诺",
	    "xg_zhen", "verify.pass", kv("sale", sale), "method=office",
	    "check_identity=1", "check_invoice=1", "check_nameplate=1",
	    "check_dealer=1", "check_account=1", WITH_JB, NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM verifications WHERE "
	    "sale_id = ?1", sale, NULL), 0);
	sale_state(st, sizeof st, sale);
	assert_string_equal(st, "recorded");
	/* a machine that is not licensed has no licence papers to tick */
	fx_ok("xg_zhen", "verify.pass", kv("sale", sale), "method=office",
	    "check_identity=1", "check_invoice=1", "check_nameplate=1",
	    "check_dealer=1", "check_account=1", "check_promise=1", WITH_JB,
	    NULL);
	sale_state(st, sizeof st, sale);
	assert_string_equal(st, "verified");
}

/* SPEC 1: a county checks its county, a township its township. */
static void
pass_refused_out_of_scope(void **state)
{
	char sale[NJ_KEY_MAX];

	(void)state;
	sold(sale, ID_A, "张三", "1.1.3", "03", "XG26A001", "12000", NULL);
	fx_refused("超出您的管辖范围：640122", "yn_jb", "verify.pass",
	    kv("sale", sale), "method=office", NULL);
	assert_string_equal(fx_field, "sale");
	fx_refused("超出您的管辖范围：640122100", "jg_zhen", "verify.pass",
	    kv("sale", sale), "method=office", NULL);
	fx_refused("超出您的管辖范围：640122100", "jg_zhen", "verify.fail",
	    kv("sale", sale), "reason=发票不符", NULL);
	fx_refused("无权执行", "hl_cz", "verify.pass", kv("sale", sale),
	    "method=office", NULL);
	fx_refused("无权执行", "fs_dealer", "verify.pass", kv("sale", sale),
	    "method=office", NULL);
	fx_refused("无权执行", "fs_dealer", "verify.fail", kv("sale", sale),
	    "reason=发票不符", NULL);
	fx_refused("未知的销售编号：9999", "hl_jb", "verify.pass", "sale=9999",
	    "method=office", NULL);
	fx_refused("未知的销售编号：XG26A001", "hl_jb", "verify.pass",
	    "sale=XG26A001", "method=office", NULL);
	fx_refused("请填写：核验方式", "hl_jb", "verify.pass", kv("sale", sale),
	    NULL);
	fx_ok("xg_zhen", "verify.pass", kv("sale", sale), "method=office",
	    ALL_OK, WITH_JB, NULL);
}

/* SPEC 3 先购后补: a recorded sale is checked once the buyer claims. */
static void
pass_refused_before_claim(void **state)
{
	char sale[NJ_KEY_MAX], card[24], st[32];

	(void)state;
	fx_ok("admin", "program.set", "year=2026", "flow=buy-first", NULL);
	sold_first(sale, ID_A, "张三", "XG26A001", "12000");
	fx_refused("先购后补的销售须先受理补贴申请，再核验", "hl_jb",
	    "verify.pass", kv("sale", sale), "method=office", NULL);
	fx_refused("先购后补的销售须先受理补贴申请，再核验", "hl_jb",
	    "verify.fail", kv("sale", sale), "reason=未受理", NULL);
	make_card(card, "621226120201158434");
	fx_ok("hl_jb", "claim.new", "serial=XG26A001", "id_no=" ID_A,
	    kv("bank_account", card), "township=640122100", NULL);
	fx_ok("xg_zhen", "verify.pass", kv("sale", sale), "method=office",
	    ALL_OK, WITH_JB, NULL);
	sale_state(st, sizeof st, sale);
	assert_string_equal(st, "verified");
	machine_state(st, sizeof st, sale);
	assert_string_equal(st, "verified");
}

/* R-004-A4-3 004 附件4 三 逐台核实: a unit waiting for its check; not twice. */
static void
pass_refused_when_not_waiting(void **state)
{
	char sale[NJ_KEY_MAX];

	(void)state;
	sold(sale, ID_A, "张三", "1.1.3", "03", "XG26A001", "12000", NULL);
	fx_ok("hl_jb", "verify.pass", kv("sale", sale), "method=office",
	    ALL_OK, WITH_SH, NULL);
	fx_refused("已核验或已结算，不能再核验", "hl_sh", "verify.pass",
	    kv("sale", sale), "method=office", NULL);
	fx_refused("已核验或已结算，不能再核验", "hl_sh", "verify.fail",
	    kv("sale", sale), "reason=复查", NULL);
	q_run("UPDATE sales SET state = 'paid' WHERE id = ?1", sale, NULL);
	fx_refused("已核验或已结算，不能再核验", "hl_sh", "verify.pass",
	    kv("sale", sale), "method=office", NULL);
	q_run("UPDATE sales SET state = 'cancelled' WHERE id = ?1", sale,
	    NULL);
	fx_refused("不能再核验", "hl_sh", "verify.fail", kv("sale", sale),
	    "reason=复查", NULL);
}

/* 003 附件3 第七条: a 不符 item is a failed check, not a pass. */
static void
pass_refused_with_checklist_problems(void **state)
{
	char sale[NJ_KEY_MAX];

	(void)state;
	sold(sale, ID_A, "张三", "1.1.3", "03", "XG26A001", "12000", NULL);
	fx_refused("核验有不符项（1. 发票姓名或金额与登记不符），请使用“核验不通过”"
	    "一次性告知购机者", "hl_jb", "verify.pass", kv("sale", sale),
	    "method=office", "check_identity=1", "check_invoice=0", NULL);
	fx_refused("核验有不符项（1. 购机者身份与申请人不一致；2. 发票上的经销商"
	    "与系统不符）", "hl_jb", "verify.pass", kv("sale", sale),
	    "method=office", "check_identity=不符", "check_dealer=0", NULL);
	fx_refused("1. 铭牌（生产企业、型号、出厂编号、发动机号）与系统不符",
	    "hl_jb", "verify.pass", kv("sale", sale), "method=onsite",
	    "check_nameplate=0", NULL);
	fx_refused("核验有不符项（1. 牌证材料不全或不符）", "hl_jb",
	    "verify.pass", kv("sale", sale), "method=office",
	    "check_licence=0", NULL);
	fx_refused("应为以下之一：相符、不符", "hl_jb", "verify.pass",
	    kv("sale", sale), "method=office", "check_licence=2", NULL);
	/* 相符 in words passes */
	fx_ok("hl_jb", "verify.pass", kv("sale", sale), "method=office",
	    "check_identity=相符", "check_invoice=相符", "check_nameplate=相符",
	    "check_dealer=1", "check_account=1", "check_promise=相符", WITH_SH,
	    NULL);
}

/* R-004-M-8.2.6 004 八(二)六: licensed machines (tractors, combines) need the licence. */
static void
pass_refused_without_licence(void **state)
{
	char sale[NJ_KEY_MAX], lic[32];

	(void)state;
	sold(sale, ID_A, "张三", "9.1.1", "03", "TL26A001", "68000", NULL);
	fx_refused("牌证管理的机具须填写牌证号码", "hl_jb", "verify.pass",
	    kv("sale", sale), "method=onsite", ALL_OK, NULL);
	assert_string_equal(fx_field, "licence_no");
	/* given at the check, kept on the sale for the second verifier */
	fx_ok("hl_jb", "verify.pass", kv("sale", sale), "method=onsite",
	    "licence_no=宁01-12345", ALL_OK, NULL);
	fx_ok("hl_sh", "verify.pass", kv("sale", sale), "method=onsite",
	    ALL_OK, NULL);
	q_text(lic, sizeof lic, "SELECT licence_no FROM sales WHERE id = ?1",
	    sale, NULL);
	assert_string_equal(lic, "宁01-12345");
	/* given by the dealer at the sale: nothing more to ask */
	sold(sale, ID_B, "李四", "9.1.1", "03", "TL26A002", "68000",
	    "宁01-22222");
	fx_ok("hl_jb", "verify.pass", kv("sale", sale), "method=onsite",
	    ALL_OK, NULL);
	fx_ok("xg_zhen", "verify.pass", kv("sale", sale), "method=onsite",
	    ALL_OK, NULL);
	q_text(lic, sizeof lic, "SELECT state || ' ' || licence_no FROM sales "
	    "WHERE id = ?1", sale, NULL);
	assert_string_equal(lic, "verified 宁01-22222");
}

/* R-003-A3-7.3.1 003 附件3 第七条(三): 补贴额10000元以上 须进行实地核验. */
static void
pass_key_machine_needs_onsite(void **state)
{
	char sale[NJ_KEY_MAX];

	(void)state;
	sold(sale, ID_A, "张三", "9.1.1", "03", "TL26A001", "68000",
	    "宁01-12345");
	fx_refused("重点机具须现场核验", "hl_jb", "verify.pass",
	    kv("sale", sale), "method=office", NULL);
	assert_string_equal(fx_field, "method");
	fx_refused("重点机具须现场核验", "hl_jb", "verify.pass",
	    kv("sale", sale), "method=video", NULL);
	/* a machine made key by the year's threshold (subsidy >= it) */
	fx_ok("admin", "program.set", "year=2026", "key_threshold=2800", NULL);
	sold(sale, ID_B, "李四", "1.1.3", "03", "XG26A001", "12000", NULL);
	fx_refused("重点机具须现场核验", "hl_jb", "verify.pass",
	    kv("sale", sale), "method=office", NULL);
	fx_ok("hl_jb", "verify.pass", kv("sale", sale), "method=现场核验",
	    ALL_OK, NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM verifications WHERE "
	    "sale_id = ?1 AND method = 'onsite'", sale, NULL), 1);
}

/* R-003-A3-7a 003 附件3 第七条: 双人交叉核验: two different people check a key machine. */
static void
pass_key_machine_needs_two_people(void **state)
{
	char sale[NJ_KEY_MAX], st[32];

	(void)state;
	sold(sale, ID_A, "张三", "9.1.1", "03", "TL26A001", "68000",
	    "宁01-12345");
	fx_ok("hl_jb", "verify.pass", kv("sale", sale), "method=onsite",
	    ALL_OK, NULL);
	assert_string_equal(fx_outbuf, "已记录第一人现场核验，还需另一名人员现场核验\n");
	sale_state(st, sizeof st, sale);
	assert_string_equal(st, "recorded");
	machine_state(st, sizeof st, sale);
	assert_string_equal(st, "sold");
	assert_int_equal(fx_int("SELECT count(*) FROM sales WHERE id = ?1 AND "
	    "verified_at IS NULL", sale, NULL), 1);
	/* the same person twice is still one person */
	fx_refused("重点机具须由两名不同人员现场核验，您已核验过", "hl_jb",
	    "verify.pass", kv("sale", sale), "method=onsite", ALL_OK, NULL);
	assert_string_equal(fx_field, "sale");
	fx_ok("hl_sh", "verify.pass", kv("sale", sale), "method=onsite",
	    ALL_OK, NULL);
	assert_string_equal(fx_outbuf, "");
	sale_state(st, sizeof st, sale);
	assert_string_equal(st, "verified");
	machine_state(st, sizeof st, sale);
	assert_string_equal(st, "verified");
	assert_int_equal(fx_int("SELECT count(DISTINCT user_id) FROM "
	    "verifications WHERE sale_id = ?1 AND result = 'pass' AND method = "
	    "'onsite'", sale, NULL), 2);
}

/* 003 附件3 第七条(三): a claimed key machine stays claimed after one check. */
static void
pass_key_machine_buy_first(void **state)
{
	char sale[NJ_KEY_MAX], st[32], card[24];

	(void)state;
	fx_ok("admin", "program.set", "year=2026", "flow=buy-first", NULL);
	make_card(card, "621226120201158434");
	sold_first(sale, ID_A, "张三", "TL26A001", "68000");
	fx_ok("hl_jb", "claim.new", "serial=TL26A001", "id_no=" ID_A,
	    kv("bank_account", card), "township=640122100", NULL);
	fx_ok("xg_zhen", "verify.pass", kv("sale", sale), "method=onsite",
	    "licence_no=宁01-33333", ALL_OK, NULL);
	sale_state(st, sizeof st, sale);
	assert_string_equal(st, "claimed");
	fx_refused("您已核验过", "xg_zhen", "verify.pass", kv("sale", sale),
	    "method=onsite", NULL);
	/* failed, then checked again by one: claimed again, not failed */
	fx_ok("hl_sh", "verify.fail", kv("sale", sale), "method=onsite",
	    "reason=人机合照不清晰", NULL);
	sale_state(st, sizeof st, sale);
	assert_string_equal(st, "failed");
	fx_ok("xg_zhen", "verify.pass", kv("sale", sale), "method=onsite",
	    ALL_OK, NULL);
	sale_state(st, sizeof st, sale);
	assert_string_equal(st, "claimed");
	fx_ok("hl_sh", "verify.pass", kv("sale", sale), "method=onsite",
	    ALL_OK, NULL);
	sale_state(st, sizeof st, sale);
	assert_string_equal(st, "verified");
}

/*
 * R-002-M-3 002 三: 补贴额小于2000元的非安装类小型机具 may be checked by
 * video: a 2,800-yuan 旋耕机 is above the default threshold; a year that
 * raises it to 3,000 yuan allows it; installed equipment never.
 */
static void
pass_video_only_below_threshold(void **state)
{
	char sale[NJ_KEY_MAX], st[32];

	(void)state;
	sold(sale, ID_A, "张三", "1.1.3", "03", "XG26A001", "12000", NULL);
	fx_refused("视频核验仅限补贴额低于 2000.00 元的机具，本机补贴 2800.00 元",
	    "hl_jb", "verify.pass", kv("sale", sale), "method=video", ALL_OK,
	    WITH_SH, NULL);
	assert_string_equal(fx_field, "method");
	assert_int_equal(fx_int("SELECT count(*) FROM verifications WHERE "
	    "sale_id = ?1", sale, NULL), 0);
	fx_ok("admin", "program.set", "year=2026", "video_max=3000", NULL);
	assert_int_equal(fx_int("SELECT video_max FROM programs WHERE year = "
	    "2026", NULL), 300000);
	/* installed equipment (设施安装类) never, whatever its subsidy */
	q_run("UPDATE tiers SET installed = 1 WHERE year = 2026 AND "
	    "item_code = '1.1.3'", NULL);
	fx_refused("设施安装类机具不得视频核验，须现场核验", "hl_jb",
	    "verify.pass", kv("sale", sale), "method=video", ALL_OK, WITH_SH,
	    NULL);
	q_run("UPDATE tiers SET installed = 0 WHERE year = 2026 AND "
	    "item_code = '1.1.3'", NULL);
	fx_ok("hl_jb", "verify.pass", kv("sale", sale), "method=video",
	    ALL_OK, WITH_SH, NULL);
	sale_state(st, sizeof st, sale);
	assert_string_equal(st, "verified");
	/* the catalogue marks a 设施农业设备 class installed, others not */
	assert_int_equal(fx_int("SELECT installed FROM tiers WHERE year = 2026 "
	    "AND item_code = '11.1.1'", NULL), 1);
	assert_int_equal(fx_int("SELECT installed FROM tiers WHERE year = 2026 "
	    "AND item_code = '1.1.3' AND code = '03'", NULL), 0);
}

/* R-000-M-3.2.4b 000 三(二)4: 合作组织购买情况需派人实际逐台核实. */
static void
pass_org_machine_on_site(void **state)
{
	char uscc[24], app[NJ_KEY_MAX], n[NJ_KEY_MAX], sale[NJ_KEY_MAX];
	char st[32];

	(void)state;
	make_uscc(uscc, "93", "640122", 2024);
	fx_ok("hl_jb", "application.new", "buyer_type=org",
	    "buyer_name=贺兰县丰源农机专业合作社", kv("id_no", uscc),
	    "township=640122100", "item=1.1.3", "tier=03", "qty=1",
	    "bank_name=黄河农村商业银行", "bank_account=2900012345678", NULL);
	snprintf(app, sizeof app, "%s", fx_key);
	fx_ok("hl_jb", "application.submit", kv("application", app), NULL);
	fx_ok("hl_sh", "application.approve", kv("application", app), NULL);
	snprintf(n, sizeof n, "%s", fx_key);
	fx_ok("fs_dealer", "sale.new", kv("notice", n), "buyer_type=org",
	    kv("id_no", uscc), "serial=XG26A002", "price=12000",
	    "sold_on=2026-03-02", "invoice_no=FP-XG26A002", NULL);
	snprintf(sale, sizeof sale, "%s", fx_key);
	fx_refused("农业生产经营组织购买的机具须派人现场逐台核实", "hl_jb",
	    "verify.pass", kv("sale", sale), "method=office", ALL_OK, WITH_SH,
	    NULL);
	assert_string_equal(fx_field, "method");
	fx_refused("农业生产经营组织购买的机具须派人现场逐台核实", "hl_jb",
	    "verify.pass", kv("sale", sale), "method=video", ALL_OK, WITH_SH,
	    NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM verifications WHERE "
	    "sale_id = ?1", sale, NULL), 0);
	fx_ok("hl_jb", "verify.pass", kv("sale", sale), "method=onsite",
	    ALL_OK, WITH_SH, NULL);
	sale_state(st, sizeof st, sale);
	assert_string_equal(st, "verified");
}

/*
 * R-002-A3-2.3a R-003-A3-7b 002 附件3 二(三); 003 附件3 第七条: 双人交叉
 * 核验 (a second verifier of the county, not oneself) or, as the year
 * sets, 个人核验 + 单位内部集体会审 (the review's record number).
 */
static void
pass_by_two_people_or_collective_review(void **state)
{
	char sale[NJ_KEY_MAX], buf[64];

	(void)state;
	sold(sale, ID_A, "张三", "1.1.3", "03", "XG26A001", "12000", NULL);
	fx_refused("本年度实行双人交叉核验：请填写第二核验人", "hl_jb",
	    "verify.pass", kv("sale", sale), "method=office", ALL_OK, NULL);
	assert_string_equal(fx_field, "partner");
	fx_refused("第二核验人不能是本人", "hl_jb", "verify.pass",
	    kv("sale", sale), "method=office", ALL_OK, WITH_JB, NULL);
	fx_refused("第二核验人 yn_jb 不是本县（乡镇）可核验的人员", "hl_jb",
	    "verify.pass", kv("sale", sale), "method=office", ALL_OK,
	    "partner=yn_jb", NULL);
	fx_refused("第二核验人 fs_dealer 不是本县（乡镇）可核验的人员", "hl_jb",
	    "verify.pass", kv("sale", sale), "method=office", ALL_OK,
	    "partner=fs_dealer", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM verifications WHERE "
	    "sale_id = ?1", sale, NULL), 0);
	/* a township clerk of the county is a second verifier too */
	fx_ok("hl_jb", "verify.pass", kv("sale", sale), "method=office",
	    ALL_OK, "partner=xg_zhen", NULL);
	/* the year of a collective review: one verifier and its record */
	fx_ok("admin", "program.set", "year=2026", "verify_mode=review", NULL);
	sold(sale, ID_B, "李四", "1.1.3", "03", "XG26A002", "12000", NULL);
	fx_refused("本年度实行个人核验与单位内部集体会审：请填写集体会审记录编号",
	    "hl_jb", "verify.pass", kv("sale", sale), "method=office", ALL_OK,
	    NULL);
	assert_string_equal(fx_field, "review_no");
	fx_ok("hl_jb", "verify.pass", kv("sale", sale), "method=office",
	    ALL_OK, "review_no=HS-2026-03", NULL);
	q_text(buf, sizeof buf, "SELECT review_no FROM verifications WHERE "
	    "sale_id = ?1", sale, NULL);
	assert_string_equal(buf, "HS-2026-03");
}

/* R-002-A3-2.2.2 002 附件3 二(二)二: 开户名 is the buyer's own name. */
static void
pass_refused_other_account_holder(void **state)
{
	char sale[NJ_KEY_MAX], st[32];

	(void)state;
	sold(sale, ID_A, "张三", "1.1.3", "03", "XG26A001", "12000", NULL);
	fx_refused("开户名“张四”与购机者“张三”不一致", "hl_jb", "verify.pass",
	    kv("sale", sale), "method=office", ALL_OK, WITH_SH,
	    "account_holder=张四", NULL);
	assert_string_equal(fx_field, "account_holder");
	sale_state(st, sizeof st, sale);
	assert_string_equal(st, "recorded");
	fx_ok("hl_jb", "verify.pass", kv("sale", sale), "method=office",
	    ALL_OK, WITH_SH, "account_holder=张三", NULL);
}

/* --- verify.fail -------------------------------------------------------- */

/* R-003-A3-7.2 003 附件3 第七条(二): 将所发现的问题一次性告知购机者. */
static void
fail_records_every_problem_at_once(void **state)
{
	char sale[NJ_KEY_MAX], st[32], buf[1024];
	const char *list = "1. 购机者身份与申请人不一致；2. 铭牌（生产企业、型号、"
	    "出厂编号、发动机号）与系统不符";
	char all[1000];

	(void)state;
	sold(sale, ID_A, "张三", "1.1.3", "03", "XG26A001", "12000", NULL);
	fx_refused("请填写：需要购机者补正的事项", "hl_jb", "verify.fail",
	    kv("sale", sale), NULL);
	fx_ok("hl_jb", "verify.fail", kv("sale", sale), "method=onsite",
	    "check_identity=0", "check_invoice=1", "check_nameplate=0",
	    "reason=请携带本人身份证原件，并补开发票", NULL);
	assert_string_equal(fx_key, sale);
	snprintf(all, sizeof all, "%s；请携带本人身份证原件，并补开发票", list);
	snprintf(buf, sizeof buf, "%s\n", all);
	assert_string_equal(fx_outbuf, buf);
	/* one row holds everything; R-002-A3-2.2 its items one by one */
	assert_int_equal(fx_int("SELECT count(*) FROM verifications WHERE "
	    "sale_id = ?1", sale, NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM verification_checks c "
	    "JOIN verifications v ON v.id = c.verification_id WHERE "
	    "v.sale_id = ?1", sale, NULL), 3);
	assert_int_equal(fx_int("SELECT count(*) FROM verification_checks c "
	    "JOIN verifications v ON v.id = c.verification_id WHERE "
	    "v.sale_id = ?1 AND c.result = 0 AND c.item IN ('check_identity', "
	    "'check_nameplate')", sale, NULL), 2);
	q_text(buf, sizeof buf, "SELECT problems FROM verifications WHERE "
	    "sale_id = ?1", sale, NULL);
	assert_string_equal(buf, all);
	q_text(buf, sizeof buf, "SELECT checks FROM verifications WHERE "
	    "sale_id = ?1", sale, NULL);
	assert_string_equal(buf, list);
	assert_int_equal(fx_int("SELECT count(*) FROM verifications v JOIN "
	    "users u ON u.id = v.user_id WHERE v.sale_id = ?1 AND v.result = "
	    "'fail' AND v.method = 'onsite' AND u.login = 'hl_jb'", sale, NULL),
	    1);
	sale_state(st, sizeof st, sale);
	assert_string_equal(st, "failed");
	machine_state(st, sizeof st, sale);
	assert_string_equal(st, "sold");
	/* the clerk's reason alone is a list of one */
	sold(sale, ID_B, "李四", "1.1.3", "03", "XG26A002", "12000", NULL);
	fx_ok("xg_zhen", "verify.fail", kv("sale", sale),
	    "reason=发票金额与登记不一致", NULL);
	q_text(buf, sizeof buf, "SELECT problems || '|' || ifnull(checks, '') "
	    "|| '|' || ifnull(method, '-') FROM verifications WHERE sale_id = "
	    "?1", sale, NULL);
	assert_string_equal(buf, "发票金额与登记不一致||-");
}

/* 003 附件3: once mended, a failed sale is checked again. */
static void
fail_then_checked_again(void **state)
{
	char sale[NJ_KEY_MAX], st[32];

	(void)state;
	sold(sale, ID_A, "张三", "1.1.3", "03", "XG26A001", "12000", NULL);
	fx_ok("hl_jb", "verify.fail", kv("sale", sale), "check_invoice=0",
	    "reason=补开发票", NULL);
	/* failed again: a second notice */
	fx_ok("hl_sh", "verify.fail", kv("sale", sale), "check_invoice=0",
	    "reason=发票仍不符", NULL);
	sale_state(st, sizeof st, sale);
	assert_string_equal(st, "failed");
	fx_ok("hl_jb", "verify.pass", kv("sale", sale), "method=office",
	    ALL_OK, WITH_SH, NULL);
	sale_state(st, sizeof st, sale);
	assert_string_equal(st, "verified");
	machine_state(st, sizeof st, sale);
	assert_string_equal(st, "verified");
	assert_int_equal(fx_int("SELECT count(*) FROM verifications WHERE "
	    "sale_id = ?1", sale, NULL), 3);
}

/*
 * 003 附件3 第七条(三): a key machine failed between two checks: the pass
 * before the failure no longer counts; two people check again, and the
 * first of them puts the sale back in the queue (recorded), not failed.
 */
static void
fail_key_machine_restarts_two_checks(void **state)
{
	char sale[NJ_KEY_MAX], st[32];

	(void)state;
	sold(sale, ID_A, "张三", "9.1.1", "03", "TL26A001", "68000",
	    "宁01-12345");
	fx_ok("hl_jb", "verify.pass", kv("sale", sale), "method=onsite",
	    ALL_OK, NULL);
	fx_ok("hl_sh", "verify.fail", kv("sale", sale), "method=onsite",
	    "check_nameplate=0", "reason=发动机号与铭牌不符", NULL);
	sale_state(st, sizeof st, sale);
	assert_string_equal(st, "failed");
	fx_ok("hl_sh", "verify.pass", kv("sale", sale), "method=onsite",
	    ALL_OK, NULL);
	assert_string_equal(fx_outbuf, "已记录第一人现场核验，还需另一名人员现场核验\n");
	sale_state(st, sizeof st, sale);
	assert_string_equal(st, "recorded");
	/* hl_jb's pass before the failure does not bar him now */
	fx_ok("hl_jb", "verify.pass", kv("sale", sale), "method=onsite",
	    ALL_OK, NULL);
	sale_state(st, sizeof st, sale);
	assert_string_equal(st, "verified");
	machine_state(st, sizeof st, sale);
	assert_string_equal(st, "verified");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(pass_verifies_sale_and_machine),
		FX_TEST(pass_refused_out_of_scope),
		FX_TEST(pass_refused_before_claim),
		FX_TEST(pass_refused_when_not_waiting),
		FX_TEST(pass_refused_with_checklist_problems),
		FX_TEST(pass_refused_without_licence),
		FX_TEST(pass_key_machine_needs_onsite),
		FX_TEST(pass_key_machine_needs_two_people),
		FX_TEST(pass_key_machine_buy_first),
		FX_TEST(pass_video_only_below_threshold),
		FX_TEST(pass_org_machine_on_site),
		FX_TEST(pass_by_two_people_or_collective_review),
		FX_TEST(pass_refused_other_account_holder),
		FX_TEST(fail_records_every_problem_at_once),
		FX_TEST(fail_then_checked_again),
		FX_TEST(fail_key_machine_restarts_two_checks),
	};

	return FX_RUN(tests);
}
