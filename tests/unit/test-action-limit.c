/*
 * test-action-limit.c: regional limits of catalogue rows (issue 10 item
 * 3; action-limit.c): a region list (限南部山区) refuses applications,
 * sales and claims of other counties, with the limit named, and writes
 * nothing; a condition (仅限卷管式) must be confirmed by the county on the
 * application or the claim (confirm_limit=1).
 *
 * Demo facts used: catalogue 2026 5.1.1/01 稻麦脱粒机 (600 yuan) 限南部山区
 * in 640400 固原市, 640522 海原县, 640324 同心县, 640323 盐池县; 7.2.1/01
 * 卷管式喷灌机 (9000 yuan) 仅限卷管式, no region list; 1.1.3/03 (2800
 * yuan, 1GQN-200) without a limit; fs_dealer (FS) holds XG26A001-006 of
 * 1GQN-200, authorised in several counties; county clerks hl_jb, hl_sh
 * (640122 贺兰县), township clerk xg_zhen (640122100).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#define ID_A	"640122198001011238"
#define ID_B	"640122197512034568"
#define ID_D	"640422198503102347"

#define ZHANG_SAN \
	"buyer_type=person", "buyer_name=张三", "id_no=" ID_A, \
	"township=640122100"

/* R-004-M-3.1b 004 三(一) 仅限南部山区补贴: the import keeps the region list. */
static void
catalogue_carries_region_list(void **state)
{
	(void)state;
	assert_int_equal(fx_int("SELECT count(*) FROM tiers WHERE year = 2026 "
	    "AND item_code = '5.1.1' AND code = '01' AND region_limit = "
	    "'限南部山区' AND limit_regions = '640400,640522,640324,640323'",
	    NULL), 1);
	assert_int_equal(fx_int("SELECT count(*) FROM tiers WHERE year = 2026 "
	    "AND item_code = '7.2.1' AND region_limit = '仅限卷管式' AND "
	    "limit_regions = ''", NULL), 1);
}

/*
 * R-004-M-3.1b 004 三(一): an application of 贺兰县 for a 稻麦脱粒机 (限南部
 * 山区) is refused, nothing written; in a county of the list it passes,
 * and a city in the list stands for its counties.
 */
static void
application_outside_region_refused(void **state)
{
	(void)state;
	fx_refused("该机具限南部山区补贴，贺兰县不在限定区域内", "xg_zhen",
	    "application.new", ZHANG_SAN, "item=5.1.1", "tier=01", "qty=1",
	    NULL);
	assert_string_equal(fx_field, "tier");
	assert_int_equal(fx_int("SELECT count(*) FROM applications", NULL), 0);
	/* confirming does not move a region */
	fx_refused("贺兰县不在限定区域内", "hl_jb", "application.new",
	    ZHANG_SAN, "item=5.1.1", "tier=01", "qty=1", "confirm_limit=1",
	    NULL);
	/* a line added later is checked the same */
	fx_ok("xg_zhen", "application.new", ZHANG_SAN, "item=1.1.3",
	    "tier=03", "qty=1", NULL);
	fx_refused("该机具限南部山区补贴", "xg_zhen", "application.line",
	    kv("application", fx_key), "item=5.1.1", "tier=01", "qty=1", NULL);
	/* 银川市 (640100) in the list: 贺兰县 is one of its counties */
	q_exec("UPDATE tiers SET limit_regions = '640400,640100' WHERE "
	    "year = 2026 AND item_code = '5.1.1'");
	fx_ok("xg_zhen", "application.new", "buyer_type=person",
	    "buyer_name=李四", "id_no=" ID_B, "township=640122100",
	    "item=5.1.1", "tier=01", "qty=1", NULL);
	assert_int_equal(fx_int("SELECT l.central FROM application_lines l "
	    "JOIN applications a ON a.id = l.app_id WHERE a.no = ?1",
	    fx_key, NULL), 60000);
}

/*
 * R-004-A3-0 004 附件3 (7.2.1 喷灌机 仅限卷管式): a condition the county
 * confirms on the application: unconfirmed refused, a township clerk
 * cannot confirm it, the county's confirmation is kept on the line.
 */
static void
application_condition_confirmed(void **state)
{
	(void)state;
	fx_refused("该机具仅限卷管式补贴：请县级农机部门核实后确认", "hl_jb",
	    "application.new", ZHANG_SAN, "item=7.2.1", "tier=01", "qty=1",
	    NULL);
	assert_string_equal(fx_field, "confirm_limit");
	fx_refused("该机具仅限卷管式补贴：请县级农机部门核实后确认", "hl_jb",
	    "application.new", ZHANG_SAN, "item=7.2.1", "tier=01", "qty=1",
	    "confirm_limit=0", NULL);
	fx_refused("限制条件须由县级农机部门确认", "xg_zhen",
	    "application.new", ZHANG_SAN, "item=7.2.1", "tier=01", "qty=1",
	    "confirm_limit=1", NULL);
	fx_ok("hl_jb", "application.new", ZHANG_SAN, "item=7.2.1", "tier=01",
	    "qty=1", "confirm_limit=1", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM application_lines l "
	    "JOIN applications a ON a.id = l.app_id WHERE a.no = ?1 AND "
	    "l.limit_confirmed = 1 AND l.central = 900000", fx_key, NULL), 1);
	/* the screen tells the limit as the clerk picks the tier */
	{
		const char	*names[] = { "item", "tier", "qty" };
		const char	*vals[] = { "7.2.1", "01", "1" };
		struct actor	 who;
		char		 buf[512], err[NJ_MSG_MAX];

		assert_int_equal(actor_load("hl_jb", &who, err, sizeof err), 0);
		assert_int_equal(action_preview(&who, "application.new", 3,
		    names, vals, buf, sizeof buf), NJ_OK);
		assert_non_null(strstr(buf, "9000.00 元；仅限卷管式"));
	}
	/* a row without a limit needs no confirmation */
	fx_ok("xg_zhen", "application.new", ZHANG_SAN, "item=1.1.3",
	    "tier=03", "qty=1", NULL);
	assert_int_equal(fx_int("SELECT limit_confirmed FROM application_lines "
	    "l JOIN applications a ON a.id = l.app_id WHERE a.no = ?1",
	    fx_key, NULL), 0);
}

/*
 * R-004-M-3.1b 004 三(一): a buy-first sale of a row limited to the
 * south, to a buyer of 贺兰县, is refused at the dealer, nothing
 * written; to a buyer of 西吉县 (固原市) it is recorded.
 */
static void
sale_outside_region_refused(void **state)
{
	(void)state;
	fx_ok("admin", "program.set", "year=2026", "flow=buy-first", NULL);
	q_exec("UPDATE tiers SET region_limit = '限南部山区', limit_regions = "
	    "'640400,640522' WHERE year = 2026 AND item_code = '1.1.3' AND "
	    "code = '03'");
	fx_refused("该机具限南部山区补贴，贺兰县不在限定区域内", "fs_dealer",
	    "sale.new", "buyer_type=person", "buyer_name=张三", "id_no=" ID_A,
	    "serial=XG26A001", "price=3000", "sold_on=2026-03-01",
	    "invoice_no=FP1", "county=640122", NULL);
	assert_string_equal(fx_field, "county");
	/* 西吉县: no sales-region setting there, so the whole province
	 * (004 四(一)) once the maker's setting for the model is gone */
	q_exec("DELETE FROM dealer_products WHERE product_id = (SELECT id "
	    "FROM products WHERE model = '1GQN-200')");
	fx_ok("fs_dealer", "sale.new", "buyer_type=person", "buyer_name=赵四",
	    "id_no=" ID_D, "serial=XG26A001", "price=3000",
	    "sold_on=2026-03-01", "invoice_no=FP1", "county=640422", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM sales WHERE county = "
	    "'640422' AND subsidy = 280000", NULL), 1);
}

/*
 * R-004-A3-0 004 附件3: a buy-first claim of a row with a condition
 * needs the county's confirmation; the claim's line keeps it.
 */
static void
claim_condition_confirmed(void **state)
{
	char card[24];

	(void)state;
	make_card(card, "621226120201158434");
	fx_ok("admin", "program.set", "year=2026", "flow=buy-first", NULL);
	q_exec("UPDATE tiers SET region_limit = '仅限卷管式' WHERE year = 2026 "
	    "AND item_code = '1.1.3' AND code = '03'");
	/* the dealer cannot confirm: the sale is recorded */
	fx_ok("fs_dealer", "sale.new", "buyer_type=person", "buyer_name=张三",
	    "id_no=" ID_A, "serial=XG26A001", "price=3000",
	    "sold_on=2026-03-01", "invoice_no=FP1", "county=640122", NULL);
	fx_refused("该机具仅限卷管式补贴：请县级农机部门核实后确认", "hl_jb",
	    "claim.new", "serial=XG26A001", "id_no=" ID_A,
	    "bank_name=黄河农村商业银行", kv("bank_account", card),
	    NULL);
	fx_ok("hl_jb", "claim.new", "serial=XG26A001", "id_no=" ID_A,
	    "bank_name=黄河农村商业银行", kv("bank_account", card),
	    "confirm_limit=1", NULL);
	assert_int_equal(fx_int("SELECT count(*) FROM application_lines l "
	    "JOIN applications a ON a.id = l.app_id WHERE a.no = ?1 AND "
	    "l.limit_confirmed = 1", fx_key, NULL), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(catalogue_carries_region_list),
		FX_TEST(application_outside_region_refused),
		FX_TEST(application_condition_confirmed),
		FX_TEST(sale_outside_region_refused),
		FX_TEST(claim_condition_confirmed),
	};

	return FX_RUN(tests);
}
